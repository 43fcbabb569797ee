/**
 * The campaign timeline (/timeline/): the context events of content/timeline/*.yaml together with
 * the demands' own history, in date order. History entries that record the same event (same date,
 * type and sources: one meeting answering three demands) become one item listing those demands.
 */
import type { Correction } from './schemas.ts';
import { EVENT_TYPES, TIMELINE_KINDS, type EventType, type StatusKey, type TimelineKind } from './status.ts';
import { historySteps } from './history.ts';
import { demandId, demandUrl } from './urls.ts';
import { addresseeShort, labelInText, type AddresseeName } from './letters.ts';

export interface TimelineSourceLike {
  title: string;
  url?: string | undefined;
  publication?: string | undefined;
  date?: string | undefined;
  letter?: string | undefined;
  /** A saved copy of the page (Wayback Machine or WARP). */
  archived?: string | undefined;
  /** When the page was last read (YYYY-MM-DD). */
  accessed?: string | undefined;
}

interface TimelineEventInput {
  /** File name without extension. */
  id: string;
  date: string;
  kind: string;
  title: string;
  summary: string;
  letters: readonly string[];
  sources: readonly TimelineSourceLike[];
  /** Corrections of the event's file (訂正履歴), shown with the event. */
  corrections?: readonly Correction[];
}

interface TimelineHistoryInput {
  date: string;
  type: string;
  /** When the entry reached the site, if later than its date (orders same-day anchors). */
  recorded?: string | undefined;
  status: StatusKey;
  summary: string;
  sources: readonly { title: string; url: string }[];
}

export interface TimelineDemandInput {
  letter: string;
  number: number;
  label: string;
  shortTitle: string;
  statusHistory: readonly TimelineHistoryInput[];
}

interface TimelineLetterInput {
  slug: string;
  addressee: AddresseeName;
}

interface TimelineDemandRef {
  id: string;
  /** e.g. 総務大臣宛 要求1「カード取得を強制しない」 */
  name: string;
  /** Link to the entry on the demand page. */
  url: string;
  status: StatusKey;
  summary: string;
}

interface TimelineItem {
  /** Anchor on the timeline page. */
  id: string;
  /** Corrections of an event's file (none for items drawn from demand histories). */
  corrections: readonly Correction[];
  date: string;
  /** Where it comes from: a context event file or demand histories. */
  origin: 'event' | 'history';
  /** TimelineKind for events, EventType for history items. */
  kind: string;
  kindLabel: string;
  title: string;
  /** Shown once for the item; undefined when each demand has its own summary. */
  summary?: string | undefined;
  letters: string[];
  demands: TimelineDemandRef[];
  sources: TimelineSourceLike[];
}

/** Order of items on the same day: context first, then the campaign's own steps, press last. */
const SAME_DAY_ORDER: Record<string, number> = {
  policy: 0,
  submitted: 1,
  meeting: 2,
  response: 3,
  statement: 4,
  assessment: 5,
  campaign: 6,
  other: 7,
  press: 8,
};

function historyTitle(type: string, names: string): string {
  switch (type) {
    case 'submitted':
      return `${names}宛の要請書を提出`;
    case 'meeting':
      return `${names}への要請・懇談`;
    case 'response':
      return `${names}からの回答`;
    default:
      return `${EVENT_TYPES[type as EventType] ?? type}（${names}宛の要求について）`;
  }
}

