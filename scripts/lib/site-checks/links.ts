/**
 * Link check over a built site: every internal link, resource reference and #anchor must resolve to
 * a built file (and, for anchors, to an element id on the target page). External links are counted,
 * never fetched.
 *
 * Sources read: HTML pages (every URL-bearing attribute and og:/twitter: URLs), CSS url(), the web
 * app manifest, XML files (sitemaps, feeds: <loc> and href="…"), robots.txt (Sitemap:), and JSON
 * files (any string value that is an absolute URL on the site).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { basePathOf, listFiles, resolveUrlPath, urlPathOfFile } from './dist.ts';
import { elementUrls, parseHtml, type HtmlDocument } from './html.ts';

interface LinkProblem {
  /** File (relative to the dist dir) the reference is in. */
  source: string;
  line: number;
  /** The reference as written. */
  url: string;
  problem: string;
}

interface LinkReport {
  /** Files read. */
  files: number;
  /** References to the site itself that were checked. */
  internal: number;
  /** References to other sites (not fetched). */
  external: number;
  broken: LinkProblem[];
}

interface Reference {
  url: string;
  line: number;
}

const SKIPPED_SCHEMES = /^(?:data|mailto|tel|sms|about|blob):/i;

const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length;

function cssReferences(css: string): Reference[] {
  const out: Reference[] = [];
  for (const match of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)) {
    out.push({ url: (match[1] ?? match[2] ?? match[3] ?? '').trim(), line: lineAt(css, match.index) });
  }
  for (const match of css.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/g)) {
    out.push({ url: (match[1] ?? match[2] ?? '').trim(), line: lineAt(css, match.index) });
  }
  return out;
}

function xmlReferences(xml: string): Reference[] {
  const decode = (s: string) =>
    s
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'");
  const out: Reference[] = [];
  for (const match of xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g))
    out.push({ url: decode(match[1]!), line: lineAt(xml, match.index) });
  for (const match of xml.matchAll(/\shref="([^"]*)"/g))
    out.push({ url: decode(match[1]!), line: lineAt(xml, match.index) });
  return out;
}

function manifestReferences(text: string): Reference[] {
  const manifest = JSON.parse(text) as {
    start_url?: string;
    scope?: string;
    icons?: { src?: string }[];
    shortcuts?: { url?: string; icons?: { src?: string }[] }[];
  };
  const urls = [
    manifest.start_url,
    manifest.scope,
    ...(manifest.icons ?? []).map((icon) => icon.src),
    ...(manifest.shortcuts ?? []).flatMap((s) => [s.url, ...(s.icons ?? []).map((icon) => icon.src)]),
  ];
  return urls.filter((url): url is string => typeof url === 'string').map((url) => ({ url, line: 1 }));
}

function jsonReferences(text: string, siteOrigin: string): Reference[] {
  const out: Reference[] = [];
  const prefix = `${siteOrigin}/`;
  // Any absolute URL on the site's origin, inside base or not: one outside it is a broken reference.
  // JSON string literals; only absolute URLs on the site are references (other strings may be ids or paths of anything).
  for (const match of text.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    let value: string;
    try {
      value = JSON.parse(`"${match[1]!}"`) as string;
    } catch {
      continue;
    }
    if (value === siteOrigin || value.startsWith(prefix)) out.push({ url: value, line: lineAt(text, match.index) });
  }
  return out;
}

function htmlReferences(doc: HtmlDocument): Reference[] {
  const out: Reference[] = [];
  for (const element of doc.elements) {
    for (const { url } of elementUrls(element)) out.push({ url, line: element.line });
    if (element.tag === 'meta') {
      const key = element.attrs.get('property') ?? element.attrs.get('name') ?? '';
      if (/^(?:og:url|og:image(?::url|:secure_url)?|twitter:image)$/i.test(key)) {
        out.push({ url: (element.attrs.get('content') ?? '').trim(), line: element.line });
      }
    }
  }
  return out;
}

/** Ids (and legacy a[name]) of a page, plus the ids that occur more than once. */
function anchorsOf(doc: HtmlDocument): { ids: Set<string>; duplicates: { id: string; line: number }[] } {
  const ids = new Set<string>();
  const duplicates: { id: string; line: number }[] = [];
  for (const element of doc.elements) {
    const id = element.attrs.get('id');
    if (id !== undefined && id !== '') {
      if (ids.has(id)) duplicates.push({ id, line: element.line });
      ids.add(id);
    }
    const name = element.tag === 'a' ? element.attrs.get('name') : undefined;
    if (name) ids.add(name);
  }
  return { ids, duplicates };
}

/**
 * `site`: the address the build is for, base included (https://example.org/campaign/): every same-site
 * reference must resolve to a built file under it.
 */
