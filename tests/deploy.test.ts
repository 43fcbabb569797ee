// The deploy files: the GitHub Pages workflow (its steps exist, in order, and run commands this project
// has), netlify.toml, and the _headers the build writes (the CSP of src/lib/csp.ts, with frame-ancestors,
// one policy per path, the editor's own under /admin/).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { EMBED_CSP } from '../src/lib/csp.ts';
import { cspProblems } from '../scripts/lib/site-checks/pages.ts';
import {
  ADMIN_HEADER_CSP,
  EMBED_HEADER_CSP,
  formatHeaders,
  headerRules,
  PAGE_HEADER_CSP,
  parseHeaders,
  ruleMatches,
  type HeaderRule,
} from '../src/lib/deploy-headers.ts';
import { parseSiteUrl } from '../src/lib/site-address.ts';

const ROOT = join(import.meta.dirname, '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

/** The npm commands of a shell line: `npm ci`, `npm test`, `npm run x`. */
function npmCommands(line: string): string[] {
  return [...line.matchAll(/\bnpm\s+(run\s+[\w:-]+|ci|test|install|start)\b/g)].map((m) => m[1]!.replace(/\s+/g, ' '));
}
/** Throws unless every npm command of the line exists in package.json. */
function expectCommandsExist(line: string): void {
  for (const command of npmCommands(line)) {
    const script = command.startsWith('run ') ? command.slice(4) : command;
    if (script === 'ci' || script === 'install') continue;
    expect(Object.keys(scripts), `"npm ${command}" in: ${line}`).toContain(script);
  }
}

describe('_headers', () => {
  const entries = ['index.html', '404.html', 'feed.xml', '_astro/', 'letters/', 'search-index/', 'admin/', 'embed/'];
  const headersAt = (rules: readonly HeaderRule[], urlPath: string) => {
    const matching = rules.filter((rule) => ruleMatches(rule.path, urlPath));
    const names = matching.flatMap((rule) => Object.keys(rule.headers));
    return { names, csp: matching.flatMap((rule) => rule.headers['Content-Security-Policy'] ?? []) };
  };

  test.each(['/', '/campaign/'])('base %s: one policy per path, the pages’ or the editor’s', (base) => {
    const rules = headerRules(entries, base);
    const at = (route: string) => headersAt(rules, `${base}${route.slice(1)}`);
    for (const route of ['/', '/index.html', '/404.html', '/feed.xml', '/_astro/a.css', '/letters/x/demands/1/']) {
      expect(at(route).csp, route).toEqual([PAGE_HEADER_CSP]);
    }
    for (const route of ['/admin/', '/admin/config.yml', '/admin/decap/decap-cms-app.js'])
      expect(at(route).csp, route).toEqual([ADMIN_HEADER_CSP]);
    // No header is set by two rules that match the same path (Cloudflare would send both values).
    for (const route of ['/', '/letters/x/', '/admin/', '/feed.xml']) {
      const { names } = at(route);
      expect(names.length, route).toBe(new Set(names).size);
      expect(names, route).toContain('X-Frame-Options');
    }
    // Nothing outside base.
    if (base !== '/') expect(headersAt(rules, '/letters/x/').names).toEqual([]);
  });

  test.each(['/', '/campaign/'])('base %s: only /embed/ may be framed by other sites', (base) => {
    const rules = headerRules(entries, base);
    const embed = rules.filter((rule) => ruleMatches(rule.path, `${base}embed/letters/x/demands/1/`));
    const headers = Object.assign({}, ...embed.map((rule) => rule.headers)) as Record<string, string>;
    expect(embed.flatMap((rule) => rule.headers['Content-Security-Policy'] ?? [])).toEqual([EMBED_HEADER_CSP]);
    expect(headers).not.toHaveProperty('X-Frame-Options');
    for (const route of ['', 'letters/x/demands/1/', 'admin/', 'feed.xml']) {
      const at = rules.filter((rule) => ruleMatches(rule.path, `${base}${route}`));
      const csp = at.flatMap((rule) => rule.headers['Content-Security-Policy'] ?? []);
      expect(csp.join(), route).toContain("frame-ancestors 'none'");
      expect(
        at.some((rule) => rule.headers['X-Frame-Options'] === 'DENY'),
        route,
      ).toBe(true);
    }
  });

  test('the embed policy: no script at all, only the site’s own files, valid in a <meta>', () => {
    expect(EMBED_CSP).toContain("script-src 'none'");
    expect(cspProblems(EMBED_CSP)).toEqual([]);
    expect(EMBED_HEADER_CSP.endsWith('; frame-ancestors *')).toBe(true);
  });

  test('the file reads back as the rules it was written from', () => {
    const rules = headerRules(entries, '/campaign/');
    const text = formatHeaders(rules);
    expect(parseHeaders(text)).toEqual(rules);
    // Host syntax: a path line, then indented "Name: value" lines.
    for (const line of text.split('\n').filter((l) => l && !l.startsWith('#')))
      expect(line).toMatch(/^(?:\/\S*|  [A-Za-z-]+: \S.*)$/);
  });

  test('a rule pattern matches its path and what is below it, nothing else', () => {
    expect(ruleMatches('/letters/*', '/letters/')).toBe(true);
    expect(ruleMatches('/letters/*', '/letters/a/b')).toBe(true);
    expect(ruleMatches('/letters/*', '/letters-x/')).toBe(false);
    expect(ruleMatches('/feed.xml', '/feed.xml')).toBe(true);
    expect(ruleMatches('/feed.xml', '/feed.xml/x')).toBe(false);
  });
});

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[]; needs?: string; environment?: { name: string }; permissions?: unknown }>;
}
const workflowAt = (file: string) => parse(read(file)) as Workflow;
const uses = (action: string) => (step: Step) => step.uses?.startsWith(`${action}@`) ?? false;
const runs = (command: string) => (step: Step) => (step.run ?? '').split('\n').some((l) => l.trim() === command);
/** The index of the first step that matches (fails the test if none does). */
const stepIndex = (steps: readonly Step[], predicate: (step: Step) => boolean, what: string) => {
  const i = steps.findIndex(predicate);
  expect(i, what).toBeGreaterThanOrEqual(0);
  return i;
};
const inOrder = (indexes: number[]) => expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
const npmLines = (workflow: Workflow) =>
  Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((s) => (s.run ?? '').split('\n')));

