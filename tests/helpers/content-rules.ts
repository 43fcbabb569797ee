/**
 * Rules that hold for any content organizers may write (beyond what the content check refuses), stated
 * over whatever letters and demands exist. They never name a particular demand, date or count, so
 * recording what happened next (by `npm run demand -- add` or by hand) never breaks a test.
 */
import { formatProblem, type ContentSet } from '../../src/lib/content-check.ts';
import { statusAsOf } from '../../src/lib/history.ts';

/** Every broken rule, one line each naming the file (empty when the content follows them all). */
export function contentRuleViolations(content: ContentSet, today: string): string[] {
  const out: string[] = content.problems.map((p) => `check: ${formatProblem(p)}`);
  if (content.letters.size === 0) out.push('no letter at all');

  for (const [slug, { file }] of content.letters) {
    const numbers = [...content.demands.values()]
      .filter((d) => d.data.letter === slug)
      .map((d) => d.data.number)
      .sort((a, b) => a - b);
    if (numbers.length === 0) out.push(`${file}: a letter without demands`);
    // Demands are numbered as printed: 1…n, no gaps.
    if (numbers.some((n, i) => n !== i + 1)) out.push(`${file}: demands numbered ${numbers.join(', ')}, not 1…n`);
  }

  for (const [id, { file, data }] of content.demands) {
    const letter = content.letters.get(data.letter)?.data;
    const first = data.statusHistory[0];
    // Every history starts with the letter being handed over, on the letter's date.
    if (!first || first.type !== 'submitted' || first.status !== 'awaiting_response')
      out.push(`${file}: history of ${id} does not start with submitted / awaiting_response`);
    else if (letter && first.date !== letter.date)
      out.push(`${file}: first entry dated ${first.date}, the letter ${letter.date}`);
    // The date the status is said to hold at (the citation's 「…時点」) is never in the future.
    if (statusAsOf(data.statusHistory, data.lastChecked) > today)
      out.push(`${file}: status said to hold at ${statusAsOf(data.statusHistory, data.lastChecked)}, after today`);
  }
  return out;
}
