import { describe, expect, test } from 'vitest';
import { newPage, siteUrl } from './harness.ts';
import { DEMANDS, ofLetter } from './fixture.ts';

// The site is the frozen fixture (e2e/global-setup.ts): its two 2019 letters, as printed.

describe('reading the letters', () => {
  test('home lists the letters and every demand with a status', async () => {
    const page = await newPage();
    const response = await page.goto(siteUrl('/'));
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('ja');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('要請書');
    expect(await page.locator('[data-status][data-current]').count()).toBe(DEMANDS.length);
    await page.getByRole('link', { name: '総務大臣宛の要請書' }).click();
    await page.waitForURL('**/letters/2019-07-23-soumu/');
  });

  test.each([
    ['2019-07-23-soumu', '総務大臣 石田 真敏 殿', '2019年7月23日', '令和元年7月23日'],
    ['2019-07-18-shichoson-kyosai', '理事長 小谷 隆亮 様', '2019年7月18日', '令和元年7月18日'],
  ])('/letters/%s/ is laid out like the letter', async (slug, addressee, written, era) => {
    const path = `/letters/${slug}/`;
    const count = ofLetter(slug).length;
    const page = await newPage();
    await page.goto(siteUrl(path));
    const letter = page.getByRole('article', { name: '要請書の本文' });
    const text = (await letter.textContent()) ?? '';
    expect(text).toContain(addressee);
    expect(text).toContain('中央執行委員長 猿橋 均');
    expect(text).toContain(written);
    expect(await page.textContent('main')).toContain(era);
    await expect(letter.getByRole('heading', { name: '記' }).count()).resolves.toBe(1);
    expect(text.trim().endsWith('以上')).toBe(true);
    for (let n = 1; n <= count; n++) {
      expect(await page.locator(`#demand-${n}`).count()).toBe(1);
    }
    expect(await page.locator(`#demand-${count + 1}`).count()).toBe(0);
  });

  test('a demand page shows the text, its letter, legal basis and the related demand', async () => {
    const page = await newPage();
    await page.goto(siteUrl('/letters/2019-07-23-soumu/demands/2/'));
    expect(await page.textContent('blockquote')).toContain('マイナンバーカード申請書作成のため流用しないこと');
    await page.getByRole('link', { name: /第20条/ }).click();
    await page.waitForURL('**/references/mie-my-number-rules/#article-20');
    expect(await page.locator('#article-20').textContent()).toContain('利用目的の達成に必要な範囲を超えて');
    await page.goBack();
    await page.getByRole('link', { name: /市町村共済連合会宛 要求②/ }).click();
    await page.waitForURL('**/letters/2019-07-18-shichoson-kyosai/demands/2/');
    // The pair is written once but shows on both pages.
    await expect(page.getByRole('link', { name: /総務大臣宛 要求2(?!\d)/ }).count()).resolves.toBe(1);
  });

  test('the regulation has a table of contents, every article anchor and the supplementary provisions', async () => {
    const page = await newPage();
    await page.goto(siteUrl('/references/mie-my-number-rules/'));
    const toc = page.getByRole('navigation', { name: '目次' });
    expect(await toc.getByRole('link').count()).toBe(9);
    for (let n = 1; n <= 35; n++) expect(await page.locator(`#article-${n}`).count()).toBe(1);
    expect(await page.locator('#supplementary').textContent()).toContain('平成27年12月2日から施行し');
    expect(await page.locator('#article-6').textContent()).toContain('この条を根拠とする要求');
  });

  test('unknown pages get the 404 page', async () => {
    const page = await newPage();
    const response = await page.goto(siteUrl('/no-such-page/'));
    expect(response?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('404');
  });
});
