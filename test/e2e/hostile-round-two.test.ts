import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTabPool, workerBrowser, unexpectedConsoleErrors, type PageLog, type TestBrowser } from './support/browser.ts';
import { serveBuiltApp } from './support/app.ts';
import type { StaticServer } from './support/static-server.ts';

// The second round of hostile and messy input (issue 10): redirects past the allow-list, broken
// transfers, encodings, names that are also JavaScript's, and files big enough to freeze a page.

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const minimal = (): Record<string, any> => JSON.parse(fixture('minimal-story.geojson'));

/** The minimal story with a route between its two harbours, in `mode`, and its ids replaced. */
function withRoute(mode: string, firstId = 'north-harbour'): string {
  const story = minimal();
  story.features[0].id = firstId;
  story.features.push({
    type: 'Feature',
    id: 'crossing',
    geometry: { type: 'LineString', coordinates: [[10.75, 59.9], [10.6, 59.6], [10.4, 59.2]] },
    properties: { kind: 'route', mode, name: 'The crossing', stops: [firstId, 'south-harbour'] },
  });
  return JSON.stringify(story);
}

const send =
  (body: string | Buffer, headers: Record<string, string | number> = {}) =>
  (_req: unknown, res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'application/geo+json', ...headers });
    res.end(body);
  };

let browser: TestBrowser;
let server: StaticServer;
let other: StaticServer;
const tabs = createTabPool(() => browser);

beforeAll(async () => {
  [browser, other] = await Promise.all([workerBrowser(), serveBuiltApp({ 'access-control-allow-origin': '*' })]);
  const latin1 = Buffer.from(fixture('minimal-story.geojson').replace('Two harbours', 'Café Zürich'), 'latin1');
  const text = JSON.stringify(minimal());
  const manyPassages = minimal();
  manyPassages.story.paragraphs = Array.from({ length: 50_000 }, (_, i) => ({ id: `p${i}`, text: `Passage ${i} about North Harbour.` }));
  manyPassages.features[0].properties.passages = manyPassages.story.paragraphs.map((p: { id: string }) => p.id);
  manyPassages.features[1].properties.passages = ['p0'];
  const longParagraph = minimal();
  longParagraph.story.paragraphs[0].text = 'The ferry left North Harbour at dawn. '.repeat(6000);
  const manyPlaces = minimal();
  manyPlaces.features = Array.from({ length: 600 }, (_, i) => ({
    type: 'Feature',
    id: `place-${i}`,
    geometry: { type: 'Point', coordinates: [10 + (i % 30) / 10, 59 + Math.floor(i / 30) / 20] },
    properties: { name: `Place ${i}`, passages: ['a'] },
  }));
  const onePoint = minimal();
  onePoint.features = Array.from({ length: 450 }, (_, i) => ({
    type: 'Feature',
    id: `stall-${i}`,
    geometry: { type: 'Point', coordinates: [10.75, 59.9] },
    properties: { name: `Stall ${i}`, passages: ['a'] },
  }));
  server = await serveBuiltApp({}, {
    '/stories/one-point.geojson': send(JSON.stringify(onePoint)),
    '/stories/redirect.geojson': (_req, res) => {
      res.writeHead(302, { location: `${other.origin}/fixtures/minimal-story.geojson` });
      res.end();
    },
    '/stories/cut.geojson': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/geo+json', 'content-length': text.length * 2 });
      res.write(text.slice(0, 200));
      setImmediate(() => res.destroy());
    },
    '/stories/corrupt-gzip.geojson': send(Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3]), Buffer.alloc(4000, 0xa5)]), {
      'content-encoding': 'gzip',
    }),
    '/stories/latin1.geojson': send(latin1),
    '/stories/utf16.geojson': send(Buffer.from(`\ufeff${text}`, 'utf16le')),
    '/stories/truncated.geojson': send(text.slice(0, Math.floor(text.length / 2))),
    '/stories/duplicate-key.geojson': send(text.replace('"passages":["c","a"]', '"passages":["c","a"],"passages":[]')),
    '/stories/mode-constructor.geojson': send(withRoute('constructor', 'constructor')),
    '/stories/mode-proto.geojson': send(withRoute('__proto__')),
    '/stories/mode-tostring.geojson': send(withRoute('toString')),
    '/stories/tile-token.geojson': send(
      JSON.stringify({ ...minimal(), story: { ...minimal().story, tiles: { url: 'https://t.example/{z}/{x}/{y}.png?key={accessToken}', attribution: 'T' } } }),
    ),
    '/stories/language.geojson': send(JSON.stringify({ ...minimal(), story: { ...minimal().story, language: 'en-GB-GB' } })),
    '/stories/many-passages.geojson': send(JSON.stringify(manyPassages)),
    '/stories/long-paragraph.geojson': send(JSON.stringify(longParagraph)),
    '/stories/many-places.geojson': send(JSON.stringify(manyPlaces)),
  });
});

