/**
 * Runs a query against the split index. The browser and the bench use this same code; only the loader
 * differs (fetch in the browser, an in-memory map in the bench and tests).
 *
 * Scoring is lunr's: score(d) = Σ over query terms t of boost(t) × weight(t, d), where weight is lunr's
 * BM25 weight summed over fields (lunr then divides by the query vector's length, the same for every
 * document, so the order is the same).
 *
 * Fetching: only the shards holding the query's terms are read. Postings come in impact order, block
 * by block; after each round we know, for every document, a lower bound (what has been read) and an
 * upper bound (plus the most each unread block could add). We read further blocks only while a document
 * not yet read could still reach the top k. The few documents left whose score is not fully known are
 * scored exactly from their text (same tokenizer, same formula as lunr), so the top k and their order are
 * exactly what a single lunr index would give. A read budget caps the worst case (very common words in
 * a very large corpus); the outcome says whether the result is exact.
 *
 * Then the best RERANK_WINDOW are reordered so that documents containing the query's words whole come
 * first (PHRASE_BONUS).
 */
import { Reader } from './codec.ts';
import {
  parseQuery,
  conceptsIn,
  runs,
  ngrams,
  termFrequency,
  CONCEPT_PREFIX,
  type ParsedQuery,
  type Scheme,
  DEFAULT_SCHEME,
} from './tokenize.ts';
import { fieldImpact, lunrIdf } from './scoring.ts';
import {
  MANIFEST_FILE,
  INDEX_FORMAT_VERSION,
  shardFile,
  blockFile,
  chunkFile,
  type Manifest,
  type StoredDoc,
  type FieldName,
} from './format.ts';
import type { UnitType } from './units.ts';

export interface Loader {
  /** Contents of an index file (names as in build.ts). */
  load(file: string): Promise<Uint8Array>;
}

interface Postings {
  docs: Uint32Array;
  imps: Uint32Array;
}

interface TermEntry {
  term: string;
  shard: number;
  ordinal: number;
  documentsWithTerm: number;
  /** Per block: highest impact. */
  blockMax: number[];
  /** Per block: the first document in (impact desc, document asc) order; unread postings come after it. */
  blockFirst: number[];
  /** Per block: number of postings. */
  blockCount: number[];
  /** The shard's bytes and where block 0 starts in them: decoded only if a query uses the term. */
  bytes: Uint8Array;
  block0At: number;
  block0: Postings | null;
}

export interface SearchHit {
  doc: number;
  score: number;
  id: string;
  type: UnitType;
  url: string;
  label: string;
  title: string;
  status: string;
  date: string;
  /** Indexed fields, for snippets. */
  fields: Record<FieldName, string>;
}

export interface SearchOutcome {
  query: ParsedQuery;
  hits: SearchHit[];
  /** The whole ranking computed (document numbers and scores), of which `hits` are the first k. */
  ranked: { doc: number; score: number }[];
  /** Files read for this query (not counting ones already cached). */
  filesLoaded: string[];
  /** Rounds of block fetching. */
  rounds: number;
  /** Documents scored exactly from their text. */
  resolved: number;
  /** True when the top k are exactly lunr's (always, unless the read budget ran out). */
  complete: boolean;
}

export interface SearchOptions {
  /** How many results (default 20). */
  k?: number;
  /** Extra weight for documents containing the query's words whole (default PHRASE_BONUS). */
  phraseBonus?: number;
  /** Bytes of posting blocks one search may read (default READ_BUDGET). */
  budgetBytes?: number;
  /** Rounds of block reading one search may take (default MAX_ROUNDS). */
  maxRounds?: number;
  /** Bytes of posting blocks a round reads at least, when there is that much to read (default ROUND_BYTES). */
  roundBytes?: number;
  /** At most this many documents scored from their text (default RESOLVE_MAX). */
  resolveMax?: number;
  /** Out of budget: documents scored from their text (default FINAL_RESOLVE). */
  finalResolve?: number;
  /** Require a match of 2+ adjacent characters of a word (default true; false: plain lunr OR). */
  minimumMatch?: boolean;
  /** Read every block of every term (for checking the pruning). */
  exhaustive?: boolean;
}

