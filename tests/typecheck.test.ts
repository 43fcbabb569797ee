// The TypeScript in src/, scripts/, tests/ and e2e/ type-checks under the strict tsconfig.
import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { PROJECT_ROOT } from './helpers/project-copy.ts';

test('tsc --noEmit finds no type errors', { timeout: 300_000 }, () => {
  // astro:content's types live in .astro/ (not in git), written by a build or by `astro sync`: on a
  // fresh clone `npm run test:unit` runs before any build.
  const sync = spawnSync('npx', ['astro', 'sync'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  expect(sync.status, sync.stdout + sync.stderr).toBe(0);
  const run = spawnSync('npx', ['tsc', '--noEmit', '-p', '.'], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  expect(run.stdout + run.stderr.replace(/npm warn.*\n/g, '')).toBe('');
  expect(run.status).toBe(0);
});
