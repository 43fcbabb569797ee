// Checks every content file by the build's own rules and prints problems as `file:line field: message`.
// Exit 1 if any. Never a stack trace: an unexpected failure is reported in one line too.
import { checkContent, formatProblem } from '../src/lib/content-check.ts';

try {
  const result = checkContent(process.cwd());
  if (result.problems.length > 0) {
    console.error(`content/ に ${result.problems.length} 件の問題があります。次の点を直してください：`);
    for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`);
    process.exit(1);
  }
  console.log(
    `内容に問題はありません（要請書 ${result.letters.size} 件、要求 ${result.demands.size} 件、参照する文書 ${result.references.size} 件、経過ページの出来事 ${result.timeline.size} 件）。`,
  );
} catch (error) {
  console.error(`内容の確認が途中で止まりました：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
