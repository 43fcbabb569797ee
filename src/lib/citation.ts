/** The ready-made Japanese citation of a demand ("cite this demand" on every demand page). */
import { STATUSES } from './status.ts';
import { currentStatus, statusAsOf, type HistoryLike } from './history.ts';
import { formatDateJa } from './dates.ts';
import { labelInText } from './letters.ts';

export interface CitationInput {
  letter: {
    title: string;
    date: string;
    sender: { organization: string; shortName?: string };
    addressee: { organization: string; organizationPrinted?: boolean; shortName?: string; role?: string };
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
 * 日本自治体労働組合総連合（自治労連）「地方公務員へのマイナンバーカード取得推進問題に係る要請書」
 * （総務大臣宛、2019年7月23日）要求2「個人情報を申請書作成に流用しない」。状況：進展なし（2026年11月23日時点）。
 * https://…/letters/2019-07-23-soumu/demands/2/
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
