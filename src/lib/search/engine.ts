/**
 * Runs a query against the split index (build.ts). The browser, the bench and the tests use this same
 * code; only the loader differs (fetch in the browser, a map in memory elsewhere).
 *
 * Scoring is lunr's: score(d) = Σ over query terms t of weight(t) × impact(t, d), impact being lunr's
 * BM25 weight × 1000 summed over fields (lunr divides by the query vector's length, the same for every
 * document, so the order is the same). Integers throughout, so the sum is exact in any order.
 *
 * A search runs in named steps (`search` below):
 *  1. lookUp     — fetch the shards holding the query's terms; read each term's block 0.
 *  2. settle     — read further blocks, impact order, only while a document not read could still
 *                  enter the top k; score the last few uncertain documents exactly from their text.
 *                  Afterwards every candidate's score, and whether it passes minimum match, is exact —
 *                  unless the read budget ran out, which the outcome reports (`complete: false`).
 *  3. rank       — the best k that pass minimum match, by (score desc, document asc); the best
 *                  RERANK_WINDOW reordered by phrase coverage (which words they hold: from their texts
 *                  for terms whose unread postings all weigh 0, which settling never needs).
 *  4. showHits   — fetch the documents shown.
 * tests/search-property.test.ts checks the result against scoring every posting (the simple version).
 *
 * Files by step: query-terms.ts (the query's weights, minimum match, coverage for the rerank),
 * scoreboard.ts (what pruning knows: term bounds, per-document bounds, the k best), this file (the
 * steps themselves: fetching, settling, ranking, the hits shown).
 */
import { parseQuery, termFrequency, ENGLISH_PREFIX, DEFAULT_SCHEME } from './tokenize.ts';
import type { ParsedQuery, Scheme } from './tokenize.ts';
import { fieldImpact, lunrIdf } from './scoring.ts';
import {
  MANIFEST_FILE,
  INDEX_FORMAT_VERSION,
  STORED,
  shardFile,
  blockFile,
  chunkFile,
  isEnglishField,
} from './index-format.ts';
import type { Manifest, StoredDoc, FieldName } from './index-format.ts';
import { decodeShard, decodeBlock, decodeBlock0, type Postings, type ShardEntry } from './byte-layout.ts';
import type { UnitType } from './units.ts';
import {
  queryWeights,
  minimumMatchTerms,
  wordEvidence,
  coverageOf,
  PHRASE_BONUS,
  RERANK_WINDOW,
} from './query-terms.ts';
import {
  Scoreboard,
  couldBeat,
  gain,
  isOpen,
  nextBound,
  nextBytes,
  nextFirst,
  topByScore,
  type Term,
  type Theta,
} from './scoreboard.ts';

// The query side and the ranking constants are part of the engine's interface (tests, the bench).
export * from './query-terms.ts';

export interface Loader {
  /** Contents of an index file, by its path under the index folder. */
  load(path: string): Promise<Uint8Array>;
}

/**
 * The index files cannot be used: `stale` when they belong to another build than the page (a cached
 * page or manifest after a new deploy), `corrupt` when a file does not read as the index's layout.
 * Network failures are the loader's own errors, not this.
 */
export class SearchIndexError extends Error {
  readonly kind: 'stale' | 'corrupt';
  constructor(kind: 'stale' | 'corrupt', message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SearchIndexError';
    this.kind = kind;
  }
}

/**
 * What one search may read, chosen by measurement at 10,000 letters (README): scoring a document from
 * its text costs about 1.2 KB gzip, reading postings about 0.7 KB gzip per 1,000 bytes.
 */
export interface Limits {
  /** Bytes of posting blocks one search may read (uncompressed, about 3 bytes a posting). */
  readBudget: number;
  /** Rounds of block reading (each is a network round trip). */
  maxRounds: number;
  /** A round reads at least this much when there is that much to read: fewer, fuller rounds. */
  roundBytes: number;
  /** At most this many uncertain documents are scored from their text; beyond, more blocks are read. */
  resolveMax: number;
  /** Out of reads: documents scored from their text (exact if the uncertain ones are no more). */
  finalResolve: number;
}

export const DEFAULT_LIMITS: Limits = {
  readBudget: 100_000,
  maxRounds: 8,
  roundBytes: 20_000,
  resolveMax: 24,
  finalResolve: 60,
};

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
  /**
   * 'en' when the unit's English fields weigh more in its score than its Japanese ones: url, label,
   * title and text are then those of its English page.
   */
  lang: 'ja' | 'en';
  /** The body the snippet is cut from, in the hit's language. */
  text: string;
}

