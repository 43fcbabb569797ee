/**
 * The one source of truth for demand statuses: keys, labels, definitions, order.
 * Schema, badges, dashboard, feed, API and CLI all read this module.
 */

export const STATUS_KEYS = [
  'awaiting_response',
  'responded',
  'in_negotiation',
  'stalled',
  'partially_achieved',
  'achieved',
  'rejected',
  'withdrawn',
] as const;

export type StatusKey = (typeof STATUS_KEYS)[number];

interface StatusInfo {
  key: StatusKey;
  ja: string;
  en: string;
  /** One sentence, in Japanese, shown next to every badge. */
  definitionJa: string;
  definitionEn: string;
  /** A text symbol so that status never relies on colour alone. */
  symbol: string;
  /** When to choose it, for organizers (the guide shows this). Judge by outcomes, not stated intentions. */
  guidanceJa: string;
  /** The demand's story has reached an outcome: no answer is awaited any more. */
  settled: boolean;
}

export const STATUSES: Readonly<Record<StatusKey, StatusInfo>> = {
  awaiting_response: {
    key: 'awaiting_response',
    ja: '回答待ち',
    en: 'Awaiting response',
    symbol: '…',
    definitionJa: '要請書を提出し、まだ実質的な回答がない。',
    definitionEn: 'Sent; no substantive answer yet.',
    guidanceJa: '要請書を出した直後や、回答が受け取りの連絡（「承った」だけなど）にとどまるとき。',
    settled: false,
  },
  responded: {
    key: 'responded',
    ja: '回答あり',
    en: 'Responded',
    symbol: '↩',
    definitionJa: '回答を受けたが、組合として実現とも拒否とも判断していない。',
    definitionEn: 'An answer was received; the union has not judged it achieved or refused.',
    guidanceJa:
      '回答を受け取ったが、その内容を組合としてまだ評価していないとき。「強制ではない」のような意向の表明だけでは「実現」にしない。',
    settled: false,
  },
  in_negotiation: {
    key: 'in_negotiation',
    ja: '協議中',
    en: 'In negotiation',
    symbol: '⇄',
    definitionJa: '協議または検討が続いている。',
    definitionEn: 'Talks or consideration ongoing.',
    guidanceJa: '回答の後も協議・懇談が続いている、または相手方が検討中と明言しているとき。',
    settled: false,
  },
  stalled: {
    key: 'stalled',
    ja: '進展なし',
    en: 'Stalled',
    symbol: '＝',
    definitionJa: '回答や協議の後、動きがない。',
    definitionEn: 'No movement after an answer or talks.',
    guidanceJa: '回答や協議の後、求めた変化が起きず、相手方の方針も変わっていないと組合が確認したとき。',
    settled: false,
  },
  partially_achieved: {
    key: 'partially_achieved',
    ja: '一部実現',
    en: 'Partially achieved',
    symbol: '◐',
    definitionJa: '要求の一部が結果として実現した。',
    definitionEn: 'Part of the demand met in practice.',
    guidanceJa: '要求の一部が、実際の取扱いや文書の変更として実現したとき。口頭の約束だけでは選ばない。',
    settled: true,
  },
  achieved: {
    key: 'achieved',
    ja: '実現',
    en: 'Achieved',
    symbol: '●',
    definitionJa: '要求が結果として実現した。',
    definitionEn: 'The demand met in practice.',
    guidanceJa: '要求が、実際の取扱いや文書の変更として実現したとき。口頭の約束だけでは選ばない。',
    settled: true,
  },
  rejected: {
    key: 'rejected',
    ja: '拒否',
    en: 'Rejected',
    symbol: '×',
    definitionJa: '明確に拒否された、または実現しないことが確定した。',
    definitionEn: 'Explicitly refused, or definitively not met.',
    guidanceJa: '相手方が文書や会議で明確に断ったとき、または実現しないことが確定したとき（制度が実施された等）。',
    settled: true,
  },
  withdrawn: {
    key: 'withdrawn',
    ja: '取り下げ',
    en: 'Withdrawn',
    symbol: '−',
    definitionJa: '取り下げた、他の要求に統合した、または意味を失った。',
    definitionEn: 'Withdrawn, merged or moot.',
    guidanceJa: '組合が要求を取り下げた、別の要求にまとめた、または状況が変わって意味を失ったとき。',
    settled: true,
  },
};

/** The statuses in their fixed order (the order of STATUS_KEYS), for legends, counts and tables. */
export const STATUS_LIST: readonly StatusInfo[] = /* @__PURE__ */ STATUS_KEYS.map((key) => STATUSES[key]);

export function isStatusKey(value: unknown): value is StatusKey {
  return typeof value === 'string' && (STATUS_KEYS as readonly string[]).includes(value);
}

/** 回答あり（responded）: how a status is named in messages, where both the label and the key help. */
export function statusName(key: StatusKey): string {
  return `${STATUSES[key].ja}（${key}）`;
}

/**
 * Labels of a history entry's two voices, kept apart on every page, feed and editor: what the other side
 * said, and the union's position as its 談話 or report states it (not a verdict of this site).
 */
export const HISTORY_FIELD_LABELS = {
  counterpartyPosition: '相手方の回答要旨',
  assessment: '組合の見解',
} as const;

/** Kinds of history event, with their Japanese labels. */
export const EVENT_TYPES = {
  submitted: '要請書提出',
  meeting: '要請・懇談',
  response: '回答',
  statement: '談話',
  assessment: '評価',
  other: 'その他',
} as const;

export type EventType = keyof typeof EVENT_TYPES;
export const EVENT_TYPE_KEYS = /* @__PURE__ */ Object.keys(EVENT_TYPES) as EventType[];

/** English labels of the event types (API documentation, feed categories). */
export const EVENT_TYPES_EN: Readonly<Record<EventType, string>> = {
  submitted: 'Letter submitted',
  meeting: 'Meeting',
  response: 'Response',
  statement: 'Statement',
  assessment: 'Assessment',
  other: 'Other',
};

/** When to use each event type, for organizers (the guide and the command's help show this). */
export const EVENT_TYPE_GUIDANCE_JA: Readonly<Record<EventType, string>> = {
  submitted: '要請書を提出した（郵送・手渡し）。',
  meeting: '要請の場、懇談、交渉など、相手方と会った。',
  response: '相手方から回答があった（文書・口頭）。相手方の回答要旨も記録する。',
  statement: '組合の談話・声明が出た。',
  assessment: '組合が回答や結果を評価した（機関会議の確認など）。',
  other: '上のどれにも当たらない出来事（報道、制度の変更など）。',
};

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.hasOwn(EVENT_TYPES, value);
}

/** Kinds of campaign-timeline event (content/timeline/*.yaml), with their Japanese labels. */
export const TIMELINE_KINDS = {
  policy: '政府・関係機関の動き',
  campaign: '組合の取り組み',
  press: '報道',
  other: 'その他',
} as const;

export type TimelineKind = keyof typeof TIMELINE_KINDS;
export const TIMELINE_KIND_KEYS = /* @__PURE__ */ Object.keys(TIMELINE_KINDS) as TimelineKind[];
