// The site's address (SITE_URL → Astro's site and base) and the URL helper that puts base in every URL.
import { describe, expect, test } from 'vitest';
import {
  isDeployBuild,
  LOCAL_SITE_URL,
  normalizeBase,
  parseSiteUrl,
  resolveSiteAddress,
  SiteAddressError,
} from '../src/lib/site-address.ts';
import { absoluteUrl, BASE_PATH, routeOf, sitePath } from '../src/lib/urls.ts';

describe('SITE_URL → site and base', () => {
  test.each([
    ['https://example.org', 'https://example.org', '/', 'https://example.org/'],
    ['https://example.org/', 'https://example.org', '/', 'https://example.org/'],
    ['https://example.org/campaign', 'https://example.org', '/campaign/', 'https://example.org/campaign/'],
    ['https://example.org/campaign/', 'https://example.org', '/campaign/', 'https://example.org/campaign/'],
    ['  https://user.github.io/repo/  ', 'https://user.github.io', '/repo/', 'https://user.github.io/repo/'],
    ['https://example.org/a/b//', 'https://example.org', '/a/b/', 'https://example.org/a/b/'],
    ['http://localhost:4321/', 'http://localhost:4321', '/', 'http://localhost:4321/'],
    ['HTTPS://Example.ORG:443/x', 'https://example.org', '/x/', 'https://example.org/x/'],
  ])('%s', (value, site, base, url) => {
    expect(parseSiteUrl(value)).toEqual({ site, base, url });
  });

  test.each([
    ['example.org', 'URL ではありません'],
    ['ftp://example.org/', 'https://'],
    ['https://example.org/?a=1', '?'],
    ['https://example.org/#top', '?'],
    ['https://user:pw@example.org/', 'ユーザー名'],
    ['https://example.org/index.html', 'フォルダー'],
  ])('refuses %s with a message naming SITE_URL', (value, words) => {
    expect(() => parseSiteUrl(value)).toThrow(SiteAddressError);
    expect(() => parseSiteUrl(value)).toThrow(words);
    expect(() => parseSiteUrl(value)).toThrow('SITE_URL');
  });

  test.each([
    ['', '/'],
    ['/', '/'],
    ['campaign', '/campaign/'],
    ['/campaign', '/campaign/'],
    ['//a/b//', '/a/b/'],
  ])('normalizeBase(%j) = %j', (input, base) => {
    expect(normalizeBase(input)).toBe(base);
  });
});

describe('local and deploy builds', () => {
  test.each([
    [{}, false],
    [{ CI: 'true' }, false],
    [{ GITHUB_ACTIONS: 'true' }, false],
    [{ DEPLOY: '1' }, true],
    [{ DEPLOY: 'true' }, true],
    [{ DEPLOY: '0' }, false],
    [{ DEPLOY: 'false' }, false],
    [{ DEPLOY: '' }, false],
    [{ NETLIFY: 'true' }, true],
    [{ CF_PAGES: '1' }, true],
    [{ VERCEL: '1' }, true],
  ])('isDeployBuild(%j) = %s', (env, deploy) => {
    expect(isDeployBuild(env)).toBe(deploy);
  });

  test('a local build without an address is for http://localhost:4321/', () => {
    expect(resolveSiteAddress({})).toEqual(parseSiteUrl(LOCAL_SITE_URL));
    expect(resolveSiteAddress({ CI: 'true', SITE_URL: '  ' }).url).toBe('http://localhost:4321/');
  });

  test.each([[{ DEPLOY: '1' }], [{ NETLIFY: 'true' }], [{ CF_PAGES: '1', SITE_URL: '' }]])(
    'a deploy build without an address fails clearly (%j)',
    (env) => {
      expect(() => resolveSiteAddress(env)).toThrow(SiteAddressError);
      expect(() => resolveSiteAddress(env)).toThrow(/SITE_URL が必要です[\s\S]*README/);
      // Readers of the address that are not the build (scripts, tests) get the local one.
      expect(resolveSiteAddress(env, { lenient: true }).url).toBe(LOCAL_SITE_URL);
    },
  );

  test('a deploy build with an address uses it', () => {
    expect(resolveSiteAddress({ DEPLOY: '1', SITE_URL: 'https://example.org/campaign/' })).toEqual({
      site: 'https://example.org',
      base: '/campaign/',
      url: 'https://example.org/campaign/',
    });
  });
});

describe('URL helper', () => {
  test.each([
    ['/', '/', '/'],
    ['/letters/', '/', '/letters/'],
    ['/', '/campaign/', '/campaign/'],
    ['/letters/a/#demand-1', '/campaign/', '/campaign/letters/a/#demand-1'],
    ['/status/?letter=a', '/a/b/', '/a/b/status/?letter=a'],
    ['/feed.xml', '/campaign/', '/campaign/feed.xml'],
  ])('sitePath(%j) under %s = %s', (route, base, path) => {
    expect(sitePath(route, base)).toBe(path);
    // and back
    expect(routeOf(path.split(/[?#]/)[0]!, base)).toBe(route.split(/[?#]/)[0]);
  });

  test('routeOf leaves paths outside base alone and maps base without its slash to /', () => {
    expect(routeOf('/other/', '/campaign/')).toBe('/other/');
    expect(routeOf('/campaign', '/campaign/')).toBe('/');
    expect(routeOf('/campaignx/', '/campaign/')).toBe('/campaignx/');
  });

  test('sitePath refuses what is not a route path', () => {
    expect(() => sitePath('letters/')).toThrow('route path');
    expect(() => sitePath('https://example.org/')).toThrow('route path');
  });

  test.each([
    ['/campaign/letters/a/', '/campaign/', 'https://example.org', 'https://example.org/campaign/letters/a/'],
    ['/campaign/', '/campaign/', 'https://example.org', 'https://example.org/campaign/'],
    ['/letters/a/', '/', 'http://localhost:4321', 'http://localhost:4321/letters/a/'],
  ])('absoluteUrl(%j) under %s on %s', (path, base, origin, url) => {
    expect(absoluteUrl(path, base, origin)).toBe(url);
  });

  test('absoluteUrl refuses a path that lost base', () => {
    expect(() => absoluteUrl('/letters/a/', '/campaign/', 'https://example.org')).toThrow('not under base');
  });

  test('in Vite (Vitest, Astro pages) base is Astro’s BASE_URL, with both slashes', () => {
    expect(BASE_PATH).toBe(normalizeBase(import.meta.env.BASE_URL));
  });
});
