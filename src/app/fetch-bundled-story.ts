import { StoryLoadError } from './story-load-error.ts';

/**
 * Fetches the story that ships with the app: a file of this site, prepared and checked when it
 * was built. It needs none of what a story from elsewhere does (an allow-list, a size limit,
 * progress, encodings: `loadStoryText`, loaded only for those), only a clear word when the
 * network or the server fails.
 */
export async function fetchBundledStory(url: string, timeoutMs: number, signal: AbortSignal): Promise<string> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = (): void => controller.abort();
  signal.addEventListener('abort', onAbort);
  try {
    const response = await fetch(url, { signal: controller.signal, credentials: 'same-origin' });
    if (!response.ok) throw new StoryLoadError(`The story could not be loaded: the server answered HTTP ${response.status}. Reloading may help.`);
    return await response.text();
  } catch (error) {
    if (error instanceof StoryLoadError || signal.aborted) throw error;
    throw new StoryLoadError(
      timedOut
        ? `The story did not arrive within ${Math.round(timeoutMs / 1000)} seconds. Check the connection and reload the page.`
        : 'The story could not be loaded: the connection failed. Check it and reload the page.',
    );
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}
