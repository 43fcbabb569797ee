/**
 * Reads the content files directly, outside Astro's content layer: for the site's search index
 * (src/integrations/search-index.ts builds it in a worker thread while Astro renders the pages), the
 * bench and the tests. The content check has validated every file by then; the schemas are the ones
 * the collections use.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { LetterSchema, DemandSchema, ReferenceSchema } from '../schemas.ts';
import { buildSearchUnits, type LetterInput, type DemandInput, type ReferenceInput, type SearchUnit } from './units.ts';

function frontmatter(source: string): { data: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) return { data: {}, body: source };
  return { data: parseYaml(match[1]!), body: match[2]! };
}

export interface ContentData {
  letters: LetterInput[];
  demands: DemandInput[];
  references: ReferenceInput[];
}

export function readContent(root: string): ContentData {
  const lettersDir = join(root, 'content', 'letters');
  const letters: LetterInput[] = [];
  const demands: DemandInput[] = [];
  for (const slug of existsSync(lettersDir) ? readdirSync(lettersDir).sort() : []) {
    const letterFile = join(lettersDir, slug, 'letter.md');
    if (!existsSync(letterFile)) continue;
    const { data, body } = frontmatter(readFileSync(letterFile, 'utf8'));
    letters.push({ slug, body, data: LetterSchema.parse(data) });
    const demandsDir = join(lettersDir, slug, 'demands');
    for (const file of existsSync(demandsDir) ? readdirSync(demandsDir).filter((f) => f.endsWith('.md')) : []) {
      demands.push(DemandSchema.parse(frontmatter(readFileSync(join(demandsDir, file), 'utf8')).data) as DemandInput);
    }
  }
  const referencesDir = join(root, 'content', 'references');
  const references: ReferenceInput[] = [];
  for (const file of existsSync(referencesDir)
    ? readdirSync(referencesDir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
    : []) {
    references.push({
      id: file.replace(/\.yaml$/, ''),
      data: ReferenceSchema.parse(parseYaml(readFileSync(join(referencesDir, file), 'utf8'))),
    });
  }
  return { letters, demands, references };
}

export function readContentUnits(root: string): SearchUnit[] {
  const { letters, demands, references } = readContent(root);
  return buildSearchUnits(letters, demands, references);
}
