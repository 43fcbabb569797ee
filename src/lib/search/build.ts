/**
 * Builds the search index at build time: lunr's BM25 weights over every unit (weights.ts), cut into files the browser fetches only as a query needs them
 * (byte layout: byte-layout.ts).
 *
 * Split by term. Terms are sorted and packed into shards of about `shardTargetBytes`; the manifest lists
 * each shard's first term, so a query fetches only the shards its terms live in (n-grams of one word
 * that start with the same character sit together). Each term's postings are ordered by impact and cut
 * into blocks: the first block sits in the shard, the others in files of their own, fetched only when
 * the top results cannot be decided without them. Scores stay right across shards because lunr's score
 * is a sum over query terms, each computed by lunr over the whole corpus.
 *
 * Documents (what results display, and the fields, so a weight can be recomputed exactly) sit in chunks
 * of `chunkSize` consecutive units, the fields twice: as written (for snippets) and as normalized for
 * indexing (for counting a term without normalizing the text in the browser).
 *
 * Every file but the manifest goes into a folder named by the content hash of them all.
 */
import { createHash } from 'node:crypto';
import type { SearchUnit, UnitType } from './units.ts';
import { DEFAULT_SCHEME, textTerms, normalizeForIndex, type Scheme } from './tokenize.ts';
import { FIELDS, INDEX_FORMAT_VERSION, MANIFEST_FILE, shardFile, blockFile, chunkFile } from './index-format.ts';
import type { FieldName, Manifest, StoredDoc } from './index-format.ts';
import { encodeBlock, encodeShard, encodeShardEntry } from './byte-layout.ts';
import { bm25Weights, type TermPostings } from './weights.ts';
import { useVariantTable } from './variant-table.ts';
import { VARIANT_TABLE } from './variants.ts';

export { FIELDS };

/** Every indexed field of a unit ('' for the English ones where it has no English). */
export function indexedFields(unit: SearchUnit): Record<FieldName, string> {
  const out = {} as Record<FieldName, string>;
  for (const f of FIELDS) out[f] = unit.fields[f] ?? '';
  return out;
}

export interface IndexConfig {
  scheme: Scheme;
  fieldBoosts: Record<FieldName, number>;
  /** lunr document boost per unit type. */
  typeBoosts: Record<UnitType, number>;
  k1: number;
  b: number;
  /**
   * Units per document file. A query fetches the documents it shows and the few it scores from their
   * text, rarely their neighbours, so bigger files cost bytes; smaller ones cost files. Five, with the
   * block sizes below, made the index 8,402 files at 1,000 letters (2 per file and blocks of 64, 128 …:
   * 23,297) for +25 % bytes before the first result at 10,000 letters (p95 158.7 → 198.1 KB; 6 per
   * file with [128, 1024, 8192]: 217.9 KB, 8 per file: 231.9 KB). Measured with `npm run bench:search
   * -- --scale --config …` (closing note of issue 10). Since issue 30 the per-demand pages, feeds,
   * embeds and badges alone make about 20,000 files at 1,000 letters: no index layout gets the site
   * under 20,000, so this one stays (candidates and figures: src/lib/search/README.md, 6 December).
   */
  chunkSize: number;
  /** Target size of a term shard, in bytes before compression. */
  shardTargetBytes: number;
  /**
   * Sizes of a term's posting blocks, in order; the last size repeats. A first block of 256 (in the
   * shard) leaves most terms without a block file of their own.
   */
  blockSizes: readonly number[];
}

export const DEFAULT_CONFIG: IndexConfig = {
  scheme: DEFAULT_SCHEME,
  fieldBoosts: { title: 3, body: 1, meta: 0.3, titleEn: 3, bodyEn: 1, metaEn: 0.3 },
  typeBoosts: { letter: 1, demand: 1, article: 1, history: 0.4 },
  k1: 1.2,
  b: 0.5,
  chunkSize: 5,
  shardTargetBytes: 2_000,
  blockSizes: [256, 4096],
};

export interface BuiltIndex {
  manifest: Manifest;
  /** Path under the index folder → contents (MANIFEST_FILE, and `<build>/<file>` for the others). */
  files: Map<string, Uint8Array>;
  stats: { terms: number; postings: number; shards: number; blockFiles: number; chunks: number; weightsMs: number };
}

