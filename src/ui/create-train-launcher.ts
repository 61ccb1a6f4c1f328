import { element } from './element.ts';

/**
 * The first view's "Follow the train" button. The train itself is loaded on the first press,
 * then replaces this button with its controls, keeping the keyboard focus in the section.
 */
export function createTrainLauncher(container: HTMLElement, label: string, start: () => Promise<void>): void {
  const button = element('button', { type: 'button', class: 'sm-train-button sm-train-button--start' }, label);
  const error = element('p', { class: 'sm-train-error', role: 'alert' });
  error.hidden = true;
  container.append(button, error);
  button.addEventListener('click', async () => {
    button.setAttribute('aria-busy', 'true');
    try {
      await start();
      container.querySelector<HTMLElement>('.sm-train-button')?.focus();
    } catch (reason) {
      console.error('The train could not be loaded:', reason);
      error.textContent = 'The train could not be loaded. Check the connection and try again.';
      error.hidden = false;
      button.removeAttribute('aria-busy');
    }
  });
}
