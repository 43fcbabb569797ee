// The rule book's small rules, one table per family (tests/content-errors.ts holds the same families
// as edits to whole files, which content-check.test.ts runs through checkContent).
import { afterAll, describe, expect, test } from 'vitest';
import { checkContent, formatProblem, printedDateAgrees, RULES } from '../src/lib/content-check.ts';
import { valueProblem, hasVisibleText, textProblem } from '../src/lib/content/text-rules.ts';
import { bodyProblem } from '../src/lib/content/body-rules.ts';
import { sourceUrlProblem, bodyLinkProblem, bodyImageProblem } from '../src/lib/content/url-rules.ts';
import { charCount, MAX_CHARS } from '../src/lib/content/limits.ts';
import { describeField, entryOrdinal } from '../src/lib/content/problems.ts';
import { copyProject, editFile, removeProject } from './helpers/project-copy.ts';
import { KYOSAI, SOUMU } from './content-errors.ts';

const copies: string[] = [];
afterAll(() => copies.forEach(removeProject));

describe('one character rule for every parsed value', () => {
  test.each([
    ['ESC', '回答\u001b[2Jした', /制御文字（U\+001B）/],
    ['NUL', '\u0000', /制御文字（U\+0000）/],
    ['vertical tab', '回答\u000bした', /制御文字（U\+000B）/],
    ['carriage return in a value', '一行目\r二行目', /制御文字（U\+000D）/],
    ['C1 control', 'a\u0085b', /制御文字（U\+0085）/],
    ['right-to-left override', 'The Ministry \u202edetcejer\u202c', /U\+202E/],
    ['isolate', 'a\u2067b', /U\+2067/],
    ['left-to-right mark', 'a\u200eb', /U\+200E/],
    ['Arabic letter mark', 'a\u061cb', /U\+061C/],
    ['noncharacter', 'a\ufdd0', /文字として使えない番号（U\+FDD0）/],
    ['noncharacter at a plane end', 'a\u{1fffe}', /U\+1FFFE/],
    ['lone high surrogate', 'a\ud800b', /壊れた文字（U\+D800/],
    ['lone low surrogate', 'a\udc00', /壊れた文字（U\+DC00/],
    ['invisible-only (marks and selectors)', '\u034f\ufe0f\u17b4', /見える文字がありません/],
    ['invisible-only (zero-width and ideographic spaces)', '\u200b\u3000\u200d', /見える文字がありません/],
    ['invisible-only (Hangul filler, Braille blank)', '\u3164\u2800', /見える文字がありません/],
  ])('%s is refused', (_name, value, message) => {
    expect(valueProblem(value)).toMatch(message);
  });

  test.each([
    ['Japanese with a tab and a newline', '回答\tした\n二行目'],
    ['an emoji with a skin tone and a ZWJ family', '👍🏽 👨‍👩‍👧'],
    ['a letter with a combining accent', 'café'],
    ['a variation selector after a kanji', '葛\u{e0100}城'],
    ['a pair of surrogates', '𠮷野家'],
  ])('%s is fine', (_name, value) => {
    expect(valueProblem(value)).toBeNull();
    expect(hasVisibleText(value)).toBe(true);
  });

  test('raw file text: CRLF line ends are fine, a lone CR is not', () => {
    expect(textProblem('a: 1\r\nb: 2\r\n')).toBeNull();
    expect(textProblem('a: 1\rb: 2')?.message).toMatch(/U\+000D/);
  });
});

describe('lengths count graphemes', () => {
  test.each([
    ['101 thumbs-up emoji', '👍'.repeat(101), 101],
    ['101 emoji with skin tones', '👍🏽'.repeat(101), 101],
    ['family emoji', '👨‍👩‍👧', 1],
    ['kana', 'かな', 2],
    ['surrogate-pair kanji', '𠮷', 1],
  ])('%s', (_name, value, count) => {
    expect(charCount(value)).toBe(count);
  });
});

