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
import { parseQuery, conceptsIn, runs, ngrams, normalizeForIndex, termFrequency, CONCEPT_PREFIX, type ParsedQuery, type Scheme, DEFAULT_SCHEME } from './tokenize.ts';
import { fieldImpact, lunrIdf } from './scoring.ts';
import { MANIFEST_FILE, INDEX_FORMAT_VERSION, shardFile, blockFile, chunkFile, type Manifest, type StoredDoc, type FieldName } from './format.ts';
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
  block0: Postings;
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
 * it; they then get the best ranking that can be made from what was read, scored exactly for the
 * likeliest documents (reported as not complete by the bench).
 */
export const READ_BUDGET = 150_000;
export const MAX_ROUNDS = 8;
/** At most this many documents are scored from their text; beyond that, more postings are read. */
export const RESOLVE_MAX = 24;
/** Out of budget: how many of the likeliest documents are scored exactly from their text. */
export const FINAL_RESOLVE = 40;
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
    // Block 0 is read at once; its bounds are never needed.
    const blockMax: number[] = [0];
    const blockFirst: number[] = [0];
    const blockCount: number[] = [0];
    for (let k = 1; k < blocks; k += 1) {
      blockMax.push(r.uint());
      blockFirst.push(r.uint());
      blockCount.push(r.uint());
    }
    const block0 = readPostings(r);
    blockCount[0] = block0.docs.length;
    map.set(term, { term, shard, ordinal, documentsWithTerm, blockMax, blockFirst, blockCount, block0 });
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
  /** Blocks read so far. */
  loaded: number;
  /** Per document: 0 not known yet, 1 known absent (scored from text), impact + 2 when present. */
  seen: Uint32Array;
}

const isOpen = (t: ActiveTerm) => t.loaded < t.entry.blockMax.length;
/** Highest impact among t's unread postings. */
const nextBound = (t: ActiveTerm): number => (isOpen(t) ? t.entry.blockMax[t.loaded]! : 0);
/** Unread postings of t with impact equal to nextBound(t) belong to documents ≥ this. */
const nextFirst = (t: ActiveTerm): number => (isOpen(t) ? t.entry.blockFirst[t.loaded]! : Infinity);
const nextBytes = (t: ActiveTerm): number => (isOpen(t) ? t.entry.blockCount[t.loaded]! * BYTES_PER_POSTING : 0);

