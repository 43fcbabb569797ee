/**
 * Serves a built site with Astro's own preview server, through its programmatic API (`preview()` from
 * 'astro': the build's `base`, its 404 page and its trailing-slash rule, as `astro preview` serves them),
 * for the e2e harness and the benchmarks. `npm start` runs `astro preview` directly.
 */
import { createServer, type AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { preview } from 'astro';
import { resolveSiteAddress } from '../../src/lib/site-address.ts';

export interface Preview {
  /** The site's home page on the preview server, base included, e.g. http://127.0.0.1:40123/campaign/. */
  url: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  stop(): Promise<void>;
}

interface PreviewOptions {
  /** The built site (astro's --outDir); default dist/. */
  outDir?: string;
  /** Default: a free port. */
  port?: number;
  /** The project root; default the current directory. */
  cwd?: string;
  /** Its SITE_URL gives the base the site is served under (as at build time). */
  env?: NodeJS.ProcessEnv;
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

/** Starts Astro's preview server on 127.0.0.1 (port 0: one the system picks). */
export async function startPreview(options: PreviewOptions = {}): Promise<Preview> {
  const { site, base } = resolveSiteAddress({ ...process.env, ...options.env }, { lenient: true });
  const root = resolve(options.cwd ?? process.cwd());
  const server = await preview({
    root,
    outDir: resolve(root, options.outDir ?? 'dist'),
    site,
    base,
    server: { host: '127.0.0.1', port: options.port ?? 0 },
    logLevel: 'warn',
  });
  // With port 0 Astro reports the port it was given.
  const { port } = server;
  const origin = `http://127.0.0.1:${port}`;
  return { url: `${origin}${base}`, origin, port, stop: () => server.stop() };
}
