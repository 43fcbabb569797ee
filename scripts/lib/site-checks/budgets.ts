/**
 * Page weight: what each built page makes the browser download, gzip-compressed as a static host
 * serves it, against per-kind budgets.
 *
 * JavaScript is followed through the module graph: `<script src>` and `<link rel=modulepreload>`
 * start it, static `import`s are loaded with the page ("initial"), dynamic `import()`s and Vite's
 * preload maps only when the code asks for them ("lazy"). Both count against the budget: a page
 * that loads little up front but pulls a large chunk on first interaction is not light.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { resolveUrlPath, type PageKind, type SitePage } from './dist.ts';
import { parseHtml, tokens } from './html.ts';

export interface Size {
  raw: number;
  gzip: number;
}

const ZERO: Size = { raw: 0, gzip: 0 };
const addSizes = (a: Size, b: Size): Size => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });

const sizeCache = new Map<string, Size>();
/** Raw and gzip (level 6, what static hosts use) size of a file. */
function sizeOf(file: string): Size {
  let size = sizeCache.get(file);
  if (!size) {
    const bytes = readFileSync(file);
    size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 6 }).length };
    sizeCache.set(file, size);
  }
  return size;
}

export function sumSizes(distDir: string, files: Iterable<string>): Size {
  let total = ZERO;
  for (const file of new Set(files)) total = addSizes(total, sizeOf(join(distDir, file)));
  return total;
}

/**
 * Module specifiers a built JS file imports: static ones (`import … from "x"`, `import "x"`, `export … from "x"`)
 * and dynamic ones. `base`: the path the build is served under (Vite's preload list is relative to it).
 */
export function jsImports(code: string, base = '/'): { staticImports: string[]; dynamicImports: string[] } {
  const staticImports = new Set<string>();
  const dynamicImports = new Set<string>();
  // Minified output: import{a as b}from"./x.js";import"./y.js";export{c}from"./z.js"
  for (const match of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g))
    staticImports.add(match[1]!);
  for (const match of code.matchAll(/\bimport\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) dynamicImports.add(match[1]!);
  // Vite's preload helper lists the files of dynamic imports: __vite__mapDeps(…, m.f = ["_astro/x.js", …])
  for (const match of code.matchAll(/m\.f\s*\|\|\s*\(m\.f\s*=\s*\[([^\]]*)\]/g)) {
    for (const dep of match[1]!.matchAll(/["']([^"']+\.m?js)["']/g))
      dynamicImports.add(`${base}${dep[1]!.replace(/^\//, '')}`);
  }
  return { staticImports: [...staticImports], dynamicImports: [...dynamicImports] };
}

interface PageAssets {
  html: string;
  css: string[];
  /** JS loaded with the page. */
  jsInitial: string[];
  /** JS the page's code may import later. */
  jsLazy: string[];
  /** Other files the page itself references for download (icons aside): images, fonts, preloads. */
  other: string[];
}

/**
 * Static analysis of what a built page loads. Paths are relative to the dist dir. `basePath`: the path the
 * build is served under (its pages reference /campaign/_astro/…).
 */
