// The Atom feed: one entry per history entry (the newest FEED_ENTRIES_MAX), newest first, linking to the entry; well-formed and escaped.
import { describe, expect, test } from 'vitest';
import {
  feedEntries,
  demandFeed,
  renderAtom,
  escapeXml,
  atomDate,
  FEED_ENTRIES_MAX,
  type FeedDemand,
} from '../src/lib/feed.ts';
import { checkContent } from '../src/lib/content-check.ts';
import { currentStatus } from '../src/lib/history.ts';
import { PROJECT_ROOT } from './helpers/project-copy.ts';

const ORIGIN = 'https://example.org';
const letters = [{ slug: '2019-07-23-soumu', addressee: { organization: '総務省', shortName: '総務省' } }];
const demands: FeedDemand[] = [
  {
    letter: '2019-07-23-soumu',
    number: 1,
    label: '1.',
    shortTitle: 'カード取得を強制しない',
    statusHistory: [
      {
        date: '2019-07-23',
        type: 'submitted',
        status: 'awaiting_response',
        summary: '要請書を提出した。',
        sources: [{ title: 'ニュース', url: 'https://example.org/news?a=1&b=2' }],
      },
      {
        date: '2019-07-23',
        type: 'response',
        status: 'responded',
        summary: '「勧奨」だと回答した。',
        counterpartyPosition: '強制ではない <b>任意</b>',
        sources: [{ title: 'ニュース', url: 'https://example.org/news' }],
      },
      {
        date: '2019-07-31',
        type: 'statement',
        status: 'stalled',
        summary: '談話が抗議した。',
        assessment: '事実上の強制だ',
        sources: [{ title: '談話 "A" & B', url: 'https://example.org/s' }],
      },
    ],
  },
  {
    letter: '2019-07-23-soumu',
    number: 2,
    label: '2.',
    shortTitle: '流用しない',
    statusHistory: [
      {
        date: '2019-07-23',
        type: 'submitted',
        status: 'awaiting_response',
        summary: '要請書を提出した。',
        sources: [{ title: 'ニュース', url: 'https://example.org/news' }],
      },
    ],
  },
];

/** Minimal well-formedness check: balanced tags, no raw < or stray & in text or attributes. */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/g;
  let consumed = 0;
  for (const match of body.matchAll(tag)) {
    expect(match.index).toBe(consumed);
    consumed += match[0].length;
    const [, closing, name, attributes, selfClosing, text] = match;
    const checked = text ?? attributes ?? '';
    expect(checked.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, '')).not.toMatch(/[&<]/);
    if (text !== undefined) continue;
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name!);
  }
  expect(consumed).toBe(body.length);
  // Only characters XML 1.0 can carry (its Char production).
  expect(xml).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
  expect(stack).toEqual([]);
}

