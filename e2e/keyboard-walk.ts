/**
 * The Tab walk of a page (WCAG 2.1.1, 2.4.3, 2.4.7, 2.4.11, 1.4.11): Tab from the top of the page
 * reaches every visible control, each with a visible focus indicator of sufficient contrast, in view
 * and not hidden behind anything. Run by the desktop sweep of a11y.test.ts on every page, which has
 * the page loaded already.
 */
import type { Page } from 'playwright-core';
import { contrastRatio } from '../scripts/lib/site-checks/contrast.ts';

export interface Stop {
  index: number | null;
  description: string;
  outline: string;
  outlineColor: string;
  behind: string;
  boxShadow: string;
  inViewport: boolean;
  obscuredBy: string | null;
}

/** Marks every element a keyboard user must be able to reach; returns a description of each. */
function markFocusables(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = [
      'a[href]',
      'area[href]',
      'button:not([disabled])',
      'input:not([type="hidden"]):not([disabled])',
      'select:not([disabled])',
      'textarea:not([disabled])',
      'summary',
      'iframe',
      '[contenteditable]:not([contenteditable="false"])',
      'audio[controls]',
      'video[controls]',
      '[tabindex]:not([tabindex="-1"])',
    ].join(',');
    const all = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
      if (el.tabIndex < 0 || el.closest('[inert]')) return false;
      // Rendered (the skip link is rendered off screen until focused, and counts).
      if (!el.checkVisibility({ checkVisibilityCSS: true })) return false;
      // Closed <details>: only its summary is reachable.
      const details = el.closest('details');
      if (details && !details.open && el.tagName !== 'SUMMARY' && !el.closest('summary')) return false;
      return true;
    });
    // Radio groups take one Tab stop.
    const seenRadioGroups = new Set<string>();
    const expected = all.filter((el) => {
      if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
        if (seenRadioGroups.has(el.name)) return false;
        seenRadioGroups.add(el.name);
      }
      return true;
    });
    expected.forEach((el, i) => el.setAttribute('data-kb', String(i)));
    return expected.map(
      (el) =>
        `${el.tagName.toLowerCase()} «${(el.textContent ?? el.getAttribute('aria-label') ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}»`,
    );
  });
}

function focusedStop(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const style = getComputedStyle(el);
    // Background behind the outline: the nearest ancestor with an opaque background.
    let behind = 'rgb(255, 255, 255)';
    for (let p: HTMLElement | null = el.parentElement; p; p = p.parentElement) {
      const bg = getComputedStyle(p).backgroundColor;
      if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) {
        behind = bg;
        break;
      }
    }
    const rects = [...el.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    const rect = rects[0] ?? el.getBoundingClientRect();
    const inViewport =
      rect.bottom > 0 && rect.right > 0 && rect.top < window.innerHeight && rect.left < window.innerWidth;
    let obscuredBy: string | null = null;
    if (inViewport) {
      const x = Math.min(Math.max(rect.left + rect.width / 2, 0), window.innerWidth - 1);
      const y = Math.min(Math.max(rect.top + Math.min(rect.height / 2, 8), 0), window.innerHeight - 1);
      const hit = document.elementFromPoint(x, y);
      if (hit && hit !== el && !el.contains(hit) && !hit.contains(el))
        obscuredBy = `${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')}`;
    }
    return {
      index: el.hasAttribute('data-kb') ? Number(el.getAttribute('data-kb')) : null,
      description: `${el.tagName.toLowerCase()} «${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}»`,
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
      outlineColor: style.outlineColor,
      behind,
      boxShadow: style.boxShadow,
      inViewport,
      obscuredBy,
    };
  });
}

export interface TabWalk {
  /** Every control a keyboard user must reach (markFocusables). */
  expected: string[];
  /** Those Tab never reached. */
  unreached: string[];
  /** Focus indicator problems, a line per stop. */
  problems: string[];
  /** The first Tab stop. */
  first: Stop | null;
}

/** Presses Tab from the top of a freshly loaded page through to its end (or until focus wraps around). */
export async function tabWalk(page: Page): Promise<TabWalk> {
  const expected = await markFocusables(page);
  const reached = new Set<number>();
  const problems: string[] = [];
  let first: Stop | null = null;
  // The first marked stop: reaching it again means focus wrapped around.
  let firstIndex: number | null = null;
  for (let presses = 0; presses < expected.length + 40; presses++) {
    await page.keyboard.press('Tab');
    const stop = await focusedStop(page);
    if (!stop) {
      if (reached.size > 0) break; // Tabbed past the end of the page.
      continue;
    }
    if (stop.index !== null && stop.index === firstIndex && reached.has(stop.index)) break; // Wrapped around.
    first ??= stop;
    firstIndex ??= stop.index;
    if (stop.index !== null) reached.add(stop.index);
    const outlineWidth = parseFloat(stop.outline.split(' ')[1] ?? '0');
    const hasOutline = !stop.outline.startsWith('none') && outlineWidth >= 2;
    if (!hasOutline && stop.boxShadow === 'none')
      problems.push(`${stop.description}: no visible focus indicator (outline ${stop.outline})`);
    if (hasOutline && contrastRatio(stop.outlineColor, stop.behind) < 3) {
      problems.push(
        `${stop.description}: focus outline ${stop.outlineColor} has contrast < 3:1 against ${stop.behind}`,
      );
    }
    if (!stop.inViewport) problems.push(`${stop.description}: focused but scrolled out of view`);
    if (stop.obscuredBy) problems.push(`${stop.description}: focused but hidden behind ${stop.obscuredBy}`);
  }
  return { expected, unreached: expected.filter((_, i) => !reached.has(i)), problems, first };
}
