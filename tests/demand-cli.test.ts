// The organizers' command (`npm run demand`), always run against temporary copies of content/.
// It inserts an entry where its date belongs, in a form the next build shows, and refuses every bad
// input leaving every file unchanged. The rules are the content check's: they are tested here by calling
// the functions the command uses (the check on the edited text in memory, and the mapping of its
// findings onto the options); the command itself is spawned only for what only it does.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import {
  appendHistoryEntry,
  setLastChecked,
  entryAsYaml,
  entryFromInput,
  forTerminal,
  insertHistoryEntry,
  insertionIndex,
  isPureInsertion,
  mapFindings,
  nearestKey,
  optionForField,
  DemandEditError,
  type NewEntryInput,
} from '../src/lib/demand-edit.ts';
import { checkContent, formatProblem } from '../src/lib/content-check.ts';
import { apiDemands, demandsCsv } from '../src/lib/api.ts';
import { dashboardRows } from '../src/lib/dashboard.ts';
import { feedEntries } from '../src/lib/feed.ts';
import { currentStatus, historySteps } from '../src/lib/history.ts';
import { STATUS_LIST } from '../src/lib/status.ts';
import { todayInJapan } from '../src/lib/dates.ts';
import type { HistoryEntry } from '../src/lib/schemas.ts';
import { copyProject, removeProject, editFile, readText, FIXTURE_ROOT, PROJECT_ROOT } from './helpers/project-copy.ts';

const copies: string[] = [];
afterAll(() => copies.forEach(removeProject));
function contentCopy(): string {
  const dir = copyProject({ contentOnly: true });
  copies.push(dir);
  return dir;
}

const SCRIPT = join(PROJECT_ROOT, 'scripts', 'demand.ts');
const SOUMU_2 = 'content/letters/2019-07-23-soumu/demands/2.mdx';

/** The environment without npm's own variables (the tests may run under `npm test`). */
const PLAIN_ENV = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

function run(dir: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...PLAIN_ENV, NO_COLOR: '1', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under content/ with a hash of its bytes: a refused command must leave it identical. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(join(dir, 'content'));
  return files;
}

/** Whether `after` is `before` with `inserted` put in at the start of one of its lines, and nothing else. */
function insertedAtLineStart(before: string, after: string, inserted: string): boolean {
  for (let at = 0; at <= before.length; at = before.indexOf('\n', at) + 1 || before.length + 1)
    if (`${before.slice(0, at)}${inserted}${before.slice(at)}` === after) return true;
  return false;
}

const GOOD = [
  '--status',
  'responded',
  '--date',
  '2019-08-20',
  '--summary',
  '総務省が文書で回答した。',
  '--source-url',
  'https://example.org/news/1',
  '--source-title',
  '回答書',
];
const ENTRY: HistoryEntry = {
  date: '2019-08-20',
  type: 'response',
  status: 'responded',
  summary: '総務省が文書で回答した。',
  counterpartyPosition: '目的の範囲内',
  sources: [{ title: '回答書 "第1号"', url: 'https://example.org/news/1?a=1#x' }],
};

