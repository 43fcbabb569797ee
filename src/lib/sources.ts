/**
 * Sources that survive: every cited page may carry a saved copy (`archived`, on the Wayback Machine or
 * 国立国会図書館 WARP) and the date it was read (`accessed`). This module lists the sources of the
 * content (entries as arguments), checks links over HTTP and asks the Wayback Machine's availability
 * API for a copy to add. `npm run sources -- check` (scripts/sources.ts) prints the result in Japanese.
 */

import { formatDateJa } from './dates.ts';

/** Hosts of the archives a source's `archived` may point at. */
export const ARCHIVE_HOSTS = ['web.archive.org', 'warp.ndl.go.jp'] as const;

/** The Wayback Machine's availability API (https://archive.org/help/wayback_api.php). */
export const WAYBACK_AVAILABILITY_API = 'https://archive.org/wayback/available';

/** Whether `value` is an https address on one of ARCHIVE_HOSTS. */
export function isArchiveUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && (ARCHIVE_HOSTS as readonly string[]).includes(url.hostname);
  } catch {
    return false;
  }
}

/** What the pages show beside a source's link: 「保存版」 (its saved copy) and the day it was read. */
interface ArchiveNote {
  /** The saved copy's address, or null. */
  archived: string | null;
  /** The label of the link to it. */
  label: '保存版';
  /** 2026年12月6日閲覧, or null. */
  accessed: string | null;
}

/** The note beside a source's link, or null when it has neither a saved copy nor a reading date. */
export function archiveNote(source: {
  archived?: string | undefined;
  accessed?: string | undefined;
}): ArchiveNote | null {
  if (!source.archived && !source.accessed) return null;
  return {
    archived: source.archived ?? null,
    label: '保存版',
    accessed: source.accessed ? `${formatDateJa(source.accessed)}閲覧` : null,
  };
}

/** A source as content files write it (demand histories, timeline events, originals). */
interface SourceLike {
  title: string;
  url?: string | undefined;
  archived?: string | undefined;
  accessed?: string | undefined;
}

/** One cited address, with every place that cites it. */
interface CitedSource {
  url: string;
  title: string;
  /** A saved copy, if any place that cites the address gives one. */
  archived: string | null;
  /** The latest `accessed` date given for it. */
  accessed: string | null;
  /** Content files citing it (paths relative to the project). */
  files: string[];
}

/** The content a source list is drawn from: files with their data, as the content check loads them. */
interface SourceFiles {
  demands: Iterable<{ file: string; data: { statusHistory: readonly { sources: readonly SourceLike[] }[] } }>;
  timeline: Iterable<{ file: string; data: { sources: readonly SourceLike[] } }>;
  letters: Iterable<{ file: string; data: { originals: readonly SourceLike[] } }>;
  references: Iterable<{ file: string; data: { originals: readonly SourceLike[] } }>;
}

/** Every web source of the content, one per address, in the order of the address. */
export function citedSources(content: SourceFiles): CitedSource[] {
  const byUrl = new Map<string, CitedSource>();
  const add = (file: string, source: SourceLike): void => {
    if (!source.url) return;
    let cited = byUrl.get(source.url);
    if (!cited) {
      cited = { url: source.url, title: source.title, archived: null, accessed: null, files: [] };
      byUrl.set(source.url, cited);
    }
    if (source.archived && !cited.archived) cited.archived = source.archived;
    if (source.accessed && (!cited.accessed || source.accessed > cited.accessed)) cited.accessed = source.accessed;
    if (!cited.files.includes(file)) cited.files.push(file);
  };
  for (const { file, data } of content.demands)
    for (const entry of data.statusHistory) for (const source of entry.sources) add(file, source);
  for (const { file, data } of content.timeline) for (const source of data.sources) add(file, source);
  for (const { file, data } of content.letters) for (const source of data.originals) add(file, source);
  for (const { file, data } of content.references) for (const source of data.originals) add(file, source);
  return [...byUrl.values()].sort((a, b) => a.url.localeCompare(b.url));
}

