/**
 * Normalization for search, applied identically to indexed texts and to queries.
 *
 *  1. NFKC, per grapheme cluster: full-width ＪＬＩＳ → JLIS, half-width ﾏｲﾅﾝﾊﾞｰ → マイナンバー, ①→1.
 *  2. Lower case.
 *  3. Joiners removed: middle dots and hyphens (デジタル・ガバメント → デジタルガバメント, J-LIS → jlis).
 *  4. Whitespace collapsed to one space; a space between two Japanese characters is dropped, so
 *     「石田 真敏」 and 「石田真敏」 read the same (texts only: in a query, spaces separate words).
 *  5. Everything that is neither a word character nor a space (punctuation, symbols, emoji, control
 *     characters) becomes a space: it breaks words.
 *  6. Spelling variants from variants.ts rewritten to the canonical spelling (漏洩 → 漏えい).
 *
 * The result keeps, for each output code unit, the range of the input it came from, so matches found in
 * normalized text can be highlighted in the original.
 */
import { perTable } from './variant-table.ts';

export interface Normalized {
  /** The normalized text. */
  text: string;
  /** For each code unit of `text`, the start offset in the input. */
  start: number[];
  /** For each code unit of `text`, the end offset (exclusive) in the input. */
  end: number[];
}

/** Characters that make up words. Kana prolonged sound mark and iteration marks are letters already. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}〆]/u;
/** Removed without breaking the word: middle dots, hyphens, dashes, apostrophes. */
const JOINER = /[・·‧\-‐‑‒–—―−'’‘]/u;
/** Half-width or combining voiced sound marks that belong to the previous character. */
const COMBINING = /[\p{M}\uFF9E\uFF9F]/u;
const SPACE = /\s/u;

export function isWordChar(ch: string): boolean {
  return WORD_CHAR.test(ch);
}

function isCjkWordChar(ch: string): boolean {
  return ch.charCodeAt(0) > 0x7f;
}

interface NormalizeOptions {
  /** Drop spaces between two Japanese characters (texts). Queries keep them as word separators. */
  joinJapaneseSpaces?: boolean;
  /** Apply the spelling table (default true). */
  spellings?: boolean;
}

/** What a normalized character does: part of a word, a space, or a break (punctuation, symbols). */
const enum_WORD = 0;
const enum_SPACE = 1;
const enum_BREAK = 2;

/**
 * NFKC + lower case of one grapheme cluster, classified, joiners dropped. Cached: texts use a few
 * thousand distinct characters, and this is most of the time spent normalizing.
 */
const clusterCache = new Map<string, { chars: string[]; kinds: number[] }>();

function classify(cluster: string): { chars: string[]; kinds: number[] } {
  let entry = clusterCache.get(cluster);
  if (entry) return entry;
  entry = { chars: [], kinds: [] };
  for (const ch of cluster.normalize('NFKC').toLowerCase()) {
    if (JOINER.test(ch)) continue;
    entry.chars.push(ch);
    entry.kinds.push(WORD_CHAR.test(ch) ? enum_WORD : SPACE.test(ch) ? enum_SPACE : enum_BREAK);
  }
  if (clusterCache.size < 20_000) clusterCache.set(cluster, entry);
  return entry;
}

/** Might this code point attach to the previous one (combining marks, half-width sound marks)? */
function mayCombine(code: number): boolean {
  if (code < 0x300) return false;
  if (code >= 0x3040 && code <= 0x30ff) return code === 0x3099 || code === 0x309a;
  if (code >= 0x4e00 && code <= 0x9fff) return false;
  return COMBINING.test(String.fromCodePoint(code));
}

/** Steps 1–5: width, case, joiners, spaces, punctuation. */
export function normalizeChars(input: string, joinJapaneseSpaces: boolean): Normalized {
  const out: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  // A pending word break: [from, to) in the input, and whether it contains more than spaces.
  let pendingFrom = -1;
  let pendingTo = -1;
  let pendingHard = false;
  let lastWordIsCjk = false;
  const pushChar = (ch: string, s: number, e: number) => {
    for (let k = 0; k < ch.length; k += 1) {
      out.push(ch[k]!);
      start.push(s);
      end.push(e);
    }
  };
  let i = 0;
  while (i < input.length) {
    const cp = input.codePointAt(i)!;
    let j = i + (cp > 0xffff ? 2 : 1);
    while (j < input.length) {
      const next = input.codePointAt(j)!;
      if (!mayCombine(next)) break;
      j += next > 0xffff ? 2 : 1;
    }
    const { chars, kinds } = classify(input.slice(i, j));
    for (let c = 0; c < chars.length; c += 1) {
      const ch = chars[c]!;
      if (kinds[c] === enum_WORD) {
        if (pendingFrom >= 0) {
          const cjk = isCjkWordChar(ch);
          const join = !pendingHard && joinJapaneseSpaces && lastWordIsCjk && cjk;
          if (!join && out.length > 0) pushChar(' ', pendingFrom, pendingTo);
          pendingFrom = -1;
          pendingHard = false;
        }
        pushChar(ch, i, j);
        lastWordIsCjk = isCjkWordChar(ch);
      } else {
        if (pendingFrom < 0) pendingFrom = i;
        pendingTo = j;
        // Punctuation and symbols always break, even between Japanese characters.
        if (kinds[c] === enum_BREAK) pendingHard = true;
      }
    }
    i = j;
  }
  return { text: out.join(''), start, end };
}

interface CompiledSpellings {
  pattern: RegExp | null;
  canonicalOf: Map<string, string>;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const compileSpellings = perTable(({ spellings }): CompiledSpellings => {
  const canonicalOf = new Map<string, string>();
  for (const entry of spellings) {
    const canonical = normalizeChars(entry.canonical, true).text;
    for (const variant of entry.variants) {
      const key = normalizeChars(variant, true).text;
      if (key && key !== canonical) canonicalOf.set(key, canonical);
    }
  }
  const keys = [...canonicalOf.keys()].sort((a, b) => b.length - a.length);
  return { pattern: keys.length ? new RegExp(keys.map(escapeRegExp).join('|'), 'gu') : null, canonicalOf };
});

/** Appends input's offsets [from, to) (a loop: spreading a long slice into push() overflows the stack). */
function copyOffsets(input: Normalized, from: number, to: number, start: number[], end: number[]): void {
  for (let i = from; i < to; i += 1) {
    start.push(input.start[i]!);
    end.push(input.end[i]!);
  }
}

/** Step 6: rewrite spelling variants, keeping the offset maps. */
export function applySpellings(input: Normalized): Normalized {
  const { pattern, canonicalOf } = compileSpellings();
  if (!pattern) return input;
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  let cursor = 0;
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  let changed = false;
  while ((match = pattern.exec(input.text)) !== null) {
    const found = match[0];
    const canonical = canonicalOf.get(found)!;
    const at = match.index;
    text += input.text.slice(cursor, at);
    copyOffsets(input, cursor, at, start, end);
    const s = input.start[at]!;
    const e = input.end[at + found.length - 1]!;
    text += canonical;
    for (let k = 0; k < canonical.length; k += 1) {
      start.push(s);
      end.push(e);
    }
    cursor = at + found.length;
    changed = true;
  }
  if (!changed) return input;
  text += input.text.slice(cursor);
  copyOffsets(input, cursor, input.text.length, start, end);
  return { text, start, end };
}

/** Full normalization with offsets. */
export function normalizeWithMap(input: string, options: NormalizeOptions = {}): Normalized {
  const chars = normalizeChars(input, options.joinJapaneseSpaces ?? true);
  return options.spellings === false ? chars : applySpellings(chars);
}

/** Full normalization of an indexed text. */
export function normalize(input: string, options: NormalizeOptions = {}): string {
  return normalizeWithMap(input, options).text.trim();
}
