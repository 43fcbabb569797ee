// The tracker's rows, counts, letter × status overview and filters; the citation text.
import { describe, expect, test } from 'vitest';
import {
  dashboardRows,
  countByStatus,
  letterStatusMatrix,
  addresseeStatusMatrix,
  sumCounts,
  filterGroups,
  FILTER_OPTIONS_MAX,
  addresseeKeys,
  narrows,
  filterHref,
  matchesFilter,
  filterRows,
  parseFilterQuery,
  filterQuery,
  filterPagePath,
  filterSummary,
  asOfRange,
  asOfText,
  type DashboardLetter,
  type DashboardDemand,
} from '../src/lib/dashboard.ts';
import { demandCitation, citationAddressee } from '../src/lib/citation.ts';
import { announce } from '../src/lib/live-region.ts';
import { formatDateJa } from '../src/lib/dates.ts';
import { STATUS_KEYS, type StatusKey } from '../src/lib/status.ts';

const letters: DashboardLetter[] = [
  {
    slug: '2019-07-23-soumu',
    title: '要請書',
    date: '2019-07-23',
    addressee: { organization: '総務省', shortName: '総務省' },
  },
  {
    slug: '2019-07-18-shichoson-kyosai',
    title: '要請書',
    date: '2019-07-18',
    responseDue: '2019-08-31',
    addressee: { organization: '全国市町村職員共済組合連合会', shortName: '市町村共済連合会' },
  },
  {
    slug: '2020-01-10-soumu',
    title: '再要請書',
    date: '2020-01-10',
    addressee: { organization: '総務省', shortName: '総務省' },
  },
];
const demand = (letter: string, number: number, ...history: [string, StatusKey][]): DashboardDemand => ({
  letter,
  number,
  label: `${number}.`,
  shortTitle: `要求${number}`,
  lastChecked: '2026-11-01',
  statusHistory: history.map(([date, status], index) => ({ date, status, type: 'other', summary: `経過${index + 1}` })),
});
const demands = [
  demand('2019-07-23-soumu', 2, ['2019-07-23', 'awaiting_response'], ['2019-07-31', 'stalled']),
  demand('2019-07-23-soumu', 1, ['2019-07-23', 'awaiting_response'], ['2019-07-23', 'responded']),
  demand('2019-07-18-shichoson-kyosai', 1, ['2019-07-18', 'awaiting_response']),
  demand('2019-07-18-shichoson-kyosai', 2, ['2019-07-18', 'awaiting_response'], ['2019-09-01', 'achieved']),
  demand('2020-01-10-soumu', 1, ['2020-01-10', 'awaiting_response']),
];
const today = '2026-11-23';
const rows = dashboardRows(letters, demands, today);

describe('rows', () => {
  test('one row per demand, letters by date, demands by number', () => {
    expect(rows.map((r) => r.id)).toEqual([
      '2019-07-18-shichoson-kyosai/1',
      '2019-07-18-shichoson-kyosai/2',
      '2019-07-23-soumu/1',
      '2019-07-23-soumu/2',
      '2020-01-10-soumu/1',
    ]);
  });

  test.each([
    ['2019-07-18-shichoson-kyosai/1', 'awaiting_response', '2019-07-18', true, 'shichoson-kyosai'],
    ['2019-07-18-shichoson-kyosai/2', 'achieved', '2019-09-01', false, 'shichoson-kyosai'],
    ['2019-07-23-soumu/2', 'stalled', '2019-07-31', false, 'soumu'],
    ['2020-01-10-soumu/1', 'awaiting_response', '2020-01-10', false, 'soumu'],
  ])('%s: %s since %s, overdue %s, addressee %s', (id, status, updated, overdue, addressee) => {
    const row = rows.find((r) => r.id === id)!;
    expect(row.status).toBe(status);
    expect(row.lastUpdated).toBe(updated);
    expect(row.overdue).toBe(overdue);
    expect(row.addressee).toBe(addressee);
    expect(row.url).toBe(`/letters/${id.replace('/', '/demands/')}/`);
  });

  test("a row shows the latest event: what set the status, linking to it on the demand's page", () => {
    expect(rows.find((r) => r.id === '2019-07-23-soumu/2')!.latest).toEqual({
      date: '2019-07-31',
      typeLabel: 'その他',
      summary: '経過2',
      url: '/letters/2019-07-23-soumu/demands/2/#event-2019-07-31-other',
    });
  });

  test.each([
    ['one check date', ['2026-11-23', '2026-11-23'], '2026年11月23日時点'],
    [
      'different check dates: the oldest first',
      ['2026-11-23', '2026-10-01'],
      '2026年10月1日〜2026年11月23日時点（要求ごとに異なる）',
    ],
    ['no rows', [], ''],
  ])('as of, never the build date: %s', (_name, dates, text) => {
    expect(asOfText(asOfRange(dates.map((asOf) => ({ asOf }))), formatDateJa)).toBe(text);
  });

  test('a demand naming an unknown letter is a bug, not a silent row', () => {
    expect(() => dashboardRows(letters, [demand('nope', 1, ['2019-07-01', 'awaiting_response'])], today)).toThrow(
      /unknown letter/,
    );
  });

  test('letters to the same organisation share one addressee key', () => {
    expect(Object.fromEntries(addresseeKeys(letters))).toEqual({
      '2019-07-18-shichoson-kyosai': 'shichoson-kyosai',
      '2019-07-23-soumu': 'soumu',
      '2020-01-10-soumu': 'soumu',
    });
  });

  test('two organisations with the same slug ending get distinct keys', () => {
    const keys = addresseeKeys([
      { slug: '2019-01-01-soumu', title: '', date: '2019-01-01', addressee: { organization: 'A' } },
      { slug: '2019-02-01-soumu', title: '', date: '2019-02-01', addressee: { organization: 'B' } },
    ]);
    expect([...keys.values()]).toEqual(['soumu', 'soumu-2']);
  });
});

