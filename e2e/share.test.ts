// Sharing and following (issue 30), on the build: every demand page's og:image is its own 1200×630 PNG
// within budget; every demand's embed page is small, has no script, and loads framed by another origin
// while the demand page itself may not be framed (both under the deploy headers, _headers); no visible
// link on a demand page or the home page leads to raw XML; the follow places show the feed's address
// and its latest entry's title. Expectations come from the build's own data (api/demands.json, the feeds).
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '../scripts/lib/preview.ts';
import { parseHeaders, ruleMatches } from '../src/lib/deploy-headers.ts';
import { CARD_HEIGHT, CARD_MAX_BYTES, CARD_WIDTH } from '../src/lib/share-card.ts';
import { distDir, newPage, servedPath, siteUrl } from './harness.ts';
import { BASE_PATH, BUILD_SITE } from './site.ts';

interface ApiDemand {
  letter: string;
  number: number;
  shortTitle: string;
  url: string;
}
const read = (file: string) => readFileSync(join(distDir(), file), 'utf8');
const demands = JSON.parse(read('api/demands.json')) as ApiDemand[];
/** A page's route ('/letters/…/') from its public URL. */
const routeOf = (url: string) => `/${new URL(url).pathname.slice(BASE_PATH.length)}`;
const fileOfRoute = (route: string) => (route.endsWith('/') ? `${route.slice(1)}index.html` : route.slice(1));
/** A built file from an absolute URL of the build's site. */
const fileOfUrl = (url: string) => {
  expect(url.startsWith(BUILD_SITE), url).toBe(true);
  return fileOfRoute(`/${url.slice(BUILD_SITE.length)}`);
};
const metaOf = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1]?.replace(/&amp;/g, '&');
const embedRoute = (d: ApiDemand) => `/embed/letters/${d.letter}/demands/${d.number}/`;
const firstEntryTitle = (xml: string) =>
  /<entry>[\s\S]*?<title>([^<]*)<\/title>/
    .exec(xml)?.[1]
    ?.replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('share cards', () => {
  test('every demand page’s og:image is its own PNG, 1200×630, within budget, not the site’s', async () => {
    const seen = new Map<string, string>();
    const siteImage = metaOf(read('index.html'), 'og:image')!;
    for (const demand of demands) {
      const html = read(fileOfRoute(routeOf(demand.url)));
      const image = metaOf(html, 'og:image')!;
      expect(image, demand.url).not.toBe(siteImage);
      expect(seen.get(image), `${demand.url} shares its card with ${seen.get(image)}`).toBeUndefined();
      seen.set(image, demand.url);
      const file = join(distDir(), fileOfUrl(image));
      expect(statSync(file).size, image).toBeLessThanOrEqual(CARD_MAX_BYTES);
      const meta = await sharp(file).metadata();
      expect([meta.format, meta.width, meta.height], image).toEqual(['png', CARD_WIDTH, CARD_HEIGHT]);
      expect(metaOf(html, 'twitter:card')).toBe('summary_large_image');
      expect(metaOf(html, 'og:image:alt'), demand.url).toContain(demand.shortTitle);
    }
  });

  test('an English page names the site and its card in English', () => {
    const html = read(fileOfRoute(`/en/letters/${demands[0]!.letter}/`));
    expect(metaOf(html, 'og:site_name')).not.toMatch(/[ぁ-んァ-ン]/);
    expect(metaOf(html, 'og:image')).toMatch(/\/cards\/[0-9a-f]+\.png$/);
    expect(metaOf(html, 'og:image')).not.toBe(metaOf(read(fileOfRoute(`/letters/${demands[0]!.letter}/`)), 'og:image'));
  });
});

