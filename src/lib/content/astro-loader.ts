/**
 * Astro's collections, fed by the content check: each collection publishes exactly the entries the
 * check counted, with the check's own reading of each file (src/lib/content/files.ts). The build's
 * integration (src/integrations/content-check.ts) has already run the check; its result is reused
 * here, so every file is read, parsed and validated once per build (the collections' schemas in
 * src/content.config.ts give the types; the check has applied them).
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { checkContent, formatProblem, type ContentSet } from '../content-check.ts';
import type { ContentKind } from './files.ts';

const CACHE = Symbol.for('youseisho.checked-content');
type Cache = Map<string, ContentSet>;
const cache = (): Cache => ((globalThis as Record<symbol, unknown>)[CACHE] ??= new Map()) as Cache;

/** Remembers a check's result for the collections of the same build. */
export function rememberCheckedContent(root: string, content: ContentSet): void {
  cache().set(resolve(root), content);
}

/** The checked content of the project at `root`: the build's own check when it ran, else a new one. */
export function checkedContent(root: string): ContentSet {
  let content = cache().get(resolve(root));
  if (!content) {
    content = checkContent(root);
    cache().set(resolve(root), content);
  }
  return content;
}

export function contentLoader(kind: ContentKind): Loader {
  return {
    name: `content-${kind}`,
    async load({ config, store, renderMarkdown, generateDigest, logger, watcher }) {
      const root = fileURLToPath(config.root);
      const sync = async (): Promise<void> => {
        const content = checkedContent(root);
        if (content.problems.length > 0) {
          // Only reachable in `astro dev` after an edit: keep what was published, say what to fix.
          logger.error(
            `content/ に ${content.problems.length} 件の問題があります。直すまで前の内容を表示します：\n${content.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
          );
          return;
        }
        store.clear();
        for (const [id, entry] of content[kind]) {
          // The check validated this entry with the collection's own schema (content-check.ts SCHEMAS);
          // its output is stored as is, so zod runs once per file, not again in Astro's parseData.
          const data = entry.data as Record<string, unknown>;
          const digest = generateDigest(JSON.stringify([entry.data, entry.body]));
          if (entry.extension === '.mdx') {
            // Rendered by @astrojs/mdx when a page asks for it; the frontmatter was read here.
            store.set({ id, data, body: entry.body, filePath: entry.file, digest, deferredRender: true });
          } else if (entry.extension === '.md') {
            store.set({ id, data, body: entry.body, filePath: entry.file, digest, rendered: await renderMarkdown(entry.body) });
          } else {
            store.set({ id, data, filePath: entry.file, digest });
          }
        }
      };
      await sync();
      if (!watcher) return;
      const contentDir = join(root, 'content');
      watcher.add(contentDir);
      watcher.on('all', (_event, path) => {
        if (!path.startsWith(contentDir)) return;
        cache().delete(resolve(root));
        void sync();
      });
    },
  };
}
