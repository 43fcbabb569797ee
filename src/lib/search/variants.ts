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
 * Aliases are written as readers type them; they are normalized with the same function as texts when
 * the table is compiled, so ＪＬＩＳ, J-LIS and jlis all match the alias "JLIS".
 */

export interface SpellingVariant {
  /** The spelling used in our texts (what the variants are rewritten to). */
  canonical: string;
  /** Other spellings with exactly the same meaning. */
  variants: readonly string[];
  /** Why the entry exists. */
  note: string;
}

export interface Concept {
  /** Key of the concept token (`#key`). ASCII, lower case. */
  key: string;
  /** Every name for the thing, the texts' own wording first. */
  aliases: readonly string[];
  note: string;
}

export const SPELLINGS: readonly SpellingVariant[] = [
  { canonical: '漏えい', variants: ['漏洩', 'ろうえい'], note: '常用漢字外の「洩」: 規程・要請書は「漏えい」と書く' },
  {
    canonical: 'とりまとめ',
    variants: ['取りまとめ', '取まとめ', '取り纏め', '取纏め', 'とり纏め'],
    note: '送り仮名・表記ゆれ: 要求4は「とりまとめ」、本文は「取りまとめ」',
  },
  { canonical: '毀損', variants: ['き損'], note: '交ぜ書き' },
  { canonical: '附則', variants: ['付則'], note: '法令は「附」' },
  { canonical: '附番', variants: ['付番'], note: '法令用語は「附番」' },
  { canonical: '骨太方針', variants: ['骨太の方針'], note: '「骨太方針2019」と書かれている' },
  { canonical: 'とりやめ', variants: ['取りやめ', '取り止め', '取止め'], note: '送り仮名' },
  { canonical: '申入れ', variants: ['申し入れ'], note: '送り仮名（要求①は「申し入れる」）: 両方を同じ語にする' },
];

export const CONCEPTS: readonly Concept[] = [
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
    note: '法令上の名称は個人番号カード、通称マイナカード',
  },
  {
    key: 'jlis',
    aliases: ['地方公共団体情報システム機構', 'J-LIS', 'JLIS'],
    note: '略称 J-LIS（ハイフンなしでも）',
  },
  {
    key: 'shichosonkyosai',
    aliases: ['市町村職員共済組合', '市町村共済組合', '市町村共済'],
    note: '全国市町村職員共済組合連合会と各県の市町村職員共済組合（三重県など）の略称',
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
    note: '要請書の宛先',
  },
  {
    key: 'jichiroren',
    aliases: ['日本自治体労働組合総連合', '自治労連'],
    note: '差出人',
  },
  {
    key: 'mokutekigai',
    aliases: ['目的外使用', '目的外利用', '目的外の利用', '目的外の使用'],
    note: '要求②は「目的外使用」、法令用語は「目的外利用」',
  },
  {
    key: 'bangoho',
    aliases: ['番号法', 'マイナンバー法', '行政手続における特定の個人を識別するための番号の利用等に関する法律'],
    note: '規程第2条(2)の定義',
  },
  {
    key: 'kojinjohohogoho',
    aliases: ['個人情報保護法', '個人情報の保護に関する法律'],
    note: '規程第2条(1)ロの定義',
  },
  {
    key: 'ppc',
    aliases: ['個人情報保護委員会', '個情委', 'PPC'],
    note: '規程第18条6',
  },
  {
    key: 'digitalgov',
    aliases: ['デジタル・ガバメント閣僚会議', 'デジタルガバメント閣僚会議', 'デジタル閣僚会議'],
    note: '本文は「デジタル・ガバメント閣僚会議」',
  },
];
