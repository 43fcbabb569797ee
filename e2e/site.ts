/** Shared by the site-wide sweeps (a11y, privacy, budgets, keyboard): the pages to visit and a request recorder. */
import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { sitePages, type SitePage } from '../scripts/lib/site-checks/dist.ts';
import { isFirstParty, type RecordedRequest } from '../scripts/lib/site-checks/privacy.ts';
import { basePath, buildSite, distDir, getBrowser, siteUrl, type PageOptions } from './harness.ts';

/** The address the build was made for, base included (canonical URLs, sitemap), e.g. https://example.org/campaign/. */
export const BUILD_SITE = buildSite();
/** Its origin alone. */
export const BUILD_ORIGIN = new URL(BUILD_SITE).origin;
/** The path the build is served under, e.g. /campaign/. */
export const BASE_PATH = basePath();

/** Per-page sweep tests run several pages at once: give each room on a busy two-core machine. */
export const SWEEP_TIMEOUT = 180_000;

/** A query that matches text on the site, to put the search page in its "results" state. */
export const SEARCH_QUERY = 'マイナンバーカード';

/**
 * Every built HTML page: all sitemap pages plus pages left out of it (the 404 page). Read from the
 * build at collection time, so pages added by anyone are swept without touching the tests.
 */
export function allPages(): SitePage[] {
  const pages = sitePages(distDir(), BASE_PATH);
  const unbuilt = pages.filter((p) => !p.file);
  if (unbuilt.length)
    throw new Error(`sitemap lists pages that were not built: ${unbuilt.map((p) => p.path).join(', ')}`);
  if (pages.length < 10) throw new Error(`only ${pages.length} pages found in ${distDir()}: is the build complete?`);
  return pages;
}

/** A route file of src/pages/ as a pattern over page paths: [param] is one segment, [...rest] any. */
interface Route {
  file: string;
  pattern: RegExp;
  params: number;
}

function pageRoutes(): Route[] {
  const root = join(import.meta.dirname, '..', 'src', 'pages');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.astro'));
  return files
    .map((file) => {
      const segments = file
        .replace(/\.astro$/, '')
        .split(sep)
        .filter((segment) => segment !== 'index');
      const parts = segments.map((segment) =>
        segment.startsWith('[...')
          ? '.*'
          : segment.startsWith('[')
            ? '[^/]+'
            : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      );
      const path = parts.length ? `/${parts.join('/')}/` : '/';
      // 404.astro is built as /404.html.
      const pattern = file === '404.astro' ? /^\/404(?:\.html|\/)$/ : new RegExp(`^${path}$`);
      return { file, pattern, params: segments.filter((s) => s.startsWith('[')).length };
    })
    .sort((a, b) => a.params - b.params);
}

/**
 * The page templates (route files of src/pages/) of the given states, each with one state to stand for
 * it: the one whose HTML is largest (most controls). Pages of one template share their markup and
 * scripts, so checks of how the markup behaves (the Tab walk, the page without JavaScript) run once
 * per template; checks of what a page says (axe, privacy) run on every page.
 */
export function templateRepresentatives(states: PageState[]): Set<PageState> {
  const routes = pageRoutes();
  const size = (state: PageState) => statSync(join(distDir(), state.page.file)).size;
  const byTemplate = new Map<string, PageState>();
  for (const state of states) {
    const route = routes.find((r) => r.pattern.test(state.page.path))?.file ?? state.page.path;
    // A state with a query (the search page showing results) is a template of its own.
    const key = state.url.includes('?') ? state.url : route;
    const current = byTemplate.get(key);
    if (!current || size(state) > size(current)) byTemplate.set(key, state);
  }
  return new Set(byTemplate.values());
}

/** States worth checking: every page as loaded, plus the search page showing results. */
export interface PageState {
  /** Label in test names. */
  name: string;
  page: SitePage;
  /** URL path to open (with query). */
  url: string;
}

export function pageStates(): PageState[] {
  const states: PageState[] = allPages().map((page) => ({ name: page.path, page, url: page.path }));
  const search = states.find((s) => s.page.kind === 'search');
  if (search)
    states.push({
      name: `${search.page.path}?q=${SEARCH_QUERY}`,
      page: search.page,
      url: `${search.page.path}?q=${encodeURIComponent(SEARCH_QUERY)}`,
    });
  return states;
}

/**
 * Opens a page and waits until it has settled: loaded, no request in flight (scripts may fetch
 * after load: the search index), fonts ready.
 */
export async function openAndSettle(page: Page, url: string): Promise<number | undefined> {
  let inFlight = 0;
  const started = () => inFlight++;
  const ended = () => inFlight--;
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    const response = await page.goto(siteUrl(url), { waitUntil: 'load' });
    // Give scripts two frames to start their fetches, then wait for every request to end.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    for (let waited = 0; inFlight > 0 && waited < 10_000; waited += 20) await page.waitForTimeout(20);
    // Pages with scripts may still be rendering what they fetched: wait for 150 ms without DOM changes.
    await page.evaluate(() => {
      if (![...document.scripts].some((script) => script.src)) return undefined;
      return new Promise<void>((resolve) => {
        let timer = setTimeout(done, 150);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, 150);
        });
        const giveUp = setTimeout(done, 5000);
        function done() {
          observer.disconnect();
          clearTimeout(giveUp);
          resolve();
        }
        observer.observe(document.documentElement, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
      });
    });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return response?.status();
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
}

