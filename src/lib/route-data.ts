/**
 * Route data, once: the checked content turned into everything the pages need (letters with their
 * demands, the tracker's rows and counts, addressee names, breadcrumbs, language pairs). Pages and
 * components only render what this module hands them; it is the only place that reads the
 * collections (a bar counts `getCollection` calls in src/pages/ and src/components/).
 *
 * `shapeRouteData` is a plain function over entries (unit-tested with fixtures); `routeData()` reads
 * the collections and memoizes the result for the build (in `astro dev` it is recomputed per request,
 * so an edited file shows at once).
 */
import type { CollectionEntry } from 'astro:content';
import { dashboardRows, addresseeKeys, countByStatus, asOfRange, type DashboardRow } from './dashboard.ts';
import { relatedDemandsMap, citationsByArticle, type RelatedLink } from './cross-references.ts';
import { addresseeShort } from './letters.ts';
import { formatDateJa } from './dates.ts';
import type { StatusKey } from './status.ts';
import {
  demandId,
  englishHomeUrl,
  englishLetterUrl,
  englishReferenceUrl,
  letterUrl,
  referenceUrl,
  sitePath,
} from './urls.ts';
import type { Alternates } from './english.ts';

export type LetterEntry = CollectionEntry<'letters'>;
type DemandEntry = CollectionEntry<'demands'>;
type ReferenceEntry = CollectionEntry<'references'>;
type TimelineEntry = CollectionEntry<'timeline'>;
type LetterData = LetterEntry['data'];
export type DemandData = DemandEntry['data'];
export type ReferenceData = ReferenceEntry['data'];

/** A letter as lists, the tracker, the API and the feeds take it: its slug beside its fields. */
export type LetterWithSlug = LetterData & { slug: string };

/** The entries of the four collections, as `getCollection` returns them (any order). */
export interface RouteEntries {
  letters: readonly LetterEntry[];
  demands: readonly DemandEntry[];
  references: readonly ReferenceEntry[];
  timeline: readonly TimelineEntry[];
}

interface RouteData {
  /** Letter entries, oldest first (date, then slug). */
  letterEntries: LetterEntry[];
  /** Demand entries, in the letters' order then printed order. */
  demandEntries: DemandEntry[];
  /** Reference entries, by id. */
  referenceEntries: ReferenceEntry[];
  /** Timeline events with their id. */
  events: (TimelineEntry['data'] & { id: string })[];
  /** Letters with their slug, oldest first. */
  letters: LetterWithSlug[];
  /** Demands' data, in the letters' order then printed order. */
  demands: DemandData[];
  letterBySlug: ReadonlyMap<string, LetterWithSlug>;
  referenceById: ReadonlyMap<string, ReferenceData>;
  /** Each letter's demands, in printed order. */
  demandsByLetter: ReadonlyMap<string, DemandData[]>;
  /** Related demands of each demand (by `<letter>/<n>`), both directions. */
  related: ReadonlyMap<string, RelatedLink<DemandData>[]>;
  /** The tracker's rows: one per demand, letters in date order. */
  rows: DashboardRow[];
  /** Demands per status, over all rows. */
  counts: Record<StatusKey, number>;
  /** Oldest and newest date the shown statuses hold at. */
  asOf: ReturnType<typeof asOfRange>;
  /** Per reference id, per article number: the demands citing it, with their reasons (letter then number). */
  citing: ReadonlyMap<string, ReadonlyMap<number, RelatedLink<DemandData>[]>>;
  /** The addressee filter key of each letter slug. */
  addresseeKeys: ReadonlyMap<string, string>;
  /** 総務大臣宛の要請書 style name of each letter, by slug (2019年7月23日の総務大臣宛要請書). */
  letterNames: ReadonlyMap<string, string>;
}

const byDateThenSlug = (a: { date: string; slug: string }, b: { date: string; slug: string }) =>
  a.date.localeCompare(b.date) || a.slug.localeCompare(b.slug);