/** A term's postings by (impact desc, document asc), cut into blocks of the given sizes; documents ascending inside. */
function blocksOf(p: TermPostings, sizes: readonly number[]) {
  const order = p.docs.map((_, i) => i).sort((x, y) => p.imps[y]! - p.imps[x]! || p.docs[x]! - p.docs[y]!);
  const blocks: { docs: number[]; imps: number[]; max: number; first: number }[] = [];
  for (let at = 0, k = 0; at < order.length; k += 1) {
    const size = sizes[Math.min(k, sizes.length - 1)]!;
    const slice = order.slice(at, at + size).sort((x, y) => p.docs[x]! - p.docs[y]!);
    blocks.push({
      docs: slice.map((i) => p.docs[i]!),
      imps: slice.map((i) => p.imps[i]!),
      max: p.imps[order[at]!]!,
      first: p.docs[order[at]!]!,
    });
    at += size;
  }
  return blocks;
}

export function buildSearchIndex(units: readonly SearchUnit[], config: IndexConfig = DEFAULT_CONFIG): BuiltIndex {
  // The index is built with variants.ts's table, and its manifest ships that table to the page.
  useVariantTable(VARIANT_TABLE);
  const t0 = performance.now();
  const weights = bm25Weights(
    units.map((u) => ({ fields: indexedFields(u), boost: config.typeBoosts[u.type] ?? 1 })),
    { tokenize: (text) => textTerms(text, config.scheme), ...config },
  );
  const weightsMs = performance.now() - t0;

  const files = new Map<string, Uint8Array>();
  const shardStarts: string[] = [];
  let entries: Uint8Array[] = [];
  let shardBytes = 0;
  let previousTerm = '';
  let postings = 0;
  let blockFiles = 0;
  const flush = () => {
    if (entries.length) files.set(shardFile(shardStarts.length - 1), encodeShard(entries));
    entries = [];
    shardBytes = 0;
    previousTerm = '';
  };
  for (const term of weights.terms) {
    if (!entries.length || shardBytes >= config.shardTargetBytes) {
      flush();
      shardStarts.push(term.term);
    }
    const blocks = blocksOf(term, config.blockSizes);
    const entry = encodeShardEntry(
      {
        term: term.term,
        documentsWithTerm: term.documentsWithTerm,
        later: blocks.slice(1).map((b) => ({ max: b.max, first: b.first, count: b.docs.length })),
        block0: blocks[0]!,
      },
      previousTerm,
    );
    for (let k = 1; k < blocks.length; k += 1) {
      files.set(blockFile(shardStarts.length - 1, entries.length, k), encodeBlock(blocks[k]!.docs, blocks[k]!.imps));
      blockFiles += 1;
    }
    entries.push(entry);
    shardBytes += entry.length;
    previousTerm = term.term;
    postings += term.docs.length;
  }
  flush();

  const encoder = new TextEncoder();
  const chunks = Math.ceil(units.length / config.chunkSize);
  for (let c = 0; c < chunks; c += 1) {
    const docs: StoredDoc[] = [];
    for (let doc = c * config.chunkSize; doc < Math.min(units.length, (c + 1) * config.chunkSize); doc += 1) {
      const u = units[doc]!;
      const fields = indexedFields(u);
      docs.push([
        u.id,
        u.type,
        u.url,
        u.label,
        u.title,
        u.status ?? '',
        u.date ?? '',
        [fields.body, fields.bodyEn],
        weights.fieldLengths[doc]!,
        FIELDS.map((f) => normalizeForIndex(fields[f], config.scheme)),
        u.en ? [u.en.url, u.en.label, u.en.title] : 0,
      ]);
    }
    files.set(chunkFile(c), encoder.encode(JSON.stringify(docs)));
  }

  // The build's name: a hash of every file's name and contents.
  const hash = createHash('sha256');
  for (const [name, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`${name}\n`).update(bytes);
  const build = hash.digest('hex').slice(0, 16);
  const manifest: Manifest = {
    v: INDEX_FORMAT_VERSION,
    build,
    scheme: config.scheme.name,
    docCount: units.length,
    chunkSize: config.chunkSize,
    k1: config.k1,
    b: config.b,
    fields: [...FIELDS],
    fieldBoosts: config.fieldBoosts,
    typeBoosts: config.typeBoosts,
    averageFieldLength: weights.averageFieldLength,
    shards: shardStarts,
    variants: VARIANT_TABLE,
  };
  const out = new Map<string, Uint8Array>([[MANIFEST_FILE, encoder.encode(JSON.stringify(manifest))]]);
  for (const [name, bytes] of files) out.set(`${build}/${name}`, bytes);
  return {
    manifest,
    files: out,
    stats: { terms: weights.terms.length, postings, shards: shardStarts.length, blockFiles, chunks, weightsMs },
  };
}
