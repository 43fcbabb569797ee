/**
 * Builds the search index at build time: lunr computes the BM25 weights over every unit, then the lunr
 * index is cut into files the browser fetches only as a query needs them.
 *
 * Split by term. Terms are sorted and packed into shards of about `shardTargetBytes`; the manifest lists
 * each shard's first term, so a query fetches only the shards its terms live in (n-grams of one word
 * that start with the same character sit together). Each term's postings are ordered by impact
 * (lunr's weight, summed over fields) and cut into blocks: the first block sits in the shard, the
 * others in files of their own, fetched only when the top results cannot be decided without them.
 * Every block records its highest impact (and the document holding it), which bounds what is still
 * unread.
 *
 * Scores stay right across shards because lunr's score is a sum over query terms of
 * (query boost × the term's weight in the document) divided by the query vector's length, which is the
 * same for every document: each term's contribution comes from that term's own postings, computed by
 * lunr over the whole corpus, wherever the term is stored.
 *
 * Documents (what results display, and the fields, so a weight can be recomputed exactly) sit in
 * chunks of `chunkSize` consecutive units. The fields are stored twice: as written (for snippets) and
 * as normalized for indexing (for counting a term without normalizing the text in the browser).
 */
import lunr from 'lunr';
import type { SearchUnit, UnitType } from './units.ts';
import { DEFAULT_SCHEME, textTerms, normalizeForIndex, type Scheme } from './tokenize.ts';
import { Writer } from './codec.ts';
import {
  FIELDS,
  INDEX_FORMAT_VERSION,
  MANIFEST_FILE,
  shardFile,
  blockFile,
  chunkFile,
  type FieldName,
  type Manifest,
  type StoredDoc,
} from './format.ts';

export interface IndexConfig {
  scheme: Scheme;
  fieldBoosts: Record<FieldName, number>;
  /** lunr document boost per unit type. */
  typeBoosts: Record<UnitType, number>;
  k1: number;
  b: number;
  /**
   * Units per document chunk. One: a query fetches the documents it shows and the few it scores from
   * their text, and neighbours in a chunk are rarely among them (at 10,000 letters, 4 per chunk cost
   * 27 KB more at the 95th percentile).
   */
  chunkSize: number;
  /** Target size of a term shard, in bytes before compression. */
  shardTargetBytes: number;
  /** Sizes of a term's posting blocks, in order; the last size repeats. */
  blockSizes: readonly number[];
}

export const DEFAULT_CONFIG: IndexConfig = {
  scheme: DEFAULT_SCHEME,
  fieldBoosts: { title: 3, body: 1, meta: 0.3 },
  typeBoosts: { letter: 1, demand: 1, article: 1, history: 0.4 },
  k1: 1.2,
  b: 0.5,
  chunkSize: 1,
  shardTargetBytes: 2_000,
  blockSizes: [64, 128, 256, 512, 1024, 2048],
};

export { FIELDS, INDEX_FORMAT_VERSION, MANIFEST_FILE, shardFile, blockFile, chunkFile };
export type { FieldName, Manifest, StoredDoc };

export interface BuiltIndex {
  manifest: Manifest;
  /** File name → contents. */
  files: Map<string, Uint8Array>;
  stats: {
    terms: number;
    postings: number;
    shards: number;
    blockFiles: number;
    chunks: number;
    lunrMs: number;
    totalMs: number;
  };
}

interface TermPostings {
  term: string;
  documentsWithTerm: number;
  docs: number[];
  imps: number[];
}

/** A block of postings: its highest impact and, among postings with that impact, the lowest document. */
interface Block {
  docs: number[];
  imps: number[];
  max: number;
  first: number;
}

function blocksOf(postings: TermPostings, sizes: readonly number[]): Block[] {
  const order = postings.docs.map((_, i) => i);
  order.sort((x, y) => postings.imps[y]! - postings.imps[x]! || postings.docs[x]! - postings.docs[y]!);
  const blocks: Block[] = [];
  let at = 0;
  let k = 0;
  while (at < order.length) {
    const size = sizes[Math.min(k, sizes.length - 1)]!;
    const slice = order.slice(at, at + size).sort((x, y) => postings.docs[x]! - postings.docs[y]!);
    blocks.push({
      docs: slice.map((i) => postings.docs[i]!),
      imps: slice.map((i) => postings.imps[i]!),
      max: postings.imps[order[at]!]!,
      first: postings.docs[order[at]!]!,
    });
    at += size;
    k += 1;
  }
  return blocks;
}

