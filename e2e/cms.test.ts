// The editor at /admin/ in a real browser, as an organizer uses it: `npm run edit` (decap-server and the
// built site) runs on a git copy of the project (the frozen fixture content), so the real content/ is
// never touched. It serves the browser tests' build (EDIT_SKIP_BUILD=1, a copy of the global setup's
// dist: a local build, so its /admin/ is the editor) instead of building again. A history entry added
// through the form lands in exactly that demand's file, exactly as `npm run demand -- add` writes it,
// passes the check and the build, and shows on the demand page, /status/, the feed and the API. That one
// build is a host's deploy build (DEPLOY=1) without editor settings: it announces each missing setting in
// Japanese and its /admin/ explains what to set instead of loading an editor that cannot sign in or save
// (so it runs last of the editor's tests). An entry without a source is refused with a Japanese message
// naming file, line and field.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Page } from 'playwright-core';
import { copyProject, removeProject, PROJECT_ROOT } from '../tests/helpers/project-copy.ts';
import { checkContent } from '../src/lib/content-check.ts';
import { appendHistoryEntry } from '../src/lib/demand-edit.ts';
import { HistoryEntrySchema, type Demand } from '../src/lib/schemas.ts';
import { EVENT_TYPES, STATUS_KEYS, STATUSES } from '../src/lib/status.ts';
import { todayInJapan } from '../src/lib/dates.ts';
import { DEMAND_MARK } from '../src/lib/cms/demand-mark.ts';
import { EDITOR_SETUP_README } from '../src/lib/cms/config.ts';
import { demandFiles } from '../src/lib/cms/folders.ts';
import { newPage } from './harness.ts';

const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
// `npm run edit` as an organizer runs it, not in Vitest's NODE_ENV=test (which would bundle React's
// development build beside Decap's production React DOM), for the address the served build was made for.
delete env['NODE_ENV'];
env['SITE_URL'] = inject('buildSite');
// No editor settings of this machine or CI reach the deploy build, nor Vite's own variables (BASE_URL=/…).
for (const key of ['CMS_REPO', 'GITHUB_REPOSITORY', 'REPOSITORY_URL', 'CMS_AUTH_BASE_URL', 'NETLIFY', 'DEPLOY'])
  delete env[key];
for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];

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
/** The home page of the served site (base included). */
let home = '';
let sitePort = 0;
let cmsPort = 0;

