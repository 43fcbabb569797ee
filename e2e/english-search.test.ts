// Issue 31 in a real browser: what else a search searched (and the link to the typed words alone),
// the English search page, and the English status page with and without JavaScript.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, servedPath, siteUrl } from './harness.ts';

async function searchAt(page: Page, route: string, query: string): Promise<void> {
  await page.goto(siteUrl(`${route}?q=${encodeURIComponent(query)}`));
  await page.locator('[data-search-results][data-search-state="done"]').waitFor({ timeout: 15_000 });
}

describe('what else was searched', () => {
  test('「マイナンバー」 says 個人番号 was searched too, and links the search for the word alone', async () => {
    const page = await newPage();
    await searchAt(page, '/search/', 'マイナンバー');
    const expanded = page.locator('[data-search-expanded]');
    await expect(expanded.isVisible()).resolves.toBe(true);
    await expect(expanded.textContent()).resolves.toContain('「個人番号」も含めて検索しました');
    const link = expanded.getByRole('link');
    await expect(link.textContent()).resolves.toBe('「マイナンバー」だけで検索する');
    await Promise.all([page.waitForURL('**/search/?q=*'), link.click()]);
    await page.locator('[data-search-results][data-search-state="done"]').waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).searchParams.get('q')).toBe('"マイナンバー"');
    await expect(page.locator('[data-search-expanded]').isVisible()).resolves.toBe(false);
  });

  test('情報公開 says the rules cover only one’s own records', async () => {
    const page = await newPage();
    await searchAt(page, '/search/', '情報公開');
    await expect(page.locator('[data-search-expanded]').textContent()).resolves.toContain('自分の記録');
  });
});

describe('English search page', () => {
  test('English labels; hits in English where a translation exists', async () => {
    const page = await newPage();
    await searchAt(page, '/en/search/', 'disclosure');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.getByLabel('Words to search for').inputValue()).resolves.toBe('disclosure');
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/^Results for “disclosure”/);
    const first = page.locator('[data-search-result]').first();
    await expect(first.getAttribute('lang')).resolves.toBe('en');
    await expect(first.getByRole('link').getAttribute('href')).resolves.toMatch(new RegExp(`^${servedPath('/en/')}`));
  });

  test('a Japanese query on the English page still shows translated hits in English', async () => {
    const page = await newPage();
    await searchAt(page, '/en/search/', '開示');
    const hits = page.locator('[data-search-result]');
    const langs = await hits.evaluateAll((items) => items.map((i) => i.getAttribute('lang')));
    const notes = await hits.locator('.search-result__note').count();
    // Every hit is English, or Japanese with the note saying so.
    expect(langs.filter((l) => l !== 'en').length).toBe(notes);
    expect(langs.length).toBeGreaterThan(0);
  });
});

describe('English status page', () => {
  test.each([true, false])('JavaScript %s: every demand with an English status and an as-of date', async (js) => {
    const page = await newPage({ javaScriptEnabled: js });
    await page.goto(siteUrl('/en/status/'));
    const rows = page.locator('[data-en-status] > li');
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    await expect(page.getByRole('status').textContent()).resolves.toContain(`Showing ${count} of ${count} demands`);
    for (const text of await rows.allInnerTexts())
      expect(text).toMatch(/Status: .+\(as of \d{1,2} [A-Z][a-z]+ \d{4}\)/);
    // A filter is a link to its own page: it works without JavaScript.
    const filter = page.getByRole('navigation', { name: 'Filter the demands' }).getByRole('link').nth(1);
    await Promise.all([page.waitForURL('**/en/status/by-*/**'), filter.click()]);
    const shown = await page.locator('[data-en-status] > li').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(count);
  });

  test('English navigation links status, timeline and search; the Japanese tracker links back', async () => {
    const page = await newPage();
    await page.goto(siteUrl('/en/status/'));
    const nav = page.getByRole('navigation', { name: 'English section' });
    for (const name of ['Status of the demands', 'Timeline', 'Search'])
      await expect(nav.getByRole('link', { name }).count()).resolves.toBe(1);
    await page.goto(siteUrl('/status/'));
    await expect(page.locator('main a[hreflang="en"]').first().getAttribute('href')).resolves.toBe(
      servedPath('/en/status/'),
    );
  });
});
