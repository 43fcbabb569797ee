// The status model and the history rules, table-driven: one row per rule case.
import { describe, expect, test } from 'vitest';
import {
  STATUS_KEYS,
  STATUSES,
  STATUS_LIST,
  isStatusKey,
  statusName,
  EVENT_TYPES,
  EVENT_TYPE_KEYS,
  EVENT_TYPES_EN,
  EVENT_TYPE_GUIDANCE_JA,
  isEventType,
  type StatusKey,
} from '../src/lib/status.ts';
import {
  currentStatus,
  lastUpdated,
  historyProblems,
  isOverdue,
  daysSinceUpdate,
  statusAsOf,
  historySteps,
  eventAnchors,
} from '../src/lib/history.ts';
import { HistoryEntrySchema } from '../src/lib/schemas.ts';

const h = (...entries: [string, StatusKey, string?][]) =>
  entries.map(([date, status, type]) => ({ date, status, type: type ?? 'other' }));

describe('the status table is complete and consistent', () => {
  test('the eight keys of the issue, in order', () => {
    expect(STATUS_KEYS).toEqual([
      'awaiting_response',
      'responded',
      'in_negotiation',
      'stalled',
      'partially_achieved',
      'achieved',
      'rejected',
      'withdrawn',
    ]);
    expect(STATUS_LIST.map((s) => s.key)).toEqual([...STATUS_KEYS]);
  });

  test.each([
    ['awaiting_response', '回答待ち', 'Awaiting response', false],
    ['responded', '回答あり', 'Responded', false],
    ['in_negotiation', '協議中', 'In negotiation', false],
    ['stalled', '進展なし', 'Stalled', false],
    ['partially_achieved', '一部実現', 'Partially achieved', true],
    ['achieved', '実現', 'Achieved', true],
    ['rejected', '拒否', 'Rejected', true],
    ['withdrawn', '取り下げ', 'Withdrawn', true],
  ] as const)('%s is %s / %s (settled: %s)', (key, ja, en, settled) => {
    const info = STATUSES[key];
    expect(info.key).toBe(key);
    expect(info.ja).toBe(ja);
    expect(info.en).toBe(en);
    expect(info.settled).toBe(settled);
    // One sentence each, in both languages, plus guidance for organizers.
    expect(info.definitionJa).toMatch(/^[^。]+。$/);
    expect(info.definitionEn).toMatch(/^[A-Z][^]*\.$/);
    expect(info.guidanceJa.length).toBeGreaterThan(10);
    expect(info.symbol.length).toBeGreaterThan(0);
  });

  test('symbols tell every status apart without colour', () => {
    expect(new Set(STATUS_LIST.map((s) => s.symbol)).size).toBe(STATUS_KEYS.length);
    expect(new Set(STATUS_LIST.map((s) => s.ja)).size).toBe(STATUS_KEYS.length);
  });

  test.each([
    ['stalled', true],
    ['achieved', true],
    ['stalld', false],
    ['Stalled', false],
    ['', false],
    [undefined, false],
    [3, false],
    ['__proto__', false],
  ])('isStatusKey(%j) is %s', (value, expected) => {
    expect(isStatusKey(value)).toBe(expected);
  });

  test('event types have Japanese and English labels and guidance', () => {
    expect(EVENT_TYPE_KEYS).toEqual(['submitted', 'meeting', 'response', 'statement', 'assessment', 'other']);
    for (const key of EVENT_TYPE_KEYS) {
      expect(EVENT_TYPES[key]).toBeTruthy();
      expect(EVENT_TYPES_EN[key]).toBeTruthy();
      expect(EVENT_TYPE_GUIDANCE_JA[key]).toBeTruthy();
      expect(isEventType(key)).toBe(true);
    }
    expect(isEventType('protest')).toBe(false);
    expect(isEventType('toString')).toBe(false);
  });

  test('statusName names both the label and the key', () => {
    expect(statusName('stalled')).toBe('進展なし（stalled）');
  });
});

