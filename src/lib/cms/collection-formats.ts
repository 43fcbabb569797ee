/**
 * The editor's file formats, one per collection, built from the served config.yml (so the key order
 * is the schema's). Each names its entries across load and save by the fields that identify them.
 */
import { parse } from 'yaml';
import { createFormat, type FieldTree, type FileFormat } from './decap-format.ts';

/** Standard comments written at the top of a file the editor creates (hand-written files keep theirs). */
const HEADER_COMMENTS: Readonly<Record<string, string>> = {
  letters: '要請書。本文（「記」より前）はこのファイルの本文、要求は demands/ の1件1ファイル。',
  timeline:
    '経過ページの出来事（要求ごとの経過とは別）。項目の意味は src/lib/schemas.ts の TimelineEventSchema を参照。',
};

interface CollectionConfig {
  name: string;
  format: string;
  extension: string;
  /** A folder collection's fields. */
  fields?: FieldTree;
  /** A file collection's one file (the site's texts). */
  files?: { fields: FieldTree }[];
}

const key = (data: Record<string, unknown>, fields: readonly string[]): string =>
  JSON.stringify(fields.map((f) => data[f] ?? null));

/** The format a collection's files are read and written with; `today` (tests) dates `recorded`. */
export function formatFor(collection: CollectionConfig, today?: () => string): FileFormat {
  const kind = collection.name.startsWith('demands-') ? 'demands' : collection.name;
  const fields = collection.fields ?? collection.files?.[0]?.fields ?? [];
  const identity: Record<string, readonly string[]> = {
    demands: ['letter', 'number'],
    references: ['title'],
    site: [],
  };
  return createFormat({
    frontmatter: kind === 'letters' || kind === 'demands',
    order: fields.filter((f) => f.name !== 'body'),
    identity: (data) => key(data, identity[kind] ?? ['date', 'title']),
    ...(HEADER_COMMENTS[kind] ? { headerComment: HEADER_COMMENTS[kind] } : {}),
    ...(today ? { today } : {}),
  });
}

/** One registered format per collection, named as the collection's `format` says. */
export function editorFormats(configYaml: string): { name: string; extension: string; format: FileFormat }[] {
  const config = parse(configYaml) as { collections: CollectionConfig[] };
  return config.collections.map((collection) => ({
    name: collection.format,
    extension: collection.extension,
    format: formatFor(collection),
  }));
}
