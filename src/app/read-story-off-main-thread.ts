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
  let failure: Error | null = null;
  try {
    worker = new Worker(new URL('./story-reader.worker.ts', import.meta.url), { type: 'module', name: 'story-reader' });
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
  }
  signal.addEventListener('abort', () => worker?.terminate(), { once: true });
  return {
    read(text, fullValidation) {
      return new Promise((resolve, reject) => {
        if (!worker || signal.aborted) {
          reject(failure ?? new DOMException('The story map was removed.', 'AbortError'));
          return;
        }
        const running = worker;
        const finish = (): void => {
          running.terminate();
          signal.removeEventListener('abort', onAbort);
        };
        const onAbort = (): void => {
          finish();
          reject(new DOMException('The story map was removed.', 'AbortError'));
        };
        signal.addEventListener('abort', onAbort);
        running.onmessage = (event: MessageEvent<ParseResult>) => {
          finish();
          resolve(event.data);
        };
        // The worker's script failed to load or to run.
        running.onerror = (event) => {
          event.preventDefault();
          finish();
          reject(new Error(event.message || 'the story reader could not start'));
        };
        running.onmessageerror = () => {
          finish();
          reject(new Error('the story reader’s answer could not be received'));
        };
        const request: StoryReaderRequest = { text, fullValidation };
        running.postMessage(request);
      });
    },
    close: () => worker?.terminate(),
  };
}