describe('current status and last update are derived from the latest entry', () => {
  test.each([
    ['one entry', h(['2019-07-23', 'awaiting_response']), 'awaiting_response', '2019-07-23'],
    ['answered', h(['2019-07-23', 'awaiting_response'], ['2019-07-23', 'responded']), 'responded', '2019-07-23'],
    [
      'later event wins',
      h(['2019-07-23', 'awaiting_response'], ['2019-07-23', 'responded'], ['2019-07-31', 'stalled']),
      'stalled',
      '2019-07-31',
    ],
    [
      'a status may go back',
      h(['2019-07-23', 'responded'], ['2019-09-01', 'in_negotiation'], ['2019-10-01', 'awaiting_response']),
      'awaiting_response',
      '2019-10-01',
    ],
  ])('%s', (_name, history, status, date) => {
    expect(currentStatus(history)).toBe(status);
    expect(lastUpdated(history)).toBe(date);
  });

  test('an empty history has no status', () => {
    expect(() => currentStatus([])).toThrow(/at least one/);
    expect(() => lastUpdated([])).toThrow(/at least one/);
  });
});

describe('history rules (build errors, named by entry and field)', () => {
  const today = '2026-11-23';
  test.each([
    ['in order', h(['2019-07-18', 'awaiting_response', 'submitted'], ['2019-07-31', 'responded']), []],
    [
      'same day twice is fine',
      h(['2019-07-23', 'awaiting_response', 'submitted'], ['2019-07-23', 'responded', 'response']),
      [],
    ],
    ['today is fine', h(['2019-07-23', 'awaiting_response', 'submitted'], [today, 'stalled']), []],
    [
      'out of order',
      h(['2019-07-23', 'awaiting_response', 'submitted'], ['2019-07-01', 'responded']),
      [[1, 'date', /一つ前の経過（2019-07-23）より前です/]],
    ],
    [
      'after today',
      h(['2019-07-23', 'awaiting_response', 'submitted'], ['2026-11-24', 'responded']),
      [[1, 'date', /今日（2026-11-23）より後です/]],
    ],
    [
      'far future and out of order',
      h(['2999-01-01', 'awaiting_response'], ['2019-07-01', 'responded']),
      [
        [0, 'date', /より後です/],
        [1, 'date', /一つ前の経過/],
      ],
    ],
    [
      'submitted must be awaiting a response',
      h(['2019-07-23', 'responded', 'submitted']),
      [[0, 'status', /submitted.*awaiting_response/]],
    ],
    ['malformed dates are left to the schema', [{ date: '2019-02-30', status: 'responded' as const }], []],
  ] as const)('%s', (_name, history, expected) => {
    const problems = historyProblems(history, today);
    expect(problems.map((p) => [p.index, p.field])).toEqual(expected.map(([index, field]) => [index, field]));
    problems.forEach((p, i) => expect(p.message).toMatch(expected[i]![2]));
  });

  test.each([
    ['an unknown status', { status: 'stalld' }, 'status'],
    ['an unknown type', { type: 'protest' }, 'type'],
    ['an impossible date', { date: '2019-06-31' }, 'date'],
    ['no summary', { summary: undefined }, 'summary'],
    ['an empty summary', { summary: '  ' }, 'summary'],
    ['a summary over 200 characters', { summary: 'あ'.repeat(201) }, 'summary'],
    ['no sources', { sources: [] }, 'sources'],
    ['a source without a URL', { sources: [{ title: '回答書' }] }, 'sources'],
    ['a source that is not http(s)', { sources: [{ title: '回答書', url: 'ftp://example.org/x' }] }, 'sources'],
    ['an unknown field', { comment: 'x' }, ''],
  ])('the schema refuses %s', (_name, change, field) => {
    const entry = {
      date: '2019-07-23',
      type: 'response',
      status: 'responded',
      summary: '回答があった。',
      sources: [{ title: '回答書', url: 'https://example.org/1' }],
      ...change,
    };
    const result = HistoryEntrySchema.safeParse(entry);
    expect(result.success).toBe(false);
    expect(result.error!.issues.some((issue) => (issue.path[0] ?? '') === field)).toBe(true);
  });

  test('a summary of exactly 200 characters is accepted', () => {
    const entry = {
      date: '2019-07-23',
      type: 'response',
      status: 'responded',
      summary: 'あ'.repeat(200),
      sources: [{ title: '回答書', url: 'https://example.org/1' }],
    };
    expect(HistoryEntrySchema.safeParse(entry).success).toBe(true);
  });
});

