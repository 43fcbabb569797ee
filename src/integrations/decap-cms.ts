/**
 * Serves Decap CMS's prebuilt browser bundle (node_modules/decap-cms-app/dist, installed from npm) at
 * /admin/decap/: copied into the build, and served from node_modules by `astro dev`. Only /admin/
 * loads it; no public page does. Source maps are left out (26 MB that no organizer needs).
 * A deploy build whose editor is not set up (src/lib/cms/setup.ts) prints what is missing, one Japanese
 * line per setting, and gets no bundle: its /admin/ page says what to set.
 */
import type { AstroIntegration } from 'astro';
import { createRequire } from 'node:module';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { editorSetup } from '../lib/cms/setup.ts';

/** Where the bundle is served, under the site's base. */
export const DECAP_DIR = 'admin/decap';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

function decapDistDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('decap-cms-app/dist/decap-cms-app.js'));
}

/** The files of the bundle that the browser may load (no source maps). */
function decapFiles(dir = decapDistDir()): string[] {
  return readdirSync(dir).filter((name) => Object.hasOwn(TYPES, extname(name)));
}

export default function decapCms(): AstroIntegration {
  let base = '/';
  return {
    name: 'decap-cms',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        const dir = decapDistDir();
        const prefix = `${base}${DECAP_DIR}/`;
        server.middlewares.use((req, res, next) => {
          const path = req.url?.split('?')[0] ?? '';
          if (!path.startsWith(prefix)) return next();
          const name = path.slice(prefix.length);
          const file = join(dir, name);
          if (name.includes('/') || !Object.hasOwn(TYPES, extname(name)) || !existsSync(file)) return next();
          res.setHeader('Content-Type', TYPES[extname(name)]!);
          res.end(readFileSync(file));
        });
      },
      'astro:build:start': ({ logger }) => {
        for (const line of editorSetup().problems) logger.warn(line);
      },
      'astro:build:done': ({ dir }) => {
        if (!editorSetup().ready) return;
        const from = decapDistDir();
        const to = join(fileURLToPath(dir), DECAP_DIR);
        mkdirSync(to, { recursive: true });
        for (const name of decapFiles(from)) copyFileSync(join(from, name), join(to, name));
      },
    },
  };
}
