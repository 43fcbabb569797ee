/**
 * The English section for the press: page data built from the entries (pages only render it), and the
 * English header and navigation strings in one place. Translations are the site's and unofficial.
 */
import type { Demand, Letter, Reference, TimelineEvent } from './schemas.ts';
import { STATUSES, STATUS_LIST, EVENT_TYPES_EN, type EventType, type StatusKey, type TimelineKind } from './status.ts';
import {
  dashboardRows,
  addresseeKeys,
  asOfRange,
  countByStatus,
  filterRows,
  TRACKER_PAGE_SIZE,
  type DashboardFilter,
} from './dashboard.ts';
import { LETTERS_PAGE_SIZE, pagesOf, type ListPage } from './paging.ts';
import { buildTimeline, timelineMonths } from './timeline.ts';
import { addresseeShort } from './letters.ts';
import { currentStatus, eventAnchors } from './history.ts';
import { formatDateEn } from './dates.ts';
import { latestCorrection } from './corrections.ts';
import {
  demandAnchor,
  demandUrl,
  englishDemandUrl,
  englishEventAnchor,
  englishHomeUrl,
  englishLetterUrl,
  englishReferenceUrl,
  englishUrl,
  letterUrl,
  referenceUrl,
  sitePath,
} from './urls.ts';

/** Header, navigation and notice strings of the English pages. */
export const EN_TEXTS = {
  siteName: 'Jichiroren My Number Card campaign tracker (English)',
  skipLink: 'Skip to content',
  navLabel: 'English section',
  nav: [
    { label: 'About the campaign', href: englishHomeUrl() },
    { label: 'Status of the demands', href: englishUrl('/status/') },
    { label: 'Timeline', href: englishUrl('/timeline/') },
    { label: 'Search', href: englishUrl('/search/') },
  ],
  japaneseSite: '日本語のサイト（Japanese site）',
  unofficial: 'Unofficial translation. The Japanese original is authoritative:',
  unofficialSummary: 'Unofficial summary by this site. The Japanese text is authoritative:',
  japaneseOriginal: 'Japanese original',
  noTranslation: 'No English translation yet; see the Japanese original.',
  /** Where a page's texts were corrected; the details are in Japanese on /corrections/. */
  corrected: (date: string) => `Texts on this page were corrected on ${formatDateEn(date)}.`,
  correctionsLink: 'See the corrections log (in Japanese)',
  archivedCopy: 'archived copy',
  footer:
    'Published by Jichiroren (Japan Federation of Prefectural and Municipal Workers’ Unions). The letters and the regulation are published in Japanese in their original words; English texts on these pages are the site’s unofficial translations and summaries.',
  corrections: 'Corrections log (in Japanese): every correction of what this site had published',
} as const;

/** Link text shown on each Japanese page to its English version. */
export const ENGLISH_LINK_JA = 'English';

/** The hreflang pair of a page: Japanese original and its English version (x-default is the Japanese). */
export interface Alternates {
  ja: string;
  en: string;
}

const statusLabel = (demand: Demand) => {
  const info = STATUSES[currentStatus(demand.statusHistory)];
  return { key: info.key, label: info.en, symbol: info.symbol, definition: info.definitionEn };
};

/** A letter's English heading: its title, after the addressee's name where given (two letters may share a title). */
const letterHeadingEn = (letter: Letter): string => {
  const title = letter.english?.title ?? letter.title;
  return letter.english?.addressee ? `Letter to ${letter.english.addressee}: ${title}` : title;
};

/** One demand as the English pages show it. */
export function englishDemand(demand: Demand) {
  const anchors = eventAnchors(demand.statusHistory);
  return {
    anchor: demandAnchor(demand.number),
    number: demand.number,
    label: demand.label,
    translated: demand.english !== undefined,
    shortTitle: demand.english?.shortTitle ?? null,
    text: demand.english?.text ?? null,
    japaneseText: demand.text,
    status: statusLabel(demand),
    url: englishDemandUrl(demand.letter, demand.number),
    japaneseUrl: demandUrl(demand.letter, demand.number),
    history: demand.statusHistory.map((entry, index) => ({
      /** Its place on the letter's English page (the Japanese page's event anchor, after the demand's). */
      anchor: englishEventAnchor(demand.number, anchors[index]!),
      date: entry.date,
      dateText: formatDateEn(entry.date),
      type: EVENT_TYPES_EN[entry.type],
      status: STATUSES[entry.status].en,
      summary: entry.summaryEn ?? null,
      sources: entry.sources,
    })),
  };
}

