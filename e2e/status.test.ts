// Status tracking in the browser: the tracker and its filters with and without JavaScript, the demand
// page's status, history and citation (copy by keyboard), the timeline, the feed and the data files.
// The site is the frozen fixture (e2e/global-setup.ts): rows and counts are derived from its data
// (e2e/fixture.ts); the walks through the filters name the fixture's letters and statuses.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, servedPath, siteUrl } from './harness.ts';
import {
  addresseeRow,
  COUNTS,
  DEMANDS,
  homeSummary,
  LETTERS,
  ofAddressee,
  ofLetter,
  shownSentence,
  withStatus,
} from './fixture.ts';

const ALL = DEMANDS.length;
const SOUMU = '2019-07-23-soumu';
const KYOSAI = '2019-07-18-shichoson-kyosai';
/** The addressee of the 総務大臣宛 letter (its key in URLs: soumu). */
const MINISTRY = '総務省';
const visibleRows = (page: Page) => page.locator('tr[data-demand]:visible');
const filterNav = (page: Page) => page.getByRole('navigation', { name: '要求の絞り込み' });
const group = (page: Page, name: string) => filterNav(page).getByRole('group', { name: `${name}で絞り込む` });

async function visibleIds(page: Page): Promise<string[]> {
  return visibleRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-demand')!));
}

