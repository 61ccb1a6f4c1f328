import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/** A Chromium for a test file (the worker's, see workerBrowser) or a benchmark (launchBrowser). */
export interface TestBrowser {
  readonly browser: Browser;
  /** Closes the contexts the file opened (the tab pools' are kept for the worker's next file). */
  close(): Promise<void>;
}

/** A Chromium of its own, closed with close(): for the benchmarks, which run outside Vitest's workers. */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await launchChromium();
  return { browser, close: () => browser.close() };
}

function launchChromium(): Promise<Browser> {
  // Playwright gives every launch a fresh, empty profile directory of its own (and refuses
  // --user-data-dir), which is what a clean test needs.
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS, `--disable-features=${disabledFeatures().join(',')}`] });
}

/**
 * Browser UI that a headless test never shows. Chromium's full browser (Debian's) gives each
 * window, so each context, two omnibox pop-ups made of web pages, each in a renderer of its
 * own, and updates them on every navigation: 40% of the CPU a new context and its first
 * load cost (1.28 -> 0.74 s, measured over 12 contexts), 10% of a load in an open tab.
 */
const UNSHOWN_BROWSER_UI = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/**
 * Playwright's own --disable-features list, and ours. Chromium reads one --disable-features
 * (the last), so ours must carry Playwright's too; it is read from Playwright's code so that
 * the two cannot drift apart when Playwright changes its list.
 */
let features: string[] | undefined;
function disabledFeatures(): string[] {
  if (!features) {
    const source = readFileSync(createRequire(import.meta.url).resolve('playwright-core/lib/coreBundle'), 'utf8');
    const list = /\bdisabledFeatures = \[([^\]]*)\]/.exec(source)?.[1];
    const playwrights = list ? [...list.matchAll(/^\s*"(\w+)",?\s*$/gm)].map((match) => match[1]!) : [];
    if (!playwrights.includes('PaintHolding')) {
      throw new Error("Playwright's --disable-features list was not found in playwright-core/lib/coreBundle.js: see disabledFeatures() in test/e2e/support/browser.ts.");
    }
    features = [...playwrights, ...UNSHOWN_BROWSER_UI];
  }
  return features;
}

let workerChromium: Promise<Browser> | undefined;
/** The tab pools' contexts: they outlive a file, every other context ends with its file. */
const pooledContexts = new WeakSet<BrowserContext>();

/**
 * The worker's Chromium, started the way these machines allow (headless, no background
 * networking), for one test file. One Chromium per worker rather than per file: a start
 * costs about 0.5 s of CPU, and the files a worker runs one after another share the tab
 * pools' contexts too (about 1 s of CPU each to make and load into). Each file still serves
 * the app from a server of its own, so its pages have an origin, storage and cache of their
 * own. Started again if it went away (a crash in one file must not fail the next).
 */
export async function workerBrowser(): Promise<TestBrowser> {
  const running = await workerChromium?.catch(() => undefined);
  if (!running?.isConnected()) {
    // It ends with the worker: Playwright talks to it over a pipe, which closes when the worker exits.
    workerChromium = launchChromium();
  }
  const browser = await workerChromium!;
  return {
    browser,
    async close() {
      const opened = browser.contexts().filter((context) => !pooledContexts.has(context));
      await Promise.all(opened.map((context) => context.close().catch(() => undefined)));
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
 * Tabs handed from test to test, and from file to file of a worker. A new context, its page
 * and a first load into it cost about 0.75 s of CPU in Chromium (a renderer process and its
 * setup), a load in an open tab about 0.35 s; the browser tests are CPU-bound on these 2-core
 * machines. A tab is kept per set of context-level options (touch, time zone...) and setup;
 * each test gets it blank, with its own log, viewport and media, and none of the last test's
 * listeners, routes, init scripts (page.addInitScript), other tabs, held keys or button, the
 * mouse at the corner. Storage stays, per origin (each file serves its own): a test that
 * needs none clears it (the editor's do). Tests that change a context for good (its init
 * scripts, a fake clock, exposed functions, listeners on the context) open their own with openPage.
 */
export interface TabPool {
  open(options?: TabOptions): Promise<{ page: Page; log: PageLog }>;
  /** Leaves the file's tabs blank for the worker's next file (their contexts stay open). */
  close(): Promise<void>;
}

interface Tab {
  page: Page;
  log: PageLog;
}

/** The init scripts a test added to a pooled page (page.addInitScript), removed before the next test. */
const initScripts = new WeakMap<Page, Array<{ dispose(): Promise<void> }>>();

/** A page of the pool, whose page.addInitScript calls are remembered so that reset() can undo them. */
function trackInitScripts(page: Page): void {
  const added: Array<{ dispose(): Promise<void> }> = [];
  initScripts.set(page, added);
  const addInitScript = page.addInitScript.bind(page);
  page.addInitScript = (async (...args: Parameters<Page['addInitScript']>) => {
    const script = await addInitScript(...args);
    added.push(script);
    return script;
  }) as Page['addInitScript'];
}
type Setup = (context: BrowserContext) => Promise<void>;
/** The worker's tabs, by setup, then by context options. */
const workerTabs = new Map<Setup | undefined, Map<string, Tab>>();

export function createTabPool(testBrowser: () => TestBrowser, setup?: Setup): TabPool {
  const tabs = workerTabs.get(setup) ?? new Map<string, Tab>();
  workerTabs.set(setup, tabs);
  const used = new Set<Tab>();
  return {
    async open(options = {}) {
      const { viewport = { width: 1280, height: 720 }, colorScheme, reducedMotion, forcedColors, ...contextOptions } = options;
      const key = JSON.stringify(contextOptions);
      let tab = tabs.get(key);
      // A test closed the tab: its context, left empty, goes too.
      if (tab?.page.isClosed()) await tab.page.context().close().catch(() => undefined);
      if (!tab || tab.page.isClosed() || tab.page.context().browser() !== testBrowser().browser) {
        const context = await testBrowser().browser.newContext({ ...contextOptions, viewport });
        pooledContexts.add(context);
        // Requests are blocked (and logged to whichever test has the tab) before the page exists.
        const created = { log: emptyLog() } as Tab;
        await blockOtherHosts(context, () => created.log);
        await setup?.(context);
        created.page = await context.newPage();
        trackInitScripts(created.page);
        tab = created;
        tabs.set(key, tab);
      }
      used.add(tab);
      await reset(tab.page);
      for (const key of ['Shift', 'Control', 'Alt', 'Meta']) await tab.page.keyboard.up(key);
      await tab.page.mouse.up();
      tab.log = emptyLog();
      const current = tab;
      listen(tab.page, () => current.log);
      const { page } = tab;
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
      // Blank, so that no page of this file keeps running (or asking its server) meanwhile.
      await Promise.all([...used].map(({ page }) => (page.isClosed() ? undefined : reset(page).catch(() => undefined))));
      used.clear();
    },
  };
}

/** The page with no listeners, routes, init scripts or other tabs, showing about:blank. */
async function reset(page: Page): Promise<void> {
  page.removeAllListeners();
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  const scripts = initScripts.get(page) ?? [];
  await Promise.all(scripts.splice(0).map((script) => script.dispose()));
  // Tabs the last test opened (a link to another site), and keys or a button it left held
  // (a test that failed half-way through a drag), go.
  await Promise.all(page.context().pages().map((other) => other !== page && other.close()));
  // Unloads whatever the last test left, so that even the same address loads afresh.
  await page.goto('about:blank');
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
