/**
 * The extensions the letter and demand files on disk use, for the editor's collections: one demands
 * collection per extension in use (content/letters/<slug>/demands/<n>.md or .mdx), whatever the number
 * of letters, so config.yml does not grow with them.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DemandFiles } from './config.ts';

/** Extensions the content reader accepts for letters and demands (Markdown or MDX). */
const MARKDOWN = ['.md', '.mdx'];

const extensionOf = (name: string): string => /\.[^.]+$/.exec(name)?.[0] ?? '';

/** The extensions of `names` that are Markdown or MDX, most used first (ties: .md first). */
function byUse(names: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const name of names) {
    const ext = extensionOf(name);
    if (MARKDOWN.includes(ext)) counts.set(ext, (counts.get(ext) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([ext]) => ext);
}

export function demandFiles(root: string): DemandFiles {
  const lettersDir = join(root, 'content', 'letters');
  const letterNames: string[] = [];
  const demandNames: string[] = [];
  if (existsSync(lettersDir)) {
    for (const entry of readdirSync(lettersDir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const dir = join(lettersDir, entry.name);
      letterNames.push(...readdirSync(dir).filter((name) => /^letter\.mdx?$/.test(name)));
      const demandsDir = join(dir, 'demands');
      if (existsSync(demandsDir)) demandNames.push(...readdirSync(demandsDir));
    }
  }
  return { letterExtensions: byUse(letterNames), demandExtensions: byUse(demandNames) };
}
