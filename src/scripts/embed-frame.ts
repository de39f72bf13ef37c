/**
 * The script of an embed (EmbedLayout): tells the framing page how tall the embed is, narrows a
 * timeline to the date range in its address (`?from=1953&to=1960-06`; without JavaScript every event
 * shows), and points its "Read more" link at the part its fragment names (a section, an era; the
 * stylesheet shows only that part). The site script (SiteScripts) starts the quiz or flashcards island an embed holds, as on any page.
 *
 * The height message, for a host page to follow (README, "Share and embed"):
 * `{ type: 'study-garden:embed-height', height: <CSS pixels>, url: <the embed's address> }`, posted to
 * the parent window on load and whenever the embed's visible height changes (a new fragment shows
 * another section).
 */
import { EMBED_HEIGHT_MESSAGE, rangeBound } from '../lib/site/embed-urls.ts';
import type { IslandText } from './island-text.ts';

let text: IslandText;

function postHeight(): void {
  const height = Math.ceil(document.body.getBoundingClientRect().height);
  window.parent.postMessage({ type: EMBED_HEIGHT_MESSAGE, height, url: window.location.href }, '*');
}

function followHeight(): void {
  if (window.parent === window) return;
  let last = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    postHeight();
  }).observe(document.body);
  // At once too: the script may load after `load`, and a frame out of the host's view is not rendered
  // (no ResizeObserver callback) until it is scrolled to, whereas a measure forces its layout.
  if (document.readyState === 'complete') postHeight();
  else window.addEventListener('load', postHeight);
  window.addEventListener('hashchange', postHeight);
}

/** The "Read more" link opens the note's page at the embed's part, as the fragment names it. */
function followFragment(): void {
  const back = document.querySelector<HTMLAnchorElement>('a[data-embed-back]');
  if (!back) return;
  const page = (back.getAttribute('href') ?? '').replace(/#.*$/s, '');
  const point = () => {
    back.href = `${page}${window.location.hash}`;
  };
  point();
  window.addEventListener('hashchange', point);
}

function narrowTimeline(): void {
  const params = new URLSearchParams(window.location.search);
  const fromText = params.get('from');
  const toText = params.get('to');
  const from = rangeBound(fromText, false) ?? -Infinity;
  const to = rangeBound(toText, true) ?? Infinity;
  if (from === -Infinity && to === Infinity) return;
  for (const event of document.querySelectorAll<HTMLElement>('li.event[data-earliest]')) {
    const earliest = Number(event.dataset.earliest);
    const latest = Number(event.dataset.latest);
    event.hidden = latest < from || earliest > to;
  }
  for (const era of document.querySelectorAll<HTMLElement>('section.era')) {
    era.hidden = !era.querySelector('li.event:not([hidden])');
  }
  const note = document.querySelector<HTMLElement>('[data-range-text]');
  if (note) {
    note.textContent = text.say('embedEvents', { from: fromText ?? '…', to: toText ?? '…' });
    note.hidden = false;
  }
}

/** Loaded by the site script (SiteScripts) on an embed, with the page's interface text. */
export function startEmbedFrame(islandText: IslandText): void {
  text = islandText;
  narrowTimeline();
  followFragment();
  followHeight();
}
