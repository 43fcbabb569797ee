import { describe, expect, test } from 'vitest';
import { relatedDemandsMap, citationsByArticle, type DemandRef } from '../src/lib/cross-references.ts';

const demand = (letter: string, number: number, extra: Partial<DemandRef> = {}): DemandRef => ({
  letter,
  number,
  legalBasis: [],
  related: [],
  ...extra,
});

const ALL: DemandRef[] = [
  demand('a', 1, {
    related: [{ demand: 'b/1', reason: 'same ask' }],
    legalBasis: [{ reference: 'rules', article: 6, reason: 'purpose' }],
  }),
  demand('a', 2, {
    legalBasis: [
      { reference: 'rules', article: 20, reason: 'limits' },
      { reference: 'rules', article: 6, reason: 'purpose too' },
    ],
  }),
  demand('b', 1),
  demand('b', 2, {
    related: [
      { demand: 'a/2', reason: 'forms' },
      { demand: 'b/2', reason: 'self (ignored)' },
    ],
  }),
  demand('c', 1, { related: [{ demand: 'a/1', reason: 'third letter' }] }),
];

describe('relatedDemandsMap works both ways from a pair written once', () => {
  const related = relatedDemandsMap(ALL);

  test.each([
    ['a', 1, ['b/1:same ask', 'c/1:third letter']],
    ['b', 1, ['a/1:same ask']],
    ['a', 2, ['b/2:forms']],
    ['b', 2, ['a/2:forms']],
    ['c', 1, ['a/1:third letter']],
  ])('%s/%i', (letter, number, expected) => {
    const links = related.get(`${letter}/${number}`)!.map((l) => `${l.demand.letter}/${l.demand.number}:${l.reason}`);
    expect(links).toEqual(expected);
  });

  test('every demand has an entry, and a link to a missing demand is dropped', () => {
    const map = relatedDemandsMap([...ALL, demand('d', 1, { related: [{ demand: 'x/9', reason: 'gone' }] })]);
    expect([...map.keys()].sort()).toEqual(['a/1', 'a/2', 'b/1', 'b/2', 'c/1', 'd/1']);
    expect(map.get('d/1')).toEqual([]);
  });

  test('when both files give a reason, each page shows its own', () => {
    const map = relatedDemandsMap([
      demand('p', 1, { related: [{ demand: 'q/1', reason: 'from p' }] }),
      demand('q', 1, { related: [{ demand: 'p/1', reason: 'from q' }] }),
    ]);
    expect(map.get('p/1')!.map((l) => l.reason)).toEqual(['from p']);
    expect(map.get('q/1')!.map((l) => l.reason)).toEqual(['from q']);
  });
});

describe('citationsByArticle', () => {
  const cited = (reference: string, article: number, demands = ALL) =>
    (citationsByArticle(demands).get(reference)?.get(article) ?? []).map(
      (l) => `${l.demand.letter}/${l.demand.number}:${l.reason}`,
    );
  test.each([
    [6, ['a/1:purpose', 'a/2:purpose too']],
    [20, ['a/2:limits']],
    [12, []],
  ])('第%i条', (article, expected) => {
    expect(cited('rules', article)).toEqual(expected);
    // Whatever the input order.
    expect(cited('rules', article, ALL.toReversed())).toEqual(expected);
  });

  test('another reference with the same article number does not count', () => {
    expect(cited('other-rules', 6)).toEqual([]);
  });
});
