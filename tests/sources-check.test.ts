/**
 * `npm run sources -- check` against a local HTTP server on 127.0.0.1 (these machines have no internet):
 * a live page, a dead one, a redirect, and a stand-in for the Wayback Machine's availability API.
 * The content is a copy of the frozen fixture whose web sources are pointed at the local server.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createServer, type Server } from 'node:http';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, removeProject, PROJECT_ROOT } from './helpers/project-copy.ts';
import {
  archiveNote,
  checkLink,
  checkSources,
  citedSources,
  formatSourceReport,
  isArchiveUrl,
  waybackCopy,
} from '../src/lib/sources.ts';
import { SourceSchema } from '../src/lib/schemas.ts';

let server: Server;
let origin = '';
const WAYBACK_COPY = 'http://web.archive.org/web/20190801000000/';

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/wayback/available') {
      const asked = url.searchParams.get('url') ?? '';
      const body = asked.includes('/dead/')
        ? { archived_snapshots: { closest: { available: true, status: '200', url: `${WAYBACK_COPY}${asked}` } } }
        : { archived_snapshots: {} };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    } else if (url.pathname.startsWith('/live/')) response.writeHead(200).end('live');
    else if (url.pathname.startsWith('/moved/')) response.writeHead(301, { location: '/live/new-address' }).end();
    else response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('archive addresses', () => {
  test.each([
    ['https://web.archive.org/web/2019/https://jichiroren.jp/', true],
    ['https://warp.ndl.go.jp/info:ndljp/pid/1/https://jichiroren.jp/', true],
    ['http://web.archive.org/web/2019/https://jichiroren.jp/', false],
    ['https://archive.example.org/web/2019/', false],
    ['https://web.archive.org.example.com/web/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isArchiveUrl(url)).toBe(expected);
    const parsed = SourceSchema.safeParse({ title: 't', url: 'https://jichiroren.jp/', archived: url });
    expect(parsed.success).toBe(expected);
  });
});

describe('the note beside a source on the pages', () => {
  test.each([
    [{}, null],
    [
      { archived: 'https://web.archive.org/web/1/a' },
      { archived: 'https://web.archive.org/web/1/a', label: '保存版', accessed: null },
    ],
    [{ accessed: '2026-12-06' }, { archived: null, label: '保存版', accessed: '2026年12月6日閲覧' }],
    [
      { archived: 'https://warp.ndl.go.jp/x', accessed: '2019-08-07' },
      { archived: 'https://warp.ndl.go.jp/x', label: '保存版', accessed: '2019年8月7日閲覧' },
    ],
  ])('%o → %o', (source, note) => {
    expect(archiveNote(source)).toEqual(note);
  });
});

describe('link states', () => {
  test.each([
    ['/live/page', 'ok'],
    ['/dead/page', 'dead'],
    ['/moved/page', 'redirect'],
  ])('%s is %s', async (path, kind) => {
    const state = await checkLink(`${origin}${path}`);
    expect(state.kind).toBe(kind);
    if (state.kind === 'redirect') expect(state.location).toBe(`${origin}/live/new-address`);
  });

  test('a closed port is unreachable, not dead', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect((await checkLink(`http://127.0.0.1:${port}/`)).kind).toBe('unreachable');
  });

  test('the Wayback copy is given as https, only when the API has one', async () => {
    const api = `${origin}/wayback/available`;
    expect(await waybackCopy(`${origin}/dead/a`, api)).toBe(
      `${WAYBACK_COPY.replace('http:', 'https:')}${origin}/dead/a`,
    );
    expect(await waybackCopy(`${origin}/live/a`, api)).toBeNull();
  });

  test('a source that has a copy is not looked up again', async () => {
    const sources = [
      {
        url: `${origin}/dead/x`,
        title: 'x',
        archived: 'https://web.archive.org/web/1/x',
        accessed: null,
        files: ['a'],
      },
    ];
    const [report] = await checkSources(sources, { api: `${origin}/wayback/available` });
    expect(report?.link?.kind).toBe('dead');
    expect(report?.suggestion).toBeUndefined();
  });
});

describe('citedSources', () => {
  test('one line per address, every citing file, a copy given anywhere counts', () => {
    const s = (url: string, archived?: string, accessed?: string) => ({ title: url, url, archived, accessed });
    const sources = citedSources({
      demands: [{ file: 'd.md', data: { statusHistory: [{ sources: [s('https://b/'), s('https://a/')] }] } }],
      timeline: [
        {
          file: 't.yaml',
          data: { sources: [s('https://a/', 'https://web.archive.org/web/1/a', '2026-01-02'), { title: 'press' }] },
        },
      ],
      letters: [{ file: 'l.md', data: { originals: [s('https://a/', undefined, '2026-03-04')] } }],
      references: [],
    });
    expect(sources.map((x) => x.url)).toEqual(['https://a/', 'https://b/']);
    expect(sources[0]).toMatchObject({
      archived: 'https://web.archive.org/web/1/a',
      accessed: '2026-03-04',
      files: ['d.md', 't.yaml', 'l.md'],
    });
    expect(sources[1]?.archived).toBeNull();
  });
});

/** Every content file under `dir`. */
const contentFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? contentFiles(path) : [path];
  });

