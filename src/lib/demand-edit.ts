/**
 * Edits a demand file for the organizers' command (scripts/demand.ts): turns the command's options into
 * a history entry, inserts it where its date belongs, and writes the file through the one writer
 * (src/lib/content-writer.ts, shared with the editor), which changes only the new entry's lines. The
 * rules an entry must follow are the content check's: the command runs the check on the edited file and
 * maps its findings back onto its own options (`optionForField`). Pure functions over text; the command
 * adds the file system, the check and the atomic write.
 */
import { Document, isSeq, isScalar, Scalar, visit } from 'yaml';
import type { HistoryEntry } from './schemas.ts';
import type { ContentProblem } from './content/files.ts';
import { STATUS_LIST, STATUSES, EVENT_TYPE_KEYS, EVENT_TYPES } from './status.ts';
import { textProblem } from './content/text-rules.ts';
import { YAML_WRITE_OPTIONS } from './content-format.ts';
import { ContentWriteError, parseContentFile, recordedFor, writeContentFile, type Data } from './content-writer.ts';

export interface NewEntryInput {
  date?: string | undefined;
  type?: string | undefined;
  status?: string | undefined;
  summary?: string | undefined;
  counterpartyPosition?: string | undefined;
  assessment?: string | undefined;
  sources: { title?: string | undefined; url?: string | undefined }[];
}

export interface InputProblem {
  /** The command-line option at fault, e.g. --status. */
  option: string;
  message: string;
}

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours) between two short strings. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  return d[a.length]![b.length]!;
}

/**
 * The key an organizer most likely meant: the same key written another way (capitals, `-` or a space
 * for `_`), the key whose Japanese label was typed, or the nearest key by edit distance when it is close
 * (at most a third of the key's length, and at least 2). Undefined when nothing is close.
 */
export function nearestKey<K extends string>(input: string, choices: readonly { key: K; ja: string }[]): K | undefined {
  const typed = input
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '_');
  const exact = choices.find((c) => c.key === typed || c.ja === input.trim());
  if (exact) return exact.key;
  let best: { key: K; distance: number } | undefined;
  for (const { key } of choices) {
    const distance = editDistance(typed, key);
    if (!best || distance < best.distance) best = { key, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(best.key.length / 3)) ? best.key : undefined;
}

const STATUS_CHOICES = STATUS_LIST.map((s) => ({ key: s.key, ja: s.ja }));
const TYPE_CHOICES = EVENT_TYPE_KEYS.map((key) => ({ key, ja: EVENT_TYPES[key] }));

/** 「stalled（進展なし）のことですか？」 for a mistyped status, or ''. */
export function statusSuggestion(input: string): string {
  const key = nearestKey(input, STATUS_CHOICES);
  return key ? `${key}（${STATUSES[key].ja}）のことですか？ ` : '';
}

/** 「response（回答）のことですか？」 for a mistyped event type, or ''. */
function typeSuggestion(input: string): string {
  const key = nearestKey(input, TYPE_CHOICES);
  return key ? `${key}（${EVENT_TYPES[key]}）のことですか？ ` : '';
}

const statusChoices = (): string => STATUS_LIST.map((s) => `${s.key}（${s.ja}）`).join('、');
const typeChoices = (): string => EVENT_TYPE_KEYS.map((k) => `${k}（${EVENT_TYPES[k]}）`).join('、');

/** The entry's field each option fills, in the order the options are explained. */
const OPTION_OF_FIELD: Record<string, string> = {
  date: '--date',
  recorded: '--date',
  type: '--type',
  status: '--status',
  summary: '--summary',
  counterpartyPosition: '--counterparty',
  assessment: '--assessment',
  sources: '--source-url',
  url: '--source-url',
  title: '--source-title',
};

/**
 * The option a finding of the content check is about, when it is about the entry at `index` of
 * `statusHistory` (e.g. `statusHistory[3].sources[0].url` → `--source-url`); undefined otherwise.
 */
