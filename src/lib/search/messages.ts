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

/** The English search page's versions of PROBLEM_MESSAGES. */
export const PROBLEM_MESSAGES_EN: Record<SearchProblem, string> = {
  network: 'The search data could not be loaded. Check your connection and try again.',
  stale: 'The site has been updated, so this page’s search data can no longer be used. Reload the page and try again.',
  corrupt:
    'The search data is damaged, so the search could not run. If reloading does not help, please tell the site’s editors.',
};

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

/** The English version of APPROXIMATE_NOTICE. */
export const APPROXIMATE_NOTICE_EN =
  'These words occur in very many documents, so this order is approximate. Add words to narrow it exactly.';

/**
 * What the results say a query was expanded to (issue 31): 「マイナンバー」の検索では「個人番号」も
 * 含めて検索しました, with a link to the search for the words as typed (quoted: no expansion).
 */
export const EXPANDED_TEXTS = {
  ja: {
    searched: (also: readonly string[]) => `${also.map((a) => `「${a}」`).join('')}も含めて検索しました。`,
    typedOnly: (query: string) => `「${query}」だけで検索する`,
  },
  en: {
    searched: (also: readonly string[]) => `Also searched: ${also.map((a) => `“${a}”`).join(', ')}.`,
    typedOnly: (query: string) => `Search for “${query}” only`,
  },
} as const;

/** The search for the words as typed only: the query quoted (tokenize.ts: no concept in quotes). */
export const typedOnlyQuery = (query: string): string => `"${query.replace(/"/g, '')}"`;

/** The search page's own strings, per page language (the English search page is /en/search/). */
export const PAGE_TEXTS = {
  ja: {
    status: (query: string, count: number, more: boolean) =>
      `「${query}」の検索結果：関連の高い順に${count}件${more ? '（続きは「さらに表示」）' : ''}`,
    none: (query: string) => `「${query}」の検索結果：0件`,
    notFound: (query: string) => `「${query}」に一致するものは見つかりませんでした。`,
    tips: [
      '短い言葉や別の言い方で試してください（例：「個人番号カード」→「マイナンバーカード」、「漏洩」→「漏えい」）。',
      '言葉の間に空白を入れると、それぞれの言葉を含むものを探します。',
    ],
    browse: '一覧から探すこともできます：',
    lists: [
      ['/letters/', '要請書の一覧'],
      ['/status/', '要求の状況'],
      ['/references/mie-my-number-rules/', '関連規程'],
    ],
    title: (query: string) => (query ? `「${query}」の検索結果` : 'サイト内検索'),
    atTheTime: 'この時点：',
    japaneseOnly: '',
  },
  en: {
    status: (query: string, count: number, more: boolean) =>
      `Results for “${query}”: ${count}, most relevant first${more ? ' (more with “Show more”)' : ''}`,
    none: (query: string) => `Results for “${query}”: none`,
    notFound: (query: string) => `Nothing matches “${query}”.`,
    tips: [
      'Try a shorter word or another wording (for example “card” or “disclosure”).',
      'Words separated by spaces are each looked for.',
    ],
    browse: 'You can also browse:',
    lists: [
      ['/en/', 'the letters'],
      ['/en/status/', 'the status of each demand'],
      ['/en/references/mie-my-number-rules/', 'the regulation'],
    ],
    title: (query: string) => (query ? `Results for “${query}”` : 'Search'),
    atTheTime: 'At the time: ',
    japaneseOnly: 'Japanese only: no English translation of this text yet.',
  },
} as const;
