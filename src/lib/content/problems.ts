/**
 * How a content problem is told to an organizer, everywhere: the check, the build, the organizers'
 * command and the editor print problems with `formatProblem`, and name list entries with `entryOrdinal`.
 *
 * One presentation of list entries: the key path stays as the file has it (0-based, as YAML tools and
 * the editor's field paths count), followed by the entry counted from 1 in Japanese:
 *   content/…/2.md:31  statusHistory[4].date（statusHistory の5件目）: …
 */

export interface ContentProblem {
  /** Path relative to the project root, with `/`. */
  file: string;
  /** Dotted path of the field, e.g. statusHistory[2].date; '' for the whole file. */
  field: string;
  /** 1-based line in the file, where known. */
  line?: number | undefined;
  message: string;
  /** The rule book's rule that found it (content-check.ts RULES), when one did. */
  rule?: string | undefined;
}

/** An entry of a list counted from 1, as organizers count: 「statusHistory の5件目」 for index 4. */
export const entryOrdinal = (list: string, index: number): string => `${list} の${index + 1}件目`;

/** A field path as written in problems: statusHistory[4].sources[0].url. */
export function formatField(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

/** A field with its list entries counted from 1: statusHistory[4].date（statusHistory の5件目）. */
export function describeField(field: string): string {
  const ordinals = [...field.matchAll(/([A-Za-z]+)\[(\d+)\]/g)].map((m) => entryOrdinal(m[1]!, Number(m[2])));
  return ordinals.length > 0 ? `${field}（${ordinals.join('、')}）` : field;
}

/** Characters a terminal would act on rather than show (escapes, bidi controls): shown as \u{…}. */
const TERMINAL_UNSAFE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
const visible = (text: string): string =>
  text.replace(TERMINAL_UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);

/**
 * One line for one problem: `file:line  field（…件目）: message`. Whatever a message quotes from the
 * content, a terminal shows it and never runs it (an ESC sequence cannot retitle or clear it).
 */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return visible(
    problem.field ? `${where}  ${describeField(problem.field)}: ${problem.message}` : `${where}  ${problem.message}`,
  );
}
