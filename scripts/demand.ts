// The organizers' command: records what happened to a demand, lists demands with their status, and
// notes when a demand was last checked. Validates exactly as the build does (checkContent on the content
// with the edited file's new text in memory, its findings mapped onto the options) and writes through
// the one writer (src/lib/content-writer.ts) atomically; on any problem nothing is written. Everything it
// prints is Japanese, and text from content/ is printed with terminal control characters made visible.
//
//   npm run demand -- list [--status <key>] [--json]
//   npm run demand -- add <letter-slug>/<n> --status <key> --date YYYY-MM-DD --summary "…" \
//       --source-url URL --source-title "…" [--type <type>] [--counterparty "…"] [--assessment "…"] [--dry-run]
//   npm run demand -- checked <letter-slug>/<n>… | --all [--date YYYY-MM-DD]
//   npm run demand -- help
// Every command takes --root <dir> to work on another copy of the project (to try a change safely).
import { parseArgs } from 'node:util';
import {
  existsSync,
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  lstatSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import {
  checkContent,
  formatField,
  formatProblem,
  type ContentProblem,
  type ContentSet,
} from '../src/lib/content-check.ts';
import {
  entryAsYaml,
  entryFromInput,
  insertHistoryEntry,
  mapFindings,
  setLastChecked,
  statusSuggestion,
  forTerminal,
  DemandEditError,
  type InputProblem,
} from '../src/lib/demand-edit.ts';
import { currentStatus, lastUpdated } from '../src/lib/history.ts';
import {
  STATUS_LIST,
  STATUSES,
  EVENT_TYPES,
  EVENT_TYPE_GUIDANCE_JA,
  EVENT_TYPE_KEYS,
  HISTORY_FIELD_LABELS,
  isStatusKey,
} from '../src/lib/status.ts';
import { parseDemandId, demandId } from '../src/lib/urls.ts';
import { addresseeShort, labelInText } from '../src/lib/letters.ts';
import { parseIsoDate, todayInJapan } from '../src/lib/dates.ts';
import { listContentFiles } from '../src/lib/content/files.ts';

const USAGE = `使い方（npm run demand -- の後に続けます）:

  list [--status <状況>] [--json]
      すべての要求と、いまの状況・最終更新日・最終確認日を表示します。

  add <要請書>/<番号> --status <状況> --date YYYY-MM-DD --summary "要約"
      --source-url URL --source-title "出典の題名" [--type <種類>]
      [--counterparty "${HISTORY_FIELD_LABELS.counterpartyPosition}"] [--assessment "${HISTORY_FIELD_LABELS.assessment}"] [--dry-run]
      要求の経過（statusHistory）に1件追加します。日付の順になる位置に入れます（同じ日付の
      経過があれば、その後ろ）。今日より前の日付なら、記録した日（recorded）に今日を書きます。
      出典は --source-url と --source-title を組にして、何組でも指定できます。
      --dry-run は確認だけで書き込みません。

  checked <要請書>/<番号>… | --all [--date YYYY-MM-DD]
      新しい動きがないか確認した日（lastChecked）を記録します（既定は今日）。

例:
  npm run demand -- add 2019-07-23-soumu/2 --type response --status responded --date 2019-08-20 \\
    --summary "総務省が文書で回答した。" --source-url https://example.org/news/1 --source-title "回答書"

状況（--status）:
${STATUS_LIST.map((s) => `  ${s.key.padEnd(19)}${s.ja}：${s.definitionJa}`).join('\n')}

種類（--type、省略時は other）:
${EVENT_TYPE_KEYS.map((k) => `  ${k.padEnd(19)}${EVENT_TYPES[k]}：${EVENT_TYPE_GUIDANCE_JA[k]}`).join('\n')}

くわしくはサイトの「記録のしかた」（/guide/）を見てください。`;

class CommandError extends Error {
  override name = 'CommandError';
  readonly lines: string[];
  readonly exitCode: number;
  constructor(message: string, lines: string[] = [], exitCode = 1) {
    super(message);
    this.lines = lines;
    this.exitCode = exitCode;
  }
}

const UNCHANGED = 'ファイルは変更していません。';

/** Prints to the terminal, text from content/ included, with its control characters made visible. */
const say = (text: string): void => console.log(forTerminal(text));
const warn = (text: string): void => console.error(forTerminal(text));

/** Columns a text takes in a terminal (East Asian wide characters take two). */
const displayWidth = (text: string): number =>
  [...text].reduce(
    (width, char) =>
      width +
      (/[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u.test(
        char,
      )
        ? 2
        : 1),
    0,
  );
const padTo = (text: string, width: number): string => text + ' '.repeat(Math.max(1, width - displayWidth(text)));

const OPTIONS = {
  status: { type: 'string' },
  date: { type: 'string' },
  summary: { type: 'string' },
  type: { type: 'string' },
  counterparty: { type: 'string' },
  assessment: { type: 'string' },
  'source-url': { type: 'string', multiple: true },
  'source-title': { type: 'string', multiple: true },
  'dry-run': { type: 'boolean' },
  all: { type: 'boolean' },
  json: { type: 'boolean' },
  root: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const FORGOT_DASHES = 'npm run demand の後の「--」が抜けているようです。';

/**
 * `npm run demand add … --status x` (without `--`) hands the options to npm, which keeps them as its
 * own settings (npm_config_status=true…) and passes only the values on. Those options, if any.
 */
function optionsTakenByNpm(argv: string[]): string[] {
  if (process.env.npm_lifecycle_event !== 'demand') return [];
  return Object.keys(OPTIONS).filter(
    (name) => process.env[`npm_config_${name.replace(/-/g, '_')}`] !== undefined && !argv.includes(`--${name}`),
  );
}

function forgotDashes(options: string[]): CommandError {
  return new CommandError(
    `${FORGOT_DASHES}「--」がないと、npm が ${options.map((o) => `--${o}`).join('、')} を自分の設定として受け取ってしまい、このコマンドには値だけが届きます。`,
    [
      '「npm run demand」と「add」などの間に「--」を入れて、もう一度実行してください。例：',
      'npm run demand -- add 2019-07-23-soumu/2 --status responded --date 2019-08-20 --summary "…" --source-url https://… --source-title "…"',
    ],
    2,
  );
}

function parse(argv: string[]) {
  const taken = optionsTakenByNpm(argv);
  if (taken.length > 0) throw forgotDashes(taken);
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message);
    const noValue = /Option '([^']+)' does not take an argument/.exec(message);
    // Node's own wording is English: only its names are kept.
    const detail = unknown
      ? `${unknown[1]} というオプションはありません。`
      : missing
        ? `${missing[1]} の後に値を書いてください。`
        : noValue
          ? `${noValue[1]} には値を付けません（${noValue[1]} だけを書きます）。`
          : 'オプションの書き方が正しくありません。';
    throw new CommandError(detail, ['`npm run demand -- help` で使い方を表示します。'], 2);
  }
}

