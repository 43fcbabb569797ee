// The open data: JSON and CSV shapes, the CSV's BOM and quoting, and agreement with the pages' rules.
import { describe, expect, test } from 'vitest';
import {
  apiDemands,
  apiLetters,
  apiStatuses,
  demandsCsv,
  csvCell,
  historyAsText,
  CSV_COLUMNS,
  type ApiDemandInput,
  type ApiLetterInput,
} from '../src/lib/api.ts';
import { dashboardRows } from '../src/lib/dashboard.ts';
import { STATUS_KEYS } from '../src/lib/status.ts';
import { checkContent } from '../src/lib/content-check.ts';
import { PROJECT_ROOT } from './helpers/project-copy.ts';

const ORIGIN = 'https://example.org';
const letters: ApiLetterInput[] = [
  {
    slug: '2019-07-23-soumu',
    title: '要請書',
    date: '2019-07-23',
    responseDue: '2019-08-31',
    summary: '要約',
    sender: { organization: '日本自治体労働組合総連合', shortName: '自治労連' },
    addressee: { organization: '総務省', shortName: '総務省', role: '総務大臣', name: '石田 真敏' },
  },
];
const demands: ApiDemandInput[] = [
  {
    letter: '2019-07-23-soumu',
    number: 2,
    label: '2.',
    text: '流用しないこと。',
    shortTitle: '流用しない',
    lastChecked: '2026-11-23',
    statusHistory: [
      {
        date: '2019-07-23',
        type: 'submitted',
        status: 'awaiting_response',
        summary: '提出した, "引用" あり',
        sources: [{ title: 'ニュース', url: 'https://example.org/n' }],
      },
      {
        date: '2019-07-23',
        type: 'response',
        status: 'responded',
        summary: '回答した。',
        counterpartyPosition: '目的の範囲内',
        sources: [
          { title: 'ニュース', url: 'https://example.org/n' },
          { title: '談話', url: 'https://example.org/s' },
        ],
      },
    ],
  },
  {
    letter: '2019-07-23-soumu',
    number: 1,
    label: '1.',
    text: '=強制しないこと。',
    shortTitle: '強制しない',
    lastChecked: '2019-07-01',
    statusHistory: [
      {
        date: '2019-07-23',
        type: 'submitted',
        status: 'awaiting_response',
        summary: '提出した。',
        sources: [{ title: 'ニュース', url: 'https://example.org/n' }],
      },
    ],
  },
];

describe('demands.json', () => {
  const json = apiDemands(demands, letters, ORIGIN, '2026-11-23');

  test('has the documented fields first, in order, for every demand (sorted by letter then number)', () => {
    expect(json.map((d) => d.id)).toEqual(['2019-07-23-soumu/1', '2019-07-23-soumu/2']);
    for (const d of json)
      expect(Object.keys(d).slice(0, 7)).toEqual(['letter', 'number', 'label', 'text', 'status', 'url', 'history']);
  });

  test('status, url and history as the pages derive them', () => {
    const d = json[1]!;
    expect(d.status).toBe('responded');
    expect(d.statusLabel).toEqual({ ja: '回答あり', en: 'Responded' });
    expect(d.url).toBe('https://example.org/letters/2019-07-23-soumu/demands/2/');
    expect(d.lastUpdated).toBe('2019-07-23');
    expect(d.statusAsOf).toBe('2026-11-23');
    expect(d.history).toEqual([
      {
        date: '2019-07-23',
        type: 'submitted',
        status: 'awaiting_response',
        summary: '提出した, "引用" あり',
        counterpartyPosition: null,
        assessment: null,
        sources: [{ title: 'ニュース', url: 'https://example.org/n' }],
      },
      {
        date: '2019-07-23',
        type: 'response',
        status: 'responded',
        summary: '回答した。',
        counterpartyPosition: '目的の範囲内',
        assessment: null,
        sources: [
          { title: 'ニュース', url: 'https://example.org/n' },
          { title: '談話', url: 'https://example.org/s' },
        ],
      },
    ]);
  });

  test.each([
    ['awaiting past the due date', 0, true],
    ['answered', 1, false],
  ])('overdue is derived: %s', (_name, index, overdue) => {
    expect(json[index]!.overdue).toBe(overdue);
  });
});