export function pageAssets(distDir: string, page: SitePage, files: ReadonlySet<string>, basePath = '/'): PageAssets {
  const doc = parseHtml(readFileSync(join(distDir, page.file), 'utf8'));
  const base = `http://site.invalid${basePath}${page.path.slice(1)}`;
  const local = (url: string | undefined, from = base): string | null => {
    if (!url) return null;
    let parsed: URL;
    try {
      parsed = new URL(url, from);
    } catch {
      return null;
    }
    if (parsed.origin !== 'http://site.invalid') return null;
    const resolved = resolveUrlPath(parsed.pathname, files, basePath);
    return resolved.kind === 'file' ? resolved.file : null;
  };
  const css = new Set<string>();
  const entries = new Set<string>();
  const other = new Set<string>();
  for (const element of doc.elements) {
    if (element.tag === 'link') {
      const rel = tokens(element.attrs.get('rel'));
      const file = local(element.attrs.get('href'));
      if (!file) continue;
      if (rel.includes('stylesheet')) css.add(file);
      else if (rel.includes('modulepreload') || (rel.includes('preload') && element.attrs.get('as') === 'script'))
        entries.add(file);
      else if (rel.includes('preload')) other.add(file);
    } else if (element.tag === 'script') {
      const file = local(element.attrs.get('src'));
      if (file) entries.add(file);
    } else if (element.tag === 'astro-island') {
      // Astro islands load their component and renderer by URL attributes, not <script src>.
      for (const attr of ['component-url', 'renderer-url', 'before-hydration-url']) {
        const file = local(element.attrs.get(attr));
        if (file) entries.add(file);
      }
    } else if (
      element.tag === 'img' ||
      element.tag === 'source' ||
      element.tag === 'video' ||
      element.tag === 'audio'
    ) {
      const file = local(element.attrs.get('src'));
      if (file) other.add(file);
    }
  }
  // Follow the module graph.
  const initial = new Set<string>();
  const lazy = new Set<string>();
  const visit = (file: string, into: Set<string>) => {
    if (initial.has(file) || into.has(file)) return;
    into.add(file);
    const code = readFileSync(join(distDir, file), 'utf8');
    const { staticImports, dynamicImports } = jsImports(code, basePath);
    const fileUrl = `http://site.invalid${basePath}${file}`;
    for (const spec of staticImports) {
      const target = local(spec, fileUrl);
      if (target) visit(target, into);
    }
    for (const spec of dynamicImports) {
      const target = local(spec, fileUrl);
      if (target) visit(target, lazy);
    }
  };
  for (const entry of entries) visit(entry, initial);
  for (const file of initial) lazy.delete(file);
  return { html: page.file, css: [...css], jsInitial: [...initial], jsLazy: [...lazy], other: [...other] };
}

/**
 * The full set of data files a search index consists of, given the ones a page was seen fetching:
 * every file in the same directory with the same extension (all shards, not only those one query
 * happened to need).
 */
export function indexFilesFor(fetched: readonly string[], files: readonly string[]): string[] {
  const out = new Set<string>();
  for (const file of fetched) {
    const dir = posix.dirname(file);
    const ext = posix.extname(file);
    for (const candidate of files) {
      if (posix.dirname(candidate) === dir && posix.extname(candidate) === ext) out.add(candidate);
    }
  }
  return [...out].sort();
}

// ---------------------------------------------------------------------------------------------
// Budgets

interface Budget {
  /** All JS a page can load (initial + lazy), gzip bytes. */
  js: number;
  /** JS plus the search index, gzip bytes (search page only). */
  jsPlusIndex?: number;
  /** CSS, gzip bytes. */
  css: number;
  /** The HTML document, gzip bytes. */
  html: number;
}

const KB = 1024;
/**
 * Content pages must read without JavaScript and carry at most 5 KB of it; the search page at most
 * 15 KB (issue 28), and 150 KB for its code and index together. CSS and HTML budgets keep the first render within one or
 * two round trips on a slow phone connection.
 */
export const BUDGETS: Record<PageKind, Budget> = {
  home: { js: 5 * KB, css: 12 * KB, html: 40 * KB },
  'letters-index': { js: 5 * KB, css: 12 * KB, html: 40 * KB },
  letter: { js: 5 * KB, css: 12 * KB, html: 40 * KB },
  demand: { js: 5 * KB, css: 12 * KB, html: 40 * KB },
  reference: { js: 5 * KB, css: 12 * KB, html: 60 * KB },
  status: { js: 5 * KB, css: 12 * KB, html: 60 * KB },
  timeline: { js: 5 * KB, css: 12 * KB, html: 60 * KB },
  guide: { js: 5 * KB, css: 12 * KB, html: 40 * KB },
  api: { js: 5 * KB, css: 12 * KB, html: 40 * KB },
  'not-found': { js: 5 * KB, css: 12 * KB, html: 40 * KB },
  other: { js: 5 * KB, css: 12 * KB, html: 40 * KB },
  search: { js: 15 * KB, jsPlusIndex: 150 * KB, css: 12 * KB, html: 40 * KB },
};

