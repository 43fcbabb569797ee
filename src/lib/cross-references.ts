/** Links between demands, letters and articles, derived from the demands' frontmatter. */
import { demandId } from './urls.ts';

export interface DemandRef {
  letter: string;
  number: number;
  legalBasis: readonly { reference: string; article: number; reason: string }[];
  related: readonly { demand: string; reason: string }[];
}

export interface RelatedLink<D> {
  demand: D;
  reason: string;
}

/**
 * Related demands of every demand, in both directions: a pair is written once, in either file, and
 * shows on both pages; when both files give a reason, each page shows its own. Sorted by letter then
 * number. One pass over all demands, so a build computes it once, not once per page.
 */
export function relatedDemandsMap<D extends DemandRef>(all: readonly D[]): Map<string, RelatedLink<D>[]> {
  const byId = new Map(all.map((d) => [demandId(d.letter, d.number), d] as const));
  const links = new Map<string, Map<string, RelatedLink<D>>>(all.map((d) => [demandId(d.letter, d.number), new Map()]));
  // Each demand's own links first, so that its own reason wins over the one written on the other side.
  for (const demand of all) {
    const id = demandId(demand.letter, demand.number);
    for (const link of demand.related) {
      const other = byId.get(link.demand);
      if (other && link.demand !== id && !links.get(id)!.has(link.demand))
        links.get(id)!.set(link.demand, { demand: other, reason: link.reason });
    }
  }
  for (const demand of all) {
    const id = demandId(demand.letter, demand.number);
    for (const link of demand.related) {
      const back = links.get(link.demand);
      if (back && link.demand !== id && !back.has(id)) back.set(id, { demand, reason: link.reason });
    }
  }
  return new Map([...links].map(([id, own]) => [id, [...own.values()].sort(compareDemands)]));
}

function compareDemands<D extends DemandRef>(a: RelatedLink<D>, b: RelatedLink<D>): number {
  return a.demand.letter.localeCompare(b.demand.letter) || a.demand.number - b.demand.number;
}

/**
 * Who cites what: per reference id, per article number, the demands whose legal basis cites it with
 * the reason each gives (a demand once per article, with its first reason), sorted by letter then
 * number. One pass over all demands, for every reference page and article list at once.
 */
export function citationsByArticle<D extends DemandRef>(all: readonly D[]): Map<string, Map<number, RelatedLink<D>[]>> {
  const out = new Map<string, Map<number, RelatedLink<D>[]>>();
  for (const demand of all)
    for (const basis of demand.legalBasis) {
      const articles = out.get(basis.reference) ?? out.set(basis.reference, new Map()).get(basis.reference)!;
      const links = articles.get(basis.article) ?? articles.set(basis.article, []).get(basis.article)!;
      if (!links.some((link) => link.demand === demand)) links.push({ demand, reason: basis.reason });
    }
  for (const articles of out.values()) for (const links of articles.values()) links.sort(compareDemands);
  return out;
}
