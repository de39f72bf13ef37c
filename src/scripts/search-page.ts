/**
 * /search/?q=virgin+lands&type=term: the search page's UI, filled from the query string so course
 * pages can link to a search — the words in the box, the filters' pills pressed — and keeping the
 * address in step as the reader types and presses pills (`history.replaceState`, so Back leaves the
 * page rather than stepping through every letter). Loaded by the site script where the page has
 * `[data-search-page]`.
 */
import type { IslandText } from './island-text.ts';
import { createSearchUI, enableResultKeys, searchFromUrl, useIslandText } from './pagefind-ui.ts';

export function startSearchPage(text: IslandText): void {
  const page = document.querySelector<HTMLElement>('[data-search-page]');
  const fallback = document.querySelector<HTMLElement>('[data-search-fallback]');
  if (!page || !fallback) return;
  useIslandText(text);
  const { query, filters } = searchFromUrl(window.location.search);
  createSearchUI(page, { autofocus: true, query, filters, inUrl: true })
    .then(() => {
      fallback.hidden = true;
      enableResultKeys(page);
    })
    .catch(() => {
      const message = fallback.querySelector('p');
      if (message) message.textContent = text.islandText().searchFailed;
      fallback.dataset.searchFailed = '';
    });
}
