/**
 * The search page in the browser (/search/?q=…, and /en/search/ with English texts and hits: page-ja.ts
 * and page-en.ts start it, each with its own texts). Runs the query from the URL on load and on typing
 * (debounced), keeps the URL in step (history.replaceState), renders results with textContent and
 * <mark> only, and moves through results with the arrow keys. The index is fetched by this page
 * only, file by file as queries need them.
 */
import { SearchEngine, SearchIndexError, type SearchHit, type SearchOutcome } from './engine.ts';
import { problemOf, typedOnlyQuery, type PageTexts } from './messages.ts';
import { snippet, highlight, type Segment } from './snippet.ts';
import { MAX_QUERY_CHARS } from './tokenize.ts';
import { useVariantTable } from './variant-table.ts';
import { sitePath } from '../urls.ts';

const DEBOUNCE_MS = 150;
const PAGE_SIZE = 10;
const MORE_SIZE = 30;

/** Runs the search page: `lang` is the page's (hits in English where translated on the English page). */
export function startSearchPage(LANG: 'ja' | 'en', T: PageTexts): void {
  const engine = new SearchEngine({
    async load(path) {
      // fetch rejects on network failures; those keep their own error (the reader's connection).
      const response = await fetch(sitePath(`/search-index/${path}`), { credentials: 'same-origin' });
      // Missing: the manifest names files of another build (this page or its manifest is older than
      // the deploy), or the index itself is missing.
      if (response.status === 404 || response.status === 410)
        throw new SearchIndexError(path.includes('/') ? 'stale' : 'corrupt', `${path}: HTTP ${response.status}`);
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
  });

  /**
   * The manifest, and the variant table it carries installed (the tokenizer and the highlighter need
   * it; this script does not carry it). Fetched again after a failure.
   */
  let ready: Promise<void> | null = null;
  function loadIndex(): Promise<void> {
    ready ??= engine.getManifest().then((manifest) => useVariantTable(manifest.variants));
    ready.catch(() => (ready = null));
    return ready;
  }

  function must<T extends Element>(selector: string): T {
    const el = document.querySelector<T>(selector);
    if (!el) throw new Error(`search page: ${selector} missing`);
    return el;
  }

  const form = must<HTMLFormElement>('[data-search-form]');
  const input = must<HTMLInputElement>('[data-search-input]');
  const results = must<HTMLElement>('[data-search-results]');
  const status = must<HTMLElement>('[data-search-status]');
  const list = must<HTMLOListElement>('[data-search-list]');
  const more = must<HTMLButtonElement>('[data-search-more]');
  const help = document.querySelector<HTMLElement>('[data-search-help]');
  /**
   * The statuses' badges (symbol, names, definitions), written into the page by SearchPage.astro from
   * status.ts, so that this script does not carry status.ts (its guidance texts are for organizers).
   */
  const STATUS_BADGES = JSON.parse(results.dataset.searchStatuses ?? '{}') as Record<
    string,
    { symbol: string; ja: string; en: string; definitionJa: string; definitionEn: string }
  >;
  // Where the results say what else was searched (created here: the page's HTML needs no change).
  const expanded = document.createElement('div');
  expanded.className = 'search-expanded';
  expanded.dataset.searchExpanded = '';
  expanded.hidden = true;
  status.after(expanded);

  // The page works: say so, and drop the "needs JavaScript" notice the HTML carries for no-script.
  document.documentElement.dataset.searchReady = '';

  function appendSegments(parent: HTMLElement, segments: readonly Segment[]): void {
    for (const segment of segments) {
      if (segment.mark) {
        const mark = document.createElement('mark');
        mark.textContent = segment.text;
        parent.append(mark);
      } else parent.append(document.createTextNode(segment.text));
    }
  }

  function renderHit(hit: SearchHit, outcome: SearchOutcome): HTMLLIElement {
    const item = document.createElement('li');
    item.className = 'search-result';
    item.dataset.searchResult = '';
    item.dataset.type = hit.type;
    // A hit found through its English words shows its English page, in English.
    if (hit.lang === 'en') item.lang = 'en';

    const meta = document.createElement('p');
    meta.className = 'search-result__meta';
    const type = document.createElement('span');
    type.className = 'search-result__type';
    type.textContent = hit.label;
    meta.append(type);
    const info = Object.hasOwn(STATUS_BADGES, hit.status) ? STATUS_BADGES[hit.status] : undefined;
    if ((hit.type === 'demand' || hit.type === 'history') && info) {
      const badge = document.createElement('span');
      badge.className = 'status-badge';
      badge.dataset.status = hit.status;
      badge.title = hit.lang === 'en' ? info.definitionEn : info.definitionJa;
      const symbol = document.createElement('span');
      symbol.className = 'status-badge__symbol';
      symbol.setAttribute('aria-hidden', 'true');
      symbol.textContent = info.symbol;
      const label = document.createElement('span');
      const name = hit.lang === 'en' ? info.en : info.ja;
      label.textContent = hit.type === 'history' ? `${T.atTheTime[hit.lang]}${name}` : name;
      badge.append(symbol, label);
      meta.append(' ', badge);
    }

    const heading = document.createElement('h3');
    heading.className = 'search-result__title';
    const link = document.createElement('a');
    link.href = hit.url;
    link.dataset.searchLink = '';
    appendSegments(link, highlight(hit.title, outcome.query));
    heading.append(link);

    const text = document.createElement('p');
    text.className = 'search-result__snippet';
    appendSegments(text, snippet(hit.text, outcome.query));

    item.append(heading, meta, text);
    if (LANG === 'en' && hit.lang === 'ja') {
      // A Japanese text on the English page: its words are Japanese, and the page says so.
      heading.lang = 'ja';
      text.lang = 'ja';
      const note = document.createElement('p');
      note.className = 'search-result__note';
      note.textContent = T.japaneseOnly;
      item.append(note);
    }
    return item;
  }

  /** Zero results: the message, then the page's own tips and lists (a <template> in its HTML). */
  function renderEmpty(query: string): void {
    const box = document.createElement('li');
    box.className = 'search-empty';
    const p = document.createElement('p');
    p.textContent = T.notFound(query);
    box.append(p);
    const template = document.querySelector<HTMLTemplateElement>('[data-search-empty]');
    if (template) box.append(template.content.cloneNode(true));
    list.append(box);
  }

  /**
   * What else the query searched (「個人番号」も含めて検索しました), with a link to the search for the
   * words as typed only, and what an expansion's entry says readers must know (情報公開 ≠ 開示).
   */
  function renderExpansions(query: string, outcome: SearchOutcome): void {
    expanded.replaceChildren();
    const also = [...new Set(outcome.query.expansions.flatMap((e) => e.alsoSearched))];
    const notes = outcome.query.expansions.flatMap((e) => (e.note ? [e.note] : []));
    expanded.hidden = also.length === 0 && notes.length === 0;
    if (also.length) {
      const p = document.createElement('p');
      p.append(T.searched(also), ' ');
      const a = document.createElement('a');
      const url = new URL(window.location.href);
      url.searchParams.set('q', typedOnlyQuery(query));
      a.href = url.pathname + url.search;
      a.textContent = T.typedOnly(query);
      p.append(a);
      expanded.append(p);
    }
    for (const note of notes) {
      const p = document.createElement('p');
      p.lang = 'ja';
      p.textContent = note;
      expanded.append(p);
    }
  }

  /** The search in flight: a new one aborts it, so only the latest query renders. */
  let inFlight: AbortController | null = null;
  let shown = PAGE_SIZE;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function syncUrl(query: string): void {
    const url = new URL(window.location.href);
    // Only what is searched (MAX_QUERY_CHARS) goes into the URL: a shared link stays short.
    if (query) url.searchParams.set('q', Array.from(query).slice(0, MAX_QUERY_CHARS).join(''));
    else url.searchParams.delete('q');
    if (url.href !== window.location.href) history.replaceState(history.state, '', url);
  }

  function setTitle(query: string): void {
    const site = document.title.includes('|') ? document.title.slice(document.title.indexOf('|')) : '';
    document.title = `${T.title(query)} ${site}`.trim();
  }

  async function run(raw: string, size = PAGE_SIZE): Promise<void> {
    const query = raw.trim();
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    shown = size;
    syncUrl(query);
    setTitle(query);
    if (!query) {
      inFlight = null;
      list.replaceChildren();
      status.textContent = '';
      expanded.hidden = true;
      more.hidden = true;
      results.dataset.searchState = 'idle';
      if (help) help.hidden = false;
      return;
    }
    results.dataset.searchState = 'loading';
    results.setAttribute('aria-busy', 'true');
    let outcome: SearchOutcome;
    try {
      await loadIndex();
      outcome = await engine.search(query, { k: size + 1, signal: controller.signal, lang: LANG });
    } catch (error) {
      if (controller.signal.aborted) return; // a newer search replaced this one
      console.error(error);
      list.replaceChildren();
      more.hidden = true;
      const problem = problemOf(error);
      status.textContent = T.problems[problem];
      expanded.hidden = true;
      results.dataset.searchState = 'error';
      results.dataset.searchProblem = problem;
      results.removeAttribute('aria-busy');
      return;
    }
    if (controller.signal.aborted) return;
    delete results.dataset.searchProblem;
    const hits = outcome.hits.slice(0, size);
    list.replaceChildren(); // at most MORE_SIZE + 1 hits
    for (const hit of hits) list.append(renderHit(hit, outcome));
    if (hits.length === 0) {
      status.textContent = T.none(query);
      renderEmpty(query);
    } else {
      status.textContent = T.status(query, hits.length, outcome.hits.length > size);
      if (!outcome.complete) status.textContent += ` ${T.approximate}`;
    }
    renderExpansions(query, outcome);
    results.dataset.searchComplete = String(outcome.complete);
    more.hidden = outcome.hits.length <= size;
    if (help) help.hidden = true;
    results.removeAttribute('aria-busy');
    results.dataset.searchState = 'done';
  }

  function schedule(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), DEBOUNCE_MS);
  }

  input.addEventListener('input', schedule);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run(input.value);
  });
  more.addEventListener('click', () => {
    const firstNew = shown;
    void run(input.value, MORE_SIZE).then(() => {
      list.querySelectorAll<HTMLAnchorElement>('[data-search-link]')[firstNew]?.focus();
    });
  });

  /** Arrow keys: from the box into the results, and between results; Enter follows the link. */
  function links(): HTMLAnchorElement[] {
    return [...list.querySelectorAll<HTMLAnchorElement>('[data-search-link]')];
  }
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' || event.isComposing) return;
    const first = links()[0];
    if (!first) return;
    event.preventDefault();
    first.focus();
  });
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End') return;
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === 'Home') all[0]?.focus();
    else if (event.key === 'End') all[all.length - 1]?.focus();
    else if (event.key === 'ArrowDown') all[Math.min(all.length - 1, at + 1)]?.focus();
    else if (at === 0) input.focus();
    else all[at - 1]?.focus();
  });

  // Start: the query in the URL (shared links, the header form), else nothing.
  const initial = new URLSearchParams(window.location.search).get('q') ?? '';
  input.value = initial;
  // Fetch the manifest now, so the first query does not wait for it.
  loadIndex().catch(() => undefined);
  void run(initial);
}
