// The site-wide checks (links, head/CSP/structure, weight, contrast, privacy) on a tiny fixture site
// and hand-written pages, so that each check is shown to catch what it is meant to catch.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  BUDGETS,
  budgetViolations,
  indexFilesFor,
  jsImports,
  measurePage,
  pageAssets,
} from '../scripts/lib/site-checks/budgets.ts';
import {
  AA_NON_TEXT,
  badgeColourRules,
  contrastRatio,
  parseColor,
  rootProperties,
} from '../scripts/lib/site-checks/contrast.ts';
import {
  basePathOf,
  listFiles,
  pageKind,
  resolveUrlPath,
  sitemapLocs,
  sitePages,
  urlPathOfFile,
} from '../scripts/lib/site-checks/dist.ts';
import { checkLinks } from '../scripts/lib/site-checks/links.ts';
import { validateHtml } from '../scripts/lib/site-checks/validity.ts';
import { PAGE_CSP } from '../src/lib/csp.ts';
import { checkManifest, checkPageHtml, checkRobotsTxt, cspProblems } from '../scripts/lib/site-checks/pages.ts';
import { isFirstParty, thirdPartyRequests } from '../scripts/lib/site-checks/privacy.ts';
import { STATUS_KEYS } from '../src/lib/status.ts';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'site-checks', 'site');
const ORIGIN = 'https://site.example';

describe('dist: how URLs map to built files', () => {
  const files = new Set(listFiles(FIXTURE));
  test('file ⇄ URL path', () => {
    expect(urlPathOfFile('index.html')).toBe('/');
    expect(urlPathOfFile('a/index.html')).toBe('/a/');
    expect(urlPathOfFile('404.html')).toBe('/404.html');
    expect(resolveUrlPath('/a/', files)).toEqual({ kind: 'file', file: 'a/index.html' });
    expect(resolveUrlPath('/a', files)).toEqual({ kind: 'redirect', file: 'a/index.html', to: '/a/' });
    expect(resolveUrlPath('/logo.png', files)).toEqual({ kind: 'file', file: 'logo.png' });
    expect(resolveUrlPath('/docs/%E8%A6%81%E8%AB%8B.txt', files)).toEqual({ kind: 'file', file: 'docs/要請.txt' });
    expect(resolveUrlPath('/nope/', files)).toEqual({ kind: 'missing' });
    expect(resolveUrlPath('/../etc/passwd', files)).toEqual({ kind: 'missing' });
  });

  test('under a base path: only URLs inside it resolve, to the same files', () => {
    expect(resolveUrlPath('/campaign/a/', files, '/campaign/')).toEqual({ kind: 'file', file: 'a/index.html' });
    expect(resolveUrlPath('/campaign/', files, '/campaign/')).toEqual({ kind: 'file', file: 'index.html' });
    expect(resolveUrlPath('/campaign/a', files, '/campaign/')).toEqual({
      kind: 'redirect',
      file: 'a/index.html',
      to: '/campaign/a/',
    });
    expect(resolveUrlPath('/campaign', files, '/campaign/')).toEqual({
      kind: 'redirect',
      file: 'index.html',
      to: '/campaign/',
    });
    expect(resolveUrlPath('/a/', files, '/campaign/')).toEqual({ kind: 'missing' });
    expect(resolveUrlPath('/campaigns/a/', files, '/campaign/')).toEqual({ kind: 'missing' });
    expect(basePathOf('https://site.example/campaign/')).toBe('/campaign/');
    expect(basePathOf('https://site.example')).toBe('/');
  });

  test('page kinds', () => {
    expect(pageKind('/')).toBe('home');
    expect(pageKind('/letters/')).toBe('letters-index');
    expect(pageKind('/letters/2019-07-23-soumu/')).toBe('letter');
    expect(pageKind('/letters/2019-07-23-soumu/demands/2/')).toBe('demand');
    expect(pageKind('/references/mie-my-number-rules/')).toBe('reference');
    expect(pageKind('/status/')).toBe('status');
    expect(pageKind('/search/')).toBe('search');
    expect(pageKind('/api/')).toBe('api');
    expect(pageKind('/404.html')).toBe('not-found');
  });

  test('sitemap pages plus pages left out of it; unbuilt sitemap entries are reported', () => {
    expect(sitemapLocs('<urlset><url><loc>https://a.example/?x=1&amp;y=2</loc></url></urlset>')).toEqual([
      'https://a.example/?x=1&y=2',
    ]);
    const pages = sitePages(FIXTURE);
    expect(pages.map((p) => [p.path, p.file, p.inSitemap])).toEqual([
      ['/', 'index.html', true],
      ['/a/', 'a/index.html', true],
      ['/gone/', '', true],
      ['/search/', 'search/index.html', true],
    ]);
  });
});

