/**
 * `<flash-cards>`: one card at a time from the list the page already has. Click or Space turns it,
 * ←/→ move, "Know it"/"Again" mark it, Shuffle mixes the deck; marks are kept in localStorage per
 * course, so a reader picks up where they left off.
 */
import type { IslandText } from './island-text.ts';

let text: IslandText;
const say: IslandText['say'] = (...args) => text.say(...args);

interface Card {
  id: string;
  kind: string;
  front: string;
  back: string;
}

type Marks = Record<string, 'know' | 'again'>;

class FlashCards extends HTMLElement {
  #cards: Card[] = [];
  #index = 0;
  #flipped = false;
  #marks: Marks = {};

  get #key(): string {
    return `flashcards:${this.dataset.deck ?? ''}`;
  }

  connectedCallback(): void {
    const list = this.querySelector<HTMLElement>('[data-list]');
    const stage = this.querySelector<HTMLElement>('.flashcard-stage');
    if (!list || !stage) return;
    this.#cards = [...list.querySelectorAll<HTMLElement>('[data-id]')].map((item) => ({
      id: item.dataset.id ?? '',
      kind: item.dataset.kind ?? '',
      front: item.querySelector('.flashcard-front')?.textContent?.trim() ?? '',
      back: item.querySelector('.flashcard-back')?.textContent?.trim() ?? '',
    }));
    if (this.#cards.length === 0) return;
    try {
      this.#marks = JSON.parse(localStorage.getItem(this.#key) ?? '{}') as Marks;
    } catch {
      this.#marks = {};
    }
    // Start at the first card not yet known.
    this.#index = Math.max(
      0,
      this.#cards.findIndex((card) => this.#marks[card.id] !== 'know'),
    );
    list.hidden = true;
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
      this.#index = 0;
      this.#render();
    });
    this.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowRight') this.#move(1);
      else if (event.key === 'ArrowLeft') this.#move(-1);
      else return;
      event.preventDefault();
    });
    this.#render();
  }

  #flip(): void {
    this.#flipped = !this.#flipped;
    this.#render();
  }

  #move(step: number): void {
    this.#index = (this.#index + step + this.#cards.length) % this.#cards.length;
    this.#flipped = false;
    this.#render();
  }

  #mark(mark: 'know' | 'again'): void {
    const card = this.#cards[this.#index];
    if (!card) return;
    this.#marks[card.id] = mark;
    this.#save();
    this.#move(1);
  }

  #shuffle(): void {
    for (let i = this.#cards.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [this.#cards[i], this.#cards[j]] = [this.#cards[j] as Card, this.#cards[i] as Card];
    }
    this.#index = 0;
    this.#flipped = false;
    this.#render();
  }

  #save(): void {
    try {
      localStorage.setItem(this.#key, JSON.stringify(this.#marks));
    } catch {
      // Private browsing may refuse storage; the cards still work for this visit.
    }
  }

  #render(): void {
    const card = this.#cards[this.#index];
    if (!card) return;
    const known = this.#cards.filter((entry) => this.#marks[entry.id] === 'know').length;
    const set = (selector: string, text: string) => {
      const element = this.querySelector(selector);
      if (element) element.textContent = text;
    };
    set('[data-kind]', say(card.kind === 'term' ? 'flashcardTerm' : 'flashcardEvent'));
    set('[data-face]', this.#flipped ? card.back : card.front);
    set(
      '[data-side]',
      say(this.#flipped ? (card.kind === 'term' ? 'flashcardDefinition' : 'flashcardDate') : 'flashcardTurnOver'),
    );
    set('[data-progress]', say('flashcardProgress', { n: this.#index + 1, total: this.#cards.length, known }));
    const button = this.querySelector<HTMLElement>('[data-card]');
    if (button) {
      button.setAttribute('aria-pressed', String(this.#flipped));
      button.dataset.mark = this.#marks[card.id] ?? '';
    }
  }
}

/** Called by the site script on a page with flashcards, with the page's interface text. */
export function startFlashcards(api: IslandText): void {
  text = api;
  if (!customElements.get('flash-cards')) customElements.define('flash-cards', FlashCards);
}
