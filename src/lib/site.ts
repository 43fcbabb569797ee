/** Site-wide names and navigation, in one place. */
import { BASE_PATH, sitePath } from './urls.ts';

export const SITE_NAME = 'マイナンバーカード取得強制に反対する要請書と要求の経過';
export const SITE_SHORT_NAME = '要請書と要求の経過';
export const PUBLISHER = '日本自治体労働組合総連合（自治労連）';
export const SITE_DESCRIPTION =
  '自治労連が2019年に総務大臣と全国市町村職員共済組合連合会に提出した、地方公務員へのマイナンバーカード取得推進問題に係る要請書の全文と、各要求のその後の経過を公開しています。';

export interface NavItem {
  href: string;
  label: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: sitePath('/'), label: 'ホーム' },
  { href: sitePath('/letters/'), label: '要請書' },
  { href: sitePath('/status/'), label: '要求の状況' },
  { href: sitePath('/timeline/'), label: '経過' },
  { href: sitePath('/references/mie-my-number-rules/'), label: '関連規程' },
  { href: sitePath('/api/'), label: 'データ' },
];

/** The nav item a served path (with base) belongs to (longest prefix), for aria-current. */
export function currentNavHref(pathname: string): string | undefined {
  const matches = NAV_ITEMS.filter((item) =>
    item.href === BASE_PATH ? pathname === BASE_PATH : pathname.startsWith(item.href),
  );
  return matches.sort((a, b) => b.href.length - a.href.length)[0]?.href;
}
