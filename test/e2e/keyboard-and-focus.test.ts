import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cameraStill, type TabOptions } from './support/browser.ts';
import { useBuiltApp } from './support/harness.ts';

// Defects an audit with the keyboard and a screen reader found that axe cannot see (issue 12).

const app = useBuiltApp();

/** The app at `path`; without the camera's flights, which none of these tests is about (and which cost over a second each). */
async function open(path = '/?tiles=none', options: TabOptions = {}): Promise<Page> {
  const { page } = await app.tab(path, { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce', ...options });
  await page.locator('.sm-step h2').waitFor();
  return page;
}

const heading = (page: Page) => page.locator('.sm-step h2').textContent();

describe('keyboard and focus', () => {
  for (const [width, height] of [[1280, 800], [390, 844]] as const) {
    it(`never lengthens the page with the hidden live region (${width}x${height})`, async () => {
      // The live region sat at the end of a long story panel (1,625 px down at Vladivostok), and
      // the page scrolled on into that much blank space.
      const page = await open('/?tiles=none#vladivostok', { viewport: { width, height } });
      const [scrollHeight, viewport] = await page.evaluate(() => [document.documentElement.scrollHeight, window.innerHeight]);
      expect(scrollHeight).toBeLessThanOrEqual(viewport + 1);
    });
  }

  for (const path of ['/?tiles=none', '/embed.html?tiles=none']) {
    it(`offers a skip link to the map at the first Tab (${path})`, async () => {
      const page = await open(path, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      await page.keyboard.press('Tab');
      const skip = page.getByRole('button', { name: 'Skip to the map' });
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the map');
      const box = (await skip.boundingBox())!;
      expect(box.width).toBeGreaterThan(40);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('sm-map'))).toBe(true);
      // Unfocused, it takes no room and hides nothing.
      expect((await skip.boundingBox())!.width).toBeLessThanOrEqual(1);
    });
  }

  for (const width of [320, 1024]) {
    it(`keeps the tiles note and its close button clear of the credits (${width} px)`, async () => {
      const page = await open('/', { viewport: { width, height: 700 } });
      const close = page.locator('.sm-notice').getByRole('button', { name: 'Dismiss this note' });
      await expect.poll(() => close.isVisible(), { timeout: 8000 }).toBe(true);
      const hit = await close.evaluate((button) => {
        const r = button.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === button;
      });
      expect(hit).toBe(true);
    });
  }

  it("makes a problem the page's main heading, with a way back to the story the site ships with", async () => {
    const { page } = await app.tab('/?story=fixtures/invalid/duplicate-ids.geojson&tiles=none', { viewport: { width: 1280, height: 800 } });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['This story cannot be shown']);
    await alert.getByRole('link', { name: 'Open the story this site ships with' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('An upbeat Kim arrives in Russia, ready for his Putin summit');
    await page.context().close();
  });

  it('follows the current step in the list of places', async () => {
    const page = await open('/?tiles=none#moscow', { viewport: { width: 1280, height: 500 } });
    await page.getByRole('button', { name: 'List of places' }).click();
    const current = page.locator('.sm-list__place[aria-current="step"]');
    await expect.poll(() => current.locator('h3').textContent()).toBe('Moscow');
    const top = async () => {
      const box = await page.locator('.sm-list-box').boundingBox();
      const item = await current.boundingBox();
      return Math.abs(item!.y - box!.y);
    };
    expect(await top()).toBeLessThan(40);
    await page.getByRole('button', { name: /Next step/ }).click();
    await expect.poll(() => current.locator('h3').textContent()).toBe('Seoul');
    expect(await top()).toBeLessThan(40);
  });

  it('refits the map when the phone sheet is expanded, and opens the sheet at the passages', async () => {
    const page = await open('/?tiles=none#vladivostok', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
    await page.getByRole('button', { name: 'Expand the story' }).click();
    await cameraStill(page);
    const map = (await page.locator('.sm-map').boundingBox())!;
    const dot = (await page.locator('.sm-marker.is-active .sm-marker__dot').boundingBox())!;
    const [x, y] = [dot.x + dot.width / 2, dot.y + dot.height / 2];
    expect(x > map.x && x < map.x + map.width && y > map.y && y < map.y + map.height).toBe(true);
    // The step's heading, not the headline, is at the top of the sheet, clear of its bar.
    const bar = (await page.getByRole('button', { name: 'Show more map' }).boundingBox())!;
    const heading = (await page.getByRole('heading', { name: 'Vladivostok', level: 2 }).boundingBox())!;
    expect(heading.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
    expect(heading.y).toBeLessThan(bar.y + bar.height + 80);
  });

  it("drags the phone sheet's grab bar up and down, and still switches with a tap", async () => {
    // Motion on: the map eases to its new height and is re-measured once it gets there.
    const page = await open('/?tiles=none#russky-island', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, reducedMotion: 'no-preference' });
    const bar = page.locator('.sm-sheet-toggle');
    const mapHeight = async () => (await page.locator('.sm-map').boundingBox())!.height;
    const activeInsideMap = async () => {
      const map = (await page.locator('.sm-map').boundingBox())!;
      const dot = (await page.locator('.sm-marker.is-active .sm-marker__dot').boundingBox())!;
      const [x, y] = [dot.x + dot.width / 2, dot.y + dot.height / 2];
      return x > map.x + 10 && x < map.x + map.width - 10 && y > map.y + 10 && y < map.y + map.height - 10;
    };
    const drag = async (dy: number) => {
      const box = (await bar.boundingBox())!;
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      await page.mouse.move(x, y);
      await page.mouse.down();
      for (let i = 1; i <= 5; i += 1) await page.mouse.move(x, y + (dy * i) / 5);
      await page.mouse.up();
    };
    const tall = await mapHeight();
    await drag(-200);
    await expect.poll(() => bar.getAttribute('aria-expanded')).toBe('true');
    expect(await bar.textContent()).toBe('Show more map');
    await expect.poll(mapHeight).toBeLessThan(tall * 0.6);
    await expect.poll(activeInsideMap).toBe(true);
    await drag(200);
    await expect.poll(() => bar.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(mapHeight).toBeCloseTo(tall, 0);
    await expect.poll(activeInsideMap).toBe(true);
    // A finger that moves a few pixels is still a tap, and switches as one; so does a real tap.
    await drag(3);
    expect(await bar.getAttribute('aria-expanded')).toBe('true');
    await bar.tap();
    expect(await bar.getAttribute('aria-expanded')).toBe('false');
  });

  it('zooms with Space on the zoom buttons, as with Enter', async () => {
    const page = await open('/?tiles=none', { reducedMotion: 'reduce' });
    await cameraStill(page);
    const distance = () =>
      page.evaluate(() => {
        const centre = (name: string) => {
          const marker = [...document.querySelectorAll('.leaflet-marker-pane [role="button"]')].find((m) => m.textContent?.startsWith(name))!;
          const box = marker.querySelector('.sm-marker__dot')!.getBoundingClientRect();
          return [box.left + box.width / 2, box.top + box.height / 2] as const;
        };
        const [a, b] = [centre('Moscow'), centre('Hanoi')];
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
      });
    const before = await distance();
    await page.locator('.leaflet-control-zoom-in').focus();
    await page.keyboard.press('Space');
    await expect.poll(distance).toBeGreaterThan(before * 1.5);
  });

  it('keeps focus in the story after a note is dismissed', async () => {
    const page = await open('/?tiles=none#no-such-step');
    await page.getByRole('button', { name: 'Dismiss this note' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('All places');
  });

  it('returns focus to the map after its tiles note is dismissed', async () => {
    const page = await open('/');
    const close = page.locator('.sm-notice').getByRole('button', { name: 'Dismiss this note' });
    await expect.poll(() => close.isVisible(), { timeout: 8000 }).toBe(true);
    await close.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('sm-map'))).toBe(true);
  });

  it('leaves Home and End to the list of places, and offers the way back after panning with the arrows', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'List of places' }).click();
    const list = page.getByRole('region', { name: 'List of places' });
    await list.getByRole('heading', { level: 3 }).first().waitFor();
    await list.evaluate((region) => region.setAttribute('tabindex', '-1'));
    await list.focus();
    await page.keyboard.press('End');
    expect(await heading(page)).toBe('All places');
    await page.getByRole('button', { name: 'Show the map' }).click();
    await cameraStill(page);
    await page.locator('.sm-map').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('button', { name: /Back to the story/ }).isVisible()).toBe(true);
  });

  it('names its toggles by what they do, without also calling them pressed', async () => {
    const page = await open();
    const list = page.getByRole('button', { name: 'List of places' });
    expect(await list.getAttribute('aria-pressed')).toBeNull();
    await list.click();
    expect(await page.getByRole('button', { name: 'Show the map' }).getAttribute('aria-pressed')).toBeNull();
    await page.getByRole('button', { name: 'Show the map' }).click();
    await page.getByRole('button', { name: 'Follow the train' }).click();
    expect(await page.getByRole('button', { name: 'Pause' }).getAttribute('aria-pressed')).toBeNull();
  });

  it('changes the slider’s spoken value at stops only while the train plays', async () => {
    const { page } = await app.clockTab('/?tiles=none', { viewport: { width: 1280, height: 800 } });
    await page.locator('.sm-step h2').waitFor();
    await page.getByRole('button', { name: 'Follow the train' }).click();
    const slider = page.getByRole('slider', { name: 'Journey progress' });
    await slider.waitFor();
    await slider.evaluate((input) => {
      const w = window as unknown as { __texts: string[]; __values: number };
      w.__texts = [];
      w.__values = 0;
      new MutationObserver(() => w.__texts.push(input.getAttribute('aria-valuetext') ?? '')).observe(input, { attributeFilter: ['aria-valuetext'] });
      input.addEventListener('change', () => (w.__values += 1));
    });
    const values: string[] = [];
    // Seven seconds of the ten it takes to reach Khasan, its first story place.
    for (let i = 0; i < 7; i += 1) {
      await page.clock.fastForward(1000);
      values.push(await slider.inputValue());
    }
    // The train moved all along; its spoken text changed at a few stops at most (Rajin), not 60 times a second.
    expect(new Set(values).size).toBe(7);
    const texts = await page.evaluate(() => (window as unknown as { __texts: string[] }).__texts);
    expect(texts.length).toBeLessThanOrEqual(4);
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/km from Pyongyang$/);
  });
  // Every place marker, reached with Tab, is fully on the map and under no control (WCAG 2.4.11):
  // Leaflet's own pan on focus stops at the map's very edge, under the credits or zoom buttons.
  for (const [path, width, height] of [
    ['/?tiles=none#russky-island', 1280, 800],
    ['/?tiles=none#moscow', 390, 844],
    ['/embed.html?tiles=none&step=hanoi', 320, 600],
    ['/?tiles=none&step=seoul', 700, 500],
  ] as const) {
    it(`keeps each focused marker fully visible (${path}, ${width}x${height})`, async () => {
      const page = await open(path, { viewport: { width, height }, reducedMotion: 'reduce' });
      await cameraStill(page);
      await page.locator('.sm-map').focus();
      const hidden: string[] = [];
      for (let i = 0; i < 6; i += 1) {
        await page.keyboard.press('Tab');
        const report = await page.evaluate(() => {
          const marker = document.activeElement as HTMLElement;
          if (!marker.classList.contains('sm-marker')) return null;
          const map = marker.closest('.sm-map')!.getBoundingClientRect();
          const parts = [marker.querySelector('.sm-marker__dot')!, marker.querySelector('.sm-marker__label')!];
          let seen = 0;
          let total = 0;
          for (const part of parts) {
            const r = part.getBoundingClientRect();
            for (const fx of [0.1, 0.5, 0.9]) {
              for (const fy of [0.2, 0.5, 0.8]) {
                const [x, y] = [r.left + fx * r.width, r.top + fy * r.height];
                total += 1;
                const inside = x > map.left && x < map.right && y > map.top && y < map.bottom;
                if (inside && marker.contains(document.elementFromPoint(x, y))) seen += 1;
              }
            }
          }
          return { name: marker.getAttribute('aria-label')!, seen, total };
        });
        if (!report) break;
        if (report.seen < report.total) hidden.push(`${report.name}: ${report.seen}/${report.total}`);
      }
      expect(hidden).toEqual([]);
    });
  }
});
