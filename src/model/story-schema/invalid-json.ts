import type { GeoJsonChecker } from '../parse-story.ts';

/** Why a text is not JSON, in words an author can act on. */
export function invalidJsonMessage(source: string, error: unknown, checker: GeoJsonChecker | null, endsOpen: boolean): string {
  if (source.trim() === '') return 'The file is empty.';
  if (/^\s*</.test(source)) {
    return `The file is HTML, not JSON (it starts with "${source.trim().slice(0, 15)}"): the URL probably points at a web page instead of a story file.`;
  }
  if (endsOpen) {
    return `The file ends in the middle of its JSON (after ${source.length.toLocaleString('en')} characters): it was cut short while it was saved, copied or downloaded. Save or download it again.`;
  }
  // The validator's parser reports line and column the same way in every browser; its own
  // crashes ("Cannot read properties of undefined") are not for authors, so only a located
  // message is used, else the browser's.
  const located = checker?.(source).find((issue) => /^Invalid JSON:.*\(\d+:\d+\)$/.test(issue.message));
  const detail =
    located?.message.replace(/^Invalid JSON:\s*/, '').replace(/\.? ?\((\d+):(\d+)\)$/, ' at line $1, column $2') ??
    (error instanceof Error ? error.message : String(error));
  return `The file is not valid JSON: ${detail}`;
}