export interface SearchOutcome {
  query: ParsedQuery;
  hits: SearchHit[];
  /** Files this search fetched (not counting those already cached). */
  filesLoaded: string[];
  /** Rounds of block reading. */
  rounds: number;
  /** Documents scored exactly from their text. */
  resolved: number;
  /** True when the top k are exact (always, unless the read budget ran out). */
  complete: boolean;
}

interface SearchOptions {
  /** How many results (default 20). */
  k?: number;
  /** A newer search aborts this one: it then rejects with the signal's reason at its next step. */
  signal?: AbortSignal;
  /**
   * The page's language. 'en' (the English search page): every hit with an English page is shown as
   * it; the others in Japanese (the page says so). Default 'ja': see showHits.
   */
  lang?: 'ja' | 'en';
}

/** What one search has fetched: file names, and bytes of blocks against the budget. */
interface Reads {
  files: string[];
  blockBytes: number;
}

/** Index of the shard whose range holds `term` (shards are listed by their first term), or -1. */
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

export class SearchEngine {
  private readonly loader: Loader;
  private readonly scheme: Scheme;
  private readonly limits: Limits;
  private manifest: Promise<Manifest> | null = null;
  // Shared by all searches: promises of parsed files (a failed one is forgotten, so the next search
  // tries again). Fetches are not cancelled with a search: the next query usually needs the same files.
  private readonly files = new Map<string, Promise<unknown>>();
  private readonly block0s = new WeakMap<ShardEntry, Postings>();

