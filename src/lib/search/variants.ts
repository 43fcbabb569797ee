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
  /**
   * Said on the results when the query holds one of the `when` aliases: where the everyday word and
   * the texts' term differ in a way a reader must know (情報公開 is not the rules' 開示).
   */
  queryNote?: { when: readonly string[]; text: string };
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

/** Other names for the same thing (organizations, laws, the card). */
export const NAME_CONCEPTS: readonly Concept[] = [
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
    note: '同じ意味の別の言い方（名称ではない）なので thesaurus の重み。要求②は「目的外使用」、法令用語は「目的外利用」、要求は「流用しないこと」、読者は「勝手に使う」',
  },
  {
    key: 'kaiji',
    aliases: ['開示', '情報公開', '見せて', '見せる', '見せてもら', '閲覧', '見たい'],
    note: '「自分の情報を見たい」は規程では「開示」（第24条）。「情報公開」は別の制度（誰でも請求できる行政文書の公開）だが、読者はこの意味で使うので残し、結果にその違いを書く',
    queryNote: {
      when: ['情報公開'],
      text: '規程の「開示」は、本人が自分の記録を見せてもらう手続です。誰でも請求できる情報公開制度とは別のもので、規程が定めるのは自分の記録の開示だけです。',
    },
  },
  {
    key: 'teisei',
    aliases: ['訂正', '間違い', '間違っ', '誤り', '修正', '直して', '直したい'],
    note: '「間違いを直す」は規程では「訂正」（第25条）。「直す」単独は「見直す」（第35条）に当たるので入れない',
  },
  {
    key: 'haiki',
    aliases: ['廃棄', '削除', '消去', '捨てる', '捨て', '消す', '消して', '消さ', '処分して'],
    note: '「捨てる・消す」は規程では「廃棄又は削除」（第5条）「消去」（第10条・第26条）',
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
    note: '「使うのをやめてほしい」は規程では「利用の停止」「提供の停止」の請求（第26条）。「やめて」「止めて」単独は「配布をやめて」（要求③）にも当たるので入れない',
  },
  {
    key: 'rouei',
    aliases: ['漏えい', '漏れ', '流出', '情報漏れ', 'もれ'],
    note: '「情報が漏れる・流出」は規程・要請書では「漏えい」（第12条・第18条）',
  },
  {
    key: 'itaku',
    aliases: ['委託', '外注', '業者', '外部に任せ', 'アウトソーシング'],
    note: '「外注・業者に任せる」は規程では「委託」（第16条）',
  },
  {
    key: 'saiitaku',
    aliases: ['再委託', '下請け', '下請', '孫請け'],
    note: '「下請けに出す」は規程では「再委託」（第17条）',
  },
  {
    key: 'kujo',
    aliases: ['苦情', 'クレーム', '文句', '不満', '相談窓口'],
    note: '「クレーム・文句」は規程では「苦情」（第11条(4)・第33条）',
  },
  {
    key: 'honninkakunin',
    aliases: ['本人確認', '本人であることを確認', '身分証', '身元確認', '本人かどうか'],
    note: '「身分証で確認」は規程では「本人確認の措置」（第9条）',
  },
  {
    key: 'fuyo',
    aliases: ['被扶養者', '扶養家族', '扶養している', '家族'],
    note: '「家族・扶養家族」は要請書では「被扶養者」',
  },
  {
    key: 'kyosei',
    aliases: ['強制', '無理やり', '無理矢理', '強引'],
    note: '「無理やり取らせる」は要請書では「強制」',
  },
  {
    key: 'cardshutoku',
    aliases: ['カード取得', 'カードの取得', 'カードを作', 'カードをつく', 'カードを取', 'カード作成'],
    note: '「カードを作る」は要請書では「カード取得」',
  },
  {
    key: 'torimatome',
    aliases: ['とりまとめ', '回収', '集めさせ', '職場で集め', '所属で集め', '申請書を集め'],
    note: '「職場で申請書を集める」は要求4では「所属によるとりまとめ」、経過では「回収」。「集める」単独は組合による「収集」（shushu）',
  },
  {
    key: 'shushu',
    aliases: ['収集', '集め'],
    note: '「マイナンバーを集める」は規程では「収集」（第5条・第7条・第8条）。職場で申請書を集めさせるのは「とりまとめ」（torimatome、その別名が優先）',
  },
  {
    key: 'shokuba',
    aliases: ['所属', '職場', '勤務先', '部署'],
    note: '「職場・勤務先」は要求4・要求④では「所属（部署）」',
  },
  {
    key: 'kyoiku',
    aliases: ['教育・訓練', '教育訓練', '研修', '講習', 'トレーニング'],
    note: '「研修」は規程では「教育・訓練」（第15条）',
  },
  {
    key: 'shisha',
    aliases: ['死者', '亡くなった', '亡くなっ', '死んだ', '故人'],
    note: '「亡くなった人のマイナンバー」は規程では「死者のもの」（第12条）',
  },
  {
    key: 'anzenkanri',
    aliases: ['安全管理', '安全確保', 'セキュリティ', '情報管理'],
    note: '「セキュリティ対策」は規程では「安全管理のために必要かつ適切な措置」（第12条など）',
  },
  {
    key: 'tesuryo',
    aliases: ['手数料', '料金', 'いくら', '有料', '無料', 'お金'],
    note: '「いくらかかる・料金」は規程では「手数料」（第30条）。「費用」は第26条の「多額の費用」に当たるので入れない',
  },
  {
    key: 'dairinin',
    aliases: ['代理人', '代わりに', '代理で', '代理'],
    note: '「本人の代わりに」は規程では「代理人」（第9条・第28条）',
  },
  {
    key: 'kigen',
    aliases: ['日以内', '何日', 'いつまでに'],
    note: '「何日で返事が来る」は規程では「30日以内に…決定…通知」（第29条）',
  },
  {
    key: 'sosho',
    aliases: ['訴え', '裁判', '訴訟', '提訴', '訴える'],
    note: '「裁判を起こす」は規程では「訴えを提起」（第31条）',
  },
  {
    key: 'shiko',
    aliases: ['施行', '有効になっ', '効力', '発効', 'いつから有効', 'いつから施行', 'いつから適用', '使われ始め'],
    note: '「いつから有効か」は附則の「施行」。「いつから」単独はどんな「いつから」の質問も附則に引くので入れない',
  },
  {
    key: 'kaito',
    aliases: ['回答', '答え', '答えた', '返答', '返事'],
    note: '「どう答えたか」は経過では「回答」',
  },
  {
    key: 'riyo',
    aliases: ['利用', '使う', '使え', '使い道', '使わせ', '使われて', '使わない'],
    note: '「使う」は規程では「利用」（第19条 個人番号の利用制限など）。「使わ」は「使われ始め」（附則）や「使わず」に当たるので入れない',
  },
  {
    key: 'kojinbango',
    aliases: ['個人番号', 'マイナンバー'],
    note: '規程は「個人番号」、要請書・読者は「マイナンバー」（マイナンバーカードの中の語も数える）',
  },
];

/** Every concept the tokenizer and the highlighter know: names, then the thesaurus. */
export const CONCEPTS: readonly Concept[] = [...NAME_CONCEPTS, ...THESAURUS];
