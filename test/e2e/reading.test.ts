import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe.ts';
import { unexpectedConsoleErrors, cameraStill, cameraStillByClock, type TabOptions } from './support/browser.ts';
import { useBuiltApp } from './support/harness.ts';

const STEPS = ['All places', 'Khasan', 'Vladivostok', 'Russky Island', 'Moscow', 'Seoul', 'Hanoi'];

const app = useBuiltApp();

/**
 * The app at `path`, its first step shown. Without the camera's flights unless a test asks for
 * them (reducedMotion: 'no-preference'): a flight costs over a second of this machine's time,
 * and the tests that are about flights ask for them.
 */
async function open(path = '/', options: TabOptions = {}) {
  const opened = await app.tab(path, { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce', ...options });
  await opened.page.locator('.sm-step h2').waitFor();
  return opened;
}

const heading = (page: Page) => page.locator('.sm-step h2').textContent();

describe('steps through the story', () => {
  it('walks every step from first to last with the keyboard alone, announcing each', async () => {
    const { page, log } = await open('/?tiles=none');
    let presses = 0;
    // From the top of the page, Tab to the Next button.
    while (!(await page.evaluate(() => document.activeElement?.classList.contains('sm-step-button--next')))) {
      await page.keyboard.press('Tab');
      presses += 1;
      expect(presses).toBeLessThan(20);
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Next step: Khasan →');
    const seen = [await heading(page)];
    for (let i = 1; i < STEPS.length; i += 1) {
      await page.keyboard.press('Enter');
      seen.push(await heading(page));
      expect(await page.locator('.sm-progress').textContent()).toBe(`${i + 1} of 7`);
      expect(await page.getByRole('status').filter({ hasText: /^Step/ }).textContent()).toBe(`Step ${i + 1} of 7: ${STEPS[i]}`);
      if (STEPS[i] === 'Russky Island') {
        console.log(`key presses from the page's start to Russky Island's passages: ${presses} Tab + ${i} Enter = ${presses + i}`);
        expect(await page.getByRole('region', { name: 'Russky Island', exact: true }).innerText()).toContain('motorcade was spotted on Russky Island');
      }
    }
    expect(seen).toEqual(STEPS);
    // Focus stayed on the Next button, now at the end of the story.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-disabled'))).toBe('true');
    expect(unexpectedConsoleErrors(log)).toEqual([]);
  });

  it('steps with ArrowRight and ArrowLeft, Home and End, while focus is in the story, but not on the map', async () => {
    const { page } = await open('/?tiles=none');
    await page.locator('.sm-step-button--next').focus();
    await page.keyboard.press('ArrowRight');
    expect(await heading(page)).toBe('Khasan');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect(await heading(page)).toBe('Khasan');
    await page.keyboard.press('End');
    expect(await heading(page)).toBe('Hanoi');
    await page.keyboard.press('Home');
    expect(await heading(page)).toBe('All places');
    // On the map, arrows pan the map as Leaflet does, and the step stays.
    await cameraStill(page); // the camera's flight back to the overview ends first
    await page.locator('.sm-map').focus();
    const before = await page.locator('.leaflet-map-pane').getAttribute('style');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('.leaflet-map-pane').getAttribute('style')).not.toBe(before);
    expect(await heading(page)).toBe('All places');
  });

  it('names the neighbouring steps on Previous and Next', async () => {
    const { page } = await open('/?tiles=none#vladivostok');
    // Visibly "← Khasan" and "Russky Island →"; "Previous step:" and "Next step:" are for screen readers.
    const previous = page.getByRole('button', { name: 'Previous step: Khasan' });
    const next = page.getByRole('button', { name: 'Next step: Russky Island' });
    expect(await previous.textContent()).toBe('← Previous step: Khasan');
    expect(await next.textContent()).toBe('Next step: Russky Island →');
    expect(await previous.locator('.sm-visually-hidden').textContent()).toBe('Previous step: ');
    expect(await page.locator('.sm-progress').textContent()).toBe('3 of 7');
  });

  it('never leaves two places highlighted after fast jumps and clicks during camera moves', async () => {
    const { page } = await open('/?tiles=none', { reducedMotion: 'no-preference' });
    await page.evaluate(() => {
      const next = document.querySelector<HTMLElement>('.sm-step-button--next')!;
      for (let i = 0; i < 5; i += 1) next.click();
      document.querySelector<HTMLElement>('.sm-step-button--previous')!.click();
    });
    await page.locator('.leaflet-marker-pane [role="button"]').filter({ hasText: 'Khasan' }).dispatchEvent('click');
    await cameraStill(page);
    expect(await heading(page)).toBe('Khasan');
    expect(await page.locator('.sm-marker.is-active').count()).toBe(1);
    expect(await page.locator('.sm-marker.is-active').innerText()).toBe('Khasan');
    expect(await page.locator('.sm-article p.is-current').evaluateAll((ps) => ps.map((p) => p.getAttribute('data-paragraph')))).toEqual([
      'p1',
      'p2',
      'p3',
      'p5',
      'p6',
    ]);
  });

  it('offers "Back to the story" after the reader pans away, and it brings the step back into view', async () => {
    // With the flight back, as most readers see it.
    const { page } = await open('/?tiles=none#khasan', { reducedMotion: 'no-preference' });
    const back = page.getByRole('button', { name: 'Back to the story' });
    expect(await back.isVisible()).toBe(false);
    const box = (await page.locator('.sm-map').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 60, box.y + 60, { steps: 10 });
    await page.mouse.up();
    await expect.poll(() => back.isVisible()).toBe(true);
    await back.click();
    await cameraStill(page);
    const dot = (await page.locator('.sm-marker.is-active').boundingBox())!;
    expect(Math.abs(dot.x + dot.width / 2 - (box.x + box.width / 2))).toBeLessThan(40);
    expect(await back.isVisible()).toBe(false);
  });

  it('moves the camera without animation when the reader prefers reduced motion', async () => {
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      // On the page's clock, stopped once the first step shows: a flight then moves only as far
      // as the test runs the clock, however busy the machine (in real time, a loaded machine
      // could let the whole 0.8 s flight pass before the first reading).
      const { page, context } = await app.clockTab('/?tiles=none', { viewport: { width: 1280, height: 800 }, reducedMotion });
      await page.locator('.sm-step h2').waitFor();
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
      await page.locator('.sm-step-button--next').click();
      await page.clock.runFor(100);
      const early = await page.locator('.sm-marker.is-active').boundingBox();
      await cameraStillByClock(page);
      const late = await page.locator('.sm-marker.is-active').boundingBox();
      const moved = Math.hypot(late!.x - early!.x, late!.y - early!.y);
      // A jump is over within a tenth of a second; a flight has barely begun.
      if (reducedMotion === 'reduce') expect(moved).toBeLessThan(1);
      else expect(moved).toBeGreaterThan(20);
      await context.close();
    }
  });
});

describe('the article beside the map', () => {
  it('links place names in the text, whatever their case, and selects the place without a history entry', async () => {
    // Wide enough for the article to have a column, and a scroll, of its own.
    const { page } = await open('/?tiles=none', { viewport: { width: 1500, height: 850 } });
    const article = page.getByRole('article');
    expect(await article.getByRole('link', { name: 'VLADIVOSTOK', exact: true }).count()).toBe(1);
    expect(await article.getByRole('link', { name: 'Vladivostok’s', exact: true }).count()).toBe(1);
    const length = await page.evaluate(() => history.length);
    await article.getByRole('link', { name: 'Khasan' }).first().click();
    expect(await heading(page)).toBe('Khasan');
    expect(await page.evaluate(() => location.hash)).toBe('#khasan');
    expect(await page.evaluate(() => history.length)).toBe(length);
    // The place's passages are marked in the article, the first scrolled into view.
    const first = article.locator('p.is-current').first();
    expect(await first.getAttribute('data-paragraph')).toBe('p1');
    await article.getByRole('link', { name: 'Russky Island' }).first().click();
    const marked = article.locator('p.is-current').first();
    await expect.poll(() => marked.getAttribute('data-paragraph')).toBe('p10');
    await expect.poll(() => page.locator('.sm-article-box').evaluate((box) => box.scrollTop)).toBeGreaterThan(200);
    const articleBox = (await page.locator('.sm-article-box').boundingBox())!;
    const paragraphBox = (await marked.boundingBox())!;
    expect(paragraphBox.y).toBeGreaterThanOrEqual(articleBox.y - 1);
    expect(paragraphBox.y).toBeLessThan(articleBox.y + articleBox.height);
  });

  it('offers every place with its passages as plain text in the list of places', async () => {
    const { page } = await open('/?tiles=none');
    await page.getByRole('button', { name: 'List of places' }).click();
    const list = page.getByRole('region', { name: 'List of places' });
    // The list's code loads on this first press: wait for it rather than read an empty region.
    await expect.poll(() => list.getByRole('heading', { level: 3 }).allTextContents()).toEqual(STEPS.slice(1));
    expect(await list.innerText()).toContain('In February, Kim’s second summit with Trump in Hanoi');
    expect(await page.locator('.sm-map').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Show the map' }).click();
    expect(await page.locator('.sm-map').isVisible()).toBe(true);
  });
});

describe('deep links', () => {
  it('opens a link to one step at that step', async () => {
    const { page } = await open('/?tiles=none#russky-island');
    expect(await heading(page)).toBe('Russky Island');
    expect(await page.locator('.sm-marker.is-active').innerText()).toBe('Russky Island');
    expect(await page.getByRole('region', { name: 'Russky Island', exact: true }).innerText()).toContain('The island has a university with a conference hall');
  });

  it('falls back to the overview, with a gentle note, for an unknown step', async () => {
    const { page, log } = await open('/?tiles=none#atlantis');
    expect(await heading(page)).toBe('All places');
    expect(await page.getByText('This story has no step called “atlantis”').isVisible()).toBe(true);
    expect(await page.evaluate(() => location.hash)).toBe('');
    expect(unexpectedConsoleErrors(log)).toEqual([]);
  });

  it('leaves the story with one press of Back after stepping through five steps', async () => {
    const { page } = await app.tab('/fixtures/minimal-story.geojson', { viewport: { width: 1280, height: 800 } });
    await page.goto(`${app.server.origin}/?tiles=none`);
    await page.locator('.sm-step h2').waitFor();
    for (let i = 0; i < 5; i += 1) await page.locator('.sm-step-button--next').click();
    expect(await page.evaluate(() => location.hash)).toBe('#seoul');
    await page.goBack();
    expect(page.url()).toBe(`${app.server.origin}/fixtures/minimal-story.geojson`);
  });
});

describe('phones', () => {
  it('puts the map above a bottom sheet that expands and collapses, with no horizontal scrolling', async () => {
    const { page } = await open('/?tiles=none', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const map = (await page.locator('.sm-map').boundingBox())!;
    const sheet = (await page.locator('.sm-sidebar').boundingBox())!;
    expect(map.y).toBeLessThan(sheet.y);
    expect(map.height).toBeGreaterThan(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    const toggle = page.getByRole('button', { name: 'Expand the story' });
    await toggle.click();
    expect(await page.getByRole('button', { name: 'Show more map' }).getAttribute('aria-expanded')).toBe('true');
    await expect.poll(async () => (await page.locator('.sm-map').boundingBox())!.height).toBeLessThan(map.height * 0.6);
    expect((await page.locator('.sm-map').boundingBox())!.height).toBeGreaterThanOrEqual(200);
    await page.getByRole('button', { name: 'Show more map' }).click();
  });

  it('stays usable at 320 px wide (as at 200% zoom), without horizontal scrolling', async () => {
    const { page } = await open('/?tiles=none#khasan', { viewport: { width: 320, height: 640 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.locator('.sm-step-button--next').click();
    expect(await heading(page)).toBe('Vladivostok');
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.sm-sidebar *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1).length,
    );
    expect(overflowing).toBe(0);
  });
});

describe('accessibility (axe-core)', () => {
  for (const [view, path, prepare] of [
    ['the first view', '/?tiles=none', null],
    ['a place opened', '/?tiles=none#khasan', null],
    ['the list view', '/?tiles=none', (page: Page) => page.getByRole('button', { name: 'List of places' }).click()],
    ['the phone layout', '/?tiles=none', null],
  ] as const) {
    it(`finds no violations on ${view}`, async () => {
      const phone = view === 'the phone layout';
      const { page } = await open(path, phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : {});
      await cameraStill(page);
      if (prepare) await prepare(page);
      const violations = await axeViolations(page);
      console.log(`axe on ${view}: ${violations.length} violations`, JSON.stringify(violations));
      expect(violations).toEqual([]);
    });
  }

  it('keeps the tiles’ attribution readable and its links distinguishable while tiles show, and the note when they fail', async () => {
    // Tiles that load: a story naming a tile server on this machine, which answers every tile.
    const { page } = await app.tab(undefined, { viewport: { width: 1280, height: 800 } });
    const tile = readFileSync(new URL('../../dist/static/kim-putin-2019.png', import.meta.url));
    const story = JSON.parse(readFileSync(new URL('../../data/kim-putin-2019.geojson', import.meta.url), 'utf8')) as { story: Record<string, unknown> };
    story.story.tiles = { url: `${app.server.origin}/tiles/{z}/{x}/{y}.png`, attribution: '© Test Tiles contributors', attributionUrl: 'https://tiles.example/' };
    await page.route(`${app.server.origin}/tiles/**`, (route) => route.fulfill({ contentType: 'image/png', body: tile }));
    await page.route(`${app.server.origin}/tiled.geojson`, (route) => route.fulfill({ contentType: 'application/geo+json', body: JSON.stringify(story) }));
    await page.goto(`${app.server.origin}/?story=/tiled.geojson`);
    await expect.poll(() => page.locator('.leaflet-tile-loaded').count(), { timeout: 8000 }).toBeGreaterThan(0);
    expect(await page.locator('.leaflet-control-attribution').innerText()).toContain('© Test Tiles contributors');
    expect(await page.getByText('Map tiles unavailable').isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    // Tiles that fail (no network here): the page's own tiles, and the note that says so.
    const failing = await open('/');
    await expect.poll(() => failing.page.locator('.leaflet-control-attribution').innerText()).toContain('OpenStreetMap');
    await failing.page.getByText('Map tiles unavailable, showing a simplified map').waitFor({ timeout: 8000 });
    expect(await axeViolations(failing.page)).toEqual([]);
  });
});

describe('the embed code generator', () => {
  it('shows the HTML to paste for the current story and step, with a Copy button', async () => {
    const { page } = await open('/?tiles=none#khasan', { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.getByRole('button', { name: 'Embed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this story map' });
    await dialog.waitFor();
    const code = await dialog.getByRole('textbox', { name: 'Embed code' }).inputValue();
    expect(code).toContain(`<iframe data-story-map title="Story map: An upbeat Kim arrives in Russia, ready for his Putin summit" src="${app.server.origin}/embed.html#khasan"`);
    expect(code).toContain(`<script src="${app.server.origin}/embed.js" async></script>`);
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/Copied|Press Ctrl\+C/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
    // Focus returns to the button that opened it.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Embed');
  });
});
