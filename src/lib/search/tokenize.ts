/**
 * Tokenization for search: the same functions turn indexed texts and queries into terms.
 *
 * Japanese has no spaces, so a word cannot be found by splitting on them. We index overlapping
 * character n-grams of every run of word characters (after normalize()): 保存期間 gives
 * 保 存 期 間 / 保存 存期 期間 / 保存期 存期間. A query is cut into n-grams the same way, so any
 * substring of a text is found (ナンバーカード finds マイナンバーカード), and texts where the query's
 * characters stand together match more n-grams than texts where they are scattered.
 * Which n-gram lengths to index was chosen by measurement: see src/lib/search/README.md (npm run bench:search -- --compare).
 *
 * Every occurrence of a concept alias (variants.ts) also yields a concept term `#key`.
 *
 * English text (more Latin letters than Japanese, english-stems.ts) is the exception: its Latin words go
 * through lunr's English pipeline and become stem terms `@stem` instead of n-grams (an English query's
 * words give the same stems, besides their n-grams, which Japanese texts with Latin in them still
 * match). What is not a Latin word in English text (digits, a Japanese name) keeps its n-grams.
 */
import { normalizeChars, applySpellings, isWordChar } from './normalize.ts';
import { perTable } from './variant-table.ts';
import type { Concept } from './variants.ts';
import { dateKeysIn, dateSpans, westernForm } from './date-terms.ts';
import { englishStems, isEnglishText, withoutLatinWords } from './english-stems.ts';
import { isQuestion, questionWords } from './question.ts';

export interface Scheme {
  /** Name for reports. */
  name: string;
  /** N-gram lengths indexed. */
  grams: readonly number[];
  /**
   * Query-side weight of each n-gram length (index = length). 0 leaves that length out of queries of
   * words at least that long; a word shorter than every weighted length falls back to its own length.
   */
  queryBoost: readonly number[];
  /**
   * Query-side weight of concept terms of names (other names of the same thing: マイナカード =
   * マイナンバーカード) and dates in any notation. A text holding the name as typed holds its concept too.
   */
  conceptBoost: number;
  /**
   * Query-side weight of thesaurus concepts (everyday words and synonyms, variants.ts THESAURUS);
   * default conceptBoost. EXPANSION_WEIGHT: half a typed word.
   */
  thesaurusBoost?: number;
  /**
   * Scale each query word's n-gram weights so that every word weighs `wordWeight` in total, whatever
   * its length (otherwise a 6-character word outweighs a 2-character one threefold just by having more
   * n-grams). 0 leaves the weights as they are.
   */
  wordWeight?: number;
  /** Apply the variant table (spellings and concepts); default true. Off only for comparisons. */
  variants?: boolean;
  /**
   * Extra word terms (`~word`) of a text, for experiments: the bench passes Intl.Segmenter's words
   * (scripts/lib/bench/segmenter.ts). Not used by the site, so the browser carries no segmenter.
   */
  segmenter?: (text: string) => string[];
  segmenterBoost?: number;
  /** Query-side weight of an English stem term (a word of an English query); default wordWeight. */
  englishBoost?: number;
}

/**
 * What a thesaurus expansion (an everyday word's term in the texts: マイナンバー → 個人番号, 集める →
 * 収集) weighs in a query, against 10 for each word typed: half (issue 31; README "Literal word first").
 */
export const EXPANSION_WEIGHT = 5;

/** The scheme the site uses (chosen by bench:search, see docs). */
export const DEFAULT_SCHEME: Scheme = {
  name: 'uni+bi+tri',
  grams: [1, 2, 3],
  queryBoost: [0, 1, 3, 5],
  wordWeight: 10,
  conceptBoost: 20,
  thesaurusBoost: EXPANSION_WEIGHT,
  englishBoost: 20,
};

export const CONCEPT_PREFIX = '#';
/** Prefix of English stem terms (english-stems.ts). */
export const ENGLISH_PREFIX = '@';
const SEGMENT_PREFIX = '~';

interface CompiledConcepts {
  keyOf: Map<string, string>;
  /** Keys of the thesaurus (everyday words), which give way to longer names (see conceptsIn). */
  thesaurus: Set<string>;
  /** Length of the longest alias, in UTF-16 units. */
  longestAlias: number;
}
const conceptTable = perTable(({ concepts, thesaurus }): CompiledConcepts => {
  const keyOf = new Map<string, string>();
  for (const concept of concepts) {
    for (const alias of concept.aliases) {
      for (const join of [true, false]) {
        const norm = applySpellings(normalizeChars(alias, join)).text.trim();
        if (norm) keyOf.set(norm, concept.key);
      }
    }
  }
  return {
    keyOf,
    thesaurus: new Set(thesaurus),
    longestAlias: Math.max(0, ...[...keyOf.keys()].map((alias) => alias.length)),
  };
});

