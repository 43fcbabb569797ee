/**
 * The public corrections log (訂正履歴). Any content file may carry `corrections` (CorrectionSchema):
 * the date, where, what it said, what it says now, and why. Each page shows its own corrections
 * (「この内容は…に訂正しました」); /corrections/ collects them all, newest first, with an Atom feed
 * written by src/lib/feed.ts's renderAtom. Entries come in as arguments: this module reads no files.
 */
import type { Correction } from './schemas.ts';
import { formatDateJa } from './dates.ts';
import { addresseeShort, labelInText, type AddresseeName } from './letters.ts';
import { atomDate, escapeXml, FEED_ENTRIES_MAX, type AtomFeed, type AtomEntry } from './feed.ts';
import { demandUrl, letterUrl, referenceUrl, sitePath } from './urls.ts';
import { checkedContent } from './content/astro-loader.ts';
import { timelineYearPath } from './timeline.ts';
import { pageHref, pagesOf, type ListPage } from './paging.ts';

/** The corrections page and its feed. */
const CORRECTIONS_PATH = '/corrections/';
const CORRECTIONS_FEED_PATH = '/corrections/feed.xml';
export const correctionsUrl = (): string => sitePath(CORRECTIONS_PATH);
export const correctionsFeedUrl = (): string => sitePath(CORRECTIONS_FEED_PATH);

/** What a page shows above a corrected text: 「この内容は2026年12月6日に訂正しました」. */
export function correctionNotice(date: string): string {
  return `この内容は${formatDateJa(date)}に訂正しました`;
}

/** The content a corrections log is drawn from (as the collections give it: id and data). */
export interface CorrectionSources {
  letters: readonly {
    id: string;
    data: { date: string; addressee: AddresseeName; corrections: readonly Correction[] };
  }[];
  demands: readonly {
    data: {
      letter: string;
      number: number;
      label: string;
      shortTitle: string;
      corrections: readonly Correction[];
      /** Its events' dates: the timeline's newest year decides which page shows an event. */
      statusHistory?: readonly { date: string }[];
    };
  }[];
  references: readonly { id: string; data: { shortTitle: string; corrections: readonly Correction[] } }[];
  timeline: readonly { id: string; data: { date: string; title: string; corrections: readonly Correction[] } }[];
  /** The site's own texts (content/site.yaml): corrections of pages, search and labels outside content/. */
  site?: { corrections: readonly Correction[] } | undefined;
}

/** One correction with the page it belongs to. */
interface CorrectionRecord extends Omit<Correction, 'page'> {
  /** Id on /corrections/ (and the feed entry's fragment): correction-<date>-<page key>-<n>. */
  anchor: string;
  /** The corrected page's path (base included), or null for a correction of the site as a whole. */
  page: string | null;
  /** The page's name as the log shows it. */
  pageTitle: string;
}

/** On one day, the regulation's corrections first (the site's legal annotations), then the site's own texts, letters, demands, timeline. */
const KIND_ORDER = ['reference', 'site', 'letter', 'demand', 'timeline'] as const;
const kindOf = (key: string) => key.split('-')[0] as (typeof KIND_ORDER)[number];

const slugPart = (text: string): string => text.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');

/**
 * Every correction of the content, newest first; on one day, by kind of page (KIND_ORDER), by page, then
 * in the file's order. An
 * anchor is derived from the page and the correction's place among that page's corrections of that day,
 * so it stays when other pages are corrected.
 */
export function collectCorrections(content: CorrectionSources): CorrectionRecord[] {
  const letterNames = new Map(
    content.letters.map((l) => [l.id, { date: l.data.date, addressee: addresseeShort(l.data.addressee) }] as const),
  );
  // The timeline's newest year (events and demand histories) is at /timeline/, the others at /timeline/<year>/.
  const newestYear = [
    ...content.timeline.map((t) => t.data.date),
    ...content.demands.flatMap((d) => (d.data.statusHistory ?? []).map((e) => e.date)),
  ]
    .map((date) => date.slice(0, 4))
    .reduce((a, b) => (b > a ? b : a), '');
  const groups: { key: string; page: string | null; pageTitle: string; corrections: readonly Correction[] }[] = [
    ...content.letters.map((l) => ({
      key: `letter-${l.id}`,
      page: letterUrl(l.id),
      pageTitle: `${formatDateJa(l.data.date)}の${addresseeShort(l.data.addressee)}宛要請書`,
      corrections: l.data.corrections,
    })),
    ...content.demands.map(({ data: d }) => ({
      key: `demand-${d.letter}-${d.number}`,
      page: demandUrl(d.letter, d.number),
      pageTitle: `${letterNames.get(d.letter)?.addressee ?? d.letter}宛 要求${labelInText(d.label)}「${d.shortTitle}」`,
      corrections: d.corrections,
    })),
    ...content.references.map((r) => ({
      key: `reference-${r.id}`,
      page: referenceUrl(r.id),
      pageTitle: r.data.shortTitle,
      corrections: r.data.corrections,
    })),
    ...content.timeline.map((t) => ({
      key: `timeline-${t.id}`,
      page: `${sitePath(timelineYearPath(t.data.date.slice(0, 4), newestYear))}#event-${t.id}`,
      pageTitle: `経過「${t.data.title}」`,
      corrections: t.data.corrections,
    })),
    // The site's own texts: each correction may name the page showing the text (`page`).
    ...(content.site?.corrections ?? []).map((correction) => ({
      key: 'site',
      page: correction.page ? sitePath(correction.page) : null,
      pageTitle: correction.page ? `サイト（${correction.page}）` : 'サイト全体',
      corrections: [correction],
    })),
  ];
  const records: (CorrectionRecord & { key: string; position: number })[] = [];
  // Numbered per file and day, and ordered by place in the file (the site's texts come one group each).
  const perDay = new Map<string, number>();
  const perFile = new Map<string, number>();
  for (const group of groups) {
    group.corrections.forEach((correction) => {
      const n = (perDay.get(`${group.key} ${correction.date}`) ?? 0) + 1;
      perDay.set(`${group.key} ${correction.date}`, n);
      const position = perFile.get(group.key) ?? 0;
      perFile.set(group.key, position + 1);
      records.push({
        ...correction,
        anchor: `correction-${correction.date}-${slugPart(group.key)}-${n}`,
        page: group.page,
        pageTitle: group.pageTitle,
        key: group.key,
        position,
      });
    });
  }
  records.sort(
    (a, b) =>
      b.date.localeCompare(a.date) ||
      KIND_ORDER.indexOf(kindOf(a.key)) - KIND_ORDER.indexOf(kindOf(b.key)) ||
      a.key.localeCompare(b.key, 'en', { numeric: true }) ||
      a.position - b.position,
  );
  return records.map(({ key: _key, position: _position, ...record }) => record);
}

