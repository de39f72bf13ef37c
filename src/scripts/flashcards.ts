/**
 * `<flash-cards>`: one card at a time from the list the page already has. Space or Enter (or a click)
 * turns it, ←/→ move, K and A (or the buttons) mark it "know it" or "again" — the keys work as soon as
 * the page has focus, not only the card. "Again" brings the card back a few cards later; "only cards
 * I don't know" leaves the known ones out. Marks are kept in localStorage per course, under the cards'
 * ids (src/lib/site/flashcard-deck.ts), so a reader picks up where they left off.
 */
import { firstUnknown, parseMarks, requeue, studyQueue, type Mark, type Marks } from '../lib/site/flashcard-deck.ts';
import type { IslandText } from './island-text.ts';

let text: IslandText;
const say: IslandText['say'] = (...args) => text.say(...args);

interface Card {
  id: string;
  kind: string;
  front: string;
  back: string;
}

class FlashCards extends HTMLElement {
  #cards = new Map<string, Card>();
  #queue: string[] = [];
  #index = 0;
  #flipped = false;
  #marks: Marks = {};
  #unknownOnly = false;

  get #key(): string {
    return `flashcards:${this.dataset.deck ?? ''}`;
  }

  connectedCallback(): void {
    const list = this.querySelector<HTMLElement>('[data-list]');
    const stage = this.querySelector<HTMLElement>('.flashcard-stage');
    if (!list || !stage) return;
    for (const item of list.querySelectorAll<HTMLElement>('[data-id]')) {
      const id = item.dataset.id ?? '';
      this.#cards.set(id, {
        id,
        kind: item.dataset.kind ?? '',
        front: item.querySelector('.flashcard-front')?.textContent?.trim() ?? '',
        back: item.querySelector('.flashcard-back')?.textContent?.trim() ?? '',
      });
    }
    if (this.#cards.size === 0) return;
    this.#marks = parseMarks(this.#read(this.#key));
    this.#unknownOnly = this.#read(`${this.#key}:unknown-only`) === 'true';
    this.#queue = studyQueue([...this.#cards.keys()], this.#marks, this.#unknownOnly);
    this.#index = firstUnknown(this.#queue, this.#marks);
    // The list stays for print (flashcards.css); the screen shows the stage.
    this.dataset.ready = '';
    stage.hidden = false;
    const on = (selector: string, action: () => void) => this.querySelector(selector)?.addEventListener('click', action);
    on('[data-card]', () => this.#flip());
    on('[data-next]', () => this.#move(1));
    on('[data-previous]', () => this.#move(-1));
    on('[data-know]', () => this.#mark('know'));
    on('[data-again]', () => this.#mark('again'));
    on('[data-shuffle]', () => this.#shuffle());
    on('[data-reset]', () => {
      this.#marks = {};
      this.#save();
      this.#restart();
    });
    const unknownOnly = this.querySelector<HTMLInputElement>('[data-unknown-only]');
    if (unknownOnly) {
      unknownOnly.checked = this.#unknownOnly;
      unknownOnly.addEventListener('change', () => {
        this.#unknownOnly = unknownOnly.checked;
        this.#write(`${this.#key}:unknown-only`, String(this.#unknownOnly));
        this.#restart();
      });
    }
    // On the document, so the keys work once the page has focus, wherever it is.
    document.addEventListener('keydown', (event) => this.#onKey(event));
    this.#render();
  }

  #onKey(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target instanceof Element ? event.target : null;
    // Typing in a field (search, the mode switch) or a dialog keeps its keys.
    if (target?.closest('input, textarea, select, [contenteditable], dialog')) return;
    // Space and Enter on a button or link press it (the card's own button turns it).
    const onControl = Boolean(target?.closest('button, a, summary'));
    switch (event.key) {
      case 'ArrowRight':
        this.#move(1);
        break;
      case 'ArrowLeft':
        this.#move(-1);
        break;
      case ' ':
      case 'Enter':
        if (onControl) return;
        this.#flip();
        break;
      case 'k':
      case 'K':
        this.#mark('know');
        break;
      case 'a':
      case 'A':
        this.#mark('again');
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  #restart(): void {
    this.#queue = studyQueue([...this.#cards.keys()], this.#marks, this.#unknownOnly);
    this.#index = 0;
    this.#flipped = false;
    this.#render();
  }

  #flip(): void {
    if (this.#queue.length === 0) return;
    this.#flipped = !this.#flipped;
    this.#render();
  }

  #move(step: number): void {
    if (this.#queue.length === 0) return;
    this.#index = (this.#index + step + this.#queue.length) % this.#queue.length;
    this.#flipped = false;
    this.#render();
  }

  #mark(mark: Mark): void {
    const id = this.#queue[this.#index];
    if (id === undefined) return;
    this.#marks[id] = mark;
    this.#save();
    this.#flipped = false;
    if (mark === 'again') {
      // Back into the queue a few cards on; the next card takes its place.
      this.#queue = requeue(this.#queue, this.#index);
    } else if (this.#unknownOnly) {
      // Known cards leave the "don't know" queue.
      this.#queue = this.#queue.filter((other) => other !== id);
    } else {
      this.#index += 1;
    }
    if (this.#index >= this.#queue.length) this.#index = 0;
    this.#render();
  }

  #shuffle(): void {
    for (let i = this.#queue.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [this.#queue[i], this.#queue[j]] = [this.#queue[j] as string, this.#queue[i] as string];
    }
    this.#index = 0;
    this.#flipped = false;
    this.#render();
  }

  #read(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  }

  #write(key: string, value: string): void {
    try {
      localStorage.setItem(key, value);
    } catch {
      // Private browsing may refuse storage; the cards still work for this visit.
    }
  }

  #save(): void {
    this.#write(this.#key, JSON.stringify(this.#marks));
  }

  #render(): void {
    const card = this.#cards.get(this.#queue[this.#index] ?? '');
    const done = this.querySelector<HTMLElement>('[data-all-known]');
    const button = this.querySelector<HTMLElement>('[data-card]');
    if (done) {
      done.hidden = card !== undefined;
      done.textContent = card ? '' : say('flashcardAllKnown');
    }
    if (button) button.hidden = card === undefined;
    const known = [...this.#cards.keys()].filter((id) => this.#marks[id] === 'know').length;
    const set = (selector: string, value: string) => {
      const element = this.querySelector(selector);
      if (element) element.textContent = value;
    };
    set('[data-progress]', say('flashcardProgress', { n: card ? this.#index + 1 : 0, total: this.#queue.length, known }));
    if (!card || !button) return;
    set('[data-kind]', say(card.kind === 'term' ? 'flashcardTerm' : 'flashcardEvent'));
    set('[data-face]', this.#flipped ? card.back : card.front);
    set(
      '[data-side]',
      say(this.#flipped ? (card.kind === 'term' ? 'flashcardDefinition' : 'flashcardDate') : 'flashcardTurnOver'),
    );
    button.setAttribute('aria-pressed', String(this.#flipped));
    button.dataset.mark = this.#marks[card.id] ?? '';
    button.dataset.cardId = card.id;
  }
}

/** Called by the site script on a page with flashcards, with the page's interface text. */
export function startFlashcards(api: IslandText): void {
  text = api;
  if (!customElements.get('flash-cards')) customElements.define('flash-cards', FlashCards);
}
