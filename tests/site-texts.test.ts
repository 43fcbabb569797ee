// The site's own texts are content (content/site.yaml, SiteSchema): the check reads and validates them like
// every other file, the pages take them from there, and no code under src/ names the letters any more,
// so the next campaign changes content only.
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkContent, formatProblem } from '../src/lib/content-check.ts';
import { siteTexts } from '../src/lib/site.ts';
import { PROJECT_ROOT, FIXTURE_ROOT, copyProject, removeProject, editFile } from './helpers/project-copy.ts';
import { rmSync } from 'node:fs';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** What names a letter: its folder name and its title (anywhere under src/, comments included). */
function letterNames(root: string): string[] {
  return [...checkContent(root).letters].flatMap(([slug, { data }]) => [slug, data.title]);
}

/** What a page's own words would say of the letters: their dates and years as written in Japanese. */
function letterDates(root: string): string[] {
  return [...checkContent(root).letters.values()].flatMap(({ data }) => {
    const [y, m, d] = data.date.split('-').map(Number);
    return [`${y}年${m}月${d}日`, `${y}年${m}月`, `${y}年`];
  });
}

/** Every `file:line text` under `files` containing one of `needles`. */
function hitsIn(files: readonly string[], needles: readonly string[]): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, index) =>
        needles.filter((n) => line.includes(n)).map((n) => `${relative(PROJECT_ROOT, file)}:${index + 1} ${n}`),
      ),
  );
}

describe('no code under src/ names the letters', () => {
  // The letters on the site now and the 2019 letters the site was made for (the frozen fixture).
  const names = [...new Set([...letterNames(PROJECT_ROOT), ...letterNames(FIXTURE_ROOT)])];
  const files = filesUnder(join(PROJECT_ROOT, 'src'));

  test('the sweep knows what to look for', () => {
    const fixture = checkContent(FIXTURE_ROOT).letters;
    expect(fixture.size).toBeGreaterThan(0);
    for (const [slug, { data }] of fixture) expect(names).toEqual(expect.arrayContaining([slug, data.title]));
    expect(files.length).toBeGreaterThan(20);
  });

  test('no file under src/ contains a letter’s folder name or title', () => {
    expect(hitsIn(files, names)).toEqual([]);
  });

  test('no page, layout or component speaks of the letters’ dates in its own words', () => {
    const dates = [...new Set([...letterDates(PROJECT_ROOT), ...letterDates(FIXTURE_ROOT)])];
    const rendered = files.filter((f) => /\/src\/(pages|layouts|components)\//.test(f));
    expect(rendered.length).toBeGreaterThan(10);
    expect(hitsIn(rendered, dates)).toEqual([]);
  });
});

describe('content/site.yaml is checked like every other content file', () => {
  test('the site’s texts are read through the content check', () => {
    expect(siteTexts(PROJECT_ROOT)).toEqual(checkContent(PROJECT_ROOT).site.get('site')!.data);
  });

  test('a text changed in the file is what the site gets', () => {
    const dir = copyProject({ contentOnly: true });
    try {
      editFile(dir, 'content/site.yaml', (text) => text.replace(/^name: .*$/m, 'name: "次の運動の名前"'));
      expect(siteTexts(dir).name).toBe('次の運動の名前');
    } finally {
      removeProject(dir);
    }
  });

  test.each([
    [
      'a field left out',
      (t: string) => t.replace(/^publisher: .*\n/m, ''),
      /^content\/site\.yaml  publisher: 必ず書く項目です/,
    ],
    [
      'an unknown field',
      (t: string) => `${t}tagline: "x"\n`,
      /^content\/site\.yaml:\d+  tagline: この項目はありません/,
    ],
    [
      'an empty paragraph',
      (t: string) => t.replace(/^homeIntro:\n {2}- .*$/m, 'homeIntro:\n  - "  "'),
      /^content\/site\.yaml:\d+  homeIntro\[0\]（homeIntro の1件目）: 見える文字がありません/,
    ],
    [
      'a name too long',
      (t: string) => t.replace(/^name: .*$/m, `name: "${'長'.repeat(81)}"`),
      /^content\/site\.yaml:2  name: .*80/,
    ],
  ])('%s is reported in Japanese with file, line and field', (_, edit, expected) => {
    const dir = copyProject({ contentOnly: true });
    try {
      editFile(dir, 'content/site.yaml', edit);
      const problems = checkContent(dir).problems.map(formatProblem);
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) expect(problem).toMatch(/^content\/site\.yaml/);
      expect(
        problems.some((p) => expected.test(p)),
        problems.join('\n'),
      ).toBe(true);
    } finally {
      removeProject(dir);
    }
  });

  test('a missing file is reported, and the site refuses to build without it', () => {
    const dir = copyProject({ contentOnly: true });
    try {
      rmSync(join(dir, 'content', 'site.yaml'));
      expect(checkContent(dir).problems.map(formatProblem)).toEqual([
        expect.stringMatching(/^content\/site\.yaml  サイトの名前と紹介文のファイルがありません/),
      ]);
      expect(() => siteTexts(dir)).toThrow(/content\/site\.yaml/);
    } finally {
      removeProject(dir);
    }
  });
});
