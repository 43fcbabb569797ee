// The site's Content-Security-Policy, in one place: Base.astro writes it into every page's <meta>, and the
// deploy headers (_headers, written into the build by src/lib/deploy-headers.ts) repeat it with the directives a <meta> cannot carry (frame-ancestors).
// Only the site's own resources; JSON-LD is a data block and is not executed. No inline scripts, styles or
// event handlers; no embeds. e2e/meta.test.ts and e2e/privacy.test.ts hold the built pages to that.
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

/**
 * The policy of the embed pages (/embed/…), which other sites frame: no script at all, only the site's
 * own stylesheet and images (the status badge). Its deploy header adds frame-ancestors * (any site may
 * frame them: src/lib/deploy-headers.ts); every other page keeps frame-ancestors 'none'.
 */
export const EMBED_CSP =
  "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'none'";

/** The folder of the embed pages at the top of the build (the only pages other sites may frame). */
export const EMBED_DIR = 'embed';

/**
 * Where the editor at /admin/ may connect: the local backend of `npm run edit` (decap-server on this
 * machine, port 8081 or CMS_PORT), and GitHub's API.
 */
const CMS_CONNECT = ['http://localhost:*', 'https://api.github.com'] as const;

// The editor's own policy, for /admin/ alone (its page carries it; public pages keep PAGE_CSP).
// Measured in Chromium: Decap validates its config with ajv, which compiles validators with
// new Function (script-src needs 'unsafe-eval'), and its React UI injects styles at run time (emotion:
// style-src 'unsafe-inline'). Scripts still come only from this site. Images: GitHub avatars.
export const ADMIN_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https://avatars.githubusercontent.com",
  "font-src 'self' data:",
  `connect-src 'self' ${CMS_CONNECT.join(' ')}`,
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
