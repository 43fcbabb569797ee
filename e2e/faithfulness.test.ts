// Every sentence of both source documents is on the built site, as written (layout aside).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { distDir } from './harness.ts';
import { htmlToText, layoutFree, sourceSegments } from '../src/lib/text-compare.ts';

const SEEDS = join(import.meta.dirname, '..', 'tests', 'fixtures', 'seeds');

/** The documented transcription fixes (tests/fixtures/seeds/README.md): what the site publishes instead. */
const KNOWN_FIXES: [string, string][] = [
  ['变换', '変換'],
  ['## ○', '## '],
  ['特定個人情報の 適正な取扱い', '特定個人情報の適正な取扱い'],
  // An article's caption glued to the previous item by PDF extraction: a separate line on the site.
  ['決定をしたとき(理由の説明)', '決定をしたとき\n(理由の説明)'],
];

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

let site = '';
beforeAll(() => {
  site = siteText(distDir());
});

describe.each([
  ['the two request letters', '000_91f04646cd65e3e3.txt'],
  ['the Mie regulation', '004_c29f0e81081689d1.txt'],
])('%s', (_name, file) => {
  test('every sentence appears on the site', () => {
    let source = readFileSync(join(SEEDS, file), 'utf8');
    for (const [from, to] of KNOWN_FIXES) source = source.replaceAll(from, to);
    const segments = sourceSegments(source);
    expect(segments.length).toBeGreaterThan(20);
    const missing = segments.filter((segment) => !site.includes(segment));
    expect(missing).toEqual([]);
  });
});

test('the corrected and the kept-as-printed readings are both visible', () => {
  expect(site.includes(layoutFree('住民票コードを変換して得られる番号であつて'))).toBe(true);
  // 变换 may appear only in the note that explains the correction, never in the statute text.
  expect(site.includes(layoutFree('住民票コードを变换'))).toBe(false);
  expect(site.includes(layoutFree('第1項の規定に請求に係る'))).toBe(true);
  expect(site.includes('原文ママ')).toBe(true);
});
