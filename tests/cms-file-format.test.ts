// The editor's file format writes a save onto the file's own YAML: loading and saving unchanged changes
// nothing, and adding a history entry adds exactly the lines `npm run demand -- add` would add.
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cmsConfig, backendFromEnv } from '../src/lib/cms/config.ts';
import { formatFor } from '../src/lib/cms/formats.ts';
import { letterFolders } from '../src/lib/cms/folders.ts';
import { appendHistoryEntry, isPureInsertion } from '../src/lib/demand-edit.ts';
import { HistoryEntrySchema } from '../src/lib/schemas.ts';
import type { FieldTree } from '../src/lib/cms/file-format.ts';

const root = process.cwd();
const config = cmsConfig(letterFolders(root), backendFromEnv({}), 'https://example.org/');
type Collection = {
  name: string;
  format: string;
  extension: string;
  folder?: string;
  path?: string;
  fields?: FieldTree;
  files?: { file: string; fields: FieldTree }[];
};

function filesOf(collection: Collection): string[] {
  if (collection.files) return collection.files.map((f) => join(root, f.file));
  const dir = join(root, collection.folder!);
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

const entry = {
  date: '2020-01-10',
  type: 'response',
  status: 'responded',
  summary: '回答があった。',
  sources: [{ title: '出典の題名', url: 'https://example.org/a' }],
};

describe('adding a history entry adds only its lines, as the command writes them', () => {
  const demands = cases.filter(([, c]) => c.name.startsWith('demands-'));
  test.each(demands)('%s', (file, collection) => {
    const format = formatFor(collection);
    const text = readFileSync(join(root, file), 'utf8');
    const data = format.fromFile(text) as { statusHistory: unknown[] };
    // The form leaves untouched optional fields empty; they are not written.
    const saved = format.toFile({
      ...data,
      statusHistory: [...data.statusHistory, { ...entry, counterpartyPosition: '', assessment: '' }],
    });
    expect(isPureInsertion(text, saved)).toBe(true);
    expect(saved).toBe(appendHistoryEntry(text, HistoryEntrySchema.parse(entry)));
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
