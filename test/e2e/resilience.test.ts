import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTabPool, workerBrowser, openPage, unexpectedConsoleErrors, type TestBrowser, cameraStill } from './support/browser.ts';
import { serveBuiltApp } from './support/app.ts';
import type { StaticServer } from './support/static-server.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const minimal = (): Record<string, any> => JSON.parse(fixture('minimal-story.geojson'));

/** Hostile files made from the minimal story, each served at /stories/hostile-<name>.geojson. */
const HOSTILE: Record<string, { text: () => string; expect: RegExp | { shows: string } }> = {
  'numbers-as-strings': {
    text: () => JSON.stringify(minimal()).replace('[10.4,59.2]', '["10.4","59.2"]'),
    expect: /feature 1 \("south-harbour"\): geometry\.coordinates\[0\]: Each element in a position must be a number/,
  },
  infinity: { text: () => JSON.stringify(minimal()).replace('[10.4,59.2]', '[1e999,59.2]'), expect: /Coordinates must be finite numbers/ },
  nan: { text: () => JSON.stringify(minimal()).replace('[10.4,59.2]', '[NaN,59.2]'), expect: /not valid JSON/ },
  'one-vertex-route': {
    text: () => {
      const story = minimal();
      story.features.push({ type: 'Feature', id: 'r', geometry: { type: 'LineString', coordinates: [[10.4, 59.2]] }, properties: { kind: 'route', mode: 'ferry', name: 'R', stops: [] } });
      return JSON.stringify(story);
    },
    expect: /two or more positions/,
  },
  bom: { text: () => `\ufeff${JSON.stringify(minimal())}`, expect: { shows: 'Two harbours' } },
  'entities-rtl-zero-width': {
    text: () => {
      const story = minimal();
      story.story.title = 'A &amp; B \u202Eevil\u202C\u200B title';
      return JSON.stringify(story);
    },
    expect: { shows: 'A &amp; B \u202Eevil\u202C\u200B title' },
  },
  'javascript-link': {
    text: () => {
      const story = minimal();
      story.story.tiles = { url: 'https://t.example/{z}/{x}/{y}.png', attribution: 'x', attributionUrl: 'javascript:window.__pwned=1' };
      return JSON.stringify(story);
    },
    expect: /story\.tiles\.attributionUrl: The attribution link must be an http\(s\) URL/,
  },
};

function hostileRoutes() {
  return Object.fromEntries(
    Object.entries(HOSTILE).map(([name, { text }]) => [
      `/stories/hostile-${name}.geojson`,
      (_req: unknown, res: ServerResponse) => {
        res.writeHead(200, { 'content-type': 'application/geo+json' });
        res.end(text());
      },
    ]),
  );
}

/** Land as the basemap paints it (src/map/create-basemap.ts); the sea is the map's background, showing through. */
const LAND = [0xf3, 0xef, 0xe6];
const SEA: number[] = [];

let browser: TestBrowser;
let server: StaticServer;
let otherOrigin: StaticServer;
const tabs = createTabPool(() => browser);
const CSP = "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; connect-src 'self'";

