import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { holdRequests, openPage } from './support/browser.ts';
import { useBuiltApp } from './support/harness.ts';

const app = useBuiltApp();

/** A host page with styles known to break Leaflet when they reach it. */
const HOSTILE_CSS = '* { box-sizing: content-box; } img { max-width: 100%; } div { padding: 10px; } p { margin: 40px; }';

async function hostWith(body: string): Promise<{ page: Page; errors: string[] }> {
  const { page, log } = await app.tab(undefined, { viewport: { width: 1000, height: 1200 } });
  await page.route(`${app.server.origin}/host.html`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><style>${HOSTILE_CSS}</style>
        <script type="module" src="/lib/story-map.js"></script></head><body><h1>Host article</h1>${body}</body></html>`,
    }),
  );
  await page.goto(`${app.server.origin}/host.html`);
  return { page, errors: log.pageErrors };
}

describe('the <story-map> element', () => {
  it('renders correctly inside a host page whose CSS would break Leaflet', async () => {
    const { page, errors } = await hostWith('<story-map src="/stories/kim-putin-2019.geojson" id="a" tiles="none"></story-map>');
    const markers = page.locator('#a .leaflet-marker-pane [role="button"]');
    await expect.poll(() => markers.count(), { timeout: 10_000 }).toBe(6);
    // The host's `div { padding: 10px }` and `box-sizing` do not reach inside: a marker stays 24 px.
    const dot = (await markers.first().boundingBox())!;
    expect([Math.round(dot.width), Math.round(dot.height)]).toEqual([24, 24]);
    const map = (await page.locator('#a .sm-map').boundingBox())!;
    expect(map.height).toBeGreaterThan(300);
    expect(await page.locator('#a .sm-map').evaluate((el) => getComputedStyle(el).paddingTop)).toBe('0px');
    // The basemap draws in the element's own canvas.
    await expect.poll(() => page.locator('#a .sm-map').getAttribute('data-basemap')).not.toBeNull();
    expect(errors).toEqual([]);
  });

  it('without src, says that no story was given (the library carries none) and fires error', async () => {
    const { page, errors } = await hostWith(
      '<story-map id="a" tiles="none"></story-map><script>document.addEventListener("error", (e) => { window.__error = e.detail?.message; }, true)</script>',
    );
    await page.locator('#a [role="alert"]').waitFor();
    expect(await page.locator('#a [role="alert"]').innerText()).toContain('No story was given');
    await expect.poll(() => page.evaluate(() => (window as unknown as { __error?: string }).__error)).toMatch(/^The story could not be loaded\. No story was given/);
    expect(errors).toEqual([]);
  });

  it('shows the whole article beside the story when asked (article="beside"), its code loaded only then', async () => {
    const { page, errors } = await hostWith('<story-map src="/stories/kim-putin-2019.geojson" id="a" tiles="none"></story-map><story-map src="/stories/kim-putin-2019.geojson" id="b" tiles="none" article="beside"></story-map>');
    await page.locator('#b .sm-article').waitFor({ timeout: 10_000 });
    expect(await page.locator('#b .sm-article h2').first().textContent()).toBe('The article');
    expect(await page.locator('#b .sm-article p').count()).toBeGreaterThanOrEqual(27);
    // The other one, without the attribute, has none.
    await page.locator('#a .sm-step h2').waitFor();
    expect(await page.locator('#a .sm-article').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('holds height="1e9" to 4,000 px instead of making a 33-million-pixel element', async () => {
    const { page, errors } = await hostWith('<story-map src="/stories/kim-putin-2019.geojson" id="a" tiles="none" height="1e9"></story-map>');
    await page.locator('#a .sm-step h2').waitFor({ timeout: 10_000 });
    const box = (await page.locator('#a').boundingBox())!;
    expect(Math.round(box.height)).toBe(4000);
    expect(errors).toEqual([]);
  });

  it('fires placechange, moves with the place attribute, and never touches the host’s address', async () => {
    const { page } = await hostWith('<story-map src="/stories/kim-putin-2019.geojson" id="a" tiles="none"></story-map>');
    await page.locator('#a .sm-step h2').waitFor({ timeout: 10_000 });
    const historyBefore = await page.evaluate(() => history.length);
    await page.evaluate(() => {
      (window as unknown as { __changes: unknown[] }).__changes = [];
      document.getElementById('a')!.addEventListener('placechange', (e) => (window as unknown as { __changes: unknown[] }).__changes.push((e as CustomEvent).detail));
    });
    await page.locator('#a .leaflet-marker-pane [role="button"]').filter({ hasText: 'Khasan' }).dispatchEvent('click');
    expect(await page.evaluate(() => (window as unknown as { __changes: unknown[] }).__changes)).toEqual([{ id: 'khasan', name: 'Khasan' }]);
    await page.evaluate(() => document.getElementById('a')!.setAttribute('place', 'hanoi'));
    expect(await page.locator('#a .sm-step h2').textContent()).toBe('Hanoi');
    expect(await page.evaluate(() => [location.hash, history.length])).toEqual(['', historyBefore]);
  });

  it('stays under the host’s sticky header, left to right in a right-to-left page, and its events bubble', async () => {
    const { page } = await hostWith(
      '<header id="bar" style="position:sticky;top:0;z-index:10;height:60px;background:#fff">Site header</header>' +
        '<div dir="rtl" lang="ar"><story-map src="/stories/kim-putin-2019.geojson" id="a" tiles="none"></story-map></div>' +
        '<p style="height:2000px">More.</p>',
    );
    await page.locator('#a .sm-step h2').waitFor({ timeout: 10_000 });
    await page.evaluate(() => {
      (window as unknown as { __bubbled: string[] }).__bubbled = [];
      document.addEventListener('placechange', (e) => (window as unknown as { __bubbled: string[] }).__bubbled.push((e as CustomEvent).detail.id));
    });
    // Scrolled so that the map's zoom buttons pass under the header: the header stays on top.
    const zoom = (await page.locator('#a .leaflet-control-zoom-in').boundingBox())!;
    await page.evaluate((y) => window.scrollBy(0, y), zoom.y - 20);
    const onTop = await page.evaluate(() => document.elementFromPoint(30, 30)?.id);
    expect(onTop).toBe('bar');
    expect(await page.locator('#a .sm-root').evaluate((root) => [root.getAttribute('dir'), getComputedStyle(root).direction])).toEqual(['ltr', 'ltr']);
    await page.locator('#a .leaflet-marker-pane [role="button"]').filter({ hasText: 'Khasan' }).dispatchEvent('click');
    expect(await page.evaluate(() => (window as unknown as { __bubbled: string[] }).__bubbled)).toEqual(['khasan']);
  });

  it('keeps the keyboard’s place after choosing a place from its list, inside its shadow root', async () => {
    const { page } = await hostWith('<story-map src="/stories/kim-putin-2019.geojson" id="a" tiles="none"></story-map>');
    await page.locator('#a .sm-step h2').waitFor({ timeout: 10_000 });
    await page.locator('#a .sm-place-link').filter({ has: page.locator('.sm-place-link__name', { hasText: /^Vladivostok$/ }) }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#a .sm-step h2').textContent()).toBe('Vladivostok');
    const focused = await page.evaluate(() => {
      const root = document.getElementById('a')!.shadowRoot!;
      return [document.activeElement?.id, root.activeElement?.tagName, root.activeElement?.textContent];
    });
    expect(focused).toEqual(['a', 'H2', 'Vladivostok']);
  });

  it('reserves its space while loading, takes a place asked for meanwhile, and goes back to the overview without a rebuild', async () => {
    const { page } = await app.tab(undefined, { viewport: { width: 800, height: 900 } });
    const story = await holdRequests(page, /\/stories\/kim-putin-2019\.geojson$/);
    await page.route(`${app.server.origin}/slow.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><head><title>Slow</title><script type="module" src="/lib/story-map.js"></script></head><body><story-map src="/stories/kim-putin-2019.geojson" id="a" tiles="none"></story-map></body></html>',
      }),
    );
    await page.goto(`${app.server.origin}/slow.html`);
    await page.locator('#a .sm-loading').waitFor();
    const box = (await page.locator('#a').boundingBox())!;
    expect(box.height).toBeCloseTo(Math.max(1380, (box.width * 5) / 4), 0);
    // Asked for while the story is still on its way: kept, and taken once it is shown.
    await page.evaluate(() => document.getElementById('a')!.setAttribute('place', 'seoul'));
    story.release();
    await expect.poll(() => page.locator('#a .sm-step h2').textContent(), { timeout: 10_000 }).toBe('Seoul');
    // Removing the attribute is the overview, on the same map (not a new one).
    await page.locator('#a .sm-map').evaluate((map) => ((map as HTMLElement & { __same?: boolean }).__same = true));
    await page.evaluate(() => document.getElementById('a')!.removeAttribute('place'));
    await expect.poll(() => page.locator('#a .sm-step h2').textContent()).toBe('All places');
    expect(await page.locator('#a .sm-map').evaluate((map) => (map as HTMLElement & { __same?: boolean }).__same)).toBe(true);
  });

  it('names the host’s Content Security Policy when it refuses the story, not the network', async () => {
    const { page } = await app.tab(undefined, { viewport: { width: 800, height: 900 } });
    await page.route(`${app.server.origin}/strict.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        headers: { 'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'none'" },
        body: '<!doctype html><html lang="en"><head><title>Strict</title><script type="module" src="/lib/story-map.js"></script></head><body><story-map src="/stories/kim-putin-2019.geojson" id="a" tiles="none"></story-map></body></html>',
      }),
    );
    await page.goto(`${app.server.origin}/strict.html`);
    const alert = page.locator('#a [role="alert"]');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.innerText()).toContain(`This page's Content Security Policy does not allow loading the story from ${app.server.origin}`);
  });

  it('runs two embeds of different stories on one page independently', async () => {
    const { page } = await hostWith(
      '<story-map src="/stories/kim-putin-2019.geojson" id="a" tiles="none"></story-map><story-map id="b" tiles="none" src="/fixtures/story-with-route.geojson"></story-map>',
    );
    await expect.poll(() => page.locator('#b .leaflet-marker-pane [role="button"]').count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => page.locator('#a .leaflet-marker-pane [role="button"]').count()).toBe(6);
    await page.locator('#b .leaflet-marker-pane [role="button"]').filter({ hasText: 'North Harbour' }).dispatchEvent('click');
    expect(await page.locator('#b .sm-step h2').textContent()).toBe('North Harbour');
    expect(await page.locator('#a .sm-step h2').textContent()).toBe('All places');
    // DOM ids are unique per instance, even across the two shadow roots.
    const ids = await page.evaluate(() =>
      ['a', 'b'].flatMap((id) => [...document.getElementById(id)!.shadowRoot!.querySelectorAll('[id]')].map((el) => el.id)),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('leaks no listeners or timers after mounting and destroying 20 times', async () => {
    const { page } = await app.tab(undefined, { viewport: { width: 900, height: 900 } });
    // Count the listeners and timers the page holds on window and document.
    await page.addInitScript(() => {
      const live = { listeners: 0, timers: new Set<number>() };
      (window as unknown as { __live: typeof live }).__live = live;
      for (const target of [window, document]) {
        const add = target.addEventListener.bind(target);
        const remove = target.removeEventListener.bind(target);
        const types = new Map<EventListenerOrEventListenerObject, Set<string>>();
        target.addEventListener = ((type: string, fn: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
          const forFn = types.get(fn) ?? new Set<string>();
          if (!forFn.has(type)) live.listeners += 1;
          forFn.add(type);
          types.set(fn, forFn);
          add(type, fn, options);
        }) as typeof target.addEventListener;
        target.removeEventListener = ((type: string, fn: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions) => {
          if (types.get(fn)?.delete(type)) live.listeners -= 1;
          remove(type, fn, options);
        }) as typeof target.removeEventListener;
      }
      const setT = window.setTimeout.bind(window);
      const clearT = window.clearTimeout.bind(window);
      window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => {
        const id: number = setT(() => {
          live.timers.delete(id);
          (fn as () => void)(...(rest as []));
        }, ms);
        live.timers.add(id);
        return id;
      }) as typeof window.setTimeout;
      window.clearTimeout = ((id?: number) => {
        if (id !== undefined) live.timers.delete(id);
        clearT(id);
      }) as typeof window.clearTimeout;
    });
    await page.route(`${app.server.origin}/mount.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><head><title>Mount</title><script type="module" src="/lib/story-map.js"></script></head><body></body></html>' }),
    );
    await page.goto(`${app.server.origin}/mount.html`);
    await page.waitForFunction(() => customElements.get('story-map'));
    const live = () => page.evaluate(() => {
      const l = (window as unknown as { __live: { listeners: number; timers: Set<number> } }).__live;
      return { listeners: l.listeners, timers: l.timers.size };
    });
    const mountOnce = () =>
      page.evaluate(
        () =>
          new Promise<void>((done) => {
            const element = document.createElement('story-map');
            element.setAttribute('tiles', 'none');
            element.setAttribute('src', '/stories/kim-putin-2019.geojson');
            element.addEventListener('ready', () => {
              element.remove();
              done();
            });
            document.body.append(element);
          }),
      );
    await mountOnce(); // the first mount loads modules and caches; count from here
    const before = await live();
    // Counted exactly, so one listener or timer left per mount shows; 20 mounts make it plain.
    for (let i = 0; i < 20; i += 1) await mountOnce();
    // Timers a mount started end or are cleared soon after it is removed (the longest: 50 ms).
    await expect.poll(async () => (await live()).timers).toBeLessThanOrEqual(before.timers);
    const after = await live();
    expect(after.listeners).toBe(before.listeners);
    expect(await page.evaluate(() => document.body.childElementCount)).toBe(0);
  }, 60_000);
});

describe('good manners in someone else’s article', () => {
  it('lets the wheel scroll the page over the map, with a hint, and zooms only with ctrl held', async () => {
    const { page } = await hostWith(`${'<p>Article text.</p>'.repeat(10)}<story-map src="/stories/kim-putin-2019.geojson" id="a" tiles="none"></story-map>${'<p>More text.</p>'.repeat(40)}`);
    await page.locator('#a .sm-step h2').waitFor({ timeout: 10_000 });
    const map = page.locator('#a .sm-map');
    await map.scrollIntoViewIfNeeded();
    // The map's scale, read as the distance between two markers: it grows when the map zooms in.
    const zoomOf = async () => {
      const [a, b] = await Promise.all(['Moscow', 'Hanoi'].map((name) => page.locator('#a .leaflet-marker-pane [role="button"]').filter({ hasText: name }).boundingBox()));
      return Math.round(Math.hypot(a!.x - b!.x, a!.y - b!.y));
    };
    const box = (await map.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const before = { scroll: await page.evaluate(() => window.scrollY), zoom: await zoomOf() };
    await page.mouse.wheel(0, 300);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before.scroll);
    expect(await page.locator('#a .sm-gesture-hint').textContent()).toMatch(/scroll to zoom the map/);
    expect(await zoomOf()).toBe(before.zoom);
    const box2 = (await map.boundingBox())!;
    await page.mouse.move(box2.x + box2.width / 2, box2.y + box2.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await expect.poll(zoomOf).toBeGreaterThan(before.zoom);
  });
});

describe('the builds made for embedding', () => {
  it('carries no story (its src names one), and keeps the basemap out of its script: files resolved from the script at run time', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const lib = new URL('../../dist/lib/', import.meta.url);
    const script = readFileSync(new URL('story-map.js', lib), 'utf8');
    expect(script).not.toMatch(/data:application\/(json|geo\+json|octet-stream)/);
    expect(script).not.toContain('kim-putin');
    expect(script).toMatch(/new URL\(`?["'`]?assets\/asia-110m\.topo-[\w-]+\.json/);
    const assets = readdirSync(new URL('assets/', lib));
    expect(assets.filter((name) => name.includes('kim-putin'))).toEqual([]);
    expect(assets.some((name) => /^asia-110m\.topo-[\w-]+\.json$/.test(name))).toBe(true);
  });

  it('ships a small host script as a classic script and a module, and an oEmbed answer', async () => {
    const { readFileSync } = await import('node:fs');
    const { gzipSync } = await import('node:zlib');
    const dist = new URL('../../dist/', import.meta.url);
    for (const file of ['embed.js', 'embed.mjs']) {
      expect(gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length, file).toBeLessThan(2000);
    }
    expect(readFileSync(new URL('embed.js', dist), 'utf8')).toMatch(/StoryMapEmbed/);
    const oembed = JSON.parse(readFileSync(new URL('oembed.json', dist), 'utf8')) as Record<string, unknown>;
    expect(oembed).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Associated Press' });
    expect(String(oembed.html)).toContain('<iframe data-story-map');
  });
});

describe('touch in someone else’s article', () => {
  const devices = [
    {
      name: 'a phone',
      viewport: { width: 390, height: 800 },
      isMobile: true,
      userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36',
    },
    // A desktop browser with a touch screen: its user agent says nothing of touch.
    {
      name: 'a touch laptop',
      viewport: { width: 1280, height: 800 },
      isMobile: false,
      userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
    },
  ];
  for (const device of devices) it(`scrolls the page with one finger (showing a hint) and moves the map with two, on ${device.name}`, async () => {
    const { page, context } = await openPage(app.browser, {
      viewport: device.viewport,
      isMobile: device.isMobile,
      hasTouch: true,
      userAgent: device.userAgent,
    });
    await page.route(`${app.server.origin}/touch.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><title>Touch</title><meta name="viewport" content="width=device-width"><script type="module" src="/lib/story-map.js"></script></head>
          <body>${'<p>Article text.</p>'.repeat(5)}<story-map src="/stories/kim-putin-2019.geojson" id="a" tiles="none"></story-map>${'<p>More text.</p>'.repeat(80)}</body></html>`,
      }),
    );
    await page.goto(`${app.server.origin}/touch.html`);
    await page.locator('#a .sm-step h2').waitFor({ timeout: 10_000 });
    const cdp = await context.newCDPSession(page);
    const hanoi = async () => (await page.locator('#a .leaflet-marker-pane [role="button"]').filter({ hasText: 'Hanoi' }).boundingBox())!;
    const touch = async (fingers: number, dx: number, dy: number) => {
      const box = (await page.locator('#a .sm-map').boundingBox())!;
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      const at = (step: number) => Array.from({ length: fingers }, (_, i) => ({ x: x + (i - (fingers - 1) / 2) * 80 + dx * step, y: y + dy * step, id: i + 1 }));
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
      for (let step = 1; step <= 10; step += 1) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(step / 10) });
        await page.waitForTimeout(20);
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    // One finger: the page scrolls, the map stays, a hint says how to move it.
    let before = await hanoi();
    let scroll = await page.evaluate(() => window.scrollY);
    await touch(1, 0, -150);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scroll + 50);
    // Hanoi stayed where it was on the page (its place on screen minus the scroll, read at once).
    const onPage = () =>
      page.locator('#a .leaflet-marker-pane [role="button"]').filter({ hasText: 'Hanoi' }).evaluate((marker) => {
        const r = marker.getBoundingClientRect();
        return { x: r.x + window.scrollX, y: r.y + window.scrollY };
      });
    const start = { x: before.x, y: before.y + scroll };
    const now = await onPage();
    expect(Math.abs(now.x - start.x) + Math.abs(now.y - start.y)).toBeLessThan(2);
    expect(await page.locator('#a .sm-gesture-hint').textContent()).toBe('Use two fingers to move the map');
    // Two fingers: the map moves with them, the page stays (once the first fling has come to rest).
    scroll = await page.evaluate(async () => {
      let [last, still] = [window.scrollY, 0];
      while (still < 5) {
        await new Promise(requestAnimationFrame);
        [still, last] = window.scrollY === last ? [still + 1, last] : [0, window.scrollY];
      }
      return last;
    });
    before = await hanoi();
    await touch(2, -80, 0);
    await expect.poll(async () => (await hanoi()).x - before.x).toBeLessThan(-50);
    expect(await page.evaluate(() => window.scrollY)).toBe(scroll);
    if (!device.isMobile) {
      // The same laptop's mouse still drags the map, as on any map, once the fingers have let go.
      // (Leaflet ignores a drag while the pinch's zoom animation, begun in the next frame, runs.)
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await expect.poll(() => page.locator('#a .leaflet-zoom-anim').count()).toBe(0);
      await page.locator('#a .sm-map.leaflet-grab').waitFor();
      before = await hanoi();
      const box = (await page.locator('#a .sm-map').boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      for (let step = 1; step <= 5; step += 1) await page.mouse.move(box.x + box.width / 2 - 20 * step, box.y + box.height / 2);
      await page.mouse.up();
      expect((await hanoi()).x - before.x).toBeLessThan(-50);
    }
    await context.close();
  });
});
