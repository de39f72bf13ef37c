/**
 * Pagefind's own UI (the `pagefind-ui.js` written with the index, so it always matches it), loaded the
 * first time search is used, styled by the site's CSS variables, with a type badge on each result.
 */
interface PagefindResult {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}

interface PagefindUIInstance {
  triggerSearch(term: string): void;
  triggerFilters(filters: Record<string, string[]>): void;
}

type PagefindUIConstructor = new (options: Record<string, unknown>) => PagefindUIInstance;

const KIND = { brief: 'Brief', timeline: 'Timeline', term: 'Term', course: 'Course' } as Record<string, string>;

let loading: Promise<PagefindUIConstructor> | undefined;

/** Loads the UI's script and stylesheet once; rejects when there is no index (the dev server). */
export function loadPagefindUI(): Promise<PagefindUIConstructor> {
  loading ??= new Promise<PagefindUIConstructor>((resolve, reject) => {
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = '/pagefind/pagefind-ui.css';
    document.head.append(style);
    const script = document.createElement('script');
    script.src = '/pagefind/pagefind-ui.js';
    script.onload = () => {
      const found = (window as unknown as { PagefindUI?: PagefindUIConstructor }).PagefindUI;
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

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function createSearchUI(element: HTMLElement, options: Record<string, unknown> = {}): Promise<PagefindUIInstance> {
  const PagefindUI = await loadPagefindUI();
  return new PagefindUI({
    element,
    showSubResults: true,
    showImages: false,
    excerptLength: 24,
    openFilters: ['type'],
    showEmptyFilters: false,
    translations: { placeholder: 'Search the notes', zero_results: 'No notes match [SEARCH_TERM]' },
    processResult(result: PagefindResult) {
      const kind = KIND[result.meta.type ?? ''];
      // The excerpt is HTML (it carries <mark>): the badge goes in front of it, escaped.
      if (kind)
        result.excerpt = `<span class="result-kind" data-kind="${escapeHtml(result.meta.type as string)}">${kind}</span> ${result.excerpt}`;
      if (result.meta.dates) result.excerpt += ` <span class="result-dates">${escapeHtml(result.meta.dates)}</span>`;
      return result;
    },
    ...options,
  });
}

/** Up and down arrows move between the search box and the results; Enter in the box opens the first. */
export function enableResultKeys(container: HTMLElement): void {
  container.addEventListener('keydown', (event) => {
    const links = [...container.querySelectorAll<HTMLAnchorElement>('.pagefind-ui__result-link')];
    const input = container.querySelector<HTMLInputElement>('.pagefind-ui__search-input');
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
