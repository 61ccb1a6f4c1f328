import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's Chromium; `npx playwright install` cannot download browsers here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, and quiet: without the networking flags Chromium keeps calling home, which this machine refuses. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** A browser started the way these machines allow: headless, no background networking. */
export interface TestBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  // Playwright gives every launch a fresh, empty profile directory of its own (and refuses
  // --user-data-dir), which is what a clean test needs.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_FLAGS],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

/** What a page did: console errors, and the non-loopback requests that were blocked. */
export interface PageLog {
  readonly consoleErrors: string[];
  readonly blockedRequests: string[];
  readonly pageErrors: string[];
}

const LOOPBACK = /^(?:https?|wss?):\/\/(?:127\.\d+\.\d+\.\d+|localhost|\[::1\])(?::\d+)?\//;

/**
 * Opens a page in a fresh context that aborts every request leaving this machine (tiles,
 * and Chromium's own calls home), and records what the page logged.
 */
export async function openPage(
  testBrowser: TestBrowser,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; context: BrowserContext; log: PageLog }> {
  const context = await testBrowser.browser.newContext(options);
  const log = emptyLog();
  await blockOtherHosts(context, () => log);
  const page = await context.newPage();
  listen(page, () => log);
  return { page, context, log };
}

function emptyLog(): PageLog {
  return { consoleErrors: [], blockedRequests: [], pageErrors: [] };
}

async function blockOtherHosts(context: BrowserContext, log: () => PageLog): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (LOOPBACK.test(url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    log().blockedRequests.push(url);
    return route.abort('blockedbyclient');
  });
}

function listen(page: Page, log: () => PageLog): void {
  page.on('console', (message) => {
    if (message.type() === 'error') log().consoleErrors.push(`${message.text()} @ ${message.location().url}`);
  });
  page.on('pageerror', (error) => log().pageErrors.push(error.message));
}

/** What a page can be switched to between tests without a new context. */
export interface TabOptions extends BrowserContextOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark' | 'no-preference';
  reducedMotion?: 'reduce' | 'no-preference';
  forcedColors?: 'active' | 'none';
}

/**
 * Tabs handed from test to test within a file. A new context and page cost about 0.65 s of
 * CPU in Chromium (a renderer process and its setup), three times the load of the page
 * itself, and the browser tests are CPU-bound on these 2-core machines. A tab is kept per set
 * of context-level options (touch, time zone...); each test gets it blank, with its own log,
 * viewport and media, and none of the last test's listeners, routes, other tabs, held keys or
 * button, the mouse at the corner.
 * Tests that change a context for good (init scripts other than the pool's `setup`, a fake
 * clock, exposed functions, storage, listeners on the context) open their own with openPage.
 */
export interface TabPool {
  open(options?: TabOptions): Promise<{ page: Page; log: PageLog }>;
  close(): Promise<void>;
}

export function createTabPool(testBrowser: () => TestBrowser, setup?: (context: BrowserContext) => Promise<void>): TabPool {
  const tabs = new Map<string, { page: Page; log: PageLog }>();
  return {
    async open(options = {}) {
      const { viewport = { width: 1280, height: 720 }, colorScheme, reducedMotion, forcedColors, ...contextOptions } = options;
      const key = JSON.stringify(contextOptions);
      let tab = tabs.get(key);
      if (!tab || tab.page.isClosed()) {
        const context = await testBrowser().browser.newContext({ ...contextOptions, viewport });
        // Requests are blocked (and logged to whichever test has the tab) before the page exists.
        const created = { log: emptyLog() } as { page: Page; log: PageLog };
        await blockOtherHosts(context, () => created.log);
        await setup?.(context);
        created.page = await context.newPage();
        tab = created;
        tabs.set(key, tab);
      }
      const { page } = tab;
      page.removeAllListeners();
      await page.unrouteAll({ behavior: 'ignoreErrors' });
      // Tabs the last test opened (a link to another site), and keys or a button it left held
      // (a test that failed half-way through a drag), go.
      await Promise.all(page.context().pages().map((other) => other !== page && other.close()));
      // Unloads whatever the last test left, so that even the same address loads afresh.
      await page.goto('about:blank');
      for (const key of ['Shift', 'Control', 'Alt', 'Meta']) await page.keyboard.up(key);
      await page.mouse.up();
      tab.log = emptyLog();
      const current = tab;
      listen(page, () => current.log);
      await page.mouse.move(0, 0);
      const size = page.viewportSize();
      if (size?.width !== viewport.width || size.height !== viewport.height) await page.setViewportSize(viewport);
      await page.emulateMedia({
        media: 'screen',
        colorScheme: colorScheme ?? 'light',
        reducedMotion: reducedMotion ?? 'no-preference',
        forcedColors: forcedColors ?? 'none',
      });
      return tab;
    },
    async close() {
      await Promise.all([...tabs.values()].map(({ page }) => page.context().close().catch(() => undefined)));
      tabs.clear();
    },
  };
}

/** Console errors other than the ones that blocked tile requests cause. */
export function unexpectedConsoleErrors(log: PageLog): string[] {
  return log.consoleErrors.filter((text) => !/tile\.openstreetmap\.org|ERR_BLOCKED_BY_CLIENT/.test(text));
}

/** Waits until the map's camera has finished its move (data-camera="still", src/map/create-camera.ts). */
export async function cameraStill(page: Page): Promise<void> {
  await page.locator('.sm-map[data-camera="still"]').first().waitFor();
}

/**
 * The same, on a page with Playwright's clock installed: runs the page's clock on (timers and
 * frames fire, the flight plays out) instead of waiting for it in real time.
 */
export async function cameraStillByClock(page: Page): Promise<void> {
  const still = page.locator('.sm-map[data-camera="still"]');
  for (let elapsed = 0; elapsed < 5000; elapsed += 100) {
    if ((await still.count()) > 0) return;
    await page.clock.runFor(100);
  }
  throw new Error('The camera was still moving after 5 s of the page\'s clock.');
}

/**
 * Holds the page's requests matching `url` (its frames' too) until `release()`: a slow
 * connection, without a guess at how slow. `held()` counts the requests caught so far.
 */
export async function holdRequests(page: Page, url: RegExp): Promise<{ held(): number; release(): void }> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  await page.route(url, async (route) => {
    held += 1;
    await released;
    await route.continue();
  });
  return { held: () => held, release };
}
