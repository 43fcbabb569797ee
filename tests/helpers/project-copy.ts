/** Temporary copies of the project (content and code, node_modules linked) for tests that break things. */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
const COPIED = ['content', 'src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/** Copies the project to a fresh temp dir; pass `contentOnly` when no build will run. */
export function copyProject(options: { contentOnly?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'youseisho-'));
  for (const entry of options.contentOnly ? ['content'] : COPIED) {
    if (existsSync(join(PROJECT_ROOT, entry))) cpSync(join(PROJECT_ROOT, entry), join(dir, entry), { recursive: true });
  }
  if (!options.contentOnly) symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

export function removeProject(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Rewrites one file of a copy; throws if the edit changed nothing, so a stale mutation cannot pass silently. */
export function editFile(dir: string, path: string, edit: (text: string) => string): void {
  const file = join(dir, path);
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`edit of ${path} changed nothing`);
  writeFileSync(file, after);
}

export function readText(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}

export function writeText(dir: string, path: string, text: string): void {
  writeFileSync(join(dir, path), text);
}
