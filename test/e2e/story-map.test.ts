import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { unexpectedConsoleErrors, type PageLog, type TabOptions, cameraStill } from './support/browser.ts';
import { useBuiltApp } from './support/harness.ts';

const PLACES = ['Khasan', 'Vladivostok', 'Russky Island', 'Moscow', 'Seoul', 'Hanoi'];

const app = useBuiltApp();

/**
 * The app, in Los Angeles' time zone (the date must stay the one the story names). Without the
 * camera's flights unless a test asks for them: a flight costs over a second of this machine's
 * time, and only the test of switching places is about one.
 */
async function openApp(query = '', { reducedMotion = 'reduce' }: Pick<TabOptions, 'reducedMotion'> = {}): Promise<{ page: Page; log: PageLog }> {
  return app.tab(`/${query}`, { timezoneId: 'America/Los_Angeles', viewport: { width: 1280, height: 800 }, reducedMotion });
}

const marker = (page: Page, name: string) => page.locator('.leaflet-marker-pane [role="button"]').filter({ hasText: name });

describe('the default story', () => {
  it('shows one marker per place, each with an accessible name that begins with the place name', async () => {
    const { page, log } = await openApp();
    const markers = page.locator('.leaflet-marker-pane [role="button"]');
    await expect.poll(() => markers.count()).toBe(6);
    const names = await markers.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''));
    for (const place of PLACES) expect(names.some((name) => name.startsWith(place))).toBe(true);
    expect(unexpectedConsoleErrors(log)).toEqual([]);
    expect(log.pageErrors).toEqual([]);
  });

  it('shows the title block, with the date as the calendar date it names even in Los Angeles', async () => {
    const { page } = await openApp();
    await expect.poll(() => page.locator('h1').textContent()).toBe('An upbeat Kim arrives in Russia, ready for his Putin summit');
    const header = await page.locator('header.sm-title').innerText();
    expect(header).toContain('By Hyung-Jin Kim and Kim Tong-Hyung');
    expect(header).toContain('Associated Press');
    expect(header).toContain('April 24, 2019');
    expect(header).toContain('VLADIVOSTOK, RUSSIA');
  });

  it('opens Khasan on click: a region headed "Khasan" with the sentence about Russian officials at Khasan station', async () => {
    const { page } = await openApp();
    await marker(page, 'Khasan').click();
    const region = page.getByRole('region', { name: 'Khasan', exact: true });
    await expect.poll(() => region.count()).toBe(1);
    expect(await region.innerText()).toContain('Kim first met with Russian officials at Russia’s Khasan train station');
    expect(await marker(page, 'Khasan').getAttribute('class')).toContain('is-active');
  });

  it('opens Hanoi, out of the opening view, from its pointer at the map’s edge: the February summit paragraph, not the borscht one', async () => {
    const { page } = await openApp();
    // The opening view frames the Russian Far East; Hanoi is a pointer at the edge, with its distance.
    const pointer = page.locator('.sm-edge').filter({ hasText: 'Hanoi' });
    expect(await pointer.innerText()).toMatch(/Hanoi\s*3\u202f\d00 km/);
    await pointer.click();
    const region = page.getByRole('region', { name: 'Hanoi', exact: true });
    await expect.poll(() => region.count()).toBe(1);
    const text = await region.innerText();
    expect(text).toContain('In February, Kim’s second summit with Trump in Hanoi ended without any agreement');
    expect(text).not.toContain('borscht');
  });

  it('switches places on a click on another marker, marks only the current one, and brings it into view', async () => {
    const { page } = await openApp('', { reducedMotion: 'no-preference' });
    await page.getByRole('region', { name: 'All places' }).getByRole('button', { name: /^Vladivostok/ }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Vladivostok', exact: true }).count()).toBe(1);
    await cameraStill(page);
    await marker(page, 'Russky Island').click();
    await expect.poll(() => page.getByRole('region', { name: 'Russky Island', exact: true }).count()).toBe(1);
    await expect.poll(() => page.locator('.sm-marker.is-active').count()).toBe(1);
    expect(await page.locator('.sm-marker.is-active').innerText()).toBe('Russky Island');
    // The camera settles on Russky Island: its marker lies inside the map's box.
    await expect
      .poll(async () => {
        const map = await page.locator('.sm-map').boundingBox();
        const dot = await marker(page, 'Russky Island').boundingBox();
        return !!map && !!dot && dot.x > map.x && dot.x < map.x + map.width && dot.y > map.y && dot.y < map.y + map.height;
      })
      .toBe(true);
  });

  it('opens a place from the keyboard alone, with Enter and with Space', async () => {
    const { page } = await openApp();
    const khasan = marker(page, 'Khasan');
    await khasan.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('region', { name: 'Khasan', exact: true }).count()).toBe(1);
    await marker(page, 'Seoul').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('region', { name: 'Seoul', exact: true }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Seoul', exact: true }).innerText()).toContain('Korea Institute for National Unification in Seoul');
    // The marker keeps focus, so the reader can Tab on to the next place.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Seoul/);
  });

  for (const [width, height] of [[1280, 800], [390, 844]] as const) {
    it(`frames the train's journey at first and points to Moscow, Seoul and Hanoi from the map's edge (${width}x${height})`, async () => {
      const { page } = await app.tab('/?tiles=none', { viewport: { width, height }, reducedMotion: 'reduce' });
      await cameraStill(page);
      const map = (await page.locator('.sm-map').boundingBox())!;
      const inside = (b: { x: number; y: number; width: number; height: number }) =>
        b.x >= map.x && b.y >= map.y && b.x + b.width <= map.x + map.width && b.y + b.height <= map.y + map.height;
      // The story's focus, far apart enough to read: Khasan, Vladivostok and Russky Island in view.
      for (const name of ['Khasan', 'Vladivostok', 'Russky Island']) {
        expect(inside((await marker(page, name).locator('.sm-marker__dot').boundingBox())!), name).toBe(true);
      }
      const khasan = (await marker(page, 'Khasan').locator('.sm-marker__dot').boundingBox())!;
      const vladivostok = (await marker(page, 'Vladivostok').locator('.sm-marker__dot').boundingBox())!;
      expect(Math.hypot(khasan.x - vladivostok.x, khasan.y - vladivostok.y)).toBeGreaterThan(50);
      // The far places: a pointer each, on the map, clear of its controls and of each other,
      // its arrow turned towards the place (Moscow to the west, Hanoi to the south-west).
      const pointers = await page.locator('.sm-edge:not([hidden])').evaluateAll((nodes) =>
        nodes.map((node) => {
          const r = node.getBoundingClientRect();
          const angle = new DOMMatrix(getComputedStyle(node.querySelector('.sm-edge__arrow')!).transform);
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return {
            name: node.querySelector('.sm-edge__name')!.textContent,
            box: { x: r.x, y: r.y, width: r.width, height: r.height },
            degrees: (Math.atan2(angle.b, angle.a) * 180) / Math.PI,
            onTop: node.contains(hit),
          };
        }),
      );
      // Each far place is either in view (Seoul, on a phone's taller map) or pointed to: never both, never neither.
      for (const name of ['Moscow', 'Seoul', 'Hanoi']) {
        const seen = inside((await marker(page, name).locator('.sm-marker__dot').boundingBox())!);
        expect(pointers.some((p) => p.name === name), name).toBe(!seen);
      }
      expect(pointers.map((p) => p.name)).toEqual(expect.arrayContaining(['Moscow', 'Hanoi']));
      for (const pointer of pointers) {
        expect(inside(pointer.box), pointer.name!).toBe(true);
        expect(pointer.onTop, `${pointer.name} is not covered`).toBe(true);
      }
      const degrees = Object.fromEntries(pointers.map((p) => [p.name, p.degrees]));
      expect(Math.abs(degrees.Moscow!)).toBeGreaterThan(150); // west (screen y grows downwards)
      expect(degrees.Hanoi).toBeGreaterThan(100);
      expect(degrees.Hanoi).toBeLessThan(170); // south-west
      // At Moscow, Moscow's pointer gives way to its marker, and the others point back east.
      await page.locator('.sm-edge').filter({ hasText: 'Moscow' }).click();
      await cameraStill(page);
      await expect.poll(() => page.locator('.sm-edge:not([hidden])').count()).toBe(5);
      expect(await page.locator('.sm-edge').filter({ hasText: 'Moscow' }).isHidden()).toBe(true);
    });
  }

  it('returns to the overview of all places, and opens a place from the list', async () => {
    const { page } = await openApp();
    await page.locator('.sm-edge').filter({ hasText: 'Hanoi' }).click();
    await page.getByRole('button', { name: '← All places' }).click();
    const overview = page.getByRole('region', { name: 'All places' });
    await expect.poll(() => overview.count()).toBe(1);
    await overview.getByRole('button', { name: /^Russky Island/ }).click();
    const russky = page.getByRole('region', { name: 'Russky Island', exact: true });
    await expect.poll(() => russky.count()).toBe(1);
    expect(await russky.innerText()).toContain('motorcade was spotted on Russky Island');
    // Focus moved to the new heading, since the button the reader used is gone.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Russky Island');
  });

  it('keeps the map pannable and zoomable while a place is open', async () => {
    const { page } = await openApp();
    await marker(page, 'Khasan').click();
    await cameraStill(page);
    const before = await marker(page, 'Khasan').boundingBox();
    const vladivostok = JSON.stringify(await marker(page, 'Vladivostok').boundingBox());
    await page.getByRole('button', { name: 'Zoom out' }).click();
    // The zoom has happened (Vladivostok drew nearer) and its animation has ended.
    await expect
      .poll(async () => JSON.stringify(await marker(page, 'Vladivostok').boundingBox()) !== vladivostok && (await page.locator('.leaflet-zoom-anim').count()) === 0)
      .toBe(true);
    const map = page.locator('.sm-map');
    const box = (await map.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 150, box.y + box.height / 2 - 60, { steps: 8 });
    await page.mouse.up();
    const after = await marker(page, 'Khasan').boundingBox();
    expect(Math.abs((after?.x ?? 0) - (before?.x ?? 0))).toBeGreaterThan(100);
  });
});

