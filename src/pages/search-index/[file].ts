/**
 * /search-index/<file>: the search index, built once per site build from the content collections
 * (src/lib/search/build.ts) and written as static files. Only the search page fetches them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { buildSearchUnits } from '../../lib/search/units.ts';
import { buildSearchIndex, type BuiltIndex } from '../../lib/search/build.ts';

let built: Promise<BuiltIndex> | undefined;

function siteIndex(): Promise<BuiltIndex> {
  built ??= (async () => {
    const letters = (await getCollection('letters')).map((entry) => ({ slug: entry.id, body: entry.body ?? '', data: entry.data }));
    const demands = (await getCollection('demands')).map((entry) => entry.data);
    const references = (await getCollection('references')).map((entry) => ({ id: entry.id, data: entry.data }));
    return buildSearchIndex(buildSearchUnits(letters, demands, references));
  })();
  return built;
}

export const getStaticPaths = (async () => {
  const { files } = await siteIndex();
  return [...files.keys()].map((file) => ({ params: { file } }));
}) satisfies GetStaticPaths;

const TYPES: Record<string, string> = { json: 'application/json; charset=utf-8', bin: 'application/octet-stream' };

export const GET: APIRoute = async ({ params }) => {
  const file = String(params.file);
  const bytes = (await siteIndex()).files.get(file);
  if (!bytes) return new Response('Not found', { status: 404 });
  return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream' } });
};
