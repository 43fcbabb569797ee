// robots.txt, generated so that its Sitemap line is the absolute URL of the sitemap under the site's
// address (SITE_URL: src/lib/site-address.ts). Crawlers read robots.txt only at a host's root: under a
// sub-path (a GitHub Pages project site) this one is informative, the host's own root file rules.
import type { APIRoute } from 'astro';
import { absoluteUrl, sitePath } from '../lib/urls.ts';

export const GET: APIRoute = () => {
  const body = [
    'User-agent: *',
    `Allow: ${sitePath('/')}`,
    '',
    `Sitemap: ${absoluteUrl(sitePath('/sitemap-index.xml'))}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
