import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { distanceKm } from '../../src/model/far-distance.ts';
import { parseStory } from '../../src/model/parse-story.ts';
import { axeViolations } from './support/axe.ts';
import { unexpectedConsoleErrors } from './support/browser.ts';
import { useBuiltApp } from './support/harness.ts';

const app = useBuiltApp();
const ARTICLE = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');
const DEFAULT_STORY = JSON.parse(readFileSync(new URL('../../data/kim-putin-2019.geojson', import.meta.url), 'utf8')) as StoryJson;

interface StoryJson {
  story: { steps: string[]; paragraphs: Array<{ id: string; text: string }> };
  features: Array<{ id: string; geometry: { type: string; coordinates: number[] } | null; properties: { name: string; kind?: string; passages?: string[] } }>;
}

/** The default story's places, as the file has them: the target the editor must reproduce. */
const PLACES = DEFAULT_STORY.features
  .filter((feature) => feature.geometry?.type === 'Point' && !feature.properties.kind)
  .map((feature) => ({ id: feature.id, name: feature.properties.name, lngLat: feature.geometry!.coordinates as [number, number], passages: feature.properties.passages ?? [] }));
const place = (id: string) => PLACES.find((candidate) => candidate.id === id)!;


/** Pixels per degree of longitude at a zoom, in Web Mercator with 256 px tiles. */
const pixelsPerDegree = (zoom: number) => (256 * 2 ** zoom) / 360;
const mercatorY = (lat: number) => (Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 180) / Math.PI;

/**
 * The editor in a tab of the pool, as a writer first sees it: no draft kept from an earlier
 * test (the tab's storage for the app's origin is cleared before the editor loads).
 */
