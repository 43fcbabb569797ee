// Every sentence of both source documents is published as written (layout aside): on the built fixture
// site (rendering), and in the real content/ (data: organizers may add to it, never lose the source text).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { distDir } from './harness.ts';
import { htmlToText, layoutFree, sourceSegments } from '../src/lib/text-compare.ts';
import { checkContent } from '../src/lib/content-check.ts';
import { FIXTURE_ROOT, PROJECT_ROOT } from '../tests/helpers/project-copy.ts';

const SEEDS = join(import.meta.dirname, '..', 'tests', 'fixtures', 'seeds');

/** The documented transcription fixes (tests/fixtures/seeds/README.md): what the site publishes instead. */
const KNOWN_FIXES: [string, string][] = [
  ['变换', '変換'],
  ['## ○', '## '],
  ['特定個人情報の 適正な取扱い', '特定個人情報の適正な取扱い'],
  // An article's caption glued to the previous item by PDF extraction: a separate line on the site.
  ['決定をしたとき(理由の説明)', '決定をしたとき\n(理由の説明)'],
];

const SOURCES = [
  ['the two request letters', '000_91f04646cd65e3e3.txt'],
  ['the Mie regulation', '004_c29f0e81081689d1.txt'],
] as const;

function segmentsOf(file: string): string[] {
  let source = readFileSync(join(SEEDS, file), 'utf8');
  for (const [from, to] of KNOWN_FIXES) source = source.replaceAll(from, to);
  return sourceSegments(source);
}

function siteText(dir: string): string {
  const texts: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) texts.push(layoutFree(htmlToText(readFileSync(full, 'utf8'))));
    }
  };
  walk(dir);
  return texts.join('\n');
}

/**
 * The text a project's content holds, layout-free: every string of every entry's data, in file order,
 * and every Markdown body. Fields rendered side by side (役職・氏名・敬称) read as one run, as on the page.
 */
function contentText(root: string): string {
  const strings = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value.flatMap(strings)
        : value && typeof value === 'object'
          ? Object.values(value).flatMap(strings)
          : [];
  const content = checkContent(root);
  const files = [...content.letters.values(), ...content.demands.values(), ...content.references.values()];
  return files.map((file) => layoutFree([...strings(file.data), file.body.replace(/\*\*/g, '')].join(''))).join('\n');
}

let site = '';
beforeAll(() => {
  site = siteText(distDir());
});

describe.each(SOURCES)('%s', (_name, file) => {
  test('every sentence appears on the fixture site', () => {
    const segments = segmentsOf(file);
    expect(segments.length).toBeGreaterThan(20);
    expect(segments.filter((segment) => !site.includes(segment))).toEqual([]);
  });

  // Sentences the page composes from several fields (dates written out, 記, 以上) are proved by the
  // fixture site above; every sentence the fixture's data holds must still be in content/, whatever
  // organizers have added since.
  test('every sentence the fixture holds as data is still in content/', () => {
    const fixture = contentText(FIXTURE_ROOT);
    const real = contentText(PROJECT_ROOT);
    const held = segmentsOf(file).filter((segment) => fixture.includes(segment));
    expect(held.length).toBeGreaterThan(20);
    expect(held.filter((segment) => !real.includes(segment))).toEqual([]);
  });
});

test('the corrected and the kept-as-printed readings are both visible', () => {
  expect(site.includes(layoutFree('住民票コードを変換して得られる番号であつて'))).toBe(true);
  // 变换 may appear only in the note that explains the correction, never in the statute text.
  expect(site.includes(layoutFree('住民票コードを变换'))).toBe(false);
  expect(site.includes(layoutFree('第1項の規定に請求に係る'))).toBe(true);
  expect(site.includes('原文ママ')).toBe(true);
});
