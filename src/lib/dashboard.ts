/**
 * The status tracker (/status/): one row per demand, counts by status, a letter × status overview and
 * the filters. Pure functions over plain data. The filters themselves live in filters.ts, which the
 * browser script imports too, so the page and the script agree on what a filter means.
 */
import { EVENT_TYPES, STATUS_KEYS, STATUS_LIST, type EventType, type StatusKey } from './status.ts';
import { currentStatus, lastUpdated, isOverdue, statusAsOf, historySteps, type HistoryLike } from './history.ts';
import { demandId, demandUrl, letterUrl } from './urls.ts';
import { filterIndexPath, type FilterDimension } from './filters.ts';
import { addresseeShort, type AddresseeName } from './letters.ts';
export * from './filters.ts';

export interface DashboardLetter {
  /** The letter's slug (folder name). */
  slug: string;
  title: string;
  date: string;
  responseDue?: string | undefined;
  addressee: AddresseeName;
}

export interface DashboardDemand {
  letter: string;
  number: number;
  label: string;
  shortTitle: string;
  statusHistory: readonly (HistoryLike & { type: string; summary: string })[];
  lastChecked: string;
}

/** The latest event of a demand, as the tracker shows it: what set the current status. */
interface LatestEvent {
  date: string;
  /** Japanese label of the event type (回答, 談話…). */
  typeLabel: string;
  summary: string;
  /** The event on the demand's page. */
  url: string;
}

export interface DashboardRow {
  /** `<letter-slug>/<n>`: also the row's data-demand. */
  id: string;
  letter: string;
  letterDate: string;
  letterUrl: string;
  /** Key of the addressee filter (see addresseeKeys). */
  addressee: string;
  addresseeName: string;
  number: number;
  label: string;
  shortTitle: string;
  url: string;
  status: StatusKey;
  lastUpdated: string;
  /** The date the status is known to hold at (last check or last event, whichever is later). */
  asOf: string;
  latest: LatestEvent;
  overdue: boolean;
}

const addresseeName = (letter: DashboardLetter): string => addresseeShort(letter.addressee);

/**
 * A URL-safe key per addressee organisation: the slug of its earliest letter without the date
 * (<date>-soumu → soumu), so that several letters to one addressee share one filter.
 */
export function addresseeKeys(letters: readonly DashboardLetter[]): Map<string, string> {
  const byOrganization = new Map<string, string>();
  const keys = new Map<string, string>();
  for (const letter of [...letters].sort((a, b) => a.date.localeCompare(b.date) || a.slug.localeCompare(b.slug))) {
    let key = byOrganization.get(letter.addressee.organization);
    if (!key) {
      const base = letter.slug.replace(/^\d{4}-\d{2}-\d{2}-/, '') || letter.slug;
      key = base;
      for (let n = 2; [...byOrganization.values()].includes(key); n++) key = `${base}-${n}`;
      byOrganization.set(letter.addressee.organization, key);
    }
    keys.set(letter.slug, key);
  }
  return keys;
}

/** One row per demand, letters in date order and demands in printed order. */
export function dashboardRows(
  letters: readonly DashboardLetter[],
  demands: readonly DashboardDemand[],
  today: string,
): DashboardRow[] {
  const bySlug = new Map(letters.map((letter) => [letter.slug, letter] as const));
  const keys = addresseeKeys(letters);
  const rows: DashboardRow[] = [];
  for (const demand of demands) {
    const letter = bySlug.get(demand.letter);
    if (!letter) throw new Error(`Demand ${demandId(demand.letter, demand.number)} names an unknown letter`);
    const status = currentStatus(demand.statusHistory);
    const { entry: last, anchor } = historySteps(demand.statusHistory).at(-1)!;
    const url = demandUrl(demand.letter, demand.number);
    rows.push({
      id: demandId(demand.letter, demand.number),
      letter: letter.slug,
      letterDate: letter.date,
      letterUrl: letterUrl(letter.slug),
      addressee: keys.get(letter.slug)!,
      addresseeName: addresseeName(letter),
      number: demand.number,
      label: demand.label,
      shortTitle: demand.shortTitle,
      url,
      status,
      lastUpdated: lastUpdated(demand.statusHistory),
      asOf: statusAsOf(demand.statusHistory, demand.lastChecked),
      latest: {
        date: last.date,
        typeLabel: EVENT_TYPES[last.type as EventType] ?? last.type,
        summary: last.summary,
        url: `${url}#${anchor}`,
      },
      overdue: isOverdue(status, letter.responseDue, today),
    });
  }
  return rows.sort(
    (a, b) => a.letterDate.localeCompare(b.letterDate) || a.letter.localeCompare(b.letter) || a.number - b.number,
  );
}

