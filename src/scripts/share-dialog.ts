/**
 * `<share-dialog>` (ShareDialog.astro): one dialog per page, opened by its "Share" button for the page
 * and by a small button this script puts after each `#` link (headings, timeline events, quiz
 * questions) and after each term of a glossary, for that part. It offers the part's link, an iframe of
 * its embed (where it has one) and an HTML link; Copy uses the Clipboard API, and where that is
 * refused the text is selected for Ctrl+C.
 */
import { EMBED_HEIGHTS, embedUrl, iframeSnippet, linkSnippet, parseEmbedUrl, type EmbedView } from '../lib/site/embed-urls.ts';
import type { IslandText } from './island-text.ts';

let text: IslandText;

interface Target {
  title: string;
  /** The part's page address, with its fragment. */
  link: string;
  /** Its embed's address, if it has one. */
  embed?: string | undefined;
}

const absolute = (path: string) => new URL(path, window.location.href).href;

/** The text of a heading or question without its `#` link and share button. */
function partTitle(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const extra of copy.querySelectorAll('.anchor-link, .share-button, .quiz-result')) extra.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

class ShareDialog extends HTMLElement {
  #dialog!: HTMLDialogElement;
  #views: Partial<Record<EmbedView, string>> = {};

  connectedCallback(): void {
    const dialog = this.querySelector('dialog');
    if (!dialog) return;
    this.#dialog = dialog;
    this.#views = JSON.parse(this.dataset.views ?? '{}') as Partial<Record<EmbedView, string>>;
    const page = this.dataset.page ?? window.location.pathname;
    const open = this.querySelector<HTMLButtonElement>('[data-share-open]');
    if (open) {
      const main = Object.values(this.#views)[0];
      open.addEventListener('click', () =>
        this.open({ title: partTitle(document.querySelector('h1') ?? document.body), link: page, embed: main }, open),
      );
    }
    this.querySelector('[data-share-close]')?.addEventListener('click', () => dialog.close());
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-share-copy]')) {
      button.addEventListener('click', () => void this.copy(button.dataset.shareCopy ?? 'link'));
    }
    this.addButtons(page);
  }

  /** A small button after each `#` link of the page's main content, and after each glossary term. */
  addButtons(page: string): void {
    const main = document.querySelector('main') ?? document.body;
    for (const anchor of main.querySelectorAll<HTMLAnchorElement>('a.anchor-link[href^="#"]')) {
      const id = decodeURIComponent(anchor.getAttribute('href')?.slice(1) ?? '');
      const holder = anchor.closest('.quiz-q')?.querySelector('.quiz-q-text') ?? anchor.parentElement;
      if (!id || !holder) continue;
      const target = (): Target => ({
        title: partTitle(holder),
        link: `${page}#${encodeURIComponent(id)}`,
        embed: this.embedOf(anchor, id),
      });
      anchor.after(this.button(target));
    }
    for (const entry of main.querySelectorAll<HTMLElement>('.glossary-entry dt')) {
      const link = entry.querySelector<HTMLAnchorElement>('a[href]');
      if (!link) continue;
      const href = link.getAttribute('href') ?? '';
      const target = (): Target => ({
        title: (link.textContent ?? '').trim(),
        link: href,
        embed: encodeURI(embedUrl(decodeURI(new URL(href, window.location.href).pathname), 'term')),
      });
      link.after(this.button(target));
    }
  }

  /**
   * A part's embed: the page's view that shows it, at the part — a `##` heading of the note's body
   * (its section view shows that section only), an event (the timeline), a question (the quiz).
   */
  embedOf(anchor: Element, id: string): string | undefined {
    const view = anchor.closest('li.event')
      ? this.#views.timeline
      : anchor.closest('.quiz-question')
        ? this.#views.quiz
        : anchor.parentElement?.matches('.prose > h2')
          ? this.#views.section
          : undefined;
    return view ? `${view}#${encodeURIComponent(id)}` : undefined;
  }

  button(target: () => Target): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'share-button';
    button.setAttribute('aria-haspopup', 'dialog');
    // Named when first seen by a screen reader's focus, from the heading's text at that time.
    const label = () => text.say('shareThis', { title: target().title });
    button.setAttribute('aria-label', label());
    const icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    icon.setAttribute('viewBox', '0 0 24 24');
    icon.setAttribute('width', '14');
    icon.setAttribute('height', '14');
    icon.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('fill', 'currentColor');
    path.setAttribute('d', 'M14 3h7v7h-2V6.4l-8.3 8.3-1.4-1.4L17.6 5H14zM5 5h6v2H7v10h10v-4h2v6H5z');
    icon.append(path);
    button.append(icon);
    button.addEventListener('click', () => this.open(target(), button));
    return button;
  }

  open(target: Target, opener: HTMLElement): void {
    const link = absolute(target.link);
    const heading = this.#dialog.querySelector('[data-share-heading]');
    if (heading) heading.textContent = text.say('shareThis', { title: target.title });
    this.field('link').value = link;
    this.field('html').value = linkSnippet(link, target.title);
    const embedRow = this.#dialog.querySelector<HTMLElement>('[data-share-row="embed"]');
    if (embedRow) embedRow.hidden = !target.embed;
    if (target.embed) {
      const view = parseEmbedUrl(decodeURI(new URL(target.embed, window.location.href).pathname))?.view ?? 'section';
      this.field('embed').value = iframeSnippet(absolute(target.embed), target.title, EMBED_HEIGHTS[view]);
    }
    this.status('');
    this.#dialog.addEventListener('close', () => opener.focus(), { once: true });
    this.#dialog.showModal();
  }

  field(name: string): HTMLTextAreaElement {
    return this.#dialog.querySelector<HTMLTextAreaElement>(`[data-share-field="${name}"]`) as HTMLTextAreaElement;
  }

  status(message: string): void {
    const status = this.#dialog.querySelector('[data-share-status]');
    if (status) status.textContent = message;
  }

  async copy(name: string): Promise<void> {
    const field = this.field(name);
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(field.value);
      this.status(text.say('shareCopied'));
    } catch {
      // Refused (no permission, an insecure origin): the text is selected for the reader to copy.
      field.focus();
      field.select();
      this.status(text.say('shareCopyByHand'));
    }
  }
}

export function startShareDialog(islandText: IslandText): void {
  text = islandText;
  if (!customElements.get('share-dialog')) customElements.define('share-dialog', ShareDialog);
}
