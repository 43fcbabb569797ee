// Privacy on every page of the build: the browser records every request; any request to another
// origin fails the test (and is aborted before it leaves the machine). No cookies, no storage, no
// service worker, no console errors (CSP violations land there). The CSP itself is shown to refuse
// third-party loads, inline scripts and inline event handlers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pageAssets } from '../scripts/lib/site-checks/budgets.ts';
import { listFiles } from '../scripts/lib/site-checks/dist.ts';
import { distDir, siteUrl } from './harness.ts';
import {
  openAndSettle,
  pageStates,
  recordingPage,
  scrollThrough,
  BUILD_ORIGIN,
  BASE_PATH,
  SWEEP_TIMEOUT,
} from './site.ts';

const states = pageStates();
const files = new Set(listFiles(distDir()));

describe('no request leaves the site, nothing is stored', () => {
  // Pages are independent: several are checked at once, each in its own browser context.
  test.concurrent.for(states)(
    '$name',
    { timeout: SWEEP_TIMEOUT },
    async ({ url, page: sitePage }, { expect, onTestFinished }) => {
      const { page, context, requests, blocked, errors } = await recordingPage({ closeWith: onTestFinished });
      expect(await openAndSettle(page, url)).toBe(200);
      await scrollThrough(page);
      // Move through the page by keyboard too: focus-triggered code gets its chance to phone home.
      for (let i = 0; i < 15; i++) await page.keyboard.press('Tab');
      await page.waitForLoadState('networkidle');

      expect(requests.length, 'the recorder saw the page load').toBeGreaterThan(0);
      expect(
        blocked.map((r) => `${r.resourceType} ${r.url}`),
        'requests to other origins',
      ).toEqual([]);
      expect(await context.cookies(), 'cookies').toEqual([]);
      const stored = await page.evaluate(async () => ({
        cookie: document.cookie,
        localStorage: localStorage.length,
        sessionStorage: sessionStorage.length,
        indexedDB: (await indexedDB.databases()).map((db) => db.name),
        caches: 'caches' in window ? await caches.keys() : [],
        serviceWorkers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
      }));
      expect(stored).toEqual({
        cookie: '',
        localStorage: 0,
        sessionStorage: 0,
        indexedDB: [],
        caches: [],
        serviceWorkers: 0,
      });
      const state = await context.storageState({ indexedDB: true });
      expect(state.origins, 'origins with stored data').toEqual([]);
      expect(errors, 'console errors and CSP violations').toEqual([]);

      // Every script the browser ran is one the weight budget counts (budgets.test.ts reads the build).
      const origin = new URL(siteUrl('/')).origin;
      const loadedJs = requests
        .filter(
          (r) => r.url.startsWith(origin) && (r.resourceType === 'script' || /\.m?js$/.test(new URL(r.url).pathname)),
        )
        .map((r) => new URL(r.url).pathname.slice(BASE_PATH.length));
      const assets = pageAssets(distDir(), sitePage, files, BASE_PATH);
      const counted = new Set([...assets.jsInitial, ...assets.jsLazy]);
      expect(
        loadedJs.filter((file) => !counted.has(file)),
        'scripts loaded that the weight budget does not see',
      ).toEqual([]);
    },
  );

  test('an unknown URL gets the 404 page, which loads nothing from elsewhere either', async () => {
    const { page, blocked, errors } = await recordingPage();
    const response = await page.goto(siteUrl('/no-such-page/'));
    await page.waitForLoadState('networkidle');
    expect(response?.status()).toBe(404);
    expect(blocked).toEqual([]);
    // The document's own 404 is the one expected error.
    expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
  });
});

describe('the checks can fail', () => {
  test('the recorder catches (and stops) a third-party request', async () => {
    // A stand-in page, served at the site's origin, with a tracker pixel and no CSP.
    const { page, blocked } = await recordingPage();
    await page.route(siteUrl('/__privacy-canary__/'), (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>canary</title><img src="https://tracker.example/p.gif" alt="">',
      }),
    );
    await page.goto(siteUrl('/__privacy-canary__/'));
    await page.waitForLoadState('networkidle');
    expect(blocked.map((r) => r.url)).toEqual(['https://tracker.example/p.gif']);
  });

  test('the CSP refuses other origins, inline scripts and inline event handlers', async () => {
    const { page, blocked, errors } = await recordingPage();
    await openAndSettle(page, '/');
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const w = window as unknown as Record<string, unknown>;
      const img = document.createElement('img');
      img.src = 'https://tracker.example/p.gif';
      img.alt = '';
      document.body.append(img);
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      document.body.insertAdjacentHTML(
        'beforeend',
        '<img src="favicon.svg" alt="" onload="window.__handlerRan = true">',
      );
      const style = document.createElement('link');
      style.rel = 'stylesheet';
      style.href = 'https://fonts.example/css';
      document.head.append(style);
      const fetched = await fetch('https://api.example/collect', { method: 'POST', body: 'x' }).then(
        () => 'sent',
        () => 'refused',
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      return {
        violations: [...new Set(violations)].sort(),
        inline: w.__inlineRan ?? false,
        handler: w.__handlerRan ?? false,
        fetched,
      };
    });
    expect(outcome).toEqual({
      violations: ['connect-src', 'img-src', 'script-src-attr', 'script-src-elem', 'style-src-elem'],
      inline: false,
      handler: false,
      fetched: 'refused',
    });
    // Refused by the browser itself: nothing even reached the network layer.
    expect(blocked).toEqual([]);
    expect(errors.length).toBeGreaterThan(0);
  });
});

describe('the build references nothing elsewhere', () => {
  test('stylesheets and scripts name no third-party URL to load (fonts, images, endpoints)', () => {
    const dir = distDir();
    const offenders: string[] = [];
    const ownHost = new URL(BUILD_ORIGIN).host;
    // The editor under admin/ is not part of the public site: it talks to its git backend (GitHub) by design,
    // under its own Content-Security-Policy (src/lib/cms), and no public page loads it.
    const publicAssets = listFiles(dir).filter((f) => /\.(css|m?js)$/.test(f) && !f.startsWith('admin/'));
    for (const file of publicAssets) {
      const text = readFileSync(join(dir, file), 'utf8');
      const urls = file.endsWith('.css')
        ? [...text.matchAll(/(?:url\(|@import)\s*["']?((?:https?:)?\/\/[^"')\s]+)/g)].map((m) => m[1]!)
        : // Network calls with a literal absolute URL: fetch, import(), beacons, sockets, event streams, XHR.
          [
            ...text.matchAll(
              /(?:fetch|import|sendBeacon|WebSocket|EventSource|open)\(\s*(?:["'`]\w+["'`]\s*,\s*)?["'`]((?:https?:|wss?:)?\/\/[^"'`]+)["'`]/g,
            ),
          ].map((m) => m[1]!);
      for (const url of urls.filter((u) => !u.includes(ownHost))) offenders.push(`${file}: ${url}`);
    }
    expect(offenders).toEqual([]);
  });
});
