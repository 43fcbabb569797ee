/**
 * Checks every content file before Astro builds: the files the loader (src/lib/content/files.ts)
 * lists and reads, the schemas, and the rules across files. Every problem comes out as
 * `file:line field: message` in Japanese, so an organizer knows what to fix. The build
 * (src/integrations/content-check.ts), `npm run check:content`, the organizers' command and the tests
 * share it, and Astro's collections read the very same files (src/lib/content/astro-loader.ts).
 */
import type { z } from 'astro/zod';
import {
  LetterSchema,
  DemandSchema,
  ReferenceSchema,
  TimelineEventSchema,
  SiteSchema,
  SLUG_EXAMPLE,
  type Letter,
  type Demand,
  type Reference,
  type TimelineEvent,
  type Site,
} from './schemas.ts';
import { historyProblems } from './history.ts';
import { todayInJapan } from './dates.ts';
import { demandId, parseDemandId } from './urls.ts';
import { readContentFiles, type ContentKind, type ContentProblem, type ReadFile } from './content/files.ts';

export type { ContentProblem } from './content/files.ts';

export interface LoadedFile<T> {
  /** Path relative to the project root. */
  file: string;
  /** `.md`, `.mdx`, `.yaml` or `.yml`. */
  extension: string;
  data: T;
  /** Markdown body ('' for YAML files). */
  body: string;
}

export interface ContentSet {
  letters: Map<string, LoadedFile<Letter>>;
  demands: Map<string, LoadedFile<Demand>>;
  references: Map<string, LoadedFile<Reference>>;
  /** Campaign-timeline events (content/timeline/<id>.yaml|yml), keyed by file name. */
  timeline: Map<string, LoadedFile<TimelineEvent>>;
  /** The site's own texts (content/site.yaml), under the id `site`. */
  site: Map<string, LoadedFile<Site>>;
  problems: ContentProblem[];
}

export const SCHEMAS = {
  letters: LetterSchema,
  demands: DemandSchema,
  references: ReferenceSchema,
  timeline: TimelineEventSchema,
  site: SiteSchema,
} as const satisfies Record<ContentKind, z.ZodType>;

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

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of path)
    value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** Validates one read file with its collection's schema; problems carry file, line and field. */
export function validateFile<S extends z.ZodType>(
  schema: S,
  read: ReadFile,
  problems: ContentProblem[],
): z.output<S> | null {
  const result = schema.safeParse(read.data ?? {});
  if (result.success) return result.data;
  const file = read.file;
  for (const issue of result.error.issues) {
    const path = issue.path;
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      // Point at the unknown key itself, not its parent.
      for (const key of issue.keys) {
        problems.push({
          file,
          field: formatField([...path, key]),
          line: read.lineOf([...path, key]),
          message: 'この項目はありません。綴りを確かめるか、消してください',
        });
      }
      continue;
    }
    if (issue.code === 'invalid_type' && valueAt(read.data, path) === undefined)
      message = '必ず書く項目です。書き足してください';
    if (issue.code === 'invalid_value' && 'values' in issue) {
      message = `${JSON.stringify(valueAt(read.data, path))} は使えません。使える値：${(issue.values as unknown[]).join(', ')}`;
    }
    problems.push({ file, field: formatField(path), line: read.lineOf(path), message });
  }
  return null;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Loads and checks everything under `<root>/content`. `today` is the build date (YYYY-MM-DD, Japan).
 * `overlay` (absolute path → text) checks content as it would be with those files' new texts, written
 * nowhere: the organizers' command checks its edit this way before writing it.
 */
