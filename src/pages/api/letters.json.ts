/** /api/letters.json: the letters with their demands' current status (src/lib/api.ts). */
import type { APIRoute } from 'astro';
import { routeData } from '../../lib/route-data.ts';
import { apiLetters } from '../../lib/api.ts';
import { SITE_ORIGIN } from '../../lib/urls.ts';

export const GET: APIRoute = async () => {
  const { letters, demands } = await routeData();
  const body = apiLetters(letters, demands, SITE_ORIGIN);
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
