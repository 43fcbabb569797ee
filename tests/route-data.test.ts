// Route data (src/lib/route-data.ts), pages of long lists (paging.ts) and the tracker's page rules:
// shaped from the checked content of the project, expectations derived from that content.
import { describe, expect, test } from 'vitest';
import { checkedContent } from '../src/lib/content/astro-loader.ts';
import { shapeRouteData, breadcrumbs, languagePair, type RouteEntries } from '../src/lib/route-data.ts';
import { pagesOf, pageHref, pageParam } from '../src/lib/paging.ts';
import { recentRows, newestLetters, fitsOnePage, TRACKER_PAGE_SIZE } from '../src/lib/dashboard.ts';
import { pageSummary, filterSummary } from '../src/lib/filters.ts';
import { timelineYears } from '../src/lib/timeline.ts';
import { citationsByArticle } from '../src/lib/cross-references.ts';
import { sitePath } from '../src/lib/urls.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const content = checkedContent(process.cwd());
const entries = (map: Map<string, { data: unknown }>) => [...map].map(([id, file]) => ({ id, data: file.data }));
const input = {
  letters: entries(content.letters),
  demands: entries(content.demands),
  references: entries(content.references),
  timeline: entries(content.timeline),
} as unknown as RouteEntries;
const TODAY = '2026-12-06';

describe('shapeRouteData', () => {
  const data = shapeRouteData(input, TODAY);

  test('letters oldest first, every demand once, grouped by letter in printed order', () => {
    const dates = data.letters.map((l) => `${l.date} ${l.slug}`);
    expect(dates).toEqual(dates.toSorted());
    expect(data.letterEntries.map((e) => e.id)).toEqual(data.letters.map((l) => l.slug));
    expect(data.demands).toHaveLength(content.demands.size);
    expect([...data.demandsByLetter.values()].flat()).toEqual(data.demands);
    for (const [slug, own] of data.demandsByLetter) {
      expect(own.every((d) => d.letter === slug)).toBe(true);
      expect(own.map((d) => d.number)).toEqual(own.map((d) => d.number).toSorted((a, b) => a - b));
    }
  });

  test('rows and counts agree with the demands', () => {
    expect(data.rows.map((r) => r.id)).toEqual(data.demands.map((d) => `${d.letter}/${d.number}`));
    expect(Object.values(data.counts).reduce((a, b) => a + b, 0)).toBe(data.rows.length);
  });

  test('the same entries in another order give the same data', () => {
    const reversed = shapeRouteData(
      {
        letters: input.letters.toReversed(),
        demands: input.demands.toReversed(),
        references: input.references.toReversed(),
        timeline: input.timeline,
      },
      TODAY,
    );
    expect(reversed.rows).toEqual(data.rows);
    expect(reversed.letters).toEqual(data.letters);
  });

  test('every legal basis is among the citations of its article', () => {
    for (const demand of data.demands)
      for (const basis of demand.legalBasis)
        expect(
          data.citing
            .get(basis.reference)
            ?.get(basis.article)
            ?.some((l) => l.demand === demand),
        ).toBe(true);
  });
});

test('citationsByArticle: a demand is listed once per article, with its first reason', () => {
  const demand = {
    letter: 'a',
    number: 1,
    related: [],
    legalBasis: [
      { reference: 'r', article: 2, reason: 'first' },
      { reference: 'r', article: 2, reason: 'second' },
      { reference: 'r', article: 3, reason: 'other' },
    ],
  };
  const byArticle = citationsByArticle([demand]).get('r')!;
  expect([...byArticle.keys()]).toEqual([2, 3]);
  expect(byArticle.get(2)).toEqual([{ demand, reason: 'first' }]);
});

test.each([
  ['page', breadcrumbs.page('経過'), ['ホーム', '経過']],
  ['status', breadcrumbs.status('宛先ごとの状況'), ['ホーム', '要求の状況', '宛先ごとの状況']],
  ['reference', breadcrumbs.reference('規程'), ['ホーム', '関連規程', '規程']],
  [
    'demand',
    breadcrumbs.demand(
      'x',
      { addressee: { organization: '総務省', organizationPrinted: true, shortName: '総務省' } },
      '要求1',
    ),
    ['ホーム', '要請書', '総務省宛', '要求1'],
  ],
])('breadcrumbs.%s: home first, every step but the last linked', (_, trail, labels) => {
  expect(trail.map((c) => c.label)).toEqual(labels);
  expect(trail.slice(0, -1).every((c) => c.href)).toBe(true);
  expect(trail.at(-1)!.href).toBeUndefined();
});

