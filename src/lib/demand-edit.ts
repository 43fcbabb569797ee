/**
 * Edits a demand file for the organizers' command (scripts/demand.ts): checks a new history entry,
 * appends it to the `statusHistory` sequence with the `yaml` Document API, and proves that nothing
 * else in the file moved (comments, order, quoting, body). Pure functions over text; the command
 * adds the file system, the whole-content check and the atomic write.
 */
import { Document, parseDocument, isSeq, isScalar, Scalar, visit } from 'yaml';
import { HistoryEntrySchema, type HistoryEntry } from './schemas.ts';
import {
  STATUS_LIST,
  STATUSES,
  isStatusKey,
  isEventType,
  EVENT_TYPE_KEYS,
  EVENT_TYPES,
  type StatusKey,
} from './status.ts';
import { parseIsoDate } from './dates.ts';

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

export const SUMMARY_MAX = 200;

/** Edit distance (insertions, deletions, substitutions, swaps of neighbours) between two short strings. */
export function editDistance(a: string, b: string): number {
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

function typeSuggestion(input: string): string {
  const key = nearestKey(input, TYPE_CHOICES);
  return key ? `${key}（${EVENT_TYPES[key]}）のことですか？ ` : '';
}

const statusChoices = (): string => STATUS_LIST.map((s) => `${s.key}（${s.ja}）`).join('、');
const typeChoices = (): string => EVENT_TYPE_KEYS.map((k) => `${k}（${EVENT_TYPES[k]}）`).join('、');

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * Checks a new entry as the build will (same schema) and against the demand's latest entry, and
 * explains each problem in Japanese with the option to fix. Returns the entry ready to write.
 */
export function validateNewEntry(
  input: NewEntryInput,
  context: { today: string; latest?: { date: string; status: StatusKey } | undefined },
): { entry?: HistoryEntry; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const type = input.type ?? 'other';

  if (input.status === undefined || input.status === '')
    problems.push({ option: '--status', message: `状況を指定してください。使える値：${statusChoices()}` });
  else if (!isStatusKey(input.status))
    problems.push({
      option: '--status',
      message: `"${input.status}" という状況はありません。${statusSuggestion(input.status)}使える値：${statusChoices()}`,
    });

  if (!isEventType(type))
    problems.push({
      option: '--type',
      message: `"${type}" という種類はありません。${typeSuggestion(type)}使える値：${typeChoices()}`,
    });
  else if (type === 'submitted' && isStatusKey(input.status) && input.status !== 'awaiting_response') {
    problems.push({
      option: '--status',
      message: `種類 submitted（要請書提出）の経過は、状況を awaiting_response（回答待ち）にします（"${input.status}" は使えません）。`,
    });
  }

  if (input.date === undefined || input.date === '')
    problems.push({ option: '--date', message: '日付を YYYY-MM-DD の形で指定してください（例：2019-08-20）。' });
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date))
    problems.push({
      option: '--date',
      message: `"${input.date}" は YYYY-MM-DD の形ではありません（例：2019-08-20）。`,
    });
  else if (!parseIsoDate(input.date))
    problems.push({ option: '--date', message: `${input.date} という日付は存在しません。` });
  else if (input.date > context.today)
    problems.push({
      option: '--date',
      message: `${input.date} は今日（${context.today}）より後です。出来事は起きてから記録してください。`,
    });
  else if (context.latest && input.date < context.latest.date) {
    problems.push({
      option: '--date',
      message: `${input.date} は、この要求の最新の経過（${context.latest.date}）より前です。経過は古い順に並べるので、コマンドでは最新の経過より前の日付は追加できません。ファイルを直接編集し、日付の順になる位置に入れてください。`,
    });
  }

  const summary = input.summary?.trim() ?? '';
  if (!summary)
    problems.push({ option: '--summary', message: '何があったかの要約（--summary "…"）を書いてください。' });
  else if (summary.length > SUMMARY_MAX)
    problems.push({
      option: '--summary',
      message: `要約は${SUMMARY_MAX}字以内にしてください（いま${summary.length}字）。`,
    });

  if (input.sources.length === 0) {
    problems.push({
      option: '--source-url',
      message:
        '出典を少なくとも1つ、--source-url と --source-title で指定してください。出典のない経過は記録できません。',
    });
  }
  input.sources.forEach((source, index) => {
    const which = input.sources.length > 1 ? `${index + 1}番目の出典：` : '';
    if (!source.url)
      problems.push({ option: '--source-url', message: `${which}出典の URL（--source-url）がありません。` });
    else if (!isHttpUrl(source.url))
      problems.push({
        option: '--source-url',
        message: `${which}"${source.url}" は http:// または https:// で始まる URL ではありません。`,
      });
    if (!source.title?.trim())
      problems.push({ option: '--source-title', message: `${which}出典の題名（--source-title）がありません。` });
  });

  for (const [option, value] of [
    ['--counterparty', input.counterpartyPosition],
    ['--assessment', input.assessment],
  ] as const) {
    if (value !== undefined && !value.trim())
      problems.push({ option, message: '空の文字列は指定できません。不要なら省いてください。' });
  }

  if (problems.length > 0) return { problems };

  const candidate = {
    date: input.date,
    type,
    status: input.status,
    // The day it reached the site orders the feed, so an event found late still reaches subscribers.
    ...(input.date !== undefined && input.date < context.today ? { recorded: context.today } : {}),
    summary,
    ...(input.counterpartyPosition ? { counterpartyPosition: input.counterpartyPosition.trim() } : {}),
    ...(input.assessment ? { assessment: input.assessment.trim() } : {}),
    sources: input.sources.map((s) => ({ title: s.title!.trim(), url: s.url! })),
  };
  // The build's own schema has the last word, so the command can never accept what the build refuses.
  const parsed = HistoryEntrySchema.safeParse(candidate);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        option: `statusHistory.${issue.path.join('.')}`,
        message: issue.message,
      })),
    };
  }
  return { entry: parsed.data, problems: [] };
}