describe('link check', () => {
  const report = checkLinks(FIXTURE, { site: ORIGIN });
  const broken = report.broken.map((b) => `${b.source} ${b.url}`);

  test('finds every broken internal link and anchor, and nothing else', () => {
    expect(broken.sort()).toEqual(
      [
        'index.html /a/#no-such-id',
        'index.html /missing/',
        'index.html /a',
        'index.html #gone',
        'index.html javascript:void(0)',
        'index.html /img/two.png',
        'index.html #dup',
        'a/index.html /#legacy',
        '_astro/site.css ../img/missing.png',
        'manifest.webmanifest /icon-missing.png',
        'data.json https://site.example/nowhere/',
        'robots.txt /sitemap-index.xml',
        'sitemap-0.xml https://site.example/gone/',
      ].sort(),
    );
  });

  test('says why', () => {
    const why = (url: string) => report.broken.find((b) => b.url === url)?.problem;
    expect(why('/a/#no-such-id')).toBe('no element with id="no-such-id" on /a/');
    expect(why('/missing/')).toBe('/missing/ does not exist in the build');
    expect(why('/a')).toMatch(/trailing slash/);
    expect(why('#dup')).toMatch(/more than once/);
    expect(report.broken.filter((b) => b.source === 'robots.txt').map((b) => b.problem)).toContain(
      'the Sitemap line must be an absolute URL',
    );
  });

  test('a build for a sub-path: root-absolute links leave the site', () => {
    const underBase = checkLinks(FIXTURE, { site: `${ORIGIN}/campaign/` });
    const why = (url: string) => underBase.broken.find((b) => b.url === url && b.source === 'index.html')?.problem;
    expect(why('/a/')).toBe("/a/ is outside the site's base path /campaign/");
    expect(underBase.broken.find((b) => b.url === 'https://site.example/nowhere/')?.problem).toMatch(/outside/);
  });

  test('counts external links without fetching them', () => {
    expect(report.external).toBe(1); // the <a> to example.org (JSON strings count only when they are URLs on the site)
    expect(report.internal).toBeGreaterThan(15);
  });
});

// A page that passes every check; the tests below break it one way at a time.
const GOOD_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'";
const goodPage = (
  overrides: { head?: string; body?: string; csp?: string; canonical?: string; lang?: string } = {},
) => `<!DOCTYPE html>
<html lang="${overrides.lang ?? 'ja'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${overrides.csp ?? GOOD_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>要請書</title>
<meta name="description" content="自治労連の要請書の全文と要求の経過です。">
<link rel="canonical" href="${overrides.canonical ?? 'https://site.example/letters/x/'}">
<link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="manifest" href="/manifest.webmanifest">
<meta property="og:type" content="article"><meta property="og:title" content="要請書"><meta property="og:description" content="説明">
<meta property="og:url" content="https://site.example/letters/x/"><meta property="og:site_name" content="サイト"><meta property="og:locale" content="ja_JP">
<meta name="twitter:card" content="summary"><meta name="twitter:title" content="要請書"><meta name="twitter:description" content="説明">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"要請書","datePublished":"2019-07-23","author":{"@type":"Organization","name":"自治労連"},"inLanguage":"ja","url":"https://site.example/letters/x/"}</script>
${overrides.head ?? ''}</head><body><a href="#main">本文へ移動</a><main id="main" tabindex="-1"><h1>要請書</h1><h2>記</h2><h3>1.</h3>${overrides.body ?? ''}</main></body></html>`;
const check = (html: string, kind: Parameters<typeof checkPageHtml>[1]['kind'] = 'letter') =>
  checkPageHtml(html, { path: '/letters/x/', kind, site: ORIGIN }).map((p) => p.problem);

