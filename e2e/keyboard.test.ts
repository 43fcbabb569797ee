// Keyboard use on every page: Tab reaches every visible control, each with a visible focus indicator
// of sufficient contrast, not hidden behind anything (WCAG 2.1.1, 2.4.3, 2.4.7, 2.4.11, 1.4.11).
// The page, every control focused and then scrolled through, has sent nothing elsewhere and stored
// nothing (privacy-checks.ts). Then the key paths a reader takes, by keyboard only.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { contrastRatio } from '../scripts/lib/site-checks/contrast.ts';
import { newPage, servedPath, siteUrl } from './harness.ts';
import { openAndSettle, pageStates, recordingPage, scrollSettled, SEARCH_QUERY, SWEEP_TIMEOUT } from './site.ts';
import { privacyFindings, PRIVATE } from './privacy-checks.ts';

const states = pageStates();

interface Stop {
  index: number | null;
  description: string;
  outline: string;
  outlineColor: string;
  behind: string;
  boxShadow: string;
  inViewport: boolean;
  obscuredBy: string | null;
}

/** Marks every element a keyboard user must be able to reach; returns how many. */
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

// Pages are independent: several are walked at once, each in its own browser context.
describe.concurrent('Tab reaches every control, each visibly focused; nothing leaves the site or is stored', () => {
  test.for(states)('$name', { timeout: SWEEP_TIMEOUT }, async ({ url, page: sitePage }, { expect, onTestFinished }) => {
    // Reduced motion: should a page scroll smoothly, focus still lands at once and can be measured.
    const recording = await recordingPage({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
      closeWith: onTestFinished,
    });
    const { page } = recording;
    expect(await openAndSettle(page, url)).toBe(200);
    const expected = await markFocusables(page);
    expect(expected.length).toBeGreaterThan(3);
    const reached = new Set<number>();
    const problems: string[] = [];
    let first: number | null | undefined;
    for (let presses = 0; presses < expected.length + 40; presses++) {
      await page.keyboard.press('Tab');
      const stop = await focusedStop(page);
      if (!stop) {
        if (reached.size > 0) break; // Tabbed past the end of the page.
        continue;
      }
      if (stop.index !== null && reached.has(stop.index) && stop.index === first) break; // Wrapped around.
      first ??= stop.index;
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
    const unreached = expected.filter((_, i) => !reached.has(i));
    expect(unreached, 'controls Tab never reaches').toEqual([]);
    expect(problems).toEqual([]);
    expect(await privacyFindings(recording, sitePage)).toEqual(PRIVATE);
  });
});

/**
 * Presses Tab until `predicate(focused element, arg)` holds; fails after `max` presses. The predicate
 * runs in the page, so it may use only its arguments.
 */
async function tabUntil<A>(
  page: Page,
  predicate: (el: Element, arg: A) => boolean,
  arg: A,
  what: string,
  max = 120,
): Promise<void> {
  const check = `(${predicate.toString()})(document.activeElement ?? document.body, ${JSON.stringify(arg)})`;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(check)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Waits (through smooth scrolling) until the element's top is on screen; fails after 3 s. */
async function scrolledIntoView(page: Page, selector: string): Promise<void> {
  await page
    .waitForFunction(
      (sel) => {
        const top = document.querySelector(sel)?.getBoundingClientRect().top ?? -1e9;
        return top >= -1 && top < window.innerHeight - 40;
      },
      selector,
      { timeout: 3000 },
    )
    .catch(() => {
      throw new Error(`${selector} was not scrolled into view`);
    });
  await scrollSettled(page);
}

const hrefIs = (el: Element, href: string) => el.getAttribute('href') === href;
const built = (kind: string) => states.some((s) => s.page.kind === kind);

describe('key paths by keyboard only', () => {
  test('home → skip link → letter → demand → the article it relies on', async () => {
    const page = await newPage();
    await openAndSettle(page, '/');
    await tabUntil(page, (el) => el.textContent === '本文へ移動', null, 'the skip link', 1);
    await page.keyboard.press('Enter');
    await tabUntil(
      page,
      (el, href) => el.getAttribute('href') === href && el.closest('main') !== null,
      servedPath('/letters/2019-07-23-soumu/'),
      'the letter link in main',
      40,
    );
    await Promise.all([page.waitForURL('**/letters/2019-07-23-soumu/'), page.keyboard.press('Enter')]);
    await tabUntil(page, hrefIs, servedPath('/letters/2019-07-23-soumu/demands/2/'), 'demand 2 in the letter');
    await Promise.all([page.waitForURL('**/letters/2019-07-23-soumu/demands/2/'), page.keyboard.press('Enter')]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('要求2');
    await tabUntil(
      page,
      (el) => (el.getAttribute('href') ?? '').endsWith('#article-20'),
      null,
      'the link to article 20',
    );
    await Promise.all([page.waitForURL('**/references/mie-my-number-rules/#article-20'), page.keyboard.press('Enter')]);
    await scrolledIntoView(page, '#article-20');
  });

  test('header navigation: each item reachable by Tab, Enter opens it, aria-current marks it', async () => {
    const page = await newPage();
    await openAndSettle(page, '/');
    const items = await page
      .getByRole('navigation', { name: 'サイト' })
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(items.length).toBeGreaterThan(3);
    // Items whose page is not in the build are the link check's failure, not this test's.
    for (const href of items.filter((h) => h !== '/' && states.some((s) => s.page.path === h))) {
      await openAndSettle(page, '/');
      await tabUntil(
        page,
        (el, h) => el.closest('nav') !== null && el.getAttribute('href') === h,
        href,
        `nav link ${href}`,
        20,
      );
      await Promise.all([page.waitForURL(`**${href}`), page.keyboard.press('Enter')]);
      const current = page.getByRole('navigation', { name: 'サイト' }).locator('[aria-current="page"]');
      await expect(current.getAttribute('href')).resolves.toBe(href);
    }
  });

  test('regulation: a table-of-contents link moves reading and Tab order to the article', async () => {
    const page = await newPage();
    await openAndSettle(page, '/references/mie-my-number-rules/');
    const toc = page.getByRole('navigation', { name: '目次' });
    const target = await toc.getByRole('link').nth(2).getAttribute('href');
    expect(target).toMatch(/^#article-\d+$/);
    await tabUntil(
      page,
      (el, h) => el.closest('nav') !== null && el.getAttribute('href') === h,
      target!,
      'the third TOC entry',
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${target}`);
    await scrolledIntoView(page, target!);
    // The next Tab continues from the article, not from the table of contents.
    await page.keyboard.press('Tab');
    const after = await page.evaluate((sel) => {
      const article = document.querySelector(sel)!;
      const active = document.activeElement!;
      return article.contains(active) || !!(article.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
    }, target!);
    expect(after).toBe(true);
  });

  test.skipIf(!built('search'))('search from the header: type, Enter, Tab to a result, Enter', async () => {
    const page = await newPage();
    await openAndSettle(page, '/');
    await tabUntil(
      page,
      (el) => el.tagName === 'INPUT' && el.getAttribute('type') === 'search' && el.closest('header') !== null,
      null,
      'the header search box',
      30,
    );
    await page.keyboard.type(SEARCH_QUERY);
    await Promise.all([page.waitForURL('**/search/?q=*'), page.keyboard.press('Enter')]);
    await page.waitForLoadState('networkidle');
    await tabUntil(
      page,
      (el, prefix) => el.closest('main') !== null && (el.getAttribute('href') ?? '').startsWith(prefix),
      servedPath('/letters/'),
      'a search result',
    );
    const href = await page.evaluate(() => document.activeElement!.getAttribute('href')!);
    await Promise.all([page.waitForURL((u) => u.pathname === href.split('#')[0]), page.keyboard.press('Enter')]);
  });

  test.skipIf(!built('status'))('status dashboard: Tab into the table, Enter opens a demand', async () => {
    const page = await newPage();
    await openAndSettle(page, '/status/');
    await tabUntil(
      page,
      (el, base) =>
        el.closest('table') !== null &&
        new RegExp(`^${base}letters/[^/]+/demands/\\d+/$`).test(el.getAttribute('href') ?? ''),
      servedPath('/'),
      'a demand link in the table',
      200,
    );
    const href = await page.evaluate(() => document.activeElement!.getAttribute('href')!);
    await Promise.all([page.waitForURL(`**${href}`), page.keyboard.press('Enter')]);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('要求');
  });

  test.skipIf(!built('search'))('the 404 page: search by keyboard', async () => {
    const page = await newPage();
    await page.goto(siteUrl('/no-such-page/'));
    await tabUntil(page, (el) => el.id === 'notfound-search', null, 'the 404 search box', 40);
    await page.keyboard.type('要請書');
    await Promise.all([page.waitForURL('**/search/?q=*'), page.keyboard.press('Enter')]);
  });
});
