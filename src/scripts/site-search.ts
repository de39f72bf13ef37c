/**
 * `<site-search>`: the header's search button opens a `<dialog>` with Pagefind's UI (Ctrl+K, ⌘K or
 * `/` from anywhere but a text field). Without JavaScript the button is a link to /search/. Escape
 * closes the dialog and focus returns to where it was.
 */
import { islandTextApi } from './island-text.ts';

class SiteSearch extends HTMLElement {
  #started = false;

  connectedCallback(): void {
    const opener = this.querySelector<HTMLAnchorElement>('[data-open-search]');
    const dialog = this.querySelector<HTMLDialogElement>('dialog');
    if (!opener || !dialog) return;
    // Opening never fails: a search UI that does not load leaves the dialog with its message.
    const open = () => void this.open(dialog);
    opener.addEventListener('click', (event) => {
      event.preventDefault();
      open();
    });
    this.querySelector('[data-close-search]')?.addEventListener('click', () => dialog.close());
    // A click on the backdrop (the dialog element itself, outside its panel) closes it.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    window.addEventListener('keydown', (event) => {
      const typing = event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable]');
      const shortcut = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey);
      if (shortcut || (event.key === '/' && !typing && !dialog.open)) {
        event.preventDefault();
        if (dialog.open) dialog.close();
        else open();
      }
    });
  }

  async open(dialog: HTMLDialogElement): Promise<void> {
    dialog.showModal();
    const panel = dialog.querySelector<HTMLElement>('[data-search-ui]');
    if (!panel) return;
    if (!this.#started) {
      this.#started = true;
      try {
        // Nothing of search loads before it is first opened.
        const { createSearchUI, enableResultKeys, useIslandText } = await import('./pagefind-ui.ts');
        useIslandText(islandTextApi);
        await createSearchUI(panel, { autofocus: true });
        enableResultKeys(panel);
      } catch {
        this.#started = false;
        dialog.querySelector<HTMLElement>('[data-search-unavailable]')?.removeAttribute('hidden');
        return;
      }
    }
    panel.querySelector<HTMLInputElement>('input')?.focus();
  }
}

customElements.define('site-search', SiteSearch);
