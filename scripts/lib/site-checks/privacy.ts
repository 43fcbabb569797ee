/** Which requests leave the site: anything not on the site's own origin, except local data. */

/** Schemes that never touch the network. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/** Whether a request URL stays on the site (or never leaves the browser). */
export function isFirstParty(url: string, siteOrigin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
  return parsed.origin === new URL(siteOrigin).origin;
}

export interface RecordedRequest {
  url: string;
  resourceType: string;
  /** Page (URL path) that made it. */
  page: string;
}

/** The requests that would have gone to other origins. */
export function thirdPartyRequests(requests: readonly RecordedRequest[], siteOrigin: string): RecordedRequest[] {
  return requests.filter((request) => !isFirstParty(request.url, siteOrigin));
}
