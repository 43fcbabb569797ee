/**
 * Builds the fixture site once and serves it once for all browser tests. The site is built from
 * tests/fixtures/frozen/content (never content/, which organizers change every week) plus one file of
 * every kind the build accepts (tests/helpers/accepted-kinds.ts): a copy of the project with that
 * content, built as a project site under a sub-path (E2E_SITE_URL, default https://example.org/campaign/)
 * so that every browser test exercises `base`. This is the one full build of the browser tests (the
 * base-path and content-kind checks read it too; e2e/cms.test.ts serves a copy of it with `npm run edit`
 * instead of building). It is a local build, as `npm run edit` makes: its /admin/ is the editor.
 * Build runs started by `npm test`: this one, the refused build of tests/build-errors.test.ts, and the
 * deploy build in e2e/cms.test.ts after an entry is saved (issue 28: at most three).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startPreview, type Preview } from '../scripts/lib/preview.ts';
import { copyProject, removeProject } from '../tests/helpers/project-copy.ts';
import { ACCEPTED } from '../tests/helpers/accepted-kinds.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The home page on the test server, base included (ends with /). */
    baseURL: string;
    /** The public address the build was made for, base included (canonical URLs, sitemap, feed). */
    buildSite: string;
    distDir: string;
    /** The project root whose content/ the site was built from (the frozen fixture and one file of each kind). */
    contentRoot: string;
  }
}

let preview: Preview | undefined;
let copy: string | undefined;

/** The address the e2e build is for: a sub-path, as a GitHub Pages project site has. */
export const E2E_SITE_URL = process.env.E2E_SITE_URL ?? 'https://example.org/campaign/';

/** Where the fixture site is built: apart from dist/, which `npm run build` fills from content/. */
export const E2E_DIST = resolve(process.env.E2E_DIST ?? '.tmp/e2e-dist');

/** Whether the folder holds a build for E2E_SITE_URL (E2E_SKIP_BUILD reuses only such a build). */
function builtFor(distDir: string, site: string): boolean {
  if (!existsSync(`${distDir}/index.html`)) return false;
  return readFileSync(`${distDir}/index.html`, 'utf8').includes(`<link rel="canonical" href="${site}"`);
}

export async function setup(project: TestProject): Promise<void> {
  const distDir = E2E_DIST;
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_URL: E2E_SITE_URL };
  // A production build, as an organizer's: Vitest's NODE_ENV=test would bundle React's development build
  // beside Decap's production React DOM in the editor that e2e/cms.test.ts serves.
  delete env['NODE_ENV'];
  copy = copyProject();
  for (const kind of ACCEPTED) kind.add(copy);
  // E2E_SKIP_BUILD=1 reuses an existing build (handy while writing tests).
  if (process.env.E2E_SKIP_BUILD !== '1' || !builtFor(distDir, E2E_SITE_URL)) {
    const started = Date.now();
    const build = spawnSync('npx', ['astro', 'build', '--outDir', distDir], {
      cwd: copy,
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`);
    console.log(`[e2e] fixture site built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  preview = await startPreview({ outDir: distDir, env });
  project.provide('baseURL', preview.url);
  project.provide('buildSite', E2E_SITE_URL);
  project.provide('distDir', distDir);
  project.provide('contentRoot', copy);
}

export async function teardown(): Promise<void> {
  await preview?.stop();
  if (copy) removeProject(copy);
}