function writePostings(w: Writer, docs: readonly number[], imps: readonly number[]): void {
  w.uint(docs.length);
  let previous = 0;
  for (const d of docs) {
    w.uint(d - previous);
    previous = d;
  }
  for (const imp of imps) w.uint(imp);
}

/** Builds lunr's index over the units; exported for tests that compare against lunr's own query. */
export function buildLunrIndex(
  units: readonly SearchUnit[],
  config: IndexConfig = DEFAULT_CONFIG,
): {
  index: lunr.Index;
  averageFieldLength: Record<FieldName, number>;
  fieldLengths: Record<string, number>;
} {
  const builder = new lunr.Builder();
  builder.ref('ref');
  for (const field of FIELDS) builder.field(field, { boost: config.fieldBoosts[field] });
  builder.k1(config.k1);
  builder.b(config.b);
  // Our tokenizer does all the text processing; lunr's pipeline stays empty (no English stemmer) and
  // no metadata is kept, so Builder#add only uses each token as a property key: plain strings do
  // that without a lunr.Token per n-gram and a toString() call per lookup (a third of the build at
  // 1,000 letters).
  (builder as unknown as { tokenizer: (value: unknown) => string[] }).tokenizer = (value: unknown) =>
    textTerms(value == null ? '' : String(value), config.scheme);
  builder.metadataWhitelist = [];
  if (builder.pipeline.toJSON().length > 0) throw new Error('the search index expects an empty lunr pipeline');
  units.forEach((unit, i) => {
    builder.add({ ref: String(i), ...unit.fields }, { boost: config.typeBoosts[unit.type] ?? 1 });
  });
  const index = builder.build();
  const averageFieldLength = {
    ...(builder as unknown as { averageFieldLength: Record<FieldName, number> }).averageFieldLength,
  };
  for (const f of FIELDS) if (!Number.isFinite(averageFieldLength[f])) averageFieldLength[f] = 0;
  const fieldLengths = (builder as unknown as { fieldLengths: Record<string, number> }).fieldLengths;
  return { index, averageFieldLength, fieldLengths };
}

