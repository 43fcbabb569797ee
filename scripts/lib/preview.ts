/**
 * Serves a built site with Astro's own `astro preview` (with the build's `base`, its 404 page and its
 * trailing-slash rule), for the e2e harness and the benchmarks. `npm start` runs `astro preview` directly.
 *
 * The server runs in its own process group (npx, then astro), so stop() ends both.
 */
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { resolveSiteAddress } from '../../src/lib/site-address.ts';

export interface Preview {
  /** The site's home page on the preview server, base included, e.g. http://127.0.0.1:40123/campaign/. */
  url: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  stop(): Promise<void>;
}

export interface PreviewOptions {
  /** The built site (astro's --outDir); default dist/. */
  outDir?: string;
  /** Default: a free port. */
  port?: number;
  /** The project root; default the current directory. */
  cwd?: string;
  /** Environment of the server: its SITE_URL gives the base it serves under (as at build time). */
  env?: NodeJS.ProcessEnv;
  /** How long to wait for the server to answer; default 60 s. */
  timeoutMs?: number;
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolvePort(port));
    });
  });
}

const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

/** Starts `astro preview` on 127.0.0.1 and resolves once it serves the home page (with base). */
export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const env = { ...process.env, ...options.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const { base } = resolveSiteAddress(env, { lenient: true });
  const requested = options.port ?? (await freePort());
  const args = ['astro', 'preview', '--host', '127.0.0.1', '--port', String(requested)];
  if (options.outDir) args.push('--outDir', options.outDir);
  const child = spawn('npx', args, {
    cwd: options.cwd ?? process.cwd(),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let exited: number | null | undefined;
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<void>((done) =>
    child.once('exit', (code) => {
      exited = code;
      done();
    }),
  );

  const stop = async (): Promise<void> => {
    if (exited !== undefined) return;
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await Promise.race([exit, new Promise((done) => setTimeout(done, 5000))]);
  };

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`astro preview stopped (exit code ${exited}):\n${output}`);
    // Vite moves to the next port when the requested one was taken meanwhile: read the one it reports.
    const reported = /https?:\/\/(?:127\.0\.0\.1|localhost):(\d+)/.exec(stripAnsi(output));
    if (reported) {
      const port = Number(reported[1]);
      const origin = `http://127.0.0.1:${port}`;
      const url = `${origin}${base}`;
      try {
        const response = await fetch(url);
        await response.arrayBuffer();
        if (response.ok) return { url, origin, port, stop };
      } catch {
        // not listening yet
      }
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  await stop();
  throw new Error(`astro preview did not answer at ${base} within ${options.timeoutMs ?? 60_000} ms:\n${output}`);
}
