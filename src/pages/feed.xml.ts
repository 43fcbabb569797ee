/** /feed.xml: Atom feed of the newest history entries of all demands, newest first (src/lib/feed.ts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { feedEntries, renderAtom } from '../lib/feed.ts';
import { SITE_ORIGIN } from '../lib/urls.ts';
import { SITE_NAME, PUBLISHER } from '../lib/site.ts';

export const GET: APIRoute = async ({ site }) => {
  const origin = (site ?? new URL(SITE_ORIGIN)).href;
  const letters = (await getCollection('letters')).map((l) => ({ slug: l.id, ...l.data }));
  const demands = (await getCollection('demands')).map((d) => d.data);
  const xml = renderAtom({
    title: `${SITE_NAME}：要求の経過`,
    subtitle: '自治労連の2019年の要請書に掲げた要求の経過（回答・懇談・談話など）を、新しい順に配信します。',
    selfUrl: new URL('/feed.xml', origin).href,
    alternateUrl: new URL('/status/', origin).href,
    author: PUBLISHER,
    entries: feedEntries(demands, letters, origin),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