async function openEditor() {
  const opened = await app.tab(undefined, { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce', acceptDownloads: true });
  const cdp = await opened.page.context().newCDPSession(opened.page);
  await cdp.send('Storage.clearDataForOrigin', { origin: app.server.origin, storageTypes: 'all' });
  await cdp.detach();
  await opened.page.goto(`${app.server.origin}/editor.html`);
  await opened.page.locator('#ed-status').filter({ hasText: /./ }).waitFor();
  return opened;
}

const placeRow = (page: Page, index: number) => page.locator(`#ed-place-${index}-row`);

async function attach(page: Page, index: number, passages: readonly string[]) {
  await page.locator(`#ed-place-${index}-choose`).click();
  for (const id of passages) {
    await page.locator(`#ed-paragraph-${id}`).click();
    await expect.poll(() => page.locator(`#ed-paragraph-${id}`).getAttribute('aria-pressed')).toBe('true');
  }
}

async function typePosition(page: Page, index: number, lngLat: readonly number[]) {
  const field = page.locator(`#ed-place-${index}-position`);
  await field.fill(`${lngLat[1]}, ${lngLat[0]}`);
  await field.press('Enter');
}

/** The dot of a place's marker on the editor's map: its centre is the place's position. */
async function markerCentre(page: Page, name: string) {
  const box = await page.locator(`.ed-map .leaflet-marker-icon[aria-label^="${name}:"] .sm-marker__dot`).boundingBox();
  if (!box) throw new Error(`no marker for ${name}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function savedAfter(page: Page, before: string | null) {
  await expect.poll(() => page.locator('#ed-status').getAttribute('data-saved'), { timeout: 5000 }).not.toBe(before);
}

describe('the story editor', () => {
  it('builds the default story from the pasted article: places by suggestion, typing, clicking and dragging; the draft survives a reload; the download validates and matches', async () => {
    const { page, log } = await openEditor();
    await page.locator('#ed-article').fill(ARTICLE);
    await expect.poll(() => page.locator('.ed-paragraph').count()).toBe(27);

    // Place names from the article: the gazetteer's with a position, the rest to place by hand; people left out.
    const known = page.locator('.ed-suggestions').first();
    await known.getByRole('button', { name: 'Add Vladivostok' }).waitFor();
    const suggested = await page.locator('.ed-suggestion__name').allTextContents();
    expect(suggested).toEqual(expect.arrayContaining(['Vladivostok', 'Moscow', 'Seoul', 'Hanoi', 'Pyongyang', 'Khasan', 'Russky Island']));
    for (const person of ['Vladimir', 'Kim', 'Putin', 'Kozhemyako', 'Vladimir Putin', 'Kim Jong Un', 'Russia', 'Wednesday']) expect(suggested).not.toContain(person);

    // The details no article carries.
    await page.locator('#ed-detail-title').fill('An upbeat Kim arrives in Russia, ready for his Putin summit');
    await page.locator('#ed-detail-byline').fill('Hyung-Jin Kim and Kim Tong-Hyung');
    await page.locator('#ed-detail-publisher').fill('Associated Press');
    await page.locator('#ed-detail-published').fill('2019-04-24');
    await page.locator('#ed-detail-dateline').fill('VLADIVOSTOK, Russia');

    // Khasan: not in the gazetteer; added from the list, then its position typed (latitude first).
    await page.getByRole('button', { name: 'Add Khasan' }).click();
    await expect(placeRow(page, 0).locator('h3').textContent()).resolves.toBe('1. Khasan (not on the map yet)');
    await typePosition(page, 0, place('khasan').lngLat);
    await expect(placeRow(page, 0).locator('h3').textContent()).resolves.toBe('1. Khasan');
    await attach(page, 0, place('khasan').passages);

    // Vladivostok: the gazetteer's point is the city centre; the story's is the station, typed over it.
    await page.getByRole('button', { name: 'Add Vladivostok' }).click();
    await expect.poll(() => page.locator('#ed-place-1-position').inputValue()).toBe('43.13, 131.91');
    await typePosition(page, 1, place('vladivostok').lngLat);
    await attach(page, 1, place('vladivostok').passages);

    // Moscow before Russky Island, then Russky Island moved up with the keyboard (Alt+Up).
    await page.getByRole('button', { name: 'Add Moscow' }).click();
    await attach(page, 2, place('moscow').passages);
    await page.getByRole('button', { name: 'Add Russky Island' }).click();
    await typePosition(page, 3, place('russky-island').lngLat);
    await page.locator('#ed-place-3-position').press('Alt+ArrowUp');
    await expect.poll(() => page.locator('#ed-place-2-name').inputValue()).toBe('Russky Island');
    await expect.poll(() => page.locator('#ed-place-2-position').evaluate((node) => node === document.activeElement)).toBe(true);
    await attach(page, 2, place('russky-island').passages);

    // Seoul: the gazetteer's point, moved by a click on the map where the story's point is.
    await page.getByRole('button', { name: 'Add Seoul' }).click();
    const zoomIn = page.locator('.ed-map .leaflet-control-zoom-in');
    for (let i = 0; i < 3; i += 1) await zoomIn.click(); // zoom 9 (shown) + 3
    const seoulNow = await page.locator('#ed-place-4-position').inputValue();
    const [seoulLat, seoulLng] = seoulNow.split(',').map(Number) as [number, number];
    const seoul = await markerCentre(page, 'Seoul');
    const target = place('seoul').lngLat;
    await page.locator('.ed-map').click({
      position: await page.locator('.ed-map').boundingBox().then((box) => ({
        x: seoul.x - box!.x + (target[0] - seoulLng) * pixelsPerDegree(12),
        y: seoul.y - box!.y - (mercatorY(target[1]) - mercatorY(seoulLat)) * pixelsPerDegree(12),
      })),
    });
    await expect.poll(() => page.locator('#ed-status').textContent()).toContain('Seoul placed at');
    await attach(page, 4, place('seoul').passages);

    // Hanoi: its marker dragged from the gazetteer's point to the story's.
    await page.getByRole('button', { name: 'Add Hanoi' }).click();
    const [hanoiLat, hanoiLng] = (await page.locator('#ed-place-5-position').inputValue()).split(',').map(Number) as [number, number];
    const hanoi = await markerCentre(page, 'Hanoi');
    const hanoiTarget = place('hanoi').lngLat;
    await page.mouse.move(hanoi.x, hanoi.y);
    await page.mouse.down();
    const to = {
      x: hanoi.x + (hanoiTarget[0] - hanoiLng) * pixelsPerDegree(12),
      y: hanoi.y - (mercatorY(hanoiTarget[1]) - mercatorY(hanoiLat)) * pixelsPerDegree(12),
    };
    await page.mouse.move((hanoi.x + to.x) / 2, (hanoi.y + to.y) / 2, { steps: 4 });
    await page.mouse.move(to.x, to.y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => page.locator('#ed-status').textContent()).toContain('Hanoi moved to');
    const savedBefore = await page.locator('#ed-status').getAttribute('data-saved');
    await attach(page, 5, place('hanoi').passages);

    // Checked as it is written: nothing left to fix, and the preview draws the story with the real map.
    await expect.poll(() => page.locator('.ed-problems__summary').textContent()).toBe('No problems: the story is ready to download and publish.');
    // Redrawn a moment after the last change: it comes to the six places.
    await expect.poll(() => page.locator('.ed-preview .sm-marker:not(.sm-marker--waypoint)').count(), { timeout: 5000 }).toBe(6);
    expect(await page.locator('.ed-preview .sm-step h2').textContent()).toBe('Hanoi');
    expect(await axeViolations(page)).toEqual([]);

    // Reload: the draft is back, whole.
    await savedAfter(page, savedBefore);
    await page.reload();
    await expect.poll(() => page.locator('#ed-status').textContent()).toContain('Your draft is back');
    expect(await page.locator('.ed-paragraph').count()).toBe(27);
    expect(await page.locator('.ed-place__heading').allTextContents()).toEqual(['1. Khasan', '2. Vladivostok', '3. Russky Island', '4. Moscow', '5. Seoul', '6. Hanoi']);
    await expect.poll(() => page.locator('#ed-detail-publisher').inputValue()).toBe('Associated Press');

    // Download: a story file that validates and has the default story's places, passages and steps.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#ed-download').click()]);
    expect(download.suggestedFilename()).toBe('an-upbeat-kim-arrives-in-russia-ready-for-his-putin-summit.geojson');
    const text = readFileSync((await download.path())!, 'utf8');
    const parsed = parseStory(text);
    expect(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.problems)).toBe(true);
    const written = JSON.parse(text) as StoryJson;
    expect(written.story.steps).toEqual(DEFAULT_STORY.story.steps);
    expect(written.story.paragraphs).toEqual(DEFAULT_STORY.story.paragraphs);
    for (const feature of written.features) {
      const expected = place(feature.id);
      expect(feature.properties.name).toBe(expected.name);
      expect(feature.properties.passages).toEqual(expected.passages);
      const off = distanceKm(feature.geometry!.coordinates as [number, number], expected.lngLat) * 1000;
      console.log(`${feature.id}: ${off.toFixed(0)} m from the default story's point`);
      expect(off).toBeLessThan(300);
    }
    expect(written.features).toHaveLength(6);
    expect(unexpectedConsoleErrors(log)).toEqual([]);
    expect(log.pageErrors).toEqual([]);
  });

  it('works by keyboard alone: add a place, type its position, reorder it, attach a paragraph', async () => {
    const { page } = await openEditor();
    await page.locator('#ed-article').focus();
    await page.keyboard.insertText('The train left Pyongyang.\n\nIt reached Khasan station at noon.');
    await page.locator('#ed-new-place').focus();
    await page.keyboard.type('Khasan');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Pyongyang');
    await page.keyboard.press('Enter');
    // Pyongyang comes from the gazetteer; Khasan waits for a position.
    await expect.poll(() => page.locator('#ed-place-1-position').inputValue()).toBe('39.0194, 125.7547');
    // Shift+Tab from the new-place field leads back up the form; the position field is where typing goes.
    await page.locator('#ed-place-0-position').focus();
    await page.keyboard.type('42.43006, 130.64492');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#ed-place-0-heading').textContent()).toBe('1. Khasan');
    // Pyongyang comes first in the story: Alt+Down on Khasan.
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => page.locator('#ed-place-1-name').inputValue()).toBe('Khasan');
    await expect.poll(() => page.locator('#ed-place-1-position').evaluate((node) => node === document.activeElement)).toBe(true);
    // Tab on to the paragraphs: Space attaches the second to Khasan.
    for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.id === 'ed-paragraph-p2')); i += 1) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#ed-paragraph-p2').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.locator('#ed-paragraph-p2').evaluate((node) => node === document.activeElement)).toBe(true);
    await expect.poll(() => page.locator('#ed-status').textContent()).toBe('Paragraph 2 attached to Khasan.');
    // On the map's frame, Enter puts the chosen place at the map's centre (arrow keys pan it there).
    await page.locator('.ed-map').focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#ed-status').textContent()).toMatch(/^Khasan placed at -?\d+\.\d{5}, -?\d+\.\d{5}\.$/);
    // A wrong order of numbers is explained, not taken.
    await page.locator('#ed-place-0-position').fill('125.7547, 39.0194');
    await page.locator('#ed-place-0-position').press('Enter');
    await expect.poll(() => page.locator('#ed-place-0-position-error').textContent()).toContain('did you put the longitude first?');
    await expect.poll(() => page.locator('#ed-place-0-position').getAttribute('aria-invalid')).toBe('true');
  });

  it('links each problem to its field, and says when drafts cannot be kept (and warns before leaving)', async () => {
    const { page } = await openEditor();
    await page.addInitScript(() => {
      // A browser that keeps no storage for this site (some private modes).
      Object.defineProperty(window, 'indexedDB', { value: undefined });
    });
    await page.reload();
    await expect.poll(() => page.locator('#ed-status').textContent()).toContain('Drafts cannot be kept in this browser (IndexedDB is unavailable');
    await page.locator('#ed-article').fill('A ferry left North Harbour at dawn.');
    await page.locator('#ed-new-place').fill('North Harbour');
    await page.locator('#ed-add-place').click();
    const problems = page.locator('.ed-problems__list a');
    await expect.poll(() => problems.filter({ hasText: 'North Harbour is not on the map yet' }).count()).toBe(1);
    await problems.filter({ hasText: 'Details: the publisher is required.' }).click();
    await expect.poll(() => page.locator('#ed-detail-publisher').evaluate((node) => node === document.activeElement)).toBe(true);
    await problems.filter({ hasText: 'North Harbour is not on the map yet' }).click();
    await expect.poll(() => page.locator('#ed-place-0-position').evaluate((node) => node === document.activeElement)).toBe(true);
    // Leaving with work kept nowhere asks first.
    const dialog = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const asked = await dialog;
    expect(asked.type()).toBe('beforeunload');
    // Answered, so that the tab closes (the pool then closes its context and makes a new one):
    // closing a context under an open beforeunload dialog took the whole browser down (CI, 2026-12-02).
    const closed = page.waitForEvent('close');
    await asked.accept();
    await closed;
  });

  it('opens another tool’s file (StoryMapJS), says what did not come across, and can bring back the draft it replaced', async () => {
    const { page } = await openEditor();
    await page.locator('#ed-article').fill('A draft worth keeping.');
    await page.locator('#ed-detail-publisher').fill('Example News');
    await page.locator('input[type="file"]').setInputFiles(new URL('../fixtures/import/storymapjs-sochi.json', import.meta.url).pathname);
    await expect.poll(() => page.locator('#ed-status').textContent()).toMatch(/^Opened storymapjs-sochi\.json, a StoryMapJS story: 11 paragraphs, 9 places\. Not carried over: /);
    expect(await page.locator('.ed-place').count()).toBe(9);
    // The publisher typed before opening fills what StoryMapJS does not record.
    expect(await page.locator('#ed-detail-publisher').inputValue()).toBe('Example News');
    await page.getByRole('button', { name: 'Bring back the previous draft' }).click();
    expect(await page.locator('#ed-article').inputValue()).toBe('A draft worth keeping.');
    expect(await page.locator('.ed-place').count()).toBe(0);
  });

  it('stays out of the reader’s pages: the full page and the embed load none of its code or its gazetteer', async () => {
    for (const path of ['/?tiles=none', '/embed.html?tiles=none']) {
      const { page } = await app.tab(undefined, { viewport: { width: 1280, height: 800 } });
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      await page.goto(`${app.server.origin}${path}`);
      await page.locator('.sm-step h2').waitFor();
      expect(requested.filter((url) => /editor|populated-places|draft/.test(url))).toEqual([]);
    }
  });
});
