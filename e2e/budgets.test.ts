// Weight budgets on every page of the build, printed as a table: gzip JS (what the page loads and
// what its code may import later, followed through the module graph), CSS and HTML; for the search
// page, its JS plus the index files the browser downloads to answer a search (the heaviest of a few
// typical queries: the index is split so that a query fetches only the parts it needs; the whole
// index is printed too). The privacy sweep checks, page by page, that the browser loads no JS this
// analysis missed.
import { describe, expect, test } from 'vitest';
import {
  BUDGETS,
  budgetViolations,
  formatWeights,
  indexFilesFor,
  measurePage,
  summarizeByKind,
  type PageWeight,
} from '../scripts/lib/site-checks/budgets.ts';
import { listFiles, resolveUrlPath } from '../scripts/lib/site-checks/dist.ts';
import { distDir, siteUrl } from './harness.ts';
import { allPages, openAndSettle, recordingPage, BASE_PATH, SEARCH_QUERY } from './site.ts';

const pages = allPages();
/** Queries a reader types (the issue's examples and the search page's test query). */
const BUDGET_QUERIES = [SEARCH_QUERY, '目的外使用', '漏えい 報告', 'J-LIS', '石田', '個人番号カードの取得'];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Files under the dist dir that a page fetched while showing search results. */
async function searchFetches(
  path: string,
  query: string,
  files: ReadonlySet<string>,
): Promise<{ js: string[]; data: string[] }> {
  const { page, requests } = await recordingPage();
  await openAndSettle(page, `${path}?q=${encodeURIComponent(query)}`);
  const origin = new URL(siteUrl('/')).origin;
  const loaded = requests
    .filter((r) => r.url.startsWith(origin))
    .map((r) => ({ type: r.resourceType, resolved: resolveUrlPath(new URL(r.url).pathname, files, BASE_PATH) }))
    .flatMap((r) => (r.resolved.kind === 'file' ? [{ type: r.type, file: r.resolved.file }] : []));
  return {
    js: loaded.filter((r) => /\.m?js$/.test(r.file)).map((r) => r.file),
    data: loaded.filter((r) => (r.type === 'fetch' || r.type === 'xhr') && !/\.m?js$/.test(r.file)).map((r) => r.file),
  };
}

describe('weight', () => {
  test('every page is within its budget (figures printed)', async () => {
    const dir = distDir();
    const files = listFiles(dir);
    const fileSet = new Set(files);
    const weights: PageWeight[] = [];
    for (const page of pages) {
      if (page.kind === 'search') {
        const perQuery: PageWeight[] = [];
        for (const query of BUDGET_QUERIES) {
          const fetched = await searchFetches(page.path, query, fileSet);
          expect(fetched.data.length, `the search page fetched its index while searching for ${query}`).toBeGreaterThan(
            0,
          );
          perQuery.push(measurePage(dir, page, fileSet, { js: fetched.js, index: fetched.data, basePath: BASE_PATH }));
        }
        const heaviest = perQuery.reduce((a, b) => (b.js.gzip + b.index.gzip > a.js.gzip + a.index.gzip ? b : a));
        const whole = measurePage(dir, page, fileSet, {
          index: indexFilesFor(heaviest.indexFiles, files),
          basePath: BASE_PATH,
        });
        console.log(
          `[budgets] search index: ${perQuery.map((w, i) => `「${BUDGET_QUERIES[i]}」 ${kb(w.index.gzip)} in ${w.indexFiles.length} file(s)`).join(', ')}; the whole index is ${kb(whole.index.gzip)} in ${whole.indexFiles.length} file(s)`,
        );
        weights.push(heaviest);
      } else {
        weights.push(measurePage(dir, page, fileSet, { basePath: BASE_PATH }));
      }
    }
    console.log(
      `\n[budgets] gzip sizes per page (level 6):\n${formatWeights(weights)}\n\n[budgets] by kind (largest):\n${summarizeByKind(weights)}`,
    );
    const search = weights.find((w) => w.kind === 'search');
    if (search) {
      console.log(
        `[budgets] search: JS ${kb(search.js.gzip)} + index ${kb(search.index.gzip)} (${search.indexFiles.length} file(s), the heaviest query) = ${kb(search.js.gzip + search.index.gzip)} of ${kb(BUDGETS.search.jsPlusIndex!)}`,
      );
    }
    const violations = budgetViolations(weights);
    expect(violations.map((v) => `${v.path}: ${v.what} ${kb(v.measured)} > budget ${kb(v.budget)}`).join('\n')).toBe(
      '',
    );
  });
});