/**
 * Exact phrases first: lunr's best RERANK_WINDOW documents are reordered by their score multiplied by
 * 1 + PHRASE_BONUS × (share of the query's words the document contains whole). A word is contained
 * when the document has every one of the word's longest n-grams (all its trigrams: 目的の 的の範 の範囲
 * 範囲内 for 目的の範囲内), or a concept the word names (#jlis for JLIS). This is known exactly from
 * the postings already read (and the texts scored exactly), so no text is fetched for it.
 */
export const PHRASE_BONUS = 2;
export const RERANK_WINDOW = 10;
/**
 * What one search may read beyond the shards: posting-block bytes (uncompressed, about 3 bytes a
 * posting) and rounds of fetching. Only queries made of very common words in a very large corpus reach
 * it. When the documents still in question are then few enough (FINAL_RESOLVE) they are scored from
 * their text and the result is still exact; otherwise the likeliest FINAL_RESOLVE are, and the ranking
 * is the best that can be made from what was read (reported as not complete by the bench).
 *
 * Chosen by measurement at 10,000 letters (README): scoring a document from its text costs about
 * 1.2 KB gzip (one document per chunk), reading postings about 0.7 KB gzip per 1,000 bytes; 100 KB of
 * blocks and up to 60 documents from text settle more queries exactly than 150 KB and 40, for fewer
 * bytes.
 */
export const READ_BUDGET = 100_000;
export const MAX_ROUNDS = 8;
/**
 * A round reads at least this much (when there is that much to read): reading only the block that
 * settles most, as long as it is small, took up to 8 rounds of 1–2 KB each, when a few rounds of
 * 20 KB settle the same queries (and more of them within MAX_ROUNDS).
 */
export const ROUND_BYTES = 20_000;
/** At most this many documents are scored from their text; beyond that, more postings are read. */
export const RESOLVE_MAX = 24;
/** Out of reads: at most this many documents are scored exactly from their text. */
export const FINAL_RESOLVE = 60;
/** Estimated uncompressed bytes per posting, to plan reads within the budget. */
const BYTES_PER_POSTING = 3;

const decoder = new TextDecoder();

/** For each query word: the terms that must all be present, and the concept terms that suffice. */
export function wordEvidence(query: ParsedQuery, scheme: Scheme): { all: string[]; any: string[] }[] {
  const longest = Math.max(0, ...scheme.grams);
  return query.words.map((word) => {
    const all = new Set<string>();
    for (const run of runs(word.text)) {
      const n = Math.min(longest, run.length);
      if (n > 0) for (const gram of ngrams(run, [n])) all.add(gram);
    }
    return { all: [...all], any: conceptsIn(word.text).map((k) => CONCEPT_PREFIX + k) };
  });
}

