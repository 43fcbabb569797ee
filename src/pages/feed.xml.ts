/** /feed.xml: Atom feed of the newest history entries of all demands, newest first (src/lib/feed.ts). */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { feedEntries, renderAtom } from '../lib/feed.ts';
import { SITE_ORIGIN, absoluteUrl, sitePath } from '../lib/urls.ts';
import { SITE_NAME, PUBLISHER } from '../lib/site.ts';

export const GET: APIRoute = async () => {
  const letters = (await getCollection('letters')).map((l) => ({ slug: l.id, ...l.data }));
  const demands = (await getCollection('demands')).map((d) => d.data);
  const xml = renderAtom({
    title: `${SITE_NAME}：要求の経過`,
    subtitle: '自治労連の2019年の要請書に掲げた要求の経過（回答・懇談・談話など）を、新しい順に配信します。',
    selfUrl: absoluteUrl(sitePath('/feed.xml')),
    alternateUrl: absoluteUrl(sitePath('/status/')),
    author: PUBLISHER,
    entries: feedEntries(demands, letters, SITE_ORIGIN),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
