import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatProblem, parseStory } from '../../src/model/parse-story.ts';
import type { ImportResult } from '../../src/model/import/build-story.ts';
import { importMapboxConfig } from '../../src/model/import/from-mapbox-config.ts';
import { importSheets } from '../../src/model/import/from-sheets.ts';
import { importStoryMapJs } from '../../src/model/import/from-storymapjs.ts';
import { lines, type CliResult } from './cli.ts';

const USAGE =
  'Usage: npm run import -- --from storymapjs|sheets|mapbox FILE --publisher "…" --published YYYY-MM-DD --dateline "…" ' +
  '[--options Options.csv] [--title "…"] [--byline "…"] [--language en] [--out story.geojson]';

/** Ends the command: what it says, and its exit code (1: the input has problems, 2: it could not run). */
class Exit extends Error {
  constructor(
    readonly text: string,
    readonly code: number,
  ) {
    super(text);
  }
}
function fail(message: string, code = 2): never {
  throw new Exit(message, code);
}

/**
 * `npm run import`: reads a story made with a peer tool and writes it as a story file (to
 * --out, or to the output), checked as `npm run validate` checks.
 */
export function importStoryFile(args: readonly string[]): CliResult {
  const err: string[] = [];
  try {
    const out = run(args, err);
    return { code: 0, out, err: lines(err) };
  } catch (error) {
    if (!(error instanceof Exit)) throw error;
    return { code: error.code, out: '', err: lines([...err, error.text]) };
  }
}

function run(args: readonly string[], err: string[]): string {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
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
  for (const warning of result.warnings) err.push(`warning: ${warning}`);
  const places = result.story.features.length;
  if (!values.out) return text;
  writeFileSync(values.out, text);
  err.push(`Wrote ${values.out}: ${places} places, ${result.story.story.paragraphs.length} paragraphs.`);
  return '';
}
