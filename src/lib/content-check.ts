/**
 * Reads every content file from disk and checks it before Astro builds: schema errors, broken YAML and
 * cross-references all come out as `file:line field: message`, so an organizer knows what to fix.
 * The build (src/integrations/content-check.ts), the organizers' command and the tests share it.
 */
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative, basename } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'astro/zod';
import {
  LetterSchema,
  DemandSchema,
  ReferenceSchema,
  TimelineEventSchema,
  type Letter,
  type Demand,
  type Reference,
  type TimelineEvent,
} from './schemas.ts';
import { historyProblems } from './history.ts';
import { todayInJapan } from './dates.ts';
import { demandId, parseDemandId } from './urls.ts';

export interface ContentProblem {
  /** Path relative to the project root. */
  file: string;
  /** Dotted path of the field, e.g. statusHistory[2].date; '' for the whole file. */
  field: string;
  /** 1-based line in the file, where known. */
  line?: number;
  message: string;
}

export interface LoadedFile<T> {
  file: string;
  data: T;
}

export interface ContentSet {
  letters: Map<string, LoadedFile<Letter>>;
  demands: Map<string, LoadedFile<Demand>>;
  references: Map<string, LoadedFile<Reference>>;
  /** Campaign-timeline events (content/timeline/<id>.yaml), keyed by file name. */
  timeline: Map<string, LoadedFile<TimelineEvent>>;
  problems: ContentProblem[];
}

export function formatField(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return problem.field ? `${where}  ${problem.field}: ${problem.message}` : `${where}  ${problem.message}`;
}

interface ParsedYaml {
  data: unknown;
  /** Line of a field path in the file, where it can be found. */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Splits Markdown frontmatter (or takes a whole YAML file) and parses it, keeping line numbers. */
export function parseYamlSource(source: string, kind: 'markdown' | 'yaml', file: string): ParsedYaml | ContentProblem {
  let yamlText = source;
  let lineOffset = 0;
  if (kind === 'markdown') {
    const match = FRONTMATTER.exec(source);
    if (!match)
      return {
        file,
        field: '',
        line: 1,
        message: 'missing frontmatter: the file must start with a line "---", the fields, and another "---"',
      };
    yamlText = match[1]!;
    lineOffset = 1;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
    return { file, field: '', line: line + lineOffset, message: `broken YAML: ${error.message.split('\n')[0]}` };
  }
  return {
    data: doc.toJS(),
    lineOf(path) {
      for (let depth = path.length; depth > 0; depth--) {
        const node = doc.getIn(path.slice(0, depth) as unknown[], true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line + lineOffset;
      }
      return undefined;
    },
  };
}

function validate<S extends z.ZodType>(
  schema: S,
  parsed: ParsedYaml,
  file: string,
  problems: ContentProblem[],
): z.output<S> | null {
  const result = schema.safeParse(parsed.data ?? {});
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    let path = issue.path;
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      // Point at the unknown key itself, not its parent.
      for (const key of issue.keys) {
        problems.push({
          file,
          field: formatField([...path, key]),
          line: parsed.lineOf([...path, key]),
          message: 'unknown field (check its spelling, or remove it)',
        });
      }
      continue;
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) message = 'required field is missing';
    if (issue.code === 'invalid_value' && 'values' in issue) {
      message = `${JSON.stringify(valueAt(parsed.data, path))} is not one of: ${(issue.values as unknown[]).join(', ')}`;
    }
    problems.push({ file, field: formatField(path), line: parsed.lineOf(path), message });
  }
  return null;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of path)
    value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function listFiles(dir: string, predicate: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(predicate)
    .sort()
    .map((name) => join(dir, name));
}

function load<S extends z.ZodType>(
  root: string,
  path: string,
  kind: 'markdown' | 'yaml',
  schema: S,
  problems: ContentProblem[],
): z.output<S> | null {
  const file = relative(root, path);
  const parsed = parseYamlSource(readFileSync(path, 'utf8'), kind, file);
  if ('message' in parsed) {
    problems.push(parsed);
    return null;
  }
  return validate(schema, parsed, file, problems);
}

