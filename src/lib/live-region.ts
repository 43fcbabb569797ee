/**
 * Announcing a message in a live region (role="status"), shared by the site's small scripts (the copy
 * button, the tracker's filters). The region is emptied first and filled a moment later, so that a
 * message equal to the previous one is announced again.
 */
interface LiveRegion {
  textContent: string | null;
}

export function announce(
  region: LiveRegion,
  message: string,
  schedule: (run: () => void, ms: number) => unknown = setTimeout,
  delayMs = 60,
): void {
  region.textContent = '';
  schedule(() => {
    region.textContent = message;
  }, delayMs);
}
