/** Dates are carried as ISO strings (YYYY-MM-DD) and shown in Japanese, with the era computed by Intl. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD into a UTC Date, or returns null for malformed or impossible dates (2019-02-30). */
export function parseIsoDate(value: string): Date | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date;
}

/** Normalizes what YAML parsers hand over (a Date or a string) to YYYY-MM-DD, or null. */
export function toIsoDate(value: unknown): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  }
  if (typeof value === 'string' && parseIsoDate(value)) return value;
  return null;
}

function requireDate(iso: string): Date {
  const date = parseIsoDate(iso);
  if (!date) throw new Error(`Not a valid date (YYYY-MM-DD): ${iso}`);
  return date;
}

const gregorian = new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const japaneseEra = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

/** 2019-07-23 → 2019年7月23日 */
export function formatDateJa(iso: string): string {
  return gregorian.format(requireDate(iso));
}

/** 2019-07-23 → 令和元年7月23日 (the first year of an era reads 元年, as Intl renders it). */
export function formatEraDate(iso: string): string {
  return japaneseEra.format(requireDate(iso));
}

/** Whole days from one ISO date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((requireDate(to).getTime() - requireDate(from).getTime()) / 86_400_000);
}

const japanCalendar = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date as YYYY-MM-DD in Japan, which is the campaign's calendar. */
export function todayInJapan(now: Date = new Date()): string {
  return japanCalendar.format(now);
}

const englishDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** 2019-07-23 → 23 July 2019 (the English pages' form: day month year, no ordinal). */
export function formatDateEn(iso: string): string {
  return englishDate.format(requireDate(iso));
}
