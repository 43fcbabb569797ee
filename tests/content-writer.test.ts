// The one writer (src/lib/content-writer.ts), as a property: for every content file (the real content,
// whatever it holds, and the frozen fixture) and a set of odd files, read → change one field → write
// changes the bytes of that field's value and nothing else, keeps the byte-order mark and line ends,
// and reads back as exactly the data asked for; read → remove one field → write removes one block of
// text and nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isScalar, parseDocument } from 'yaml';
import { parseContentFile, recordedFor, sameData, writeContentFile } from '../src/lib/content-writer.ts';
import { hasExtension, joinFrontmatter, splitFrontmatter, unwrap } from '../src/lib/content-format.ts';
import { isPureInsertion } from '../src/lib/demand-edit.ts';
import { FIXTURE_ROOT, PROJECT_ROOT } from './helpers/project-copy.ts';

function contentFiles(root: string): string[] {
  const dir = join(root, 'content');
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((p) => hasExtension(p, 'markdown') || hasExtension(p, 'yaml'))
    .map((p) => join(dir, p))
    .sort();
}

const SOUMU_2 = readFileSync(join(FIXTURE_ROOT, 'content/letters/2019-07-23-soumu/demands/2.mdx'), 'utf8');
const REFERENCE = readFileSync(join(FIXTURE_ROOT, 'content/references/mie-my-number-rules.yaml'), 'utf8');

const ODD: [string, string, boolean][] = [
  ['a comment with dashes', SOUMU_2.replace(/^topics:/m, '# ---- 英語ページ ----\ntopics:'), true],
  ['a byte-order mark', `\uFEFF${SOUMU_2}`, true],
  ['CRLF line ends', SOUMU_2.replace(/\n/g, '\r\n'), true],
  ['a BOM and CRLF in a YAML file', `\uFEFF${REFERENCE.replace(/\n/g, '\r\n')}`, false],
  [
    'YAML anchors and aliases',
    SOUMU_2.replace(/^(\s+)- title: /m, '$1- &first\n$1  title: ').replace(
      /(statement[\s\S]*?sources:\n)\s+- title: [^\n]*\n\s+url: [^\n]*\n/,
      '$1      - *first\n',
    ),
    true,
  ],
  ['--- inside the body', `${SOUMU_2}\n本文の段落。\n\n---\n\n---\nletter: x\n`, true],
  ['a trailing-space fence', `${SOUMU_2.replace(/^---\n/, '---  \n').replace(/\n---\n$/, '\n--- \t\n')}本文。\n`, true],
  [
    'inline comments and odd spacing',
    SOUMU_2.replace('status: stalled', 'status:   stalled    # 談話').replace(/^number: 2$/m, 'number:  2 #番号'),
    true,
  ],
  ['list items at the left edge', SOUMU_2.replace(/^ {2}(- |  )/gm, '$1').replace(/^ {4}(- |  )/gm, '  $1'), true],
  ['a block scalar', SOUMU_2.replace(/^text: "(.*)"$/m, 'text: |\n  $1\n  二行目'), true],
];

/** Every path to a scalar leaf of the YAML document, with the leaf's node range. */
function leaves(doc: ReturnType<typeof parseDocument>): { path: (string | number)[]; from: number; to: number }[] {
  const out: { path: (string | number)[]; from: number; to: number }[] = [];
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    else {
      const node = doc.getIn(path, true);
      // Aliased and anchored values are shared: changing one is not a one-field change.
      const shared = path.some((_, i) => (doc.getIn(path.slice(0, i + 1), true) as { anchor?: string })?.anchor);
      if (isScalar(node) && node.range && !shared) out.push({ path, from: node.range[0], to: node.range[1] });
    }
  };
  walk(doc.toJS(), []);
  return out;
}

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const changed = (value: unknown): unknown =>
  typeof value === 'number' ? value + 1 : typeof value === 'boolean' ? !value : `${String(value)}（改）`;