afterAll(async () => {
  await tabs.close();
  await Promise.all([browser?.close(), server?.close(), other?.close()]);
});

/** Opens `path` on the app and returns the text of the alert it shows. */
async function alertOf(path: string): Promise<{ text: string; page: Page; log: PageLog }> {
  const { page, log } = await tabs.open();
  await page.goto(`${server.origin}${path}`);
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: 10_000 });
  const text = await alert.innerText();
  expect(log.pageErrors).toEqual([]);
  return { text, page, log };
}

describe('the story-origin allow-list', () => {
  for (const page of ['/', '/embed.html']) {
    it(`refuses a story that redirects to another origin (${page})`, async () => {
      const { text, page: opened } = await alertOf(`${page}?story=stories/redirect.geojson&tiles=none`);
      expect(text).toContain(`redirects to ${other.origin}/fixtures/minimal-story.geojson`);
      expect(text).toContain(`This page does not show stories from ${other.origin}`);
      // Nothing of the forged story is shown under the site's name.
      expect(await opened.getByText('Two harbours').count()).toBe(0);
    });
  }
});

describe('broken transfers and encodings', () => {
  it('says a cut connection arrived broken, not that it timed out', async () => {
    const { text } = await alertOf('/?story=stories/cut.geojson&tiles=none');
    expect(text).toContain('arrived broken');
    expect(text).not.toContain('seconds');
  });

  it('says a file with damaged compression arrived broken', async () => {
    const { text } = await alertOf('/?story=stories/corrupt-gzip.geojson&tiles=none');
    expect(text).toContain('arrived broken: the connection was cut before its end, or its compressed data is damaged');
    expect(text).not.toContain('seconds');
  });

  it('names a Latin-1 file as not UTF-8 instead of showing "Caf� Z�rich"', async () => {
    const { text } = await alertOf('/?story=stories/latin1.geojson&tiles=none');
    expect(text).toContain('is not UTF-8 text');
    expect(text).toContain('Latin-1');
    expect(text).toContain('(line 4)');
  });

  it('names a UTF-16 file', async () => {
    const { text } = await alertOf('/?story=stories/utf16.geojson&tiles=none');
    expect(text).toContain('saved as UTF-16');
  });

  it('says a truncated file was cut short, with no internal error', async () => {
    const { text } = await alertOf('/?story=stories/truncated.geojson&tiles=none');
    expect(text).toContain('ends in the middle of its JSON');
    expect(text).not.toMatch(/TypeError|undefined/);
  });

  it('never shows a password from the story URL, and shortens a very long URL', async () => {
    const long = `http://reader:hunter2@${new URL(server.origin).host}/stories/${'x'.repeat(3000)}.geojson`;
    const { text } = await alertOf(`/?story=${encodeURIComponent(long)}&tiles=none`);
    expect(text).not.toContain('hunter2');
    expect(text).toContain('…');
    expect(text.length).toBeLessThan(500);
  });

  it('shortens a very long unknown step in its note', async () => {
    const { page } = await tabs.open();
    await page.goto(`${server.origin}/?tiles=none#${'y'.repeat(5000)}`);
    const note = page.locator('.sm-note');
    await note.waitFor();
    const text = await note.innerText();
    expect(text).toContain('This story has no step called');
    expect(text.length).toBeLessThan(200);
  });
});

describe('valid files that look like JavaScript', () => {
  for (const mode of ['constructor', 'proto', 'tostring']) {
    it(`shows a story whose route mode is ${mode} and follows its journey`, async () => {
      const { page, log } = await tabs.open();
      await page.goto(`${server.origin}/?story=stories/mode-${mode}.geojson&tiles=none`);
      await page.getByRole('heading', { name: 'All places' }).waitFor();
      await page.getByRole('button', { name: /Follow the journey/ }).click();
      const slider = page.getByRole('slider');
      await slider.waitFor();
      await slider.press('End');
      await expect.poll(() => slider.getAttribute('aria-valuetext')).toMatch(/^South Harbour, \d+ km from North Harbour/);
      expect(await slider.getAttribute('aria-valuetext')).not.toMatch(/NaN|function|Object/);
      expect(log.pageErrors).toEqual([]);
      expect(unexpectedConsoleErrors(log)).toEqual([]);
    });
  }

  it('reports a tile URL the map cannot fill, and a language tag browsers refuse, instead of crashing', async () => {
    const tiles = await alertOf('/?story=stories/tile-token.geojson');
    expect(tiles.text).toContain('{accessToken}, which the map cannot fill');
    const language = await alertOf('/?story=stories/language.geojson&tiles=none');
    expect(language.text).toContain('is not a language tag that browsers understand');
  });
});

