/**
 * Dates for search (issue 14): a date written in any calendar or notation is the same date. The texts
 * write 平成27年12月2日, 令和元年7月23日, 2019年7月23日 or 2019-07-23; readers type those, 2019/7/23,
 * 2019.7.23, R1.7.23, H27.12.2 or 令和1年. Every date found in a normalized text (or query) yields
 * concept keys for its day, month and year (d20190723, m201907, y2019), so a query in one form finds a
 * text in another, and a text's surface words (and their n-grams) still favour the exact form.
 */

/** First Western year of each era, minus one (令和元年 = 2019). */
const ERAS: Record<string, { offset: number; last: number }> = {
  令和: { offset: 2018, last: 99 },
  r: { offset: 2018, last: 99 },
  平成: { offset: 1988, last: 31 },
  h: { offset: 1988, last: 31 },
  昭和: { offset: 1925, last: 64 },
  s: { offset: 1925, last: 64 },
};

interface DateSpan {
  /** Offsets in the normalized text. */
  start: number;
  end: number;
  year: number;
  month?: number | undefined;
  day?: number | undefined;
  /** Whether normalization broke the date into several words (2019 7 23, r1 7 18) or it is a digit string. */
  split: boolean;
}

const Y = String.raw`(元|\d{1,2})`;
const MD = String.raw`(?:\s?(\d{1,2})\s?月(?:\s?(\d{1,2})\s?日)?)?`;
/** Normalized text is NFKC and lower case; dots and slashes have become spaces, hyphens are gone. */
const PATTERNS: { re: RegExp; kind: 'era' | 'western' | 'numeric' | 'compact' | 'eranumeric' }[] = [
  { re: new RegExp(String.raw`(令和|平成|昭和)\s?${Y}\s?年${MD}`, 'gu'), kind: 'era' },
  { re: new RegExp(String.raw`(?<![a-z0-9])([rhs])\s?${Y}\s?年${MD}`, 'gu'), kind: 'era' },
  { re: new RegExp(String.raw`(?<![a-z0-9])([rhs])${Y}\s(\d{1,2})\s(\d{1,2})(?!\d)`, 'gu'), kind: 'eranumeric' },
  { re: new RegExp(String.raw`(?<!\d)(\d{4})\s?年${MD}`, 'gu'), kind: 'western' },
  { re: /(?<!\d)(\d{4})\s(\d{1,2})\s(\d{1,2})(?!\d)/gu, kind: 'numeric' },
  { re: /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/gu, kind: 'compact' },
];

function valid(year: number, month?: number, day?: number): boolean {
  if (year < 1868 || year > 2200) return false;
  if (month === undefined) return true;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const num = (s: string | undefined) => (s === undefined ? undefined : Number(s));

/** Dates in a normalized text, in text order, not overlapping (the first pattern to claim a span wins). */
export function dateSpans(normalized: string): DateSpan[] {
  if (!/\d|元/.test(normalized)) return [];
  const spans: DateSpan[] = [];
  const taken = (s: number, e: number) => spans.some((x) => s < x.end && e > x.start);
  for (const { re, kind } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(normalized); m; m = re.exec(normalized)) {
      let year: number;
      let month: number | undefined;
      let day: number | undefined;
      if (kind === 'era' || kind === 'eranumeric') {
        const era = ERAS[m[1]!]!;
        const n = m[2] === '元' ? 1 : Number(m[2]);
        if (n < 1 || n > era.last) continue;
        year = era.offset + n;
        month = num(m[3]);
        day = num(m[4]);
      } else {
        year = Number(m[1]);
        month = num(m[2]);
        day = num(m[3]);
      }
      const start = m.index;
      const end = m.index + m[0].length;
      if (!valid(year, month, day) || taken(start, end)) continue;
      const split = kind === 'numeric' || kind === 'compact' || kind === 'eranumeric' || /\s/.test(m[0]);
      spans.push({ start, end, year, month, day, split });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Concept keys of one date: the day, its month and its year (as precise as the date is). */
function dateKeys(span: Pick<DateSpan, 'year' | 'month' | 'day'>): string[] {
  const keys = [`y${span.year}`];
  if (span.month !== undefined) keys.push(`m${span.year}${pad(span.month)}`);
  if (span.month !== undefined && span.day !== undefined) keys.push(`d${span.year}${pad(span.month)}${pad(span.day)}`);
  return keys;
}

/** Concept keys of every date in a normalized text, one set per occurrence. */
export function dateKeysIn(normalized: string): string[] {
  return dateSpans(normalized).flatMap(dateKeys);
}

/** The date as one word in the texts' Western form (2019年7月23日), for a query that typed it in pieces. */
export function westernForm(span: Pick<DateSpan, 'year' | 'month' | 'day'>): string {
  return `${span.year}年${span.month !== undefined ? `${span.month}月${span.day !== undefined ? `${span.day}日` : ''}` : ''}`;
}