export class DemandEditError extends Error {
  override name = 'DemandEditError';
}

const FRONTMATTER = /^---\n([\s\S]*?)\n---(?:\n|$)/;
/** How the files are written: no folding of long lines, flow lists as ["a", "b"]. */
const TO_STRING = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

interface SplitFile {
  before: string;
  yaml: string;
  after: string;
}

/**
 * How a file is stored, kept through an edit: a byte-order mark (Windows Notepad) and CRLF line ends
 * (Git for Windows checks files out that way by default). Edits are made on the plain text and the
 * file is written back the way it came.
 */
interface Storage {
  bom: boolean;
  crlf: boolean;
}

function unwrap(text: string): { plain: string; storage: Storage } {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  const crlf = body.includes('\r\n');
  return { plain: crlf ? body.replace(/\r\n/g, '\n') : body, storage: { bom, crlf } };
}

function wrap(plain: string, storage: Storage): string {
  return `${storage.bom ? '\uFEFF' : ''}${storage.crlf ? plain.replace(/\n/g, '\r\n') : plain}`;
}

function splitFrontmatter(text: string): SplitFile {
  const match = FRONTMATTER.exec(text);
  if (!match) throw new DemandEditError('ファイルの先頭に「---」で囲まれた項目（frontmatter）がありません。');
  const yaml = match[1]!;
  const start = match[0].indexOf(yaml);
  return { before: text.slice(0, start), yaml, after: text.slice(start + yaml.length) };
}

function parseFrontmatter(yaml: string): Document {
  const doc = parseDocument(yaml, { uniqueKeys: true });
  if (doc.errors.length > 0)
    throw new DemandEditError(`ファイルの YAML が壊れています：${doc.errors[0]!.message.split('\n')[0]}`);
  return doc;
}

/** Plain-data equality (what the build reads), ignoring key order. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** Column of an offset in a text (characters since the start of its line). */
const columnAt = (text: string, offset: number): number => offset - (text.lastIndexOf('\n', offset - 1) + 1);

/**
 * Edits the frontmatter of a demand file as text (never re-serializing what is there, so comments,
 * quoting and spacing stay), then proves the edit: the data read back must be exactly `expected`.
 */
function editFrontmatter(
  text: string,
  edit: (yaml: string, doc: Document) => string,
  expected: (data: Record<string, unknown>) => Record<string, unknown>,
  refusal: string,
): string {
  const { plain, storage } = unwrap(text);
  const { before, yaml, after } = splitFrontmatter(plain);
  const doc = parseFrontmatter(yaml);
  const edited = edit(yaml, doc);
  const reread = parseDocument(edited, { uniqueKeys: true });
  const want = expected(doc.toJS() as Record<string, unknown>);
  if (reread.errors.length > 0 || !sameData(reread.toJS(), want)) throw new DemandEditError(refusal);
  return wrap(`${before}${edited}${after}`, storage);
}

/** Whether `after` is `before` with one block of text inserted and nothing else changed. */
export function isPureInsertion(before: string, after: string): boolean {
  if (after.length <= before.length) return false;
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  return after.endsWith(before.slice(prefix));
}

