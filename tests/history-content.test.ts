// Demands' recorded histories. Rules over whatever content/ holds (organizers add to it at any time),
// the 2019 record as researched on the frozen fixture (tests/fixtures/frozen), and the README's own
// `npm run demand -- add` example run on a copy of the real project: it must pass whatever the real
// content holds (the command inserts an older event where its date belongs) on any day after the
// example's date.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkContent, formatProblem } from '../src/lib/content-check.ts';
import { currentStatus } from '../src/lib/history.ts';
import { todayInJapan } from '../src/lib/dates.ts';
import { copyProject, removeProject, FIXTURE_ROOT, PROJECT_ROOT } from './helpers/project-copy.ts';

const copies: string[] = [];
afterAll(() => copies.forEach(removeProject));

// The rules every history follows (numbered 1…n, starting with the submission, dates in order and not
// in the future) are the content check's (src/lib/content-check.ts RULES), tested case by case in
// content-check.test.ts; here they are asserted through checkContent's problems.

// The fixture is the content as researched from the 2019 sources (/work/shared/sources/2019-responses.md
// and the pages it names); these are specifics, so they are pinned there and not on content/.
describe('the 2019 record (frozen fixture)', () => {
  const content = checkContent(FIXTURE_ROOT);
  const demands = [...content.demands.entries()].map(([id, { data }]) => ({ id, ...data }));
  /** The public pages the histories may cite. */
  const NEWS = /^https:\/\/jichiroren\.jp\/news\/%e8%87%aa%e6%b2%bb%e5%8a%b4%e9%80%a3/;
  const STATEMENT = /^https:\/\/jichiroren\.jp\/opinion\/%e7%b7%8f%e5%8b%99%e7%9c%81/;

  test('the fixture passes the check and the rules', () => {
    expect(content.problems.map(formatProblem)).toEqual([]);
    expect(demands).toHaveLength(9);
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

    test("every entry cites the union's news post or statement, and nothing after the sources' last date", () => {
      for (const entry of demand.statusHistory) {
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
        if (entry.counterpartyPosition && entry.assessment)
          expect(entry.assessment).not.toBe(entry.counterpartyPosition);
      }
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
});

/** The README's `npm run demand -- add …` example, exactly as printed (continuation lines joined by the shell). */
function readmeAddExample(readme: string): string {
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const block = blocks.find((b) => /^npm run demand -- add /m.test(b));
  if (!block) throw new Error('README.md has no ```sh block with `npm run demand -- add`');
  return block.trim();
}

test("the README's `demand add` example works on a copy of the project, and the content still passes", () => {
  const example = readmeAddExample(readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8'));
  expect(example).toMatch(/^npm run demand -- add \S+/);
  const dir = copyProject({ contentOnly: true, content: 'real' });
  copies.push(dir);
  for (const entry of ['scripts', 'src', 'package.json'])
    cpSync(join(PROJECT_ROOT, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const before = checkContent(dir);
  const id = /add (\S+)/.exec(example)![1]!;
  const entries = before.demands.get(id)?.data.statusHistory.length ?? 0;

  const add = spawnSync('bash', ['-c', example], { cwd: dir, encoding: 'utf8' });
  expect(add.status, add.stdout + add.stderr).toBe(0);
  expect(add.stdout).toContain('追加しました');

  const check = spawnSync('npm', ['run', '--silent', 'check:content'], { cwd: dir, encoding: 'utf8' });
  expect(check.status, check.stdout + check.stderr).toBe(0);
  const after = checkContent(dir);
  const history = after.demands.get(id)!.data.statusHistory;
  expect(history).toHaveLength(entries + 1);
  // Whatever the real history holds (an organizer's entry of yesterday, say), the example's entry goes
  // where its date belongs instead of being refused as older than the latest one.
  const date = /--date (\S+)/.exec(example)![1]!;
  expect(history.map((e) => e.date)).toEqual(history.map((e) => e.date).toSorted());
  expect(history.filter((e) => e.date === date).at(-1)!.recorded).toBe(
    date < todayInJapan() ? todayInJapan() : undefined,
  );
  expect(after.problems.map(formatProblem)).toEqual([]);
});
