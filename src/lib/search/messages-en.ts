/** The English search page's texts (/en/search/): only this page's script carries them. */
import type { PageTexts } from './messages.ts';

export const TEXTS_EN: PageTexts = {
  problems: {
    network: 'The search data could not be loaded. Check your connection and try again.',
    stale:
      'The site has been updated, so this page’s search data can no longer be used. Reload the page and try again.',
    corrupt:
      'The search data is damaged, so the search could not run. If reloading does not help, please tell the site’s editors.',
  },
  approximate:
    'These words occur in very many documents, so this order is approximate. Add words to narrow it exactly.',

  status: (query: string, count: number, more: boolean) =>
    `Results for “${query}”: ${count}, most relevant first${more ? ' (more with “Show more”)' : ''}`,
  none: (query: string) => `Results for “${query}”: none`,
  notFound: (query: string) => `Nothing matches “${query}”.`,
  title: (query: string) => (query ? `Results for “${query}”` : 'Search'),
  atTheTime: { ja: 'この時点：', en: 'At the time: ' },
  japaneseOnly: 'Japanese only: no English translation of this text yet.',

  searched: (also: readonly string[]) => `Also searched: ${also.map((a) => `“${a}”`).join(', ')}.`,
  typedOnly: (query: string) => `Search for “${query}” only`,
};
