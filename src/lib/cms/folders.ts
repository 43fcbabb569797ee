/**
 * The letters on disk, for the editor's per-letter demand collections: each letter's demands are one
 * folder (content/letters/<slug>/demands), edited with the extension its files already use.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LetterFolder } from './config.ts';

/** Extensions the content reader accepts for letters and demands (Markdown or MDX). */
const MARKDOWN = ['.md', '.mdx'];

const extensionOf = (name: string): string => /\.[^.]+$/.exec(name)?.[0] ?? '';

function mostUsed(names: readonly string[], fallback: string): string {
  const counts = new Map<string, number>();
  for (const name of names) {
    const ext = extensionOf(name);
    if (MARKDOWN.includes(ext)) counts.set(ext, (counts.get(ext) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? fallback;
}

export function letterFolders(root: string): LetterFolder[] {
  const lettersDir = join(root, 'content', 'letters');
  if (!existsSync(lettersDir)) return [];
  return readdirSync(lettersDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort()
    .flatMap((slug) => {
      const dir = join(lettersDir, slug);
      const letterFile = readdirSync(dir).find((name) => /^letter\.mdx?$/.test(name));
      if (!letterFile) return [];
      const demandsDir = join(dir, 'demands');
      const demandFiles = existsSync(demandsDir) ? readdirSync(demandsDir) : [];
      return [{ slug, letterExtension: extensionOf(letterFile), demandExtension: mostUsed(demandFiles, '.md') }];
    });
}