describe('HTML validity (html-validate, with the config in validity.ts)', () => {
  test('a complete page is valid', async () => {
    expect(await validateHtml(goodPage(), 'good.html')).toEqual([]);
  });

  test.each([
    ['skipped heading level', '<h5>deep</h5>', 'heading-level'],
    ['second h1', '<h1>again</h1>', 'heading-level'],
    ['empty heading', '<h2></h2>', 'empty-heading'],
    ['img without alt', '<img src="/a.png">', 'wcag/h37'],
    ['duplicate id', '<p id="main">x</p>', 'no-dup-id'],
    ['a block inside a phrase', '<span><div>x</div></span>', 'element-permitted-content'],
  ])('%s is reported', async (_name, body, rule) => {
    const problems = await validateHtml(goodPage({ body }), 'bad.html');
    expect(
      problems.some((p) => p.includes(` ${rule}: `)),
      problems.join('\n'),
    ).toBe(true);
  });
});

describe('page checks', () => {
  test('a complete page passes', () => {
    expect(check(goodPage())).toEqual([]);
  });

  test('under a base path: canonical, og:url, JSON-LD and loaded files must carry it', () => {
    const atCampaign = (html: string) =>
      checkPageHtml(html, { path: '/letters/x/', kind: 'letter', site: 'https://site.example/campaign/' }).map(
        (p) => p.problem,
      );
    const problems = atCampaign(goodPage({ body: '<img src="/a.png" alt="">' }));
    expect(problems).toContain(
      'canonical is https://site.example/letters/x/, expected https://site.example/campaign/letters/x/',
    );
    expect(problems).toContain(
      'og:url is https://site.example/letters/x/, expected https://site.example/campaign/letters/x/',
    );
    expect(problems.some((p) => /JSON-LD Article url/.test(p))).toBe(true);
    expect(problems).toContain('<img src="/a.png"> loads from outside the site\'s base path /campaign/');
    expect(problems.filter((p) => /favicon|manifest/.test(p))).toHaveLength(2);
  });

  test.each([
    ['wrong lang', goodPage({ lang: 'en' }), /lang/],
    ['canonical elsewhere', goodPage({ canonical: 'https://site.example/other/' }), /canonical is/],
    ['inline event handler', goodPage({ body: '<button onclick="go()">x</button>' }), /inline event handler onclick/],
    ['inline script', goodPage({ body: '<script>track()</script>' }), /inline <script>/],
    ['inline style attribute', goodPage({ body: '<p style="color:red">x</p>' }), /inline style/],
    ['<style> element', goodPage({ head: '<style>p{}</style>' }), /<style> element/],
    [
      'third-party script',
      goodPage({ body: '<script src="https://cdn.example/x.js"></script>' }),
      /loads from another origin/,
    ],
    [
      'third-party font CSS',
      goodPage({ head: '<link rel="stylesheet" href="https://fonts.example/css">' }),
      /loads from another origin/,
    ],
    [
      'preconnect',
      goodPage({ head: '<link rel="preconnect" href="https://www.google-analytics.com">' }),
      /loads from another origin/,
    ],
    [
      'embed',
      goodPage({ body: '<iframe src="https://video.example/embed/1" title="v"></iframe>' }),
      /loads from another origin/,
    ],
    ['image elsewhere', goodPage({ body: '<img src="//img.example/a.png" alt="">' }), /loads from another origin/],
    ['javascript: URL', goodPage({ body: '<a href="javascript:alert(1)">x</a>' }), /javascript: URL/],
    [
      'target=_blank without noopener',
      goodPage({ body: '<a href="https://x.example" target="_blank">x</a>' }),
      /noopener/,
    ],
    [
      'zoom disabled',
      goodPage({ head: '<meta name="viewport" content="width=device-width, user-scalable=no">' }),
      /disables zoom/,
    ],
    [
      'CSP allows a CDN',
      goodPage({ csp: GOOD_CSP.replace("script-src 'self'", "script-src 'self' https://cdn.example") }),
      /script-src allows https:\/\/cdn.example/,
    ],
  ])('catches: %s', (_name, html, expected) => {
    expect(check(html).join('\n')).toMatch(expected);
  });

  test('a resource before the CSP meta is not covered by it', () => {
    const html = goodPage().replace('<meta http-equiv', '<link rel="stylesheet" href="/a.css"><meta http-equiv');
    expect(check(html).join('\n')).toMatch(/comes before the Content-Security-Policy/);
  });

  test('missing social meta, description and skip link are reported', () => {
    const html = goodPage()
      .replace(/<meta property="og:url"[^>]*>/, '')
      .replace(/<meta name="description"[^>]*>/, '')
      .replace('<a href="#main">本文へ移動</a>', '');
    const problems = check(html).join('\n');
    expect(problems).toMatch(/og:url/);
    expect(problems).toMatch(/meta description/);
    expect(problems).toMatch(/skip link/);
  });

  test('letters need Article and regulations Legislation JSON-LD', () => {
    expect(check(goodPage(), 'reference').join('\n')).toMatch(/no JSON-LD Legislation/);
    const broken = goodPage().replace('"headline":"要請書",', '');
    expect(check(broken).join('\n')).toMatch(/Article has no headline/);
    expect(check(goodPage().replace('"@type":"Article"', '"@type":"Article"}x'))).toContainEqual(
      expect.stringMatching(/JSON-LD does not parse/),
    );
  });

  test('the 404 page is noindex and has no canonical', () => {
    const notFound = goodPage({ head: '<meta name="robots" content="noindex">' })
      .replace(/<link rel="canonical"[^>]*>/, '')
      .replace(/<meta property="og:url"[^>]*>/, '');
    expect(
      checkPageHtml(notFound, { path: '/404.html', kind: 'not-found', site: ORIGIN }).map((p) => p.problem),
    ).toEqual([]);
    expect(
      checkPageHtml(goodPage(), { path: '/404.html', kind: 'not-found', site: ORIGIN })
        .map((p) => p.problem)
        .join('\n'),
    ).toMatch(/noindex/);
  });
});