/** The n-th largest value of `values[d]` over `docs` (or -Infinity when there are fewer). */
function kthOf(docs: readonly number[], values: Float64Array, n: number): number {
  if (docs.length < n) return -Infinity;
  const best: number[] = [];
  for (const d of docs) {
    const v = values[d]!;
    if (best.length < n) {
      best.push(v);
      if (best.length === n) best.sort((a, b) => a - b);
    } else if (v > best[0]!) {
      best[0] = v;
      for (let i = 0; i + 1 < n && best[i]! > best[i + 1]!; i += 1) [best[i], best[i + 1]] = [best[i + 1]!, best[i]!];
    }
  }
  return best[0]!;
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

/** Moves past a posting list without decoding it (2 × count varints: gaps, then impacts). */
function skipPostings(r: Reader): void {
  let varints = 2 * r.uint();
  const bytes = r.bytes;
  while (varints > 0) {
    if (r.pos >= bytes.length) throw new Error('truncated varint');
    if (bytes[r.pos++]! < 0x80) varints -= 1;
  }
}

/**
 * A shard's terms and block bounds. Block 0 of each term is only located here, and decoded when a
 * query uses that term: a shard holds a few dozen terms, a query needs one or two of them.
 */
function parseShard(bytes: Uint8Array, shard: number): Map<string, TermEntry> {
  const r = new Reader(bytes);
  const version = r.uint();
  if (version !== INDEX_FORMAT_VERSION) throw new Error(`search index format ${version} not supported`);
  const count = r.uint();
  const map = new Map<string, TermEntry>();
  let previous = '';
  for (let ordinal = 0; ordinal < count; ordinal += 1) {
    const shared = r.uint();
    const term = previous.slice(0, shared) + r.string();
    previous = term;
    const documentsWithTerm = r.uint();
    const blocks = r.uint();
    // Block 0 is read with the shard; its bound is never needed (its count is set when decoded).
    const blockMax: number[] = [0];
    const blockFirst: number[] = [0];
    const blockCount: number[] = [0];
    for (let k = 1; k < blocks; k += 1) {
      blockMax.push(r.uint());
      blockFirst.push(r.uint());
      blockCount.push(r.uint());
    }
    const block0At = r.pos;
    skipPostings(r);
    map.set(term, {
      term,
      shard,
      ordinal,
      documentsWithTerm,
      blockMax,
      blockFirst,
      blockCount,
      bytes,
      block0At,
      block0: null,
    });
  }
  return map;
}

/** Index of the shard whose range holds `term` (shards are listed by their first term). */
export function shardFor(term: string, starts: readonly string[]): number {
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0 || term < starts[0]!) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= term) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

interface ActiveTerm {
  entry: TermEntry;
  boost: number;
  /** The term's bit in the per-document masks (`known`, `present`): word `bit >>> 5`, bit `bit & 31`. */
  bit: number;
  /** Blocks read so far. */
  loaded: number;
}

const isOpen = (t: ActiveTerm) => t.loaded < t.entry.blockMax.length;
/** Highest impact among t's unread postings. */
const nextBound = (t: ActiveTerm): number => (isOpen(t) ? t.entry.blockMax[t.loaded]! : 0);
/** Unread postings of t with impact equal to nextBound(t) belong to documents ≥ this. */
const nextFirst = (t: ActiveTerm): number => (isOpen(t) ? t.entry.blockFirst[t.loaded]! : Infinity);
const nextBytes = (t: ActiveTerm): number => (isOpen(t) ? t.entry.blockCount[t.loaded]! * BYTES_PER_POSTING : 0);

/** Is a better than b in the ranking: higher score, or the same score and an earlier document. */
const better = (scores: Float64Array, a: number, b: number) =>
  scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);

/**
 * The best `k` of `docs` by (score desc, document asc), best first, among those `accept` takes.
 * One pass with a small sorted list: at 10,000 letters a query touches tens of thousands of
 * documents, and sorting them all was a good part of a query's time. `accept` is only asked about
 * documents that would enter the list.
 */
function topByScore(
  docs: readonly number[],
  scores: Float64Array,
  k: number,
  accept?: (d: number) => boolean,
): number[] {
  const best: number[] = [];
  if (k <= 0) return best;
  for (const d of docs) {
    if (best.length === k && !better(scores, d, best[k - 1]!)) continue;
    if (accept && !accept(d)) continue;
    let i = best.length === k ? k - 1 : best.length;
    while (i > 0 && better(scores, d, best[i - 1]!)) {
      best[i] = best[i - 1]!;
      i -= 1;
    }
    best[i] = d;
  }
  return best;
}

export class SearchEngine {
  private loader: Loader;
  private scheme: Scheme;
  private manifest: Promise<Manifest> | null = null;
  private shards = new Map<number, Promise<Map<string, TermEntry>>>();
  private blocks = new Map<string, Promise<Postings>>();
  private chunks = new Map<number, Promise<StoredDoc[]>>();
  private loadedFiles: string[] = [];
  private blockBytes = 0;

