import { StoryLoadError } from './load-story-text.ts';

/**
 * Throws a `StoryLoadError` unless `url` (resolved against `base`) comes from one of the
 * allowed origins. Only http(s) URLs are ever allowed: never `javascript:` or `data:`.
 */
export function checkStoryOrigin(url: string, base: string, allowedOrigins: readonly string[]): void {
  let resolved: URL;
  try {
    resolved = new URL(url, base);
  } catch {
    throw new StoryLoadError(`"${url}" is not a valid story URL.`);
  }
  if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') {
    throw new StoryLoadError(`"${url}" is not a web address: story files are loaded over http(s) only.`);
  }
  if (!allowedOrigins.includes(resolved.origin)) {
    const list = allowedOrigins.join(', ');
    throw new StoryLoadError(
      `This page does not show stories from ${resolved.origin}. It loads story files only from ${list || 'nowhere'}, so that nobody can publish their own file under this site's name.`,
    );
  }
}