describe('embeds, under the deploy headers', () => {
  // The build served as a host that reads _headers would serve it, and a page of another origin.
  let site: Server;
  let other: Server;
  let siteOrigin = '';
  let otherOrigin = '';
  const TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.css': 'text/css',
    '.js': 'text/javascript',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
  };
  beforeAll(async () => {
    const rules = parseHeaders(read('_headers'));
    site = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = path.startsWith(BASE_PATH) ? fileOfRoute(`/${path.slice(BASE_PATH.length)}`) : '';
      if (!file || !existsSync(join(distDir(), file))) return void res.writeHead(404).end();
      const headers: Record<string, string> = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' };
      for (const rule of rules) if (ruleMatches(rule.path, path)) Object.assign(headers, rule.headers);
      res.writeHead(200, headers).end(readFileSync(join(distDir(), file)));
    });
    other = createServer((req, res) => {
      const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
      res
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><title>other</title><iframe id="f" src="${src.replace(/"/g, '&quot;')}"></iframe>`);
    });
    const [sitePort, otherPort] = [await freePort(), await freePort()];
    await new Promise<void>((done) => site.listen(sitePort, '127.0.0.1', done));
    await new Promise<void>((done) => other.listen(otherPort, '127.0.0.1', done));
    siteOrigin = `http://127.0.0.1:${sitePort}`;
    otherOrigin = `http://127.0.0.1:${otherPort}`;
  });
  afterAll(() => {
    site?.close();
    other?.close();
  });

  test('every embed page: at most 10 KB with what it loads, no script, its demand and a link back', () => {
    for (const demand of demands) {
      const html = read(fileOfRoute(embedRoute(demand)));
      expect(html, demand.url).not.toMatch(/<script/i);
      // Nothing stray between head and body (a <title> broken by formatting once showed there).
      expect(html.slice(html.indexOf('</head>'), html.indexOf('<body'))).toBe('</head>');
      expect(html).toContain(demand.shortTitle);
      expect(html).toContain(`href="${demand.url}"`);
      const loaded = [...html.matchAll(/<(?:link rel="stylesheet" href|img src)="([^"]+)"/g)].map((m) => m[1]!);
      const bytes =
        Buffer.byteLength(html) +
        loaded.reduce(
          (n, src) => n + statSync(join(distDir(), fileOfRoute(`/${src.slice(BASE_PATH.length)}`))).size,
          0,
        );
      expect(bytes, demand.url).toBeLessThanOrEqual(10 * 1024);
    }
  });

  test('another origin frames an embed page (without JavaScript), not the demand page', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    for (const demand of [demands[0]!, demands.at(-1)!]) {
      const embed = `${siteOrigin}${servedPath(embedRoute(demand))}`;
      await page.goto(`${otherOrigin}/?src=${encodeURIComponent(embed)}`);
      const frame = page.frameLocator('#f');
      await expect.poll(() => frame.locator('h1').textContent({ timeout: 5000 })).toBe(demand.shortTitle);
      expect(
        await frame.locator('img[src*="/badges/"]').evaluate((img: HTMLImageElement) => img.naturalWidth),
      ).toBeGreaterThan(0);
      // The demand page itself refuses to be framed (frame-ancestors 'none', X-Frame-Options: DENY).
      const own = `${siteOrigin}${servedPath(routeOf(demand.url))}`;
      await page.goto(`${otherOrigin}/?src=${encodeURIComponent(own)}`);
      await page.waitForTimeout(300);
      const framed = page.frames().find((f) => f !== page.mainFrame());
      expect(framed?.url(), own).not.toBe(own);
    }
  });

  test('an embed page passes axe', async () => {
    // axe is injected by the test (the page itself runs no script); legacy mode, as e2e/a11y.test.ts.
    const page = await newPage();
    await page.goto(siteUrl(embedRoute(demands[0]!)));
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .setLegacyMode(true)
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});

describe('following, for people', () => {
  /** The hrefs of the links a person sees on the page. */
  const visibleHrefs = (page: Awaited<ReturnType<typeof newPage>>) =>
    page
      .locator('a[href]')
      .evaluateAll((links) =>
        links.filter((a) => (a as HTMLElement).checkVisibility()).map((a) => (a as HTMLAnchorElement).href),
      );

  test('no visible link on the home page or a demand page leads to raw XML', async () => {
    const page = await newPage();
    for (const route of ['/', ...demands.map((d) => routeOf(d.url))]) {
      await page.goto(siteUrl(route));
      // Open every disclosure, so that what it hides is seen too.
      await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const xml = (await visibleHrefs(page)).filter((href) => /\.(xml|xsl)(?:[?#]|$)/.test(href));
      expect(xml, route).toEqual([]);
    }
  });

  test('each demand page’s follow link opens its follow section: the feed’s address and latest entry', async () => {
    const page = await newPage();
    for (const demand of demands) {
      await page.goto(siteUrl(routeOf(demand.url)));
      const feedHref = await page
        .locator('head link[rel="alternate"][type="application/atom+xml"]')
        .nth(1)
        .getAttribute('href');
      const feedUrl = new URL(feedHref!, BUILD_SITE).href;
      await page
        .getByRole('link', { name: /この要求の経過を追う/ })
        .first()
        .click();
      await page.waitForURL(/#follow$/);
      const section = page.locator('#follow');
      expect(await section.isVisible()).toBe(true);
      expect((await section.locator('pre').first().textContent())?.trim()).toBe(feedUrl);
      const latest = firstEntryTitle(read(fileOfRoute(`/${new URL(feedUrl).pathname.slice(BASE_PATH.length)}`)));
      expect(await section.locator('[data-follow-entry]').first().textContent()).toBe(latest);
    }
  });

  test('the home page links one follow page: the site feed’s address and latest entry', async () => {
    const page = await newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(siteUrl('/'));
    await page
      .locator('main')
      .getByRole('link', { name: /経過を追う/ })
      .first()
      .click();
    await page.waitForURL(`**${servedPath('/follow/')}`);
    expect((await page.locator('main pre').first().textContent())?.trim()).toBe(new URL('feed.xml', BUILD_SITE).href);
    expect(await page.locator('main [data-follow-entry]').first().textContent()).toBe(
      firstEntryTitle(read('feed.xml')),
    );
  });
});
