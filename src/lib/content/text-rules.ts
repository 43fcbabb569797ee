/**
 * Character and markup rules for every content file, body included. Refused, not cleaned, so that an
 * organizer sees what was pasted and the published text is exactly the file's text.
 *
 * Raw HTML policy: bodies are Markdown, not HTML. A raw HTML tag or comment in a body is refused
 * (a `<meta http-equiv=refresh>` or a look-alike `<a>` must never reach readers). In `.mdx` bodies the
 * site's own components (src/components/mdx/, passed to the demand page's <Content>, documented in /guide/) are the only tags allowed, and
 * `import`/`export` lines and `{…}` expressions are refused: organizers write text, not code.
 */

/** C0/C1 control characters other than tab, newline and carriage return; DEL. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
/** Bidirectional overrides and isolates (they can make text read differently from what it is). */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

/** Characters a reader cannot see: spaces of every kind, zero-width and format characters. */
export const INVISIBLE = /[\s\p{Z}\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** Whether a text has something visible in it. */
export const hasVisibleText = (value: string): boolean => value.replace(INVISIBLE, '').length > 0;

export interface TextProblem {
  /** Index in the text. */
  index: number;
  message: string;
}

const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first forbidden character of a file, if any. */
export function textProblem(text: string): TextProblem | null {
  const control = CONTROL.exec(text);
  const bidi = BIDI.exec(text);
  const first = [control, bidi].filter((m) => m !== null).sort((a, b) => a.index - b.index)[0];
  if (!first) return null;
  const kind = first === control ? '制御文字' : '文字の向きを変える見えない文字';
  return {
    index: first.index,
    message: `${kind}（${codePoint(first[0])}）が入っています。ワープロなどから貼り付けたときに入ることがあります。その行を打ち直してください`,
  };
}

/** Names of the MDX components organizers may use in `.mdx` bodies (src/components/mdx/). */
export const MDX_COMPONENTS = ['Quote', 'Article'] as const;

/** Removes code (fenced blocks and inline spans), which may show tags as text. */
function maskCode(body: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, blank).replace(/`[^`\n]+`/g, blank);
}

/** The first raw HTML (or, in `.mdx`, code or an unknown component) in a Markdown body, if any. */
export function rawHtmlProblem(body: string, extension: string): TextProblem | null {
  const text = maskCode(body);
  const mdx = extension === '.mdx';
  if (mdx) {
    const code = /^(import|export)\s/m.exec(text);
    if (code)
      return {
        index: code.index,
        message: `本文に ${code[1]} の行は書けません。部品（${MDX_COMPONENTS.join('、')}）は import なしで使えます`,
      };
    const expression = /\{/.exec(text.replace(/<[A-Z][A-Za-z]*(?:\s[^<>]*)?\/?>/g, (tag) => tag.replace(/./g, ' ')));
    if (expression)
      return {
        index: expression.index,
        message: '本文に「{」は書けません（MDX では式になります）。全角の「｛」を使うか、部品の属性の中だけにしてください',
      };
  }
  const tag = /<(!--|[A-Za-z][\w-]*|\/[A-Za-z][\w-]*)/g;
  for (let match = tag.exec(text); match; match = tag.exec(text)) {
    const name = match[1]!.replace(/^\//, '');
    if (/^(https?|mailto):/i.test(text.slice(match.index + 1))) continue; // <https://…> is a Markdown link
    if (mdx && (MDX_COMPONENTS as readonly string[]).includes(name)) continue;
    return {
      index: match.index,
      message: mdx
        ? `本文に HTML やこのサイトにない部品（<${name}>）は書けません。使える部品：${MDX_COMPONENTS.join('、')}（/guide/ を見てください）`
        : `本文に HTML（<${match[1] === '!--' ? '!--' : name}>）は書けません。Markdown で書いてください（リンクは [文字](https://…)）。部品を使うときはファイルを .mdx にします`,
    };
  }
  return null;
}
