/**
 * `<quiz-set>`: turns each multiple-choice question's list of choices into radio buttons, scores the
 * picked answers, opens each explanation, and lets the reader try again. Free-answer questions keep
 * their "Show answer" box.
 */
import { say } from './island-text.ts';

class QuizSet extends HTMLElement {
  connectedCallback(): void {
    const questions = [...this.querySelectorAll<HTMLLIElement>('.quiz-question[data-correct]')];
    const controls = this.querySelector<HTMLElement>('.quiz-controls');
    if (questions.length === 0 || !controls) return;
    for (const question of questions) {
      const list = question.querySelector('.quiz-choices');
      if (!list) continue;
      const fieldset = document.createElement('fieldset');
      fieldset.className = 'quiz-options';
      const legend = document.createElement('legend');
      legend.className = 'visually-hidden';
      legend.textContent = question.querySelector('.quiz-q')?.textContent ?? say('quizChoices');
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
    controls.hidden = false;
    const check = controls.querySelector<HTMLButtonElement>('[data-quiz-check]');
    const retry = controls.querySelector<HTMLButtonElement>('[data-quiz-retry]');
    const score = controls.querySelector<HTMLElement>('[data-quiz-score]');
    check?.addEventListener('click', () => {
      let right = 0;
      for (const question of questions) {
        const picked = question.querySelector<HTMLInputElement>('input:checked');
        const correct = picked?.value === question.dataset.correct;
        if (correct) right += 1;
        question.dataset.result = picked ? (correct ? 'right' : 'wrong') : 'unanswered';
        const details = question.querySelector('details');
        if (details) details.open = true;
      }
      if (score) score.textContent = say('quizScore', { right, total: questions.length });
      check.hidden = true;
      if (retry) retry.hidden = false;
    });
    retry?.addEventListener('click', () => {
      for (const question of questions) {
        delete question.dataset.result;
        question.querySelectorAll<HTMLInputElement>('input').forEach((input) => (input.checked = false));
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
}

customElements.define('quiz-set', QuizSet);
