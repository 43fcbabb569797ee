// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import contentCheck from './src/integrations/content-check.ts';
import searchIndex from './src/integrations/search-index.ts';
import decapCms from './src/integrations/decap-cms.ts';
import { SITE_ORIGIN } from './src/lib/urls.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? SITE_ORIGIN,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // The editor at /admin/ stays out of the sitemap (and is disallowed in robots.txt, noindex).
  integrations: [
    contentCheck(),
    mdx(),
    sitemap({ filter: (page) => !new URL(page).pathname.includes('/admin/') }),
    searchIndex(),
    decapCms(),
  ],
  devToolbar: { enabled: false },
  // Never inline scripts: the Content-Security-Policy allows only same-origin script files.
  vite: { build: { assetsInlineLimit: 0 } },
});
