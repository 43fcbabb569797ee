// `npm test`: every Vitest suite (unit and browser), and beside it `astro check` (the one type check: its
// tsconfig includes src/, scripts/, tests/ and e2e/) and the format check, each counted as one test. The
// closing line "N passed, N failed" comes from the TallyReporter. `npm test -- some/file.test.ts` runs
// only what it names (without the two whole-repository checks).
// Build runs (`astro build`) started by the tests: three (issue 28: at most three). The browser tests'
// fixture site (e2e/global-setup.ts), which e2e/cms.test.ts also serves through `npm run edit` with
// EDIT_SKIP_BUILD=1; the one refused build (tests/build-errors.test.ts); and the deploy build after an
// entry is saved in the editor (e2e/cms.test.ts). tests/deploy-build.test.ts loads the config with
// `astro sync`, which builds nothing. A new test reads one of these builds rather than adding one.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startVitest } from 'vitest/node';
import { TallyReporter } from './lib/tally-reporter.ts';

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
process.env.ASTRO_TELEMETRY_DISABLED = '1';
// Node's compile cache for every process the run starts (the builds, the organizers' command run by the
// tests): a started command then spends 0.2 s of CPU compiling, not 1.2 s.
process.env.NODE_COMPILE_CACHE ??= resolve('.tmp/node-compile-cache');

interface Check {
  name: string;
  args: string[];
  /** Output that proves the check ran (not only that it exited 0). */
  proof: RegExp;
}
/** Runs a check; its output is printed only when it fails. */
function run(check: Check): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn('npx', check.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) => {
      const ok = status === 0 && check.proof.test(output);
      console.log(`${check.name}: ${ok ? 'passed' : 'FAILED'}`);
      if (!ok) console.error(output);
      done(ok);
    });
  });
}

const filters = process.argv.slice(2);
const checks: Check[] = filters.length
  ? []
  : [
      // Without @astrojs/check installed, `astro check` offers to install it and exits 0 having checked
      // nothing: only its summary line proves it ran.
      {
        name: 'astro check (types of src/, scripts/, tests/, e2e/)',
        args: ['astro', 'check'],
        proof: /Result \(\d+ files?\)/,
      },
      {
        name: 'prettier --check .',
        args: ['prettier', '--check', '.'],
        proof: /All matched files use Prettier code style/,
      },
    ];
// Both run beside Vitest: they are short and mostly wait on one core.
const outcomes = checks.map(run);

const tally = new TallyReporter();
const vitest = await startVitest(filters, { run: true, watch: false, reporters: ['default', tally] });
await vitest.close();
for (const ok of await Promise.all(outcomes)) tally.add(ok);

console.log(`\nwhole run ${((Date.now() - started) / 1000).toFixed(0)} s\n${tally.line()}`);
process.exit(tally.failed > 0 ? 1 : 0);
