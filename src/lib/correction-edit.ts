/**
 * Adds one correction (訂正履歴, CorrectionSchema) to a content file: the file's `corrections` list
 * gets one more item, written by the one writer (src/lib/content-writer.ts), which changes nothing else
 * and proves it. Used by `npm run correction -- add` (scripts/correction.ts).
 */
import type { Correction } from './schemas.ts';
import { ContentWriteError, parseContentFile, writeContentFile } from './content-writer.ts';

export class CorrectionEditError extends Error {
  override name = 'CorrectionEditError';
}

const FIELDS = ['date', 'location', 'before', 'after', 'reason'] as const;

/** The YAML lines of one correction as an item of `corrections:` at `indent` (for --dry-run). */
export function correctionAsYaml(correction: Correction, indent = '  '): string {
  return FIELDS.map(
    (field, i) => `${indent}${i === 0 ? '- ' : '  '}${field}: ${JSON.stringify(correction[field])}`,
  ).join('\n');
}

/** Appends `correction` to a content file's text: a YAML file, or the frontmatter of a .md/.mdx file. */
export function appendCorrection(text: string, correction: Correction, markdown: boolean): string {
  try {
    const { data } = parseContentFile(text, markdown);
    const list = data['corrections'] ?? [];
    if (!Array.isArray(list))
      throw new CorrectionEditError('corrections（訂正履歴）が一覧になっていません。ファイルを直接直してください。');
    const item = Object.fromEntries(FIELDS.map((field) => [field, correction[field]]));
    return writeContentFile(text, { markdown, data: { ...data, corrections: [...list, item] } });
  } catch (error) {
    if (error instanceof ContentWriteError) throw new CorrectionEditError(error.message);
    throw error;
  }
}