function setIn(data: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(data)) return data.map((v, i) => (i === head ? setIn(v, rest, value) : v));
  const object = data as Record<string, unknown>;
  return { ...object, [head!]: setIn(object[head!], rest, value) };
}

/** Changes `count` leaves of a file, one at a time, and proves each write. */
function roundTrip(text: string, markdown: boolean, seed: number, count: number): void {
  const { plain, storage } = unwrap(text);
  const parts = markdown ? splitFrontmatter(plain) : undefined;
  const offset = parts ? parts.open.length : 0;
  const yaml = parts ? parts.yaml : plain;
  const { data } = parseContentFile(text, markdown);
  const all = leaves(parseDocument(yaml));
  expect(all.length).toBeGreaterThan(0);
  const next = random(seed);
  for (let n = 0; n < Math.min(count, all.length); n++) {
    const leaf = all[Math.floor(next() * all.length)]!;
    const value = changed(parseDocument(yaml).getIn(leaf.path));
    const want = setIn(data, leaf.path, value) as Record<string, unknown>;
    const saved = writeContentFile(text, { markdown, data: want });
    const after = unwrap(saved);
    const where = `${leaf.path.join('.')}`;
    expect(after.storage, where).toEqual(storage);
    expect(saved.startsWith('\uFEFF'), where).toBe(storage.bom);
    if (storage.crlf) expect(saved.replace(/\r\n/g, ''), where).not.toContain('\n');
    // Byte for byte: the same text before the value and after it.
    const from = offset + leaf.from;
    const tail = plain.length - (offset + leaf.to);
    expect(after.plain.slice(0, from), where).toBe(plain.slice(0, from));
    expect(after.plain.slice(after.plain.length - tail), where).toBe(plain.slice(plain.length - tail));
    expect(sameData(parseContentFile(saved, markdown).data, want), where).toBe(true);
    // Saving the same data again changes nothing.
    expect(writeContentFile(saved, { markdown, data: want }), where).toBe(saved);
  }
}

/** Every path to a key of a map that has other keys (removing it leaves a map), not shared by an anchor. */
function removableKeys(doc: ReturnType<typeof parseDocument>): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object') {
      const keys = Object.keys(value);
      for (const k of keys) {
        const shared = [...path, k].some(
          (_, i, all) => (doc.getIn(all.slice(0, i + 1), true) as { anchor?: string } | undefined)?.anchor,
        );
        if (keys.length > 1 && !shared && doc.getIn([...path, k], true) !== undefined) out.push([...path, k]);
        walk((value as Record<string, unknown>)[k], [...path, k]);
      }
    }
  };
  walk(doc.toJS(), []);
  return out;
}

function withoutKey(data: unknown, path: (string | number)[]): unknown {
  const [head, ...rest] = path;
  if (Array.isArray(data)) return data.map((v, i) => (i === head ? withoutKey(v, rest) : v));
  const object = data as Record<string, unknown>;
  if (rest.length === 0) return Object.fromEntries(Object.entries(object).filter(([k]) => k !== head));
  return { ...object, [head!]: withoutKey(object[head!], rest) };
}

/** Removes `count` keys of a file, one at a time: the text loses one block and nothing else changes. */
function removeOne(text: string, markdown: boolean, seed: number, count: number): void {
  const { plain } = unwrap(text);
  const yaml = markdown ? splitFrontmatter(plain)!.yaml : plain;
  const { data } = parseContentFile(text, markdown);
  const keys = removableKeys(parseDocument(yaml));
  const next = random(seed);
  for (let n = 0; n < Math.min(count, keys.length); n++) {
    const path = keys[Math.floor(next() * keys.length)]!;
    const want = withoutKey(data, path) as Record<string, unknown>;
    const saved = writeContentFile(text, { markdown, data: want });
    // The original is the saved text with one block put back.
    expect(isPureInsertion(unwrap(saved).plain, plain), path.join('.')).toBe(true);
    expect(sameData(parseContentFile(saved, markdown).data, want), path.join('.')).toBe(true);
  }
}

