// decap-cms-locales ships no types: each locale is an object of interface phrases.
declare module 'decap-cms-locales' {
  export const ja: Record<string, unknown>;
  export const en: Record<string, unknown>;
}
// The locales' sources (ES modules, importable outside a browser: tests/cms-locale.test.ts).
declare module 'decap-cms-locales/src/en/index.js' {
  const phrases: Record<string, unknown>;
  export default phrases;
}
declare module 'decap-cms-locales/src/ja/index.js' {
  const phrases: Record<string, unknown>;
  export default phrases;
}
