// The editor's file format saves through the one writer (src/lib/content-writer.ts): loading and saving
// unchanged changes nothing, adding a history entry adds exactly the lines `npm run demand -- add` would
// add (with `recorded` for an event learned late), and odd files (a comment with dashes, a BOM, CRLF, a
// trailing-space fence, broken YAML) are kept or refused, never damaged.
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cmsConfig, backendFromEnv } from '../src/lib/cms/config.ts';
import { formatFor } from '../src/lib/cms/collection-formats.ts';
import { demandFiles } from '../src/lib/cms/folders.ts';
import { insertHistoryEntry, isPureInsertion } from '../src/lib/demand-edit.ts';
import { HistoryEntrySchema } from '../src/lib/schemas.ts';
import { ContentWriteError } from '../src/lib/content-writer.ts';
import type { FieldTree } from '../src/lib/cms/decap-format.ts';
type Data = Record<string, unknown>;

const root = process.cwd();
const config = cmsConfig(demandFiles(root), backendFromEnv({}), 'https://example.org/');
type Collection = {
  name: string;
  format: string;
  extension: string;
  folder?: string;
  path?: string;
  nested?: unknown;
  fields?: FieldTree;
  files?: { file: string; fields: FieldTree }[];
};

function filesOf(collection: Collection): string[] {
  if (collection.files) return collection.files.map((f) => join(root, f.file));
  const dir = join(root, collection.folder!);
  // The demands: content/letters/<letter>/demands/<n>.<ext>.
  if (collection.nested)
    return readdirSync(dir).flatMap((slug) =>
      readdirSync(join(dir, slug, 'demands'))
        .filter((name) => name.endsWith(`.${collection.extension}`))
        .map((name) => join(dir, slug, 'demands', name)),
    );
  if ('path' in collection && collection.path) {
    return readdirSync(dir)
      .map((slug) => join(dir, slug, `letter.${collection.extension}`))
      .filter((file) => readdirSync(join(file, '..')).includes(`letter.${collection.extension}`));
  }
  return readdirSync(dir)
    .filter((name) => name.endsWith(`.${collection.extension}`))
    .map((name) => join(dir, name));
}

const cases = (config.collections as unknown as Collection[]).flatMap((collection) =>
  filesOf(collection).map((file) => [file.slice(root.length + 1), collection] as const),
);

describe('saving without a change rewrites nothing', () => {
  test.each(cases)('%s', (file, collection) => {
    const format = formatFor(collection);
    const text = readFileSync(join(root, file), 'utf8');
    expect(format.toFile(format.fromFile(text))).toBe(text);
  });
});

const TODAY = '2026-12-01';
const entry = {
  date: '2020-01-10',
  type: 'response',
  status: 'responded',
  summary: '回答があった。',
  sources: [{ title: '出典の題名', url: 'https://example.org/a' }],
};

describe('adding a history entry adds only its lines, as the command writes them', () => {
  const demands = cases.filter(([, c]) => c.name.startsWith('demands'));
  test.each(demands)('%s', (file, collection) => {
    const format = formatFor(collection, () => TODAY);
    const text = readFileSync(join(root, file), 'utf8');
    const data = format.fromFile(text) as { statusHistory: { date: string }[] };
    // The form leaves untouched optional fields empty; they are not written. The event is older than
    // the save, so both writers give it `recorded` (today); the command puts it where its date belongs.
    const history = [...data.statusHistory, { ...entry, counterpartyPosition: '', assessment: '' }].sort((a, b) =>
      a.date.localeCompare(b.date),
    );
    const saved = format.toFile({ ...data, statusHistory: history });
    expect(isPureInsertion(text, saved)).toBe(true);
    expect(saved).toBe(insertHistoryEntry(text, HistoryEntrySchema.parse({ ...entry, recorded: TODAY })).text);
  });
});

test('a file created in the editor is written in the files’ style', () => {
  const timeline = (config.collections as unknown as Collection[]).find((c) => c.name === 'timeline')!;
  const format = formatFor(timeline);
  const text = format.toFile({
    title: '見出し',
    date: '2020-02-01',
    kind: 'press',
    summary: '要約。',
    letters: ['a-letter'],
    sources: [{ title: '記事', publication: '新聞', date: '2020-02-01', url: '' }],
  });
  expect(text).toBe(
    [
      '# 経過ページの出来事（要求ごとの経過とは別）。項目の意味は src/lib/schemas.ts の TimelineEventSchema を参照。',
      'date: "2020-02-01"',
      'kind: press',
      'title: "見出し"',
      'summary: "要約。"',
      'letters: [a-letter]',
      'sources:',
      '  - title: "記事"',
      '    publication: "新聞"',
      '    date: "2020-02-01"',
      '',
    ].join('\n'),
  );
});

