import { describe, expect, test } from 'vitest';
import {
  relatedDemandsMap,
  demandsCitingArticle,
  demandsOfLetter,
  type DemandRef,
} from '../src/lib/cross-references.ts';

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
const find = (letter: string, number: number) => ALL.find((d) => d.letter === letter && d.number === number)!;

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

describe('demandsCitingArticle', () => {
  test.each([
    [6, ['a/1:purpose', 'a/2:purpose too']],
    [20, ['a/2:limits']],
    [12, []],
  ])('第%i条', (article, expected) => {
    expect(
      demandsCitingArticle('rules', article, ALL).map((l) => `${l.demand.letter}/${l.demand.number}:${l.reason}`),
    ).toEqual(expected);
  });

  test('another reference with the same article number does not count', () => {
    expect(demandsCitingArticle('other-rules', 6, ALL)).toEqual([]);
  });
});

test('demandsOfLetter keeps printed order whatever the input order', () => {
  const shuffled = [find('b', 2), find('a', 2), find('b', 1), find('a', 1)];
  expect(demandsOfLetter('b', shuffled).map((d) => d.number)).toEqual([1, 2]);
});
