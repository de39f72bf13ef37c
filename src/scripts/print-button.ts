/** The study sheet's "Print this sheet" button: hidden without JavaScript, which printing needs. */
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-print]')) {
  button.closest<HTMLElement>('[hidden]')?.removeAttribute('hidden');
  button.addEventListener('click', () => window.print());
}

// A module, loaded on demand by the site script.
export {};