/** What a request for a cited address found. */
type LinkState =
  | { kind: 'ok'; status: number }
  | { kind: 'redirect'; status: number; location: string }
  | { kind: 'dead'; status: number }
  | { kind: 'unreachable'; reason: string };

/** Asks for `url` once, without following redirects (a moved page is reported with its new address). */
export async function checkLink(url: string, timeoutMs = 10_000): Promise<LinkState> {
  try {
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    await response.body?.cancel();
    const { status } = response;
    if (status >= 300 && status < 400) {
      const location = response.headers.get('location');
      return { kind: 'redirect', status, location: location ? new URL(location, url).href : '' };
    }
    return status < 400 ? { kind: 'ok', status } : { kind: 'dead', status };
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    return { kind: 'unreachable', reason: cause || (error instanceof Error ? error.message : String(error)) };
  }
}

/**
 * The Wayback Machine's closest copy of `url`, as an https address to paste into `archived`, or null
 * when it has none (or cannot be asked). `api` is the availability API's address (a local server in tests).
 */
export async function waybackCopy(
  url: string,
  api = WAYBACK_AVAILABILITY_API,
  timeoutMs = 10_000,
): Promise<string | null> {
  try {
    const query = new URL(api);
    query.searchParams.set('url', url);
    const response = await fetch(query, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return null;
    const body = (await response.json()) as {
      archived_snapshots?: { closest?: { available?: boolean; url?: string } };
    };
    const closest = body.archived_snapshots?.closest;
    if (!closest?.available || !closest.url) return null;
    const copy = closest.url.replace(/^http:\/\//, 'https://');
    return isArchiveUrl(copy) ? copy : null;
  } catch {
    return null;
  }
}

/** One line of the report for a source. */
interface SourceReport extends CitedSource {
  /** The link check's result, when the network was asked. */
  link?: LinkState;
  /** A Wayback copy to add, when the source has no `archived` and one was found. */
  suggestion?: string | null;
}

/** Checks each source (link state; for one without a copy, a Wayback address to add). */
export async function checkSources(
  sources: readonly CitedSource[],
  options: { api?: string; timeoutMs?: number } = {},
): Promise<SourceReport[]> {
  const reports: SourceReport[] = [];
  for (const source of sources) {
    const link = await checkLink(source.url, options.timeoutMs);
    const suggestion = source.archived ? undefined : await waybackCopy(source.url, options.api, options.timeoutMs);
    reports.push({ ...source, link, ...(suggestion !== undefined ? { suggestion } : {}) });
  }
  return reports;
}

const linkText = (link: LinkState): string => {
  switch (link.kind) {
    case 'ok':
      return `読めます（${link.status}）`;
    case 'redirect':
      return `移転しています（${link.status} → ${link.location || '移転先の記載なし'}）`;
    case 'dead':
      return `読めません（${link.status}）`;
    case 'unreachable':
      return `つながりません（${link.reason}）`;
  }
};

/** The report in Japanese, one block per source, then a count. */
export function formatSourceReport(reports: readonly SourceReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(`${r.archived ? '保存版あり' : '保存版なし'}：${r.title}`);
    lines.push(`  URL：${r.url}`);
    if (r.archived) lines.push(`  保存版：${r.archived}`);
    if (r.accessed) lines.push(`  最終閲覧日：${r.accessed}`);
    lines.push(`  引用しているファイル：${r.files.join('、')}`);
    if (r.link) lines.push(`  リンク：${linkText(r.link)}`);
    if (r.suggestion) lines.push(`  追加できる保存版（archived に書く）：${r.suggestion}`);
    else if (r.suggestion === null) lines.push('  Wayback Machine に保存版は見つかりませんでした');
  }
  const missing = reports.filter((r) => !r.archived).length;
  const broken = reports.filter((r) => r.link && r.link.kind !== 'ok').length;
  lines.push('');
  lines.push(`出典 ${reports.length} 件のうち、保存版なし ${missing} 件。`);
  if (reports.some((r) => r.link)) lines.push(`読めない・移転した・つながらないリンク ${broken} 件。`);
  return lines.join('\n');
}
