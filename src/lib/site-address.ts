/**
 * The site's public address, in one place: the SITE_URL environment variable. Its origin becomes Astro's
 * `site` and its path Astro's `base` (a GitHub Pages project site lives under /<repo>/). Read by
 * astro.config.mjs and, outside Vite (scripts, the search-index worker), by src/lib/urls.ts.
 *
 * Without SITE_URL a build is a local one, for http://localhost:4321/. A deploy build (see
 * isDeployBuild) without SITE_URL fails: a public site must never hand out localhost links.
 */

/** Where a local build (`npm run build`, `npm start`, `npm test`) says it lives. */
export const LOCAL_SITE_URL = 'http://localhost:4321/';

export interface SiteAddress {
  /** Origin only, e.g. https://example.org (Astro's `site`). */
  site: string;
  /** Path prefix with both slashes, e.g. /campaign/ or / (Astro's `base`). */
  base: string;
  /** The public address of the home page, e.g. https://example.org/campaign/. */
  url: string;
}

export type Env = Record<string, string | undefined>;

const truthy = (value: string | undefined): boolean => value !== undefined && !/^(?:|0|false|no)$/i.test(value.trim());

/**
 * A deploy build is one whose output will be published: DEPLOY=1 (set by the GitHub Pages workflow;
 * set it on any other host), or the build environments of Netlify (NETLIFY=true), Cloudflare Pages
 * (CF_PAGES=1) and Vercel (VERCEL=1), which always publish what they build. A plain CI=true is not
 * one: CI runs `npm test`, which builds for a local server.
 */
export function isDeployBuild(env: Env): boolean {
  return truthy(env.DEPLOY) || env.NETLIFY === 'true' || truthy(env.CF_PAGES) || truthy(env.VERCEL);
}

export class SiteAddressError extends Error {
  override name = 'SiteAddressError';
}

/** Ensures one leading and one trailing slash: '' → '/', 'campaign' → '/campaign/'. */
export function normalizeBase(path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Site and base of an address (no checks: parseSiteUrl checks what an organizer wrote). */
export function addressOf(url: URL): SiteAddress {
  const base = normalizeBase(decodeURI(url.pathname));
  return { site: url.origin, base, url: new URL(base, url.origin).href };
}

/** Parses SITE_URL (e.g. https://example.org/campaign/) into Astro's site and base. */
export function parseSiteUrl(value: string): SiteAddress {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new SiteAddressError(
      `SITE_URL「${value}」は URL ではありません。https://example.org/ や https://<ユーザー名>.github.io/<リポジトリ名>/ の形で書いてください。`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new SiteAddressError(`SITE_URL「${value}」は https:// で始めてください。`);
  if (url.search || url.hash || url.username || url.password)
    throw new SiteAddressError(
      `SITE_URL「${value}」には ? や #、ユーザー名を含めないでください（サイトの公開アドレスだけを書きます）。`,
    );
  if (/\.html?$/i.test(url.pathname))
    throw new SiteAddressError(
      `SITE_URL「${value}」はページではなくサイトの入口（フォルダー）のアドレスにしてください。`,
    );
  return addressOf(url);
}

/**
 * The address a build is for. Throws SiteAddressError for a bad SITE_URL, and for a deploy build
 * without one unless `lenient` (readers of the address that are not the build itself: scripts, tests).
 */
export function resolveSiteAddress(env: Env, options: { lenient?: boolean } = {}): SiteAddress {
  const value = env.SITE_URL?.trim();
  if (value) return parseSiteUrl(value);
  if (!options.lenient && isDeployBuild(env))
    throw new SiteAddressError(
      [
        '公開用のビルドには、サイトの公開アドレス SITE_URL が必要です（未設定のため止めました）。',
        '例：SITE_URL=https://example.org/ または SITE_URL=https://<ユーザー名>.github.io/<リポジトリ名>/',
        'Netlify・Cloudflare Pages ではサイトの設定の環境変数（Environment variables）に、GitHub Pages ではワークフローが自動で設定します。',
        '詳しくは README の「Deploy」を見てください。',
      ].join('\n'),
    );
  return parseSiteUrl(LOCAL_SITE_URL);
}