/** Where each concept's aliases occur in a normalized text: [start, end) spans by concept key. */
export function conceptSpans(normalizedText: string): Map<string, [start: number, end: number][]> {
  const { keyOf } = conceptTable();
  const spans = new Map<string, [number, number][]>();
  for (const [alias, key] of keyOf) {
    let from = 0;
    for (;;) {
      const at = normalizedText.indexOf(alias, from);
      if (at < 0) break;
      const list = spans.get(key) ?? [];
      list.push([at, at + alias.length]);
      spans.set(key, list);
      from = at + 1;
    }
  }
  return spans;
}

/**
 * Concept keys found in a normalized text, one per occurrence. Overlapping aliases of one concept
 * count once (市町村職員共済組合連合会 inside 全国市町村職員共済組合連合会); aliases of different
 * concepts each count (全国市町村職員共済組合連合会 is #rengokai and #shichosonkyosai), except that a
 * thesaurus word inside a longer alias of another concept is part of that name, not a word of its own
 * (マイナンバー in マイナンバーカード or マイナンバー法, 利用 in 目的外利用, 委託 in 再委託).
 * Dates in any calendar or notation add their keys too (date-terms.ts).
 */
export function conceptsIn(normalizedText: string): string[] {
  const { thesaurus, longestAlias } = conceptTable();
  const spans = conceptSpans(normalizedText);
  // Spans by start, so that the longer names around a thesaurus word are looked up near it
  // (no alias is longer than longestAlias) instead of among all spans: linear in the text.
  const startingAt = new Map<number, [end: number, key: string][]>();
  for (const [key, list] of spans) {
    for (const [s, e] of list) {
      const here = startingAt.get(s) ?? [];
      here.push([e, key]);
      startingAt.set(s, here);
    }
  }
  const inLongerName = (key: string, s: number, e: number): boolean => {
    for (let os = s; os >= Math.max(0, s - longestAlias); os -= 1) {
      for (const [oe, other] of startingAt.get(os) ?? []) {
        if (other !== key && oe >= e && oe - os > e - s) return true;
      }
    }
    return false;
  };
  const found: string[] = [];
  for (const [key, list] of spans) {
    list.sort((a, b) => a[0] - b[0]);
    let end = -1;
    for (const [s, e] of list) {
      if (s >= end && !(thesaurus.has(key) && inLongerName(key, s, e))) found.push(key);
      end = Math.max(end, e);
    }
  }
  found.push(...dateKeysIn(normalizedText));
  return found;
}

/** Runs of word characters of a normalized text, as arrays of code points. */
export function runs(normalizedText: string): string[][] {
  const result: string[][] = [];
  let current: string[] = [];
  for (const ch of normalizedText) {
    if (isWordChar(ch)) current.push(ch);
    else if (current.length) {
      result.push(current);
      current = [];
    }
  }
  if (current.length) result.push(current);
  return result;
}

/** All n-grams of the given lengths, in text order (with repeats: term frequency matters). */
export function ngrams(run: readonly string[], lengths: readonly number[]): string[] {
  const out: string[] = [];
  for (const n of lengths) {
    for (let i = 0; i + n <= run.length; i += 1) out.push(run.slice(i, i + n).join(''));
  }
  return out;
}

/** A text normalized as the index normalizes it. */
export function normalizeForIndex(text: string, scheme: Scheme = DEFAULT_SCHEME): string {
  const chars = normalizeChars(text, true);
  return scheme.variants === false ? chars.text : applySpellings(chars).text;
}

interface CountingForm {
  english: boolean;
  /** What the n-grams are counted in. */
  text: string;
  stems: () => string[];
}
// termFrequency is asked about one field's text for every term of a query: deciding whether the text
// is English and blanking its Latin words once per text, not once per term, took a search over 1,000
// letters from 56 ms to a fraction of that. A small bounded cache, cleared when full.
const countingForms = new Map<string, CountingForm>();
function countingForm(normalized: string): CountingForm {
  let form = countingForms.get(normalized);
  if (!form) {
    const english = isEnglishText(normalized);
    let stems: string[] | undefined;
    form = {
      english,
      text: english ? withoutLatinWords(normalized) : normalized,
      stems: () => (stems ??= englishStems(normalized)),
    };
    if (countingForms.size >= 512) countingForms.clear();
    countingForms.set(normalized, form);
  }
  return form;
}

