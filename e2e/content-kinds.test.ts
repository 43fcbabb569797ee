// The build publishes every kind of content file the check counts (tests/helpers/accepted-kinds.ts;
// content-pipeline.test.ts proves the check side): the browser tests' site is built with one of each.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'parse5';
import { expect, test } from 'vitest';
import { ACCEPTED, SCRIPT_BREAKOUT } from '../tests/helpers/accepted-kinds.ts';
import { distDir } from './harness.ts';
import { BASE_PATH } from './site.ts';

const read = (page: string) => readFileSync(join(distDir(), page), 'utf8');

test.each(ACCEPTED.map((kind) => [kind.name, kind] as const))('%s is published', (_name, kind) => {
  expect(existsSync(join(distDir(), kind.page)), kind.page).toBe(true);
  expect(read(kind.page)).toContain(kind.shows);
});

test('the .mdx components render as links and sourced quotations', () => {
  const mdxPage = read(ACCEPTED.find((kind) => kind.name.includes('components'))!.page);
  expect(mdxPage).toMatch(
    new RegExp(`<a href="${BASE_PATH}references/mie-my-number-rules/#article-9"[^>]*>第9条（目的外利用）</a>`),
  );
  expect(mdxPage).toMatch(/<figcaption>出典：<a href="https:\/\/example.net\/q">試験の出典<\/a><\/figcaption>/);
});

test('a title cannot break out of the JSON-LD block: no <meta refresh>, the block reads back', () => {
  const letterPage = read(ACCEPTED.find((kind) => kind.name === 'letter .mdx')!.page);
  const elements: { tagName?: string; attrs?: { name: string; value: string }[] }[] = [];
  const walk = (node: { childNodes?: unknown[] }) =>
    node.childNodes?.forEach((child) => {
      elements.push(child as (typeof elements)[number]);
      walk(child as { childNodes?: unknown[] });
    });
  walk(parse(letterPage));
  expect(elements.filter((e) => e.tagName === 'meta').length).toBeGreaterThan(5);
  expect(elements.filter((e) => e.attrs?.some((a) => a.name === 'http-equiv' && /refresh/i.test(a.value)))).toEqual([]);
  const jsonLd = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(letterPage)?.[1];
  expect(JSON.stringify(JSON.parse(jsonLd!))).toContain(
    JSON.stringify(`試験用の要請書${SCRIPT_BREAKOUT}`).slice(1, -1),
  );
});
