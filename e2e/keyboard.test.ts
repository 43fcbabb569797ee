// The key paths a reader takes, by keyboard only. The Tab walk of every page (every control reached,
// each visibly focused) runs in the desktop sweep of a11y.test.ts (keyboard-walk.ts), which has the
// page loaded already.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { newPage, servedPath, siteUrl } from './harness.ts';
import { openAndSettle, pageStates, scrollSettled, SEARCH_QUERY } from './site.ts';

const states = pageStates();

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
