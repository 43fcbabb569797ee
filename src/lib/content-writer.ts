/**
 * The one writer of content files. The organizers' command (scripts/demand.ts, through
 * src/lib/demand-edit.ts) and the editor at /admin/ (src/lib/cms/decap-format.ts) both save through
 * `writeContentFile`: it takes the file's text and the data it should hold, and changes only the text
 * of what changed. Unchanged values keep their bytes (comments, order, quoting, spacing, line ends, byte
 * order mark, the Markdown body); a changed value is replaced where it stands; a new key or list item is
 * written in the files' style (texts and dates in "…", identifiers and addresses plain, lists of words as
 * ["a", "b"]) at the place the schema gives it; a removed one loses its lines. Each save is proved by
 * reading it back: the data must be exactly what was asked for. Browser-safe (the editor bundles it).
 */
import { Document, parseDocument, isMap, isSeq, isScalar, isPair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import {
  YAML_PARSE_OPTIONS,
  YAML_WRITE_OPTIONS,
  joinFrontmatter,
  splitFrontmatter,
  unwrap,
  wrap,
  type SplitFile,
} from './content-format.ts';

export type Data = Record<string, unknown>;

/** The fields at one level (Decap's `fields`, or the schema's keys), enough to know the order of keys. */
export type FieldTree = readonly { name: string; fields?: FieldTree }[];

/** A file the writer refuses to read or write; the message is Japanese, for organizers. */
export class ContentWriteError extends Error {
  override name = 'ContentWriteError';
}

/** Fields whose values are identifiers or addresses, written without quotes. */
const PLAIN_KEYS = new Set(['letter', 'demand', 'reference', 'kind', 'status', 'type', 'url', 'letters']);

/** Line (1-based) of an offset. */
const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/** A file's text, parsed: the YAML document (frontmatter or whole file) and what surrounds it. */
interface ParsedFile {
  storage: ReturnType<typeof unwrap>['storage'];
  /** The Markdown parts (undefined for a YAML file). */
  parts: SplitFile | undefined;
  /** The YAML text, LF line ends. */
  yaml: string;
  doc: Document;
  data: Data;
}

/** Reads a file's YAML; refuses (in Japanese) a Markdown file without a fence and YAML with errors. */
export function parseContentFile(text: string, markdown: boolean): ParsedFile {
  const { plain, storage } = unwrap(text);
  const parts = markdown ? splitFrontmatter(plain) : undefined;
  if (markdown && !parts)
    throw new ContentWriteError(
      'ファイルの先頭に「---」の行で囲まれた項目（frontmatter）がありません。ファイルを直接直してください。',
    );
  const yaml = parts ? parts.yaml : plain;
  const doc = parseDocument(yaml, YAML_PARSE_OPTIONS);
  const error = doc.errors[0];
  if (error) {
    const line = lineOf(yaml, error.pos[0]) + (parts ? 1 : 0);
    throw new ContentWriteError(
      `ファイルの YAML が壊れています（${line}行目：${error.message.split('\n')[0]}）。書き換えると内容が失われるので、読み込みも保存もしません。ファイルを直接直してください（npm run check:content で場所がわかります）。`,
    );
  }
  const data = doc.toJS() ?? {};
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new ContentWriteError('ファイルの項目が「名前: 値」の形になっていません。ファイルを直接直してください。');
  return { storage, parts, yaml, doc, data: data as Data };
}

/** The value without keys whose value is undefined (absent, as the file will be), at every level. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Data)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, withoutUndefined(v)]),
    );
  return value;
}

/** Plain-data equality (what the build reads), ignoring key order. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameData((a as Data)[k], (b as Data)[k]));
}

const subtree = (order: FieldTree, key: string): FieldTree => order.find((f) => f.name === key)?.fields ?? [];

/** Objects with their keys in the schema's order (unknown keys after, as they came), at every level. */
function sortKeys(value: unknown, order: FieldTree): unknown {
  if (Array.isArray(value)) return value.map((v) => sortKeys(v, order));
  if (value && typeof value === 'object') {
    const keys = order.map((f) => f.name);
    const rank = (k: string): number => (keys.includes(k) ? keys.indexOf(k) : keys.length);
    return Object.fromEntries(
      Object.entries(value as Data)
        .sort(([a], [b]) => rank(a) - rank(b))
        .map(([k, v]) => [k, sortKeys(v, subtree(order, k))]),
    );
  }
  return value;
}

function styleNode(node: unknown, key: string): void {
  if (isScalar(node)) {
    if (typeof node.value === 'string') node.type = PLAIN_KEYS.has(key) ? Scalar.PLAIN : Scalar.QUOTE_DOUBLE;
  } else if (isSeq(node)) {
    node.flow = node.items.length === 0 || node.items.every((item) => isScalar(item));
    for (const item of node.items) styleNode(item, key);
  } else if (isMap(node)) {
    for (const pair of node.items) if (isScalar(pair.key)) styleNode(pair.value, String(pair.key.value));
  }
}

/** A new node for `value` under `key`, in the files' style. */
function newNode(doc: Document, key: string, value: unknown, order: FieldTree): Node {
  const node = doc.createNode(sortKeys(value, order)) as Node;
  styleNode(node, key);
  return node;
}

/** YAML text of a standalone document holding `contents` (LF, ends with a line end). */
function render(contents: Node): string {
  const doc = new Document();
  doc.contents = contents;
  return doc.toString(YAML_WRITE_OPTIONS);
}

const indentLines = (text: string, indent: string): string =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line ? `${indent}${line}` : line))
    .join('\n') + '\n';

