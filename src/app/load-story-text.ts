/** A story file that could not be fetched, with a message for the reader. */
export class StoryLoadError extends Error {
  constructor(
    message: string,
    /** The HTTP status, when the server answered. */
    readonly status: number | null = null,
  ) {
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
      throw new StoryLoadError(`The story file ${url} could not be loaded: the server answered HTTP ${status}.`, response.status);
    }
    try {
      return await response.text();
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new StoryLoadError(`The story file ${url} did not arrive completely within ${Math.round(options.timeoutMs / 1000)} seconds.`);
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