describe('CSP', () => {
  test("the site's policy passes", () => {
    expect(cspProblems(PAGE_CSP)).toEqual([]);
  });

  test.each([
    ["script-src 'self' 'unsafe-inline'", /script-src allows 'unsafe-inline'/],
    ["script-src 'self' 'unsafe-eval'", /'unsafe-eval'/],
    ['img-src *', /img-src allows \*/],
    ['connect-src https://analytics.example', /connect-src allows https:\/\/analytics.example/],
    ['font-src https:', /font-src allows https:/],
    ["object-src 'self'", /object-src must be 'none'/],
    ["frame-ancestors 'none'", /ignored in a <meta>/],
  ])('refuses %s', (directive, expected) => {
    // Replace the directive of the same name (browsers ignore a repeated one), or add it.
    const name = directive.split(' ')[0]!;
    const parts = GOOD_CSP.split('; ');
    const index = parts.findIndex((part) => part.startsWith(`${name} `));
    if (index >= 0) parts[index] = directive;
    else parts.push(directive);
    expect(cspProblems(parts.join('; ')).join('\n')).toMatch(expected);
  });

  test('requires base-uri and form-action (they do not fall back to default-src)', () => {
    expect(cspProblems("default-src 'self'; object-src 'none'")).toEqual([
      'CSP has no base-uri (it does not fall back to default-src)',
      'CSP has no form-action (it does not fall back to default-src)',
    ]);
  });
});

