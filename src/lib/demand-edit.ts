/**
 * Edits a demand file for the organizers' command (scripts/demand.ts): checks a new history entry,
 * appends it to the `statusHistory` sequence with the `yaml` Document API, and proves that nothing
 * else in the file moved (comments, order, quoting, body). Pure functions over text; the command
 * adds the file system, the whole-content check and the atomic write.
 */
import { Document, parseDocument, isSeq, isScalar, Scalar, visit } from 'yaml';
import { HistoryEntrySchema, type HistoryEntry } from './schemas.ts';
import { STATUS_LIST, isStatusKey, isEventType, EVENT_TYPE_KEYS, EVENT_TYPES, type StatusKey } from './status.ts';
import { parseIsoDate } from './dates.ts';

export interface NewEntryInput {
  date?: string;
  type?: string;
  status?: string;
  summary?: string;
  counterpartyPosition?: string;
  assessment?: string;
  sources: { title?: string; url?: string }[];
}

export interface InputProblem {
  /** The command-line option at fault, e.g. --status. */
  option: string;
  message: string;
}

export const SUMMARY_MAX = 200;

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
  context: { today: string; latest?: { date: string; status: StatusKey } },
): { entry?: HistoryEntry; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const type = input.type ?? 'other';

  if (input.status === undefined || input.status === '')
    problems.push({ option: '--status', message: `状況を指定してください。使える値：${statusChoices()}` });
  else if (!isStatusKey(input.status))
    problems.push({
      option: '--status',
      message: `"${input.status}" という状況はありません。使える値：${statusChoices()}`,
    });

  if (!isEventType(type))
    problems.push({ option: '--type', message: `"${type}" という種類はありません。使える値：${typeChoices()}` });
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

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;
/** How the files are written: no folding of long lines, flow lists as ["a", "b"]. */
const TO_STRING = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

interface SplitFile {
  before: string;
  yaml: string;
  after: string;
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
  // Only edit files the library writes back unchanged; otherwise a hand-made layout could be lost.
  if (doc.toString(TO_STRING) !== `${yaml}\n`) {
    throw new DemandEditError(
      'このファイルの書き方は、ほかの行を変えずに自動で書き換えられません。ファイルを直接編集してください。',
    );
  }
  return doc;
}

/** Whether `after` is `before` with one block of text inserted and nothing else changed. */
export function isPureInsertion(before: string, after: string): boolean {
  if (after.length <= before.length) return false;
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  return after.endsWith(before.slice(prefix));
}

const QUOTED_FIELDS = new Set(['date', 'summary', 'counterpartyPosition', 'assessment', 'title']);

/** The entry as a YAML node, quoted like the hand-written entries (dates and texts in "…"). */
function entryNode(doc: Document, entry: HistoryEntry) {
  const plain: Record<string, unknown> = {
    date: entry.date,
    type: entry.type,
    status: entry.status,
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
  const { before, yaml, after } = splitFrontmatter(text);
  const doc = parseFrontmatter(yaml);
  const history = doc.get('statusHistory', true);
  if (!isSeq(history)) throw new DemandEditError('statusHistory（経過）の一覧が見つかりません。');
  history.items.push(entryNode(doc, entry));
  const result = `${before}${doc.toString(TO_STRING).replace(/\n$/, '')}${after}`;
  if (!isPureInsertion(text, result)) {
    throw new DemandEditError('経過を追加すると、ほかの行まで書き換わってしまいます。ファイルを直接編集してください。');
  }
  return result;
}

/** Sets `lastChecked` (the date an organizer last looked for news), changing only that line. */
export function setLastChecked(text: string, date: string): string {
  if (!parseIsoDate(date)) throw new DemandEditError(`${date} という日付は存在しません。`);
  const { before, yaml, after } = splitFrontmatter(text);
  const doc = parseFrontmatter(yaml);
  const node = doc.get('lastChecked', true);
  if (isScalar(node)) {
    node.value = date;
  } else {
    const scalar = new Scalar(date);
    scalar.type = Scalar.QUOTE_DOUBLE;
    doc.set('lastChecked', scalar);
  }
  const result = `${before}${doc.toString(TO_STRING).replace(/\n$/, '')}${after}`;
  const oldLines = text.split('\n');
  const newLines = result.split('\n');
  const changed = newLines.filter((line, i) => line !== oldLines[i]);
  const onlyThatLine = node
    ? oldLines.length === newLines.length && changed.every((line) => line.startsWith('lastChecked:'))
    : isPureInsertion(text, result);
  if (!onlyThatLine)
    throw new DemandEditError(
      'lastChecked を変えると、ほかの行まで書き換わってしまいます。ファイルを直接編集してください。',
    );
  return result;
}

/** The YAML lines an entry adds (as they appear under statusHistory), for --dry-run and messages. */
export function entryAsYaml(entry: HistoryEntry): string {
  const doc = new Document({ statusHistory: [] });
  const history = doc.get('statusHistory', true);
  if (isSeq(history)) history.items.push(entryNode(doc, entry));
  return doc.toString(TO_STRING).split('\n').slice(1).join('\n').replace(/\n$/, '');
}
