/** /cards/<hash>.png: the share cards (og:image) of every demand and letter, named by their text's hash (src/lib/share-card.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { join } from 'node:path';
import { cardHash, type CardText } from '../../lib/share-card.ts';
import { cachedCardPng, drawCards } from '../../lib/share-card-render.ts';
import { shareEntries, siteCards } from '../../lib/share-entries.ts';

// Drawn cards are kept beside Astro's own cache (astro.config.mjs cacheDir), so a build draws only new texts.
const CACHE_DIR = join(process.cwd(), '.astro', 'cache', 'share-cards');

// All cards start drawing as soon as the paths are known, a few at a time (drawCards); each page waits for its own.
let drawing: Map<string, Promise<Buffer>> | undefined;

export const getStaticPaths = (async () => {
  const { letters, demands } = await shareEntries();
  const cards = siteCards(letters, demands);
  drawing = drawCards(cards, CACHE_DIR);
  return cards.map((card) => ({ params: { card: cardHash(card) }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: CardText }> = async ({ props }) =>
  new Response(new Uint8Array(await (drawing?.get(cardHash(props.card)) ?? cachedCardPng(props.card, CACHE_DIR))), {
    headers: { 'Content-Type': 'image/png' },
  });
