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
  const log: PageLog = { consoleErrors: [], blockedRequests: [], pageErrors: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (LOOPBACK.test(url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    log.blockedRequests.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') log.consoleErrors.push(`${message.text()} @ ${message.location().url}`);
  });
  page.on('pageerror', (error) => log.pageErrors.push(error.message));
  return { page, context, log };
}

/** Console errors other than the ones that blocked tile requests cause. */
export function unexpectedConsoleErrors(log: PageLog): string[] {
  return log.consoleErrors.filter((text) => !/tile\.openstreetmap\.org|ERR_BLOCKED_BY_CLIENT/.test(text));
}

/** Waits until the map's camera has finished its move (data-camera="still", src/map/create-camera.ts). */
export async function cameraStill(page: Page): Promise<void> {
  await page.locator('.sm-map[data-camera="still"]').first().waitFor();
}
