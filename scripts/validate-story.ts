// Checks story files with the same parseStory the app uses, and prints each problem on one line:
//   npm run validate -- data/kim-putin-2019.geojson [more.geojson ...]
// Exits 1 when any file has problems, 2 when a file cannot be read.
import { readFileSync } from 'node:fs';
import { decodeStoryBytes } from '../src/model/decode-story-bytes.ts';
import { escapeControlCharacters } from '../src/model/describe-url.ts';
import { formatProblem, parseStory } from '../src/model/parse-story.ts';

const files = process.argv.slice(2);
// Ids, texts and file names come from authors: a terminal escape in one must print as text.
const safe = escapeControlCharacters;
// Written in one piece per stream, and the exit code set rather than process.exit() called,
// so that nothing is cut off when the output goes through a pipe.
const out: string[] = [];
const err: string[] = [];

if (files.length === 0) {
  err.push('Usage: npm run validate -- path/to/story.geojson [...]');
  process.exitCode = 2;
}

for (const file of files) {
  const name = safe(file);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    err.push(`${name}: cannot be read: ${safe((error as Error).message)}`);
    process.exitCode = 2;
    continue;
  }
  const decoded = decodeStoryBytes(bytes);
  if (!decoded.ok) {
    err.push(`${name}: ${decoded.message}`);
    process.exitCode = Math.max(Number(process.exitCode ?? 0), 1);
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
    process.exitCode = Math.max(Number(process.exitCode ?? 0), 1);
  }
}
if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
if (err.length > 0) process.stderr.write(`${err.join('\n')}\n`);