interface DemandFile {
  id: string;
  path: string;
  file: string;
}

/**
 * Refuses when the file or any folder from content/ down to it is a symbolic link: writing through a
 * link would change a file outside the project (or another copy of it) without anyone seeing it.
 */
function refuseSymlinks(root: string, path: string): void {
  const parts = relative(root, path).split(sep);
  for (let i = 1; i <= parts.length; i++) {
    const part = parts.slice(0, i).join('/');
    let link = false;
    try {
      link = lstatSync(join(root, part)).isSymbolicLink();
    } catch {
      continue;
    }
    if (link)
      throw new CommandError(`${part} はシンボリックリンクです。このコマンドはリンクを通して書き込みません。`, [
        `リンク先が別の場所のファイルを書き換えてしまうためです。リンクをやめて、ファイルそのものを ${part} に置いてから実行してください。`,
      ]);
  }
}

/** Finds a demand's file from `<letter-slug>/<n>`, or explains what exists. */
function locateDemand(root: string, id: string | undefined): DemandFile {
  if (!id)
    throw new CommandError(
      'どの要求かを <要請書>/<番号> の形で指定してください（例：2019-07-23-soumu/2）。',
      ['`npm run demand -- list` で要求の一覧を表示します。'],
      2,
    );
  const parsed = parseDemandId(id);
  if (!parsed)
    throw new CommandError(`"${id}" は <要請書>/<番号> の形ではありません（例：2019-07-23-soumu/2）。`, [
      '`npm run demand -- list` で要求の一覧を表示します。',
    ]);
  // No link on the way to the letter's folder (content/, letters/, the folder itself), then the file.
  refuseSymlinks(root, join(root, 'content', 'letters', parsed.letter));
  // The loader's own listing: the command edits exactly the files the build publishes (.md or .mdx).
  const { files } = listContentFiles(root);
  if (!files.some((f) => f.kind === 'letters' && f.id === parsed.letter)) {
    const letters = files.filter((f) => f.kind === 'letters').map((f) => f.id);
    throw new CommandError(`要請書 "${parsed.letter}" はありません。`, [`ある要請書：${letters.join('、') || 'なし'}`]);
  }
  const found = files.find((f) => f.kind === 'demands' && f.id === `${parsed.letter}/${parsed.number}`);
  if (!found) {
    const numbers = files
      .filter((f) => f.kind === 'demands' && f.id.startsWith(`${parsed.letter}/`))
      .map((f) => Number(f.id.split('/')[1]))
      .filter(Number.isInteger)
      .sort((a, b) => a - b);
    throw new CommandError(`要請書 ${parsed.letter} に要求 ${parsed.number} はありません。`, [
      `この要請書の要求：${numbers.join('、') || 'なし'}`,
    ]);
  }
  const path = found.path;
  refuseSymlinks(root, path);
  return { id: demandId(parsed.letter, parsed.number), path, file: relative(root, path) };
}