describe('editing a demand file (src/lib/demand-edit.ts)', () => {
  const files = readdirSync(join(PROJECT_ROOT, 'content', 'letters'), { recursive: true, encoding: 'utf8' })
    .filter((p) => /demands\/\d+\.mdx?$/.test(p))
    .map((p) => `content/letters/${p}`)
    .sort();

  test.each(files)('%s: the entry goes where its date belongs, and only its lines are added', (file) => {
    const before = readFileSync(join(PROJECT_ROOT, file), 'utf8');
    const history = parseDocument(/^---\n([\s\S]*?)\n---/.exec(before)![1]!).toJS().statusHistory as HistoryEntry[];
    for (const entry of [ENTRY, { ...ENTRY, date: history.at(-1)!.date }, { ...ENTRY, date: history[0]!.date }]) {
      const { text: after, index } = insertHistoryEntry(before, entry);
      expect(index).toBe(insertionIndex(history, entry.date));
      // Exactly the entry's lines, as entryAsYaml shows them, and nothing else.
      expect(insertedAtLineStart(before, after, `${entryAsYaml(entry)}\n`)).toBe(true);
      const data = parseDocument(/^---\n([\s\S]*?)\n---/.exec(after)![1]!).toJS();
      expect(data.statusHistory).toEqual(history.toSpliced(index, 0, entry));
    }
  });

  test.each([
    ['before every entry', '2019-01-01', 0],
    ['between two dates', '2019-07-24', 2],
    ['after the entries of the same day (file order is the order of the day)', '2019-07-23', 2],
    ['after the last', '2026-01-01', 3],
    ['on the last day, after it', '2019-07-31', 3],
    ['a value that is not a date goes last (the check names it)', '2019/07/01', 3],
  ])('insertionIndex: %s', (_name, date, index) => {
    expect(insertionIndex([{ date: '2019-07-23' }, { date: '2019-07-23' }, { date: '2019-07-31' }], date)).toBe(index);
  });

  test('the entry is written like the hand-written ones', () => {
    expect(entryAsYaml(ENTRY)).toBe(
      [
        '  - date: "2019-08-20"',
        '    type: response',
        '    status: responded',
        '    summary: "総務省が文書で回答した。"',
        '    counterpartyPosition: "目的の範囲内"',
        '    sources:',
        '      - title: "回答書 \\"第1号\\""',
        '        url: https://example.org/news/1?a=1#x',
      ].join('\n'),
    );
  });

  test.each([
    ['no frontmatter', 'statusHistory: []\n', /frontmatter/],
    ['broken YAML', '---\nletter: [x\n---\n', /YAML が壊れています/],
    ['no statusHistory list', '---\nletter: x\nstatusHistory: none\n---\n', /statusHistory/],
  ])('refuses a file with %s', (_name, text, message) => {
    expect(() => appendHistoryEntry(text, ENTRY)).toThrow(DemandEditError);
    expect(() => appendHistoryEntry(text, ENTRY)).toThrow(message);
  });

  test('the body after the frontmatter is kept byte for byte', () => {
    const text = readFileSync(join(FIXTURE_ROOT, SOUMU_2), 'utf8').replace(
      /---\n$/,
      '---\n\n本文の段落。\n\n- 箇条書き: "値"\n',
    );
    expect(appendHistoryEntry(text, ENTRY).endsWith('---\n\n本文の段落。\n\n- 箇条書き: "値"\n')).toBe(true);
  });

  test('setting lastChecked changes that one line only', () => {
    const before = readFileSync(join(FIXTURE_ROOT, SOUMU_2), 'utf8');
    const after = setLastChecked(before, '2026-12-01');
    const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    expect(changed).toEqual(['lastChecked: "2026-12-01"']);
  });

  test.each([
    [
      'a full entry',
      { date: '2019-08-20', status: 'responded', summary: '回答', sources: [{ title: 't', url: 'u' }] },
      [],
    ],
    ['everything missing', { sources: [] }, ['--status', '--date', '--summary', '--source-url']],
    ['a source without its URL', { date: 'd', status: 's', summary: 'x', sources: [{ title: 't' }] }, ['--source-url']],
    [
      'a source without its title',
      { date: 'd', status: 's', summary: 'x', sources: [{ url: 'u' }] },
      ['--source-title'],
    ],
    [
      'a blank summary',
      { date: 'd', status: 's', summary: ' \u3000', sources: [{ title: 't', url: 'u' }] },
      ['--summary'],
    ],
    // The check's character rule, on what was typed: the YAML writer would write these as escapes.
    [
      'a vertical tab pasted into the summary',
      { date: 'd', status: 's', summary: '回答\vした', sources: [{ title: 't', url: 'u' }] },
      ['--summary'],
    ],
    [
      'an escape in a source title',
      { date: 'd', status: 's', summary: 'x', sources: [{ title: 't\u001b[2J', url: 'u' }] },
      ['--source-title'],
    ],
    [
      'a bidi override in the assessment',
      { date: 'd', status: 's', summary: 'x', assessment: 'a\u202eb', sources: [{ title: 't', url: 'u' }] },
      ['--assessment'],
    ],
  ] as [string, NewEntryInput, string[]][])('entryFromInput: %s', (_name, input, options) => {
    const { problems, entry } = entryFromInput(input, '2026-11-23');
    expect(problems.map((p) => p.option)).toEqual(options);
    expect(entry.type).toBe(input.type ?? 'other');
  });

  // The feed orders entries by the day they reached the site: an event recorded after its day says so.
  test.each([
    ['an event before today is recorded today', '2019-08-20', '2026-11-23'],
    ['an event of today needs no recorded date', '2026-11-23', undefined],
  ])('entryFromInput: %s', (_name, date, recorded) => {
    const { entry } = entryFromInput(
      { date, status: 'responded', summary: '回答', sources: [{ title: 't', url: 'https://e.org' }] },
      '2026-11-23',
    );
    expect(entry.recorded).toBe(recorded);
    const yaml = entryAsYaml(entry);
    if (recorded) expect(yaml).toContain(`recorded: "${recorded}"`);
    else expect(yaml).not.toContain('recorded');
  });

  test.each([
    ['statusHistory[3].summary', 3, '--summary'],
    ['statusHistory[3].sources[0].url', 3, '--source-url'],
    ['statusHistory[3].sources[1].title', 3, '--source-title'],
    ['statusHistory[3].sources', 3, '--source-url'],
    ['statusHistory[3].recorded', 3, '--date'],
    ['statusHistory[3].counterpartyPosition', 3, '--counterparty'],
    ['statusHistory[3]', 3, '--date'],
    ['statusHistory[2].summary', 3, undefined],
    ['lastChecked', 3, undefined],
  ])('optionForField: %s (new entry at %i) → %s', (field, index, option) => {
    expect(optionForField(field, index)).toBe(option);
  });

  test.each([
    ['an escape sequence that retitles the terminal', 'a\u001b]0;pwned\u0007b', 'a\\u001B]0;pwned\\u0007b'],
    ['a C1 control and a bidi override', 'x\u009by\u202ez', 'x\\u009By\\u202Ez'],
    ['newlines and tabs stay', '一行目\n\t二行目', '一行目\n\t二行目'],
  ])('forTerminal: %s', (_name, text, shown) => {
    expect(forTerminal(text)).toBe(shown);
  });
});