test('language pairs point at each other’s pages', () => {
  expect(languagePair.letter('x')).toEqual({ ja: sitePath('/letters/x/'), en: sitePath('/en/letters/x/') });
  expect(languagePair.reference('r')).toEqual({ ja: sitePath('/references/r/'), en: sitePath('/en/references/r/') });
});

describe('pages of a long list', () => {
  test.each([
    [0, 3, [0]],
    [3, 3, [3]],
    [4, 3, [3, 1]],
    [7, 3, [3, 3, 1]],
  ])('%i items in pages of %i: page sizes %j', (n, size, sizes) => {
    const pages = pagesOf(
      Array.from({ length: n }, (_, i) => i),
      size,
    );
    expect(pages.map((p) => p.items.length)).toEqual(sizes);
    expect(pages.every((p, i) => p.number === i + 1 && p.count === sizes.length)).toBe(true);
    expect(pages.flatMap((p) => p.items)).toEqual(Array.from({ length: n }, (_, i) => i));
  });
  test('a page size below 1 is refused', () => expect(() => pagesOf([1], 0)).toThrow());
  test.each([
    [1, '/status/all/', undefined],
    [2, '/status/all/2/', '2'],
  ])('page %i is at %s', (n, href, param) => {
    expect(pageHref('/status/all/', n)).toBe(href);
    expect(pageParam(n)).toBe(param);
  });
});

describe('the tracker past one page', () => {
  const row = (id: string, date: string) => ({ id, latest: { date }, lastUpdated: date });
  test('recent rows: newest latest event first, ties in table order, at most max', () => {
    const rows = [row('a', '2019-07-01'), row('b', '2020-01-01'), row('c', '2019-07-01'), row('d', '2021-05-05')];
    expect(recentRows(rows, 3).map((r) => r.id)).toEqual(['d', 'b', 'a']);
    expect(recentRows(rows, 10)).toHaveLength(rows.length);
  });
  test('newest letters stay in date order', () => {
    const letters = ['2019-01-01', '2021-01-01', '2020-01-01'].map((date, i) => ({ date, slug: `l${i}` }));
    expect(newestLetters(letters, 2).map((l) => l.date)).toEqual(['2020-01-01', '2021-01-01']);
  });
  test.each([
    [TRACKER_PAGE_SIZE, true],
    [TRACKER_PAGE_SIZE + 1, false],
  ])('%i demands fit one page: %s', (n, fits) => expect(fitsOnePage(n)).toBe(fits));
  test.each([
    [9, 9, 1, 9, filterSummary(9, 9)],
    [5, 9, 1, 5, filterSummary(5, 9)],
    [250, 4500, 101, 200, '全4500件のうち250件の要求の、101〜200件目を表示しています。'],
    [4500, 4500, 1, 100, '全4500件の要求の、1〜100件目を表示しています。'],
  ])('pageSummary(%i of %i, %i–%i)', (matching, total, from, to, text) =>
    expect(pageSummary(matching, total, from, to)).toBe(text),
  );
  test('timeline years: one page per year, oldest first, every item once', () => {
    const items = ['2020-02-01', '2019-07-01', '2020-01-01'].map((date) => ({ date }) as never);
    const years = timelineYears(items);
    expect(years.map((y) => y.year)).toEqual(['2019', '2020']);
    expect(years.flatMap((y) => y.items)).toHaveLength(items.length);
  });
});

test('pages and components only render: none reads a collection (route-data.ts does, once)', () => {
  const files = ['src/pages', 'src/components'].flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(astro|ts)$/.test(file))
      .map((file) => join(dir, file)),
  );
  expect(files.length).toBeGreaterThan(0);
  expect(files.filter((file) => /\bgetCollection\s*\(/.test(readFileSync(file, 'utf8')))).toEqual([]);
});
