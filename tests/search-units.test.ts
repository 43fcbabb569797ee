/** Search units link to the exact place; snippets mark matches and never carry markup. */
import { beforeAll, describe, expect, test } from 'vitest';
import { readContentUnits } from '../src/lib/search/content-units.ts';
import { FIXTURE_ROOT } from './helpers/project-copy.ts';
import { markdownToText, type SearchUnit } from '../src/lib/search/units.ts';
import { snippet, highlight, matchRanges } from '../src/lib/search/snippet.ts';
import { parseQuery } from '../src/lib/search/tokenize.ts';

let units: SearchUnit[];
beforeAll(() => {
  units = readContentUnits(FIXTURE_ROOT);
});

describe('units', () => {
  test('one per letter body, demand, article, 附則 and history entry', () => {
    const count = (type: string) => units.filter((u) => u.type === type).length;
    expect(count('letter')).toBe(2);
    expect(count('demand')).toBe(9);
    expect(count('article')).toBe(36); // 第1条–第35条 and the 附則
    expect(count('history')).toBeGreaterThan(9);
    expect(new Set(units.map((u) => u.id)).size).toBe(units.length);
  });

  test.each([
    ['letter:2019-07-23-soumu', '/letters/2019-07-23-soumu/', '要請書'],
    ['demand:2019-07-18-shichoson-kyosai/1', '/letters/2019-07-18-shichoson-kyosai/demands/1/', '要求'],
    ['article:mie-my-number-rules/18', '/references/mie-my-number-rules/#article-18', '規程 第18条'],
    ['article:mie-my-number-rules/supplementary', '/references/mie-my-number-rules/#supplementary', '規程 附則'],
  ])('%s → %s (%s)', (id, url, label) => {
    const unit = units.find((u) => u.id === id);
    expect(unit?.url).toBe(url);
    expect(unit?.label).toBe(label);
  });

  test("every history unit links to its event's anchor on the demand page", () => {
    const history = units.filter((u) => u.type === 'history');
    expect(history.length).toBeGreaterThan(0);
    for (const unit of history) {
      expect(unit.label).toBe('経過');
      expect(unit.url).toMatch(/^\/letters\/[a-z0-9-]+\/demands\/\d+\/#event-\d{4}-\d{2}-\d{2}-[a-z_]+(-\d+)?$/);
    }
  });

  test('a demand carries its current status (the last history entry)', () => {
    const demand = units.find((u) => u.id === 'demand:2019-07-23-soumu/2')!;
    const last = units.filter((u) => u.id.startsWith('history:2019-07-23-soumu/2/')).at(-1)!;
    expect(demand.status).toBe(last.status);
  });

  test.each([
    ['## 見出し\n\n本文**強調**と[リンク](https://example.org)', '見出し\n\n本文強調とリンク'],
    ['- ① 項目', '① 項目'],
  ])('markdownToText %#', (md, text) => {
    expect(markdownToText(md)).toBe(text);
  });
});

describe('highlighting', () => {
  const marked = (text: string, q: string) =>
    highlight(text, parseQuery(q))
      .filter((s) => s.mark)
      .map((s) => s.text);
  test.each([
    ['J-LIS（地方公共団体情報システム機構）', 'ＪＬＩＳ', ['J-LIS', '地方公共団体情報システム機構']],
    ['情報漏えいの危険性', '漏洩', ['漏えい']],
    ['マイナンバーカード申請書', 'ﾅﾝﾊﾞｰｶｰﾄﾞ', ['ナンバーカード']],
    ['デジタル・ガバメント閣僚会議', 'デジタルガバメント', ['デジタル・ガバメント']],
    ['手数料を徴収する', '手数料はいくら', ['手数料']],
    ['何もない', 'ゼブラ', []],
  ])('%s / %s', (text, q, expected) => {
    expect(marked(text, q)).toEqual(expected);
  });

  test('ranges are merged and ordered', () => {
    const ranges = matchRanges('漏えい等の漏えい', parseQuery('漏えい 漏え'));
    expect(ranges).toEqual([
      [0, 3],
      [5, 8],
    ]);
  });
});

describe('snippets', () => {
  test('cut around the matches, with … where cut', () => {
    const text = `${'あ'.repeat(300)}目的外使用${'い'.repeat(300)}`;
    const segments = snippet(text, parseQuery('目的外使用'), 60);
    const joined = segments.map((s) => s.text).join('');
    expect(joined.startsWith('…')).toBe(true);
    expect(joined.endsWith('…')).toBe(true);
    expect(segments.find((s) => s.mark)?.text).toBe('目的外使用');
  });

  test('markup in a text or query stays text', () => {
    const segments = snippet('<img src=x onerror=alert(1)> 漏えい', parseQuery('<img> 漏えい'));
    expect(segments.map((s) => s.text).join('')).toBe('<img src=x onerror=alert(1)> 漏えい');
  });

  test('never cuts a surrogate pair', () => {
    const text = '𠮷'.repeat(200);
    for (const segment of snippet(text, parseQuery('𠮷'), 51)) {
      expect(segment.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
  });

  test('without a match in the body: its beginning', () => {
    const segments = snippet('この規程は、平成27年12月2日から施行する。', parseQuery('ゼブラ'));
    expect(segments[0]?.text.startsWith('この規程は')).toBe(true);
  });
});