describe('other story files, via ?story=', () => {
  it('loads any story in the same format from a relative URL', async () => {
    const { page, log } = await openApp('?story=fixtures/story-with-route.geojson');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Two harbours');
    await expect.poll(() => page.locator('.leaflet-marker-pane [role="button"]').count()).toBe(2);
    await marker(page, 'North Harbour').click();
    const region = page.getByRole('region', { name: 'North Harbour', exact: true });
    await expect.poll(() => region.count()).toBe(1);
    // Passages in article order, whatever order the file lists them in.
    const passages = await region.locator('.sm-passage').allInnerTexts();
    expect(passages).toEqual(['The ferry left North Harbour at dawn.', 'It reached South Harbour by noon, and the crew walked back to North Harbour.']);
    expect(unexpectedConsoleErrors(log)).toEqual([]);
  });

  it('shows each problem of a broken story file in the page and in the console', async () => {
    const { page, log } = await openApp('?story=fixtures/invalid/latitude-out-of-range.geojson');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    const text = await alert.innerText();
    expect(text).toContain('This story cannot be shown');
    expect(text).toContain('feature 1 ("south-harbour"): geometry.coordinates[1]: 243.1 is not a latitude (-90..90).');
    expect(log.consoleErrors.join('\n')).toContain('243.1 is not a latitude');
    expect(log.pageErrors).toEqual([]);
  });

  it('names the URL and the HTTP status when a story file cannot be loaded', async () => {
    const { page } = await openApp('?story=fixtures/no-such-story.geojson');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    const text = await alert.innerText();
    expect(text).toContain('fixtures/no-such-story.geojson');
    expect(text).toContain('HTTP 404');
  });

  it('shows text from the story as text, and runs nothing from it', async () => {
    const { page, log } = await openApp('?story=fixtures/hostile-text.geojson');
    await expect.poll(() => page.locator('h1').textContent()).toBe('<script>window.__pwned=2</script>Two harbours');
    await marker(page, 'North').click();
    const region = page.locator('.sm-step');
    await expect.poll(() => region.locator('h2').textContent()).toBe('North <img src=x onerror="window.__pwned=1"> Harbour');
    expect(await region.innerText()).toContain('<b>Bold?</b> The ferry <script>window.__pwned=3</script> left');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('.sm-panel img, .leaflet-marker-pane img, .sm-root script, .sm-root b').count()).toBe(0);
    expect(unexpectedConsoleErrors(log)).toEqual([]);
  });
});
