// `npm run build` on a copy of the project with broken and hostile files: it must stop before any
// page is made, naming every file and field, in Japanese, with no stack trace, and run none of the
// content's code. The build runs the content check first (src/integrations/content-check.ts), so the
// refusal of each case is proved at the check level (content-check.test.ts, every case of
// content-errors.ts); this one build proves the build refuses what the check refuses. Builds are
// slow: it carries one case per family, each on its own file, so that one cannot hide another.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { describeField } from '../src/lib/content/problems.ts';
import { copyProject, removeProject } from './helpers/project-copy.ts';
import { BAD_CONTENT } from './content-errors.ts';

const copies: string[] = [];
afterAll(() => copies.forEach(removeProject));

const CASES = [
  'an expression in a component attribute (writes a file at build time)',
  'a YAML escape "\\0" (NUL) in the feed subtitle (site.yaml)',
  'a YAML escape "\\e" (ESC) in a history summary',
  'a reference definition to JaVaScRiPt:',
  'a source address with a user part',
  'a timeline source dated 2030',
  'an era date that does not agree with the date',
  'a gap in the numbering (1, 2, 3, 4, 7)',
  'an external image (a tracking pixel)',
  'a history that does not start with the letter being submitted',
  'a YAML escape "\\v" (what the yaml library writes for a pasted Word line break)',
  'a source address on a look-alike host (Cyrillic аррӏе.com)',
  'recorded in the future (2099-12-31)',
  'a submission dated before the letter (2018-01-01)',
  'a data: link in a .mdx body',
];

test('the build refuses hostile content before making anything, and runs none of its code', () => {
  const cases = CASES.map((name) => BAD_CONTENT.find((c) => c.name === name)!);
  expect(cases.every(Boolean)).toBe(true);
  expect(new Set(cases.map((c) => c.file)).size).toBe(cases.length);
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
        l.includes(`${badCase.file}:`) &&
        (!badCase.field || l.includes(`${describeField(badCase.field)}:`)) &&
        badCase.message.test(l),
    );
    expect(line, `${badCase.name}\n${output}`).toBeDefined();
  }
  expect(output).toContain('サイトは作っていません');
  expect(output).not.toMatch(/\n\s+at .*:\d+:\d+/); // no stack trace
  expect(output).not.toContain('An unhandled error occurred');
  expect(existsSync(join(dir, 'dist', 'index.html'))).toBe(false);
  // The MDX expression would have written this file had the build compiled the body.
  expect(existsSync(join(dir, 'pwned.txt'))).toBe(false);
}, 300_000);