describe('text that would be lost silently', () => {
  it('reports a key written twice in one object', async () => {
    const { text } = await alertOf('/?story=stories/duplicate-key.geojson&tiles=none');
    expect(text).toContain('feature 0 ("north-harbour"): properties.passages: "passages" is written twice in the same object');
  });
});

describe('files big enough to freeze a page', () => {
  it('shows 50,000 passages of one place 200 at a time', async () => {
    const { page, log } = await tabs.open();
    await page.goto(`${server.origin}/?story=stories/many-passages.geojson&tiles=none#north-harbour`);
    const region = page.getByRole('region', { name: 'North Harbour' });
    await region.waitFor({ timeout: 20_000 });
    await expect.poll(() => region.locator('.sm-passage').count()).toBe(200);
    const more = region.getByRole('button', { name: 'Show 200 more passages (49,800 left)' });
    await more.click();
    await expect.poll(() => region.locator('.sm-passage').count()).toBe(400);
    expect(await region.getByRole('button', { name: /Show 200 more passages \(49,600 left\)/ }).count()).toBe(1);
    expect(log.pageErrors).toEqual([]);
  });

  it('shows a 230,000-character paragraph whole, in parts, linking its first 100 place names', async () => {
    const { page } = await tabs.open({ viewport: { width: 1600, height: 900 } });
    await page.goto(`${server.origin}/?story=stories/long-paragraph.geojson&tiles=none`);
    const paragraph = page.locator('.sm-article p[data-paragraph="a"]');
    await paragraph.waitFor({ timeout: 20_000 });
    const expected = 'The ferry left North Harbour at dawn. '.repeat(6000);
    expect(await paragraph.evaluate((p) => p.textContent)).toBe(expected);
    expect(await paragraph.locator('.sm-text-part').count()).toBeGreaterThan(50);
    expect(await paragraph.locator('a.sm-mention').count()).toBe(100);
    expect(await paragraph.getAttribute('dir')).toBe('auto');
  });
});

