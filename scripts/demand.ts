// The organizers' command: records what happened to a demand, lists demands with their status, and
// notes when a demand was last checked. Validates exactly as the build does (checkContent on a copy of
// content/ with the change applied) and writes atomically; on any problem nothing is written.
//
//   npm run demand -- list [--status <key>] [--json]
//   npm run demand -- add <letter-slug>/<n> --status <key> --date YYYY-MM-DD --summary "…" \
//       --source-url URL --source-title "…" [--type <type>] [--counterparty "…"] [--assessment "…"] [--dry-run]
//   npm run demand -- checked <letter-slug>/<n>… | --all [--date YYYY-MM-DD]
//   npm run demand -- help
// Every command takes --root <dir> to work on another copy of the project (to try a change safely).
import { parseArgs } from 'node:util';
import {
  cpSync,
  existsSync,
  closeSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  lstatSync,
  writeFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { checkContent, formatProblem, type ContentProblem, type ContentSet } from '../src/lib/content-check.ts';
import {
  appendHistoryEntry,
  entryAsYaml,
  setLastChecked,
  validateNewEntry,
  statusSuggestion,
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
  statusName,
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
      要求の経過（statusHistory）の最後に1件追加します。出典は --source-url と
      --source-title を組にして、何組でも指定できます。--dry-run は確認だけで書き込みません。

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
    const detail = unknown
      ? `${unknown[1]} というオプションはありません。`
      : missing
        ? `${missing[1]} の後に値を書いてください。`
        : message;
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
 * Applies `edits` (absolute path → new text) to a copy of content/ and checks the whole copy exactly
 * as the build does. Problems in the edited files, and problems that were not there before, refuse
 * the edit.
 */
function checkEdits(root: string, edits: Map<string, string>, baseline: ContentSet, today: string): ContentProblem[] {
  const copy = mkdtempSync(join(tmpdir(), 'demand-check-'));
  try {
    // Links are copied as the files they point at, so that writing the copy never reaches them.
    cpSync(join(root, 'content'), join(copy, 'content'), { recursive: true, dereference: true });
    for (const [path, text] of edits) {
      const target = join(copy, relative(root, path));
      if (!realpathSync(dirname(target)).startsWith(realpathSync(copy)) || lstatSync(target).isSymbolicLink())
        throw new CommandError(`${relative(root, path)} を確認用の写しに書けません。`);
      rmSync(target);
      writeFileSync(target, text, { flag: 'wx' });
    }
    const before = new Set(baseline.problems.map(problemKey));
    const editedFiles = new Set([...edits.keys()].map((path) => relative(root, path)));
    return checkContent(copy, today).problems.filter((p) => editedFiles.has(p.file) || !before.has(problemKey(p)));
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
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
  const latest = demand.statusHistory.at(-1);
  const { entry, problems: entryProblems } = validateNewEntry(
    {
      date: values.date,
      type: values.type,
      status: values.status,
      summary: values.summary,
      counterpartyPosition: values.counterparty,
      assessment: values.assessment,
      sources,
    },
    { today, latest },
  );
  problems.push(...entryProblems);
  if (problems.length > 0 || !entry) throw inputError(problems);

  const original = readFileSync(target.path, 'utf8');
  const updated = appendHistoryEntry(original, entry);
  const contentProblems = checkEdits(root, new Map([[target.path, updated]]), baseline, today);
  if (contentProblems.length > 0) throw contentError(contentProblems);

  const before = currentStatus(demand.statusHistory);
  const statusLine =
    before === entry.status
      ? `状況：${statusName(entry.status)}（変わらず）`
      : `状況：${statusName(before)} → ${statusName(entry.status)}`;
  const report = [
    `  ファイル：${target.file}（statusHistory の${demand.statusHistory.length + 1}件目）`,
    `  ${statusLine}`,
    values['dry-run'] ? '  追加する内容：' : '  追加した内容：',
    ...entryAsYaml(entry)
      .split('\n')
      .map((line) => `  ${line}`),
  ];
  if (values['dry-run']) {
    console.log(`確認のみ（--dry-run）：${describeDemand(baseline, target.id)} に次の経過を追加できます。`);
    console.log(report.join('\n'));
    console.log(UNCHANGED);
    return;
  }
  writeAtomically(new Map([[target.path, updated]]), new Map([[target.path, original]]));
  console.log(`追加しました：${describeDemand(baseline, target.id)}`);
  console.log(report.join('\n'));
  if (demand.lastChecked < entry.date) {
    console.log(
      `  状況の最終確認日（lastChecked）は ${demand.lastChecked} のままです。今日確認したなら：npm run demand -- checked ${target.id}`,
    );
  }
  console.log('次に：npm run check:content で確認し、npm run build（または npm start）でサイトに反映します。');
  if (baseline.problems.length > 0) {
    console.log(
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
    console.log(`最終確認日はすでに ${date} 以降です。${UNCHANGED}`);
    return;
  }
  const problems = checkEdits(root, edits, baseline, today);
  if (problems.length > 0) throw contentError(problems);
  writeAtomically(edits, originals);
  for (const t of targets)
    if (edits.has(t.path)) console.log(`最終確認日を ${date} にしました：${describeDemand(baseline, t.id)}`);
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
    console.log(
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
    const idWidth = Math.max(...rows.map((r) => r.id.length), 4) + 2;
    console.log(`${'要求'.padEnd(idWidth - 2)}状況                最終更新    最終確認    要求の見出し`);
    for (const { id, data } of rows) {
      const status = currentStatus(data.statusHistory);
      const label = `${STATUSES[status].symbol} ${status}`.padEnd(20);
      console.log(
        `${id.padEnd(idWidth)}${label}${lastUpdated(data.statusHistory)}  ${data.lastChecked}  ${STATUSES[status].ja}｜${describeDemand(content, id).replace(/（[^（]*）$/, '')}`,
      );
    }
    const counts = STATUS_LIST.map(
      (s) => [s, rows.filter((r) => currentStatus(r.data.statusHistory) === s.key).length] as const,
    ).filter(([, n]) => n > 0);
    console.log(`\n${rows.length}件：${counts.map(([s, n]) => `${s.ja} ${n}`).join('、') || 'なし'}`);
  }
  if (content.problems.length > 0) {
    console.error(
      `\n注意：内容に ${content.problems.length} 件の問題があります（npm run check:content で確認できます）。`,
    );
  }
}

function main(argv: string[]): number {
  const args = parse(argv);
  const command = args.positionals[0];
  if (!command || command === 'help' || args.values.help) {
    console.log(USAGE);
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
    console.error(`エラー：${error.message}`);
    for (const line of error instanceof CommandError ? error.lines : []) console.error(`  ${line}`);
    console.error(UNCHANGED);
    process.exitCode = error instanceof CommandError ? error.exitCode : 1;
  } else {
    console.error('エラー：予期しない問題が起きました。', error);
    console.error(UNCHANGED);
    process.exitCode = 1;
  }
}