describe('letters.json and statuses.json', () => {
  test('letters carry their demands with current status and counts for every status', () => {
    const [letter] = apiLetters(letters, demands, ORIGIN);
    expect(letter!.url).toBe('https://example.org/letters/2019-07-23-soumu/');
    expect(letter!.responseDue).toBe('2019-08-31');
    expect(letter!.demands.map((d) => [d.number, d.status])).toEqual([
      [1, 'awaiting_response'],
      [2, 'responded'],
    ]);
    expect(Object.keys(letter!.statusCounts)).toEqual([...STATUS_KEYS]);
    expect(letter!.statusCounts.awaiting_response + letter!.statusCounts.responded).toBe(2);
    expect(letter!.addressee).toEqual({
      organization: '総務省',
      shortName: '総務省',
      role: '総務大臣',
      name: '石田 真敏',
    });
  });

  test('statuses.json is the status table', () => {
    const { statuses, eventTypes } = apiStatuses();
    expect(statuses.map((s) => s.key)).toEqual([...STATUS_KEYS]);
    expect(statuses.every((s) => s.ja && s.en && s.definitionJa && s.definitionEn)).toBe(true);
    expect(eventTypes.map((t) => t.key)).toContain('response');
  });
});

describe('demands.csv', () => {
  const csv = demandsCsv(apiDemands(demands, letters, ORIGIN, '2026-11-23'), letters);

  test('starts with a UTF-8 byte-order mark and uses CRLF between records', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.slice(1).split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  test('the core columns come first', () => {
    expect(CSV_COLUMNS.slice(0, 7)).toEqual(['letter', 'number', 'label', 'text', 'status', 'url', 'history']);
  });

  test('cells with commas, quotes or line breaks are quoted; formulas are defused', () => {
    const first = csv.slice(1).split('\r\n')[1]!;
    expect(
      first.startsWith(
        `2019-07-23-soumu,1,1.,'=強制しないこと。,awaiting_response,https://example.org/letters/2019-07-23-soumu/demands/1/,`,
      ),
    ).toBe(true);
    expect(csv).toContain(
      '"2019-07-23 回答待ち：提出した, ""引用"" あり（出典：ニュース https://example.org/n）\n2019-07-23 回答あり：回答した。（出典：ニュース https://example.org/n／談話 https://example.org/s）"',
    );
  });

  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    [3, '3'],
    [true, 'true'],
  ])('csvCell(%j) → %s', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  test('the history column reads one line per event', () => {
    expect(
      historyAsText([
        {
          date: '2019-07-31',
          type: 'statement',
          status: 'stalled',
          summary: '抗議した。',
          counterpartyPosition: null,
          assessment: null,
          sources: [{ title: '談話', url: 'https://e.org/s' }],
        },
      ]),
    ).toBe('2019-07-31 進展なし：抗議した。（出典：談話 https://e.org/s）');
  });
});

test("the real content: JSON, CSV and the tracker agree on every demand's status", () => {
  const content = checkContent(PROJECT_ROOT);
  const realLetters = [...content.letters.entries()].map(([slug, l]) => ({ slug, ...l.data }));
  const realDemands = [...content.demands.values()].map((d) => d.data);
  const json = apiDemands(realDemands, realLetters, ORIGIN, '2026-11-23');
  const rows = dashboardRows(realLetters, realDemands, '2026-11-23');
  expect(json).toHaveLength(content.demands.size);
  const csvRows = demandsCsv(json, realLetters).slice(1).split('\r\n').slice(1, -1);
  for (const demand of json) {
    expect(rows.find((r) => r.id === demand.id)!.status).toBe(demand.status);
    expect(demand.history.at(-1)!.status).toBe(demand.status);
    expect(demand.history.every((h) => h.sources.length > 0)).toBe(true);
  }
  const slugs = [...content.letters.keys()];
  expect(csvRows.filter((line) => slugs.some((slug) => line.startsWith(`${slug},`)))).toHaveLength(
    content.demands.size,
  );
});
