/**
 * What the browser tests' site holds, read from the content the global setup built it from (the frozen
 * fixture and one file of each kind), so that expectations are derived from data rather than written out.
 */
import { inject } from 'vitest';
import { checkContent } from '../src/lib/content-check.ts';
import { currentStatus } from '../src/lib/history.ts';
import { STATUS_KEYS, STATUSES, type StatusKey } from '../src/lib/status.ts';

export interface FixtureDemand {
  /** letter/number, as in data-demand. */
  id: string;
  letter: string;
  /** The addressee's organization, e.g. 総務省. */
  addressee: string;
  status: StatusKey;
}

const content = checkContent(inject('contentRoot'));

/** The demands in the tracker's order: letters by date, then printed number. */
export const DEMANDS: FixtureDemand[] = [...content.demands.values()]
  .map(({ data }) => ({
    letter: data.letter,
    number: data.number,
    date: content.letters.get(data.letter)!.data.date,
    addressee: content.letters.get(data.letter)!.data.addressee.organization,
    status: currentStatus(data.statusHistory),
  }))
  .sort((a, b) => a.date.localeCompare(b.date) || a.letter.localeCompare(b.letter) || a.number - b.number)
  .map(({ letter, number, addressee, status }) => ({ id: `${letter}/${number}`, letter, addressee, status }));

/** The letters, in the tracker's order. */
export const LETTERS: string[] = [...new Set(DEMANDS.map((d) => d.letter))];

/** Ids of the demands with that status (or of that letter), in the tracker's order. */
export const withStatus = (status: StatusKey): string[] => DEMANDS.filter((d) => d.status === status).map((d) => d.id);
export const ofLetter = (letter: string): string[] => DEMANDS.filter((d) => d.letter === letter).map((d) => d.id);
export const ofAddressee = (organization: string, status?: StatusKey): string[] =>
  DEMANDS.filter((d) => d.addressee === organization && (!status || d.status === status)).map((d) => d.id);

/** An addressee's row of the per-addressee table: its name, its count per status, its total. */
export const addresseeRow = (name: string, organization: string): string =>
  [name, ...STATUS_KEYS.map((key) => ofAddressee(organization, key).length), ofAddressee(organization).length].join(
    ' ',
  );

/** The home page's sentence on the statuses (the date it holds at aside). */
export const homeSummary = new RegExp(`^${DEMANDS.length}件の要求の状況（.+時点）：${shownCounts()}。$`);
function shownCounts(): string {
  return STATUS_KEYS.map((key) => [key, withStatus(key).length] as const)
    .filter(([, count]) => count > 0)
    .map(([key, count]) => `${STATUSES[key].ja}${count}件`)
    .join('、');
}

/** Demands per status, in the order the overview's columns give them. */
export const COUNTS: [StatusKey, number][] = STATUS_KEYS.map((key) => [key, withStatus(key).length]);

/** The tracker's sentence for a filtered list. */
export const shownSentence = (shown: number): string => `全${DEMANDS.length}件のうち${shown}件の要求を表示しています。`;
