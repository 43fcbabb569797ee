// The site published as a project site: built for a sub-path (https://example.org/campaign/ by default,
// see global-setup.ts) and served under it. Every same-site URL a page hands out must stay inside the
// base path (that each resolves is links.test.ts's); every absolute self URL must carry it; styles,
// search and the 404 page work.
// No placeholder host (*.example) may appear anywhere in the build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listFiles, sitemapUrls } from '../scripts/lib/site-checks/dist.ts';
import { elementUrls, parseHtml } from '../scripts/lib/site-checks/html.ts';
import { jsonLdItems } from '../scripts/lib/site-checks/pages.ts';
import {
  ADMIN_HEADER_CSP,
  EMBED_HEADER_CSP,
  PAGE_HEADER_CSP,
  parseHeaders,
  ruleMatches,
} from '../src/lib/deploy-headers.ts';
import { distDir, newPage, servedPath, siteUrl } from './harness.ts';
import { allPages, BASE_PATH, BUILD_ORIGIN, BUILD_SITE, SEARCH_QUERY } from './site.ts';

const pages = allPages();
const files = listFiles(distDir());
const read = (file: string) => readFileSync(join(distDir(), file), 'utf8');
/** The public URL of a route: '/letters/' → https://example.org/campaign/letters/. */
const publicUrl = (route: string) => new URL(route.slice(1), BUILD_SITE).href;
/** The test server's URL for a public self URL. */
const servedUrl = (url: string) => siteUrl(`/${url.slice(BUILD_SITE.length)}`);

test('the e2e build is a sub-path build', () => {
  expect(BASE_PATH).not.toBe('/');
  expect(BUILD_SITE.endsWith(BASE_PATH)).toBe(true);
});

describe('every same-site URL in every page stays inside the base path', () => {
  test.each(pages)('$path', ({ path, file }) => {
    const doc = parseHtml(read(file));
    const pageUrl = publicUrl(path);
    const urls = new Set<string>();
    for (const element of doc.elements) {
      for (const { url } of elementUrls(element)) urls.add(url);
      // Astro islands load their component and renderer by URL attributes.
      for (const attr of ['component-url', 'renderer-url', 'before-hydration-url']) {
        const value = element.attrs.get(attr);
        if (value) urls.add(value);
      }
      if (element.tag === 'meta' && /^(?:og:url|og:image)$/.test(element.attrs.get('property') ?? ''))
        urls.add(element.attrs.get('content') ?? '');
    }
    const outside: string[] = [];
    const same: string[] = [];
    for (const raw of urls) {
      if (!raw || /^(?:mailto|tel|data|javascript):/i.test(raw)) continue;
      const url = new URL(raw, pageUrl);
      if (url.origin !== BUILD_ORIGIN) continue;
      url.hash = '';
      if (!url.href.startsWith(BUILD_SITE)) outside.push(raw);
      else same.push(url.href);
    }
    expect(outside, `same-site URLs outside ${BASE_PATH}`).toEqual([]);
    expect(same.length).toBeGreaterThan(5);
  });
});

