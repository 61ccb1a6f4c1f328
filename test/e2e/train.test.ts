import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cameraStillByClock, unexpectedConsoleErrors, type TabOptions } from './support/browser.ts';
import { useBuiltApp } from './support/harness.ts';

const app = useBuiltApp();

async function open(options: TabOptions = {}, { fakeClock = false } = {}) {
  const viewport = { width: 1280, height: 800 };
  const opened = await (fakeClock ? app.clockTab : app.tab)('/?tiles=none', { viewport, ...options });
  await opened.page.locator('.sm-step h2').waitFor();
  return opened;
}

const trainPoint = async (page: Page) => {
  const box = (await page.locator('.sm-train').boundingBox())!;
  // In map coordinates, so that the camera following the train does not hide its movement.
  return page.evaluate(
    ([x, y]) => {
      const pane = document.querySelector('.leaflet-map-pane')!.getBoundingClientRect();
      return [x! - pane.left, y! - pane.top];
    },
    [box.x + box.width / 2, box.y + box.height / 2],
  );
};

describe('following the train', () => {
  it('draws the route as a railway and the motorcade differently, with the stops marked', async () => {
    const { page } = await open();
    expect(await page.locator('path.sm-route--train').count()).toBeGreaterThan(0);
    expect(await page.locator('path.sm-route--motorcade').count()).toBeGreaterThan(0);
    // A railway: each train leg drawn twice, a dark casing under white ties; the motorcade dotted in red.
    const train = page.locator('path.sm-route--train');
    expect(await train.count()).toBe(6);
    expect(await train.evaluateAll((paths) => paths.map((p) => [p.getAttribute('stroke'), p.getAttribute('stroke-dasharray')]).slice(0, 2))).toEqual([
      ['#2b2b2b', null],
      ['#ffffff', '6 6'],
    ]);
    const motorcade = page.locator('path.sm-route--motorcade');
    expect([await motorcade.getAttribute('stroke'), await motorcade.getAttribute('stroke-dasharray')]).toEqual(['#b3261e', '2 6']);
    for (const stop of ['Pyongyang', 'Rajin', 'Tumangang', 'Baranovsky']) {
      expect(await page.locator('.sm-marker--waypoint').filter({ hasText: stop }).count(), stop).toBe(1);
    }
    // The route's sources are credited on the map, tiles or no tiles.
    const attribution = await page.locator('.leaflet-control-attribution').innerText();
    expect(attribution).toContain('Railways: Natural Earth');
    expect(attribution).toContain('© OpenStreetMap contributors');
  });

  it('plays: the train moves along the line, pauses at Khasan and opens its passages', async () => {
    const { page, log } = await open({}, { fakeClock: true });
    await page.getByRole('button', { name: 'Follow the train' }).click();
    await page.locator('.sm-train').waitFor();
    const start = await trainPoint(page);
    await page.clock.runFor(1500);
    const later = await trainPoint(page);
    expect(Math.hypot(later[0]! - start[0]!, later[1]! - start[1]!)).toBeGreaterThan(10);
    // The travelled part is drawn over the route, in its own style.
    expect(await page.locator('path.sm-route-travelled').getAttribute('d')).toMatch(/^M[\d.-]+ [\d.-]+L/);
    // Paced by the story: 30 s shared by its three stretches, so Khasan, though 72% of the drawn
    // line away, comes after 10 s (by distance it took 29 s of 40). Time jumps ahead from here
    // (fastForward: the next frame sees all of it at once), which the train's pacing must survive.
    await page.clock.fastForward(6_000);
    expect(await page.locator('.sm-step h2').textContent()).toBe('All places');
    await page.clock.fastForward(3_000);
    await expect.poll(() => page.locator('.sm-step h2').textContent()).toBe('Khasan');
    expect(await page.getByRole('region', { name: 'Khasan', exact: true }).innerText()).toContain('Kim first met with Russian officials');
    expect(await page.getByRole('button', { name: 'Resume' }).isVisible()).toBe(true);
    expect(await page.getByRole('slider', { name: 'Journey progress' }).getAttribute('aria-valuetext')).toBe('Khasan, 859 km from Pyongyang');
    expect(await page.locator('.sm-train-where').textContent()).toBe('Khasan, 859 km from Pyongyang · April 24, 2019');
    // On to Vladivostok in 10 s, then the short motorcade to the summit takes its 10 s too
    // (by distance it took half a second): halfway, the train is on its way to Russky Island.
    // The reader resumes once the camera has come to Khasan (a flight of its own, which the
    // clock's jumps would otherwise cut into), and one frame passes before the clock jumps.
    await cameraStillByClock(page);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.clock.runFor(20);
    await page.clock.fastForward(10_500);
    await expect.poll(() => page.locator('.sm-step h2').textContent()).toBe('Vladivostok');
    await cameraStillByClock(page);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.clock.runFor(20);
    await page.clock.fastForward(5_000);
    expect(await page.locator('.sm-step h2').textContent()).toBe('Vladivostok');
    expect(await page.locator('.sm-train-leg').textContent()).toBe('By motorcade to the summit on Russky Island (route approximate)');
    await page.clock.fastForward(5_500);
    await expect.poll(() => page.locator('.sm-step h2').textContent()).toBe('Russky Island');
    expect(unexpectedConsoleErrors(log)).toEqual([]);
    await page.context().close();
  });

  it('moves the train with the slider, by keyboard, and describes where it is', async () => {
    const { page } = await open();
    await page.getByRole('button', { name: 'Follow the train' }).click();
    await page.getByRole('button', { name: 'Pause' }).click();
    const slider = page.getByRole('slider', { name: 'Journey progress' });
    await slider.focus();
    await page.keyboard.press('End');
    expect(await slider.getAttribute('aria-valuetext')).toBe('Russky Island, 1,198 km from Pyongyang');
    // Onto a story place: its passages open, as when the train arrives there.
    await expect.poll(() => page.locator('.sm-step h2').textContent()).toBe('Russky Island');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('range');
    const end = await trainPoint(page);
    // A few kilometres back along the motorcade, short of Vladivostok (a stop, which would open it).
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowLeft');
    const back = await trainPoint(page);
    expect(Math.hypot(end[0]! - back[0]!, end[1]! - back[1]!)).toBeGreaterThan(5);
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/km from Pyongyang$/);
    // End put the train on Russky Island, which opened its passages; the arrow keys on the
    // slider then moved the train, not the story's steps (ArrowLeft would have gone back a step).
    expect(await page.locator('.sm-step h2').textContent()).toBe('Russky Island');
  });

  it('pauses when the reader takes over (a marker) and resumes from where it was', async () => {
    const { page } = await open({}, { fakeClock: true });
    await page.getByRole('button', { name: 'Follow the train' }).click();
    await page.locator('.sm-train').waitFor();
    await page.clock.runFor(1000);
    await page.locator('.leaflet-marker-pane [role="button"]').filter({ hasText: 'Seoul' }).dispatchEvent('click');
    expect(await page.getByRole('button', { name: 'Resume' }).isVisible()).toBe(true);
    const paused = await page.getByRole('slider', { name: 'Journey progress' }).inputValue();
    await page.clock.runFor(600);
    expect(await page.getByRole('slider', { name: 'Journey progress' }).inputValue()).toBe(paused);
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.clock.runFor(600);
    expect(Number(await page.getByRole('slider', { name: 'Journey progress' }).inputValue())).toBeGreaterThan(Number(paused));
    await page.context().close();
  });

  it('with reduced motion, jumps from stop to stop instead of gliding', async () => {
    const { page } = await open({ reducedMotion: 'reduce' }, { fakeClock: true });
    await page.getByRole('button', { name: 'Follow the train' }).click();
    await page.getByRole('slider', { name: 'Journey progress' }).waitFor();
    // Stop by stop (Rajin, Tumangang) to the first story place, Khasan, with no glide in between.
    await page.clock.runFor(8000);
    await expect.poll(() => page.locator('.sm-step h2').textContent()).toBe('Khasan');
    expect(await page.getByRole('slider', { name: 'Journey progress' }).getAttribute('aria-valuetext')).toBe('Khasan, 859 km from Pyongyang');
    await page.getByRole('button', { name: 'Resume' }).click();
    // Baranovsky (a waypoint) first, then Vladivostok a moment later.
    expect(await page.getByRole('slider', { name: 'Journey progress' }).getAttribute('aria-valuetext')).toMatch(/^Baranovsky, /);
    await page.clock.runFor(8000);
    await expect.poll(() => page.locator('.sm-step h2').textContent()).toBe('Vladivostok');
    await page.context().close();
  });
});
