/** Letter presentation: dates, parties and titles as text. */
import { formatDateJa, formatEraDate } from './dates.ts';

interface PartyLike {
  organization: string;
  organizationPrinted?: boolean | undefined;
  shortName?: string | undefined;
  role?: string | undefined;
  name?: string | undefined;
  honorific?: string | undefined;
}

/** 2019年7月23日（令和元年7月23日） */
export function dateWithEra(iso: string): { written: string; era: string } {
  return { written: formatDateJa(iso), era: formatEraDate(iso) };
}

/** The lines of an address block as printed: [organisation], role and name with honorific. */
export function addressLines(party: PartyLike): string[] {
  const lines: string[] = [];
  if (party.organizationPrinted !== false) lines.push(party.organization);
  const person = [party.role, party.name].filter(Boolean).join(' ');
  const withHonorific = [person, party.honorific].filter(Boolean).join(' ');
  if (withHonorific) lines.push(withHonorific);
  return lines;
}

/** How the site names an addressee in lists: 総務大臣 石田 真敏 / 全国市町村職員共済組合連合会 理事長 小谷 隆亮. */
export function addresseeLabel(party: PartyLike): string {
  const org = party.organizationPrinted === false ? '' : party.organization;
  return [org, party.role, party.name].filter(Boolean).join(' ');
}

/** What naming an addressee needs: a letter, an Astro entry's data or a parsed file all fit. */
export type AddresseeName = Pick<PartyLike, 'organization' | 'organizationPrinted' | 'shortName' | 'role'>;

/**
 * How headings, labels and filters name an addressee (…宛): whom the letter is addressed to. A letter
 * to a minister whose ministry is not printed in the address (総務大臣 石田 真敏 殿) is named by the
 * minister's role (総務大臣宛), not by the ministry; otherwise the organisation's short name (市町村共済連合会宛).
 */
export function addresseeShort(party: AddresseeName): string {
  if (party.organizationPrinted === false && party.role) return party.role;
  return party.shortName ?? party.organization;
}

/** The addressee as the body that acts and answers (総務省は…と回答した): its organisation's short name. */
export function addresseeOrganization(party: AddresseeName): string {
  return party.shortName ?? party.organization;
}

/** A printed label as used inside running text: "2." reads 要求2, "①" stays 要求①. */
export function labelInText(label: string): string {
  return label.replace(/[.．]$/, '');
}

/** How many letters the home page shows in full (with their demands); the rest are on /letters/. */
const HOME_LETTERS_MAX = 6;

/**
 * The letters the home page shows with their demands. A campaign of a few letters is told in order,
 * oldest first; past `max`, the newest `max` are shown, newest first, and the page links to the rest.
 */
export function homeLetters<L extends { id: string; data: { date: string } }>(
  letters: readonly L[],
  max = HOME_LETTERS_MAX,
): { shown: L[]; newestFirst: boolean; total: number } {
  const chronological = [...letters].sort((a, b) => a.data.date.localeCompare(b.data.date) || a.id.localeCompare(b.id));
  if (chronological.length <= max) return { shown: chronological, newestFirst: false, total: letters.length };
  return { shown: chronological.slice(-max).reverse(), newestFirst: true, total: letters.length };
}