describe('npm run sources -- check', () => {
  let root = '';
  beforeAll(() => {
    root = copyProject({ contentOnly: true });
    // The fixture's web sources, pointed at the local server: one live, one dead, one moved.
    const to = {
      'https://jichiroren.jp/news/': `${origin}/live/news/`,
      'https://jichiroren.jp/opinion/': `${origin}/dead/opinion/`,
      'https://rengo-news-agency.com/': `${origin}/moved/rengo/`,
      'http://bango-iranai.net/': `${origin}/live/bango/`,
    };
    for (const file of contentFiles(join(root, 'content'))) {
      let text = readFileSync(file, 'utf8');
      for (const [from, local] of Object.entries(to)) text = text.replaceAll(from, local);
      writeFileSync(file, text);
    }
  });
  afterAll(() => removeProject(root));

  // Asynchronous: the server answering the script runs in this process.
  const run = async (...args: string[]): Promise<string> =>
    (
      await promisify(execFile)(
        process.execPath,
        [join(PROJECT_ROOT, 'scripts/sources.ts'), 'check', '--root', root, ...args],
        { encoding: 'utf8', cwd: PROJECT_ROOT },
      )
    ).stdout;

  test('offline: every source with its archive state, nothing asked', async () => {
    const out = await run('--offline');
    const count = new Set(
      contentFiles(join(root, 'content')).flatMap(
        (f) => readFileSync(f, 'utf8').match(/https?:\/\/127\.0\.0\.1\S+/g) ?? [],
      ),
    ).size;
    expect(out.match(/^保存版なし：/gm)?.length).toBe(count);
    expect(out).toContain(`出典 ${count} 件のうち、保存版なし ${count} 件。`);
    expect(out).not.toContain('リンク：');
  });

  test('online: a live page, a dead one with its Wayback copy, a redirect with its target', async () => {
    const out = await run('--wayback-api', `${origin}/wayback/available`);
    const block = (part: string) => out.split(/\n(?=保存版)/).find((b) => b.includes(`URL：${origin}${part}`)) ?? '';
    expect(block('/live/news/')).toContain('リンク：読めます（200）');
    expect(block('/dead/opinion/')).toContain('リンク：読めません（404）');
    expect(block('/dead/opinion/')).toMatch(/追加できる保存版（archived に書く）：https:\/\/web\.archive\.org\/web\//);
    expect(block('/moved/rengo/')).toContain(`リンク：移転しています（301 → ${origin}/live/new-address）`);
    expect(block('/live/news/')).toContain('Wayback Machine に保存版は見つかりませんでした');
  });

  test('an archived source shows its copy and is counted as saved', async () => {
    const file = contentFiles(join(root, 'content')).find(
      (f) => f.endsWith('.yaml') && readFileSync(f, 'utf8').includes('/live/bango/'),
    )!;
    const text = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      text.replace(
        /(\n(\s*)url: (\S*\/live\/bango\/\S*))/,
        '$1\n$2archived: "https://web.archive.org/web/2019/bango"\n$2accessed: "2026-12-06"',
      ),
    );
    const out = await run('--offline');
    expect(out).toMatch(
      /保存版あり：[^\n]*\n  URL：\S*\/live\/bango\/[^\n]*\n  保存版：https:\/\/web\.archive\.org\/web\/2019\/bango\n  最終閲覧日：2026-12-06/,
    );
    writeFileSync(file, text);
  });
});

test('the report counts what it lists', () => {
  const out = formatSourceReport([
    {
      url: 'https://a/',
      title: 'A',
      archived: null,
      accessed: null,
      files: ['x'],
      link: { kind: 'dead', status: 410 },
    },
    {
      url: 'https://b/',
      title: 'B',
      archived: 'https://web.archive.org/web/1/b',
      accessed: null,
      files: ['y'],
      link: { kind: 'ok', status: 200 },
    },
  ]);
  expect(out).toContain('出典 2 件のうち、保存版なし 1 件。');
  expect(out).toContain('読めない・移転した・つながらないリンク 1 件。');
});
