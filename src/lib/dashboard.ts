/**
 * The status tracker (/status/): one row per demand, counts by status, a letter × status overview and
 * the filters. Pure functions over plain data. The filters themselves live in filters.ts, which the
 * browser script imports too, so the page and the script agree on what a filter means.
 */
import { STATUS_KEYS, type StatusKey } from './status.ts';
import { currentStatus, lastUpdated, daysSinceUpdate, isOverdue, statusAsOf, type HistoryLike } from './history.ts';
import { demandId, demandUrl, letterUrl } from './urls.ts';
export * from './filters.ts';

export interface DashboardLetter {
  /** The letter's slug (folder name). */
  slug: string;
  title: string;
  date: string;
  responseDue?: string;
  addressee: { organization: string; shortName?: string };
}

export interface DashboardDemand {
  letter: string;
  number: number;
  label: string;
  shortTitle: string;
  statusHistory: readonly HistoryLike[];
  lastChecked: string;
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
  daysSince: number;
  overdue: boolean;
}

const addresseeName = (letter: DashboardLetter): string => letter.addressee.shortName ?? letter.addressee.organization;

/**
 * A URL-safe key per addressee organisation: the slug of its earliest letter without the date
 * (2019-07-23-soumu → soumu), so that several letters to one addressee share one filter.
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
export function dashboardRows(letters: readonly DashboardLetter[], demands: readonly DashboardDemand[], today: string): DashboardRow[] {
  const bySlug = new Map(letters.map((letter) => [letter.slug, letter] as const));
  const keys = addresseeKeys(letters);
  const rows: DashboardRow[] = [];
  for (const demand of demands) {
    const letter = bySlug.get(demand.letter);
    if (!letter) throw new Error(`Demand ${demandId(demand.letter, demand.number)} names an unknown letter`);
    const status = currentStatus(demand.statusHistory);
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
      url: demandUrl(demand.letter, demand.number),
      status,
      lastUpdated: lastUpdated(demand.statusHistory),
      asOf: statusAsOf(demand.statusHistory, demand.lastChecked),
      daysSince: daysSinceUpdate(demand.statusHistory, today),
      overdue: isOverdue(status, letter.responseDue, today),
    });
  }
  return rows.sort((a, b) => a.letterDate.localeCompare(b.letterDate) || a.letter.localeCompare(b.letter) || a.number - b.number);
}

/** How many demands are in each status; every status is present, zero or not. */
export function countByStatus(rows: readonly { status: StatusKey }[]): Record<StatusKey, number> {
  const counts = Object.fromEntries(STATUS_KEYS.map((key) => [key, 0])) as Record<StatusKey, number>;
  for (const row of rows) counts[row.status]++;
  return counts;
}

export interface MatrixRow {
  letter: DashboardLetter;
  counts: Record<StatusKey, number>;
  total: number;
}

/** The letter × status overview: per letter (in date order) the number of demands in each status. */
export function letterStatusMatrix(letters: readonly DashboardLetter[], rows: readonly DashboardRow[]): MatrixRow[] {
  return [...letters]
    .sort((a, b) => a.date.localeCompare(b.date) || a.slug.localeCompare(b.slug))
    .map((letter) => {
      const own = rows.filter((row) => row.letter === letter.slug);
      return { letter, counts: countByStatus(own), total: own.length };
    });
}

