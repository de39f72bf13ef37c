/** `<theme-toggle>`: cycles system → light → dark, remembered in localStorage. */
const KEY = 'garden-theme';
const ORDER = ['system', 'light', 'dark'] as const;
type Theme = (typeof ORDER)[number];

class ThemeToggle extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-theme-button]');
    if (!button) return;
    const current = (): Theme => (document.documentElement.dataset.theme as Theme | undefined) ?? 'system';
    const show = () => {
      button.textContent = `Theme: ${current()}`;
      button.setAttribute('aria-label', `Colour theme: ${current()}. Change it`);
    };
    show();
    button.addEventListener('click', () => {
      const next = ORDER[(ORDER.indexOf(current()) + 1) % ORDER.length] as Theme;
      if (next === 'system') delete document.documentElement.dataset.theme;
      else document.documentElement.dataset.theme = next;
      try {
        if (next === 'system') localStorage.removeItem(KEY);
        else localStorage.setItem(KEY, next);
      } catch {
        // Storage refused (private browsing): the choice lasts for this page.
      }
      show();
    });
  }
}

customElements.define('theme-toggle', ThemeToggle);
