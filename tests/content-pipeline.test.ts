// One reader, one set of rules: for every kind of content file and extension, the content check counts
// the file if and only if the build publishes it. Checked on a copy (unit), then by one real build. The
// refused kinds are proved at the check level only: the build runs that check first, and
// build-errors.test.ts shows the build stopping on it once.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'parse5';
import { afterAll, describe, expect, test } from 'vitest';
import { checkContent, formatProblem } from '../src/lib/content-check.ts';
import { readContentUnits } from '../src/lib/search/content-files.ts';
import { copyProject, readText, removeProject, writeText } from './helpers/project-copy.ts';
import { SOUMU } from './content-errors.ts';

const copies: string[] = [];
afterAll(() => copies.forEach(removeProject));

const write = (dir: string, path: string, text: string) => {
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
const SCRIPT_BREAKOUT = "</script><meta http-equiv=refresh content='0;url=https://evil.example/'>";

interface AcceptedKind {
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

const ACCEPTED: AcceptedKind[] = [
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
          '背景その七：<Article number={9}>目的外利用</Article>に関わる。\n\n<Quote source="試験の出典" url="https://example.org/q">引用その七</Quote>',
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
      const letter = `${frontmatter.replace(/^title: .*$/m, `title: "試験用の要請書${SCRIPT_BREAKOUT}"`)}\n試験用の本文その八。\n`;
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
        readText(dir, 'content/references/mie-my-number-rules.yaml').replace(/^title: .*$/m, 'title: 試験規程その九'),
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
        'date: "2019-07-25"\nkind: other\ntitle: "試験の出来事その十"\nsummary: "試験用。"\nsources:\n  - title: "試験"\n    url: https://example.org/t\n',
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
        'date: "2019-07-29"\nkind: other\ntitle: 2019-07-26\nsummary: 試験用その十一。\nsources:\n  - title: "試験"\n    url: https://example.org/t\n',
      ),
    counted: (c) => c.timeline.get('2019-07-29-test')?.data.title === '2019-07-26',
    page: 'timeline/index.html',
    shows: '2019-07-26',
  },
];

/** Files the build does not read: the check must refuse them, never pass over them in silence. */
const REFUSED = [
  `${SOUMU}/demands/8.markdown`,
  `${SOUMU}/demands/9.txt`,
  `${SOUMU}/letter.txt`,
  'content/references/extra.json',
  'content/timeline/2019-07-26-note.toml',
];

describe('the check counts every kind of file the build publishes', () => {
  test.each(ACCEPTED.map((k) => [k.name, k] as const))('%s', (_name, kind) => {
    const dir = copyProject({ contentOnly: true });
    copies.push(dir);
    kind.add(dir);
    const content = checkContent(dir);
    expect(content.problems.map(formatProblem)).toEqual([]);
    expect(kind.counted(content)).toBe(true);
    if (kind.unit) expect(readContentUnits(dir).map((u) => u.id)).toContain(kind.unit);
  });

  test.each(REFUSED)('%s is refused, by name', (path) => {
    const dir = copyProject({ contentOnly: true });
    copies.push(dir);
    write(dir, path, 'title: x\n');
    const problems = checkContent(dir).problems;
    expect(problems.map((p) => p.file)).toEqual([path]);
    expect(problems[0]!.message).toMatch(/拡張子/);
  });

  test('two files for one entry (2.md and 2.mdx) are refused', () => {
    const dir = copyProject({ contentOnly: true });
    copies.push(dir);
    write(dir, `${SOUMU}/demands/2.md`, readText(dir, `${SOUMU}/demands/2.mdx`));
    expect(checkContent(dir).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/demands\/2\.mdx? .*同じものを指しています/),
    ]);
  });
});

test('the build publishes exactly those files', () => {
  const dir = copyProject();
  copies.push(dir);
  for (const kind of ACCEPTED) kind.add(dir);
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  const build = spawnSync('npx', ['astro', 'build'], { cwd: dir, encoding: 'utf8', env });
  expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  for (const kind of ACCEPTED) {
    const page = join(dir, 'dist', kind.page);
    expect(existsSync(page), kind.page).toBe(true);
    expect(readFileSync(page, 'utf8').includes(kind.shows), `${kind.page} shows ${kind.shows}`).toBe(true);
  }
  // The .mdx components render as links and sourced quotations.
  const mdxPage = readFileSync(join(dir, 'dist', ACCEPTED[1]!.page), 'utf8');
  expect(mdxPage).toMatch(/<a href="\/references\/mie-my-number-rules\/#article-9"[^>]*>第9条（目的外利用）<\/a>/);
  expect(mdxPage).toMatch(/<figcaption>出典：<a href="https:\/\/example.org\/q">試験の出典<\/a><\/figcaption>/);

  // A title cannot break out of the JSON-LD block: the page has no <meta refresh>, the block reads back.
  const letterPage = readFileSync(join(dir, 'dist', 'letters/2019-07-24-test/index.html'), 'utf8');
  const elements: { tagName?: string; attrs?: { name: string; value: string }[] }[] = [];
  const walk = (node: { childNodes?: unknown[] }) =>
    node.childNodes?.forEach((child) => {
      elements.push(child as (typeof elements)[number]);
      walk(child as { childNodes?: unknown[] });
    });
  walk(parse(letterPage));
  expect(elements.filter((e) => e.tagName === 'meta').length).toBeGreaterThan(5);
  expect(elements.filter((e) => e.attrs?.some((a) => a.name === 'http-equiv' && /refresh/i.test(a.value)))).toEqual([]);
  const jsonLd = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(letterPage)?.[1];
  expect(JSON.stringify(JSON.parse(jsonLd!))).toContain(
    JSON.stringify(`試験用の要請書${SCRIPT_BREAKOUT}`).slice(1, -1),
  );
}, 300_000);
