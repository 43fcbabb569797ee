// JSON written into <script> (the JSON-LD block of src/layouts/Base.astro) cannot end the block.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { describe, expect, test } from 'vitest';
import { jsonForScript } from '../src/lib/script-json.ts';
import { PROJECT_ROOT } from './helpers/project-copy.ts';

interface Tree {
  nodeName: string;
  value?: string;
  childNodes?: Tree[];
}

const ATTACK = "</script><meta http-equiv=refresh content='0;url=https://evil.example/'>";

describe('jsonForScript', () => {
  test.each([
    ['a title that closes the script', { headline: `要請書${ATTACK}` }],
    ['an HTML comment opener', { headline: '<!-- <script>' }],
    ['line and paragraph separators', { headline: 'a\u2028b\u2029c' }],
    ['ampersands and quotes', { headline: 'A & B "C" \'D\'' }],
    ['nested values', { about: [{ name: '<b>', n: 1, ok: true, none: null }] }],
  ])('%s: no markup character is left and any JSON reader gets the value back', (_name, value) => {
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  test('in a page, the block holds the whole value and nothing follows it into the head', () => {
    const page = (json: string) =>
      `<!doctype html><html><head><script type="application/ld+json">${json}</script></head><body></body></html>`;
    const head = (html: string) => {
      const document = parse(html) as unknown as Tree;
      return document.childNodes!.find((n) => n.nodeName === 'html')!.childNodes!.find((n) => n.nodeName === 'head')!;
    };
    const safe = head(page(jsonForScript({ headline: ATTACK })));
    expect(safe.childNodes!.map((n) => n.nodeName)).toEqual(['script']);
    expect(JSON.parse(safe.childNodes![0]!.childNodes![0]!.value!)).toEqual({ headline: ATTACK });
    // Plain JSON.stringify lets the <meta> out: the page would redirect.
    expect(head(page(JSON.stringify({ headline: ATTACK }))).childNodes!.map((n) => n.nodeName)).toContain('meta');
  });

  test('every set:html (and no define:vars) in src/ is JSON through it', () => {
    const files = readdirSync(join(PROJECT_ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.astro'),
    );
    const uses: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(PROJECT_ROOT, 'src', file), 'utf8');
      for (const match of text.matchAll(/set:html=\{([^}]*)\}|define:vars=/g)) uses.push(`${file}: ${match[0]}`);
    }
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) expect(use).toMatch(/set:html=\{jsonForScript\(/);
  });
});