const problemKey = (p: ContentProblem): string => `${p.file}|${p.field}|${p.message}`;

/**
 * Checks the whole content exactly as the build does, with `edits` (absolute path → new text) in
 * memory in place of those files. Problems in the edited files, and problems that were not there
 * before, refuse the edit.
 */
function checkEdits(root: string, edits: Map<string, string>, baseline: ContentSet, today: string): ContentProblem[] {
  const before = new Set(baseline.problems.map(problemKey));
  const editedFiles = new Set([...edits.keys()].map((path) => relative(root, path).split(sep).join('/')));
  return checkContent(root, today, edits).problems.filter((p) => editedFiles.has(p.file) || !before.has(problemKey(p)));
}

/** Writes each file through a temporary file in the same folder and a rename, so no reader sees half a file. */
function writeAtomically(edits: Map<string, string>, originals: Map<string, string>): void {
  const temps: string[] = [];
  try {
    const staged: [string, string][] = [];
    for (const [path, text] of edits) {
      const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
      temps.push(temp);
      const fd = openSync(temp, 'wx', statSync(path).mode);
      writeSync(fd, text);
      fsyncSync(fd);
      closeSync(fd);
      staged.push([temp, path]);
    }
    for (const [, path] of staged) {
      if (readFileSync(path, 'utf8') !== originals.get(path)) {
        throw new CommandError(`${path} が、このコマンドの実行中にほかで変更されました。もう一度実行してください。`);
      }
    }
    for (const [temp, path] of staged) renameSync(temp, path);
  } finally {
    for (const temp of temps) if (existsSync(temp)) unlinkSync(temp);
  }
}

function describeDemand(content: ContentSet, id: string): string {
  const demand = content.demands.get(id)?.data;
  if (!demand) return id;
  const letter = content.letters.get(demand.letter)?.data;
  const addressee = letter ? addresseeShort(letter.addressee) : demand.letter;
  return `${addressee}宛 要求${labelInText(demand.label)}「${demand.shortTitle}」（${id}）`;
}

function inputError(problems: InputProblem[]): CommandError {
  return new CommandError(
    '記録できませんでした。次の点を直してください：',
    problems.map((p) => `${p.option}: ${p.message}`),
  );
}

function contentError(problems: ContentProblem[]): CommandError {
  return new CommandError(
    '記録すると、サイトを作るときの確認（npm run build と同じもの）で次の問題が出ます：',
    problems.map(formatProblem),
  );
}

/** How the check names an entry's place, with the count organizers use (1件目 is the first). */
function entryPlace(index: number): string {
  const field = formatField(['statusHistory', index]);
  return field.includes('件目') ? field : `${index + 1}件目`;
}

