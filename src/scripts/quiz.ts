/**
 * `<quiz-set>`: turns each multiple-choice question's list of choices into radio buttons. "Check
 * answers" marks each question and the right choice, locks the answers until "Try again", opens each
 * explanation and puts the score at the top; a free-answer question is marked by the reader ("I got
 * it" / "I missed it", offered once its answer is shown), and counts in the score.
 */
import type { IslandText } from './island-text.ts';

let text: IslandText;
const say: IslandText['say'] = (...args) => text.say(...args);

type Result = 'right' | 'wrong' | 'unanswered';
const RESULT_TEXT = { right: 'quizRight', wrong: 'quizWrong', unanswered: 'quizUnanswered' } as const;

class QuizSet extends HTMLElement {
  #checked = false;

  connectedCallback(): void {
    const questions = [...this.querySelectorAll<HTMLLIElement>('.quiz-question')];
    const controls = this.querySelector<HTMLElement>('.quiz-controls');
    if (questions.length === 0 || !controls) return;
    for (const question of questions) this.#choices(question);
    controls.hidden = false;
    const check = controls.querySelector<HTMLButtonElement>('[data-quiz-check]');
    const retry = controls.querySelector<HTMLButtonElement>('[data-quiz-retry]');
    const score = this.querySelector<HTMLElement>('[data-quiz-score]');
    const rescore = () => {
      if (!score || !this.#checked) return;
      const right = questions.filter((question) => question.dataset.result === 'right').length;
      const toMark = questions.filter((question) => 'free' in question.dataset && !question.dataset.result).length;
      score.textContent = [
        say('quizScore', { right, total: questions.length }),
        toMark > 0 ? text.sayCount(text.islandText().quizToMark, toMark) : '',
      ]
        .filter(Boolean)
        .join(' ');
    };
    for (const question of questions.filter((entry) => 'free' in entry.dataset)) {
      const selfMark = question.querySelector<HTMLElement>('.quiz-self-mark');
      // Marking oneself makes sense once the answer is in view.
      question.querySelector('details')?.addEventListener('toggle', (event) => {
        if (selfMark && (event.target as HTMLDetailsElement).open) selfMark.hidden = false;
      });
      for (const button of question.querySelectorAll<HTMLButtonElement>('[data-self-mark]')) {
        button.addEventListener('click', () => {
          setResult(question, button.dataset.selfMark === 'right' ? 'right' : 'wrong');
          for (const other of question.querySelectorAll('[data-self-mark]')) {
            other.setAttribute('aria-pressed', String(other === button));
          }
          rescore();
        });
      }
    }
    check?.addEventListener('click', () => {
      this.#checked = true;
      for (const question of questions) {
        const details = question.querySelector('details');
        if (details) details.open = true;
        if ('free' in question.dataset) {
          const selfMark = question.querySelector<HTMLElement>('.quiz-self-mark');
          if (selfMark) selfMark.hidden = false;
          continue;
        }
        const picked = question.querySelector<HTMLInputElement>('input:checked');
        setResult(question, picked ? (picked.value === question.dataset.correct ? 'right' : 'wrong') : 'unanswered');
        const fieldset = question.querySelector('fieldset');
        if (fieldset) fieldset.disabled = true;
        question.querySelectorAll<HTMLInputElement>('input').forEach((input) => {
          const label = input.closest('label');
          if (!label) return;
          if (input.value === question.dataset.correct) {
            label.dataset.choice = 'right';
            const note = document.createElement('span');
            note.className = 'quiz-choice-note';
            note.textContent = ` (${say('quizRightChoice')})`;
            label.append(note);
          } else if (input.checked) label.dataset.choice = 'wrong';
        });
      }
      rescore();
      check.hidden = true;
      if (retry) retry.hidden = false;
      // The score sits above the questions: take the reader there, to read down through the marks.
      score?.focus();
    });
    retry?.addEventListener('click', () => {
      this.#checked = false;
      for (const question of questions) {
        delete question.dataset.result;
        const text = question.querySelector('[data-result-text]');
        if (text) text.textContent = '';
        const fieldset = question.querySelector('fieldset');
        if (fieldset) fieldset.disabled = false;
        question.querySelectorAll<HTMLInputElement>('input').forEach((input) => (input.checked = false));
        question.querySelectorAll<HTMLElement>('label[data-choice]').forEach((label) => delete label.dataset.choice);
        question.querySelectorAll('.quiz-choice-note').forEach((note) => note.remove());
        question.querySelectorAll('[data-self-mark]').forEach((button) => button.setAttribute('aria-pressed', 'false'));
        const selfMark = question.querySelector<HTMLElement>('.quiz-self-mark');
        if (selfMark) selfMark.hidden = true;
        const details = question.querySelector('details');
        if (details) details.open = false;
      }
      if (score) score.textContent = '';
      retry.hidden = true;
      if (check) {
        check.hidden = false;
        check.focus();
      }
    });
  }

  /** A multiple-choice question's list as radio buttons named by the question. */
  #choices(question: HTMLLIElement): void {
    const list = question.querySelector('.quiz-choices');
    if (!list || !('correct' in question.dataset)) return;
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'quiz-options';
    const legend = document.createElement('legend');
    legend.className = 'visually-hidden';
    legend.textContent = question.querySelector('.quiz-q-text')?.textContent ?? say('quizChoices');
    fieldset.append(legend);
    [...list.querySelectorAll('li')].forEach((item, index) => {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = question.id;
      input.value = String(index);
      label.append(input, ` ${item.textContent ?? ''}`);
      fieldset.append(label);
    });
    list.replaceWith(fieldset);
  }
}

function setResult(question: HTMLElement, result: Result): void {
  question.dataset.result = result;
  const text = question.querySelector('[data-result-text]');
  if (text) text.textContent = say(RESULT_TEXT[result]);
}

/** Called by the site script on a page with a quiz, with the page's interface text. */
export function startQuiz(api: IslandText): void {
  text = api;
  if (!customElements.get('quiz-set')) customElements.define('quiz-set', QuizSet);
}