/**
 * The dates the shown statuses hold at: the oldest and newest `asOf` of the rows. Summaries state
 * these (never the build date), so a site rebuilt later does not look more current than its content.
 */
export function asOfRange(rows: readonly { asOf: string }[]): { oldest: string; newest: string } | null {
  if (rows.length === 0) return null;
  const dates = rows.map((row) => row.asOf).sort();
  return { oldest: dates[0]!, newest: dates.at(-1)! };
}

/** 「2026年11月23日時点」, or 「2026年11月1日〜11月23日時点（要求ごとに異なる）」 when the demands were checked on different days. */
export function asOfText(
  range: { oldest: string; newest: string } | null,
  formatDate: (iso: string) => string,
): string {
  if (!range) return '';
  return range.oldest === range.newest
    ? `${formatDate(range.oldest)}時点`
    : `${formatDate(range.oldest)}〜${formatDate(range.newest)}時点（要求ごとに異なる）`;
}

const zeroCounts = (): Record<StatusKey, number> =>
  Object.fromEntries(STATUS_KEYS.map((key) => [key, 0])) as Record<StatusKey, number>;

/** How many demands are in each status; every status is present, zero or not. */
export function countByStatus(rows: readonly { status: StatusKey }[]): Record<StatusKey, number> {
  const counts = zeroCounts();
  for (const row of rows) counts[row.status]++;
  return counts;
}

/**
 * Past this many letters (or addressees), the tracker's filter lists link to an index page of them
 * instead of listing each one: every pre-filtered page repeats the lists, so listing them all would
 * make the site grow with the square of the number of letters.
 */
export const FILTER_OPTIONS_MAX = 20;

/**
 * Demands a page of the tracker lists. Up to this many demands in all, /status/ lists every one and the
 * filters work in place (and combine) with JavaScript; past it every list is in pages of this many
 * (/status/all/, /status/by-status/<s>/2/…), the filters are links to those pages, and /status/ opens
 * on the demands that changed most recently.
 */
export const TRACKER_PAGE_SIZE = 100;
/** How many recently changed demands /status/ shows when the demands do not fit one page. */
const RECENT_MAX = 50;
/** Letters (or addressees) per page of an overview table (/status/by-letter/, /status/by-letter/2/…). */
export const MATRIX_PAGE_SIZE = 100;

/** Whether `count` demands fit one page of the tracker (then /status/ holds every row). */
export const fitsOnePage = (count: number): boolean => count <= TRACKER_PAGE_SIZE;

/**
 * The demands that changed most recently: by the date of their latest event, newest first; on the same
 * day, ties keep the table's order.
 */
export function recentRows<R extends { latest: { date: string }; lastUpdated: string }>(
  rows: readonly R[],
  max = RECENT_MAX,
): R[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => b.row.latest.date.localeCompare(a.row.latest.date) || a.index - b.index)
    .slice(0, max)
    .map(({ row }) => row);
}

/** The newest `max` letters (kept in date order): the overview on /status/ when there are many. */
export function newestLetters<L extends { date: string; slug: string }>(letters: readonly L[], max: number): L[] {
  const sorted = [...letters].sort((a, b) => a.date.localeCompare(b.date) || a.slug.localeCompare(b.slug));
  return sorted.slice(Math.max(0, sorted.length - max));
}

export interface MatrixRow {
  /** The letter slug or addressee key this row counts (its filter value). */
  value: string;
  label: string;
  counts: Record<StatusKey, number>;
  total: number;
}

