/**
 * Snippets and highlighting. Matching happens on normalized text (so ＪＬＩＳ highlights J-LIS and
 * 漏洩 highlights 漏えい) and is mapped back to the original characters. Output is a list of plain
 * segments; the page renders them with textContent and <mark>, never as HTML.
 */
import { normalizeWithMap } from './normalize.ts';
import { perTable } from './variant-table.ts';
import { CONCEPT_PREFIX, conceptsIn, type ParsedQuery } from './tokenize.ts';

export interface Segment {
  text: string;
  mark: boolean;
}

/** Each concept's aliases, normalized (those that normalize to a name of the concept). */
const conceptAliases = perTable(({ concepts }) => {
  const aliasTable = new Map<string, string[]>();
  for (const concept of concepts) {
    const list = concept.aliases
      .map((a) => normalizeWithMap(a).text.trim())
      .filter((a) => a && conceptsIn(a).includes(concept.key));
    aliasTable.set(concept.key, [...new Set(list)]);
  }
  return aliasTable;
});

/** Normalized strings to look for: each query word, or its longest pieces found in the text. */
function needles(normalized: string, query: ParsedQuery): string[] {
  const found = new Set<string>();
  for (const { text: word } of query.words) {
    if (normalized.includes(word)) {
      found.add(word);
      continue;
    }
    // Partial match: the longest pieces of the word that occur (at least 2 characters, or the
    // single character of a one-character word).
    const chars = Array.from(word);
    const minimum = chars.length === 1 ? 1 : 2;
    let i = 0;
    while (i < chars.length) {
      let best = 0;
      for (let len = chars.length - i; len >= minimum; len -= 1) {
        if (normalized.includes(chars.slice(i, i + len).join(''))) {
          best = len;
          break;
        }
      }
      if (best) {
        found.add(chars.slice(i, i + best).join(''));
        i += best;
      } else i += 1;
    }
  }
  // Other names of a concept the query names (J-LIS for 地方公共団体情報システム機構).
  const keys = new Set(query.concepts.map((c) => c.term.slice(CONCEPT_PREFIX.length)));
  for (const [key, aliases] of conceptAliases()) {
    if (!keys.has(key)) continue;
    for (const alias of aliases) if (normalized.includes(alias)) found.add(alias);
  }
  return [...found].filter(Boolean);
}

/** Ranges [start, end) of the original text to mark, sorted and merged. */
export function matchRanges(text: string, query: ParsedQuery): [number, number][] {
  const norm = normalizeWithMap(text);
  const ranges: [number, number][] = [];
  for (const needle of needles(norm.text, query)) {
    for (let at = norm.text.indexOf(needle); at >= 0; at = norm.text.indexOf(needle, at + needle.length)) {
      ranges.push([norm.start[at]!, norm.end[at + needle.length - 1]!]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function segmentsOf(text: string, ranges: readonly [number, number][], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let cursor = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    const a = Math.max(s, from);
    const b = Math.min(e, to);
    if (a > cursor) out.push({ text: text.slice(cursor, a), mark: false });
    out.push({ text: text.slice(a, b), mark: true });
    cursor = b;
  }
  if (cursor < to) out.push({ text: text.slice(cursor, to), mark: false });
  return out;
}

/** The whole text with matches marked (for titles). */
export function highlight(text: string, query: ParsedQuery): Segment[] {
  return segmentsOf(text, matchRanges(text, query), 0, text.length);
}

/**
 * About `length` characters of the text around the densest cluster of matches, with matches marked
 * and … where the text was cut. Without matches, the beginning of the text.
 */
export function snippet(text: string, query: ParsedQuery, length = 110): Segment[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const ranges = matchRanges(flat, query);
  let from = 0;
  if (ranges.length && flat.length > length) {
    // The window start (at a match) that covers the most matched characters. Ranges are sorted and
    // disjoint, and windows move right: those inside a window are ranges[lo, hi), summed with prefix
    // sums (linear in the number of matches; a 1 MB text has tens of thousands).
    const covered = [0];
    for (const [a, b] of ranges) covered.push(covered[covered.length - 1]! + b - a);
    let bestScore = -1;
    let lo = 0;
    let hi = 0;
    for (const [s] of ranges) {
      const start = Math.max(0, s - Math.floor(length / 4));
      const end = start + length;
      while (lo < ranges.length && ranges[lo]![0] < start) lo += 1;
      while (hi < ranges.length && ranges[hi]![1] <= end) hi += 1;
      const score = hi > lo ? covered[hi]! - covered[lo]! : 0;
      if (score > bestScore) {
        bestScore = score;
        from = start;
      }
    }
  }
  // Do not cut a surrogate pair.
  const codeUnits = (s: number) => (s > 0 && /[\uDC00-\uDFFF]/.test(flat[s] ?? '') ? s - 1 : s);
  from = codeUnits(Math.min(from, Math.max(0, flat.length - length)));
  const to = codeUnits(Math.min(flat.length, from + length));
  const segments = segmentsOf(flat, ranges, from, to);
  if (from > 0) segments.unshift({ text: '…', mark: false });
  if (to < flat.length) segments.push({ text: '…', mark: false });
  return segments;
}
