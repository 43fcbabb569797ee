/**
 * The tracker's script (StatusDashboard.astro). Without it the filters are links to pre-filtered pages
 * and the table keeps the letters' order. With it:
 * - where every demand fits one page (data-in-place), the filters work in place, combine and stay in
 *   the URL (?status=…&addressee=…), opening another page only when a filter needs rows this page does
 *   not hold; where the lists are in pages, the filter links open their pages as without JavaScript;
 * - each column header becomes a button that sorts the rows of this page.
 * What a filter means and how rows sort are the pages' own rules (filters.ts, table-sort.ts).
 */
import {
  FILTER_DIMENSIONS,
  filterHref,
  filterPagePath,
  filterQuery,
  filterSummary,
  matchesFilter,
  narrows,
  parseFilterQuery,
  type DashboardFilter,
  type FilterDimension,
} from '../lib/filters.ts';
import { announce } from '../lib/live-region.ts';
import { nextDirection, sortedIndexes, type SortDirection } from '../lib/table-sort.ts';

function filterInPlace(root: HTMLElement, rows: HTMLTableRowElement[]): void {
  const links = [...root.querySelectorAll<HTMLAnchorElement>('a[data-filter-dimension]')];
  const summary = root.querySelector<HTMLElement>('[data-filter-summary]');
  const empty = root.querySelector<HTMLElement>('[data-filter-empty]');
  const pagePath = root.dataset.pagePath ?? filterPagePath();
  const pageFilter = JSON.parse(root.dataset.filter ?? '{}') as DashboardFilter;
  // Every demand, not only the rows this page holds (a pre-filtered page holds its own).
  const total = Number(root.dataset.total ?? rows.length);
  const fromLocation = (): DashboardFilter =>
    location.pathname === pagePath
      ? { ...pageFilter, ...parseFilterQuery(location.search) }
      : parseFilterQuery(location.search);
  let filter = fromLocation();

  const withValue = (dimension: FilterDimension, value: string): DashboardFilter => {
    const next: DashboardFilter = { ...filter };
    if (value) next[dimension] = value;
    else delete next[dimension];
    return next;
  };

  const apply = (speak: boolean): void => {
    let shown = 0;
    for (const row of rows) {
      const { letter = '', addressee = '', status = '' } = row.dataset;
      row.hidden = !matchesFilter({ letter, addressee, status }, filter);
      if (!row.hidden) shown++;
    }
    for (const link of links) {
      const dimension = link.dataset.filterDimension as FilterDimension;
      if ((filter[dimension] ?? '') === (link.dataset.filterValue ?? '')) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
    if (summary) {
      if (speak) announce(summary, filterSummary(shown, total));
      else summary.textContent = filterSummary(shown, total);
    }
    if (empty) empty.hidden = shown > 0;
  };

  root.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-filter-dimension]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const dimension = link.dataset.filterDimension as FilterDimension;
    if (!FILTER_DIMENSIONS.includes(dimension)) return;
    event.preventDefault();
    const next = withValue(dimension, link.dataset.filterValue ?? '');
    // Rows this page does not hold: open the page that does.
    if (!narrows(next, pageFilter)) {
      location.assign(filterHref(next));
      return;
    }
    filter = next;
    history.pushState(null, '', `${filterPagePath()}${filterQuery(filter)}`);
    apply(true);
  });
  window.addEventListener('popstate', () => {
    filter = fromLocation();
    apply(true);
  });
  apply(false);
}

/** A button in each column header, added here so that without JavaScript no dead control shows. */
function sortable(table: HTMLTableElement): void {
  const body = table.tBodies[0];
  if (!body) return;
  const headers = [...table.querySelectorAll<HTMLTableCellElement>('th[data-sort-key]')];
  for (const header of headers) {
    const key = header.dataset.sortKey!;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort-button';
    button.textContent = header.textContent ?? '';
    header.replaceChildren(button);
    button.addEventListener('click', () => {
      const direction = nextDirection((header.getAttribute('aria-sort') as SortDirection | null) ?? null);
      const rows = [...body.rows];
      const attribute = `sort${key[0]!.toUpperCase()}${key.slice(1)}`;
      const order = sortedIndexes(
        rows.map((row) => row.dataset[attribute] ?? ''),
        rows.map((row) => Number(row.dataset.sortOrder)),
        direction,
      );
      body.append(...order.map((index) => rows[index]!));
      for (const other of headers) other.removeAttribute('aria-sort');
      header.setAttribute('aria-sort', direction);
    });
  }
}

const root = document.querySelector<HTMLElement>('[data-dashboard]');
if (root) {
  const table = root.querySelector<HTMLTableElement>('table[data-sortable]');
  if (root.dataset.inPlace !== undefined) filterInPlace(root, [...(table?.tBodies[0]?.rows ?? [])]);
  else {
    // An address filtering in place (/status/?status=…) where the lists are in pages: open the filter's page.
    const wanted = parseFilterQuery(location.search);
    const first = FILTER_DIMENSIONS.find((dimension) => wanted[dimension]);
    if (first) location.replace(filterPagePath(first, wanted[first]));
  }
  if (table) sortable(table);
}
