/**
 * The split index scores exactly as one lunr index would, whatever the sharding; ranking puts what a
 * reader wants first; any input is safe.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import lunr from 'lunr';
import { readContentUnits } from '../src/lib/search/content-units.ts';
import { FIXTURE_ROOT, PROJECT_ROOT } from './helpers/project-copy.ts';
import { buildSearchIndex, DEFAULT_CONFIG, indexedFields, type BuiltIndex } from '../src/lib/search/build.ts';
import { SearchEngine, SearchIndexError, shardFor, PHRASE_BONUS, type Limits } from '../src/lib/search/engine.ts';
import { bm25Weights } from '../src/lib/search/weights.ts';
import { FIELDS } from '../src/lib/search/index-format.ts';
import { textTerms, normalizeForIndex, parseQuery, DEFAULT_SCHEME } from '../src/lib/search/tokenize.ts';
import { chunkFile, MANIFEST_FILE, STORED, type StoredDoc } from '../src/lib/search/index-format.ts';
import { highlight, snippet } from '../src/lib/search/snippet.ts';
import type { SearchUnit } from '../src/lib/search/units.ts';
import {
  referenceIndex,
  referenceScores,
  referenceSearch,
  type ReferenceIndex,
} from '../scripts/lib/bench/search-reference.ts';

let units: SearchUnit[];
let built: BuiltIndex;
let reference: ReferenceIndex;
const engineFor = (files: Map<string, Uint8Array>, limits: Partial<Limits> = {}) =>
  new SearchEngine(
    {
      async load(file) {
        const bytes = files.get(file);
        if (!bytes) throw new Error(`missing ${file}`);
        return bytes;
      },
    },
    DEFAULT_SCHEME,
    limits,
  );

beforeAll(() => {
  units = readContentUnits(FIXTURE_ROOT);
  built = buildSearchIndex(units);
  reference = referenceIndex(units);
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
  '得状況の調 集め',
];

/** lunr's own index of the units, built through its public API (the tokenizer is a Builder property). */
function lunrIndex(of: readonly SearchUnit[]): lunr.Index {
  return lunr(function () {
    this.ref('ref');
    for (const field of FIELDS) this.field(field, { boost: DEFAULT_CONFIG.fieldBoosts[field] });
    this.k1(DEFAULT_CONFIG.k1);
    this.b(DEFAULT_CONFIG.b);
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.tokenizer = ((value: unknown) =>
      textTerms(value == null ? '' : String(value)).map((t) => new lunr.Token(t, {}))) as typeof lunr.tokenizer;
    of.forEach((u, i) =>
      this.add({ ref: String(i), ...indexedFields(u) }, { boost: DEFAULT_CONFIG.typeBoosts[u.type] }),
    );
  });
}

/** Scores of lunr's query for these weighted terms, against ours: same documents, proportional scores. */
function expectLunrAgrees(index: lunr.Index, weights: Map<string, number>, ours: (doc: number) => number, at: string) {
  const results = index.query((query) => {
    for (const [term, weight] of weights)
      query.term(term, { boost: weight, usePipeline: false, wildcard: lunr.Query.wildcard.NONE });
  });
  const matched = results.map((r) => Number(r.ref)).sort((x, y) => x - y);
  expect(matched.length, at).toBeGreaterThan(0);
  // lunr divides by the query vector's length, the same for every document: scores are proportional.
  const ratio = ours(matched[0]!) / results.find((r) => Number(r.ref) === matched[0])!.score;
  for (const r of results) expect(ours(Number(r.ref)) / ratio, at).toBeCloseTo(r.score, 2);
  return matched;
}