describe('read → remove one field → write removes that field only', () => {
  const files = [...contentFiles(PROJECT_ROOT), ...contentFiles(FIXTURE_ROOT)].map(
    (path) => [relative(PROJECT_ROOT, path), path] as const,
  );
  test.each(files)('%s', (_name, path) => {
    removeOne(readFileSync(path, 'utf8'), hasExtension(path, 'markdown'), path.length + 1, 6);
  });
  test.each(ODD)('%s', (name, text, markdown) => {
    removeOne(text, markdown, name.length + 1, 8);
  });
});

describe('read → change one field → write changes that field only', () => {
  const files = [...contentFiles(PROJECT_ROOT), ...contentFiles(FIXTURE_ROOT)].map(
    (path) => [relative(PROJECT_ROOT, path), path] as const,
  );
  test.each(files)('%s', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    roundTrip(text, hasExtension(path, 'markdown'), path.length, 8);
  });

  test.each(ODD)('%s', (name, text, markdown) => {
    roundTrip(text, markdown, name.length, 12);
  });
});

test.each([
  ['an event of an earlier day', '2026-11-30', '2026-12-01', '2026-12-01'],
  ['an event of the day', '2026-12-01', '2026-12-01', undefined],
  ['not a date', '2026/11/30', '2026-12-01', undefined],
])('recordedFor: %s', (_name, date, today, recorded) => {
  expect(recordedFor(date, today)).toBe(recorded);
});

// The fence, as every reader and writer sees it (src/lib/content-format.ts).
test.each([
  ['a plain file', '---\na: 1\n---\nbody\n', 'a: 1\n', 'body\n'],
  ['a comment with dashes is YAML, not a fence', '---\n# ---- 英語 ----\na: 1\n---\n', '# ---- 英語 ----\na: 1\n', ''],
  ['trailing spaces and tabs on the fences', '--- \na: 1\n---\t \nbody', 'a: 1\n', 'body'],
  ['CRLF', '---\r\na: 1\r\n---\r\nbody\r\n', 'a: 1\r\n', 'body\r\n'],
  ['a byte-order mark', '\uFEFF---\na: 1\n---\n', 'a: 1\n', ''],
  ['an empty block', '---\n---\nbody', '', 'body'],
  ['--- in the body stays in the body', '---\na: 1\n---\ntext\n---\nb: 2\n---\n', 'a: 1\n', 'text\n---\nb: 2\n---\n'],
  ['four dashes are not a fence', '---\na: "x"\n----\nb: 1\n---\n', 'a: "x"\n----\nb: 1\n', ''],
  ['no closing fence', '---\na: 1\n', undefined, undefined],
  ['a fence not at the start', '\n---\na: 1\n---\n', undefined, undefined],
  ['text after the opening dashes', '---x\na: 1\n---\n', undefined, undefined],
])('splitFrontmatter: %s', (_name, text, yaml, body) => {
  const parts = splitFrontmatter(text);
  expect(parts?.yaml).toBe(yaml);
  expect(parts?.body).toBe(body);
  if (parts) expect(joinFrontmatter(parts)).toBe(text);
});

test('entries added to an empty flow list are written as a block list, the rest kept', () => {
  const text = '---\nletter: x # 要請書\nstatusHistory: []\nlastChecked: "2026-01-01"\n---\n本文\n';
  const entry = {
    date: '2019-01-01',
    type: 'other',
    status: 'stalled',
    summary: 's',
    sources: [{ title: 't', url: 'u' }],
  };
  const { data } = parseContentFile(text, true);
  const saved = writeContentFile(text, { markdown: true, data: { ...data, statusHistory: [entry] } });
  expect(saved).toMatch(/^---\nletter: x # 要請書\nstatusHistory:\n {2}- date: "2019-01-01"\n/);
  expect(saved).toMatch(/\nlastChecked: "2026-01-01"\n---\n本文\n$/);
  expect(parseContentFile(saved, true).data.statusHistory).toEqual([entry]);
});
