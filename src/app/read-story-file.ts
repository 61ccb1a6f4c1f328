import { describeUrl } from '../model/describe-url.ts';
import { formatMegabytes } from '../model/format-size.ts';
import { FULL_VALIDATION_MAX_BYTES, type ParseResult } from '../model/types.ts';
import { loadStoryText } from './load-story-text.ts';
import type { LoadStoryOptions, StorySource } from './load-story.ts';
import { startStoryReader } from './read-story-off-main-thread.ts';
import { StoryLoadError } from './story-load-error.ts';

/**
 * Reads and checks a story file from a URL or from memory: loaded only for stories other than the
 * site's prepared one. A file from elsewhere is read and checked in a worker, started while the
 * file downloads; where there is no worker, the page checks it itself, with the checks' own chunk.
 * Should that fail to load too, the file is not shown unchecked: the reader is told to reload.
 */
export async function readStoryFile(source: Extract<StorySource, { kind: 'file' | 'memory' }>, options: LoadStoryOptions): Promise<ParseResult> {
  const { signal, onStatus } = options;
  const reader = source.kind === 'file' ? startStoryReader(signal) : null;
  try {
    const text = source.kind === 'memory' ? source.text : await download(source.url, source.allowedOrigins, options);
    const fullValidation = text.length <= FULL_VALIDATION_MAX_BYTES;
    const checkOnPage = (): Promise<ParseResult> =>
      import('../model/parse-story.ts').then(
        (module) => module.parseStory(text, { fullValidation }),
        () => {
          const what = source.kind === 'file' ? `The story file ${describeUrl(source.url)}` : 'This story';
          throw new StoryLoadError(`${what} could not be checked: part of this page failed to load. Reloading may help.`);
        },
      );
    if (!reader) return await checkOnPage();
    onStatus('Checking the story…');
    const result = await reader.read(text, fullValidation).catch((error: unknown) => {
      if (signal.aborted) throw error;
      console.warn(`The story file is checked on the page itself (${error instanceof Error ? error.message : String(error)}).`);
      return checkOnPage();
    });
    // Receiving a large story from the worker is a task of its own; the map starts in the next.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return result;
  } finally {
    // Unused when the file could not be loaded; already stopped when it was read.
    reader?.close();
  }
}

/**
 * Downloads a story file. A page's Content Security Policy that refuses the story's address fails
 * the fetch like a network would: watched for, so that the reader (and the site) learn the cause.
 */
async function download(url: string, allowedOrigins: readonly string[] | null, options: LoadStoryOptions): Promise<string> {
  let refusedByPolicy = false;
  const onViolation = (event: SecurityPolicyViolationEvent): void => {
    if (event.effectiveDirective === 'connect-src') refusedByPolicy = true;
  };
  document.addEventListener('securitypolicyviolation', onViolation);
  try {
    return await loadStoryText(url, {
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      ...(allowedOrigins ? { allowedOrigins } : {}),
      onProgress: (bytes) => options.onStatus(`Loading the story… ${formatMegabytes(bytes)}`),
    });
  } catch (error) {
    if (!(error instanceof StoryLoadError)) throw error;
    // The violation is reported in a task of its own, which may come after the failure.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!refusedByPolicy) throw error;
    const origin = new URL(url, document.baseURI).origin;
    throw new StoryLoadError(
      `This page's Content Security Policy does not allow loading the story from ${origin}. The site must add ${origin} to its connect-src directive (and serve the story with CORS headers when it is another origin).`,
    );
  } finally {
    document.removeEventListener('securitypolicyviolation', onViolation);
  }
}
