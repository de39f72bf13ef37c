/**
 * Search with Pagefind's modular UI (`pagefind-modular-ui.js`, written with the index so it always
 * matches it), loaded the first time search is used: the site's own labelled search box, filter
 * pills, a live summary and a result list whose items are the site's (kind badge, dates, matching
 * sections), and "Did you mean …?" when a search finds nothing. The modular UI is a fifth of the size
 * of Pagefind's default UI and loads a result's excerpt only when it scrolls into view, which keeps a
 * first query within its budget. Its stylesheet is not loaded: search.css styles the few parts the
 * site uses, in the site's cascade layers (Pagefind's rules, unlayered, would win over them).
 *
 * Pagefind's search (`pagefind.js`) chooses the index of the page's `<html lang>`: each language is
 * indexed on its own (src/integrations/pagefind.ts). The UI's own words come from the page
 * (island-text.ts), as Pagefind's modular UI writes its summary and "All" pill in English.
 */
import { didYouMean } from '../lib/site/did-you-mean.ts';
import { splitTemplate } from '../lib/site/i18n-format.ts';
import { KIND_TEXT } from '../lib/site/kind-text.ts';
import type { SearchNames } from '../lib/site/search-names.ts';
import { matchingSections, type SubResult } from '../lib/site/search-results.ts';
import type { IslandText } from './island-text.ts';
import { element, escapeHtml, excerptNodes, link } from './search-dom.ts';

let text: IslandText;
const say: IslandText['say'] = (...args) => text.say(...args);
const sayCount: IslandText['sayCount'] = (...args) => text.sayCount(...args);
const islandText: IslandText['islandText'] = () => text.islandText();
/** Words of a result's excerpt around the match: enough to judge it, short enough to scan a list. */
const EXCERPT_WORDS = 24;

/** The page's interface text, handed over by the script that loads this module (see island-text.ts). */
export function useIslandText(api: IslandText): void {
  text = api;
}

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: SubResult[];
  anchors?: { element: string }[];
}

interface ModularInstance {
  add(component: unknown): void;
  on(event: 'filters' | 'results' | 'search' | 'loading', callback: (...args: unknown[]) => void): void;
  triggerLoad(): void;
  triggerSearch(term: string): void;
  triggerSearchWithFilters(term: string, filters: Filters): void;
}

/** Values of each filter (`type`, `course`, `tag`), as the index stores them; none is "All". */
export type Filters = Record<string, string[]>;

interface ModularUI {
  Instance: new (options: Record<string, unknown>) => ModularInstance;
  Input: new (options: { inputElement: string; debounceTimeoutMs?: number }) => unknown;
  ResultList: new (options: {
    containerElement: string;
    resultTemplate: (result: PagefindResultData) => string | Element;
    placeholderTemplate: () => string;
  }) => unknown;
  FilterPills: new (options: {
    containerElement: string;
    filter: string;
    selectMultiple?: boolean;
    /** The values in the order of their pills (others after them). */
    ordering?: string[];
  }) => FilterPills;
}

/** What the site changes of Pagefind's filter pills: the pill's content, which Pagefind sets as HTML, and the pressed values. */
interface FilterPills {
  pillInner(value: string, count: number): string;
  /** Results before filtering: Pagefind shows the counts once there are some. */
  total?: number;
  /** The pressed pills' values; `["All"]` when none is. */
  selected: string[];
}

/** Each kind's name ("Glossary term"), by the kind as the index stores it, in the page's language. */
const kindNames = (): Record<string, string> =>
  Object.fromEntries(Object.entries(KIND_TEXT).map(([kind, text]) => [kind, say(text.label)]));
const filterNames = (): Record<string, string> => ({
  type: say('searchFilterType'),
  course: say('searchFilterCourse'),
  tag: say('searchFilterTag'),
});
/** The filters every search box has, in the order of its rows and of the URL's parameters. */
export const FILTERS = ['type', 'course', 'tag'] as const;

let loading: Promise<ModularUI> | undefined;

