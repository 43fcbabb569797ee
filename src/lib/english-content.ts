/**
 * The entries the English pages render, read from Astro's collections here (pages only render):
 * letters with their slugs, demands, timeline events and references.
 */
import { getCollection } from 'astro:content';

export async function englishContent() {
  const [letters, demands, events, references] = await Promise.all([
    getCollection('letters'),
    getCollection('demands'),
    getCollection('timeline'),
    getCollection('references'),
  ]);
  return {
    letters: letters.map((l) => ({ slug: l.id, ...l.data })),
    demands: demands.map((d) => d.data),
    events: events.map((e) => ({ id: e.id, ...e.data })),
    references: references.map((r) => ({ id: r.id, data: r.data })),
  };
}
