import { describe, expect, test } from 'vitest';
import {
  addressLines,
  addresseeLabel,
  addresseeOrganization,
  addresseeShort,
  dateWithEra,
  homeLetters,
} from '../src/lib/letters.ts';
import { demandUrl, demandInLetterUrl, articleUrl, parseDemandId, demandId } from '../src/lib/urls.ts';
import { htmlToText, layoutFree, sourceSegments } from '../src/lib/text-compare.ts';

const minister = {
  organization: '総務省',
  organizationPrinted: false,
  role: '総務大臣',
  name: '石田 真敏',
  honorific: '殿',
};
const federation = { organization: '全国市町村職員共済組合連合会', role: '理事長', name: '小谷 隆亮', honorific: '様' };
const union = { organization: '日本自治体労働組合総連合', role: '中央執行委員長', name: '猿橋 均' };

describe('address blocks print what the letter prints', () => {
  test.each([
    ['minister (no organisation printed)', minister, ['総務大臣 石田 真敏 殿']],
    ['federation', federation, ['全国市町村職員共済組合連合会', '理事長 小谷 隆亮 様']],
    ['sender', union, ['日本自治体労働組合総連合', '中央執行委員長 猿橋 均']],
  ])('%s', (_name, party, lines) => {
    expect(addressLines(party)).toEqual(lines);
  });

  test.each([
    [minister, '総務大臣 石田 真敏'],
    [federation, '全国市町村職員共済組合連合会 理事長 小谷 隆亮'],
  ])('label %#', (party, label) => {
    expect(addresseeLabel(party)).toBe(label);
  });

  // Headings say whom the letter is addressed to (…宛); the body that answers keeps its organisation's name.
  test.each([
    ['minister, ministry not printed', { ...minister, shortName: '総務省' }, '総務大臣', '総務省'],
    ['minister without a short name', minister, '総務大臣', '総務省'],
    [
      'federation with a short name',
      { ...federation, shortName: '市町村共済連合会' },
      '市町村共済連合会',
      '市町村共済連合会',
    ],
    ['federation without one', federation, '全国市町村職員共済組合連合会', '全国市町村職員共済組合連合会'],
    [
      'organisation not printed and no role',
      { organization: '総務省', organizationPrinted: false },
      '総務省',
      '総務省',
    ],
  ])('%s', (_name, party, heading, actor) => {
    expect(addresseeShort(party)).toBe(heading);
    expect(addresseeOrganization(party)).toBe(actor);
  });
});

test('dateWithEra', () => {
  expect(dateWithEra('2019-07-23')).toEqual({ written: '2019年7月23日', era: '令和元年7月23日' });
});

describe('permalinks', () => {
  test.each([
    [demandUrl('2019-07-23-soumu', 2), '/letters/2019-07-23-soumu/demands/2/'],
    [demandInLetterUrl('2019-07-18-shichoson-kyosai', 1), '/letters/2019-07-18-shichoson-kyosai/#demand-1'],
    [articleUrl('mie-my-number-rules', 20), '/references/mie-my-number-rules/#article-20'],
    [demandId('2019-07-23-soumu', 5), '2019-07-23-soumu/5'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });

  test.each([
    ['2019-07-23-soumu/2', { letter: '2019-07-23-soumu', number: 2 }],
    ['2019-07-23-soumu/', null],
    ['../etc/1', null],
    ['2019-07-23-soumu/②', null],
  ])('parseDemandId(%s)', (id, expected) => {
    expect(parseDemandId(id)).toEqual(expected);
  });
});

describe('text comparison', () => {
  test.each([
    ['<p>第1条　この規程は&amp;</p>', '第1条この規程は&'],
    ['<div><script>var x = "secret"</script>本文</div>', '本文'],
    ['<p>（目的）&#x3042;&#12354;</p>', '(目的)ああ'],
  ])('htmlToText + layoutFree %#', (html, expected) => {
    expect(layoutFree(htmlToText(html))).toBe(expected);
  });

  test('sourceSegments drops list markers and emphasis and splits sentences', () => {
    expect(sourceSegments('## 記\n- ① 強制しないこと。また、申し入れること。\n**第1条** 目的')).toEqual([
      '記',
      '①強制しないこと。',
      'また、申し入れること。',
      '第1条目的',
    ]);
  });
});

test.each([
  ['2.', '2'],
  ['１．', '１'],
  ['①', '①'],
])('labelInText(%s) = %s', async (label, expected) => {
  const { labelInText } = await import('../src/lib/letters.ts');
  expect(labelInText(label)).toBe(expected);
});

describe('the letters the home page shows', () => {
  const letter = (id: string, date: string) => ({ id, data: { date } });
  test.each([
    ['none', [], 3, [], false],
    ['a few, in order, oldest first', [letter('b', '2019-07-23'), letter('a', '2019-07-18')], 3, ['a', 'b'], false],
    [
      'exactly the limit',
      [letter('c', '2020-01-01'), letter('a', '2019-07-18'), letter('b', '2019-07-23')],
      3,
      ['a', 'b', 'c'],
      false,
    ],
    [
      'past the limit: the newest, newest first',
      [letter('c', '2020-01-01'), letter('a', '2019-07-18'), letter('d', '2021-05-01'), letter('b', '2019-07-23')],
      3,
      ['d', 'c', 'b'],
      true,
    ],
    [
      'same date: by slug',
      [letter('y', '2020-01-01'), letter('x', '2020-01-01'), letter('z', '2019-01-01')],
      2,
      ['y', 'x'],
      true,
    ],
  ])('%s', (_name, letters, max, ids, newestFirst) => {
    const home = homeLetters(letters, max);
    expect(home.shown.map((l) => l.id)).toEqual(ids);
    expect(home.newestFirst).toBe(newestFirst);
    expect(home.total).toBe(letters.length);
  });
});
