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
    break: (dir) => editFile(dir, `${SOUMU}/demands/2.md`, (t) => t.replace('status: stalled', 'status: stalld')),
    file: `${SOUMU}/demands/2.md`,
    field: 'statusHistory[2].status',
    message: /"stalld" is not one of: awaiting_response/,
  },
  {
    name: 'unknown event type',
    break: (dir) => editFile(dir, `${SOUMU}/demands/1.md`, (t) => t.replace('type: statement', 'type: protest')),
    file: `${SOUMU}/demands/1.md`,
    field: 'statusHistory[2].type',
    message: /"protest" is not one of/,
  },
  {
    name: 'unknown field',
    break: (dir) =>
      editFile(dir, `${SOUMU}/letter.md`, (t) => t.replace('closing: 以上', 'closing: 以上\ncolour: red')),
    file: `${SOUMU}/letter.md`,
    field: 'colour',
    message: /unknown field/,
  },
  {
    name: 'impossible letter date',
    break: (dir) => editFile(dir, `${KYOSAI}/letter.md`, (t) => t.replace('date: "2019-07-18"', 'date: 2019-02-30')),
    file: `${KYOSAI}/letter.md`,
    field: 'date',
    message: /expected a real date written YYYY-MM-DD, got "2019-02-30"/,
  },
  {
    name: 'impossible history date',
    break: (dir) =>
      editFile(dir, `${KYOSAI}/demands/3.md`, (t) => t.replace('date: "2019-07-31"', 'date: "2019-06-31"')),
    file: `${KYOSAI}/demands/3.md`,
    field: 'statusHistory[1].date',
    message: /2019-06-31/,
  },
  {
    name: 'missing required field',
    break: (dir) => editFile(dir, `${SOUMU}/demands/3.md`, (t) => t.replace(/^text: .*\n/m, '')),
    file: `${SOUMU}/demands/3.md`,
    field: 'text',
    message: /required field is missing/,
  },
  {
    name: 'missing summary in a history entry',
    break: (dir) => editFile(dir, `${SOUMU}/demands/5.md`, (t) => t.replace(/^    summary: .*\n/m, '')),
    file: `${SOUMU}/demands/5.md`,
    field: 'statusHistory[0].summary',
    message: /required field is missing/,
  },
  {
    name: 'history entry without a source',
    break: (dir) =>
      editFile(dir, `${SOUMU}/demands/4.md`, (t) =>
        t.replace(/    sources:\n      - title: .*\n        url: .*\n/, '    sources: []\n'),
      ),
    file: `${SOUMU}/demands/4.md`,
    field: 'statusHistory[0].sources',
    message: /1/,
  },
  {
    name: 'broken YAML',
    break: (dir) =>
      editFile(dir, `${SOUMU}/demands/1.md`, (t) =>
        t.replace(/^shortTitle: .*$/m, 'shortTitle: [カード取得を強制しない'),
      ),
    file: `${SOUMU}/demands/1.md`,
    field: '',
    message: /broken YAML/,
  },
  {
    name: 'demand pointing at a letter that does not exist',
    break: (dir) =>
      editFile(dir, `${SOUMU}/demands/5.md`, (t) => t.replace('letter: 2019-07-23-soumu', 'letter: 2019-07-23-somu')),
    file: `${SOUMU}/demands/5.md`,
    field: 'letter',
    message: /2019-07-23-somu/,
  },
  {
    name: 'demand pointing at an article that does not exist',
    break: (dir) => editFile(dir, `${SOUMU}/demands/2.md`, (t) => t.replace('article: 20', 'article: 99')),
    file: `${SOUMU}/demands/2.md`,
    field: 'legalBasis[1].article',
    message: /第99条 does not exist/,
  },
  {
    name: 'related demand that does not exist',
    break: (dir) =>
      editFile(dir, `${SOUMU}/demands/1.md`, (t) =>
        t.replace('demand: 2019-07-18-shichoson-kyosai/1', 'demand: 2019-07-18-shichoson-kyosai/9'),
      ),
    file: `${SOUMU}/demands/1.md`,
    field: 'related[0].demand',
    message: /no demand "2019-07-18-shichoson-kyosai\/9"/,
  },
  {
    name: 'two demands with the same number',
    break: (dir) => writeText(dir, `${KYOSAI}/demands/5.md`, readText(dir, `${KYOSAI}/demands/4.md`)),
    file: `${KYOSAI}/demands/5.md`,
    field: 'number',
    message: /4 is used twice in letter 2019-07-18-shichoson-kyosai/,
  },
  {
    name: 'history out of date order',
    break: (dir) =>
      editFile(dir, `${KYOSAI}/demands/2.md`, (t) => t.replace('date: "2019-07-31"', 'date: "2019-07-01"')),
    file: `${KYOSAI}/demands/2.md`,
    field: 'statusHistory[1].date',
    message: /comes before the previous entry/,
  },
  {
    name: 'history date in the future',
    break: (dir) =>
      editFile(dir, `${KYOSAI}/demands/4.md`, (t) => t.replace('date: "2019-07-31"', 'date: "2999-07-31"')),
    file: `${KYOSAI}/demands/4.md`,
    field: 'statusHistory[1].date',
    message: /after today/,
  },
  {
    name: 'summary longer than 200 characters',
    break: (dir) =>
      editFile(dir, `${KYOSAI}/demands/1.md`, (t) => t.replace(/^(    summary: ")/m, `$1${'あ'.repeat(201)}`)),
    file: `${KYOSAI}/demands/1.md`,
    field: 'statusHistory[0].summary',
    message: /200/,
  },
];