export function buildSearchIndex(units: readonly SearchUnit[], config: IndexConfig = DEFAULT_CONFIG): BuiltIndex {
  const t0 = performance.now();
  const { index, averageFieldLength, fieldLengths } = buildLunrIndex(units, config);
  const lunrMs = performance.now() - t0;

  const raw = index as unknown as {
    invertedIndex: Record<string, Record<string, unknown> & { _index: number }>;
    fieldVectors: Record<string, lunr.Vector & { elements: number[] }>;
  };
  const termCount = Object.keys(raw.invertedIndex).length;
  const byIndex: TermPostings[] = new Array(termCount);
  for (const [term, posting] of Object.entries(raw.invertedIndex)) {
    let documentsWithTerm = 0;
    for (const field of FIELDS) documentsWithTerm += Object.keys(posting[field] as object).length;
    byIndex[posting._index] = { term, documentsWithTerm, docs: [], imps: [] };
  }
  // Field vectors hold lunr's weights; a term's impact in a document is the sum over its fields.
  const perDoc: Map<number, number>[] = units.map(() => new Map());
  for (const [fieldRef, vector] of Object.entries(raw.fieldVectors)) {
    const slash = fieldRef.indexOf('/');
    const doc = Number(fieldRef.slice(slash + 1));
    const map = perDoc[doc]!;
    const el = vector.elements;
    for (let i = 0; i < el.length; i += 2) {
      const termIndex = el[i]!;
      map.set(termIndex, (map.get(termIndex) ?? 0) + Math.round(el[i + 1]! * 1000));
    }
  }
  let postingsTotal = 0;
  perDoc.forEach((map, doc) => {
    for (const [termIndex, imp] of map) {
      const p = byIndex[termIndex]!;
      p.docs.push(doc);
      p.imps.push(imp);
      postingsTotal += 1;
    }
    map.clear();
  });

  const terms = byIndex
    .filter((p) => p && p.docs.length > 0)
    .sort((x, y) => (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
  const files = new Map<string, Uint8Array>();
  const shardStarts: string[] = [];
  let shardWriter: Writer | null = null;
  let shardTermCount = 0;
  let shardEntries: Writer[] = [];
  let blockFiles = 0;
  const flush = () => {
    if (!shardWriter) return;
    const w = new Writer();
    w.uint(INDEX_FORMAT_VERSION);
    w.uint(shardTermCount);
    const head = w.finish();
    const parts = [head, ...shardEntries.map((e) => e.finish())];
    const total = parts.reduce((n, p) => n + p.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    files.set(shardFile(shardStarts.length - 1), out);
    shardWriter = null;
    shardEntries = [];
    shardTermCount = 0;
  };
  let shardBytes = 0;
  let previousTerm = '';
  for (const postings of terms) {
    if (!shardWriter || shardBytes >= config.shardTargetBytes) {
      flush();
      shardWriter = new Writer();
      shardStarts.push(postings.term);
      shardBytes = 0;
    }
    const shard = shardStarts.length - 1;
    const ordinal = shardTermCount;
    const blocks = blocksOf(postings, config.blockSizes);
    const entry = new Writer();
    // Front coding: characters shared with the previous term of the shard, then the rest.
    const previous = ordinal > 0 ? previousTerm : '';
    let shared = 0;
    while (shared < previous.length && shared < postings.term.length && previous[shared] === postings.term[shared])
      shared += 1;
    if (shared > 0 && /[\uD800-\uDBFF]/.test(postings.term[shared - 1]!)) shared -= 1;
    entry.uint(shared);
    entry.string(postings.term.slice(shared));
    previousTerm = postings.term;
    entry.uint(postings.documentsWithTerm);
    entry.uint(blocks.length);
    // Per later block: highest impact, the document holding it (so the browser can bound what it
    // has not read, ties included) and the number of postings (to plan reads).
    blocks.forEach((block, k) => {
      if (k === 0) return;
      entry.uint(block.max);
      entry.uint(block.first);
      entry.uint(block.docs.length);
    });
    writePostings(entry, blocks[0]!.docs, blocks[0]!.imps);
    for (let k = 1; k < blocks.length; k += 1) {
      const bw = new Writer();
      writePostings(bw, blocks[k]!.docs, blocks[k]!.imps);
      files.set(blockFile(shard, ordinal, k), bw.finish());
      blockFiles += 1;
    }
    shardEntries.push(entry);
    shardTermCount += 1;
    shardBytes += entry.length;
  }
  flush();

  const encoder = new TextEncoder();
  const chunks = Math.ceil(units.length / config.chunkSize);
  for (let c = 0; c < chunks; c += 1) {
    const docs: StoredDoc[] = units
      .slice(c * config.chunkSize, (c + 1) * config.chunkSize)
      .map((u, i) => [
        u.id,
        u.type,
        u.url,
        u.label,
        u.title,
        u.status ?? '',
        u.date ?? '',
        u.fields.title,
        u.fields.body,
        u.fields.meta,
        FIELDS.map((f) => fieldLengths[`${f}/${c * config.chunkSize + i}`] ?? 0) as [number, number, number],
        FIELDS.map((f) => normalizeForIndex(u.fields[f], config.scheme)) as [string, string, string],
      ]);
    files.set(chunkFile(c), encoder.encode(JSON.stringify(docs)));
  }

  const manifest: Manifest = {
    v: INDEX_FORMAT_VERSION,
    scheme: config.scheme.name,
    docCount: units.length,
    chunkSize: config.chunkSize,
    k1: config.k1,
    b: config.b,
    fields: [...FIELDS],
    fieldBoosts: config.fieldBoosts,
    typeBoosts: config.typeBoosts,
    averageFieldLength,
    shards: shardStarts,
  };
  files.set(MANIFEST_FILE, encoder.encode(JSON.stringify(manifest)));
  return {
    manifest,
    files,
    stats: {
      terms: terms.length,
      postings: postingsTotal,
      shards: shardStarts.length,
      blockFiles,
      chunks,
      lunrMs,
      totalMs: performance.now() - t0,
    },
  };
}
