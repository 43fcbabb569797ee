/**
 * Builds the site once and serves it once (astro preview) for all browser tests, as a project site
 * under a sub-path (E2E_SITE_URL, default https://example.org/campaign/, served under /campaign/), so
 * that every browser test exercises `base`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startPreview, type Preview } from '../scripts/lib/preview.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The home page on the test server, base included (ends with /). */
    baseURL: string;
    /** The public address the build was made for, base included (canonical URLs, sitemap, feed). */
    buildSite: string;
    distDir: string;
  }
}

let preview: Preview | undefined;

/** The address the e2e build is for: a sub-path, as a GitHub Pages project site has. */
export const E2E_SITE_URL = process.env.E2E_SITE_URL ?? 'https://example.org/campaign/';

/** Whether dist/ was built for E2E_SITE_URL (E2E_SKIP_BUILD reuses only such a build). */
function builtFor(distDir: string, site: string): boolean {
  if (!existsSync(`${distDir}/index.html`)) return false;
  return readFileSync(`${distDir}/index.html`, 'utf8').includes(`<link rel="canonical" href="${site}"`);
}

export async function setup(project: TestProject): Promise<void> {
  const distDir = process.env.E2E_DIST ?? 'dist';
  // E2E_SKIP_BUILD=1 reuses an existing build (handy while writing tests).
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_URL: E2E_SITE_URL };
  if (process.env.E2E_SKIP_BUILD !== '1' || !builtFor(distDir, E2E_SITE_URL)) {
    const started = Date.now();
    const build = spawnSync('npx', ['astro', 'build', '--outDir', distDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
      encoding: 'utf8',
    });
    if (build.status !== 0) {
      throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`);
    }
    console.log(`[e2e] site built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  preview = await startPreview({ outDir: distDir, env });
  project.provide('baseURL', preview.url);
  project.provide('buildSite', E2E_SITE_URL);
  project.provide('distDir', distDir);
}

export async function teardown(): Promise<void> {
  await preview?.stop();
}