describe('overdue (回答期限超過) is computed, never stored', () => {
  test.each([
    ['no due date', 'awaiting_response', undefined, '2030-01-01', false],
    ['before the due date', 'awaiting_response', '2019-08-31', '2019-08-30', false],
    ['on the due date', 'awaiting_response', '2019-08-31', '2019-08-31', false],
    ['the day after', 'awaiting_response', '2019-08-31', '2019-09-01', true],
    ['long after', 'awaiting_response', '2019-08-31', '2026-11-23', true],
    ['answered', 'responded', '2019-08-31', '2026-11-23', false],
    ['in talks', 'in_negotiation', '2019-08-31', '2026-11-23', false],
    ['stalled after an answer', 'stalled', '2019-08-31', '2026-11-23', false],
    ['achieved', 'achieved', '2019-08-31', '2026-11-23', false],
    ['partly achieved', 'partially_achieved', '2019-08-31', '2026-11-23', false],
    ['rejected', 'rejected', '2019-08-31', '2026-11-23', false],
    ['withdrawn', 'withdrawn', '2019-08-31', '2026-11-23', false],
  ] as const)('%s → %s', (_name, status, due, today, expected) => {
    expect(isOverdue(status, due, today)).toBe(expected);
  });
});

describe('dates derived from the history', () => {
  test.each([
    ['same day', '2019-07-31', '2019-07-31', 0],
    ['next day', '2019-07-31', '2019-08-01', 1],
    ['across a leap day', '2020-02-28', '2020-03-01', 2],
    ['years later', '2019-07-31', '2026-11-23', 2672],
  ])('days since update: %s', (_name, updated, today, days) => {
    expect(daysSinceUpdate(h([updated, 'stalled']), today)).toBe(days);
  });

  test.each([
    ['checked after the last event', '2019-07-31', '2026-11-23', '2026-11-23'],
    ['an event after the last check', '2019-08-20', '2019-08-01', '2019-08-20'],
    ['same day', '2019-07-31', '2019-07-31', '2019-07-31'],
  ])('status as of: %s', (_name, updated, checked, expected) => {
    expect(statusAsOf(h(['2019-07-23', 'awaiting_response'], [updated, 'responded']), checked)).toBe(expected);
  });

  test('steps carry their position, their anchor and what changed', () => {
    const steps = historySteps(
      h(['2019-07-23', 'awaiting_response'], ['2019-07-23', 'awaiting_response'], ['2019-07-31', 'stalled']),
    );
    expect(steps.map((s) => [s.position, s.previous, s.changed])).toEqual([
      [1, undefined, false],
      [2, 'awaiting_response', false],
      [3, 'awaiting_response', true],
    ]);
    expect(steps.map((s) => s.anchor)).toEqual([
      'event-2019-07-23-other',
      'event-2019-07-23-other-2',
      'event-2019-07-31-other',
    ]);
  });

  // Anchors are links and feed ids: derived from the event, so an organizer inserting an earlier event
  // (as the guide allows) changes none of the existing ones.
  const e = (date: string, type: string) => ({ date, type });
  test.each([
    [
      'an earlier event of another day',
      [e('2019-07-23', 'submitted'), e('2019-08-01', 'response')],
      0,
      e('2019-07-25', 'meeting'),
    ],
    ['an event at the start', [e('2019-07-23', 'submitted'), e('2019-08-01', 'response')], 0, e('2019-07-01', 'other')],
    [
      'another type on the same day',
      [e('2019-07-23', 'submitted'), e('2019-07-23', 'response')],
      1,
      e('2019-07-23', 'meeting'),
    ],
    ['a later event of the same day and type', [e('2019-07-23', 'response')], 0, e('2019-07-23', 'response')],
  ])('inserting %s keeps every existing anchor', (_name, history, at, inserted) => {
    const before = eventAnchors(history);
    const withInserted = [...history.slice(0, at + 1), inserted, ...history.slice(at + 1)];
    const after = eventAnchors(withInserted);
    expect(after.filter((_, i) => i !== at + 1)).toEqual(before);
    expect(new Set(after).size).toBe(after.length);
  });
});

