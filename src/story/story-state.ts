import { OVERVIEW_SLUG, type Step, type Story } from '../model/types.ts';
import { createEmitter, type Unsubscribe } from './emitter.ts';

/** Sent whenever the current step changes. */
export interface StepChangeEvent {
  readonly step: Step;
  /** Position of the step in `story.steps`, from 0 (the overview). */
  readonly index: number;
  readonly previous: Step;
}

/** The events a story state emits. */
export interface StoryStateEvents extends Record<string, unknown> {
  stepchange: StepChangeEvent;
}

/**
 * The reader's position in the story. Everything the page shows is derived from the current
 * step, so selecting the same place twice, or quickly in a row, cannot leave stale state.
 */
export interface StoryState {
  readonly story: Story;
  /** The current step. */
  readonly step: Step;
  /** Its position in `story.steps`. */
  readonly index: number;
  /** Moves to the step with this slug; returns false (and changes nothing) for an unknown slug. */
  goTo(slug: string): boolean;
  /** Selects a place by id, or the overview with null. */
  selectPlace(id: string | null): boolean;
  /** Moves to the next step; false at the last one. */
  next(): boolean;
  /** Moves to the previous step; false at the first one. */
  previous(): boolean;
  /** Moves to the first (`0`) or last (`-1`) step. */
  goToEnd(end: 0 | -1): boolean;
  on<K extends keyof StoryStateEvents>(type: K, listener: (event: StoryStateEvents[K]) => void): Unsubscribe;
  destroy(): void;
}

/** Creates the state for a story, starting at the overview. */
export function createStoryState(story: Story): StoryState {
  const emitter = createEmitter<StoryStateEvents>();
  const indexBySlug = new Map(story.steps.map((step, index) => [step.slug, index]));
  let index = 0;

  const stepAt = (i: number): Step => {
    const step = story.steps[i];
    if (!step) throw new RangeError(`No step ${i}`);
    return step;
  };

  const state: StoryState = {
    story,
    get step() {
      return stepAt(index);
    },
    get index() {
      return index;
    },
    goTo(slug) {
      const next = indexBySlug.get(slug);
      if (next === undefined) return false;
      if (next === index) return true;
      const previous = stepAt(index);
      index = next;
      emitter.emit('stepchange', { step: stepAt(index), index, previous });
      return true;
    },
    selectPlace(id) {
      return state.goTo(id ?? OVERVIEW_SLUG);
    },
    next: () => index < story.steps.length - 1 && state.goTo(stepAt(index + 1).slug),
    previous: () => index > 0 && state.goTo(stepAt(index - 1).slug),
    goToEnd: (end) => state.goTo(stepAt(end === 0 ? 0 : story.steps.length - 1).slug),
    on: (type, listener) => emitter.on(type, listener),
    destroy() {
      emitter.clear();
    },
  };
  return state;
}

