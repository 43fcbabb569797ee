// Serves the built site (dist/) on http://localhost:PORT with the same URLs a static host gives.
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.gz': 'application/gzip',
};

/** Resolves a URL path to a file in `root`, or null. Directories serve their index.html. */
export function resolveFile(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  const target = normalize(join(root, path));
  if (!target.startsWith(root)) return null;
  if (existsSync(target) && statSync(target).isFile()) return target;
  const index = join(target, 'index.html');
  if (existsSync(index)) return index;
  return null;
}

export function startServer(dir: string, port: number, host = '127.0.0.1'): Promise<Server> {
  const root = resolve(dir);
  const server = createServer((request, response) => {
    const urlPath = request.url ?? '/';
    const file = resolveFile(root, urlPath);
    // /letters → /letters/ as static hosts do, so relative links behave the same.
    if (file && file.endsWith('index.html') && !urlPath.split('?')[0]!.endsWith('/') && !urlPath.endsWith('.html')) {
      response.writeHead(301, {
        Location: `${urlPath.split('?')[0]}/${urlPath.includes('?') ? urlPath.slice(urlPath.indexOf('?')) : ''}`,
      });
      response.end();
      return;
    }
    const found = file ?? join(root, '404.html');
    const status = file ? 200 : 404;
    if (!existsSync(found)) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Not found');
      return;
    }
    response.writeHead(status, {
      'Content-Type': TYPES[extname(found)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(found).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 4321);
  const dir = process.argv[2] ?? 'dist';
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(`No built site in ${dir}/: run "npm run build" first (or "npm start", which builds and serves).`);
    process.exit(1);
  }
  await startServer(dir, port, process.env.HOST ?? '127.0.0.1');
  console.log(`Serving ${dir}/ at http://localhost:${port}/  (Ctrl+C to stop)`);
}
