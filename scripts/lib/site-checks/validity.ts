/**
 * HTML validity and the document rules that come with it, by html-validate (a kept library) with its
 * recommended rules: content models and nesting, duplicate ids, attributes, alt text, landmarks, and
 * the heading structure (one h1, first; no level skipped; no empty heading). Two rules are off:
 */
import { HtmlValidate, type ConfigData } from 'html-validate';

const CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Heading structure as pages.ts checked it before: one <h1>, the first heading.
    'heading-level': ['error', { allowMultipleH1: false }],
    // Wide tables scroll in a focusable <div role="region" aria-labelledby=…> (the ARIA pattern for a
    // scrollable region); a <section> would add a landmark per table.
    'prefer-native-element': 'off',
    // Its 70-character limit is for Latin-script search results; Japanese titles carry the site's name.
    'long-title': 'off',
  },
};

const validator = new HtmlValidate(CONFIG);

/** Problems html-validate finds in one page, as `line:column rule: message` lines ([] when valid). */
export async function validateHtml(html: string, name: string): Promise<string[]> {
  const report = await validator.validateString(html, name);
  return report.results.flatMap((result) =>
    result.messages.map((m) => `${name}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
  );
}