describe('source addresses', () => {
  test.each([
    ['a user part', 'https://jichiroren.jp@evil.example/', /実際には evil\.example を開きます/],
    ['a user and password', 'https://a:b@evil.example/', /ユーザー名/],
    ['a Cyrillic look-alike host', 'https://аррӏе.com/', /見分けにくい文字/],
    ['the same host written in punycode', 'https://xn--80ak6aa92e.com/', /見分けにくい文字/],
    ['Latin mixed with Cyrillic', 'https://jichirоren.jp/', /見分けにくい文字/],
    ['Greek', 'https://αpple.com/', /見分けにくい文字/],
    ['javascript:', 'javascript:alert(1)', /「javascript:」のアドレスは使えません/],
    ['ftp:', 'ftp://example.org/', /「ftp:」/],
    ['a backslash trick', 'https://evil.example\\@jichiroren.jp/', /「\\」/],
    ['not an address', 'jichiroren.jp/news', /アドレスの形になっていません/],
    ['an ideographic full stop in the host', 'https://jichiroren.jp。evil.example/', /ホスト名に「。」/],
    ['a zero-width space in the host', 'https://jichiroren\u200b.jp/', /U\+200B/],
  ])('%s is refused', (_name, url, message) => {
    expect(sourceUrlProblem(url)).toMatch(message);
  });

  test.each([
    ['ASCII', 'https://jichiroren.jp/news/%e8%87%aa'],
    ['a Japanese domain in its own script', 'https://自治労連.jp/'],
    ['a Japanese domain in punycode', 'https://xn--2rqv73bcle.jp/'],
    ['a Japanese label with ASCII', 'http://マイナンバーcard.example/'],
  ])('%s is fine', (_name, url) => {
    expect(sourceUrlProblem(url)).toBeNull();
  });
});

describe('links and images in bodies', () => {
  test.each([
    ['JaVaScRiPt:', 'JaVaScRiPt:alert(1)', /javascript:/],
    ['data:', 'data:text/html,x', /data:/],
    ['vbscript:', 'vbscript:msgbox', /vbscript:/],
    ['a tab in the scheme', 'java\tscript:alert(1)', /javascript:/],
    ['leading spaces', '  javascript:alert(1)', /javascript:/],
    ['a user part', 'https://jichiroren.jp@evil.example/', /evil\.example/],
    ['a protocol-relative look-alike', '//аррӏе.com/', /見分けにくい文字/],
  ])('link: %s is refused', (_name, url, message) => {
    expect(bodyLinkProblem(url)).toMatch(message);
  });

  test.each([
    'https://jichiroren.jp/',
    'http://example.org/a?b#c',
    'mailto:info@example.org',
    '/letters/',
    '../2/',
    '#event-2019-07-23-submitted',
  ])('link: %s is fine', (url) => {
    expect(bodyLinkProblem(url)).toBeNull();
  });

  test.each(['https://evil.example/track.png', '//evil.example/t.png', 'data:image/png;base64,AAAA', 'http://x/y.gif'])(
    'image: %s is refused',
    (url) => {
      expect(bodyImageProblem(url)).toMatch(/このサイトの中のファイル/);
    },
  );

  test.each(['photo.png', '../x.jpg', './a/../../src/secret.png', '/images/../../etc/passwd', '/a/%2e%2e/b.png'])(
    'image: %s is refused (relative paths would make the build import a file)',
    (url) => {
      expect(bodyImageProblem(url)).toMatch(/「\/」から始まるアドレス/);
    },
  );

  test.each(['/images/photo.png', '/icon.svg'])('image: %s is fine', (url) => {
    expect(bodyImageProblem(url)).toBeNull();
  });
});

