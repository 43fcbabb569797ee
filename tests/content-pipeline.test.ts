// One reader, one set of rules: for every kind of content file and extension, the content check counts
// the file if and only if the build publishes it. The check is proved here on a copy; the build, on the
// browser tests' site, which is built with every accepted kind (e2e/content-kinds.test.ts). The refused
// kinds are proved at the check level only: the build runs that check first, and build-errors.test.ts
// shows the build stopping on it once.
import { afterAll, describe, expect, test } from 'vitest';
import { checkContent, formatProblem } from '../src/lib/content-check.ts';
import { readContentUnits } from '../src/lib/search/content-units.ts';
import { copyProject, readText, removeProject } from './helpers/project-copy.ts';
import { SOUMU } from './content-errors.ts';
import { ACCEPTED, write } from './helpers/accepted-kinds.ts';

const copies: string[] = [];
afterAll(() => copies.forEach(removeProject));

/** Files the build does not read: the check must refuse them, never pass over them in silence. */
const REFUSED = [
  `${SOUMU}/demands/8.markdown`,
  `${SOUMU}/demands/9.txt`,
  `${SOUMU}/letter.txt`,
  'content/references/extra.json',
  'content/timeline/2019-07-26-note.toml',
];

describe('the check counts every kind of file the build publishes', () => {
  test.each(ACCEPTED.map((k) => [k.name, k] as const))('%s', (_name, kind) => {
    const dir = copyProject({ contentOnly: true });
    copies.push(dir);
    kind.add(dir);
    const content = checkContent(dir);
    expect(content.problems.map(formatProblem)).toEqual([]);
    expect(kind.counted(content)).toBe(true);
    if (kind.unit) expect(readContentUnits(dir).map((u) => u.id)).toContain(kind.unit);
  });

  test.each(REFUSED)('%s is refused, by name', (path) => {
    const dir = copyProject({ contentOnly: true });
    copies.push(dir);
    write(dir, path, 'title: x\n');
    const problems = checkContent(dir).problems;
    expect(problems.map((p) => p.file)).toEqual([path]);
    expect(problems[0]!.message).toMatch(/拡張子/);
  });

  test('two files for one entry (2.md and 2.mdx) are refused', () => {
    const dir = copyProject({ contentOnly: true });
    copies.push(dir);
    write(dir, `${SOUMU}/demands/2.md`, readText(dir, `${SOUMU}/demands/2.mdx`));
    expect(checkContent(dir).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/demands\/2\.mdx? .*同じものを指しています/),
    ]);
  });
});
