/**
 * Draws a share card (src/lib/share-card.ts) as a 1200×630 PNG, at build time, with no system font:
 * the text is laid out here with the glyphs of Noto Sans JP (npm package @expo-google-fonts/noto-sans-jp,
 * TTF; Noto Sans Math, @fontsource/noto-sans-math, for the one status symbol it lacks, ↩) and written
 * into the SVG as outlines, so the picture holds only the glyphs it uses and is the same on every
 * machine. sharp (Astro's own image library) turns the SVG into the PNG.
 *
 * Chosen by measuring (the 9 real demand cards, 3 rounds, on the shared 2-core machine with other builds
 * running, so the figures are rough): this outline SVG through sharp, 23 ms a card, 53 KB (a 64-colour
 * palette: 55 ms, 28 KB); the same SVG through @resvg/resvg-js, 32–36 ms, 50 KB; satori laying the card
 * out itself and resvg-js drawing it, 37–58 ms, 52 KB, with ↩ drawn as a missing-glyph box (satori
 * takes one font list for the whole card; full-width text is its known weak point, vercel/satori #343).
 * Laying out the outlines here costs 5–7 ms of that. sharp was already installed (Astro's image library).
 *
 * Drawn cards are kept in a cache folder by the hash of their text (cardHash), so a build draws only
 * the cards whose text changed.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH, cardHash, type BadgeText, type CardText } from './share-card.ts';
import { STATUS_KEYS, type StatusKey } from './status.ts';

const require = createRequire(import.meta.url);

/** The fonts, in the order a character is looked for: Japanese first, then the fallback. */
const FONT_FILES = {
  regular: ['@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'],
  bold: ['@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf'],
  fallback: ['@fontsource/noto-sans-math/files/noto-sans-math-latin-400-normal.woff'],
} as const;

type Weight = 'regular' | 'bold';
type Font = fontkit.Font;

let fonts: { regular: Font; bold: Font; fallback: Font } | undefined;
function loadFonts() {
  const open = (spec: string): Font => fontkit.openSync(require.resolve(spec)) as Font;
  fonts ??= {
    regular: open(FONT_FILES.regular[0]),
    bold: open(FONT_FILES.bold[0]),
    fallback: open(FONT_FILES.fallback[0]),
  };
  return fonts;
}

/** The font that draws a character at a weight: Noto Sans JP, or the fallback when it lacks the glyph. */
function fontFor(ch: string, weight: Weight): Font {
  const f = loadFonts();
  return f[weight].hasGlyphForCodePoint(ch.codePointAt(0)!) ? f[weight] : f.fallback;
}

/** Whether every character of `text` has a glyph in the card's fonts (tests hold the status symbols to it). */
export function cardFontsCover(text: string): boolean {
  return [...text].every((ch) => fontFor(ch, 'regular').hasGlyphForCodePoint(ch.codePointAt(0)!));
}

interface GlyphShape {
  /** Advance width at size 1. */
  advance: number;
  path: fontkit.Glyph['path'];
  unitsPerEm: number;
}
const glyphCache = new Map<string, GlyphShape>();
/** One character's outline and width (no shaping: Japanese needs none, and Latin kerning is not missed at this size). */
function glyphOf(ch: string, weight: Weight): GlyphShape {
  const key = `${weight}${ch}`;
  let shape = glyphCache.get(key);
  if (!shape) {
    const font = fontFor(ch, weight);
    const glyph = font.glyphForCodePoint(ch.codePointAt(0)!);
    shape = { advance: glyph.advanceWidth / font.unitsPerEm, path: glyph.path, unitsPerEm: font.unitsPerEm };
    glyphCache.set(key, shape);
  }
  return shape;
}
const advance = (ch: string, weight: Weight): number => glyphOf(ch, weight).advance;

export const textWidth = (text: string, size: number, weight: Weight): number =>
  [...text].reduce((w, ch) => w + advance(ch, weight) * size, 0);

// A line may not start with closing punctuation nor end with an opening bracket (kinsoku).
const NO_START = new Set([...'、。，．・：；？！）」』】〕”’ーぁぃぅぇぉっゃゅょァィゥェォッャュョ…,.;:!?)]}']);
const NO_END = new Set([...'（「『【〔“‘([{']);

