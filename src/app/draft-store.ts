import type { Draft } from '../model/draft.ts';

/** A draft as stored, with when it was saved. */
export interface StoredDraft {
  readonly draft: Draft;
  /** Milliseconds since 1970, as `Date.now()`. */
  readonly savedAt: number;
}

/** The editor's draft, kept in the browser (IndexedDB), so a reload or a crash loses nothing. */
export interface DraftStore {
  load(): Promise<StoredDraft | null>;
  save(draft: Draft): Promise<StoredDraft>;
  clear(): Promise<void>;
}

const DATABASE = 'story-map-editor';
const STORE = 'drafts';
/** One draft per browser and site: the one being written. */
const KEY = 'current';

/**
 * Opens the draft store. Rejects where the browser keeps no storage (some private modes, storage
 * blocked by the site's settings): the editor then says that work lives only in the page.
 */
export function openDraftStore(indexedDb: IDBFactory | undefined = globalThis.indexedDB): Promise<DraftStore> {
  return new Promise((resolve, reject) => {
    if (!indexedDb) {
      reject(new Error('IndexedDB is unavailable, as in some private modes'));
      return;
    }
    let request: IDBOpenDBRequest;
    try {
      request = indexedDb.open(DATABASE, 1);
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onerror = () => reject(request.error ?? new Error('The draft store could not be opened.'));
    request.onblocked = () => reject(new Error('The draft store is held by another tab of an older version.'));
    request.onsuccess = () => resolve(storeOver(request.result));
  });
}

function storeOver(database: IDBDatabase): DraftStore {
  const run = <T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest): Promise<T> =>
    new Promise((resolve, reject) => {
      const transaction = database.transaction(STORE, mode);
      const request = act(transaction.objectStore(STORE));
      // Resolved when the transaction is committed, not when the request succeeds: only then is it on disk.
      transaction.oncomplete = () => resolve(request.result as T);
      transaction.onerror = () => reject(transaction.error ?? new Error('The draft could not be stored.'));
      transaction.onabort = () => reject(transaction.error ?? new Error('Storing the draft was stopped (the browser may be out of space).'));
    });
  return {
    async load() {
      const stored = await run<unknown>('readonly', (store) => store.get(KEY));
      return isStoredDraft(stored) ? stored : null;
    },
    async save(draft) {
      const stored: StoredDraft = { draft, savedAt: Date.now() };
      await run('readwrite', (store) => store.put(stored, KEY));
      return stored;
    },
    async clear() {
      await run('readwrite', (store) => store.delete(KEY));
    },
  };
}

// A stored draft is checked before use: an older editor's or a damaged one is not restored.
function isStoredDraft(value: unknown): value is StoredDraft {
  if (typeof value !== 'object' || value === null) return false;
  const { draft, savedAt } = value as Record<string, unknown>;
  if (typeof savedAt !== 'number' || typeof draft !== 'object' || draft === null) return false;
  const { details, paragraphs, places, kept } = draft as Record<string, unknown>;
  return typeof details === 'object' && details !== null && Array.isArray(paragraphs) && Array.isArray(places) && typeof kept === 'object' && kept !== null;
}
