/**
 * Link previews: hovering, focusing or long-pressing an internal link shows the linked note's title
 * and summary, from data attributes written at build time (no page fetches another). Escape or
 * leaving the link hides it. Without JavaScript the links are plain links.
 */
import { KIND_TEXT } from '../lib/site/kind-text.ts';
import type { NoteType } from '../lib/note/schema.ts';
import { say } from './island-text.ts';
import { LINK_PREVIEW_ID } from '../lib/site/page-ids.ts';

/** Hover this long before a preview shows: a pointer passing over a link shows nothing. */
const SHOW_DELAY_MS = 350;
/** A touch held this long is a long press (a tap is far shorter), and shows the preview. */
const LONG_PRESS_MS = 450;
/** The preview card's width at most, in CSS pixels: a comfortable line of a summary. */
const CARD_WIDTH_PX = 320;
/** Room kept between the card and the window's edges, and below its link. */
const EDGE_PX = 8;
const BELOW_LINK_PX = 6;

let card: HTMLDivElement | undefined;
let current: HTMLAnchorElement | undefined;
let timer: number | undefined;

function ensureCard(): HTMLDivElement {
  if (card) return card;
  card = document.createElement('div');
  card.id = LINK_PREVIEW_ID;
  card.className = 'link-preview';
  card.setAttribute('role', 'tooltip');
  card.hidden = true;
  document.body.append(card);
  return card;
}

function show(link: HTMLAnchorElement): void {
  const preview = ensureCard();
  const title = document.createElement('strong');
  title.textContent = link.dataset.previewTitle ?? '';
  const kind = document.createElement('span');
  kind.className = 'link-preview-kind';
  const written = link.dataset.previewKind ?? '';
  kind.textContent = Object.hasOwn(KIND_TEXT, written) ? say(KIND_TEXT[written as NoteType].preview) : written;
  const text = document.createElement('p');
  text.textContent = link.dataset.previewText ?? '';
  preview.replaceChildren(kind, title, ...(text.textContent ? [text] : []));
  preview.hidden = false;
  const box = link.getBoundingClientRect();
  const width = Math.min(CARD_WIDTH_PX, window.innerWidth - 2 * EDGE_PX);
  preview.style.width = `${width}px`;
  preview.style.left = `${Math.max(EDGE_PX, Math.min(box.left + window.scrollX, window.scrollX + window.innerWidth - width - EDGE_PX))}px`;
  preview.style.top = `${box.bottom + window.scrollY + BELOW_LINK_PX}px`;
  link.setAttribute('aria-describedby', preview.id);
  current = link;
}

function hide(): void {
  window.clearTimeout(timer);
  if (!card || card.hidden) return;
  card.hidden = true;
  current?.removeAttribute('aria-describedby');
  current = undefined;
}

const previewLink = (target: EventTarget | null) =>
  target instanceof Element ? target.closest<HTMLAnchorElement>('a[data-preview-title]') : null;

document.addEventListener('pointerover', (event) => {
  const link = previewLink(event.target);
  if (!link || event.pointerType === 'touch' || link === current) return;
  window.clearTimeout(timer);
  timer = window.setTimeout(() => show(link), SHOW_DELAY_MS);
});
document.addEventListener('pointerout', (event) => {
  if (previewLink(event.target) && !previewLink(event.relatedTarget)) hide();
});
document.addEventListener('focusin', (event) => {
  const link = previewLink(event.target);
  if (link) show(link);
  else hide();
});
document.addEventListener('focusout', (event) => {
  if (previewLink(event.target)) hide();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') hide();
});

// Touch: a long press shows the preview and cancels the click that follows; a tap follows the link.
let pressed: HTMLAnchorElement | undefined;
let shownByPress = false;
document.addEventListener('pointerdown', (event) => {
  const link = previewLink(event.target);
  if (!link || event.pointerType !== 'touch') return;
  pressed = link;
  shownByPress = false;
  window.clearTimeout(timer);
  timer = window.setTimeout(() => {
    shownByPress = true;
    show(link);
  }, LONG_PRESS_MS);
});
document.addEventListener('pointerup', () => window.clearTimeout(timer));
document.addEventListener(
  'click',
  (event) => {
    if (shownByPress && pressed && previewLink(event.target) === pressed) {
      event.preventDefault();
      shownByPress = false;
      return;
    }
    if (!previewLink(event.target)) hide();
  },
  true,
);
document.addEventListener('contextmenu', (event) => {
  if (shownByPress && previewLink(event.target)) event.preventDefault();
});
