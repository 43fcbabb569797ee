/** Shared browser plumbing for e2e tests: Debian's Chromium through playwright-core. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { inject, afterAll } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser: Promise<Browser> | undefined;
const contexts: BrowserContext[] = [];

export function getBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium fonts-noto-cjk" (or set CHROMIUM_PATH)`,
    );
  }
  browser ??= chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  return browser;
}

/**
 * Absolute URL of a route on the test server: '/letters/' → http://127.0.0.1:<port>/campaign/letters/.
 * Routes are written from the site's root; the server serves the site under its base.
 */
export function siteUrl(route: string): string {
  if (!route.startsWith('/')) throw new Error(`siteUrl: "${route}" is not a route (it must start with /)`);
  return new URL(route.slice(1), inject('baseURL')).href;
}

/** The path the test site is served under, e.g. /campaign/. */
export function basePath(): string {
  return new URL(inject('baseURL')).pathname;
}

/** A route as the path the test server serves it at: '/letters/' → '/campaign/letters/'. */
export function servedPath(route: string): string {
  if (!route.startsWith('/')) throw new Error(`servedPath: "${route}" is not a route (it must start with /)`);
  return `${basePath()}${route.slice(1)}`;
}

/** The public address the test build was made for, base included, e.g. https://example.org/campaign/. */
export function buildSite(): string {
  return inject('buildSite');
}

/** Path of the built site on disk. */
export function distDir(): string {
  return inject('distDir');
}

export interface PageOptions {
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
}

/** A fresh page in a fresh context (no shared cookies or storage between tests). */
export async function newPage(options: PageOptions = {}): Promise<Page> {
  const context = await (
    await getBrowser()
  ).newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'ja-JP',
  });
  contexts.push(context);
  return context.newPage();
}

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  if (browser) {
    await (await browser).close();
    browser = undefined;
  }
});
