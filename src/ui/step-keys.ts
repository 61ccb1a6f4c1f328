import type { StoryState } from '../story/story-state.ts';

/**
 * Arrow keys step through the story while focus is in the story (the panel, the article, the
 * list), but never while typing in a field, and never inside the map, whose frame and markers
 * keep Leaflet's own keys (arrows pan, + and - zoom). Home and End go to the first and last step,
 * except in the list of places (`listElement`), where they scroll the list as they do on any page.
 * Returns a function that removes the listener.
 */
export function installStepKeys(root: HTMLElement, mapElement: HTMLElement, listElement: HTMLElement, state: StoryState): () => void {
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target as HTMLElement | null;
    if (!target || mapElement.contains(target) || isTextEntry(target)) return;
    if ((event.key === 'Home' || event.key === 'End') && listElement.contains(target)) return;
    const moved =
      event.key === 'ArrowRight'
        ? state.next()
        : event.key === 'ArrowLeft'
          ? state.previous()
          : event.key === 'Home'
            ? state.goToEnd(0)
            : event.key === 'End'
              ? state.goToEnd(-1)
              : null;
    if (moved !== null) event.preventDefault();
  };
  root.addEventListener('keydown', onKeyDown);
  return () => root.removeEventListener('keydown', onKeyDown);
}

function isTextEntry(element: HTMLElement): boolean {
  return element.isContentEditable || element.matches('input, textarea, select');
}
