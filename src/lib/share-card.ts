/**
 * Share cards: the 1200×630 picture a link preview shows for a demand or a letter (og:image). This
 * module decides what a card says, as plain data; src/lib/share-card-render.ts draws it. A card's file
 * is named by the hash of its text, so a card is drawn again only when its text changes, and cards
 * that say the same thing are one file.
 */
import { createHash } from 'node:crypto';
import { STATUSES, type StatusKey } from './status.ts';
import { currentStatus, statusAsOf } from './history.ts';
import { formatDateEn, formatDateJa } from './dates.ts';
import { addresseeShort, labelInText, type AddresseeName } from './letters.ts';
import { sitePath } from './urls.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** The most a card may weigh (link previews fetch it on a phone's data). */
export const CARD_MAX_BYTES = 150 * 1024;
/** Bumped when the drawing changes, so every card is drawn again (the hash covers it). */
const CARD_DESIGN_VERSION = 2;
/** Where the cards are published, under base. */
const CARD_DIR = 'cards';

/** What one card says, line by line. */
export interface CardText {
  lang: 'ja' | 'en';
  /** The small line above the title: which demand of which letter, and the letter's date. */
  kicker: string;
  /** The large text: the demand's short title, or the letter's title. */
  title: string;
  /** The status badge (symbol and word); a letter's card shows its demands' statuses in `note`. */
  status?: { key: StatusKey; symbol: string; word: string } | undefined;
  /** A line under the badge (a letter's count of demands by status). */
  note?: string | undefined;
  /** The date the status is known to hold at: 2026年12月6日時点. */
  asOf: string;
  /** The site's name, at the foot. */
  siteName: string;
}

/** What a demand's card needs of its entry. */
interface CardDemand {
  label: string;
  shortTitle: string;
  lastChecked: string;
  statusHistory: readonly { date: string; status: StatusKey }[];
  english?: { shortTitle: string } | undefined;
}

/** What a card needs of a letter. */
interface CardLetter {
  title: string;
  date: string;
  addressee: AddresseeName;
  english?: { title: string } | undefined;
}

const asOfJa = (iso: string): string => `${formatDateJa(iso)}時点`;
const asOfEn = (iso: string): string => `As of ${formatDateEn(iso)}`;

function statusOf(demand: CardDemand, lang: 'ja' | 'en'): NonNullable<CardText['status']> {
  const info = STATUSES[currentStatus(demand.statusHistory)];
  return { key: info.key, symbol: info.symbol, word: lang === 'ja' ? info.ja : info.en };
}

/** The latest as-of date among a letter's demands. */
function lettersAsOf(demands: readonly CardDemand[], fallback: string): string {
  return demands.map((d) => statusAsOf(d.statusHistory, d.lastChecked)).reduce((a, b) => (b > a ? b : a), fallback);
}

/** 回答待ち 3・拒否 2 (the statuses in their fixed order). */
function statusTally(demands: readonly CardDemand[], lang: 'ja' | 'en'): string {
  const counts = new Map<StatusKey, number>();
  for (const d of demands) {
    const key = currentStatus(d.statusHistory);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Object.values(STATUSES)
    .filter((info) => counts.has(info.key))
    .map((info) => `${info.symbol} ${lang === 'ja' ? info.ja : info.en} ${counts.get(info.key)}`)
    .join(lang === 'ja' ? '・' : ', ');
}

/** A demand's card: 要求3 ・ 総務大臣宛（2019年7月23日）, its short title, its status and as-of date. */
export function demandCardText(letter: CardLetter, demand: CardDemand, siteName: string): CardText {
  return {
    lang: 'ja',
    kicker: `要求${labelInText(demand.label)} ・ ${addresseeShort(letter.addressee)}宛の要請書（${formatDateJa(letter.date)}）`,
    title: demand.shortTitle,
    status: statusOf(demand, 'ja'),
    asOf: asOfJa(statusAsOf(demand.statusHistory, demand.lastChecked)),
    siteName,
  };
}

/**
 * A letter's card: to whom and when, its demands counted by status. Its printed title, long and formal,
 * is in the preview's own title (og:title); the card names the letter as readers do: 総務大臣宛の要請書.
 */
export function letterCardText(letter: CardLetter, demands: readonly CardDemand[], siteName: string): CardText {
  return {
    lang: 'ja',
    kicker: `${formatDateJa(letter.date)}付 ・ 要求${demands.length}件`,
    title: `${addresseeShort(letter.addressee)}宛の要請書`,
    note: statusTally(demands, 'ja'),
    asOf: asOfJa(lettersAsOf(demands, letter.date)),
    siteName,
  };
}

/** A letter's English card (its English page): the English title where written. */
export function englishLetterCardText(letter: CardLetter, demands: readonly CardDemand[], siteName: string): CardText {
  return {
    lang: 'en',
    kicker: `Letter of ${formatDateEn(letter.date)} · ${demands.length} demand${demands.length === 1 ? '' : 's'}`,
    title: letter.english?.title ?? letter.title,
    note: statusTally(demands, 'en'),
    asOf: asOfEn(lettersAsOf(demands, letter.date)),
    siteName,
  };
}

/** The card's whole text in reading order: its og:image:alt. */
export function cardAlt(card: CardText): string {
  const status = card.status ? `${card.status.symbol} ${card.status.word}` : undefined;
  const sep = card.lang === 'ja' ? '。' : '. ';
  return [card.kicker, card.title, status, card.note, card.asOf, card.siteName]
    .filter((part): part is string => Boolean(part))
    .map((part) => part.replace(/[。.]$/, ''))
    .join(sep)
    .concat(card.lang === 'ja' ? '。' : '.');
}

/** The hash that names a card's file: its text and the drawing's version. */
export function cardHash(card: CardText): string {
  return createHash('sha256')
    .update(JSON.stringify([CARD_DESIGN_VERSION, card]))
    .digest('hex')
    .slice(0, 16);
}

/** The card's path under base (absoluteUrl() makes it the og:image). */
export const cardPath = (card: CardText): string => sitePath(`/${CARD_DIR}/${cardHash(card)}.png`);

/** What a status badge (/badges/<letter>/<n>.svg) says: a label on the left, the status on the right. */
export interface BadgeText {
  /** The left part: 要求1の状況. */
  label: string;
  status: StatusKey;
  /** The right part: the status's symbol and word. */
  value: string;
  /** The whole sentence for screen readers and tooltips: whose demand, its status, the as-of date. */
  title: string;
}

/** A demand's badge: 要求1の状況 | ＝ 進展なし. */
export function demandBadgeText(letter: CardLetter, demand: CardDemand): BadgeText {
  const status = statusOf(demand, 'ja');
  const label = `要求${labelInText(demand.label)}の状況`;
  return {
    label,
    status: status.key,
    value: `${status.symbol} ${status.word}`,
    title: `${addresseeShort(letter.addressee)}宛 要求${labelInText(demand.label)}「${demand.shortTitle}」：${status.word}（${asOfJa(statusAsOf(demand.statusHistory, demand.lastChecked))}）`,
  };
}
