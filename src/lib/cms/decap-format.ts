/**
 * How the editor at /admin/ reads and writes content files (Decap's custom formats, registered in
 * src/admin/main.ts). Decap's own YAML format re-serializes the whole file: it drops comments,
 * changes quoting and reorders nothing it does not know about. These formats save through the one
 * writer (src/lib/content-writer.ts, as `npm run demand -- add` does): only what was edited changes,
 * the byte-order mark, line ends, comments, quoting and the Markdown body stay byte for byte; new
 * values are written like the hand-written ones. The frontmatter fence, BOM and CRLF handling come
 * from the one format module (src/lib/content-format.ts). A file whose YAML has errors is refused on
 * load and on save (a Japanese message), never rewritten. An optional group the organizer cleared (all
 * its fields empty, e.g. the English texts) is removed, not written as `{}`. A history entry added with
 * a date before today gets `recorded` (today, in Japan), as the command writes it. A value holding a
 * character the check refuses (a pasted control character) is refused before saving. Pure functions
 * over text, shared by the browser bundle and the tests.
 */
import {
  ContentWriteError,
  newContentFile,
  parseContentFile,
  stampRecorded,
  writeContentFile,
  type Data,
  type FieldTree,
} from '../content-writer.ts';
import { splitFrontmatter as split, unwrap } from '../content-format.ts';
import { todayInJapan } from '../dates.ts';
import { textProblem } from '../content/text-rules.ts';

export type { FieldTree } from '../content-writer.ts';

/**
 * Drops what an organizer left empty in the form: empty optional texts (which the schema refuses), and
 * groups left with no field at all (a cleared translation is removed, not written as `english: {}`).
 */
function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneEmpty);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Data)
        .map(([k, v]) => [k, pruneEmpty(v)] as const)
        .filter(
          ([, v]) =>
            v !== undefined &&
            v !== null &&
            v !== '' &&
            !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v as Data).length === 0),
        ),
    );
  }
  return value;
}

/** Splits a Markdown file into its frontmatter YAML and body; the body is kept byte for byte. */
export function splitFrontmatter(text: string): { yaml: string; body: string } {
  const parts = split(unwrap(text).plain);
  return parts ? { yaml: parts.yaml, body: parts.body } : { yaml: '', body: unwrap(text).plain };
}

/**
 * Refuses a save holding a character the check refuses (a control character such as a Word line break,
 * U+000B, or a bidi control): the YAML writer would write it as an escape ("\v") that the file's text
 * no longer shows. The check's own character rule, named by the field, in Japanese.
 */
function refuseHiddenCharacters(value: unknown, path: string): void {
  if (typeof value === 'string') {
    const bad = textProblem(value);
    if (bad) throw new ContentWriteError(`保存できません。「${path}」に${bad.message}。`);
  } else if (Array.isArray(value)) value.forEach((v, i) => refuseHiddenCharacters(v, `${path}[${i}]`));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) refuseHiddenCharacters(v, path ? `${path}.${k}` : k);
}

export interface FileFormat {
  fromFile(text: string): Data;
  toFile(data: Data): string;
}

/**
 * A format for one collection. `identity` names an entry across its load and its save (e.g. letter and
 * number of a demand), so the save is written onto the file's own text. An entry created in the
 * editor, or whose identity was edited, is written anew in the files' style with the collection's
 * standard comment. `today` (YYYY-MM-DD, in Japan) dates the `recorded` of entries learned late.
 */
export function createFormat(options: {
  frontmatter: boolean;
  order: FieldTree;
  identity: (data: Data) => string;
  headerComment?: string;
  today?: () => string;
}): FileFormat {
  const loaded = new Map<string, { text: string; data: Data }>();
  const markdown = options.frontmatter;
  return {
    fromFile(text) {
      // Throws (in Japanese) for a file without its fence or whose YAML has errors: Decap shows it.
      const parsed = parseContentFile(text, markdown);
      loaded.set(options.identity(parsed.data), { text, data: parsed.data });
      return parsed.parts ? { ...parsed.data, body: parsed.parts.body } : parsed.data;
    },
    toFile(data) {
      const { body, ...rest } = data;
      let fields = pruneEmpty(rest) as Data;
      refuseHiddenCharacters(fields, '');
      const previous = loaded.get(options.identity(fields));
      if (Array.isArray(fields.statusHistory)) {
        const before = Array.isArray(previous?.data.statusHistory) ? previous.data.statusHistory : [];
        const today = (options.today ?? todayInJapan)();
        fields = { ...fields, statusHistory: stampRecorded(before, fields.statusHistory, today) };
      }
      const text = typeof body === 'string' ? body : '';
      if (!previous)
        return newContentFile(fields, {
          markdown,
          body: text,
          order: options.order,
          ...(options.headerComment ? { headerComment: options.headerComment } : {}),
        });
      const saved = writeContentFile(previous.text, {
        markdown,
        data: fields,
        ...(markdown ? { body: unwrap(text).plain } : {}),
        order: options.order,
      });
      const reparsed = parseContentFile(saved, markdown);
      loaded.set(options.identity(fields), { text: saved, data: reparsed.data });
      return saved;
    },
  };
}