export function optionForField(field: string, index: number): string | undefined {
  const match = /^statusHistory\[(\d+)\](?:\.(\w+))?(?:\[\d+\])?(?:\.(\w+))?/.exec(field);
  if (!match || Number(match[1]) !== index) return undefined;
  const [, , key, inner] = match;
  return OPTION_OF_FIELD[inner ?? key ?? ''] ?? (key ? undefined : '--date');
}

/** What the check says about an option's value, with the command's own hint (the nearest key, the choices). */
function explainFinding(option: string, message: string, value: string | undefined): string {
  const said = message.replace(/。?$/, '。');
  const choices = (list: string): string => (message.includes('使える値') ? '' : `使える値：${list}`);
  if (option === '--status' && value !== undefined && !STATUS_LIST.some((s) => s.key === value))
    return `${said}${statusSuggestion(value)}${choices(statusChoices())}`.trim();
  if (option === '--type' && value !== undefined && !EVENT_TYPE_KEYS.some((k) => k === value))
    return `${said}${typeSuggestion(value)}${choices(typeChoices())}`.trim();
  return message;
}

/**
 * The check's findings on a demand file with a new entry at `index`, split into findings about the
 * entry (as problems of the options that filled it, with the command's hints) and the others.
 */
export function mapFindings(
  found: readonly ContentProblem[],
  file: string,
  index: number,
  values: { status?: string | undefined; type?: string | undefined },
): { mapped: InputProblem[]; other: ContentProblem[] } {
  const mapped: InputProblem[] = [];
  const other: ContentProblem[] = [];
  const valueOf: Record<string, string | undefined> = { '--status': values.status, '--type': values.type };
  for (const problem of found) {
    const option = problem.file === file ? optionForField(problem.field, index) : undefined;
    if (option) mapped.push({ option, message: explainFinding(option, problem.message, valueOf[option]) });
    else other.push(problem);
  }
  return { mapped, other };
}

/**
 * The entry the options describe, in the files' key order, and what is missing from the options
 * themselves. Values are not judged here: the content check judges the file with the entry in it.
 * Pasted control characters are refused here, by the check's own character rule, because the YAML
 * writer would otherwise write them as escapes ("\v") that the file's text no longer shows.
 */
export function entryFromInput(input: NewEntryInput, today: string): { entry: HistoryEntry; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  if (!input.status)
    problems.push({ option: '--status', message: `状況を指定してください。使える値：${statusChoices()}` });
  if (!input.date)
    problems.push({ option: '--date', message: '日付を YYYY-MM-DD の形で指定してください（例：2019-08-20）。' });
  if (!input.summary?.trim())
    problems.push({ option: '--summary', message: '何があったかの要約（--summary "…"）を書いてください。' });
  if (input.sources.length === 0)
    problems.push({
      option: '--source-url',
      message:
        '出典を少なくとも1つ、--source-url と --source-title で指定してください。出典のない経過は記録できません。',
    });
  input.sources.forEach((source, index) => {
    const which = input.sources.length > 1 ? `${index + 1}番目の出典：` : '';
    if (!source.url)
      problems.push({ option: '--source-url', message: `${which}出典の URL（--source-url）がありません。` });
    if (!source.title?.trim())
      problems.push({ option: '--source-title', message: `${which}出典の題名（--source-title）がありません。` });
  });
  const values: [string, string | undefined][] = [
    ['--status', input.status],
    ['--date', input.date],
    ['--type', input.type],
    ['--summary', input.summary],
    ['--counterparty', input.counterpartyPosition],
    ['--assessment', input.assessment],
    ...input.sources.flatMap((s): [string, string | undefined][] => [
      ['--source-url', s.url],
      ['--source-title', s.title],
    ]),
  ];
  for (const [option, value] of values) {
    const bad = value === undefined ? null : textProblem(value);
    if (bad)
      problems.push({
        option,
        message: `${bad.message.replace(/その行を打ち直してください$/, '')}打ち直してください。`,
      });
  }
  const date = input.date ?? '';
  const recorded = recordedFor(date, today);
  const entry = {
    date,
    type: input.type ?? 'other',
    status: input.status ?? '',
    ...(recorded ? { recorded } : {}),
    summary: input.summary?.trim() ?? '',
    ...(input.counterpartyPosition !== undefined ? { counterpartyPosition: input.counterpartyPosition.trim() } : {}),
    ...(input.assessment !== undefined ? { assessment: input.assessment.trim() } : {}),
    sources: input.sources.map((s) => ({ title: s.title?.trim() ?? '', url: s.url ?? '' })),
  } as HistoryEntry;
  return { entry, problems };
}