describe('every absolute self URL carries the base path', () => {
  /** Top-level names of the build (letters, feed.xml, og-image.png…): a self URL without base starts with one. */
  const topLevel = new Set(files.map((f) => f.split('/')[0]!));
  const selfUrls = (text: string) =>
    [...text.matchAll(new RegExp(`${BUILD_ORIGIN.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/[^\\s"'<>\`)\\\\,]*)?`, 'g'))]
      .map((m) => m[0])
      // The bare origin (Astro's SITE in a script) names no page.
      .filter((url) => url !== BUILD_ORIGIN);

  test('no file of the build names a page or file of the site without the base path', () => {
    const dropped: string[] = [];
    for (const file of files.filter((f) => /\.(?:html|xml|json|csv|txt|webmanifest|js|css|yml)$/.test(f))) {
      for (const url of selfUrls(read(file))) {
        if (url.startsWith(BUILD_SITE)) continue;
        const first = new URL(url).pathname.split('/')[1] ?? '';
        if (first === '' || topLevel.has(decodeURIComponent(first))) dropped.push(`${file}: ${url}`);
      }
    }
    expect(dropped).toEqual([]);
  });

  test('canonical, og:url and JSON-LD of every indexable page', () => {
    for (const { path, file, kind } of pages) {
      if (kind === 'not-found') continue;
      const doc = parseHtml(read(file));
      const canonical = doc
        .byTag('link')
        .find((l) => l.attrs.get('rel') === 'canonical')
        ?.attrs.get('href');
      expect(canonical, path).toBe(publicUrl(path));
      const ogUrl = doc
        .byTag('meta')
        .find((m) => m.attrs.get('property') === 'og:url')
        ?.attrs.get('content');
      expect(ogUrl, path).toBe(publicUrl(path));
      for (const item of jsonLdItems(doc).items)
        for (const url of selfUrls(JSON.stringify(item)))
          expect(url.startsWith(BUILD_SITE), `${path}: ${url}`).toBe(true);
    }
  });

  test('sitemap, robots.txt, feed, API and manifest', async () => {
    const locs = sitemapUrls(distDir(), BASE_PATH);
    expect(locs.length).toBe(pages.filter((p) => p.inSitemap).length);
    for (const loc of locs) expect(loc.startsWith(BUILD_SITE), loc).toBe(true);
    expect(read('robots.txt')).toContain(`Sitemap: ${BUILD_SITE}sitemap-index.xml`);
    expect(read('robots.txt')).toMatch(new RegExp(`^Disallow: ${BASE_PATH}admin/$`, 'm'));

    const feed = read('feed.xml');
    const feedUrls = [...feed.matchAll(/<(?:id|link[^>]*href=")>?([^<"]+)/g)].map((m) => m[1]!.trim());
    expect(feedUrls.length).toBeGreaterThan(3);
    for (const url of feedUrls) expect(url.startsWith(BUILD_SITE), url).toBe(true);

    const demands = JSON.parse(read('api/demands.json')) as { url: string }[];
    expect(demands.length).toBeGreaterThan(0);
    for (const demand of demands) expect(demand.url.startsWith(BUILD_SITE), demand.url).toBe(true);
    const csv = read('api/demands.csv');
    expect(selfUrls(csv).length).toBeGreaterThanOrEqual(demands.length);
    for (const url of selfUrls(csv)) expect(url.startsWith(BUILD_SITE), url).toBe(true);

    const manifest = JSON.parse(read('manifest.webmanifest')) as {
      start_url: string;
      scope: string;
      icons: { src: string }[];
    };
    expect(manifest.start_url).toBe(BASE_PATH);
    expect(manifest.scope).toBe(BASE_PATH);
    for (const icon of manifest.icons) expect(icon.src.startsWith(BASE_PATH), icon.src).toBe(true);

    // And they answer on the server.
    const page = await newPage();
    for (const url of [locs[0]!, demands[0]!.url, `${BUILD_SITE}feed.xml`, `${BUILD_SITE}sitemap-index.xml`])
      expect((await page.request.get(servedUrl(url))).status(), url).toBe(200);
  });

  test('search documents link inside the base path', () => {
    const documents = files.filter((f) => /^search-index\/[^/]+\/d\d+\.json$/.test(f));
    expect(documents.length).toBeGreaterThan(0);
    let links = 0;
    for (const file of documents) {
      const paths = JSON.stringify(JSON.parse(read(file))).match(/"\/[^"]*"/g) ?? [];
      for (const quoted of paths) {
        links++;
        expect(JSON.parse(quoted) as string, file).toMatch(new RegExp(`^${BASE_PATH}`));
      }
    }
    expect(links).toBeGreaterThan(documents.length);
  });

  test('the copied citation names the page at its public address', async () => {
    const page = await newPage();
    await page.goto(siteUrl('/letters/2019-07-23-soumu/demands/2/'));
    const text = (await page.locator('#cite-text').textContent())!.trim();
    expect(text.endsWith(publicUrl('/letters/2019-07-23-soumu/demands/2/'))).toBe(true);
  });
});

