/**
 * Rules over a demand's status history. Current status, last update, overdue and days since are
 * derived here, never stored. The content check (and so the build and the organizers' command)
 * reports whatever `historyProblems` finds.
 */
import { STATUSES, type StatusKey } from './status.ts';
import { daysBetween, parseIsoDate } from './dates.ts';

/** A history entry as plain data, as the feed, the API and search read it (see HistoryEntrySchema). */
export interface HistoryEntryData {
  date: string;
  type: string;
  /** When the entry was added to the site, if later than its date (orders the site feed). */
  recorded?: string | undefined;
  status: StatusKey;
  summary: string;
  counterpartyPosition?: string | undefined;
  assessment?: string | undefined;
  sources: readonly { title: string; url: string }[];
}

export interface HistoryLike {
  date: string;
  status: StatusKey;
}

/**
 * The current status is the status after the latest event: the last entry in the file. Entries are
 * in date order, and entries of the same day keep the order the file gives them (the explicit order
 * of that day's events), so a response recorded after a later-in-the-day statement goes before it.
 */
export function currentStatus(history: readonly HistoryLike[]): StatusKey {
  const last = history.at(-1);
  if (!last) throw new Error('A demand needs at least one history entry');
  return last.status;
}

/** Date of the latest event. */
export function lastUpdated(history: readonly HistoryLike[]): string {
  const last = history.at(-1);
  if (!last) throw new Error('A demand needs at least one history entry');
  return last.date;
}

/**
 * The date the status is known to hold at: the later of the organizer's last check and the latest
 * event (recording an event on a day means the demand was looked at that day).
 */
export function statusAsOf(history: readonly HistoryLike[], lastChecked: string): string {
  const updated = lastUpdated(history);
  return lastChecked > updated ? lastChecked : updated;
}

/** Whole days from the latest event to `today` (0 on the day itself). */
export function daysSinceUpdate(history: readonly HistoryLike[], today: string): number {
  return Math.max(0, daysBetween(lastUpdated(history), today));
}

interface HistoryProblem {
  /** Index of the offending entry. */
  index: number;
  field: 'date' | 'status';
  message: string;
}

/**
 * The rules every history obeys, whoever wrote it (by hand or by command):
 * - entries are oldest first, and none lies after `today` (YYYY-MM-DD, the build date in Japan);
 * - a `submitted` entry records a letter being sent, so the demand is then awaiting a response.
 * Unknown statuses or types, missing summaries and sources are the schema's to report.
 */
export function historyProblems(
  history: readonly { date: string; type?: string; status?: string }[],
  today: string,
): HistoryProblem[] {
  const problems: HistoryProblem[] = [];
  history.forEach((entry, index) => {
    if (
      entry.type === 'submitted' &&
      entry.status !== undefined &&
      entry.status !== 'awaiting_response' &&
      entry.status in STATUSES
    ) {
      problems.push({
        index,
        field: 'status',
        message: `種類 submitted（要請書提出）の経過は、状況を awaiting_response（回答待ち）にします（${entry.status} は使えません）`,
      });
    }
    if (!parseIsoDate(entry.date)) return; // the schema reports malformed dates
    if (entry.date > today) {
      problems.push({
        index,
        field: 'date',
        message: `${entry.date} は今日（${today}）より後です。出来事は起きてから記録してください`,
      });
    }
    const previous = history[index - 1];
    if (previous && parseIsoDate(previous.date) && entry.date < previous.date) {
      problems.push({
        index,
        field: 'date',
        message: `${entry.date} が一つ前の経過（${previous.date}）より前です。経過は古い順に並べてください`,
      });
    }
  });
  return problems;
}

/**
 * Overdue (回答期限超過): the letter set a response due date, it has passed, and the demand has
 * had no answer yet. Computed at build time; never stored.
 */
export function isOverdue(status: StatusKey, responseDue: string | undefined, today: string): boolean {
  if (!responseDue || STATUSES[status].settled) return false;
  return status === 'awaiting_response' && today > responseDue;
}

interface HistoryStep<E extends HistoryLike> {
  entry: E;
  /** 1-based position in the history. */
  position: number;
  /** The entry's anchor on its demand page, which feed entry ids use (see eventAnchors). */
  anchor: string;
  /** Status before this event (undefined for the first entry). */
  previous?: StatusKey | undefined;
  /** Whether this event changed the status. */
  changed: boolean;
}

/** The history with each entry's position and the status it moved from. */
export function historySteps<E extends HistoryLike & { type: string; recorded?: string | undefined }>(
  history: readonly E[],
): HistoryStep<E>[] {
  const anchors = eventAnchors(history);
  return history.map((entry, index) => {
    const previous = index > 0 ? history[index - 1]!.status : undefined;
    return {
      entry,
      position: index + 1,
      anchor: anchors[index]!,
      previous,
      changed: previous !== undefined && previous !== entry.status,
    };
  });
}

/**
 * Anchors of a history's entries on the demand page, which are also the feeds' entry ids:
 * #event-<date>-<type>, with -2, -3… for a second and third event of the same date and type.
 *
 * Derived from the event, never from its position in the whole history, so that an entry inserted
 * where its date belongs changes no published link or feed id. Within one date and type, entries
 * are counted in the order they reached the site: first those without `recorded` (recorded on their
 * own day) in file order, then those with `recorded`, by that date, then file order. An event learned
 * late carries `recorded` (today, the latest date any entry may carry), so it counts after every
 * entry already published and shifts none of them, even when the file puts it first in its day.
 */
export function eventAnchors(
  history: readonly { date: string; type: string; recorded?: string | undefined }[],
): string[] {
  const order = history
    .map((entry, index) => ({ key: `event-${entry.date}-${entry.type}`, reached: entry.recorded ?? '', index }))
    .sort((a, b) => a.key.localeCompare(b.key) || a.reached.localeCompare(b.reached) || a.index - b.index);
  const anchors: string[] = new Array<string>(history.length);
  const seen = new Map<string, number>();
  for (const { key, index } of order) {
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    anchors[index] = count === 1 ? key : `${key}-${count}`;
  }
  return anchors;
}
