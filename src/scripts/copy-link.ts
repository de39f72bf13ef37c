/**
 * "Copy link" beside headings and timeline events: the anchor is a plain `#id` link without
 * JavaScript; with it, a click also copies the full URL and says so to screen readers.
 */
import { say } from './island-text.ts';
import { COPY_STATUS_ID } from '../lib/site/page-ids.ts';

/** How long a copied link shows its mark: long enough to see, gone before the next click. */
const COPIED_MARK_MS = 1500;

document.addEventListener('click', (event) => {
  const anchor = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-copy-link]') : null;
  if (!anchor || !navigator.clipboard) return;
  const url = new URL(anchor.getAttribute('href') ?? '', window.location.href).href;
  void navigator.clipboard.writeText(url).then(
    () => announce(say('linkCopied'), anchor),
    () => undefined,
  );
});

function announce(message: string, anchor: HTMLElement): void {
  let status = document.getElementById(COPY_STATUS_ID);
  if (!status) {
    status = document.createElement('p');
    status.id = COPY_STATUS_ID;
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    document.body.append(status);
  }
  status.textContent = message;
  // The visible mark says it in the page's language too (links.css shows the attribute).
  anchor.dataset.copied = message;
  window.setTimeout(() => delete anchor.dataset.copied, COPIED_MARK_MS);
}
