// Records a correction (訂正履歴) of a claim the site had published, in the content file that carries it.
// Validates exactly as the build does (checkContent on a copy of content/ with the change applied) and
// writes atomically; on any problem nothing is written.
//
//   npm run correction -- add <content file> --location "…" --before "…" --after "…" --reason "…" \
//       [--date YYYY-MM-DD] [--dry-run] [--root DIR]
import { parseArgs } from 'node:util';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';
import { checkContent, formatProblem } from '../src/lib/content-check.ts';
import { CorrectionSchema } from '../src/lib/schemas.ts';
import { appendCorrection, correctionAsYaml, CorrectionEditError } from '../src/lib/correction-edit.ts';
import { todayInJapan } from '../src/lib/dates.ts';

const USAGE = `使い方（npm run correction -- の後に続けます）:

  add <内容のファイル> --location "…" --before "…" --after "…" --reason "…" [--date YYYY-MM-DD] [--dry-run]
      公開した内容を直したときに、そのファイルの訂正履歴（corrections）に1件追加します。
      <内容のファイル>：直したファイル（例：content/references/mie-my-number-rules.yaml）
      --location：直した箇所（例：第20条のあらまし）
      --before：以前の記載と、どこが誤っていたか
      --after：いまの記載
      --reason：なぜ直したか（条文や出典に実際に何と書かれているか）
      --date：訂正した日（省略すると今日）
      --dry-run：書き込まずに、追加する行だけを表示します
`;

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      location: { type: 'string' },
      before: { type: 'string' },
      after: { type: 'string' },
      reason: { type: 'string' },
      date: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      root: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || positionals[0] !== 'add' || positionals.length !== 2) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const root = resolve(values.root ?? process.cwd());
  const file = relative(root, resolve(root, positionals[1]!));
  if (!file.startsWith('content/') || !existsSync(join(root, file))) {
    console.error(`${positionals[1]} という内容のファイルはありません（content/ の下のファイルを指定します）。`);
    return 1;
  }
  const parsed = CorrectionSchema.safeParse({
    date: values.date ?? todayInJapan(),
    location: values.location,
    before: values.before,
    after: values.after,
    reason: values.reason,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${issue.path.join('.')}：${issue.message}`);
    return 1;
  }
  const correction = parsed.data;
  if (values['dry-run']) {
    console.log(`${file} の corrections に次の訂正を追加します（--dry-run：書き込みません）：`);
    console.log(correctionAsYaml(correction));
    return 0;
  }
  const text = readFileSync(join(root, file), 'utf8');
  const edited = appendCorrection(text, correction, ['.md', '.mdx'].includes(extname(file)));
  // Checked as the build checks it, on a copy of content/ with the change applied.
  const copy = mkdtempSync(join(tmpdir(), 'correction-'));
  try {
    cpSync(join(root, 'content'), join(copy, 'content'), { recursive: true });
    writeFileSync(join(copy, file), edited);
    const problems = checkContent(copy).problems;
    if (problems.length > 0) {
      console.error('訂正を追加すると、内容の確認で次の問題が出ます。何も書き込みませんでした：');
      for (const problem of problems) console.error(`  ${formatProblem(problem)}`);
      return 1;
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
  const temporary = join(root, `${file}.tmp-${process.pid}`);
  writeFileSync(temporary, edited);
  renameSync(temporary, join(root, file));
  console.log(
    `${file} に訂正（${correction.date}・${correction.location}）を追加しました。ページと /corrections/ に出ます。`,
  );
  return 0;
}

try {
  process.exit(main());
} catch (error) {
  const message = error instanceof CorrectionEditError || error instanceof Error ? error.message : String(error);
  console.error(`訂正を追加できませんでした：${message}`);
  process.exit(1);
}