/** What pages need, from the collections' entries. Pure: the same entries give the same data. */
export function shapeRouteData(entries: RouteEntries, today: string): RouteData {
  const letters = entries.letters.map((entry) => ({ slug: entry.id, ...entry.data })).sort(byDateThenSlug);
  const letterOrder = new Map(letters.map((letter, index) => [letter.slug, index] as const));
  const order = (slug: string) => letterOrder.get(slug) ?? Number.MAX_SAFE_INTEGER;
  const demandEntries = [...entries.demands].sort(
    (a, b) =>
      order(a.data.letter) - order(b.data.letter) ||
      a.data.letter.localeCompare(b.data.letter) ||
      a.data.number - b.data.number,
  );
  const demands = demandEntries.map((entry) => entry.data);
  const rows = dashboardRows(letters, demands, today);
  const letterEntries = [...entries.letters].sort((a, b) => order(a.id) - order(b.id));
  const demandsByLetter = new Map(letters.map((letter) => [letter.slug, [] as DemandData[]] as const));
  for (const demand of demands) demandsByLetter.get(demand.letter)?.push(demand);
  return {
    letterEntries,
    demandEntries,
    referenceEntries: [...entries.references].sort((a, b) => a.id.localeCompare(b.id)),
    events: entries.timeline.map((event) => ({ id: event.id, ...event.data })),
    letters,
    demands,
    letterBySlug: new Map(letters.map((letter) => [letter.slug, letter] as const)),
    referenceById: new Map(entries.references.map((reference) => [reference.id, reference.data] as const)),
    demandsByLetter,
    related: relatedDemandsMap(demands),
    citing: citationsByArticle(demands),
    rows,
    counts: countByStatus(rows),
    asOf: asOfRange(rows),
    addresseeKeys: addresseeKeys(letters),
    letterNames: new Map(
      letters.map((l) => [l.slug, `${formatDateJa(l.date)}の${addresseeShort(l.addressee)}宛要請書`] as const),
    ),
  };
}

/**
 * Up to this many demands citing an article are listed under it on the reference page; past it the
 * page gives their number and links to the article's own list (at 1,000 letters, one article is cited
 * by hundreds of demands).
 */
export const CITING_INLINE_MAX = 10;
/** Demands per page of an article's list of citing demands. */
export const CITING_PAGE_SIZE = 500;

let memo: Promise<RouteData> | undefined;

/** The route data of this build, read from the collections once. */
export function routeData(): Promise<RouteData> {
  if (memo && !import.meta.env?.DEV) return memo;
  memo = (async () => {
    const { getCollection } = await import('astro:content');
    const { todayInJapan } = await import('./dates.ts');
    const [letters, demands, references, timeline] = await Promise.all([
      getCollection('letters'),
      getCollection('demands'),
      getCollection('references'),
      getCollection('timeline'),
    ]);
    return shapeRouteData({ letters, demands, references, timeline }, todayInJapan());
  })();
  return memo;
}

/** One step of a breadcrumb trail; the last step (the page itself) has no link. */
export interface Crumb {
  label: string;
  href?: string;
}

/** The trails of the site's pages, home first; the page's own label last. */
export const breadcrumbs = {
  home: (): Crumb => ({ label: 'ホーム', href: sitePath('/') }),
  page: (label: string): Crumb[] => [breadcrumbs.home(), { label }],
  status: (label: string): Crumb[] => [
    breadcrumbs.home(),
    { label: '要求の状況', href: sitePath('/status/') },
    { label },
  ],
  letter: (letter: Pick<LetterData, 'addressee'>): Crumb[] => [
    breadcrumbs.home(),
    { label: '要請書', href: sitePath('/letters/') },
    { label: `${addresseeShort(letter.addressee)}宛` },
  ],
  demand: (slug: string, letter: Pick<LetterData, 'addressee'>, label: string): Crumb[] => [
    breadcrumbs.home(),
    { label: '要請書', href: sitePath('/letters/') },
    { label: `${addresseeShort(letter.addressee)}宛`, href: letterUrl(slug) },
    { label },
  ],
  reference: (label: string): Crumb[] => [
    breadcrumbs.home(),
    { label: '関連規程', href: sitePath('/references/') },
    { label },
  ],
};

/** The hreflang pair of a page that has an English version. */
export const languagePair = {
  home: (): Alternates => ({ ja: sitePath('/'), en: englishHomeUrl() }),
  letter: (slug: string): Alternates => ({ ja: letterUrl(slug), en: englishLetterUrl(slug) }),
  reference: (id: string): Alternates => ({ ja: referenceUrl(id), en: englishReferenceUrl(id) }),
};

/** The `<letter>/<n>` id of a demand (re-exported for pages that look up `related`). */
export { demandId };
