// The editor at /admin/ in a real browser, as an organizer uses it: `npm run edit` (decap-server and the
// built site) runs on a git copy of the project, so the real content/ is never touched. A history entry
// added through the form lands in exactly that demand's file, exactly as `npm run demand -- add` writes
// it, passes the check and the build, and shows on the demand page, /status/, the feed and the API. An
// entry without a source is refused with a Japanese message naming file, line and field.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Page } from 'playwright-core';
import { copyProject, removeProject, PROJECT_ROOT } from '../tests/helpers/project-copy.ts';
import { checkContent } from '../src/lib/content-check.ts';
import { appendHistoryEntry } from '../src/lib/demand-edit.ts';
import { HistoryEntrySchema, type Demand } from '../src/lib/schemas.ts';
import { STATUS_KEYS, STATUSES } from '../src/lib/status.ts';
import { todayInJapan } from '../src/lib/dates.ts';
import { newPage } from './harness.ts';

const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
// `npm run edit` as an organizer runs it: built for localhost, and not in Vitest's NODE_ENV=test (which
// would bundle React's development build beside Decap's production React DOM).
delete env['SITE_URL'];
delete env['NODE_ENV'];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const run = (dir: string, command: string, args: string[]) =>
  spawnSync(command, args, { cwd: dir, env, encoding: 'utf8' });
const git = (dir: string, ...args: string[]) =>
  run(dir, 'git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@localhost', ...args]);

let dir = '';
let edit: ChildProcess | undefined;
let adminUrl = '';
let origin = '';

