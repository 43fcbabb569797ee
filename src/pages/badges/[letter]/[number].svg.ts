/** /badges/<letter>/<n>.svg: a demand's status badge, for blogs and READMEs (src/lib/share-card.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { demandBadgeText, type BadgeText } from '../../../lib/share-card.ts';
import { badgeSvg } from '../../../lib/share-card-render.ts';
import { shareEntries } from '../../../lib/share-entries.ts';

export const getStaticPaths = (async () => {
  const { letters, demands } = await shareEntries();
  return demands.map((demand) => ({
    params: { letter: demand.letter, number: String(demand.number) },
    props: { badge: demandBadgeText(letters.get(demand.letter)!, demand) },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ badge: BadgeText }> = ({ props }) =>
  new Response(badgeSvg(props.badge), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
