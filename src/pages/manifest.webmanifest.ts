// The web app manifest (linked from every page's <head>): name, colours and icons for "add to home
// screen". Generated from content/site.yaml (siteTexts) so the names stay in one place.
import type { APIRoute } from 'astro';
import { siteTexts } from '../lib/site.ts';
import { sitePath } from '../lib/urls.ts';

/** The header's accent colour (also <meta name="theme-color">). */
const THEME_COLOR = '#8a1c1c';

export const GET: APIRoute = () => {
  const manifest = {
    name: siteTexts().name,
    short_name: siteTexts().shortName,
    description: siteTexts().description,
    lang: 'ja',
    dir: 'ltr',
    id: sitePath('/'),
    start_url: sitePath('/'),
    scope: sitePath('/'),
    display: 'minimal-ui',
    theme_color: THEME_COLOR,
    background_color: '#ffffff',
    icons: [
      { src: sitePath('/favicon.svg'), type: 'image/svg+xml', sizes: 'any', purpose: 'any' },
      { src: sitePath('/icon-192.png'), type: 'image/png', sizes: '192x192', purpose: 'any' },
      { src: sitePath('/icon-512.png'), type: 'image/png', sizes: '512x512', purpose: 'any' },
      { src: sitePath('/icon-maskable-512.png'), type: 'image/png', sizes: '512x512', purpose: 'maskable' },
    ],
  };
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
};
