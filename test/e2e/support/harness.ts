import { afterAll, beforeAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { serveBuiltApp } from './app.ts';
import { createTabPool, openPage, workerBrowser, type PageLog, type TabOptions, type TestBrowser } from './browser.ts';
import type { StaticServer } from './static-server.ts';

/**
 * The worker's browser and the built app on loopback, for one test file: the app's server is
 * started for the file and closed after it, as are the contexts the file opened (the pool's
 * tabs are left blank for the worker's next file).
 */
export interface Harness {
  readonly browser: TestBrowser;
  readonly server: StaticServer;
  /** A blank tab of the worker's pool (see createTabPool), at `path` of the app when one is given. */
  tab(path?: string, options?: TabOptions): Promise<{ page: Page; log: PageLog }>;
  /**
   * A tab with Playwright's clock installed (time flows as usual until the test moves it), at
   * `path` of the app when one is given. In a context of its own, since a clock cannot be taken
   * off a context again: the test may close it, or it closes when the file ends.
   */
  clockTab(path?: string, options?: TabOptions): Promise<{ page: Page; context: BrowserContext; log: PageLog }>;
}

/** Registers the file's beforeAll/afterAll; read the fields inside tests, once they have started. */
export function useBuiltApp(): Harness {
  const harness = {} as { browser: TestBrowser; server: StaticServer };
  const pool = createTabPool(() => harness.browser);
  beforeAll(async () => {
    [harness.browser, harness.server] = await Promise.all([workerBrowser(), serveBuiltApp()]);
  });
  afterAll(async () => {
    await pool.close();
    await Promise.all([harness.browser?.close(), harness.server?.close()]);
  });
  return Object.assign(harness, {
    async tab(path?: string, options?: TabOptions) {
      const opened = await pool.open(options);
      if (path !== undefined) await opened.page.goto(`${harness.server.origin}${path}`);
      return opened;
    },
    async clockTab(path?: string, options: TabOptions = {}) {
      const opened = await openPage(harness.browser, options);
      await opened.page.clock.install();
      if (path !== undefined) await opened.page.goto(`${harness.server.origin}${path}`);
      return opened;
    },
  });
}
