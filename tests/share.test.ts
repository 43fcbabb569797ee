// Sharing a demand: the short Japanese message, each service's share address (plain links carrying the
// message and the page's URL, nothing else), the embed code and the badge's Markdown, the embed page's data.
import { describe, expect, test } from 'vitest';
import {
  badgeMarkdown,
  embedCode,
  embedView,
  SHARE_SERVICES,
  shareHref,
  shareLinks,
  shareSubject,
  shareText,
  type ShareDemand,
  type ShareService,
} from '../src/lib/share.ts';
import { checkContent } from '../src/lib/content-check.ts';
import { currentStatus, statusAsOf } from '../src/lib/history.ts';
import { STATUSES, STATUS_KEYS } from '../src/lib/status.ts';
import { formatDateJa } from '../src/lib/dates.ts';
import { addresseeShort } from '../src/lib/letters.ts';
import { badgeUrl, demandUrl } from '../src/lib/urls.ts';
import { PROJECT_ROOT } from './helpers/project-copy.ts';
import { join } from 'node:path';

const URL_ = 'https://example.org/campaign/letters/2019-07-23-soumu/demands/1/';
const TEXT = '【回答待ち】総務大臣宛 要求1「カード取得を強制しない & 個人情報?」（2026年12月6日時点）';

describe('shareText', () => {
  test.each(STATUS_KEYS.map((status) => [status]))('names the status %s, the demand and the as-of date', (status) => {
    const text = shareText({
      addressee: '総務大臣',
      label: '2.',
      shortTitle: '流用しない',
      status,
      asOf: '2026-12-06',
    });
    expect(text).toBe(`【${STATUSES[status].ja}】総務大臣宛 要求2「流用しない」（2026年12月6日時点）`);
  });

  test('a circled label stays as printed', () => {
    expect(
      shareText({ addressee: 'A', label: '①', shortTitle: 'T', status: 'achieved', asOf: '2020-01-02' }),
    ).toContain('要求①「T」');
  });
});

describe('share addresses', () => {
  // What each service's address must carry, read back from the URL as the service would.
  const carried: Record<ShareService, (href: string) => { text?: string | null; url: string | null }> = {
    line: (href) => {
      const value = new URL(href).searchParams.get('text') ?? '';
      return { text: value.split('\n')[0] ?? null, url: value.split('\n')[1] ?? null };
    },
    x: (href) => ({ text: new URL(href).searchParams.get('text'), url: new URL(href).searchParams.get('url') }),
    facebook: (href) => ({ url: new URL(href).searchParams.get('u') }),
    mail: (href) => {
      const params = new URLSearchParams(href.slice(href.indexOf('?') + 1));
      return { text: params.get('subject'), url: params.get('body')?.split('\n')[1] ?? null };
    },
  };
  const hosts: Record<ShareService, string> = {
    line: 'https://line.me/R/share',
    x: 'https://x.com/intent/tweet',
    facebook: 'https://www.facebook.com/sharer/sharer.php',
    mail: 'mailto:',
  };

  test.each(SHARE_SERVICES.map((s) => [s]))('%s: its own share address, carrying the text and the URL', (service) => {
    const href = shareHref(service, TEXT, URL_);
    expect(href.startsWith(`${hosts[service]}?`)).toBe(true);
    const { text, url } = carried[service](href);
    expect(url).toBe(URL_);
    if (text !== undefined) expect(text).toBe(TEXT);
    // Encoded: no raw space, & inside the text, or non-ASCII character breaks the address.
    expect(href).toMatch(/^[\x21-\x7e]+$/);
  });

  test('the page lists every service once, each with a Japanese label', () => {
    const links = shareLinks(TEXT, URL_);
    expect(links.map((l) => l.service)).toEqual([...SHARE_SERVICES]);
    for (const link of links) expect(link.label).toMatch(/[ぁ-んァ-ン]/);
  });
});

describe('embed code and badge Markdown', () => {
  test('the embed code frames the embed page, attributes escaped', () => {
    const code = embedCode('https://example.org/embed/letters/a/demands/1/?x=1&y="2"', '要求「A」<b>');
    expect(code).toMatch(
      /^<iframe src="https:\/\/example\.org\/embed\/letters\/a\/demands\/1\/\?x=1&amp;y=&quot;2&quot;"/,
    );
    expect(code).toContain('title="要求「A」&lt;b>"');
    expect(code).not.toContain('<script');
  });

  test.each([
    ['plain', '要求1の状況', '要求1の状況'],
    ['brackets escaped', '要求[1]の状況', '要求\\[1\\]の状況'],
  ])('badge Markdown: %s', (_name, alt, shown) => {
    expect(badgeMarkdown('https://e.org/badges/a/1.svg', 'https://e.org/letters/a/demands/1/', alt)).toBe(
      `[![${shown}](https://e.org/badges/a/1.svg)](https://e.org/letters/a/demands/1/)`,
    );
  });
});

describe('from the content (fixture)', () => {
  const content = checkContent(join(PROJECT_ROOT, 'tests', 'fixtures', 'frozen'));
  const demands = [...content.demands.values()].map((d) => d.data);
  test.each(demands.map((d) => [`${d.letter}/${d.number}`, d] as const))('%s', (_id, demand) => {
    const letter = content.letters.get(demand.letter)!.data;
    const subject = shareSubject(letter, demand as ShareDemand);
    const asOf = statusAsOf(demand.statusHistory, demand.lastChecked);
    expect(subject).toEqual({
      addressee: addresseeShort(letter.addressee),
      label: demand.label,
      shortTitle: demand.shortTitle,
      status: currentStatus(demand.statusHistory),
      asOf,
    });
    const view = embedView(letter, demand);
    expect(view.shortTitle).toBe(demand.shortTitle);
    expect(view.badge).toBe(badgeUrl(demand.letter, demand.number));
    expect(view.permalink.endsWith(demandUrl(demand.letter, demand.number))).toBe(true);
    expect(view.asOfText).toBe(`${formatDateJa(asOf)}時点`);
    expect(view.badgeAlt).toContain(STATUSES[currentStatus(demand.statusHistory)].ja);
  });
});
