// WCAG 2.2 AA on every page of the build (and the search page showing results): an axe sweep at
// desktop size (colour contrast, badges included, is axe's), plus what axe cannot judge: status shown in
// words, table headers, and nothing sent elsewhere or stored (privacy-checks.ts). Once per page template
// (route file of src/pages/, e2e/site.ts), on its largest page: the skip link and the Tab walk (every
// control reached, each visibly focused: keyboard-walk.ts), and, for templates that run scripts, axe
// and the reading without JavaScript. Heading structure: meta.test.ts (every page, from the HTML). On
// phones (axe's layout-dependent rules, reflow at 320 px, text-spacing overrides, layout shift, dark
// scheme contrast): layout.test.ts. Key paths by keyboard: keyboard.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, test } from 'vitest';
import { STATUSES, isStatusKey } from '../src/lib/status.ts';
import { distDir } from './harness.ts';
import {
  openAndSettle,
  openWithoutScripts,
  pageStates,
  recordingPage,
  templateRepresentatives,
  type PageState,
  SWEEP_TIMEOUT,
} from './site.ts';
import { tabWalk } from './keyboard-walk.ts';
import { privacyFindings, PRIVATE } from './privacy-checks.ts';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// No rule is disabled. If one ever must be, list it here with the reason and the manual check that replaces it.
const DISABLED_RULES: string[] = [];

const DESKTOP = { width: 1280, height: 900 };
const states = pageStates();
/** Names of the states that stand for their template (the Tab walk, the page without JavaScript). */
const representatives = new Set([...templateRepresentatives(states)].map((state) => state.name));

// Speed (budget in vitest.config.ts): legacy mode runs axe.run() in the page itself. The default mode
// opens a blank page and injects axe a second time for every analysis (axe.finishRun), which cost
// about 2.7 times the CPU; the site has no iframes, which is all legacy mode gives up. Only
// violations are collected: axe then skips building selectors for every passing node.
async function axeViolations(page: Page): Promise<string> {
  // options() replaces the whole option object, so it comes before withTags and disableRules.
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(WCAG_TAGS)
    .disableRules(DISABLED_RULES)
    .setLegacyMode(true)
    .analyze();
  return results.violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`).join('\n')}`,
    )
    .join('\n');
}