/** Loads the UI's script and stylesheet once; rejects when there is no index (the dev server). */
function loadPagefindUI(): Promise<ModularUI> {
  loading ??= new Promise<ModularUI>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/pagefind/pagefind-modular-ui.js';
    script.onload = () => {
      const found = (window as unknown as { PagefindModularUI?: ModularUI }).PagefindModularUI;
      if (found) resolve(found);
      else reject(new Error('The search UI did not load'));
    };
    script.onerror = () => reject(new Error('There is no search index'));
    document.head.append(script);
  });
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/*
 * Every value below comes from the index, that is from what authors wrote (titles, tags, course
 * titles, text): it is put into the page as text with DOM calls, never as HTML, so markup in a title
 * stays letters. Only Pagefind's <mark> in an excerpt is kept as an element.
 */

/**
 * One result as the site shows it: kind badge, title, dates, excerpt and up to three sections, those
 * that match best, each titled by its heading (src/lib/site/search-results.ts).
 */
function resultElement(result: PagefindResultData): HTMLLIElement {
  const type = result.meta.type ?? '';
  const KIND = kindNames();
  const title = element('p', 'search-result-title');
  if (KIND[type]) {
    const kind = element('span', 'result-kind', KIND[type]);
    kind.dataset.kind = type;
    title.append(kind);
  }
  title.append(link(result.url, 'search-result-link', result.meta.title ?? result.url));
  if (result.meta.dates) title.append(' ', element('span', 'result-dates', result.meta.dates));
  const item = element('li', 'search-result', title, element('p', 'search-result-excerpt', ...excerptNodes(result.excerpt)));
  const sections = matchingSections(result, result.sub_results ?? []).map(({ section, repeats }) => {
    const item = element('li', '', link(section.url, 'search-result-link search-result-section', section.title));
    if (!repeats) item.append(' ', element('span', 'search-result-excerpt', ...excerptNodes(section.excerpt)));
    return item;
  });
  if (sections.length > 0) item.append(element('ul', 'search-result-sections', ...sections));
  return item;
}

/**
 * A filter pill's content (Pagefind sets it as HTML): the value as text, made with DOM calls, so a
 * course title or a tag such as `<img src=x onerror=…>` is shown, not parsed.
 */
function pillContent(label: string, count: number, counted: boolean): string {
  const content = element('span', '', counted ? `${label} (${count})` : label);
  content.setAttribute('aria-label', label);
  if (counted) content.dataset.pfmodPillCount = String(count);
  return content.outerHTML;
}

let instances = 0;

/**
 * What Pagefind's Summary component says, in the page's language: nothing before a search, "Searching
 * for …" while it runs, then the number of results.
 */
