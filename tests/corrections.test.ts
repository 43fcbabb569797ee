/**
 * The corrections log (src/lib/corrections.ts): collecting every file's corrections, their order and
 * anchors, the notice text and the Atom feed. Fixture entries only; the real log is checked by rules
 * that hold for whatever content/ holds.
 */
import { describe, expect, test } from 'vitest';
import {
  articleCorrections,
  collectCorrections,
  contentCorrections,
  correctionHref,
  correctionNotice,
  correctionPages,
  correctionsFeed,
  correctionsUrl,
  latestCorrection,
  pageCorrections,
  siteCorrectionsOn,
  type CorrectionSources,
} from '../src/lib/corrections.ts';
import { FEED_ENTRIES_MAX, renderAtom } from '../src/lib/feed.ts';
import { routeOf } from '../src/lib/urls.ts';
import { CorrectionSchema, DemandSchema } from '../src/lib/schemas.ts';
import { checkedContent } from '../src/lib/content/astro-loader.ts';
import { PROJECT_ROOT } from './helpers/project-copy.ts';

const c = (date: string, location: string) => ({
  date,
  location,
  before: `${location}の前`,
  after: `${location}の後`,
  reason: '理由',
});

const SOURCES: CorrectionSources = {
  letters: [
    {
      id: '2024-10-01-soumu',
      data: {
        date: '2024-10-01',
        addressee: { organization: '総務省', organizationPrinted: false, shortName: '総務大臣', role: '総務大臣' },
        corrections: [c('2026-01-05', '紹介文')],
      },
    },
  ],
  demands: [
    {
      data: {
        letter: '2024-10-01-soumu',
        number: 2,
        label: '2.',
        shortTitle: '調査をしない',
        corrections: [c('2026-02-01', '英訳'), c('2026-02-01', '短い題の英訳'), c('2025-12-24', '経過')],
      },
    },
  ],
  references: [{ id: 'rules', data: { shortTitle: '規程', corrections: [c('2026-02-01', '第20条のあらまし')] } }],
  timeline: [
    { id: '2024-09-01-notice', data: { date: '2024-09-01', title: '通知', corrections: [c('2025-01-01', '見出し')] } },
    { id: '2023-05-01-policy', data: { date: '2023-05-01', title: '方針', corrections: [c('2025-01-01', '要約')] } },
  ],
  site: { corrections: [c('2026-03-01', '検索の言い換え'), { ...c('2026-03-01', '英語のホーム'), page: '/en/' }] },
};

describe('collectCorrections', () => {
  const records = collectCorrections(SOURCES);

  test('every correction of every file, newest first; one day the regulation first, by page, then in file order', () => {
    expect(records.map((r) => `${r.date} ${r.location}`)).toEqual([
      '2026-03-01 検索の言い換え',
      '2026-03-01 英語のホーム',
      '2026-02-01 第20条のあらまし',
      '2026-02-01 英訳',
      '2026-02-01 短い題の英訳',
      '2026-01-05 紹介文',
      '2025-12-24 経過',
      '2025-01-01 要約',
      '2025-01-01 見出し',
    ]);
  });

  test.each([
    ['英訳', '/letters/2024-10-01-soumu/demands/2/', '総務大臣宛 要求2「調査をしない」'],
    ['紹介文', '/letters/2024-10-01-soumu/', '2024年10月1日の総務大臣宛要請書'],
    ['第20条のあらまし', '/references/rules/', '規程'],
    ['検索の言い換え', null, 'サイト全体'],
    ['英語のホーム', '/en/', 'サイト（/en/）'],
    ['見出し', '/timeline/#event-2024-09-01-notice', '経過「通知」'],
    ['要約', '/timeline/2023/#event-2023-05-01-policy', '経過「方針」'],
  ])('%s belongs to %s (%s)', (location, page, title) => {
    const record = records.find((r) => r.location === location)!;
    expect(record.page === null ? null : routeOf(record.page)).toBe(page);
    expect(record.pageTitle).toBe(title);
  });

  test('anchors are unique and stay put when another page is corrected', () => {
    const anchors = records.map((r) => r.anchor);
    expect(new Set(anchors).size).toBe(anchors.length);
    const more = collectCorrections({
      ...SOURCES,
      references: [
        { id: 'rules', data: { shortTitle: '規程', corrections: [c('2026-02-01', 'x'), c('2026-02-01', 'y')] } },
      ],
    });
    for (const record of records.filter((r) => !r.page?.includes('/references/')))
      expect(more.find((m) => m.location === record.location)?.anchor).toBe(record.anchor);
  });

  test('no corrections, an empty log', () => {
    expect(collectCorrections({ letters: [], demands: [], references: [], timeline: [] })).toEqual([]);
  });
});

test.each([
  [[], null],
  [[c('2026-01-05', 'a'), c('2026-12-06', 'b'), c('2026-03-01', 'c')], '2026-12-06'],
])('latestCorrection', (corrections, latest) => {
  expect(latestCorrection(corrections)).toBe(latest);
  expect(pageCorrections(corrections)[0]?.date ?? null).toBe(latest);
});

