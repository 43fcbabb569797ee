/**
 * The Atom feeds: the site's (/feed.xml, the FEED_ENTRIES_MAX most recently recorded history entries)
 * and each demand's own (…/demands/<n>/feed.xml, its whole history). One entry per history entry,
 * linking to its place on the demand's page. Built from plain data so that it is unit-tested and
 * stable: an entry's id is derived from its event (history.ts eventAnchors), not its position, and
 * a feed's `updated` comes from the content, not the build time.
 */
import { STATUSES, EVENT_TYPES, HISTORY_FIELD_LABELS, type StatusKey, type EventType } from './status.ts';
import { historySteps, type HistoryEntryData } from './history.ts';
import { formatDateJa } from './dates.ts';
import { addresseeShort, labelInText, type AddresseeName } from './letters.ts';
import { demandFeedUrl, demandId, demandUrl } from './urls.ts';

type FeedHistoryEntry = HistoryEntryData;

export interface FeedDemand {
  letter: string;
  number: number;
  label: string;
  shortTitle: string;
  statusHistory: readonly FeedHistoryEntry[];
}

export interface FeedLetter {
  slug: string;
  addressee: AddresseeName;
}

export interface FeedEntry {
  /** Permanent id: the entry's permalink (demand page + #event-<date>-<type>). */
  id: string;
  title: string;
  /** Absolute link to the entry on the demand page. */
  link: string;
  /** RFC 3339 date-time: midnight in Japan on the event's date. */
  published: string;
  /** RFC 3339 date-time: when the entry reached the site (`recorded`, else the event's date). */
  updated: string;
  date: string;
  demand: string;
  status: StatusKey;
  type: string;
  /** Plain-text summary. */
  summary: string;
  /** The full entry as HTML (escaped into the feed). */
  contentHtml: string;
}

/** What renderAtom writes of an entry: a demand's entries (FeedEntry) and the corrections log's. */
export type AtomEntry = Pick<
  FeedEntry,
  'id' | 'title' | 'link' | 'published' | 'updated' | 'summary' | 'contentHtml'
> & {
  /** A demand entry's status, written as the entry's category. */
  status?: StatusKey;
};

/** What XML 1.0 cannot carry at all (its Char production): controls, lone surrogates, U+FFFE/U+FFFF. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Escapes a text for XML. A second guard behind the content check (which refuses these characters):
 * a character XML 1.0 cannot carry becomes U+FFFD, so a bad value never makes a feed ill-formed.
 */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Midnight in Japan on an ISO date, as Atom wants it. */
export const atomDate = (iso: string): string => `${iso}T00:00:00+09:00`;

/**
 * How many entries the feed carries: the newest, as feeds do (readers poll it for what is new).
 * Every entry ever recorded stays on the demand pages and in /api/demands.json.
 */
export const FEED_ENTRIES_MAX = 100;

/**
 * Feed entries for the most recently recorded history entries (at most `limit`), newest first: by
 * `recorded` (else the event's date), so that an old event found late still reaches subscribers;
 * then by event date, later in its history first, then by demand.
 */
