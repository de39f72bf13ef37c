/**
 * /search/?q=virgin+lands&type=term: the search page's UI, filled from the query string so course
 * pages can link to a search. Loaded by the site script where the page has `[data-search-page]`.
 */
import type { IslandText } from './island-text.ts';
import { createSearchUI, enableResultKeys, useIslandText } from './pagefind-ui.ts';

export function startSearchPage(text: IslandText): void {
  const page = document.querySelector<HTMLElement>('[data-search-page]');
  const fallback = document.querySelector<HTMLElement>('[data-search-fallback]');
  if (!page || !fallback) return;
  useIslandText(text);
  const params = new URLSearchParams(window.location.search);
  const filters: Record<string, string[]> = {};
  for (const key of ['type', 'course', 'tag']) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length > 0) filters[key] = values;
  }
  createSearchUI(page, { autofocus: true, filters: ['type', 'course', 'tag'] })
    .then((ui) => {
      fallback.hidden = true;
      enableResultKeys(page);
      if (Object.keys(filters).length > 0) ui.triggerFilters(filters);
      const query = params.get('q');
      if (query) ui.triggerSearch(query);
    })
    .catch(() => {
      const message = fallback.querySelector('p');
      if (message) message.textContent = text.islandText().searchFailed;
      fallback.dataset.searchFailed = '';
    });
}
