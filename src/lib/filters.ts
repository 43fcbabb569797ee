/**
 * What a tracker filter means, shared by the pages (pre-filtered rows, links) and the browser script
 * (instant filtering). Kept apart from dashboard.ts so the script carries no more than this.
 */
import { isStatusKey } from './status.ts';
import { letterUrl, sitePath } from './urls.ts';

/** Dimensions the tracker filters on. */
export const FILTER_DIMENSIONS = ['letter', 'addressee', 'status'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];
export type DashboardFilter = Partial<Record<FilterDimension, string>>;

/** Whether a row passes every filter that is set. */
export function matchesFilter(row: Readonly<Record<FilterDimension, string>>, filter: DashboardFilter): boolean {
  return FILTER_DIMENSIONS.every((dimension) => !filter[dimension] || row[dimension] === filter[dimension]);
}

export function filterRows<R extends Readonly<Record<FilterDimension, string>>>(
  rows: readonly R[],
  filter: DashboardFilter,
): R[] {
  return rows.filter((row) => matchesFilter(row, filter));
}

/** Reads ?letter=…&addressee=…&status=… (unknown keys and empty or malformed values are ignored). */
export function parseFilterQuery(search: string): DashboardFilter {
  const params = new URLSearchParams(search);
  const filter: DashboardFilter = {};
  for (const dimension of FILTER_DIMENSIONS) {
    const value = params.get(dimension)?.trim();
    if (!value || !/^[a-z0-9_-]+$/.test(value)) continue;
    if (dimension === 'status' && !isStatusKey(value)) continue;
    filter[dimension] = value;
  }
  return filter;
}

/** The query string of a filter, in a fixed order ('' when nothing is set). */
export function filterQuery(filter: DashboardFilter): string {
  const params = new URLSearchParams();
  for (const dimension of FILTER_DIMENSIONS) if (filter[dimension]) params.set(dimension, filter[dimension]!);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * Dimensions with a pre-filtered page per value. A letter has none: its own page lists its demands
 * with their status, and a tracker page per letter was 1,000 more files at 1,000 letters, past a free
 * static host's 20,000 with the rest (issue 10). Without JavaScript a letter's filter link opens the
 * letter's demands; with it, the tracker filters in place (/status/?letter=…).
 */
export const PAGED_DIMENSIONS = ['addressee', 'status'] as const satisfies readonly FilterDimension[];
/** Where a letter's own page lists its demands. */
export const LETTER_DEMANDS_ANCHOR = 'demands';

/** Path segments of the pre-filtered pages that serve the filters without JavaScript. */
export const FILTER_SEGMENTS: Readonly<Record<FilterDimension, string>> = {
  letter: 'by-letter',
  addressee: 'by-addressee',
  status: 'by-status',
};

/**
 * The page showing one filter without JavaScript: /status/by-status/stalled/; /status/ for none; a
 * letter's demands on its own page for a letter.
 */
export function filterPagePath(dimension?: FilterDimension, value?: string): string {
  if (dimension === 'letter' && value) return `${letterUrl(value)}#${LETTER_DEMANDS_ANCHOR}`;
  return sitePath(dimension && value ? `/status/${FILTER_SEGMENTS[dimension]}/${value}/` : '/status/');
}

/** The index page of one dimension's values, each with its counts: /status/by-letter/. */
export function filterIndexPath(dimension: FilterDimension): string {
  return sitePath(`/status/${FILTER_SEGMENTS[dimension]}/`);
}

/**
 * Whether every row `next` shows is already on a page pre-filtered by `page`: then the script can
 * filter in place; otherwise it has to open a page that holds those rows (filterHref).
 */
export function narrows(next: DashboardFilter, page: DashboardFilter): boolean {
  return FILTER_DIMENSIONS.every((dimension) => !page[dimension] || next[dimension] === page[dimension]);
}

/**
 * The address that shows `filter` in full: the pre-filtered page for a single filter of a paged
 * dimension (it works without JavaScript), /status/ with the query otherwise (the tracker holds every row).
 */
export function filterHref(filter: DashboardFilter): string {
  const set = FILTER_DIMENSIONS.filter((dimension) => filter[dimension]);
  if (set.length === 1 && set[0] !== 'letter') return filterPagePath(set[0], filter[set[0]!]);
  return `${sitePath('/status/')}${filterQuery(filter)}`;
}

/**
 * What one page of a long list shows: 「全4500件のうち2000件の要求の、1〜100件目を表示しています。」; the
 * plain summary when the page shows every matching demand.
 */
export function pageSummary(matching: number, total: number, from: number, to: number): string {
  if (to - from + 1 >= matching) return filterSummary(matching, total);
  const which = matching === total ? `全${total}件の要求の` : `全${total}件のうち${matching}件の要求の`;
  return `${which}、${from}〜${to}件目を表示しています。`;
}

/** "9件中3件" style summary of what a filter shows. */
export function filterSummary(shown: number, total: number): string {
  return shown === total
    ? `全${total}件の要求を表示しています。`
    : `全${total}件のうち${shown}件の要求を表示しています。`;
}