describe('feed entries', () => {
  const entries = feedEntries(demands, letters, ORIGIN);

  test('one entry per history entry, newest first; on one day, later in its history first', () => {
    expect(entries.map((e) => [e.date, e.demand, e.id.split('#')[1]])).toEqual([
      ['2019-07-31', '2019-07-23-soumu/1', 'event-2019-07-31-statement'],
      ['2019-07-23', '2019-07-23-soumu/1', 'event-2019-07-23-response'],
      ['2019-07-23', '2019-07-23-soumu/1', 'event-2019-07-23-submitted'],
      ['2019-07-23', '2019-07-23-soumu/2', 'event-2019-07-23-submitted'],
    ]);
  });

  test.each([
    [1, ['2019-07-23-soumu/1#event-2019-07-31-statement']],
    [2, ['2019-07-23-soumu/1#event-2019-07-31-statement', '2019-07-23-soumu/1#event-2019-07-23-response']],
    [
      10,
      [
        '2019-07-23-soumu/1#event-2019-07-31-statement',
        '2019-07-23-soumu/1#event-2019-07-23-response',
        '2019-07-23-soumu/1#event-2019-07-23-submitted',
        '2019-07-23-soumu/2#event-2019-07-23-submitted',
      ],
    ],
  ])('a feed limited to %i entries carries the newest', (limit, expected) => {
    expect(feedEntries(demands, letters, ORIGIN, limit).map((e) => `${e.demand}#${e.id.split('#')[1]}`)).toEqual(
      expected,
    );
  });

  test('by default the feed carries the newest FEED_ENTRIES_MAX entries', () => {
    const many: FeedDemand[] = Array.from({ length: FEED_ENTRIES_MAX + 20 }, (_, i) => ({
      ...demands[1]!,
      number: i + 1,
      statusHistory: [
        {
          ...demands[1]!.statusHistory[0]!,
          date: `2020-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        },
      ],
    }));
    const entries = feedEntries(many, letters, ORIGIN);
    expect(entries).toHaveLength(FEED_ENTRIES_MAX);
    const all = many
      .map((d) => d.statusHistory[0]!.date)
      .sort()
      .reverse();
    expect(entries.map((e) => e.date)).toEqual(all.slice(0, FEED_ENTRIES_MAX));
  });

  test('each entry links to its place on the demand page and names the status after it', () => {
    const [latest] = entries;
    expect(latest!.link).toBe('https://example.org/letters/2019-07-23-soumu/demands/1/#event-2019-07-31-statement');
    expect(latest!.id).toBe(latest!.link);
    expect(latest!.title).toBe('【進展なし】総務省宛 要求1「カード取得を強制しない」：談話');
    expect(latest!.updated).toBe('2019-07-31T00:00:00+09:00');
    expect(latest!.contentHtml).toContain('この時点の状況：回答あり → 進展なし');
    expect(latest!.contentHtml).toContain('組合の見解：事実上の強制だ');
  });

  test('the counterparty position and sources are in the content, escaped', () => {
    const response = entries.find((e) => e.id.endsWith('/1/#event-2019-07-23-response'))!;
    expect(response.contentHtml).toContain('相手方の回答要旨：強制ではない &lt;b&gt;任意&lt;/b&gt;');
  });
});

describe('stable entry ids', () => {
  const late = {
    date: '2019-07-25',
    type: 'meeting',
    status: 'responded' as const,
    summary: '懇談した。',
    sources: [{ title: 'ニュース', url: 'https://example.org/late' }],
  };
  const withInserted: FeedDemand[] = [
    { ...demands[0]!, statusHistory: [...demands[0]!.statusHistory.slice(0, 2), late, demands[0]!.statusHistory[2]!] },
    demands[1]!,
  ];

  test('inserting an earlier event changes no existing id, in the site feed and in the demand feed', () => {
    const ids = (feed: readonly { id: string }[]) => feed.map((e) => e.id);
    const before = ids(feedEntries(demands, letters, ORIGIN));
    const after = ids(feedEntries(withInserted, letters, ORIGIN));
    expect(after.filter((id) => !id.endsWith('#event-2019-07-25-meeting'))).toEqual(before);
    const demandBefore = ids(demandFeed(demands[0]!, letters[0]!, ORIGIN, '自治労連', 'サイト').entries);
    const demandAfter = ids(demandFeed(withInserted[0]!, letters[0]!, ORIGIN, '自治労連', 'サイト').entries);
    expect(demandAfter).toHaveLength(demandBefore.length + 1);
    expect(demandAfter).toEqual(expect.arrayContaining(demandBefore));
  });

  test('an old event recorded late comes first in the site feed, published at its own date', () => {
    const recordedLate = [
      {
        ...withInserted[0]!,
        statusHistory: withInserted[0]!.statusHistory.map((e) => (e === late ? { ...e, recorded: '2026-11-30' } : e)),
      },
      demands[1]!,
    ];
    const [first] = feedEntries(recordedLate, letters, ORIGIN, 1);
    expect(first!.id).toMatch(/#event-2019-07-25-meeting$/);
    expect(first!.published).toBe('2019-07-25T00:00:00+09:00');
    expect(first!.updated).toBe('2026-11-30T00:00:00+09:00');
  });
});

describe("a demand's own feed", () => {
  const feed = demandFeed(demands[0]!, letters[0]!, ORIGIN, '自治労連', 'サイト');
  const xml = renderAtom(feed);

  test('has one entry per history event of that demand only, newest first', () => {
    expect(feed.entries.map((e) => e.date)).toEqual(['2019-07-31', '2019-07-23', '2019-07-23']);
    expect(feed.entries.every((e) => e.demand === '2019-07-23-soumu/1')).toBe(true);
  });

  test('is well-formed Atom pointing at itself and at the demand page', () => {
    assertWellFormed(xml);
    expect(xml.match(/<entry>/g)).toHaveLength(3);
    expect(feed.selfUrl).toBe('https://example.org/letters/2019-07-23-soumu/demands/1/feed.xml');
    expect(feed.alternateUrl).toBe('https://example.org/letters/2019-07-23-soumu/demands/1/');
    expect(feed.title).toContain('総務省宛 要求1「カード取得を強制しない」');
  });
});

describe('the Atom document', () => {
  const xml = renderAtom({
    title: '要求の経過',
    subtitle: '説明 & 注記',
    selfUrl: `${ORIGIN}/feed.xml`,
    alternateUrl: `${ORIGIN}/status/`,
    author: '自治労連',
    entries: feedEntries(demands, letters, ORIGIN),
  });

  test('is well-formed XML with the required Atom elements', () => {
    assertWellFormed(xml);
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="ja">/,
    );
    for (const element of ['<id>', '<title>', '<updated>', '<author>', '<link rel="self"', '<link rel="alternate"'])
      expect(xml).toContain(element);
    expect(xml.match(/<entry>/g)).toHaveLength(4);
    expect(
      xml
        .match(/<entry>[\s\S]*?<\/entry>/g)!
        .every(
          (entry) => /<id>/.test(entry) && /<title>/.test(entry) && /<updated>/.test(entry) && /<link /.test(entry),
        ),
    ).toBe(true);
  });

  test('the feed is dated by its latest event, not the build time (stable output)', () => {
    expect(xml).toContain('  <updated>2019-07-31T00:00:00+09:00</updated>');
  });

  test('an empty feed is still valid', () => {
    const empty = renderAtom({
      title: 't',
      subtitle: 's',
      selfUrl: `${ORIGIN}/feed.xml`,
      alternateUrl: ORIGIN,
      author: 'a',
      entries: [],
    });
    assertWellFormed(empty);
  });

  test.each([
    ['a & b', 'a &amp; b'],
    ['<script>', '&lt;script&gt;'],
    [`"q" 'a'`, '&quot;q&quot; &apos;a&apos;'],
  ])('escapeXml(%j)', (input, output) => {
    expect(escapeXml(input)).toBe(output);
  });

  // The second guard: whatever reached a feed, the document stays well-formed.
  test.each([
    ['NUL', '\u0000'],
    ['ESC', '\u001b[2J'],
    ['vertical tab', '\u000b'],
    ['lone surrogate', '\ud800'],
    ['U+FFFF', '\uffff'],
  ])('a %s in a value is replaced, and the feed stays well-formed', (_name, bad) => {
    expect(escapeXml(`a${bad}b`)).toMatch(/^a\uFFFD+(\[2J)?b$/);
    const demand = { ...demands[0]!, shortTitle: `題${bad}` };
    demand.statusHistory = demand.statusHistory.map((e) => ({ ...e, summary: `${e.summary}${bad}` }));
    const xml = renderAtom({
      title: `t${bad}`,
      subtitle: `s${bad}`,
      selfUrl: `${ORIGIN}/feed.xml`,
      alternateUrl: ORIGIN,
      author: `a${bad}`,
      entries: feedEntries([demand], letters, ORIGIN),
    });
    assertWellFormed(xml);
  });

  test('dates are midnight in Japan', () => {
    expect(atomDate('2019-07-23')).toBe('2019-07-23T00:00:00+09:00');
  });
});

test('the real content: one feed entry per history entry, and the newest entry of each demand carries its current status', () => {
  const content = checkContent(PROJECT_ROOT);
  const demandsData = [...content.demands.values()].map((d) => d.data);
  const lettersData = [...content.letters.entries()].map(([slug, l]) => ({ slug, ...l.data }));
  const entries = feedEntries(demandsData, lettersData, ORIGIN);
  expect(entries).toHaveLength(demandsData.reduce((n, d) => n + d.statusHistory.length, 0));
  // Newest first by when each entry reached the site (`recorded`, else its date).
  for (let i = 1; i < entries.length; i++) expect(entries[i - 1]!.updated >= entries[i]!.updated).toBe(true);
  for (const demand of demandsData) {
    const newest = entries.find((e) => e.demand === `${demand.letter}/${demand.number}`)!;
    expect(newest.status).toBe(currentStatus(demand.statusHistory));
  }
});