/** `key: value` lines in the files' style, indented. */
function pairText(key: string, value: unknown, order: FieldTree, indent: string): string {
  const doc = new Document();
  const map = new YAMLMap();
  const pair = doc.createPair(key, null);
  pair.value = newNode(doc, key, value, subtree(order, key));
  map.items.push(pair);
  return indentLines(render(map), indent);
}

/** `- item` lines in the files' style, indented. */
function itemText(key: string, value: unknown, order: FieldTree, indent: string): string {
  const doc = new Document();
  const seq = new YAMLSeq();
  seq.items.push(newNode(doc, key, value, order));
  return indentLines(render(seq), indent);
}

interface Splice {
  from: number;
  to: number;
  text: string;
}

/** The edit cannot be made in place; the caller falls back to re-writing the document. */
class NotInPlace extends Error {}

const lineStart = (text: string, pos: number): number => text.lastIndexOf('\n', pos - 1) + 1;
/** Offset just after the line end of the line holding the character before `pos`. */
function lineEndAfter(text: string, pos: number): number {
  if (pos > 0 && text[pos - 1] === '\n') return pos;
  const i = text.indexOf('\n', pos);
  return i === -1 ? text.length : i + 1;
}
/** Offset where the line holding `pos` starts, if only spaces come before `pos` on it. */
function cleanLineStart(text: string, pos: number): number {
  const start = lineStart(text, pos);
  if (!/^[ \t]*$/.test(text.slice(start, pos))) throw new NotInPlace();
  return start;
}

function nodeRange(node: unknown): [number, number, number] {
  const range = (node as Node | null)?.range;
  if (!range) throw new NotInPlace();
  return range;
}

/** Where a sequence item's `- ` starts, its line's start, and the offset after its last line. */
function itemSpan(yaml: string, item: unknown): { dash: number; start: number; end: number } {
  const [from, , to] = nodeRange(item);
  const dash = yaml.lastIndexOf('-', from - 1);
  if (dash < 0 || !/^\s*$/.test(yaml.slice(dash + 1, from))) throw new NotInPlace();
  return { dash, start: cleanLineStart(yaml, dash), end: lineEndAfter(yaml, to) };
}

/** A flow collection on one line, written anew in the files' style (for items added or removed). */
function replaceFlow(yaml: string, node: YAMLSeq | YAMLMap, key: string, value: unknown, order: FieldTree): Splice[] {
  const [from, to] = nodeRange(node);
  if (yaml.slice(from, to).includes('\n')) throw new NotInPlace();
  // Objects in a list are written as a block list, by the Document API (the files never hold `[{…}]`).
  const values = Array.isArray(value) ? value : Object.values(value as Data);
  if (values.some((v) => v !== null && typeof v === 'object')) throw new NotInPlace();
  const fresh = newNode(new Document(), key, value, order);
  if (isSeq(fresh) || isMap(fresh)) fresh.flow = true;
  const text = render(fresh).replace(/\n$/, '');
  if (text.includes('\n')) throw new NotInPlace();
  return [{ from, to, text }];
}