beforeAll(async () => {
  dir = copyProject({ content: 'real' });
  for (const entry of ['scripts', '.gitignore'])
    cpSync(join(PROJECT_ROOT, entry), join(dir, entry), { recursive: true });
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'copy');
  const [sitePort, cmsPort] = [await freePort(), await freePort()];
  // The build below (as `npm run edit`'s own) writes decap-server's port into config.yml.
  env['CMS_PORT'] = String(cmsPort);
  edit = spawn('npm', ['run', '-s', 'edit'], {
    cwd: dir,
    env: { ...env, PORT: String(sitePort) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  adminUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run edit did not say where to go:\n${output}`)), 110_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      // The one line `npm run edit` prints for the organizer.
      const url = /管理画面を開いてください: (http:\/\/localhost:\d+\/admin\/)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    edit!.stdout!.on('data', onData);
    edit!.stderr!.on('data', onData);
    edit!.on('exit', (code) => reject(new Error(`npm run edit stopped (${code}):\n${output}`)));
  });
  origin = new URL(adminUrl).origin;
}, 120_000);

afterAll(() => {
  if (edit?.pid) {
    try {
      process.kill(-edit.pid, 'SIGTERM');
    } catch {
      // already stopped
    }
  }
  if (dir) removeProject(dir);
});

/** The first demand of the copy (whatever content/ holds), with its file. */
function pickDemand(): { file: string; data: Demand } {
  const [first] = [...checkContent(dir).demands.values()].sort(
    (a, b) => a.data.letter.localeCompare(b.data.letter) || a.data.number - b.data.number,
  );
  return first!;
}

const errorsOf = new WeakMap<Page, string[]>();
const hostsOf = new WeakMap<Page, Set<string>>();

async function openEditor(): Promise<Page> {
  const page = await newPage();
  const errors: string[] = [];
  const hosts = new Set<string>();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => hosts.add(new URL(request.url()).host));
  errorsOf.set(page, errors);
  hostsOf.set(page, hosts);
  await page.goto(adminUrl);
  // The local backend needs no account: the button only opens the editor.
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page
    .getByRole('link', { name: /^要求：/ })
    .first()
    .waitFor();
  return page;
}

/** Adds a history entry to the demand through the form and publishes (saves) it. */
async function addEntry(
  page: Page,
  demand: Demand,
  entry: { date: string; typeKey: string; statusKey: string; summary: string; source?: { title: string; url: string } },
): Promise<void> {
  await page.goto(`${adminUrl}#/collections/demands-${demand.letter}/entries/${demand.number}`);
  await page.getByLabel('短い題', { exact: true }).waitFor();
  await page.getByRole('button', { name: /経過/ }).filter({ hasText: /経過$/ }).last().click();
  await page.getByLabel('日付', { exact: true }).last().fill(entry.date);
  await page.getByLabel('出来事の種類').last().click();
  await page.getByRole('option', { name: `（${entry.typeKey}）` }).click();
  await page.getByLabel('この出来事の後の状況').last().click();
  await page
    .getByRole('option', { name: `${STATUSES[entry.statusKey as 'responded'].ja}（${entry.statusKey}）` })
    .click();
  await page.getByLabel('何があったか', { exact: true }).last().fill(entry.summary);
  if (entry.source) {
    await page.getByRole('button', { name: /出典$/ }).last().click();
    await page.getByLabel('出典の題名').last().fill(entry.source.title);
    await page.getByLabel('出典の URL').last().fill(entry.source.url);
  }
  await page.getByRole('button', { name: '公開', exact: true }).click();
  await page.getByRole('menuitem', { name: '公開する', exact: true }).click();
}

async function waitForChange(file: string, before: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const now = readFileSync(join(dir, file), 'utf8');
    if (now !== before) return now;
    await new Promise((r) => setTimeout(r, 100));
  }
  return readFileSync(join(dir, file), 'utf8');
}

describe('the editor at /admin/ (npm run edit, on a copy)', () => {
  test('Japanese interface, no page error, no other host; config.yml offers the 8 statuses', async () => {
    const page = await openEditor();
    await expect.poll(() => page.locator('body').innerText()).toContain('要求：');
    const text = await page.locator('body').innerText();
    expect(text).toContain('サイトの文章');
    expect(text).toMatch(/新しい|検索|コレクション/);
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(errorsOf.get(page)).toEqual([]);
    // The site and the local backend on this machine only.
    for (const host of hostsOf.get(page)!) expect(host).toMatch(/^localhost:\d+$/);

    const config = parse(await (await fetch(new URL('config.yml', adminUrl))).text()) as {
      locale: string;
      collections: {
        name: string;
        fields?: { name: string; fields?: { name: string; options?: { value: string }[] }[] }[];
      }[];
    };
    expect(config.locale).toBe('ja');
    const demandCollections = config.collections.filter((c) => c.name.startsWith('demands-'));
    expect(demandCollections.length).toBeGreaterThan(0);
    for (const collection of demandCollections) {
      const history = collection.fields!.find((f) => f.name === 'statusHistory')!;
      const status = history.fields!.find((f) => f.name === 'status')!;
      expect(status.options!.map((o) => o.value)).toEqual([...STATUS_KEYS]);
      expect(status.options).toHaveLength(8);
    }
  }, 120_000);

  test('a history entry added in the form is exactly that entry in that file, checked, built and published', async () => {
    const demand = pickDemand();
    const before = readFileSync(join(dir, demand.file), 'utf8');
    const entry = {
      date: todayInJapan(),
      type: 'response',
      status: 'responded',
      summary: `管理画面から記録した回答（e2e ${Date.now()}）。`,
      sources: [{ title: '管理画面の試験の出典', url: 'https://example.org/cms-e2e/answer' }],
    };
    const page = await openEditor();
    await addEntry(page, demand.data, {
      date: entry.date,
      typeKey: entry.type,
      statusKey: entry.status,
      summary: entry.summary,
      source: entry.sources[0]!,
    });
    await expect.poll(() => page.getByText('保存しました。').count()).toBeGreaterThan(0);
    const after = await waitForChange(demand.file, before);

    // Exactly that file, by exactly that entry, as `npm run demand -- add` writes it.
    expect(git(dir, 'status', '--porcelain').stdout.trim()).toBe(`M ${demand.file}`);
    expect(after).toBe(appendHistoryEntry(before, HistoryEntrySchema.parse(entry)));
    expect(errorsOf.get(page)).toEqual([]);

    const check = run(dir, 'npm', ['run', '-s', 'check:content']);
    expect(check.status, check.stderr).toBe(0);
    const build = run(dir, 'npx', ['astro', 'build']);
    expect(build.status, build.stderr).toBe(0);

    // The preview of `npm run edit` serves the new build.
    const get = async (path: string) => (await fetch(`${origin}${path}`)).text();
    const { letter, number } = demand.data;
    expect(await get(`/letters/${letter}/demands/${number}/`)).toContain(entry.summary);
    expect(await get('/status/')).toContain(entry.summary);
    expect(await get('/feed.xml')).toContain(entry.summary);
    const api = JSON.parse(await get('/api/demands.json')) as {
      letter: string;
      number: number;
      history: { summary: string; sources: unknown[] }[];
    }[];
    const published = api.find((d) => d.letter === letter && d.number === number)!;
    expect(published.history.at(-1)).toMatchObject({ summary: entry.summary, sources: entry.sources });
  }, 240_000);

  test('an entry without a source does not get onto the site: the check refuses it in Japanese', async () => {
    const demand = pickDemand();
    const file = demand.file;
    const index = demand.data.statusHistory.length;
    const before = readFileSync(join(dir, file), 'utf8');
    const page = await openEditor();
    await addEntry(page, demand.data, {
      date: todayInJapan(),
      typeKey: 'other',
      statusKey: 'stalled',
      summary: '出典のない記録（e2e）。',
    });
    const after = await waitForChange(file, before);
    try {
      if (after === before) {
        // The editor itself refused to save.
        expect(await page.locator('body').innerText()).toMatch(/出典|必須|入力/);
      } else {
        // Decap saves a list left empty; the check, run before every build and in CI, refuses it.
        const check = run(dir, 'npm', ['run', '-s', 'check:content']);
        expect(check.status).toBe(1);
        expect(check.stderr).toMatch(
          new RegExp(
            `${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+  statusHistory\\[${index}\\]\\.sources: 必ず書く項目です`,
          ),
        );
        expect(check.stderr).not.toMatch(/at .+\.ts:\d+/); // no stack trace
      }
    } finally {
      git(dir, 'checkout', '--', file);
    }
  }, 120_000);
});
