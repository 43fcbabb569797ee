/** /api/demands.csv: one row per demand, UTF-8 with a BOM so that Excel reads Japanese (src/lib/api.ts). */
import type { APIRoute } from 'astro';
import { routeData } from '../../lib/route-data.ts';
import { apiDemands, demandsCsv } from '../../lib/api.ts';
import { SITE_ORIGIN } from '../../lib/urls.ts';
import { todayInJapan } from '../../lib/dates.ts';

export const GET: APIRoute = async () => {
  const { letters, demands } = await routeData();
  const csv = demandsCsv(apiDemands(demands, letters, SITE_ORIGIN, todayInJapan()), letters);
  // Bytes, so that the byte-order mark is written exactly as is.
  return new Response(new TextEncoder().encode(csv), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
