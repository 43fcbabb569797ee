import { describe, expect, test } from 'vitest';
import { CONCEPTS, SPELLINGS, THESAURUS } from '../src/lib/search/variants.ts';
import { NOTES } from '../src/lib/search/variants-notes.ts';
import { conceptsIn, normalizeForIndex, parseQuery } from '../src/lib/search/tokenize.ts';
import { dateSpans, dateKeysIn } from '../src/lib/search/date-terms.ts';
import { readContentUnits } from '../src/lib/search/content-units.ts';
import { FIXTURE_ROOT } from './helpers/project-copy.ts';

const keysOf = (text: string) => conceptsIn(normalizeForIndex(text));

describe('thesaurus', () => {
  test('every entry has a reason (variants-notes.ts, none left over), and no alias belongs to two concepts', () => {
    const keys = [...SPELLINGS.map((s) => `spelling:${s.canonical}`), ...CONCEPTS.map((c) => c.key)];
    for (const key of keys) expect(NOTES[key]?.trim() ?? '', key).not.toBe('');
    expect(Object.keys(NOTES).sort()).toEqual([...keys].sort());
    const owner = new Map<string, string>();
    for (const concept of CONCEPTS) {
      for (const alias of concept.aliases) {
        const norm = normalizeForIndex(alias);
        expect(owner.get(norm) ?? concept.key, alias).toBe(concept.key);
        owner.set(norm, concept.key);
      }
    }
  });

  test.each(THESAURUS.flatMap((c) => c.aliases.slice(1).map((alias) => [alias, c.aliases[0]!, c.key] as const)))(
    'everyday %s and the texts’ %s share #%s (both ways)',
    (everyday, legal, key) => {
      expect(keysOf(everyday)).toContain(key);
      expect(keysOf(legal)).toContain(key);
    },
  );

  test.each([
    ['マイナンバーカード', 'kojinbango'],
    ['マイナンバー法', 'kojinbango'],
    ['目的外利用', 'riyo'],
  ])('a thesaurus word inside a longer name is part of the name: %s has no #%s', (text, key) => {
    expect(keysOf(text)).not.toContain(key);
  });

  test('the query keeps its own words: an everyday word adds a concept, never replaces the word', () => {
    const parsed = parseQuery('外注');
    expect(parsed.words.map((w) => w.text)).toEqual(['外注']);
    expect(parsed.concepts.map((c) => c.term)).toEqual(['#itaku']);
  });

  test('aliases are whole words of the texts, not pieces of unrelated words', () => {
    // 「直す」 is not an alias because 第35条 says 見直す: an alias must not fire on every unit.
    const units = readContentUnits(FIXTURE_ROOT);
    for (const concept of THESAURUS) {
      const hits = units.filter((u) =>
        keysOf(`${u.fields.title}\n${u.fields.body}\n${u.fields.meta}`).includes(concept.key),
      );
      expect(hits.length, concept.key).toBeLessThan(units.length);
    }
  });
});

describe('dates in any calendar or notation', () => {
  test.each([
    ['2019年7月23日', 'd20190723'],
    ['令和元年7月23日', 'd20190723'],
    ['令和1年7月23日', 'd20190723'],
    ['R1.7.23', 'd20190723'],
    ['r元年7月23日', 'd20190723'],
    ['2019/7/23', 'd20190723'],
    ['2019/07/23', 'd20190723'],
    ['2019.7.23', 'd20190723'],
    ['2019-07-23', 'd20190723'],
    ['２０１９年７月２３日', 'd20190723'],
    ['平成27年12月2日', 'd20151202'],
    ['H27.12.2', 'd20151202'],
    ['2015年12月2日', 'd20151202'],
    ['平成31年4月30日', 'd20190430'],
    ['昭和42年', 'y1967'],
    ['2019年7月', 'm201907'],
    ['平成15年法律第57号', 'y2003'],
  ])('%s → %s', (text, key) => {
    expect(keysOf(text)).toContain(key);
  });

  test.each([['2019-02-30'], ['平成32年1月1日'], ['第4条 2 1'], ['30日以内'], ['2週間']])(
    '%s is not a date',
    (text) => {
      expect(dateKeysIn(normalizeForIndex(text)).filter((k) => k.startsWith('d'))).toEqual([]);
    },
  );

  test('a day also yields its month and year; a month its year', () => {
    expect(dateKeysIn(normalizeForIndex('2019年7月23日')).sort()).toEqual(['d20190723', 'm201907', 'y2019']);
    expect(dateKeysIn(normalizeForIndex('令和元年7月')).sort()).toEqual(['m201907', 'y2019']);
  });

  test('a date the query typed in pieces becomes one word, not 「7」 and 「23」', () => {
    expect(parseQuery('2019/7/23').words.map((w) => w.text)).toEqual(['2019年7月23日']);
    expect(parseQuery('R1.7.18 要請書').words.map((w) => w.text)).toEqual(['2019年7月18日', '要請書']);
    expect(parseQuery('令和元年7月31日').words.map((w) => w.text)).toEqual(['令和元年7月31日']);
  });

  test('spans do not overlap', () => {
    const spans = dateSpans(normalizeForIndex('平成27年12月2日から施行し、平成27年10月5日から適用する。2019-07-23'));
    expect(spans.map((s) => [s.year, s.month, s.day])).toEqual([
      [2015, 12, 2],
      [2015, 10, 5],
      [2019, 7, 23],
    ]);
  });
});
