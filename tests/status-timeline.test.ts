// The campaign timeline: assembly from events and histories, the timeline-event schema and its content check.
import { afterAll, describe, expect, test } from 'vitest';
import { buildTimeline, timelineMonths, type TimelineDemandInput } from '../src/lib/timeline.ts';
import { TimelineEventSchema, TimelineSourceSchema } from '../src/lib/schemas.ts';
import { checkContent, formatProblem } from '../src/lib/content-check.ts';
import { copyProject, removeProject, writeText, editFile, FIXTURE_ROOT } from './helpers/project-copy.ts';

const copies: string[] = [];
afterAll(() => copies.forEach(removeProject));

const NEWS = { title: 'ニュース', url: 'https://example.org/news' };
const STATEMENT = { title: '談話', url: 'https://example.org/statement' };
const letters = [
  { slug: '2019-07-18-kyosai', addressee: { organization: '連合会', shortName: '連合会' } },
  { slug: '2019-07-23-soumu', addressee: { organization: '総務省' } },
];
const demands: TimelineDemandInput[] = [
  {
    letter: '2019-07-23-soumu',
    number: 2,
    label: '2.',
    shortTitle: 'B',
    statusHistory: [
      { date: '2019-07-23', type: 'submitted', status: 'awaiting_response', summary: '提出した。', sources: [NEWS] },
      { date: '2019-07-23', type: 'response', status: 'responded', summary: '目的の範囲内と回答。', sources: [NEWS] },
      {
        date: '2019-07-31',
        type: 'statement',
        status: 'stalled',
        summary: '談話が抗議した（2）。',
        sources: [STATEMENT],
      },
    ],
  },
  {
    letter: '2019-07-23-soumu',
    number: 1,
    label: '1.',
    shortTitle: 'A',
    statusHistory: [
      { date: '2019-07-23', type: 'submitted', status: 'awaiting_response', summary: '提出した。', sources: [NEWS] },
      { date: '2019-07-23', type: 'response', status: 'responded', summary: '勧奨だと回答。', sources: [NEWS] },
      {
        date: '2019-07-31',
        type: 'statement',
        status: 'stalled',
        summary: '談話が抗議した（1）。',
        sources: [STATEMENT],
      },
    ],
  },
  {
    letter: '2019-07-18-kyosai',
    number: 1,
    label: '①',
    shortTitle: 'C',
    statusHistory: [
      { date: '2019-07-18', type: 'submitted', status: 'awaiting_response', summary: '提出した。', sources: [NEWS] },
      {
        date: '2019-07-31',
        type: 'statement',
        status: 'responded',
        summary: '回答があったと伝えた。',
        sources: [STATEMENT],
      },
    ],
  },
];
const events = [
  {
    id: '2019-06-28-notice',
    date: '2019-06-28',
    kind: 'policy',
    title: '通知',
    summary: '総務省が通知した。',
    letters: ['2019-07-23-soumu'],
    sources: [{ title: '要請書', letter: '2019-07-23-soumu' }],
  },
  {
    id: '2019-07-18-press',
    date: '2019-07-18',
    kind: 'press',
    title: '報道',
    summary: '報じた。',
    letters: [],
    sources: [{ title: '記事', publication: '連合通信', date: '2019-07-18' }],
  },
];
const items = buildTimeline(events, demands, letters);