describe('the tracker (/status/)', () => {
  test('one row per demand with a status, a captioned table with headers, counts, overview and legend', async () => {
    const page = await newPage();
    await page.goto(siteUrl('/status/'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('要求の状況');
    const table = page.getByRole('table', { name: /要求ごとの状況/ });
    expect(await table.locator('caption').count()).toBe(1);
    expect(await table.locator('thead th[scope="col"]').allTextContents()).toEqual([
      '要求',
      '状況',
      '最新の経過',
      '要請書',
      '最終確認',
    ]);
    expect(await table.locator('tbody th[scope="row"]').count()).toBe(ALL);
    expect(await visibleRows(page).count()).toBe(ALL);
    const statuses = await page
      .locator('tr[data-demand]')
      .evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-demand')}=${r.getAttribute('data-status')}`));
    expect(statuses).toEqual(DEMANDS.map((d) => `${d.id}=${d.status}`));
    // The badge in each row is symbol + text, and agrees with the row.
    const row = page.locator('tr[data-demand="2019-07-23-soumu/2"]');
    expect(await row.locator('[data-status][data-current]').getAttribute('data-status')).toBe('stalled');
    expect((await row.locator('[data-current]').textContent())?.trim()).toBe('＝進展なし');
    // The row says why: the latest event (date, kind, summary) links to it on the demand page.
    const latest = row.locator('td').nth(1).getByRole('link');
    expect(await latest.getAttribute('href')).toMatch(
      /\/letters\/2019-07-23-soumu\/demands\/2\/#event-\d{4}-\d{2}-\d{2}-[a-z_]+$/,
    );
    expect(await row.textContent()).toMatch(/要求2 個人情報を申請書作成に流用しない[\s\S]*\d{4}年\d{1,2}月\d{1,2}日/);

    const overview = page.getByRole('table', { name: '要請書ごと・状況ごとの要求の数' });
    expect(await overview.locator('tfoot th, tfoot td').allTextContents()).toEqual(
      ['計', ...COUNTS.map(([, count]) => count), ALL].map(String),
    );
    const legend = page.locator('#legend');
    for (const text of ['回答待ち', '要請書を提出し、まだ実質的な回答がない。', '進展なし', '取り下げ'])
      expect(await legend.textContent()).toContain(text);
    // A Japanese page: no English label or key in the legend (issue 29; the English labels are on /en/).
    for (const text of ['Awaiting response', 'Stalled', 'awaiting_response'])
      expect(await legend.textContent()).not.toContain(text);
    expect(await page.locator('#legend-stalled').count()).toBe(1);
  });

  test('each demand is rendered once: one row of one table, which stacks into a block per demand on a phone', async () => {
    const page = await newPage({ viewport: { width: 390, height: 800 } });
    const demands = (await (await page.request.get(siteUrl('/api/demands.json'))).json()) as { id: string }[];
    const html = await (await page.request.get(siteUrl('/status/'))).text();
    for (const { id } of demands) expect(html.split(`data-demand="${id}"`).length - 1).toBe(1);
    await page.goto(siteUrl('/status/'));
    const row = page.locator('tr[data-demand]').first();
    expect(await row.evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  test('without JavaScript, the filters are links to pre-filtered pages', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(siteUrl('/status/'));
    await group(page, '状況')
      .getByRole('link', { name: /進展なし/ })
      .click();
    await page.waitForURL('**/status/by-status/stalled/');
    expect(await visibleIds(page)).toEqual(withStatus('stalled'));
    expect(await page.getByText(shownSentence(withStatus('stalled').length)).count()).toBe(1);
    expect(
      await group(page, '状況')
        .getByRole('link', { name: /進展なし/ })
        .getAttribute('aria-current'),
    ).toBe('true');

    await group(page, '宛先').getByRole('link', { name: '市町村共済連合会' }).click();
    await page.waitForURL('**/status/by-addressee/shichoson-kyosai/');
    expect(await visibleIds(page)).toEqual(ofLetter('2019-07-18-shichoson-kyosai'));

    await group(page, '要請書')
      .getByRole('link', { name: /2019年7月23日 総務大臣宛/ })
      .click();
    // A letter has no pre-filtered page: its link opens the letter's own list of demands, with their status.
    await page.waitForURL('**/letters/2019-07-23-soumu/#demands');
    const demands = page.locator('li.letter__demand');
    expect(await demands.count()).toBe(ofLetter(SOUMU).length);
    expect(await demands.locator('[data-status][data-current]').count()).toBe(ofLetter(SOUMU).length);
    await page.goBack();
    await page.waitForURL('**/status/by-addressee/shichoson-kyosai/');

    await group(page, '状況').getByRole('link', { name: /実現/ }).first().click();
    await page.waitForURL('**/status/by-status/*/');
    expect(await visibleRows(page).count()).toBe(0);
    expect(await page.getByText('条件に合う要求はありません。').isVisible()).toBe(true);

    await group(page, '状況').getByRole('link', { name: 'すべて' }).click();
    await page.waitForURL('**/status/');
    expect(await visibleRows(page).count()).toBe(ALL);
  });

  test('every status count links to its filtered page, even an empty one', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    for (const [key, count] of COUNTS) {
      const response = await page.goto(siteUrl(`/status/by-status/${key}/`));
      expect(response?.status()).toBe(200);
      expect(await visibleRows(page).count()).toBe(count);
    }
  });

  test('with JavaScript, the filters work instantly, combine, and keep the URL', async () => {
    const page = await newPage();
    await page.goto(siteUrl('/status/'));
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 1;
    });
    const summary = page.getByRole('status').filter({ hasText: '要求を表示しています' });

    await group(page, '状況')
      .getByRole('link', { name: /回答あり/ })
      .click();
    await expect.poll(() => visibleRows(page).count()).toBe(withStatus('responded').length);
    expect(new URL(page.url()).search).toBe('?status=responded');
    await expect.poll(() => summary.textContent()).toBe(shownSentence(withStatus('responded').length));

    // A second filter combines with the first; no page was loaded.
    await group(page, '宛先').getByRole('link', { name: '総務大臣' }).click();
    expect(ofAddressee(MINISTRY, 'responded')).toEqual([]);
    await expect.poll(() => visibleRows(page).count()).toBe(0);
    expect(await page.getByText('条件に合う要求はありません。').isVisible()).toBe(true);
    expect(new URL(page.url()).search).toBe('?addressee=soumu&status=responded');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);

    await group(page, '状況').getByRole('link', { name: 'すべて' }).click();
    await expect.poll(() => visibleIds(page)).toEqual(ofAddressee(MINISTRY));
    expect(await group(page, '宛先').getByRole('link', { name: '総務大臣' }).getAttribute('aria-current')).toBe('true');

    // Back restores the previous filter.
    await page.goBack();
    await expect.poll(() => visibleRows(page).count()).toBe(0);

    // Keyboard: focus a filter link and press Enter.
    await group(page, '宛先').getByRole('link', { name: 'すべて' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => visibleRows(page).count()).toBe(withStatus('responded').length);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  });

  test('with JavaScript, a filtered URL opens filtered, and the pre-filtered pages filter further in place', async () => {
    const page = await newPage();
    await page.goto(siteUrl(`/status/?letter=${KYOSAI}`));
    await expect.poll(() => visibleRows(page).count()).toBe(ofLetter(KYOSAI).length);
    await page.goto(siteUrl('/status/by-status/stalled/'));
    expect(await visibleRows(page).count()).toBe(withStatus('stalled').length);
    await group(page, '要請書')
      .getByRole('link', { name: /総務大臣宛/ })
      .click();
    await expect
      .poll(() => visibleIds(page))
      .toEqual(ofLetter(SOUMU).filter((id) => withStatus('stalled').includes(id)));
    expect(new URL(page.url()).search).toBe('?letter=2019-07-23-soumu&status=stalled');
  });

  test('a pre-filtered page holds only its rows; a filter needing others opens the page that has them', async () => {
    const page = await newPage();
    await page.goto(siteUrl('/status/by-status/stalled/'));
    expect(await page.locator('tr[data-demand]').count()).toBe(withStatus('stalled').length);
    expect(await page.getByText(shownSentence(withStatus('stalled').length)).count()).toBe(1);

    // Another status needs rows this page lacks: the browser opens that status's page.
    await group(page, '状況')
      .getByRole('link', { name: /回答あり/ })
      .click();
    await page.waitForURL('**/status/by-status/responded/');
    expect(await page.locator('tr[data-demand]').count()).toBe(withStatus('responded').length);
    expect(await visibleRows(page).count()).toBe(withStatus('responded').length);

    // Narrowing it further stays in place and keeps the total in the summary.
    await group(page, '宛先').getByRole('link', { name: '総務大臣' }).click();
    await expect.poll(() => visibleRows(page).count()).toBe(0);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '要求を表示しています' }).textContent())
      .toBe(shownSentence(ofAddressee(MINISTRY, 'responded').length));

    // Clearing the page's own filter keeps the other one, on the page that holds its rows.
    await group(page, '状況').getByRole('link', { name: 'すべて' }).click();
    await page.waitForURL('**/status/by-addressee/soumu/');
    expect(await visibleIds(page)).toEqual(ofAddressee(MINISTRY));

    // Two filters, one of them not the page's own: the whole tracker, filtered by the script.
    await group(page, '状況')
      .getByRole('link', { name: /進展なし/ })
      .click();
    await expect.poll(() => visibleRows(page).count()).toBe(ofAddressee(MINISTRY, 'stalled').length);
    await group(page, '宛先').getByRole('link', { name: '市町村共済連合会' }).click();
    await page.waitForURL(
      (url) => url.pathname === servedPath('/status/') && url.search === '?addressee=shichoson-kyosai&status=stalled',
    );
    expect(await page.locator('tr[data-demand]').count()).toBe(ALL);
    await expect
      .poll(() => visibleRows(page).count())
      .toBe(ofAddressee('全国市町村職員共済組合連合会', 'stalled').length);
  });

  test('the index pages count demands per letter and per addressee, linking to their pages', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(siteUrl('/status/by-addressee/'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('宛先ごとの状況');
    const table = page.getByRole('table', { name: '宛先ごと・状況ごとの要求の数' });
    expect(
      await table
        .locator('tbody tr')
        .evaluateAll((trs) =>
          (trs as HTMLTableRowElement[]).map((tr) => [...tr.cells].map((cell) => cell.textContent!.trim()).join(' ')),
        ),
    ).toEqual(
      expect.arrayContaining([
        addresseeRow('市町村共済連合会', '全国市町村職員共済組合連合会'),
        addresseeRow('総務大臣', MINISTRY),
      ]),
    );
    await table.getByRole('link', { name: '総務大臣' }).click();
    await page.waitForURL('**/status/by-addressee/soumu/');
    expect(await page.locator('tr[data-demand]').count()).toBe(ofAddressee(MINISTRY).length);

    await page.goto(siteUrl('/status/by-letter/'));
    const letters = page.getByRole('table', { name: '要請書ごと・状況ごとの要求の数' });
    expect(await letters.locator('tbody tr').count()).toBe(LETTERS.length);
    expect(await letters.locator('tfoot th, tfoot td').allTextContents()).toEqual(
      ['計', ...COUNTS.map(([, count]) => count), ALL].map(String),
    );
  });
});

