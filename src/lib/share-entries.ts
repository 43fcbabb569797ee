/**
 * The entries the sharing pages need, fetched once here (pages only render): the share cards of the
 * whole site, the demands that get an embed page and a badge, and the site feed's latest entries for
 * the follow page. The rules themselves are in share-card.ts, share.ts and feed.ts.
 */
import type { Demand, Letter } from './schemas.ts';
import { routeData } from './route-data.ts';
import { cardHash, demandCardText, englishLetterCardText, letterCardText, type CardText } from './share-card.ts';
import { siteTexts } from './site.ts';
import { EN_TEXTS } from './english.ts';
import { feedEntries, type FeedEntry } from './feed.ts';
import { SITE_ORIGIN } from './urls.ts';

/** Letters by slug, and all demands (the build's route data, read once). */
export async function shareEntries(): Promise<{ letters: ReadonlyMap<string, Letter>; demands: readonly Demand[] }> {
  const { letterBySlug, demands } = await routeData();
  return { letters: letterBySlug, demands };
}

const demandsOf = (slug: string, demands: readonly Demand[]) =>
  demands.filter((d) => d.letter === slug).sort((a, b) => a.number - b.number);

/** A demand page's card. */
export const demandCard = (letter: Letter, demand: Demand): CardText =>
  demandCardText(letter, demand, siteTexts().name);
/** A letter page's card. */
export const letterCard = (slug: string, letter: Letter, demands: readonly Demand[]): CardText =>
  letterCardText(letter, demandsOf(slug, demands), siteTexts().name);
/** A letter's English page's card. */
export const englishLetterCard = (slug: string, letter: Letter, demands: readonly Demand[]): CardText =>
  englishLetterCardText(letter, demandsOf(slug, demands), EN_TEXTS.siteName);

/** Every card of the site, once each: cards that say the same thing are one file. */
export function siteCards(letters: ReadonlyMap<string, Letter>, demands: readonly Demand[]): CardText[] {
  const cards = new Map<string, CardText>();
  const add = (card: CardText) => cards.set(cardHash(card), card);
  for (const [slug, letter] of letters) {
    add(letterCard(slug, letter, demands));
    add(englishLetterCard(slug, letter, demands));
  }
  for (const demand of demands) {
    const letter = letters.get(demand.letter);
    if (letter) add(demandCard(letter, demand));
  }
  return [...cards.values()];
}

/** How many of the site feed's entries the follow page lists. */
const FOLLOW_LATEST_MAX = 5;

/** The site feed's newest entries (the same list /feed.xml starts with). */
export async function siteFeedLatest(limit: number = FOLLOW_LATEST_MAX): Promise<FeedEntry[]> {
  const { letters, demands } = await shareEntries();
  return feedEntries(
    demands,
    [...letters].map(([slug, letter]) => ({ slug, ...letter })),
    SITE_ORIGIN,
    limit,
  );
}