describe('GitHub Pages workflow', () => {
  const workflow = workflowAt('.github/workflows/pages.yml');
  const build = workflow.jobs.build!.steps;
  const index = (predicate: (step: Step) => boolean, what: string) => stepIndex(build, predicate, what);

  test('runs on pushes to main, daily at 00:05 JST; only the deploy job may publish', () => {
    expect(workflow.on).toHaveProperty('push');
    expect((workflow.on.push as { branches: string[] }).branches).toContain('main');
    // 15:05 UTC is 00:05 in Japan (UTC+9, no daylight saving time).
    expect(workflow.on.schedule).toEqual([{ cron: '5 15 * * *' }]);
    const [minute, hour] = '5 15 * * *'.split(' ').map(Number);
    expect(((hour! + 9) % 24) * 60 + minute!).toBe(5);
    // Only the deploy job, which runs no project code, may publish; the build reads.
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.build!.permissions).toEqual({ contents: 'read', pages: 'read' });
    expect(workflow.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(workflow.jobs.deploy!.steps.every((step) => step.run === undefined && !uses('actions/checkout')(step))).toBe(
      true,
    );
  });

  test('installs from the lockfile, checks the content, then builds for the Pages address and publishes', () => {
    const checkout = index(uses('actions/checkout'), 'checkout');
    const node = index(uses('actions/setup-node'), 'setup-node');
    const install = index(runs('npm ci'), 'npm ci');
    const content = index(runs('npm run check:content'), 'content check');
    const pages = index(uses('actions/configure-pages'), 'configure-pages');
    const buildStep = index(runs('npm run build'), 'build');
    const upload = index(uses('actions/upload-pages-artifact'), 'upload-pages-artifact');
    inOrder([checkout, node, install, content, buildStep, upload]);
    expect(pages).toBeLessThan(buildStep);
    const id = build[pages]!.id!;
    const env = build[buildStep]!.env!;
    expect(env.SITE_URL).toContain(`steps.${id}.outputs.base_url`);
    expect(env.DEPLOY).toBe('1');
    expect(build[upload]!.with?.path).toBe('dist');
    const deploy = workflow.jobs.deploy!;
    expect(deploy.needs).toBe('build');
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.some(uses('actions/deploy-pages'))).toBe(true);
  });

  test('publishing is gated by nothing that pins content: no test run before the deploy', () => {
    for (const line of npmLines(workflow)) expect(line).not.toMatch(/\bnpm (?:test|run test)/);
  });

  test('the build gets the editor’s settings from repository variables, the repository by default', () => {
    const env = build[index(runs('npm run build'), 'build')]!.env!;
    expect(env.CMS_REPO).toBe('${{ vars.CMS_REPO || github.repository }}');
    expect(env.CMS_AUTH_BASE_URL).toBe('${{ vars.CMS_AUTH_BASE_URL }}');
    expect(env.CMS_AUTH_ENDPOINT).toBe('${{ vars.CMS_AUTH_ENDPOINT }}');
  });

  test('every command it runs exists in package.json', () => {
    const lines = npmLines(workflow);
    expect(lines.flatMap(npmCommands).length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expectCommandsExist(line);
  });

  test('the address it builds with (base_url, without its slash) is one the build accepts, with the repository as base', () => {
    expect(parseSiteUrl('https://jichiroren.github.io/mynumber-youseisho/')).toMatchObject({
      site: 'https://jichiroren.github.io',
      base: '/mynumber-youseisho/',
    });
    expect(parseSiteUrl('https://mynumber.example.org/').base).toBe('/');
  });
});

