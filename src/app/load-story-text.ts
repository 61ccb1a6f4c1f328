import { describeUrl } from '../model/describe-url.ts';
import { formatMegabytes } from '../model/format-size.ts';
import { MAX_STORY_BYTES } from '../model/types.ts';

import { StoryLoadError } from './story-load-error.ts';

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
  /**
   * Origins allowed to serve the file, checked on the address asked for and again on the
   * address the file finally came from (after redirects). Defaults to any origin.
   */
  readonly allowedOrigins?: readonly string[];
  /** The page's address, against which a relative URL is resolved. Defaults to `document.baseURI`. */
  readonly base?: string;
}

/** Fetches a story file's text, turning every failure into a `StoryLoadError` naming the URL. */
export async function loadStoryText(url: string, options: LoadStoryOptions): Promise<string> {
  const base = options.base ?? document.baseURI;
  const shown = describeUrl(url, base);
  if (options.allowedOrigins) checkStoryOrigin(url, base, options.allowedOrigins);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onAbort);
  const seconds = Math.round(options.timeoutMs / 1000);
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal, credentials: 'same-origin' });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      if (timedOut) throw new StoryLoadError(`The story file ${shown} did not arrive within ${seconds} seconds.`);
      throw new StoryLoadError(
        `The story file ${shown} could not be reached: the network failed, or the server does not allow this page to read it (CORS).`,
      );
    }
    // The allow-list must hold for the file actually shown: a permitted address may redirect
    // elsewhere, and a forged story would then appear under this site's name.
    if (response.type === 'opaque' || response.type === 'opaqueredirect') {
      throw new StoryLoadError(`The story file ${shown} redirects to an address this page cannot check, so it is not shown.`);
    }
    if (options.allowedOrigins && response.url) {
      try {
        checkStoryOrigin(response.url, base, options.allowedOrigins);
      } catch (error) {
        if (!(error instanceof StoryLoadError)) throw error;
        throw new StoryLoadError(`The story file ${shown} redirects to ${describeUrl(response.url)}. ${error.message}`);
      }
    }
    if (!response.ok) {
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      throw new StoryLoadError(`The story file ${shown} could not be loaded: the server answered HTTP ${status}.`);
    }
    const maxBytes = options.maxBytes ?? MAX_STORY_BYTES;
    const tooLarge = (): StoryLoadError =>
      new StoryLoadError(`The story file ${shown} is larger than ${formatMegabytes(maxBytes)}, the limit for story files.`);
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
    let bytes: Uint8Array;
    try {
      bytes = await readBytes(response, maxBytes, tooLarge, options.onProgress);
    } catch (error) {
      if (error instanceof StoryLoadError || options.signal?.aborted) throw error;
      if (timedOut) throw new StoryLoadError(`The story file ${shown} did not arrive completely within ${seconds} seconds.`);
      throw new StoryLoadError(
        `The story file ${shown} arrived broken: the connection was cut before its end, or its compressed data is damaged. Reloading may help; if not, the server is sending a damaged file.`,
      );
    }
    const text = decodeUtf8(bytes);
    if (text !== null) return text;
    // Only a file that is not UTF-8 loads the code that says what it is instead.
    const decoded = await import('../model/decode-story-bytes.ts').then(
      (module) => module.decodeStoryBytes(bytes),
      () => ({ ok: false, message: 'It is not UTF-8 text: save it again choosing the UTF-8 encoding.' }) as const,
    );
    if (!decoded.ok) throw new StoryLoadError(`The story file ${shown} cannot be read. ${decoded.message}`);
    return decoded.text;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The file as UTF-8 text, or null when it is not plainly UTF-8: zero bytes near the start
 * (UTF-16, which is valid UTF-8 byte by byte) or bytes that UTF-8 does not allow (Latin-1).
 * A UTF-8 byte order mark is dropped.
 */
function decodeUtf8(bytes: Uint8Array): string | null {
  if (bytes.subarray(0, 64).includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Reads the body, counting bytes, and stops as soon as it passes `maxBytes`. */
async function readBytes(
  response: Response,
  maxBytes: number,
  tooLarge: () => StoryLoadError,
  onProgress?: (bytes: number) => void,
): Promise<Uint8Array> {
  if (!response.body) {
    const buffer = new Uint8Array(await response.arrayBuffer());
    if (buffer.byteLength > maxBytes) throw tooLarge();
    return buffer;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
    onProgress?.(bytes);
  }
  const all = new Uint8Array(bytes);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}

/**
 * Throws a `StoryLoadError` unless `url` (resolved against `base`) comes from one of the
 * allowed origins. Only http(s) URLs are ever allowed: never `javascript:` or `data:`.
 */
function checkStoryOrigin(url: string, base: string, allowedOrigins: readonly string[]): void {
  let resolved: URL;
  try {
    resolved = new URL(url, base);
  } catch {
    throw new StoryLoadError(`"${describeUrl(url)}" is not a valid story URL.`);
  }
  if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') {
    throw new StoryLoadError(`"${describeUrl(url)}" is not a web address: story files are loaded over http(s) only.`);
  }
  if (!allowedOrigins.includes(resolved.origin)) {
    const list = allowedOrigins.join(', ');
    throw new StoryLoadError(
      `This page does not show stories from ${describeUrl(resolved.origin)}. It loads story files only from ${list || 'nowhere'}, so that nobody can publish their own file under this site's name.`,
    );
  }
}
