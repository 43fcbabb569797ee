/** Kinds of bad content, each as an edit to a copy of the real content and the problem it must produce. */
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
];