describe('counts and the letter × status overview', () => {
  test('counts include every status, zero or not', () => {
    expect(countByStatus(rows)).toEqual({
      awaiting_response: 2,
      responded: 1,
      in_negotiation: 0,
      stalled: 1,
      partially_achieved: 0,
      achieved: 1,
      rejected: 0,
      withdrawn: 0,
    });
  });

  test('the overview has one row per letter, in date order, adding up to the total', () => {
    const matrix = letterStatusMatrix(letters, rows, (iso) => iso);
    expect(matrix.map((m) => [m.value, m.label, m.total, m.counts.awaiting_response, m.counts.stalled])).toEqual([
      ['2019-07-18-shichoson-kyosai', '2019-07-18 市町村共済連合会宛', 2, 1, 0],
      ['2019-07-23-soumu', '2019-07-23 総務省宛', 2, 0, 1],
      ['2020-01-10-soumu', '2020-01-10 総務省宛', 1, 1, 0],
    ]);
    expect(matrix.reduce((sum, m) => sum + m.total, 0)).toBe(rows.length);
  });

  test('a letter without demands still has its row, with zeros', () => {
    const matrix = letterStatusMatrix(
      letters,
      rows.filter((row) => row.letter !== '2020-01-10-soumu'),
      (iso) => iso,
    );
    expect(matrix.map((m) => [m.value, m.total])).toEqual([
      ['2019-07-18-shichoson-kyosai', 2],
      ['2019-07-23-soumu', 2],
      ['2020-01-10-soumu', 0],
    ]);
  });

  test('the addressee overview groups letters to one addressee, adding up to the total', () => {
    const matrix = addresseeStatusMatrix(rows);
    expect(
      matrix.map((m) => [m.value, m.label, m.total, m.counts.awaiting_response, m.counts.stalled, m.counts.achieved]),
    ).toEqual([
      ['shichoson-kyosai', '市町村共済連合会', 2, 1, 0, 1],
      ['soumu', '総務省', 3, 1, 1, 0],
    ]);
    expect(sumCounts(matrix)).toEqual({ counts: countByStatus(rows), total: rows.length });
  });
});

