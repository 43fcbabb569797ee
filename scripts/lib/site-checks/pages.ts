/**
 * Checks on every built HTML page, read from disk: what search engines, link previews, browsers'
 * security model and assistive technology rely on in the markup itself.
 *
 * - head: lang="ja", charset, viewport that allows zoom, title, description, canonical, Open Graph
 *   and Twitter meta, favicon, manifest, JSON-LD (Article on letters, Legislation on regulations);
 * - privacy/security: a Content-Security-Policy meta tag, first in <head>, that allows only the site's
 *   own resources; no inline scripts (JSON data blocks aside), inline styles, event handlers,
 *   javascript: URLs, or third-party resources, preconnects or embeds;
 * - structure: one <main id="main">, a skip link to it first, links opening new windows with
 *   rel=noopener (headings, alt text and validity: validity.ts, html-validate).
 * Site-wide: unique titles and canonicals, sitemap ⇄ built pages, robots.txt, web app manifest.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { routeOf } from '../../../src/lib/urls.ts';
import { basePathOf, sitePages, listFiles, resolveUrlPath, type PageKind } from './dist.ts';
import { elementUrls, eventHandlerAttributes, parseHtml, tokens, type HtmlDocument, type HtmlElement } from './html.ts';

interface PageProblem {
  /** URL path of the page (or file name for site-wide files). */
  page: string;
  line?: number | undefined;
  problem: string;
}

// ---------------------------------------------------------------------------------------------
// Content-Security-Policy

/** Directives that fetch something; their sources must be the site's own. */
const FETCH_DIRECTIVES = new Set([
  'default-src',
  'script-src',
  'script-src-elem',
  'script-src-attr',
  'style-src',
  'style-src-elem',
  'style-src-attr',
  'img-src',
  'font-src',
  'connect-src',
  'media-src',
  'object-src',
  'frame-src',
  'child-src',
  'worker-src',
  'manifest-src',
  'prefetch-src',
]);
/** Directives a <meta> CSP cannot carry (browsers ignore them and log an issue). */
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * Problems with a policy meant to allow only the site's own resources: every fetch directive lists
 * only 'self' or 'none' (img-src may add data: for inline SVG/icons; script hashes are the site's own
 * code), no 'unsafe-*', no hosts, no wildcards; object-src 'none'; base-uri and form-action locked.
 */
