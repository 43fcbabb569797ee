/**
 * What the search page tells readers when a search cannot run, or runs only approximately. Each cause
 * has its own text: a reader offline should check the connection, one with a page from an earlier
 * deploy should reload, and a damaged index is the site's fault, not the reader's.
 */
import { SearchIndexError } from './engine.ts';

export type SearchProblem = 'network' | 'stale' | 'corrupt';

export function problemOf(error: unknown): SearchProblem {
  return error instanceof SearchIndexError ? error.kind : 'network';
}

export const PROBLEM_MESSAGES: Record<SearchProblem, string> = {
  network: '検索用のデータを読み込めませんでした。通信状態を確かめて、もう一度お試しください。',
  stale:
    'サイトが更新されたため、このページの検索用データは使えなくなりました。ページを再読み込みしてから、もう一度お試しください。',
  corrupt:
    '検索用のデータが壊れているため、検索できませんでした。再読み込みしても直らないときは、サイトの管理者にお知らせください。',
};

/** Shown with results whose order is approximate (the engine stopped at its read budget). */
export const APPROXIMATE_NOTICE =
  'とても多くの文書に含まれる言葉のため、この並び順は概算です。言葉を足すと、正確な順で絞り込めます。';
