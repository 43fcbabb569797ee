// A deploy build (DEPLOY=1) as a host runs it, without a public address: it stops with the Japanese
// message alone (no stack trace), naming README「Deploy」. The message comes from astro.config.mjs
// (src/lib/site-address.ts), before anything is built: `astro sync` loads the config exactly as
// `astro build` does and builds nothing, so it proves the same refusal without a build run. A deploy
// build whose editor lacks repository and sign-in is the build of e2e/cms.test.ts after a save (it
// announces each missing setting and builds an explanatory /admin/).
import { spawnSync } from 'node:child_process';
import { afterAll, expect, test } from 'vitest';
import { copyProject, removeProject } from './helpers/project-copy.ts';

const copies: string[] = [];
afterAll(() => copies.forEach(removeProject));

/** The environment of a host's build: none of this machine's or CI's settings leak in. */
function hostEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
  for (const key of [
    'SITE_URL',
    'DEPLOY',
    'NETLIFY',
    'CF_PAGES',
    'VERCEL',
    'CMS_REPO',
    'GITHUB_REPOSITORY',
    'REPOSITORY_URL',
    'CMS_AUTH_BASE_URL',
  ])
    if (!(key in extra)) delete env[key];
  // Vitest's workers set Vite's own variables (BASE_URL=/, MODE, DEV…), which would reach the build.
  for (const key of ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];
  return env;
}

/** Astro loading the project's config as a build does (`astro sync`: types and content, no pages). */
const loadConfig = (dir: string, env: NodeJS.ProcessEnv) => {
  const run = spawnSync('npx', ['astro', 'sync'], { cwd: dir, encoding: 'utf8', env });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
};

test.each([
  { name: 'a deploy build (DEPLOY=1)', env: { DEPLOY: '1' } },
  { name: 'a Netlify build', env: { NETLIFY: 'true' } },
])(
  '$name without SITE_URL stops with the Japanese message, naming README「Deploy」, no stack trace',
  ({ env }) => {
    const dir = copyProject();
    copies.push(dir);
    const { status, output } = loadConfig(dir, hostEnv(env));
    expect(status).not.toBe(0);
    expect(output).toContain('SITE_URL が必要です');
    expect(output).toContain('README の「Deploy」');
    expect(output).not.toMatch(/\n\s+at .*:\d+:\d+/);
    expect(output).not.toContain('Stack trace');
  },
  60_000,
);

test('the same config loads without DEPLOY (the refusal above is the deploy rule, not a broken config)', () => {
  const dir = copyProject();
  copies.push(dir);
  const { status, output } = loadConfig(dir, hostEnv({}));
  expect(status, output).toBe(0);
  expect(output).not.toContain('SITE_URL が必要です');
}, 120_000);
