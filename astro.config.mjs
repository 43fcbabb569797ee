// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import contentCheck from './src/integrations/content-check.ts';
import searchIndex from './src/integrations/search-index.ts';
import decapCms from './src/integrations/decap-cms.ts';
import deployHeaders from './src/integrations/deploy-headers.ts';
import { resolveSiteAddress, SiteAddressError } from './src/lib/site-address.ts';

// The public address comes from SITE_URL (e.g. https://example.org/campaign/): its origin is `site`,
// its path `base`. Unset: a local build for http://localhost:4321/; a deploy build fails (site-address.ts),
// with the Japanese message alone: Astro would print a stack trace beneath any error thrown here.
const address = (() => {
  try {
    return resolveSiteAddress(process.env);
  } catch (error) {
    if (!(error instanceof SiteAddressError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
})();

export default defineConfig({
  site: address.site,
  base: address.base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // The editor at /admin/ stays out of the sitemap (and is disallowed in robots.txt, noindex), and so do
  // the embeds at /embed/ (noindex: fragments for other sites, each the copy of a demand page).
  integrations: [
    contentCheck(),
    mdx(),
    sitemap({ filter: (page) => !/\/(?:admin|embed)\//.test(new URL(page).pathname) }),
    searchIndex(),
    decapCms(),
    // Last: lists the finished build's top level (search index and editor included).
    deployHeaders(),
  ],
  devToolbar: { enabled: false },
  // The content cache stays in this checkout: node_modules is shared by linked copies (the tests'
  // project copies, worktrees), and builds sharing node_modules/.astro read each other's content.
  cacheDir: './.astro/cache',
  // Never inline scripts: the Content-Security-Policy allows only same-origin script files.
  vite: { build: { assetsInlineLimit: 0 } },
});