/** Where a line may break: between any two Japanese characters, at spaces in Latin text. */
function breakUnits(text: string): string[] {
  const units: string[] = [];
  for (const part of text.match(/[A-Za-z0-9'’\-.,:;!?()"“”]+ ?|\s|./gu) ?? []) {
    const last = units.at(-1);
    // Keep kinsoku characters with their neighbour.
    if (last !== undefined && (NO_START.has(part[0]!) || NO_END.has(last.at(-1)!)))
      units[units.length - 1] = last + part;
    else units.push(part);
  }
  return units;
}

/**
 * Breaks `text` into at most `maxLines` lines of at most `width` px at `size`; the last line ends in …
 * when the text does not fit.
 */
export function wrapText(text: string, size: number, weight: Weight, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const unit of breakUnits(text)) {
    if (line && textWidth(line + unit.trimEnd(), size, weight) > width) {
      lines.push(line.trimEnd());
      line = unit.trimStart();
    } else line += unit;
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last && textWidth(`${last}…`, size, weight) > width) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}

/** The outline of one line of text, its left end at x and its baseline at y. */
function textPath(text: string, x: number, y: number, size: number, weight: Weight): string {
  let pen = x;
  const parts: string[] = [];
  for (const ch of text) {
    const glyph = glyphOf(ch, weight);
    const scale = size / glyph.unitsPerEm;
    const d = glyph.path.scale(scale, -scale).translate(pen, y).toSVG();
    if (d) parts.push(d);
    pen += glyph.advance * size;
  }
  // Two decimals are plenty at 1200 px and keep the SVG small.
  return parts.join('').replace(/\d+\.\d{3,}/g, (n) => Number(n).toFixed(2));
}

/** Status colours, read from the site's stylesheet (its light theme), the one place they are written. */
export function statusColours(css: string): Record<StatusKey, { fg: string; bg: string }> {
  const pick = (name: string): string => {
    const match = new RegExp(`--status-${name}:\\s*(#[0-9a-fA-F]{3,8})`).exec(css);
    if (!match) throw new Error(`src/styles/global.css: --status-${name} がありません`);
    return match[1]!;
  };
  return Object.fromEntries(
    STATUS_KEYS.map((key) => [key, { fg: pick(`${key}-fg`), bg: pick(`${key}-bg`) }]),
  ) as Record<StatusKey, { fg: string; bg: string }>;
}

let colours: ReturnType<typeof statusColours> | undefined;
/** The stylesheet's status colours (the build runs from the project's root). */
function siteStatusColours(root: string = process.cwd()): ReturnType<typeof statusColours> {
  colours ??= statusColours(readFileSync(join(root, 'src/styles/global.css'), 'utf8'));
  return colours;
}

const INK = '#1a1a1a';
const MUTED = '#4a4a4a';
const ACCENT = '#8a1c1c';
const PAPER = '#ffffff';
const MARGIN = 64;

/** The card as an SVG of outlines (no text elements: nothing depends on the fonts of the machine). */
export function cardSvg(card: CardText): string {
  const inner = CARD_WIDTH - 2 * MARGIN;
  const out: string[] = [];
  const path = (d: string, fill: string) => out.push(`<path fill="${fill}" d="${d}"/>`);
  // The band with the site's name.
  out.push(`<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${PAPER}"/>`);
  out.push(`<rect width="${CARD_WIDTH}" height="84" fill="${ACCENT}"/>`);
  const site = wrapText(card.siteName, 30, 'bold', inner, 1)[0] ?? '';
  path(textPath(site, MARGIN, 53, 30, 'bold'), PAPER);
  // Kicker and title.
  const kicker = wrapText(card.kicker, 32, 'regular', inner, 1)[0] ?? '';
  path(textPath(kicker, MARGIN, 152, 32, 'regular'), MUTED);
  let size = 64;
  let lines = wrapText(card.title, size, 'bold', inner, 3);
  if (lines.length === 3 || lines.at(-1)?.endsWith('…')) {
    size = 54;
    lines = wrapText(card.title, size, 'bold', inner, 3);
  }
  lines.forEach((line, i) => path(textPath(line, MARGIN, 236 + i * size * 1.3, size, 'bold'), INK));
  // Status badge (symbol and word: never colour alone), or the letter's tally.
  const badgeTop = 448;
  let afterBadge = MARGIN;
  if (card.status) {
    const { fg, bg } = siteStatusColours()[card.status.key];
    const label = `${card.status.symbol} ${card.status.word}`;
    const w = textWidth(label, 44, 'bold') + 56;
    out.push(
      `<rect x="${MARGIN}" y="${badgeTop}" width="${w.toFixed(1)}" height="80" rx="14" fill="${bg}" stroke="${fg}" stroke-width="4"/>`,
    );
    path(textPath(label, MARGIN + 28, badgeTop + 56, 44, 'bold'), fg);
    afterBadge = MARGIN + w + 32;
  }
  if (card.note) {
    const note = wrapText(card.note, 34, 'bold', inner, 1)[0] ?? '';
    path(textPath(note, MARGIN, badgeTop + 52, 34, 'bold'), INK);
  }
  const asOfX = card.status ? afterBadge : MARGIN;
  const asOfY = card.status ? badgeTop + 54 : badgeTop + 118;
  path(textPath(card.asOf, asOfX, asOfY, 34, 'regular'), MUTED);
  out.push(`<rect y="${CARD_HEIGHT - 16}" width="${CARD_WIDTH}" height="16" fill="${ACCENT}"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">${out.join('')}</svg>`;
}

/**
 * The card as a PNG: full colour, about 50 KB (a 64-colour palette halves that but took twice as long
 * to draw; both are far under CARD_MAX_BYTES).
 */
async function renderCardPng(card: CardText): Promise<Buffer> {
  return sharp(Buffer.from(cardSvg(card)))
    .png({ compressionLevel: 6 })
    .toBuffer();
}

/** The card's PNG from the cache folder, drawn and stored there first if its text is new. */
export async function cachedCardPng(card: CardText, cacheDir: string): Promise<Buffer> {
  const file = join(cacheDir, `${cardHash(card)}.png`);
  if (existsSync(file)) return readFileSync(file);
  const png = await renderCardPng(card);
  mkdirSync(cacheDir, { recursive: true });
  // Written whole then renamed: two builds sharing the folder never read half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, png);
  renameSync(tmp, file);
  return png;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A status badge as SVG text, drawn by the viewer's own fonts (an image on another site cannot load
 * ours); each part's width is measured with the card's font and held with textLength, so the text fits
 * its box whatever font draws it. Outlines would weigh about 12 KB; this is under 1 KB.
 */
export function badgeSvg(badge: BadgeText): string {
  const size = 13;
  const pad = 8;
  const height = 24;
  const baseline = 16.5;
  const { fg, bg } = siteStatusColours()[badge.status];
  const labelWidth = textWidth(badge.label, size, 'regular');
  const valueWidth = textWidth(badge.value, size, 'bold');
  const left = labelWidth + 2 * pad;
  const width = Math.ceil(left + valueWidth + 2 * pad);
  const title = escapeXml(badge.title);
  const text = (x: number, w: number, fill: string, weight: number, content: string) =>
    `<text x="${x.toFixed(1)}" y="${baseline}" textLength="${w.toFixed(1)}" lengthAdjust="spacingAndGlyphs" fill="${fill}" font-weight="${weight}">${escapeXml(content)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<rect width="${width}" height="${height}" rx="4" fill="${ACCENT}"/>`,
    `<rect x="${left.toFixed(1)}" y="0.5" width="${(width - left - 0.5).toFixed(1)}" height="${height - 1}" fill="${bg}" stroke="${fg}"/>`,
    `<g font-family="'Noto Sans JP','Hiragino Sans','Yu Gothic',Meiryo,sans-serif" font-size="${size}">`,
    text(pad, labelWidth, PAPER, 400, badge.label),
    text(left + pad, valueWidth, fg, 700, badge.value),
    '</g></svg>',
  ].join('');
}

/**
 * Starts drawing every card of the build, a few at a time (sharp draws in its own threads while the
 * build goes on), and returns each card's PNG by hash. The build renders pages one after another:
 * without this, each card would wait for the one before it.
 */
export function drawCards(cards: readonly CardText[], cacheDir: string): Map<string, Promise<Buffer>> {
  const drawn = new Map<string, Promise<Buffer>>();
  const queue = [...cards];
  const settle = new Map<string, { resolve: (png: Buffer) => void; reject: (error: unknown) => void }>();
  for (const card of cards) {
    drawn.set(
      cardHash(card),
      new Promise<Buffer>((resolve, reject) => settle.set(cardHash(card), { resolve, reject })),
    );
  }
  const worker = async (): Promise<void> => {
    for (let card = queue.shift(); card; card = queue.shift()) {
      const { resolve, reject } = settle.get(cardHash(card))!;
      await cachedCardPng(card, cacheDir).then(resolve, reject);
    }
  };
  for (let i = 0; i < Math.max(1, availableParallelism()); i++) void worker();
  return drawn;
}
