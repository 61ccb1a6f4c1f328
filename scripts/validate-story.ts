// Checks story files with the same parseStory the app uses, and prints each problem on one line:
//   npm run validate -- data/kim-putin-2019.geojson [more.geojson ...]
// Exits 1 when any file has problems, 2 when a file cannot be read.
import { finish } from './lib/cli.ts';
import { validateStoryFiles } from './lib/validate-story-files.ts';

finish(validateStoryFiles(process.argv.slice(2)));