/** A letter's English page: its summary and every demand of it, in number order. */
export function englishLetterPage(slug: string, letter: Letter, demands: readonly Demand[]) {
  return {
    slug,
    title: letterHeadingEn(letter),
    japaneseTitle: letter.title,
    summary: letter.english?.summary ?? null,
    date: letter.date,
    dateText: formatDateEn(letter.date),
    url: englishLetterUrl(slug),
    japaneseUrl: letterUrl(slug),
    /** The latest correction of the letter or one of its demands (訂正履歴), or null. */
    correctedOn: latestCorrection([
      ...letter.corrections,
      ...demands.filter((d) => d.letter === slug).flatMap((d) => d.corrections),
    ]),
    demands: demands
      .filter((d) => d.letter === slug)
      .toSorted((a, b) => a.number - b.number)
      .map(englishDemand),
  };
}

/** A letter as the English lists show it (/en/ and /en/letters/): no demands, so a list stays small. */
export function englishLetterItem(slug: string, letter: Letter) {
  return {
    slug,
    title: letterHeadingEn(letter),
    summary: letter.english?.summary ?? null,
    date: letter.date,
    dateText: formatDateEn(letter.date),
    url: englishLetterUrl(slug),
  };
}

/** The English list of the letters: /en/letters/, /en/letters/2/ … (pages exist only past one page). */
export const englishLettersUrl = (): string => englishUrl('/letters/');

/**
 * What the English home page lists of the letters (issue 32: the page stays small at 1,000 letters):
 * all of them while they fit one page of /letters/ (LETTERS_PAGE_SIZE), else the most recent page's
 * worth and a link to the full English list in pages. Letters in date order, by year when they span
 * several.
 */
export function englishHomeLetters(letters: readonly { id: string; data: Letter }[], max: number = LETTERS_PAGE_SIZE) {
  const items = letters.map((l) => englishLetterItem(l.id, l.data)).sort((a, b) => a.date.localeCompare(b.date));
  const shown = items.slice(Math.max(0, items.length - max));
  return { total: items.length, shown: shown.length, years: lettersByYear(shown, items), allUrl: englishLettersUrl() };
}

/**
 * Letters grouped by year, oldest first; `years` is null when the whole list (`all`) is within one
 * year, so that a page shows no year heading then (as /letters/ does).
 */
export function lettersByYear<T extends { date: string }>(
  items: readonly T[],
  all: readonly { date: string }[] = items,
) {
  const severalYears = new Set(all.map((l) => l.date.slice(0, 4))).size > 1;
  return {
    severalYears,
    groups: [...Map.groupBy(items, (l) => l.date.slice(0, 4))].map(([year, list]) => ({ year, list })),
  };
}

/** "of the amendment of 21 May 2018" for a 附則 whose qualifier names an amendment, else null. */
function amendmentOf(reference: Reference, qualifier: string | undefined): string | null {
  if (!qualifier) return null;
  const amendment = reference.amendments.find((a) => qualifier.includes(a.written) && qualifier.includes(a.number));
  return amendment ? `of the amendment of ${formatDateEn(amendment.date)}` : null;
}

/** A reference's English page: its summary and one summary per article and for the 附則. */
export function englishReferencePage(id: string, reference: Reference) {
  return {
    id,
    title: reference.english?.title ?? reference.title,
    japaneseTitle: reference.title,
    summary: reference.english?.summary ?? null,
    url: englishReferenceUrl(id),
    japaneseUrl: referenceUrl(id),
    /** The latest correction of the reference (訂正履歴), or null. */
    correctedOn: latestCorrection(reference.corrections),
    articles: reference.chapters.flatMap((chapter) =>
      chapter.articles.map((article) => ({
        heading: `Article ${article.number}`,
        /** The English caption; the Japanese one is kept for the page to give beside it when none is written. */
        captionEn: article.captionEn ?? null,
        caption: article.caption,
        summary: article.summaryEn ?? null,
        anchor: `article-${article.number}`,
      })),
    ),
    supplementary: reference.supplementary.map((s) => ({
      qualifier: s.qualifier ?? null,
      /** The amendment a 附則 belongs to, in English (its qualifier names one of the amendments). */
      amendmentEn: amendmentOf(reference, s.qualifier),
      summary: s.summaryEn ?? null,
    })),
  };
}

/**
 * Every English page with its Japanese original, for the hreflang pairs. A demand's English is a
 * section of its letter's English page, not a page: its Japanese page links that section
 * (englishDemandUrl) but has no hreflang pair, which must name two pages that point at each other.
 */
export function englishPages(
  letters: readonly { id: string; data: Letter }[],
  references: readonly { id: string }[],
): Alternates[] {
  return [
    { ja: sitePath('/'), en: englishHomeUrl() },
    ...letters.map((l) => ({ ja: letterUrl(l.id), en: englishLetterUrl(l.id) })),
    ...references.map((r) => ({ ja: referenceUrl(r.id), en: englishReferenceUrl(r.id) })),
  ];
}