describe('bounds', () => {
  it('fans 450 places at one point out within the map, each still a separate target', async () => {
    const { page, log } = await tabs.open({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.origin}/?story=stories/one-point.geojson&tiles=none`);
    await page.getByRole('heading', { name: 'All places' }).waitFor();
    const dots = page.locator('.leaflet-marker-pane .sm-marker__dot');
    await expect.poll(() => dots.count()).toBe(450);
    const map = (await page.locator('.sm-map').boundingBox())!;
    const centres = await dots.evaluateAll((elements) =>
      elements.map((e) => {
        const r = e.getBoundingClientRect();
        return [r.left + r.width / 2, r.top + r.height / 2] as const;
      }),
    );
    const outside = centres.filter(([x, y]) => x < map.x || x > map.x + map.width || y < map.y || y > map.y + map.height);
    expect(outside).toEqual([]);
    // Spread out, not all stacked: no two centres closer than 10 px.
    const closest = Math.min(...centres.flatMap(([x, y], i) => centres.slice(i + 1).map(([u, v]) => Math.hypot(x - u, y - v))));
    expect(closest).toBeGreaterThan(10);
    expect(log.pageErrors).toEqual([]);
  });
});

describe('parts that fail to load say so', () => {
  it('draws 600 places as markers when the canvas-dots code fails to load', async () => {
    const { page, log } = await tabs.open();
    await page.route(/create-place-dots-[\w-]+\.js$/, (route) => route.abort('failed'));
    await page.goto(`${server.origin}/?story=stories/many-places.geojson&tiles=none`);
    await page.getByRole('heading', { name: 'All places' }).waitFor();
    await expect.poll(() => page.locator('.leaflet-marker-pane [role="button"]').count()).toBe(600);
    expect(await page.getByText('Something went wrong').count()).toBe(0);
    expect(log.pageErrors).toEqual([]);
  });

  it('says so when the list of places cannot be loaded, and keeps the map', async () => {
    const { page } = await tabs.open();
    await page.route(/create-list-view-[\w-]+\.js$/, (route) => route.abort('failed'));
    await page.goto(`${server.origin}/?tiles=none`);
    const toggle = page.getByRole('button', { name: 'List of places' });
    await toggle.click();
    await expect.poll(() => page.locator('.sm-note').innerText()).toContain('The list of places could not be loaded');
    expect(await toggle.innerText()).toBe('List of places');
    expect(await page.locator('.sm-map').isVisible()).toBe(true);
  });

  it('says so when the embed code cannot be loaded', async () => {
    const { page } = await tabs.open();
    await page.route(/embed-code-dialog-[\w-]+\.js$/, (route) => route.abort('failed'));
    await page.goto(`${server.origin}/?tiles=none`);
    await page.getByRole('button', { name: 'Embed' }).click();
    await expect.poll(() => page.locator('.sm-note').innerText()).toContain('The embed code could not be loaded');
  });

  it('notes on the map when the bundled basemap cannot be loaded', async () => {
    const { page } = await tabs.open();
    await page.route(/\.topo-[\w-]+\.json$/, (route) => route.abort('failed'));
    await page.goto(`${server.origin}/?tiles=none`);
    await expect
      .poll(() => page.locator('.sm-notice:not([hidden])').innerText().catch(() => ''))
      .toContain('The simplified map is unavailable: the places are shown on a plain background');
  });

  it('reads the story on the page itself where workers are forbidden', async () => {
    const { page, log } = await tabs.open();
    await page.route(/\/index\.html$|\/\?|\/$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "worker-src 'none'" } });
    });
    // The story arrives after the refused worker has said so (about 20 ms): that early word must
    // not be lost (it was, and the page waited for ever).
    await page.route('**/fixtures/minimal-story.geojson', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    const warnings: string[] = [];
    page.on('console', (message) => void (message.type() === 'warning' && warnings.push(message.text())));
    await page.goto(`${server.origin}/?story=fixtures/minimal-story.geojson&tiles=none`);
    await page.getByRole('heading', { name: 'Two harbours' }).waitFor();
    expect(warnings.join('\n')).toContain('The story file is checked on the page itself');
    expect(log.pageErrors).toEqual([]);
  });
});

describe('Trusted Types (opt-in, docs/hosting.md)', () => {
  const CSP_TT =
    "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; connect-src 'self'; " +
    "require-trusted-types-for 'script'; trusted-types default";

  /** Opens `path` as a site that enforces Trusted Types and built with VITE_TRUSTED_TYPES=on serves it. */
  async function openEnforced(path: string): Promise<{ page: Page; log: PageLog; violations: () => Promise<string[]>; warnings: string[] }> {
    const { page, log } = await tabs.open({ viewport: { width: 1280, height: 800 } });
    await page.route((url) => url.pathname === '/' || url.pathname === '/index.html' || url.pathname === '/embed.html', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('<head>', '<head><script src="./trusted-types.js"></script>');
      await route.fulfill({ response, body, headers: { ...response.headers(), 'content-security-policy': CSP_TT } });
    });
    await page.addInitScript(() => {
      (window as unknown as { __violations: string[] }).__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective}: ${e.sample}`));
    });
    const warnings: string[] = [];
    page.on('console', (message) => void (message.type() === 'warning' && warnings.push(message.text())));
    await page.goto(`${server.origin}${path}`);
    // Enforced, and limited: markup other than Leaflet's is refused.
    const probe = await page.evaluate(() => {
      try {
        // The probe: markup that the policy must refuse.
        // eslint-disable-next-line no-restricted-syntax
        document.createElement('div').innerHTML = '<img src=x onerror="window.__pwned=1">';
        return 'allowed';
      } catch {
        return 'refused';
      }
    });
    expect(probe).toBe('refused');
    return { page, log, warnings, violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations) };
  }

  it('shows the full page, its controls and a story read in its worker, with no violation', async () => {
    const { page, log, violations, warnings } = await openEnforced('/?story=stories/mode-constructor.geojson');
    await page.getByRole('heading', { name: 'All places' }).waitFor();
    await page.locator('.leaflet-marker-pane [role="button"]').filter({ hasText: 'South Harbour' }).click();
    await page.getByRole('heading', { name: 'South Harbour', level: 2 }).waitFor();
    expect(await page.locator('.leaflet-control-zoom-in').innerText()).toBe('+');
    expect(await page.locator('.leaflet-control-attribution').innerText()).toContain('Natural Earth');
    expect(warnings.join('\n')).not.toContain('checked on the page itself');
    expect((await violations()).filter((v) => !v.includes('onerror'))).toEqual([]);
    expect(log.pageErrors).toEqual([]);
  });

  it('shows the embed page with no violation', async () => {
    const { page, log, violations } = await openEnforced('/embed.html?tiles=none');
    await page.getByRole('heading', { name: 'All places' }).waitFor();
    expect(await page.locator('.leaflet-marker-pane [role="button"]').count()).toBe(6);
    expect((await violations()).filter((v) => !v.includes('onerror'))).toEqual([]);
    expect(log.pageErrors).toEqual([]);
  });
});
