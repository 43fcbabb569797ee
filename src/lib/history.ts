/** Rules over a demand's status history. Current status and overdue are derived here, never stored. */
import type { StatusKey } from './status.ts';
import { parseIsoDate } from './dates.ts';

export interface HistoryLike {
  date: string;
  status: StatusKey;
}

/** The current status is the status after the latest event. */
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

export interface HistoryProblem {
  /** Index of the offending entry. */
  index: number;
  field: 'date';
  message: string;
}

/** Entries must be in date order and none may lie after `today` (YYYY-MM-DD). */
export function historyProblems(history: readonly { date: string }[], today: string): HistoryProblem[] {
  const problems: HistoryProblem[] = [];
  history.forEach((entry, index) => {
    if (!parseIsoDate(entry.date)) return; // the schema reports malformed dates
    if (entry.date > today) {
      problems.push({ index, field: 'date', message: `${entry.date} is after today (${today}): record events once they have happened` });
    }
    const previous = history[index - 1];
    if (previous && entry.date < previous.date) {
      problems.push({ index, field: 'date', message: `${entry.date} comes before the previous entry's ${previous.date}: keep entries oldest first` });
    }
  });
  return problems;
}

/** Statuses that end a demand's story: no reply is awaited any more. */
const SETTLED: ReadonlySet<StatusKey> = new Set(['achieved', 'rejected', 'withdrawn', 'partially_achieved']);

/**
 * Overdue (回答期限超過): the letter set a response due date, it has passed, and the demand has
 * had no answer yet.
 */
export function isOverdue(status: StatusKey, responseDue: string | undefined, today: string): boolean {
  if (!responseDue || SETTLED.has(status)) return false;
  return status === 'awaiting_response' && today > responseDue;
}
