// npm run bench:pages — how fast and how good the built pages are.
//
// 1. Builds the real site (into .tmp/bench-pages/dist, for the address it is then served at), times
//    the build and measures the output.
// 2. Runs Lighthouse (mobile emulation, simulated slow 4G, Debian's Chromium) on the home page, a
//    letter, a demand, the status dashboard and the search page (with a query), and prints the
//    performance, accessibility, best-practices and SEO scores (target: 100 each), with every audit
//    that cost points.
// 3. Builds a synthetic corpus of 1,000 letters in a temporary copy of the project and prints its
//    build time (target: under 60 s), output size and file count (target: under 20,000), its largest
//    HTML page (target: at most 512 KB) and the editor config's size (target: at most 200 KB).
//
// Options: --runs=N (Lighthouse runs per page; the median is shown, default 1), --skip-lighthouse,
// --skip-synthetic, --letters=N (synthetic corpus size, default 1000).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { LOCAL_SITE_URL } from '../src/lib/site-address.ts';
import { fileSize, listFiles } from './lib/site-checks/dist.ts';
import { sumSizes } from './lib/site-checks/budgets.ts';
import {
  copyProjectForBench,
  removeBenchCopy,
  writeSyntheticCorpus,
  PROJECT_ROOT,
} from './lib/bench/synthetic-corpus.ts';
import { freePort, startPreview } from './lib/preview.ts';

const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, '').split('=');
    return [key!, value ?? 'true'] as const;
  }),
);
const RUNS = Math.max(1, Number(args.get('runs') ?? 1));
const LETTERS = Math.max(2, Number(args.get('letters') ?? 1000));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const SEARCH_QUERY = 'マイナンバーカード';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

interface BuildFigures {
  /** Astro's per-page render times, summed by route shape (slugs and numbers as *), largest first. */
  routes: { route: string; pages: number; ms: number }[];
  seconds: number;
  pages: number;
  files: number;
  bytes: number;
  gzipText: number;
}

/** `astro build` in `cwd` into `outDir`, timed; throws with the output on failure. */
function build(cwd: string, outDir: string, siteUrl: string): BuildFigures {
  rmSync(outDir, { recursive: true, force: true });
  const started = process.hrtime.bigint();
  const run = spawnSync('npx', ['astro', 'build', '--outDir', outDir], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_URL: siteUrl },
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0)
    throw new Error(`astro build failed in ${cwd}:\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-4000)}`);
  const files = listFiles(outDir);
  const bytes = files.reduce((n, f) => n + fileSize(join(outDir, f)), 0);
  // Compressed size of the text files (what a host sends); skipped past 1 GB, where it would take minutes.
  const text = files.filter((f) => /\.(html|css|js|json|xml|csv|txt|svg|webmanifest)$/.test(f));
  return {
    routes: routeTimes(run.stdout),
    seconds,
    pages: files.filter((f) => f.endsWith('.html')).length,
    files: files.length,
    bytes,
    gzipText: bytes < 1024 ** 3 ? sumSizes(outDir, text).gzip : Number.NaN,
  };
}

/** Sums Astro's "├─ /path/index.html (+12ms)" lines by route shape. */
function routeTimes(log: string): BuildFigures['routes'] {
  const groups = new Map<string, { pages: number; ms: number }>();
  for (const match of log.matchAll(/[├└]─ (\S+) \(\+(\d+)ms\)/g)) {
    const route = match[1]!
      .replace(/\/index\.html$/, '/')
      .split('/')
      .map((segment) => (/\d/.test(segment) ? '*' : segment))
      .join('/');
    const group = groups.get(route) ?? { pages: 0, ms: 0 };
    group.pages++;
    group.ms += Number(match[2]);
    groups.set(route, group);
  }
  return [...groups].map(([route, g]) => ({ route, ...g })).sort((a, b) => b.ms - a.ms);
}

/** Every HTML page at most this size at 1,000 letters (issue 32), and the editor's config at most this. */
const HTML_PAGE_MAX = 512 * 1024;
const EDITOR_CONFIG_MAX = 200 * 1024;
const EDITOR_CONFIG = 'admin/config.yml';

/**
 * Pages that grew with the letters before they were paged (issue 32), printed each run: the largest
 * page of each kind (a filtered list's first page, the first page of the by-letter overview…).
 */
