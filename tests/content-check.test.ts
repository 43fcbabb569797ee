import { afterAll, describe, expect, test } from 'vitest';
import { checkContent, formatProblem } from '../src/lib/content-check.ts';
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
