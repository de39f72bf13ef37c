/**
 * The era filter of a course timeline: `<era-filter>` wraps a form (hidden until this runs) whose
 * select shows one era's section, or all of them when its value is empty.
 */
export class EraFilter extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector('form');
    const select = this.querySelector('select');
    if (!form || !select) return;
    form.hidden = false;
    const apply = () => {
      for (const section of document.querySelectorAll<HTMLElement>('section.era')) {
        section.hidden = select.value !== '' && section.getAttribute('aria-labelledby') !== select.value;
      }
    };
    select.addEventListener('change', apply);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      apply();
    });
  }
}

if (!customElements.get('era-filter')) customElements.define('era-filter', EraFilter);
