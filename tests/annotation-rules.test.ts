// The site's annotations and wording, as rules over whatever content/ holds (never today's demands):
// every legal basis names an article its reference has, every related demand exists, and the site's own
// words (labels in src/, content fields that are not the published verbatim texts) use the house terms.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../src/lib/content-check.ts';
import { PROJECT_ROOT } from './helpers/project-copy.ts';

const content = checkContent(PROJECT_ROOT);

/** Retired wording and the term that replaced it (see docs in the guide: 要求, 宛, 回答, 取りまとめ). */
const RETIRED: readonly (readonly [RegExp, string])[] = [
  [/総務省宛/, '総務大臣宛（要請書は総務大臣に宛てたもの）'],
  [/あて[にのとへ、）]/, '宛'],
  [/返事/, '回答'],
  [/とりまとめ/, '取りまとめ'],
  [/要請項目/, '要求'],
  [/組合の評価/, '組合の見解'],
  [/ここで集めた資料/, '出典を名指す言い方（出典の…には記されていない）'],
];

function retiredTerms(text: string): string[] {
  return RETIRED.filter(([pattern]) => pattern.test(text)).map(([pattern, use]) => `${pattern.source} → ${use}`);
}

/**
 * Fields published verbatim from the seeds (the letters' wording, the regulation's text) and the titles
 * sources give themselves: these keep their own spelling (the letter has 「あてに」, 要求4 「とりまとめ」).
 */
const VERBATIM: Readonly<Record<string, readonly string[]>> = {
  letters: ['title', 'sender', 'addressee', 'closing'],
  demands: ['text', 'label'],
  references: ['title', 'shortTitle', 'issuer', 'enacted', 'amendments', 'chapters', 'supplementary'],
  timeline: [],
  site: [],
};

/** Every string of `value` with its field path, skipping the verbatim top-level fields and any `sources`. */
function ownStrings(value: unknown, skip: readonly string[], path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => ownStrings(v, [], `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, v]) =>
      skip.includes(key) || key === 'sources' ? [] : ownStrings(v, [], path ? `${path}.${key}` : key),
    );
  return [];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Code whose strings are labels and generated text; the search thesaurus lists readers' variants on purpose. */
const SRC_FILES = filesUnder(join(PROJECT_ROOT, 'src'))
  .filter((path) => /\.(ts|astro)$/.test(path))
  .map((path) => relative(PROJECT_ROOT, path))
  // The thesaurus and its notes name the words readers type, retired ones included (「返事」, 「とりまとめ」).
  .filter((path) => !['src/lib/search/variants.ts', 'src/lib/search/variants-notes.ts'].includes(path));

describe('annotations point at what exists', () => {
  const demands = [...content.demands.values()];

  test.each(demands.map((d) => [d.file, d] as const))(
    '%s: every legalBasis article exists in its reference',
    (_f, d) => {
      for (const basis of d.data.legalBasis) {
        const reference = content.references.get(basis.reference)?.data;
        expect(reference, `${d.file}: ${basis.reference}`).toBeDefined();
        const articles = reference!.chapters.flatMap((c) => c.articles.map((a) => a.number));
        expect(articles, `${d.file}: 第${basis.article}条`).toContain(basis.article);
        expect(basis.reason.trim()).not.toBe('');
      }
    },
  );

  test.each(demands.map((d) => [d.file, d] as const))('%s: every related demand exists', (_f, d) => {
    for (const related of d.data.related) {
      expect(content.demands.has(related.demand), `${d.file}: ${related.demand}`).toBe(true);
      expect(related.reason.trim()).not.toBe('');
    }
  });
});

describe('the house terms', () => {
  test.each([
    ['総務省宛 要求1', ['総務省宛']],
    ['連合会あての要請項目②', ['あて', '要請項目']],
    ['返事があった', ['返事']],
    ['所属によるとりまとめ', ['とりまとめ']],
    ['組合の評価', ['組合の評価']],
    ['ここで集めた資料では確認できない', ['ここで集めた資料']],
    ['総務大臣宛 要求1。回答があった。取りまとめ。組合の見解。あてはまる。', []],
  ])('the check finds the retired terms in %s', (text, found) => {
    const hits = retiredTerms(text);
    expect(hits).toHaveLength(found.length);
    found.forEach((term, i) => expect(hits[i]).toContain(term));
  });

  const contentFields = (Object.keys(VERBATIM) as (keyof typeof VERBATIM)[]).flatMap((kind) =>
    [...content[kind as 'letters'].values()].flatMap(({ file, data }) =>
      ownStrings(data, VERBATIM[kind]!).map(([field, text]) => [`${file} ${field}`, text] as const),
    ),
  );

  test('there are content fields to check', () => {
    expect(contentFields.length).toBeGreaterThan(0);
  });

  test.each(contentFields)('%s uses the house terms', (_where, text) => {
    expect(retiredTerms(text)).toEqual([]);
  });

  test.each(SRC_FILES)('%s uses the house terms', (file) => {
    expect(retiredTerms(readFileSync(join(PROJECT_ROOT, file), 'utf8'))).toEqual([]);
  });
});