beforeAll(async () => {
  const antimeridian = minimal();
  antimeridian.features = [
    { type: 'Feature', id: 'anadyr', geometry: { type: 'Point', coordinates: [177.5, 64.73] }, properties: { name: 'Anadyr', passages: ['a'] } },
    { type: 'Feature', id: 'nome', geometry: { type: 'Point', coordinates: [-165.4, 64.5] }, properties: { name: 'Nome', passages: ['c'] } },
    {
      type: 'Feature',
      id: 'flight',
      geometry: { type: 'LineString', coordinates: [[177.5, 64.73], [-179.5, 65.2], [-170, 65.3], [-165.4, 64.5]] },
      properties: { kind: 'route', mode: 'flight', name: 'Across the date line', stops: ['anadyr', 'nome'] },
    },
  ];
  const [b, s, o] = await Promise.all([
    workerBrowser(),
    serveBuiltApp({}, {
      '/stories/huge.geojson': (_req, res) => {
        // 20 MB without a Content-Length: the app must count the bytes itself and stop.
        res.writeHead(200, { 'content-type': 'application/geo+json' });
        const chunk = 'x'.repeat(1024 * 1024);
        let sent = 0;
        const write = (): void => {
          while (sent < 20) {
            sent += 1;
            if (!res.write(chunk)) return void res.once('drain', write);
          }
          res.end();
        };
        res.on('error', () => {});
        write();
      },
      '/stories/deep.geojson': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/geo+json' });
        res.end(`{"type":"FeatureCollection","features":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
      },
      '/stories/page.html': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<!doctype html><html><head><title>Not found</title></head><body>Sorry</body></html>');
      },
      '/stories/never.geojson': () => {
        // Never answers: the app must give up with a message.
      },
      ...hostileRoutes(),
      '/stories/antimeridian.geojson': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/geo+json' });
        res.end(JSON.stringify(antimeridian));
      },
    }),
    serveBuiltApp({ 'access-control-allow-origin': '*' }),
  ]);
  [browser, server, otherOrigin] = [b, s, o];
});

afterAll(async () => {
  await tabs.close();
  await Promise.all([browser?.close(), server?.close(), otherOrigin?.close()]);
});

/**
 * The colour the basemap canvas has under a point of the page (markers do not paint into it),
 * or an empty list where the canvas is transparent: the sea-coloured background shows there.
 */
async function basemapColourAt(page: Page, x: number, y: number): Promise<number[]> {
  return page.evaluate(
    ([px, py]) => {
      const canvas = document.querySelector<HTMLCanvasElement>('.leaflet-sm-basemap-pane canvas');
      if (!canvas) return [];
      const rect = canvas.getBoundingClientRect();
      const scale = canvas.width / rect.width;
      const data = canvas.getContext('2d')!.getImageData(Math.round((px! - rect.left) * scale), Math.round((py! - rect.top) * scale), 1, 1).data;
      return data[3] === 0 ? [] : [data[0]!, data[1]!, data[2]!];
    },
    [x, y],
  );
}

async function markerCentre(page: Page, name: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator('.leaflet-marker-pane [role="button"]').filter({ hasText: name }).locator('.sm-marker__dot').boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const near = (a: number[], b: number[]): boolean => a.length === b.length && a.every((v, i) => Math.abs(v - b[i]!) <= 3);

describe('with every tile request blocked', () => {
  it('notices, stops asking for tiles, says so, and draws land and sea from the bundled basemap', async () => {
    const { page, log } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    // A clock the test can move: time flows as usual until it is jumped ahead below.
    await page.clock.install();
    await page.goto(`${server.origin}/`);
    const note = page.getByText('Map tiles unavailable, showing a simplified map');
    await expect.poll(() => note.isVisible(), { timeout: 8000 }).toBe(true);
    await expect.poll(() => page.locator('.sm-map').getAttribute('data-basemap')).toBe('primorye-korea-10m-z7');
    // The opening view frames the Russian Far East: under the Khasan marker is land; towards the
    // map's bottom right, the Sea of Japan is sea.
    const box = (await page.locator('.sm-map').boundingBox())!;
    const khasan = await markerCentre(page, 'Khasan');
    await expect.poll(async () => near(await basemapColourAt(page, khasan.x, khasan.y), LAND)).toBe(true);
    expect(near(await basemapColourAt(page, box.x + box.width * 0.85, box.y + box.height * 0.75), SEA)).toBe(true);
    const tileRequests = log.blockedRequests.filter((url) => url.includes('tile.openstreetmap.org'));
    // Given up: no tile is asked for again until the first probe, 30 s on (29 s of the page's time pass here).
    await page.clock.runFor(29_000);
    expect(log.blockedRequests.filter((url) => url.includes('tile.openstreetmap.org'))).toHaveLength(tileRequests.length);
    // Then one probe tile, and no more when it fails too.
    await page.clock.runFor(2_000);
    await expect.poll(() => log.blockedRequests.filter((url) => url.includes('tile.openstreetmap.org')).length).toBe(tileRequests.length + 1);
    expect(tileRequests.length).toBeGreaterThan(0);
    expect(tileRequests.length).toBeLessThanOrEqual(30);
    // The note can be dismissed.
    await page.getByRole('button', { name: 'Dismiss this note' }).click();
    expect(await note.isVisible()).toBe(false);
    expect(unexpectedConsoleErrors(log)).toEqual([]);
    await page.context().close();
  });

  it('puts each of the six places on land, Russky Island on the island, at the zoom a reader uses', async () => {
    // Without the camera's flights, which are not what this test is about.
    const { page } = await tabs.open({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    await page.goto(`${server.origin}/?tiles=none`);
    for (const [name, layer] of [
      ['Russky Island', 'primorye-korea-10m'],
      ['Khasan', 'primorye-korea-10m'],
      ['Vladivostok', 'primorye-korea-10m'],
      ['Seoul', 'primorye-korea-10m'],
      ['Moscow', 'asia-110m'],
      ['Hanoi', 'asia-110m'],
    ] as const) {
      await page.getByRole('region', { name: 'All places' }).getByRole('button', { name: new RegExp(`^${name}`) }).click();
      await expect.poll(() => page.locator('.sm-map').getAttribute('data-basemap'), { timeout: 5000 }).toBe(layer);
      await cameraStill(page); // the camera flies, then the canvas redraws (polled below)
      const { x, y } = await markerCentre(page, name);
      await expect.poll(async () => near(await basemapColourAt(page, x, y), LAND), { message: `${name} on land` }).toBe(true);
      await page.getByRole('button', { name: '← All places' }).click();
    }
  });

  it('makes no request to any other host when tiles are off', async () => {
    // Without the flight (not what this test is about): the camera comes to Khasan at once.
    const { page, log } = await tabs.open({ reducedMotion: 'reduce' });
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${server.origin}/?tiles=none`);
    await page.locator('.leaflet-marker-pane [role="button"]').filter({ hasText: 'Khasan' }).click();
    // Once the flight to Khasan has ended and its basemap is drawn, every request it made is in.
    await page.locator('.sm-map[data-camera="still"][data-basemap="primorye-korea-10m"]').waitFor();
    await page.waitForLoadState('networkidle');
    expect(requested.filter((url) => !url.startsWith(server.origin))).toEqual([]);
    expect(log.blockedRequests).toEqual([]);
    expect(await page.getByText('Map tiles unavailable').isVisible()).toBe(false);
  });
});

describe('hostile and broken story files, through ?story=', () => {
  async function alertFor(query: string, timeout = 5000): Promise<{ text: string; page: Page; pwned: unknown }> {
    const { page, log } = await tabs.open();
    await page.goto(`${server.origin}/${query}`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count(), { timeout }).toBe(1);
    const text = await alert.innerText();
    const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
    expect(log.pageErrors).toEqual([]);
    return { text, page, pwned };
  }

  it('refuses a 20 MB file, naming the size limit, after showing that it is loading', async () => {
    const { page } = await tabs.open();
    await page.goto(`${server.origin}/?story=stories/huge.geojson`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count(), { timeout: 10_000 }).toBe(1);
    expect(await alert.innerText()).toContain('larger than 10 MB, the limit for story files');
  });

  it('shows a loading state while the story arrives', async () => {
    const { page } = await tabs.open();
    await page.goto(`${server.origin}/?story=stories/never.geojson`);
    expect(await page.getByRole('status').first().innerText()).toMatch(/Loading the story/);
  });

  it('refuses deeply nested JSON with a message', async () => {
    const { text } = await alertFor('?story=stories/deep.geojson');
    expect(text).toContain('more than 64 levels deep');
  });

  it('says when the URL returns a web page instead of JSON', async () => {
    const { text } = await alertFor('?story=stories/page.html');
    expect(text).toContain('The file is HTML, not JSON');
  });

  it('says when the story URL never answers', async () => {
    const { page, log } = await openPage(browser);
    await page.clock.install();
    await page.goto(`${server.origin}/?story=stories/never.geojson`);
    await page.getByRole('status').first().waitFor();
    // Fifteen seconds of the page's time, at once.
    await page.clock.runFor(15_500);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('stories/never.geojson did not arrive within 15 seconds');
    expect(log.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('says so when the story the site ships with cannot be fetched (server error, cut connection)', async () => {
    for (const [answer, expected] of [
      ['500', 'The story could not be loaded: the server answered HTTP 500. Reloading may help.'],
      ['abort', 'The story could not be loaded: the connection failed. Check it and reload the page.'],
    ] as const) {
      const { page, log } = await tabs.open();
      await page.route('**/assets/kim-putin-2019.story-*.json', (route) =>
        answer === 'abort' ? route.abort('connectionreset') : route.fulfill({ status: 500, body: 'oops' }),
      );
      await page.goto(`${server.origin}/`);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toContain(expected);
      // With a way to try again, and nothing half-shown.
      expect(await alert.getByRole('link', { name: 'Try again' }).count()).toBe(1);
      expect(await page.locator('.sm-map').count()).toBe(0);
      expect(log.pageErrors).toEqual([]);
    }
  });

  it('refuses a story from an origin the site does not allow, saying why', async () => {
    const url = `${otherOrigin.origin}/fixtures/minimal-story.geojson`;
    const { text, page } = await alertFor(`?story=${encodeURIComponent(url)}`);
    expect(text).toContain(`This page does not show stories from ${otherOrigin.origin}`);
    // The page's only main heading is the problem's, never the refused story's title.
    expect(await page.locator('h1').allTextContents()).toEqual(['The story could not be loaded']);
  });

  it('refuses a javascript: story URL', async () => {
    const { text, pwned } = await alertFor('?story=javascript:window.__pwned=1');
    expect(text).toContain('is not a web address');
    expect(pwned).toBeUndefined();
  });

  it('shows duplicate ids, string numbers and a one-vertex route as problems', async () => {
    for (const [file, expected] of [
      ['invalid/duplicate-ids.geojson', 'The id "north-harbour" is already used by feature 0'],
      ['invalid/bad-geometry.geojson', 'A position should have 2 or 3 elements'],
    ]) {
      const { text } = await alertFor(`?story=fixtures/${file}`);
      expect(text).toContain(expected);
    }
  });

  for (const [name, { expect: outcome }] of Object.entries(HOSTILE)) {
    it(`handles a hostile file (${name}) with a clear message or the literal text, running nothing`, async () => {
      const { page, log } = await tabs.open();
      await page.goto(`${server.origin}/?story=stories/hostile-${name}.geojson&tiles=none`);
      if (outcome instanceof RegExp) {
        await expect.poll(() => page.getByRole('alert').count()).toBe(1);
        expect(await page.getByRole('alert').innerText()).toMatch(outcome);
      } else {
        await expect.poll(() => page.locator('h1').textContent()).toBe(outcome.shows);
      }
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(log.pageErrors).toEqual([]);
    });
  }

  it('draws a route across the antimeridian the short way, not across the whole world', async () => {
    const { page } = await tabs.open({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.origin}/?story=stories/antimeridian.geojson&tiles=none`);
    const route = page.locator('path.sm-route').first();
    await expect.poll(() => route.count()).toBe(1);
    const width = (await route.boundingBox())!.width;
    const map = (await page.locator('.sm-map').boundingBox())!;
    // Anadyr to Nome is 17° of longitude: the line spans a fraction of the map, not all of it.
    expect(width).toBeLessThan(map.width / 2);
  });

  it('ends an unexpected failure during start-up in a readable panel with the detail folded away', async () => {
    const { page, log } = await tabs.open();
    // Break something the app relies on, as an odd browser or extension might.
    await page.addInitScript(() => {
      Intl.DateTimeFormat = function broken() {
        throw new Error('Intl is broken here');
      } as unknown as typeof Intl.DateTimeFormat;
    });
    await page.goto(`${server.origin}/`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.getByRole('heading').innerText()).toBe('Something went wrong');
    const details = alert.locator('details');
    expect(await details.getAttribute('open')).toBeNull();
    expect(await details.locator('pre').textContent()).toContain('Intl is broken here');
    expect(log.consoleErrors.join('\n')).toContain('Intl is broken here');
  });
});

describe('under a strict Content Security Policy', () => {
  it('runs with no inline scripts, no eval and no violations', async () => {
    const strict = await serveBuiltApp({ 'content-security-policy': CSP });
    try {
      const { page, log } = await tabs.open();
      await page.addInitScript(() => {
        (window as unknown as { __violations: string[] }).__violations = [];
        document.addEventListener('securitypolicyviolation', (event) => {
          (window as unknown as { __violations: string[] }).__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      await page.goto(`${strict.origin}/?tiles=none`);
      await page.locator('.leaflet-marker-pane [role="button"]').filter({ hasText: 'Khasan' }).click();
      await expect.poll(() => page.getByRole('region', { name: 'Khasan', exact: true }).count()).toBe(1);
      await expect.poll(() => page.locator('.sm-map').getAttribute('data-basemap')).not.toBeNull();
      expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
      expect(unexpectedConsoleErrors(log)).toEqual([]);
    } finally {
      await strict.close();
    }
  });
});
