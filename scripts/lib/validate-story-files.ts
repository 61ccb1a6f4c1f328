import { readFileSync } from 'node:fs';
import { decodeStoryBytes } from '../../src/model/decode-story-bytes.ts';
import { escapeControlCharacters } from '../../src/model/describe-url.ts';
import { formatProblem, parseStory } from '../../src/model/parse-story.ts';
import { lines, type CliResult } from './cli.ts';

/**
 * `npm run validate`: checks story files with the same parseStory the app uses, one line per
 * problem. Code 1 when any file has problems, 2 when a file cannot be read.
 */
export function validateStoryFiles(files: readonly string[]): CliResult {
  if (files.length === 0) {
    return { code: 2, out: '', err: lines(['Usage: npm run validate -- path/to/story.geojson [...]']) };
  }
  // Ids, texts and file names come from authors: a terminal escape in one must print as text.
  const safe = escapeControlCharacters;
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  for (const file of files) {
    const name = safe(file);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      err.push(`${name}: cannot be read: ${safe((error as Error).message)}`);
      code = 2;
      continue;
    }
    const decoded = decodeStoryBytes(bytes);
    if (!decoded.ok) {
      err.push(`${name}: ${decoded.message}`);
      code = Math.max(code, 1);
      continue;
    }
    const result = parseStory(decoded.text, { fullValidation: true });
    if (result.ok) {
      const { places, waypoints, routes, paragraphs } = result.story;
      const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
      out.push(
        `${name}: ok (${[
          count(places.length, 'place'),
          count(waypoints.length, 'waypoint'),
          count(routes.length, 'route'),
          count(paragraphs.length, 'paragraph'),
        ].join(', ')})`,
      );
    } else {
      for (const problem of result.problems) err.push(`${name}: ${safe(formatProblem(problem))}`);
      code = Math.max(code, 1);
    }
  }
  return { code, out: lines(out), err: lines(err) };
}
