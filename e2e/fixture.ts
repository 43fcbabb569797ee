/**
 * What the browser tests' site holds, read from its content (the frozen fixture the global setup built),
 * so that expectations are derived from data rather than written out.
 */
import { inject } from 'vitest';
import { checkContent } from '../src/lib/content-check.ts';
import { currentStatus } from '../src/lib/history.ts';
import { STATUS_KEYS, type StatusKey } from '../src/lib/status.ts';

export interface FixtureDemand {
  /** letter/number, as in data-demand. */
  id: string;
  letter: string;
  status: StatusKey;
}

const content = checkContent(inject('contentRoot'));

/** The demands in the tracker's order: letters by date, then printed number. */
export const DEMANDS: FixtureDemand[] = [...content.demands.values()]
  .map(({ data }) => ({
    letter: data.letter,
    number: data.number,
    date: content.letters.get(data.letter)!.data.date,
    status: currentStatus(data.statusHistory),
  }))
  .sort((a, b) => a.date.localeCompare(b.date) || a.letter.localeCompare(b.letter) || a.number - b.number)
  .map(({ letter, number, status }) => ({ id: `${letter}/${number}`, letter, status }));

/** Ids of the demands with that status (or of that letter), in the tracker's order. */
export const withStatus = (status: StatusKey): string[] => DEMANDS.filter((d) => d.status === status).map((d) => d.id);
export const ofLetter = (letter: string): string[] => DEMANDS.filter((d) => d.letter === letter).map((d) => d.id);

/** Demands per status, in the order the overview's columns give them. */
export const COUNTS: [StatusKey, number][] = STATUS_KEYS.map((key) => [key, withStatus(key).length]);

/** The tracker's sentence for a filtered list. */
export const shownSentence = (shown: number): string => `全${DEMANDS.length}件のうち${shown}件の要求を表示しています。`;