/** Short name of a letter in lists: its date and addressee (2019年7月23日 総務大臣宛). */
function letterListName(letter: DashboardLetter, formatDate: (iso: string) => string): string {
  return `${formatDate(letter.date)} ${addresseeName(letter)}宛`;
}

/** The letter × status overview: per letter (in date order) the number of demands in each status. */
export function letterStatusMatrix(
  letters: readonly DashboardLetter[],
  rows: readonly DashboardRow[],
  formatDate: (iso: string) => string,
): MatrixRow[] {
  const byLetter = Map.groupBy(rows, (row) => row.letter);
  return [...letters]
    .sort((a, b) => a.date.localeCompare(b.date) || a.slug.localeCompare(b.slug))
    .map((letter) => {
      const own = byLetter.get(letter.slug) ?? [];
      return {
        value: letter.slug,
        label: letterListName(letter, formatDate),
        counts: countByStatus(own),
        total: own.length,
      };
    });
}

/** Column totals of an overview. */
export function sumCounts(rows: readonly Pick<MatrixRow, 'counts' | 'total'>[]): {
  counts: Record<StatusKey, number>;
  total: number;
} {
  const counts = zeroCounts();
  for (const row of rows) for (const key of STATUS_KEYS) counts[key] += row.counts[key];
  return { counts, total: rows.reduce((sum, row) => sum + row.total, 0) };
}

/** The addressee × status overview: per addressee (in order of their first letter) the demands in each status. */
export function addresseeStatusMatrix(rows: readonly DashboardRow[]): MatrixRow[] {
  return [...Map.groupBy(rows, (row) => row.addressee)].map(([value, own]) => ({
    value,
    label: own[0]!.addresseeName,
    counts: countByStatus(own),
    total: own.length,
  }));
}

interface FilterOption {
  value: string;
  label: string;
  /** Set on status options: the badge symbol is shown. */
  status?: StatusKey;
  /** Demands in this status (status options). */
  count?: number;
}

interface FilterGroup {
  dimension: FilterDimension;
  /** 要請書, 宛先, 状況: the group reads "<label>で絞り込む". */
  label: string;
  options: FilterOption[];
  /** Too many options to repeat on every page: a link to the index page listing them all. */
  index?: { href: string; label: string };
}

/**
 * The tracker's filter groups. Letters and addressees are listed up to FILTER_OPTIONS_MAX; past that a
 * group holds only the option the page is filtered on, plus a link to the dimension's index page.
 */
export function filterGroups(
  rows: readonly DashboardRow[],
  letters: readonly DashboardLetter[],
  counts: Record<StatusKey, number>,
  active: { dimension: FilterDimension; value: string } | undefined,
  formatDate: (iso: string) => string,
): FilterGroup[] {
  const bounded = (
    dimension: FilterDimension,
    values: readonly string[],
    label: (value: string) => string,
    noun: string,
    counter: string,
  ) => {
    const option = (value: string): FilterOption => ({ value, label: label(value) });
    if (values.length <= FILTER_OPTIONS_MAX) return { options: values.map(option) };
    return {
      options: active?.dimension === dimension && values.includes(active.value) ? [option(active.value)] : [],
      index: { href: filterIndexPath(dimension), label: `${noun}の一覧から選ぶ（${values.length}${counter}）` },
    };
  };
  const letterBySlug = new Map(letters.map((letter) => [letter.slug, letter] as const));
  const addressees = new Map(rows.map((row) => [row.addressee, row.addresseeName] as const));
  return [
    {
      dimension: 'letter',
      label: '要請書',
      ...bounded(
        'letter',
        [...letterBySlug.keys()],
        (slug) => letterListName(letterBySlug.get(slug)!, formatDate),
        'すべての要請書',
        '通',
      ),
    },
    {
      dimension: 'addressee',
      label: '宛先',
      ...bounded('addressee', [...addressees.keys()], (key) => addressees.get(key)!, 'すべての宛先', '件'),
    },
    {
      dimension: 'status',
      label: '状況',
      options: STATUS_LIST.map((s) => ({ value: s.key, label: s.ja, status: s.key, count: counts[s.key] })),
    },
  ];
}
