/**
 * Rules for addresses: a source's `url` (and an original's, and a Quote's), and every link and image
 * in a body. An address must say where it goes: no user part before an `@`
 * (https://jichiroren.jp@evil.example/ opens evil.example) and no host in mixed or look-alike scripts
 * (https://аррӏе.com/ in Cyrillic). Hosts in ASCII or in the Japanese scripts (自治労連.jp) are fine.
 */
import { domainToUnicode } from 'node:url';
import { BODY_LINK_SCHEMES, SOURCE_URL_SCHEMES } from './limits.ts';

/** Letters of the Japanese scripts a host may use besides ASCII. */
const JAPANESE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆ヶ]$/u;

/** Why a host name deceives, or null: each label is ASCII, or Japanese (with ASCII letters and digits). */
function hostProblem(hostname: string): string | null {
  const host = domainToUnicode(hostname) || hostname;
  for (const label of host.split('.')) {
    if (/^[\x00-\x7F]*$/.test(label)) continue;
    const foreign = [...label].find((c) => !/[a-z0-9-]/i.test(c) && !JAPANESE.test(c));
    if (foreign)
      return `ホスト名「${host}」に、英字と見分けにくい文字や日本語以外の文字（「${foreign}」）があります。本物と見分けられないアドレスは載せられません。正しいアドレスを打ち直してください`;
  }
  return null;
}

/** Why a source's address cannot be published, or null. */
export function sourceUrlProblem(value: string): string | null {
  if (/[\s\\]/.test(value)) return 'アドレスに空白や「\\」があります。アドレスをそのまま貼り付けてください';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `アドレスの形になっていません。${SOURCE_URL_SCHEMES.join(':// か ')}:// で始まるアドレスを書いてください`;
  }
  const scheme = url.protocol.slice(0, -1);
  if (!(SOURCE_URL_SCHEMES as readonly string[]).includes(scheme))
    return `「${scheme}:」のアドレスは使えません。${SOURCE_URL_SCHEMES.join(':// か ')}:// で始まるアドレスにしてください`;
  // The host as written, before the parser maps it: 「。」, full-width letters and invisible characters
  // would read as one address and open another.
  const written = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(value)?.[1] ?? '';
  const odd = [...written].find((c) => !/[\x21-\x7E]/.test(c) && !JAPANESE.test(c) && !/\p{L}/u.test(c));
  if (odd)
    return `アドレスのホスト名に「${odd}」（${'U+' + odd.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}）があります。半角の英数字（日本語のドメインなら日本語）で書いてください`;
  const lookAlike = hostProblem(written.replace(/^[^@]*@/, '').replace(/:\d*$/, ''));
  if (lookAlike) return lookAlike;
  if (url.username || url.password)
    return `アドレスの「@」の前（${url.username}）はユーザー名として扱われ、実際には ${url.hostname} を開きます。「@」より前を消して、正しいアドレスにしてください`;
  return hostProblem(url.hostname);
}

/** The scheme a link would be followed with (browsers ignore tabs, newlines and leading spaces), or null. */
function schemeOf(url: string): string | null {
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+/, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase() ?? null;
}

/** Why a link in a body cannot be published, or null: http, https, mailto, or same-site (relative, root, #). */
export function bodyLinkProblem(url: string): string | null {
  const scheme = schemeOf(url);
  if (scheme === null) return url.trim().startsWith('//') ? sourceUrlProblem(`https:${url.trim()}`) : null;
  if (!(BODY_LINK_SCHEMES as readonly string[]).includes(scheme))
    return `本文のリンクに「${scheme}:」は使えません。使えるのは ${BODY_LINK_SCHEMES.join('、')} と、このサイトの中へのリンク（/letters/… など）だけです`;
  if (scheme === 'mailto') return null;
  return sourceUrlProblem(url.trim());
}

/**
 * Why an image in a body cannot be published, or null: only the site's own files, by a root path
 * (`/images/…`, a file under public/). Another site's image would tell it who reads the page; a
 * relative path would make the build import a file from the repository (`../../src/…`).
 */
export function bodyImageProblem(url: string): string | null {
  const trimmed = url.trim();
  if (schemeOf(trimmed) !== null || trimmed.startsWith('//') || trimmed.startsWith('\\'))
    return `本文の画像は、このサイトの中のファイル（/images/… など）だけにしてください。ほかのサイトの画像（${trimmed.slice(0, 60)}）は、読む人の情報をそのサイトに送ってしまいます`;
  if (!trimmed.startsWith('/') || /(^|\/)\.\.?(\/|$)|%2e/i.test(trimmed))
    return `本文の画像は、public/ に置いたファイルを /images/… のように「/」から始まるアドレスで書いてください（いまは ${trimmed.slice(0, 60)}）`;
  return null;
}

/**
 * Why a link's visible text deceives, or null: a text that reads as an address must go where it says
 * ([https://jichiroren.jp/](https://evil.example/) is refused).
 */
export function linkTextProblem(text: string, href: string): string | null {
  const shown = /^\s*(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:[/:?#]\S*)?\s*$/i.exec(text)?.[1];
  if (!shown) return null;
  let target: string;
  try {
    target = new URL(href.trim().startsWith('//') ? `https:${href.trim()}` : href.trim()).hostname;
  } catch {
    return null; // a same-site link: the site's own address may be shown
  }
  return shown.toLowerCase() === target.toLowerCase()
    ? null
    : `リンクの文字（${text.trim()}）と、実際の行き先（${target}）が違います。文字をそのままアドレスにするか、行き先がわかる言葉にしてください`;
}
