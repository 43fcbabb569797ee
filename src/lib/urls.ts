/** Every permalink the site hands out is built here, so links and anchors stay stable. */

export const SITE_ORIGIN = 'https://mynumber-youseisho.jichiroren.example';

export const letterUrl = (letterSlug: string): string => `/letters/${letterSlug}/`;
export const demandUrl = (letterSlug: string, number: number): string => `/letters/${letterSlug}/demands/${number}/`;
export const demandAnchor = (number: number): string => `demand-${number}`;
export const demandInLetterUrl = (letterSlug: string, number: number): string =>
  `${letterUrl(letterSlug)}#${demandAnchor(number)}`;
export const referenceUrl = (referenceId: string): string => `/references/${referenceId}/`;
export const articleAnchor = (number: number): string => `article-${number}`;
export const articleUrl = (referenceId: string, number: number): string =>
  `${referenceUrl(referenceId)}#${articleAnchor(number)}`;
export const SUPPLEMENTARY_ANCHOR = 'supplementary';

/** `<letter-slug>/<n>`: the id of a demand everywhere (content ids, API, data attributes). */
export const demandId = (letterSlug: string, number: number): string => `${letterSlug}/${number}`;

export function parseDemandId(id: string): { letter: string; number: number } | null {
  const match = /^([a-z0-9-]+)\/(\d+)$/.exec(id);
  return match ? { letter: match[1]!, number: Number(match[2]) } : null;
}

export const absoluteUrl = (path: string): string => new URL(path, SITE_ORIGIN).href;
