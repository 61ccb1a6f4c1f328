import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { createTabPool, holdRequests, workerBrowser, openPage, type TestBrowser } from './support/browser.ts';
import { serveBuiltApp } from './support/app.ts';
import { startStaticServer, type StaticServer } from './support/static-server.ts';

// The host page is served from one loopback origin and embeds the story map from another
// (a second port), as a news site embeds an interactive from its graphics server.

let browser: TestBrowser;
let app: StaticServer;
let host: StaticServer;
/** The app served with CORS headers, for the sandboxed frame (set by its tests). */
let corsAppOrigin = '';

const CSP = "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; connect-src 'self'";

function hostPage(appOrigin: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host article</title></head>
<body>
  <h1>A news article</h1>
  ${'<p>Lorem ipsum dolor sit amet, a long article around the map.</p>'.repeat(5)}
  <iframe id="allowed" data-story-map title="Story map" src="${appOrigin}/embed.html?tiles=none"></iframe>
  <iframe id="refused" data-story-map title="Story map (commands refused)" src="${appOrigin}/embed.html?tiles=none&allowedOrigins=http://example.invalid"></iframe>
  ${'<p>More of the article below the map.</p>'.repeat(20)}
  <script>
    window.__events = [];
    for (const type of ['ready', 'placechange', 'height', 'error']) {
      document.addEventListener('story-map:' + type, (event) => window.__events.push({ frame: event.target.id, ...event.detail }));
    }
  </script>
  <script src="${appOrigin}/embed.js"></script>
</body></html>`;
}

beforeAll(async () => {
  [browser, app] = await Promise.all([workerBrowser(), serveBuiltApp({ 'content-security-policy': CSP })]);
  host = await startStaticServer({}, {}, {
    '/article.html': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(hostPage(app.origin));
    },
    // A bare article: tests add the frames and the host script when they need them.
    '/bare.html': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bare article</title></head><body>
        <h1>A news article</h1><p id="lede">The lede, above the map.</p><div id="slot"></div>
        ${'<p>More of the article below the map.</p>'.repeat(40)}
        <script>
          window.__events = [];
          window.__shifts = 0;
          for (const type of ['ready', 'placechange', 'height', 'error']) {
            document.addEventListener('story-map:' + type, (event) => window.__events.push({ frame: event.target.id, ...event.detail }));
          }
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
          }).observe({ type: 'layout-shift', buffered: true });
        </script></body></html>`);
    },
    // An article with the documented snippet in its first screen, and a layout-shift meter.
    // ?theme: a site's own CSS around it; ?below: the frame far below the first screen.
    '/cls.html': (request, response) => {
      const query = new URL(request.url ?? '/', 'http://host').searchParams;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
        <title>Article</title>${query.has('theme') ? '<style>* { box-sizing: content-box } body { margin: 0 10%; font: 20px/1.7 Georgia, serif } p { margin: 30px 0 } iframe { border: 3px solid #222 !important }</style>' : ''}
        </head><body><h1>A news article</h1><p>The lede, above the map.</p>
        ${query.has('below') ? '<p>Article text before the map.</p>'.repeat(80) : ''}
        <iframe id="cls" data-story-map title="Story map" src="${app.origin}/embed.html?tiles=none" style="width:100%;aspect-ratio:4/5;min-height:1380px;border:0" loading="lazy"></iframe>
        ${'<p>More of the article below the map.</p>'.repeat(40)}
        <script>
          window.__shifts = 0;
          window.__heights = [];
          document.addEventListener('story-map:height', (event) => window.__heights.push(event.detail.height));
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
          }).observe({ type: 'layout-shift', buffered: true });
        </script><script src="${app.origin}/embed.js" async></script></body></html>`);
    },
    // A frame sandboxed without allow-same-origin, embedding the app served with CORS headers.
    '/sandboxed.html': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="en"><head><title>Sandboxed</title></head><body>
        <iframe id="boxed" data-story-map title="Story map" sandbox="allow-scripts allow-popups" src="${corsAppOrigin}/embed.html?tiles=none"></iframe>
        <script>
          window.__events = [];
          for (const type of ['ready', 'placechange', 'height']) {
            document.addEventListener('story-map:' + type, (event) => window.__events.push({ frame: event.target.id, ...event.detail }));
          }
        </script><script src="${corsAppOrigin}/embed.js"></script></body></html>`);
    },
    // Another site's page, speaking the embed's protocol once a frame has been navigated to it.
    '/forged.html': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><title>Forged</title><script>
        parent.postMessage({ protocol: 'story-map', version: 1, type: 'height', height: 99999 }, '*');
        parent.postMessage({ protocol: 'story-map', version: 1, type: 'placechange', id: 'forged', name: 'Forged' }, '*');
      </script>`);
    },
  });
});

afterAll(async () => {
  await Promise.all([tabs.close(), hostTabs.close()]);
  await Promise.all([browser?.close(), app?.close(), host?.close()]);
});

/** Every document of the context, the embeds' among them, records the CSP violations it sees. */
async function recordViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    (window as unknown as { __violations: string[] }).__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __violations: string[] }).__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}
const tabs = createTabPool(() => browser);
const hostTabs = createTabPool(() => browser, recordViolations);

/** The host article with its two embeds, both ready; in a context of its own when the test listens to the context. */
async function openHost({ fresh = false } = {}): Promise<{ page: Page; frame: (id: string) => Frame; errors: string[]; violations: () => Promise<string[]> }> {
  const viewport = { width: 900, height: 900 };
  const { page, log } = fresh ? await openPage(browser, { viewport }) : await hostTabs.open({ viewport });
  if (fresh) await recordViolations(page.context());
  await page.goto(`${host.origin}/article.html`);
  const frame = (id: string): Frame =>
    page.frame({ url: (url) => url.href.startsWith(`${app.origin}/embed.html`) && (id === 'refused') === url.search.includes('allowedOrigins') })!;
  await expect.poll(() => page.evaluate(() => (window as unknown as { __events: Array<{ type: string; frame: string }> }).__events.filter((e) => e.type === 'ready').length), { timeout: 10_000 }).toBe(2);
  return {
    page,
    frame,
    errors: log.pageErrors,
    violations: async () => (await Promise.all([frame('allowed'), frame('refused')].map((f) => f.evaluate(() => (window as unknown as { __violations: string[] }).__violations)))).flat(),
  };
}

const events = (page: Page, type: string) =>
  page.evaluate((t) => (window as unknown as { __events: Array<Record<string, unknown>> }).__events.filter((e) => e.type === t), type);

/**
 * Waits, in the frame, for the message `{ type, version }` (the last one a test sends) and for
 * the embed to have done what it does with it (it works through commands in a task after they
 * arrive): a negative check then waits on the message itself, not on a guess of how long it takes.
 */
async function watchForMessage(frame: Frame, last: { type: string; version: number }): Promise<() => Promise<void>> {
  // Listening starts before the test sends anything; the wait is read afterwards.
  await frame.evaluate(({ type, version }) => {
    (window as unknown as { __handled: Promise<void> }).__handled = new Promise<void>((resolve) => {
      addEventListener('message', function onMessage(event: MessageEvent) {
        const data = event.data as { type?: unknown; version?: unknown } | null;
        if (data?.type !== type || data.version !== version) return;
        removeEventListener('message', onMessage);
        // After the embed's own listener (added first) and the task it queues for commands.
        setTimeout(() => setTimeout(resolve, 0), 0);
      });
    });
  }, last);
  return () => frame.evaluate(() => (window as unknown as { __handled: Promise<void> }).__handled);
}

describe('the iframe embed, across origins', () => {
  it('reports its height, the host script applies it, and the host page is never moved', async () => {
    const { page, frame } = await openHost();
    await expect.poll(async () => (await events(page, 'height')).length, { timeout: 5000 }).toBeGreaterThan(0);
    const iframe = page.locator('#allowed');
    const height = (await iframe.boundingBox())!.height;
    const content = await frame('allowed').evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    expect(Math.abs(height - content)).toBeLessThanOrEqual(2);
    expect(height).toBeGreaterThan(500);
    // The embed never moved the host: no scrolling, no focus taken, no hash.
    expect(await page.evaluate(() => [window.scrollY, document.activeElement === document.body, location.hash])).toEqual([0, true, '']);
  });

  it('tells the host when the reader opens a place, with its id and name', async () => {
    const { page, frame } = await openHost();
    await frame('allowed').locator('.leaflet-marker-pane [role="button"]').filter({ hasText: 'Khasan' }).dispatchEvent('click');
    await expect.poll(async () => (await events(page, 'placechange')).filter((e) => e.frame === 'allowed')).toEqual([
      { frame: 'allowed', protocol: 'story-map', version: 1, type: 'placechange', id: 'khasan', name: 'Khasan' },
    ]);
    const ready = (await events(page, 'ready'))[0]!;
    expect(ready.steps).toEqual(['overview', 'khasan', 'vladivostok', 'russky-island', 'moscow', 'seoul', 'hanoi']);
  });

  it('obeys goto from an allowed host and ignores it from any other origin', async () => {
    const { page, frame } = await openHost();
    const refusedHandled = await watchForMessage(frame('refused'), { type: 'goto', version: 1 });
    await page.evaluate(() => {
      const api = (window as unknown as { StoryMapEmbed: { send: (f: HTMLIFrameElement, c: object) => void } }).StoryMapEmbed;
      api.send(document.getElementById('allowed') as HTMLIFrameElement, { type: 'goto', slug: 'vladivostok' });
      api.send(document.getElementById('refused') as HTMLIFrameElement, { type: 'goto', slug: 'vladivostok' });
    });
    await expect.poll(() => frame('allowed').locator('.sm-step h2').textContent()).toBe('Vladivostok');
    await refusedHandled();
    expect(await frame('refused').locator('.sm-step h2').textContent()).toBe('All places');
  });

  it('works through 20,000 commands at once with one change of step, to where they lead', async () => {
    const { page, frame } = await openHost();
    const before = await page.evaluate(() => (window as unknown as { __events: Array<{ type: string }> }).__events.length);
    await page.evaluate(() => {
      const api = (window as unknown as { StoryMapEmbed: { send: (f: HTMLIFrameElement, c: object) => void } }).StoryMapEmbed;
      const iframe = document.getElementById('allowed') as HTMLIFrameElement;
      for (let i = 0; i < 20_000; i += 1) api.send(iframe, i % 2 ? { type: 'next' } : { type: 'goto', slug: 'khasan' });
      api.send(iframe, { type: 'prev' }); // the first release's name for previous, still understood
    });
    // goto khasan, next (Vladivostok), ..., then prev: Khasan.
    await expect.poll(() => frame('allowed').locator('.sm-step h2').textContent(), { timeout: 10_000 }).toBe('Khasan');
    const changes = await page.evaluate(
      (from) => (window as unknown as { __events: Array<{ type: string; frame: string }> }).__events.slice(from).filter((e) => e.type === 'placechange' && e.frame === 'allowed').length,
      before,
    );
    expect(changes).toBeGreaterThan(0);
    expect(changes).toBeLessThan(20);
  });

  it('opens the credits in a new tab, and stops trusting a frame once it shows another site', async () => {
    // A context of its own: it listens to the whole context, and opens a tab in it.
    const { page, frame } = await openHost({ fresh: true });
    const embed = frame('allowed');
    const before = await page.locator('#allowed').evaluate((iframe) => iframe.getBoundingClientRect().height);
    const requested: string[] = [];
    page.context().on('request', (r) => requested.push(r.url()));
    const popup = page.context().waitForEvent('page');
    await embed.locator('.leaflet-control-attribution a', { hasText: 'Natural Earth' }).click();
    // A new tab asked for the credits' page (blocked here, as every request off this machine is);
    // the frame still shows the story.
    expect(await popup).not.toBe(page);
    await expect.poll(() => requested.some((url) => url.includes('naturalearthdata.com'))).toBe(true);
    expect(embed.url()).toContain('/embed.html');
    expect(await embed.locator('.sm-step h2').count()).toBe(1);
    // Now the frame itself goes to another site, which speaks the protocol: the host ignores it.
    await page.evaluate(() => {
      (window as unknown as { __events: unknown[] }).__events = [];
    });
    await embed.evaluate((url) => (location.href = url), `${host.origin}/forged.html`);
    await page.waitForFunction(() => document.querySelector<HTMLIFrameElement>('#allowed')!.contentDocument?.title === 'Forged');
    expect(await page.evaluate(() => (window as unknown as { __events: unknown[] }).__events)).toEqual([]);
    expect(await page.locator('#allowed').evaluate((iframe) => iframe.getBoundingClientRect().height)).toBe(before);
    await page.context().close();
  });

  it('ignores malformed and unknown messages without errors', async () => {
    const { page, frame, errors } = await openHost();
    const handled = await watchForMessage(frame('allowed'), { type: 'next', version: 2 });
    await page.evaluate(() => {
      const target = (document.getElementById('allowed') as HTMLIFrameElement).contentWindow!;
      for (const garbage of [
        'x',
        {},
        null,
        'y'.repeat(2_000_000),
        { protocol: 'story-map', version: 1, type: 'goto', slug: 42 },
        { protocol: 'story-map', version: 1, type: 'explode' },
        { protocol: 'story-map', version: 2, type: 'next' },
      ]) {
        target.postMessage(garbage, '*');
      }
    });
    await handled();
    expect(await frame('allowed').locator('.sm-step h2').textContent()).toBe('All places');
    expect(errors).toEqual([]);
  });

  it('runs under a strict Content Security Policy with no violations', async () => {
    const { frame, violations } = await openHost();
    // Everything loaded: the story, and each frame's basemap (the last files to be fetched).
    for (const id of ['allowed', 'refused']) await frame(id).locator('.sm-map[data-basemap]').waitFor();
    expect(await violations()).toEqual([]);
  });
});

describe('the host script, however the page brings it and its frames', () => {
  /** The documented snippet's iframe, or without its style (`bare`), as a CMS may leave it. */
  const snippet = (id: string, { bare = false } = {}) => ({
    id,
    src: `${app.origin}/embed.html?tiles=none`,
    style: bare ? '' : 'width:100%;aspect-ratio:4/5;min-height:1380px;border:0',
  });
  async function openBare(viewport = { width: 900, height: 900 }): Promise<Page> {
    const { page } = await tabs.open({ viewport });
    await page.goto(`${host.origin}/bare.html`);
    return page;
  }
  const addScript = (page: Page) =>
    page.evaluate((src) => {
      const script = document.createElement('script');
      script.src = src;
      document.body.append(script);
      return new Promise((resolve) => script.addEventListener('load', resolve));
    }, `${app.origin}/embed.js`);
  const addFrame = (page: Page, frame: { id: string; src: string; style: string }) =>
    page.evaluate(({ id, src, style }) => {
      const iframe = document.createElement('iframe');
      Object.assign(iframe, { id, src, title: 'Story map' });
      iframe.dataset.storyMap = '';
      if (style) iframe.setAttribute('style', style);
      document.getElementById('slot')!.append(iframe);
    }, frame);
  const embedFrame = (page: Page) => page.frames().find((f) => f.url().startsWith(`${app.origin}/embed.html`))!;
  /** Holds the story file back until the embed shows its loading state, then lets it through: a slow connection, without a guess at how slow. */
  /** Holds the story file back until the embed shows its loading state, then lets it through. */
  const holdStory = async (page: Page) => {
    const story = await holdRequests(page, /kim-putin-2019\.story-.*\.json$/);
    return {
      async releaseOnceLoading() {
        // The frame's request for the story is the one held, and the frame says it is loading.
        await expect.poll(story.held, { timeout: 10_000 }).toBe(1);
        await expect.poll(() => embedFrame(page)?.locator('.sm-loading').count() ?? 0, { timeout: 10_000 }).toBe(1);
        story.release();
      },
    };
  };

  it('hears a frame that spoke before the script ran (embed.js loaded late)', async () => {
    const page = await openBare();
    await addFrame(page, snippet('late'));
    await expect.poll(() => embedFrame(page)?.locator('.sm-step h2').count()).toBe(1);
    await addScript(page);
    await expect.poll(async () => (await events(page, 'ready')).length).toBe(1);
    const content = await embedFrame(page).evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    await expect.poll(async () => Math.abs((await page.locator('#late').boundingBox())!.height - content)).toBeLessThanOrEqual(2);
  });

  it('manages a frame added after the page loaded', async () => {
    const page = await openBare();
    await addScript(page);
    await addFrame(page, snippet('added', { bare: true }));
    await expect.poll(async () => (await events(page, 'ready')).map((e) => e.frame)).toEqual(['added']);
    // Reserved and sized by the script, though the snippet had no style of its own.
    const box = (await page.locator('#added').boundingBox())!;
    expect(box.width).toBeGreaterThan(800);
    expect(box.height).toBeGreaterThan(500);
  });

  it('dispatches each event once when the snippet is pasted twice', async () => {
    const page = await openBare();
    await addFrame(page, snippet('twice'));
    await addScript(page);
    await addScript(page);
    await expect.poll(async () => (await events(page, 'ready')).length).toBe(1);
    await embedFrame(page).locator('.leaflet-marker-pane [role="button"]').filter({ hasText: 'Khasan' }).dispatchEvent('click');
    await expect.poll(async () => (await events(page, 'placechange')).length).toBe(1);
    // Give a second listener, were there one, the time to dispatch its copy.
    await embedFrame(page).locator('.leaflet-marker-pane [role="button"]').filter({ hasText: 'Vladivostok' }).dispatchEvent('click');
    await expect.poll(async () => (await events(page, 'placechange')).map((e) => e.id)).toEqual(['khasan', 'vladivostok']);
  });

  for (const [viewport, query] of [
    [{ width: 1280, height: 800 }, ''],
    [{ width: 390, height: 844 }, ''],
    [{ width: 320, height: 640 }, ''],
    [{ width: 1280, height: 800 }, '?theme'],
    [{ width: 390, height: 844 }, '?below'],
  ] as const) {
    it(`moves nothing in the article while the story arrives slowly (${viewport.width} px${query && `, ${query.slice(1)}`}): layout shift under 0.01`, async () => {
      const { page } = await tabs.open({ viewport });
      // The story file is held back until the embed shows that it is loading, as on a slow connection.
      const slow = await holdStory(page);
      await page.goto(`${host.origin}/cls.html${query}`);
      // Far below the first screen, the lazy frame loads once the reader scrolls to it.
      if (query === '?below') await page.locator('#cls').scrollIntoViewIfNeeded();
      await slow.releaseOnceLoading();
      await expect.poll(() => page.evaluate(() => (window as unknown as { __heights: number[] }).__heights.length), { timeout: 10_000 }).toBeGreaterThan(0);
      // A frame later, any shift the new height caused has been recorded.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(await page.evaluate(() => (window as unknown as { __shifts: number }).__shifts)).toBeLessThan(0.01);
    });
  }

  it('reports no height before the story is shown, so the reserved space never shrinks and grows back', async () => {
    const page = await openBare();
    const slow = await holdStory(page);
    await addScript(page);
    await addFrame(page, snippet('slow'));
    await slow.releaseOnceLoading();
    await expect.poll(async () => (await events(page, 'ready')).length, { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => (await events(page, 'height')).length).toBeGreaterThan(0);
    const heights = (await events(page, 'height')).map((e) => e.height as number);
    expect(Math.min(...heights)).toBeGreaterThan(400);
  });
});

describe('a sandboxed iframe (allow-scripts allow-popups, no allow-same-origin)', () => {
  let corsApp: StaticServer;
  beforeAll(async () => {
    // The embed then loads from the opaque origin "null": its module scripts, stylesheet and
    // files are cross-origin requests, which the documented header allows.
    corsApp = await serveBuiltApp({ 'access-control-allow-origin': '*' });
    corsAppOrigin = corsApp.origin;
  });
  afterAll(async () => {
    await corsApp?.close();
  });

  it('shows the story, tells the host, and obeys its commands', async () => {
    const { page, log } = await openPage(browser, { viewport: { width: 900, height: 900 } });
    await page.goto(`${host.origin}/sandboxed.html`);
    await expect
      .poll(async () => (await events(page, 'ready')).length, { timeout: 10_000 })
      .toBe(1)
      .catch(async (error: Error) => {
        // Once in a dozen full runs this waited in vain: say what the frame showed, and what it said.
        const frame = page.frames().find((f) => f.url().startsWith(`${corsAppOrigin}/embed.html`));
        const shown = frame ? await frame.locator('h1, h2, [role="alert"], [role="status"]').allInnerTexts() : ['(no frame)'];
        throw new Error(`${error.message}\nThe frame showed: ${JSON.stringify(shown)}\nThe host heard: ${JSON.stringify(await page.evaluate(() => (window as unknown as { __events: unknown[] }).__events))}\nPage errors: ${JSON.stringify(log.pageErrors)}; console: ${JSON.stringify(log.consoleErrors)}`);
      });
    await expect.poll(async () => (await page.locator('#boxed').boundingBox())!.height).toBeGreaterThan(800);
    await page.evaluate(() => {
      const api = (window as unknown as { StoryMapEmbed: { send: (f: HTMLIFrameElement, c: object) => void } }).StoryMapEmbed;
      api.send(document.getElementById('boxed') as HTMLIFrameElement, { type: 'goto', slug: 'vladivostok' });
    });
    await expect.poll(async () => (await events(page, 'placechange')).map((e) => e.id)).toEqual(['vladivostok']);
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });
});

