/**
 * What a search knows while it prunes (engine.ts step 2): each query term's reading state and the
 * bounds its unread blocks allow, the per-document scoreboard (lower bounds, known and present terms as
 * bit masks), and the k best so far.
 */
import type { Postings, ShardEntry } from './byte-layout.ts';

/** Estimated uncompressed bytes per posting, to plan reads within the budget. */
const BYTES_PER_POSTING = 3;
/** A query term found in the index, and how many of its blocks this search has read. */
export interface Term {
  entry: ShardEntry;
  shard: number;
  /** Query weight × 100, an integer. */
  boost: number;
  /** The term's bit in the scoreboard's masks. */
  bit: number;
  loaded: number;
}

export const isOpen = (t: Term) => t.loaded <= t.entry.later.length;
/** Highest impact among t's unread postings (0 once all are read). */
export const nextBound = (t: Term) => (isOpen(t) ? t.entry.later[t.loaded - 1]!.max : 0);
/** t's unread postings with impact nextBound(t) belong to documents ≥ this. */
export const nextFirst = (t: Term) => (isOpen(t) ? t.entry.later[t.loaded - 1]!.first : Infinity);
export const nextBytes = (t: Term) => (isOpen(t) ? t.entry.later[t.loaded - 1]!.count * BYTES_PER_POSTING : 0);
/** How much reading t's next block lowers the bound on documents not read. */
export const gain = (t: Term) =>
  t.boost * (nextBound(t) - (t.loaded < t.entry.later.length ? t.entry.later[t.loaded]!.max : 0));

/** The k-th best (score, document) so far; documents below it cannot enter the top k. */
export interface Theta {
  score: number;
  doc: number;
}

/** Is a better than b: higher score, or the same score and an earlier document. */
const better = (scores: Float64Array, a: number, b: number) =>
  scores[a]! > scores[b]! || (scores[a] === scores[b] && a < b);

/**
 * The best `k` of `docs` by (score desc, document asc), best first, among those `accept` takes. One
 * pass with a small sorted list (a query at 10,000 letters touches tens of thousands of documents);
 * `accept` is only asked about documents that would enter the list.
 */
export function topByScore(docs: readonly number[], scores: Float64Array, k: number, accept?: (d: number) => boolean) {
  const best: number[] = [];
  for (const d of docs) {
    if (k <= 0 || (best.length === k && !better(scores, d, best[k - 1]!))) continue;
    if (accept && !accept(d)) continue;
    let i = best.length === k ? k - 1 : best.length;
    for (; i > 0 && better(scores, d, best[i - 1]!); i -= 1) best[i] = best[i - 1]!;
    best[i] = d;
  }
  return best;
}

/**
 * What a search knows per (document, term), as bit masks of W words per document: `known` when the
 * term's impact in the document has been read or computed from text, `present` when the term occurs;
 * and per document the sum of what is known, a lower bound of its score. One row per document keeps
 * its terms together in memory (one array per term made every bound a cache miss at 60,000 units).
 */
export class Scoreboard {
  readonly W: number;
  readonly known: Uint32Array;
  readonly present: Uint32Array;
  readonly lower: Float64Array;
  readonly touched: number[] = [];
  private readonly isTouched: Uint8Array;
  /** Minimum-match terms (all terms when there is nothing to require). */
  readonly strong: Uint32Array;
  /** Per round: terms with unread blocks; those of them with something to add, and how much. */
  readonly unread: Uint32Array;
  private readonly openWeighted: Uint32Array;
  readonly weightOf: Float64Array;
  private readonly firstOf: Float64Array;

  constructor(docCount: number, terms: readonly Term[], strongTerms: readonly string[]) {
    this.W = (terms.length + 31) >>> 5;
    this.known = new Uint32Array(docCount * this.W);
    this.present = new Uint32Array(docCount * this.W);
    this.lower = new Float64Array(docCount);
    this.isTouched = new Uint8Array(docCount);
    this.strong = new Uint32Array(this.W);
    const strong = new Set(strongTerms);
    for (const t of terms) if (strong.has(t.entry.term)) this.strong[t.bit >>> 5]! |= 1 << (t.bit & 31);
    this.unread = new Uint32Array(this.W);
    this.openWeighted = new Uint32Array(this.W);
    this.weightOf = new Float64Array(terms.length);
    this.firstOf = new Float64Array(terms.length);
  }

