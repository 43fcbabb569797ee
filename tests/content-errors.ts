/** Kinds of bad content, each as an edit to a copy of the real content and the problem it must produce. */
import { mkdirSync, mkdtempSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editFile, readText, writeText } from './helpers/project-copy.ts';

export const SOUMU = 'content/letters/2019-07-23-soumu';
export const KYOSAI = 'content/letters/2019-07-18-shichoson-kyosai';

export interface BadContentCase {
  name: string;
  break: (dir: string) => void;
  file: string;
  field: string;
  message: RegExp;
}

export const BAD_CONTENT: BadContentCase[] = [
  {
    name: 'unknown status value',
    break: (dir) => editFile(dir, `${SOUMU}/demands/2.mdx`, (t) => t.replace('status: stalled', 'status: stalld')),
    file: `${SOUMU}/demands/2.mdx`,
    field: 'statusHistory[2].status',
    message: /"stalld" は使えません。使える値：awaiting_response/,
  },
  {
    name: 'unknown event type',
    break: (dir) => editFile(dir, `${SOUMU}/demands/1.mdx`, (t) => t.replace('type: statement', 'type: protest')),
    file: `${SOUMU}/demands/1.mdx`,
    field: 'statusHistory[2].type',
    message: /"protest" は使えません/,
  },
  {
    name: 'unknown field',
    break: (dir) =>
      editFile(dir, `${SOUMU}/letter.md`, (t) => t.replace('closing: 以上', 'closing: 以上\ncolour: red')),
    file: `${SOUMU}/letter.md`,
    field: 'colour',
    message: /この項目はありません/,
  },
  {
    name: 'impossible letter date',
    break: (dir) => editFile(dir, `${KYOSAI}/letter.md`, (t) => t.replace('date: "2019-07-18"', 'date: 2019-02-30')),
    file: `${KYOSAI}/letter.md`,
    field: 'date',
    message: /実在する日にしてください（いまの値："2019-02-30"）/,
  },
  {
    name: 'impossible history date',
    break: (dir) =>
      editFile(dir, `${KYOSAI}/demands/3.mdx`, (t) => t.replace('date: "2019-07-31"', 'date: "2019-06-31"')),
    file: `${KYOSAI}/demands/3.mdx`,
    field: 'statusHistory[1].date',
    message: /2019-06-31/,
  },
  {
    name: 'missing required field',
    break: (dir) => editFile(dir, `${SOUMU}/demands/3.mdx`, (t) => t.replace(/^text: .*\n/m, '')),
    file: `${SOUMU}/demands/3.mdx`,
    field: 'text',
    message: /必ず書く項目です/,
  },
  {
    name: 'missing summary in a history entry',
    break: (dir) => editFile(dir, `${SOUMU}/demands/5.mdx`, (t) => t.replace(/^    summary: .*\n/m, '')),
    file: `${SOUMU}/demands/5.mdx`,
    field: 'statusHistory[0].summary',
    message: /必ず書く項目です/,
  },
  {
    name: 'history entry without a source',
    break: (dir) =>
      editFile(dir, `${SOUMU}/demands/4.mdx`, (t) =>
        t.replace(/    sources:\n      - title: .*\n        url: .*\n/, '    sources: []\n'),
      ),
    file: `${SOUMU}/demands/4.mdx`,
    field: 'statusHistory[0].sources',
    message: /1/,
  },
  {
    name: 'broken YAML',
    break: (dir) =>
      editFile(dir, `${SOUMU}/demands/1.mdx`, (t) =>
        t.replace(/^shortTitle: .*$/m, 'shortTitle: [カード取得を強制しない'),
      ),
    file: `${SOUMU}/demands/1.mdx`,
    field: '',
    message: /YAML が壊れています/,
  },
  {
    name: 'demand pointing at a letter that does not exist',
    break: (dir) =>
      editFile(dir, `${SOUMU}/demands/5.mdx`, (t) => t.replace('letter: 2019-07-23-soumu', 'letter: 2019-07-23-somu')),
    file: `${SOUMU}/demands/5.mdx`,
    field: 'letter',
    message: /2019-07-23-somu/,
  },
  {
    name: 'demand pointing at an article that does not exist',
    break: (dir) => editFile(dir, `${SOUMU}/demands/2.mdx`, (t) => t.replace('article: 20', 'article: 99')),
    file: `${SOUMU}/demands/2.mdx`,
    field: 'legalBasis[1].article',
    message: /第99条 は mie-my-number-rules にありません/,
  },
  {
    name: 'related demand that does not exist',
    break: (dir) =>
      editFile(dir, `${SOUMU}/demands/1.mdx`, (t) =>
        t.replace('demand: 2019-07-18-shichoson-kyosai/1', 'demand: 2019-07-18-shichoson-kyosai/9'),
      ),
    file: `${SOUMU}/demands/1.mdx`,
    field: 'related[0].demand',
    message: /要求 "2019-07-18-shichoson-kyosai\/9" はありません/,
  },
  {
    name: 'two demands with the same number',
    break: (dir) => writeText(dir, `${KYOSAI}/demands/5.mdx`, readText(dir, `${KYOSAI}/demands/4.mdx`)),
    file: `${KYOSAI}/demands/5.mdx`,
    field: 'number',
    message: /番号 4 が要請書 2019-07-18-shichoson-kyosai で2回使われています/,
  },
  {
    name: 'history out of date order',
    break: (dir) =>
      editFile(dir, `${KYOSAI}/demands/2.mdx`, (t) => t.replace('date: "2019-07-31"', 'date: "2019-07-01"')),
    file: `${KYOSAI}/demands/2.mdx`,
    field: 'statusHistory[1].date',
    message: /一つ前の経過/,
  },
  {
    name: 'history date in the future',
    break: (dir) =>
      editFile(dir, `${KYOSAI}/demands/4.mdx`, (t) => t.replace('date: "2019-07-31"', 'date: "2999-07-31"')),
    file: `${KYOSAI}/demands/4.mdx`,
    field: 'statusHistory[1].date',
    message: /今日（\d{4}-\d{2}-\d{2}）より後です/,
  },
  {
    name: 'summary longer than 200 characters',
    break: (dir) =>
      editFile(dir, `${KYOSAI}/demands/1.mdx`, (t) => t.replace(/^(    summary: ")/m, `$1${'あ'.repeat(201)}`)),
    file: `${KYOSAI}/demands/1.mdx`,
    field: 'statusHistory[0].summary',
    message: /200/,
  },
  // Characters, markup, sizes and encodings: refused by the loader (src/lib/content/files.ts and
  // text-rules.ts) before any schema, so the check and the build refuse them alike.
  {
    name: 'control character (ESC) pasted into a summary',
    break: (dir) => editFile(dir, `${KYOSAI}/demands/1.mdx`, (t) => t.replace(/^( {4}summary: ")/m, '$1\u001b[0m')),
    file: `${KYOSAI}/demands/1.mdx`,
    field: '',
    message: /制御文字（U\+001B）が入っています。.*その行を打ち直してください/,
  },
  {
    name: 'bidi override in a letter body',
    break: (dir) => editFile(dir, `${SOUMU}/letter.md`, (t) => `${t}\n\u202Eこの行は逆向き\n`),
    file: `${SOUMU}/letter.md`,
    field: '',
    message: /文字の向きを変える見えない文字（U\+202E）/,
  },
  {
    name: 'a field made only of invisible characters',
    break: (dir) =>
      editFile(dir, `${SOUMU}/demands/3.mdx`, (t) =>
        t.replace(/^shortTitle: .*$/m, 'shortTitle: "\u200B\u3000\u200D"'),
      ),
    file: `${SOUMU}/demands/3.mdx`,
    field: 'shortTitle',
    message: /見える文字がありません/,
  },
  {
    name: 'lastChecked in the future (9999-12-31)',
    break: (dir) =>
      editFile(dir, `${KYOSAI}/demands/2.mdx`, (t) => t.replace(/^lastChecked: .*$/m, 'lastChecked: "9999-12-31"')),
    file: `${KYOSAI}/demands/2.mdx`,
    field: 'lastChecked',
    message: /9999-12-31 は今日（\d{4}-\d{2}-\d{2}）より後です/,
  },
  {
    name: 'letter date in the future',
    break: (dir) => editFile(dir, `${KYOSAI}/letter.md`, (t) => t.replace('date: "2019-07-18"', 'date: "2999-07-18"')),
    file: `${KYOSAI}/letter.md`,
    field: 'date',
    message: /2999-07-18 は今日（\d{4}-\d{2}-\d{2}）より後です。要請書は出した日付で載せてください/,
  },
  {
    name: 'lastChecked before the letter',
    break: (dir) =>
      editFile(dir, `${SOUMU}/demands/4.mdx`, (t) => t.replace(/^lastChecked: .*$/m, 'lastChecked: "2019-07-01"')),
    file: `${SOUMU}/demands/4.mdx`,
    field: 'lastChecked',
    message: /2019-07-01 が要請書の日付 2019-07-23 より前です/,
  },
  {
    name: 'responseDue before the letter',
    break: (dir) =>
      editFile(dir, `${KYOSAI}/letter.md`, (t) =>
        t.replace('date: "2019-07-18"', 'date: "2019-07-18"\nresponseDue: "2019-07-01"'),
      ),
    file: `${KYOSAI}/letter.md`,
    field: 'responseDue',
    message: /回答期限 2019-07-01 が要請書の日付 2019-07-18 より前です/,
  },
  {
    name: 'raw HTML (<meta refresh>) in a letter body',
    break: (dir) =>
      editFile(
        dir,
        `${SOUMU}/letter.md`,
        (t) => `${t}\n<meta http-equiv="refresh" content="0;url=https://evil.example/">\n`,
      ),
    file: `${SOUMU}/letter.md`,
    field: '',
    message: /本文に HTML（<meta>）は書けません。Markdown で書いてください/,
  },
  {
    name: 'a look-alike link (<a>) in a demand .mdx body',
    break: (dir) =>
      editFile(dir, `${SOUMU}/demands/5.mdx`, (t) => `${t}\n<a href="https://evil.example/">総務省の回答</a>\n`),
    file: `${SOUMU}/demands/5.mdx`,
    field: '',
    message: /本文に HTML やこのサイトにない部品（<a>）は書けません。使える部品：Quote、Article/,
  },
  {
    name: 'an import line in a .mdx body',
    break: (dir) => editFile(dir, `${KYOSAI}/demands/4.mdx`, (t) => `${t}\nimport X from '../../x.js';\n`),
    file: `${KYOSAI}/demands/4.mdx`,
    field: '',
    message: /本文に import の行は書けません/,
  },
  {
    name: 'a { expression } in a .mdx body',
    break: (dir) => editFile(dir, `${KYOSAI}/demands/3.mdx`, (t) => `${t}\n合計 {1 + 1} 件。\n`),
    file: `${KYOSAI}/demands/3.mdx`,
    field: '',
    message: /本文に「\{」は書けません/,
  },
  {
    name: 'a YAML alias bomb',
    break: (dir) => {
      const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (let i = 1; i < 9; i++) {
        const prev = String.fromCharCode(96 + i);
        const next = String.fromCharCode(97 + i);
        levels.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
      }
      writeText(dir, 'content/timeline/2019-06-05-soumu-related-notice.yaml', `${levels.join('\n')}\n`);
    },
    file: 'content/timeline/2019-06-05-soumu-related-notice.yaml',
    field: '',
    message: /YAML の別名（&name と \*name）が多すぎます/,
  },
  {
    name: 'a key written twice',
    break: (dir) =>
      editFile(dir, `${SOUMU}/demands/1.mdx`, (t) => t.replace(/^(shortTitle: .*)$/m, '$1\nshortTitle: "二つ目"')),
    file: `${SOUMU}/demands/1.mdx`,
    field: '',
    message: /同じ項目名が2回あります/,
  },
  {
    name: 'a file not in UTF-8 (Shift_JIS)',
    // 「要請」 in Shift_JIS: not a valid UTF-8 sequence.
    break: (dir) =>
      writeFileSync(
        join(dir, 'content/timeline/2019-06-21-honebuto-2019.yaml'),
        Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0x97, 0x76, 0x90, 0xbf, 0x0a]),
      ),
    file: 'content/timeline/2019-06-21-honebuto-2019.yaml',
    field: '',
    message: /文字コードが UTF-8 ではありません/,
  },
  {
    name: 'a 5 MB text',
    break: (dir) =>
      editFile(dir, 'content/timeline/2019-06-28-soumu-notice.yaml', (t) => `${t}# ${'あ'.repeat(1_700_000)}\n`),
    file: 'content/timeline/2019-06-28-soumu-notice.yaml',
    field: '',
    message: /ファイルが大きすぎます（5\.1 MB）。1ファイル 1 MB までです/,
  },
  {
    name: 'a symbolic link instead of a file',
    break: (dir) => {
      const outside = mkdtempSync(join(tmpdir(), 'content-link-'));
      const file = join(dir, 'content/timeline/2019-07-18-rengo-tsushin-article.yaml');
      renameSync(file, join(outside, 'real.yaml'));
      symlinkSync(join(outside, 'real.yaml'), file);
    },
    file: 'content/timeline/2019-07-18-rengo-tsushin-article.yaml',
    field: '',
    message: /シンボリックリンクは読み込みません/,
  },
  {
    name: 'a folder where a file should be (unreadable)',
    break: (dir) => mkdirSync(join(dir, 'content/timeline/2019-07-28-folder.yaml')),
    file: 'content/timeline/2019-07-28-folder.yaml',
    field: '',
    message: /ファイルではなくフォルダです/,
  },
  // The rule book's cross-file rules (src/lib/content-check.ts RULES), once only enforced by tests.
  {
    name: 'a history that does not start with the letter being submitted',
    break: (dir) =>
      editFile(dir, `${SOUMU}/demands/3.mdx`, (t) =>
        t.replace('type: submitted\n    status: awaiting_response', 'type: meeting\n    status: awaiting_response'),
      ),
    file: `${SOUMU}/demands/3.mdx`,
    field: 'statusHistory[0].type',
    message: /経過の最初は要請書の提出（type: submitted/,
  },
  {
    name: 'a submission dated before the letter (2018-01-01)',
    break: (dir) =>
      editFile(dir, `${SOUMU}/demands/4.mdx`, (t) => t.replace('date: "2019-07-23"', 'date: "2018-01-01"')),
    file: `${SOUMU}/demands/4.mdx`,
    field: 'statusHistory[0].date',
    message: /提出の日 2018-01-01 が要請書の日付 2019-07-23 より前です/,
  },
  {
    name: 'a gap in the numbering (1, 2, 3, 4, 7)',
    break: (dir) => {
      editFile(dir, `${SOUMU}/demands/5.mdx`, (t) =>
        t.replace('number: 5', 'number: 7').replace('label: "5."', 'label: "7."'),
      );
      renameSync(join(dir, `${SOUMU}/demands/5.mdx`), join(dir, `${SOUMU}/demands/7.mdx`));
    },
    file: `${SOUMU}/demands/7.mdx`,
    field: 'number',
    message: /要求 5 がないのに 7 があります（あるのは 1, 2, 3, 4, 7）/,
  },
  // Issue 27, values checked after parsing: a YAML escape yields the character only once parsed.
  {
    name: 'a YAML escape "\\e" (ESC) in a history summary',
    break: (dir) => editFile(dir, `${KYOSAI}/demands/2.mdx`, (t) => t.replace(/^( {4}summary: ")/m, '$1\\e[2J')),
    file: `${KYOSAI}/demands/2.mdx`,
    field: 'statusHistory[0].summary',
    message: /制御文字（U\+001B）/,
  },
  {
    name: 'a YAML escape "\\0" (NUL) in the feed subtitle (site.yaml)',
    break: (dir) => editFile(dir, 'content/site.yaml', (t) => t.replace(/^(feedSubtitle: ")/m, '$1\\0')),
    file: 'content/site.yaml',
    field: 'feedSubtitle',
    message: /制御文字（U\+0000）/,
  },
  {
    name: 'a YAML escape "\\v" (what the yaml library writes for a pasted Word line break)',
    break: (dir) =>
      editFile(dir, 'content/timeline/2019-06-04-digital-government-policy.yaml', (t) =>
        t.replace(/^(title: ")/m, '$1回答\\vした'),
      ),
    file: 'content/timeline/2019-06-04-digital-government-policy.yaml',
    field: 'title',
    message: /制御文字（U\+000B）/,
  },
  {
    name: 'a YAML escape "\\u202e" (bidi override) in a source title',
    break: (dir) =>
      editFile(dir, 'content/timeline/2019-07-27-akahata-article.yaml', (t) =>
        t.replace('  - title: "公務員に', '  - title: "\\u202edetcejer\\u202c 公務員に'),
      ),
    file: 'content/timeline/2019-07-27-akahata-article.yaml',
    field: 'sources[0].title',
    message: /文字の向きを変える見えない文字（U\+202E）/,
  },
  {
    name: 'a YAML escape "\\ud800" (lone surrogate) in a reference',
    break: (dir) =>
      editFile(dir, 'content/references/mie-my-number-rules.yaml', (t) =>
        t.replace(/^shortTitle: (.*)$/m, 'shortTitle: "\\ud800$1"'),
      ),
    file: 'content/references/mie-my-number-rules.yaml',
    field: 'shortTitle',
    message: /壊れた文字（U\+D800/,
  },
  {
    name: 'a YAML escape "\\uFFFF" (noncharacter) in a letter topic',
    break: (dir) => editFile(dir, `${KYOSAI}/letter.md`, (t) => t.replace(/^topics: \["/m, 'topics: ["\\uFFFF')),
    file: `${KYOSAI}/letter.md`,
    field: 'topics[0]',
    message: /文字として使えない番号（U\+FFFF）/,
  },
  {
    name: 'an invisible-only summary ("\\u034f\\ufe0f\\u17b4")',
    break: (dir) =>
      editFile(dir, `${SOUMU}/demands/1.mdx`, (t) => t.replace(/^( {4}summary: ).*$/m, '$1"\\u034f\\ufe0f\\u17b4"')),
    file: `${SOUMU}/demands/1.mdx`,
    field: 'statusHistory[0].summary',
    message: /見える文字がありません/,
  },
  {
    name: 'a 30,000-character source title',
    break: (dir) =>
      editFile(dir, `${KYOSAI}/demands/3.mdx`, (t) => t.replace(/^( {6}- title: ")/m, `$1${'長'.repeat(30_000)}`)),
    file: `${KYOSAI}/demands/3.mdx`,
    field: 'statusHistory[0].sources[0].title',
    message: /200文字以内にしてください（いま30\d{3}文字です）/,
  },
  {
    name: 'a short title of 41 emoji (limits count graphemes)',
    break: (dir) =>
      editFile(dir, `${KYOSAI}/demands/4.mdx`, (t) =>
        t.replace(/^shortTitle: .*$/m, `shortTitle: "${'👍🏽'.repeat(41)}"`),
      ),
    file: `${KYOSAI}/demands/4.mdx`,
    field: 'shortTitle',
    message: /40文字以内にしてください（いま41文字です）/,
  },
  {
    name: 'a character reference (&#x202E;) in a letter body',
    break: (dir) => editFile(dir, `${SOUMU}/letter.md`, (t) => `${t}\n逆向き&#x202E;の文\n`),
    file: `${SOUMU}/letter.md`,
    field: '',
    message: /文字の向きを変える見えない文字（U\+202E）/,
  },
  // MDX bodies are text with a few components: checked on the parsed tree.
  {
    name: 'an expression in a component attribute (writes a file at build time)',
    break: (dir) =>
      editFile(
        dir,
        `${SOUMU}/demands/2.mdx`,
        (t) =>
          `${t}\n<Article number={globalThis.process.getBuiltinModule('fs').writeFileSync('pwned.txt','x') ?? 9} />\n`,
      ),
    file: `${SOUMU}/demands/2.mdx`,
    field: '',
    message: /部品 <Article> の number は数だけを number=\{9\} の形で書きます（式は書けません）/,
  },
  {
    name: 'an expression as a component child',
    break: (dir) =>
      editFile(
        dir,
        `${SOUMU}/demands/3.mdx`,
        (t) => `${t}\n<Quote source="談話" url="https://jichiroren.jp/">{globalThis.process.exit(0)}</Quote>\n`,
      ),
    file: `${SOUMU}/demands/3.mdx`,
    field: '',
    message: /本文に「\{」は書けません/,
  },
  {
    name: 'an export line in a .mdx body',
    break: (dir) =>
      editFile(dir, `${KYOSAI}/demands/1.mdx`, (t) => `${t}\nexport const x = globalThis.process.exit(1);\n`),
    file: `${KYOSAI}/demands/1.mdx`,
    field: '',
    message: /本文に export の行は書けません/,
  },
  {
    name: 'a spread attribute on a component',
    break: (dir) => editFile(dir, `${KYOSAI}/demands/2.mdx`, (t) => `${t}\n<Article {...globalThis} number={9} />\n`),
    file: `${KYOSAI}/demands/2.mdx`,
    field: '',
    message: /部品 <Article> に「\{…\}」の書き方は使えません/,
  },
  {
    name: 'a Quote whose url is javascript:',
    break: (dir) =>
      editFile(
        dir,
        `${SOUMU}/demands/4.mdx`,
        (t) => `${t}\n<Quote source="談話" url="javascript:alert(1)">引用</Quote>\n`,
      ),
    file: `${SOUMU}/demands/4.mdx`,
    field: '',
    message: /「javascript:」のアドレスは使えません/,
  },
  // Links and images in bodies, on the parsed Markdown.
  {
    name: 'a javascript: link in a letter body',
    break: (dir) =>
      editFile(dir, `${SOUMU}/letter.md`, (t) => `${t}\n[総務省の回答](javascript:alert(document.domain))\n`),
    file: `${SOUMU}/letter.md`,
    field: '',
    message: /本文のリンクに「javascript:」は使えません/,
  },
  {
    name: 'a reference definition to JaVaScRiPt:',
    break: (dir) => editFile(dir, `${KYOSAI}/letter.md`, (t) => `${t}\n[回答][r]\n\n[r]: JaVaScRiPt:alert(1)\n`),
    file: `${KYOSAI}/letter.md`,
    field: '',
    message: /本文のリンクに「javascript:」は使えません/,
  },
  {
    name: 'a data: link in a .mdx body',
    break: (dir) =>
      editFile(dir, `${KYOSAI}/demands/3.mdx`, (t) => `${t}\n[資料](data:text/html;base64,PHNjcmlwdD4=)\n`),
    file: `${KYOSAI}/demands/3.mdx`,
    field: '',
    message: /本文のリンクに「data:」は使えません/,
  },
  {
    name: 'a vbscript: link with a tab inside the scheme',
    break: (dir) => editFile(dir, `${SOUMU}/demands/5.mdx`, (t) => `${t}\n[資料](<vb\tscript:msgbox>)\n`),
    file: `${SOUMU}/demands/5.mdx`,
    field: '',
    message: /本文のリンクに「vbscript:」は使えません/,
  },
  {
    name: 'an external image (a tracking pixel)',
    break: (dir) => editFile(dir, `${KYOSAI}/demands/4.mdx`, (t) => `${t}\n![x](https://evil.example/track.png)\n`),
    file: `${KYOSAI}/demands/4.mdx`,
    field: '',
    message: /本文の画像は、このサイトの中のファイル/,
  },
  // Dates that make sense together.
  {
    name: 'recorded in the future (2099-12-31)',
    break: (dir) =>
      editFile(dir, `${SOUMU}/demands/1.mdx`, (t) =>
        t.replace('    type: statement\n', '    type: statement\n    recorded: "2099-12-31"\n'),
      ),
    file: `${SOUMU}/demands/1.mdx`,
    field: 'statusHistory[2].recorded',
    message: /2099-12-31 は今日（\d{4}-\d{2}-\d{2}）より後です/,
  },
  {
    name: 'recorded before the event',
    break: (dir) =>
      editFile(dir, `${SOUMU}/demands/2.mdx`, (t) =>
        t.replace('    type: statement\n', '    type: statement\n    recorded: "2019-07-30"\n'),
      ),
    file: `${SOUMU}/demands/2.mdx`,
    field: 'statusHistory[2].recorded',
    message: /記録した日 2019-07-30 が出来事の日 2019-07-31 より前です/,
  },
  {
    name: 'an enactment in the future (2031) beside 昭和27年12月2日',
    break: (dir) =>
      editFile(dir, 'content/references/mie-my-number-rules.yaml', (t) =>
        t.replace(
          '  date: "2015-12-02"\n  written: 平成27年12月2日',
          '  date: "2031-12-02"\n  written: 昭和27年12月2日',
        ),
      ),
    file: 'content/references/mie-my-number-rules.yaml',
    field: 'enacted.date',
    message: /2031-12-02 は今日（\d{4}-\d{2}-\d{2}）より後です/,
  },
  {
    name: 'an era date that does not agree with the date',
    break: (dir) =>
      editFile(dir, 'content/references/mie-my-number-rules.yaml', (t) =>
        t.replace('written: 平成30年5月21日', 'written: 平成31年5月21日'),
      ),
    file: 'content/references/mie-my-number-rules.yaml',
    field: 'amendments[0].written',
    message: /「平成31年5月21日」と date 2018-05-21（平成30年5月21日）が合いません/,
  },
  {
    name: 'a timeline source dated 2030',
    break: (dir) =>
      editFile(dir, 'content/timeline/2019-07-27-akahata-article.yaml', (t) =>
        t.replace('    date: "2019-07-27"', '    date: "2030-07-27"'),
      ),
    file: 'content/timeline/2019-07-27-akahata-article.yaml',
    field: 'sources[0].date',
    message: /2030-07-27 は今日（\d{4}-\d{2}-\d{2}）より後です/,
  },
  // Addresses that deceive.
  {
    name: 'a source address with a user part',
    break: (dir) =>
      editFile(dir, `${KYOSAI}/demands/1.mdx`, (t) =>
        t.replace(/^( {8}url: )https:\/\/jichiroren\.jp\//m, '$1https://jichiroren.jp@evil.example/'),
      ),
    file: `${KYOSAI}/demands/1.mdx`,
    field: 'statusHistory[0].sources[0].url',
    message: /ユーザー名として扱われ、実際には evil\.example を開きます/,
  },
  {
    name: 'a source address on a look-alike host (Cyrillic аррӏе.com)',
    break: (dir) =>
      editFile(dir, 'content/timeline/2019-07-18-rengo-tsushin-article.yaml', (t) =>
        t.replace(/^( {4}url: )https:\/\/rengo-news-agency\.com\//m, '$1https://аррӏе.com/'),
      ),
    file: 'content/timeline/2019-07-18-rengo-tsushin-article.yaml',
    field: 'sources[0].url',
    message: /英字と見分けにくい文字や日本語以外の文字/,
  },
  // Where files are: names and folders.
  {
    name: 'a timeline file name with capitals',
    break: (dir) =>
      writeText(
        dir,
        'content/timeline/2019-07-27-Akahata.yaml',
        readText(dir, 'content/timeline/2019-07-27-akahata-article.yaml'),
      ),
    file: 'content/timeline/2019-07-27-Akahata.yaml',
    field: '',
    message: /ファイル名は半角の小文字・数字と「-」だけにしてください/,
  },
  {
    name: 'a demand file named after another number',
    break: (dir) => renameSync(join(dir, `${KYOSAI}/demands/4.mdx`), join(dir, `${KYOSAI}/demands/04.mdx`)),
    file: `${KYOSAI}/demands/04.mdx`,
    field: 'number',
    message: /4 なので、ファイル名を 4\.mdx にしてください/,
  },
  {
    name: 'amendments out of order',
    break: (dir) =>
      editFile(dir, 'content/references/mie-my-number-rules.yaml', (t) =>
        t.replace(
          '    number: 三職共規程第2号\n',
          '    number: 三職共規程第2号\n  - date: "2016-04-01"\n    written: 平成28年4月1日\n    number: 三職共規程第1号\n',
        ),
      ),
    file: 'content/references/mie-my-number-rules.yaml',
    field: 'amendments[1].date',
    message: /改正の日 2016-04-01 が一つ前の改正（2018-05-21）より前です/,
  },
  {
    name: 'an <Article> in a body linking to an article that does not exist',
    break: (dir) => editFile(dir, `${KYOSAI}/demands/2.mdx`, (t) => `${t}\n<Article number={999} />\n`),
    file: `${KYOSAI}/demands/2.mdx`,
    field: '',
    message: /本文の <Article> の 第999条 は mie-my-number-rules にありません/,
  },
  {
    name: 'a letter without demands',
    break: (dir) => {
      mkdirSync(join(dir, 'content/letters/2019-08-01-new'));
      writeText(dir, 'content/letters/2019-08-01-new/letter.md', readText(dir, `${KYOSAI}/letter.md`));
    },
    file: 'content/letters/2019-08-01-new/letter.md',
    field: '',
    message: /この要請書には要求がありません/,
  },
  {
    name: 'an article number written twice in a reference',
    break: (dir) =>
      editFile(dir, 'content/references/mie-my-number-rules.yaml', (t) =>
        t.replace('      - number: 31\n', '      - number: 30\n'),
      ),
    file: 'content/references/mie-my-number-rules.yaml',
    field: 'chapters[4].articles[7].number',
    message: /第30条 が mie-my-number-rules に2回あります/,
  },
  {
    name: 'a timeline event naming a letter that does not exist',
    break: (dir) =>
      editFile(dir, 'content/timeline/2019-07-27-akahata-article.yaml', (t) =>
        t.replace('letters: [2019-07-23-soumu,', 'letters: [2019-07-23-somu,'),
      ),
    file: 'content/timeline/2019-07-27-akahata-article.yaml',
    field: 'letters[0]',
    message: /要請書 "2019-07-23-somu" はありません/,
  },
];
