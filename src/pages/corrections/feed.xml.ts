/** /corrections/feed.xml: Atom feed of the corrections log, newest first (src/lib/corrections.ts). */
import type { APIRoute } from 'astro';
import { renderAtom } from '../../lib/feed.ts';
import { contentCorrections, correctionsFeed } from '../../lib/corrections.ts';
import { SITE_ORIGIN } from '../../lib/urls.ts';
import { siteTexts } from '../../lib/site.ts';

export const GET: APIRoute = () => {
  const site = siteTexts();
  const xml = renderAtom(
    correctionsFeed(contentCorrections(), SITE_ORIGIN, { title: `${site.name}：訂正履歴`, author: site.publisher }),
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
