// The site's Content-Security-Policy, in one place: Base.astro writes it into every page's <meta>, and the
// deploy headers (public/_headers) repeat it with the directives a <meta> cannot carry (frame-ancestors).
// Only the site's own resources; JSON-LD is a data block and is not executed. No inline scripts, styles or
// event handlers; no embeds. e2e/meta.test.ts and e2e/privacy.test.ts hold the built pages to that.
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";