export function cspProblems(policy: string): string[] {
  const problems: string[] = [];
  const directives = parseCsp(policy);
  if (!directives.has('default-src')) problems.push('CSP has no default-src');
  for (const [name, sources] of directives) {
    if (HEADER_ONLY_DIRECTIVES.has(name)) problems.push(`CSP directive ${name} is ignored in a <meta> tag`);
    if (!FETCH_DIRECTIVES.has(name)) continue;
    if (sources.length === 0) problems.push(`CSP ${name} has no sources`);
    for (const source of sources) {
      const lower = source.toLowerCase();
      if (lower === "'self'" || lower === "'none'") continue;
      if (lower === 'data:' && (name === 'img-src' || name === 'font-src')) continue;
      if (/^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(source) && name.startsWith('script-src')) continue;
      problems.push(`CSP ${name} allows ${source}: only the site's own resources may load`);
    }
    if (name === 'object-src' && !(sources.length === 1 && sources[0] === "'none'"))
      problems.push("CSP object-src must be 'none'");
  }
  if (!directives.has('object-src') && directives.get('default-src')?.join(' ') !== "'none'")
    problems.push("CSP has no object-src 'none'");
  for (const name of ['base-uri', 'form-action']) {
    const sources = directives.get(name);
    if (!sources) problems.push(`CSP has no ${name} (it does not fall back to default-src)`);
    else if (sources.some((s) => s !== "'self'" && s !== "'none'"))
      problems.push(`CSP ${name} allows ${sources.join(' ')}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// One page

interface PageContext {
  /** Route of the page, from the site's root (without base). */
  path: string;
  kind: PageKind;
  /** The address the site is published at, base included, e.g. https://example.org/campaign/ (canonical URLs use it). */
  site: string;
}

/** Elements whose URL attribute makes the browser fetch something (links and forms do not). */
const FETCHING = new Set([
  'img',
  'source',
  'script',
  'iframe',
  'embed',
  'track',
  'audio',
  'video',
  'object',
  'input',
  'use',
  'image',
]);
/** <link rel> values that make the browser fetch or connect. */
const FETCHING_RELS = new Set([
  'stylesheet',
  'icon',
  'apple-touch-icon',
  'mask-icon',
  'manifest',
  'preload',
  'modulepreload',
  'prefetch',
  'prerender',
  'preconnect',
  'dns-prefetch',
  'shortcut',
]);
const DATA_SCRIPT_TYPES = new Set(['application/ld+json', 'application/json']);

const metaContent = (doc: HtmlDocument, key: string): HtmlElement[] =>
  doc.byTag('meta').filter((m) => (m.attrs.get('property') ?? m.attrs.get('name'))?.toLowerCase() === key);

function isSameOrigin(url: string, base: string, siteOrigin: string): boolean {
  try {
    return new URL(url, base).origin === siteOrigin;
  } catch {
    return false;
  }
}

/** The JSON-LD objects of a page (flattening @graph and arrays). */
export function jsonLdItems(doc: HtmlDocument): {
  items: Record<string, unknown>[];
  errors: { line: number; error: string }[];
} {
  const items: Record<string, unknown>[] = [];
  const errors: { line: number; error: string }[] = [];
  for (const script of doc.byTag('script').filter((s) => s.attrs.get('type') === 'application/ld+json')) {
    try {
      const data = JSON.parse(script.rawText) as unknown;
      const list = Array.isArray(data) ? data : [data];
      for (const item of list) {
        if (item && typeof item === 'object') {
          const record = item as Record<string, unknown>;
          items.push(record);
          if (Array.isArray(record['@graph'])) items.push(...(record['@graph'] as Record<string, unknown>[]));
        }
      }
    } catch (error) {
      errors.push({ line: script.line, error: (error as Error).message });
    }
  }
  return { items, errors };
}

const typesOf = (item: Record<string, unknown>): string[] => {
  const type = item['@type'];
  return Array.isArray(type) ? type.map(String) : type === undefined ? [] : [String(type)];
};

export function checkPageHtml(html: string, context: PageContext): PageProblem[] {
  const problems: PageProblem[] = [];
  const add = (problem: string, line?: number): void => void problems.push({ page: context.path, line, problem });
  const doc = parseHtml(html);
  const siteOrigin = new URL(context.site).origin;
  const basePath = basePathOf(context.site);
  const siteUrl = new URL(basePath, siteOrigin).href;
  const pageUrl = new URL(context.path.slice(1), siteUrl).href;

  // --- Document basics
  const htmlElement = doc.byTag('html')[0];
  // The English section (/en/) is in English; every other page in Japanese.
  const english = context.path.startsWith('/en/');
  const lang = english ? 'en' : 'ja';
  const locale = english ? 'en_GB' : 'ja_JP';
  if (htmlElement?.attrs.get('lang') !== lang)
    add(`<html lang> is ${JSON.stringify(htmlElement?.attrs.get('lang'))}, expected "${lang}"`);
  if (!/^<!doctype html>/i.test(html.trimStart())) add('missing <!doctype html>');
  if (!/<meta charset="?utf-8"?/i.test(html.slice(0, 1024)))
    add('<meta charset="utf-8"> is not within the first 1024 bytes');

  const robots = metaContent(doc, 'robots')
    .map((m) => (m.attrs.get('content') ?? '').toLowerCase())
    .join(',');
  const noindex = /\bnoindex\b/.test(robots);
  if (noindex && context.kind !== 'not-found') add('page is marked noindex');
  if (context.kind === 'not-found' && !noindex) add('the 404 page should carry <meta name="robots" content="noindex">');

  // --- CSP
  const csps = doc.byTag('meta').filter((m) => m.attrs.get('http-equiv')?.toLowerCase() === 'content-security-policy');
  if (csps.length !== 1) add(`expected one Content-Security-Policy <meta>, found ${csps.length}`);
  const csp = csps[0];
  if (csp) {
    if (!doc.isInside(csp, 'head')) add('the Content-Security-Policy <meta> must be in <head>', csp.line);
    for (const problem of cspProblems(csp.attrs.get('content') ?? '')) add(problem, csp.line);
    // A meta CSP applies only to what comes after it.
    const cspIndex = doc.elements.indexOf(csp);
    const before = doc.elements
      .slice(0, cspIndex)
      .find((e) => ['link', 'script', 'style', 'img', 'base'].includes(e.tag));
    if (before)
      add(`<${before.tag}> comes before the Content-Security-Policy <meta>, which does not apply to it`, before.line);
  }

  // --- Viewport: must allow zooming (WCAG 1.4.4).
  const viewports = metaContent(doc, 'viewport');
  if (viewports.length !== 1) add(`expected one viewport <meta>, found ${viewports.length}`);
  const viewport = viewports.map((m) => m.attrs.get('content') ?? '').join(', ');
  if (!/width=device-width/.test(viewport)) add('viewport meta lacks width=device-width');
  if (/user-scalable\s*=\s*(no|0)/i.test(viewport)) add('viewport meta disables zoom (user-scalable=no)');
  const maxScale = /maximum-scale\s*=\s*([\d.]+)/i.exec(viewport);
  if (maxScale && Number(maxScale[1]) < 5) add(`viewport meta limits zoom (maximum-scale=${maxScale[1]})`);

  // --- Title, description
  const titles = doc.byTag('title').filter((t) => doc.isInside(t, 'head'));
  if (titles.length !== 1 || !titles[0]!.text) add(`expected one non-empty <title>, found ${titles.length}`);
  const descriptions = metaContent(doc, 'description');
  if (descriptions.length !== 1) add(`expected one meta description, found ${descriptions.length}`);
  else if ((descriptions[0]!.attrs.get('content') ?? '').trim().length < 10)
    add('meta description is empty or too short');

  // --- Canonical and social meta
  const canonicals = doc.byTag('link').filter((l) => tokens(l.attrs.get('rel')).includes('canonical'));
  const canonical = canonicals[0]?.attrs.get('href');
  if (noindex) {
    if (canonicals.length > 0) add('a noindex page should have no canonical link', canonicals[0]!.line);
  } else if (canonicals.length !== 1) {
    add(`expected one <link rel="canonical">, found ${canonicals.length}`);
  } else if (canonical !== pageUrl) {
    add(`canonical is ${canonical}, expected ${pageUrl}`, canonicals[0]!.line);
  }
  const social: Record<string, (value: string) => string | null> = {
    'og:type': (v) => (['website', 'article'].includes(v) ? null : `og:type is "${v}"`),
    'og:title': (v) => (v ? null : 'og:title is empty'),
    'og:description': (v) => (v ? null : 'og:description is empty'),
    'og:site_name': (v) => (v ? null : 'og:site_name is empty'),
    'og:locale': (v) => (v === locale ? null : `og:locale is "${v}", expected ${locale}`),
    'twitter:card': (v) => (['summary', 'summary_large_image'].includes(v) ? null : `twitter:card is "${v}"`),
    'twitter:title': (v) => (v ? null : 'twitter:title is empty'),
    'twitter:description': (v) => (v ? null : 'twitter:description is empty'),
  };
  if (!noindex) social['og:url'] = (v) => (v === pageUrl ? null : `og:url is ${v}, expected ${pageUrl}`);
  for (const [key, validate] of Object.entries(social)) {
    const found = metaContent(doc, key);
    if (found.length !== 1) {
      add(`expected one <meta ${key.startsWith('og:') ? 'property' : 'name'}="${key}">, found ${found.length}`);
      continue;
    }
    const problem = validate((found[0]!.attrs.get('content') ?? '').trim());
    if (problem) add(problem, found[0]!.line);
  }
  const ogImage = metaContent(doc, 'og:image')[0]?.attrs.get('content');
  if (ogImage !== undefined) {
    if (!ogImage.startsWith(siteUrl)) add(`og:image must be an absolute URL on the site (${siteUrl}), got ${ogImage}`);
    if (metaContent(doc, 'og:image:alt').length !== 1) add('og:image has no og:image:alt');
  }

  // --- Icons and manifest
  const links = doc.byTag('link');
  if (!links.some((l) => tokens(l.attrs.get('rel')).includes('icon') && l.attrs.get('href')))
    add('no <link rel="icon">');
  if (!links.some((l) => tokens(l.attrs.get('rel')).includes('manifest') && l.attrs.get('href')))
    add('no <link rel="manifest">');

  // --- JSON-LD
  const { items, errors } = jsonLdItems(doc);
  for (const error of errors) add(`JSON-LD does not parse: ${error.error}`, error.line);
  for (const item of items.filter((i) => '@context' in i)) {
    if (!/schema\.org/.test(JSON.stringify(item['@context']))) add('JSON-LD @context is not schema.org');
    if (typesOf(item).length === 0) add('JSON-LD item has no @type');
  }
  const requireLd = (type: string, fields: string[]) => {
    const item = items.find((i) => typesOf(i).includes(type));
    if (!item) return add(`no JSON-LD ${type}`);
    for (const field of fields)
      if (item[field] === undefined || item[field] === '') add(`JSON-LD ${type} has no ${field}`);
    if (item.url !== undefined && item.url !== pageUrl)
      add(`JSON-LD ${type} url is ${String(item.url)}, expected ${pageUrl}`);
    if (item.inLanguage !== undefined && item.inLanguage !== 'ja')
      add(`JSON-LD ${type} inLanguage is ${String(item.inLanguage)}`);
  };
  if (context.kind === 'letter') requireLd('Article', ['headline', 'datePublished', 'author', 'inLanguage', 'url']);
  if (context.kind === 'reference') requireLd('Legislation', ['name', 'legislationDate', 'inLanguage', 'url']);

  // --- Nothing inline that the CSP would block, nothing from elsewhere
  for (const element of doc.elements) {
    for (const handler of eventHandlerAttributes(element))
      add(`inline event handler ${handler}= on <${element.tag}>`, element.line);
    if (element.attrs.has('style'))
      add(`inline style attribute on <${element.tag}> (blocked by the CSP)`, element.line);
    for (const { attr, url } of elementUrls(element)) {
      if (/^\s*javascript:/i.test(url)) add(`javascript: URL in ${attr} on <${element.tag}>`, element.line);
    }
    if (element.tag === 'style') add('<style> element (blocked by the CSP: put the CSS in a stylesheet)', element.line);
    if (element.tag === 'script') {
      const type = (element.attrs.get('type') ?? '').toLowerCase();
      if (!element.attrs.has('src') && !DATA_SCRIPT_TYPES.has(type))
        add('inline <script> (blocked by the CSP: load it from a file)', element.line);
    }
    const fetches =
      FETCHING.has(element.tag) ||
      (element.tag === 'link' && tokens(element.attrs.get('rel')).some((rel) => FETCHING_RELS.has(rel)));
    if (fetches) {
      for (const { attr, url } of elementUrls(element)) {
        if (!url || /^data:/i.test(url)) continue;
        if (!isSameOrigin(url, pageUrl, siteOrigin))
          add(`<${element.tag} ${attr}="${url}"> loads from another origin`, element.line);
        else if (!new URL(url, pageUrl).pathname.startsWith(basePath))
          add(`<${element.tag} ${attr}="${url}"> loads from outside the site's base path ${basePath}`, element.line);
      }
    }
    if (
      element.tag === 'a' &&
      element.attrs.get('target') === '_blank' &&
      !tokens(element.attrs.get('rel')).includes('noopener') &&
      !tokens(element.attrs.get('rel')).includes('noreferrer')
    ) {
      add('<a target="_blank"> without rel="noopener"', element.line);
    }
  }
  const referrer = metaContent(doc, 'referrer')[0]?.attrs.get('content');
  if (!referrer || !['no-referrer', 'same-origin', 'strict-origin'].includes(referrer)) {
    add(
      `meta referrer is ${JSON.stringify(referrer)}: pages must not tell other sites what was read (no-referrer or same-origin)`,
    );
  }

  // --- Structure
  const mains = doc.byTag('main');
  if (mains.length !== 1) add(`expected one <main>, found ${mains.length}`);
  const mainId = mains[0]?.attrs.get('id');
  const firstLink = doc.elements.find(
    (e) => doc.isInside(e, 'body') && (e.tag === 'a' || e.tag === 'button' || e.tag === 'input'),
  );
  if (!mainId || firstLink?.tag !== 'a' || firstLink.attrs.get('href') !== `#${mainId}`) {
    add('the first focusable element in <body> must be a skip link to <main>');
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// robots.txt and the manifest

/** `site`: the address the site is published at, base included. */
export function checkRobotsTxt(text: string, site: string, files: ReadonlySet<string>): string[] {
  const basePath = basePathOf(site);
  const siteUrl = new URL(basePath, site).href;
  const problems: string[] = [];
  if (!/^user-agent:\s*\*\s*$/im.test(text)) problems.push('robots.txt has no "User-agent: *" group');
  if (/^disallow:\s*\/\s*$/im.test(text)) problems.push('robots.txt disallows the whole site');
  const sitemaps = [...text.matchAll(/^sitemap:\s*(\S+)\s*$/gim)].map((m) => m[1]!);
  if (sitemaps.length === 0) problems.push('robots.txt names no Sitemap');
  for (const sitemap of sitemaps) {
    let url: URL;
    try {
      url = new URL(sitemap);
    } catch {
      problems.push(`robots.txt Sitemap "${sitemap}" is not an absolute URL`);
      continue;
    }
    if (!url.href.startsWith(siteUrl)) problems.push(`robots.txt Sitemap ${sitemap} is not on ${siteUrl}`);
    else if (resolveUrlPath(url.pathname, files, basePath).kind !== 'file')
      problems.push(`robots.txt Sitemap ${sitemap} was not built`);
  }
  return problems;
}

interface ManifestIcon {
  src?: string;
  sizes?: string;
  type?: string;
  purpose?: string;
}

/** `base`: the path the site is served under; the manifest's URLs must stay inside it. */
export function checkManifest(text: string, files: ReadonlySet<string>, base = '/'): string[] {
  const problems: string[] = [];
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    return [`manifest is not valid JSON: ${(error as Error).message}`];
  }
  for (const field of [
    'name',
    'short_name',
    'start_url',
    'scope',
    'display',
    'theme_color',
    'background_color',
    'lang',
  ]) {
    if (typeof manifest[field] !== 'string' || !manifest[field]) problems.push(`manifest has no ${field}`);
  }
  for (const field of ['start_url', 'scope']) {
    const value = manifest[field];
    if (typeof value === 'string' && (/^[a-z]+:/i.test(value) || value.startsWith('/')) && !value.startsWith(base))
      problems.push(`manifest ${field} ${value} is outside the site's base path ${base}`);
  }
  if (manifest.lang !== undefined && manifest.lang !== 'ja')
    problems.push(`manifest lang is ${String(manifest.lang)}, expected ja`);
  if (typeof manifest.short_name === 'string' && [...manifest.short_name].length > 12) {
    problems.push(`manifest short_name "${manifest.short_name}" is longer than 12 characters (home screens cut it)`);
  }
  if (!['standalone', 'minimal-ui', 'browser', 'fullscreen'].includes(String(manifest.display)))
    problems.push(`manifest display is ${String(manifest.display)}`);
  for (const field of ['theme_color', 'background_color']) {
    if (typeof manifest[field] === 'string' && !/^#[0-9a-f]{3,8}$/i.test(manifest[field]))
      problems.push(`manifest ${field} is not a hex colour`);
  }
  const icons = Array.isArray(manifest.icons) ? (manifest.icons as ManifestIcon[]) : [];
  if (icons.length === 0) problems.push('manifest has no icons');
  for (const icon of icons) {
    if (!icon.src || !icon.type || !icon.sizes)
      problems.push(`manifest icon ${JSON.stringify(icon)} needs src, type and sizes`);
    else if (!/^\//.test(icon.src) || resolveUrlPath(icon.src, files, base).kind !== 'file')
      problems.push(`manifest icon ${icon.src} was not built`);
  }
  const largest = Math.max(
    0,
    ...icons
      .filter((i) => i.type === 'image/png')
      .flatMap((i) => (i.sizes ?? '').split(/\s+/).map((s) => Number(s.split('x')[0]) || 0)),
  );
  if (largest < 512)
    problems.push('manifest needs a PNG icon of at least 512×512 (Android home screens and install prompts)');
  if (!icons.some((i) => i.type === 'image/png' && (i.sizes ?? '').split(/\s+/).includes('192x192')))
    problems.push('manifest needs a 192×192 PNG icon');
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The whole site

interface SiteReport {
  pages: number;
  problems: PageProblem[];
}

/**
 * Site-wide checks. With `perPage` (the default) every page's own checks are included too; pass
 * false when they are run page by page elsewhere.
 */
export function checkSite(distDir: string, site: string, options: { perPage?: boolean } = {}): SiteReport {
  const basePath = basePathOf(site);
  const siteUrl = new URL(basePath, site).href;
  const problems: PageProblem[] = [];
  const files = new Set(listFiles(distDir));
  const pages = sitePages(distDir, basePath);
  const titles = new Map<string, string>();

  for (const page of pages) {
    if (!page.file) {
      problems.push({ page: page.path, problem: 'listed in the sitemap but not built' });
      continue;
    }
    const html = readFileSync(join(distDir, page.file), 'utf8');
    if (options.perPage !== false)
      problems.push(...checkPageHtml(html, { path: page.path, kind: page.kind, site: siteUrl }));
    const noindex = /<meta name="robots" content="[^"]*noindex/i.test(html);
    if (page.kind === 'not-found' || noindex) {
      if (page.inSitemap) problems.push({ page: page.path, problem: 'a noindex/404 page is listed in the sitemap' });
      continue;
    }
    if (!page.inSitemap) problems.push({ page: page.path, problem: 'built but missing from the sitemap' });
    const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
    const other = titles.get(title);
    if (other) problems.push({ page: page.path, problem: `same <title> as ${other}: «${title}»` });
    titles.set(title, page.path);
  }
  for (const url of (() => {
    try {
      return readSitemapOrigins(distDir, basePath);
    } catch (error) {
      problems.push({ page: 'sitemap-index.xml', problem: (error as Error).message });
      return [];
    }
  })()) {
    if (!url.href.startsWith(siteUrl)) problems.push({ page: 'sitemap', problem: `${url.href} is not on ${siteUrl}` });
  }

  const robots = join(distDir, 'robots.txt');
  if (!existsSync(robots)) problems.push({ page: 'robots.txt', problem: 'not built' });
  else
    for (const problem of checkRobotsTxt(readFileSync(robots, 'utf8'), siteUrl, files))
      problems.push({ page: 'robots.txt', problem });

  const home = pages.find((p) => p.path === '/' && p.file);
  const manifestHref =
    home && /<link rel="manifest" href="([^"]+)"/.exec(readFileSync(join(distDir, home.file), 'utf8'))?.[1];
  const manifestFile = manifestHref
    ? resolveUrlPath(new URL(manifestHref, siteUrl).pathname, files, basePath)
    : undefined;
  if (!manifestFile || manifestFile.kind !== 'file')
    problems.push({ page: 'manifest', problem: `the manifest ${manifestHref ?? ''} was not built` });
  else
    for (const problem of checkManifest(readFileSync(join(distDir, manifestFile.file), 'utf8'), files, basePath))
      problems.push({ page: manifestFile.file, problem });

  return { pages: pages.length, problems };
}

function readSitemapOrigins(distDir: string, base: string): URL[] {
  const index = readFileSync(join(distDir, 'sitemap-index.xml'), 'utf8');
  const urls: URL[] = [];
  for (const match of index.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const url = new URL(match[1]!);
    urls.push(url);
    const child = join(distDir, routeOf(url.pathname, base));
    if (existsSync(child))
      for (const m of readFileSync(child, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)) urls.push(new URL(m[1]!));
  }
  return urls;
}

export function formatPageProblems(problems: readonly PageProblem[]): string {
  return problems.map((p) => `${p.page}${p.line ? `:${p.line}` : ''}  ${p.problem}`).join('\n');
}