/** Loads and checks everything under `<root>/content`. `today` is the build date (YYYY-MM-DD, Japan). */
export function checkContent(root: string, today: string = todayInJapan()): ContentSet {
  const problems: ContentProblem[] = [];
  const letters = new Map<string, LoadedFile<Letter>>();
  const demands = new Map<string, LoadedFile<Demand>>();
  const references = new Map<string, LoadedFile<Reference>>();
  const lettersDir = join(root, 'content', 'letters');

  for (const path of listFiles(join(root, 'content', 'references'), (n) => /\.ya?ml$/.test(n))) {
    const data = load(root, path, 'yaml', ReferenceSchema, problems);
    if (data) references.set(basename(path).replace(/\.ya?ml$/, ''), { file: relative(root, path), data });
  }

  // Letters present on disk, valid or not: a broken letter is reported once, not again by each demand.
  const letterSlugs = new Set<string>();
  const demandIdsOnDisk = new Set<string>();
  for (const letterDir of listFiles(lettersDir, (n) => statSync(join(lettersDir, n)).isDirectory())) {
    const slug = basename(letterDir);
    const letterPath = join(letterDir, 'letter.md');
    if (!existsSync(letterPath)) {
      problems.push({ file: relative(root, letterDir), field: '', message: 'a letter folder needs a letter.md' });
    } else {
      letterSlugs.add(slug);
      if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
        problems.push({
          file: relative(root, letterDir),
          field: '',
          message: 'folder name must be a kebab-case slug such as 2019-07-23-soumu',
        });
      }
      const data = load(root, letterPath, 'markdown', LetterSchema, problems);
      if (data) letters.set(slug, { file: relative(root, letterPath), data });
    }
    for (const demandPath of listFiles(join(letterDir, 'demands'), (n) => n.endsWith('.md'))) {
      demandIdsOnDisk.add(`${slug}/${basename(demandPath, '.md')}`);
      const data = load(root, demandPath, 'markdown', DemandSchema, problems);
      if (!data) continue;
      const file = relative(root, demandPath);
      if (data.letter !== slug) {
        problems.push({
          file,
          field: 'letter',
          message: `says "${data.letter}" but the file is in the folder of letter "${slug}"`,
        });
      }
      const expectedName = `${data.number}.md`;
      if (basename(demandPath) !== expectedName) {
        problems.push({
          file,
          field: 'number',
          message: `is ${data.number}, so the file must be named ${expectedName}`,
        });
      }
      const id = demandId(data.letter, data.number);
      const twin = demands.get(id);
      if (twin) {
        problems.push({
          file,
          field: 'number',
          message: `${data.number} is used twice in letter ${data.letter} (also in ${twin.file})`,
        });
        continue;
      }
      for (const problem of historyProblems(data.statusHistory, today)) {
        problems.push({ file, field: `statusHistory[${problem.index}].${problem.field}`, message: problem.message });
      }
      demands.set(id, { file, data });
    }
  }

  for (const [id, { file, data }] of demands) {
    if (!letterSlugs.has(data.letter) && !problems.some((p) => p.file === file && p.field === 'letter')) {
      problems.push({
        file,
        field: 'letter',
        message: `no letter "${data.letter}" exists (letters: ${[...letterSlugs].join(', ') || 'none'})`,
      });
    }
    data.legalBasis.forEach((basis, index) => {
      const reference = references.get(basis.reference);
      if (!reference) {
        problems.push({
          file,
          field: `legalBasis[${index}].reference`,
          message: `no reference "${basis.reference}" exists`,
        });
      } else if (
        !reference.data.chapters.some((chapter) => chapter.articles.some((article) => article.number === basis.article))
      ) {
        problems.push({
          file,
          field: `legalBasis[${index}].article`,
          message: `第${basis.article}条 does not exist in ${basis.reference}`,
        });
      }
    });
    data.related.forEach((related, index) => {
      if (related.demand === id) {
        problems.push({ file, field: `related[${index}].demand`, message: 'a demand cannot be related to itself' });
      } else if (!demands.has(related.demand) && !demandIdsOnDisk.has(related.demand)) {
        const parsed = parseDemandId(related.demand);
        problems.push({
          file,
          field: `related[${index}].demand`,
          message: `no demand "${related.demand}" exists${parsed && !letterSlugs.has(parsed.letter) ? ` (no letter "${parsed.letter}")` : ''}`,
        });
      }
    });
  }

  for (const [id, { data, file }] of references) {
    const seen = new Set<number>();
    data.chapters.forEach((chapter, c) =>
      chapter.articles.forEach((article, a) => {
        if (seen.has(article.number))
          problems.push({
            file,
            field: `chapters[${c}].articles[${a}].number`,
            message: `第${article.number}条 appears twice in ${id}`,
          });
        seen.add(article.number);
      }),
    );
  }

  for (const [slug, { file }] of letters) {
    if (![...demands.values()].some((d) => d.data.letter === slug)) {
      problems.push({ file, field: '', message: `letter has no demands: add content/letters/${slug}/demands/1.md` });
    }
  }

  const timeline = checkTimeline(root, letterSlugs, today, problems);

  return { letters, demands, references, timeline, problems };
}

/** Campaign-timeline events: schema, no date after `today`, and every letter they name exists. */
function checkTimeline(
  root: string,
  letterSlugs: ReadonlySet<string>,
  today: string,
  problems: ContentProblem[],
): Map<string, LoadedFile<TimelineEvent>> {
  const timeline = new Map<string, LoadedFile<TimelineEvent>>();
  for (const path of listFiles(join(root, 'content', 'timeline'), (n) => /\.ya?ml$/.test(n))) {
    const file = relative(root, path);
    const id = basename(path).replace(/\.ya?ml$/, '');
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
      problems.push({
        file,
        field: '',
        message: 'file name must be a kebab-case slug such as 2019-06-28-soumu-notice.yaml',
      });
    }
    const data = load(root, path, 'yaml', TimelineEventSchema, problems);
    if (!data) continue;
    if (data.date > today) {
      problems.push({
        file,
        field: 'date',
        message: `${data.date} is after today (${today}): record events once they have happened`,
      });
    }
    const unknownLetter = (slug: string) =>
      `no letter "${slug}" exists (letters: ${[...letterSlugs].join(', ') || 'none'})`;
    data.letters.forEach((slug, index) => {
      if (!letterSlugs.has(slug)) problems.push({ file, field: `letters[${index}]`, message: unknownLetter(slug) });
    });
    data.sources.forEach((source, index) => {
      if (source.letter && !letterSlugs.has(source.letter))
        problems.push({ file, field: `sources[${index}].letter`, message: unknownLetter(source.letter) });
    });
    timeline.set(id, { file, data });
  }
  return timeline;
}
