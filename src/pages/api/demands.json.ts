/** /api/demands.json: every demand with its derived status and sourced history (src/lib/api.ts). */
import type { APIRoute } from 'astro';
import { routeData } from '../../lib/route-data.ts';
import { apiDemands } from '../../lib/api.ts';
import { SITE_ORIGIN } from '../../lib/urls.ts';
import { todayInJapan } from '../../lib/dates.ts';

export const GET: APIRoute = async () => {
  const { letters, demands } = await routeData();
  const body = apiDemands(demands, letters, SITE_ORIGIN, todayInJapan());
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
