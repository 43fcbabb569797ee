/** /feed.xml: Atom feed of the newest history entries of all demands, newest first (src/lib/feed.ts). */
import type { APIRoute } from 'astro';
import { routeData } from '../lib/route-data.ts';
import { feedEntries, renderAtom } from '../lib/feed.ts';
import { SITE_ORIGIN, absoluteUrl, sitePath } from '../lib/urls.ts';
import { siteTexts } from '../lib/site.ts';

export const GET: APIRoute = async () => {
  const { letters, demands } = await routeData();
  const site = siteTexts();
  const xml = renderAtom({
    title: `${site.name}：要求の経過`,
    subtitle: site.feedSubtitle,
    selfUrl: absoluteUrl(sitePath('/feed.xml')),
    alternateUrl: absoluteUrl(sitePath('/status/')),
    author: site.publisher,
    entries: feedEntries(demands, letters, SITE_ORIGIN),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