function patchScalar(yaml: string, node: Scalar, key: string, value: unknown): Splice[] {
  const [from, to] = nodeRange(node);
  const scalar = new Scalar(value);
  if (typeof value === 'string') {
    scalar.type =
      node.type === Scalar.PLAIN || node.type === Scalar.QUOTE_SINGLE || node.type === Scalar.QUOTE_DOUBLE
        ? node.type
        : PLAIN_KEYS.has(key)
          ? Scalar.PLAIN
          : Scalar.QUOTE_DOUBLE;
  }
  let text = render(scalar).replace(/\n$/, '');
  if (text.includes('\n')) {
    scalar.type = Scalar.QUOTE_DOUBLE;
    text = render(scalar).replace(/\n$/, '');
  }
  if (text.includes('\n')) throw new NotInPlace();
  // A block scalar (| or >) ends with its line end: keep it.
  if (yaml[to - 1] === '\n') text += '\n';
  return [{ from, to, text }];
}

function patchMap(yaml: string, map: YAMLMap, before: Data, after: Data, order: FieldTree): Splice[] {
  if (
    map.flow &&
    Object.keys(before).length === Object.keys(after).length &&
    Object.keys(before).every((k) => Object.hasOwn(after, k))
  )
    return map.items.flatMap((pair) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      return patchNode(yaml, pair.value, key, before[key], after[key], subtree(order, key));
    });
  if (map.flow) return replaceFlow(yaml, map, '', after, order);
  if (map.items.length === 0) throw new NotInPlace();
  const splices: Splice[] = [];
  const pairs = map.items.map((pair) => {
    if (!isPair(pair) || !isScalar(pair.key)) throw new NotInPlace();
    const key = String(pair.key.value);
    const [keyFrom] = nodeRange(pair.key);
    const end = lineEndAfter(yaml, pair.value ? nodeRange(pair.value)[2] : nodeRange(pair.key)[2]);
    return { key, pair, keyFrom, end };
  });
  const firstKey = pairs[0]!.keyFrom;
  const indent = ' '.repeat(firstKey - lineStart(yaml, firstKey));
  pairs.forEach(({ key, pair, keyFrom, end }, i) => {
    if (!Object.hasOwn(after, key)) {
      const start = lineStart(yaml, keyFrom);
      const next = pairs[i + 1];
      // The first key of a list item (`- key: …`): the next key moves up behind the `- `.
      if (!/^[ \t]*$/.test(yaml.slice(start, keyFrom))) {
        if (!next || !Object.hasOwn(after, next.key)) throw new NotInPlace();
        splices.push({ from: keyFrom, to: next.keyFrom, text: '' });
      } else splices.push({ from: start, to: end, text: '' });
    } else if (!sameData(before[key], after[key]))
      splices.push(...patchNode(yaml, pair.value, key, before[key], after[key], subtree(order, key)));
  });
  const sorted = Object.keys(sortKeys(after, order) as Data);
  sorted.forEach((key, index) => {
    if (Object.hasOwn(before, key)) return;
    // After the nearest key before it that stays; else before the first key of the map.
    const previous = sorted
      .slice(0, index)
      .reverse()
      .map((k) => pairs.find((p) => p.key === k && Object.hasOwn(after, k)))
      .find((p) => p !== undefined);
    const at = previous ? previous.end : cleanLineStart(yaml, firstKey);
    const text = pairText(key, after[key], order, indent);
    splices.push({ from: at, to: at, text: at === yaml.length && !yaml.endsWith('\n') && yaml ? `\n${text}` : text });
  });
  return splices;
}

