// `npm run bench:hostile`: loads each hostile story file (bench/lib/hostile-stories.ts) in
// Debian's Chromium, does what a reader would (open the place, follow the train), and reports
// the longest main-thread task each causes, from the browser's own Long Tasks API.
// The goal is no task over 200 ms for any file up to the 10 MB limit.
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage } from '../test/e2e/support/browser.ts';
import { startStaticServer } from '../test/e2e/support/static-server.ts';
import * as stories from './lib/hostile-stories.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

const LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: true });
`;

interface Case {
  readonly name: string;
  readonly make: () => string;
  /** What a reader does once the story (or its problems) is shown. */
  readonly act?: (page: Page) => Promise<void>;
}

const openPlace = (name: string) => async (page: Page) => {
  await page.getByRole('button', { name }).first().click();
  await page.getByRole('heading', { name, level: 2 }).waitFor({ timeout: 120_000 });
};

const CASES: Case[] = [
  { name: 'gps-export-3000', make: stories.gpsExport },
  { name: 'paragraph-5mb', make: stories.hugeParagraph, act: openPlace('Vladivostok') },
  { name: 'passages-50000', make: stories.manyPassages, act: openPlace('Khasan') },
  {
    name: 'train-30000-points',
    make: stories.longTrainLine,
    act: async (page) => {
      await page.getByRole('button', { name: /Follow the/ }).click();
      await page.getByRole('slider').waitFor({ timeout: 120_000 });
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    },
  },
  { name: 'crafted-name', make: stories.craftedName },
  { name: 'valid-10mb', make: stories.nearlyTenMegabytes, act: openPlace('Khasan') },
];

async function main(): Promise<void> {
  const files = new Map(CASES.map((c) => [c.name, c.make()]));
  const routes = Object.fromEntries(
    [...files].map(([name, text]) => [
      `/hostile/${name}.geojson`,
      (_req: unknown, res: ServerResponse) => {
        res.writeHead(200, { 'content-type': 'application/geo+json' });
        res.end(text);
      },
    ]),
  );
  const [browser, server] = await Promise.all([launchBrowser(), startStaticServer({ '/': `${root}dist` }, {}, routes)]);
  const rows: Array<{ case: string; size: string; outcome: string; longestTaskMs: number; tasksOver200: number }> = [];
  try {
    for (const c of CASES) {
      const { page, context } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
      await page.addInitScript(LONG_TASKS);
      await page.goto(`${server.origin}/?story=hostile/${c.name}.geojson&tiles=none`);
      const shown = page.locator('.sm-step h2, .sm-problem').first();
      await shown.waitFor({ timeout: 300_000 });
      const outcome = (await page.locator('.sm-problem').count()) > 0 ? 'problems listed' : 'story shown';
      if (c.act && outcome === 'story shown') await c.act(page);
      // Let any work the last step started finish and be reported.
      await page.evaluate(() => new Promise((done) => setTimeout(done, 500)));
      const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
      rows.push({
        case: c.name,
        size: `${(files.get(c.name)!.length / 1024 / 1024).toFixed(1)} MB`,
        outcome,
        longestTaskMs: Math.round(Math.max(0, ...tasks)),
        tasksOver200: tasks.filter((t) => t > 200).length,
      });
      console.log(rows[rows.length - 1]);
      await context.close();
    }
  } finally {
    await Promise.all([browser.close(), server.close()]);
  }
  console.table(rows);
  console.log(`Longest main-thread task over the whole set: ${Math.max(...rows.map((r) => r.longestTaskMs))} ms`);
}

await main();
