/**
 * The search's table of variants and abbreviations. Small on purpose: every line is a spelling a
 * reader is likely to type for something the texts write differently. Each entry is applied the same
 * way to the indexed texts and to the query (see normalize.ts and tokenize.ts).
 *
 * Two kinds:
 *
 * - `SPELLINGS`: pure spelling variants (kanji vs kana, okurigana). The variant is rewritten to the
 *   canonical spelling before tokenizing, in texts and queries alike, so both spellings become the same
 *   tokens. Only for words where the two spellings mean exactly the same thing.
 * - `CONCEPTS`: abbreviations and synonyms (マイナカード = マイナンバーカード = 個人番号カード). The surface
 *   words are kept (so the exact wording still ranks first), and every occurrence of any alias also
 *   emits one concept token (`#<key>`), in texts and queries alike. A query that uses one name then
 *   finds the texts that use another.
 *
 * Width (ＪＬＩＳ, ﾏｲﾅﾝﾊﾞｰ), case, middle dots (デジタル・ガバメント) and hyphens (J-LIS) need no entry:
 * normalize() handles them for every word.
 *
 * Why each entry exists is written in variants-notes.ts (NOTES, one per spelling and concept; a test
 * checks none is missing). Neither file is in the browser's bundle: the build ships `VARIANT_TABLE` in
 * the index's manifest, and the page installs it from there (variant-table.ts).
 *
 * Aliases are written as readers type them; they are normalized with the same function as texts when
 * the table is compiled, so ＪＬＩＳ, J-LIS and jlis all match the alias "JLIS".
 */

import type { VariantTable } from './variant-table.ts';

export interface SpellingVariant {
  /** The spelling used in our texts (what the variants are rewritten to). */
  canonical: string;
  /** Other spellings with exactly the same meaning. */
  variants: readonly string[];
}

export interface Concept {
  /** Key of the concept token (`#key`). ASCII, lower case. */
  key: string;
  /** Every name for the thing, the texts' own wording first. */
  aliases: readonly string[];
  /**
   * Said on the results when the query holds one of the `when` aliases: where the everyday word and
   * the texts' term differ in a way a reader must know (情報公開 is not the rules' 開示).
   */
  queryNote?: { when: readonly string[]; text: string };
}

export const SPELLINGS: readonly SpellingVariant[] = [
  { canonical: '漏えい', variants: ['漏洩', 'ろうえい'] },
  {
    canonical: 'とりまとめ',
    variants: ['取りまとめ', '取まとめ', '取り纏め', '取纏め', 'とり纏め'],
  },
  { canonical: '毀損', variants: ['き損'] },
  { canonical: '附則', variants: ['付則'] },
  { canonical: '附番', variants: ['付番'] },
  { canonical: '骨太方針', variants: ['骨太の方針'] },
  { canonical: 'とりやめ', variants: ['取りやめ', '取り止め', '取止め'] },
  { canonical: '申入れ', variants: ['申し入れ'] },
];

/** Other names for the same thing (organizations, laws, the card). */
const NAME_CONCEPTS: readonly Concept[] = [
  {
    key: 'mynumbercard',
    aliases: [
      'マイナンバーカード',
      '個人番号カード',
      'マイナカード',
      'マイナンバー・カード',
      'mynumbercard',
      'my number card',
    ],
  },
  {
    key: 'jlis',
    aliases: ['地方公共団体情報システム機構', 'J-LIS', 'JLIS'],
  },
  {
    key: 'shichosonkyosai',
    aliases: ['市町村職員共済組合', '市町村共済組合', '市町村共済'],
  },
  {
    key: 'rengokai',
    aliases: [
      '全国市町村職員共済組合連合会',
      '市町村職員共済組合連合会',
      '市町村共済連合会',
      '全国市町村共済',
      '市町村連合会',
    ],
  },
  {
    key: 'jichiroren',
    aliases: ['日本自治体労働組合総連合', '自治労連'],
  },
  {
    key: 'bangoho',
    aliases: ['番号法', 'マイナンバー法', '行政手続における特定の個人を識別するための番号の利用等に関する法律'],
  },
  {
    key: 'kojinjohohogoho',
    aliases: ['個人情報保護法', '個人情報の保護に関する法律'],
  },
  {
    key: 'ppc',
    aliases: ['個人情報保護委員会', '個情委', 'PPC'],
  },
  {
    key: 'digitalgov',
    aliases: ['デジタル・ガバメント閣僚会議', 'デジタルガバメント閣僚会議', 'デジタル閣僚会議'],
  },
];

/**
 * The thesaurus (issue 14): everyday words readers use for the regulation's and the letters' terms.
 * Entries are concepts like the ones above (the texts' own word first, then the everyday words): each
 * alias keeps its own n-grams and also yields the concept term, in texts and queries alike, so the
 * exact wording still ranks first and an everyday word finds the legal one. Every alias was checked
 * against the texts (it must not occur inside an unrelated word: 「直す」 would hit 「見直す」, so it
 * is not an alias). Judged by bench/search/queries-readers.json, written before this table.
 */
