/**
 * Synthetic corpora for the scale bench: letters with five demands each, made of sentences recombined
 * from the real units, so term statistics look like ours (and common terms are as common as they get).
 * Deterministic (seeded).
 */
import type { SearchUnit } from '../../../src/lib/search/units.ts';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sentencesOf = (text: string) =>
  text
    .split(/(?<=。)/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 4);

const PREFECTURES = [
  '北海道',
  '青森県',
  '岩手県',
  '宮城県',
  '秋田県',
  '山形県',
  '福島県',
  '茨城県',
  '栃木県',
  '群馬県',
  '埼玉県',
  '千葉県',
  '東京都',
  '神奈川県',
  '新潟県',
  '富山県',
  '石川県',
  '福井県',
  '山梨県',
  '長野県',
  '岐阜県',
  '静岡県',
  '愛知県',
  '三重県',
  '滋賀県',
  '京都府',
  '大阪府',
  '兵庫県',
  '奈良県',
  '和歌山県',
  '鳥取県',
  '島根県',
  '岡山県',
  '広島県',
  '山口県',
  '徳島県',
  '香川県',
  '愛媛県',
  '高知県',
  '福岡県',
  '佐賀県',
  '長崎県',
  '熊本県',
  '大分県',
  '宮崎県',
  '鹿児島県',
  '沖縄県',
];
const ORGS = ['市町村職員共済組合', '職員共済組合', '市長会', '町村会', '総務部', '人事委員会', '教育委員会'];
const ROLES = ['理事長', '会長', '部長', '委員長', '知事', '市長'];
const FAMILY = [
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山田',
  '佐々木',
  '山口',
  '松本',
  '井上',
  '木村',
  '林',
  '清水',
  '山崎',
];
const GIVEN = [
  '一郎',
  '二郎',
  '誠',
  '浩',
  '修',
  '明美',
  '恵子',
  '博',
  '隆',
  '和子',
  '直樹',
  '裕子',
  '健一',
  '幸子',
  '淳',
];
const TOPICS = [
  'マイナンバーカード',
  '取得の強制',
  '個人情報',
  '目的外使用',
  '交付申請書',
  '健康保険証',
  '申請・取得状況調査',
];

export function synthesizeCorpus(
  real: readonly SearchUnit[],
  letters: number,
  demandsPerLetter = 5,
  seed = 20190723,
): SearchUnit[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const letterSentences = real.filter((u) => u.type === 'letter').flatMap((u) => sentencesOf(u.fields.body));
  const otherSentences = real
    .filter((u) => u.type === 'article' || u.type === 'history')
    .flatMap((u) => sentencesOf(u.fields.body));
  const demandTexts = real.filter((u) => u.type === 'demand').map((u) => u.fields.body);
  const demandTitles = real.filter((u) => u.type === 'demand').map((u) => u.fields.title);
  const clauses = demandTexts.map((t) => t.split('、'));
  const units: SearchUnit[] = [];
  const start = Date.UTC(2015, 0, 1);
  for (let i = 0; i < letters; i += 1) {
    const slug = `synthetic-${i + 1}`;
    const date = new Date(start + Math.floor(random() * 3650) * 86_400_000).toISOString().slice(0, 10);
    const org = `${pick(PREFECTURES)}${pick(ORGS)}`;
    const person = `${pick(ROLES)} ${pick(FAMILY)} ${pick(GIVEN)}`;
    const count = 6 + Math.floor(random() * 8);
    const body: string[] = [];
    for (let s = 0; s < count; s += 1) body.push(random() < 0.8 ? pick(letterSentences) : pick(otherSentences));
    const text = body.join('');
    units.push({
      id: `letter:${slug}`,
      type: 'letter',
      url: `/letters/${slug}/`,
      label: '要請書',
      title: `${org}宛 要請書（${date}）`,
      date,
      fields: {
        title: `マイナンバーカードに係る要請書 ${org} ${person}`,
        body: text,
        meta: [date, pick(TOPICS), pick(TOPICS)].join('\n'),
      },
      text,
    });
    for (let n = 1; n <= demandsPerLetter; n += 1) {
      // Recombine: the start of one demand with the end of another.
      const a = pick(clauses);
      const b = pick(clauses);
      const cut = Math.max(1, Math.floor(random() * a.length));
      const demand = [...a.slice(0, cut), ...b.slice(Math.min(cut, b.length - 1))].join('、');
      units.push({
        id: `demand:${slug}/${n}`,
        type: 'demand',
        url: `/letters/${slug}/demands/${n}/`,
        label: '要求',
        title: `要求${n}（${org}宛）`,
        status: 'awaiting_response',
        date,
        fields: { title: pick(demandTitles), body: demand, meta: [`要求${n}`, org, pick(TOPICS)].join('\n') },
        text: demand,
      });
    }
  }
  return units;
}
