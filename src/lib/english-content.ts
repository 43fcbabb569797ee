/**
 * The entries the English pages render: the build's route data (route-data.ts reads the collections
 * once per build), in the shapes src/lib/english.ts takes.
 */
import { routeData } from './route-data.ts';

export async function englishContent() {
  const data = await routeData();
  return { letters: data.letters, demands: data.demands, events: data.events };
}