describe('in the browser', () => {
  const stylesLoaded = (page: import('playwright-core').Page) =>
    page.evaluate(() => {
      const sheets = [...document.styleSheets];
      return sheets.length > 0 && sheets.every((sheet) => sheet.cssRules.length > 0);
    });

  test.each(['/', '/letters/2019-07-23-soumu/demands/2/', '/status/by-status/responded/'])(
    'styles load on %s',
    async (route) => {
      const page = await newPage();
      const failed: string[] = [];
      page.on('response', (r) => {
        if (r.status() >= 400) failed.push(`${r.url()} ${r.status()}`);
      });
      const response = await page.goto(siteUrl(route), { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      expect(await stylesLoaded(page)).toBe(true);
      // The stylesheet is the site's, not the browser's defaults: the body font is set.
      expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toMatch(/^(?:serif|)$/);
      expect(failed).toEqual([]);
    },
  );

  test('search returns results that link inside the base path, and they open', async () => {
    const page = await newPage();
    await page.goto(siteUrl(`/search/?q=${encodeURIComponent(SEARCH_QUERY)}`));
    await page.locator('[data-search-results][data-search-state="done"]').waitFor();
    const hrefs = await page
      .locator('[data-search-results] a[href]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href.startsWith(servedPath('/')), href).toBe(true);
    // The first result (links back to the search page itself, such as an exact-phrase search, aside).
    const result = hrefs.find((href) => !href.startsWith(servedPath('/search/')))!;
    await Promise.all([
      page.waitForURL((url) => url.pathname === result.split('#')[0]),
      page.click(`[data-search-results] a[href="${result}"]`),
    ]);
    expect(await stylesLoaded(page)).toBe(true);
  });

  test.each(['/no-such-page/', '/letters/no-such-letter/', '/letters/2019-07-23-soumu/demands/99/', '/a/b/c/d/e/'])(
    'the 404 page works at %s',
    async (route) => {
      const page = await newPage();
      const failed: string[] = [];
      page.on('response', (r) => {
        if (r.status() >= 400 && r.request().resourceType() !== 'document') failed.push(`${r.url()} ${r.status()}`);
      });
      const response = await page.goto(siteUrl(route), { waitUntil: 'load' });
      expect(response?.status()).toBe(404);
      expect(await stylesLoaded(page)).toBe(true);
      expect(failed).toEqual([]);
      // Its links lead back into the site from any depth.
      const hrefs = await page
        .locator('a[href]')
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs.filter((h) => new URL(h).origin === new URL(siteUrl('/')).origin))
        expect(new URL(href).pathname.startsWith(servedPath('/')), href).toBe(true);
    },
  );
});

test('no placeholder host (*.example) appears in any file of the build', () => {
  const found: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(distDir(), file)).toString('latin1');
    // *.example as a top-level domain (auth.example.org is a name under example.org, and allowed).
    for (const match of text.matchAll(/[a-z0-9-]+(?:\.[a-z0-9-]+)*\.example(?![a-z0-9-]|\.[a-z0-9])/gi))
      found.push(`${file}: ${match[0]}`);
  }
  expect(found).toEqual([]);
});

test('_headers gives every built file exactly one policy, under the base path: the editor’s for admin/, the embeds’ for embed/', () => {
  const rules = parseHeaders(read('_headers'));
  for (const file of files.filter((f) => f !== '_headers')) {
    const urlPath = `${BASE_PATH}${file.replace(/(^|\/)index\.html$/, '$1')}`;
    const csp = rules
      .filter((r) => ruleMatches(r.path, urlPath))
      .flatMap((r) => r.headers['Content-Security-Policy'] ?? []);
    const expected = file.startsWith('admin/')
      ? ADMIN_HEADER_CSP
      : file.startsWith('embed/')
        ? EMBED_HEADER_CSP
        : PAGE_HEADER_CSP;
    expect(csp, urlPath).toEqual([expected]);
  }
});
