import type { MapView } from '../../map/create-map-view.ts';
import type { StoryState } from '../../story/story-state.ts';
import type { ListView } from '../../ui/create-list-view.ts';
import { createStepNav } from '../../ui/create-step-nav.ts';
import type { StoryPanel } from '../../ui/create-story-panel.ts';
import type { Shell } from '../shell.ts';

/** What the step controls need. */
export interface StepControlsContext {
  readonly shell: Shell;
  readonly state: StoryState;
  readonly view: MapView;
  readonly panel: StoryPanel;
  readonly idPrefix: string;
  readonly onEmbed: ((step: string | null, button: HTMLElement) => void | Promise<void>) | null;
  readonly signal: AbortSignal;
}

/**
 * Previous, Next, "All places", the list of places (a second way to read the story, loaded the
 * first time it is asked for) and, where the site offers it, the Embed button.
 */
export function addStepControls(context: StepControlsContext): () => void {
  const { shell, state, view, panel, idPrefix, onEmbed, signal } = context;
  let list: ListView | null = null;
  const nav = createStepNav(shell.navSlot, state, {
    onListToggle: async (showList) => {
      if (showList && !list) {
        const module = await import('../../ui/create-list-view.ts').catch(() => null);
        if (signal.aborted) return false;
        if (!module) {
          panel.note('The list of places could not be loaded: check the connection and try again. The map and its places still work.');
          return false;
        }
        list = module.createListView(shell.list, state, idPrefix);
      }
      shell.list.hidden = !showList;
      shell.root.classList.toggle('is-list', showList);
      if (showList) list?.follow();
      if (!showList) view.resize();
      return true;
    },
    ...(onEmbed
      ? {
          onEmbed: (button: HTMLElement) =>
            void Promise.resolve(onEmbed(state.step.place?.id ?? null, button)).catch(() =>
              panel.note('The embed code could not be loaded: check the connection and try again.'),
            ),
        }
      : {}),
  });
  return () => {
    nav.destroy();
    list?.destroy();
  };
}