const WATCHED_PAGES: readonly RegExp[] = [
  /^status\/index\.html$/,
  /^status\/all\/index\.html$/,
  /^status\/by-addressee\/[^/]+\/index\.html$/,
  /^status\/by-status\/[^/]+\/index\.html$/,
  /^status\/by-letter\/index\.html$/,
  /^timeline\/index\.html$/,
  /^letters\/index\.html$/,
  /^references\/[^/]+\/index\.html$/,
];

/** The largest HTML page and the editor config's size, against their targets. */
function pageLimits(dist: string, files: readonly string[]): string {
  const html = files
    .filter((file) => file.endsWith('.html'))
    .map((file) => ({ file, bytes: fileSize(join(dist, file)) }))
    .sort((a, b) => b.bytes - a.bytes);
  const largest = html[0];
  const config = files.includes(EDITOR_CONFIG) ? fileSize(join(dist, EDITOR_CONFIG)) : undefined;
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
  return [
    largest
      ? `  largest HTML page: ${largest.file} ${kb(largest.bytes)} (target: at most ${kb(HTML_PAGE_MAX)} — ${met(largest.bytes <= HTML_PAGE_MAX)}); next: ${html
          .slice(1, 4)
          .map((h) => `${h.file} ${kb(h.bytes)}`)
          .join(', ')}`
      : '  no HTML page',
    config === undefined
      ? `  editor config: no ${EDITOR_CONFIG}`
      : `  editor config (${EDITOR_CONFIG}): ${kb(config)} (target: at most ${kb(EDITOR_CONFIG_MAX)} — ${met(config <= EDITOR_CONFIG_MAX)})`,
    `  watched pages (largest of each kind): ${WATCHED_PAGES.map((pattern) => html.find((h) => pattern.test(h.file)))
      .filter((h) => h !== undefined)
      .map((h) => `${h.file.replace(/index\.html$/, '')} ${kb(h.bytes)}`)
      .join(', ')}`,
  ].join('\n');
}

const slowestRoutes = (b: BuildFigures) =>
  `  slowest routes (render time summed): ${b.routes
    .slice(0, 5)
    .map((r) => `${r.route} ${(r.ms / 1000).toFixed(1)} s for ${r.pages} page(s)`)
    .join('; ')}`;

const describeBuild = (label: string, b: BuildFigures) =>
  `${label}: built in ${b.seconds.toFixed(1)} s — ${b.pages} HTML pages, ${b.files} files, dist ${mb(b.bytes)}${Number.isNaN(b.gzipText) ? '' : ` (text files gzipped: ${mb(b.gzipText)})`}`;

interface Scores {
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Audits that lost points, per category. */
  lost: string[];
  metrics: string;
}

async function lighthouseRun(url: string, port: number): Promise<Scores> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
  ) as Scores['scores'];
  const lost: string[] = [];
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      lost.push(
        `${category}: ${audit.id} (${audit.title}) score ${audit.score}${audit.displayValue ? ` — ${audit.displayValue}` : ''}`,
      );
    }
  }
  const metric = (id: string) => lhr.audits[id]?.displayValue ?? '–';
  const metrics = `FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, SI ${metric('speed-index')}`;
  return { scores, lost, metrics };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function benchLighthouse(origin: string, distFiles: Set<string>): Promise<void> {
  const pick = (predicate: (file: string) => boolean) => [...distFiles].filter(predicate).sort()[0];
  const letter = pick((f) => /^letters\/[^/]+\/index\.html$/.test(f));
  const demand = pick((f) => /^letters\/[^/]+\/demands\/\d+\/index\.html$/.test(f));
  const pages: [string, string | undefined][] = [
    ['home', '/'],
    ['letter', letter && `/${letter.replace(/index\.html$/, '')}`],
    ['demand', demand && `/${demand.replace(/index\.html$/, '')}`],
    ['status', distFiles.has('status/index.html') ? '/status/' : undefined],
    ['search', distFiles.has('search/index.html') ? `/search/?q=${encodeURIComponent(SEARCH_QUERY)}` : undefined],
  ];
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  const rows: string[] = [];
  const details: string[] = [];
  try {
    for (const [label, path] of pages) {
      if (!path) {
        rows.push(`${label.padEnd(8)} (not in this build)`);
        continue;
      }
      const runs: Scores[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await lighthouseRun(`${origin}${path}`, chrome.port));
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))]),
      ) as Scores['scores'];
      const all100 = CATEGORIES.every((c) => scores[c] === 100);
      rows.push(
        `${label.padEnd(8)} ${CATEGORIES.map((c) => String(scores[c]).padStart(c.length)).join('  ')}  ${all100 ? '✓' : '✗'}  ${decodeURIComponent(path)}`,
      );
      details.push(`  ${label}: ${runs[0]!.metrics}`);
      for (const lost of new Set(runs.flatMap((r) => r.lost))) details.push(`    lost points — ${lost}`);
    }
  } finally {
    chrome.kill();
  }
  console.log(
    `\nLighthouse ${RUNS > 1 ? `(median of ${RUNS} runs) ` : ''}— mobile, simulated slow 4G, Debian's Chromium (target: 100 everywhere)`,
  );
  console.log(`${'page'.padEnd(8)} ${CATEGORIES.join('  ')}`);
  for (const row of rows) console.log(row);
  console.log(details.join('\n'));
}

