import { element } from './element.ts';

/** Items rendered at a time: enough to read on, few enough that the page never stalls. */
export const CHUNK = 200;

/**
 * Renders a long list into `list` a chunk at a time, with a button after it that shows the
 * next chunk ("Show 200 more passages (49,800 left)"). A story may give one place thousands of
 * passages, and creating them all at once would freeze the page for seconds.
 * Returns the button, to be placed after the list (it hides itself when nothing is left).
 */
export function showInChunks<T>(
  list: HTMLElement,
  items: readonly T[],
  render: (item: T) => Node,
  noun: string,
  language: string,
): HTMLButtonElement {
  const more = element('button', { type: 'button', class: 'sm-article__more' });
  let shown = 0;
  const showMore = (): void => {
    const next = items.slice(shown, shown + CHUNK);
    list.append(...next.map(render));
    shown += next.length;
    const left = items.length - shown;
    more.hidden = left === 0;
    more.textContent = `Show ${Math.min(left, CHUNK).toLocaleString(language)} more ${noun} (${left.toLocaleString(language)} left)`;
  };
  more.addEventListener('click', showMore);
  showMore();
  return more;
}
