// npm run import -- --from storymapjs|sheets|mapbox FILE --publisher "…" --published YYYY-MM-DD --dateline "…"
//   [--options Options.csv] [--title "…"] [--byline "…"] [--language en] [--out story.geojson]
// Reads a story made with a peer tool and writes it as a story file (docs/story-format.md), checked
// as `npm run validate` checks. What no tool records (publisher, date, dateline) must be given;
// nothing is written without it. What could not come across is printed, one line per kind.
import { finish } from './lib/cli.ts';
import { importStoryFile } from './lib/import-story-file.ts';

finish(importStoryFile(process.argv.slice(2)));