function uniqueSources<S extends TimelineSourceLike>(sources: readonly S[]): S[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = s.url ?? `${s.publication ?? ''}|${s.date ?? ''}|${s.letter ?? ''}|${s.title}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function buildTimeline(
  events: readonly TimelineEventInput[],
  demands: readonly TimelineDemandInput[],
  letters: readonly TimelineLetterInput[],
): TimelineItem[] {
  const addressee = new Map(letters.map((l) => [l.slug, addresseeShort(l.addressee)] as const));
  const items: TimelineItem[] = events.map((event) => ({
    id: `event-${event.id}`,
    date: event.date,
    origin: 'event',
    kind: event.kind,
    kindLabel: TIMELINE_KINDS[event.kind as TimelineKind] ?? event.kind,
    title: event.title,
    summary: event.summary,
    letters: [...event.letters],
    demands: [],
    sources: uniqueSources(event.sources),
    corrections: event.corrections ?? [],
  }));

  const groups = new Map<
    string,
    {
      date: string;
      type: string;
      /** When the group's first entry reached the site ('' for entries recorded on their own day). */
      reached: string;
      refs: TimelineDemandRef[];
      letters: Set<string>;
      sources: TimelineSourceLike[];
    }
  >();
  const sortedDemands = [...demands].sort((a, b) => a.letter.localeCompare(b.letter) || a.number - b.number);
  for (const demand of sortedDemands) {
    for (const { entry, anchor } of historySteps(demand.statusHistory)) {
      const key = [entry.date, entry.type, ...entry.sources.map((s) => s.url).sort()].join('|');
      let group = groups.get(key);
      if (!group) {
        group = {
          date: entry.date,
          type: entry.type,
          reached: entry.recorded ?? '',
          refs: [],
          letters: new Set(),
          sources: [],
        };
        groups.set(key, group);
      } else if ((entry.recorded ?? '') < group.reached) group.reached = entry.recorded ?? '';
      group.letters.add(demand.letter);
      group.sources.push(...entry.sources);
      group.refs.push({
        id: demandId(demand.letter, demand.number),
        name: `${addressee.get(demand.letter) ?? demand.letter}宛 要求${labelInText(demand.label)}「${demand.shortTitle}」`,
        url: `${demandUrl(demand.letter, demand.number)}#${anchor}`,
        status: entry.status,
        summary: entry.summary,
      });
    }
  }
  // Anchors stay stable across builds: date, type and a counter within the day, counted in the order
  // the groups reached the site (history.ts eventAnchors does the same), so an event learned late
  // (with `recorded`) never shifts the anchor of one already published.
  const perDay = new Map<string, number>();
  const orderedGroups = [...groups.values()].sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (SAME_DAY_ORDER[a.type] ?? 9) - (SAME_DAY_ORDER[b.type] ?? 9) ||
      a.reached.localeCompare(b.reached),
  );
  for (const group of orderedGroups) {
    const letterSlugs = [...group.letters].sort();
    // Each addressee once: many letters to one ministry read 総務大臣, not 総務大臣・総務大臣・…
    const names = [...new Set(letterSlugs.map((slug) => addressee.get(slug) ?? slug))].join('・');
    const summaries = new Set(group.refs.map((r) => r.summary));
    const n = (perDay.get(`${group.date}-${group.type}`) ?? 0) + 1;
    perDay.set(`${group.date}-${group.type}`, n);
    items.push({
      id: `on-${group.date}-${group.type}${n > 1 ? `-${n}` : ''}`,
      date: group.date,
      origin: 'history',
      kind: group.type,
      kindLabel: EVENT_TYPES[group.type as EventType] ?? group.type,
      title: historyTitle(group.type, names),
      summary: summaries.size === 1 ? group.refs[0]!.summary : undefined,
      letters: letterSlugs,
      demands: group.refs,
      sources: uniqueSources(group.sources),
      corrections: [],
    });
  }

  return items.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (SAME_DAY_ORDER[a.kind] ?? 9) - (SAME_DAY_ORDER[b.kind] ?? 9) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * Up to this many demands (and letters) are named under one timeline item; past it the item says how
 * many more (at 1,000 letters one day's response concerns thousands of demands).
 */
export const TIMELINE_NAMED_MAX = 20;

interface TimelineYear {
  year: string;
  items: TimelineItem[];
}

/**
 * The timeline's pages, one per year, oldest first. The newest year is the page at /timeline/; a
 * timeline within one year is one page, as it always was.
 */
export function timelineYears(items: readonly TimelineItem[]): TimelineYear[] {
  const years = Map.groupBy(items, (item) => item.date.slice(0, 4));
  return [...years.keys()].sort().map((year) => ({ year, items: years.get(year)! }));
}

/**
 * The timeline page showing items of `year`, given the newest year of the whole timeline: the newest
 * year is at /timeline/, the others at /timeline/<year>/ (src/pages/timeline/[...year].astro).
 */
export function timelineYearPath(year: string, newestYear: string): string {
  return year === newestYear ? '/timeline/' : `/timeline/${year}/`;
}

/** Years and months present, for a compact index: [{ key: '2019-07', label: '2019年7月', count }]. */
export function timelineMonths(items: readonly { date: string }[]): { key: string; label: string; count: number }[] {
  const months = new Map<string, number>();
  for (const item of items) months.set(item.date.slice(0, 7), (months.get(item.date.slice(0, 7)) ?? 0) + 1);
  return [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, count]) => ({
      key,
      label: `${Number(key.slice(0, 4))}年${Number(key.slice(5, 7))}月`,
      count,
    }));
}
