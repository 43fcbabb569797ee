// The editor at /admin/, driven in Chromium against `npm run edit`'s servers (decap-server in
// file-system mode plus the built site) on a git copy of the project: what an organizer saves is
// exactly one new history entry in one file, and it reaches every view of the next build.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { copyProject, removeProject, PROJECT_ROOT } from '../tests/helpers/project-copy.ts';

const DEMAND = 'content/letters/2019-07-23-soumu/demands';
const COLLECTION = 'demands-2019-07-23-soumu';
const SUMMARY = '管理画面から記録した試験用の経過。';
const SOURCE_URL = 'https://example.org/cms-e2e-source';

let dir = '';
let edit: ChildProcess | undefined;
let browser: Browser;
let adminUrl = '';
const git = (...args: string[]) =>
  spawnSync('git', ['-c', 'user.email=e2e@example.org', '-c', 'user.name=e2e', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });

beforeAll(async () => {
  dir = copyProject();
  cpSync(join(PROJECT_ROOT, 'scripts'), join(dir, 'scripts'), { recursive: true });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'before');
  edit = spawn('node', ['scripts/edit.ts'], { cwd: dir, env: { ...process.env, PORT: '4391' }, detached: true });
  adminUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    edit!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /(http:\/\/localhost:\d+\/\S*admin\/)/.exec(output)?.[1];
      if (url) resolve(url);
    });
    edit!.on('exit', (code) => reject(new Error(`npm run edit stopped (${code}): ${output}`)));
  });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (edit?.pid) process.kill(-edit.pid, 'SIGTERM');
  if (dir) removeProject(dir);
});

async function openDemand(page: Page, number: number): Promise<void> {
  await page.goto(`${adminUrl}#/collections/${COLLECTION}/entries/${number}`, { waitUntil: 'commit' });
  await page.getByRole('button', { name: /ログイン/ }).click({ timeout: 90_000 });
  await page.getByRole('button', { name: 'Add 経過' }).click({ timeout: 60_000 });
}

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label).last().click();
  await page.getByRole('option', { name: option }).click();
}

async function fillEntry(page: Page, withSource: boolean): Promise<void> {
  await page.getByLabel('日付').last().fill('2020-01-10');
  await page.getByLabel('日付').last().press('Tab');
  await choose(page, '出来事の種類', '回答（response）');
  await choose(page, 'この出来事の後の状況', '協議中（in_negotiation）');
  await page.getByLabel('何があったか').last().fill(SUMMARY);
  if (withSource) {
    await page.getByRole('button', { name: 'Add 出典' }).last().click();
    await page.getByLabel('出典の題名').last().fill('試験用の出典');
    await page.getByLabel('出典の URL').last().fill(SOURCE_URL);
  }
}

async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: '公開', exact: true }).click();
  await page.getByRole('menuitem', { name: /今すぐ公開/ }).click();
}

describe('the editor at /admin/', () => {
  test('adds one history entry to one file, which the check and the build publish everywhere', async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on('request', (r) => {
      const host = new URL(r.url()).hostname;
      if (host !== 'localhost' && host !== '127.0.0.1') foreign.push(r.url());
    });
    await openDemand(page, 2);
    await fillEntry(page, true);
    await publish(page);
    await expect.poll(() => git('status', '--porcelain').stdout.trim(), { timeout: 30_000 }).not.toBe('');
    await page.close();
    expect(foreign).toEqual([]);

    // Exactly that file, by exactly that entry (added lines only).
    expect(git('status', '--porcelain').stdout.trim()).toBe(`M ${DEMAND}/2.md`);
    const diff = git('diff', '-U0', `${DEMAND}/2.md`).stdout;
    const changed = diff.split('\n').filter((l) => /^[+-](?![+-])/.test(l));
    expect(changed.every((l) => l.startsWith('+'))).toBe(true);
    expect(changed).toEqual([
      '+  - date: "2020-01-10"',
      '+    type: response',
      '+    status: in_negotiation',
      `+    summary: "${SUMMARY}"`,
      '+    sources:',
      '+      - title: "試験用の出典"',
      `+        url: ${SOURCE_URL}`,
    ]);

    const check = spawnSync('node', ['scripts/check-content.ts'], { cwd: dir, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const build = spawnSync('npx', ['astro', 'build'], { cwd: dir, encoding: 'utf8', env: { ...process.env } });
    expect(build.status, build.stderr).toBe(0);
    const dist = (path: string) => readFileSync(join(dir, 'dist', path), 'utf8');
    expect(dist('letters/2019-07-23-soumu/demands/2/index.html')).toContain(SUMMARY);
    expect(dist('status/index.html')).toMatch(/data-demand="2019-07-23-soumu\/2" data-status="in_negotiation"/);
    expect(dist('feed.xml')).toContain(SUMMARY);
    const api = JSON.parse(dist('api/demands.json')) as { demands: { id: string; status: string }[] };
    expect(JSON.stringify(api)).toContain(SUMMARY);
  }, 600_000);

  test('an entry without a source cannot be saved', async () => {
    const page = await browser.newPage();
    await openDemand(page, 3);
    await fillEntry(page, false);
    await page.getByRole('button', { name: '公開', exact: true }).click();
    await page.getByRole('menuitem', { name: /今すぐ公開/ }).click();
    // Decap refuses the save and marks the list: the schema's min 1 is in the generated config.
    await expect
      .poll(() => page.getByText(/少なくとも1|1 個以上|1個以上|必須/).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await page.close();
    expect(git('status', '--porcelain').stdout).not.toContain(`${DEMAND}/3.md`);
  }, 300_000);
});