const QUOTED_FIELDS = new Set(['date', 'recorded', 'summary', 'counterpartyPosition', 'assessment', 'title']);

/** The entry as a YAML node, quoted like the hand-written entries (dates and texts in "…"). */
function entryNode(doc: Document, entry: HistoryEntry) {
  const plain: Record<string, unknown> = {
    date: entry.date,
    type: entry.type,
    status: entry.status,
    ...(entry.recorded ? { recorded: entry.recorded } : {}),
    summary: entry.summary,
    ...(entry.counterpartyPosition ? { counterpartyPosition: entry.counterpartyPosition } : {}),
    ...(entry.assessment ? { assessment: entry.assessment } : {}),
    sources: entry.sources.map((s) => ({ title: s.title, url: s.url })),
  };
  const node = doc.createNode(plain);
  visit(node, {
    Pair(_key, pair) {
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      if (isScalar(pair.value) && typeof key === 'string' && QUOTED_FIELDS.has(key))
        pair.value.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return node;
}

/** Appends `entry` at the end of `statusHistory`, written like the entries already there. */
export function appendHistoryEntry(text: string, entry: HistoryEntry): string {
  const refusal = '経過を追加すると、ほかの行まで書き換わってしまいます。ファイルを直接編集してください。';
  const result = editFrontmatter(
    text,
    (yaml, doc) => {
      const history = doc.get('statusHistory', true);
      if (!isSeq(history)) throw new DemandEditError('statusHistory（経過）の一覧が見つかりません。');
      if (history.flow || !history.range || history.items.length === 0) {
        // `statusHistory: []` and other flow lists: written out by the library, checked below.
        history.items.push(entryNode(doc, entry));
        return doc.toString(TO_STRING).replace(/\n$/, '');
      }
      // A block list: the new item goes on the lines after the last item, at the list's own indent.
      const indent = ' '.repeat(columnAt(yaml, history.range[0]));
      const lines = entryAsYaml(entry)
        .split('\n')
        .map((line) => `${indent}${line.slice(2)}`)
        .join('\n');
      const end = history.range[1];
      const lineEnd = end > 0 && yaml[end - 1] === '\n' ? end - 1 : yaml.indexOf('\n', end);
      if (lineEnd === -1) return `${yaml}\n${lines}`;
      return `${yaml.slice(0, lineEnd + 1)}${lines}\n${yaml.slice(lineEnd + 1)}`;
    },
    (data) => ({ ...data, statusHistory: [...(data.statusHistory as unknown[]), entry] }),
    refusal,
  );
  if (!isPureInsertion(text, result)) throw new DemandEditError(refusal);
  return result;
}

/** Sets `lastChecked` (the date an organizer last looked for news), changing only that line. */
export function setLastChecked(text: string, date: string): string {
  if (!parseIsoDate(date)) throw new DemandEditError(`${date} という日付は存在しません。`);
  const refusal = 'lastChecked を変えると、ほかの行まで書き換わってしまいます。ファイルを直接編集してください。';
  let existed = false;
  const result = editFrontmatter(
    text,
    (yaml, doc) => {
      const node = doc.get('lastChecked', true);
      if (isScalar(node) && node.range) {
        existed = true;
        const quoted =
          node.type === Scalar.QUOTE_SINGLE ? `'${date}'` : node.type === Scalar.PLAIN ? date : `"${date}"`;
        return `${yaml.slice(0, node.range[0])}${quoted}${yaml.slice(node.range[1])}`;
      }
      if (node !== undefined) throw new DemandEditError(refusal);
      return `${yaml.replace(/\n*$/, '')}\nlastChecked: "${date}"`;
    },
    (data) => ({ ...data, lastChecked: date }),
    refusal,
  );
  const oldLines = text.split('\n');
  const newLines = result.split('\n');
  const changed = newLines.filter((line, i) => line !== oldLines[i]);
  const onlyThatLine = existed
    ? oldLines.length === newLines.length && changed.length === 1 && /^lastChecked:/.test(changed[0]!)
    : isPureInsertion(text, result);
  if (!onlyThatLine) throw new DemandEditError(refusal);
  return result;
}

/** The YAML lines an entry adds (as they appear under statusHistory), for --dry-run and messages. */
export function entryAsYaml(entry: HistoryEntry): string {
  const doc = new Document({ statusHistory: [] });
  const history = doc.get('statusHistory', true);
  if (isSeq(history)) history.items.push(entryNode(doc, entry));
  return doc.toString(TO_STRING).split('\n').slice(1).join('\n').replace(/\n$/, '');
}
