/**
 * Adds one correction (訂正履歴, CorrectionSchema) to a content file as text: the new item goes after
 * the file's `corrections` list (or a new list at the end of the YAML), written like the hand-written
 * ones, and nothing else in the file changes. Used by `npm run correction -- add` (scripts/correction.ts).
 */
import { parseDocument, isSeq } from 'yaml';
import type { Correction } from './schemas.ts';

export class CorrectionEditError extends Error {
  override name = 'CorrectionEditError';
}

const FRONTMATTER = /^(\uFEFF?---\r?\n)([\s\S]*?\r?\n)(---(?:\r?\n|$)[\s\S]*)$/;
const FIELDS = ['date', 'location', 'before', 'after', 'reason'] as const;

/** The YAML lines of one correction as an item of `corrections:` at `indent`. */
export function correctionAsYaml(correction: Correction, indent = '  '): string {
  return FIELDS.map(
    (field, i) => `${indent}${i === 0 ? '- ' : '  '}${field}: ${JSON.stringify(correction[field])}`,
  ).join('\n');
}

/** Appends `correction` to the YAML text `yaml` (a whole .yaml file or a frontmatter). */
function appendToYaml(yaml: string, correction: Correction): string {
  const doc = parseDocument(yaml, { uniqueKeys: true });
  if (doc.errors.length > 0)
    throw new CorrectionEditError(`ファイルの YAML が壊れています：${doc.errors[0]!.message.split('\n')[0]}`);
  const list = doc.get('corrections', true);
  let edited: string;
  if (list === undefined) {
    edited = `${yaml.replace(/\n*$/, '\n')}corrections:\n${correctionAsYaml(correction)}\n`;
  } else if (isSeq(list) && list.range && !list.flow && list.items.length > 0) {
    const start = list.range[0];
    const indent = ' '.repeat(start - (yaml.lastIndexOf('\n', start - 1) + 1));
    const end = list.range[1];
    const lineEnd = end > 0 && yaml[end - 1] === '\n' ? end - 1 : yaml.indexOf('\n', end);
    const lines = correctionAsYaml(correction, indent);
    edited =
      lineEnd === -1 ? `${yaml}\n${lines}\n` : `${yaml.slice(0, lineEnd + 1)}${lines}\n${yaml.slice(lineEnd + 1)}`;
  } else if (isSeq(list) && list.range && list.flow && list.items.length === 0) {
    // `corrections: []`: the empty list becomes a block list.
    const before = yaml.slice(0, list.range[0]).replace(/[ \t]+$/, '');
    const after = yaml.slice(list.range[1]).replace(/^[ \t]*\n?/, '');
    edited = `${before}\n${correctionAsYaml(correction)}\n${after}`;
  } else {
    throw new CorrectionEditError('corrections（訂正履歴）の書き方が読み取れません。ファイルを直接編集してください。');
  }
  const reread = parseDocument(edited, { uniqueKeys: true });
  const items = reread.toJS()?.corrections as unknown[] | undefined;
  const last = items?.at(-1) as Record<string, unknown> | undefined;
  const previous = (doc.toJS()?.corrections as unknown[] | undefined) ?? [];
  if (
    reread.errors.length > 0 ||
    !items ||
    items.length !== previous.length + 1 ||
    FIELDS.some((field) => last?.[field] !== correction[field])
  )
    throw new CorrectionEditError(
      '訂正を追加すると、ほかの行まで書き換わってしまいます。ファイルを直接編集してください。',
    );
  return edited;
}

/** Appends `correction` to a content file's text: a YAML file, or the frontmatter of a .md/.mdx file. */
export function appendCorrection(text: string, correction: Correction, markdown: boolean): string {
  const crlf = text.includes('\r\n');
  const plain = crlf ? text.replace(/\r\n/g, '\n') : text;
  let result: string;
  if (markdown) {
    const match = FRONTMATTER.exec(plain);
    if (!match) throw new CorrectionEditError('ファイルの先頭に「---」で囲まれた項目（frontmatter）がありません。');
    result = `${match[1]}${appendToYaml(match[2]!, correction)}${match[3]}`;
  } else {
    result = appendToYaml(plain, correction);
  }
  return crlf ? result.replace(/\n/g, '\r\n') : result;
}
