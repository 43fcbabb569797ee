// A deploy build (DEPLOY=1) as a host runs it: a missing public address stops it with the Japanese
// message alone (no stack trace); an editor without repository or sign-in is announced, one Japanese
// line per missing setting, and /admin/ explains what to set instead of loading an editor that cannot
// sign in or save (no Decap bundle; config.yml names no repository). The rest of the site is built as usual.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { copyProject, removeProject } from './helpers/project-copy.ts';
import { EDITOR_SETUP_README } from '../src/lib/cms/config.ts';

const copies: string[] = [];
afterAll(() => copies.forEach(removeProject));

/** The environment of a host's build: none of this machine's or CI's settings leak in. */
function hostEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
  for (const key of ['SITE_URL', 'CMS_REPO', 'GITHUB_REPOSITORY', 'REPOSITORY_URL', 'CMS_AUTH_BASE_URL', 'NETLIFY'])
    if (!(key in extra)) delete env[key];
  // Vitest's workers set Vite's own variables (BASE_URL=/, MODE, DEV…), which would reach the build.
  for (const key of ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];
  return env;
}

const build = (dir: string, env: NodeJS.ProcessEnv) => {
  const run = spawnSync('npx', ['astro', 'build'], { cwd: dir, encoding: 'utf8', env });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
};

test('a deploy build without SITE_URL stops with the Japanese message, naming README「Deploy」, no stack trace', () => {
  const dir = copyProject();
  copies.push(dir);
  const { status, output } = build(dir, hostEnv({ DEPLOY: '1' }));
  expect(status).not.toBe(0);
  expect(output).toContain('SITE_URL が必要です');
  expect(output).toContain('README の「Deploy」');
  expect(output).not.toMatch(/\n\s+at .*:\d+:\d+/);
  expect(output).not.toContain('Stack trace');
}, 120_000);

test('a deploy build whose editor lacks repository and sign-in says so and builds an explanatory /admin/', () => {
  const dir = copyProject();
  copies.push(dir);
  const { status, output } = build(dir, hostEnv({ DEPLOY: '1', SITE_URL: 'https://example.org/campaign/' }));
  expect(status, output).toBe(0);
  // One line per missing setting, each naming the README section.
  for (const setting of ['CMS_REPO', 'CMS_AUTH_BASE_URL']) {
    const line = output.split('\n').find((l) => l.includes('管理画面：') && l.includes(setting));
    expect(line, output).toBeDefined();
    expect(line).toContain(EDITOR_SETUP_README);
  }
  const dist = join(dir, 'dist');
  expect(existsSync(join(dist, 'index.html'))).toBe(true);
  const admin = readFileSync(join(dist, 'admin', 'index.html'), 'utf8');
  expect(admin).toContain('管理画面はまだ使えません');
  expect(admin).toContain('CMS_REPO');
  expect(admin).toContain('CMS_AUTH_BASE_URL');
  expect(admin).toContain('href="/campaign/guide/#publish"');
  expect(admin).not.toContain('<script');
  // config.yml documents the editor's fields, and names no repository rather than a placeholder.
  const config = readFileSync(join(dist, 'admin', 'config.yml'), 'utf8');
  expect(config).toMatch(/^backend:\n  name: github\n/m);
  expect(config).not.toMatch(/^\s+repo:/m);
  expect(existsSync(join(dist, 'admin', 'decap'))).toBe(false);
  expect(readFileSync(join(dist, 'guide', 'index.html'), 'utf8')).toContain('id="publish"');
}, 300_000);
