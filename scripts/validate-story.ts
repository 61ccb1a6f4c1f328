// Checks story files with the same parseStory the app uses, and prints each problem on one line:
//   npm run validate -- data/kim-putin-2019.geojson [more.geojson ...]
// Exits 1 when any file has problems, 2 when a file cannot be read.
import { readFileSync } from 'node:fs';
import { formatProblem, parseStory } from '../src/model/parse-story.ts';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('Usage: npm run validate -- path/to/story.geojson [...]');
  process.exit(2);
}

let exitCode = 0;
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`${file}: cannot be read: ${(error as Error).message}`);
    exitCode = 2;
    continue;
  }
  const result = parseStory(text, { fullValidation: true });
  if (result.ok) {
    const { places, waypoints, routes, paragraphs } = result.story;
    const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
    console.log(
      `${file}: ok (${[
        count(places.length, 'place'),
        count(waypoints.length, 'waypoint'),
        count(routes.length, 'route'),
        count(paragraphs.length, 'paragraph'),
      ].join(', ')})`,
    );
  } else {
    for (const problem of result.problems) console.error(`${file}: ${formatProblem(problem)}`);
    exitCode = Math.max(exitCode, 1);
  }
}
process.exit(exitCode);