test.each([
  [20, ['第20条のあらまし', '第20条']],
  [2, ['第2条の英語']],
  [1, []],
])('articleCorrections: article %i', (article, locations) => {
  const all = ['第20条のあらまし', '第2条の英語', '第20条', '第200条', '紹介文の第1条'].map((l) => c('2026-12-06', l));
  expect(articleCorrections(all, article).map((x) => x.location)).toEqual(locations);
});

test('siteCorrectionsOn: the site corrections naming a page', () => {
  const site = { corrections: [c('2026-01-01', 'a'), { ...c('2026-01-02', 'b'), page: '/en/' }] };
  expect(siteCorrectionsOn('/en/', site).map((x) => x.location)).toEqual(['b']);
  expect(siteCorrectionsOn('/search/', site)).toEqual([]);
});

test('the notice names the day in Japanese', () => {
  expect(correctionNotice('2026-12-06')).toBe('この内容は2026年12月6日に訂正しました');
});

describe('the feed', () => {
  const records = collectCorrections(SOURCES);
  const feed = correctionsFeed(records, 'https://example.org', { title: '訂正履歴', author: '発行者' });
  const xml = renderAtom(feed);

  test('one entry per correction, in the log order, linking to its place on /corrections/', () => {
    expect(feed.entries.map((e) => e.link.split('#')[1])).toEqual(records.map((r) => r.anchor));
    for (const entry of feed.entries)
      expect(entry.link).toMatch(/^https:\/\/example\.org\/.*corrections\/#correction-/);
    expect(xml.match(/<entry>/g)?.length).toBe(Math.min(records.length, FEED_ENTRIES_MAX));
  });

  test.each([1, FEED_ENTRIES_MAX, FEED_ENTRIES_MAX + 50])(
    '%i corrections: the feed carries the newest %i at most',
    (n) => {
      const many = Array.from({ length: n }, (_, i) => ({ ...records[0]!, anchor: `correction-${i}` }));
      const entries = correctionsFeed(many, 'https://example.org', { title: 't', author: 'a' }).entries;
      expect(entries.map((e) => e.id.split('#')[1])).toEqual(many.slice(0, FEED_ENTRIES_MAX).map((r) => r.anchor));
    },
  );

  test('an entry keeps its id at /corrections/#anchor whatever page shows it', () => {
    expect(feed.entries.map((e) => e.id)).toEqual(
      records.map((r) => `${new URL(correctionsUrl(), 'https://example.org').href}#${r.anchor}`),
    );
  });

  // Issue 32: the log is in pages; each record is on the page its position says, and links go there.
  test.each([1, 2, 100])('in pages of %i, every record is once on the page its link names', (size) => {
    const pages = correctionPages(records, size);
    expect(pages.flatMap((p) => p.items)).toEqual(records);
    for (const page of pages)
      page.items.forEach((record, i) => {
        const index = (page.number - 1) * size + i;
        const path = page.number === 1 ? correctionsUrl() : `${correctionsUrl()}${page.number}/`;
        expect(correctionHref(index, record.anchor, size)).toBe(`${path}#${record.anchor}`);
      });
  });

  test('an entry says what was wrong, what it says now and why, and has no status category', () => {
    const entry = feed.entries.find((e) => e.title.includes('第20条のあらまし'))!;
    expect(entry.contentHtml).toContain('訂正前：第20条のあらましの前');
    expect(entry.contentHtml).toContain('訂正後：第20条のあらましの後');
    expect(entry.contentHtml).toContain('理由：理由');
    expect(entry.published).toBe('2026-02-01T00:00:00+09:00');
    expect(xml).not.toContain('<category');
    expect(xml).toContain('<updated>2026-03-01T00:00:00+09:00</updated>');
  });
});

describe('the schema', () => {
  test.each([
    [c('2026-12-06', '第1条'), true],
    [{ ...c('2026-12-06', '第1条'), reason: ' ' }, false],
    [{ ...c('2026-02-30', '第1条') }, false],
    [{ date: '2026-12-06', location: '第1条', before: 'a', after: 'b' }, false],
  ])('%o valid: %s', (correction, valid) => {
    expect(CorrectionSchema.safeParse(correction).success).toBe(valid);
  });

  test('a demand without corrections has an empty list', () => {
    expect(DemandSchema.shape.corrections.parse(undefined)).toEqual([]);
  });
});

test('the real log holds every correction of content/, each with a page or the whole site', () => {
  const content = checkedContent(PROJECT_ROOT);
  const count = [
    ...content.letters.values(),
    ...content.demands.values(),
    ...content.references.values(),
    ...content.timeline.values(),
    ...content.site.values(),
  ].reduce((n, f) => n + (f.data as { corrections: unknown[] }).corrections.length, 0);
  const log = contentCorrections(PROJECT_ROOT);
  expect(log).toHaveLength(count);
  for (const record of log) expect(record.page !== null || record.pageTitle === 'サイト全体').toBe(true);
  expect(new Set(log.map((r) => r.anchor)).size).toBe(log.length);
});
