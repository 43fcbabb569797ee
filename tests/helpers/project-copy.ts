/**
 * Temporary copies of the project (content and code, node_modules linked) for tests that break things.
 * Organizers change content/ at any time, so tests that need particular letters, numbers, dates or
 * statuses work on the frozen fixture (tests/fixtures/frozen/content, the content as researched in
 * 2019); tests of content/ itself state rules that hold for whatever it holds.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');
/** A project root whose content/ is the frozen fixture: for tests that read specifics without editing. */
export const FIXTURE_ROOT = join(PROJECT_ROOT, 'tests', 'fixtures', 'frozen');
const CODE = ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/**
 * Copies the project to a fresh temp dir; pass `contentOnly` when no build will run. The content is
 * the frozen fixture unless `content: 'real'` (then only rules may be asserted about it).
 */
export function copyProject(options: { contentOnly?: boolean; content?: 'fixture' | 'real' } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'youseisho-'));
  const contentRoot = options.content === 'real' ? PROJECT_ROOT : FIXTURE_ROOT;
  cpSync(join(contentRoot, 'content'), join(dir, 'content'), { recursive: true });
  for (const entry of options.contentOnly ? [] : CODE) {
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