/** A demand file with the odd things organizers' editors and Git for Windows produce. */
const SOUMU_2 = readFileSync(
  join(root, 'tests/fixtures/frozen/content/letters/2019-07-23-soumu/demands/2.mdx'),
  'utf8',
);
const demandsCollection = (config.collections as unknown as Collection[]).find((c) => c.name.startsWith('demands'))!;
// The fixture's own English group (if any) is replaced by a one-field group after a dashed comment.
const withEnglish = SOUMU_2.replace(/^english:\n(?: {2}.*\n)*/m, '').replace(
  /^topics:/m,
  '# ---- 英語ページ ----\nenglish:\n  shortTitle: "Do not divert"\ntopics:',
);
const ODD: [string, string][] = [
  ['a comment with dashes before english', withEnglish],
  ['a byte-order mark', `\uFEFF${SOUMU_2}`],
  ['CRLF line ends', SOUMU_2.replace(/\n/g, '\r\n')],
  ['a BOM, CRLF and the dashed comment', `\uFEFF${withEnglish.replace(/\n/g, '\r\n')}`],
  [
    'a closing fence with a trailing space and --- in the body',
    `${SOUMU_2.replace(/\n---\n$/, '\n--- \n')}\n本文。\n\n---\n\n続き。\n`,
  ],
];

describe('odd files are read whole, saved unchanged byte for byte, and edited in one place', () => {
  test.each(ODD)('%s', (_name, text) => {
    const format = formatFor(demandsCollection, () => TODAY);
    const data = format.fromFile(text) as Record<string, unknown> & { body: string };
    expect(data.letter).toBe('2019-07-23-soumu');
    expect(data.lastChecked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (text.includes('英語ページ')) expect(data.english).toEqual({ shortTitle: 'Do not divert' });
    expect(data.topics).toBeDefined();
    expect(format.toFile(data)).toBe(text);
    const saved = format.toFile({ ...data, lastChecked: '2026-11-30' });
    const lines = (t: string) => t.split('\n');
    const changed = lines(saved).filter((line, i) => line !== lines(text)[i]);
    expect(changed.map((l) => l.replace(/\r$/, ''))).toEqual(['lastChecked: "2026-11-30"']);
    expect(lines(saved)).toHaveLength(lines(text).length);
  });
});

test('clearing an optional group removes it instead of writing english: {}', () => {
  const format = formatFor(demandsCollection, () => TODAY);
  const data = format.fromFile(withEnglish);
  const saved = format.toFile({ ...data, english: { text: '', shortTitle: '' } });
  expect(saved).not.toMatch(/^english:/m);
  expect(saved).toBe(withEnglish.replace(/^english:\n {2}shortTitle: .*\n/m, ''));
});

test.each([
  ['a key twice', SOUMU_2.replace(/^topics:/m, 'number: 3\ntopics:')],
  ['an unclosed quote', SOUMU_2.replace('label: "2."', 'label: "2.')],
  ['a tab as indent', SOUMU_2.replace('  - date:', '\t- date:')],
])('a file with %s is refused on load, in Japanese, and never rewritten', (_name, text) => {
  const format = formatFor(demandsCollection);
  expect(() => format.fromFile(text)).toThrow(ContentWriteError);
  expect(() => format.fromFile(text)).toThrow(/YAML が壊れています（\d+行目/);
});

// `recorded` is written by the save path itself for an event older than the day it is saved.
test.each([
  ['an event learned late (before the latest entry)', '2019-07-25', TODAY],
  ['an event of an earlier day after the latest entry', '2026-11-30', TODAY],
  ['an event of the day it is saved', TODAY, undefined],
])('the editor fills recorded: %s', (_name, date, recorded) => {
  const format = formatFor(demandsCollection, () => TODAY);
  const data = format.fromFile(SOUMU_2) as { statusHistory: { date: string; recorded?: string }[] };
  const history = [...data.statusHistory, { ...entry, date }].sort((a, b) => a.date.localeCompare(b.date));
  const saved = format.fromFile(format.toFile({ ...data, statusHistory: history })) as typeof data;
  expect(saved.statusHistory.find((e) => e.date === date)!.recorded).toBe(recorded);
  // Entries that were there keep what they had.
  expect(saved.statusHistory.filter((e) => e.date !== date)).toEqual(data.statusHistory);
});

test('correcting the date of an entry that was there is not recording an event: no recorded is added', () => {
  const format = formatFor(demandsCollection, () => TODAY);
  const data = format.fromFile(SOUMU_2) as { statusHistory: { date: string; recorded?: string }[] };
  const corrected = data.statusHistory.map((e, i) => (i === 2 ? { ...e, date: '2019-07-30' } : e));
  const saved = format.fromFile(format.toFile({ ...data, statusHistory: corrected })) as typeof data;
  expect(saved.statusHistory).toEqual(corrected);
});

test.each([
  [
    'a Word line break (U+000B) in a summary',
    (d: Data) => ({ ...d, shortTitle: '見出し\v続き' }),
    /「shortTitle」に制御文字（U\+000B）/,
  ],
  [
    'a bidi override in a source title',
    (d: Data) => ({
      ...d,
      statusHistory: (d.statusHistory as Data[]).map((e, i) =>
        i === 0 ? { ...e, sources: [{ title: 'a\u202eb', url: 'https://e.org/' }] } : e,
      ),
    }),
    /「statusHistory\[0\]\.sources\[0\]\.title」に文字の向きを変える見えない文字/,
  ],
])('the editor refuses to save %s (the check’s character rule), naming the field', (_name, edit, message) => {
  const format = formatFor(demandsCollection, () => TODAY);
  const data = format.fromFile(SOUMU_2);
  expect(() => format.toFile(edit(data))).toThrow(message);
});
