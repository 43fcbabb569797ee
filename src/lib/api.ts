/**
 * The open data under /api/: demands.json, letters.json, statuses.json and demands.csv. Shapes are
 * built here from plain data (unit-tested) and documented on /api/. Current status, last update and
 * overdue are derived at build time, exactly as the pages show them.
 */
import { STATUS_LIST, STATUSES, EVENT_TYPES, EVENT_TYPES_EN, type StatusKey, type EventType } from './status.ts';
import { currentStatus, lastUpdated, statusAsOf, isOverdue, type HistoryEntryData } from './history.ts';
import { demandId, demandUrl, letterUrl } from './urls.ts';
import { addresseeShort } from './letters.ts';

type ApiHistoryInput = HistoryEntryData;

export interface ApiDemandInput {
  letter: string;
  number: number;
  label: string;
  text: string;
  shortTitle: string;
  statusHistory: readonly ApiHistoryInput[];
  lastChecked: string;
}

export interface ApiLetterInput {
  slug: string;
  title: string;
  date: string;
  responseDue?: string | undefined;
  sender: {
    organization: string;
    shortName?: string | undefined;
    role?: string | undefined;
    name?: string | undefined;
  };
  addressee: {
    organization: string;
    organizationPrinted?: boolean | undefined;
    shortName?: string | undefined;
    role?: string | undefined;
    name?: string | undefined;
  };
  summary: string;
}

interface ApiHistoryEntry {
  date: string;
  type: string;
  status: StatusKey;
  summary: string;
  counterpartyPosition: string | null;
  assessment: string | null;
  sources: { title: string; url: string }[];
}

/** One demand in /api/demands.json. The first seven fields are the documented core. */
export interface ApiDemand {
  letter: string;
  number: number;
  label: string;
  text: string;
  status: StatusKey;
  url: string;
  history: ApiHistoryEntry[];
  id: string;
  shortTitle: string;
  statusLabel: { ja: string; en: string };
  lastUpdated: string;
  /** The date the status is known to hold at (the later of the last check and the last event). */
  statusAsOf: string;
  lastChecked: string;
  overdue: boolean;
  letterUrl: string;
}

const absolute = (path: string, origin: string): string => new URL(path, origin).href;

function sortDemands<D extends { letter: string; number: number }>(
  demands: readonly D[],
  letters: readonly ApiLetterInput[],
): D[] {
  const dates = new Map(letters.map((l) => [l.slug, l.date] as const));
  return [...demands].sort(
    (a, b) =>
      (dates.get(a.letter) ?? '').localeCompare(dates.get(b.letter) ?? '') ||
      a.letter.localeCompare(b.letter) ||
      a.number - b.number,
  );
}

export function apiDemands(
  demands: readonly ApiDemandInput[],
  letters: readonly ApiLetterInput[],
  origin: string,
  today: string,
): ApiDemand[] {
  const bySlug = new Map(letters.map((l) => [l.slug, l] as const));
  return sortDemands(demands, letters).map((demand) => {
    const status = currentStatus(demand.statusHistory);
    return {
      letter: demand.letter,
      number: demand.number,
      label: demand.label,
      text: demand.text,
      status,
      url: absolute(demandUrl(demand.letter, demand.number), origin),
      history: demand.statusHistory.map((entry) => ({
        date: entry.date,
        type: entry.type,
        status: entry.status,
        summary: entry.summary,
        counterpartyPosition: entry.counterpartyPosition ?? null,
        assessment: entry.assessment ?? null,
        sources: entry.sources.map((s) => ({ title: s.title, url: s.url })),
      })),
      id: demandId(demand.letter, demand.number),
      shortTitle: demand.shortTitle,
      statusLabel: { ja: STATUSES[status].ja, en: STATUSES[status].en },
      lastUpdated: lastUpdated(demand.statusHistory),
      statusAsOf: statusAsOf(demand.statusHistory, demand.lastChecked),
      lastChecked: demand.lastChecked,
      overdue: isOverdue(status, bySlug.get(demand.letter)?.responseDue, today),
      letterUrl: absolute(letterUrl(demand.letter), origin),
    };
  });
}