function patchSeq(
  yaml: string,
  seq: YAMLSeq,
  key: string,
  before: unknown[],
  after: unknown[],
  order: FieldTree,
): Splice[] {
  const n = before.length;
  const m = after.length;
  if (seq.flow && n === m)
    return before.flatMap((item, i): Splice[] => patchNode(yaml, seq.items[i], key, item, after[i], order));
  if (seq.flow) return replaceFlow(yaml, seq, key, after, order);
  if (seq.items.length === 0 || after.length === 0) throw new NotInPlace();
  let p = 0;
  while (p < n && p < m && sameData(before[p], after[p])) p++;
  let s = 0;
  while (s < n - p && s < m - p && sameData(before[n - 1 - s], after[m - 1 - s])) s++;
  const splices: Splice[] = [];
  if (n - p - s === m - p - s) {
    for (let i = p; i < n - s; i++) splices.push(...patchNode(yaml, seq.items[i], key, before[i], after[i], order));
    return splices;
  }
  const first = itemSpan(yaml, seq.items[0]);
  const indent = ' '.repeat(first.dash - first.start);
  const text = after
    .slice(p, m - s)
    .map((item) => itemText(key, item, order, indent))
    .join('');
  if (n - p - s > 0) {
    const from = itemSpan(yaml, seq.items[p]).start;
    const to = itemSpan(yaml, seq.items[n - s - 1]).end;
    splices.push({ from, to, text });
  } else {
    const at = p < n ? itemSpan(yaml, seq.items[p]).start : itemSpan(yaml, seq.items[n - 1]).end;
    splices.push({ from: at, to: at, text: at === yaml.length && !yaml.endsWith('\n') ? `\n${text}` : text });
  }
  return splices;
}

/** The splices that turn the text of `node` (holding `before`) into `after`. */
function patchNode(
  yaml: string,
  node: unknown,
  key: string,
  before: unknown,
  after: unknown,
  order: FieldTree,
): Splice[] {
  if (sameData(before, after)) return [];
  const isObject = (v: unknown): v is Data => !!v && typeof v === 'object' && !Array.isArray(v);
  if (
    isScalar(node) &&
    (after === null || typeof after !== 'object') &&
    (before === null || typeof before !== 'object')
  )
    return patchScalar(yaml, node, key, after);
  if (isMap(node) && isObject(before) && isObject(after)) return patchMap(yaml, node, before, after, order);
  if (isSeq(node) && Array.isArray(before) && Array.isArray(after))
    return patchSeq(yaml, node, key, before, after, order);
  throw new NotInPlace();
}

/** Writes `value` onto `node` with the Document API, keeping every unchanged node (the fallback). */
function merge(doc: Document, node: unknown, key: string, value: unknown, order: FieldTree): Node {
  if (isMap(node) && value && typeof value === 'object' && !Array.isArray(value)) {
    const data = value as Data;
    const map = node as YAMLMap;
    map.items = map.items.filter((pair) => isScalar(pair.key) && Object.hasOwn(data, String(pair.key.value)));
    const keys = order.map((f) => f.name);
    for (const [k, v] of Object.entries(sortKeys(data, order) as Data)) {
      const index = map.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === k);
      if (index >= 0) {
        const pair = map.items[index]!;
        pair.value = merge(doc, pair.value, k, v, subtree(order, k));
      } else {
        const pair = doc.createPair(k, null);
        pair.value = newNode(doc, k, v, subtree(order, k));
        const rank = keys.indexOf(k);
        let at = map.items.length;
        for (let i = map.items.length - 1; i >= 0; i--) {
          const other = map.items[i]!.key;
          if (isScalar(other) && keys.indexOf(String(other.value)) > rank) at = i;
        }
        map.items.splice(at, 0, pair);
      }
    }
    return map;
  }
  if (isSeq(node) && Array.isArray(value)) {
    const seq = node as YAMLSeq;
    seq.items = seq.items.slice(0, value.length);
    value.forEach((item, i) => {
      seq.items[i] = i < seq.items.length ? merge(doc, seq.items[i], key, item, order) : newNode(doc, key, item, order);
    });
    if (seq.flow && !value.every((v) => v === null || typeof v !== 'object')) seq.flow = false;
    return seq;
  }
  if (isScalar(node) && (value === null || typeof value !== 'object')) {
    if (node.value !== value) node.value = value;
    return node;
  }
  return newNode(doc, key, value, order);
}

function applySplices(text: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => b.from - a.from || b.to - a.to);
  let out = text;
  let limit = Infinity;
  for (const { from, to, text: insert } of sorted) {
    if (to > limit) throw new NotInPlace();
    out = `${out.slice(0, from)}${insert}${out.slice(to)}`;
    limit = from;
  }
  return out;
}

