/**
 * Every URL the site hands out is built here, so links stay stable and all of them carry `base`
 * (the path a project site lives under, e.g. /campaign/ on GitHub Pages).
 *
 * Route paths are written from the site's root ('/letters/'); sitePath() puts base in front and
 * absoluteUrl() the site's origin too. The permalink helpers (letterUrl, demandUrl…) return paths
 * that already carry base, so anything built from them (pages, API, feed, search documents) does.
 *
 * Where base comes from: inside Vite (Astro pages, client scripts, Vitest) Astro's own
 * import.meta.env.BASE_URL and SITE; outside it (scripts, the search-index worker) the same
 * SITE_URL that astro.config.mjs reads (src/lib/site-address.ts).
 */
import { addressOf, LOCAL_SITE_URL, normalizeBase, type SiteAddress } from './site-address.ts';

function currentAddress(): SiteAddress {
  const env = import.meta.env as { BASE_URL?: string; SITE?: string } | undefined;
  if (env?.BASE_URL !== undefined) {
    const site = new URL(env.SITE || LOCAL_SITE_URL).origin;
    const base = normalizeBase(env.BASE_URL);
    return { site, base, url: new URL(base, site).href };
  }
  // Plain Node: the build's own process or worker, whose SITE_URL astro.config.mjs has already checked.
  // (Only addressOf here: client bundles carry this branch too, and should not carry the checks' messages.)
  const siteUrl = typeof process === 'undefined' ? undefined : process.env.SITE_URL?.trim();
  return addressOf(new URL(siteUrl || LOCAL_SITE_URL));
}

const ADDRESS = currentAddress();

/** The path prefix every same-site URL starts with: '/' or e.g. '/campaign/'. */
export const BASE_PATH = ADDRESS.base;
/** The site's origin (scheme, host, port), e.g. https://example.org. */
export const SITE_ORIGIN = ADDRESS.site;
/** The home page's public address, e.g. https://example.org/campaign/. */
export const HOME_URL = ADDRESS.url;

/** A route path from the site's root ('/letters/', '/feed.xml', '/#x') as a path under base. */
export function sitePath(route: string, base: string = BASE_PATH): string {
  if (!route.startsWith('/')) throw new Error(`sitePath: "${route}" is not a route path (it must start with /)`);
  return `${base}${route.slice(1)}`;
}

/** The route a served path stands for: '/campaign/letters/' → '/letters/'. Paths outside base are returned as they are. */
export function routeOf(pathname: string, base: string = BASE_PATH): string {
  if (base === '/') return pathname;
  if (pathname === base.slice(0, -1)) return '/';
  return pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname;
}

/** The absolute public URL of a path under base (what sitePath and the permalink helpers return). */
export function absoluteUrl(path: string, base: string = BASE_PATH, origin: string = SITE_ORIGIN): string {
  if (!path.startsWith(base)) throw new Error(`absoluteUrl: "${path}" is not under base ${base}: pass sitePath(route)`);
  return new URL(path, origin).href;
}

export const letterUrl = (letterSlug: string): string => sitePath(`/letters/${letterSlug}/`);
export const demandUrl = (letterSlug: string, number: number): string =>
  sitePath(`/letters/${letterSlug}/demands/${number}/`);
/** A demand's own Atom feed (its whole history). */
export const demandFeedUrl = (letterSlug: string, number: number): string =>
  sitePath(`/letters/${letterSlug}/demands/${number}/feed.xml`);
/** The follow section of a demand page (what following means, the feed's address, the latest entries). */
export const FOLLOW_ANCHOR = 'follow';
export const demandFollowUrl = (letterSlug: string, number: number): string =>
  `${demandUrl(letterSlug, number)}#${FOLLOW_ANCHOR}`;
/** The site's follow page: following the whole site, one demand, or by mail. */
export const followUrl = (): string => sitePath('/follow/');
/** The site's Atom feed (every demand's history). */
export const siteFeedUrl = (): string => sitePath('/feed.xml');
/** A demand's embed page, which other sites may frame (src/lib/csp.ts EMBED_CSP). */
export const embedUrl = (letterSlug: string, number: number): string =>
  sitePath(`/embed/letters/${letterSlug}/demands/${number}/`);
/** A demand's status badge (SVG), for blogs and READMEs. */
export const badgeUrl = (letterSlug: string, number: number): string => sitePath(`/badges/${letterSlug}/${number}.svg`);
export const demandAnchor = (number: number): string => `demand-${number}`;
export const demandInLetterUrl = (letterSlug: string, number: number): string =>
  `${letterUrl(letterSlug)}#${demandAnchor(number)}`;
export const referenceUrl = (referenceId: string): string => sitePath(`/references/${referenceId}/`);
export const articleAnchor = (number: number): string => `article-${number}`;
export const articleUrl = (referenceId: string, number: number): string =>
  `${referenceUrl(referenceId)}#${articleAnchor(number)}`;
/** The page listing every demand that cites 第n条 of a reference. */
export const articleCitingUrl = (referenceId: string, number: number): string =>
  sitePath(`/references/${referenceId}/articles/${number}/`);
export const SUPPLEMENTARY_ANCHOR = 'supplementary';

/** The /en/ section mirrors the Japanese routes: the English page of a page (anchor kept). */
export const englishUrl = (path: string): string => sitePath(`/en${routeOf(path)}`);

/** `<letter-slug>/<n>`: the id of a demand everywhere (content ids, API, data attributes). */
export const demandId = (letterSlug: string, number: number): string => `${letterSlug}/${number}`;

export function parseDemandId(id: string): { letter: string; number: number } | null {
  const match = /^([a-z0-9-]+)\/(\d+)$/.exec(id);
  return match ? { letter: match[1]!, number: Number(match[2]) } : null;
}

// The English section mirrors the Japanese routes under /en/.
export const englishHomeUrl = (): string => sitePath('/en/');
export const englishLetterUrl = (letterSlug: string): string => sitePath(`/en/letters/${letterSlug}/`);
// A demand's English is a section of its letter's English page (a page each doubled the pages of a
// large site: 4,500 more files at 1,000 letters, past a free static host's limit with the rest).
export const englishDemandUrl = (letterSlug: string, number: number): string =>
  `${englishLetterUrl(letterSlug)}#${demandAnchor(number)}`;
/** A history entry on its letter's English page: the demand's anchor, then the event's own (history.ts). */
export const englishEventAnchor = (number: number, eventAnchor: string): string =>
  `${demandAnchor(number)}-${eventAnchor}`;
export const englishEventUrl = (letterSlug: string, number: number, eventAnchor: string): string =>
  `${englishLetterUrl(letterSlug)}#${englishEventAnchor(number, eventAnchor)}`;
export const englishReferenceUrl = (referenceId: string): string => sitePath(`/en/references/${referenceId}/`);