  constructor(loader: Loader, scheme: Scheme = DEFAULT_SCHEME, limits: Partial<Limits> = {}) {
    this.loader = loader;
    this.scheme = scheme;
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** A file fetched and parsed once; parse failures become SearchIndexError('corrupt'). */
  private fetchParsed<T>(path: string, reads: Reads | null, parse: (bytes: Uint8Array) => T): Promise<T> {
    let p = this.files.get(path) as Promise<T> | undefined;
    if (!p) {
      reads?.files.push(path);
      p = this.loader.load(path).then((bytes) => {
        if (reads && path.includes('/b')) reads.blockBytes += bytes.length;
        try {
          return parse(bytes);
        } catch (error) {
          if (error instanceof SearchIndexError) throw error;
          throw new SearchIndexError('corrupt', `${path}: ${String(error)}`, {
            cause: error,
          });
        }
      });
      p.catch(() => this.files.delete(path));
      this.files.set(path, p);
    }
    return p;
  }

  getManifest(): Promise<Manifest> {
    this.manifest ??= this.fetchParsed(MANIFEST_FILE, null, (bytes) => {
      const manifest = JSON.parse(new TextDecoder().decode(bytes)) as Manifest;
      if (manifest.v !== INDEX_FORMAT_VERSION || manifest.scheme !== this.scheme.name) {
        throw new SearchIndexError(
          'stale',
          `index ${manifest.v}/${manifest.scheme}, page ${INDEX_FORMAT_VERSION}/${this.scheme.name}`,
        );
      }
      if (typeof manifest.build !== 'string' || !Array.isArray(manifest.shards)) throw new Error('bad manifest');
      return manifest;
    });
    this.manifest.catch(() => (this.manifest = null));
    return this.manifest;
  }

  private path(manifest: Manifest, file: string): string {
    return `${manifest.build}/${file}`;
  }

  private block(manifest: Manifest, t: Term, reads: Reads): Promise<Postings> {
    if (t.loaded === 0) {
      let postings = this.block0s.get(t.entry);
      if (!postings) this.block0s.set(t.entry, (postings = decodeBlock0(t.entry)));
      return Promise.resolve(postings);
    }
    return this.fetchParsed(this.path(manifest, blockFile(t.shard, t.entry.ordinal, t.loaded)), reads, decodeBlock);
  }

  private async doc(manifest: Manifest, doc: number, reads: Reads): Promise<StoredDoc> {
    const chunk = Math.floor(doc / manifest.chunkSize);
    const docs = await this.fetchParsed(
      this.path(manifest, chunkFile(chunk)),
      reads,
      (bytes) => JSON.parse(new TextDecoder().decode(bytes)) as StoredDoc[],
    );
    const stored = docs[doc % manifest.chunkSize];
    if (!Array.isArray(stored) || stored.length < STORED.size)
      throw new SearchIndexError('corrupt', `document ${doc} missing`);
    return stored;
  }

  /**
   * lunr's impact of a term in a document, from the document's normalized fields (those `only` keeps,
   * by default all); null if absent.
   */
  private impactFromText(
    manifest: Manifest,
    stored: StoredDoc,
    entry: ShardEntry,
    only: (field: FieldName) => boolean = () => true,
  ): number | null {
    const idf = lunrIdf(entry.documentsWithTerm, manifest.docCount);
    let impact: number | null = null;
    manifest.fields.forEach((field, i) => {
      if (!only(field)) return;
      const tf = termFrequency(stored[STORED.normalized][i]!, entry.term);
      if (tf === 0) return;
      const { k1, b, averageFieldLength, fieldBoosts, typeBoosts } = manifest;
      const weight = fieldImpact(
        idf,
        tf,
        stored[STORED.lengths][i]!,
        averageFieldLength[field],
        k1,
        b,
        fieldBoosts[field] || 1,
        typeBoosts[stored[1]] || 1,
      );
      impact = (impact ?? 0) + weight;
    });
    return impact;
  }

  async search(input: string, options: SearchOptions = {}): Promise<SearchOutcome> {
    const wanted = Math.max(1, options.k ?? 20);
    const k = Math.max(wanted, RERANK_WINDOW);
    const step = () => options.signal?.throwIfAborted();
    const reads: Reads = { files: [], blockBytes: 0 };
    const query = parseQuery(input, this.scheme);
    const outcome = (hits: SearchHit[], settled = { rounds: 0, resolved: 0, complete: true }) => ({
      query,
      hits,
      filesLoaded: reads.files,
      ...settled,
    });
    const weights = queryWeights(query);
    if (weights.size === 0) return outcome([]);
    const manifest = await this.getManifest();
    step();
    const terms = await this.lookUp(manifest, weights, reads);
    step();
    if (!terms.length) return outcome([]);
    const board = new Scoreboard(manifest.docCount, terms, minimumMatchTerms(query));
    const settled = await this.settle(manifest, board, terms, k, reads, step);
    const ranked = await this.rank(manifest, board, terms, query, settled.candidates, k, reads);
    const hits = await this.showHits(manifest, ranked.slice(0, wanted), terms, reads, options.lang ?? 'ja');
    step();
    return outcome(hits, settled);
  }

  /** Step 1: the query's terms that the index holds, with block 0 of each read into nothing yet. */
  private async lookUp(manifest: Manifest, weights: Map<string, number>, reads: Reads): Promise<Term[]> {
    const byShard = new Map<number, string[]>();
    for (const term of weights.keys()) {
      const s = shardFor(term, manifest.shards);
      if (s < 0) continue;
      const list = byShard.get(s);
      if (list) list.push(term);
      else byShard.set(s, [term]);
    }
    const shards = await Promise.all(
      [...byShard.keys()].map((s) => this.fetchParsed(this.path(manifest, shardFile(s)), reads, decodeShard)),
    );
    const terms: Term[] = [];
    [...byShard].forEach(([shard, names], i) => {
      for (const name of names) {
        const entry = shards[i]!.get(name);
        if (entry) terms.push({ entry, shard, boost: weights.get(name)!, bit: terms.length, loaded: 0 });
      }
    });
    return terms;
  }

  /** Reads the next block of each term given (round 0: block 0, which came with its shard). */
  private async readNext(manifest: Manifest, board: Scoreboard, terms: readonly Term[], reads: Reads) {
    const blocks = await Promise.all(terms.map((t) => this.block(manifest, t, reads)));
    terms.forEach((t, i) => {
      board.absorb(t, blocks[i]!);
      t.loaded += 1;
    });
  }

  /** Scores documents exactly from their text for the open terms not known for them. */
  private async resolve(manifest: Manifest, board: Scoreboard, docs: number[], open: readonly Term[], reads: Reads) {
    const stored = await Promise.all(docs.map((d) => this.doc(manifest, d, reads)));
    docs.forEach((d, i) => {
      for (const t of open)
        if (!board.isKnown(t, d)) board.setFromText(t, d, this.impactFromText(manifest, stored[i]!, t.entry));
    });
  }

  /**
   * Picks terms (in the order given) while their next blocks fit in what is left of the budget, until
   * `enough` says so and the round reads at least roundBytes.
   */
  private plan(ordered: readonly Term[], reads: Reads, enough: (picked: Term) => boolean): Term[] {
    const picked: Term[] = [];
    let bytes = 0;
    let satisfied = false;
    for (const t of ordered) {
      if (reads.blockBytes + bytes + nextBytes(t) > this.limits.readBudget) continue;
      picked.push(t);
      bytes += nextBytes(t);
      satisfied ||= enough(t);
      if (satisfied && bytes >= this.limits.roundBytes) break;
    }
    return picked;
  }

  /**
   * Step 2. Guarantees on return, when `complete`: every document that can be in the top k (by score
   * and minimum match) is among `candidates`, and its score and whether it qualifies are exact.
   */
  private async settle(
    manifest: Manifest,
    board: Scoreboard,
    terms: readonly Term[],
    k: number,
    reads: Reads,
    step: () => void,
  ): Promise<{ candidates: number[]; rounds: number; resolved: number; complete: boolean }> {
    await this.readNext(manifest, board, terms, reads);
    for (let rounds = 0; ; rounds += 1) {
      step();
      const open = terms.filter(isOpen);
      if (!open.length) return { candidates: board.touched, rounds, resolved: 0, complete: true };
      board.refresh(open);
      const theta = board.kth(k);
      const unseenMax = open.reduce((sum, t) => sum + t.boost * nextBound(t), 0);
      const unseenMinDoc = open.reduce((m, t) => (t.boost * nextBound(t) > 0 ? Math.max(m, nextFirst(t)) : m), 0);
      // A document not read at all can only qualify through an unread minimum-match posting.
      const strongOpen = open.some((t) => (board.strong[t.bit >>> 5]! & (1 << (t.bit & 31))) !== 0);
      const unseenMatters = strongOpen && couldBeat(unseenMax, 0, unseenMinDoc, theta);
      let plan: Term[];
      let inPlay: number[] = [];
      let uncertain: number[] = [];
      if (unseenMatters) {
        // Read the blocks that lower the bound on unread documents most, until it falls below θ.
        let bound = unseenMax;
        plan = this.plan(
          [...open].sort((a, b) => gain(b) - gain(a)),
          reads,
          (t) => (bound -= gain(t)) < theta.score,
        );
      } else {
        ({ inPlay, uncertain, plan } = this.inPlay(board, open, theta, unseenMax, reads));
        if (uncertain.length <= this.limits.resolveMax) {
          await this.resolve(manifest, board, uncertain, open, reads);
          return { candidates: inPlay, rounds, resolved: uncertain.length, complete: true };
        }
      }
      if (plan.length && rounds < this.limits.maxRounds) {
        await this.readNext(manifest, board, plan, reads);
        continue;
      }
      // Out of reads.
      const finalResolve = Math.max(this.limits.finalResolve, k);
      if (!unseenMatters && uncertain.length <= finalResolve) {
        // Few enough in question to score from their text: still exact.
        await this.resolve(manifest, board, uncertain, open, reads);
        return { candidates: inPlay, rounds, resolved: uncertain.length, complete: true };
      }
      // Very common words in a very large corpus: score exactly the documents likeliest to be on top
      // (what was read plus half of what could still come) and rank with what is known.
      const estimate = new Float64Array(board.lower.length);
      const hopeful = board.touched.filter((d) => board.mayQualify(d));
      for (const d of hopeful) estimate[d] = board.lower[d]! + board.rest(d).gain / 2;
      const likeliest = topByScore(hopeful, estimate, finalResolve);
      await this.resolve(manifest, board, likeliest, open, reads);
      return { candidates: board.touched, rounds, resolved: likeliest.length, complete: false };
    }
  }

  /**
   * When no unread document can enter the top k: the documents that still can (`inPlay`), those of
   * them whose score or qualification is not known yet (`uncertain`), and, should they be too many to
   * score from text, the blocks they hinge on most (`plan`).
   */
  private inPlay(board: Scoreboard, open: readonly Term[], theta: Theta, unseenMax: number, reads: Reads) {
    const inPlay: number[] = [];
    const uncertain: number[] = [];
    const missing = new Float64Array(board.weightOf.length);
    for (const d of board.touched) {
      if (board.lower[d]! + unseenMax < theta.score || !board.mayQualify(d)) continue;
      const rest = board.rest(d);
      if (!couldBeat(board.lower[d]! + rest.gain, d, rest.minDoc, theta)) continue;
      inPlay.push(d);
      if (rest.gain === 0 && board.qualifies(d)) continue;
      uncertain.push(d);
      for (const t of open) if (!board.isKnown(t, d)) missing[t.bit]! += board.weightOf[t.bit]!;
    }
    const hinges = open.filter((t) => missing[t.bit]! > 0).sort((a, b) => missing[b.bit]! - missing[a.bit]!);
    const total = hinges.reduce((sum, t) => sum + missing[t.bit]!, 0);
    let covered = 0;
    const plan =
      uncertain.length > this.limits.resolveMax
        ? this.plan(hinges, reads, (t) => (covered += missing[t.bit]!) >= total / 2)
        : [];
    return { inPlay, uncertain, plan };
  }

  /**
   * Step 3: the best k that pass minimum match; the first RERANK_WINDOW reordered by phrase coverage.
   * Coverage asks which query terms a document holds, and settling leaves that unknown where it cannot
   * change a score: postings of impact 0 in blocks not read (lunr's idf is about 0 for a term in about
   * as many fields as there are documents, so a word's own n-gram can weigh nothing in any text). The
   * first RERANK_WINDOW are looked up in their texts for those terms; their scores stay as they are.
   */
  private async rank(
    manifest: Manifest,
    board: Scoreboard,
    terms: readonly Term[],
    query: ParsedQuery,
    candidates: number[],
    k: number,
    reads: Reads,
  ) {
    const bitOf = new Map(terms.map((t) => [t.entry.term, t.bit]));
    const evidence = wordEvidence(query, this.scheme);
    const base = topByScore(candidates, board.lower, k, (d) => board.qualifies(d));
    const window = base.slice(0, RERANK_WINDOW);
    const asked = new Set(evidence.flatMap((e) => [...e.all, ...e.stems, ...e.concepts]));
    const weightless = terms.filter((t) => isOpen(t) && nextBound(t) === 0 && asked.has(t.entry.term));
    const unknown = window.filter((d) => weightless.some((t) => !board.isKnown(t, d)));
    if (unknown.length) await this.resolve(manifest, board, unknown, weightless, reads);
    // A term not in the index at all is in no document.
    const coverage = (d: number) =>
      coverageOf(evidence, (term) => {
        const bit = bitOf.get(term);
        return bit !== undefined && board.has(bit, d);
      });
    const head = window
      .map((doc) => ({ doc, score: board.lower[doc]! * (1 + PHRASE_BONUS * coverage(doc)) }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
    return [...head, ...base.slice(RERANK_WINDOW).map((doc) => ({ doc, score: board.lower[doc]! }))];
  }

  /**
   * Step 4: the documents shown, fetched, each in the language it was found in: English when the
   * query has English words and its terms weigh more in the unit's English fields than in its
   * Japanese ones (ties, and queries without English words: Japanese). On the English search page
   * (lang 'en'), every unit that has an English page is shown in English.
   */
  private async showHits(
    manifest: Manifest,
    shown: { doc: number; score: number }[],
    terms: readonly Term[],
    reads: Reads,
    lang: 'ja' | 'en',
  ) {
    const stored = await Promise.all(shown.map(({ doc }) => this.doc(manifest, doc, reads)));
    // Only English words make English fields weigh (stems); without one the hit is Japanese, uncounted.
    const englishQuery = terms.some((t) => t.entry.term.startsWith(ENGLISH_PREFIX));
    const weighIn = (d: StoredDoc, english: boolean) =>
      terms.reduce(
        (sum, t) =>
          sum + t.boost * (this.impactFromText(manifest, d, t.entry, (f) => isEnglishField(f) === english) ?? 0),
        0,
      );
    return shown.map(({ doc, score }, i): SearchHit => {
      const d = stored[i]!;
      const [id, type, url, label, title, status, date] = d;
      const [body, bodyEn] = d[STORED.bodies];
      const english = d[STORED.english];
      const hit = { doc, score, id, type, url, label, title, status, date };
      return english && (lang === 'en' || (englishQuery && weighIn(d, true) > weighIn(d, false)))
        ? { ...hit, url: english[0], label: english[1], title: english[2], lang: 'en', text: bodyEn }
        : { ...hit, lang: 'ja', text: body };
    });
  }
}
