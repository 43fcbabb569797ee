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
 * Demands related to `target`, in both directions: a pair is written once, in either file,
 * and shows on both pages. Sorted by letter then number.
 */
export function relatedDemands<D extends DemandRef>(target: D, all: readonly D[]): RelatedLink<D>[] {
  const targetId = demandId(target.letter, target.number);
  const byId = new Map(all.map((d) => [demandId(d.letter, d.number), d] as const));
  const links = new Map<string, RelatedLink<D>>();
  for (const link of target.related) {
    const other = byId.get(link.demand);
    if (other && link.demand !== targetId) links.set(link.demand, { demand: other, reason: link.reason });
  }
  for (const other of all) {
    const otherId = demandId(other.letter, other.number);
    if (otherId === targetId || links.has(otherId)) continue;
    const back = other.related.find((link) => link.demand === targetId);
    if (back) links.set(otherId, { demand: other, reason: back.reason });
  }
  return [...links.values()].sort(compareDemands);
}

function compareDemands<D extends DemandRef>(a: RelatedLink<D>, b: RelatedLink<D>): number {
  return a.demand.letter.localeCompare(b.demand.letter) || a.demand.number - b.demand.number;
}

/** Demands whose legal basis cites 第`article`条 of `reference`, with the reason each gives. */
export function demandsCitingArticle<D extends DemandRef>(reference: string, article: number, all: readonly D[]): RelatedLink<D>[] {
  const out: RelatedLink<D>[] = [];
  for (const demand of all) {
    const basis = demand.legalBasis.find((b) => b.reference === reference && b.article === article);
    if (basis) out.push({ demand, reason: basis.reason });
  }
  return out.sort(compareDemands);
}

/** Demands of one letter, in printed order. */
export function demandsOfLetter<D extends DemandRef>(letter: string, all: readonly D[]): D[] {
  return all.filter((d) => d.letter === letter).sort((a, b) => a.number - b.number);
}
