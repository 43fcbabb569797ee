// The nine demands' recorded histories: sourced, ordered, and saying no more than the 2019 sources do
// (/work/shared/sources/2019-responses.md and the pages it names).
import { describe, expect, test } from 'vitest';
import { checkContent } from '../src/lib/content-check.ts';
import { currentStatus, lastUpdated } from '../src/lib/history.ts';
import { todayInJapan } from '../src/lib/dates.ts';
import { PROJECT_ROOT } from './helpers/project-copy.ts';

const content = checkContent(PROJECT_ROOT);
const demands = [...content.demands.entries()].map(([id, { data }]) => ({ id, ...data }));

/** The public pages the histories may cite. */
const NEWS = /^https:\/\/jichiroren\.jp\/news\/%e8%87%aa%e6%b2%bb%e5%8a%b4%e9%80%a3/;
const STATEMENT = /^https:\/\/jichiroren\.jp\/opinion\/%e7%b7%8f%e5%8b%99%e7%9c%81/;

test('the content check passes and all nine demands are there', () => {
  expect(content.problems).toEqual([]);
  expect(demands.map((d) => d.id).sort()).toEqual([
    '2019-07-18-shichoson-kyosai/1',
    '2019-07-18-shichoson-kyosai/2',
    '2019-07-18-shichoson-kyosai/3',
    '2019-07-18-shichoson-kyosai/4',
    '2019-07-23-soumu/1',
    '2019-07-23-soumu/2',
    '2019-07-23-soumu/3',
    '2019-07-23-soumu/4',
    '2019-07-23-soumu/5',
  ]);
});

// Where the sources leave each demand, and why.
describe.each([
  // 連合会: the 7/31 statement reports a reply beginning 「あくまで単位…」; its content is not in the sources.
  ['2019-07-18-shichoson-kyosai/1', 'responded', ['submitted', 'statement']],
  ['2019-07-18-shichoson-kyosai/2', 'responded', ['submitted', 'statement']],
  ['2019-07-18-shichoson-kyosai/3', 'responded', ['submitted', 'statement']],
  ['2019-07-18-shichoson-kyosai/4', 'responded', ['submitted', 'statement']],
  // 総務省 answered demands 1–3 at the 7/23 meeting; the 7/31 statement protests the unchanged policy.
  ['2019-07-23-soumu/1', 'stalled', ['submitted', 'response', 'statement']],
  ['2019-07-23-soumu/2', 'stalled', ['submitted', 'response', 'statement']],
  ['2019-07-23-soumu/3', 'stalled', ['submitted', 'response', 'statement']],
  // No answer on 4 and 5 is recorded; the union raised them at the meeting and protested on 7/31.
  ['2019-07-23-soumu/4', 'stalled', ['submitted', 'meeting', 'statement']],
  ['2019-07-23-soumu/5', 'stalled', ['submitted', 'meeting', 'statement']],
])('%s', (id, status, types) => {
  const demand = demands.find((d) => d.id === id)!;

  test(`is ${status} after ${types.join(', ')}`, () => {
    expect(currentStatus(demand.statusHistory)).toBe(status);
    expect(demand.statusHistory.map((e) => e.type)).toEqual(types);
  });

  test('starts with the letter being submitted on its date, awaiting a response', () => {
    const letter = content.letters.get(demand.letter)!.data;
    expect(demand.statusHistory[0]).toMatchObject({
      type: 'submitted',
      status: 'awaiting_response',
      date: letter.date,
    });
  });

  test("every entry cites the union's news post or statement, and nothing after the sources' last date", () => {
    for (const entry of demand.statusHistory) {
      expect(entry.sources.length).toBeGreaterThan(0);
      for (const source of entry.sources)
        expect(NEWS.test(source.url) || STATEMENT.test(source.url), source.url).toBe(true);
      expect(entry.date <= '2019-07-31').toBe(true);
    }
  });

  test('no outcome is claimed that the sources do not report', () => {
    for (const entry of demand.statusHistory)
      expect(['achieved', 'partially_achieved', 'rejected', 'withdrawn']).not.toContain(entry.status);
  });

  test("the counterparty's position is recorded only on its answers, apart from the union's assessment", () => {
    for (const entry of demand.statusHistory) {
      if (entry.counterpartyPosition) expect(entry.type).toBe('response');
      if (entry.counterpartyPosition && entry.assessment) expect(entry.assessment).not.toBe(entry.counterpartyPosition);
    }
  });

  test('the date last checked is shown and lies between the last event and today', () => {
    expect(demand.lastChecked >= lastUpdated(demand.statusHistory)).toBe(true);
    expect(demand.lastChecked <= todayInJapan()).toBe(true);
  });
});

test("the 連合会's reply is recorded as known only by its opening words", () => {
  for (const demand of demands.filter((d) => d.letter === '2019-07-18-shichoson-kyosai')) {
    const reply = demand.statusHistory.at(-1)!;
    expect(reply.summary).toContain('「あくまで単位…」');
    expect(reply.summary).toContain('確認できていない');
    expect(reply.counterpartyPosition).toBeUndefined();
  }
});
