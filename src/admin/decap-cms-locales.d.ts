// decap-cms-locales ships no types: each locale is an object of interface phrases.
declare module 'decap-cms-locales' {
  export const ja: Record<string, unknown>;
  export const en: Record<string, unknown>;
}
