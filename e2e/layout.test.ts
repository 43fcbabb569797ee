// Phones first: every built page (and the search page showing results) at 390 px (a common phone) and
// 320 px (the narrowest in use, and WCAG 1.4.10's reflow width: 1280 px at 400 % zoom), in the light
// and the dark scheme. Nothing scrolls the page sideways,
// no text of 6+ characters is squeezed under 3 em and broken onto several lines, and no box scrolls
// more than twice its own width (code blocks aside); buttons, dates and badges stay on one line and the
// skip link shows nothing until focused. In the dark scheme axe's color-contrast rule
// also runs on every page, and at 1280 px on pages with a table shown only on wide screens (the full
// axe sweep in the light scheme is a11y.test.ts). At 320 px: axe's layout-dependent rules, no layout
// shift while loading, and WCAG 1.4.12's text-spacing overrides push nothing off screen and clip no text.
//
// Speed: each page is loaded once per width, the scheme is switched without a reload, and every
// check of a view runs in a single page.evaluate. The views wait on the browser more than they use the
// CPU, so PAGES_AT_ONCE pages are checked side by side, each in a tab of its own that is reused.
import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { getBrowser } from './harness.ts';
import { layoutShift, observeLayoutShifts, openAndSettle, pageStates, type PageState } from './site.ts';

const WIDTHS = [390, 320] as const;
const SCHEMES = ['light', 'dark'] as const;
const DESKTOP = { width: 1280, height: 900 };
const PAGES_AT_ONCE = 3;
const states = pageStates();

let context: BrowserContext;
const idleTabs: Page[] = [];
const waitingForTab: ((tab: Page) => void)[] = [];
beforeAll(async () => {
  // bypassCSP: the text-spacing check injects a style sheet, which the site's own CSP (rightly) refuses.
  context = await (
    await getBrowser()
  ).newContext({ viewport: { width: WIDTHS[0], height: 800 }, locale: 'ja-JP', bypassCSP: true });
  await observeLayoutShifts(context);
  for (let i = 0; i < PAGES_AT_ONCE; i++) idleTabs.push(await context.newPage());
});
afterAll(async () => {
  await context?.close().catch(() => undefined);
});

/** Runs `check` with a tab of its own, waiting for one to be free. */
async function withTab<T>(check: (tab: Page) => Promise<T>): Promise<T> {
  const tab = idleTabs.pop() ?? (await new Promise<Page>((resolve) => waitingForTab.push(resolve)));
  try {
    return await check(tab);
  } finally {
    const next = waitingForTab.shift();
    if (next) next(tab);
    else idleTabs.push(tab);
  }
}

/** What is wrong with the layout of the page as it is now shown: an empty list when nothing is. */
function layoutProblems(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const problems: string[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList].map((c) => `.${c}`).join('')}`;
    // Visually hidden (clipped to ≤1 px by an ancestor that hides overflow) or not rendered at all.
    const hiddenCache = new Map<Element, boolean>();
    const hidden = (el: Element): boolean => {
      const known = hiddenCache.get(el);
      if (known !== undefined) return known;
      let result = !(el as HTMLElement).checkVisibility?.({ visibilityProperty: true } as never);
      if (!result) {
        const style = getComputedStyle(el);
        const rect = el.getBoundingClientRect();
        result =
          (['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY)) &&
          (rect.width <= 1 || rect.height <= 1);
        if (!result && el.parentElement) result = hidden(el.parentElement);
      }
      hiddenCache.set(el, result);
      return result;
    };

    // 1. No sideways page scroll.
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) {
      const wide = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1 && !hidden(el))
        .filter((el) => {
          for (let a = el.parentElement; a; a = a.parentElement)
            if (getComputedStyle(a).overflowX !== 'visible') return false;
          return true;
        })
        .slice(0, 3)
        .map((el) => `${describe(el)} right=${Math.round(el.getBoundingClientRect().right)}`);
      problems.push(`page scrolls sideways: ${root.scrollWidth} px in ${root.clientWidth} px (${wide.join(', ')})`);
    }

    // 2. Text of 6+ characters squeezed under 3 em and broken onto several lines.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    const squeezed = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').replace(/\s+/g, '');
      const parent = node.parentElement;
      if (text.length < 6 || !parent || squeezed.has(parent) || hidden(parent)) continue;
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      const style = getComputedStyle(parent);
      const em = parseFloat(style.fontSize);
      const lineHeight = parseFloat(style.lineHeight) || em * 1.5;
      if (rect.width > 0 && rect.width < 3 * em && rect.height > 1.5 * lineHeight) {
        squeezed.add(parent);
        problems.push(
          `text squeezed to ${Math.round(rect.width)} px (${(rect.width / em).toFixed(1)} em) on ${Math.round(rect.height / lineHeight)} lines: ${describe(parent)} «${text.slice(0, 20)}»`,
        );
      }
    }

    // 3. Short things that must stay on one line: buttons (the 404 page's 検索), dates, status badges.
    for (const el of document.querySelectorAll('button, time, .status-badge')) {
      if (hidden(el) || !(el.textContent ?? '').trim()) continue;
      const style = getComputedStyle(el);
      // An inline box broken across lines has a rectangle per line; any other box grows taller than a line.
      const px = (v: string) => parseFloat(v) || 0;
      const content =
        el.getBoundingClientRect().height -
        px(style.paddingTop) -
        px(style.paddingBottom) -
        px(style.borderTopWidth) -
        px(style.borderBottomWidth);
      const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
      const wraps = style.display === 'inline' ? el.getClientRects().length > 1 : content > 1.5 * lineHeight;
      if (wraps) problems.push(`${describe(el)} wraps onto several lines: «${el.textContent!.trim()}»`);
    }

    // 4. The skip link, until focused, is wholly off screen (no sliver of its border at the top).
    const skip = document.querySelector('.skip-link');
    if (skip && document.activeElement !== skip && skip.getBoundingClientRect().bottom > 0)
      problems.push(`skip link shows ${skip.getBoundingClientRect().bottom.toFixed(1)} px at the top of the page`);

    // 5. No box scrolls more than twice its own width (code blocks aside).
    for (const el of document.querySelectorAll('body *')) {
      const style = getComputedStyle(el);
      if (!['auto', 'scroll'].includes(style.overflowX)) continue;
      if (el.matches('pre, code, pre *') || hidden(el) || el.clientWidth === 0) continue;
      if (el.scrollWidth > 2 * el.clientWidth)
        problems.push(`${describe(el)} scrolls ${el.scrollWidth} px in a ${el.clientWidth} px box`);
    }
    return problems;
  });
}

// axe's rules whose outcome depends on how the page is laid out. The HTML is the same at every width
// (no script changes the DOM by width), so the structural rules judged at 1280 px in a11y.test.ts
// would judge it again the same. Contrast: light at 1280 px (a11y.test.ts), dark at 390 px (below).
const LAYOUT_RULES = ['target-size', 'scrollable-region-focusable', 'meta-viewport'];

async function axeFindings(p: Page, rules: string[]): Promise<string> {
  const results = await new AxeBuilder({ page: p })
    .options({ resultTypes: ['violations'] })
    .withRules(rules)
    .setLegacyMode(true)
    .analyze();
  return results.violations
    .flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`))
    .join('\n');
}
const darkContrast = (p: Page) => axeFindings(p, ['color-contrast']);

