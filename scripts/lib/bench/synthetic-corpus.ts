/**
 * A synthetic corpus for build benchmarks: a temporary copy of the project whose content/letters
 * holds the real letters plus generated ones, up to a total count. Generated letters are copies of
 * the real ones (same text, demands, histories, legal bases), re-dated and re-slugged, with their
 * cross-references re-pointed inside each generated pair, so that every page kind has realistic
 * size and the content check passes. The real content/ is never written.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hasExtension } from '../../../src/lib/content-format.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..', '..');
const COPIED = ['content', 'src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/** A fresh copy of the project (node_modules linked) in a temp dir. */
export function copyProjectForBench(prefix = 'youseisho-bench-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of COPIED) {
    if (existsSync(join(PROJECT_ROOT, entry))) cpSync(join(PROJECT_ROOT, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

export function removeBenchCopy(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

interface TemplateLetter {
  slug: string;
  letter: string;
  demands: { file: string; text: string }[];
}

function readTemplates(projectDir: string): TemplateLetter[] {
  const lettersDir = join(projectDir, 'content', 'letters');
  return readdirSync(lettersDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((slug) => ({
      slug,
      letter: readFileSync(join(lettersDir, slug, 'letter.md'), 'utf8'),
      demands: readdirSync(join(lettersDir, slug, 'demands'))
        .filter((file) => hasExtension(file, 'markdown'))
        .map((file) => ({ file, text: readFileSync(join(lettersDir, slug, 'demands', file), 'utf8') })),
    }));
}

interface CorpusSummary {
  letters: number;
  generatedLetters: number;
  demands: number;
}

/**
 * Adds generated letters to `projectDir`'s content until it has `totalLetters` letters. Generated
 * letters come in groups, one copy of each real letter per group, so that their `related` links
 * (which point between real letters) can be re-pointed to the copy in the same group.
 */
export function writeSyntheticCorpus(projectDir: string, totalLetters: number): CorpusSummary {
  const templates = readTemplates(projectDir);
  if (templates.length === 0) throw new Error('no letters to copy');
  const lettersDir = join(projectDir, 'content', 'letters');
  const toGenerate = Math.max(0, totalLetters - templates.length);
  let demands = templates.reduce((n, t) => n + t.demands.length, 0);
  const slugOf = (group: number, template: TemplateLetter) => {
    // Dates spread over 1–18 July 2019: on or before the first history entry of the real demands
    // (2019-07-18), since a letter cannot be submitted before it is dated (the content check).
    const day = String(1 + (group % 18)).padStart(2, '0');
    return `2019-07-${day}-synthetic-${String(group).padStart(4, '0')}-${template.slug.replace(/^\d{4}-\d{2}-\d{2}-/, '')}`;
  };
  for (let n = 0; n < toGenerate; n++) {
    const group = Math.floor(n / templates.length);
    const template = templates[n % templates.length]!;
    const slug = slugOf(group, template);
    const date = slug.slice(0, 10);
    mkdirSync(join(lettersDir, slug, 'demands'), { recursive: true });
    const letter = template.letter
      .replace(/^title: (.*)$/m, (_m, title: string) => `title: ${title.replace(/^"|"$/g, '')}（試験用 ${group + 1}）`)
      .replace(/^date: .*$/m, `date: "${date}"`);
    writeFileSync(join(lettersDir, slug, 'letter.md'), letter);
    for (const demand of template.demands) {
      let text = demand.text.replace(/^letter: .*$/m, `letter: ${slug}`);
      // Re-point related demands to the copy of their letter in this group.
      for (const other of templates) {
        text = text.replaceAll(`demand: ${other.slug}/`, `demand: ${slugOf(group, other)}/`);
      }
      writeFileSync(join(lettersDir, slug, 'demands', demand.file), text);
      demands++;
    }
  }
  // A group cut short by the total would leave related links dangling: drop them there.
  const lastGroup = Math.floor((toGenerate - 1) / templates.length);
  if (toGenerate % templates.length !== 0) {
    for (let n = lastGroup * templates.length; n < toGenerate; n++) {
      const slug = slugOf(lastGroup, templates[n % templates.length]!);
      for (const file of readdirSync(join(lettersDir, slug, 'demands'))) {
        const path = join(lettersDir, slug, 'demands', file);
        writeFileSync(path, readFileSync(path, 'utf8').replace(/^related:\n(?:  .*\n)+/m, 'related: []\n'));
      }
    }
  }
  return { letters: templates.length + toGenerate, generatedLetters: toGenerate, demands };
}