export interface PageWeight {
  path: string;
  kind: PageKind;
  html: Size;
  css: Size;
  jsInitial: Size;
  jsLazy: Size;
  js: Size;
  /** Search index files (search page only). */
  index: Size;
  jsFiles: string[];
  indexFiles: string[];
}

export function measurePage(
  distDir: string,
  page: SitePage,
  files: ReadonlySet<string>,
  extra: { js?: string[]; index?: string[]; basePath?: string } = {},
): PageWeight {
  const assets = pageAssets(distDir, page, files, extra.basePath);
  const initial = new Set(assets.jsInitial);
  const lazy = new Set([...assets.jsLazy, ...(extra.js ?? [])].filter((f) => !initial.has(f)));
  const jsInitial = sumSizes(distDir, initial);
  const jsLazy = sumSizes(distDir, lazy);
  return {
    path: page.path,
    kind: page.kind,
    html: sizeOf(join(distDir, page.file)),
    css: sumSizes(distDir, assets.css),
    jsInitial,
    jsLazy,
    js: addSizes(jsInitial, jsLazy),
    index: sumSizes(distDir, extra.index ?? []),
    jsFiles: [...initial, ...lazy],
    indexFiles: extra.index ?? [],
  };
}

interface BudgetViolation {
  path: string;
  what: string;
  measured: number;
  budget: number;
}

export function budgetViolations(
  weights: readonly PageWeight[],
  budgets: Record<PageKind, Budget> = BUDGETS,
): BudgetViolation[] {
  const out: BudgetViolation[] = [];
  for (const w of weights) {
    const budget = budgets[w.kind];
    const check = (what: string, measured: number, limit: number | undefined) => {
      if (limit !== undefined && measured > limit) out.push({ path: w.path, what, measured, budget: limit });
    };
    check('JS (gzip)', w.js.gzip, budget.js);
    check('JS + search index (gzip)', w.js.gzip + w.index.gzip, budget.jsPlusIndex);
    check('CSS (gzip)', w.css.gzip, budget.css);
    check('HTML (gzip)', w.html.gzip, budget.html);
  }
  return out;
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** A table of every page's weight, for the test log. */
export function formatWeights(weights: readonly PageWeight[]): string {
  const header = ['page', 'kind', 'HTML gz', 'CSS gz', 'JS gz (initial+lazy)', 'index gz', 'JS budget'];
  const rows = weights.map((w) => {
    const budget = BUDGETS[w.kind];
    return [
      w.path,
      w.kind,
      kb(w.html.gzip),
      kb(w.css.gzip),
      `${kb(w.js.gzip)} (${kb(w.jsInitial.gzip)}+${kb(w.jsLazy.gzip)})`,
      w.index.gzip ? kb(w.index.gzip) : '–',
      budget.jsPlusIndex ? `${kb(budget.js)}, ${kb(budget.jsPlusIndex)} with index` : kb(budget.js),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Largest figures per page kind, for a compact summary. */
export function summarizeByKind(weights: readonly PageWeight[]): string {
  const kinds = new Map<PageKind, PageWeight[]>();
  for (const w of weights) kinds.set(w.kind, [...(kinds.get(w.kind) ?? []), w]);
  const lines: string[] = [];
  for (const [kind, list] of kinds) {
    const max = (pick: (w: PageWeight) => number) => Math.max(...list.map(pick));
    lines.push(
      `${kind.padEnd(14)} ${String(list.length).padStart(3)} page(s)  max HTML ${kb(max((w) => w.html.gzip))}  CSS ${kb(max((w) => w.css.gzip))}  JS ${kb(max((w) => w.js.gzip))}` +
        (kind === 'search'
          ? `  index ${kb(max((w) => w.index.gzip))}  JS+index ${kb(max((w) => w.js.gzip + w.index.gzip))}`
          : ''),
    );
  }
  return lines.join('\n');
}