export const THESAURUS: readonly Concept[] = [
  {
    key: 'mokutekigai',
    aliases: ['目的外使用', '目的外利用', '目的外の利用', '目的外の使用', '流用', '勝手に使', '目的以外'],
  },
  {
    key: 'kaiji',
    aliases: ['開示', '情報公開', '見せて', '見せる', '見せてもら', '閲覧', '見たい'],
    queryNote: {
      when: ['情報公開'],
      text: '規程の「開示」は、本人が自分の記録を見せてもらう手続です。誰でも請求できる情報公開制度とは別のもので、規程が定めるのは自分の記録の開示だけです。',
    },
  },
  {
    key: 'teisei',
    aliases: ['訂正', '間違い', '間違っ', '誤り', '修正', '直して', '直したい'],
  },
  {
    key: 'haiki',
    aliases: ['廃棄', '削除', '消去', '捨てる', '捨て', '消す', '消して', '消さ', '処分して'],
  },
  {
    key: 'teishi',
    aliases: [
      '利用の停止',
      '利用停止',
      '提供の停止',
      '使うのをやめ',
      '使うのを止め',
      '利用をやめ',
      '使わないで',
      '渡すのをやめ',
      '止めてもら',
    ],
  },
  {
    key: 'rouei',
    aliases: ['漏えい', '漏れ', '流出', '情報漏れ', 'もれ'],
  },
  {
    key: 'itaku',
    aliases: ['委託', '外注', '業者', '外部に任せ', 'アウトソーシング'],
  },
  {
    key: 'saiitaku',
    aliases: ['再委託', '下請け', '下請', '孫請け'],
  },
  {
    key: 'kujo',
    aliases: ['苦情', 'クレーム', '文句', '不満', '相談窓口'],
  },
  {
    key: 'honninkakunin',
    aliases: ['本人確認', '本人であることを確認', '身分証', '身元確認', '本人かどうか'],
  },
  {
    key: 'fuyo',
    aliases: ['被扶養者', '扶養家族', '扶養している', '家族'],
  },
  {
    key: 'kyosei',
    aliases: ['強制', '無理やり', '無理矢理', '強引'],
  },
  {
    key: 'cardshutoku',
    aliases: ['カード取得', 'カードの取得', 'カードを作', 'カードをつく', 'カードを取', 'カード作成'],
  },
  {
    key: 'torimatome',
    aliases: ['とりまとめ', '回収', '集めさせ', '職場で集め', '所属で集め', '申請書を集め'],
  },
  {
    key: 'shushu',
    aliases: ['収集', '集め'],
  },
  {
    key: 'shokuba',
    aliases: ['所属', '職場', '勤務先', '部署'],
  },
  {
    key: 'kyoiku',
    aliases: ['教育・訓練', '教育訓練', '研修', '講習', 'トレーニング'],
  },
  {
    key: 'shisha',
    aliases: ['死者', '亡くなった', '亡くなっ', '死んだ', '故人'],
  },
  {
    key: 'anzenkanri',
    aliases: ['安全管理', '安全確保', 'セキュリティ', '情報管理'],
  },
  {
    key: 'tesuryo',
    aliases: ['手数料', '料金', 'いくら', '有料', '無料', 'お金'],
  },
  {
    key: 'dairinin',
    aliases: ['代理人', '代わりに', '代理で', '代理'],
  },
  {
    key: 'kigen',
    aliases: ['日以内', '何日', 'いつまでに'],
  },
  {
    key: 'sosho',
    aliases: ['訴え', '裁判', '訴訟', '提訴', '訴える'],
  },
  {
    key: 'shiko',
    aliases: ['施行', '有効になっ', '効力', '発効', 'いつから有効', 'いつから施行', 'いつから適用', '使われ始め'],
  },
  {
    key: 'kaito',
    aliases: ['回答', '答え', '答えた', '返答', '返事'],
  },
  {
    key: 'riyo',
    aliases: ['利用', '使う', '使え', '使い道', '使わせ', '使われて', '使わない'],
  },
  {
    key: 'kojinbango',
    aliases: ['個人番号', 'マイナンバー'],
  },
];

/** Every concept the tokenizer and the highlighter know: names, then the thesaurus. */
export const CONCEPTS: readonly Concept[] = [...NAME_CONCEPTS, ...THESAURUS];

/** What the tokenizer, normalizer and highlighter read (variant-table.ts), and the manifest ships. */
export const VARIANT_TABLE: VariantTable = {
  spellings: SPELLINGS,
  concepts: CONCEPTS,
  thesaurus: THESAURUS.map((c) => c.key),
};