beforeAll(async () => {
  dir = copyProject();
  for (const entry of ['scripts', '.gitignore'])
    cpSync(join(PROJECT_ROOT, entry), join(dir, entry), { recursive: true });
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'copy');
  // The browser tests' build (dist/ is in .gitignore), served as it is: no build before the edit.
  cpSync(inject('distDir'), join(dir, 'dist'), { recursive: true });
  [sitePort, cmsPort] = [await freePort(), await freePort()];
  // `npm run edit` writes decap-server's port into the served config.yml.
  env['CMS_PORT'] = String(cmsPort);
  edit = spawn('npm', ['run', '-s', 'edit'], {
    cwd: dir,
    env: { ...env, PORT: String(sitePort), EDIT_SKIP_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  adminUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run edit did not say where to go:\n${output}`)), 110_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      // The one line `npm run edit` prints for the organizer.
      const url = /管理画面を開いてください: (http:\/\/localhost:\d+\/(?:[\w-]+\/)*admin\/)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    edit!.stdout!.on('data', onData);
    edit!.stderr!.on('data', onData);
    edit!.on('exit', (code) => reject(new Error(`npm run edit stopped (${code}):\n${output}`)));
  });
  home = new URL('../', adminUrl).href;
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
  await page.getByRole('link', { name: '要求', exact: true }).first().waitFor();
  return page;
}

/** Adds a history entry to the demand through the form and publishes (saves) it. */
async function addEntry(
  page: Page,
  demand: Demand,
  entry: { date: string; typeKey: string; statusKey: string; summary: string; source?: { title: string; url: string } },
): Promise<void> {
  await page.goto(`${adminUrl}#/collections/demands/entries/${demand.letter}/demands/${demand.number}`);
  await page.getByLabel('短い題', { exact: true }).waitFor();
  await page.getByRole('button', { name: '経過を追加' }).last().click();
  await page.getByLabel('日付', { exact: true }).last().fill(entry.date);
  await page.getByLabel('出来事の種類').last().click();
  await page.getByRole('option', { name: `（${entry.typeKey}）` }).click();
  await page.getByLabel('この出来事の後の状況').last().click();
  await page
    .getByRole('option', { name: `${STATUSES[entry.statusKey as 'responded'].ja}（${entry.statusKey}）` })
    .click();
  await page.getByLabel('何があったか', { exact: true }).last().fill(entry.summary);
  if (entry.source) {
    await page.getByRole('button', { name: '出典を追加' }).last().click();
    await page.getByLabel('出典の題名').last().fill(entry.source.title);
    await page.getByLabel('出典の URL').last().fill(entry.source.url);
  }
  await page.getByRole('button', { name: '公開', exact: true }).click();
  await page.getByRole('menuitem', { name: '公開する', exact: true }).click();
}

/**
 * The file once the save has changed it and finished writing (decap-server truncates, then writes: a
 * read in between sees an empty or partial file, so the text must stay the same for 300 ms).
 */
async function waitForChange(file: string, before: string): Promise<string> {
  const read = () => readFileSync(join(dir, file), 'utf8');
  let last = before;
  let stableSince = Date.now();
  for (let i = 0; i < 150; i++) {
    const now = read();
    if (now !== last) [last, stableSince] = [now, Date.now()];
    else if (now !== before && Date.now() - stableSince >= 300) return now;
    await new Promise((r) => setTimeout(r, 100));
  }
  return read();
}

describe('the editor at /admin/ (npm run edit, on a copy)', () => {
  test('Japanese interface, no page error, no other host; config.yml offers the 8 statuses', async () => {
    const page = await openEditor();
    await expect.poll(() => page.locator('body').innerText()).toContain('要求');
    const text = await page.locator('body').innerText();
    expect(text).toContain('サイトの文章');
    expect(text).toMatch(/新しい|検索|コレクション/);
    expect(text).not.toMatch(/\bAdd\b|Loading/);
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
    // One demands collection per extension in use, whatever the number of letters.
    const demandCollections = config.collections.filter((c) => c.name.startsWith('demands'));
    expect(demandCollections.length).toBeGreaterThan(0);
    expect(demandCollections.length).toBeLessThanOrEqual(2);
    for (const collection of demandCollections) {
      const history = collection.fields!.find((f) => f.name === 'statusHistory')!;
      const status = history.fields!.find((f) => f.name === 'status')!;
      expect(status.options!.map((o) => o.value)).toEqual([...STATUS_KEYS]);
      expect(status.options).toHaveLength(8);
    }
  }, 120_000);

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
            // The entry is also counted from 1, as the command counts it (（statusHistory の4件目）).
            `${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+  statusHistory\\[${index}\\]\\.sources(?:（statusHistory の${index + 1}件目）)?: 必ず書く項目です`,
          ),
        );
        expect(check.stderr).not.toMatch(/at .+\.ts:\d+/); // no stack trace
      }
    } finally {
      git(dir, 'checkout', '--', file);
    }
  }, 120_000);

  test('Japanese typed through an input method (composition, then commit) is saved exactly', async () => {
    // A different demand from the tests above: the second of the copy, whatever content/ holds.
    const [, demand] = [...checkContent(dir).demands.values()].sort(
      (a, b) => a.data.letter.localeCompare(b.data.letter) || a.data.number - b.data.number,
    );
    const file = demand!.file;
    const before = readFileSync(join(dir, file), 'utf8');
    const page = await openEditor();
    const { letter, number } = demand!.data;
    await page.goto(`${adminUrl}#/collections/demands/entries/${letter}/demands/${number}`);
    await page.getByLabel('短い題', { exact: true }).waitFor();
    // The form's own buttons and labels are Japanese too (Decap's "Add %{item}" was English).
    expect(await page.locator('body').innerText()).not.toMatch(/\bAdd\b|\bExpand\b|\bCollapse\b/);
    // Collapsed history rows: date, then the type and the status by their Japanese labels.
    const [first] = demand!.data.statusHistory;
    await expect
      .poll(() => page.locator('body').innerText())
      .toContain(`${first!.date}　種類：${EVENT_TYPES[first!.type]}　状況：${STATUSES[first!.status].ja}`);
    expect(await page.locator('body').innerText()).not.toContain(`種類：${first!.type}`);
    await page.getByRole('button', { name: '経過を追加' }).last().click();
    await page.getByLabel('日付', { exact: true }).last().fill(todayInJapan());
    await page.getByLabel('出来事の種類').last().click();
    await page.getByRole('option', { name: '（response）' }).click();
    await page.getByLabel('この出来事の後の状況').last().click();
    await page.getByRole('option', { name: `${STATUSES.responded.ja}（responded）` }).click();
    // 何があったか, typed as an input method types it: a composition that changes, then is committed.
    const field = page.getByLabel('何があったか', { exact: true }).last();
    await field.click();
    // Counts the composition events the field receives: the text must come through the input method.
    await field.evaluate((element) => {
      const counts = { start: 0, end: 0 };
      (window as unknown as { compositions: typeof counts }).compositions = counts;
      element.addEventListener('compositionstart', () => counts.start++);
      element.addEventListener('compositionend', () => counts.end++);
    });
    const cdp = await page.context().newCDPSession(page);
    const compose = async (steps: string[], commit: string) => {
      for (const text of steps)
        await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      await cdp.send('Input.insertText', { text: commit });
    };
    await compose(['ま', 'まい', 'まいな', 'まいなんばー', 'マイナンバー'], 'マイナンバー');
    await compose(['か', 'かー', 'かーど'], 'カード');
    await compose(['に', 'につ', 'についてかいとうした', 'について回答した'], 'について回答した');
    await compose(['。'], '。');
    const summary = 'マイナンバーカードについて回答した。';
    expect(await page.evaluate(() => (window as unknown as { compositions: unknown }).compositions)).toEqual({
      start: 4,
      end: 4,
    });
    expect(await field.inputValue()).toBe(summary);
    await page.getByRole('button', { name: '出典を追加' }).last().click();
    await page.getByLabel('出典の題名').last().fill('入力方式の試験の出典');
    await page.getByLabel('出典の URL').last().fill('https://example.org/cms-e2e/ime');
    await page.getByRole('button', { name: '公開', exact: true }).click();
    await page.getByRole('menuitem', { name: '公開する', exact: true }).click();
    try {
      const after = await waitForChange(file, before);
      const entry = HistoryEntrySchema.parse({
        date: todayInJapan(),
        type: 'response',
        status: 'responded',
        summary,
        sources: [{ title: '入力方式の試験の出典', url: 'https://example.org/cms-e2e/ime' }],
      });
      expect(after).toBe(appendHistoryEntry(before, entry));
      expect(errorsOf.get(page)).toEqual([]);
    } finally {
      git(dir, 'checkout', '--', file);
    }
  }, 120_000);

  test('a new demand is written into its letter’s folder, named by its number, without the list’s mark, and passes the check', async () => {
    const demand = pickDemand();
    const { letter } = demand.data;
    const numbers = [...checkContent(dir).demands.values()]
      .filter((d) => d.data.letter === letter)
      .map((d) => d.data.number);
    const number = Math.max(...numbers) + 1;
    // The `demands` collection lists the extension most in use (src/lib/cms/folders.ts).
    const file = `content/letters/${letter}/demands/${number}${demandFiles(dir).demandExtensions[0] ?? '.md'}`;
    const page = await openEditor();
    await page.goto(`${adminUrl}#/collections/demands/new`);
    await page.getByLabel('短い題', { exact: true }).waitFor();
    await page.getByLabel('要請書', { exact: true }).fill(letter);
    await page.getByLabel('番号', { exact: true }).fill(String(number));
    await page.getByLabel('番号の表記', { exact: true }).fill(`${number}.`);
    await page.getByLabel('要求の文言', { exact: true }).fill('管理画面から加えた要求の文言（e2e）。');
    await page.getByLabel('短い題', { exact: true }).fill('管理画面から加えた要求');
    // Every list starts empty (no blank item whose required fields would block the save).
    expect(await page.locator('body').innerText()).toMatch(
      /0 経過[\s\S]*0 根拠となる条文|0 根拠となる条文[\s\S]*0 経過/,
    );
    await page.getByRole('button', { name: '経過を追加' }).click();
    await page.getByLabel('日付', { exact: true }).last().fill(demand.data.statusHistory[0]!.date);
    await page.getByLabel('出来事の種類').last().click();
    await page.getByRole('option', { name: '（submitted）' }).click();
    await page.getByLabel('この出来事の後の状況').last().click();
    await page.getByRole('option', { name: `${STATUSES.awaiting_response.ja}（awaiting_response）` }).click();
    await page.getByLabel('何があったか', { exact: true }).last().fill('要請書を提出した（e2e）。');
    await page.getByRole('button', { name: '出典を追加' }).last().click();
    await page.getByLabel('出典の題名').last().fill('新しい要求の試験の出典');
    await page.getByLabel('出典の URL').last().fill('https://example.org/cms-e2e/new');
    await page.getByLabel('最終確認日', { exact: true }).fill(todayInJapan());
    await page.getByRole('button', { name: '公開', exact: true }).click();
    await page.getByRole('menuitem', { name: '公開する', exact: true }).click();
    try {
      // The one new file, where the demand's letter and number put it.
      const added = () =>
        git(dir, 'status', '--porcelain')
          .stdout.split('\n')
          .filter((line) => line.startsWith('?? '))
          .map((line) => line.slice(3));
      await expect.poll(added, { timeout: 20_000 }).toEqual([file]);
      const text = await waitForChange(file, '');
      expect(text).toMatch(new RegExp(`^---\\nletter: ${letter}\\nnumber: ${number}\\n`));
      expect(text).not.toContain(DEMAND_MARK);
      // A whole demand made in the form passes the check (no blank list item, no half English group).
      const check = run(dir, 'npm', ['run', '-s', 'check:content']);
      expect(check.status, check.stderr).toBe(0);
      expect(errorsOf.get(page)).toEqual([]);
    } finally {
      rmSync(join(dir, file), { force: true });
    }
  }, 120_000);

  test('a letter’s demands are two clicks away: 要求, then the letter’s folder', async () => {
    const demand = pickDemand();
    const page = await openEditor();
    await page.getByRole('link', { name: '要求', exact: true }).first().click();
    await page.getByRole('link', { name: demand.data.letter, exact: true }).first().click();
    await expect
      .poll(() => page.locator('body').innerText())
      .toContain(`要求${demand.data.number}「${demand.data.shortTitle}」`);
    // Letter files are not demands: none is listed here.
    expect(await page.locator('body').innerText()).not.toContain('要請書。本文');
  }, 120_000);

  // Last: its deploy build replaces the served /admin/ with the page that explains what to set.
  test('a history entry added in the form is exactly that entry in that file, checked, built by a deploy build and published', async () => {
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
    // A host's deploy build (DEPLOY=1) whose editor lacks repository and sign-in.
    const build = spawnSync('npx', ['astro', 'build'], { cwd: dir, env: { ...env, DEPLOY: '1' }, encoding: 'utf8' });
    const output = `${build.stdout}\n${build.stderr}`;
    expect(build.status, output).toBe(0);
    // One line per missing setting, each naming the README section.
    for (const setting of ['CMS_REPO', 'CMS_AUTH_BASE_URL']) {
      const line = output.split('\n').find((l) => l.includes('管理画面：') && l.includes(setting));
      expect(line, output).toBeDefined();
      expect(line).toContain(EDITOR_SETUP_README);
    }

    // The preview of `npm run edit` serves the new build.
    const get = async (path: string) => (await fetch(new URL(path, home))).text();
    const { letter, number } = demand.data;
    expect(await get(`letters/${letter}/demands/${number}/`)).toContain(entry.summary);
    expect(await get('status/')).toContain(entry.summary);
    expect(await get('feed.xml')).toContain(entry.summary);
    const api = JSON.parse(await get('api/demands.json')) as {
      letter: string;
      number: number;
      history: { summary: string; sources: unknown[] }[];
    }[];
    const published = api.find((d) => d.letter === letter && d.number === number)!;
    expect(published.history.at(-1)).toMatchObject({ summary: entry.summary, sources: entry.sources });

    // /admin/ explains what to set instead of loading an editor that cannot sign in or save.
    const admin = await get('admin/');
    expect(admin).toContain('管理画面はまだ使えません');
    expect(admin).toContain('CMS_REPO');
    expect(admin).toContain('CMS_AUTH_BASE_URL');
    expect(admin).toContain(`href="${new URL(home).pathname}guide/#publish"`);
    expect(admin).not.toContain('<script');
    expect(await get('guide/')).toContain('id="publish"');
    // config.yml documents the editor's fields, and names no repository rather than a placeholder.
    const config = await get('admin/config.yml');
    expect(config).toMatch(/^backend:\n  name: github\n/m);
    expect(config).not.toMatch(/^\s+repo:/m);
    expect(existsSync(join(dir, 'dist', 'admin', 'decap'))).toBe(false);
  }, 240_000);
});