describe('anchors and feed ids never shift when an event learned late is inserted', () => {
  type Entry = { date: string; type: string; recorded?: string };
  const r = (date: string, type: string, recorded?: string): Entry =>
    recorded ? { date, type, recorded } : { date, type };
  test.each([
    [
      'the same date and type, put first in its day (an earlier-in-the-day event learned late)',
      [r('2019-07-23', 'submitted'), r('2019-07-31', 'statement')],
      1,
      r('2019-07-31', 'statement', '2026-12-01'),
    ],
    [
      'a third same-day response before two published ones',
      [r('2019-07-23', 'response'), r('2019-07-23', 'response')],
      0,
      r('2019-07-23', 'response', '2019-08-10'),
    ],
    [
      'after an entry that was itself learned late',
      [r('2019-07-23', 'meeting', '2019-08-01'), r('2019-07-24', 'other')],
      0,
      r('2019-07-23', 'meeting', '2019-09-01'),
    ],
  ])('%s', (_name, history, at, inserted) => {
    const before = eventAnchors(history);
    const withInserted = [...history.slice(0, at), inserted, ...history.slice(at)];
    const after = eventAnchors(withInserted);
    expect(after.filter((_, i) => i !== at)).toEqual(before);
    expect(new Set(after).size).toBe(after.length);
  });

  // Property: histories in date order with repeated dates and types; an entry recorded today is
  // inserted at every place its date allows. No existing anchor changes; all stay unique.
  test('for many generated histories and every place the new entry may go', () => {
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const types = ['submitted', 'response', 'meeting'];
    const dates = ['2019-07-23', '2019-07-24', '2019-07-31'];
    for (let run = 0; run < 200; run++) {
      const history = Array.from({ length: 1 + random(6) }, () => {
        const date = dates[random(3)]!;
        return r(date, types[random(3)]!, random(3) === 0 ? `2019-08-0${1 + random(9)}` : undefined);
      }).sort((a, b) => a.date.localeCompare(b.date));
      const before = eventAnchors(history);
      const inserted = r(dates[random(3)]!, types[random(3)]!, '2019-08-10');
      for (let at = 0; at <= history.length; at++) {
        if (history[at - 1] && history[at - 1]!.date > inserted.date) continue;
        if (history[at] && history[at]!.date < inserted.date) continue;
        const after = eventAnchors([...history.slice(0, at), inserted, ...history.slice(at)]);
        expect(after.filter((_, i) => i !== at)).toEqual(before);
        expect(new Set(after).size).toBe(after.length);
      }
    }
  });

  test('the current status is the last of the day in file order, whatever was recorded when', () => {
    const history = [
      { date: '2019-07-23', type: 'submitted', status: 'awaiting_response' as const },
      { date: '2019-07-31', type: 'response', status: 'responded' as const, recorded: '2019-08-05' },
      { date: '2019-07-31', type: 'statement', status: 'stalled' as const },
    ];
    expect(currentStatus(history)).toBe('stalled');
    expect(historySteps(history).map((s) => s.position)).toEqual([1, 2, 3]);
  });
});
