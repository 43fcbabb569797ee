/**
 * The search index (src/lib/search/build.ts) as static files under /search-index/.
 *
 * `astro build`: the index is built in a worker thread started in `astro:config:setup` (after the
 * content check, which runs first), in parallel with the content sync, the bundling and the page
 * rendering; its files are written in `astro:build:done`. At 1,000 letters this saves the
 * index's ~10 s of lunr indexing and ~15 s of rendering some 14,000–18,000 files as endpoint pages.
 * `astro dev`: the files are served by a middleware from an index rebuilt after any content change.
 * Files other than manifest.json sit in a folder named by their content hash (build.ts): hosts may
 * cache them for good; only manifest.json changes from one build to the next.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readContentUnits } from '../lib/search/content-units.ts';
import { buildSearchIndex } from '../lib/search/build.ts';

const SEARCH_INDEX_DIR = 'search-index';

type IndexFiles = Map<string, Uint8Array>;

function buildInWorker(root: string): Promise<IndexFiles> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(root, 'src', 'integrations', 'search-index-worker.ts'), { workerData: { root } });
    worker.once('message', (message: { files: [string, Uint8Array][] }) => resolve(new Map(message.files)));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`search index worker exited with code ${code}`));
    });
  });
}

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  bin: 'application/octet-stream',
};

export default function searchIndex(): AstroIntegration {
  let root = '';
  let pending: Promise<IndexFiles> | undefined;
  return {
    name: 'search-index',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        root = fileURLToPath(config.root);
        if (command !== 'build') return;
        pending = buildInWorker(root);
        // Reported in astro:build:done; this keeps a failure from being an unhandled rejection meanwhile.
        pending.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        let files: IndexFiles;
        try {
          files = await (pending ?? buildInWorker(root));
        } catch (error) {
          throw new Error(
            `The search index could not be built: ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
        }
        const outDir = join(fileURLToPath(dir), SEARCH_INDEX_DIR);
        mkdirSync(outDir, { recursive: true });
        for (const [file, bytes] of files) {
          mkdirSync(dirname(join(outDir, file)), { recursive: true });
          writeFileSync(join(outDir, file), bytes);
        }
        logger.info(
          `${files.size} files written to /${SEARCH_INDEX_DIR}/ (waited ${Math.round(performance.now() - started)} ms for the index)`,
        );
      },
      'astro:server:setup': ({ server }) => {
        let files: IndexFiles | undefined;
        const contentDir = join(root, 'content');
        server.watcher.on('all', (_event, path) => {
          if (path.startsWith(contentDir)) files = undefined;
        });
        server.middlewares.use(`/${SEARCH_INDEX_DIR}/`, (request, response, next) => {
          const file = decodeURIComponent((request.url ?? '').replace(/^\//, '').split('?')[0] ?? '');
          if (!file) return next();
          files ??= buildSearchIndex(readContentUnits(root)).files;
          const bytes = files.get(file);
          if (!bytes) return next();
          response.setHeader('Content-Type', CONTENT_TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream');
          response.end(bytes);
        });
      },
    },
  };
}
