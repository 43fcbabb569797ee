/**
 * The English section for the press: page data built from the entries (pages only render it), and the
 * English header and navigation strings in one place. Translations are the site's and unofficial.
 */
import type { Demand, Letter, Reference } from './schemas.ts';
import { STATUSES, EVENT_TYPES_EN } from './status.ts';
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
  letterUrl,
  referenceUrl,
  sitePath,
} from './urls.ts';

/** Header, navigation and notice strings of the English pages. */
export const EN_TEXTS = {
  siteName: 'Jichiroren My Number Card campaign tracker (English)',
  skipLink: 'Skip to content',
  navLabel: 'English section',
  nav: [{ label: 'About the campaign', href: englishHomeUrl() }],
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
