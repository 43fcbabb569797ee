// Sources that survive: lists every cited web source with its archive state (保存版), and, with
// network, reports dead or moved links and the Wayback Machine copy to add as `archived`.
//
//   npm run sources -- check [--offline] [--wayback-api URL] [--root DIR]
//
// --offline lists without asking the network. --wayback-api (or SOURCES_WAYBACK_API) replaces the
// Wayback availability API's address (tests point it at a local server). Output is Japanese.
import { parseArgs } from 'node:util';
import { checkContent, formatProblem } from '../src/lib/content-check.ts';
import { WAYBACK_AVAILABILITY_API, checkSources, citedSources, formatSourceReport } from '../src/lib/sources.ts';

const USAGE = `使い方（npm run sources -- の後に続けます）:

  check [--offline] [--wayback-api URL]
      すべての出典を、保存版（archived）があるかどうかとともに表示します。
      ネットワークにつながるときは、リンクが読めるか（読めない・移転した）を確かめ、
      保存版のない出典には Wayback Machine の保存版の URL を示します（archived に書き写します）。
      --offline：ネットワークに問い合わせず、一覧だけを表示します。
`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      offline: { type: 'boolean', default: false },
      'wayback-api': { type: 'string' },
      root: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || positionals[0] !== 'check') {
    console.log(USAGE);
    return values.help || positionals[0] === 'help' ? 0 : 2;
  }
  const content = checkContent(values.root ?? process.cwd());
  if (content.problems.length > 0) {
    console.error(`content/ に ${content.problems.length} 件の問題があります。先に直してください：`);
    for (const problem of content.problems) console.error(`  ${formatProblem(problem)}`);
    return 1;
  }
  const sources = citedSources({
    demands: content.demands.values(),
    timeline: content.timeline.values(),
    letters: content.letters.values(),
    references: content.references.values(),
  });
  const api = values['wayback-api'] ?? process.env['SOURCES_WAYBACK_API'] ?? WAYBACK_AVAILABILITY_API;
  const reports = values.offline ? sources : await checkSources(sources, { api });
  console.log(formatSourceReport(reports));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`出典の確認が途中で止まりました：${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