describe('robots.txt and manifest', () => {
  const files = new Set(['sitemap-index.xml', 'icon-192.png', 'icon-512.png']);
  test('robots.txt needs an absolute Sitemap URL on the site', () => {
    expect(
      checkRobotsTxt('User-agent: *\nAllow: /\n\nSitemap: https://site.example/sitemap-index.xml\n', ORIGIN, files),
    ).toEqual([]);
    expect(checkRobotsTxt('User-agent: *\nSitemap: /sitemap-index.xml\n', ORIGIN, files)).toEqual([
      'robots.txt Sitemap "/sitemap-index.xml" is not an absolute URL',
    ]);
    expect(
      checkRobotsTxt('User-agent: *\nDisallow: /\nSitemap: https://other.example/sitemap-index.xml\n', ORIGIN, files),
    ).toHaveLength(2);
  });

  test('under a base path, the sitemap and the manifest stay inside it', () => {
    const site = 'https://site.example/campaign/';
    expect(
      checkRobotsTxt('User-agent: *\nSitemap: https://site.example/campaign/sitemap-index.xml\n', site, files),
    ).toEqual([]);
    expect(checkRobotsTxt('User-agent: *\nSitemap: https://site.example/sitemap-index.xml\n', site, files)).toEqual([
      'robots.txt Sitemap https://site.example/sitemap-index.xml is not on https://site.example/campaign/',
    ]);
    const manifest = (root: string) =>
      JSON.stringify({
        name: 'サイト名',
        short_name: '短い名前',
        start_url: root,
        scope: root,
        display: 'minimal-ui',
        lang: 'ja',
        theme_color: '#8a1c1c',
        background_color: '#ffffff',
        icons: [
          { src: `${root}icon-192.png`, type: 'image/png', sizes: '192x192' },
          { src: `${root}icon-512.png`, type: 'image/png', sizes: '512x512' },
        ],
      });
    expect(checkManifest(manifest('/campaign/'), files, '/campaign/')).toEqual([]);
    expect(checkManifest(manifest('/'), files, '/campaign/')).toEqual([
      "manifest start_url / is outside the site's base path /campaign/",
      "manifest scope / is outside the site's base path /campaign/",
      'manifest icon /icon-192.png was not built',
      'manifest icon /icon-512.png was not built',
    ]);
  });

  test('manifest needs names, colours, lang and PNG icons that exist', () => {
    const good = {
      name: 'サイト名',
      short_name: '短い名前',
      start_url: '/',
      scope: '/',
      display: 'minimal-ui',
      lang: 'ja',
      theme_color: '#8a1c1c',
      background_color: '#ffffff',
      icons: [
        { src: '/icon-192.png', type: 'image/png', sizes: '192x192' },
        { src: '/icon-512.png', type: 'image/png', sizes: '512x512' },
      ],
    };
    expect(checkManifest(JSON.stringify(good), files)).toEqual([]);
    expect(
      checkManifest(
        JSON.stringify({ ...good, icons: [{ src: '/nope.png', type: 'image/png', sizes: '512x512' }] }),
        files,
      ).join('\n'),
    ).toMatch(/was not built/);
    expect(
      checkManifest(JSON.stringify({ ...good, lang: 'en', short_name: 'とても長い短い名前ではない名前です' }), files),
    ).toHaveLength(2);
    expect(checkManifest('{', files)[0]).toMatch(/not valid JSON/);
  });
});

