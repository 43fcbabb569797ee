/** The ready-made Japanese citation of a demand ("cite this demand" on every demand page). */
import { STATUSES } from './status.ts';
import { currentStatus, statusAsOf, type HistoryLike } from './history.ts';
import { formatDateJa } from './dates.ts';
import { labelInText } from './letters.ts';

interface CitationInput {
  letter: {
    title: string;
    date: string;
    sender: { organization: string; shortName?: string | undefined };
    addressee: {
      organization: string;
      organizationPrinted?: boolean | undefined;
      shortName?: string | undefined;
      role?: string | undefined;
    };
  };
  demand: {
    label: string;
    shortTitle: string;
    statusHistory: readonly HistoryLike[];
    lastChecked: string;
  };
  /** Absolute permalink of the demand page. */
  permalink: string;
}

/** Who the letter was addressed to, as a citation names it: 総務大臣 / 全国市町村職員共済組合連合会理事長. */
export function citationAddressee(addressee: CitationInput['letter']['addressee']): string {
  const organization = addressee.organizationPrinted === false ? '' : addressee.organization;
  return `${organization}${addressee.role ?? ''}` || addressee.organization;
}

/**
 * <差出人>「<要請書の題名>」（<宛先>宛、<要請書の日付>）要求2「<短い題>」。状況：進展なし（<日付>時点）。
 * https://…/letters/<要請書>/demands/2/
 *
 * The short title in 「」 is the site's heading for the demand; the status is as of the later of the
 * last check and the last event, so a citation never claims more currency than the record has.
 */
export function demandCitation({ letter, demand, permalink }: CitationInput): string {
  const sender =
    letter.sender.shortName && letter.sender.shortName !== letter.sender.organization
      ? `${letter.sender.organization}（${letter.sender.shortName}）`
      : letter.sender.organization;
  const status = STATUSES[currentStatus(demand.statusHistory)];
  const asOf = formatDateJa(statusAsOf(demand.statusHistory, demand.lastChecked));
  return (
    `${sender}「${letter.title}」（${citationAddressee(letter.addressee)}宛、${formatDateJa(letter.date)}）` +
    `要求${labelInText(demand.label)}「${demand.shortTitle}」。状況：${status.ja}（${asOf}時点）。${permalink}`
  );
}
