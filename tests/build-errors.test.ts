// `npm run build` on a copy of the project with one broken file: it must stop, naming file and field.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { copyProject, removeProject } from './helpers/project-copy.ts';
import { BAD_CONTENT } from './content-errors.ts';

const copies: string[] = [];
afterAll(() => copies.forEach(removeProject));

// The kinds the publishing issue names; the full list is covered by content-check.test.ts.
const BUILD_CASES = [
  'unknown status value',
  'unknown field',
  'impossible letter date',
  'missing required field',
  'broken YAML',
  'demand pointing at a letter that does not exist',
  'demand pointing at an article that does not exist',
  'two demands with the same number',
  'history date in the future',
];

test.each(BUILD_CASES)('build fails on: %s', (name) => {
  const badCase = BAD_CONTENT.find((c) => c.name === name)!;
  const dir = copyProject();
  copies.push(dir);
  badCase.break(dir);
  const build = spawnSync('npx', ['astro', 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const output = `${build.stdout}\n${build.stderr}`;
  expect(build.status, output).not.toBe(0);
  expect(output).toContain(badCase.file);
  if (badCase.field) expect(output).toContain(`${badCase.field}:`);
  expect(output).toMatch(badCase.message);
  expect(existsSync(join(dir, 'dist', 'index.html'))).toBe(false);
});
