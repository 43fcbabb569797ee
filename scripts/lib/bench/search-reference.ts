/**
 * The simple version of search, for property tests: every posting of every query term is scored,
 * nothing is pruned, nothing is split into files. Impacts are the build's weights (weights.ts: lunr's
 * BM25 formula, checked against lunr itself in search-engine.test.ts), so this depends neither on the
 * index's file layout nor on how the engine prunes. The ranking rules
 * (minimum match, phrase rerank) are restated here from their definitions in the engine's docs.
 * Used by tests/search-property.test.ts and the bench (`npm run bench:search`).
 */
import { DEFAULT_CONFIG, type IndexConfig } from '../../../src/lib/search/build.ts';
import { bm25Weights } from '../../../src/lib/search/weights.ts';
import {
  conceptsIn,
  CONCEPT_PREFIX,
  ENGLISH_PREFIX,
  ngrams,
  parseQuery,
  runs,
  textTerms,
} from '../../../src/lib/search/tokenize.ts';
import { EXPANSION_SHARE, PHRASE_BONUS, RERANK_WINDOW } from '../../../src/lib/search/engine.ts';
import type { SearchUnit } from '../../../src/lib/search/units.ts';

export interface ReferenceIndex {
  config: IndexConfig;
  docCount: number;
  /** term → documents holding it and its impact there (lunr's weight × 1000, summed over fields). */
  postings: Map<string, { docs: number[]; imps: number[] }>;
}

/** Every posting, with the build's own weights (src/lib/search/weights.ts, checked against lunr.Index#query). */
export function referenceIndex(units: readonly SearchUnit[], config: IndexConfig = DEFAULT_CONFIG): ReferenceIndex {
  const { terms } = bm25Weights(
    units.map((u) => ({ fields: u.fields, boost: config.typeBoosts[u.type] ?? 1 })),
    { tokenize: (text) => textTerms(text, config.scheme), ...config },
  );
  return {
    config,
    docCount: units.length,
    postings: new Map(terms.map((t) => [t.term, { docs: t.docs, imps: t.imps }])),
  };
}

/** Does the posting list (documents ascending) hold document d? */
function holds(p: { docs: number[] } | undefined, d: number): boolean {
  if (!p) return false;
  let lo = 0;
  let hi = p.docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (p.docs[mid] === d) return true;
    if (p.docs[mid]! < d) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** lunr's score × 100 of every document for a query (0: no match), with the query's term weights. */
export function referenceScores(index: ReferenceIndex, input: string) {
  const query = parseQuery(input, index.config.scheme);
  // Query weights: boosts × 100, rounded, summed per term; only terms the index holds.
  const raw = new Map<string, number>();
  for (const t of [...query.words.flatMap((w) => w.terms), ...query.concepts])
    raw.set(t.term, (raw.get(t.term) ?? 0) + t.boost);
  const weights = new Map<string, number>();
  const score = new Float64Array(index.docCount);
  for (const [term, boost] of raw) {
    const weight = Math.round(boost * 100);
    const p = index.postings.get(term);
    if (weight <= 0 || !p) continue;
    weights.set(term, weight);
    p.docs.forEach((d, i) => (score[d]! += weight * p.imps[i]!));
  }
  return { query, weights, score };
}

/** The top k (document, score) as the site ranks them: lunr's scores, minimum match, phrase rerank. */
export function referenceSearch(index: ReferenceIndex, input: string, k = 10): { doc: number; score: number }[] {
  const scheme = index.config.scheme;
  const { query, weights: raw, score } = referenceScores(index, input);
  // Minimum match: some n-gram of 2+ characters of a word (or a one-character word, or a concept).
  const qualifies = new Uint8Array(index.docCount);
  const strong = [
    ...query.words.flatMap((w) => {
      const long = w.terms.filter((t) => Array.from(t.term).length >= 2);
      return (long.length ? long : w.terms).map((t) => t.term);
    }),
    ...query.concepts.map((c) => c.term),
  ];
  for (const term of strong) if (raw.has(term)) for (const d of index.postings.get(term)!.docs) qualifies[d] = 1;
  const base: { doc: number; score: number }[] = [];
  qualifies.forEach((q, doc) => q && base.push({ doc, score: score[doc]! }));
  base.sort((a, b) => b.score - a.score || a.doc - b.doc);
  // Phrase rerank of the best RERANK_WINDOW: how much of the query a document contains (each word as
  // typed 1, only through an expansion EXPANSION_SHARE; coverageOf restates nothing else).
  const longest = Math.max(...scheme.grams);
  const evidence = query.words.map((word) => ({
    all: runs(word.text).flatMap((run) => ngrams(run, [Math.min(longest, run.length)])),
    stems: word.terms.filter((t) => t.term.startsWith(ENGLISH_PREFIX)).map((t) => t.term),
    concepts: conceptsIn(word.text).map((key) => CONCEPT_PREFIX + key),
  }));
  const has = (term: string, d: number) => raw.has(term) && holds(index.postings.get(term), d);
  const coverage = (d: number) => {
    let sum = 0;
    for (const e of evidence) {
      if ((e.all.length > 0 && e.all.every((t) => has(t, d))) || e.stems.some((t) => has(t, d))) sum += 1;
      else if (e.concepts.some((t) => has(t, d))) sum += EXPANSION_SHARE;
    }
    return evidence.length ? sum / evidence.length : 0;
  };
  const head = base
    .slice(0, RERANK_WINDOW)
    .map(({ doc, score: s }) => ({ doc, score: s * (1 + PHRASE_BONUS * coverage(doc)) }))
    .sort((a, b) => b.score - a.score || a.doc - b.doc);
  return [...head, ...base.slice(RERANK_WINDOW, Math.max(k, RERANK_WINDOW))].slice(0, k);
}
