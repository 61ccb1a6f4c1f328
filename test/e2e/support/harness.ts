import { afterAll, beforeAll } from 'vitest';
import { serveBuiltApp } from './app.ts';
import { launchBrowser, type TestBrowser } from './browser.ts';
import type { StaticServer } from './static-server.ts';

/** A browser and the built app on loopback, started once for a test file and closed after it. */
export interface Harness {
  readonly browser: TestBrowser;
  readonly server: StaticServer;
}

/** Registers the file's beforeAll/afterAll; read the fields inside tests, once they have started. */
export function useBuiltApp(): Harness {
  const harness = {} as { browser: TestBrowser; server: StaticServer };
  beforeAll(async () => {
    [harness.browser, harness.server] = await Promise.all([launchBrowser(), serveBuiltApp()]);
  });
  afterAll(async () => {
    await Promise.all([harness.browser?.close(), harness.server?.close()]);
  });
  return harness;
}