async function main(): Promise<void> {
  const work = resolve(PROJECT_ROOT, '.tmp', 'bench-pages');
  mkdirSync(work, { recursive: true });

  // --- The real site, built for the address it is served at (canonical URLs must match for SEO).
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const realDist = join(work, 'dist');
  const real = build(PROJECT_ROOT, realDist, origin);
  console.log(describeBuild('Real site', real));
  console.log(pageLimits(realDist, listFiles(realDist)));

  if (!args.has('skip-lighthouse')) {
    const preview = await startPreview({ outDir: realDist, port, env: { SITE_URL: origin } });
    try {
      await benchLighthouse(preview.origin, new Set(listFiles(realDist)));
    } finally {
      await preview.stop();
    }
  }

  // --- A synthetic corpus of 1,000 letters, in a throwaway copy of the project.
  if (!args.has('skip-synthetic')) {
    const copy = copyProjectForBench();
    try {
      const corpus = writeSyntheticCorpus(copy, LETTERS);
      const synthetic = build(copy, join(copy, 'dist'), LOCAL_SITE_URL);
      console.log(
        `\n${describeBuild(`Synthetic corpus (${corpus.letters} letters, ${corpus.demands} demands)`, synthetic)}` +
          `\n  target: under 60 s — ${synthetic.seconds < 60 ? 'met' : 'MISSED'}; ${((synthetic.seconds / synthetic.pages) * 1000).toFixed(1)} ms per page`,
      );
      const perDemand = listFiles(join(copy, 'dist')).filter(
        (f) => /(^|\/)demands\/\d+\//.test(f) || /^badges\/[^/]+\/\d+\.svg$/.test(f),
      ).length;
      console.log(
        `  files: ${synthetic.files} (target: under 20,000 — ${synthetic.files < 20_000 ? 'met' : 'MISSED'}); ${perDemand} of them one per demand (${(perDemand / corpus.demands).toFixed(1)} per demand: page, feed, embed, badge)`,
      );
      console.log(slowestRoutes(synthetic));
      const dist = join(copy, 'dist');
      console.log(pageLimits(dist, listFiles(dist)));
      const sized = listFiles(dist).map((file) => ({ file, bytes: fileSize(join(dist, file)) }));
      const byDir = new Map<string, number>();
      const filesByDir = new Map<string, number>();
      for (const { file, bytes } of sized) {
        const top = file
          .split('/')
          .slice(0, file.startsWith('status/') ? 2 : 1)
          .join('/');
        byDir.set(top, (byDir.get(top) ?? 0) + bytes);
        filesByDir.set(top, (filesByDir.get(top) ?? 0) + 1);
      }
      console.log(
        `  most files: ${[...filesByDir]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 6)
          .map(([dir, count]) => `${dir} ${count}`)
          .join(', ')}`,
      );
      console.log(
        `  biggest parts of dist: ${[...byDir]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 5)
          .map(([dir, bytes]) => `${dir} ${mb(bytes)}`)
          .join(', ')}`,
      );
      const largest = sized.sort((a, b) => b.bytes - a.bytes).slice(0, 5);
      console.log(
        `  largest files: ${largest.map((l) => `${l.file} ${kb(l.bytes)} (${kb(sumSizes(dist, [l.file]).gzip)} gz)`).join(', ')}`,
      );
    } finally {
      removeBenchCopy(copy);
    }
  }
}

await main();