describe('a demand page', () => {
  test('shows the current status with its definition, the sourced history and the last dates', async () => {
    const page = await newPage();
    await page.goto(siteUrl('/letters/2019-07-23-soumu/demands/2/'));
    const current = page.locator('[data-status][data-current]');
    expect(await current.count()).toBe(1);
    expect(await current.getAttribute('data-status')).toBe('stalled');
    const status = page.getByRole('region', { name: '現在の状況' });
    for (const text of ['進展なし', '回答や協議の後、動きがない。', '最終更新：2019年7月31日', '状況の最終確認：'])
      expect(await status.textContent()).toContain(text);
    expect(await status.textContent(), 'no English label on a Japanese page (issue 29)').not.toContain('Stalled');

    const history = page.locator('ol.history > li');
    expect(await history.count()).toBe(3);
    // Each entry's anchor comes from its event (date and kind), not its position.
    const anchors = await history.evaluateAll((items) => items.map((item) => item.id));
    for (const anchor of anchors) expect(anchor).toMatch(/^event-\d{4}-\d{2}-\d{2}-[a-z_]+(-\d+)?$/);
    expect(await history.nth(1).textContent()).toMatch(/相手方の回答要旨（総務[省大臣]+）[\s\S]*目的の範囲内/);
    for (let n = 0; n < 3; n++)
      expect(await history.nth(n).locator('.history__sources a[href^="https://"]').count()).toBeGreaterThan(0);
    // Following this one demand: a section of the page (its feed's address, for apps), not the XML itself.
    const follow = page.getByRole('link', { name: 'この要求の経過を追う（フィード・メール）' });
    expect(await follow.getAttribute('href')).toMatch(/\/letters\/2019-07-23-soumu\/demands\/2\/#follow$/);
    expect(await page.locator('#follow pre').textContent()).toMatch(
      /\/letters\/2019-07-23-soumu\/demands\/2\/feed\.xml$/,
    );
    // The badge links to the legend.
    await current.click();
    await page.waitForURL('**/status/#legend-stalled');
  });

  test('cite this demand: a ready citation, copied with the keyboard and confirmed in a live region', async () => {
    const page = await newPage();
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(siteUrl('/')).origin });
    await page.goto(siteUrl('/letters/2019-07-18-shichoson-kyosai/demands/2/'));
    const cite = page.getByRole('region', { name: 'この要求を引用する' });
    const text = (await cite.locator('#cite-text').textContent())!;
    expect(text).toMatch(
      /^日本自治体労働組合総連合（自治労連）「地方公務員へのマイナンバーカード取得推進問題に係る要請書」（全国市町村職員共済組合連合会理事長宛、2019年7月18日）要求②「個人情報を申請書作成に流用しない」。状況：回答あり（\d{4}年\d{1,2}月\d{1,2}日時点）。https?:\/\/\S+\/letters\/2019-07-18-shichoson-kyosai\/demands\/2\/$/,
    );

    const button = cite.getByRole('button', { name: '引用文をコピー' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => cite.getByRole('status').textContent()).toBe('引用文をコピーしました。');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    // Space works too, and the confirmation is announced again.
    await page.keyboard.press('Space');
    await expect.poll(() => cite.getByRole('status').textContent()).toBe('引用文をコピーしました。');
  });

  test('without JavaScript the citation is there to select and no dead button is shown', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(siteUrl('/letters/2019-07-23-soumu/demands/5/'));
    const cite = page.getByRole('region', { name: 'この要求を引用する' });
    expect(await cite.locator('#cite-text').textContent()).toContain(
      '要求5「申請・取得状況調査を行わない」。状況：進展なし',
    );
    expect(await cite.getByRole('button').count()).toBe(0);
  });
});

