/**
 * Sorting the tracker's table by a column (src/scripts/status-tracker.ts). Without
 * JavaScript the table keeps the letters' order; these rules are shared so they are unit-tested.
 */
export type SortDirection = 'ascending' | 'descending';

/** Cell sort values: numbers as numbers (status rank, original order), the rest as text (ISO dates sort as text). */
function compareSortValues(a: string, b: string): number {
  const [x, y] = [Number(a), Number(b)];
  if (a !== '' && b !== '' && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a.localeCompare(b, 'ja');
}

/**
 * The order of rows for a column: stable, ties kept in the letters' order (`order` values), and the
 * direction a second click on the same column gives.
 */
export function sortedIndexes(values: readonly string[], order: readonly number[], direction: SortDirection): number[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return values
    .map((_, index) => index)
    .sort((i, j) => sign * compareSortValues(values[i]!, values[j]!) || order[i]! - order[j]!);
}

/** The direction after a click: a new column starts ascending; the same column flips. */
export const nextDirection = (current: SortDirection | null): SortDirection =>
  current === 'ascending' ? 'descending' : 'ascending';
