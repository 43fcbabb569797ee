// English in search: English text goes through lunr's English pipeline (lowercasing, stop words,
// stemming), Japanese text keeps its n-grams; the plain summary and the English of a unit find that
// unit, and an English query ranks the unit's English page first, a Japanese one its Japanese page.
import { describe, expect, test } from 'vitest';
import lunr from 'lunr';
import { englishPipeline, englishStems, isEnglishText } from '../src/lib/search/english-stems.ts';
import { readContentUnits } from '../src/lib/search/content-units.ts';
import { PROJECT_ROOT } from './helpers/project-copy.ts';
import {
  textTerms,
  termFrequency,
  normalizeForIndex,
  parseQuery,
  ENGLISH_PREFIX,
  DEFAULT_SCHEME,
} from '../src/lib/search/tokenize.ts';
import { buildSearchUnits, type ReferenceInput } from '../src/lib/search/units.ts';
import { buildSearchIndex } from '../src/lib/search/build.ts';
import { SearchEngine } from '../src/lib/search/engine.ts';
import { articleUrl, englishUrl } from '../src/lib/urls.ts';

describe('English words become lunr stems', () => {
  test.each([
    ['Fees', ['fee']],
    ['fee', ['fee']],
    ['Correcting records', ['correct', 'record']],
    ['outsourcing', ['outsourc']],
    ['COMPLAINTS', ['complaint']],
    ['the rules take effect', ['rule', 'take', 'effect']],
    ['when did it happen', ['happen']],
    ['data-breach', ['data', 'breach']],
    ['the', []],
  ])('%s → %j', (text, stems) => {
    expect(englishStems(text)).toEqual(stems);
  });
});