/**
 * How many times textTerms() emits `term` for a text already normalized with normalizeForIndex():
 * overlapping occurrences of an n-gram (n-grams never contain the spaces that separate runs), or the
 * occurrences of a concept. Lets the browser weigh one term in one document without tokenizing it all.
 */
export function termFrequency(normalized: string, term: string): number {
  if (term.startsWith(CONCEPT_PREFIX)) {
    const key = term.slice(CONCEPT_PREFIX.length);
    return conceptsIn(normalized).filter((k) => k === key).length;
  }
  const { english, text, stems } = countingForm(normalized);
  if (term.startsWith(ENGLISH_PREFIX)) {
    const stem = term.slice(ENGLISH_PREFIX.length);
    return english ? stems().filter((s) => s === stem).length : 0;
  }
  let count = 0;
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) count += 1;
  return count;
}

/** Terms of a text (normalized here), for the index. */
export function textTerms(text: string, scheme: Scheme = DEFAULT_SCHEME): string[] {
  const norm = normalizeForIndex(text, scheme);
  const english = isEnglishText(norm);
  const terms: string[] = [];
  // A loop, not push(...ngrams): a run of tens of thousands of characters would overflow the stack.
  for (const run of runs(english ? withoutLatinWords(norm) : norm))
    for (const gram of ngrams(run, scheme.grams)) terms.push(gram);
  if (english) for (const stem of englishStems(norm)) terms.push(ENGLISH_PREFIX + stem);
  if (scheme.variants !== false) for (const key of conceptsIn(norm)) terms.push(CONCEPT_PREFIX + key);
  if (scheme.segmenter) for (const w of scheme.segmenter(norm)) terms.push(SEGMENT_PREFIX + w);
  return terms;
}

interface QueryTerm {
  term: string;
  boost: number;
}

interface QueryWord {
  /** The word as normalized (spaces inside a query separate words). */
  text: string;
  /** Its n-gram terms with their query weights (summed when a term repeats). */
  terms: QueryTerm[];
}

/** A concept the query was expanded to, for the results to say what else was searched. */
interface Expansion {
  key: string;
  /** The concept's names that were not typed (the texts' own word first): also searched. */
  alsoSearched: string[];
  /** What the results should say about this expansion (variants.ts `queryNote`), if anything. */
  note?: string | undefined;
}

export interface ParsedQuery {
  /** Normalized query. */
  text: string;
  words: QueryWord[];
  /** Concept terms found in the query. */
  concepts: QueryTerm[];
  /** The concepts found in the query, with their names not typed (dates are not listed). */
  expansions: Expansion[];
  /** A question (question.ts): only its content words are query words. */
  question: boolean;
}

/** Quoted parts of a query ("…", 「…」, 『…』, “…”) are searched as typed: no concept is looked for in them. */
const QUOTED = /"[^"]*"|「[^」]*」|『[^』]*』|“[^”]*”/gu;

/** Longest query accepted, in code points; longer input is cut (never an error). */
export const MAX_QUERY_CHARS = 200;

function gramWeights(word: string, scheme: Scheme, total: number, into: Map<string, number>): void {
  const boosts = new Map<string, number>();
  const add = (term: string, boost: number) => boosts.set(term, (boosts.get(term) ?? 0) + boost);
  for (const run of runs(word)) {
    const weighted = scheme.grams.filter((n) => (scheme.queryBoost[n] ?? 0) > 0 && n <= run.length);
    // A run shorter than every weighted length (a one-character word) falls back to the longest
    // indexed length that fits.
    const lengths = weighted.length ? weighted : scheme.grams.filter((n) => n <= run.length).slice(-1);
    for (const n of lengths) {
      const boost = scheme.queryBoost[n] || 1;
      for (const gram of ngrams(run, [n])) add(gram, boost);
    }
  }
  if (scheme.segmenter) for (const w of scheme.segmenter(word)) add(SEGMENT_PREFIX + w, scheme.segmenterBoost ?? 1);
  const sum = [...boosts.values()].reduce((a, b) => a + b, 0);
  const scale = scheme.wordWeight && sum > 0 ? total / sum : 1;
  for (const [term, boost] of boosts) into.set(term, (into.get(term) ?? 0) + boost * scale);
}

/** The English stem terms of one word of an English query (none for a stop word). */
function englishWordTerms(word: string, scheme: Scheme = DEFAULT_SCHEME): QueryTerm[] {
  const boost = scheme.englishBoost ?? (scheme.wordWeight || 1);
  return [...new Set(englishStems(word))].map((stem) => ({ term: ENGLISH_PREFIX + stem, boost }));
}