describe.each([
  ['frozen fixture', FIXTURE_ROOT],
  ['real content (English fields too)', PROJECT_ROOT],
])("the build's weights are lunr's (%s)", (_name, root) => {
  const corpus = readContentUnits(root);
  const index = lunrIndex(corpus);
  const weights = bm25Weights(
    corpus.map((u) => ({ fields: u.fields, boost: DEFAULT_CONFIG.typeBoosts[u.type] })),
    { tokenize: (text) => textTerms(text), ...DEFAULT_CONFIG },
  );

  test('one term at a time, 400 terms across the vocabulary: the documents lunr finds and their weights', () => {
    const step = Math.max(1, Math.floor(weights.terms.length / 400));
    let checked = 0;
    for (let i = 0; i < weights.terms.length; i += step) {
      const term = weights.terms[i]!;
      const impact = new Map(term.docs.map((d, j) => [d, term.imps[j]!]));
      const found = expectLunrAgrees(index, new Map([[term.term, 1]]), (d) => impact.get(d) ?? 0, term.term);
      expect(found, term.term).toEqual(term.docs);
      checked += 1;
    }
    expect(checked).toBeGreaterThanOrEqual(400);
  });

  test("field lengths are the tokenizer's counts, averaged over every document as lunr does", () => {
    corpus.forEach((u, d) =>
      FIELDS.forEach((f, i) => expect(weights.fieldLengths[d]![i]).toBe(textTerms(u.fields[f] ?? '').length)),
    );
    for (const [i, f] of FIELDS.entries())
      expect(weights.averageFieldLength[f]).toBeCloseTo(
        weights.fieldLengths.reduce((sum, l) => sum + l[i]!, 0) / corpus.length,
        9,
      );
  });

  test.each(QUERIES)("「%s」: the reference's scores are lunr.Index#query's", (q) => {
    const ref = root === FIXTURE_ROOT ? reference : referenceIndex(corpus);
    const { weights: queryWeights, score } = referenceScores(ref, q);
    const matched = expectLunrAgrees(index, queryWeights, (d) => score[d]!, q);
    expect(matched).toEqual([...score.keys()].filter((d) => score[d]! > 0));
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
    expect([...tiny.files.keys()].filter((f) => f.includes('/b')).length).toBeGreaterThan(1000);
    expect(single.manifest.shards.length).toBe(1);
  });

  test.each(QUERIES)('「%s」', async (q) => {
    const one = await engineFor(single.files).search(q, { k: 10 });
    const split = await engineFor(tiny.files, { readBudget: Infinity, maxRounds: Infinity }).search(q, { k: 10 });
    const site = await engineFor(built.files).search(q, { k: 10 });
    const key = (o: typeof one) => o.hits.map((h) => `${h.id}:${h.score}`);
    expect(split.complete).toBe(true);
    expect(key(split)).toEqual(key(one));
    expect(key(site)).toEqual(key(one));
  });

  test.each(QUERIES)('「%s」 out of reads: a result said complete is exact', async (q) => {
    // One round of reading: most queries on the tiny layout stop early; those whose remaining
    // documents are few are scored from their text and must then equal the single index exactly.
    const one = await engineFor(single.files).search(q, { k: 10 });
    const early = await engineFor(tiny.files, { maxRounds: 1, roundBytes: 0 }).search(q, { k: 10 });
    const key = (o: typeof one) => o.hits.map((h) => `${h.id}:${h.score}`);
    expect(early.rounds).toBeLessThanOrEqual(1);
    if (early.complete) expect(key(early)).toEqual(key(one));
    else expect(early.resolved).toBeGreaterThan(0);
  });

  test('document files carry each field normalized exactly as the index normalized it', () => {
    const decoder = new TextDecoder();
    let checked = 0;
    for (let c = 0; built.files.has(`${built.manifest.build}/${chunkFile(c)}`); c += 1) {
      const docs = JSON.parse(
        decoder.decode(built.files.get(`${built.manifest.build}/${chunkFile(c)}`)),
      ) as StoredDoc[];
      for (const doc of docs) {
        const unit = units.find((u) => u.id === doc[0])!;
        expect(doc[STORED.normalized]).toEqual(FIELDS.map((f) => normalizeForIndex(unit.fields[f] ?? '')));
        expect(doc[STORED.bodies]).toEqual([unit.fields.body, unit.fields.bodyEn ?? '']);
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

describe('versioned files: one build never mixes with another', () => {
  test('every file but the manifest sits in a folder named by the hash of their contents', () => {
    const build = built.manifest.build;
    expect(build).toMatch(/^[0-9a-f]{16}$/);
    for (const name of built.files.keys()) if (name !== MANIFEST_FILE) expect(name.startsWith(`${build}/`)).toBe(true);
    // Same content, same name; different content, another folder.
    expect(buildSearchIndex(units).manifest.build).toBe(build);
    const changed = units.map((u, i) =>
      i === 0 ? { ...u, fields: { ...u.fields, body: `${u.fields.body} 追記` } } : u,
    );
    expect(buildSearchIndex(changed).manifest.build).not.toBe(build);
  });

  test('a manifest of another format is stale; a damaged file is corrupt; both distinct from a network failure', async () => {
    const withFile = (name: string, bytes: Uint8Array) => new Map([...built.files, [name, bytes]]);
    const encoder = new TextEncoder();
    const old = { ...built.manifest, v: built.manifest.v - 1 };
    const staleSearch = engineFor(withFile(MANIFEST_FILE, encoder.encode(JSON.stringify(old)))).search('漏えい');
    await expect(staleSearch).rejects.toSatisfy((e) => e instanceof SearchIndexError && e.kind === 'stale');
    const shard = [...built.files.keys()].find((f) => f.endsWith('/s0.bin'))!;
    for (const [name, bytes] of [
      [MANIFEST_FILE, encoder.encode('{"v":3,')],
      [shard, Uint8Array.of(3, 200)],
      [`${built.manifest.build}/${chunkFile(0)}`, encoder.encode('<html>404</html>')],
    ] as const) {
      const search = engineFor(withFile(name, bytes)).search('マイナンバーカード 漏えい 報告', { k: 30 });
      await expect(search, name).rejects.toSatisfy((e) => e instanceof SearchIndexError && e.kind === 'corrupt');
    }
  });

  test('a failed fetch rejects as it is (a network error), and the next search tries again', async () => {
    let fail = true;
    const engine = new SearchEngine({
      async load(file) {
        if (fail) throw new TypeError('Failed to fetch');
        return built.files.get(file)!;
      },
    });
    await expect(engine.search('漏えい')).rejects.toThrow(TypeError);
    fail = false;
    expect((await engine.search('漏えい')).hits.length).toBeGreaterThan(0);
  });
});

describe('overlapping searches', () => {
  test('an aborted search rejects at its next step; the search that replaced it is unaffected', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const engine = new SearchEngine({
      async load(file) {
        await gate;
        return built.files.get(file)!;
      },
    });
    const first = new AbortController();
    const older = engine.search('マイナンバーカード', { signal: first.signal });
    first.abort();
    const newer = engine.search('漏えい 報告', { signal: new AbortController().signal });
    release();
    await expect(older).rejects.toMatchObject({ name: 'AbortError' });
    const outcome = await newer;
    expect(outcome.hits[0]?.id).toBe('article:mie-my-number-rules/18');
    // Each search counts its own files: the newer one fetched the manifest's shards it needed.
    expect(outcome.filesLoaded.length).toBeGreaterThan(0);
  });
});

describe('texts of any length', () => {
  const sentence = 'マイナンバーカードの取得を強制しないこと。個人情報の漏洩を防ぐ。';
  // A spelling variant first, then a long text: spreading the offsets after it overflowed the stack.
  const longText = (chars: number) =>
    `漏洩。${sentence.repeat(Math.ceil(chars / sentence.length))}${'あ'.repeat(50_000)} 最後の一文にだけある語：思想調査票。`;

  test('a 1 MB text tokenizes, normalizes, highlights and gives a snippet', () => {
    const body = longText(1_000_000);
    expect(textTerms(body).length).toBeGreaterThan(1_000_000);
    // The one occurrence, after a megabyte of text, is what the snippet shows.
    expect(snippet(body, parseQuery('思想調査票')).some((s) => s.mark && s.text === '思想調査票')).toBe(true);
    const query = parseQuery('思想調査票 漏えい');
    expect(highlight(body, query).filter((s) => s.mark).length).toBeGreaterThan(30_000);
  }, 600_000);

  test('a 200 KB text indexes and is found', async () => {
    const body = longText(200_000);
    const long: SearchUnit = { ...units[0]!, id: 'letter:long', fields: { title: '長い文書', body, meta: '' } };
    const index = buildSearchIndex([...units.slice(0, 5), long]);
    const outcome = await engineFor(index.files).search('思想調査票', { k: 5 });
    expect(outcome.hits[0]?.id).toBe('letter:long');
  }, 600_000);
});

describe('a word that weighs nothing still counts in the phrase rerank', () => {
  // A term in about as many fields as there are documents has lunr idf ≈ 0: every posting of it weighs
  // 0, so pruning never needs the blocks past the first. The rerank still asks whether a hit holds it.
  const COUNT = 1_500;
  const first = DEFAULT_CONFIG.blockSizes[0]!;
  // More than RERANK_WINDOW documents hold ねこ too, all past しな's first block.
  const both = Array.from({ length: 12 }, (_, i) => first + 100 * (i + 1));
  const q = 'しな ねこ';
  let index: BuiltIndex;
  let simple: ReferenceIndex;
  beforeAll(() => {
    const corpus: SearchUnit[] = Array.from({ length: COUNT }, (_, i) => ({
      id: `demand:w/${i}`,
      type: 'demand',
      url: `/letters/w/#${i}`,
      label: '要求',
      title: '',
      fields: { title: '', body: both.includes(i) ? 'しな ねこ' : 'しな', meta: '' },
    }));
    index = buildSearchIndex(corpus);
    simple = referenceIndex(corpus);
  }, 120_000);

  test('the case: しな weighs 0 everywhere, and the documents holding ねこ are past its first block', () => {
    const p = simple.postings.get('しな')!;
    expect(p.docs.length).toBe(COUNT);
    expect(Math.max(...p.imps)).toBe(0);
    expect(Math.min(...both)).toBeGreaterThanOrEqual(first);
  });

  test('documents holding both words as typed get the whole bonus, as the simple version gives it', async () => {
    const outcome = await engineFor(index.files).search(q, { k: 10 });
    expect(outcome.complete).toBe(true);
    const { score } = referenceScores(simple, q);
    expect(outcome.hits.map((h) => h.score)).toEqual(outcome.hits.map((h) => score[h.doc]! * (1 + PHRASE_BONUS)));
    expect(outcome.hits.map((h) => `${h.doc}:${h.score}`)).toEqual(
      referenceSearch(simple, q, 10).map((h) => `${h.doc}:${h.score}`),
    );
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
});
