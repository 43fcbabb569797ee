/**
 * The rule book: checks every content file before Astro builds. In order:
 * 1. the reader (src/lib/content/files.ts): which files count, size, encoding, the one character
 *    rule on the raw text and on every parsed value (text-rules.ts), bodies on their parsed tree
 *    (body-rules.ts: components, expressions, links, images), YAML;
 * 2. the schemas (schemas.ts): fields, values, dates, lengths in graphemes (content/limits.ts),
 *    addresses (url-rules.ts);
 * 3. the files' places (folder and file names, one file per demand number), below;
 * 4. RULES: small named rules across fields and files (dates that make sense together, numbering,
 *    references that exist).
 * Every problem comes out as `file:line field（…件目）: message` in Japanese (content/problems.ts), so
 * an organizer knows what to fix. The build (src/integrations/content-check.ts), `npm run
 * check:content`, the organizers' command and the tests share it, and Astro's collections publish
 * the very entries it checked (src/lib/content/astro-loader.ts).
 */
import { join } from 'node:path';
import type { z } from 'astro/zod';
import {
  LetterSchema,
  DemandSchema,
  ReferenceSchema,
  TimelineEventSchema,
  SiteSchema,
  SLUG_EXAMPLE,
  DEFAULT_REFERENCE,
  type Letter,
  type Demand,
  type Reference,
  type TimelineEvent,
  type Site,
} from './schemas.ts';
import { historyProblems } from './history.ts';
import { formatDateJa, formatEraDate, todayInJapan } from './dates.ts';
import { demandId, parseDemandId } from './urls.ts';
import { readContentFiles, type ContentFile, type ContentKind, type ReadFile } from './content/files.ts';
import { formatField, type ContentProblem } from './content/problems.ts';
import type { ArticleLink } from './content/body-rules.ts';

export type { ContentProblem } from './content/problems.ts';
export { formatField, formatProblem, describeField, entryOrdinal } from './content/problems.ts';

