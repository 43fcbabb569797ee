/**
 * One content file of every kind and extension the build publishes (demand .md and .mdx with
 * components, letter .mdx, reference .yml, timeline .yml, an unquoted date as a title), added to a
 * copy of the frozen fixture. content-pipeline.test.ts proves the check counts each; the browser
 * tests' site is built with all of them (e2e/global-setup.ts), and e2e/content-kinds.test.ts proves
 * the build publishes each.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { checkContent } from '../../src/lib/content-check.ts';
import { readText, writeText } from './project-copy.ts';
import { SOUMU } from '../content-errors.ts';

/** Writes a file of a copy, making its folder. */
export const write = (dir: string, path: string, text: string): void => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeText(dir, path, text);
};

/** A demand of the 総務省 letter with another number (and a body). */
const demandWithNumber = (dir: string, number: number, body: string) =>
  readText(dir, `${SOUMU}/demands/5.mdx`)
    .replace('number: 5', `number: ${number}`)
    .replace('label: "5."', `label: "${number}."`)
    .replace(/shortTitle: .*/, `shortTitle: "試験用の要求${number}"`)
    .replace(/---\n*$/, `---\n\n${body}\n`);

/** A title that would end a JSON-LD block written with plain JSON.stringify, and redirect the page. */
export const SCRIPT_BREAKOUT = "</script><meta http-equiv=refresh content='0;url=https://evil.invalid/'>";

export interface AcceptedKind {
  name: string;
  add: (dir: string) => void;
  /** Where the check counts it. */
  counted: (content: ReturnType<typeof checkContent>) => boolean;
  /** The page that publishes it, and a text it must show. */
  page: string;
  shows: string;
  /** Id of its search unit, if it has one of its own. */
  unit?: string;
}

export const ACCEPTED: AcceptedKind[] = [
  {
    name: 'demand .md',
    add: (dir) => write(dir, `${SOUMU}/demands/6.md`, demandWithNumber(dir, 6, '背景その六：Markdown の本文。')),
    counted: (c) => c.demands.has('2019-07-23-soumu/6'),
    page: 'letters/2019-07-23-soumu/demands/6/index.html',
    shows: '背景その六：Markdown の本文。',
    unit: 'demand:2019-07-23-soumu/6',
  },
  {
    name: 'demand .mdx with a body and components',
    add: (dir) => {
      // Demands are numbered 1…n: 7 needs a 6 (the .md kind's file, when it is not there yet).
      if (!existsSync(join(dir, `${SOUMU}/demands/6.md`)))
        write(dir, `${SOUMU}/demands/6.md`, demandWithNumber(dir, 6, '背景その六：Markdown の本文。'));
      write(
        dir,
        `${SOUMU}/demands/7.mdx`,
        demandWithNumber(
          dir,
          7,
          '背景その七：<Article number={9}>目的外利用</Article>に関わる。\n\n<Quote source="試験の出典" url="https://example.net/q">引用その七</Quote>',
        ),
      );
    },
    counted: (c) => c.demands.has('2019-07-23-soumu/7'),
    page: 'letters/2019-07-23-soumu/demands/7/index.html',
    shows: '引用その七',
    unit: 'demand:2019-07-23-soumu/7',
  },
  {
    name: 'letter .mdx',
    add: (dir) => {
      const source = readText(dir, `${SOUMU}/letter.md`);
      const frontmatter = source.slice(0, source.indexOf('\n---\n', 4) + 5);
      // Addressed to someone else, so that it never shares a name with the letter it is made from.
      const [before, addressee] = frontmatter.split('\naddressee:');
      const renamed = `${before}\naddressee:${addressee!
        .replace(/^ {2}(organization|shortName): .*$/gm, '  $1: "試験省"')
        .replace(/^ {2}role: .*$/m, '  role: "試験大臣"')}`;
      const letter = `${renamed
        .replace(/^title: .*$/m, `title: "試験用の要請書${SCRIPT_BREAKOUT}"`)
        .replace(/^ {2}title: .*$/m, '  title: "Test letter no. 8"')}\n試験用の本文その八。\n`;
      write(dir, 'content/letters/2019-07-24-test/letter.mdx', letter);
      write(
        dir,
        'content/letters/2019-07-24-test/demands/1.md',
        demandWithNumber(dir, 1, '').replace('letter: 2019-07-23-soumu', 'letter: 2019-07-24-test'),
      );
    },
    counted: (c) => c.letters.has('2019-07-24-test') && c.demands.has('2019-07-24-test/1'),
    page: 'letters/2019-07-24-test/index.html',
    shows: '試験用の本文その八。',
    unit: 'letter:2019-07-24-test',
  },
  {
    name: 'reference .yml',
    add: (dir) =>
      write(
        dir,
        'content/references/test-rules.yml',
        readText(dir, 'content/references/mie-my-number-rules.yaml')
          .replace(/^title: .*$/m, 'title: 試験規程その九')
          .replace(/^ {2}title: .*$/m, '  title: "Test rules no. 9"'),
      ),
    counted: (c) => c.references.has('test-rules'),
    page: 'references/test-rules/index.html',
    shows: '試験規程その九',
    unit: 'article:test-rules/1',
  },
  {
    name: 'timeline event .yml',
    add: (dir) =>
      write(
        dir,
        'content/timeline/2019-07-25-test.yml',
        'date: "2019-07-25"\nkind: other\ntitle: "試験の出来事その十"\nsummary: "試験用。"\nsources:\n  - title: "試験"\n    url: https://example.net/t\n',
      ),
    counted: (c) => c.timeline.has('2019-07-25-test'),
    page: 'timeline/index.html',
    shows: '試験の出来事その十',
  },
  {
    // YAML would read an unquoted date as a date; the one reading keeps it the text it looks like.
    name: 'an unquoted date as a title',
    add: (dir) =>
      write(
        dir,
        'content/timeline/2019-07-29-test.yaml',
        'date: "2019-07-29"\nkind: other\ntitle: 2019-07-26\nsummary: 試験用その十一。\nsources:\n  - title: "試験"\n    url: https://example.net/t\n',
      ),
    counted: (c) => c.timeline.get('2019-07-29-test')?.data.title === '2019-07-26',
    page: 'timeline/index.html',
    shows: '2019-07-26',
  },
];
