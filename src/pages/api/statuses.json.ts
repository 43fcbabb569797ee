/** /api/statuses.json: the status keys, labels and definitions, and the event types (src/lib/status.ts). */
import type { APIRoute } from 'astro';
import { apiStatuses } from '../../lib/api.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(apiStatuses(), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