interface LoadedFile<T> {
  /** Path relative to the project root. */
  file: string;
  /** `.md`, `.mdx`, `.yaml` or `.yml`. */
  extension: string;
  data: T;
  /** Markdown body ('' for YAML files). */
  body: string;
  /** The articles the body's <Article> components link to. */
  articles?: readonly ArticleLink[];
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

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = data;
  for (const key of path)
    value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** Validates one read file with its collection's schema; problems carry file, line and field. */
function validateFile<S extends z.ZodType>(schema: S, read: ReadFile, problems: ContentProblem[]): z.output<S> | null {
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

  for (const read of files) {
    const { file, extension, body } = read;
    if (read.kind === 'letters') {
      const data = validateFile(LetterSchema, read, problems);
      if (data) letters.set(read.id, { file, extension, data, body, articles: read.articles });
    } else if (read.kind === 'site') {
      const data = validateFile(SiteSchema, read, problems);
      if (data) site.set(read.id, { file, extension, data, body });
    } else if (read.kind === 'references') {
      const data = validateFile(ReferenceSchema, read, problems);
      if (data) references.set(read.id, { file, extension, data, body });
    } else if (read.kind === 'timeline') {
      const data = validateFile(TimelineEventSchema, read, problems);
      if (!data) continue;
      timeline.set(read.id, { file, extension, data, body });
    } else {
      const data = validateFile(DemandSchema, read, problems);
      if (!data) continue;
      // One file per demand number: the map holds the first, a second is told here (not by RULES).
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
      demands.set(id, { file, extension, data, body, articles: read.articles });
    }
  }

  const context: RuleContext = {
    letters,
    demands,
    references,
    timeline,
    site,
    today,
    letterSlugs,
    demandFilesOnDisk: listed.filter((f) => f.kind === 'demands').map((f) => ({ file: f.file, id: f.id })),
    referencesOnDisk: new Set(listed.filter((f) => f.kind === 'references').map((f) => f.id)),
    listed,
    at,
  };
  for (const rule of RULES) problems.push(...rule.check(context).map((problem) => ({ ...problem, rule: rule.name })));

  return { letters, demands, references, timeline, site, problems };
}

/** What every rule is given: the loaded entries, today's date, and a maker of located problems. */
interface RuleContext {
  letters: ContentSet['letters'];
  demands: ContentSet['demands'];
  references: ContentSet['references'];
  timeline: ContentSet['timeline'];
  site: ContentSet['site'];
  /** The build date, YYYY-MM-DD in Japan. */
  today: string;
  /** Letters present on disk, valid or not: a broken letter is reported once, not again by each demand. */
  letterSlugs: ReadonlySet<string>;
  /** Demand files on disk, readable or not, with their ids (`<slug>/<file name>`). */
  demandFilesOnDisk: readonly { file: string; id: string }[];
  /** Every content file on disk, readable or not. */
  listed: readonly ContentFile[];
  /** Reference ids on disk, readable or not: a broken reference is reported once, on itself. */
  referencesOnDisk: ReadonlySet<string>;
  /** A problem at a field of a file, with the field's line. */
  at: (file: string, field: string, message: string, path?: PropertyKey[]) => ContentProblem;
}

/** One rule of the rule book: a name (for tests and the guide) and what it finds. */
interface ContentRule {
  name: string;
  check: (content: RuleContext) => ContentProblem[];
}

const letterList = (c: RuleContext): string => [...c.letterSlugs].join(', ') || 'なし';
const future = (date: string, c: RuleContext): boolean => date > c.today;

/** Normalizes a date as printed: full-width and kanji numerals to digits, 1年 to 元年. */
function normalizePrintedDate(written: string): string {
  const KANJI: Record<string, number> = { 〇: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  return written
    .replace(/\s/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[一二三四五六七八九]?十[一二三四五六七八九]?|[〇一二三四五六七八九]/g, (k) => {
      if (!k.includes('十')) return String(KANJI[k]);
      const [tens, ones] = k.split('十');
      return String((tens ? KANJI[tens]! : 1) * 10 + (ones ? KANJI[ones]! : 0));
    })
    .replace(/(^|[^0-9])1年/, '$1元年');
}

/**
 * Whether a date as printed (`written`: 平成27年12月2日, 昭和二十七年十二月二日, 令和元年5月1日 or
 * 2015年12月2日) names the ISO date; null when it is not a date as printed at all.
 */
export function printedDateAgrees(written: string, iso: string): boolean | null {
  const printed = normalizePrintedDate(written);
  if (/^(明治|大正|昭和|平成|令和)(元|\d+)年\d+月\d+日$/.test(printed))
    return normalizePrintedDate(formatEraDate(iso)) === printed;
  if (/^\d{4}年\d+月\d+日$/.test(printed)) return formatDateJa(iso) === printed;
  return null;
}

/**
 * The rule book: every rule across fields and files, each small and named. The schemas (schemas.ts)
 * and the reader (content/files.ts: characters, bodies, links, YAML) come first; these run on what
 * they accepted. /guide/ and README list them.
 */
export const RULES: readonly ContentRule[] = [
  {
    name: 'letter folders and timeline files named in kebab-case',
    check: (c) =>
      c.listed
        .filter((f) => (f.kind === 'letters' || f.kind === 'timeline') && !SLUG.test(f.id))
        .map((f) => ({
          file: f.file,
          field: '',
          message:
            f.kind === 'letters'
              ? `フォルダ名 "${f.id}" は、半角の小文字・数字と「-」だけにしてください（例：${SLUG_EXAMPLE}）`
              : 'ファイル名は半角の小文字・数字と「-」だけにしてください（例：2019-06-28-soumu-notice.yaml）',
        })),
  },
  {
    name: "a demand lives in its letter's folder, in a file named after its number",
    check: (c) =>
      [...c.demands.values()].flatMap(({ file, extension, data }) => {
        const out: ContentProblem[] = [];
        const folder = /^content\/letters\/([^/]+)\//.exec(file)?.[1];
        if (folder !== undefined && data.letter !== folder)
          out.push(
            c.at(
              file,
              'letter',
              `"${data.letter}" になっていますが、このファイルは要請書 "${folder}" のフォルダにあります`,
              ['letter'],
            ),
          );
        const expectedName = `${data.number}${extension}`;
        if (!file.endsWith(`/${expectedName}`))
          out.push(
            c.at(file, 'number', `${data.number} なので、ファイル名を ${expectedName} にしてください`, ['number']),
          );
        return out;
      }),
  },
  {
    name: 'letter date not in the future',
    check: (c) =>
      [...c.letters.values()]
        .filter(({ data }) => future(data.date, c))
        .map(({ file, data }) =>
          c.at(file, 'date', `${data.date} は今日（${c.today}）より後です。要請書は出した日付で載せてください`, [
            'date',
          ]),
        ),
  },
  {
    name: 'response due not before the letter',
    check: (c) =>
      [...c.letters.values()]
        .filter(({ data }) => data.responseDue !== undefined && data.responseDue < data.date)
        .map(({ file, data }) =>
          c.at(
            file,
            'responseDue',
            `回答期限 ${data.responseDue} が要請書の日付 ${data.date} より前です。日付を確かめてください`,
            ['responseDue'],
          ),
        ),
  },
  {
    name: 'every letter has demands',
    check: (c) =>
      [...c.letters.entries()]
        .filter(([slug]) => !c.demandFilesOnDisk.some((d) => d.id.startsWith(`${slug}/`)))
        .map(([slug, { file }]) => ({
          file,
          field: '',
          line: 1,
          message: `この要請書には要求がありません。content/letters/${slug}/demands/1.md を作ってください`,
        })),
  },
  {
    name: 'demands numbered 1…n',
    check: (c) => {
      const out: ContentProblem[] = [];
      for (const slug of c.letterSlugs) {
        const numbers = c.demandFilesOnDisk
          .filter((d) => d.id.startsWith(`${slug}/`))
          .map((d) => ({ ...d, number: Number(d.id.slice(slug.length + 1)) }))
          .filter((d) => Number.isInteger(d.number) && d.number > 0)
          .sort((a, b) => a.number - b.number);
        const gap = numbers.findIndex((d, i) => d.number !== i + 1);
        if (gap < 0) continue;
        const demand = numbers[gap]!;
        out.push(
          c.at(
            demand.file,
            'number',
            `要求 ${gap + 1} がないのに ${demand.number} があります（あるのは ${numbers.map((d) => d.number).join(', ')}）。要求は要請書のとおり 1 から順に、抜けなく番号を付けます`,
            ['number'],
          ),
        );
      }
      return out;
    },
  },
  {
    name: 'history in date order, none in the future, submitted means awaiting a response',
    check: (c) =>
      [...c.demands.values()].flatMap(({ file, data }) =>
        historyProblems(data.statusHistory, c.today).map((problem) =>
          c.at(file, `statusHistory[${problem.index}].${problem.field}`, problem.message, [
            'statusHistory',
            problem.index,
            problem.field,
          ]),
        ),
      ),
  },
  {
    name: 'history starts with the letter submitted, not before its date',
    check: (c) =>
      [...c.demands.values()].flatMap(({ file, data }) => {
        const out: ContentProblem[] = [];
        const first = data.statusHistory[0]!;
        if (first.type !== 'submitted')
          out.push(
            c.at(
              file,
              'statusHistory[0].type',
              `経過の最初は要請書の提出（type: submitted、status: awaiting_response）です（いまは ${first.type}）`,
              ['statusHistory', 0, 'type'],
            ),
          );
        const letter = c.letters.get(data.letter)?.data;
        data.statusHistory.forEach((entry, index) => {
          // A letter dated in the future is reported once, on the letter.
          if (letter && !future(letter.date, c) && entry.type === 'submitted' && entry.date < letter.date)
            out.push(
              c.at(
                file,
                `statusHistory[${index}].date`,
                `提出の日 ${entry.date} が要請書の日付 ${letter.date} より前です。要請書は書いた日より前には出せません`,
                ['statusHistory', index, 'date'],
              ),
            );
        });
        return out;
      }),
  },
  {
    name: 'recorded between the event and today',
    check: (c) =>
      [...c.demands.values()].flatMap(({ file, data }) =>
        data.statusHistory.flatMap((entry, index) => {
          const path = ['statusHistory', index, 'recorded'];
          const field = formatField(path);
          if (entry.recorded === undefined) return [];
          if (entry.recorded < entry.date)
            return [
              c.at(
                file,
                field,
                `記録した日 ${entry.recorded} が出来事の日 ${entry.date} より前です。記録した日（サイトに載せた日）を書くか、項目ごと消してください`,
                path,
              ),
            ];
          if (future(entry.recorded, c))
            return [
              c.at(
                file,
                field,
                `${entry.recorded} は今日（${c.today}）より後です。記録した日（今日以前）を書いてください`,
                path,
              ),
            ];
          return [];
        }),
      ),
  },
  {
    // With the history's dates (above), this keeps the status's 「…時点」 (statusAsOf) out of the future.
    name: 'last checked between the letter and today',
    check: (c) =>
      [...c.demands.values()].flatMap(({ file, data }) => {
        const letter = c.letters.get(data.letter)?.data;
        if (future(data.lastChecked, c))
          return [
            c.at(
              file,
              'lastChecked',
              `${data.lastChecked} は今日（${c.today}）より後です。確認した日（今日以前）を書いてください`,
              ['lastChecked'],
            ),
          ];
        // A letter dated in the future is reported once, on the letter, not again on each of its demands.
        if (letter && !future(letter.date, c) && data.lastChecked < letter.date)
          return [
            c.at(
              file,
              'lastChecked',
              `${data.lastChecked} が要請書の日付 ${letter.date} より前です。確認した日を書いてください`,
              ['lastChecked'],
            ),
          ];
        return [];
      }),
  },
  {
    name: 'legal basis names an existing article',
    check: (c) =>
      [...c.demands.values()].flatMap(({ file, data }) =>
        data.legalBasis.flatMap((basis, index) => {
          const reference = c.references.get(basis.reference);
          if (!reference && c.referencesOnDisk.has(basis.reference)) return [];
          if (!reference)
            return [
              c.at(
                file,
                `legalBasis[${index}].reference`,
                `参照する文書 "${basis.reference}" はありません（content/references にあるファイル名を書きます）`,
                ['legalBasis', index, 'reference'],
              ),
            ];
          const exists = reference.data.chapters.some((chapter) =>
            chapter.articles.some((article) => article.number === basis.article),
          );
          return exists
            ? []
            : [
                c.at(file, `legalBasis[${index}].article`, `第${basis.article}条 は ${basis.reference} にありません`, [
                  'legalBasis',
                  index,
                  'article',
                ]),
              ];
        }),
      ),
  },
  {
    name: 'an <Article> in a body links to an existing article',
    check: (c) =>
      [...c.letters.values(), ...c.demands.values()].flatMap(({ file, articles }) =>
        (articles ?? []).flatMap(({ reference = DEFAULT_REFERENCE, number, line }) => {
          const found = c.references.get(reference);
          if (!found && c.referencesOnDisk.has(reference)) return [];
          const message = !found
            ? `本文の <Article> の参照する文書 "${reference}" はありません（content/references にあるファイル名を書きます）`
            : found.data.chapters.some((chapter) => chapter.articles.some((article) => article.number === number))
              ? null
              : `本文の <Article> の 第${number}条 は ${reference} にありません`;
          return message ? [{ file, field: '', line, message }] : [];
        }),
      ),
  },
  {
    name: 'related demand exists and is another',
    check: (c) =>
      [...c.demands.entries()].flatMap(([id, { file, data }]) =>
        data.related.flatMap((related, index) => {
          const path = ['related', index, 'demand'];
          if (related.demand === id)
            return [c.at(file, `related[${index}].demand`, '自分自身を関連する要求にはできません', path)];
          if (c.demands.has(related.demand) || c.demandFilesOnDisk.some((d) => d.id === related.demand)) return [];
          const parsed = parseDemandId(related.demand);
          return [
            c.at(
              file,
              `related[${index}].demand`,
              `要求 "${related.demand}" はありません${parsed && !c.letterSlugs.has(parsed.letter) ? `（要請書 "${parsed.letter}" がありません）` : ''}`,
              path,
            ),
          ];
        }),
      ),
  },
  {
    name: 'article numbers unique in a reference',
    check: (c) =>
      [...c.references.entries()].flatMap(([id, { data, file }]) => {
        const seen = new Set<number>();
        return data.chapters.flatMap((chapter, ch) =>
          chapter.articles.flatMap((article, a) => {
            const twice = seen.has(article.number);
            seen.add(article.number);
            return twice
              ? [
                  c.at(file, `chapters[${ch}].articles[${a}].number`, `第${article.number}条 が ${id} に2回あります`, [
                    'chapters',
                    ch,
                    'articles',
                    a,
                    'number',
                  ]),
                ]
              : [];
          }),
        );
      }),
  },
  {
    name: 'enactment and amendments: not in the future, in order, printed date agrees',
    check: (c) =>
      [...c.references.values()].flatMap(({ file, data }) =>
        [
          { enactment: data.enacted, path: ['enacted'] as PropertyKey[] },
          ...data.amendments.map((enactment, i) => ({ enactment, path: ['amendments', i] as PropertyKey[] })),
        ].flatMap(({ enactment, path }) => {
          const out: ContentProblem[] = [];
          const datePath = [...path, 'date'];
          if (future(enactment.date, c))
            out.push(
              c.at(
                file,
                formatField(datePath),
                `${enactment.date} は今日（${c.today}）より後です。制定・改正された日を書いてください`,
                datePath,
              ),
            );
          else if (path[0] === 'amendments' && enactment.date < data.enacted.date)
            out.push(
              c.at(
                file,
                formatField(datePath),
                `改正の日 ${enactment.date} が制定の日 ${data.enacted.date} より前です`,
                datePath,
              ),
            );
          else if (
            path[0] === 'amendments' &&
            (path[1] as number) > 0 &&
            enactment.date < data.amendments[(path[1] as number) - 1]!.date
          )
            out.push(
              c.at(
                file,
                formatField(datePath),
                `改正の日 ${enactment.date} が一つ前の改正（${data.amendments[(path[1] as number) - 1]!.date}）より前です。改正は古い順に並べてください`,
                datePath,
              ),
            );
          const writtenPath = [...path, 'written'];
          const agrees = printedDateAgrees(enactment.written, enactment.date);
          if (agrees !== true)
            out.push(
              c.at(
                file,
                formatField(writtenPath),
                agrees === null
                  ? `「${enactment.written}」は日付として読めません。${formatEraDate(data.enacted.date)} のように、印刷されたとおりの日付を書いてください`
                  : `「${enactment.written}」と date ${enactment.date}（${formatEraDate(enactment.date)}）が合いません。どちらかを直してください`,
                writtenPath,
              ),
            );
          return out;
        }),
      ),
  },
  {
    name: 'timeline event and its sources not in the future',
    check: (c) =>
      [...c.timeline.values()].flatMap(({ file, data }) => [
        ...(future(data.date, c)
          ? [
              c.at(file, 'date', `${data.date} は今日（${c.today}）より後です。出来事は起きてから記録してください`, [
                'date',
              ]),
            ]
          : []),
        ...data.sources.flatMap((source, index) =>
          source.date !== undefined && future(source.date, c)
            ? [
                c.at(
                  file,
                  `sources[${index}].date`,
                  `${source.date} は今日（${c.today}）より後です。出典が出た日を書いてください`,
                  ['sources', index, 'date'],
                ),
              ]
            : [],
        ),
      ]),
  },
  {
    name: "timeline event's letters exist",
    check: (c) =>
      [...c.timeline.values()].flatMap(({ file, data }) => [
        ...data.letters.flatMap((slug, index) =>
          c.letterSlugs.has(slug)
            ? []
            : [
                c.at(file, `letters[${index}]`, `要請書 "${slug}" はありません（ある要請書：${letterList(c)}）`, [
                  'letters',
                  index,
                ]),
              ],
        ),
        ...data.sources.flatMap((source, index) =>
          !source.letter || c.letterSlugs.has(source.letter)
            ? []
            : [
                c.at(
                  file,
                  `sources[${index}].letter`,
                  `要請書 "${source.letter}" はありません（ある要請書：${letterList(c)}）`,
                  ['sources', index, 'letter'],
                ),
              ],
        ),
      ]),
  },
];

/**
 * Checks the content with one file's text replaced in memory (an edit, before it is written): the
 * organizers' command and the editor's writer call this, then print the problems with formatProblem.
 * `file` is relative to the root, with `/` (e.g. content/letters/<slug>/demands/2.md).
 */
export function checkContentWithEdit(root: string, file: string, text: string, today?: string): ContentSet {
  return checkContent(root, today, new Map([[join(root, file), text]]));
}