class Summary {
  #element: HTMLElement | null;
  #term = '';
  constructor(selector: string) {
    this.#element = document.querySelector(selector);
  }
  register(instance: ModularInstance): void {
    instance.on('search', (term) => {
      this.#term = String(term ?? '');
    });
    instance.on('results', (results) => {
      if (!this.#element || !results) return;
      const count = (results as { results?: unknown[] }).results?.length ?? 0;
      this.#element.innerText = this.#term ? sayCount(islandText().searchResults, count, { term: this.#term }) : '';
    });
    instance.on('loading', () => {
      if (this.#element) this.#element.innerText = say('searchSearching', { term: this.#term });
    });
  }
}

let names: Promise<SearchNames> | undefined;

/** The vault's names (/search-names.json), fetched the first time a search finds nothing. */
function searchNames(): Promise<SearchNames> {
  names ??= fetch('/search-names.json').then((response) =>
    response.ok ? (response.json() as Promise<SearchNames>) : Promise.reject(new Error(String(response.status))),
  );
  names.catch(() => {
    names = undefined;
  });
  return names;
}

/**
 * "Did you mean Khrushchev?" under a search that found nothing: the vault's names nearest to the query
 * (src/lib/site/did-you-mean.ts), each a link that searches for it.
 */
class Suggestions {
  #element: HTMLElement | null;
  #term = '';
  #search: (term: string) => void;
  constructor(selector: string, search: (term: string) => void) {
    this.#element = document.querySelector(selector);
    this.#search = search;
  }
  register(instance: ModularInstance): void {
    instance.on('search', (term) => {
      this.#term = String(term ?? '');
    });
    instance.on('loading', () => this.#show([]));
    instance.on('results', (results) => {
      const term = this.#term.trim();
      if (!term || ((results as { results?: unknown[] } | undefined)?.results?.length ?? 0) > 0) return this.#show([]);
      const lang = document.documentElement.lang;
      searchNames()
        .then((all) => {
          // A search typed since then has its own suggestions.
          if (this.#term.trim() === term) this.#show(didYouMean(term, all[lang] ?? []));
        })
        .catch(() => this.#show([]));
    });
  }
  #show(phrases: string[]): void {
    if (!this.#element) return;
    this.#element.replaceChildren();
    this.#element.hidden = phrases.length === 0;
    if (phrases.length === 0) return;
    // Links to the search page's search for the name (a new tab opens it), searched here when clicked;
    // inline, unlike buttons, so "Khrushchev?" never breaks before its question mark.
    const links = phrases.map((phrase) => {
      const suggestion = link(`/search/?${new URLSearchParams({ q: phrase }).toString()}`, 'search-suggestion', phrase);
      suggestion.addEventListener('click', (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        this.#search(phrase);
      });
      return suggestion;
    });
    // "A, B or C" in the page's language, each name a link.
    const list = new Intl.ListFormat(document.documentElement.lang || 'en', { type: 'disjunction' }).formatToParts(
      phrases.map((_, index) => String(index)),
    );
    for (const part of splitTemplate(say('searchDidYouMean'))) {
      if (typeof part === 'string') this.#element.append(part);
      else
        for (const piece of list)
          this.#element.append(piece.type === 'element' ? (links[Number(piece.value)] as HTMLAnchorElement) : piece.value);
    }
  }
}

/** The search in the page's address, for the search page: `?q=virgin+lands&type=term`. */
export function searchFromUrl(search: string): { query: string; filters: Filters } {
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  for (const key of FILTERS) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length > 0) filters[key] = values;
  }
  return { query: params.get('q') ?? '', filters };
}

/** The address of a search, for the search page's URL (`history.replaceState`): the inverse of {@link searchFromUrl}. */
function searchToUrl(query: string, filters: Filters): string {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query);
  for (const key of FILTERS) for (const value of filters[key] ?? []) params.append(key, value);
  const search = params.toString();
  return `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
}

export interface SearchOptions {
  autofocus?: boolean;
  /** The search to show first: its words in the box, its filters' pills pressed. */
  query?: string;
  filters?: Filters;
  /** Keep the page's address in step with the box and pills (the search page). */
  inUrl?: boolean;
}

/**
 * A search box, filter pills (one row per filter: kind, course and tag), a summary read out as results
 * change, suggestions when nothing is found, and the results, inside `element`.
 */
export async function createSearchUI(element: HTMLElement, options: SearchOptions = {}): Promise<void> {
  const ui = await loadPagefindUI();
  const id = `site-search-${instances++}`;
  element.innerHTML = `<form class="search-form" role="search" data-search-form>
  <label class="visually-hidden" for="${id}-input">${escapeHtml(say('searchTheNotes'))}</label>
  <input class="search-input" id="${id}-input" type="search" placeholder="${escapeHtml(say('searchTheNotes'))}" autocomplete="off" autocapitalize="none" enterkeyhint="search">
</form>
<div class="search-filters">${FILTERS.map((filter) => `<div class="search-filter" id="${id}-filter-${filter}"></div>`).join('')}</div>
<p class="search-summary" id="${id}-summary" role="status" aria-live="polite"></p>
<p class="search-suggestions" id="${id}-suggestions" hidden></p>
<ol class="search-results" id="${id}-results"></ol>`;
  const input = element.querySelector<HTMLInputElement>('input') as HTMLInputElement;
  // Enter never submits: it opens the first result (enableResultKeys).
  element.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());
  // Searching on the page's own thread spares a first query Pagefind's 12 kB worker script: a query
  // takes milliseconds in its WebAssembly even at thousands of notes.
  const instance = new ui.Instance({ excerptLength: EXCERPT_WORDS, noWorker: true });
  // Pagefind fills the box from a search only while it has no focus: the site fills it itself.
  if (options.query) input.value = options.query;
  if (options.autofocus) input.focus();
  const KIND = kindNames();
  const all = say('searchFilterAll');
  const byName = new Intl.Collator(document.documentElement.lang || 'en').compare;
  for (const filter of FILTERS) {
    const group = new ui.FilterPills({
      containerElement: `#${id}-filter-${filter}`,
      filter,
      // Kinds in the order of their names, not of the values the index stores.
      ...(filter === 'type' ? { ordering: Object.keys(KIND).sort((a, b) => byName(KIND[a] ?? a, KIND[b] ?? b)) } : {}),
    });
    // Pagefind names its "All" pill in English, shows the kinds as the index stores them, and puts
    // the value into its HTML unescaped: the site writes the pill's content itself.
    const label = (value: string) => (value === 'All' ? all : filter === 'type' ? (KIND[value] ?? value) : value);
    group.pillInner = (value, count) => pillContent(label(value), count, Boolean(group.total));
    const pressed = options.filters?.[filter];
    if (pressed && pressed.length > 0) group.selected = [...pressed];
    instance.add(group);
    nameFilterGroup(`#${id}-filter-${filter}`, `${id}-filter-${filter}-name`, filterNames()[filter] ?? filter);
  }
  instance.add(new Summary(`#${id}-summary`));
  instance.add(
    new Suggestions(`#${id}-suggestions`, (term) => {
      input.value = term;
      input.focus();
      instance.triggerSearch(term);
    }),
  );
  instance.add(
    new ui.ResultList({
      containerElement: `#${id}-results`,
      resultTemplate: resultElement,
      placeholderTemplate: () =>
        '<li class="search-result" data-loading aria-hidden="true"><p class="search-result-title">…</p></li>',
    }),
  );
  if (options.inUrl)
    instance.on('search', (term, filters) => {
      const url = searchToUrl(String(term ?? ''), (filters ?? {}) as Filters);
      if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`)
        history.replaceState(history.state, '', url);
    });
  // The box takes typing at once, but searches only once the index and its filters are loaded:
  // Pagefind's filter pills fail on results that arrive before the filter list does.
  await new Promise<void>((resolve) => {
    instance.on('filters', () => resolve());
    instance.triggerLoad();
  });
  instance.add(new ui.Input({ inputElement: `#${id}-input` }));
  const filters = Object.fromEntries(FILTERS.map((filter) => [filter, options.filters?.[filter] ?? []]));
  if (input.value || options.filters) instance.triggerSearchWithFilters(input.value, filters);
}

/**
 * Pagefind labels a row of pills "Filter results by type", in English and for screen readers only, with
 * the same id in every search box: the site shows the row's name, in the page's language, under an id of
 * this box.
 */
function nameFilterGroup(selector: string, id: string, name: string): void {
  const row = document.querySelector(selector);
  const label = row?.querySelector('.pagefind-modular-filter-pills-label');
  if (!row || !label) return;
  label.id = id;
  label.textContent = name;
  label.removeAttribute('data-pfmod-sr-hidden');
  row.querySelector('[role="group"]')?.setAttribute('aria-labelledby', id);
}

/** Up and down arrows move between the search box and the results; Enter in the box opens the first. */
export function enableResultKeys(container: HTMLElement): void {
  container.addEventListener('keydown', (event) => {
    const links = [...container.querySelectorAll<HTMLAnchorElement>('.search-result-link')];
    const input = container.querySelector<HTMLInputElement>('.search-input');
    const active = document.activeElement;
    const index = links.indexOf(active as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && links.length > 0) {
      event.preventDefault();
      (links[index + 1] ?? links[0])?.focus();
    } else if (event.key === 'ArrowUp' && index !== -1) {
      event.preventDefault();
      (index === 0 ? input : links[index - 1])?.focus();
    } else if (event.key === 'Enter' && active === input && links[0]) {
      event.preventDefault();
      links[0].click();
    }
  });
}