export class SearchEngine {
  private loader: Loader;
  private scheme: Scheme;
  private manifest: Promise<Manifest> | null = null;
  private shards = new Map<number, Promise<Map<string, TermEntry>>>();
  private blocks = new Map<string, Promise<Postings>>();
  private chunks = new Map<number, Promise<StoredDoc[]>>();
  private normalizedFields = new Map<number, string[]>();
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
        throw new Error(`search index is format ${manifest.v}/${manifest.scheme}; this page reads ${INDEX_FORMAT_VERSION}/${this.scheme.name}`);
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
    if (k === 0) return Promise.resolve(entry.block0);
    const name = blockFile(entry.shard, entry.ordinal, k);
    return this.cached(this.blocks, name, () => this.file(name).then((bytes) => readPostings(new Reader(bytes))));
  }

  private chunk(index: number): Promise<StoredDoc[]> {
    return this.cached(this.chunks, index, () => this.file(chunkFile(index)).then((bytes) => JSON.parse(decoder.decode(bytes)) as StoredDoc[]));
  }

  private async doc(manifest: Manifest, doc: number): Promise<StoredDoc> {
    const docs = await this.chunk(Math.floor(doc / manifest.chunkSize));
    const stored = docs[doc % manifest.chunkSize];
    if (!stored) throw new Error(`search index: document ${doc} missing`);
    return stored;
  }

  /** Exact impact of a term in a document, from its text: lunr's formula over each field; null if absent. */
  private exactImpact(manifest: Manifest, doc: number, stored: StoredDoc, entry: TermEntry): number | null {
    let fields = this.normalizedFields.get(doc);
    if (!fields) {
      fields = [stored[7], stored[8], stored[9]].map((text) => normalizeForIndex(text, this.scheme));
      this.normalizedFields.set(doc, fields);
    }
    const idf = lunrIdf(entry.documentsWithTerm, manifest.docCount);
    const docBoost = manifest.typeBoosts[stored[1]] || 1;
    let impact: number | null = null;
    manifest.fields.forEach((field, i) => {
      const tf = termFrequency(fields[i]!, entry.term);
      if (tf === 0) return;
      impact = (impact ?? 0) + fieldImpact(idf, tf, stored[10][i]!, manifest.averageFieldLength[field], manifest.k1, manifest.b, manifest.fieldBoosts[field] || 1, docBoost);
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
    this.loadedFiles = [];
    this.blockBytes = 0;
    const query = parseQuery(input, this.scheme);
    const boosts = this.weights(query);
    const empty: SearchOutcome = { query, hits: [], ranked: [], filesLoaded: [], rounds: 0, resolved: 0, complete: true };
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
        if (entry) active.push({ entry, boost: boosts.get(term)!, loaded: 0, seen: new Uint32Array(n) });
      }
    });
    if (!active.length) return { ...empty, filesLoaded: this.loadedFiles };

    // Lower bounds: what has been read of each document's score.
    const lower = new Float64Array(n);
    const touched: number[] = [];
    const isTouched = new Uint8Array(n);
    const absorb = (t: ActiveTerm, postings: Postings) => {
      const { docs, imps } = postings;
      for (let i = 0; i < docs.length; i += 1) {
        const d = docs[i]!;
        t.seen[d] = imps[i]! + 2;
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

    // The k-th best so far, by (score desc, document asc): ties go to the earlier document.
    const kth = (): { score: number; doc: number } => {
      if (touched.length < k) return { score: 0, doc: n };
      const best: number[] = []; // documents, worst first
      const worse = (a: number, b: number) => lower[a]! < lower[b]! || (lower[a] === lower[b] && a > b);
      for (const d of touched) {
        if (best.length < k) {
          best.push(d);
          if (best.length === k) best.sort((a, b) => (worse(a, b) ? -1 : worse(b, a) ? 1 : 0));
        } else if (worse(best[0]!, d)) {
          best[0] = d;
          for (let i = 0; i + 1 < k && worse(best[i + 1]!, best[i]!); i += 1) [best[i], best[i + 1]] = [best[i + 1]!, best[i]!];
        }
      }
      return { score: lower[best[0]!]!, doc: best[0]! };
    };
    /**
     * Could document d, whose score is at most `bound`, still rank above the k-th? On a tie it would
     * need every unread term at its highest unread impact, whose documents are all ≥ `minDoc`.
     */
    const couldBeat = (bound: number, d: number, minDoc: number, theta: { score: number; doc: number }) =>
      bound > theta.score || (bound === theta.score && Math.max(d, minDoc) <= theta.doc);
    const restOf = (d: number, open: ActiveTerm[]) => {
      let rest = 0;
      let minDoc = 0;
      for (const t of open) {
        if (t.seen[d]) continue;
        const w = t.boost * nextBound(t);
        rest += w;
        if (w > 0) minDoc = Math.max(minDoc, nextFirst(t));
      }
      return { rest, minDoc };
    };
    /** Scores documents exactly from their text for the terms not read for them. */
    const resolve = async (docs: number[], open: ActiveTerm[]) => {
      const storedDocs = await Promise.all(docs.map((d) => this.doc(manifest, d)));
      docs.forEach((d, i) => {
        for (const t of open) {
          if (t.seen[d]) continue;
          const tf = this.exactImpact(manifest, d, storedDocs[i]!, t.entry);
          const impact = tf ?? 0;
          t.seen[d] = tf === null ? 1 : impact + 2;
          lower[d]! += t.boost * impact;
        }
      });
    };
    /** Adds terms (best first) while their next blocks fit in what is left of the budget. */
    const withinBudget = (ordered: ActiveTerm[], enough: (picked: ActiveTerm[]) => boolean) => {
      const picked: ActiveTerm[] = [];
      let bytes = this.blockBytes;
      for (const t of ordered) {
        if (bytes + nextBytes(t) > budget) continue;
        picked.push(t);
        bytes += nextBytes(t);
        if (enough(picked)) break;
      }
      return picked;
    };

    let candidates: number[] = touched;
    let resolved = 0;
    let complete = true;
    for (;;) {
      const open = active.filter(isOpen);
      if (!open.length) break;
      const theta = kth();
      const unseenMax = open.reduce((sum, t) => sum + t.boost * nextBound(t), 0);
      const unseenMinDoc = open.reduce((m, t) => (t.boost * nextBound(t) > 0 ? Math.max(m, nextFirst(t)) : m), 0);
      // Could a document not read at all still enter the top k?
      const unseenMatters = touched.length < k || couldBeat(unseenMax, 0, unseenMinDoc, theta);
      let plan: ActiveTerm[] = [];
      if (unseenMatters) {
        // Read the blocks that lower the bound on unread documents most, until it falls below the k-th.
        const gain = (t: ActiveTerm) => t.boost * (nextBound(t) - (t.loaded + 1 < t.entry.blockMax.length ? t.entry.blockMax[t.loaded + 1]! : 0));
        let bound = unseenMax;
        plan = withinBudget([...open].sort((a, b) => gain(b) - gain(a)), (picked) => {
          bound -= gain(picked[picked.length - 1]!);
          return bound < theta.score;
        });
      } else {
        // Documents that could still be in the top k, and those whose score is not fully known.
        const inPlay: number[] = [];
        const uncertain: number[] = [];
        const missing = new Map<ActiveTerm, number>();
        for (const d of touched) {
          if (lower[d]! + unseenMax < theta.score) continue;
          const { rest, minDoc } = restOf(d, open);
          if (!couldBeat(lower[d]! + rest, d, minDoc, theta)) continue;
          inPlay.push(d);
          if (rest > 0) {
            uncertain.push(d);
            for (const t of open) if (!t.seen[d]) missing.set(t, (missing.get(t) ?? 0) + t.boost * nextBound(t));
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
        const ranked = [...missing].sort((a, b) => b[1] - a[1]);
        const total = ranked.reduce((sum, [, w]) => sum + w, 0);
        let covered = 0;
        plan = withinBudget(ranked.map(([t]) => t), (picked) => {
          covered += missing.get(picked[picked.length - 1]!)!;
          return covered >= total / 2;
        });
      }
      if (!plan.length || rounds >= maxRounds) {
        // Out of budget (very common words in a very large corpus): score exactly the documents most
        // likely to be on top (what has been read plus half of what could still come) and rank with
        // everything read so far.
        complete = false;
        const wantedCount = Math.max(options.finalResolve ?? FINAL_RESOLVE, k);
        // An estimate lies between the lower bound and lower + unseenMax / 2: skip documents that
        // cannot reach the wantedCount-th lower bound.
        const floor = kthOf(touched, lower, wantedCount) - unseenMax / 2;
        const likeliest = touched
          .filter((d) => lower[d]! >= floor)
          .map((d) => ({ d, estimate: lower[d]! + restOf(d, open).rest / 2 }))
          .sort((a, b) => b.estimate - a.estimate || a.d - b.d)
          .slice(0, wantedCount)
          .map((x) => x.d);
        await resolve(likeliest, open);
        resolved = likeliest.length;
        break;
      }
      await readNext(plan);
      rounds += 1;
    }

    // Rerank lunr's best by phrase coverage, then fetch only the documents shown.
    const byTerm = new Map<string, ActiveTerm>(active.map((t) => [t.entry.term, t]));
    const has = (term: string, d: number) => (byTerm.get(term)?.seen[d] ?? 0) >= 2;
    const evidence = wordEvidence(query, this.scheme);
    const coverage = (d: number) => {
      if (!evidence.length) return 0;
      let found = 0;
      for (const e of evidence) {
        if ((e.all.length > 0 && e.all.every((t) => has(t, d))) || e.any.some((t) => has(t, d))) found += 1;
      }
      return found / evidence.length;
    };
    // A result must match at least two adjacent characters of some query word (or the whole of a
    // one-character word, or a concept): a lone shared kana is not a match (ゼブラ finds nothing).
    const strong = query.words.map((w) => {
      const long = w.terms.filter((t) => Array.from(t.term).length >= 2).map((t) => t.term);
      return long.length ? long : w.terms.map((t) => t.term);
    });
    strong.push(query.concepts.map((c) => c.term));
    const qualifies = (d: number) => options.minimumMatch === false || strong.some((terms) => terms.some((t) => has(t, d)));
    const byBase = candidates
      .filter(qualifies)
      .map((doc) => ({ doc, score: lower[doc]! }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc)
      .slice(0, k);
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
        doc, score, id: s[0], type: s[1], url: s[2], label: s[3], title: s[4], status: s[5], date: s[6],
        fields: { title: s[7], body: s[8], meta: s[9] },
      };
    });
    return { query, hits, ranked, filesLoaded: this.loadedFiles, rounds, resolved, complete };
  }
}
