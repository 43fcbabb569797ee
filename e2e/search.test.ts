// The search page in a real browser: the query in the URL, typing, the keyboard, zero results,
// hostile input, no JavaScript, and the index staying off content pages.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, servedPath, siteUrl } from './harness.ts';

const results = (page: Page) => page.locator('[data-search-result]');

/** Opens the search page for a query and waits for the search to finish. */
async function searchFor(page: Page, query: string): Promise<void> {
  await page.goto(siteUrl(`/search/?q=${encodeURIComponent(query)}`));
  await page.locator('[data-search-results][data-search-state="done"]').waitFor({ timeout: 15_000 });
}

/** Collects page errors, console errors and dialogs (an injected alert would show up here). */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}

describe('search page', () => {
  test('runs the query from the URL: results in rank order, each with link, type, badge and marked snippet', async () => {
    const page = await newPage();
    const problems = watch(page);
    await searchFor(page, '目的外使用');
    const first = results(page).first();
    await expect(first.getByRole('link').getAttribute('href')).resolves.toMatch(
      new RegExp(`^${servedPath('/letters/')}[^/]+/demands/2/$`),
    );
    await expect(first.locator('.search-result__type').textContent()).resolves.toBe('要求');
    await expect(first.locator('.status-badge').count()).resolves.toBe(1);
    // Other names of the concept (the thesaurus: 流用, 目的外利用…) are marked too.
    await expect(first.locator('mark').allTextContents()).resolves.toContain('目的外使用');
    await expect(page.getByLabel('検索する言葉').inputValue()).resolves.toBe('目的外使用');
    await expect(page.getByRole('status').textContent()).resolves.toContain('目的外使用');
    const types = await results(page).locator('.search-result__type').allTextContents();
    expect(types.every((t) => /^(要請書|要求|規程 第\d+条|規程 附則|経過)$/.test(t))).toBe(true);
    expect(problems).toEqual([]);
  });

  test('article results link to the article and say which one', async () => {
    const page = await newPage();
    await searchFor(page, '漏えい 報告');
    const first = results(page).first();
    await expect(first.getByRole('link').getAttribute('href')).resolves.toBe(
      servedPath('/references/mie-my-number-rules/#article-18'),
    );
    await expect(first.locator('.search-result__type').textContent()).resolves.toBe('規程 第18条');
  });

  test('an English query shows English pages, in English; the same unit in Japanese for a Japanese query', async () => {
    const page = await newPage();
    await searchFor(page, 'disclosure request');
    const first = results(page).first();
    await expect(first.getAttribute('lang')).resolves.toBe('en');
    await expect(first.getByRole('link').getAttribute('href')).resolves.toMatch(
      new RegExp(`^${servedPath('/en/references/')}[^/]+/#article-\\d+$`),
    );
    await expect(first.locator('.search-result__type').textContent()).resolves.toMatch(/^Rules, Article \d+$/);
    await expect(first.locator('mark').count()).resolves.toBeGreaterThan(0);
    await searchFor(page, '開示 請求');
    await expect(results(page).first().getAttribute('lang')).resolves.toBe(null);
    await expect(results(page).locator('[lang="en"]').count()).resolves.toBe(0);
  });

  test('typing searches (debounced) and keeps the URL in step', async () => {
    const page = await newPage();
    const problems = watch(page);
    await page.goto(siteUrl('/search/'));
    const box = page.getByLabel('検索する言葉');
    await box.pressSequentially('ＪＬＩＳ', { delay: 30 });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'ＪＬＩＳ');
    await page.locator('[data-search-results][data-search-state="done"]').waitFor();
    // Full-width ＪＬＩＳ finds the letters that write J-LIS, and highlights it there.
    const letterHit = results(page)
      .filter({ has: page.locator(`a[href^="${servedPath('/letters/')}"]`) })
      .first();
    await expect(letterHit.getByRole('link').getAttribute('href')).resolves.toMatch(
      new RegExp(`^${servedPath('/letters/')}[^/]+/$`),
    );
    await expect(letterHit.locator('mark').first().textContent()).resolves.toBe('J-LIS');
    // A shared link reproduces the same results.
    const shared = await newPage();
    await shared.goto(page.url());
    await shared.locator('[data-search-results][data-search-state="done"]').waitFor();
    await expect(results(shared).allTextContents()).resolves.toEqual(await results(page).allTextContents());
    // Clearing the box clears the URL.
    await box.fill('');
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
    await expect(results(page).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });

  test('keyboard: arrows move through results, Enter opens one', async () => {
    const page = await newPage();
    await searchFor(page, 'マイナンバーカード');
    const box = page.getByLabel('検索する言葉');
    await box.focus();
    const links = results(page).getByRole('link');
    const focusedHref = () =>
      page.evaluate(() => document.activeElement?.getAttribute('href') ?? document.activeElement?.tagName);
    await page.keyboard.press('ArrowDown');
    await expect(focusedHref()).resolves.toBe(await links.nth(0).getAttribute('href'));
    await page.keyboard.press('ArrowDown');
    await expect(focusedHref()).resolves.toBe(await links.nth(1).getAttribute('href'));
    await page.keyboard.press('ArrowUp');
    await expect(focusedHref()).resolves.toBe(await links.nth(0).getAttribute('href'));
    await page.keyboard.press('ArrowUp');
    await expect(focusedHref()).resolves.toBe('INPUT');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const target = (await links.nth(1).getAttribute('href'))!;
    await Promise.all([page.waitForURL((url) => url.pathname === target.split('#')[0]), page.keyboard.press('Enter')]);
  });

  test('zero results: a helpful message, not a blank', async () => {
    const page = await newPage();
    await searchFor(page, 'ゼブラ');
    await expect(results(page).count()).resolves.toBe(0);
    await expect(page.getByText('に一致するものは見つかりませんでした').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('link', { name: '要請書の一覧' }).isVisible()).resolves.toBe(true);
  });

  test.each([
    ['lunr syntax', '+目的 -外 title:漏えい 漏えい~2 漏えい^10 *'],
    ['quotes', '"思想調査" \'思想\''],
    ['markup', '<img src=x onerror=alert(1)><script>alert(2)</script>'],
    ['emoji', '😀👍🏽 マイナンバー 🇯🇵'],
    ['control characters', 'マイナ\u0001\u0007\u001fカード'],
  ])('hostile input never throws or injects: %s', async (_name, query) => {
    const page = await newPage();
    const problems = watch(page);
    await searchFor(page, query);
    await expect(page.locator('main img, main script:not([src]), [onerror]').count()).resolves.toBe(0);
    const state = await page.locator('[data-search-results]').getAttribute('data-search-state');
    expect(state).toBe('done');
    expect(problems).toEqual([]);
  });

  test('hostile input never throws or injects: 2,000 characters typed', async () => {
    const page = await newPage();
    const problems = watch(page);
    await page.goto(siteUrl('/search/'));
    await page.getByLabel('検索する言葉').fill(`${'漏えい'.repeat(600)}<b>x</b>😀`.slice(0, 2000));
    await page.locator('[data-search-results][data-search-state="done"]').waitFor();
    // Only what is searched goes into the URL.
    expect(new URL(page.url()).searchParams.get('q')!.length).toBeLessThanOrEqual(200);
    expect(problems).toEqual([]);
  });

  test('"more" shows further results', async () => {
    const page = await newPage();
    await searchFor(page, '個人情報');
    await expect(results(page).count()).resolves.toBe(10);
    await page.getByRole('button', { name: 'さらに表示' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-search-result]').length > 10);
  });
});

describe('without JavaScript', () => {
  test('the header form reaches the search page, which says it needs JavaScript', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(siteUrl('/letters/'));
    await page.locator('header').getByRole('searchbox').fill('思想調査');
    await Promise.all([
      page.waitForURL('**/search/?q=*'),
      page.locator('header').getByRole('searchbox').press('Enter'),
    ]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('思想調査');
    // (Locators do not see into <noscript> with scripts off; its rendered text does show.)
    await expect(page.locator('main').innerText()).resolves.toContain('検索結果を表示するには JavaScript が必要です');
    await expect(page.locator('[data-search-result]').count()).resolves.toBe(0);
  });
});

describe('the index loads on the search page only', () => {
  test.each(['/', '/letters/2019-07-23-soumu/', '/references/mie-my-number-rules/'])(
    '%s fetches no index file',
    async (path) => {
      const page = await newPage();
      const fetched: string[] = [];
      page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      await page.goto(siteUrl(path), { waitUntil: 'networkidle' });
      await page.locator('header').getByRole('searchbox').focus();
      await page.waitForTimeout(200);
      expect(fetched.filter((p) => p.includes('/search-index/'))).toEqual([]);
    },
  );

  test('the search page fetches the manifest and only some shards', async () => {
    const page = await newPage();
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
    await searchFor(page, '保存期間');
    const index = fetched.filter((p) => p.startsWith(servedPath('/search-index/')));
    expect(index).toContain(servedPath('/search-index/manifest.json'));
    const shards = index.filter((p) => /\/s\d+\.bin$/.test(p));
    expect(shards.length).toBeGreaterThan(0);
    const manifest = await (await page.request.get(siteUrl('/search-index/manifest.json'))).json();
    expect(shards.length).toBeLessThan(manifest.shards.length);
  });
});