/** Terms for one normalized query word. */
export function wordTerms(word: string, scheme: Scheme = DEFAULT_SCHEME): QueryTerm[] {
  const weights = new Map<string, number>();
  gramWeights(word, scheme, scheme.wordWeight || 1, weights);
  return [...weights].map(([term, boost]) => ({ term, boost }));
}

/**
 * A date that normalization broke into several words (2019/7/23 → 「2019 7 23」, R1.7.18, 2019-07-18 →
 * 「20190718」) becomes one word in the texts' Western form (2019年7月23日): otherwise 「7」 and 「23」
 * would count as query words of their own and match every 7 and 23.
 */
function rewriteSplitDates(norm: string, variants: boolean): string {
  if (!variants) return norm;
  let out = '';
  let cursor = 0;
  for (const span of dateSpans(norm)) {
    if (!span.split) continue;
    out += `${norm.slice(cursor, span.start)} ${westernForm(span)} `;
    cursor = span.end;
  }
  return cursor ? (out + norm.slice(cursor)).replace(/ {2,}/g, ' ').trim() : norm;
}

/** Parses what a reader typed. Never throws; anything that is not a word character is a separator. */
export function parseQuery(input: string, scheme: Scheme = DEFAULT_SCHEME): ParsedQuery {
  const limited = Array.from(String(input ?? ''))
    .slice(0, MAX_QUERY_CHARS)
    .join('');
  const variants = scheme.variants !== false;
  const chars = normalizeChars(limited, false);
  const norm = rewriteSplitDates((variants ? applySpellings(chars) : chars).text.trim(), variants);
  const words: QueryWord[] = [];
  const seen = new Set<string>();
  const english = isEnglishText(norm);
  const typed = norm.split(' ').filter(Boolean);
  const question = isQuestion(limited, typed, english);
  for (const raw of question ? questionWords(typed, english) : typed) {
    if (!raw || seen.has(raw)) continue;
    seen.add(raw);
    const terms = wordTerms(raw, scheme);
    if (english) for (const term of englishWordTerms(raw, scheme)) terms.push(term);
    if (terms.length) words.push({ text: raw, terms });
  }
  // Concepts are looked for in the query as typed (a question's frames included: 使えるのですか is
  // 使え) and with its spaces removed (石田 真敏 = 石田真敏), quoted parts left out.
  const conceptBoosts = new Map<string, number>();
  const unquoted = limited.replace(QUOTED, ' ');
  const asTyped = rewriteSplitDates(applySpellings(normalizeChars(unquoted, false)).text.trim(), variants);
  const joined = applySpellings(normalizeChars(unquoted, true)).text;
  for (const key of variants ? new Set([...conceptsIn(asTyped), ...conceptsIn(joined)]) : []) {
    const thesaurus = conceptTable().thesaurus.has(key);
    conceptBoosts.set(
      CONCEPT_PREFIX + key,
      thesaurus ? (scheme.thesaurusBoost ?? scheme.conceptBoost) : scheme.conceptBoost,
    );
  }
  const concepts = [...conceptBoosts].map(([term, boost]) => ({ term, boost }));
  return { text: norm, words, concepts, expansions: expansionsOf(concepts, joined), question };
}

/** For each concept of the query, its names the query does not hold (what else was searched). */
// Each concept's aliases normalized once, not on every query.
const normalizedConcepts = perTable(
  ({ concepts }) =>
    new Map<string, { concept: Concept; norms: string[] }>(
      concepts.map((concept) => [
        concept.key,
        { concept, norms: concept.aliases.map((a) => applySpellings(normalizeChars(a, true)).text.trim()) },
      ]),
    ),
);

function expansionsOf(concepts: readonly QueryTerm[], joinedQuery: string): Expansion[] {
  const out: Expansion[] = [];
  for (const { term } of concepts) {
    const entry = normalizedConcepts().get(term.slice(CONCEPT_PREFIX.length));
    if (!entry) continue; // a date
    const { concept, norms } = entry;
    const typed = norms.map((n) => joinedQuery.includes(n));
    const alsoSearched = concept.aliases
      .filter((_, i) => !typed[i] && !norms.some((t, j) => typed[j] && t.includes(norms[i]!)))
      .slice(0, 1);
    const note = concept.queryNote && concept.aliases.some((a, i) => typed[i] && concept.queryNote!.when.includes(a));
    out.push({ key: concept.key, alsoSearched, note: note ? concept.queryNote!.text : undefined });
  }
  return out;
}