/** Facts about the rendered page that axe does not judge (or judges only in part). */
async function structure(page: Page) {
  return page.evaluate(() => {
    const visible = (el: Element) => (el as HTMLElement).checkVisibility?.() ?? true;
    const badges = [...document.querySelectorAll('[data-status]')].filter(visible).map((el) => ({
      status: el.getAttribute('data-status') ?? '',
      text: (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
      html: el.outerHTML.slice(0, 120),
    }));
    const tables = [...document.querySelectorAll('table')].filter(visible).map((table) => {
      const name =
        table.getAttribute('aria-label') ??
        (table.getAttribute('aria-labelledby')
          ? document.getElementById(table.getAttribute('aria-labelledby')!)?.textContent
          : null) ??
        table.caption?.textContent ??
        '';
      const headerRow = table.tHead?.rows[0] ?? null;
      const columnHeaders = headerRow ? [...headerRow.cells].filter((c) => c.tagName === 'TH') : [];
      const width = (row: HTMLTableRowElement) => [...row.cells].reduce((n, c) => n + c.colSpan, 0);
      const bodyRows = [...table.tBodies].flatMap((b) => [...b.rows]);
      return {
        name: name.trim(),
        columnHeaders: columnHeaders.length,
        headerScopesOk: columnHeaders.every((th) => th.scope === 'col' || th.scope === 'colgroup'),
        headerWidth: headerRow ? width(headerRow) : 0,
        rows: bodyRows.length,
        rowsWithoutRowHeader: bodyRows.filter((r) => !r.querySelector(':scope > th[scope="row"]')).length,
        maxRowWidth: Math.max(0, ...bodyRows.map(width)),
        emptyHeaders: [...table.querySelectorAll('th')].filter((th) => !(th.textContent ?? '').trim()).length,
      };
    });
    return { badges, tables };
  });
}

// Pages are independent: each sweep runs several at once (each in its own browser context).
describe.concurrent('desktop (1280 px): axe, what axe does not judge, privacy; the Tab walk once per template', () => {
  test.for(states)(
    '$name',
    { timeout: SWEEP_TIMEOUT },
    async ({ name, url, page: sitePage }: PageState, { expect, onTestFinished }) => {
      // Reduced motion: should a page scroll smoothly, focus still lands at once and can be measured.
      const recording = await recordingPage({ viewport: DESKTOP, reducedMotion: 'reduce', closeWith: onTestFinished });
      const { page } = recording;
      expect(await openAndSettle(page, url)).toBe(200);
      withJavaScript.set(url, readable(page));
      expect(await axeViolations(page), 'axe violations').toBe('');
      const facts = await structure(page);

      if (representatives.has(name)) {
        // Tab from the top: the skip link first, then every control, each visibly focused.
        const walk = await tabWalk(page);
        expect(walk.expected.length).toBeGreaterThan(3);
        expect(walk.unreached, 'controls Tab never reaches').toEqual([]);
        expect(walk.problems).toEqual([]);
        expect(walk.first?.description, 'the first Tab stop').toMatch(/^a «(本文へ移動|Skip to content)»$/);

        // The skip link, once focused, is on screen, and Enter moves focus into <main>.
        const skip = page.getByRole('link', { name: /^(本文へ移動|Skip to content)$/ });
        await skip.focus();
        const box = await skip.boundingBox();
        expect(
          box && box.y >= 0 && box.y + box.height <= DESKTOP.height && box.width > 0,
          'skip link is on screen when focused',
        ).toBe(true);
        await page.keyboard.press('Enter');
        await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
        await page.keyboard.press('Tab');
        const afterSkip = await page.evaluate(() => {
          const active = document.activeElement;
          const main = document.getElementById('main');
          return (
            !!active &&
            !!main &&
            (main.contains(active) || !!(main.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING))
          );
        });
        expect(
          afterSkip,
          'the Tab after the skip link lands in (or after) the main content, not back in the header',
        ).toBe(true);
      }
      expect(await privacyFindings(recording, sitePage), 'requests elsewhere, cookies, storage').toEqual(PRIVATE);

      // Status never by colour alone: every status mark carries its label (and symbol) as text.
      for (const badge of facts.badges) {
        expect(isStatusKey(badge.status), `unknown data-status on ${badge.html}`).toBe(true);
        if (!isStatusKey(badge.status)) continue;
        const info = STATUSES[badge.status];
        // In the page's language: the English section names statuses in English.
        const label = sitePage.path.startsWith('/en/') ? info.en : info.ja;
        expect(badge.text, `status ${badge.status} shown without its label: ${badge.html}`).toContain(label);
      }

      // Data tables: a name, column headers with scope, a row header on each row, no cell without a column header.
      for (const table of facts.tables) {
        expect(table.name, 'table has a caption or aria-label').not.toBe('');
        expect(table.columnHeaders, `table «${table.name}» has column headers in <thead>`).toBeGreaterThan(0);
        expect(table.headerScopesOk, `table «${table.name}»: every column <th> has scope="col"`).toBe(true);
        expect(table.rowsWithoutRowHeader, `table «${table.name}»: rows without a <th scope="row">`).toBe(0);
        expect(table.maxRowWidth, `table «${table.name}»: cells beyond the last column header`).toBeLessThanOrEqual(
          table.headerWidth,
        );
        expect(table.emptyHeaders, `table «${table.name}»: empty <th>`).toBe(0);
      }
      if (sitePage.path === '/status/' && !url.includes('?')) {
        expect(facts.tables.length, 'the status dashboard is a data table').toBeGreaterThan(0);
        const statuses = new Set(facts.badges.map((b) => b.status));
        expect(statuses.size, 'the dashboard shows status badges').toBeGreaterThan(0);
      }
    },
  );
});

/** What a reader gets from <main>: headings, text, and links to other pages. */
function readable(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    const here = location.pathname;
    return {
      headings: [...document.querySelectorAll('main :is(h1,h2,h3,h4,h5,h6)')]
        .filter((h) => (h as HTMLElement).checkVisibility())
        .map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()),
      text: (main?.innerText ?? '').replace(/\s+/g, ''),
      // Links to other pages; links that only re-filter this page (?status=…) are an enhancement.
      links: [...(main?.querySelectorAll<HTMLAnchorElement>('a[href]') ?? [])]
        .filter((a) => a.checkVisibility() && new URL(a.href).pathname !== here)
        .map((a) => a.getAttribute('href')!),
    };
  });
}

/** What the desktop sweep read of each page as loaded, before it pressed any key (the no-JS sweep compares). */
const withJavaScript = new Map<string, ReturnType<typeof readable>>();
async function readingWithJavaScript(url: string, onTestFinished: (close: () => Promise<void>) => void) {
  const { page } = await recordingPage({ viewport: DESKTOP, closeWith: onTestFinished });
  await openAndSettle(page, url);
  return readable(page);
}

// Pages that run scripts must also work as a browser without JavaScript shows them: axe passes and
// nothing there is to read (headings, text, links to other pages) is missing. Pages without scripts
// are the same either way; the scripts are the template's, so one page per template is read.
const scripted = states.filter(
  (s) =>
    !s.url.includes('?') &&
    representatives.has(s.name) &&
    /<script[^>]+src=|<noscript|<astro-island/i.test(readFileSync(join(distDir(), s.page.file), 'utf8')),
);
describe.skipIf(scripted.length === 0).concurrent('without JavaScript: axe, and nothing to read is missing', () => {
  test.for(scripted)(
    '$name',
    { timeout: SWEEP_TIMEOUT },
    async ({ url, page: sitePage }, { expect, onTestFinished }) => {
      const enhanced = await (withJavaScript.get(url) ?? readingWithJavaScript(url, onTestFinished));
      const { page } = await recordingPage({ viewport: DESKTOP, closeWith: onTestFinished });
      await openWithoutScripts(page, url);
      expect(await axeViolations(page), 'axe violations without JavaScript').toBe('');
      const bare = await readable(page);
      if (sitePage.kind !== 'search') {
        expect(bare.headings, 'headings without JavaScript').toEqual(enhanced.headings);
        expect(bare.text.length, 'text in <main> without JavaScript vs with it').toBeGreaterThanOrEqual(
          Math.floor(enhanced.text.length * 0.9),
        );
        expect(
          enhanced.links.filter((href) => !bare.links.includes(href)),
          'links to other pages that only appear with JavaScript',
        ).toEqual([]);
      }
    },
  );
});
