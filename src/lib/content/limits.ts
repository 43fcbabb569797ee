/**
 * The content rules' numbers and lists, written once. The schemas (src/lib/schemas.ts), the content
 * check, the organizers' command, the editor's configuration and the guide read them from here.
 *
 * Lengths count characters as readers see them: grapheme clusters (Intl.Segmenter), so 👍🏽 or a
 * family emoji counts 1, and a letter with a combining accent counts 1 (`charCount`).
 */

/** Most characters per field (graphemes; see charCount). */
export const MAX_CHARS = {
  /** A history entry's summary (HistoryEntrySchema.summary). */
  summary: 200,
  /** A demand's short title for tables. */
  shortTitle: 40,
  /** A demand's short title in English. */
  shortTitleEn: 80,
  /** A campaign-timeline event's heading. */
  timelineTitle: 80,
  /** A campaign-timeline event's summary. */
  timelineSummary: 300,
  /** A source's title (demand histories, timeline events, originals). */
  sourceTitle: 200,
  /** The site's full name (site.yaml). */
  siteName: 80,
  /** The site's short name (site.yaml). */
  siteShortName: 30,
  /** Descriptions for search engines and link previews, and the feed's subtitle (site.yaml). */
  description: 300,
} as const;

/** Schemes a source's address (`url` of a source or an original) may use. */
export const SOURCE_URL_SCHEMES = ['http', 'https'] as const;

/** Schemes a link in a Markdown/MDX body may use; relative and root-relative (same-site) links are allowed too. */
export const BODY_LINK_SCHEMES = ['http', 'https', 'mailto'] as const;

/**
 * The earliest date content may carry: Japan adopted the Gregorian calendar on 明治6年1月1日, so an
 * earlier era date (`written`) cannot be compared with an ISO date.
 */
export const EARLIEST_DATE = '1873-01-01';

/** Larger files are refused before they are parsed (a letter is a few kB; the regulation about 30 kB). */
export const MAX_FILE_BYTES = 1_000_000;

const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' });

/** Characters as readers see them (grapheme clusters): the unit of every length limit. */
export function charCount(value: string): number {
  let count = 0;
  for (const _ of graphemes.segment(value)) count++;
  return count;
}
