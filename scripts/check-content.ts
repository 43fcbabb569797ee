// Checks every content file and prints problems as `file:line field: message`. Exit 1 if any.
import { checkContent, formatProblem } from '../src/lib/content-check.ts';

const result = checkContent(process.cwd());
if (result.problems.length > 0) {
  console.error(`Content has ${result.problems.length} problem(s):`);
  for (const problem of result.problems) console.error(`  ${formatProblem(problem)}`);
  process.exit(1);
}
console.log(
  `Content OK: ${result.letters.size} letters, ${result.demands.size} demands, ${result.references.size} references.`,
);
