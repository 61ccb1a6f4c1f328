import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe.ts';
import { cameraStill, type TabOptions } from './support/browser.ts';
import { useBuiltApp } from './support/harness.ts';

// Dark mode, a host's forced theme, forced colours and the slider's contrast (issues 11 and 12).

const app = useBuiltApp();

async function open(path: string, options: TabOptions = {}): Promise<Page> {
  const { page } = await app.tab(path, { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce', ...options });
  await page.locator('.sm-step h2').waitFor();
  await cameraStill(page);
  return page;
}

/** Relative luminance of a CSS rgb() colour, as WCAG defines it. */
function luminance(rgb: readonly number[]): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
const channels = (css: string): number[] => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);

/** The colours a reader sees: the story panel's, the sea's and the land's (the basemap's canvas). */
async function colours(page: Page): Promise<{ paper: number[]; ink: number[]; sea: number[]; land: number[] }> {
  const read = await page.evaluate(() => {
    const root = document.querySelector('.sm-root')!;
    return {
      paper: getComputedStyle(root).backgroundColor,
      ink: getComputedStyle(root).color,
      sea: getComputedStyle(document.querySelector('.sm-map')!).backgroundColor,
      land: getComputedStyle(document.querySelector('.leaflet-sm-basemap-pane')!).color,
    };
  });
  return { paper: channels(read.paper), ink: channels(read.ink), sea: channels(read.sea), land: channels(read.land) };
}
const isDark = (rgb: readonly number[]): boolean => luminance(rgb) < 0.05;

/** The RGBA pixels of a screenshot, decoded by the page's own canvas. */
async function decodePng(page: Page, png: Buffer): Promise<{ width: number; height: number; data: number[] }> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [image.width, image.height];
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    return { width: image.width, height: image.height, data: [...context.getImageData(0, 0, image.width, image.height).data] };
  }, png.toString('base64'));
}

describe('colours', () => {
  it("follows the reader's dark setting, panel and map alike, and axe finds no violations there", async () => {
    const page = await open('/?tiles=none#vladivostok', { colorScheme: 'dark' });
    const seen = await colours(page);
    expect(isDark(seen.paper) && isDark(seen.sea) && isDark(seen.land)).toBe(true);
    expect(contrast(seen.ink, seen.paper)).toBeGreaterThan(7);
    // The basemap's canvas is painted with the dark land, not the light one it starts with.
    await page.locator('.sm-map[data-basemap]').waitFor();
    const map = (await page.locator('.sm-map').boundingBox())!;
    const pixels = await page.screenshot({ clip: { x: map.x + map.width / 2 - 60, y: map.y + 100, width: 120, height: 40 } });
    const image = await decodePng(page, pixels);
    let brightest = 0;
    for (let i = 0; i < image.data.length; i += 4) brightest = Math.max(brightest, (image.data[i]! + image.data[i + 1]! + image.data[i + 2]!) / 3);
    expect(brightest).toBeLessThan(200);
    await page.getByRole('button', { name: 'Follow the train' }).click();
    await page.getByRole('slider').waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lets the site force a theme whatever the reader’s setting (theme=dark, theme=light)', async () => {
    const dark = await open('/embed.html?tiles=none&theme=dark', { colorScheme: 'light', viewport: { width: 400, height: 800 } });
    expect(isDark((await colours(dark)).paper)).toBe(true);
    expect(isDark(channels(await dark.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)))).toBe(true);
    expect(await axeViolations(dark)).toEqual([]);
    const light = await open('/?tiles=none&theme=light', { colorScheme: 'dark' });
    const seen = await colours(light);
    expect(isDark(seen.paper) || isDark(seen.land)).toBe(false);
  });

  it('marks the current place by more than size in forced colours', async () => {
    const page = await open('/?tiles=none#vladivostok', { forcedColors: 'active' });
    const look = (selector: string) =>
      page.locator(selector).first().evaluate((marker) => {
        const dot = getComputedStyle(marker.querySelector('.sm-marker__dot')!);
        const label = getComputedStyle(marker.querySelector('.sm-marker__label')!);
        return { ring: dot.outlineStyle, dot: dot.backgroundColor, label: label.backgroundColor, text: label.color };
      });
    const current = await look('.sm-marker.is-active');
    const other = await look('.sm-marker:not(.is-active):not(.sm-marker--waypoint)');
    expect(current.ring).toBe('solid');
    expect(other.ring).toBe('none');
    expect(current.label).not.toBe(other.label);
    expect(current.dot).not.toBe(other.dot);
    // Dots keep a colour of their own rather than vanishing into the page's background.
    expect(other.dot).not.toBe(await page.evaluate(() => getComputedStyle(document.querySelector('.sm-map')!).backgroundColor));
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`draws the journey slider's track at 3:1 or more against its box (${scheme})`, async () => {
      const page = await open('/?tiles=none', { colorScheme: scheme });
      await page.getByRole('button', { name: 'Follow the train' }).click();
      const slider = page.getByRole('slider', { name: 'Journey progress' });
      await slider.waitFor();
      await page.getByRole('button', { name: 'Pause' }).click();
      const box = channels(await page.locator('.sm-train-box').evaluate((el) => getComputedStyle(el).backgroundColor));
      // A column through the unfilled end of the track: its outline is what shows where it is.
      const shot = await slider.screenshot();
      const image = await decodePng(page, shot);
      const x = Math.round(image.width * 0.9);
      const column = Array.from({ length: image.height }, (_, y) => image.data.slice((y * image.width + x) * 4, (y * image.width + x) * 4 + 3));
      const best = Math.max(...column.map((pixel) => contrast(pixel, box)));
      expect(best).toBeGreaterThanOrEqual(3);
    });
  }
});