/**
 * Elements sticking out of the screen sideways (inside a horizontal scroll container is allowed by
 * 1.4.10), for the text-spacing check; without overrides, layoutProblems() judges sideways scrolling.
 */
function offScreen(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const offenders = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 || rect.right <= width + 1) return false;
        for (let parent = el.parentElement; parent; parent = parent.parentElement) {
          const style = getComputedStyle(parent);
          if (['auto', 'scroll'].includes(style.overflowX)) return false;
          if (['hidden', 'clip'].includes(style.overflowX) && parent.getBoundingClientRect().right <= width + 1)
            return false;
        }
        return true;
      })
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`,
      );
    return offenders.slice(0, 5);
  });
}

/** WCAG 1.4.12: with line height 1.5, paragraph spacing 2em, letter spacing 0.12em and word spacing 0.16em. */
async function textSpacingProblems(p: Page): Promise<string[]> {
  await p.addStyleTag({
    content:
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
  });
  const offenders = await offScreen(p);
  const clipped = await p.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((el) => {
        const style = getComputedStyle(el);
        if (!['hidden', 'clip'].includes(style.overflowY) && !['hidden', 'clip'].includes(style.overflowX))
          return false;
        if ((el as HTMLElement).offsetWidth <= 1 || el.closest('.visually-hidden, .skip-link')) return false;
        return (
          !!(el.textContent ?? '').trim() &&
          (el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2)
        );
      })
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
  );
  return [
    ...offenders.map((o) => `pushed off screen by text spacing: ${o}`),
    ...clipped.map((c) => `text clipped by overflow: hidden after text spacing: ${c}`),
  ];
}

describe.concurrent('layout at 390 and 320 px, light and dark', () => {
  test.for(states)('$name', { timeout: 120_000 }, async ({ url }: PageState, { expect }) => {
    const found = await withTab((page) => viewProblems(page, url));
    expect(found.join('\n'), 'layout problems').toBe('');
  });
});

/** Every problem of the page's views (widths × schemes), as lines naming the view. */
async function viewProblems(page: Page, url: string): Promise<string[]> {
  const found: string[] = [];
  let wideOnly = false;
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await page.emulateMedia({ colorScheme: 'light' });
    await openAndSettle(page, url);
    if (width === 320) {
      // Nothing on screen jumps while the page loads (script-rendered content included): readers on
      // phones lose their place, and tap the wrong thing.
      const shift = await layoutShift(page);
      if (shift.total > 0.01)
        found.push(`320 px: layout shift ${shift.total.toFixed(3)} (moved: ${shift.moved.join(', ')})`);
      const rules = await axeFindings(page, LAYOUT_RULES);
      if (rules) found.push(`320 px light: axe\n${rules}`);
    }
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const problem of await layoutProblems(page)) found.push(`${width} px ${scheme}: ${problem}`);
      if (width === WIDTHS[0] && scheme === 'dark') {
        const contrast = await darkContrast(page);
        if (contrast) found.push(`${width} px dark: color-contrast\n${contrast}`);
        wideOnly = await page.evaluate(() => [...document.querySelectorAll('table')].some((t) => !t.checkVisibility()));
      }
    }
    // Last, as it changes the page (the next view loads it afresh).
    if (width === 320) for (const problem of await textSpacingProblems(page)) found.push(`320 px: ${problem}`);
  }
  // Tables shown only on wide screens (the tracker's) get their dark contrast checked there.
  if (wideOnly) {
    await page.setViewportSize(DESKTOP);
    await page.emulateMedia({ colorScheme: 'dark' });
    await openAndSettle(page, url);
    const contrast = await darkContrast(page);
    if (contrast) found.push(`${DESKTOP.width} px dark: color-contrast\n${contrast}`);
  }
  return found;
}
