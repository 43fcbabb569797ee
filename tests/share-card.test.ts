// Share cards: what a card says (from the entries), its alt text, the hash that names its file (same
// text, same file; any change, a new file), line breaking, the fonts' coverage, and the drawn PNG
// (1200×630, at most CARD_MAX_BYTES, the same bytes from the cache).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import {
  CARD_HEIGHT,
  CARD_MAX_BYTES,
  CARD_WIDTH,
  cardAlt,
  cardHash,
  cardPath,
  demandBadgeText,
  demandCardText,
  englishLetterCardText,
  letterCardText,
  type CardText,
} from '../src/lib/share-card.ts';
import {
  badgeSvg,
  cachedCardPng,
  cardFontsCover,
  drawCards,
  cardSvg,
  statusColours,
  textWidth,
  wrapText,
} from '../src/lib/share-card-render.ts';
import { checkContent } from '../src/lib/content-check.ts';
import { currentStatus, statusAsOf } from '../src/lib/history.ts';
import { STATUS_KEYS, STATUS_LIST, STATUSES } from '../src/lib/status.ts';
import { formatDateEn, formatDateJa } from '../src/lib/dates.ts';
import { addresseeShort, labelInText } from '../src/lib/letters.ts';
import { PROJECT_ROOT } from './helpers/project-copy.ts';

const content = checkContent(join(PROJECT_ROOT, 'tests', 'fixtures', 'frozen'));
const SITE = 'テストの運動サイト';
const letters = [...content.letters].map(([slug, l]) => ({ slug, letter: l.data }));
const demands = [...content.demands.values()].map((d) => d.data);
const demandsOf = (slug: string) => demands.filter((d) => d.letter === slug);

describe('a demand card says', () => {
  test.each(demands.map((d) => [`${d.letter}/${d.number}`, d] as const))('%s', (_id, demand) => {
    const letter = content.letters.get(demand.letter)!.data;
    const card = demandCardText(letter, demand, SITE);
    const status = STATUSES[currentStatus(demand.statusHistory)];
    expect(card.lang).toBe('ja');
    expect(card.kicker).toContain(`要求${labelInText(demand.label)}`);
    expect(card.kicker).toContain(`${addresseeShort(letter.addressee)}宛`);
    expect(card.kicker).toContain(formatDateJa(letter.date));
    expect(card.title).toBe(demand.shortTitle);
    expect(card.status).toEqual({ key: status.key, symbol: status.symbol, word: status.ja });
    expect(card.asOf).toBe(`${formatDateJa(statusAsOf(demand.statusHistory, demand.lastChecked))}時点`);
    expect(card.siteName).toBe(SITE);
    // The alt text is the card's whole text.
    for (const part of [card.kicker, card.title, status.symbol, status.ja, card.asOf, SITE])
      expect(cardAlt(card)).toContain(part);
  });
});

describe('a letter card says', () => {
  test.each(letters.map(({ slug, letter }) => [slug, letter] as const))(
    '%s, in Japanese and English',
    (slug, letter) => {
      const own = demandsOf(slug);
      const ja = letterCardText(letter, own, SITE);
      const en = englishLetterCardText(letter, own, 'Site');
      expect(ja.title).toBe(`${addresseeShort(letter.addressee)}宛の要請書`);
      expect(ja.kicker).toContain(`要求${own.length}件`);
      expect(ja.kicker).toContain(formatDateJa(letter.date));
      expect(en.lang).toBe('en');
      expect(en.title).toBe(letter.english?.title ?? letter.title);
      expect(en.kicker).toContain(formatDateEn(letter.date));
      const latest = own
        .map((d) => statusAsOf(d.statusHistory, d.lastChecked))
        .sort()
        .at(-1)!;
      expect(ja.asOf).toBe(`${formatDateJa(latest)}時点`);
      expect(en.asOf).toBe(`As of ${formatDateEn(latest)}`);
      // Each status present among its demands, with its count.
      for (const info of STATUS_LIST) {
        const count = own.filter((d) => currentStatus(d.statusHistory) === info.key).length;
        if (count > 0) {
          expect(ja.note).toContain(`${info.ja} ${count}`);
          expect(en.note).toContain(`${info.en} ${count}`);
        } else expect(ja.note).not.toContain(info.ja);
      }
      if (letter.english) expect(cardAlt(en)).not.toMatch(/[ぁ-ん]/);
    },
  );
});