/** YAML text of `data` written onto the parsed `yaml` (splices where possible, else the Document API). */
function writeYamlOnto(parsed: ParsedFile, data: Data, order: FieldTree): string {
  const candidates: (() => string)[] = [
    () => applySplices(parsed.yaml, patchNode(parsed.yaml, parsed.doc.contents, '', parsed.data, data, order)),
    () => {
      const doc = parsed.doc.clone();
      doc.contents = merge(doc, doc.contents, '', data, order) as typeof doc.contents;
      return doc.toString(YAML_WRITE_OPTIONS);
    },
  ];
  for (const candidate of candidates) {
    let yaml: string;
    try {
      yaml = candidate();
    } catch (error) {
      if (error instanceof NotInPlace) continue;
      throw error;
    }
    const reread = parseDocument(yaml, YAML_PARSE_OPTIONS);
    if (reread.errors.length === 0 && sameData(reread.toJS() ?? {}, data)) return yaml;
  }
  throw new ContentWriteError(
    '変更を書き込むと、ほかの項目まで変わってしまいます。保存しませんでした。ファイルを直接直してください。',
  );
}

/**
 * The file `text` rewritten to hold `data` (its YAML fields) and, for Markdown, `body` (undefined keeps
 * the body as it is). Only what changed is rewritten; the result is read back and must hold exactly
 * `data`. Throws ContentWriteError (Japanese) for a file whose YAML has errors, or an edit it cannot prove.
 */
export function writeContentFile(
  text: string,
  options: { markdown: boolean; data: Data; body?: string | undefined; order?: FieldTree },
): string {
  const parsed = parseContentFile(text, options.markdown);
  const data = withoutUndefined(options.data) as Data;
  const bodyChanged = options.body !== undefined && parsed.parts !== undefined && options.body !== parsed.parts.body;
  if (sameData(parsed.data, data) && !bodyChanged) return text;
  const yaml = sameData(parsed.data, data) ? parsed.yaml : writeYamlOnto(parsed, data, options.order ?? []);
  const plain = parsed.parts
    ? joinFrontmatter({
        ...parsed.parts,
        open: parsed.parts.open.replace(/^\uFEFF/, ''),
        yaml: yaml && !yaml.endsWith('\n') ? `${yaml}\n` : yaml,
        body: options.body ?? parsed.parts.body,
      })
    : yaml;
  return wrap(plain, parsed.storage);
}

/**
 * The new file for `data`, in the files' style, with a standard comment at the top (a file created in
 * the editor; hand-written files keep their own comments through writeContentFile).
 */
export function newContentFile(
  data: Data,
  options: { markdown: boolean; body?: string; order?: FieldTree; headerComment?: string },
): string {
  const doc = new Document();
  const contents = newNode(doc, '', data, options.order ?? []);
  const first = isMap(contents) ? contents.items[0]?.key : undefined;
  if (options.headerComment && isScalar(first)) first.commentBefore = ` ${options.headerComment}`;
  doc.contents = contents;
  const yaml = doc.toString(YAML_WRITE_OPTIONS);
  return options.markdown ? `---\n${yaml}---\n${options.body ?? ''}` : yaml;
}

/**
 * The `recorded` date of a history entry saved on `today` (YYYY-MM-DD, in Japan): today when the event's
 * own date is earlier, since the feed orders entries by the day they reached the site and an event
 * learned late must still reach subscribers; undefined for an event of today (or a date that is not one).
 */
export function recordedFor(date: string, today: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && date < today ? today : undefined;
}

/**
 * A history as saved by the editor, with `recorded` filled in (recordedFor) on the entries that were
 * not there before: an entry whose date and type match an earlier entry not yet matched is an old one,
 * and at most as many entries as the history grew by are new (correcting an old entry's date is not
 * recording an event).
 */
export function stampRecorded(before: readonly unknown[], after: readonly unknown[], today: string): unknown[] {
  const key = (entry: unknown): string => {
    const e = (entry ?? {}) as Data;
    return `${String(e.date)}|${String(e.type)}`;
  };
  const old = new Map<string, number>();
  for (const entry of before) old.set(key(entry), (old.get(key(entry)) ?? 0) + 1);
  let added = after.length - before.length;
  return after.map((entry) => {
    const k = key(entry);
    if ((old.get(k) ?? 0) > 0) {
      old.set(k, old.get(k)! - 1);
      return entry;
    }
    if (added <= 0 || !entry || typeof entry !== 'object') return entry;
    added--;
    const e = entry as Data;
    const recorded = typeof e.date === 'string' ? recordedFor(e.date, today) : undefined;
    if (e.recorded || !recorded) return entry;
    // In the files' key order: right after status.
    const { date, type, status, ...rest } = e;
    return { date, type, status, recorded, ...rest };
  });
}
