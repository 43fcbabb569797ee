/**
 * Byte layout of the index's binary files, written by build.ts and read by engine.ts through these
 * functions only. Integers are unsigned LEB128 varints and strings a varint byte length + UTF-8
 * (codec.ts). Round-trip tested in tests/search-codec.test.ts.
 *
 * Shard file (shardFile(n)): the terms from manifest.shards[n] up to the next shard's first term.
 *
 *     version             varint   INDEX_FORMAT_VERSION
 *     termCount           varint
 *     termCount × entry, terms in ascending order:
 *       shared            varint   UTF-16 code units shared with the previous term of the shard (0 first;
 *                                  never splits a surrogate pair)
 *       suffix            string   the rest of the term
 *       documentsWithTerm varint   (document, field) pairs holding the term: lunr's idf input
 *       blockCount        varint   ≥ 1: block 0 here, blocks 1 … blockCount − 1 in block files
 *       (blockCount − 1) × per later block k:
 *         max             varint   its highest impact
 *         first           varint   the lowest document holding that impact (bounds ties)
 *         count           varint   its number of postings (to plan reads)
 *       block 0           postings
 *
 * Block file (blockFile(shard, ordinal, k)): postings — block k of the ordinal-th term of the shard.
 *
 * Postings: a term's (document, impact) pairs, impact = lunr's weight × 1000, rounded, summed over fields.
 * A term's postings are sorted by (impact desc, document asc) and cut into blocks; inside a block:
 *
 *     count               varint
 *     count × gap         varint   documents ascending, as gaps (the first from 0)
 *     count × impact      varint   in the same order
 */
import { Reader, Writer } from './codec.ts';
import { INDEX_FORMAT_VERSION } from './index-format.ts';

export interface Postings {
  docs: Uint32Array;
  imps: Uint32Array;
}

/** What a shard says about a later block (k ≥ 1) without reading it. */
interface BlockBound {
  max: number;
  first: number;
  count: number;
}

/** A shard entry as the builder writes it. */
export interface ShardEntryInput {
  term: string;
  documentsWithTerm: number;
  later: readonly BlockBound[];
  block0: { docs: readonly number[]; imps: readonly number[] };
}

/** A shard entry as the engine reads it: block 0 located, decoded only if a query uses the term. */
export interface ShardEntry {
  term: string;
  ordinal: number;
  documentsWithTerm: number;
  later: BlockBound[];
  /** The shard's bytes and where block 0 starts in them. */
  bytes: Uint8Array;
  block0At: number;
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

function readPostings(r: Reader): Postings {
  const n = r.uint();
  const docs = new Uint32Array(n);
  let d = 0;
  for (let i = 0; i < n; i += 1) {
    d += r.uint();
    docs[i] = d;
  }
  const imps = new Uint32Array(n);
  for (let i = 0; i < n; i += 1) imps[i] = r.uint();
  return { docs, imps };
}

/** Moves past postings without decoding them (2 × count varints). */
function skipPostings(r: Reader): void {
  let varints = 2 * r.uint();
  while (varints > 0) {
    if (r.pos >= r.bytes.length) throw new Error('truncated varint');
    if (r.bytes[r.pos++]! < 0x80) varints -= 1;
  }
}

/** Code units `term` shares with `previous`, not splitting a surrogate pair. */
function sharedPrefix(previous: string, term: string): number {
  let shared = 0;
  while (shared < previous.length && shared < term.length && previous[shared] === term[shared]) shared += 1;
  if (shared > 0 && /[\uD800-\uDBFF]/.test(term[shared - 1]!)) shared -= 1;
  return shared;
}

/** One entry's bytes, front-coded against the previous term of its shard ('' for the first). */
export function encodeShardEntry(entry: ShardEntryInput, previousTerm: string): Uint8Array {
  const w = new Writer();
  const shared = sharedPrefix(previousTerm, entry.term);
  w.uint(shared);
  w.string(entry.term.slice(shared));
  w.uint(entry.documentsWithTerm);
  w.uint(entry.later.length + 1);
  for (const block of entry.later) {
    w.uint(block.max);
    w.uint(block.first);
    w.uint(block.count);
  }
  writePostings(w, entry.block0.docs, entry.block0.imps);
  return w.finish();
}

/** A shard file from its entries' bytes (encodeShardEntry, in term order). */
export function encodeShard(entries: readonly Uint8Array[]): Uint8Array {
  const head = new Writer();
  head.uint(INDEX_FORMAT_VERSION);
  head.uint(entries.length);
  const headBytes = head.finish();
  let total = headBytes.length;
  for (const e of entries) total += e.length;
  const out = new Uint8Array(total);
  out.set(headBytes, 0);
  let at = headBytes.length;
  for (const e of entries) {
    out.set(e, at);
    at += e.length;
  }
  return out;
}

/** Thrown for a file that does not read as this layout (the page says the index is damaged). */
export class LayoutError extends Error {}

/** Reads a shard file; throws LayoutError when it is not one of this format. */
export function decodeShard(bytes: Uint8Array): Map<string, ShardEntry> {
  const r = new Reader(bytes);
  const version = r.uint();
  if (version !== INDEX_FORMAT_VERSION)
    throw new LayoutError(`shard of format ${version}, not ${INDEX_FORMAT_VERSION}`);
  const count = r.uint();
  const entries = new Map<string, ShardEntry>();
  let previous = '';
  for (let ordinal = 0; ordinal < count; ordinal += 1) {
    const shared = r.uint();
    if (shared > previous.length) throw new LayoutError('shard entry shares more than the previous term');
    const term = previous.slice(0, shared) + r.string();
    previous = term;
    const documentsWithTerm = r.uint();
    const blockCount = r.uint();
    const later: BlockBound[] = [];
    for (let k = 1; k < blockCount; k += 1) later.push({ max: r.uint(), first: r.uint(), count: r.uint() });
    const block0At = r.pos;
    skipPostings(r);
    entries.set(term, { term, ordinal, documentsWithTerm, later, bytes, block0At });
  }
  if (!r.done) throw new LayoutError('bytes after the last shard entry');
  return entries;
}

export function decodeBlock0(entry: ShardEntry): Postings {
  return readPostings(new Reader(entry.bytes, entry.block0At));
}

export function encodeBlock(docs: readonly number[], imps: readonly number[]): Uint8Array {
  const w = new Writer();
  writePostings(w, docs, imps);
  return w.finish();
}

export function decodeBlock(bytes: Uint8Array): Postings {
  const r = new Reader(bytes);
  const postings = readPostings(r);
  if (!r.done) throw new LayoutError('bytes after the postings of a block');
  return postings;
}