export function checkContent(
  root: string,
  today: string = todayInJapan(),
  overlay?: ReadonlyMap<string, string>,
): ContentSet {
  const { files, listed, problems } = readContentFiles(root, overlay);
  const letters = new Map<string, LoadedFile<Letter>>();
  const demands = new Map<string, LoadedFile<Demand>>();
  const references = new Map<string, LoadedFile<Reference>>();
  const timeline = new Map<string, LoadedFile<TimelineEvent>>();
  const site = new Map<string, LoadedFile<Site>>();
  const lineOf = new Map<string, ReadFile['lineOf']>(files.map((f) => [f.file, f.lineOf]));
  const at = (file: string, field: string, message: string, path: PropertyKey[] = []): ContentProblem => ({
    file,
    field,
    line: lineOf.get(file)?.(path),
    message,
  });

  // Letters present on disk, valid or not: a broken letter is reported once, not again by each demand.
  const letterSlugs = new Set(listed.filter((f) => f.kind === 'letters').map((f) => f.id));
  const demandIdsOnDisk = new Set(listed.filter((f) => f.kind === 'demands').map((f) => f.id));
  const letterList = () => [...letterSlugs].join(', ') || 'なし';

  for (const read of files) {
    const { file, extension, body } = read;
    if (read.kind === 'letters') {
      if (!SLUG.test(read.id))
        problems.push({
          file,
          field: '',
          message: `フォルダ名 "${read.id}" は、半角の小文字・数字と「-」だけにしてください（例：${SLUG_EXAMPLE}）`,
        });
      const data = validateFile(LetterSchema, read, problems);
      if (data) letters.set(read.id, { file, extension, data, body });
    } else if (read.kind === 'site') {
      const data = validateFile(SiteSchema, read, problems);
      if (data) site.set(read.id, { file, extension, data, body });
    } else if (read.kind === 'references') {
      const data = validateFile(ReferenceSchema, read, problems);
      if (data) references.set(read.id, { file, extension, data, body });
    } else if (read.kind === 'timeline') {
      if (!SLUG.test(read.id))
        problems.push({
          file,
          field: '',
          message: 'ファイル名は半角の小文字・数字と「-」だけにしてください（例：2019-06-28-soumu-notice.yaml）',
        });
      const data = validateFile(TimelineEventSchema, read, problems);
      if (!data) continue;
      if (data.date > today)
        problems.push(
          at(file, 'date', `${data.date} は今日（${today}）より後です。出来事は起きてから記録してください`, ['date']),
        );
      data.letters.forEach((slug, index) => {
        if (!letterSlugs.has(slug))
          problems.push(
            at(file, `letters[${index}]`, `要請書 "${slug}" はありません（ある要請書：${letterList()}）`, [
              'letters',
              index,
            ]),
          );
      });
      data.sources.forEach((source, index) => {
        if (source.letter && !letterSlugs.has(source.letter))
          problems.push(
            at(
              file,
              `sources[${index}].letter`,
              `要請書 "${source.letter}" はありません（ある要請書：${letterList()}）`,
              ['sources', index, 'letter'],
            ),
          );
      });
      timeline.set(read.id, { file, extension, data, body });
    } else {
      const slug = read.id.split('/')[0]!;
      const data = validateFile(DemandSchema, read, problems);
      if (!data) continue;
      if (data.letter !== slug) {
        problems.push(
          at(file, 'letter', `"${data.letter}" になっていますが、このファイルは要請書 "${slug}" のフォルダにあります`, [
            'letter',
          ]),
        );
      }
      const expectedName = `${data.number}${extension}`;
      if (!file.endsWith(`/${expectedName}`)) {
        problems.push(
          at(file, 'number', `${data.number} なので、ファイル名を ${expectedName} にしてください`, ['number']),
        );
      }
      const id = demandId(data.letter, data.number);
      const twin = demands.get(id);
      if (twin) {
        problems.push(
          at(
            file,
            'number',
            `番号 ${data.number} が要請書 ${data.letter} で2回使われています（${twin.file} にもあります）`,
            ['number'],
          ),
        );
        continue;
      }
      for (const problem of historyProblems(data.statusHistory, today)) {
        problems.push(
          at(file, `statusHistory[${problem.index}].${problem.field}`, problem.message, [
            'statusHistory',
            problem.index,
            problem.field,
          ]),
        );
      }
      if (data.lastChecked > today)
        problems.push(
          at(
            file,
            'lastChecked',
            `${data.lastChecked} は今日（${today}）より後です。確認した日（今日以前）を書いてください`,
            ['lastChecked'],
          ),
        );
      demands.set(id, { file, extension, data, body });
    }
  }

  for (const [slug, { file, data }] of letters) {
    if (data.date > today)
      problems.push(
        at(file, 'date', `${data.date} は今日（${today}）より後です。要請書は出した日付で載せてください`, ['date']),
      );
    if (data.responseDue !== undefined && data.responseDue < data.date)
      problems.push(
        at(
          file,
          'responseDue',
          `回答期限 ${data.responseDue} が要請書の日付 ${data.date} より前です。日付を確かめてください`,
          ['responseDue'],
        ),
      );
    if (
      ![...demands.values()].some((d) => d.data.letter === slug) &&
      ![...demandIdsOnDisk].some((id) => id.startsWith(`${slug}/`))
    )
      problems.push({
        file,
        field: '',
        message: `この要請書には要求がありません。content/letters/${slug}/demands/1.md を作ってください`,
      });
  }

  for (const [id, { file, data }] of demands) {
    if (!letterSlugs.has(data.letter) && !problems.some((p) => p.file === file && p.field === 'letter')) {
      problems.push(
        at(file, 'letter', `要請書 "${data.letter}" はありません（ある要請書：${letterList()}）`, ['letter']),
      );
    }
    const letter = letters.get(data.letter)?.data;
    // A letter dated in the future is reported once, on the letter, not again on each of its demands.
    if (letter && letter.date <= today && data.lastChecked < letter.date)
      problems.push(
        at(
          file,
          'lastChecked',
          `${data.lastChecked} が要請書の日付 ${letter.date} より前です。確認した日を書いてください`,
          ['lastChecked'],
        ),
      );
    data.legalBasis.forEach((basis, index) => {
      const reference = references.get(basis.reference);
      if (!reference) {
        problems.push(
          at(
            file,
            `legalBasis[${index}].reference`,
            `参照する文書 "${basis.reference}" はありません（content/references にあるファイル名を書きます）`,
            ['legalBasis', index, 'reference'],
          ),
        );
      } else if (
        !reference.data.chapters.some((chapter) => chapter.articles.some((article) => article.number === basis.article))
      ) {
        problems.push(
          at(file, `legalBasis[${index}].article`, `第${basis.article}条 は ${basis.reference} にありません`, [
            'legalBasis',
            index,
            'article',
          ]),
        );
      }
    });
    data.related.forEach((related, index) => {
      const path = ['related', index, 'demand'];
      if (related.demand === id) {
        problems.push(at(file, `related[${index}].demand`, '自分自身を関連する要求にはできません', path));
      } else if (!demands.has(related.demand) && !demandIdsOnDisk.has(related.demand)) {
        const parsed = parseDemandId(related.demand);
        problems.push(
          at(
            file,
            `related[${index}].demand`,
            `要求 "${related.demand}" はありません${parsed && !letterSlugs.has(parsed.letter) ? `（要請書 "${parsed.letter}" がありません）` : ''}`,
            path,
          ),
        );
      }
    });
  }

  for (const [id, { data, file }] of references) {
    const seen = new Set<number>();
    data.chapters.forEach((chapter, c) =>
      chapter.articles.forEach((article, a) => {
        if (seen.has(article.number))
          problems.push(
            at(file, `chapters[${c}].articles[${a}].number`, `第${article.number}条 が ${id} に2回あります`, [
              'chapters',
              c,
              'articles',
              a,
              'number',
            ]),
          );
        seen.add(article.number);
      }),
    );
  }

  return { letters, demands, references, timeline, site, problems };
}
