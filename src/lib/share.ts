/**
 * Sharing a demand without any other site's script: the short Japanese text a member sends, and plain
 * links to each service's own share address (nothing is loaded from a service until the reader taps
 * its link). The demand page adds the Web Share API's button where the browser has it, and a copy
 * button (src/components/ShareLinks.astro).
 */
import { STATUSES, type StatusKey } from './status.ts';
import { formatDateJa } from './dates.ts';
import { addresseeShort, labelInText, type AddresseeName } from './letters.ts';
import { currentStatus, statusAsOf } from './history.ts';
import { absoluteUrl, badgeUrl, demandUrl } from './urls.ts';

/** What sharing needs of a demand entry. */
export interface ShareDemand {
  letter: string;
  number: number;
  label: string;
  shortTitle: string;
  lastChecked: string;
  statusHistory: readonly { date: string; status: StatusKey }[];
}

/** What a shared message says about a demand. */
interface ShareSubject {
  /** The letter's addressee as the site names it (addresseeShort): 総務大臣. */
  addressee: string;
  /** The demand's printed label: 1. or ①. */
  label: string;
  shortTitle: string;
  status: StatusKey;
  /** The date the status is known to hold at (statusAsOf), YYYY-MM-DD. */
  asOf: string;
}

/** The subject of a demand's shared message: its status now and the date that status holds at. */
export function shareSubject(letter: { addressee: AddresseeName }, demand: ShareDemand): ShareSubject {
  return {
    addressee: addresseeShort(letter.addressee),
    label: demand.label,
    shortTitle: demand.shortTitle,
    status: currentStatus(demand.statusHistory),
    asOf: statusAsOf(demand.statusHistory, demand.lastChecked),
  };
}

/** 【回答待ち】総務大臣宛 要求1「カード取得を強制しない」（2026年12月6日時点） */
export function shareText(subject: ShareSubject): string {
  return `【${STATUSES[subject.status].ja}】${subject.addressee}宛 要求${labelInText(subject.label)}「${subject.shortTitle}」（${formatDateJa(subject.asOf)}時点）`;
}

/** The services a member may share to, in the order the page lists them. */
export const SHARE_SERVICES = ['line', 'x', 'facebook', 'mail'] as const;
export type ShareService = (typeof SHARE_SERVICES)[number];

interface ShareLink {
  service: ShareService;
  /** The link's text on the page. */
  label: string;
  href: string;
}

const enc = encodeURIComponent;

/** Each service's share address for a text and a URL (only the address: no script, no request). */
export function shareHref(service: ShareService, text: string, url: string): string {
  switch (service) {
    case 'line':
      // LINE's share address takes one text, the URL inside it.
      return `https://line.me/R/share?text=${enc(`${text}\n${url}`)}`;
    case 'x':
      return `https://x.com/intent/tweet?text=${enc(text)}&url=${enc(url)}`;
    case 'facebook':
      // Facebook takes only the URL; the picture and title come from the page's og: tags.
      return `https://www.facebook.com/sharer/sharer.php?u=${enc(url)}`;
    case 'mail':
      return `mailto:?subject=${enc(text)}&body=${enc(`${text}\n${url}`)}`;
  }
}

const LABELS: Readonly<Record<ShareService, string>> = {
  line: 'LINEで送る',
  x: 'Xでポスト',
  facebook: 'Facebookでシェア',
  mail: 'メールで送る',
};

/** The page's share links for a text and the page's absolute URL. */
export function shareLinks(text: string, url: string): ShareLink[] {
  return SHARE_SERVICES.map((service) => ({ service, label: LABELS[service], href: shareHref(service, text, url) }));
}

/** The HTML another site pastes to show a demand's embed page (it may be framed: /embed/ only). */
export function embedCode(embedAbsoluteUrl: string, title: string): string {
  const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${attr(embedAbsoluteUrl)}" title="${attr(title)}" width="100%" height="240" style="border:0;max-width:36rem" loading="lazy"></iframe>`;
}

/** The Markdown of a demand's badge, linked to its page (for READMEs and blogs). */
export function badgeMarkdown(badgeAbsoluteUrl: string, pageAbsoluteUrl: string, alt: string): string {
  const text = alt.replace(/[[\]\\]/g, (ch) => `\\${ch}`);
  return `[![${text}](${badgeAbsoluteUrl})](${pageAbsoluteUrl})`;
}

/** What a demand's embed page shows. */
export function embedView(
  letter: { date: string; addressee: AddresseeName },
  demand: ShareDemand,
): {
  heading: string;
  shortTitle: string;
  letterDate: string;
  letterDateText: string;
  badge: string;
  badgeAlt: string;
  asOf: string;
  asOfText: string;
  permalink: string;
} {
  const status = STATUSES[currentStatus(demand.statusHistory)];
  const asOf = statusAsOf(demand.statusHistory, demand.lastChecked);
  return {
    heading: `${addresseeShort(letter.addressee)}宛の要請書 要求${labelInText(demand.label)}`,
    shortTitle: demand.shortTitle,
    letterDate: letter.date,
    letterDateText: formatDateJa(letter.date),
    badge: badgeUrl(demand.letter, demand.number),
    badgeAlt: `状況：${status.symbol} ${status.ja}`,
    asOf,
    asOfText: `${formatDateJa(asOf)}時点`,
    permalink: absoluteUrl(demandUrl(demand.letter, demand.number)),
  };
}
