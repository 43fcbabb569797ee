// Every built page, read from disk: head (lang, title, description, canonical, Open Graph, Twitter,
// favicon, manifest, JSON-LD), the Content-Security-Policy and what it forbids inline, third-party
// references, skip link; validity and heading structure (html-validate). Site-wide: sitemap ⇄ pages,
// robots.txt, manifest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkPageHtml, checkSite, formatPageProblems, jsonLdItems } from '../scripts/lib/site-checks/pages.ts';
import { parseHtml } from '../scripts/lib/site-checks/html.ts';
import { validateHtml } from '../scripts/lib/site-checks/validity.ts';
import { distDir } from './harness.ts';
import { allPages, BUILD_SITE } from './site.ts';

const pages = allPages();

describe('every page: head, CSP, structure and validity', () => {
  test.each(pages)('$path', async ({ path, kind, file }) => {
    const html = readFileSync(join(distDir(), file), 'utf8');
    expect(formatPageProblems(checkPageHtml(html, { path, kind, site: BUILD_SITE }))).toBe('');
    expect(await validateHtml(html, file)).toEqual([]);
  });
});

describe('site-wide', () => {
  test('sitemap lists every indexable page and only built ones; titles unique; robots.txt and manifest valid', () => {
    const report = checkSite(distDir(), BUILD_SITE, { perPage: false });
    expect(report.pages).toBe(pages.length);
    expect(formatPageProblems(report.problems)).toBe('');
  });

  test('robots.txt points at the absolute sitemap URL on the configured site', () => {
    const robots = readFileSync(join(distDir(), 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${BUILD_SITE}sitemap-index.xml`);
  });

  test('hreflang pairs point both ways: each names itself and a page that names it back (issue 14)', () => {
    const alternatesOf = (html: string) =>
      Object.fromEntries(
        [...html.matchAll(/<link rel="alternate" hreflang="(ja|en)" href="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]),
      ) as { ja?: string; en?: string };
    const byUrl = new Map(pages.map((p) => [new URL(p.path.slice(1), BUILD_SITE).href, p]));
    let pairs = 0;
    for (const page of pages) {
      const own = alternatesOf(readFileSync(join(distDir(), page.file), 'utf8'));
      if (!own.ja && !own.en) continue;
      const self = new URL(page.path.slice(1), BUILD_SITE).href;
      expect([own.ja, own.en], page.path).toContain(self);
      const other = own.ja === self ? own.en : own.ja;
      const partner = byUrl.get(other ?? '');
      expect(partner, `${page.path}: hreflang names ${other}, not a page of the site`).toBeDefined();
      expect(alternatesOf(readFileSync(join(distDir(), partner!.file), 'utf8')), page.path).toEqual(own);
      pairs += 1;
    }
    // Home, every letter, every reference, the status tracker, the timeline and the search, in both languages.
    expect(pairs).toBe(2 * (4 + pages.filter((p) => p.kind === 'letter' || p.kind === 'reference').length));
  });

  test('letters carry Article and the regulation Legislation structured data', () => {
    const ld = (kind: string) =>
      pages
        .filter((p) => p.kind === kind)
        .map((p) => jsonLdItems(parseHtml(readFileSync(join(distDir(), p.file), 'utf8'))).items.map((i) => i['@type']));
    expect(ld('letter').length).toBeGreaterThan(0);
    for (const types of ld('letter')) expect(types).toContain('Article');
    expect(ld('reference').length).toBeGreaterThan(0);
    for (const types of ld('reference')) expect(types).toContain('Legislation');
  });
});
