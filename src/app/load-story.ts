import { describeUrl } from '../model/describe-url.ts';
import { hydrateStory, type PreparedStory } from '../model/prepared-story.ts';
import type { ParseResult, Story, StoryProblem } from '../model/types.ts';
import type { PlaceLayerFactory } from '../map/place-layer.ts';
import { fetchBundledStory } from './fetch-bundled-story.ts';
import { StoryLoadError } from './story-load-error.ts';

/** Where a story comes from. */
export type StorySource =
  /** A story file at a URL, checked before it is shown (in a worker, started while it downloads). */
  | { readonly kind: 'file'; readonly url: string; readonly allowedOrigins: readonly string[] | null }
  /** A story prepared and checked by `npm run build:story`: only linked up. */
  | { readonly kind: 'prepared'; readonly url: string }
  /** A story file's text held in memory, checked on the page. */
  | { readonly kind: 'memory'; readonly text: string }
  | { readonly kind: 'none' };

/** A story ready to show, or what is wrong with its file (each problem on one line). */
export type LoadedStory =
  | { readonly ok: true; readonly story: Story; readonly placeLayer: PlaceLayerFactory | null }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Options of `loadStory`. */
export interface LoadStoryOptions {
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  /** Told what is happening, for the loading line: "Loading the story… 2.1 MB", "Checking the story…". */
  readonly onStatus: (text: string) => void;
}

/** Above this many places, places are canvas dots rather than DOM markers (the list is the keyboard path). */
const LARGE_STORY_PLACES = 500;

/** "The story file https://… " or "This story": how a problem report names the story. */
export function describeSource(source: StorySource): string {
  return source.kind === 'file' || source.kind === 'prepared' ? `The story file ${describeUrl(source.url)}` : 'This story';
}

/**
 * Loads and checks a story, without touching the page: the map and panel are the caller's.
 * Resolves with the story (and, for thousands of places, the canvas layer to draw them), or with
 * its file's problems; rejects with a StoryLoadError saying why it could not be loaded at all.
 */
export async function loadStory(source: StorySource, options: LoadStoryOptions): Promise<LoadedStory> {
  const { signal, timeoutMs } = options;
  if (source.kind === 'none') {
    throw new StoryLoadError('No story was given: set the storyUrl option (for the <story-map> element, its src attribute).');
  }
  let result: ParseResult;
  if (source.kind === 'prepared') {
    const text = await fetchBundledStory(source.url, timeoutMs, signal);
    result = { ok: true, story: hydrateStory(JSON.parse(text) as PreparedStory) };
  } else {
    // Reading and checking a story file is code the site's own prepared story never needs: loaded
    // for other stories only.
    const { readStoryFile } = await import('./read-story-file.ts').catch(() => {
      throw new StoryLoadError(`${describeSource(source)} could not be loaded: part of this page failed to load. Reloading may help.`);
    });
    result = await readStoryFile(source, options);
  }
  if (!result.ok) {
    // The wording of problems is loaded with them; without it, each is still its own message.
    const formatProblem = await import('../model/format-problem.ts').then(
      (module) => module.formatProblem,
      () => (problem: StoryProblem) => problem.message,
    );
    return { ok: false, problems: result.problems.map(formatProblem) };
  }
  // Thousands of places are drawn as canvas dots, whose code only such stories load. Should it
  // fail to load, they are drawn as ordinary markers: slower, but the story is there.
  const placeLayer =
    result.story.places.length > LARGE_STORY_PLACES
      ? await import('../map/create-place-dots.ts').then((module) => module.createPlaceDots, () => null)
      : null;
  return { ok: true, story: result.story, placeLayer };
}
