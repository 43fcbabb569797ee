/**
 * The split index scores exactly as one lunr index would, whatever the sharding; ranking puts what a
 * reader wants first; any input is safe.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import lunr from 'lunr';
import { readContentUnits } from '../src/lib/search/content-files.ts';
import { buildLunrIndex, buildSearchIndex, DEFAULT_CONFIG, FIELDS, type BuiltIndex } from '../src/lib/search/build.ts';
import { SearchEngine, shardFor } from '../src/lib/search/engine.ts';
import { fieldImpact, lunrIdf } from '../src/lib/search/scoring.ts';
import { textTerms, parseQuery, normalizeForIndex } from '../src/lib/search/tokenize.ts';
import { chunkFile, type StoredDoc } from '../src/lib/search/format.ts';
import type { SearchUnit } from '../src/lib/search/units.ts';

let units: SearchUnit[];
let built: BuiltIndex;
const engineFor = (files: Map<string, Uint8Array>) =>
  new SearchEngine({
    async load(file) {
      const bytes = files.get(file);
      if (!bytes) throw new Error(`missing ${file}`);
      return bytes;
    },
  });

beforeAll(() => {
  units = readContentUnits(process.cwd());
  built = buildSearchIndex(units);
}, 120_000);

const QUERIES = [
  '保存期間',
  '第三者提供 停止',
  '理事長 小谷',
  '委託',
  '保護委員会',
  '手数料はいくら',
  '規程の施行日',
  '漏洩 防止',
  'JLIS',
  '個人番号カード 申請書 流用',
  '市町村共済',
  '申請書の取りまとめ',
  '目的外使用',
  '思想調査',
  '漏えい 報告',
  'J-LIS',
  '石田',
  'マイナンバーカード',
  'ナンバーカード',
  'の',
  '個人情報',
];

describe('lunr computes the weights; the split index keeps its scores', () => {
  test("weights recomputed from text equal lunr's (what the browser does for unread postings)", () => {
    const { index, averageFieldLength } = buildLunrIndex(units);
    const raw = index as unknown as {
      invertedIndex: Record<string, Record<string, object> & { _index: number }>;
      fieldVectors: Record<string, { elements: number[] }>;
    };
    const termOf = new Map<number, string>();
    for (const [term, posting] of Object.entries(raw.invertedIndex)) termOf.set(posting._index, term);
    const documentsWithTerm = (term: string) =>
      FIELDS.reduce((n, f) => n + Object.keys(raw.invertedIndex[term]![f]!).length, 0);
    let checked = 0;
    units.forEach((unit, doc) => {
      for (const field of FIELDS) {
        const terms = textTerms(unit.fields[field]);
        const tf = new Map<string, number>();
        for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
        const elements = raw.fieldVectors[`${field}/${doc}`]!.elements;
        for (let i = 0; i < elements.length; i += 2) {
          const term = termOf.get(elements[i]!)!;
          const expected = Math.round(elements[i + 1]! * 1000);
          const idf = lunrIdf(documentsWithTerm(term), units.length);
          const got = fieldImpact(
            idf,
            tf.get(term)!,
            terms.length,
            averageFieldLength[field],
            DEFAULT_CONFIG.k1,
            DEFAULT_CONFIG.b,
            DEFAULT_CONFIG.fieldBoosts[field],
            DEFAULT_CONFIG.typeBoosts[unit.type],
          );
          expect(got).toBe(expected);
          checked += 1;
        }
      }
    });
    expect(checked).toBeGreaterThan(10_000);
  });

  test.each(QUERIES)('「%s」: same documents, same order, proportional scores as lunr.Index#query', async (q) => {
    const { index } = buildLunrIndex(units);
    const outcome = await engineFor(built.files).search(q, { k: 200, phraseBonus: 0, minimumMatch: false });
    // Same query for lunr: the engine's integer weights, no pipeline, no wildcard, every field.
    const parsed = parseQuery(q);
    const boosts = new Map<string, number>();
    for (const t of [...parsed.words.flatMap((w) => w.terms), ...parsed.concepts])
      boosts.set(t.term, (boosts.get(t.term) ?? 0) + t.boost);
    const results = index.query((query) => {
      for (const [term, boost] of boosts) {
        const rounded = Math.round(boost * 100);
        if (rounded > 0) query.term(term, { boost: rounded, usePipeline: false, wildcard: lunr.Query.wildcard.NONE });
      }
    });
    expect(outcome.ranked.length).toBe(results.length);
    const ratio = outcome.ranked[0] ? outcome.ranked[0].score / results[0]!.score : 1;
    outcome.ranked.forEach((hit, i) => {
      expect(hit.score / ratio).toBeCloseTo(results[i]!.score, 2);
    });
    // Same order up to exact ties (lunr does not order ties; we put the earlier document first).
    const lunrOrder = results.map((r) => Number(r.ref));
    const ours = outcome.ranked.map((h) => h.doc);
    expect(new Set(ours)).toEqual(new Set(lunrOrder));
    for (let i = 1; i < ours.length; i += 1)
      expect(outcome.ranked[i - 1]!.score).toBeGreaterThanOrEqual(outcome.ranked[i]!.score);
  });
});

describe('sharding and pruning do not change results', () => {
  let tiny: BuiltIndex;
  let single: BuiltIndex;
  beforeAll(() => {
    // Shards of a few terms and blocks of 2–3 postings: every query crosses shards and reads
    // blocks, bounds and text resolution as a 10,000-letter corpus does.
    tiny = buildSearchIndex(units, { ...DEFAULT_CONFIG, shardTargetBytes: 64, blockSizes: [2, 3] });
    single = buildSearchIndex(units, { ...DEFAULT_CONFIG, shardTargetBytes: 1e9, blockSizes: [1e9] });
  }, 120_000);

  test('the tiny layout really is split', () => {
    expect(tiny.manifest.shards.length).toBeGreaterThan(1000);
    expect([...tiny.files.keys()].filter((f) => f.startsWith('b')).length).toBeGreaterThan(1000);
    expect(single.manifest.shards.length).toBe(1);
  });

  test.each(QUERIES)('「%s」', async (q) => {
    const one = await engineFor(single.files).search(q, { k: 10 });
    const split = await engineFor(tiny.files).search(q, { k: 10, budgetBytes: Infinity, maxRounds: Infinity });
    const splitExhaustive = await engineFor(tiny.files).search(q, { k: 10, exhaustive: true });
    const site = await engineFor(built.files).search(q, { k: 10 });
    const key = (o: typeof one) => o.hits.map((h) => `${h.id}:${h.score}`);
    expect(split.complete).toBe(true);
    expect(key(split)).toEqual(key(one));
    expect(key(splitExhaustive)).toEqual(key(one));
    expect(key(site)).toEqual(key(one));
  });

  test.each(QUERIES)('「%s」 out of reads: a result said complete is exact', async (q) => {
    // One round of reading: most queries on the tiny layout stop early; those whose remaining
    // documents are few are scored from their text and must then equal the single index exactly.
    const one = await engineFor(single.files).search(q, { k: 10 });
    const early = await engineFor(tiny.files).search(q, { k: 10, maxRounds: 1, roundBytes: 0 });
    const key = (o: typeof one) => o.hits.map((h) => `${h.id}:${h.score}`);
    expect(early.rounds).toBeLessThanOrEqual(1);
    if (early.complete) expect(key(early)).toEqual(key(one));
    else expect(early.resolved).toBeGreaterThan(0);
  });

  test('document chunks carry each field normalized exactly as the index normalized it', () => {
    const decoder = new TextDecoder();
    let checked = 0;
    for (let c = 0; built.files.has(chunkFile(c)); c += 1) {
      const docs = JSON.parse(decoder.decode(built.files.get(chunkFile(c)))) as StoredDoc[];
      for (const doc of docs) {
        expect(doc[11]).toEqual([doc[7], doc[8], doc[9]].map((text) => normalizeForIndex(text)));
        checked += 1;
      }
    }
    expect(checked).toBe(units.length);
  });

  test('shardFor finds the shard whose range holds a term', () => {
    const starts = ['#a', 'か', 'さ', '漏'];
    expect.soft(shardFor('#b', starts)).toBe(0);
    expect.soft(shardFor('かき', starts)).toBe(1);
    expect.soft(shardFor('さ', starts)).toBe(2);
    expect.soft(shardFor('龍', starts)).toBe(3);
    expect.soft(shardFor('!', starts)).toBe(-1);
  });
});

describe('ranking: the unit a reader wants first', () => {
  test.each([
    // The examples.
    ['目的外使用', ['demand:2019-07-23-soumu/2', 'demand:2019-07-18-shichoson-kyosai/2']],
    ['思想調査', ['letter:2019-07-23-soumu', 'letter:2019-07-18-shichoson-kyosai', 'demand:2019-07-23-soumu/5']],
    ['漏えい 報告', ['article:mie-my-number-rules/18']],
    ['J-LIS', ['letter:2019-07-23-soumu', 'letter:2019-07-18-shichoson-kyosai']],
    ['石田', ['letter:2019-07-23-soumu']],
    // A demand over the letter that contains its subject.
    ['一斉配布 中止', ['demand:2019-07-18-shichoson-kyosai/3']],
    ['申請・取得状況調査', ['demand:2019-07-23-soumu/5']],
    // Variants and partial words.
    ['ナンバーカード 強制', ['demand:2019-07-23-soumu/1', 'demand:2019-07-18-shichoson-kyosai/1']],
    ['ＪＬＩＳ', ['letter:2019-07-23-soumu', 'letter:2019-07-18-shichoson-kyosai']],
    ['ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞ 一斉配布', ['demand:2019-07-18-shichoson-kyosai/3']],
    ['付則', ['article:mie-my-number-rules/supplementary']],
    // Exact phrase over scattered words.
    ['目的の範囲内', ['history:2019-07-23-soumu/2/2']],
  ])('「%s」 → %j first', async (q, expected) => {
    const outcome = await engineFor(built.files).search(q, { k: 10 });
    expect(
      outcome.hits
        .slice(0, expected.length)
        .map((h) => h.id)
        .sort(),
    ).toEqual([...expected].sort());
  });

  test('a partial word finds the whole word, whole matches first: ナンバーカード', async () => {
    const outcome = await engineFor(built.files).search('ナンバーカード', { k: 10 });
    const contains = outcome.hits.map((h) =>
      `${h.fields.title}${h.fields.body}${h.fields.meta}`.includes('ナンバーカード'),
    );
    expect(contains.filter(Boolean).length).toBeGreaterThanOrEqual(5);
    expect(
      contains.slice(0, contains.indexOf(false) < 0 ? contains.length : contains.indexOf(false)).every(Boolean),
    ).toBe(true);
    expect(contains.slice(contains.indexOf(false) < 0 ? contains.length : contains.indexOf(false)).some(Boolean)).toBe(
      false,
    );
  });

  test('nothing matches: no results, no error', async () => {
    expect((await engineFor(built.files).search('ゼブラ', { k: 10 })).hits).toEqual([]);
  });
});

describe('any input is safe', () => {
  const hostile = [
    '*',
    ':',
    '~',
    '^',
    '+',
    '-',
    'title:漏えい',
    '漏えい~1',
    '漏えい^100',
    '+目的 -外',
    '"思想調査"',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '😀',
    '\u0000\u0007',
    '\uD800',
    '漏'.repeat(2000),
    'あ'.repeat(2000),
    '#jlis',
    ' '.repeat(50),
  ];
  test.each(hostile.map((q) => [JSON.stringify(q).slice(0, 30), q]))('%s', async (_label, q) => {
    const outcome = await engineFor(built.files).search(q, { k: 10 });
    expect(Array.isArray(outcome.hits)).toBe(true);
    for (const hit of outcome.hits) expect(hit.url).toMatch(/^\/(letters|references)\//);
  });

  test('a failed fetch rejects, and the next search tries again', async () => {
    let fail = true;
    const engine = new SearchEngine({
      async load(file) {
        if (fail) throw new Error('offline');
        return built.files.get(file)!;
      },
    });
    await expect(engine.search('漏えい')).rejects.toThrow('offline');
    fail = false;
    expect((await engine.search('漏えい')).hits.length).toBeGreaterThan(0);
  });
});
