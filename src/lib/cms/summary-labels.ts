/**
 * Collapsed history rows in the editor name the event's type and the status after it in Japanese.
 * Decap's summary templates can only print a stored value (the key, `response`), so the template
 * writes each key after a fixed Japanese prefix (種類：response), and the editor page replaces, in what
 * it displays only, each prefixed key by its label (種類：回答). Files keep the keys.
 */
import { EVENT_TYPES, STATUSES } from '../status.ts';

/** Written before the event type's key in the summary template, and looked for on the page. */
export const TYPE_PREFIX = '種類：';
/** Written before the status key in the summary template, and looked for on the page. */
export const STATUS_PREFIX = '状況：';

const TYPE_LABELS: Readonly<Record<string, string>> = EVENT_TYPES;
const STATUS_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(STATUSES).map(([key, info]) => [key, info.ja]),
);

const relabel = (text: string, prefix: string, labels: Readonly<Record<string, string>>): string =>
  text.replace(new RegExp(`${prefix}([a-z_]+)`, 'g'), (whole, key: string) =>
    Object.hasOwn(labels, key) ? `${prefix}${labels[key]}` : whole,
  );

/** `text` with every prefixed type or status key replaced by its Japanese label (unknown keys stay). */
export function labelSummary(text: string): string {
  return relabel(relabel(text, TYPE_PREFIX, TYPE_LABELS), STATUS_PREFIX, STATUS_LABELS);
}
