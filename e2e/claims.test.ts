/**
 * Issue 29 on the built site (read from dist/, no browser): each page in its own language, and the
 * corrections log where it is promised. Expectations are derived from src/lib/status.ts, the English
 * texts and the corrections of the content the site was built from (the fixture), so they hold for
 * whatever content/ holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { parseHtml } from '../scripts/lib/site-checks/html.ts';
import { STATUS_LIST } from '../src/lib/status.ts';
import { EN_TEXTS } from '../src/lib/english.ts';
import { FEED_ENTRIES_MAX } from '../src/lib/feed.ts';
import { contentCorrections, correctionNotice, latestCorrection } from '../src/lib/corrections.ts';
import { routeOf } from '../src/lib/urls.ts';
import { distDir } from './harness.ts';
import { allPages } from './site.ts';

const pages = allPages();
const html = (file: string): string => readFileSync(join(distDir(), file), 'utf8');
/** The page's visible text: the body without scripts, styles and templates. */
const bodyText = (source: string): string => parseHtml(source).byTag('body')[0]?.text ?? '';
const isEnglish = (path: string): boolean => path.startsWith('/en/');
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

// The data page documents the JSON's keys and English labels for developers; the corrections log quotes
// the English texts it corrected; the guide shows the keys organizers type (checked for labels below).
const japanesePages = pages.filter(
  (p) => !isEnglish(p.path) && p.kind !== 'guide' && p.kind !== 'api' && p.path !== '/corrections/',
);
const has = (text: string, word: string): boolean => new RegExp(`(^|[^A-Za-z_])${word}($|[^A-Za-z_])`).test(text);
const englishPages = pages.filter((p) => isEnglish(p.path));

describe('Japanese pages show no status key and no English status label', () => {
  const forbidden = STATUS_LIST.flatMap((s) => [s.key, s.en, s.definitionEn]);
  test.each(japanesePages)('$path', ({ file }) => {
    const text = bodyText(html(file));
    expect(forbidden.filter((word) => has(text, word))).toEqual([]);
  });

  test.each(pages.filter((p) => p.kind === 'guide'))('$path: the keys, but no English label', ({ file }) => {
    const text = bodyText(html(file));
    expect(STATUS_LIST.flatMap((s) => [s.en, s.definitionEn]).filter((word) => has(text, word))).toEqual([]);
  });
});

describe('English pages: no Japanese in headings except a name given with its original (lang="ja")', () => {
  test.each(englishPages)('$path', ({ file }) => {
    const headings = [...html(file).matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) =>
      m[2]!
        .replace(/<([a-z]+)\b[^>]*\blang="ja"[^>]*>[\s\S]*?<\/\1>/g, '')
        .replace(/<[^>]+>/g, '')
        .trim(),
    );
    expect(headings.filter((h) => JAPANESE.test(h))).toEqual([]);
  });

  test.each(englishPages)(
    '$path: the unofficial notice has its space and the footer names the publisher',
    ({ file }) => {
      const text = bodyText(html(file));
      if (text.includes(EN_TEXTS.unofficial) || text.includes(EN_TEXTS.unofficialSummary))
        expect(text).toMatch(/authoritative: Japanese original/);
      expect(text).toContain(EN_TEXTS.footer);
      expect(text).not.toContain('the site of Jichiroren');
    },
  );

  test('letters sharing a title still have headings of their own', () => {
    const letterPages = englishPages.filter((p) => /^\/en\/letters\/[^/]+\/$/.test(p.path));
    const h1s = letterPages.map((p) => parseHtml(html(p.file)).byTag('h1')[0]?.text);
    expect(new Set(h1s).size).toBe(letterPages.length);
  });
});

describe('the corrections log', () => {
  // The corrections of the content the browser tests' site was built from (the fixture).
  const records = contentCorrections(inject('contentRoot'));
  const log = pages.find((p) => p.path === '/corrections/');

  test('the site was built from content with corrections (else the tests below prove nothing)', () => {
    expect(records.length).toBeGreaterThan(0);
  });

  test('/corrections/ lists every correction, each at its anchor, and links its feed', () => {
    expect(log).toBeDefined();
    const source = html(log!.file);
    for (const record of records) expect(source).toContain(`id="${record.anchor}"`);
    expect(source).toMatch(
      /<link rel="alternate" type="application\/atom\+xml"[^>]*href="[^"]*corrections\/feed\.xml"/,
    );
  });

  test('the feed has one entry per correction (the newest FEED_ENTRIES_MAX)', () => {
    const feed = readFileSync(join(distDir(), 'corrections', 'feed.xml'), 'utf8');
    expect(feed.match(/<entry>/g)?.length ?? 0).toBe(Math.min(records.length, FEED_ENTRIES_MAX));
  });

  test('every corrected page says so, with its latest correction date', () => {
    const byPage = new Map<string, string[]>();
    for (const record of records.filter((r) => r.page)) {
      const route = routeOf(record.page!.split('#')[0]!);
      byPage.set(route, [...(byPage.get(route) ?? []), record.date]);
    }
    for (const [route, dates] of byPage) {
      const page = pages.find((p) => p.path === route);
      expect(page, route).toBeDefined();
      const latest = latestCorrection(
        dates.map((date) => ({ date, location: '', before: '', after: '', reason: '' })),
      )!;
      expect(bodyText(html(page!.file)), route).toContain(
        isEnglish(route) ? EN_TEXTS.corrected(latest) : correctionNotice(latest),
      );
    }
  });

  test('the English version of a corrected letter or regulation says when it was corrected', () => {
    const latest = new Map<string, string>();
    for (const record of records) {
      const route = record.page && /^\/(letters|references)\/[^/]+\//.exec(routeOf(record.page))?.[0];
      if (!route) continue;
      const en = `/en${route}`;
      if (record.date > (latest.get(en) ?? '')) latest.set(en, record.date);
    }
    for (const [route, date] of latest) {
      const page = englishPages.find((p) => p.path === route);
      expect(page, route).toBeDefined();
      expect(bodyText(html(page!.file)), route).toContain(EN_TEXTS.corrected(date));
    }
  });

  test.each(pages.filter((p) => !isEnglish(p.path)))('$path links the log from the footer', ({ file }) => {
    expect(html(file)).toMatch(/<footer[\s\S]*href="[^"]*\/corrections\/"[\s\S]*<\/footer>/);
  });
});
