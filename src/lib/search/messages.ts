/**
 * What the search page tells readers when a search cannot run, or runs only approximately. Each cause
 * has its own text: a reader offline should check the connection, one with a page from an earlier
 * deploy should reload, and a damaged index is the site's fault, not the reader's.
 */
import { SearchIndexError } from './engine.ts';

type SearchProblem = 'network' | 'stale' | 'corrupt';

export function problemOf(error: unknown): SearchProblem {
  return error instanceof SearchIndexError ? error.kind : 'network';
}

/**
 * What the search page says, in its language (messages-ja.ts, messages-en.ts: each page's script
 * carries only its own).
 */
export interface PageTexts {
  /**
   * Why a search could not run, by cause: a reader offline should check the connection, one with a
   * page from an earlier deploy should reload, and a damaged index is the site's fault.
   */
  problems: Record<SearchProblem, string>;
  /** Shown with results whose order is approximate (the engine stopped at its read budget). */
  approximate: string;
  status: (query: string, count: number, more: boolean) => string;
  none: (query: string) => string;
  notFound: (query: string) => string;
  title: (query: string) => string;
  /** Before a history entry's status (the status then, not now), in the hit's language. */
  atTheTime: Record<'ja' | 'en', string>;
  /** Said under a Japanese hit on the English page (empty on the Japanese page). */
  japaneseOnly: string;
  /** 「個人番号」も含めて検索しました: what else the query searched (issue 31). */
  searched: (also: readonly string[]) => string;
  /** The link to the search for the words as typed only. */
  typedOnly: (query: string) => string;
}

/** The search for the words as typed only: the query quoted (tokenize.ts: no concept in quotes). */
export const typedOnlyQuery = (query: string): string => `"${query.replace(/"/g, '')}"`;