/** The site-wide corrections (content/site.yaml) that name the page at `route` (/en/). */
export function siteCorrectionsOn(route: string, site: { corrections: readonly Correction[] }): Correction[] {
  return site.corrections.filter((c) => c.page === route);
}

/** The latest correction date of a page's corrections, or null when it has none. */
export function latestCorrection(corrections: readonly Correction[]): string | null {
  return corrections.reduce<string | null>((latest, c) => (latest === null || c.date > latest ? c.date : latest), null);
}

/** The corrections of a regulation's article n: those whose location starts with 第n条 (第20条のあらまし). */
export function articleCorrections(corrections: readonly Correction[], article: number): Correction[] {
  return corrections.filter((c) => new RegExp(`^第${article}条(?![0-9０-９])`).test(c.location.trim()));
}

/** A page's corrections, newest first (as its notice lists them). */
export function pageCorrections(corrections: readonly Correction[]): Correction[] {
  return corrections.toSorted((a, b) => b.date.localeCompare(a.date));
}

/**
 * Corrections per page of /corrections/ (issue 32: at 1,000 letters copied from today's, one page of the
 * whole log was 5 MB). Newest first, so the latest corrections are on /corrections/ itself.
 */
export const CORRECTIONS_PAGE_SIZE = 100;

/** The log's pages: /corrections/, /corrections/2/ …; an empty log is one empty page. */
export function correctionPages(
  records: readonly CorrectionRecord[],
  size: number = CORRECTIONS_PAGE_SIZE,
): ListPage<CorrectionRecord>[] {
  return pagesOf(records, size);
}

/** Where the log (newest first) shows its record number `index` (0-based): its page and anchor. */
export function correctionHref(index: number, anchor: string, size: number = CORRECTIONS_PAGE_SIZE): string {
  return `${pageHref(correctionsUrl(), Math.floor(index / size) + 1)}#${anchor}`;
}

/**
 * The corrections log as an Atom feed: one entry per correction, newest first, linking to its place on
 * the log's pages; its id stays /corrections/#anchor when newer corrections move it to a later page.
 */
export function correctionsFeed(
  records: readonly CorrectionRecord[],
  origin: string,
  options: { title: string; author: string },
): AtomFeed<AtomEntry> {
  const log = new URL(correctionsUrl(), origin).href;
  // The newest FEED_ENTRIES_MAX, as the site's feed: at 1,000 letters the whole log made a 9.4 MB feed.
  const entries: AtomEntry[] = records.slice(0, FEED_ENTRIES_MAX).map((record, index) => {
    const id = `${log}#${record.anchor}`;
    const link = new URL(correctionHref(index, record.anchor), origin).href;
    const page = record.page ? new URL(record.page, origin).href : null;
    const html = [
      `<p>${escapeXml(correctionNotice(record.date))}：${escapeXml(record.pageTitle)}（${escapeXml(record.location)}）</p>`,
      `<p>訂正前：${escapeXml(record.before)}</p>`,
      `<p>訂正後：${escapeXml(record.after)}</p>`,
      `<p>理由：${escapeXml(record.reason)}</p>`,
      page ? `<p><a href="${escapeXml(page)}">${escapeXml(record.pageTitle)}のページ</a></p>` : '',
    ].join('');
    return {
      id,
      title: `【訂正】${record.pageTitle}：${record.location}`,
      link,
      published: atomDate(record.date),
      updated: atomDate(record.date),
      summary: `${record.location}を訂正しました。${record.after}`,
      contentHtml: html,
    };
  });
  return {
    title: options.title,
    subtitle:
      'このサイトが公開した内容の訂正を、新しい順に配信します。何が誤りで、いまは何と書き、なぜ直したかを記録しています。',
    selfUrl: new URL(correctionsFeedUrl(), origin).href,
    alternateUrl: log,
    author: options.author,
    entries,
  };
}

/** Every correction of the project at `root` (the build's, by default), read through the content check. */
export function contentCorrections(root: string = process.cwd()): CorrectionRecord[] {
  const content = checkedContent(root);
  const entries = <T>(map: Map<string, { data: T }>) => [...map].map(([id, { data }]) => ({ id, data }));
  return collectCorrections({
    letters: entries(content.letters),
    demands: entries(content.demands),
    references: entries(content.references),
    timeline: entries(content.timeline),
    site: content.site.get('site')?.data,
  });
}
