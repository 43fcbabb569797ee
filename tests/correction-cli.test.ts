/**
 * Adding a correction (訂正履歴) from the command line: src/lib/correction-edit.ts inserts one item and
 * changes nothing else; `npm run correction -- add` validates as the build does and writes only then.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { appendCorrection, CorrectionEditError } from '../src/lib/correction-edit.ts';
import { checkContent } from '../src/lib/content-check.ts';
import { copyProject, readText, removeProject, PROJECT_ROOT } from './helpers/project-copy.ts';

const C = {
  date: '2026-12-06',
  location: '第20条のあらまし',
  before: '前の "記載"',
  after: '今の記載',
  reason: '条文のとおり',
};
const data = (yaml: string) => parse(yaml) as Record<string, unknown>;

describe('appendCorrection', () => {
  test.each([
    ['no list yet', 'title: 題\nsummary: 要約\n', 0],
    [
      'a block list',
      'title: 題\ncorrections:\n  - date: "2026-01-01"\n    location: a\n    before: b\n    after: c\n    reason: d\nsummary: 要約\n',
      1,
    ],
    ['an empty flow list', 'title: 題\ncorrections: []\nsummary: 要約\n', 0],
    [
      'a list at column 0',
      'title: 題\ncorrections:\n- date: "2026-01-01"\n  location: a\n  before: b\n  after: c\n  reason: d\n',
      1,
    ],
  ])('%s: one item added, every other value kept', (_name, yaml, existing) => {
    const out = appendCorrection(yaml, C, false);
    const before = data(yaml);
    const after = data(out);
    expect(after['corrections']).toHaveLength(existing + 1);
    expect((after['corrections'] as unknown[]).at(-1)).toEqual(C);
    expect({ ...after, corrections: undefined }).toEqual({ ...before, corrections: undefined });
  });

  test('a Markdown file: only the frontmatter changes, the body and CRLF line ends stay', () => {
    const text = '---\r\ntitle: 題\r\n---\r\n\r\n本文の段落。\r\n';
    const out = appendCorrection(text, C, true);
    expect(out.endsWith('---\r\n\r\n本文の段落。\r\n')).toBe(true);
    expect(out).not.toMatch(/[^\r]\n/);
    expect(data(out.split('---')[1]!.replace(/\r/g, ''))['corrections']).toEqual([C]);
  });

  test.each([
    ['a Markdown file without frontmatter', '本文だけ\n', true],
    ['broken YAML', 'title: [\n', false],
    ['corrections that is not a list', 'corrections: 文字\n', false],
  ])('%s is refused in Japanese', (_name, text, markdown) => {
    expect(() => appendCorrection(text, C, markdown)).toThrow(CorrectionEditError);
  });
});

describe('npm run correction -- add', () => {
  let root = '';
  afterEach(() => removeProject(root));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/correction.ts'), 'add', ...args, '--root', root], {
      encoding: 'utf8',
    });
  const firstTimeline = () => `content/timeline/${readdirSync(join(root, 'content/timeline')).sort()[0]}`;

  test('adds the correction to the file; the content still passes', () => {
    root = copyProject({ contentOnly: true });
    const file = firstTimeline();
    const result = run(
      file,
      '--location',
      C.location,
      '--before',
      C.before,
      '--after',
      C.after,
      '--reason',
      C.reason,
      '--date',
      C.date,
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect((data(readText(root, file))['corrections'] as unknown[]).at(-1)).toEqual(C);
    expect(checkContent(root).problems).toEqual([]);
  });

  test.each([
    ['an empty reason', ['--reason', ' ']],
    ['an impossible date', ['--reason', 'r', '--date', '2026-02-30']],
  ])('%s: a Japanese message, nothing written', (_name, extra) => {
    root = copyProject({ contentOnly: true });
    const file = firstTimeline();
    const before = readText(root, file);
    const result = run(file, '--location', 'a', '--before', 'b', '--after', 'c', ...extra);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/[\p{Script=Hiragana}]/u);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(readText(root, file)).toBe(before);
  });
});
