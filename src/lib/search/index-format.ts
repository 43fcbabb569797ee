/**
 * The search index's file format (fields, manifest, file names), shared by the builder (build time)
 * and the engine (browser). Kept apart from build.ts so the browser bundle does not pull in the
 * builder (node:crypto, the BM25 weights).
 */
import type { UnitType } from './units.ts';
import type { VariantTable } from './variant-table.ts';

/** Indexed fields: the Japanese ones, then the English ones (empty where the site has no English). */
export const FIELDS = ['title', 'body', 'meta', 'titleEn', 'bodyEn', 'metaEn'] as const;
export type FieldName = (typeof FIELDS)[number];
/** The English fields: a result found through them links to the unit's English page. */
export const isEnglishField = (field: FieldName): boolean => field.endsWith('En');

/**
 * 2: document chunks carry each field as normalized for indexing (StoredDoc `normalized`).
 * 3: every file but the manifest sits in a folder named by the build's content hash (`build`).
 * 4: English in the unit's own fields (FIELDS), not in a unit of its own; StoredDoc `english`; only the
 *    bodies stored as written.
 * 5: the variant table in the manifest (`variants`), not in the page's script.
 */
export const INDEX_FORMAT_VERSION = 5;

/** What the browser reads first (manifest.json). */
export interface Manifest {
  v: number;
  /**
   * Content hash of every other file of this build, and the folder they sit in: a file name never
   * means two contents, so a cached file of an earlier build is never mixed with this one.
   */
  build: string;
  scheme: string;
  docCount: number;
  chunkSize: number;
  k1: number;
  b: number;
  fields: FieldName[];
  fieldBoosts: Record<FieldName, number>;
  typeBoosts: Record<UnitType, number>;
  averageFieldLength: Record<FieldName, number>;
  /** First term of each shard, in order. */
  shards: string[];
  /**
   * The spellings, names and thesaurus the index was built with (variants.ts `VARIANT_TABLE`): the page
   * installs it before its first query, so its script does not carry the table.
   */
  variants: VariantTable;
}

/** A unit as stored in a document chunk. */
export type StoredDoc = [
  id: string,
  type: UnitType,
  url: string,
  label: string,
  title: string,
  status: string,
  date: string,
  /**
   * The bodies as written, Japanese and English: the snippet is cut from one of them. The other fields
   * are stored only normalized (below): nothing shows them as written.
   */
  bodies: [body: string, bodyEn: string],
  /** Field lengths in terms, in FIELDS order, as lunr counted them. */
  lengths: number[],
  /**
   * The fields as the index normalized them (normalizeForIndex), so the browser can count a term in a
   * document without normalizing its text, which was most of the time of scoring documents from their
   * text. About +16 % per chunk after gzip (the copy is mostly the same characters as the original,
   * which gzip refers back to).
   */
  normalized: string[],
  /** The unit's English page (url, label, title), or 0 where the site has no English for it. */
  english: [url: string, label: string, title: string] | 0,
];

/** Where StoredDoc keeps what the engine reads by position. */
export const STORED = { bodies: 7, lengths: 8, normalized: 9, english: 10, size: 11 } as const;

export const shardFile = (shard: number) => `s${shard}.bin`;
export const blockFile = (shard: number, termOrdinal: number, block: number) => `b${shard}-${termOrdinal}-${block}.bin`;
export const chunkFile = (chunk: number) => `d${chunk}.json`;
export const MANIFEST_FILE = 'manifest.json';
