// npm run import -- --from storymapjs|sheets|mapbox FILE --publisher "…" --published YYYY-MM-DD --dateline "…"
//   [--options Options.csv] [--title "…"] [--byline "…"] [--language en] [--out story.geojson]
// Reads a story made with a peer tool and writes it as a story file (docs/story-format.md), checked
// as `npm run validate` checks. What no tool records (publisher, date, dateline) must be given;
// nothing is written without it. What could not come across is printed, one line per kind.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatProblem, parseStory } from '../src/model/parse-story.ts';
import type { ImportResult } from '../src/model/import/build-story.ts';
import { importMapboxConfig } from '../src/model/import/from-mapbox-config.ts';
import { importSheets } from '../src/model/import/from-sheets.ts';
import { importStoryMapJs } from '../src/model/import/from-storymapjs.ts';

const USAGE =
  'Usage: npm run import -- --from storymapjs|sheets|mapbox FILE --publisher "…" --published YYYY-MM-DD --dateline "…" ' +
  '[--options Options.csv] [--title "…"] [--byline "…"] [--language en] [--out story.geojson]';

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exitCode = code;
  throw new Exit();
}
class Exit extends Error {}

function main(): void {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        options: { type: 'string' },
        publisher: { type: 'string' },
        published: { type: 'string' },
        dateline: { type: 'string' },
        title: { type: 'string' },
        byline: { type: 'string' },
        language: { type: 'string', default: 'en' },
        out: { type: 'string' },
      },
    });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (!values.from || !file) fail(USAGE);
  const missing = (['publisher', 'published', 'dateline'] as const).filter((name) => !values[name]?.trim());
  if (missing.length > 0) {
    fail(`No peer tool records ${missing.map((name) => `--${name}`).join(', ')}: give ${missing.length === 1 ? 'it' : 'them'}. Nothing was written.\n${USAGE}`);
  }
  const details = {
    publisher: values.publisher!.trim(),
    published: values.published!.trim(),
    dateline: values.dateline!.trim(),
    language: values.language!.trim(),
    title: values.title?.trim() || null,
    byline: values.byline?.trim() || null,
  };
  const read = (path: string): string => {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      return fail(`${path} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  let result: ImportResult;
  try {
    if (values.from === 'storymapjs') result = importStoryMapJs(read(file), details);
    else if (values.from === 'sheets') result = importSheets(read(file), values.options ? read(values.options) : null, details);
    else if (values.from === 'mapbox') result = importMapboxConfig(read(file), details);
    else return fail(`--from must be storymapjs, sheets or mapbox, not "${values.from}".`);
  } catch (error) {
    if (error instanceof Exit) throw error;
    return fail(`${file}: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
  const text = `${JSON.stringify(result.story, null, 2)}\n`;
  // Checked as `npm run validate` checks: a file that would not load is not written.
  const checked = parseStory(text, { fullValidation: true });
  if (!checked.ok) fail(`The imported story would not load:\n${checked.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`, 1);
  for (const warning of result.warnings) process.stderr.write(`warning: ${warning}\n`);
  const places = result.story.features.length;
  if (values.out) {
    writeFileSync(values.out, text);
    process.stderr.write(`Wrote ${values.out}: ${places} places, ${result.story.story.paragraphs.length} paragraphs.\n`);
  } else {
    process.stdout.write(text);
  }
}

try {
  main();
} catch (error) {
  if (!(error instanceof Exit)) throw error;
}
