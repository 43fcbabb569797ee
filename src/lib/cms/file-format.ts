/**
 * How the editor at /admin/ reads and writes content files (Decap's custom formats, registered in
 * src/admin/main.ts). Decap's own YAML format re-serializes the whole file: it drops comments,
 * changes quoting and reorders nothing it does not know about. This one writes a save onto the
 * file's own YAML document (the `yaml` library, as `npm run demand -- add` does): unchanged values keep
 * their node (quoting, comments, order), new values are written like the hand-written ones (texts and
 * dates in "…", slugs, keys and URLs plain, lists of words as ["a", "b"]), so a save changes only the
 * lines of what was edited. Pure functions over text, shared by the browser bundle and the tests.
 */
import { Document, parseDocument, isMap, isSeq, isScalar, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/** The files' layout: no folding of long lines, flow lists as ["a", "b"] (as src/lib/demand-edit.ts). */
export const TO_STRING = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

/** Fields whose values are identifiers or addresses, written without quotes. */
const PLAIN_KEYS = new Set(['letter', 'demand', 'reference', 'kind', 'status', 'type', 'url', 'letters']);

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n?---(?:\r?\n|$)/;

type Data = Record<string, unknown>;

/** A new node for `value` under `key`, in the files' style. */
function newNode(doc: Document, key: string, value: unknown, order: FieldTree): Node {
  const node = doc.createNode(sortKeys(value, order)) as Node;
  styleNode(node, key);
  return node;
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

/** The editor's fields at one level (Decap's `fields`), enough to know the order of keys. */
export type FieldTree = readonly { name: string; fields?: FieldTree }[];

const subtree = (order: FieldTree, key: string): FieldTree => order.find((f) => f.name === key)?.fields ?? [];
const names = (order: FieldTree): string[] => order.map((f) => f.name);

/** Objects with their keys in the schema's order, at every level. */
function sortKeys(value: unknown, order: FieldTree): unknown {
  if (Array.isArray(value)) return value.map((v) => sortKeys(v, order));
  if (value && typeof value === 'object') {
    const keys = names(order);
    const rank = (k: string): number => (keys.includes(k) ? keys.indexOf(k) : keys.length);
    return Object.fromEntries(
      Object.entries(value as Data)
        .sort(([a], [b]) => rank(a) - rank(b))
        .map(([k, v]) => [k, sortKeys(v, subtree(order, k))]),
    );
  }
  return value;
}

/** Drops what an organizer left empty in the form (empty optional texts), which the schema refuses. */
export function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneEmpty);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Data)
        .filter(([, v]) => v !== undefined && v !== null && v !== '')
        .map(([k, v]) => [k, pruneEmpty(v)]),
    );
  }
  return value;
}

/** Writes `value` onto `node` (which holds the file's previous value), keeping every unchanged node. */
function merge(doc: Document, node: unknown, key: string, value: unknown, order: FieldTree): Node {
  if (isMap(node) && value && typeof value === 'object' && !Array.isArray(value)) {
    const data = value as Data;
    const map = node as YAMLMap;
    map.items = map.items.filter((pair) => isScalar(pair.key) && Object.hasOwn(data, String(pair.key.value)));
    for (const [k, v] of Object.entries(sortKeys(data, order) as Data)) {
      const index = map.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === k);
      if (index >= 0) {
        const pair = map.items[index]!;
        pair.value = merge(doc, pair.value, k, v, subtree(order, k));
      } else {
        // A new field goes where the schema puts it: after the last present field that comes before it.
        const pair = doc.createPair(k, null);
        pair.value = newNode(doc, k, v, subtree(order, k));
        const keys = names(order);
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

/** The YAML text of `data`, written onto `previous` (the file's former YAML) when there is one. */
export function writeYaml(data: Data, order: FieldTree, previous?: string, headerComment?: string): string {
  const clean = pruneEmpty(data) as Data;
  if (previous !== undefined) {
    const doc = parseDocument(previous);
    if (doc.errors.length === 0 && isMap(doc.contents)) {
      doc.contents = merge(doc, doc.contents, '', clean, order) as typeof doc.contents;
      return doc.toString(TO_STRING);
    }
  }
  const doc = new Document();
  const contents = newNode(doc, '', clean, order);
  const first = isMap(contents) ? contents.items[0]?.key : undefined;
  if (headerComment && isScalar(first)) first.commentBefore = ` ${headerComment}`;
  doc.contents = contents;
  return doc.toString(TO_STRING);
}

/** Splits a Markdown file into its frontmatter YAML and body; the body is kept byte for byte. */
export function splitFrontmatter(text: string): { yaml: string; body: string } {
  const match = FRONTMATTER.exec(text);
  if (!match) return { yaml: '', body: text };
  return { yaml: match[1]!, body: text.slice(match[0].length) };
}

export interface FileFormat {
  fromFile(text: string): Data;
  toFile(data: Data): string;
}

/**
 * A format for one collection. `identity` names an entry across its load and its save (e.g. letter and
 * number of a demand), so the save is written onto the file's own text. An entry created in the
 * editor, or whose identity was edited, is written anew in the files' style with the collection's
 * standard comment.
 */
export function createFormat(options: {
  frontmatter: boolean;
  order: FieldTree;
  identity: (data: Data) => string;
  headerComment?: string;
}): FileFormat {
  const loaded = new Map<string, string>();
  return {
    fromFile(text) {
      const { yaml, body } = options.frontmatter ? splitFrontmatter(text) : { yaml: text, body: undefined };
      const data = (parseDocument(yaml).toJS() ?? {}) as Data;
      loaded.set(options.identity(data), yaml);
      return body === undefined ? data : { ...data, body };
    },
    toFile(data) {
      const { body, ...fields } = data;
      const yaml = writeYaml(fields, options.order, loaded.get(options.identity(fields)), options.headerComment);
      if (!options.frontmatter) return yaml;
      return `---\n${yaml}---\n${typeof body === 'string' ? body : ''}`;
    },
  };
}
