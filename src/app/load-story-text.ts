import { formatMegabytes } from '../model/format-size.ts';
import { MAX_STORY_BYTES } from '../model/types.ts';

/** A story file that could not be fetched, with a message for the reader. */
export class StoryLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoryLoadError';
  }
}

/** Options of `loadStoryText`. */
export interface LoadStoryOptions {
  /** Give up after this many milliseconds. */
  readonly timeoutMs: number;
  /** Aborts the request, for example when the map is destroyed while loading. */
  readonly signal?: AbortSignal;
  /** Called as bytes arrive, so a large file shows progress. */
  readonly onProgress?: (bytes: number) => void;
  /** Refuse files larger than this. Defaults to `MAX_STORY_BYTES` (10 MB). */
  readonly maxBytes?: number;
}

/** Fetches a story file's text, turning every failure into a `StoryLoadError` naming the URL. */
export async function loadStoryText(url: string, options: LoadStoryOptions): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onAbort);
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal, credentials: 'same-origin' });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      if (controller.signal.aborted) {
        throw new StoryLoadError(`The story file ${url} did not arrive within ${Math.round(options.timeoutMs / 1000)} seconds.`);
      }
      throw new StoryLoadError(
        `The story file ${url} could not be reached: the network failed, or the server does not allow this page to read it (CORS).`,
      );
    }
    if (!response.ok) {
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      throw new StoryLoadError(`The story file ${url} could not be loaded: the server answered HTTP ${status}.`);
    }
    const maxBytes = options.maxBytes ?? MAX_STORY_BYTES;
    const tooLarge = (): StoryLoadError =>
      new StoryLoadError(`The story file ${url} is larger than ${formatMegabytes(maxBytes)}, the limit for story files.`);
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
    try {
      return await readText(response, maxBytes, tooLarge, options.onProgress);
    } catch (error) {
      if (error instanceof StoryLoadError || options.signal?.aborted) throw error;
      throw new StoryLoadError(`The story file ${url} did not arrive completely within ${Math.round(options.timeoutMs / 1000)} seconds.`);
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** Reads the body, counting bytes, and stops as soon as it passes `maxBytes`. */
async function readText(
  response: Response,
  maxBytes: number,
  tooLarge: () => StoryLoadError,
  onProgress?: (bytes: number) => void,
): Promise<string> {
  if (!response.body) {
    const text = await response.text();
    if (text.length > maxBytes) throw tooLarge();
    return text;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
    onProgress?.(bytes);
  }
  return text + decoder.decode();
}