/** What the command would say about an entry on the fixture's 総務大臣宛 demand 2, without spawning it. */
function findingsFor(input: Partial<NewEntryInput>, today = '2026-11-23') {
  const path = join(FIXTURE_ROOT, SOUMU_2);
  const { entry, problems } = entryFromInput(
    {
      status: 'responded',
      date: '2019-08-20',
      summary: '回答',
      sources: [{ title: 't', url: 'https://e.org/' }],
      ...input,
    },
    today,
  );
  if (problems.length > 0) return { mapped: problems, other: [] };
  const { text, index } = insertHistoryEntry(readFileSync(path, 'utf8'), entry);
  const found = checkContent(FIXTURE_ROOT, today, new Map([[path, text]])).problems;
  return mapFindings(found, SOUMU_2, index, { status: input.status ?? 'responded', type: entry.type });
}

describe("the command refuses what the check refuses, naming the option (the check's findings mapped)", () => {
  test('a good entry has no finding', () => {
    expect(findingsFor({})).toEqual({ mapped: [], other: [] });
  });
  test.each([
    ['an unknown status, with the nearest key', { status: 'stalld' }, '--status', /stalled（進展なし）のことですか？/],
    ['an unknown status, no near key', { status: 'finished' }, '--status', /使える値/],
    ['an unknown type, with the nearest key', { type: 'respons' }, '--type', /response（回答）のことですか？/],
    ['an impossible date', { date: '2019-02-30' }, '--date', /2019-02-30/],
    ['a date in another format', { date: '2019/08/20' }, '--date', /2019\/08\/20/],
    ['a date in the future', { date: '2999-01-01' }, '--date', /今日（2026-11-23）より後/],
    ['a summary over the limit', { summary: 'あ'.repeat(201) }, '--summary', /200/],
    ['a source that is not a web address', { sources: [{ title: 't', url: 'example.org/news' }] }, '--source-url', /./],
    ['a javascript: source', { sources: [{ title: 't', url: 'javascript:alert(1)' }] }, '--source-url', /./],
    ['a submission that is not awaiting a response', { type: 'submitted' }, '--status', /awaiting_response/],
    ['an empty counterparty position', { counterpartyPosition: ' ' }, '--counterparty', /./],
  ] as [string, Partial<NewEntryInput>, string, RegExp][])('%s', (_name, input, option, message) => {
    const { mapped, other } = findingsFor(input);
    expect(other.map(formatProblem)).toEqual([]);
    expect(mapped.map((p) => p.option)).toContain(option);
    const problem = mapped.find((p) => p.option === option)!;
    expect(problem.message).toMatch(message);
    // Japanese for organizers: the message is not an English library message.
    expect(problem.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  test('an event learned late is not refused: it goes where its date belongs', () => {
    expect(findingsFor({ date: '2019-07-24' })).toEqual({ mapped: [], other: [] });
  });
});

describe('npm run demand -- add', () => {
  test("appends one entry, prints what it did, and the content still passes the build's check", () => {
    const dir = contentCopy();
    const before = snapshot(dir);
    const original = readText(dir, SOUMU_2);
    const result = run(dir, [
      'add',
      '2019-07-23-soumu/2',
      '--type',
      'response',
      ...GOOD,
      '--counterparty',
      '目的の範囲内と考えている。',
      '--assessment',
      '組合は納得していない。',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '追加しました：総務大臣宛 要求2「個人情報を申請書作成に流用しない」（2019-07-23-soumu/2）',
    );
    expect(result.stdout).toContain('ファイル：content/letters/2019-07-23-soumu/demands/2.mdx');
    expect(result.stdout).toContain('最後（4件目）に加えました');
    expect(result.stdout).toContain('いまの状況が変わりました：進展なし → ↩ 回答あり');
    // Every line is Japanese: no status key is shown as a label.
    expect(result.stdout).not.toMatch(/[↩⏸] [a-z_]+/);
    expect(result.stdout).toContain('summary: "総務省が文書で回答した。"');

    const updated = readText(dir, SOUMU_2);
    expect(isPureInsertion(original, updated)).toBe(true);
    const after = snapshot(dir);
    expect(Object.keys(after).filter((file) => after[file] !== before[file])).toEqual([SOUMU_2]);
    // Written atomically: no temporary file is left behind.
    expect(readdirSync(join(dir, 'content/letters/2019-07-23-soumu/demands')).sort()).toEqual([
      '1.mdx',
      '2.mdx',
      '3.mdx',
      '4.mdx',
      '5.mdx',
    ]);

    const content = checkContent(dir);
    expect(content.problems.map(formatProblem)).toEqual([]);
    const demand = content.demands.get('2019-07-23-soumu/2')!.data;
    expect(currentStatus(demand.statusHistory)).toBe('responded');
    expect(demand.statusHistory.at(-1)).toMatchObject({
      type: 'response',
      counterpartyPosition: '目的の範囲内と考えている。',
      assessment: '組合は納得していない。',
    });
  });

  test('an event learned late goes where its date belongs, says where, and keeps the current status', () => {
    const dir = contentCopy();
    const original = readText(dir, SOUMU_2);
    const result = run(dir, ['add', '2019-07-23-soumu/2', ...replacing('--date', '2019-07-24')]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('2件目と3件目の間に入れました');
    expect(result.stdout).toContain('いまの状況は変わりません：');
    expect(result.stdout).toMatch(/記録した日（recorded）：\d{4}-\d{2}-\d{2}/);
    const demand = checkContent(dir).demands.get('2019-07-23-soumu/2')!.data;
    expect(demand.statusHistory.map((e) => e.date)).toEqual(['2019-07-23', '2019-07-23', '2019-07-24', '2019-07-31']);
    expect(demand.statusHistory[2]!.recorded).toBe(todayInJapan());
    expect(currentStatus(demand.statusHistory)).toBe('stalled');
    expect(insertedAtLineStart(original, readText(dir, SOUMU_2), `${entryAsYaml(demand.statusHistory[2]!)}\n`)).toBe(
      true,
    );
  });

  test('text from content/ is printed with its terminal escapes made visible', () => {
    const dir = contentCopy();
    editFile(dir, SOUMU_2, (t) => t.replace(/^shortTitle: "(.*)"$/m, 'shortTitle: "$1\\e]0;pwned\\a"'));
    const result = run(dir, ['list']);
    expect(result.stdout + result.stderr).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
    // Shown escaped where the row is listed (the check may refuse the file instead, which lists no row).
    if (/^2019-07-23-soumu\/2 /m.test(result.stdout)) expect(result.stdout).toContain('\\u001B]0;pwned\\u0007');
  });

  test('takes several sources, each URL with its title', () => {
    const dir = contentCopy();
    const result = run(dir, [
      'add',
      '2019-07-18-shichoson-kyosai/3',
      '--status',
      'in_negotiation',
      '--date',
      '2019-08-20',
      '--type',
      'meeting',
      '--summary',
      '連合会と懇談した。',
      '--source-url',
      'https://example.org/a',
      '--source-title',
      '報告A',
      '--source-url',
      'https://example.org/b',
      '--source-title',
      '報告B',
    ]);
    expect(result.code).toBe(0);
    const demand = checkContent(dir).demands.get('2019-07-18-shichoson-kyosai/3')!.data;
    expect(demand.statusHistory.at(-1)!.sources).toEqual([
      { title: '報告A', url: 'https://example.org/a' },
      { title: '報告B', url: 'https://example.org/b' },
    ]);
  });

  test('--dry-run shows the entry and writes nothing', () => {
    const dir = contentCopy();
    const before = snapshot(dir);
    const result = run(dir, ['add', '2019-07-23-soumu/2', ...GOOD, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('確認のみ（--dry-run）');
    expect(result.stdout).toContain('  - date: "2019-08-20"');
    expect(result.stdout).toContain('ファイルは変更していません。');
    expect(snapshot(dir)).toEqual(before);
  });

  const without = (option: string) => {
    const args = [...GOOD];
    args.splice(args.indexOf(option), 2);
    return args;
  };
  const replacing = (option: string, value: string) => GOOD.map((arg, i) => (GOOD[i - 1] === option ? value : arg));

  // What only the command does (arguments, finding the demand); the rules are tested above without spawning.
  test.each([
    ['an unknown letter', ['add', '2019-07-23-somu/2', ...GOOD], /要請書 "2019-07-23-somu" はありません/],
    [
      'an unknown demand number',
      ['add', '2019-07-23-soumu/9', ...GOOD],
      /要請書 2019-07-23-soumu に要求 9 はありません[\s\S]*1、2、3、4、5/,
    ],
    ['a malformed demand id', ['add', 'soumu-2', ...GOOD], /"soumu-2" は <要請書>\/<番号> の形ではありません/],
    ['no status', ['add', '2019-07-23-soumu/2', ...without('--status')], /--status: 状況を指定してください/],
    [
      'a control character pasted into the summary',
      ['add', '2019-07-23-soumu/2', ...replacing('--summary', '回答\vした')],
      /--summary: 制御文字（U\+000B）/,
    ],
    [
      'an unknown status (the check, mapped onto --status)',
      ['add', '2019-07-23-soumu/2', ...replacing('--status', 'respnded')],
      /--status: .*responded（回答あり）のことですか？/,
    ],
    [
      'URLs and titles that do not pair up',
      [
        'add',
        '2019-07-23-soumu/2',
        ...GOOD,
        '--source-url',
        'https://example.org/2',
        '--source-url',
        'https://example.org/3',
        '--source-title',
        'B',
      ],
      /数が合いません/,
    ],
    [
      'an unknown option',
      ['add', '2019-07-23-soumu/2', ...GOOD, '--colour', 'red'],
      /--colour というオプションはありません/,
    ],
    [
      'a stray argument (an unquoted summary)',
      ['add', '2019-07-23-soumu/2', ...GOOD, '回答', 'した'],
      /余分な引数があります/,
    ],
    ['an unknown command', ['ad', '2019-07-23-soumu/2', ...GOOD], /"ad" というコマンドはありません/],
    [
      'a value given to a switch',
      ['add', '2019-07-23-soumu/2', ...GOOD, '--dry-run=yes'],
      /--dry-run には値を付けません/,
    ],
  ])('refuses %s, exits non-zero and changes no file', (_name, args, message) => {
    const dir = contentCopy();
    const before = snapshot(dir);
    const result = run(dir, args);
    expect(result.code, result.stdout + result.stderr).not.toBe(0);
    expect(result.stderr).toMatch(/^エラー：/);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('ファイルは変更していません。');
    expect(result.stdout).not.toContain('追加しました');
    expect(snapshot(dir)).toEqual(before);
  });

  test('refuses to add to a file that is already broken, naming the problem', () => {
    const dir = contentCopy();
    editFile(dir, SOUMU_2, (t) => t.replace('status: stalled', 'status: stalld'));
    const before = snapshot(dir);
    const result = run(dir, ['add', '2019-07-23-soumu/2', ...GOOD]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(
      /すでに問題があります[\s\S]*statusHistory\[2\]\.status（statusHistory の3件目）: "stalld" は使えません/,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  test("another file's existing problem neither blocks recording nor is blamed on the command", () => {
    const dir = contentCopy();
    editFile(dir, 'content/letters/2019-07-23-soumu/demands/1.mdx', (t) =>
      t.replace('demand: 2019-07-18-shichoson-kyosai/1', 'demand: 2019-07-18-shichoson-kyosai/9'),
    );
    const result = run(dir, ['add', '2019-07-23-soumu/2', ...GOOD]);
    expect(result.code).toBe(0);
    expect(checkContent(dir).problems.map((p) => p.file)).toEqual(['content/letters/2019-07-23-soumu/demands/1.mdx']);
  });
});

describe('npm run demand -- list and checked', () => {
  test('list prints every demand with its status', () => {
    const result = run(FIXTURE_ROOT, ['list']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n').filter((line) => /^2019-07-/.test(line));
    expect(lines).toHaveLength(9);
    expect(lines.find((l) => l.startsWith('2019-07-23-soumu/2'))).toMatch(
      /^2019-07-23-soumu\/2 +\S 進展なし +2019-07-31 +\d{4}-\d{2}-\d{2} +総務大臣宛 要求2「個人情報を申請書作成に流用しない」$/,
    );
    // Statuses by their Japanese labels only.
    for (const { key } of STATUS_LIST) expect(result.stdout).not.toContain(key);
    expect(result.stdout).toContain('9件：回答あり 4、進展なし 5');
  });

  test('list --status and --json', () => {
    const result = run(FIXTURE_ROOT, ['list', '--status', 'responded', '--json']);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as { id: string; status: string }[];
    expect(rows.map((r) => r.id)).toEqual([
      '2019-07-18-shichoson-kyosai/1',
      '2019-07-18-shichoson-kyosai/2',
      '2019-07-18-shichoson-kyosai/3',
      '2019-07-18-shichoson-kyosai/4',
    ]);
    expect(run(FIXTURE_ROOT, ['list', '--status', 'nope']).code).not.toBe(0);
  });

  test('checked records the date last checked, one line per file', () => {
    const dir = contentCopy();
    const original = readText(dir, SOUMU_2);
    editFile(dir, SOUMU_2, (t) => t.replace('lastChecked: "2026-11-23"', 'lastChecked: "2019-08-01"'));
    const result = run(dir, ['checked', '2019-07-23-soumu/2', '--date', '2019-09-01']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('最終確認日を 2019-09-01 にしました');
    expect(readText(dir, SOUMU_2)).toBe(original.replace('lastChecked: "2026-11-23"', 'lastChecked: "2019-09-01"'));
  });

  test('checked refuses a future date and changes nothing', () => {
    const dir = contentCopy();
    const before = snapshot(dir);
    const result = run(dir, ['checked', '--all', '--date', '2999-01-01']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/より後です/);
    expect(snapshot(dir)).toEqual(before);
  });

  test('help explains the statuses and types', () => {
    const result = run(PROJECT_ROOT, ['help']);
    expect(result.code).toBe(0);
    for (const word of ['add', 'list', 'checked', 'awaiting_response', '回答待ち', 'submitted', '要請書提出'])
      expect(result.stdout).toContain(word);
  });
});

const ORIGIN = 'https://example.org';

// The pages render whatever the data holds (the browser tests prove it on the fixture site): what the
// command writes is proved here on the data every view is made from, without a build of its own.
test('an entry added by the command reaches every view: demand history, tracker row, feed and data', () => {
  const dir = copyProject({ contentOnly: true });
  copies.push(dir);
  const add = run(dir, [
    'add',
    '2019-07-23-soumu/2',
    '--type',
    'response',
    '--status',
    'responded',
    '--date',
    '2019-08-20',
    '--summary',
    'テスト用の回答が届いた。',
    '--counterparty',
    'テスト用の回答要旨。',
    '--source-url',
    'https://example.org/test-answer',
    '--source-title',
    'テスト用の回答書',
  ]);
  expect(add.code, add.stderr).toBe(0);
  const content = checkContent(dir);
  expect(content.problems.map(formatProblem)).toEqual([]);
  const letters = [...content.letters.entries()].map(([slug, l]) => ({ slug, ...l.data }));
  const demands = [...content.demands.values()].map((d) => d.data);
  const today = todayInJapan();
  const id = '2019-07-23-soumu/2';

  const demand = demands.find((d) => `${d.letter}/${d.number}` === id)!;
  expect(demand.statusHistory.at(-1)).toMatchObject({
    date: '2019-08-20',
    type: 'response',
    status: 'responded',
    summary: 'テスト用の回答が届いた。',
  });
  expect(historySteps(demand.statusHistory).at(-1)!.anchor).toBe('event-2019-08-20-response');
  const row = dashboardRows(letters, demands, today).find((r) => r.id === id)!;
  expect(row.status).toBe('responded');
  expect(row.latest.summary).toBe('テスト用の回答が届いた。');
  expect(feedEntries(demands, letters, ORIGIN)[0]).toMatchObject({ demand: id, status: 'responded' });
  const json = apiDemands(demands, letters, ORIGIN, today).find((d) => d.id === id)!;
  expect(json.status).toBe('responded');
  expect(json.history.at(-1)!.summary).toBe('テスト用の回答が届いた。');
  expect(demandsCsv([json], letters)).toContain('テスト用の回答が届いた。');
});

describe('the command never writes through a symbolic link', () => {
  /** Moves `part` of a content copy elsewhere and leaves a link in its place; returns the real place. */
  const linkOut = (dir: string, part: string): string => {
    const outside = mkdtempSync(join(tmpdir(), 'demand-link-target-'));
    copies.push(outside);
    const real = join(outside, 'real');
    renameSync(join(dir, part), real);
    symlinkSync(real, join(dir, part));
    return outside;
  };
  /** Hashes of every file under a folder. */
  const hashes = (root: string) =>
    Object.fromEntries(
      (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[])
        .filter((p) => !p.endsWith('/'))
        .flatMap((p) => {
          try {
            return [
              [
                p,
                createHash('sha256')
                  .update(readFileSync(join(root, p)))
                  .digest('hex'),
              ] as const,
            ];
          } catch {
            return [];
          }
        }),
    );

  test.each([
    ['content/ is a link', 'content', 'content'],
    ['the letter folder is a link', 'content/letters/2019-07-23-soumu', 'content/letters/2019-07-23-soumu'],
    ['the demand file is a link', SOUMU_2, SOUMU_2],
  ])('%s', (_name, part, named) => {
    for (const args of [
      ['add', '2019-07-23-soumu/2', ...GOOD, '--dry-run'],
      ['add', '2019-07-23-soumu/2', ...GOOD],
      ['checked', '2019-07-23-soumu/2', '--date', '2019-09-01'],
    ]) {
      const dir = contentCopy();
      const outside = linkOut(dir, part);
      const before = hashes(outside);
      const result = run(dir, args);
      expect(result.code, `${args.join(' ')}\n${result.stdout}${result.stderr}`).not.toBe(0);
      expect(result.stderr).toContain(
        `エラー：${named} はシンボリックリンクです。このコマンドはリンクを通して書き込みません。`,
      );
      expect(result.stderr).toContain('ファイルは変更していません。');
      expect(hashes(outside), args.join(' ')).toEqual(before);
    }
  });
});

describe('files saved on Windows or with comments are edited, keeping how they are written', () => {
  const variants: [string, (t: string) => string][] = [
    ['CRLF line ends', (t) => t.replace(/\n/g, '\r\n')],
    ['a byte-order mark', (t) => `\uFEFF${t}`],
    ['a byte-order mark and CRLF', (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`],
    [
      'inline # comments',
      (t) =>
        t
          .replace('status: stalled', 'status: stalled   # 7/31 談話')
          .replace(/^lastChecked: (.*)$/m, 'lastChecked: $1 # 最終確認')
          .replace(/^shortTitle: (.*)$/m, 'shortTitle: $1  #見出し'),
    ],
    ['a comment after the last entry', (t) => t.replace(/\nlastChecked:/, '\n# ここまで経過\nlastChecked:')],
    ['list items at the left edge', (t) => t.replace(/^ {2}(- |  )/gm, '$1').replace(/^ {4}(- |  )/gm, '  $1')],
    ['CRLF and inline comments', (t) => t.replace('type: statement', 'type: statement # 談話').replace(/\n/g, '\r\n')],
  ];

  // The command writes through insertHistoryEntry and setLastChecked: tested on each variant directly.
  test.each(variants)('%s: add and checked', (_name, variant) => {
    const original = variant(readFileSync(join(FIXTURE_ROOT, SOUMU_2), 'utf8'));
    const { entry } = entryFromInput(
      { status: 'responded', date: '2019-08-20', summary: '回答', sources: [{ title: 't', url: 'https://e.org/' }] },
      '2026-11-23',
    );
    const afterAdd = insertHistoryEntry(original, entry).text;
    expect(isPureInsertion(original, afterAdd)).toBe(true);
    expect(afterAdd.startsWith('\uFEFF')).toBe(original.startsWith('\uFEFF'));
    if (original.includes('\r\n')) expect(afterAdd.replace(/\r\n/g, '')).not.toContain('\n');
    for (const comment of original.match(/#[^\r\n]*/g) ?? []) expect(afterAdd).toContain(comment);

    const afterChecked = setLastChecked(afterAdd, '2026-11-30');
    const changed = afterChecked.split('\n').filter((line, i) => line !== afterAdd.split('\n')[i]);
    expect(changed.map((line) => line.replace(/\r$/, ''))).toEqual([
      expect.stringMatching(/^lastChecked: "2026-11-30"/),
    ]);
    for (const comment of afterAdd.match(/#[^\r\n]*/g) ?? []) expect(afterChecked).toContain(comment);
  });

  test('the command itself on a CRLF file with comments: the check passes before and after', () => {
    const dir = contentCopy();
    editFile(dir, SOUMU_2, variants.at(-1)![1]);
    const original = readText(dir, SOUMU_2);
    expect(checkContent(dir).problems.map(formatProblem)).toEqual([]);
    const added = run(dir, ['add', '2019-07-23-soumu/2', ...GOOD]);
    expect(added.code, added.stderr).toBe(0);
    expect(isPureInsertion(original, readText(dir, SOUMU_2))).toBe(true);
    const demand = checkContent(dir).demands.get('2019-07-23-soumu/2')!.data;
    expect(demand.statusHistory.at(-1)).toMatchObject({ date: '2019-08-20', status: 'responded' });
    expect(checkContent(dir).problems.map(formatProblem)).toEqual([]);
  });
});

describe('forgetting the -- after npm run demand', () => {
  // What npm passes on for `npm run demand add … --status responded …` without `--`: the values alone,
  // with each option kept as its own setting.
  const values = GOOD.filter((_, i) => i % 2 === 1);
  const npmEnv = (...options: string[]) => ({
    npm_lifecycle_event: 'demand',
    ...Object.fromEntries(options.map((o) => [`npm_config_${o.replace(/-/g, '_')}`, 'true'])),
  });

  test.each([
    [
      'add',
      ['add', '2019-07-23-soumu/2', ...values],
      npmEnv('status', 'date', 'summary', 'source-url', 'source-title'),
    ],
    ['add --dry-run', ['add', '2019-07-23-soumu/2', ...values], npmEnv('status', 'date', 'dry-run')],
    ['list --json', ['list'], npmEnv('json')],
    ['checked --all', ['checked'], npmEnv('all')],
  ])('%s gets a hint that says so, and nothing is written', (_name, args, env) => {
    const dir = contentCopy();
    const before = snapshot(dir);
    const result = run(dir, args, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^エラー：npm run demand の後の「--」が抜けているようです。/);
    for (const option of Object.keys(env).filter((k) => k.startsWith('npm_config_')))
      expect(result.stderr).toContain(`--${option.slice('npm_config_'.length).replace(/_/g, '-')}`);
    expect(result.stderr).toContain('npm run demand -- add');
    expect(result.stdout).toBe('');
    expect(snapshot(dir)).toEqual(before);
  });

  test('the same hint when run with npm for real', () => {
    const dir = contentCopy();
    for (const entry of ['package.json', 'scripts', 'src'])
      cpSync(join(PROJECT_ROOT, entry), join(dir, entry), { recursive: true });
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const before = snapshot(dir);
    const result = spawnSync('npm', ['run', '--silent', 'demand', 'add', '2019-07-23-soumu/2', ...GOOD, '--dry-run'], {
      cwd: dir,
      encoding: 'utf8',
      env: PLAIN_ENV,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /「--」が抜けているようです。「--」がないと、npm が .*--status.* を自分の設定として受け取って/,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  test('without npm, values and no option at all get the hint too', () => {
    const dir = contentCopy();
    const result = run(dir, ['add', '2019-07-23-soumu/2', ...values]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /余分な引数があります[\s\S]*オプション（--status など）が一つもありません。npm run demand の後の「--」/,
    );
  });
});

describe('a mistyped status or type suggests the nearest key', () => {
  test.each([
    ['stalld', 'stalled'],
    ['respnded', 'responded'],
    ['Awaiting-Response', 'awaiting_response'],
    ['in negotiation', 'in_negotiation'],
    ['achived', 'achieved'],
    ['partialy_achieved', 'partially_achieved'],
    ['rejcted', 'rejected'],
    ['進展なし', 'stalled'],
    ['回答あり', 'responded'],
    ['done', undefined],
    ['xyz', undefined],
  ])('%s → %s', (input, key) => {
    expect(nearestKey(input, STATUS_LIST)).toBe(key);
  });

  test.each([
    [
      'list --status',
      ['list', '--status', 'stalld'],
      /"stalld" という状況はありません。stalled（進展なし）のことですか？/,
    ],
  ])('%s', (_name, args, message) => {
    const dir = contentCopy();
    const before = snapshot(dir);
    const result = run(dir, args);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
    expect(snapshot(dir)).toEqual(before);
  });
});
