/**
 * Questions as readers type them (issue 31): 「なぜ…」「どうして…」「…ですか」「…できますか」「…の？」
 * 「誰が…」「いつ…」, "what…", "why…", "can…". A question's frame words (and its particles) would
 * otherwise count as query words and weigh as much as what it asks about; here a question keeps only
 * its content words, each weighing the same.
 *
 * - Japanese: the content words are the runs of kanji, katakana, Latin letters and digits between
 *   hiragana (frames, particles and okurigana are hiragana; the prolonged sound mark ー is katakana's),
 *   at least two characters long; a single kanji keeps the first kana after it, its verb stem, unless that kana is a particle (共済組合は私の
 *   個人情報を使えるのですか → 共済組合 / 個人情報 / 使え), except the question words 何 and 誰. The
 *   thesaurus is also looked for in the question as typed (tokenize.ts).
 * - English: the stop words (what, why, can, the, my…: lunr's list, english-stems.ts) are left out.
 *
 * A query counts as a question when it ends with a question mark, or a word starts or ends with a
 * frame below. Other queries are left as typed.
 */
import { englishStems } from './english-stems.ts';

/** Japanese question frames at the start of a word. */
const JA_START = /^(なぜ|どうして|どうすれば|どうやって|誰|だれ|いつ|どこ|何|なに|どう)/u;
/** Japanese question frames at the end of a word. */
const JA_END = /(ですか|ますか|ませんか|でしょうか|できる|なの|るの|たの|いの|の|か)$/u;
/** English words that open a question. */
const EN_START = new Set([
  'what',
  'why',
  'who',
  'when',
  'where',
  'which',
  'how',
  'can',
  'could',
  'may',
  'do',
  'does',
  'did',
  'is',
  'are',
  'was',
  'were',
  'will',
  'should',
]);
const QUESTION_MARK = /[?？]\s*$/u;
/** A kana run that is only a particle follows a noun (私の), not a verb stem. */
const PARTICLES = new Set(['の', 'が', 'は', 'を', 'に', 'で', 'と', 'も', 'へ', 'や', 'から', 'まで']);
/** Kanji that ask, not say: never content words. */
const QUESTION_KANJI = new Set(['何', '誰']);
/** Fewer characters than this are not content words (unless nothing else is left). */
const MIN_CONTENT_CHARS = 2;

/** Is the query a question? `raw` as typed, `words` normalized and split on spaces. */
export function isQuestion(raw: string, words: readonly string[], english: boolean): boolean {
  if (QUESTION_MARK.test(raw)) return true;
  if (english) return words.length > 1 && EN_START.has(words[0]!);
  return words.some((w) => JA_START.test(w) || JA_END.test(w));
}

/** The content words of one word of a question (see the file comment); [] when it has none. */
export function contentWords(word: string, english: boolean): string[] {
  if (english) return /^\p{Script=Latin}+$/u.test(word) && englishStems(word).length === 0 ? [] : [word];
  const out: string[] = [];
  // Chunks between hiragana runs; a one-kanji chunk keeps the hiragana after it (答え, 使え, 渡せ:
  // a verb's stem and its first kana), unless it is a question word (何, 誰).
  const parts = word.split(/([\u3041-\u309f]+)/u);
  for (let i = 0; i < parts.length; i += 2) {
    const chunk = parts[i]!;
    const chars = Array.from(chunk);
    if (chars.length >= MIN_CONTENT_CHARS) out.push(chunk);
    else if (chars.length === 1 && /\p{Script=Han}/u.test(chunk) && !QUESTION_KANJI.has(chunk)) {
      const kana = parts[i + 1] ?? '';
      if (kana && !PARTICLES.has(kana)) out.push(chunk + Array.from(kana)[0]!);
    }
  }
  return out;
}

/**
 * The words of a question as query words: content words only, in order, without repeats. A question
 * with no content word at all (「どうして？」) keeps its words as typed.
 */
export function questionWords(words: readonly string[], english: boolean): string[] {
  const out = [...new Set(words.flatMap((w) => contentWords(w, english)))];
  return out.length ? out : [...words];
}