describe('filters', () => {
  test.each([
    ['nothing', {}, 5],
    ['one letter', { letter: '2019-07-23-soumu' }, 2],
    ['one addressee across letters', { addressee: 'soumu' }, 3],
    ['one status', { status: 'awaiting_response' }, 2],
    ['addressee and status', { addressee: 'soumu', status: 'awaiting_response' }, 1],
    ['letter and status with no match', { letter: '2019-07-23-soumu', status: 'achieved' }, 0],
    ['an unknown value', { status: 'nope' }, 0],
  ])('%s shows %i rows', (_name, filter, count) => {
    expect(filterRows(rows, filter)).toHaveLength(count);
    expect(rows.filter((r) => matchesFilter(r, filter))).toHaveLength(count);
  });

  test.each([
    ['', {}],
    ['?status=stalled', { status: 'stalled' }],
    ['?status=stalld', {}],
    ['?letter=2019-07-23-soumu&status=responded&x=1', { letter: '2019-07-23-soumu', status: 'responded' }],
    ['?addressee=soumu&letter=', { addressee: 'soumu' }],
    ['?letter=%3Cscript%3E', {}],
    ['status=achieved', { status: 'achieved' }],
  ])('parseFilterQuery(%j)', (query, expected) => {
    expect(parseFilterQuery(query)).toEqual(expected);
  });

  test('a filter round-trips through its query string in a fixed order', () => {
    const filter = { status: 'stalled', letter: '2019-07-23-soumu' };
    expect(filterQuery(filter)).toBe('?letter=2019-07-23-soumu&status=stalled');
    expect(parseFilterQuery(filterQuery(filter))).toEqual(filter);
    expect(filterQuery({})).toBe('');
  });

  test.each([
    [undefined, undefined, '/status/'],
    ['status', 'stalled', '/status/by-status/stalled/'],
    ['letter', '2019-07-23-soumu', '/letters/2019-07-23-soumu/#demands'],
    ['addressee', 'soumu', '/status/by-addressee/soumu/'],
  ] as const)('the page without JavaScript for %s=%s is %s', (dimension, value, path) => {
    expect(filterPagePath(dimension, value)).toBe(path);
  });

  test.each([
    ['a second dimension on a pre-filtered page', { status: 'stalled', letter: 'a' }, { status: 'stalled' }, true],
    ['the same filter', { letter: 'a' }, { letter: 'a' }, true],
    ['anything on /status/', { letter: 'b', status: 'achieved' }, {}, true],
    ["another value of the page's dimension", { letter: 'b' }, { letter: 'a' }, false],
    ["clearing the page's dimension", { status: 'stalled' }, { letter: 'a', status: 'stalled' }, false],
  ])('narrows: %s → %s', (_name, next, page, expected) => {
    expect(narrows(next, page)).toBe(expected);
  });

  test.each([
    [{}, '/status/'],
    [{ status: 'stalled' }, '/status/by-status/stalled/'],
    [{ addressee: 'soumu' }, '/status/by-addressee/soumu/'],
    [{ status: 'stalled', letter: 'a' }, '/status/?letter=a&status=stalled'],
    // A letter has no pre-filtered page: the tracker filters it in place.
    [{ letter: 'a' }, '/status/?letter=a'],
  ])('filterHref(%j) = %s', (filter, href) => {
    expect(filterHref(filter)).toBe(href);
  });

  test.each([
    [9, 9, '全9件の要求を表示しています。'],
    [3, 9, '全9件のうち3件の要求を表示しています。'],
    [0, 9, '全9件のうち0件の要求を表示しています。'],
  ])('summary of %i of %i', (shown, total, text) => {
    expect(filterSummary(shown, total)).toBe(text);
  });
});

describe('filter groups stay small however many letters there are', () => {
  /** `n` letters, each to its own addressee, one demand each. */
  const corpus = (n: number) => {
    const many: DashboardLetter[] = Array.from({ length: n }, (_, i) => ({
      slug: `2020-01-01-city-${i + 1}`,
      title: '要請書',
      date: '2020-01-01',
      addressee: { organization: `市${i + 1}` },
    }));
    return {
      letters: many,
      rows: dashboardRows(
        many,
        many.map((l) => demand(l.slug, 1, ['2020-01-01', 'awaiting_response'])),
        today,
      ),
    };
  };

  test.each([
    ['a few letters, nothing active', 3, undefined, 3, 3, false],
    ['exactly the limit', FILTER_OPTIONS_MAX, undefined, FILTER_OPTIONS_MAX, FILTER_OPTIONS_MAX, false],
    ['past the limit, nothing active', FILTER_OPTIONS_MAX + 1, undefined, 0, 0, true],
    ['past the limit, on a letter page', 500, { dimension: 'letter', value: '2020-01-01-city-7' }, 1, 0, true],
    ['past the limit, on an addressee page', 500, { dimension: 'addressee', value: 'city-7' }, 0, 1, true],
    ['past the limit, on a status page', 500, { dimension: 'status', value: 'stalled' }, 0, 0, true],
  ] as const)('%s: %i letters', (_name, n, active, letterOptions, addresseeOptions, indexLinks) => {
    const { letters: many, rows: manyRows } = corpus(n);
    const groups = filterGroups(manyRows, many, countByStatus(manyRows), active, (iso) => iso);
    const [letterGroup, addresseeGroup, statusGroup] = groups;
    expect(letterGroup!.options).toHaveLength(letterOptions);
    expect(addresseeGroup!.options).toHaveLength(addresseeOptions);
    expect(statusGroup!.options.map((o) => o.value)).toEqual(STATUS_KEYS);
    expect(letterGroup!.index).toEqual(
      indexLinks ? { href: '/status/by-letter/', label: `すべての要請書の一覧から選ぶ（${n}通）` } : undefined,
    );
    expect(addresseeGroup!.index).toEqual(
      indexLinks ? { href: '/status/by-addressee/', label: `すべての宛先の一覧から選ぶ（${n}件）` } : undefined,
    );
    if (active?.dimension === 'letter')
      expect(letterGroup!.options[0]).toEqual({ value: active.value, label: '2020-01-01 市7宛' });
    if (active?.dimension === 'addressee')
      expect(addresseeGroup!.options[0]).toEqual({ value: active.value, label: '市7' });
  });

  test('status options carry their counts', () => {
    const groups = filterGroups(rows, letters, countByStatus(rows), undefined, (iso) => iso);
    expect(groups[2]!.options.find((o) => o.value === 'awaiting_response')).toMatchObject({
      label: '回答待ち',
      status: 'awaiting_response',
      count: 2,
    });
  });
});

