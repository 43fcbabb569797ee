/**
 * What a page did that a privacy campaign's site must not do: requests to other origins, cookies,
 * storage of any kind, service workers, console errors (CSP violations land there), and scripts the
 * weight budget does not count. Each list or value is empty when all is well, so a test compares the
 * whole with PRIVATE.
 */
import { pageAssets } from '../scripts/lib/site-checks/budgets.ts';
import { listFiles, type SitePage } from '../scripts/lib/site-checks/dist.ts';
import { distDir, siteUrl } from './harness.ts';
import { BASE_PATH, scrollThrough, type RecordingPage } from './site.ts';

export const PRIVATE = {
  blockedRequests: [] as string[],
  cookies: [] as string[],
  storage: { cookie: '', localStorage: 0, sessionStorage: 0, indexedDB: [] as string[], caches: [] as string[] },
  serviceWorkers: 0,
  originsWithStoredData: [] as string[],
  errors: [] as string[],
  scriptsTheBudgetMisses: [] as string[],
};

let builtFiles: Set<string> | undefined;

/** Scrolls through the page (lazy loads get their chance to phone home), then reports what it did. */
export async function privacyFindings(
  { page, context, requests, blocked, errors }: RecordingPage,
  sitePage: SitePage,
): Promise<typeof PRIVATE> {
  await scrollThrough(page);
  if (requests.length === 0) throw new Error('the recorder saw no request: it is not recording');
  const stored = await page.evaluate(async () => ({
    cookie: document.cookie,
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).map((db) => db.name ?? ''),
    caches: 'caches' in window ? await caches.keys() : [],
    serviceWorkers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
  }));
  const { serviceWorkers, ...storage } = stored;
  const state = await context.storageState({ indexedDB: true });
  // Every script the browser ran is one the weight budget counts (budgets.test.ts reads the build).
  const origin = new URL(siteUrl('/')).origin;
  builtFiles ??= new Set(listFiles(distDir()));
  const assets = pageAssets(distDir(), sitePage, builtFiles, BASE_PATH);
  const counted = new Set([...assets.jsInitial, ...assets.jsLazy]);
  const loadedJs = requests
    .filter((r) => r.url.startsWith(origin) && (r.resourceType === 'script' || /\.m?js$/.test(new URL(r.url).pathname)))
    .map((r) => new URL(r.url).pathname.slice(BASE_PATH.length));
  return {
    blockedRequests: blocked.map((r) => `${r.resourceType} ${r.url}`),
    cookies: (await context.cookies()).map((c) => `${c.name} (${c.domain})`),
    storage,
    serviceWorkers,
    originsWithStoredData: state.origins.map((o) => o.origin),
    errors: [...errors],
    scriptsTheBudgetMisses: loadedJs.filter((file) => !counted.has(file)),
  };
}
