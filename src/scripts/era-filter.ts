/**
 * The era filter of a course timeline: `<era-filter>` wraps a row of pills (hidden until this runs),
 * each showing one era's section, or all of them. The choice lives in the URL (`?era=era-leadership`):
 * read when the page opens, written with replaceState, so a link or a reload keeps it. Without
 * JavaScript every era is shown.
 */
const PARAM = 'era';

export class EraFilter extends HTMLElement {
  connectedCallback() {
    const group = this.querySelector<HTMLElement>('.era-filter');
    if (!group) return;
    const pills = [...group.querySelectorAll<HTMLButtonElement>('button[data-era]')];
    const show = (wanted: string, remember: boolean) => {
      // An era the page does not have (an old link) shows them all.
      const era = pills.some((pill) => pill.dataset.era === wanted) ? wanted : '';
      for (const pill of pills) pill.setAttribute('aria-pressed', String(pill.dataset.era === era));
      for (const section of document.querySelectorAll<HTMLElement>('section.era')) {
        section.hidden = era !== '' && section.getAttribute('aria-labelledby') !== era;
      }
      if (!remember) return;
      const url = new URL(window.location.href);
      if (era) url.searchParams.set(PARAM, era);
      else url.searchParams.delete(PARAM);
      window.history.replaceState(window.history.state, '', url);
    };
    for (const pill of pills) pill.addEventListener('click', () => show(pill.dataset.era ?? '', true));
    show(new URL(window.location.href).searchParams.get(PARAM) ?? '', false);
    group.hidden = false;
  }
}

if (!customElements.get('era-filter')) customElements.define('era-filter', EraFilter);
