// The organizers' command (`npm run demand`), always run against temporary copies of content/.
// It adds an entry that the next build shows, and refuses every bad input leaving every file unchanged.
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
  isPureInsertion,
  nearestKey,
  validateNewEntry,
  DemandEditError,
  type NewEntryInput,
} from '../src/lib/demand-edit.ts';
import { checkContent, formatProblem } from '../src/lib/content-check.ts';
import { currentStatus } from '../src/lib/history.ts';
import { STATUS_LIST } from '../src/lib/status.ts';
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

  test.each(files)('%s: the entry is inserted at the end of statusHistory and nothing else moves', (file) => {
    const before = readFileSync(join(PROJECT_ROOT, file), 'utf8');
    const after = appendHistoryEntry(before, ENTRY);
    expect(isPureInsertion(before, after)).toBe(true);
    const inserted = after.slice(0, after.length - before.length);
    expect(after.indexOf(entryAsYaml(ENTRY))).toBeGreaterThan(0);
    expect(after.indexOf(entryAsYaml(ENTRY))).toBeLessThan(after.indexOf('\nlastChecked:'));
    expect(inserted.length).toBeGreaterThan(0);
    // Comments survive.
    for (const comment of before.split('\n').filter((line) => /^\s*#/.test(line))) expect(after).toContain(comment);
    const data = parseDocument(/^---\n([\s\S]*?)\n---/.exec(after)![1]!).toJS();
    expect(data.statusHistory.at(-1)).toEqual(ENTRY);
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
      {
        date: '2019-08-20',
        type: 'response',
        status: 'responded',
        summary: '回答',
        sources: [{ title: 't', url: 'https://e.org' }],
      },
      [],
    ],
    [
      'type defaults to other',
      { date: '2019-08-20', status: 'responded', summary: '回答', sources: [{ title: 't', url: 'https://e.org' }] },
      [],
    ],
    [
      'same day as the latest is fine',
      { date: '2019-07-31', status: 'responded', summary: '回答', sources: [{ title: 't', url: 'https://e.org' }] },
      [],
    ],
    ['everything missing', { sources: [] }, ['--status', '--date', '--summary', '--source-url']],
  ] as [string, NewEntryInput, string[]][])('validateNewEntry: %s', (_name, input, options) => {
    const { problems, entry } = validateNewEntry(input, {
      today: '2026-11-23',
      latest: { date: '2019-07-31', status: 'stalled' },
    });
    expect(problems.map((p) => p.option)).toEqual(options);
    if (options.length === 0) expect(entry?.type).toBe(input.type ?? 'other');
  });

  // The feed orders entries by the day they reached the site: an event recorded after its day says so.
  test.each([
    ['an event before today is recorded today', '2019-08-20', '2026-11-23'],
    ['an event of today needs no recorded date', '2026-11-23', undefined],
  ])('validateNewEntry: %s', (_name, date, recorded) => {
    const { entry } = validateNewEntry(
      { date, status: 'responded', summary: '回答', sources: [{ title: 't', url: 'https://e.org' }] },
      { today: '2026-11-23', latest: { date: '2019-07-31', status: 'stalled' } },
    );
    expect(entry?.recorded).toBe(recorded);
    const yaml = entryAsYaml(entry!);
    if (recorded) expect(yaml).toContain(`recorded: "${recorded}"`);
    else expect(yaml).not.toContain('recorded');
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
    expect(result.stdout).toContain('content/letters/2019-07-23-soumu/demands/2.mdx（statusHistory の4件目）');
    expect(result.stdout).toContain('状況：進展なし（stalled） → 回答あり（responded）');
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

  test.each([
    ['an unknown letter', ['add', '2019-07-23-somu/2', ...GOOD], /要請書 "2019-07-23-somu" はありません/],
    [
      'an unknown demand number',
      ['add', '2019-07-23-soumu/9', ...GOOD],
      /要請書 2019-07-23-soumu に要求 9 はありません[\s\S]*1、2、3、4、5/,
    ],
    ['a malformed demand id', ['add', 'soumu-2', ...GOOD], /"soumu-2" は <要請書>\/<番号> の形ではありません/],
    ['no demand id', ['add', ...GOOD], /どの要求かを/],
    [
      'an unknown status',
      ['add', '2019-07-23-soumu/2', ...replacing('--status', 'stalld')],
      /--status: "stalld" という状況はありません/,
    ],
    ['no status', ['add', '2019-07-23-soumu/2', ...without('--status')], /--status: 状況を指定してください/],
    [
      'an impossible date',
      ['add', '2019-07-23-soumu/2', ...replacing('--date', '2019-02-30')],
      /--date: 2019-02-30 という日付は存在しません/,
    ],
    [
      'a date in another format',
      ['add', '2019-07-23-soumu/2', ...replacing('--date', '2019/08/20')],
      /--date: "2019\/08\/20" は YYYY-MM-DD の形ではありません/,
    ],
    [
      'a date in the future',
      ['add', '2019-07-23-soumu/2', ...replacing('--date', '2999-01-01')],
      /--date: 2999-01-01 は今日（\d{4}-\d{2}-\d{2}）より後です/,
    ],
    [
      'a date before the latest entry',
      ['add', '2019-07-23-soumu/2', ...replacing('--date', '2019-07-01')],
      /--date: 2019-07-01 は、この要求の最新の経過（2019-07-31）より前です/,
    ],
    [
      'no date',
      ['add', '2019-07-23-soumu/2', ...without('--date')],
      /--date: 日付を YYYY-MM-DD の形で指定してください/,
    ],
    ['no summary', ['add', '2019-07-23-soumu/2', ...without('--summary')], /--summary: 何があったかの要約/],
    [
      'a summary over 200 characters',
      ['add', '2019-07-23-soumu/2', ...replacing('--summary', 'あ'.repeat(201))],
      /--summary: 要約は200字以内にしてください（いま201字）/,
    ],
    [
      'no source at all',
      [
        'add',
        '2019-07-23-soumu/2',
        ...without('--source-url').filter((a, i, all) => a !== '--source-title' && all[i - 1] !== '--source-title'),
      ],
      /出典を少なくとも1つ/,
    ],
    [
      'a source without its URL',
      ['add', '2019-07-23-soumu/2', ...without('--source-url')],
      /--source-url: 出典の URL（--source-url）がありません/,
    ],
    [
      'a source without its title',
      ['add', '2019-07-23-soumu/2', ...without('--source-title')],
      /--source-title: 出典の題名（--source-title）がありません/,
    ],
    [
      'a source that is not a web address',
      ['add', '2019-07-23-soumu/2', ...replacing('--source-url', 'example.org/news')],
      /"example.org\/news" は http:\/\/ または https:\/\/ で始まる URL ではありません/,
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
      'an unknown event type',
      ['add', '2019-07-23-soumu/2', ...GOOD, '--type', 'protest'],
      /--type: "protest" という種類はありません/,
    ],
    [
      'a submission that is not awaiting a response',
      ['add', '2019-07-23-soumu/2', ...GOOD, '--type', 'submitted'],
      /submitted（要請書提出）の経過は、状況を awaiting_response/,
    ],
    [
      'an empty counterparty position',
      ['add', '2019-07-23-soumu/2', ...GOOD, '--counterparty', ' '],
      /--counterparty: 空の文字列は指定できません/,
    ],
    [
      'an unknown option',
      ['add', '2019-07-23-soumu/2', ...GOOD, '--colour', 'red'],
      /--colour というオプションはありません/,
    ],
    [
      'an option without its value',
      ['add', '2019-07-23-soumu/2', ...GOOD, '--summary'],
      /--summary の後に値を書いてください/,
    ],
    [
      'a stray argument (an unquoted summary)',
      ['add', '2019-07-23-soumu/2', ...GOOD, '回答', 'した'],
      /余分な引数があります/,
    ],
    ['an unknown command', ['ad', '2019-07-23-soumu/2', ...GOOD], /"ad" というコマンドはありません/],
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
    expect(result.stderr).toMatch(/すでに問題があります[\s\S]*statusHistory\[2\]\.status: "stalld" は使えません/);
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
      /stalled\s+2019-07-31\s+\d{4}-\d{2}-\d{2}\s+進展なし｜総務大臣宛 要求2「個人情報を申請書作成に流用しない」/,
    );
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

test('an entry added by the command is on the next build: demand page, tracker, feed and data', () => {
  const dir = copyProject();
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
  const build = spawnSync('npx', ['astro', 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  const dist = (path: string) => readFileSync(join(dir, 'dist', path), 'utf8');

  const page = dist('letters/2019-07-23-soumu/demands/2/index.html');
  expect(page).toContain('テスト用の回答が届いた。');
  expect(page).toContain('テスト用の回答要旨。');
  expect(page).toContain('id="event-2019-08-20-response"');
  expect(page).toMatch(/data-status="responded" data-current/);
  expect(page).not.toMatch(/data-status="stalled" data-current/);

  expect(dist('status/index.html')).toMatch(/<tr data-demand="2019-07-23-soumu\/2" data-status="responded"/);
  const feed = dist('feed.xml');
  expect(feed.indexOf('テスト用の回答が届いた。')).toBeGreaterThan(0);
  expect(feed.indexOf('テスト用の回答が届いた。')).toBeLessThan(feed.indexOf('<entry>', feed.indexOf('<entry>') + 1));
  const json = JSON.parse(dist('api/demands.json')) as { id: string; status: string; history: { summary: string }[] }[];
  const demand = json.find((d) => d.id === '2019-07-23-soumu/2')!;
  expect(demand.status).toBe('responded');
  expect(demand.history.at(-1)!.summary).toBe('テスト用の回答が届いた。');
  expect(dist('api/demands.csv')).toContain('テスト用の回答が届いた。');
}, 180_000);

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

  test.each(variants)('%s: add and checked', (_name, variant) => {
    const dir = contentCopy();
    editFile(dir, SOUMU_2, variant);
    const original = readText(dir, SOUMU_2);
    expect(checkContent(dir).problems.map(formatProblem)).toEqual([]);

    const added = run(dir, ['add', '2019-07-23-soumu/2', ...GOOD]);
    expect(added.code, added.stderr).toBe(0);
    const afterAdd = readText(dir, SOUMU_2);
    expect(isPureInsertion(original, afterAdd)).toBe(true);
    expect(afterAdd.startsWith('\uFEFF')).toBe(original.startsWith('\uFEFF'));
    if (original.includes('\r\n')) expect(afterAdd.replace(/\r\n/g, '')).not.toContain('\n');
    for (const comment of original.match(/#[^\r\n]*/g) ?? []) expect(afterAdd).toContain(comment);
    const demand = checkContent(dir).demands.get('2019-07-23-soumu/2')!.data;
    expect(demand.statusHistory).toHaveLength(4);
    expect(demand.statusHistory.at(-1)).toMatchObject({ date: '2019-08-20', status: 'responded' });

    const checked = run(dir, ['checked', '2019-07-23-soumu/2']);
    expect(checked.code, checked.stderr).toBe(0);
    const afterChecked = readText(dir, SOUMU_2);
    const changed = afterChecked.split('\n').filter((line, i) => line !== afterAdd.split('\n')[i]);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/^lastChecked: "\d{4}-\d{2}-\d{2}"/);
    for (const comment of afterAdd.match(/#[^\r\n]*/g) ?? []) expect(afterChecked).toContain(comment);
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
      'add --status',
      ['add', '2019-07-23-soumu/2', ...GOOD.map((a) => (a === 'responded' ? 'respnded' : a))],
      /--status: "respnded" という状況はありません。responded（回答あり）のことですか？ 使える値：/,
    ],
    [
      'add --type',
      ['add', '2019-07-23-soumu/2', ...GOOD, '--type', 'respons'],
      /--type: "respons" という種類はありません。response（回答）のことですか？/,
    ],
    [
      'list --status',
      ['list', '--status', 'stalld'],
      /"stalld" という状況はありません。stalled（進展なし）のことですか？/,
    ],
    [
      'no near key',
      ['add', '2019-07-23-soumu/2', ...GOOD.map((a) => (a === 'responded' ? 'finished' : a))],
      /"finished" という状況はありません。使える値：/,
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
