/**
 * Site-wide texts and navigation. The texts (name, publisher, introductions) are content, in
 * content/site.yaml (SiteSchema), read through the content check like every other file; the next
 * campaign edits them in /admin/ and changes no code.
 */
import { BASE_PATH, sitePath } from './urls.ts';
import { checkedContent } from './content/astro-loader.ts';
import { formatProblem } from './content-check.ts';
import type { Site } from './schemas.ts';

/** The site's texts from content/site.yaml of the project at `root` (the build's, by default). */
export function siteTexts(root: string = process.cwd()): Site {
  const content = checkedContent(root);
  const site = content.site.get('site');
  if (!site) {
    const problems = content.problems.filter((p) => p.file.startsWith('content/site.'));
    throw new Error(
      `content/site.yaml を読めません：${problems.map(formatProblem).join(' / ') || 'ファイルがありません'}`,
    );
  }
  return site.data;
}

interface NavItem {
  href: string;
  label: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: sitePath('/'), label: 'ホーム' },
  { href: sitePath('/letters/'), label: '要請書' },
  { href: sitePath('/status/'), label: '要求の状況' },
  { href: sitePath('/timeline/'), label: '経過' },
  { href: sitePath('/references/'), label: '関連規程' },
  { href: sitePath('/api/'), label: 'データ' },
];

/** The nav item a served path (with base) belongs to (longest prefix), for aria-current. */
export function currentNavHref(pathname: string): string | undefined {
  const matches = NAV_ITEMS.filter((item) =>
    item.href === BASE_PATH ? pathname === BASE_PATH : pathname.startsWith(item.href),
  );
  return matches.sort((a, b) => b.href.length - a.href.length)[0]?.href;
}
