/** /cards/<hash>.png: the share cards (og:image) of every demand and letter, named by their text's hash (src/lib/share-card.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { join } from 'node:path';
import { cardHash, type CardText } from '../../lib/share-card.ts';
import { cachedCardPng } from '../../lib/share-card-render.ts';
import { shareEntries, siteCards } from '../../lib/share-entries.ts';

// Drawn cards are kept beside Astro's own cache (astro.config.mjs cacheDir), so a build draws only new texts.
const CACHE_DIR = join(process.cwd(), '.astro', 'cache', 'share-cards');

export const getStaticPaths = (async () => {
  const { letters, demands } = await shareEntries();
  return siteCards(letters, demands).map((card) => ({ params: { card: cardHash(card) }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: CardText }> = async ({ props }) =>
  new Response(new Uint8Array(await cachedCardPng(props.card, CACHE_DIR)), {
    headers: { 'Content-Type': 'image/png' },
  });
