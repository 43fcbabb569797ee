/**
 * The content as search units, outside Astro's content layer: for the site's search index
 * (src/integrations/search-index.ts builds it in a worker thread while Astro renders the pages), the
 * bench and the tests. It reads through the content loader and check (src/lib/content/), the same
 * reading the collections publish, so the index holds exactly the published entries.
 */
import { checkContent } from '../content-check.ts';
import { buildSearchUnits, type LetterInput, type DemandInput, type ReferenceInput, type SearchUnit } from './units.ts';

interface ContentData {
  letters: LetterInput[];
  demands: DemandInput[];
  references: ReferenceInput[];
}

function readContent(root: string): ContentData {
  const content = checkContent(root);
  return {
    letters: [...content.letters].map(([slug, { body, data }]) => ({ slug, body, data })),
    demands: [...content.demands.values()].map(({ data, body }) => ({ ...data, body })),
    references: [...content.references].map(([id, { data }]) => ({ id, data })),
  };
}

export function readContentUnits(root: string): SearchUnit[] {
  const { letters, demands, references } = readContent(root);
  return buildSearchUnits(letters, demands, references);
}
