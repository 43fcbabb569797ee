/**
 * Pages of a long list: the first page at the list's own address, the next at <address><n>/. Pure, so
 * the pages and their links are unit-tested; a list that fits one page has no other page and no control.
 */
export interface ListPage<T> {
  /** 1-based. */
  number: number;
  /** How many pages the list has. */
  count: number;
  items: T[];
}

/** The pages of `items`, `size` a page; an empty list is one empty page. */
export function pagesOf<T>(items: readonly T[], size: number): ListPage<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive integer, got ${size}`);
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    count,
    items: items.slice(i * size, (i + 1) * size),
  }));
}

/** The address of page `n` of a list served at `base` (which ends with /). */
export function pageHref(base: string, n: number): string {
  return n <= 1 ? base : `${base}${n}/`;
}

/** The route parameter of page `n` for a `[...page]` route: undefined for the first page. */
export const pageParam = (n: number): string | undefined => (n <= 1 ? undefined : String(n));

/** The pagination control's words, per page language (the English section's lists page like the Japanese ones). */
export const PAGINATION_TEXTS = {
  ja: {
    nav: (label: string) => `${label}のページ`,
    where: (n: number, count: number) => `${count}ページ中${n}ページ目`,
    previous: '前のページ',
    next: '次のページ',
  },
  en: {
    nav: (label: string) => `Pages of ${label}`,
    where: (n: number, count: number) => `Page ${n} of ${count}`,
    previous: 'Previous page',
    next: 'Next page',
  },
} as const;

/** Letters per page of /letters/ and /en/letters/ (its summary makes each about 600 bytes). */
export const LETTERS_PAGE_SIZE = 100;
