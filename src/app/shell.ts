import { textDirection } from '../model/text-direction.ts';
import { element } from '../ui/element.ts';

/** The story map's layout: one element per named slot, which the features fill. */
export interface Shell {
  readonly root: HTMLElement;
  /** The phone layout's bar above the sheet (story-map.css shows it on phones only). */
  readonly sheetBar: HTMLButtonElement;
  /** The story's side: the sheet bar, the panel, the article. */
  readonly sidebar: HTMLElement;
  /** The title block and the current step. */
  readonly panel: HTMLElement;
  /** Where the step controls go: between the title block and the step, in reading order. */
  readonly navSlot: HTMLElement;
  /** The whole article, or null when it is not shown. */
  readonly article: HTMLElement | null;
  readonly map: HTMLElement;
  /** The list of places, hidden until asked for. */
  readonly list: HTMLElement;
}

/** The root of a story map, saying it is loading until the story is laid out in it. */
export function createRoot(container: HTMLElement, options: { readonly embedded: boolean; readonly theme: string }): {
  readonly root: HTMLElement;
  readonly status: HTMLElement;
} {
  const root = element('div', { class: options.embedded ? 'sm-root sm-embedded' : 'sm-root', 'aria-busy': 'true' });
  if (options.theme === 'light' || options.theme === 'dark') root.classList.add(`sm-theme-${options.theme}`);
  const status = element('p', { class: 'sm-loading', role: 'status' }, 'Loading the story…');
  root.append(status);
  container.append(root);
  return { root, status };
}

/** Lays out the story's slots in `root`, in the story's language and its own direction. */
export function layOutShell(root: HTMLElement, language: string, withArticle: boolean): Shell {
  root.lang = language;
  // Its own direction, never the page's: an English story in an Arabic page stays left to right.
  root.dir = textDirection(language);
  const panel = element('div', { class: 'sm-panel' });
  const article = withArticle ? element('div', { class: 'sm-article-box' }) : null;
  const sheetBar = element('button', { type: 'button', class: 'sm-sheet-toggle', 'aria-expanded': 'false' }, 'Expand the story');
  const sidebar = element('div', { class: 'sm-sidebar' }, sheetBar, panel, article);
  const map = element('div', {
    class: 'sm-map',
    role: 'region',
    'aria-label': 'Map of the places in the story. Tab reaches the places; arrow keys pan the map.',
  });
  const list = element('div', { class: 'sm-list-box' });
  list.hidden = true;
  // On phones and in embeds the map is what a reader sees first, yet it comes after the whole
  // story panel in Tab order: the first Tab offers to go straight to it.
  const skip = element('button', { type: 'button', class: 'sm-skip' }, 'Skip to the map');
  skip.addEventListener('click', () => map.focus());
  root.replaceChildren(skip, sidebar, map, list);
  return { root, sheetBar, sidebar, panel, navSlot: element('div', { class: 'sm-nav-slot' }), article, map, list };
}
