// Writes the bundled story in its prepared form, which the app loads instead of the GeoJSON:
//   npm run build:story
// data/kim-putin-2019.geojson stays the source that authors edit; run this after any change to
// it (a unit test fails while the prepared file is out of date). The story is checked in full
// first (the same checks as npm run validate), and nothing is written if it has a problem.
import { readFileSync, writeFileSync } from 'node:fs';
import { formatProblem } from '../src/model/format-problem.ts';
import { parseStory } from '../src/model/parse-story.ts';
import { prepareStory } from '../src/model/prepared-story.ts';

const root = new URL('../', import.meta.url);
const source = new URL('data/kim-putin-2019.geojson', root);
const target = new URL('data/kim-putin-2019.story.json', root);

const result = parseStory(readFileSync(source, 'utf8'), { fullValidation: true });
if (!result.ok) {
  process.stderr.write(`${result.problems.map((p) => `data/kim-putin-2019.geojson: ${formatProblem(p)}`).join('\n')}\n`);
  process.exitCode = 1;
} else {
  writeFileSync(target, `${JSON.stringify(prepareStory(result.story))}\n`);
  process.stdout.write(`Wrote data/kim-putin-2019.story.json from data/kim-putin-2019.geojson.\n`);
}
