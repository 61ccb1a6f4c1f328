import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startStaticServer, type Route, type StaticServer } from './static-server.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Serves the built app at `/` and the test fixtures at `/fixtures/`, as a reader's browser gets them. */
export async function serveBuiltApp(headers: Record<string, string> = {}, routes: Record<string, Route> = {}): Promise<StaticServer> {
  if (!existsSync(`${root}dist/index.html`)) {
    throw new Error('dist/ is missing: run `npm run build` first (npm run test:e2e does).');
  }
  return startStaticServer({ '/fixtures/': `${root}test/fixtures`, '/': `${root}dist` }, headers, routes);
}
