import { element } from '../element.ts';

/** A problem as the editor lists it: its text and the field that fixes it. */
export interface EditorProblem {
  readonly text: string;
  /** The id of the field to go to, or null. */
  readonly fieldId: string | null;
}

/** The list of what keeps the story from being shown, each linked to where to fix it. */
export interface ProblemList {
  render(problems: readonly EditorProblem[]): void;
}

export function createProblemList(container: HTMLElement): ProblemList {
  const summary = element('p', { class: 'ed-problems__summary' });
  const list = element('ul', { class: 'ed-problems__list' });
  container.append(summary, list);
  return {
    render(problems) {
      summary.textContent =
        problems.length === 0
          ? 'No problems: the story is ready to download and publish.'
          : `${problems.length === 1 ? 'One problem keeps' : `${problems.length} problems keep`} the story from being shown:`;
      container.classList.toggle('has-problems', problems.length > 0);
      list.replaceChildren(
        ...problems.map((problem) => {
          if (!problem.fieldId) return element('li', {}, problem.text);
          const link = element('a', { href: `#${problem.fieldId}` }, problem.text);
          const fieldId = problem.fieldId;
          // An in-page link scrolls but leaves the focus behind: the field itself takes it.
          link.addEventListener('click', (event) => {
            const field = document.getElementById(fieldId);
            if (!field) return;
            event.preventDefault();
            field.scrollIntoView({ block: 'center' });
            field.focus();
          });
          return element('li', {}, link);
        }),
      );
    },
  };
}
