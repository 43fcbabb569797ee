// /en/status/ and /en/timeline/ (issue 31): rules over whatever content/ holds and the frozen fixture.
import { describe, expect, test } from 'vitest';
import { checkContent } from '../src/lib/content-check.ts';
import {
  englishStatusPage,
  englishStatusFilterPages,
  englishStatusListPages,
  englishHomeLetters,
  EN_STATUS_PAGE_SIZE,
  englishStatusUrl,
  englishTimeline,
  englishVersionOf,
  englishDemand,
  EN_TEXTS,
} from '../src/lib/english.ts';
import { STATUSES } from '../src/lib/status.ts';
import { currentStatus } from '../src/lib/history.ts';
import { sitePath } from '../src/lib/urls.ts';
import { LETTERS_PAGE_SIZE } from '../src/lib/paging.ts';
import { FIXTURE_ROOT, PROJECT_ROOT } from './helpers/project-copy.ts';

const TODAY = '2026-12-06';

describe.each([
  ['real content', PROJECT_ROOT],
  ['frozen fixture', FIXTURE_ROOT],
])('%s', (_name, root) => {
  const content = checkContent(root);
  const demands = [...content.demands.values()].map((f) => f.data);
  const letters = [...content.letters.entries()].map(([slug, f]) => ({ slug, ...f.data }));
  const events = [...content.timeline.entries()].map(([id, f]) => ({ id, ...f.data }));

  test('/en/status/ lists every demand once, with its status in English, latest event and as-of date', () => {
    const page = englishStatusPage(letters, demands, TODAY);
    expect(page.rows.length).toBe(demands.length);
    expect(page.total).toBe(demands.length);
    for (const demand of demands) {
      const row = page.rows.find((r) => r.id === `${demand.letter}/${demand.number}`)!;
      expect(row.status.label).toBe(STATUSES[currentStatus(demand.statusHistory)].en);
      expect(row.latest.date).toBe(demand.statusHistory.at(-1)!.date);
      expect(row.latest.summary).toBe(demand.statusHistory.at(-1)!.summaryEn ?? null);
      expect(row.asOfText).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
      expect(row.url).toBe(englishDemand(demand).url);
      expect(row.latest.url.startsWith(row.url.split('#')[0]!)).toBe(true);
    }
  });

  test.each(['addressee', 'status'] as const)('every %s filter has a page, which lists exactly its demands', (dim) => {
    const all = englishStatusPage(letters, demands, TODAY);
    const pages = englishStatusFilterPages(letters, demands, TODAY).filter((p) => p.dimension === dim);
    expect(pages.map((p) => p.value).sort()).toEqual(all.filters[dim].map((f) => f.value).sort());
    for (const { value } of pages) {
      const filtered = englishStatusPage(letters, demands, TODAY, { [dim]: value });
      const option = all.filters[dim].find((f) => f.value === value)!;
      expect(filtered.rows.length).toBe(option.count);
      expect(option.url).toBe(englishStatusUrl(dim, value));
      if (dim === 'status') for (const row of filtered.rows) expect(row.status.key).toBe(value);
    }
  });

  // Issue 32: at 1,000 letters a list is in pages; a size of 1 or 2 pages today's few demands the same way.
  test.each([1, 2, 3, EN_STATUS_PAGE_SIZE])(
    'in pages of %i, the list and every filter show each of their demands once, in order',
    (size) => {
      const filters = [undefined, ...englishStatusFilterPages(letters, demands, TODAY)];
      for (const filter of filters) {
        const pages = englishStatusListPages(letters, demands, TODAY, filter, size);
        const rows = pages[0]!.list.rows;
        expect(pages.flatMap((p) => p.page.items)).toEqual(rows);
        expect(pages.length).toBe(Math.max(1, Math.ceil(rows.length / size)));
        for (const p of pages) {
          expect(p.page.items.length).toBeLessThanOrEqual(size);
          expect(p.from).toBe((p.page.number - 1) * size + 1);
          expect(p.base).toBe(filter ? englishStatusUrl(filter.dimension, filter.value) : englishStatusUrl());
        }
      }
    },
  );

  test.each([1, 2, LETTERS_PAGE_SIZE])('the English home lists the %i most recent letters at most', (max) => {
    const entries = [...content.letters.entries()].map(([id, f]) => ({ id, data: f.data }));
    const home = englishHomeLetters(entries, max);
    const listed = home.years.groups.flatMap((g) => g.list);
    const newest = letters
      .map((l) => l.date)
      .sort()
      .slice(-max);
    expect(home.total).toBe(letters.length);
    expect(listed.map((l) => l.date)).toEqual(newest);
    expect(home.shown).toBe(listed.length);
    expect(home.years.severalYears).toBe(new Set(letters.map((l) => l.date.slice(0, 4))).size > 1);
  });

  test('/en/timeline/ holds every event and every history entry, in date order, English where written', () => {
    const { items } = englishTimeline(events, demands, letters);
    const dates = items.map((i) => i.date);
    expect(dates).toEqual([...dates].sort());
    for (const event of events) {
      const item = items.find((i) => i.id === `event-${event.id}`)!;
      expect(item.title).toBe(event.english?.title ?? null);
      expect(item.summary).toBe(event.english?.summary ?? null);
      expect(item.sources.length).toBe(new Set(event.sources.map((s) => s.url ?? s.title)).size);
    }
    const refs = items.flatMap((i) => i.demands);
    expect(refs.length).toBe(demands.reduce((n, d) => n + d.statusHistory.length, 0));
    const entries = demands.flatMap((d) => d.statusHistory.map((h) => h.summaryEn ?? null));
    expect(refs.map((r) => r.summary).sort()).toEqual(entries.sort());
  });
});

test.each([
  ['/status/', '/en/status/'],
  ['/timeline/', '/en/timeline/'],
  ['/search/', '/en/search/'],
  ['/letters/', null],
])('the Japanese %s links its English version %s', (ja, en) => {
  expect(englishVersionOf(sitePath(ja))).toBe(en && sitePath(en));
});

test('the English navigation covers the status, the timeline and the search', () => {
  const hrefs = EN_TEXTS.nav.map((n) => n.href);
  for (const path of ['/en/', '/en/status/', '/en/timeline/', '/en/search/']) expect(hrefs).toContain(sitePath(path));
});