describe('the live region re-announces repeated messages', () => {
  test('empties the region, then fills it', () => {
    const region = { textContent: '前の文' as string | null };
    const scheduled: (() => void)[] = [];
    announce(region, '引用文をコピーしました。', (run) => scheduled.push(run));
    expect(region.textContent).toBe('');
    scheduled.forEach((run) => run());
    expect(region.textContent).toBe('引用文をコピーしました。');
  });
});

describe('cite this demand', () => {
  const letter = {
    title: '地方公務員へのマイナンバーカード取得推進問題に係る要請書',
    date: '2019-07-23',
    sender: { organization: '日本自治体労働組合総連合', shortName: '自治労連' },
    addressee: { organization: '総務省', organizationPrinted: false, shortName: '総務省', role: '総務大臣' },
  };
  const base = { label: '2.', shortTitle: '個人情報を申請書作成に流用しない', lastChecked: '2026-11-23' };
  const permalink = 'https://example.org/letters/2019-07-23-soumu/demands/2/';

  test('names organisation, letter title and date, demand number, status as of a date and the permalink', () => {
    const text = demandCitation({
      letter,
      permalink,
      demand: {
        ...base,
        statusHistory: [
          { date: '2019-07-23', status: 'awaiting_response' },
          { date: '2019-07-31', status: 'stalled' },
        ],
      },
    });
    expect(text).toBe(
      '日本自治体労働組合総連合（自治労連）「地方公務員へのマイナンバーカード取得推進問題に係る要請書」（総務大臣宛、2019年7月23日）要求2「個人情報を申請書作成に流用しない」。状況：進展なし（2026年11月23日時点）。https://example.org/letters/2019-07-23-soumu/demands/2/',
    );
  });

  test.each([
    ['checked after the last event', '2026-11-23', '2019-07-31', '2026年11月23日時点'],
    ['an event after the last check', '2019-08-01', '2019-08-20', '2019年8月20日時点'],
  ])('the status date is the later of check and event: %s', (_name, lastChecked, eventDate, expected) => {
    const text = demandCitation({
      letter,
      permalink,
      demand: { ...base, lastChecked, statusHistory: [{ date: eventDate, status: 'responded' }] },
    });
    expect(text).toContain(`状況：回答あり（${expected}）`);
  });

  test.each([
    [{ organization: '総務省', organizationPrinted: false, role: '総務大臣' }, '総務大臣'],
    [{ organization: '全国市町村職員共済組合連合会', role: '理事長' }, '全国市町村職員共済組合連合会理事長'],
    [{ organization: '総務省' }, '総務省'],
    [{ organization: '総務省', organizationPrinted: false }, '総務省'],
  ])('addressee %j is cited as %s', (addressee, expected) => {
    expect(citationAddressee(addressee)).toBe(expected);
  });

  test('a ① label reads 要求①', () => {
    const text = demandCitation({
      letter,
      permalink,
      demand: { ...base, label: '①', statusHistory: [{ date: '2019-07-18', status: 'awaiting_response' }] },
    });
    expect(text).toContain('要求①「');
  });
});
