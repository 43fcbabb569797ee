/** …/demands/<n>/feed.xml: one demand's whole history as Atom, to follow that demand (src/lib/feed.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { routeData } from '../../../../../lib/route-data.ts';
import { demandFeed, renderAtom, type FeedDemand, type FeedLetter } from '../../../../../lib/feed.ts';
import { SITE_ORIGIN } from '../../../../../lib/urls.ts';
import { siteTexts } from '../../../../../lib/site.ts';

export const getStaticPaths = (async () => {
  const { demands, letterBySlug } = await routeData();
  return demands.map((demand) => ({
    params: { letter: demand.letter, number: String(demand.number) },
    props: { demand, letter: letterBySlug.get(demand.letter)! },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ demand: FeedDemand; letter: FeedLetter }> = ({ props }) =>
  new Response(
    renderAtom(demandFeed(props.demand, props.letter, SITE_ORIGIN, siteTexts().publisher, siteTexts().name)),
    {
      headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
    },
  );