  constructor(loader: Loader, scheme: Scheme = DEFAULT_SCHEME) {
    this.loader = loader;
    this.scheme = scheme;
  }

  private async file(name: string): Promise<Uint8Array> {
    this.loadedFiles.push(name);
    const bytes = await this.loader.load(name);
    if (name.startsWith('b')) this.blockBytes += bytes.length;
    return bytes;
  }

  private cached<K, V>(cache: Map<K, Promise<V>>, key: K, make: () => Promise<V>): Promise<V> {
    let p = cache.get(key);
    if (!p) {
      p = make();
      // A failed fetch is not remembered: the next search tries again.
      p.catch(() => cache.delete(key));
      cache.set(key, p);
    }
    return p;
  }

  getManifest(): Promise<Manifest> {
    this.manifest ??= this.file(MANIFEST_FILE).then((bytes) => {
      const manifest = JSON.parse(decoder.decode(bytes)) as Manifest;
      if (manifest.v !== INDEX_FORMAT_VERSION || manifest.scheme !== this.scheme.name) {
        throw new Error(
          `search index is format ${manifest.v}/${manifest.scheme}; this page reads ${INDEX_FORMAT_VERSION}/${this.scheme.name}`,
        );
      }
      return manifest;
    });
    this.manifest.catch(() => {
      this.manifest = null;
    });
    return this.manifest;
  }

  private shard(index: number): Promise<Map<string, TermEntry>> {
    return this.cached(this.shards, index, () => this.file(shardFile(index)).then((bytes) => parseShard(bytes, index)));
  }

  private block(entry: TermEntry, k: number): Promise<Postings> {
    if (k === 0) {
      entry.block0 ??= readPostings(new Reader(entry.bytes, entry.block0At));
      entry.blockCount[0] = entry.block0.docs.length;
      return Promise.resolve(entry.block0);
    }
    const name = blockFile(entry.shard, entry.ordinal, k);
    return this.cached(this.blocks, name, () => this.file(name).then((bytes) => readPostings(new Reader(bytes))));
  }

  private chunk(index: number): Promise<StoredDoc[]> {
    return this.cached(this.chunks, index, () =>
      this.file(chunkFile(index)).then((bytes) => JSON.parse(decoder.decode(bytes)) as StoredDoc[]),
    );
  }

  private async doc(manifest: Manifest, doc: number): Promise<StoredDoc> {
    const docs = await this.chunk(Math.floor(doc / manifest.chunkSize));
    const stored = docs[doc % manifest.chunkSize];
    if (!stored) throw new Error(`search index: document ${doc} missing`);
    return stored;
  }

  /**
   * Exact impact of a term in a document, from its text: lunr's formula over each field; null if
   * absent. The chunk carries the fields already normalized as the index normalized them.
   */
  private exactImpact(manifest: Manifest, stored: StoredDoc, entry: TermEntry): number | null {
    const fields = stored[11];
    const idf = lunrIdf(entry.documentsWithTerm, manifest.docCount);
    const docBoost = manifest.typeBoosts[stored[1]] || 1;
    let impact: number | null = null;
    manifest.fields.forEach((field, i) => {
      const tf = termFrequency(fields[i]!, entry.term);
      if (tf === 0) return;
      impact =
        (impact ?? 0) +
        fieldImpact(
          idf,
          tf,
          stored[10][i]!,
          manifest.averageFieldLength[field],
          manifest.k1,
          manifest.b,
          manifest.fieldBoosts[field] || 1,
          docBoost,
        );
    });
    return impact;
  }