function add(root: string, args: ReturnType<typeof parse>, today: string): void {
  const { values, positionals } = args;
  const target = locateDemand(root, positionals[1]);
  if (positionals.length > 2)
    throw new CommandError(
      `余分な引数があります：${positionals.slice(2).join(' ')}`,
      Object.values(values).every((v) => v === undefined)
        ? [`オプション（--status など）が一つもありません。${FORGOT_DASHES}例：npm run demand -- add …`]
        : ['文に空白がある値は "…" で囲んでください。'],
      2,
    );

  const baseline = checkContent(root, today);
  const own = baseline.problems.filter((p) => p.file === target.file);
  if (own.length > 0)
    throw new CommandError(
      `${target.file} にはすでに問題があります。先にファイルを直してください：`,
      own.map(formatProblem),
    );
  const demand = baseline.demands.get(target.id)?.data;
  if (!demand) throw new CommandError(`${target.file} を読み込めませんでした。`);

  const urls = values['source-url'] ?? [];
  const titles = values['source-title'] ?? [];
  const problems: InputProblem[] = [];
  if (urls.length !== titles.length && urls.length > 0 && titles.length > 0) {
    problems.push({
      option: '--source-url',
      message: `出典の URL（${urls.length}件）と題名（${titles.length}件）の数が合いません。出典ごとに --source-url と --source-title を組で指定してください。`,
    });
  }
  const sources = Array.from({ length: Math.max(urls.length, titles.length) }, (_, i) => ({
    url: urls[i],
    title: titles[i],
  }));
  const { entry, problems: inputProblems } = entryFromInput(
    {
      date: values.date,
      type: values.type,
      status: values.status,
      summary: values.summary,
      counterpartyPosition: values.counterparty,
      assessment: values.assessment,
      sources,
    },
    today,
  );
  problems.push(...inputProblems);
  if (problems.length > 0) throw inputError(problems);

  const original = readFileSync(target.path, 'utf8');
  const { text: updated, index } = insertHistoryEntry(original, entry);
  // The check's findings about the new entry become findings about the options that filled it.
  const found = checkEdits(root, new Map([[target.path, updated]]), baseline, today);
  const { mapped, other } = mapFindings(found, target.file, index, { status: values.status, type: entry.type });
  if (mapped.length > 0 && other.length === 0) throw inputError(mapped);
  if (found.length > 0) throw contentError(found);

  const history = demand.statusHistory;
  const after = history.toSpliced(index, 0, entry);
  const before = currentStatus(history);
  const now = currentStatus(after);
  const place =
    index === history.length
      ? `最後（${entryPlace(index)}）に加えました`
      : index === 0
        ? `最初（${entryPlace(0)}）に入れました`
        : `${entryPlace(index - 1)}と${entryPlace(index)}の間に入れました（日付の順。新しい経過が${entryPlace(index)}になります）`;
  const statusLine =
    before === now
      ? `いまの状況は変わりません：${STATUSES[now].symbol} ${STATUSES[now].ja}`
      : `いまの状況が変わりました：${STATUSES[before].ja} → ${STATUSES[now].symbol} ${STATUSES[now].ja}`;
  const report = [
    `  ファイル：${target.file}`,
    `  位置：経過（statusHistory）の${place}。`,
    `  ${statusLine}`,
    ...(entry.recorded
      ? [`  記録した日（recorded）：${entry.recorded}（出来事の日付より後に記録したので、更新情報の順番に使います）`]
      : []),
    values['dry-run'] ? '  追加する内容：' : '  追加した内容：',
    ...entryAsYaml(entry)
      .split('\n')
      .map((line) => `  ${line}`),
  ];
  if (values['dry-run']) {
    say(`確認のみ（--dry-run）：${describeDemand(baseline, target.id)} に次の経過を追加できます。`);
    say(report.join('\n'));
    say(UNCHANGED);
    return;
  }
  writeAtomically(new Map([[target.path, updated]]), new Map([[target.path, original]]));
  say(`追加しました：${describeDemand(baseline, target.id)}`);
  say(report.join('\n'));
  if (demand.lastChecked < entry.date) {
    say(
      `  状況の最終確認日（lastChecked）は ${demand.lastChecked} のままです。今日確認したなら：npm run demand -- checked ${target.id}`,
    );
  }
  say('次に：npm run check:content で確認し、npm run build（または npm start）でサイトに反映します。');
  if (baseline.problems.length > 0) {
    say(
      `注意：ほかのファイルに問題が ${baseline.problems.length} 件あり、直すまでサイトは作れません（npm run check:content で表示されます）。`,
    );
  }
}

function checked(root: string, args: ReturnType<typeof parse>, today: string): void {
  const { values, positionals } = args;
  const date = values.date ?? today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !parseIsoDate(date))
    throw inputError([{ option: '--date', message: `"${date}" は YYYY-MM-DD の形の、存在する日付ではありません。` }]);
  if (date > today) throw inputError([{ option: '--date', message: `${date} は今日（${today}）より後です。` }]);
  const baseline = checkContent(root, today);
  const ids = values.all ? [...baseline.demands.keys()] : positionals.slice(1);
  if (ids.length === 0)
    throw new CommandError('どの要求を確認したかを <要請書>/<番号> で指定するか、--all を付けてください。', [], 2);
  const targets = ids.map((id) => locateDemand(root, id));
  const originals = new Map(targets.map((t) => [t.path, readFileSync(t.path, 'utf8')] as const));
  const edits = new Map<string, string>();
  for (const t of targets) {
    const demand = baseline.demands.get(t.id)?.data;
    if (demand && demand.lastChecked >= date) continue;
    edits.set(t.path, setLastChecked(originals.get(t.path)!, date));
  }
  if (edits.size === 0) {
    say(`最終確認日はすでに ${date} 以降です。${UNCHANGED}`);
    return;
  }
  const problems = checkEdits(root, edits, baseline, today);
  if (problems.length > 0) throw contentError(problems);
  writeAtomically(edits, originals);
  for (const t of targets)
    if (edits.has(t.path)) say(`最終確認日を ${date} にしました：${describeDemand(baseline, t.id)}`);
}

