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
];
