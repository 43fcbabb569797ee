/**
 * The query side of a search (engine.ts step 1 and 3): the query's terms and their integer weights,
 * which terms a result must hold (minimum match), and how much of the query a document holds as typed
 * or only through an expansion (the phrase rerank). Pure functions of the parsed query.
 */
import { conceptsIn, runs, ngrams, CONCEPT_PREFIX, ENGLISH_PREFIX } from './tokenize.ts';
import type { ParsedQuery, Scheme } from './tokenize.ts';

/** Exact phrases first: the best RERANK_WINDOW scores × (1 + PHRASE_BONUS × coverageOf(…)). */
export const PHRASE_BONUS = 2;
/** In the phrase rerank, a word found only through an expansion counts this much of a word found as typed. */
export const EXPANSION_SHARE = 0.5;
export const RERANK_WINDOW = 10;
/** Query weights as integers (× 100), summed per term: scores are sums of integers. */
export function queryWeights(query: ParsedQuery): Map<string, number> {
  const weights = new Map<string, number>();
  for (const t of [...query.words.flatMap((w) => w.terms), ...query.concepts])
    weights.set(t.term, (weights.get(t.term) ?? 0) + t.boost);
  for (const [term, boost] of weights) {
    const rounded = Math.round(boost * 100);
    if (rounded > 0) weights.set(term, rounded);
    else weights.delete(term);
  }
  return weights;
}

/**
 * Minimum match: a result must hold an n-gram of at least two adjacent characters of some query word
 * (or the whole of a one-character word, or a concept). A lone shared kana is not a match.
 */
export function minimumMatchTerms(query: ParsedQuery): string[] {
  const strong = query.words.flatMap((w) => {
    const long = w.terms.filter((t) => Array.from(t.term).length >= 2);
    return (long.length ? long : w.terms).map((t) => t.term);
  });
  return [...strong, ...query.concepts.map((c) => c.term)];
}

/**
 * Per query word: the terms that must all be present to contain it as typed (`all`, or one of its
 * English stems, `stems`), and the concept terms through which it is contained as an expansion only.
 */
export function wordEvidence(
  query: ParsedQuery,
  scheme: Scheme,
): { all: string[]; stems: string[]; concepts: string[] }[] {
  const longest = Math.max(0, ...scheme.grams);
  return query.words.map((word) => ({
    all: [...new Set(runs(word.text).flatMap((run) => ngrams(run, [Math.min(longest, run.length)])))],
    stems: word.terms.filter((t) => t.term.startsWith(ENGLISH_PREFIX)).map((t) => t.term),
    concepts: conceptsIn(word.text).map((k) => CONCEPT_PREFIX + k),
  }));
}

/**
 * How much of the query a document contains, for the phrase rerank: per word 1 when it holds the word
 * as typed, EXPANSION_SHARE when it holds it only through an expansion (another name, a thesaurus
 * entry), else 0; averaged over the words.
 */
export function coverageOf(
  evidence: readonly { all: readonly string[]; stems: readonly string[]; concepts: readonly string[] }[],
  has: (term: string) => boolean,
): number {
  if (!evidence.length) return 0;
  let sum = 0;
  for (const e of evidence) {
    if ((e.all.length > 0 && e.all.every(has)) || e.stems.some(has)) sum += 1;
    else if (e.concepts.some(has)) sum += EXPANSION_SHARE;
  }
  return sum / evidence.length;
}
