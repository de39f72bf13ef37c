/** `<theme-toggle>`: cycles system → light → dark, remembered in localStorage. */
import { say } from './island-text.ts';

const KEY = 'garden-theme';
const ORDER = ['system', 'light', 'dark'] as const;
type Theme = (typeof ORDER)[number];

class ThemeToggle extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-theme-button]');
    const label = this.querySelector<HTMLElement>('[data-theme-label]');
    if (!button || !label) return;
    const current = (): Theme => (document.documentElement.dataset.theme as Theme | undefined) ?? 'system';
    const names = { system: say('themeSystem'), light: say('themeLight'), dark: say('themeDark') };
    const show = () => {
      label.textContent = say('theme', { theme: names[current()] });
      button.setAttribute('aria-label', say('themeLabel', { theme: names[current()] }));
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