/**
 * The English version of a Japanese page that has one but does not pass `alternates` itself (the
 * status tracker, the timeline), for the layout's "English" link; null when there is none.
 */
export function englishVersionOf(pathname: string): string | null {
  for (const route of ['/status/', '/timeline/', '/search/'])
    if (pathname === sitePath(route)) return englishUrl(route);
  return null;
}

/** English labels of the timeline's event kinds (status.ts TIMELINE_KINDS). */
const TIMELINE_KINDS_EN: Readonly<Record<TimelineKind, string>> = {
  policy: 'Government and agencies',
  campaign: 'Union action',
  press: 'Press',
  other: 'Other',
};

/** The English status pages' filters: by addressee or by status, each a page of its own (no JavaScript). */
const EN_STATUS_DIMENSIONS = ['addressee', 'status'] as const;
export type EnglishStatusDimension = (typeof EN_STATUS_DIMENSIONS)[number];

/** /en/status/, or the page of one filter: /en/status/by-status/stalled/. */
export const englishStatusUrl = (dimension?: EnglishStatusDimension, value?: string): string =>
  englishUrl(dimension && value ? `/status/by-${dimension}/${value}/` : '/status/');

type LetterEntry = { slug: string } & Letter;

/**
 * Every demand as /en/status/ lists it (the Japanese tracker's rows, dashboard.ts, in English): its
 * English title (or a note that there is none), its status in English, its latest event and the date
 * the status is known to hold at; and the filters, each with its count and the page that shows it.
 */
export function englishStatusPage(
  letters: readonly LetterEntry[],
  demands: readonly Demand[],
  today: string,
  filter: DashboardFilter = {},
) {
  const all = dashboardRows(letters, demands, today);
  const byId = new Map<string, Demand>(demands.map((d) => [`${d.letter}/${d.number}`, d]));
  const letterBySlug = new Map(letters.map((l) => [l.slug, l] as const));
  const rows = filterRows(all, filter).map((row) => {
    const demand = byId.get(row.id)!;
    const english = englishDemand(demand);
    const last = english.history.at(-1)!;
    const letter = letterBySlug.get(row.letter)!;
    return {
      id: row.id,
      label: row.label,
      shortTitle: english.shortTitle,
      japaneseTitle: row.shortTitle,
      addressee: row.addresseeName,
      letterDate: formatDateEn(letter.date),
      status: english.status,
      asOf: row.asOf,
      asOfText: formatDateEn(row.asOf),
      latest: { ...last, url: englishEventUrlOf(demand.letter, last.anchor) },
      url: english.url,
      japaneseUrl: english.japaneseUrl,
    };
  });
  const keys = addresseeKeys(letters);
  const addressees = [...new Map(letters.map((l) => [keys.get(l.slug)!, addresseeShort(l.addressee)] as const))];
  const counts = countByStatus(all);
  const range = asOfRange(rows);
  return {
    rows,
    total: all.length,
    asOf: range && { oldest: formatDateEn(range.oldest), newest: formatDateEn(range.newest), iso: range.newest },
    filters: {
      addressee: addressees.map(([key, name]) => ({
        value: key,
        label: name,
        count: all.filter((r) => r.addressee === key).length,
        url: englishStatusUrl('addressee', key),
        current: filter.addressee === key,
      })),
      status: STATUS_LIST.filter((info) => counts[info.key] > 0 || filter.status === info.key).map((info) => ({
        value: info.key,
        label: info.en,
        symbol: info.symbol,
        count: counts[info.key],
        url: englishStatusUrl('status', info.key),
        current: filter.status === info.key,
      })),
    },
  };
}

const englishEventUrlOf = (letterSlug: string, anchor: string): string => `${englishLetterUrl(letterSlug)}#${anchor}`;

/** The pages of the English status filters: one per addressee and per status that has demands. */
export function englishStatusFilterPages(letters: readonly LetterEntry[], demands: readonly Demand[], today: string) {
  const rows = dashboardRows(letters, demands, today);
  const statuses = new Set<StatusKey>(rows.map((r) => r.status));
  return [
    ...[...new Set(addresseeKeys(letters).values())].map((value) => ({ dimension: 'addressee' as const, value })),
    ...STATUS_LIST.filter((s) => statuses.has(s.key)).map((s) => ({ dimension: 'status' as const, value: s.key })),
  ];
}

/** Demands per page of /en/status/ and its filter pages: the Japanese tracker's page size. */
export const EN_STATUS_PAGE_SIZE = TRACKER_PAGE_SIZE;

type EnglishStatusList = ReturnType<typeof englishStatusPage>;

