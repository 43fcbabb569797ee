/**
 * Issue 31 and issue 29's thesaurus points: the word as typed before its expansions, questions cut to
 * their content words, the thesaurus corrections, and what the results say was also searched.
 */
import { describe, expect, test } from 'vitest';
import {
  conceptsIn,
  normalizeForIndex,
  parseQuery,
  DEFAULT_SCHEME,
  EXPANSION_WEIGHT,
} from '../src/lib/search/tokenize.ts';
import { coverageOf, EXPANSION_SHARE } from '../src/lib/search/engine.ts';
import { contentWords, isQuestion } from '../src/lib/search/question.ts';
import { readContentUnits } from '../src/lib/search/content-units.ts';
import { FIXTURE_ROOT } from './helpers/project-copy.ts';

const keysOf = (text: string) => conceptsIn(normalizeForIndex(text));
const words = (q: string) => parseQuery(q).words.map((w) => w.text);

describe('questions keep their content words', () => {
  test.each([
    ['なぜマイナンバーカードの取得に反対しているのですか', ['マイナンバーカード', '取得', '反対']],
    ['どうして申請書の一斉配布が問題なの？', ['申請書', '一斉配布', '問題']],
    ['共済組合は私の個人情報を使えるのですか', ['共済組合', '個人情報', '使え']],
    ['手数料はかかりますか', ['手数料']],
    ['誰が要請書を出したの？', ['要請書', '出し']],
    ['いつ要請書を提出したのですか', ['要請書', '提出']],
    ['委託先に渡せますか', ['委託先', '渡せ']],
    ['what did the ministry reply', ['ministry', 'reply']],
    ['why is the mass distribution of forms a problem', ['mass', 'distribution', 'forms', 'problem']],
    ['can the association use my number', ['association', 'use', 'number']],
  ])('%s → %j', (q, expected) => {
    expect(parseQuery(q).question).toBe(true);
    expect(words(q)).toEqual(expected);
  });

  test.each([['マイナンバーカード 申請書'], ['開示請求の方法'], ['my number card'], ['情報公開 請求'], ['2019/7/23']])(
    'not a question, kept as typed: %s',
    (q) => {
      expect(parseQuery(q).question).toBe(false);
      expect(words(q)).toEqual(parseQuery(q).text.split(' '));
    },
  );

  test('a question with no content word keeps its words', () => {
    expect(words('どうして？')).toEqual(['どうして']);
  });

  test('the thesaurus is looked for in the question as typed (使える, 消して)', () => {
    expect(parseQuery('組合はマイナンバーを何に使えるの').concepts.map((c) => c.term)).toContain('#riyo');
    expect(parseQuery('マイナンバーはいつ消してもらえるの').concepts.map((c) => c.term)).toContain('#haiki');
  });

  test.each([
    ['reply', true, ['reply']],
    ['the', true, []],
    ['何に使えるの', false, ['使え']],
    ['誰が', false, []],
  ] as const)('contentWords(%s)', (word, english, expected) => {
    expect(contentWords(word, english)).toEqual(expected);
  });

  test('isQuestion: a question mark makes any query a question', () => {
    expect(isQuestion('申請書？', ['申請書'], false)).toBe(true);
    expect(isQuestion('申請書', ['申請書'], false)).toBe(false);
  });
});

describe('thesaurus corrections (issue 29)', () => {
  test.each([
    // 収集 has its own concept; gathering forms at the workplace stays とりまとめ.
    ['マイナンバーを集める', 'shushu', true],
    ['特定個人情報を収集し', 'shushu', true],
    ['マイナンバーを集める', 'torimatome', false],
    ['職場で集めさせる', 'torimatome', true],
    ['申請書を集める', 'torimatome', true],
    ['申請書を集める', 'shushu', false],
    // teishi: 配布をやめて is not 利用の停止.
    ['配布をやめてほしい', 'teishi', false],
    ['配布を止めてほしい', 'teishi', false],
    ['使うのをやめてほしい', 'teishi', true],
    ['勝手に使われたら止めてもらえる', 'teishi', true],
    // riyo: not 使われ始め (附則) nor 使わず.
    ['12月2日から使われ始め', 'riyo', false],
    ['利用停止には使わず', 'riyo', false],
    ['マイナンバーを使う', 'riyo', true],
    // shiko: いつから alone is any "since when" question.
    ['一斉配布はいつから始まるの', 'shiko', false],
    ['この規程はいつから有効', 'shiko', true],
    ['平成27年12月2日から施行', 'shiko', true],
    // kaiji kept.
    ['情報公開', 'kaiji', true],
  ] as const)('%s: #%s %s', (text, key, expected) => {
    expect(keysOf(text).includes(key)).toBe(expected);
  });

  test('情報公開 finds 開示 and the results say the rules cover only one’s own records', () => {
    const kaiji = parseQuery('情報公開').expansions.find((e) => e.key === 'kaiji');
    expect(kaiji?.alsoSearched).toEqual(['開示']);
    expect(kaiji?.note).toMatch(/自分の記録/);
    expect(parseQuery('開示').expansions.find((e) => e.key === 'kaiji')?.note).toBeUndefined();
  });
});

describe('the word as typed first', () => {
  test('an expansion weighs less than a typed word: thesaurus half, in the query and in the rerank', () => {
    expect(EXPANSION_WEIGHT).toBeLessThan(DEFAULT_SCHEME.wordWeight!);
    const parsed = parseQuery('マイナンバー');
    expect(parsed.concepts).toEqual([{ term: '#kojinbango', boost: EXPANSION_WEIGHT }]);
    expect(EXPANSION_SHARE).toBeLessThan(1);
  });

  test.each([
    // typed: every trigram present → 1; only the concept → EXPANSION_SHARE; neither → 0
    [['マイナ', 'イナン', 'ナンバ', 'ンバー'], 1],
    [['#kojinbango'], EXPANSION_SHARE],
    [[], 0],
  ])('coverage of 「マイナンバー」 in a text holding %j is %d', (present, expected) => {
    const evidence = [{ all: ['マイナ', 'イナン', 'ナンバ', 'ンバー'], stems: [], concepts: ['#kojinbango'] }];
    expect(coverageOf(evidence, (t) => present.includes(t))).toBe(expected);
  });

  test.each([
    ['マイナンバー', 'kojinbango', '個人番号'],
    ['個人番号', 'kojinbango', 'マイナンバー'],
    ['外注', 'itaku', '委託'],
    ['マイナンバーを集める', 'shushu', '収集'],
    ['マイナカード', 'mynumbercard', 'マイナンバーカード'],
  ])('「%s」: the results say 「%s」 searched 「%s」 too', (q, key, also) => {
    expect(parseQuery(q).expansions.find((e) => e.key === key)?.alsoSearched).toEqual([also]);
  });

  test.each([['"マイナンバー"'], ['「マイナンバー」'], ['『外注』']])('quoted, searched as typed only: %s', (q) => {
    const parsed = parseQuery(q);
    expect(parsed.concepts).toEqual([]);
    expect(parsed.expansions).toEqual([]);
    expect(parsed.words.length).toBe(1);
  });

  test('tie-break: units are listed campaign texts first (letters, demands, history), then the regulation', () => {
    // Equal scores are ordered by document number, which is the units' order.
    const units = readContentUnits(FIXTURE_ROOT);
    const firstArticle = units.findIndex((u) => u.type === 'article');
    expect(firstArticle).toBeGreaterThan(0);
    expect(units.slice(firstArticle).every((u) => u.type === 'article')).toBe(true);
  });
});
