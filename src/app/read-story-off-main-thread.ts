import type { ParseResult } from '../model/types.ts';
import type { StoryReaderRequest } from './story-reader.worker.ts';

/** A worker that reads one story file: see `startStoryReader`. */
export interface StoryReader {
  /** Reads and checks `text`; rejects when the worker cannot run (the caller then reads it itself). */
  read(text: string, fullValidation: boolean): Promise<ParseResult>;
  /** Stops the worker (when the file could not be loaded, say); reading needs no call to it. */
  close(): void;
}

/**
 * Starts a worker (story-reader.worker.ts) that reads and checks a story file, so that the page
 * stays responsive while a file of megabytes is checked. Started before the file arrives, so
 * that its script loads meanwhile. `read` rejects when no worker can run (a page whose Content
 * Security Policy forbids workers, a library loaded from another origin, an old browser).
 */
export function startStoryReader(signal: AbortSignal): StoryReader {
  let worker: Worker | null = null;
  // A worker that cannot start says so with an error event, often before the file has arrived
  // and `read` is called: the failure is kept for it, never lost.
  let failure: Error | null = null;
  let pending: { resolve: (result: ParseResult) => void; reject: (error: Error) => void } | null = null;
  const close = (): void => {
    worker?.terminate();
    worker = null;
  };
  const fail = (error: Error): void => {
    failure = error;
    close();
    const waiting = pending;
    pending = null;
    waiting?.reject(error);
  };
  try {
    worker = new Worker(new URL('./story-reader.worker.ts', import.meta.url), { type: 'module', name: 'story-reader' });
    worker.onmessage = (event: MessageEvent<ParseResult>) => {
      const waiting = pending;
      pending = null;
      close();
      waiting?.resolve(event.data);
    };
    // The worker's script failed to load or to run (a forbidden worker ends here too).
    worker.onerror = (event) => {
      event.preventDefault();
      fail(new Error(event.message || 'the story reader could not start'));
    };
    worker.onmessageerror = () => fail(new Error('the story reader’s answer could not be received'));
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
  }
  signal.addEventListener('abort', () => fail(new DOMException('The story map was removed.', 'AbortError')), { once: true });
  return {
    read(text, fullValidation) {
      return new Promise((resolve, reject) => {
        if (failure || !worker) {
          reject(failure ?? new Error('the story reader has stopped'));
          return;
        }
        pending = { resolve, reject };
        const request: StoryReaderRequest = { text, fullValidation };
        worker.postMessage(request);
      });
    },
    close,
  };
}
