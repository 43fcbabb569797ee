/** The built site on disk: its files, its pages, its sitemap, and how a static host maps URLs to files. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { normalizeBase } from '../../../src/lib/site-address.ts';
import { routeOf } from '../../../src/lib/urls.ts';

/**
 * The built site lives at an address with a base path (https://example.org/campaign/ serves dist/ under
 * /campaign/). Page paths here are routes, from the site's root ('/letters/'); served URL paths carry base.
 */
export const basePathOf = (site: string): string => normalizeBase(decodeURI(new URL(site).pathname));

/** Every file under `dir`, as sorted POSIX paths relative to it. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The URL path a built file is served at: `index.html` → `/`, `a/b/index.html` → `/a/b/`, `404.html` → `/404.html`. */
export function urlPathOfFile(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

type Resolution =
  | { kind: 'file'; file: string }
  /** A directory asked for without its trailing slash: hosts answer with a redirect. */
  | { kind: 'redirect'; file: string; to: string }
  | { kind: 'missing' };

/**
 * How a static host answers a URL path: the file itself, or the directory's index.html (a directory
 * asked for without its slash is redirected by GitHub Pages and Netlify; `astro preview` answers 404).
 * `files` is the set from listFiles().
 */
export function resolveUrlPath(urlPath: string, files: ReadonlySet<string>, base = '/'): Resolution {
  if (base !== '/') {
    // Everything the site serves is under base; base without its slash is a directory like any other.
    if (urlPath === base.slice(0, -1))
      return files.has('index.html') ? { kind: 'redirect', file: 'index.html', to: base } : { kind: 'missing' };
    if (!urlPath.startsWith(base)) return { kind: 'missing' };
    const resolved = resolveUrlPath(`/${urlPath.slice(base.length)}`, files);
    return resolved.kind === 'redirect' ? { ...resolved, to: `${base}${resolved.to.slice(1)}` } : resolved;
  }
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'missing' };
  }
  const normalized = posix.normalize(path);
  if (!normalized.startsWith('/')) return { kind: 'missing' };
  const rel = normalized.slice(1);
  if (rel === '' || normalized.endsWith('/')) {
    const index = `${rel}index.html`;
    return files.has(index) ? { kind: 'file', file: index } : { kind: 'missing' };
  }
  if (files.has(rel)) return { kind: 'file', file: rel };
  if (files.has(`${rel}/index.html`)) return { kind: 'redirect', file: `${rel}/index.html`, to: `${normalized}/` };
  return { kind: 'missing' };
}

/** What a page is, for budgets and targeted checks. */
export type PageKind =
  | 'home'
  | 'letters-index'
  | 'letter'
  | 'demand'
  | 'reference'
  | 'status'
  | 'search'
  | 'timeline'
  | 'api'
  | 'guide'
  | 'not-found'
  | 'other';

export function pageKind(urlPath: string): PageKind {
  if (urlPath === '/') return 'home';
  if (urlPath === '/404.html' || urlPath === '/404/') return 'not-found';
  if (urlPath === '/letters/') return 'letters-index';
  if (/^\/letters\/[^/]+\/demands\/[^/]+\/$/.test(urlPath)) return 'demand';
  if (/^\/letters\/[^/]+\/$/.test(urlPath)) return 'letter';
  if (/^\/references\/[^/]+\/$/.test(urlPath)) return 'reference';
  // The English search page is a search page (its script and index budget), not an 'other' page.
  if (urlPath === '/en/search/') return 'search';
  for (const kind of ['status', 'search', 'timeline', 'api', 'guide'] as const) {
    if (urlPath === `/${kind}/` || urlPath.startsWith(`/${kind}/`)) return kind;
  }
  return 'other';
}

/** `<loc>` values of an XML sitemap or sitemap index. */
export function sitemapLocs(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((match) =>
    match[1]!
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'"),
  );
}

/**
 * Every page URL listed in the built sitemap (sitemap-index.xml and the sitemaps it names), as absolute
 * URLs. Throws when there is no sitemap: the site must have one. `base`: the path the build is served under.
 */
export function sitemapUrls(distDir: string, base = '/'): string[] {
  const indexFile = join(distDir, 'sitemap-index.xml');
  if (!existsSync(indexFile)) throw new Error(`${indexFile} does not exist: is @astrojs/sitemap configured?`);
  const urls: string[] = [];
  for (const loc of sitemapLocs(readFileSync(indexFile, 'utf8'))) {
    const file = join(distDir, routeOf(new URL(loc).pathname, base));
    if (!existsSync(file)) throw new Error(`sitemap-index.xml names ${loc}, which was not built`);
    urls.push(...sitemapLocs(readFileSync(file, 'utf8')));
  }
  return urls;
}

export interface SitePage {
  /** Route of the page, from the site's root (without base), e.g. `/letters/2019-07-23-soumu/`. */
  path: string;
  /** File under the dist directory. */
  file: string;
  kind: PageKind;
  inSitemap: boolean;
}

/**
 * Every HTML page of the build: the sitemap's pages plus any page left out of it (the 404 page, a
 * noindex page), so that checks sweep all of them. Pages the sitemap lists but that were not built
 * are returned too (file ''), so that the caller can fail on them. `base`: the path the build is served
 * under (sitemap URLs carry it; the returned paths do not).
 */
export function sitePages(distDir: string, base = '/'): SitePage[] {
  // The organizers' editor (admin/) is not a public page: it has its own policy and its own test. Nor
  // are the embeds (embed/), fragments other sites frame: noindex, no header or navigation, their own
  // policy (EMBED_CSP) and their own test (e2e/share.test.ts).
  const files = listFiles(distDir).filter(
    (file) => file.endsWith('.html') && !file.startsWith('admin/') && !file.startsWith('embed/'),
  );
  const fileSet = new Set(files);
  const inSitemap = new Set(sitemapUrls(distDir, base).map((url) => routeOf(new URL(url).pathname, base)));
  const pages = new Map<string, SitePage>();
  for (const file of files) {
    const path = urlPathOfFile(file);
    pages.set(path, { path, file, kind: pageKind(path), inSitemap: inSitemap.has(path) });
  }
  for (const path of inSitemap) {
    if (pages.has(path)) continue;
    const resolved = resolveUrlPath(path, fileSet);
    pages.set(path, {
      path,
      file: resolved.kind === 'missing' ? '' : resolved.file,
      kind: pageKind(path),
      inSitemap: true,
    });
  }
  return [...pages.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** Size of a file in bytes, 0 when missing. */
export function fileSize(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}
