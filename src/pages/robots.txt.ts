// robots.txt, generated so that its Sitemap line is the absolute URL on the configured `site`
// (SITE_URL, or SITE_ORIGIN in src/lib/urls.ts).
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('robots.txt needs `site` in astro.config.mjs for its absolute Sitemap URL');
  const body = [
    'User-agent: *',
    'Allow: /',
    `Disallow: ${import.meta.env.BASE_URL.replace(/\/?$/, '/')}admin/`,
    '',
    `Sitemap: ${new URL('/sitemap-index.xml', site).href}`,
    '',
  ].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
