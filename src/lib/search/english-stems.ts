/**
 * English text for search: lunr's own English pipeline, vendored in stemmer.ts (its tokenizer lowercases
 * and splits on spaces and hyphens; then trimmer, stop-word filter and Porter stemmer), so that "fees" finds "fee" and
 * "Correcting" finds "correction". Only for English text: a text counts as English when it has more
 * Latin letters than Japanese ones (the rule the schemas apply to English fields); Japanese text keeps
 * its n-grams untouched.
 */
import { porterStemmer, STOP_WORDS } from './stemmer.ts';

const JAPANESE_LETTER = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}々]/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;
/** Runs of Latin letters: the words the English pipeline takes instead of n-grams. */
const LATIN_RUN = /\p{Script=Latin}+/gu;

const count = (value: string, letters: RegExp): number => value.match(letters)?.length ?? 0;

/** More Latin letters than Japanese ones. */
export function isEnglishText(text: string): boolean {
  return count(text, LATIN_LETTER) > count(text, JAPANESE_LETTER);
}

/** lunr.tokenizer's separator. */
const SEPARATOR = /[\s\-]+/;

/**
 * lunr's English pipeline over a text (stemmer.ts, vendored so that lunr stays out of the browser):
 * lower case, split on whitespace and hyphens, trim non-word characters at both ends (lunr.trimmer),
 * drop stop words, stem (lunr.stemmer).
 */
export function englishPipeline(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().split(SEPARATOR)) {
    if (!raw) continue;
    const token = raw.replace(/^\W+/, '').replace(/\W+$/, '');
    if (STOP_WORDS.has(token)) continue;
    out.push(porterStemmer(token));
  }
  return out;
}

/** The stems of a text's Latin words, in order (with repeats), stop words and one-letter words left out. */
export function englishStems(text: string): string[] {
  const words = (text.match(LATIN_RUN) ?? []).join(' ');
  return englishPipeline(words).filter((stem) => stem.length > 1);
}

/** The text with its Latin words blanked (same length), for the n-grams of what is left (digits, kanji). */
export const withoutLatinWords = (text: string): string => text.replace(LATIN_RUN, (word) => ' '.repeat(word.length));
