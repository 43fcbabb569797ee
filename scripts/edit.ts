// `npm run edit`: builds the site, then serves it (astro preview) with the editor at /admin/ working on
// this checkout through Decap's local backend (decap-server on port 8081 or CMS_PORT, file-system mode: saves
// write the files here; nothing leaves the machine). Both listen on 127.0.0.1 only (e2e/cms.test.ts proves
// that neither answers on this machine's network address). Prints one line saying which URL to open.
// Ctrl+C stops both. The editor runs from the build, not `astro dev`: Decap's bundle carries React
// DOM's production build, and the dev server would pair it with React's development build.
// EDIT_SKIP_BUILD=1 serves the build already in dist/ instead of building (e2e/cms.test.ts serves the
// browser tests' build this way): that build must have the editor (a local build, not a deploy build
// without editor settings), and its admin/config.yml is written anew for this checkout and CMS_PORT.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sitePath, HOME_URL } from '../src/lib/urls.ts';
import { backendFromEnv, cmsConfig, cmsConfigYaml } from '../src/lib/cms/config.ts';
import { demandFiles } from '../src/lib/cms/folders.ts';
import { DECAP_DIR } from '../src/integrations/decap-cms.ts';

const SITE_PORT = Number(process.env.PORT ?? 4321);
/** The only address either server listens on. */
const LOOPBACK = '127.0.0.1';
// Decap looks for its local backend here (local_backend in config.yml, written by the build below).
const CMS_PORT = Number(process.env.CMS_PORT ?? 8081);
const root = process.env.EDIT_ROOT ?? process.cwd();
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CMS_PORT: String(CMS_PORT) };

const children: ChildProcess[] = [];
function start(name: string, args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  const child = spawn('npx', args, {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  child.on('exit', (code) => {
    if (stopping) return;
    console.error(`${name} が止まりました（終了コード ${code}）。もう一度 npm run edit を実行してください。`);
    stop(1);
  });
  return child;
}

let stopping = false;
function stop(code = 0): void {
  stopping = true;
  // Each server runs in its own process group (npx, then the server): stop the whole group.
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already stopped
    }
  }
  process.exitCode = code;
}
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());

if (process.env.EDIT_SKIP_BUILD === '1') {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, DECAP_DIR))) {
    console.error(
      `${dist} に管理画面の入った組み立て済みのサイトがありません。EDIT_SKIP_BUILD を付けずに npm run edit を実行してください。`,
    );
    process.exit(1);
  }
  // The same file the build writes (src/pages/admin/config.yml.ts), for this checkout's files and CMS_PORT.
  const config = cmsConfig(demandFiles(root), backendFromEnv(env), HOME_URL);
  writeFileSync(join(dist, 'admin', 'config.yml'), cmsConfigYaml(config));
} else {
  console.log('サイトを組み立てています（1分ほどかかります）…');
  const build = spawnSync('npx', ['astro', 'build'], { cwd: root, env, encoding: 'utf8' });
  if (build.status !== 0) {
    console.error(`${build.stdout}\n${build.stderr}`.trim().split('\n').slice(-20).join('\n'));
    console.error(
      'サイトを組み立てられませんでした。上のメッセージのファイルと項目を直してから、もう一度実行してください。',
    );
    process.exit(1);
  }
}

// Both servers listen on this machine's loopback address only: decap-server reads and writes the files of
// this checkout, and nobody else on the network may reach it. decap-server binds where BIND_HOST says
// (without it, on every interface); the preview binds where --host says.
const cms = start('decap-server', ['decap-server'], {
  PORT: String(CMS_PORT),
  BIND_HOST: LOOPBACK,
  GIT_REPO_DIRECTORY: root,
  MODE: 'fs',
});
const site = start('astro preview', ['astro', 'preview', '--port', String(SITE_PORT), '--host', LOOPBACK]);

// Quiet unless something goes wrong: the one line to read is the URL to open.
let cmsReady = false;
let siteReady = false;
const errors: string[] = [];
const watch = (child: ChildProcess, ready: RegExp, onReady: () => void): void => {
  const onData = (chunk: Buffer): void => {
    const text = chunk.toString();
    if (ready.test(text)) onReady();
    if (/error/i.test(text)) errors.push(text.trim());
    if (process.env.EDIT_VERBOSE) process.stderr.write(text);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
};
const announce = (): void => {
  if (!cmsReady || !siteReady) return;
  console.log(
    `管理画面を開いてください: http://localhost:${SITE_PORT}${sitePath('/admin/')}（保存した内容は、もう一度 npm run edit を実行するとサイトに表示されます。終了は Ctrl+C）`,
  );
};
watch(cms, /listening on/i, () => ((cmsReady = true), announce()));
watch(site, /localhost:|127\.0\.0\.1:|ready/i, () => ((siteReady = true), announce()));
process.on('exit', () => {
  if (process.exitCode && errors.length) console.error(errors.slice(-5).join('\n'));
});