interface ApiLetter {
  slug: string;
  title: string;
  date: string;
  responseDue: string | null;
  sender: { organization: string; shortName: string | null; role: string | null; name: string | null };
  addressee: { organization: string; shortName: string | null; role: string | null; name: string | null };
  summary: string;
  url: string;
  statusCounts: Record<StatusKey, number>;
  demands: { number: number; label: string; shortTitle: string; status: StatusKey; url: string }[];
}

const party = (p: ApiLetterInput['sender']) => ({
  organization: p.organization,
  shortName: p.shortName ?? null,
  role: p.role ?? null,
  name: p.name ?? null,
});

export function apiLetters(
  letters: readonly ApiLetterInput[],
  demands: readonly ApiDemandInput[],
  origin: string,
): ApiLetter[] {
  return [...letters]
    .sort((a, b) => a.date.localeCompare(b.date) || a.slug.localeCompare(b.slug))
    .map((letter) => {
      const own = demands.filter((d) => d.letter === letter.slug).sort((a, b) => a.number - b.number);
      const statusCounts = Object.fromEntries(STATUS_LIST.map((s) => [s.key, 0])) as Record<StatusKey, number>;
      for (const d of own) statusCounts[currentStatus(d.statusHistory)]++;
      return {
        slug: letter.slug,
        title: letter.title,
        date: letter.date,
        responseDue: letter.responseDue ?? null,
        sender: party(letter.sender),
        addressee: party(letter.addressee),
        summary: letter.summary,
        url: absolute(letterUrl(letter.slug), origin),
        statusCounts,
        demands: own.map((d) => ({
          number: d.number,
          label: d.label,
          shortTitle: d.shortTitle,
          status: currentStatus(d.statusHistory),
          url: absolute(demandUrl(d.letter, d.number), origin),
        })),
      };
    });
}

/** /api/statuses.json: the status table and event types, straight from src/lib/status.ts. */
export function apiStatuses() {
  return {
    statuses: STATUS_LIST.map((s) => ({
      key: s.key,
      ja: s.ja,
      en: s.en,
      symbol: s.symbol,
      definitionJa: s.definitionJa,
      definitionEn: s.definitionEn,
      settled: s.settled,
    })),
    eventTypes: (Object.keys(EVENT_TYPES) as EventType[]).map((key) => ({
      key,
      ja: EVENT_TYPES[key],
      en: EVENT_TYPES_EN[key],
    })),
  };
}

/** Columns of /api/demands.csv, in order. */
export const CSV_COLUMNS = [
  'letter',
  'number',
  'label',
  'text',
  'status',
  'url',
  'history',
  'status_ja',
  'short_title',
  'addressee',
  'last_updated',
  'status_as_of',
  'overdue',
  'history_json',
] as const;

/**
 * One CSV cell (RFC 4180): quoted when needed, with a leading apostrophe before = + - @ so that a
 * spreadsheet never runs a cell as a formula.
 */
export function csvCell(value: string | number | boolean): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** 2019-07-23 回答あり：summary（出典：title url） — one line per entry, for people reading the sheet. */
export function historyAsText(history: readonly ApiHistoryEntry[]): string {
  return history
    .map(
      (e) =>
        `${e.date} ${STATUSES[e.status].ja}：${e.summary}（出典：${e.sources.map((s) => `${s.title} ${s.url}`).join('／')}）`,
    )
    .join('\n');
}

/** /api/demands.csv: UTF-8 with a byte-order mark (so that Excel reads Japanese), CRLF line ends. */
export function demandsCsv(demands: readonly ApiDemand[], letters: readonly ApiLetterInput[]): string {
  const addressees = new Map(letters.map((l) => [l.slug, addresseeShort(l.addressee)] as const));
  const rows = demands.map((d) => {
    const cells: Record<(typeof CSV_COLUMNS)[number], string | number | boolean> = {
      letter: d.letter,
      number: d.number,
      label: d.label,
      text: d.text,
      status: d.status,
      url: d.url,
      history: historyAsText(d.history),
      status_ja: d.statusLabel.ja,
      short_title: d.shortTitle,
      addressee: addressees.get(d.letter) ?? '',
      last_updated: d.lastUpdated,
      status_as_of: d.statusAsOf,
      overdue: d.overdue,
      history_json: JSON.stringify(d.history),
    };
    return CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',');
  });
  return `\uFEFF${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
