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
  ],
];

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