describe('the vendored pipeline (stemmer.ts) is lunr’s', () => {
  const lunrPipeline = new lunr.Pipeline();
  lunrPipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
  const viaLunr = (text: string) => lunrPipeline.run(lunr.tokenizer(text)).map(String);

  test('every word of the real content, and awkward ones, stem exactly as lunr stems them', () => {
    const units = readContentUnits(PROJECT_ROOT);
    const text = units.map((u) => Object.values(u.fields).join(' ')).join(' ');
    const words = new Set(text.split(/[^\p{L}\p{N}'’.-]+/u).filter(Boolean));
    for (const extra of [
      'yield',
      'cry',
      'by',
      'say',
      'generalization',
      'hopefully',
      'café',
      "'quoted'",
      'x-y',
      '-',
      'y',
    ])
      words.add(extra);
    expect(words.size).toBeGreaterThan(100);
    const differ = [...words].filter((w) => JSON.stringify(englishPipeline(w)) !== JSON.stringify(viaLunr(w)));
    expect(differ).toEqual([]);
  });
});

describe('which texts are English', () => {
  test.each([
    ['Disclosure of records', true],
    ['Article 24 (開示)', true],
    ['個人番号の開示', false],
    ['J-LISに照会する', false],
    ['マイナンバーカード', false],
  ])('%s → %s', (text, english) => {
    expect(isEnglishText(text)).toBe(english);
  });
});

describe('the index terms of a text', () => {
  test.each([
    ['The association charges fees for disclosure.'],
    ['Article 24: a person may ask for disclosure of their records, 2015'],
  ])('English %s: stems for its words, no n-grams of them', (text) => {
    const terms = textTerms(text);
    expect(terms.some((t) => t.startsWith(ENGLISH_PREFIX))).toBe(true);
    expect(terms).not.toContain('dis');
    expect(terms).not.toContain(`${ENGLISH_PREFIX}the`);
  });

  test.each([['個人番号の開示を請求する'], ['J-LISから本人確認情報をもらう']])(
    'Japanese %s: n-grams as before, no stems',
    (text) => {
      const terms = textTerms(text);
      expect(terms.some((t) => t.startsWith(ENGLISH_PREFIX))).toBe(false);
      expect(terms).toContain(Array.from(normalizeForIndex(text)).slice(0, 2).join(''));
    },
  );

  test.each([
    ['The association charges fees; fees are set by the chairperson.'],
    ['Article 24 (開示): disclosure within 30 days'],
    ['個人番号の開示 J-LIS 開示'],
  ])('termFrequency counts what textTerms emits: %s', (text) => {
    const normalized = normalizeForIndex(text);
    const counts = new Map<string, number>();
    for (const term of textTerms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
    for (const [term, count] of counts) expect(termFrequency(normalized, term), term).toBe(count);
    expect(termFrequency(normalized, `${ENGLISH_PREFIX}nothing`)).toBe(0);
  });

  test('an English query word gives its stem; a Japanese query none', () => {
    const english = parseQuery('Fees');
    expect(english.words.flatMap((w) => w.terms.map((t) => t.term))).toContain(`${ENGLISH_PREFIX}fee`);
    const japanese = parseQuery('手数料');
    expect(japanese.words.flatMap((w) => w.terms).some((t) => t.term.startsWith(ENGLISH_PREFIX))).toBe(false);
  });
});

// A small reference of its own (not the site's content): two articles with plain and English summaries.
const REF: ReferenceInput = {
  id: 'test-rules',
  data: {
    title: 'テスト規程',
    shortTitle: 'テスト規程',
    chapters: [
      {
        number: 1,
        title: '総則',
        articles: [
          {
            number: 1,
            caption: '手数料',
            plain: '記録を見せてもらうときは、お金がかかります。',
            summaryEn: 'Fees: the association charges a fee for disclosing records.',
            paragraphs: [{ text: '組合は、開示の請求を受けたときは、手数料を徴収するものとする。' }],
          },
          {
            number: 2,
            caption: '苦情処理',
            plain: '扱いに不満があるときは、組合が調べて対応します。',
            summaryEn: 'Complaints are investigated and dealt with promptly.',
            paragraphs: [{ text: '組合は、苦情があった場合は、適切かつ迅速な処理を行うものとする。' }],
          },
        ],
      },
    ],
  },
};
const units = buildSearchUnits([], [], [REF]);
const built = buildSearchIndex(units);
const memory = (files: Map<string, Uint8Array>) => ({
  async load(file: string) {
    const bytes = files.get(file);
    if (!bytes) throw new Error(`missing ${file}`);
    return bytes;
  },
});
const engine = new SearchEngine(memory(built.files), DEFAULT_SCHEME);

describe('plain and English texts point to their unit', () => {
  test('each article is one unit, with its English in its English fields and its English page named', () => {
    expect(units.map((u) => u.id)).toEqual(['article:test-rules/1', 'article:test-rules/2']);
    for (const n of [1, 2]) {
      const unit = units.find((u) => u.id === `article:test-rules/${n}`)!;
      expect(unit.url).toBe(articleUrl('test-rules', n));
      expect(unit.en?.url).toBe(englishUrl(articleUrl('test-rules', n)));
      expect(isEnglishText(unit.fields.bodyEn ?? '')).toBe(true);
    }
  });

  test.each([
    ['fees', 'article:test-rules/1'],
    ['Disclosing records', 'article:test-rules/1'],
    ['complaint', 'article:test-rules/2'],
  ])('English query %s ranks the unit first, shown as its English page', async (q, id) => {
    const { hits } = await engine.search(q, { k: 10 });
    expect(hits[0]?.id).toBe(id);
    expect(hits[0]?.lang).toBe('en');
    expect(hits[0]?.url).toBe(units.find((u) => u.id === id)!.en!.url);
    expect(isEnglishText(hits[0]!.text)).toBe(true);
  });

  test.each([
    ['お金がかかります', 'article:test-rules/1'],
    ['不満', 'article:test-rules/2'],
    ['手数料', 'article:test-rules/1'],
  ])('Japanese query %s (plain summary or text) ranks the Japanese page first', async (q, id) => {
    const { hits } = await engine.search(q, { k: 10 });
    expect(hits[0]?.id).toBe(id);
    expect(hits.every((h) => h.lang === 'ja' && !h.url.includes('/en/'))).toBe(true);
  });

  test('the English fields leave the Japanese ranking as it is without them', async () => {
    const japaneseOnly = buildSearchUnits([], [], [REF]).map(({ en: _en, ...u }) => ({
      ...u,
      fields: { title: u.fields.title, body: u.fields.body, meta: u.fields.meta },
    }));
    const plain = new SearchEngine(memory(buildSearchIndex(japaneseOnly).files), DEFAULT_SCHEME);
    for (const q of ['お金がかかります', '不満', '手数料', '苦情 処理', '組合']) {
      const withEnglish = await engine.search(q, { k: 10 });
      const without = await plain.search(q, { k: 10 });
      expect(withEnglish.hits.map((h) => [h.id, h.score])).toEqual(without.hits.map((h) => [h.id, h.score]));
    }
  });
});
