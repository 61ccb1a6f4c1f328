import { OVERVIEW_SLUG } from '../model/types.ts';
import type { StoryState } from '../story/story-state.ts';

/**
 * Keeps the page's address in step with the story: `#vladivostok` for a place, no hash for
 * the overview. It replaces the current history entry rather than adding one, so the Back
 * button leaves the story in one press. Returns a function that stops it.
 */
export function syncHash(state: StoryState, win: Window = window): () => void {
  const write = (): void => {
    const { pathname, search } = win.location;
    const hash = state.step.slug === OVERVIEW_SLUG ? '' : `#${state.step.slug}`;
    if (win.location.hash !== hash) win.history.replaceState(win.history.state, '', `${pathname}${search}${hash}`);
  };
  // The reader edited the address, or followed a #link from elsewhere on the page.
  const read = (): void => {
    const slug = slugFromHash(win.location.hash);
    if (slug) state.goTo(slug);
  };
  // A hash naming no step (already reported by the caller) gives way to the current step's.
  write();
  const unsubscribe = state.on('stepchange', write);
  win.addEventListener('hashchange', read);
  return () => {
    unsubscribe();
    win.removeEventListener('hashchange', read);
  };
}

/** The step slug named by an address's hash, or null when there is none. */
export function slugFromHash(hash: string): string | null {
  let slug = hash.replace(/^#/, '');
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // A malformed escape is simply not a step's name.
  }
  slug = slug.trim();
  return slug === '' ? null : slug;
}