describe('the hash that names a card', () => {
  const base: CardText = { lang: 'ja', kicker: 'K', title: 'T', asOf: 'A', siteName: 'S' };
  test('the same text is the same file', () => {
    expect(cardHash({ ...base })).toBe(cardHash(base));
    expect(cardPath(base)).toMatch(new RegExp(`/cards/${cardHash(base)}\\.png$`));
  });
  test.each([
    ['kicker', { kicker: 'K2' }],
    ['title', { title: 'T2' }],
    ['as-of date', { asOf: 'A2' }],
    ['status', { status: { key: 'achieved' as const, symbol: '●', word: '実現' } }],
    ['language', { lang: 'en' as const }],
  ])('a change of %s is a new file', (_what, change) => {
    expect(cardHash({ ...base, ...change })).not.toBe(cardHash(base));
  });
});

describe('line breaking', () => {
  test.each([
    ['Japanese breaks between characters', 'あいうえおかきくけこ', 5],
    ['a line never starts with 。or 」', 'あいうえ。かきくけこ」さしすせそ', 5],
    ['English breaks between words', 'alpha beta gamma delta epsilon', 12],
  ])('%s', (_name, text, chars) => {
    const width = textWidth('あ'.repeat(chars), 40, 'bold');
    const lines = wrapText(text, 40, 'bold', width, 10);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    for (const line of lines) {
      expect(textWidth(line, 40, 'bold')).toBeLessThanOrEqual(width + textWidth('。」', 40, 'bold'));
      expect(line).not.toMatch(/^[。、」）]/);
    }
    if (/^[a-z ]+$/.test(text))
      for (const line of lines) expect(text.split(' ')).toEqual(expect.arrayContaining(line.split(' ')));
  });

  test('a text too long for its lines ends in …', () => {
    const lines = wrapText('あ'.repeat(100), 40, 'bold', 400, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(textWidth(lines[1]!, 40, 'bold')).toBeLessThanOrEqual(400);
  });
});

describe('fonts and colours', () => {
  test.each(STATUS_LIST.map((s) => [s.key, `${s.symbol}${s.ja}${s.en}`]))(
    'the card fonts draw every character of status %s',
    (_key, text) => {
      expect(cardFontsCover(text)).toBe(true);
    },
  );

  test('status colours come from the stylesheet; a missing one is named', () => {
    const css = STATUS_KEYS.map((k) => `--status-${k}-fg: #111111;\n--status-${k}-bg: #eeeeee;`).join('\n');
    expect(statusColours(css).achieved).toEqual({ fg: '#111111', bg: '#eeeeee' });
    expect(() => statusColours(css.replace('--status-stalled-bg', '--x'))).toThrow(/--status-stalled-bg/);
  });
});

describe('drawing', () => {
  const cache = mkdtempSync(join(tmpdir(), 'share-cards-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));
  // The longest card a demand can make: a 40-character short title (the schema's limit).
  const demand = demands[0]!;
  const letter = content.letters.get(demand.letter)!.data;
  const longest = demandCardText(
    letter,
    { ...demand, shortTitle: '申請書の作成・一斉配布を中止する'.repeat(3).slice(0, 40) },
    SITE,
  );

  test('the SVG holds outlines only (no text that would need the machine’s fonts)', () => {
    const svg = cardSvg(longest);
    expect(svg).not.toMatch(/<text|font-family/);
    expect(svg).toMatch(/<path /);
  });

  test('the PNG is 1200×630, within the budget, and drawn once', async () => {
    const png = await cachedCardPng(longest, cache);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', CARD_WIDTH, CARD_HEIGHT]);
    expect(png.length).toBeLessThanOrEqual(CARD_MAX_BYTES);
    expect(readdirSync(cache)).toEqual([`${cardHash(longest)}.png`]);
    expect((await cachedCardPng(longest, cache)).equals(png)).toBe(true);
  });

  test('drawing a build’s cards: each card once, under its hash, into the cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'share-cards-all-'));
    try {
      const cards = demands.slice(0, 3).map((d) => demandCardText(content.letters.get(d.letter)!.data, d, SITE));
      const drawn = drawCards(cards, dir);
      expect([...drawn.keys()].sort()).toEqual(cards.map(cardHash).sort());
      for (const card of cards) expect((await drawn.get(cardHash(card))!).subarray(1, 4).toString()).toBe('PNG');
      expect(readdirSync(dir).sort()).toEqual([...new Set(cards.map((c) => `${cardHash(c)}.png`))].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the badge: its status in words, its whole text as title, each part held to its measured width', () => {
    const badge = demandBadgeText(letter, demand);
    const svg = badgeSvg(badge);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain(`<title>${badge.title}</title>`);
    expect(badge.value).toContain(STATUSES[currentStatus(demand.statusHistory)].ja);
    const texts = [...svg.matchAll(/<text [^>]*textLength="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => m[2]);
    expect(texts).toEqual([badge.label, badge.value]);
    expect(svg.length).toBeLessThan(2048);
  });
});
