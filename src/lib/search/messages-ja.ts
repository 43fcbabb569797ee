/** The Japanese search page's texts (/search/): only this page's script carries them. */
import type { PageTexts } from './messages.ts';

export const TEXTS_JA: PageTexts = {
  problems: {
    network: '検索用のデータを読み込めませんでした。通信状態を確かめて、もう一度お試しください。',
    stale:
      'サイトが更新されたため、このページの検索用データは使えなくなりました。ページを再読み込みしてから、もう一度お試しください。',
    corrupt:
      '検索用のデータが壊れているため、検索できませんでした。再読み込みしても直らないときは、サイトの管理者にお知らせください。',
  },
  approximate: 'とても多くの文書に含まれる言葉のため、この並び順は概算です。言葉を足すと、正確な順で絞り込めます。',

  status: (query: string, count: number, more: boolean) =>
    `「${query}」の検索結果：関連の高い順に${count}件${more ? '（続きは「さらに表示」）' : ''}`,
  none: (query: string) => `「${query}」の検索結果：0件`,
  notFound: (query: string) => `「${query}」に一致するものは見つかりませんでした。`,
  title: (query: string) => (query ? `「${query}」の検索結果` : 'サイト内検索'),
  atTheTime: { ja: 'この時点：', en: 'At the time: ' },
  japaneseOnly: '',

  searched: (also: readonly string[]) => `${also.map((a) => `「${a}」`).join('')}も含めて検索しました。`,
  typedOnly: (query: string) => `「${query}」だけで検索する`,
};