  /** Records t's impact in d (null: absent), read from postings or computed from text. */
  private record(t: Term, d: number, impact: number | null): void {
    const at = d * this.W + (t.bit >>> 5);
    const mask = 1 << (t.bit & 31);
    this.known[at]! |= mask;
    if (impact === null) return;
    this.present[at]! |= mask;
    this.lower[d]! += t.boost * impact;
    if (!this.isTouched[d]) {
      this.isTouched[d] = 1;
      this.touched.push(d);
    }
  }

  absorb(t: Term, postings: Postings): void {
    for (let i = 0; i < postings.docs.length; i += 1) this.record(t, postings.docs[i]!, postings.imps[i]!);
  }

  setFromText(t: Term, d: number, impact: number | null): void {
    this.record(t, d, impact);
  }

  isKnown(t: Term, d: number): boolean {
    return (this.known[d * this.W + (t.bit >>> 5)]! & (1 << (t.bit & 31))) !== 0;
  }

  has(bit: number, d: number): boolean {
    return (this.present[d * this.W + (bit >>> 5)]! & (1 << (bit & 31))) !== 0;
  }

  /** d holds a minimum-match term. */
  qualifies(d: number): boolean {
    for (let w = 0; w < this.W; w += 1) if ((this.present[d * this.W + w]! & this.strong[w]!) !== 0) return true;
    return false;
  }

  /** d qualifies, or still may: a minimum-match term with unread blocks is unknown for it. */
  mayQualify(d: number): boolean {
    if (this.qualifies(d)) return true;
    for (let w = 0; w < this.W; w += 1)
      if ((this.strong[w]! & this.unread[w]! & ~this.known[d * this.W + w]!) !== 0) return true;
    return false;
  }

  /** Per round: what each open term's unread postings could still add. */
  refresh(open: readonly Term[]): void {
    this.weightOf.fill(0);
    this.unread.fill(0);
    this.openWeighted.fill(0);
    for (const t of open) {
      this.unread[t.bit >>> 5]! |= 1 << (t.bit & 31);
      const w = t.boost * nextBound(t);
      if (w <= 0) continue;
      this.weightOf[t.bit] = w;
      this.firstOf[t.bit] = nextFirst(t);
      this.openWeighted[t.bit >>> 5]! |= 1 << (t.bit & 31);
    }
  }

  /**
   * The most d's score can still gain (open terms unknown for d, at their next block's highest impact),
   * and the document those highest unread postings start at (for ties).
   */
  rest(d: number): { gain: number; minDoc: number } {
    let gain = 0;
    let minDoc = 0;
    for (let w = 0; w < this.W; w += 1) {
      let x = this.openWeighted[w]! & ~this.known[d * this.W + w]!;
      while (x !== 0) {
        const low = x & -x;
        const b = (w << 5) | (31 - Math.clz32(low));
        gain += this.weightOf[b]!;
        if (this.firstOf[b]! > minDoc) minDoc = this.firstOf[b]!;
        x ^= low;
      }
    }
    return { gain, minDoc };
  }

  /**
   * The k-th best lower bound among documents known to qualify. Documents that do not qualify must
   * not count: the ranking drops them, so a cut-off over them would push out documents that qualify.
   */
  kth(k: number): Theta {
    const top = topByScore(this.touched, this.lower, k, (d) => this.qualifies(d));
    if (top.length < k) return { score: -Infinity, doc: Infinity };
    return { score: this.lower[top[k - 1]!]!, doc: top[k - 1]! };
  }
}

/**
 * Could a document whose score is at most `bound` still rank above θ? On a tie it would need the
 * postings of the highest unread impacts, which belong to documents ≥ minDoc.
 */
export const couldBeat = (bound: number, d: number, minDoc: number, theta: Theta) =>
  bound > theta.score || (bound === theta.score && Math.max(d, minDoc) <= theta.doc);