describe('assembling the timeline', () => {
  test('events and grouped history entries in date order; on one day context, then steps, then press', () => {
    expect(items.map((i) => [i.date, i.kind, i.demands.map((d) => d.id).join(' ')])).toEqual([
      ['2019-06-28', 'policy', ''],
      ['2019-07-18', 'submitted', '2019-07-18-kyosai/1'],
      ['2019-07-18', 'press', ''],
      ['2019-07-23', 'submitted', '2019-07-23-soumu/1 2019-07-23-soumu/2'],
      ['2019-07-23', 'response', '2019-07-23-soumu/1 2019-07-23-soumu/2'],
      ['2019-07-31', 'statement', '2019-07-18-kyosai/1 2019-07-23-soumu/1 2019-07-23-soumu/2'],
    ]);
  });

  test('entries recording one event become one item; a shared summary is shown once', () => {
    const submitted = items.find((i) => i.id === 'on-2019-07-23-submitted')!;
    expect(submitted.title).toBe('総務省宛の要請書を提出');
    expect(submitted.summary).toBe('提出した。');
    expect(submitted.sources).toEqual([NEWS]);
    const response = items.find((i) => i.id === 'on-2019-07-23-response')!;
    expect(response.title).toBe('総務省からの回答');
    expect(response.summary).toBeUndefined();
    expect(response.demands.map((d) => [d.name, d.url, d.status, d.summary])).toEqual([
      [
        '総務省宛 要求1「A」',
        '/letters/2019-07-23-soumu/demands/1/#event-2019-07-23-response',
        'responded',
        '勧奨だと回答。',
      ],
      [
        '総務省宛 要求2「B」',
        '/letters/2019-07-23-soumu/demands/2/#event-2019-07-23-response',
        'responded',
        '目的の範囲内と回答。',
      ],
    ]);
  });

  test('one statement about demands of both letters is one item naming both addressees', () => {
    const statement = items.find((i) => i.kind === 'statement')!;
    expect(statement.letters).toEqual(['2019-07-18-kyosai', '2019-07-23-soumu']);
    expect(statement.title).toContain('連合会・総務省');
    expect(statement.demands.map((d) => d.status)).toEqual(['responded', 'stalled', 'stalled']);
  });

  test('every item cites at least one source and has a unique anchor', () => {
    for (const item of items) expect(item.sources.length).toBeGreaterThan(0);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  test('month index', () => {
    expect(timelineMonths(items)).toEqual([
      { key: '2019-06', label: '2019年6月', count: 1 },
      { key: '2019-07', label: '2019年7月', count: 5 },
    ]);
  });
});

describe('timeline sources: honest about what is online', () => {
  test.each([
    ['a web page', { title: 'ニュース', url: 'https://example.org/a' }, true],
    [
      'a press item with publication and date, no URL',
      { title: '記事', publication: 'しんぶん赤旗', date: '2019-07-27' },
      true,
    ],
    ['a letter of this site', { title: '要請書', letter: '2019-07-23-soumu' }, true],
    ['a press item without its date', { title: '記事', publication: 'しんぶん赤旗' }, false],
    ['a title alone', { title: '記事' }, false],
    ['a non-http URL', { title: 'x', url: 'ftp://example.org/a' }, false],
    ['an impossible date', { title: '記事', publication: '連合通信', date: '2019-06-31' }, false],
  ])('%s → valid: %s', (_name, source, valid) => {
    expect(TimelineSourceSchema.safeParse(source).success).toBe(valid);
  });

  test('an event needs a source', () => {
    expect(
      TimelineEventSchema.safeParse({ date: '2019-07-27', kind: 'press', title: 't', summary: 's', sources: [] })
        .success,
    ).toBe(false);
    expect(
      TimelineEventSchema.safeParse({
        date: '2019-07-27',
        kind: 'rumour',
        title: 't',
        summary: 's',
        sources: [{ title: 'x', url: 'https://example.org' }],
      }).success,
    ).toBe(false);
  });
});

describe('the content check covers content/timeline', () => {
  test('the 2019 timeline (frozen fixture) has the dates the letters themselves name', () => {
    const result = checkContent(FIXTURE_ROOT);
    expect(result.timeline.size).toBeGreaterThanOrEqual(6);
    const dates = [...result.timeline.values()].map((e) => e.data.date);
    for (const date of ['2019-06-04', '2019-06-21', '2019-06-28']) expect(dates).toContain(date);
  });

  test.each([
    [
      'a source with nothing to find it by',
      (t: string) => t.replace(/    letter: 2019-07-23-soumu\n/, ''),
      'sources[0]',
      /url か、publication（媒体）と date（日付）か/,
    ],
    [
      'an unknown letter',
      (t: string) => t.replace('letters: [2019-07-23-soumu', 'letters: [2019-07-23-somu'),
      'letters[0]',
      /要請書 "2019-07-23-somu" はありません/,
    ],
    [
      'a date in the future',
      (t: string) => t.replace('date: "2019-06-04"', 'date: "2999-06-04"'),
      'date',
      /今日（\d{4}-\d{2}-\d{2}）より後です/,
    ],
    ['an unknown kind', (t: string) => t.replace('kind: policy', 'kind: rumour'), 'kind', /"rumour" は使えません/],
    ['an unknown field', (t: string) => `${t}colour: red\n`, 'colour', /この項目はありません/],
  ])('%s is reported with file and field', (_name, edit, field, message) => {
    const dir = copyProject({ contentOnly: true });
    copies.push(dir);
    const file = 'content/timeline/2019-06-04-digital-government-policy.yaml';
    editFile(dir, file, edit);
    const problems = checkContent(dir).problems;
    expect(
      problems.find((p) => p.file === file && p.field === field && message.test(p.message)),
      problems.map(formatProblem).join('\n'),
    ).toBeDefined();
    expect(problems.filter((p) => p.file !== file)).toEqual([]);
  });

  test('a file name that is not a kebab-case slug is reported', () => {
    const dir = copyProject({ contentOnly: true });
    copies.push(dir);
    writeText(
      dir,
      'content/timeline/Press Note.yaml',
      'date: "2019-07-27"\nkind: press\ntitle: t\nsummary: s\nsources:\n  - title: x\n    url: https://example.org/\n',
    );
    expect(checkContent(dir).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/content\/timeline\/Press Note\.yaml {2}ファイル名は半角の小文字・数字と「-」だけ/),
    ]);
  });
});

describe('timeline anchors never shift when an event learned late is added', () => {
  const letter = {
    slug: 'x-letter',
    addressee: { organization: '総務省', organizationPrinted: true, shortName: '総務省' },
  };
  const entry = (url: string, recorded?: string) => ({
    date: '2019-07-31',
    type: 'statement',
    status: 'stalled' as const,
    summary: url,
    sources: [{ title: 't', url }],
    ...(recorded ? { recorded } : {}),
  });
  const demand = (number: number, history: TimelineDemandInput['statusHistory']): TimelineDemandInput => ({
    letter: 'x-letter',
    number,
    label: `${number}.`,
    shortTitle: `要求${number}`,
    statusHistory: history,
  });
  test.each([
    ['on a demand listed first', 1],
    ['on a demand listed last', 3],
  ])('a same-day statement with other sources, recorded later, %s', (_name, number) => {
    const before = [demand(2, [entry('https://example.org/a')]), demand(3, [entry('https://example.org/b')])];
    const ids = (demands: TimelineDemandInput[]) =>
      buildTimeline([], demands, [letter as never]).map((i) => `${i.id} ${i.demands.map((d) => d.id).join(',')}`);
    const late = demand(number, [entry('https://example.org/late', '2019-09-01')]);
    const after = ids([...before, late]);
    for (const item of ids(before)) expect(after).toContain(item);
    expect(new Set(after.map((a) => a.split(' ')[0])).size).toBe(after.length);
  });
});
