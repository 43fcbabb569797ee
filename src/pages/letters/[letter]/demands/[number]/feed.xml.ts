/** …/demands/<n>/feed.xml: one demand's whole history as Atom, to follow that demand (src/lib/feed.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { demandFeed, renderAtom, type FeedDemand, type FeedLetter } from '../../../../../lib/feed.ts';
import { SITE_ORIGIN } from '../../../../../lib/urls.ts';
import { siteTexts } from '../../../../../lib/site.ts';

export const getStaticPaths = (async () => {
  const letters = new Map((await getCollection('letters')).map((l) => [l.id, { slug: l.id, ...l.data }]));
  return (await getCollection('demands')).map(({ data: demand }) => ({
    params: { letter: demand.letter, number: String(demand.number) },
    props: { demand, letter: letters.get(demand.letter)! },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ demand: FeedDemand; letter: FeedLetter }> = ({ props }) =>
  new Response(
    renderAtom(demandFeed(props.demand, props.letter, SITE_ORIGIN, siteTexts().publisher, siteTexts().name)),
    {
      headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
    },
  );
