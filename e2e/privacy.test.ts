// Privacy: the browser records every request; any request to another origin fails the test (and is
// aborted before it leaves the machine). No cookies, no storage, no service worker, no console errors
// (CSP violations land there). Every page of the build is checked so (privacyFindings) as the desktop
// sweep leaves it, every control focused and scrolled through (a11y.test.ts); here: the 404 page,
// proof that the recorder and the CSP can fail, and the build's own references.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { listFiles } from '../scripts/lib/site-checks/dist.ts';
import { distDir, siteUrl } from './harness.ts';
import { allPages, openAndSettle, recordingPage, BUILD_ORIGIN } from './site.ts';
import { privacyFindings, PRIVATE } from './privacy-checks.ts';

describe('no request leaves the site, nothing is stored', () => {
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
  test('privacyFindings reports a cookie and stored data', async () => {
    const home = allPages().find((p) => p.path === '/')!;
    const recording = await recordingPage();
    await openAndSettle(recording.page, '/');
    await recording.page.evaluate(() => {
      document.cookie = 'tracker=1; path=/';
      localStorage.setItem('seen', '1');
    });
    const findings = await privacyFindings(recording, home);
    expect(findings).not.toEqual(PRIVATE);
    expect(findings.cookies).toEqual([expect.stringMatching(/^tracker /)]);
    expect(findings.storage.localStorage).toBe(1);
    expect(findings.originsWithStoredData).toHaveLength(1);
  });

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