export function checkLinks(distDir: string, options: { site: string }): LinkReport {
  const siteOrigin = new URL(options.site).origin;
  const basePath = basePathOf(options.site);
  const siteUrl = new URL(basePath, siteOrigin).href;
  const files = listFiles(distDir);
  const fileSet = new Set(files);
  const docs = new Map<string, HtmlDocument>();
  const anchorCache = new Map<string, Set<string>>();
  const broken: LinkProblem[] = [];
  let internal = 0;
  let external = 0;

  const docOf = (file: string): HtmlDocument => {
    let doc = docs.get(file);
    if (!doc) {
      doc = parseHtml(readFileSync(join(distDir, file), 'utf8'));
      docs.set(file, doc);
    }
    return doc;
  };
  const anchorsOfFile = (file: string): Set<string> => {
    let ids = anchorCache.get(file);
    if (!ids) {
      const anchors = anchorsOf(docOf(file));
      ids = anchors.ids;
      anchorCache.set(file, ids);
    }
    return ids;
  };

  const check = (source: string, reference: Reference, base: string) => {
    const raw = reference.url;
    const report = (problem: string): void => void broken.push({ source, line: reference.line, url: raw, problem });
    if (/^\s*javascript:/i.test(raw)) return report('javascript: URL (not allowed by the Content-Security-Policy)');
    if (SKIPPED_SCHEMES.test(raw)) return;
    let url: URL;
    try {
      url = new URL(raw, base);
    } catch {
      return report('not a valid URL');
    }
    if (url.origin !== siteOrigin) {
      if (url.protocol === 'http:' || url.protocol === 'https:') external++;
      return;
    }
    internal++;
    if (!url.pathname.startsWith(basePath) && `${url.pathname}/` !== basePath)
      return report(`${url.pathname} is outside the site's base path ${basePath}`);
    const resolved = resolveUrlPath(url.pathname, fileSet, basePath);
    if (resolved.kind === 'missing') return report(`${url.pathname} does not exist in the build`);
    if (resolved.kind === 'redirect')
      return report(`${url.pathname} is a directory: link to ${resolved.to} (trailing slash) to avoid a redirect`);
    const fragment = url.hash.slice(1);
    if (fragment === '' || !resolved.file.endsWith('.html')) return;
    let id: string;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      return report(`#${fragment} is not a valid fragment`);
    }
    if (id.startsWith(':~:')) return; // text fragment
    if (!anchorsOfFile(resolved.file).has(id) && id.toLowerCase() !== 'top') {
      report(`no element with id="${id}" on ${basePath}${urlPathOfFile(resolved.file).slice(1)}`);
    }
  };

  for (const file of files) {
    const base = new URL(urlPathOfFile(file).slice(1), siteUrl).href;
    const path = join(distDir, file);
    let references: Reference[] = [];
    try {
      if (file.endsWith('.html')) {
        const doc = docOf(file);
        const baseElement = doc.byTag('base')[0]?.attrs.get('href');
        const pageBase = baseElement ? new URL(baseElement, base).href : base;
        for (const reference of htmlReferences(doc)) check(file, reference, pageBase);
        for (const duplicate of anchorsOf(doc).duplicates) {
          broken.push({
            source: file,
            line: duplicate.line,
            url: `#${duplicate.id}`,
            problem: `id="${duplicate.id}" is used more than once on the page`,
          });
        }
        continue;
      }
      if (file.endsWith('.css')) references = cssReferences(readFileSync(path, 'utf8'));
      else if (file.endsWith('.webmanifest')) references = manifestReferences(readFileSync(path, 'utf8'));
      else if (file.endsWith('.xml') || file.endsWith('.xsl')) references = xmlReferences(readFileSync(path, 'utf8'));
      else if (file.endsWith('.json')) references = jsonReferences(readFileSync(path, 'utf8'), siteOrigin);
      else if (file === 'robots.txt') {
        const text = readFileSync(path, 'utf8');
        references = [...text.matchAll(/^sitemap:\s*(\S+)/gim)].map((m) => ({
          url: m[1]!,
          line: lineAt(text, m.index),
        }));
        for (const reference of references) {
          if (!/^https?:\/\//i.test(reference.url)) {
            broken.push({
              source: file,
              line: reference.line,
              url: reference.url,
              problem: 'the Sitemap line must be an absolute URL',
            });
          }
        }
      }
    } catch (error) {
      broken.push({ source: file, line: 1, url: '', problem: `could not be read: ${(error as Error).message}` });
      continue;
    }
    for (const reference of references) check(file, reference, base);
  }
  return { files: files.length, internal, external, broken };
}

/**
 * One line per distinct problem: `url  problem`, then where it occurs (`file:line`, first few), so a
 * broken link in the site header reads as one problem, not one per page.
 */
export function formatLinkProblems(problems: readonly LinkProblem[]): string {
  const groups = new Map<string, LinkProblem[]>();
  for (const p of problems) {
    const key = `${p.url}  ${p.problem}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups]
    .map(([key, list]) => {
      const where = [...new Set(list.map((p) => `${p.source}:${p.line}`))];
      return `${key}\n    in ${where.slice(0, 5).join(', ')}${where.length > 5 ? ` and ${where.length - 5} more` : ''}`;
    })
    .join('\n');
}
