import type { Draft } from '../model/draft.ts';
import { openDraftStore, type DraftStore, type StoredDraft } from './draft-store.ts';

/** Wait after the last change before the draft is stored. */
const SAVE_DELAY_MS = 400;

/** What the autosave tells the editor. */
export interface AutosaveEvents {
  /** The draft was stored, at this time (milliseconds since 1970). */
  onSaved(savedAt: number): void;
  /** Drafts cannot be kept in this browser (storage blocked, full); says why. */
  onUnavailable(message: string): void;
}

/** The editor's draft, kept in the browser as it is written. */
export interface Autosave {
  /** Opens the store and resolves with the draft kept there, or null (none, or no storage: `onUnavailable` is told). */
  restore(): Promise<StoredDraft | null>;
  /** The draft changed: it is stored after a pause. */
  changed(draft: Draft): void;
  /** The story was downloaded: leaving the page is safe even where nothing can be stored. */
  downloaded(): void;
  /** Forgets the stored draft ("Start over"). */
  clear(): void;
  destroy(): void;
}

/**
 * Keeps the draft in IndexedDB a moment after each change, restores it on start, and asks before
 * the page is left with work kept nowhere: a change not yet stored, or, where the browser keeps no
 * storage for the site, a change not yet downloaded.
 */
export function createAutosave(opening: Promise<DraftStore> | undefined, events: AutosaveEvents): Autosave {
  let store: DraftStore | null = null;
  let unavailable = false;
  let pending: Draft | null = null;
  let notDownloaded = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const fail = (error: unknown): void => {
    unavailable = true;
    store = null;
    events.onUnavailable(`Drafts cannot be kept in this browser (${error instanceof Error ? error.message : String(error)}): download the story to keep your work.`);
  };
  const save = (): void => {
    clearTimeout(timer);
    const saving = pending;
    if (!store || !saving) return;
    store.save(saving).then(
      (stored) => {
        if (pending === saving) pending = null;
        events.onSaved(stored.savedAt);
      },
      (error: unknown) => {
        pending = null;
        fail(error);
      },
    );
  };
  const onBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (pending && store) save();
    if (pending || (unavailable && notDownloaded)) {
      event.preventDefault();
      // Older browsers show the warning only when returnValue is set.
      event.returnValue = '';
    }
  };
  addEventListener('beforeunload', onBeforeUnload);

  return {
    async restore() {
      try {
        store = await (opening ?? openDraftStore());
        return await store.load();
      } catch (error) {
        console.warn('Drafts cannot be kept:', error);
        fail(error);
        return null;
      }
    },
    changed(draft) {
      notDownloaded = true;
      if (unavailable) return;
      pending = draft;
      clearTimeout(timer);
      timer = setTimeout(save, SAVE_DELAY_MS);
    },
    downloaded() {
      notDownloaded = false;
    },
    clear() {
      clearTimeout(timer);
      pending = null;
      notDownloaded = false;
      void store?.clear().catch((error: unknown) => console.warn('The draft could not be cleared:', error));
    },
    destroy() {
      clearTimeout(timer);
      removeEventListener('beforeunload', onBeforeUnload);
    },
  };
}