function list(root: string, args: ReturnType<typeof parse>, today: string): void {
  const { values } = args;
  if (values.status !== undefined && !isStatusKey(values.status)) {
    throw inputError([
      {
        option: '--status',
        message: `"${values.status}" という状況はありません。${statusSuggestion(values.status)}使える値：${STATUS_LIST.map((s) => s.key).join('、')}`,
      },
    ]);
  }
  const content = checkContent(root, today);
  const rows = [...content.demands.entries()]
    .map(([id, { file, data }]) => ({ id, file, data, letterDate: content.letters.get(data.letter)?.data.date ?? '' }))
    .sort(
      (a, b) =>
        a.letterDate.localeCompare(b.letterDate) ||
        a.data.letter.localeCompare(b.data.letter) ||
        a.data.number - b.data.number,
    )
    .filter((row) => !values.status || currentStatus(row.data.statusHistory) === values.status);
  if (values.json) {
    say(
      JSON.stringify(
        rows.map(({ id, file, data }) => ({
          id,
          file,
          status: currentStatus(data.statusHistory),
          lastUpdated: lastUpdated(data.statusHistory),
          lastChecked: data.lastChecked,
          shortTitle: data.shortTitle,
        })),
        null,
        2,
      ),
    );
  } else {
    const idWidth = Math.max(...rows.map((r) => displayWidth(r.id)), displayWidth('要求')) + 2;
    const statusWidth = Math.max(...STATUS_LIST.map((s) => displayWidth(`${s.symbol} ${s.ja}`))) + 2;
    say(`${padTo('要求', idWidth)}${padTo('状況', statusWidth)}最終更新    最終確認    要求の見出し`);
    for (const { id, data } of rows) {
      const status = STATUSES[currentStatus(data.statusHistory)];
      say(
        `${padTo(id, idWidth)}${padTo(`${status.symbol} ${status.ja}`, statusWidth)}${lastUpdated(data.statusHistory)}  ${data.lastChecked}  ${describeDemand(content, id).replace(/（[^（]*）$/, '')}`,
      );
    }
    const counts = STATUS_LIST.map(
      (s) => [s, rows.filter((r) => currentStatus(r.data.statusHistory) === s.key).length] as const,
    ).filter(([, n]) => n > 0);
    say(`\n${rows.length}件：${counts.map(([s, n]) => `${s.ja} ${n}`).join('、') || 'なし'}`);
  }
  if (content.problems.length > 0) {
    warn(`\n注意：内容に ${content.problems.length} 件の問題があります（npm run check:content で確認できます）。`);
  }
}

function main(argv: string[]): number {
  const args = parse(argv);
  const command = args.positionals[0];
  if (!command || command === 'help' || args.values.help) {
    say(USAGE);
    return command || args.values.help ? 0 : 2;
  }
  const root = resolve(args.values.root ?? process.cwd());
  if (!existsSync(join(root, 'content', 'letters'))) {
    throw new CommandError(
      `${root} に content/letters がありません。プロジェクトのフォルダで実行してください。`,
      [],
      2,
    );
  }
  const today = todayInJapan();
  switch (command) {
    case 'add':
      add(root, args, today);
      return 0;
    case 'list':
      list(root, args, today);
      return 0;
    case 'checked':
      checked(root, args, today);
      return 0;
    default:
      throw new CommandError(`"${command}" というコマンドはありません（add、list、checked、help）。`, [], 2);
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof CommandError || error instanceof DemandEditError) {
    warn(`エラー：${error.message}`);
    for (const line of error instanceof CommandError ? error.lines : []) warn(`  ${line}`);
    warn(UNCHANGED);
    process.exitCode = error instanceof CommandError ? error.exitCode : 1;
  } else {
    // No stack trace: the first line of the message is enough to report it.
    const message = error instanceof Error ? error.message : String(error);
    warn(`エラー：予期しない問題が起きました（${message.split('\n')[0]}）。`);
    warn(UNCHANGED);
    process.exitCode = 1;
  }
}
