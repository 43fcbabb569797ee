// The English pages' data: rules over whatever content/ holds (no translation is pinned), and the
// fallbacks on the frozen fixture, whose entries have no English.
import { describe, expect, test } from 'vitest';
import { checkContent } from '../src/lib/content-check.ts';
import { englishDemand, englishLetterPage, englishPages, englishReferencePage } from '../src/lib/english.ts';
import { STATUSES } from '../src/lib/status.ts';
import { currentStatus } from '../src/lib/history.ts';
import { demandUrl, englishDemandUrl, englishLetterUrl, letterUrl, referenceUrl } from '../src/lib/urls.ts';
import { FIXTURE_ROOT, PROJECT_ROOT } from './helpers/project-copy.ts';

describe.each([
  ['real content', PROJECT_ROOT],
  ['frozen fixture', FIXTURE_ROOT],
])('%s', (_name, root) => {
  const content = checkContent(root);
  const demands = [...content.demands.values()].map((f) => f.data);
  const letters = [...content.letters.entries()].map(([id, f]) => ({ id, data: f.data }));

  test("every demand gets an English section on its letter's English page that links its Japanese page, with its current status in English", () => {
    for (const demand of demands) {
      const page = englishDemand(demand);
      expect(page.url).toBe(`${englishLetterUrl(demand.letter)}#${page.anchor}`);
      expect(page.url).toBe(englishDemandUrl(demand.letter, demand.number));
      // Every history entry has its own anchor in the section, distinct within the letter's page.
      expect(new Set(page.history.map((h) => h.anchor)).size).toBe(page.history.length);
      for (const h of page.history) expect(h.anchor.startsWith(`${page.anchor}-`)).toBe(true);
      expect(page.japaneseUrl).toBe(demandUrl(demand.letter, demand.number));
      expect(page.status.label).toBe(STATUSES[currentStatus(demand.statusHistory)].en);
      expect(page.text).toBe(demand.english?.text ?? null);
      expect(page.history.map((h) => h.summary)).toEqual(demand.statusHistory.map((h) => h.summaryEn ?? null));
      for (const entry of page.history) expect(entry.dateText).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    }
  });

  test('each letter page lists exactly its own demands in number order and links its Japanese page', () => {
    for (const { id, data } of letters) {
      const page = englishLetterPage(id, data, demands);
      expect(page.japaneseUrl).toBe(letterUrl(id));
      expect(page.summary).toBe(data.english?.summary ?? null);
      const own = demands.filter((d) => d.letter === id).map((d) => d.number);
      expect(page.demands.map((d) => d.number)).toEqual(own.toSorted((a, b) => a - b));
    }
  });

  test('each reference page has one entry per article, in order, and falls back to null without a summary', () => {
    for (const [id, file] of content.references) {
      const page = englishReferencePage(id, file.data);
      expect(page.japaneseUrl).toBe(referenceUrl(id));
      const articles = file.data.chapters.flatMap((c) => c.articles);
      expect(page.articles.map((a) => a.heading)).toEqual(articles.map((a) => `Article ${a.number}`));
      expect(page.articles.map((a) => a.summary)).toEqual(articles.map((a) => a.summaryEn ?? null));
      expect(page.supplementary).toHaveLength(file.data.supplementary.length);
    }
  });

  test('the hreflang pairs cover home, every letter and reference once, all English pages under /en/', () => {
    const pairs = englishPages(
      letters,
      [...content.references.keys()].map((id) => ({ id })),
    );
    expect(pairs).toHaveLength(1 + letters.length + content.references.size);
    for (const pair of pairs) expect(pair.en).toBe(pair.ja.replace(/^(.*?\/)(?=letters\/|references\/|$)/, '$1en/'));
    expect(new Set(pairs.map((p) => p.en)).size).toBe(pairs.length);
  });
});
