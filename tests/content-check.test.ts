import { afterAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent, checkContentWithEdit, formatProblem, RULES } from '../src/lib/content-check.ts';
import { copyProject, removeProject, FIXTURE_ROOT, PROJECT_ROOT } from './helpers/project-copy.ts';
import { BAD_CONTENT } from './content-errors.ts';

const copies: string[] = [];
afterAll(() => copies.forEach(removeProject));

test('the real content has no problems', () => {
  const result = checkContent(PROJECT_ROOT);
  expect(result.problems.map(formatProblem)).toEqual([]);
  expect(result.letters.size).toBeGreaterThan(0);
  expect(result.demands.size).toBeGreaterThan(0);
});

test('the frozen fixture (the bad-content cases below edit copies of it) has no problems', () => {
  const result = checkContent(FIXTURE_ROOT);
  expect(result.problems.map(formatProblem)).toEqual([]);
  expect(result.letters.size).toBe(2);
  expect(result.demands.size).toBe(9);
  expect(result.references.has('mie-my-number-rules')).toBe(true);
});

/** The rule book's rules that some bad-content case set off (filled by the cases below). */
const rulesHit = new Set<string>();

describe('each kind of bad content is reported with its file and field', () => {
  test.each(BAD_CONTENT.map((c) => [c.name, c] as const))('%s', (_name, badCase) => {
    const dir = copyProject({ contentOnly: true });
    copies.push(dir);
    badCase.break(dir);
    const problems = checkContent(dir).problems;
    const match = problems.find(
      (p) => p.file === badCase.file && p.field === badCase.field && badCase.message.test(p.message),
    );
    expect(
      match,
      `expected ${badCase.message} at ${badCase.file} ${badCase.field}, got:\n${problems.map(formatProblem).join('\n')}`,
    ).toBeDefined();
    // One mistake, one message: a broken file must not set off a cascade elsewhere.
    expect(problems.filter((p) => p.file !== badCase.file)).toEqual([]);
    if (match?.rule) rulesHit.add(match.rule);
  });

  // Runs after the cases: every rule of the rule book is set off by at least one of them.
  test('every rule of the rule book (RULES) has a case that breaks it', () => {
    expect(RULES.map((r) => r.name).filter((name) => !rulesHit.has(name))).toEqual([]);
  });
});

test('problems carry the line of the offending field', () => {
  const dir = copyProject({ contentOnly: true });
  copies.push(dir);
  BAD_CONTENT.find((c) => c.name === 'unknown status value')!.break(dir);
  const [problem] = checkContent(dir).problems;
  expect(problem?.line).toBeGreaterThan(1);
  expect(formatProblem(problem!)).toMatch(
    /^content\/letters\/2019-07-23-soumu\/demands\/2\.mdx:\d+ {2}statusHistory\[2\]\.status（statusHistory の3件目）: /,
  );
});

describe('an edit is checked in memory before it is written (checkContentWithEdit)', () => {
  const file = 'content/letters/2019-07-23-soumu/demands/2.mdx';
  const original = readFileSync(join(FIXTURE_ROOT, file), 'utf8');
  test.each([
    [
      'an ESC escape in a new summary',
      original.replace('status: stalled', 'status: stalled\n    recorded: "\\e"'),
      /statusHistory\[2\]\.recorded（statusHistory の3件目）: 制御文字（U\+001B）/,
    ],
    ['an expression in the body', `${original}\n<Article number={globalThis.x} />\n`, /式は書けません/],
    ['a status that does not exist', original.replace('status: stalled', 'status: stalld'), /"stalld" は使えません/],
  ])('%s is reported on the edited file, and nothing is written', (_name, text, message) => {
    const problems = checkContentWithEdit(FIXTURE_ROOT, file, text).problems;
    expect(problems.map(formatProblem).join('\n')).toMatch(message);
    expect(problems.every((p) => p.file === file)).toBe(true);
    expect(readFileSync(join(FIXTURE_ROOT, file), 'utf8')).toBe(original);
  });

  test('the same text as on disk passes', () => {
    expect(checkContentWithEdit(FIXTURE_ROOT, file, original).problems).toEqual([]);
  });
});
