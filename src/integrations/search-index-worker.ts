/**
 * Builds the search index in a worker thread, from the content files (same schemas and units as the
 * pages), so that lunr's indexing runs on another core while Astro renders the pages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readContentUnits } from '../lib/search/content-units.ts';
import { buildSearchIndex } from '../lib/search/build.ts';

const { root } = workerData as { root: string };
const built = buildSearchIndex(readContentUnits(root));
parentPort!.postMessage({ files: [...built.files], stats: built.stats });