describe('pull request workflow', () => {
  const workflow = workflowAt('.github/workflows/pr-check.yml');

  test('runs on pull_request (never pull_request_target) with read-only permissions', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(read('.github/workflows/pr-check.yml')).not.toMatch(/pull_request_target/);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(workflow.jobs)) expect(job.permissions).toBeUndefined();
  });

  test('installs from the lockfile, checks the content, builds and runs the unit tests, on Node 24', () => {
    const steps = workflow.jobs.check!.steps;
    const at = (predicate: (step: Step) => boolean, what: string) => stepIndex(steps, predicate, what);
    const node = at(uses('actions/setup-node'), 'setup-node');
    expect(steps[node]!.with?.['node-version']).toBe(24);
    inOrder([
      at(uses('actions/checkout'), 'checkout'),
      node,
      at(runs('npm ci'), 'npm ci'),
      at(runs('npm run check:content'), 'content check'),
      at(runs('npm run build'), 'build'),
      at(runs('npm run test:unit'), 'unit tests'),
    ]);
    for (const line of npmLines(workflow)) expectCommandsExist(line);
  });
});

describe('Netlify and Cloudflare Pages', () => {
  test('netlify.toml builds with an existing command into dist/, for the site’s address', () => {
    const toml = read('netlify.toml');
    const command = /^\s*command\s*=\s*"((?:[^"\\]|\\.)*)"/m.exec(toml)?.[1];
    expect(command).toBeDefined();
    expect(command).toContain('npm run build');
    expect(command).toContain('SITE_URL=');
    expectCommandsExist(command!);
    expect(toml).toMatch(/^\s*publish\s*=\s*"dist"/m);
    expect(toml).toMatch(/NODE_VERSION\s*=\s*"24"/);
  });

  test('the README gives each host its settings, and the commands it names exist', () => {
    const readme = read('README.md');
    const deploy = /\n## Deploy\n([\s\S]*?)(?=\n## )/.exec(readme)?.[1];
    expect(deploy, 'README has a "## Deploy" section').toBeDefined();
    for (const word of ['GitHub Pages', 'Netlify', 'Cloudflare Pages', 'SITE_URL', 'pages.yml', 'netlify.toml', 'dist'])
      expect(deploy).toContain(word);
    for (const line of deploy!.split('\n')) expectCommandsExist(line);
  });

  test('no public/_headers competes with the generated one', () => {
    expect(existsSync(join(ROOT, 'public', '_headers'))).toBe(false);
  });
});

describe('CI', () => {
  test('.ci/run installs with npm ci, then runs the README’s test command', () => {
    const readmeTest = /^npm install && (npm test)\b/m.exec(read('README.md'))?.[1];
    expect(readmeTest, 'README gives "npm install && npm test"').toBe('npm test');
    const commands = read('.ci/run')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^npm\b/.test(l));
    expect(commands).toEqual(['npm ci', readmeTest]);
  });
});

describe('configuration messages', () => {
  // Every README section a build or editor message sends the reader to exists as a heading.
  const files = ['src/lib/site-address.ts', 'src/lib/cms/config.ts'];
  const named = files.flatMap((file) =>
    [...read(file).matchAll(/README ?の?「([^」]+)」/g)].map((m) => [file, m[1]!] as const),
  );
  const headings = read('README.md')
    .split('\n')
    .filter((line) => /^#{2,4} /.test(line))
    .map((line) => line.replace(/^#+ /, ''));

  test('the messages name README sections', () => {
    expect(named.map(([file]) => file)).toEqual(expect.arrayContaining(files));
  });

  test.each(named)('%s names 「%s」, a README heading', (_file, section) => {
    expect(headings).toContain(section);
  });
});
