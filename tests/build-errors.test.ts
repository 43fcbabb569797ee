// `npm run build` on a copy of the project with broken files: it must stop, naming every file and field,
// in Japanese, with no stack trace and nothing built. Builds are slow, so each build carries several
// cases (on different files, so that one cannot hide another); content-check.test.ts covers each alone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { copyProject, removeProject } from './helpers/project-copy.ts';
import { BAD_CONTENT } from './content-errors.ts';

const copies: string[] = [];
afterAll(() => copies.forEach(removeProject));

const BUILDS = [
  [
    'unknown status value',
    'unknown field',
    'impossible letter date',
    'missing required field',
    'broken YAML',
    'demand pointing at a letter that does not exist',
  ],
  [
    'demand pointing at an article that does not exist',
    'two demands with the same number',
    'history date in the future',
    'impossible history date',
    'lastChecked before the letter',
    'related demand that does not exist',
  ],
  // The loader's refusals (characters, markup, sizes, encodings, links): the build refuses what the
  // check refuses, each on its own file.
  [
    'control character (ESC) pasted into a summary',
    'bidi override in a letter body',
    'a field made only of invisible characters',
    'lastChecked in the future (9999-12-31)',
    'responseDue before the letter',
    'a look-alike link (<a>) in a demand .mdx body',
    'an import line in a .mdx body',
    'a YAML alias bomb',
    'a key written twice',
    'a file not in UTF-8 (Shift_JIS)',
    'a 5 MB text',
    'a symbolic link instead of a file',
    'a folder where a file should be (unreadable)',
  ],
  [
    'raw HTML (<meta refresh>) in a letter body',
    'letter date in the future',
    'history entry without a source',
    'a { expression } in a .mdx body',
    'unknown event type',
    'missing summary in a history entry',
    'history out of date order',
    'summary longer than 200 characters',
  ],
];

test('every bad-content case is in one of the builds', () => {
  expect(BUILDS.flat().sort()).toEqual(BAD_CONTENT.map((c) => c.name).sort());
});

test.each(BUILDS.map((names) => [names.join(', '), names] as const))(
  'build fails on: %s',
  (_label, names) => {
    const cases = names.map((name) => BAD_CONTENT.find((c) => c.name === name)!);
    const dir = copyProject();
    copies.push(dir);
    for (const badCase of cases) badCase.break(dir);
    const build = spawnSync('npx', ['astro', 'build'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    const output = `${build.stdout}\n${build.stderr}`;
    expect(build.status, output).not.toBe(0);
    const lines = output.split('\n');
    for (const badCase of cases) {
      const line = lines.find(
        (l) =>
          l.includes(badCase.file) && (!badCase.field || l.includes(`${badCase.field}:`)) && badCase.message.test(l),
      );
      expect(line, `${badCase.name}\n${output}`).toBeDefined();
    }
    expect(output).toContain('サイトは作っていません');
    expect(output).not.toMatch(/\n\s+at .*:\d+:\d+/); // no stack trace
    expect(output).not.toContain('An unhandled error occurred');
    expect(existsSync(join(dir, 'dist', 'index.html'))).toBe(false);
  },
  300_000,
);
