/**
 * The one reader of content/. Which files exist (one set of folders and extensions), how each is read
 * (one YAML reading, with line numbers), and what makes a file unreadable. Astro's collections
 * (src/lib/content/astro-loader.ts), the content check, the organizers' command, the search-index
 * worker and the tests all go through here, so a file is published if and only if the check counted it.
 */
import { readdirSync, readFileSync, lstatSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { LineCounter, parseDocument, isNode, isMap, isSeq, isScalar, type Document } from 'yaml';
import { textProblem, characterProblem, valueProblem } from './text-rules.ts';
import { inspectBody, type ArticleLink } from './body-rules.ts';
import { MAX_FILE_BYTES } from './limits.ts';
import { formatField, type ContentProblem } from './problems.ts';
import { SLUG_EXAMPLE } from '../schemas.ts';
import { EXTENSIONS, YAML_PARSE_OPTIONS, splitFrontmatter, type ContentFormat } from '../content-format.ts';

export { EXTENSIONS, type ContentFormat };

export { MAX_FILE_BYTES } from './limits.ts';
export type { ContentProblem } from './problems.ts';

/** The collections, each a folder of content/ with its own file kinds. */
export type ContentKind = 'letters' | 'demands' | 'references' | 'timeline' | 'site';

const FORMAT_OF_KIND: Record<ContentKind, ContentFormat> = {
  letters: 'markdown',
  demands: 'markdown',
  references: 'yaml',
  timeline: 'yaml',
  site: 'yaml',
};

/** The site's own texts (SiteSchema): one file, content/site.yaml (or .yml). */
export const SITE_FILE = 'content/site.yaml';


export interface ContentFile {
  kind: ContentKind;
  /** Collection id: letter slug, `<slug>/<n>` for demands, `site` for content/site.yaml, file name without extension otherwise. */
  id: string;
  /** Absolute path. */
  path: string;
  /** Relative to the project root, with `/`. */
  file: string;
  /** `.md`, `.mdx`, `.yaml` or `.yml`. */
  extension: string;
}

export interface ReadFile extends ContentFile {
  /** The file's text (BOM removed). */
  text: string;
  /** Frontmatter or whole-file YAML as plain data; dates stay strings. */
  data: unknown;
  /** Markdown body after the frontmatter ('' for YAML files). */
  body: string;
  /** The articles the body's <Article> components link to (the rule book checks they exist). */
  articles: ArticleLink[];
  /** Line of a field path in the file, where it can be found. */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

const posix = (path: string): string => path.split(sep).join('/');
const extensionOf = (name: string): string => /\.[^.]+$/.exec(name)?.[0] ?? '';
const isHidden = (name: string): boolean => name.startsWith('.');

function entries(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function isDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

function wrongExtension(root: string, path: string, format: ContentFormat): ContentProblem {
  return {
    file: posix(relative(root, path)),
    field: '',
    message: `この拡張子のファイルは読み込まれません。${EXTENSIONS[format].join(' / ')} のどれかにしてください（サイトに載りません）`,
  };
}

/**
 * Every content file, in a stable order, with the problems of the listing itself: a letter folder
 * without letter.md/.mdx, two files for one id (2.md and 2.mdx), a file whose extension is not read.
 */
export function listContentFiles(root: string): { files: ContentFile[]; problems: ContentProblem[] } {
  const files: ContentFile[] = [];
  const problems: ContentProblem[] = [];
  const add = (kind: ContentKind, id: string, path: string): void => {
    const file = posix(relative(root, path));
    const twin = files.find((f) => f.kind === kind && f.id === id);
    if (twin) {
      problems.push({
        file,
        field: '',
        message: `${twin.file} と同じものを指しています。どちらか一方だけにしてください（両方は載せられません）`,
      });
      return;
    }
    files.push({ kind, id, path, file, extension: extensionOf(path) });
  };

  const lettersDir = join(root, 'content', 'letters');
  for (const slug of entries(lettersDir)) {
    if (isHidden(slug)) continue;
    const letterDir = join(lettersDir, slug);
    if (!isDirectory(letterDir)) {
      problems.push({
        file: posix(relative(root, letterDir)),
        field: '',
        message: `content/letters には要請書ごとのフォルダだけを置きます（例：content/letters/${SLUG_EXAMPLE}/letter.md）`,
      });
      continue;
    }
    let hasLetter = false;
    for (const name of entries(letterDir)) {
      if (isHidden(name) || name === 'demands') continue;
      const path = join(letterDir, name);
      if (/^letter\.[^.]+$/.test(name) && EXTENSIONS.markdown.includes(extensionOf(name))) {
        add('letters', slug, path);
        hasLetter = true;
      } else if (name.startsWith('letter.')) problems.push(wrongExtension(root, path, 'markdown'));
    }
    if (!hasLetter)
      problems.push({
        file: posix(relative(root, letterDir)),
        field: '',
        message: '要請書のフォルダには letter.md（または letter.mdx）が必要です',
      });
    const demandsDir = join(letterDir, 'demands');
    for (const name of entries(demandsDir)) {
      if (isHidden(name)) continue;
      const path = join(demandsDir, name);
      const extension = extensionOf(name);
      if (EXTENSIONS.markdown.includes(extension)) add('demands', `${slug}/${name.slice(0, -extension.length)}`, path);
      else problems.push(wrongExtension(root, path, 'markdown'));
    }
  }

  for (const kind of ['references', 'timeline'] as const) {
    const dir = join(root, 'content', kind);
    for (const name of entries(dir)) {
      if (isHidden(name)) continue;
      const path = join(dir, name);
      const extension = extensionOf(name);
      if (EXTENSIONS.yaml.includes(extension)) add(kind, name.slice(0, -extension.length), path);
      else problems.push(wrongExtension(root, path, 'yaml'));
    }
  }

  for (const extension of EXTENSIONS.yaml) {
    const path = join(root, 'content', `site${extension}`);
    if (existsSync(path)) add('site', 'site', path);
  }
  if (!files.some((f) => f.kind === 'site'))
    problems.push({
      file: SITE_FILE,
      field: '',
      message:
        'サイトの名前と紹介文のファイルがありません。content/site.yaml を作ってください（項目は src/lib/schemas.ts の SiteSchema）',
    });
  return { files, problems };
}

/** Where a Markdown file's frontmatter block ends (in characters), or -1 when it has none. */
export function frontmatterEnd(text: string): number {
  const parts = splitFrontmatter(text);
  return parts ? text.length - parts.body.length : -1;
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM')
    return 'ファイルを読めません（読み取りの権限がありません）。権限を直してください';
  if (code === 'EISDIR') return 'ファイルではなくフォルダです。フォルダを移すか、名前を変えてください';
  if (code === 'ENOENT') return 'ファイルが見つかりません（壊れたリンクかもしれません）';
  return `ファイルを読めません（${code ?? '原因不明'}）`;
}

/**
 * The first value of a parsed YAML document that breaks the character rule (text-rules.ts), with its
 * field and its own line: what a double-quoted escape ("\e", "\u202e", "\ud800") turns into is
 * only seen here. Keys are checked too; aliases are checked where their anchor is.
 */
function yamlValueProblem(
  doc: Document,
  lineOf: (range: readonly number[] | null | undefined) => number | undefined,
): { field: string; line: number | undefined; message: string } | null {
  const walk = (node: unknown, path: PropertyKey[]): ReturnType<typeof yamlValueProblem> => {
    if (isScalar(node)) {
      const message = typeof node.value === 'string' ? valueProblem(node.value) : null;
      return message ? { field: formatField(path), line: lineOf(node.range), message } : null;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (typeof key === 'string') {
          const bad = characterProblem(key);
          if (bad)
            return {
              field: formatField(path),
              line: lineOf(isScalar(pair.key) ? pair.key.range : undefined),
              message: `項目名に${bad.message}`,
            };
        }
        const found = walk(pair.value, [...path, typeof key === 'number' ? key : String(key)]);
        if (found) return found;
      }
    } else if (isSeq(node)) {
      for (const [index, item] of node.items.entries()) {
        const found = walk(item, [...path, index]);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(doc.contents, []);
}

/**
 * Reads one content file: size, encoding, characters, frontmatter, body and YAML. Never throws.
 * `overlay` (absolute path → text) stands in for files as they would be after an edit not yet written.
 */
function readContentFile(file: ContentFile, overlay?: ReadonlyMap<string, string>): ReadFile | ContentProblem {
  const where = { file: file.file, field: '' };
  let text = overlay?.get(file.path);
  if (text === undefined) {
    let bytes: Buffer;
    try {
      const stat = lstatSync(file.path);
      if (stat.isSymbolicLink())
        return {
          ...where,
          message: 'シンボリックリンクは読み込みません。リンク先のファイルそのものを content/ に置いてください',
        };
      if (stat.size > MAX_FILE_BYTES) return { ...where, line: 1, message: tooLarge(stat.size) };
      bytes = readFileSync(file.path);
    } catch (error) {
      return { ...where, message: describeReadError(error) };
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return { ...where, line: 1, message: '文字コードが UTF-8 ではありません。UTF-8 で保存し直してください' };
    }
  } else if (Buffer.byteLength(text) > MAX_FILE_BYTES)
    return { ...where, line: 1, message: tooLarge(Buffer.byteLength(text)) };
  text = text.replace(/^\uFEFF/, '');

  const bad = textProblem(text);
  if (bad) return { ...where, line: lineAt(text, bad.index), message: bad.message };

  let yamlText = text;
  let lineOffset = 0;
  let body = '';
  let articles: ArticleLink[] = [];
  if (FORMAT_OF_KIND[file.kind] === 'markdown') {
    const parts = splitFrontmatter(text);
    if (!parts)
      return {
        ...where,
        line: 1,
        message: 'frontmatter がありません。ファイルは「---」の行、項目、もう一つの「---」の行で始めてください',
      };
    yamlText = parts.yaml;
    lineOffset = 1;
    body = parts.body;
    const fence = text.slice(0, text.length - body.length);
    // Parsed as the build parses it: the whole file, frontmatter blanked (lines stay the file's).
    const inspected = inspectBody(fence.replace(/[^\r\n]/g, ' ') + body, file.extension);
    if (inspected.problem) return { ...where, line: inspected.problem.line, message: inspected.problem.message };
    articles = inspected.articles;
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, ...YAML_PARSE_OPTIONS });
  const yamlProblem = doc.errors[0] ?? doc.warnings[0];
  if (yamlProblem) {
    const line = yamlProblem.linePos?.[0]?.line ?? lineCounter.linePos(yamlProblem.pos[0]).line;
    return { ...where, line: line + lineOffset, message: describeYamlError(yamlProblem.code) };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ...where,
      line: 1 + lineOffset,
      message: /alias/i.test(message)
        ? 'YAML の別名（&name と *name）が多すぎます。別名を使わずに値をそのまま書いてください'
        : 'YAML を読めません。書き方を確かめてください',
    };
  }
  const lineOfRange = (range: readonly number[] | null | undefined): number | undefined =>
    range ? lineCounter.linePos(range[0]!).line + lineOffset : undefined;
  const valueBad = yamlValueProblem(doc, lineOfRange);
  if (valueBad) return { file: file.file, ...valueBad };
  return {
    ...file,
    text,
    data,
    body,
    articles,
    lineOf(path) {
      for (let depth = path.length; depth > 0; depth--) {
        const node = doc.getIn(path.slice(0, depth) as unknown[], true);
        if (isNode(node) && node.range) return lineOfRange(node.range);
      }
      return undefined;
    },
  };
}

const tooLarge = (size: number): string =>
  `ファイルが大きすぎます（${(size / 1_000_000).toFixed(1)} MB）。1ファイル ${MAX_FILE_BYTES / 1_000_000} MB までです。貼り付けすぎていないか確かめてください`;

const YAML_ERRORS: Record<string, string> = {
  DUPLICATE_KEY: '同じ項目名が2回あります。どちらか一方を消してください',
  TAG_RESOLVE_FAILED: '「!」で始まる型指定（タグ）は使えません。値をそのまま書いてください',
  BAD_INDENT: '字下げ（行頭の空白）がずれています。上の行とそろえてください',
  TAB_AS_INDENT: '字下げにタブは使えません。空白にしてください',
  MISSING_CHAR: '記号が足りません（引用符「"」の閉じ忘れなど）',
};

/** Organizers read Japanese: the YAML library's English message is not shown, its error code picks the hint. */
function describeYamlError(code: string): string {
  const hint = YAML_ERRORS[code] ?? '書き方が YAML として正しくありません。引用符や「:」の後の空白を確かめてください';
  return `YAML が壊れています：${hint}（${code}）`;
}

/**
 * Reads every content file (or its text in `overlay`, absolute path → text: an edit checked before it
 * is written); unreadable ones come back as problems.
 */
export function readContentFiles(
  root: string,
  overlay?: ReadonlyMap<string, string>,
): {
  files: ReadFile[];
  /** Every listed file, readable or not. */
  listed: ContentFile[];
  problems: ContentProblem[];
} {
  const listing = listContentFiles(root);
  const files: ReadFile[] = [];
  const problems = [...listing.problems];
  for (const file of listing.files) {
    const read = readContentFile(file, overlay);
    if ('message' in read) problems.push(read);
    else files.push(read);
  }
  return { files, listed: listing.files, problems };
}
