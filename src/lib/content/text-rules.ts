/**
 * Character rules for every content file, applied twice with one definition: to the raw text of the
 * file (what an editor shows) and to every value after parsing (what a YAML escape such as "\e",
 * "\u202e" or "\ud800", or a character reference in a body, turns into). Refused, not cleaned, so
 * that an organizer sees what was pasted and the published text is exactly the file's text.
 *
 * Bodies (Markdown and MDX) are checked on their parsed tree in body-rules.ts.
 */

/** C0/C1 control characters other than tab and newline (carriage return only in a file's line ends); DEL. */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** Bidirectional overrides, isolates and marks (they can make text read differently from what it is). */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
/** Noncharacters: U+FDD0–U+FDEF and the last two code points of every plane. */
const NONCHARACTER = /\p{Noncharacter_Code_Point}/u;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Characters a reader cannot see: spaces of every kind, controls, format and default-ignorable
 * characters (zero-width, variation selectors, Hangul fillers), combining marks with nothing to
 * combine with, the blank Braille pattern.
 */
const INVISIBLE = /[\s\p{Z}\p{Cc}\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** Whether a text has something visible in it. */
export const hasVisibleText = (value: string): boolean => value.replace(INVISIBLE, '').length > 0;

/** The message for a value with nothing visible in it (the schemas say the same). */
export const INVISIBLE_ONLY_MESSAGE =
  '見える文字がありません（空白や見えない文字だけです）。内容を書くか、項目ごと消してください';

interface TextProblem {
  /** Index in the text. */
  index: number;
  message: string;
}

const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The character families refused everywhere, each with what an organizer reads. */
const FORBIDDEN: readonly { pattern: RegExp; message: (char: string) => string }[] = [
  {
    pattern: CONTROL,
    message: (c) =>
      `制御文字（${codePoint(c)}）が入っています。ワープロなどから貼り付けたときや、「\\e」「\\0」のような書き方で入ることがあります。その行を打ち直してください`,
  },
  {
    pattern: BIDI,
    message: (c) =>
      `文字の向きを変える見えない文字（${codePoint(c)}）が入っています。表示と中身が変わってしまいます。その行を打ち直してください`,
  },
  {
    pattern: NONCHARACTER,
    message: (c) => `文字として使えない番号（${codePoint(c)}）が入っています。その行を打ち直してください`,
  },
  {
    pattern: LONE_SURROGATE,
    message: (c) =>
      `壊れた文字（${codePoint(c)}、対になっていないサロゲート）が入っています。「\\ud800」のような書き方を消して、その行を打ち直してください`,
  },
];

/**
 * The one character rule: the first forbidden character of a text, if any. `lineEnds` allows the
 * carriage return of a file's CRLF line ends (raw file text); parsed values never carry one.
 */
export function characterProblem(text: string, { lineEnds = false } = {}): TextProblem | null {
  let first: TextProblem | null = null;
  for (const { pattern, message } of FORBIDDEN) {
    const source = lineEnds && pattern === CONTROL ? text.replace(/\r(?=\n)/g, ' ') : text;
    const match = pattern.exec(source);
    if (match && (!first || match.index < first.index)) first = { index: match.index, message: message(match[0]) };
  }
  return first;
}

/** The first forbidden character of a file's raw text, if any (CRLF line ends are fine). */
export const textProblem = (text: string): TextProblem | null => characterProblem(text, { lineEnds: true });

/** The character rule for one parsed value: forbidden characters, or text with nothing visible. */
export function valueProblem(value: string): string | null {
  const bad = characterProblem(value);
  if (bad) return bad.message;
  if (value.length > 0 && !hasVisibleText(value)) return INVISIBLE_ONLY_MESSAGE;
  return null;
}