/** One page of an English status list (issue 32: no page over 512 KB at 1,000 letters). */
export interface EnglishStatusListPage {
  /** The whole list: its filters, counts and every matching row. */
  list: EnglishStatusList;
  /** The rows this page shows. */
  page: ListPage<EnglishStatusList['rows'][number]>;
  /** The list's first page (later pages at <base>2/ …). */
  base: string;
  /** 1-based position of this page's first row in the list. */
  from: number;
}

/**
 * The pages of /en/status/ (no filter) or of one filter page (/en/status/by-status/stalled/), `size`
 * demands a page: one page, and so no pagination control, while the list fits.
 */
export function englishStatusListPages(
  letters: readonly LetterEntry[],
  demands: readonly Demand[],
  today: string,
  filter: { dimension: EnglishStatusDimension; value: string } | undefined = undefined,
  size: number = EN_STATUS_PAGE_SIZE,
): EnglishStatusListPage[] {
  const list = englishStatusPage(letters, demands, today, filter ? { [filter.dimension]: filter.value } : {});
  const base = filter ? englishStatusUrl(filter.dimension, filter.value) : englishStatusUrl();
  return pagesOf(list.rows, size).map((page) => ({ list, page, base, from: (page.number - 1) * size + 1 }));
}

/** What an English status filter page shows, as its heading. */
export function englishFilterHeading(
  page: ReturnType<typeof englishStatusPage>,
  dimension: EnglishStatusDimension,
  value: string,
): { text: string; japanese?: string } {
  if (dimension === 'status') return { text: `Demands with the status “${STATUSES[value as StatusKey]?.en ?? value}”` };
  const name = page.filters.addressee.find((f) => f.value === value)?.label ?? value;
  return { text: 'Demands addressed to', japanese: name };
}

/**
 * The campaign timeline in English (/en/timeline/): the context events that have an English title and
 * summary (the others are listed with a note and their Japanese), and the demands' history grouped as
 * on /timeline/ (timeline.ts), each demand's entry in English where it has one.
 */
export function englishTimeline(
  events: readonly ({ id: string } & TimelineEvent)[],
  demands: readonly Demand[],
  letters: readonly LetterEntry[],
) {
  const byId = new Map<string, Demand>(demands.map((d) => [`${d.letter}/${d.number}`, d]));
  const eventById = new Map<string, { id: string } & TimelineEvent>(events.map((e) => [`event-${e.id}`, e]));
  const letterBySlug = new Map(letters.map((l) => [l.slug, l] as const));
  const items = buildTimeline(events, demands, letters).map((item) => {
    const event = eventById.get(item.id);
    const demandsEn = item.demands.map((ref) => {
      const demand = byId.get(ref.id)!;
      const english = englishDemand(demand);
      // The history entry this reference is: the one its link on the demand's page points at.
      const anchor = ref.url.slice(ref.url.indexOf('#') + 1);
      const entry = english.history[eventAnchors(demand.statusHistory).indexOf(anchor)];
      return {
        id: ref.id,
        label: demand.label,
        shortTitle: english.shortTitle,
        japaneseTitle: demand.shortTitle,
        status: STATUSES[ref.status].en,
        summary: entry?.summary ?? null,
        url: entry ? englishEventUrlOf(demand.letter, entry.anchor) : english.url,
      };
    });
    // Each addressee once: at 1,000 letters one day's item concerns hundreds of letters to the same two.
    const addressees = [
      ...new Set(
        item.letters.map((slug) => {
          const letter = letterBySlug.get(slug);
          return letter ? addresseeShort(letter.addressee) : slug;
        }),
      ),
    ];
    return {
      id: item.id,
      date: item.date,
      dateText: formatDateEn(item.date),
      origin: item.origin,
      kindLabel:
        item.origin === 'event'
          ? (TIMELINE_KINDS_EN[item.kind as TimelineKind] ?? item.kind)
          : (EVENT_TYPES_EN[item.kind as EventType] ?? item.kind),
      /** The English title; null for an event not translated yet (the Japanese title is shown then). */
      title:
        item.origin === 'event'
          ? (event?.english?.title ?? null)
          : (EVENT_TYPES_EN[item.kind as EventType] ?? item.kind),
      japaneseTitle: item.title,
      summary: item.origin === 'event' ? (event?.english?.summary ?? null) : null,
      japaneseSummary: item.summary ?? null,
      addressees,
      demands: demandsEn,
      sources: item.sources.map((s) => ({ ...s, url: s.url ?? (s.letter ? englishLetterUrl(s.letter) : undefined) })),
    };
  });
  return {
    items,
    months: timelineMonths(items).map((m) => ({
      ...m,
      label: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${m.key}-01T00:00:00Z`),
      ),
    })),
  };
}