  /** Query weights as integers (× 100): scores are sums of integers, exact in any order of addition. */
  private weights(query: ParsedQuery): Map<string, number> {
    const boosts = new Map<string, number>();
    const add = (term: string, boost: number) => boosts.set(term, (boosts.get(term) ?? 0) + boost);
    for (const word of query.words) for (const t of word.terms) add(t.term, t.boost);
    for (const t of query.concepts) add(t.term, t.boost);
    for (const [term, boost] of boosts) {
      const rounded = Math.round(boost * 100);
      if (rounded > 0) boosts.set(term, rounded);
      else boosts.delete(term);
    }
    return boosts;
  }

  async search(input: string, options: SearchOptions = {}): Promise<SearchOutcome> {
    const wanted = Math.max(1, options.k ?? 20);
    const k = Math.max(wanted, RERANK_WINDOW);
    const bonus = options.phraseBonus ?? PHRASE_BONUS;
    const budget = options.budgetBytes ?? READ_BUDGET;
    const maxRounds = options.maxRounds ?? MAX_ROUNDS;
    const resolveMax = options.resolveMax ?? RESOLVE_MAX;
    const roundBytes = options.roundBytes ?? ROUND_BYTES;
    this.loadedFiles = [];
    this.blockBytes = 0;
    const query = parseQuery(input, this.scheme);
    const boosts = this.weights(query);
    const empty: SearchOutcome = {
      query,
      hits: [],
      ranked: [],
      filesLoaded: [],
      rounds: 0,
      resolved: 0,
      complete: true,
    };
    if (boosts.size === 0) return empty;

    const manifest = await this.getManifest();
    const n = manifest.docCount;
    const byShard = new Map<number, string[]>();
    for (const term of boosts.keys()) {
      const s = shardFor(term, manifest.shards);
      if (s >= 0) byShard.set(s, [...(byShard.get(s) ?? []), term]);
    }
    const shardMaps = await Promise.all([...byShard.keys()].map((s) => this.shard(s)));
    const active: ActiveTerm[] = [];
    [...byShard.values()].forEach((terms, i) => {
      for (const term of terms) {
        const entry = shardMaps[i]!.get(term);
        if (entry) active.push({ entry, boost: boosts.get(term)!, bit: active.length, loaded: 0 });
      }
    });
    if (!active.length) return { ...empty, filesLoaded: this.loadedFiles };

    // What is known per (document, term), as bit masks of W words per document: `known` when the
    // term's impact in the document has been read or computed from text, `present` when the term
    // occurs. One row per document keeps a document's terms together in memory; one array per term
    // (60,000 documents × dozens of terms at 10,000 letters) made every bound computation a cache miss.
    const W = (active.length + 31) >>> 5;
    const known = new Uint32Array(n * W);
    const present = new Uint32Array(n * W);
    const isKnown = (t: ActiveTerm, d: number) => (known[d * W + (t.bit >>> 5)]! & (1 << (t.bit & 31))) !== 0;
    // Lower bounds: what has been read of each document's score.
    const lower = new Float64Array(n);
    const touched: number[] = [];
    const isTouched = new Uint8Array(n);
    const absorb = (t: ActiveTerm, postings: Postings) => {
      const { docs, imps } = postings;
      const word = t.bit >>> 5;
      const mask = 1 << (t.bit & 31);
      for (let i = 0; i < docs.length; i += 1) {
        const d = docs[i]!;
        const at = d * W + word;
        known[at]! |= mask;
        present[at]! |= mask;
        lower[d]! += t.boost * imps[i]!;
        if (!isTouched[d]) {
          isTouched[d] = 1;
          touched.push(d);
        }
      }
    };
    const readNext = async (terms: ActiveTerm[]) => {
      const fetched = await Promise.all(terms.map((t) => this.block(t.entry, t.loaded)));
      terms.forEach((t, i) => {
        absorb(t, fetched[i]!);
        t.loaded += 1;
      });
    };
    // Round 0: the first block of every term came with its shard.
    await readNext(active);
    let rounds = 0;
    if (options.exhaustive) {
      for (let open = active.filter(isOpen); open.length; open = active.filter(isOpen)) {
        await readNext(open);
        rounds += 1;
      }
    }

    // Minimum match: a result must match at least two adjacent characters of some query word (or the
    // whole of a one-character word, or a concept): a lone shared kana is not a match (ゼブラ finds
    // nothing). `strong` holds the bits of those terms. A document is known to qualify once one of them
    // is present; it may still qualify while one of them is unread and unknown for it.
    const bitOf = new Map<string, number>(active.map((t) => [t.entry.term, t.bit]));
    const strong = new Uint32Array(W);
    if (options.minimumMatch === false) strong.fill(0xffffffff);
    else {
      const strongTerms = query.words.flatMap((w) => {
        const long = w.terms.filter((t) => Array.from(t.term).length >= 2).map((t) => t.term);
        return long.length ? long : w.terms.map((t) => t.term);
      });
      for (const term of [...strongTerms, ...query.concepts.map((c) => c.term)]) {
        const bit = bitOf.get(term);
        if (bit !== undefined) strong[bit >>> 5]! |= 1 << (bit & 31);
      }
    }
    const qualifies = (d: number) => {
      for (let w = 0; w < W; w += 1) if ((present[d * W + w]! & strong[w]!) !== 0) return true;
      return false;
    };
    // Bits of the terms with unread blocks (whatever their weight).
    const unreadBits = new Uint32Array(W);
    const mayQualify = (d: number) => {
      if (qualifies(d)) return true;
      for (let w = 0; w < W; w += 1) if ((strong[w]! & unreadBits[w]! & ~known[d * W + w]!) !== 0) return true;
      return false;
    };

    // The k-th best so far among documents known to qualify, by (score desc, document asc): ties go to
    // the earlier document. Counting documents that do not qualify would cut off ones that do (their
    // lower bounds are real scores, but of documents the ranking then drops).
    const kth = (): { score: number; doc: number } => {
      const top = topByScore(touched, lower, k, qualifies);
      if (top.length < k) return { score: -Infinity, doc: n };
      const d = top[k - 1]!;
      return { score: lower[d]!, doc: d };
    };
    /**
     * Could document d, whose score is at most `bound`, still rank above the k-th? On a tie it would
     * need every unread term at its highest unread impact, whose documents are all ≥ `minDoc`.
     */
    const couldBeat = (bound: number, d: number, minDoc: number, theta: { score: number; doc: number }) =>
      bound > theta.score || (bound === theta.score && Math.max(d, minDoc) <= theta.doc);
    // Per round, for each term: what its unread postings could still add (boost × next block's
    // highest impact), and the open terms with something to add, as a mask.
    const weightOf = new Float64Array(active.length);
    const firstOf = new Float64Array(active.length);
    const openBits = new Uint32Array(W);
    const refreshBounds = (open: ActiveTerm[]) => {
      weightOf.fill(0);
      openBits.fill(0);
      unreadBits.fill(0);
      for (const t of open) {
        unreadBits[t.bit >>> 5]! |= 1 << (t.bit & 31);
        const w = t.boost * nextBound(t);
        if (w <= 0) continue;
        weightOf[t.bit] = w;
        firstOf[t.bit] = nextFirst(t);
        openBits[t.bit >>> 5]! |= 1 << (t.bit & 31);
      }
    };
    /**
     * The most d's score can still gain (open terms not known for d, at their next block's highest
     * impact); `restMinDoc` is then the document those highest unread postings start at.
     */
    let restMinDoc = 0;
    const restOf = (d: number): number => {
      let rest = 0;
      let minDoc = 0;
      const row = d * W;
      for (let w = 0; w < W; w += 1) {
        let x = openBits[w]! & ~known[row + w]!;
        while (x !== 0) {
          const low = x & -x;
          const b = (w << 5) | (31 - Math.clz32(low));
          rest += weightOf[b]!;
          if (firstOf[b]! > minDoc) minDoc = firstOf[b]!;
          x ^= low;
        }
      }
      restMinDoc = minDoc;
      return rest;
    };
    /** Scores documents exactly from their text for the terms not read for them. */
    const resolve = async (docs: number[], open: ActiveTerm[]) => {
      const storedDocs = await Promise.all(docs.map((d) => this.doc(manifest, d)));
      docs.forEach((d, i) => {
        for (const t of open) {
          if (isKnown(t, d)) continue;
          const impact = this.exactImpact(manifest, storedDocs[i]!, t.entry);
          const at = d * W + (t.bit >>> 5);
          known[at]! |= 1 << (t.bit & 31);
          if (impact === null) continue;
          present[at]! |= 1 << (t.bit & 31);
          lower[d]! += t.boost * impact;
        }
      });
    };
    /**
     * Adds terms (best first) while their next blocks fit in what is left of the budget, until
     * `enough` says so and the round reads at least `roundBytes` (fewer, fuller rounds: each is a
     * network round trip in the browser).
     */
    const withinBudget = (ordered: ActiveTerm[], enough: (picked: ActiveTerm[]) => boolean) => {
      const picked: ActiveTerm[] = [];
      let bytes = this.blockBytes;
      let satisfied = false;
      for (const t of ordered) {
        if (bytes + nextBytes(t) > budget) continue;
        picked.push(t);
        bytes += nextBytes(t);
        satisfied ||= enough(picked);
        if (satisfied && bytes - this.blockBytes >= roundBytes) break;
      }
      return picked;
    };

    let candidates: number[] = touched;
    let resolved = 0;
    let complete = true;
    for (;;) {
      const open = active.filter(isOpen);
      if (!open.length) break;
      refreshBounds(open);
      const theta = kth();
      const unseenMax = open.reduce((sum, t) => sum + t.boost * nextBound(t), 0);
      const unseenMinDoc = open.reduce((m, t) => (t.boost * nextBound(t) > 0 ? Math.max(m, nextFirst(t)) : m), 0);
      // Could a document not read at all still enter the top k? Only through an unread posting of a
      // term that makes it qualify.
      const strongOpen = open.some((t) => (strong[t.bit >>> 5]! & (1 << (t.bit & 31))) !== 0);
      const unseenMatters = strongOpen && couldBeat(unseenMax, 0, unseenMinDoc, theta);
      let plan: ActiveTerm[] = [];
      // Documents that could still be in the top k, and those of them whose score is not fully known
      // (only computed once no document left unread can enter the top k).
      const inPlay: number[] = [];
      const uncertain: number[] = [];
      if (unseenMatters) {
        // Read the blocks that lower the bound on unread documents most, until it falls below the k-th.
        const gain = (t: ActiveTerm) =>
          t.boost * (nextBound(t) - (t.loaded + 1 < t.entry.blockMax.length ? t.entry.blockMax[t.loaded + 1]! : 0));
        let bound = unseenMax;
        plan = withinBudget(
          [...open].sort((a, b) => gain(b) - gain(a)),
          (picked) => {
            bound -= gain(picked[picked.length - 1]!);
            return bound < theta.score;
          },
        );
      } else {
        // What the uncertain documents could still gain per term (terms with something left to add,
        // in the order first met).
        const missing = new Float64Array(active.length);
        const missingOrder: ActiveTerm[] = [];
        const isMissing = new Uint8Array(active.length);
        for (const d of touched) {
          if (lower[d]! + unseenMax < theta.score || !mayQualify(d)) continue;
          const rest = restOf(d);
          if (!couldBeat(lower[d]! + rest, d, restMinDoc, theta)) continue;
          inPlay.push(d);
          // Uncertain: its score, or whether it qualifies, is not known yet.
          if (rest > 0 || !qualifies(d)) {
            uncertain.push(d);
            for (const t of open) {
              if (weightOf[t.bit] === 0 || isKnown(t, d)) continue;
              if (!isMissing[t.bit]) {
                isMissing[t.bit] = 1;
                missingOrder.push(t);
              }
              missing[t.bit]! += weightOf[t.bit]!;
            }
          }
        }
        if (uncertain.length <= resolveMax) {
          // Score the last few exactly from their text rather than reading long posting lists.
          await resolve(uncertain, open);
          resolved = uncertain.length;
          candidates = inPlay;
          break;
        }
        // Too many open questions: read the next block of the terms they hinge on most.
        const ranked = [...missingOrder].sort((a, b) => missing[b.bit]! - missing[a.bit]!);
        const total = ranked.reduce((sum, t) => sum + missing[t.bit]!, 0);
        let covered = 0;
        plan = withinBudget(ranked, (picked) => {
          covered += missing[picked[picked.length - 1]!.bit]!;
          return covered >= total / 2;
        });
      }
      if (!plan.length || rounds >= maxRounds) {
        const wantedCount = Math.max(options.finalResolve ?? FINAL_RESOLVE, k);
        if (!unseenMatters && uncertain.length <= wantedCount) {
          // Out of reads, but the documents still in question are few enough to score from their
          // text: the ranking is still exact.
          await resolve(uncertain, open);
          resolved = uncertain.length;
          candidates = inPlay;
          break;
        }
        // Out of budget (very common words in a very large corpus): score exactly the documents most
        // likely to be on top (what has been read plus half of what could still come) and rank with
        // everything read so far.
        complete = false;
        // An estimate lies between the lower bound and lower + unseenMax / 2: skip documents that
        // cannot reach the wantedCount-th lower bound.
        const floor = kthOf(touched, lower, wantedCount) - unseenMax / 2;
        const estimate = new Float64Array(n);
        const hopeful = touched.filter((d) => lower[d]! >= floor && mayQualify(d));
        for (const d of hopeful) estimate[d] = lower[d]! + restOf(d) / 2;
        const likeliest = topByScore(hopeful, estimate, wantedCount);
        await resolve(likeliest, open);
        resolved = likeliest.length;
        break;
      }
      await readNext(plan);
      rounds += 1;
    }

    // Rerank lunr's best by phrase coverage, then fetch only the documents shown.
    const has = (bit: number, d: number) => (present[d * W + (bit >>> 5)]! & (1 << (bit & 31))) !== 0;
    // Per query word: the bits of the terms that must all be present (null when one of them is not in
    // the index at all), and of the concept terms that suffice.
    const evidence = wordEvidence(query, this.scheme).map((e) => ({
      all: e.all.length && e.all.every((t) => bitOf.has(t)) ? e.all.map((t) => bitOf.get(t)!) : null,
      any: e.any.filter((t) => bitOf.has(t)).map((t) => bitOf.get(t)!),
    }));
    const coverage = (d: number) => {
      if (!evidence.length) return 0;
      let found = 0;
      for (const e of evidence) {
        if ((e.all && e.all.every((b) => has(b, d))) || e.any.some((b) => has(b, d))) found += 1;
      }
      return found / evidence.length;
    };
    const byBase = topByScore(candidates, lower, k, qualifies).map((doc) => ({ doc, score: lower[doc]! }));
    const head = byBase
      .slice(0, RERANK_WINDOW)
      .map(({ doc, score }) => ({ doc, score: score * (1 + bonus * coverage(doc)) }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
    const ranked = [...head, ...byBase.slice(RERANK_WINDOW)];
    const shown = ranked.slice(0, wanted);
    const stored = await Promise.all(shown.map(({ doc }) => this.doc(manifest, doc)));
    const hits: SearchHit[] = shown.map(({ doc, score }, i) => {
      const s = stored[i]!;
      return {
        doc,
        score,
        id: s[0],
        type: s[1],
        url: s[2],
        label: s[3],
        title: s[4],
        status: s[5],
        date: s[6],
        fields: { title: s[7], body: s[8], meta: s[9] },
      };
    });
    return { query, hits, ranked, filesLoaded: this.loadedFiles, rounds, resolved, complete };
  }
}
