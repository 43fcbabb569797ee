/**
 * Starts the editor at /admin/: React for Decap's prebuilt bundle, the Japanese interface, and the
 * site's file formats (src/lib/cms/decap-format.ts), which write a save onto the file's own YAML so that
 * only the edited lines change. The configuration is /admin/config.yml, generated from the schemas.
 */
import React from 'react';
import * as ReactDOM from 'react-dom';
import * as ReactDOMClient from 'react-dom/client';
import { ja } from 'decap-cms-locales';
import { createFormat } from '../lib/cms/decap-format.ts';
import { editorFormats } from '../lib/cms/collection-formats.ts';
import { editorPhrases, type Phrases } from '../lib/cms/locale.ts';
import { DEMAND_MARK, markDemands } from '../lib/cms/demand-mark.ts';
import { parse } from 'yaml';
import { labelSummary } from '../lib/cms/summary-labels.ts';

interface DecapCms {
  registerLocale(name: string, phrases: unknown): void;
  registerCustomFormat(name: string, extension: string, format: ReturnType<typeof createFormat>): void;
  init(options?: { config?: Record<string, unknown> }): void;
}

declare global {
  interface Window {
    React: typeof React;
    ReactDOM: typeof ReactDOM & typeof ReactDOMClient;
    CMS_MANUAL_INIT?: boolean;
    /** The prebuilt bundle's export: the CMS itself. */
    DecapCmsApp?: DecapCms;
  }
}

// Decap's browser bundle takes React from these globals.
window.React = React;
window.ReactDOM = { ...ReactDOM, ...ReactDOMClient };
window.CMS_MANUAL_INIT = true;

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`管理画面のプログラム（${src}）を読み込めませんでした。`));
    document.head.append(script);
  });
}

await loadScript(new URL('decap/decap-cms-app.js', document.baseURI.replace(/[^/]*$/, '')).href);
const cms = window.DecapCmsApp;
if (!cms) throw new Error('Decap CMS did not start');
// Japanese from the first screen on: before config.yml (locale: ja) has loaded, Decap speaks `en`.
const phrases = editorPhrases(ja as Phrases);
cms.registerLocale('ja', phrases);
cms.registerLocale('en', phrases);
const config = await (await fetch('config.yml')).text();
// The demands collections keep only the files that name their letter (src/lib/cms/demand-mark.ts).
const filtered = new Set(
  (parse(config) as { collections: { format: string; filter?: { field: string } }[] }).collections
    .filter((c) => c.filter?.field === DEMAND_MARK)
    .map((c) => c.format),
);
for (const { name, extension, format } of editorFormats(config))
  cms.registerCustomFormat(name, extension, filtered.has(name) ? markDemands(format) : format);
cms.init();

// Collapsed history rows: the template prints keys after 種類： and 状況：; show their Japanese labels
// instead (display only: the form and the files keep the keys). Decap re-renders rows at any time, so
// every text change is looked at; a text that needs no change is left alone (no loop).
function relabel(node: Node): void {
  if (node.nodeType === Node.TEXT_NODE) {
    // What an organizer is typing is left as it is.
    if (node.parentElement?.closest('textarea, input, [contenteditable="true"]')) return;
    const text = node.nodeValue ?? '';
    const labelled = labelSummary(text);
    if (labelled !== text) node.nodeValue = labelled;
    return;
  }
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) relabel(text);
}
new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    if (mutation.type === 'characterData') relabel(mutation.target);
    else mutation.addedNodes.forEach(relabel);
  }
}).observe(document.body, { subtree: true, childList: true, characterData: true });
