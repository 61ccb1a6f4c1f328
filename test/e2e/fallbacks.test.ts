import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cameraStill } from './support/browser.ts';
import { useBuiltApp } from './support/harness.ts';

// What readers get where the story map cannot run, or is not on a screen (issue 11): a still
// image of the story's overview, a <noscript> in the embed, paper, AMP, oEmbed.

const app = useBuiltApp();
const dist = new URL('../../dist/', import.meta.url);

describe('fallbacks', () => {
  it('builds a still image of the overview: an SVG naming the places, and a 1200 x 840 PNG for feeds', () => {
    const svg = readFileSync(new URL('static/kim-putin-2019.svg', dist), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const name of ['Khasan', 'Vladivostok', 'Russky Island', 'Pyongyang']) expect(svg, name).toContain(`>${name}</text>`);
    // The far places are pointed to, with their distance.
    expect(svg).toMatch(/>Moscow 6\u202f\d00 km<\/text>/);
    expect(svg).toContain('An upbeat Kim arrives in Russia, ready for his Putin summit');
    const png = readFileSync(new URL('static/kim-putin-2019.png', dist));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 840]);
  });

  it('shows the image, the headline and a link to the full story in the embed when scripts are off', async () => {
    const { page } = await app.tab(undefined, { viewport: { width: 600, height: 900 }, javaScriptEnabled: false });
    await page.goto(`${app.server.origin}/embed.html`);
    const image = page.locator('noscript img, img[src*="static/kim-putin-2019.png"]').first();
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(1200);
    expect((await image.boundingBox())!.width).toBeGreaterThan(500);
    expect(await image.getAttribute('alt')).toContain('Map of the story: An upbeat Kim arrives in Russia');
    // (Playwright's text and role locators do not look inside <noscript>: CSS ones do.)
    const caption = page.locator('noscript figcaption, figcaption').first();
    expect(await caption.locator('strong').textContent()).toBe('An upbeat Kim arrives in Russia, ready for his Putin summit');
    expect(await caption.locator('strong').isVisible()).toBe(true);
    const link = caption.locator('a');
    expect([await link.textContent(), await link.getAttribute('href')]).toEqual(['Open the full story ↗', './index.html']);
    expect(await link.isVisible()).toBe(true);
  });

  it('prints the map and the whole story, without buttons, notes or sliders', async () => {
    const { page } = await app.tab(undefined, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${app.server.origin}/?tiles=none#vladivostok`);
    await page.locator('.sm-step h2').waitFor();
    await cameraStill(page);
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() =>
      ['.leaflet-control-zoom', '.sm-nav-slot', '.sm-train-box', '.sm-skip', '.sm-back'].map((selector) => {
        const element = document.querySelector(selector);
        return element === null || getComputedStyle(element).display === 'none';
      }),
    );
    expect(hidden).toEqual([true, true, true, true, true]);
    // Nothing is cut off inside a scrolling box: the story and the article run on, on paper.
    const clipped = await page.evaluate(() =>
      ['.sm-sidebar', '.sm-panel', '.sm-article-box'].filter((selector) => {
        const element = document.querySelector<HTMLElement>(selector)!;
        return element.scrollHeight > element.clientHeight + 1;
      }),
    );
    expect(clipped).toEqual([]);
    expect(await page.locator('.sm-map').isVisible()).toBe(true);
    expect(await page.getByText('greeted by a military orchestra').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(1);
  });

  it('tells an AMP page its height with embed-size messages', async () => {
    const { page } = await app.tab(undefined, { viewport: { width: 600, height: 900 } });
    await page.route(`${app.server.origin}/amp-host.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>AMP-like host</title><script>
          window.__amp = [];
          addEventListener('message', (event) => { if (event.data && event.data.sentinel === 'amp') window.__amp.push(event.data); });
        </script><iframe title="Story map" src="/embed.html?tiles=none" style="width:100%;height:400px;border:0" resizable></iframe>`,
      }),
    );
    await page.goto(`${app.server.origin}/amp-host.html`);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __amp: Array<{ type: string; height: number }> }).__amp.length), { timeout: 10_000 }).toBeGreaterThan(0);
    const [first] = await page.evaluate(() => (window as unknown as { __amp: Array<{ type: string; height: number }> }).__amp);
    expect(first!.type).toBe('embed-size');
    expect(first!.height).toBeGreaterThan(800);
  });

  it('names the story and step on screen in its oEmbed discovery link', async () => {
    const { page } = await app.tab(undefined, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${app.server.origin}/?tiles=none#khasan`);
    await page.locator('.sm-step h2').waitFor();
    const link = page.locator('link[type="application/json+oembed"]');
    const asked = async () => new URL(new URL((await link.getAttribute('href'))!, app.server.origin).searchParams.get('url')!);
    await expect.poll(async () => (await asked()).hash).toBe('#khasan');
    expect(await link.getAttribute('title')).toBe('An upbeat Kim arrives in Russia, ready for his Putin summit');
    await page.getByRole('button', { name: /Next step/ }).click();
    await expect.poll(async () => (await asked()).hash).toBe('#vladivostok');
  });

  it('answers oEmbed with absolute URLs and the still image as its thumbnail', () => {
    const oembed = JSON.parse(readFileSync(new URL('oembed.json', dist), 'utf8')) as Record<string, string>;
    expect(oembed.provider_url).toMatch(/^https?:\/\//);
    expect(oembed.thumbnail_url).toMatch(/^https?:\/\/.*\/static\/kim-putin-2019\.png$/);
    expect(oembed.html).toMatch(/src="https?:\/\/[^"]+\/embed\.html"/);
  });
});
