// Every internal link, resource reference and #anchor in the build resolves (pages, CSS, manifest,
// sitemaps, feeds, robots.txt, JSON). External links are counted, never fetched.
import { expect, test } from 'vitest';
import { checkLinks, formatLinkProblems } from '../scripts/lib/site-checks/links.ts';
import { distDir } from './harness.ts';
import { BUILD_SITE } from './site.ts';

test('no broken internal link or anchor in the build', () => {
  const report = checkLinks(distDir(), { site: BUILD_SITE });
  console.log(
    `[links] ${report.files} files read, ${report.internal} internal references checked, ${report.external} external (not fetched), ${report.broken.length} broken`,
  );
  expect(report.internal).toBeGreaterThan(100);
  expect(formatLinkProblems(report.broken)).toBe('');
});
