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

export interface StatusInfo {
  key: StatusKey;
  ja: string;
  en: string;
  /** One sentence, in Japanese, shown next to every badge. */
  definitionJa: string;
  definitionEn: string;
  /** A text symbol so that status never relies on colour alone. */
  symbol: string;
}

export const STATUSES: Readonly<Record<StatusKey, StatusInfo>> = {
  awaiting_response: {
    key: 'awaiting_response', ja: '回答待ち', en: 'Awaiting response', symbol: '…',
    definitionJa: '要請書を提出し、まだ実質的な回答がない。',
    definitionEn: 'Sent; no substantive answer yet.',
  },
  responded: {
    key: 'responded', ja: '回答あり', en: 'Responded', symbol: '↩',
    definitionJa: '回答を受けたが、組合として実現とも拒否とも判断していない。',
    definitionEn: 'An answer was received; the union has not judged it achieved or refused.',
  },
  in_negotiation: {
    key: 'in_negotiation', ja: '協議中', en: 'In negotiation', symbol: '⇄',
    definitionJa: '協議または検討が続いている。',
    definitionEn: 'Talks or consideration ongoing.',
  },
  stalled: {
    key: 'stalled', ja: '進展なし', en: 'Stalled', symbol: '＝',
    definitionJa: '回答や協議の後、動きがない。',
    definitionEn: 'No movement after an answer or talks.',
  },
  partially_achieved: {
    key: 'partially_achieved', ja: '一部実現', en: 'Partially achieved', symbol: '◐',
    definitionJa: '要求の一部が結果として実現した。',
    definitionEn: 'Part of the demand met in outcome.',
  },
  achieved: {
    key: 'achieved', ja: '実現', en: 'Achieved', symbol: '●',
    definitionJa: '要求が結果として実現した。',
    definitionEn: 'The demand met in outcome.',
  },
  rejected: {
    key: 'rejected', ja: '拒否', en: 'Rejected', symbol: '×',
    definitionJa: '明確に拒否された、または実現しないことが確定した。',
    definitionEn: 'Explicitly refused, or definitively not met.',
  },
  withdrawn: {
    key: 'withdrawn', ja: '取り下げ', en: 'Withdrawn', symbol: '−',
    definitionJa: '取り下げた、他の要求に統合した、または意味を失った。',
    definitionEn: 'Withdrawn, merged or moot.',
  },
};

export function isStatusKey(value: unknown): value is StatusKey {
  return typeof value === 'string' && (STATUS_KEYS as readonly string[]).includes(value);
}

export function statusInfo(key: StatusKey): StatusInfo {
  return STATUSES[key];
}

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
export const EVENT_TYPE_KEYS = Object.keys(EVENT_TYPES) as EventType[];