describe('bodies on the parsed tree', () => {
  test.each([
    [
      '.mdx',
      "<Article number={globalThis.process.getBuiltinModule('fs').writeFileSync('pwned.txt','x') ?? 9} />",
      /number=\{9\} の形/,
    ],
    ['.mdx', '<Article number="9" />', /数だけを/],
    ['.mdx', '<Article number={9.5} />', /数だけを/],
    ['.mdx', '<Article number={0x9} />', /数だけを/],
    ['.mdx', '<Quote source={"x"} url="https://jichiroren.jp/">t</Quote>', /引用符で囲んで/],
    ['.mdx', '<Quote source="x" url="https://jichiroren.jp/" onClick="x">t</Quote>', /属性 onClick はありません/],
    ['.mdx', '<Quote source="x">t</Quote>', /属性 url が必要です/],
    ['.mdx', '<Article {...props} number={1} />', /「\{…\}」の書き方/],
    ['.mdx', '<Quote source="a&#x202E;b" url="https://jichiroren.jp/">t</Quote>', /U\+202E/],
    ['.mdx', '<Quote source="x" url="https://jichiroren.jp@evil.example/">t</Quote>', /evil\.example/],
    ['.mdx', '本文 {1 + 1}', /本文に「\{」は書けません/],
    ['.mdx', '{/* comment */}', /本文に「\{」は書けません/],
    ['.mdx', '<Quote source="x" url="https://jichiroren.jp/">{props.a}</Quote>', /本文に「\{」は書けません/],
    ['.mdx', "import fs from 'node:fs'", /本文に import の行は書けません/],
    ['.mdx', 'export const a = 1', /本文に export の行は書けません/],
    ['.mdx', '<script>alert(1)</script>', /<script>/],
    ['.mdx', '<>fragment</>', /<>/],
    ['.mdx', '<Quote source="x" url="https://jichiroren.jp/">', /本文を読めません/],
    ['.md', '<meta http-equiv="refresh" content="0">', /本文に HTML（<meta>）/],
    ['.md', 'a <b>bold</b>', /本文に HTML（<b>）/],
    ['.md', '<!-- hidden -->', /本文に HTML（<!--/],
    ['.md', '[a](javascript:alert(1))', /javascript:/],
    ['.md', '[a][r]\n\n[r]: JaVaScRiPt:alert(1)', /javascript:/],
    ['.md', '![x][i]\n\n[i]: https://evil.example/t.png', /画像/],
    ['.md', '![x](https://evil.example/t.png)', /画像/],
    ['.md', 'a&#x202E;b', /U\+202E/],
    ['.md', '[a](https://x.example/ "t&#x202E;")', /U\+202E/],
    ['.md', '[https://jichiroren.jp/news](https://evil.example/)', /実際の行き先（evil\.example）が違います/],
    ['.md', '[jichiroren.jp](https://evil.example/)', /実際の行き先/],
    ['.md', '<javascript:alert(1)>', /javascript:/],
  ])('%s body %j is refused', (extension, body, message) => {
    expect(bodyProblem(`\n${body}\n`, extension)?.message).toMatch(message);
  });

  test.each([
    ['.mdx', '<Article number={9} />'],
    ['.mdx', '<Article reference="mie-my-number-rules" number={20}>目的外利用の禁止</Article>'],
    ['.mdx', '<Quote source="書記長談話" url="https://jichiroren.jp/opinion/">引用する文</Quote>'],
    ['.md', '[回答](https://jichiroren.jp/) と [連絡](mailto:info@example.org) と [一覧](/letters/)'],
    ['.md', '![写真](/images/photo.png)'],
    ['.md', '![写真][p]\n\n[p]: /images/p.png'],
    ['.md', '`<b>` と `{1}` はコードです\n\n```\n<script>{x}</script>\n```'],
    ['.md', '自動リンク <https://jichiroren.jp/>'],
    ['.md', '[jichiroren.jp](https://jichiroren.jp/news/1) と [総務省の回答](https://www.soumu.go.jp/)'],
    ['.md', '{1 + 1} は .md ではただの文字'],
    // The parser turns a control character's reference into U+FFFD: published safely.
    ['.md', 'a&#27;b'],
  ])('%s body %j is fine', (extension, body) => {
    expect(bodyProblem(`\n${body}\n`, extension)).toBeNull();
  });

  test('a problem is reported at its own line of the file', () => {
    expect(bodyProblem('\n\n\n段落\n\n[a](javascript:x)\n', '.md')?.line).toBe(6);
  });
});

describe('printed dates agree with ISO dates', () => {
  test.each([
    ['平成27年12月2日', '2015-12-02', true],
    ['昭和27年12月2日', '1952-12-02', true],
    ['昭和二十七年十二月二日', '1952-12-02', true],
    ['令和元年5月1日', '2019-05-01', true],
    ['令和1年5月1日', '2019-05-01', true],
    ['平成３０年５月２１日', '2018-05-21', true],
    ['2015年12月2日', '2015-12-02', true],
    ['昭和27年12月2日', '2031-12-02', false],
    ['平成31年5月1日', '2019-05-01', false],
    ['平成27年12月3日', '2015-12-02', false],
    ['先月', '2015-12-02', null],
  ])('%s ~ %s → %s', (written, iso, agrees) => {
    expect(printedDateAgrees(written, iso)).toBe(agrees);
  });
});

describe('problems name list entries counted from 1', () => {
  test.each([
    ['statusHistory[4].date', 'statusHistory[4].date（statusHistory の5件目）'],
    ['statusHistory[0].sources[1].url', 'statusHistory[0].sources[1].url（statusHistory の1件目、sources の2件目）'],
    ['lastChecked', 'lastChecked'],
  ])('%s', (field, shown) => {
    expect(describeField(field)).toBe(shown);
  });

  test.each([
    ['an ESC sequence in a file name', { file: 'content/timeline/\u001b]0;pwned\u0007.yaml', field: '', message: 'x' }],
    ['a bidi override in a message', { file: 'a.yaml', field: 'title', message: '"\u202eabc" は使えません' }],
  ])('%s is shown, not acted on by the terminal', (_name, problem) => {
    const line = formatProblem(problem);
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(line).toMatch(/\\u\{(1b|202e)\}/);
  });

  test('the command and the check count the same way', () => {
    expect(describeField('statusHistory[3].date')).toContain(entryOrdinal('statusHistory', 3));
  });
});

test('the rules of the rule book have distinct names', () => {
  const names = RULES.map((r) => r.name);
  expect(new Set(names).size).toBe(names.length);
});

describe('published as written: what the rules must not refuse', () => {
  test.each([
    [
      `a summary of ${MAX_CHARS.summary} emoji (${MAX_CHARS.summary * 2} UTF-16 units)`,
      `${KYOSAI}/demands/1.mdx`,
      (t: string) => t.replace(/^( {4}summary: ).*$/m, `$1"${'👍🏽'.repeat(MAX_CHARS.summary)}"`),
    ],
    [
      'a source on a Japanese domain',
      `${KYOSAI}/demands/2.mdx`,
      (t: string) => t.replace(/^( {8}url: )https:\/\/jichiroren\.jp\//m, '$1https://自治労連.jp/'),
    ],
    [
      'components with literal attributes in a .mdx body',
      `${SOUMU}/demands/1.mdx`,
      (t: string) =>
        `${t}\n<Article number={20}>目的外利用の禁止</Article>\n\n<Quote source="談話" url="https://jichiroren.jp/">引用</Quote>\n`,
    ],
    [
      'an era date in kanji numerals',
      'content/references/mie-my-number-rules.yaml',
      (t: string) => t.replace('written: 平成27年12月2日', 'written: 平成二十七年十二月二日'),
    ],
    ['a .mdx file with CRLF line ends', `${SOUMU}/demands/4.mdx`, (t: string) => t.replace(/\n/g, '\r\n')],
    [
      'a letter with a BOM and CRLF line ends',
      `${KYOSAI}/letter.md`,
      (t: string) => `\uFEFF${t.replace(/\n/g, '\r\n')}`,
    ],
    [
      'a multi-line block scalar in a CRLF reference',
      'content/references/mie-my-number-rules.yaml',
      (t: string) => t.replace(/\n/g, '\r\n'),
    ],
    [
      'an event learned late, recorded between its date and today',
      `${SOUMU}/demands/3.mdx`,
      (t: string) => t.replace('    type: statement\n', '    type: statement\n    recorded: "2019-08-02"\n'),
    ],
  ])('%s', (_name, file, edit) => {
    const dir = copyProject({ contentOnly: true });
    copies.push(dir);
    editFile(dir, file, edit);
    expect(checkContent(dir).problems.map(formatProblem)).toEqual([]);
  });
});
