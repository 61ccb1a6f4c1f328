import { OVERVIEW_NAME, type Story } from '../model/types.ts';
import { createEmitter, type Unsubscribe } from '../story/emitter.ts';
import type { StoryState } from '../story/story-state.ts';
import { slugFromHash } from '../ui/hash-sync.ts';
import { uniqueIdPrefix } from '../ui/element.ts';
import { renderProblem, type ProblemReport } from '../ui/render-problem.ts';
import { describeSource, loadStory } from './load-story.ts';
import { mountStory, type MountedStory } from './mount-story.ts';
import { createRoot } from './shell.ts';
import { StoryLoadError } from './story-load-error.ts';
import { resolveOptions, type StoryMapOptions } from './story-map-options.ts';
import './story-map.css';

export { parseTheme, type StoryMapOptions, type StoryMapTheme } from './story-map-options.ts';

/** What a story map tells its page: the names and shapes of the embed protocol's events. */
export type StoryMapEvents = {
  /** The story is shown: its places and its steps' slugs, in order. */
  ready: { readonly places: ReadonlyArray<{ readonly id: string; readonly name: string }>; readonly steps: readonly string[] };
  /** The step changed: its place (id null and name "All places" for the overview). */
  placechange: { readonly id: string | null; readonly name: string };
  /** The story could not be shown; the map shows why, in these words. */
  error: { readonly message: string };
};

/** A mounted story map. */
export interface StoryMap {
  /** Resolves with the story once it is shown, or null when it could not be (the page says why). */
  readonly ready: Promise<Story | null>;
  /** Moves to a step by slug; false when there is no such step or the story is not ready. */
  goTo(slug: string): boolean;
  /** Moves to the next or previous step; false at the ends or before the story is ready. */
  next(): boolean;
  previous(): boolean;
  /** Listens to `ready`, `placechange` or `error`; returns the function that stops listening. */
  on<K extends keyof StoryMapEvents>(type: K, listener: (event: StoryMapEvents[K]) => void): Unsubscribe;
  /** Removes the map, its listeners and its DOM. */
  destroy(): void;
}

/** Mounts a story map in `container`: loads the story, then shows the map and the story panel. */
export function createStoryMap(container: HTMLElement, options: StoryMapOptions = {}): StoryMap {
  const config = resolveOptions(options, () => slugFromHash(location.hash));
  const idPrefix = uniqueIdPrefix();
  const abort = new AbortController();
  const events = createEmitter<StoryMapEvents>();
  const { root, status } = createRoot(container, config);
  let mounted: MountedStory | null = null;

  // On a page of its own (the one that keeps its address in step), a problem is the page's main
  // heading, with a way back: to the story the site ships with, or to try this one again.
  const fail = (report: ProblemReport): null => {
    const pageOfItsOwn: Partial<ProblemReport> = config.hash
      ? {
          pageHeading: true,
          link:
            config.source.kind === 'file'
              ? { href: location.pathname, text: 'Open the story this site ships with' }
              : { href: location.href, text: 'Try again' },
        }
      : {};
    renderProblem(root, { ...report, ...pageOfItsOwn });
    events.emit('error', { message: [`${report.title}.`, report.summary, ...(report.items ?? [])].join(' ') });
    return null;
  };

  const ready = (async (): Promise<Story | null> => {
    try {
      const loaded = await loadStory(config.source, { signal: abort.signal, timeoutMs: config.timeoutMs, onStatus: (text) => (status.textContent = text) });
      if (abort.signal.aborted) return null;
      if (!loaded.ok) {
        const count = loaded.problems.length;
        return fail({
          title: 'This story cannot be shown',
          summary: `${describeSource(config.source)} has ${count === 1 ? 'a problem' : `${count} problems`}:`,
          items: loaded.problems,
        });
      }
      mounted = await mountStory(root, loaded.story, loaded.placeLayer, config, idPrefix, abort.signal);
      if (!mounted) return null;
      const state: StoryState = mounted.state;
      state.on('stepchange', ({ step }) => events.emit('placechange', placeOf(step.place)));
      events.emit('ready', { places: loaded.story.places.map((place) => ({ id: place.id, name: place.name })), steps: loaded.story.steps.map((step) => step.slug) });
      if (state.step.place) events.emit('placechange', placeOf(state.step.place));
      return loaded.story;
    } catch (error) {
      if (abort.signal.aborted) return null;
      if (error instanceof StoryLoadError) return fail({ title: 'The story could not be loaded', summary: error.message });
      // Anything unexpected still ends in a readable panel, with the detail folded away.
      mounted?.destroy();
      mounted = null;
      return fail({
        title: 'Something went wrong',
        summary: 'The story map could not start. Reloading the page may help; if it does not, please tell us.',
        detail: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    } finally {
      root.removeAttribute('aria-busy');
    }
  })();

  return {
    ready,
    goTo: (slug) => mounted?.state.goTo(slug) ?? false,
    next: () => mounted?.state.next() ?? false,
    previous: () => mounted?.state.previous() ?? false,
    on: (type, listener) => events.on(type, listener),
    destroy() {
      if (abort.signal.aborted) return;
      abort.abort();
      mounted?.destroy();
      mounted = null;
      events.clear();
      root.remove();
    },
  };
}

function placeOf(place: { readonly id: string; readonly name: string } | null): { id: string | null; name: string } {
  return place ? { id: place.id, name: place.name } : { id: null, name: OVERVIEW_NAME };
}
