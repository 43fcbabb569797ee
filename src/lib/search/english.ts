/**
 * English text for search: lunr's own English pipeline (its tokenizer lowercases and splits on spaces
 * and hyphens; then trimmer, stop-word filter and Porter stemmer), so that "fees" finds "fee" and
 * "Correcting" finds "correction". Only for English text: a text counts as English when it has more
 * Latin letters than Japanese ones (the rule the schemas apply to English fields); Japanese text keeps
 * its n-grams untouched.
 */
import lunr from 'lunr';

const JAPANESE_LETTER = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}々]/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;
/** Runs of Latin letters: the words the English pipeline takes instead of n-grams. */
export const LATIN_RUN = /\p{Script=Latin}+/gu;

const count = (value: string, letters: RegExp): number => value.match(letters)?.length ?? 0;

/** More Latin letters than Japanese ones. */
export function isEnglishText(text: string): boolean {
  return count(text, LATIN_LETTER) > count(text, JAPANESE_LETTER);
}

let pipeline: lunr.Pipeline | null = null;

/** The stems of a text's Latin words, in order (with repeats), stop words and one-letter words left out. */
export function englishStems(text: string): string[] {
  if (!pipeline) {
    pipeline = new lunr.Pipeline();
    pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
  }
  const words = (text.match(LATIN_RUN) ?? []).join(' ');
  return pipeline
    .run(lunr.tokenizer(words))
    .map(String)
    .filter((stem) => stem.length > 1);
}

/** The text with its Latin words blanked (same length), for the n-grams of what is left (digits, kanji). */
export const withoutLatinWords = (text: string): string => text.replace(LATIN_RUN, (word) => ' '.repeat(word.length));