describe('npm run edit listens on this machine only', () => {
  /** The machine's own addresses that are not loopback (IPv4 and IPv6, link-local left out). */
  const outside = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && !a.internal && !a.address.startsWith('fe80:'))
    .map((a) => a!.address);

  /** 'open' if a TCP connection to address:port is accepted, else the error code. */
  const tryConnect = (host: string, port: number) =>
    new Promise<string>((resolve) => {
      const socket = connect({ host, port, timeout: 3000 });
      socket.once('connect', () => (socket.destroy(), resolve('open')));
      socket.once('timeout', () => (socket.destroy(), resolve('timeout')));
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
  const getEntry = (host: string) =>
    fetch(`http://${host.includes(':') ? `[${host}]` : host}:${cmsPort}/api/v1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ action: 'getEntry', params: { branch: 'main', path: 'content/site.yaml' } }),
    });

  test('the file backend answers getEntry on 127.0.0.1 (the check below can fail)', async () => {
    const response = await getEntry('127.0.0.1');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: string }).data).toBe(
      readFileSync(join(dir, 'content/site.yaml'), 'utf8'),
    );
    expect(await tryConnect('127.0.0.1', sitePort)).toBe('open');
  });

  // Skipped only on a machine with no network address besides loopback (nothing to test against).
  test.skipIf(outside.length === 0)(
    'neither the file backend nor the site answers on a non-loopback address of this machine',
    async () => {
      for (const address of outside) {
        expect(await tryConnect(address, cmsPort), `${address}:${cmsPort}`).not.toBe('open');
        expect(await tryConnect(address, sitePort), `${address}:${sitePort}`).not.toBe('open');
        await expect(getEntry(address)).rejects.toThrow();
      }
    },
  );
});
