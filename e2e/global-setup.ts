/** Builds the site once and serves dist/ once for all browser tests. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
import { startServer } from '../scripts/serve.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    distDir: string;
  }
}

let server: Server | undefined;

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
  server = await startServer(distDir, 0);
  const { port } = server.address() as AddressInfo;
  project.provide('baseURL', `http://127.0.0.1:${port}`);
  project.provide('distDir', distDir);
}

export async function teardown(): Promise<void> {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
}