export { ContentWriteError as DemandEditError };

/**
 * Where an entry dated `date` goes in a history (oldest first): after every entry of an earlier or the
 * same date, since file order is the explicit order of same-day events. At the end for a date that is
 * not a date (the check then names it).
 */
export function insertionIndex(history: readonly { date: string }[], date: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return history.length;
  let index = history.length;
  while (index > 0 && history[index - 1]!.date > date) index--;
  return index;
}

/** The demand file with `entry` inserted in `statusHistory` where its date belongs, and where that is. */
export function insertHistoryEntry(text: string, entry: HistoryEntry): { text: string; index: number } {
  const { data } = parseContentFile(text, true);
  const history = data.statusHistory;
  if (!Array.isArray(history)) throw new ContentWriteError('statusHistory（経過）の一覧が見つかりません。');
  const index = insertionIndex(history as { date: string }[], entry.date);
  const next: Data = { ...data, statusHistory: history.toSpliced(index, 0, entry) };
  return { text: writeContentFile(text, { markdown: true, data: next }), index };
}

/** Appends `entry` at the end of `statusHistory` (a test of the writer: the command inserts by date). */
export function appendHistoryEntry(text: string, entry: HistoryEntry): string {
  const { data } = parseContentFile(text, true);
  if (!Array.isArray(data.statusHistory)) throw new ContentWriteError('statusHistory（経過）の一覧が見つかりません。');
  return writeContentFile(text, { markdown: true, data: { ...data, statusHistory: [...data.statusHistory, entry] } });
}

/** Whether `after` is `before` with one block of text inserted and nothing else changed. */
export function isPureInsertion(before: string, after: string): boolean {
  if (after.length <= before.length) return false;
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  return after.endsWith(before.slice(prefix));
}

/** Sets `lastChecked` (the date an organizer last looked for news), changing only that value. */
export function setLastChecked(text: string, date: string): string {
  const { data } = parseContentFile(text, true);
  return writeContentFile(text, { markdown: true, data: { ...data, lastChecked: date } });
}

const QUOTED_FIELDS = new Set(['date', 'recorded', 'summary', 'counterpartyPosition', 'assessment', 'title']);

/** The YAML lines an entry adds (as they appear under statusHistory), for --dry-run and messages. */
export function entryAsYaml(entry: HistoryEntry): string {
  const doc = new Document({ statusHistory: [entry] });
  visit(doc, {
    Pair(_key, pair) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (isScalar(pair.value) && typeof key === 'string' && QUOTED_FIELDS.has(key))
        pair.value.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const history = doc.get('statusHistory', true);
  if (!isSeq(history)) return '';
  return doc.toString(YAML_WRITE_OPTIONS).split('\n').slice(1).join('\n').replace(/\n$/, '');
}

/**
 * Terminal control characters (C0/C1 except tab and newline, DEL, bidi controls) written as visible
 * `\u001B`-style escapes, so that text from content/ printed by the command (a shortTitle holding an
 * escape sequence, say) can neither retitle nor recolour the organizer's terminal.
 */
export function forTerminal(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