describe('timeline, feed and data', () => {
  test('the timeline lists the campaign in date order, with sources', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(siteUrl('/timeline/'));
    const dates = await page
      .locator('ol.timeline > li time')
      .evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!));
    expect(dates).toEqual([...dates].sort());
    for (const date of ['2019-06-04', '2019-06-21', '2019-06-28', '2019-07-18', '2019-07-23', '2019-07-31'])
      expect(dates).toContain(date);
    expect(
      await page
        .locator('ol.timeline > li')
        .evaluateAll((items) => items.every((item) => item.querySelector('.history__sources li'))),
    ).toBe(true);
    expect(await page.locator('#on-2019-07-31-statement [data-status]').count()).toBe(ALL);
    expect(await page.getByText('しんぶん赤旗 2019年7月27日「公務員にマイナンバーカード').count()).toBeGreaterThan(0);
  });

  test('every page links the feed; the feed is Atom, newest first, and agrees with the pages', async () => {
    const page = await newPage();
    for (const path of ['/', '/status/', '/timeline/', '/letters/2019-07-23-soumu/demands/1/', '/api/', '/guide/']) {
      await page.goto(siteUrl(path));
      const feeds = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
      expect(await feeds.first().getAttribute('href')).toBe(servedPath('/feed.xml'));
    }
    // A demand page also links its own feed: one well-formed entry per event of that demand.
    await page.goto(siteUrl('/letters/2019-07-23-soumu/demands/1/'));
    const own = page.locator('head link[rel="alternate"][type="application/atom+xml"]').nth(1);
    const ownHref = (await own.getAttribute('href'))!;
    expect(ownHref).toBe(servedPath('/letters/2019-07-23-soumu/demands/1/feed.xml'));
    const ownXml = await (await page.request.get(new URL(ownHref, page.url()).href)).text();
    const ownParsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        ids: [...doc.querySelectorAll('entry > id')].map((id) => id.textContent ?? ''),
      };
    }, ownXml);
    expect(ownParsed.error).toBe(0);
    const events = await page.locator('ol.history > li').evaluateAll((items) => items.map((item) => item.id));
    expect(ownParsed.ids.map((id) => id.split('#')[1]).sort()).toEqual([...events].sort());
    const response = await page.request.get(siteUrl('/feed.xml'));
    expect(response.status()).toBe(200);
    const xml = await response.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    const entries = [
      ...xml.matchAll(/<entry>[\s\S]*?<updated>([^<]+)<\/updated>[\s\S]*?<category term="([^"]+)"[\s\S]*?<\/entry>/g),
    ];
    // One entry per history entry of every demand.
    const demands = (await (await page.request.get(siteUrl('/api/demands.json'))).json()) as {
      url: string;
      status: string;
      history: unknown[];
    }[];
    const historyCount = demands.reduce((n, d) => n + d.history.length, 0);
    expect(entries.length).toBe(historyCount);
    // The newest entry of each demand carries the demand's current status.
    for (const d of demands) {
      const newest = [...xml.matchAll(/<entry>[\s\S]*?<\/entry>/g)].find((m) =>
        m[0].includes(`href="${d.url}#event-`),
      )!;
      expect(newest[0]).toContain(`<category term="${d.status}"`);
    }
    const updated = entries.map((m) => m[1]!);
    expect(updated).toEqual([...updated].sort().reverse());
    // The browser parses it as XML.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        entries: doc.getElementsByTagName('entry').length,
        link: doc.querySelector('entry link')?.getAttribute('href'),
      };
    }, xml);
    expect(parsed).toMatchObject({ error: 0, entries: historyCount });
    expect(parsed.link).toMatch(/\/letters\/.+\/demands\/\d+\/#event-\d{4}-\d{2}-\d{2}-[a-z_]+(-\d+)?$/);
  });

  test('demands.json, letters.json and demands.csv agree with the tracker', async () => {
    const page = await newPage();
    await page.goto(siteUrl('/status/'));
    const tracker = Object.fromEntries(
      await page
        .locator('tr[data-demand]')
        .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-demand'), r.getAttribute('data-status')])),
    );

    const demands = (await (await page.request.get(siteUrl('/api/demands.json'))).json()) as {
      id: string;
      status: string;
      url: string;
      history: { date: string; status: string; summary: string; sources: { title: string; url: string }[] }[];
    }[];
    expect(demands).toHaveLength(ALL);
    for (const d of demands) {
      expect(tracker[d.id]).toBe(d.status);
      expect(d.history.at(-1)!.status).toBe(d.status);
      expect(d.history.every((h) => h.sources.length > 0 && h.summary)).toBe(true);
    }
    const letters = (await (await page.request.get(siteUrl('/api/letters.json'))).json()) as {
      slug: string;
      demands: { status: string }[];
    }[];
    expect(Object.fromEntries(letters.map((l) => [l.slug, l.demands.length]))).toEqual(
      Object.fromEntries(LETTERS.map((slug) => [slug, ofLetter(slug).length])),
    );

    const csv = await page.request.get(siteUrl('/api/demands.csv'));
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]!.startsWith('letter,number,label,text,status,url,history')).toBe(true);
    expect(text).toContain('2019-07-23-soumu,2,2.,');

    await page.goto(siteUrl('/api/'));
    for (const route of ['/api/demands.json', '/api/letters.json', '/api/demands.csv', '/feed.xml'])
      expect(await page.locator(`main a[href="${servedPath(route)}"]`).count()).toBeGreaterThan(0);
  });

  test('the organizer guide explains the command, the file and every status in Japanese', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(siteUrl('/guide/'));
    const main = (await page.locator('main').textContent())!;
    for (const text of [
      'npm run demand -- add',
      'statusHistory',
      'npm run check:content',
      '回答待ち',
      '協議中',
      '一部実現',
      '取り下げ',
      '出典',
      '公開のしかた',
      'SITE_URL',
    ])
      expect(main).toContain(text);
  });

  test('the home page summarises the statuses', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(siteUrl('/'));
    const summary = page.getByRole('region', { name: '要求の状況' });
    expect((await summary.locator('p').first().textContent())?.trim()).toMatch(homeSummary);
    await summary.getByRole('link', { name: /進展なし/ }).click();
    await page.waitForURL('**/status/by-status/stalled/');
  });
});