describe('weight', () => {
  const files = new Set(listFiles(FIXTURE));
  const home = sitePages(FIXTURE).find((p) => p.path === '/')!;

  test('follows static imports as initial JS and dynamic imports as lazy JS', () => {
    expect(
      jsImports('import{a as b}from"./shared.js";import"./x.js";export{c}from"./y.js";const l=()=>import("./lazy.js")'),
    ).toEqual({
      staticImports: ['./shared.js', './x.js', './y.js'],
      dynamicImports: ['./lazy.js'],
    });
    expect(
      jsImports(
        'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/a.js","_astro/b.css"])))=>i.map(i=>d[i]);',
      ).dynamicImports,
    ).toEqual(['/_astro/a.js']);
    const assets = pageAssets(FIXTURE, home, files);
    expect(assets.css).toEqual(['_astro/site.css']);
    expect(assets.jsInitial.sort()).toEqual(['_astro/page.js', '_astro/shared.js', '_astro/side-effect.js']);
    expect(assets.jsLazy).toEqual(['_astro/lazy.js']);
  });

  test('a search index is all the shards beside the one fetched', () => {
    expect(indexFilesFor(['search/index-0.json'], [...files])).toEqual(['search/index-0.json', 'search/index-1.json']);
  });

  test('sizes are gzip sizes; going over a budget is reported with the figures', () => {
    const weight = measurePage(FIXTURE, home, files);
    expect(weight.js.raw).toBe(
      ['page.js', 'shared.js', 'side-effect.js', 'lazy.js'].reduce(
        (n, f) => n + readFileSync(join(FIXTURE, '_astro', f)).length,
        0,
      ),
    );
    expect(weight.js.gzip).toBeGreaterThan(0);
    expect(budgetViolations([weight])).toEqual([]);
    const tight = { ...BUDGETS, home: { js: 10, css: 10_000, html: 10_000 } };
    expect(budgetViolations([weight], tight)).toEqual([
      { path: '/', what: 'JS (gzip)', measured: weight.js.gzip, budget: 10 },
    ]);
    const search = measurePage(
      FIXTURE,
      sitePages(FIXTURE).find((p) => p.path === '/search/')!,
      files,
      { index: ['search/index-0.json', 'search/index-1.json'] },
    );
    expect(search.index.gzip).toBeGreaterThan(0);
    expect(
      budgetViolations([search], { ...BUDGETS, search: { js: 10_000, jsPlusIndex: 20, css: 10_000, html: 10_000 } })[0]
        ?.what,
    ).toBe('JS + search index (gzip)');
  });
});

describe('contrast', () => {
  test('WCAG reference values', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('rgb(118, 118, 118)', 'white')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('rgba(0, 0, 0, 0.5)', '#ffffff')).toBeCloseTo(3.95, 1);
    expect(parseColor('#8a1c1cff')).toEqual({ r: 138, g: 28, b: 28, a: 1 });
    expect(parseColor('nonsense')).toBeNull();
  });

  // The badges' text contrast is axe's (color-contrast: light in a11y.test.ts, dark in layout.test.ts).
  // Their border against the page is non-text contrast (1.4.11), which axe does not judge.
  test.each(['light', 'dark'] as const)(
    'every status badge stands out on the page: its border, its text colour, at 3:1 (%s scheme)',
    (scheme) => {
      const css = readFileSync(join(import.meta.dirname, '..', 'src', 'styles', 'global.css'), 'utf8');
      const page = rootProperties(css, scheme);
      const rules = badgeColourRules(css, scheme);
      expect(rules.map((r) => r.status).sort()).toEqual([...STATUS_KEYS].sort());
      for (const rule of rules) {
        // The badge's border is its text colour: a 3:1 boundary against the page and the header surface (1.4.11).
        for (const name of ['--color-bg', '--color-surface']) {
          const behind = page.get(name)!;
          expect(
            contrastRatio(rule.color, behind),
            `${rule.status} border on ${name} ${behind}`,
          ).toBeGreaterThanOrEqual(AA_NON_TEXT);
        }
      }
    },
  );
});

describe('privacy', () => {
  test('only the site itself (and local data) is first party', () => {
    const site = 'http://127.0.0.1:4321';
    expect(isFirstParty('http://127.0.0.1:4321/_astro/a.js', site)).toBe(true);
    expect(isFirstParty('data:image/png;base64,AAAA', site)).toBe(true);
    expect(isFirstParty('http://localhost:4321/a.js', site)).toBe(false);
    expect(isFirstParty('http://127.0.0.1:9999/a.js', site)).toBe(false);
    expect(isFirstParty('https://fonts.googleapis.com/css2', site)).toBe(false);
    expect(isFirstParty('ws://127.0.0.1:4321/socket', site)).toBe(false);
    expect(
      thirdPartyRequests(
        [
          { url: 'http://127.0.0.1:4321/', resourceType: 'document', page: '/' },
          { url: 'https://www.google-analytics.com/g/collect', resourceType: 'ping', page: '/' },
        ],
        site,
      ).map((r) => r.url),
    ).toEqual(['https://www.google-analytics.com/g/collect']);
  });
});