export function feedEntries(
  demands: readonly FeedDemand[],
  letters: readonly FeedLetter[],
  origin: string,
  limit = FEED_ENTRIES_MAX,
): FeedEntry[] {
  const addressees = new Map(letters.map((l) => [l.slug, addresseeShort(l.addressee)] as const));
  const entries: (FeedEntry & { position: number })[] = [];
  for (const demand of demands) {
    const page = new URL(demandUrl(demand.letter, demand.number), origin).href;
    const name = `${addressees.get(demand.letter) ?? demand.letter}宛 要求${labelInText(demand.label)}「${demand.shortTitle}」`;
    for (const { entry, position, anchor, previous, changed } of historySteps(demand.statusHistory)) {
      const status = STATUSES[entry.status];
      const typeLabel = EVENT_TYPES[entry.type as EventType] ?? entry.type;
      const link = `${page}#${anchor}`;
      const statusText = changed && previous ? `${STATUSES[previous].ja} → ${status.ja}` : status.ja;
      const html = [
        `<p>${escapeXml(formatDateJa(entry.date))}・${escapeXml(typeLabel)}</p>`,
        `<p>${escapeXml(entry.summary)}</p>`,
        entry.counterpartyPosition
          ? `<p>${HISTORY_FIELD_LABELS.counterpartyPosition}：${escapeXml(entry.counterpartyPosition)}</p>`
          : '',
        entry.assessment ? `<p>${HISTORY_FIELD_LABELS.assessment}：${escapeXml(entry.assessment)}</p>` : '',
        `<p>この時点の状況：${escapeXml(statusText)}（${escapeXml(status.definitionJa)}）</p>`,
        `<p>出典：${entry.sources.map((s) => `<a href="${escapeXml(s.url)}">${escapeXml(s.title)}</a>`).join('、')}</p>`,
        `<p><a href="${escapeXml(page)}">${escapeXml(name)}のページ</a></p>`,
      ]
        .filter(Boolean)
        .join('');
      entries.push({
        id: link,
        title: `【${status.ja}】${name}：${typeLabel}`,
        link,
        published: atomDate(entry.date),
        updated: atomDate(entry.recorded ?? entry.date),
        date: entry.date,
        demand: demandId(demand.letter, demand.number),
        status: entry.status,
        type: entry.type,
        summary: entry.summary,
        contentHtml: html,
        position,
      });
    }
  }
  entries.sort(
    (a, b) =>
      b.updated.localeCompare(a.updated) ||
      b.date.localeCompare(a.date) ||
      b.position - a.position ||
      a.demand.localeCompare(b.demand, 'en', { numeric: true }),
  );
  return entries.slice(0, limit).map(({ position: _position, ...entry }) => entry);
}

export interface AtomFeed<E extends AtomEntry = FeedEntry> {
  title: string;
  subtitle: string;
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  /** Absolute URL of the page the feed mirrors. */
  alternateUrl: string;
  author: string;
  entries: readonly E[];
}

/** Serializes an Atom 1.0 document (RFC 4287). */
export function renderAtom(feed: AtomFeed<AtomEntry>): string {
  const updated = feed.entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), atomDate('1970-01-01'));
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">',
    `  <id>${escapeXml(feed.selfUrl)}</id>`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <subtitle>${escapeXml(feed.subtitle)}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternateUrl)}"/>`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
    ...feed.entries.flatMap((entry) => [
      '  <entry>',
      `    <id>${escapeXml(entry.id)}</id>`,
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>`,
      `    <published>${entry.published}</published>`,
      `    <updated>${entry.updated}</updated>`,
      ...(entry.status
        ? [`    <category term="${escapeXml(entry.status)}" label="${escapeXml(STATUSES[entry.status].ja)}"/>`]
        : []),
      `    <summary type="text">${escapeXml(entry.summary)}</summary>`,
      `    <content type="html">${escapeXml(entry.contentHtml)}</content>`,
      '  </entry>',
    ]),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}

/** A demand's own feed: its whole history, newest first, to follow that one demand. */
export function demandFeed(
  demand: FeedDemand,
  letter: FeedLetter,
  origin: string,
  author: string,
  siteName: string,
): AtomFeed {
  const addressee = addresseeShort(letter.addressee);
  const name = `${addressee}宛 要求${labelInText(demand.label)}「${demand.shortTitle}」`;
  return {
    title: `${siteName}：${name}の経過`,
    subtitle: `${name}の経過（回答・懇談・談話など）を、新しい順に配信します。`,
    selfUrl: new URL(demandFeedUrl(demand.letter, demand.number), origin).href,
    alternateUrl: new URL(demandUrl(demand.letter, demand.number), origin).href,
    author,
    entries: feedEntries([demand], [letter], origin, Infinity),
  };
}
