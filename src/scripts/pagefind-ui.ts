/**
 * Search with Pagefind's modular UI (`pagefind-modular-ui.js`, written with the index so it always
 * matches it), loaded the first time search is used: the site's own labelled search box, filter
 * pills, a live summary and a result list whose items are the site's (kind badge, dates, matching
 * sections). The modular UI is a fifth of the size of Pagefind's default UI and loads a result's
 * excerpt only when it scrolls into view, which keeps a first query within its budget.
 *
 * Pagefind's search (`pagefind.js`) chooses the index of the page's `<html lang>`: each language is
 * indexed on its own (src/integrations/pagefind.ts). The UI's own words come from the page
 * (island-text.ts), as Pagefind's modular UI writes its summary and "All" pill in English.
 */
import { KIND_TEXT } from '../lib/site/kind-text.ts';
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
  sub_results?: { title: string; url: string; excerpt: string }[];
}

interface ModularInstance {
  add(component: unknown): void;
  on(event: 'filters' | 'results' | 'search' | 'loading', callback: (...args: unknown[]) => void): void;
  triggerLoad(): void;
  triggerSearch(term: string): void;
  triggerFilters(filters: Record<string, string[]>): void;
}

interface ModularUI {
  Instance: new (options: Record<string, unknown>) => ModularInstance;
  Input: new (options: { inputElement: string; debounceTimeoutMs?: number }) => unknown;
  ResultList: new (options: {
    containerElement: string;
    resultTemplate: (result: PagefindResultData) => string | Element;
    placeholderTemplate: () => string;
  }) => unknown;
  FilterPills: new (options: { containerElement: string; filter: string; selectMultiple?: boolean }) => FilterPills;
}

/** The one method of Pagefind's filter pills the site changes: the pill's content, which Pagefind sets as HTML. */
interface FilterPills {
  pillInner(value: string, count: number): string;
  /** Results before filtering: Pagefind shows the counts once there are some. */
  total?: number;
}

export interface SearchUI {
  triggerSearch(term: string): void;
  triggerFilters(filters: Record<string, string[]>): void;
}

/** Each kind's names, by the kind (as the index stores it), in the page's language. */
const namesOfKinds = (name: 'short' | 'filter'): Record<string, string> =>
  Object.fromEntries(Object.entries(KIND_TEXT).map(([kind, text]) => [kind, say(text[name])]));
const kindNames = () => namesOfKinds('short');
const filterNames = (): Record<string, string> => ({
  type: say('searchFilterType'),
  course: say('searchFilterCourse'),
  tag: say('searchFilterTag'),
});
/** The kind filter's values (as the index stores them) and "All", in the page's language. */
const pillNames = (): Record<string, string> => ({ All: say('searchFilterAll'), ...namesOfKinds('filter') });

let loading: Promise<ModularUI> | undefined;

/** Loads the UI's script and stylesheet once; rejects when there is no index (the dev server). */
function loadPagefindUI(): Promise<ModularUI> {
  loading ??= new Promise<ModularUI>((resolve, reject) => {
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = '/pagefind/pagefind-modular-ui.css';
    document.head.append(style);
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

/** One result as the site shows it: kind badge, title, dates, excerpt and up to three matching sections. */
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
  const sections = (result.sub_results ?? [])
    .filter((sub) => sub.url !== result.url)
    .slice(0, 3)
    .map((sub) =>
      element(
        'li',
        '',
        link(sub.url, 'search-result-link search-result-section', sub.title),
        ' ',
        element('span', 'search-result-excerpt', ...excerptNodes(sub.excerpt)),
      ),
    );
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

/**
 * A search box, filter pills (one group per filter), a summary read out as results change, and the
 * results, inside `element`.
 */
export async function createSearchUI(
  element: HTMLElement,
  options: { autofocus?: boolean; filters?: string[] } = {},
): Promise<SearchUI> {
  const ui = await loadPagefindUI();
  const id = `site-search-${instances++}`;
  const filters = options.filters ?? ['type'];
  element.innerHTML = `<form class="search-form" role="search" data-search-form>
  <label class="visually-hidden" for="${id}-input">${escapeHtml(say('searchTheNotes'))}</label>
  <input class="search-input" id="${id}-input" type="search" placeholder="${escapeHtml(say('searchTheNotes'))}" autocomplete="off" autocapitalize="none" enterkeyhint="search">
</form>
${filters.map((filter) => `<div class="search-filter" id="${id}-filter-${filter}" data-filter-name="${escapeHtml(filterNames()[filter] ?? filter)}"></div>`).join('')}
<p class="search-summary" id="${id}-summary" role="status" aria-live="polite"></p>
<ol class="search-results" id="${id}-results"></ol>`;
  const input = element.querySelector<HTMLInputElement>('input') as HTMLInputElement;
  // Enter never submits: it opens the first result (enableResultKeys).
  element.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());
  // Searching on the page's own thread spares a first query Pagefind's 12 kB worker script: a query
  // takes milliseconds in its WebAssembly even at thousands of notes.
  const instance = new ui.Instance({ excerptLength: EXCERPT_WORDS, noWorker: true });
  if (options.autofocus) input.focus();
  const pills = pillNames();
  for (const filter of filters) {
    const group = new ui.FilterPills({ containerElement: `#${id}-filter-${filter}`, filter });
    // Pagefind names its "All" pill in English, shows the kinds as the index stores them, and puts
    // the value into its HTML unescaped: the site writes the pill's content itself.
    const label = (value: string) =>
      filter === 'type' ? (pills[value] ?? value) : value === 'All' ? (pills.All as string) : value;
    group.pillInner = (value, count) => pillContent(label(value), count, Boolean(group.total));
    instance.add(group);
  }
  instance.add(new Summary(`#${id}-summary`));
  instance.add(
    new ui.ResultList({
      containerElement: `#${id}-results`,
      resultTemplate: resultElement,
      placeholderTemplate: () =>
        '<li class="search-result" data-loading aria-hidden="true"><p class="search-result-title">…</p></li>',
    }),
  );
  // The box takes typing at once, but searches only once the index and its filters are loaded:
  // Pagefind's filter pills fail on results that arrive before the filter list does.
  await new Promise<void>((resolve) => {
    instance.on('filters', () => resolve());
    instance.triggerLoad();
  });
  instance.add(new ui.Input({ inputElement: `#${id}-input` }));
  if (input.value) instance.triggerSearch(input.value);
  return instance;
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
