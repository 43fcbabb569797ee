/** Builds the site once and serves it once (astro preview) for all browser tests. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startPreview, type Preview } from '../scripts/lib/preview.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The home page on the test server, base included (ends with /). */
    baseURL: string;
    distDir: string;
  }
}

let preview: Preview | undefined;

export async function setup(project: TestProject): Promise<void> {
  const distDir = process.env.E2E_DIST ?? 'dist';
  // E2E_SKIP_BUILD=1 reuses an existing build (handy while writing tests).
  if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync(`${distDir}/index.html`)) {
    const started = Date.now();
    const build = spawnSync('npx', ['astro', 'build', '--outDir', distDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    if (build.status !== 0) {
      throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`);
    }
    console.log(`[e2e] site built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  preview = await startPreview({ outDir: distDir });
  project.provide('baseURL', preview.url);
  project.provide('distDir', distDir);
}

export async function teardown(): Promise<void> {
  await preview?.stop();
}
