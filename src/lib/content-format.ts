/**
 * How content files are stored, written once for every reader and writer: the loader
 * (src/lib/content/files.ts), the organizers' command (scripts/demand.ts), the editor's file format
 * (src/lib/cms/decap-format.ts) and the benchmarks. Browser-safe (no Node imports): the editor bundles it.
 *
 * - Extensions: Markdown files are .md or .mdx, data files .yaml or .yml.
 * - A byte-order mark (Windows Notepad) and CRLF line ends (Git for Windows) are kept through an edit:
 *   edits are made on the plain text and the file is written back the way it came.
 * - The frontmatter fence is a line of its own: `---` at the very start of the file, and again at the
 *   start of a later line, each followed only by spaces or tabs up to the end of the line. A `---`
 *   anywhere else (in a comment such as `# ---- 英語ページ ----`, or in the body) is text.
 * - YAML is read with the same options everywhere, and written without folding long lines, flow lists
 *   as ["a", "b"].
 */

export type ContentFormat = 'markdown' | 'yaml';

/** Extensions per format: the only ones read, everywhere. */
export const EXTENSIONS: Record<ContentFormat, readonly string[]> = {
  markdown: ['.md', '.mdx'],
  yaml: ['.yaml', '.yml'],
};

/** Whether a file name has one of a format's extensions. */
export const hasExtension = (name: string, format: ContentFormat): boolean =>
  EXTENSIONS[format].some((extension) => name.endsWith(extension));

/** How every reader parses YAML: a key twice is an error, errors carry no pretty context. */
export const YAML_PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false } as const;

/** How every writer writes YAML: no folding of long lines, flow lists as ["a", "b"]. */
export const YAML_WRITE_OPTIONS = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

/** How a file is stored, kept through an edit. */
interface Storage {
  /** The file starts with a byte-order mark (U+FEFF). */
  bom: boolean;
  /** The file's lines end with CR LF. */
  crlf: boolean;
}

/** The file's text without its byte-order mark and with LF line ends, and how it was stored. */
export function unwrap(text: string): { plain: string; storage: Storage } {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const crlf = body.includes('\r\n');
  return { plain: crlf ? body.replace(/\r\n/g, '\n') : body, storage: { bom, crlf } };
}

/** Plain text (LF) written back the way the file was stored. */
export function wrap(plain: string, storage: Storage): string {
  return `${storage.bom ? '\uFEFF' : ''}${storage.crlf ? plain.replace(/\r?\n/g, '\r\n') : plain}`;
}

/**
 * The fence: `---` at the start of the text, then (start of a line) the YAML, then `---` at the start
 * of a line; each fence line may end in spaces or tabs. Works on text with LF or CRLF line ends.
 */
const FENCE = /^---[ \t]*\r?\n(?:([\s\S]*?\r?\n))?---[ \t]*(?:\r?\n|$)/;

export interface SplitFile {
  /** A byte-order mark and the opening fence line, as written. */
  open: string;
  /** The frontmatter YAML, each line with its line end ('' when the block is empty). */
  yaml: string;
  /** The closing fence line, as written (with its line end, if any). */
  close: string;
  /** The Markdown body, byte for byte. */
  body: string;
}

/**
 * Splits a Markdown file into its fence lines, frontmatter and body, so that
 * `open + yaml + close + body` is the text again; undefined when it does not start with a fence.
 */
export function splitFrontmatter(text: string): SplitFile | undefined {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const rest = text.slice(bom.length);
  const match = FENCE.exec(rest);
  if (!match) return undefined;
  const yaml = match[1] ?? '';
  const openLength = match[0].indexOf('\n') + 1;
  const open = bom + rest.slice(0, openLength);
  return {
    open,
    yaml,
    close: rest.slice(openLength + yaml.length, match[0].length),
    body: rest.slice(match[0].length),
  };
}

/** A Markdown file from its parts (the inverse of splitFrontmatter). */
export const joinFrontmatter = (parts: SplitFile): string => `${parts.open}${parts.yaml}${parts.close}${parts.body}`;