/**
 * Opens a page as a browser without JavaScript shows it: the document is served with its scripts
 * removed and its <noscript> content unwrapped. (A context with javaScriptEnabled: false would also
 * disable the test's own page.evaluate, which axe and the checks need.)
 */
export async function openWithoutScripts(page: Page, url: string): Promise<number | undefined> {
  const target = siteUrl(url);
  await page.route(
    (u) => u.href === target,
    async (route) => {
      const response = await route.fetch();
      const html = (await response.text())
        .replace(/<script\b(?![^>]*type="application\/(?:ld\+)?json")[^>]*>[\s\S]*?<\/script>/gi, '')
        .replace(/<noscript>([\s\S]*?)<\/noscript>/gi, '<div data-noscript>$1</div>');
      await route.fulfill({ response, body: html });
    },
  );
  // Anything the page would still ask for by script is refused.
  await page.route('**/*.{js,mjs}', (route) => route.abort('blockedbyclient'));
  const status = await openAndSettle(page, url);
  const scripts = await page.evaluate(() => document.querySelectorAll('script[src]').length);
  if (scripts !== 0) throw new Error(`${url}: scripts left in the no-JavaScript copy`);
  return status;
}

const contexts: BrowserContext[] = [];
afterAll(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close().catch(() => undefined)));
});

export interface RecordingPage {
  page: Page;
  context: BrowserContext;
  /** Every request the browser tried to make, in order. */
  requests: RecordedRequest[];
  /** Requests to other origins: never sent (aborted here), recorded to fail the test. */
  blocked: RecordedRequest[];
  /** Console errors and uncaught exceptions (CSP violations show up here). */
  errors: string[];
}

/**
 * A fresh context whose every request is recorded; requests to any origin but the test server's are
 * aborted before they leave the machine, and recorded as third-party. WebSockets count too.
 */
export interface RecordingOptions extends PageOptions {
  bypassCSP?: boolean;
  reducedMotion?: 'reduce' | 'no-preference';
  /** The test context's onTestFinished: the context is closed when the test ends (else at the end of the file). */
  closeWith?: (fn: () => Promise<void>) => void;
}

export async function recordingPage(options: RecordingOptions = {}): Promise<RecordingPage> {
  const context = await (
    await getBrowser()
  ).newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'ja-JP',
    bypassCSP: options.bypassCSP ?? false,
    reducedMotion: options.reducedMotion ?? 'no-preference',
  });
  if (options.closeWith) options.closeWith(() => context.close().catch(() => undefined));
  else contexts.push(context);
  const origin = new URL(siteUrl('/')).origin;
  const requests: RecordedRequest[] = [];
  const blocked: RecordedRequest[] = [];
  const errors: string[] = [];
  const pathOf = (url: string) => {
    try {
      return new URL(url).pathname;
    } catch {
      return url;
    }
  };
  await context.route('**/*', async (route) => {
    const request = route.request();
    const frameUrl = (() => {
      try {
        return request.frame().url();
      } catch {
        return '';
      }
    })();
    const record = { url: request.url(), resourceType: request.resourceType(), page: pathOf(frameUrl) };
    requests.push(record);
    if (isFirstParty(request.url(), origin)) await route.continue();
    else {
      blocked.push(record);
      await route.abort('blockedbyclient');
    }
  });
  await observeLayoutShifts(context);
  const page = await context.newPage();
  page.on('websocket', (ws) => {
    const record = { url: ws.url(), resourceType: 'websocket', page: pathOf(page.url()) };
    requests.push(record);
    if (!isFirstParty(ws.url(), origin)) blocked.push(record);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return { page, context, requests, blocked, errors };
}

/** Scrolls through the whole page so that anything lazy (images, observers) gets its chance to load. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const step = Math.max(200, window.innerHeight);
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState('networkidle');
}

/** Waits until the page has stopped scrolling (the site scrolls smoothly unless reduced motion is asked for). */
export async function scrollSettled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = -1;
        let still = 0;
        const started = performance.now();
        const tick = () => {
          const y = window.scrollY + document.documentElement.scrollLeft;
          still = y === last ? still + 1 : 0;
          last = y;
          if (still >= 3 || performance.now() - started > 3000) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

/** Records layout shifts, as Lighthouse's CLS counts them, in every page of the context (read with layoutShift()). */
export async function observeLayoutShifts(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __layoutShifts: { value: number; sources: string[] }[] };
    w.__layoutShifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node | null }[];
      }[]) {
        if (entry.hadRecentInput) continue;
        w.__layoutShifts.push({
          value: entry.value,
          sources: (entry.sources ?? []).map((s) =>
            s.node instanceof Element
              ? `${s.node.tagName.toLowerCase()}.${[...s.node.classList].join('.')}`
              : String(s.node?.nodeName),
          ),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Layout shifts so far on a page whose context observes them (observeLayoutShifts): their sum (CLS-like) and what moved. */
export function layoutShift(page: Page): Promise<{ total: number; moved: string[] }> {
  return page.evaluate(() => {
    const shifts =
      (window as unknown as { __layoutShifts?: { value: number; sources: string[] }[] }).__layoutShifts ?? [];
    return {
      total: shifts.reduce((sum, s) => sum + s.value, 0),
      moved: [...new Set(shifts.flatMap((s) => s.sources))],
    };
  });
}
