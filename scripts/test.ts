// Runs every suite (unit, e2e, site checks) with Vitest, and beside it `astro check` (types of .astro and
// .ts files) and the format check; ends with one line: "N passed, N failed" (each check counts as one test).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const report = '.tmp/vitest-report.json';
mkdirSync('.tmp', { recursive: true });
rmSync(report, { force: true });

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  // Browser tests need Debian's Chromium and CJK fonts (no browser download works here).
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canInstall) {
    console.log("Installing Debian's Chromium and CJK fonts for the browser tests…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit', env });
  }
  if (!existsSync(chromium)) {
    console.error(
      `Browser tests need Debian's Chromium at ${chromium}. Install it once with:\n  sudo apt-get install -y chromium fonts-noto-cjk`,
    );
  }
}

const started = Date.now();
// Node's compile cache for every process the run starts (Vitest's workers, the builds, the organizers'
// command run by the tests): a started command then spends 0.2 s of CPU compiling, not 1.2 s.
const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? resolve('.tmp/node-compile-cache'),
};

interface Outcome {
  status: number | null;
  output: string;
  seconds: number;
}
/** Runs a command; its output is kept (printed when it fails) unless `show` streams it. */
function run(args: string[], show = false): Promise<Outcome> {
  const begun = Date.now();
  return new Promise((resolve) => {
    const child = spawn('npx', args, { stdio: show ? 'inherit' : ['ignore', 'pipe', 'pipe'], env });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) => resolve({ status, output, seconds: (Date.now() - begun) / 1000 }));
  });
}

// The two whole-repository checks run beside Vitest (they are short and mostly wait on one core), but
// only for the whole suite: `npm test -- some/file.test.ts` runs just what it names.
const wholeRun = process.argv.length <= 2;
const checks = wholeRun
  ? [
      // Without @astrojs/check installed, `astro check` offers to install it and exits 0 having checked
      // nothing: only its summary line proves it ran.
      { name: 'astro check (types in .astro and .ts files)', args: ['astro', 'check'], proof: /Result \(\d+ files?\)/ },
      {
        name: 'format check (prettier --check .)',
        args: ['prettier', '--check', '.'],
        proof: /All matched files use Prettier code style/,
      },
    ].map((check) => ({ ...check, outcome: run(check.args) }))
  : [];
const vitest = await run(
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  true,
);

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    startTime: number;
    endTime: number;
    assertionResults: unknown[];
  }[];
}

const result = existsSync(report) ? (JSON.parse(readFileSync(report, 'utf8')) as VitestJson) : undefined;
let passed = 0;
let failed = 0;
let skipped = 0;
if (result) {
  passed = result.numPassedTests;
  skipped = result.numPendingTests + result.numTodoTests;
  // A file that failed before its tests ran (import error, failed build) counts as a failure too.
  const brokenFiles = result.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  ).length;
  failed = result.numFailedTests + brokenFiles;
} else {
  failed = 1;
  console.error('Vitest wrote no report: the run itself failed.');
}
if (vitest.status !== 0 && failed === 0) failed = 1;

const checkTimes: string[] = [];
for (const check of checks) {
  const outcome = await check.outcome;
  const ok = outcome.status === 0 && check.proof.test(outcome.output);
  checkTimes.push(`  ${check.name}: ${ok ? 'passed' : 'FAILED'} in ${outcome.seconds.toFixed(0)} s`);
  if (ok) {
    passed += 1;
  } else {
    failed += 1;
    console.error(`\n${check.name} failed:\n${outcome.output}`);
  }
}
// Each suite's time (the files of a Vitest project, by folder), slowest files first, then the
// whole run (site build included). The budget for the whole `npm test` is 8 minutes on two cores.
if (result) {
  const suites = new Map<string, { seconds: number; files: { name: string; seconds: number }[] }>();
  for (const file of result.testResults) {
    const name = file.name.replace(`${process.cwd()}/`, '');
    const suite = name.split('/')[0] === 'e2e' ? 'e2e' : name.split('/')[0] === 'tests' ? 'unit' : name.split('/')[0]!;
    const seconds = Math.max(0, (file.endTime - file.startTime) / 1000);
    const entry = suites.get(suite) ?? { seconds: 0, files: [] };
    entry.seconds += seconds;
    entry.files.push({ name, seconds });
    suites.set(suite, entry);
  }
  console.log('\nTime per suite (sum of its files; slowest files):');
  for (const [suite, { seconds, files }] of suites) {
    const slowest = files
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, 3)
      .map((f) => `${f.name} ${f.seconds.toFixed(0)} s`)
      .join(', ');
    console.log(`  ${suite.padEnd(5)} ${seconds.toFixed(0).padStart(4)} s  (${files.length} files; ${slowest})`);
  }
  for (const line of checkTimes) console.log(line);
  console.log(`  whole run ${((Date.now() - started) / 1000).toFixed(0)} s (site build and browser start included)`);
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || vitest.status !== 0 ? 1 : 0);
