// The benchmark: `npm run bench` builds the app and the bare-Leaflet baseline, serves both on
// loopback (every other request is blocked), drives Debian's Chromium through playwright-core,
// prints a table and writes bench/results.json. Timings are reported as ours/baseline ratios
// measured in the same run, since absolute times on shared 2-core machines are noisy.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser, openPage as openTestPage, type TestBrowser } from '../test/e2e/support/browser.ts';
import { startStaticServer, type StaticServer } from '../test/e2e/support/static-server.ts';
import { recordFirstView, storyMapReady, sumByKind, type LoadedAsset } from './lib/first-view.ts';
import { generateStory } from './lib/generate-story.ts';
import { runLighthouse, type LighthouseResult } from './lib/lighthouse.ts';
import { summarize, type Summary } from './lib/stats.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const COLD_LOADS = Number(process.env.BENCH_LOADS ?? 9);
const VIEWPORT = { width: 1280, height: 800 };

/** Records, from the page's own clock (0 = navigation start), when the first marker and the story appeared. */
/** tsx compiles with esbuild's keepNames, whose `__name` helper must exist in the page for page.evaluate. */
const KEEP_NAMES_SHIM = 'globalThis.__name = (fn) => fn;';

const START_UP_PROBE = `
  (() => {
    const marks = (window.__bench = { firstMarker: null, ready: null });
    const check = () => {
      if (marks.firstMarker === null && document.querySelector('.leaflet-marker-icon, .leaflet-overlay-pane canvas')) {
        marks.firstMarker = performance.now();
      }
      const ready = document.body && (document.body.dataset.ready === 'true' ||
        (document.querySelector('.sm-step') && document.querySelector('.sm-map .leaflet-marker-pane')));
      if (marks.ready === null && ready) marks.ready = performance.now();
      if (marks.firstMarker !== null && marks.ready !== null) observer.disconnect();
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-ready'] });
  })();
`;

interface StartUp {
  firstMarker: Summary;
  ready: Summary;
}

async function main(): Promise<void> {
  const [browser, app, baseline] = await Promise.all([
    launchBrowser(),
    startStaticServer({ '/': `${root}dist` }, {}, storyRoutes()),
    startStaticServer({ '/': `${root}bench/.tmp/baseline` }),
  ]);
  try {
    const results = {
      date: new Date().toISOString(),
      machine: `${process.platform} ${process.arch}, Node ${process.version}`,
      coldLoads: COLD_LOADS,
      weight: await measureWeight(browser, app, baseline),
      startUp: await measureStartUp(browser, app, baseline),
      interaction: await measureInteraction(browser, app, baseline),
      scale: await measureScale(browser, app),
      embed: await measureEmbed(browser, app),
      lighthouse: await measureLighthouse(app),
    };
    writeFileSync(new URL('results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
    printReport(results);
  } finally {
    await Promise.all([browser.close(), app.close(), baseline.close()]);
  }
}

/** Generated stories for the scale runs, served by the app's server. */
function storyRoutes() {
  const cases = { 'places-100': [100, 0], 'places-1000': [1000, 0], 'places-10000': [10_000, 0], 'places-10000-route-100000': [10_000, 100_000] } as const;
  const texts = new Map(Object.entries(cases).map(([name, [places, vertices]]) => [`/bench/${name}.geojson`, generateStory(places, vertices)]));
  return Object.fromEntries(
    [...texts].map(([path, text]) => [
      path,
      (_request: unknown, response: ServerResponse) => {
        response.writeHead(200, { 'content-type': 'application/geo+json' });
        response.end(text);
      },
    ]),
  );
}

async function openPage(browser: TestBrowser, options: Parameters<typeof openTestPage>[1]) {
  const opened = await openTestPage(browser, options);
  await opened.context.addInitScript(KEEP_NAMES_SHIM);
  return opened;
}

// ---------------------------------------------------------------- weight

async function measureWeight(browser: TestBrowser, app: StaticServer, baseline: StaticServer) {
  const weigh = async (url: string, ready: (page: Page) => Promise<unknown>) => {
    const { page, context } = await openPage(browser, { viewport: VIEWPORT });
    const assets = await recordFirstView(page, url, ready);
    await context.close();
    return { byKind: sumByKind(assets), requests: assets.length, files: assets.map(describeAsset) };
  };
  return {
    ours: await weigh(`${app.origin}/`, storyMapReady),
    baseline: await weigh(`${baseline.origin}/`, (page) => page.waitForFunction(() => document.body.dataset.ready === 'true')),
  };
}

function describeAsset(asset: LoadedAsset) {
  return { path: new URL(asset.url).pathname, kind: asset.kind, bytes: asset.bytes, gzipBytes: asset.gzipBytes };
}

// ---------------------------------------------------------------- start-up

async function coldLoad(browser: TestBrowser, url: string, throttle: number): Promise<{ firstMarker: number; ready: number }> {
  const { page, context } = await openPage(browser, { viewport: VIEWPORT });
  await context.addInitScript(START_UP_PROBE);
  if (throttle > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(url);
  const marks = await page.waitForFunction(
    () => {
      const m = (window as unknown as { __bench: { firstMarker: number | null; ready: number | null } }).__bench;
      return m.firstMarker !== null && m.ready !== null ? m : null;
    },
    undefined,
    { timeout: 60_000 },
  );
  const value = (await marks.jsonValue()) as { firstMarker: number; ready: number };
  await context.close();
  return value;
}

async function measureStartUp(browser: TestBrowser, app: StaticServer, baseline: StaticServer) {
  const result: Record<string, { ours: StartUp; baseline: StartUp; ratio: { firstMarker: number; ready: number } }> = {};
  for (const throttle of [1, 4]) {
    const ours: Array<{ firstMarker: number; ready: number }> = [];
    const base: Array<{ firstMarker: number; ready: number }> = [];
    // Interleaved, so that a slow moment of the machine hits both pages alike.
    for (let i = 0; i < COLD_LOADS; i += 1) {
      ours.push(await coldLoad(browser, `${app.origin}/`, throttle));
      base.push(await coldLoad(browser, `${baseline.origin}/`, throttle));
    }
    const o = { firstMarker: summarize(ours.map((r) => r.firstMarker)), ready: summarize(ours.map((r) => r.ready)) };
    const b = { firstMarker: summarize(base.map((r) => r.firstMarker)), ready: summarize(base.map((r) => r.ready)) };
    result[throttle === 1 ? 'unthrottled' : `cpu${throttle}x`] = {
      ours: o,
      baseline: b,
      ratio: { firstMarker: o.firstMarker.median / b.firstMarker.median, ready: o.ready.median / b.ready.median },
    };
  }
  return result;
}

// ---------------------------------------------------------------- interaction

/** Clicks each marker in turn and times, in the page, until its passages (or popup) are painted. */
async function timeMarkerClicks(page: Page, kind: 'ours' | 'baseline', rounds: number): Promise<number[]> {
  return page.evaluate(
    async ([which, count]) => {
      const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      const times: number[] = [];
      const markers = [...document.querySelectorAll<HTMLElement>('.leaflet-marker-pane .leaflet-marker-icon')].filter(
        (el) => which === 'baseline' || el.getAttribute('role') === 'button',
      );
      for (let round = 0; round < count; round += 1) {
        for (const marker of markers) {
          const name = which === 'ours' ? marker.getAttribute('aria-label')!.split(':')[0]! : marker.getAttribute('title')!;
          const start = performance.now();
          marker.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
          await frame();
          // A closing popup fades out after the new one opens: look at the newest.
          const headings = document.querySelectorAll(which === 'ours' ? '.sm-step h2' : '.leaflet-popup-content h2');
          const got = headings[headings.length - 1]?.textContent;
          if (got !== name) throw new Error(`${which}, round ${round}: clicking ${name} showed ${got ?? 'nothing'}`);
          times.push(performance.now() - start);
          if (which === 'ours') (document.querySelector('.sm-back') as HTMLElement | null)?.click();
          // Let the camera settle between samples: only the click-to-paint time is measured.
          await new Promise((done) => setTimeout(done, 900));
        }
      }
      return times;
    },
    [kind, rounds] as const,
  );
}

async function measureInteraction(browser: TestBrowser, app: StaticServer, baseline: StaticServer) {
  const run = async (url: string, kind: 'ours' | 'baseline', ready: (page: Page) => Promise<unknown>) => {
    const { page, context } = await openPage(browser, { viewport: VIEWPORT });
    await page.goto(url);
    await ready(page);
    await page.waitForTimeout(500);
    const times = await timeMarkerClicks(page, kind, 3);
    await context.close();
    return summarize(times);
  };
  const ours = await run(`${app.origin}/?tiles=none`, 'ours', storyMapReady);
  const base = await run(`${baseline.origin}/`, 'baseline', (page) => page.waitForFunction(() => document.body.dataset.ready === 'true'));
  return { clickToPassagesPainted: { ours, baseline: base, ratio: ours.median / base.median }, trainAnimation: await measureTrain(browser, app) };
}

/** Plays the whole journey (Resume at each story place) and times every animation-frame callback. */
async function measureTrain(browser: TestBrowser, app: StaticServer) {
  const { page, context } = await openPage(browser, { viewport: VIEWPORT });
  await context.addInitScript(`
    window.__frameCosts = []; window.__frameGaps = []; let last = null;
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => raf((time) => {
      const start = performance.now();
      callback(time);
      if (window.__timing) {
        window.__frameCosts.push(performance.now() - start);
        if (last !== null && time !== last) window.__frameGaps.push(time - last);
        last = time;
      }
    });
  `);
  await page.goto(`${app.origin}/?tiles=none`);
  await storyMapReady(page);
  await page.evaluate(() => ((window as unknown as { __timing: boolean }).__timing = true));
  await page.getByRole('button', { name: 'Follow the train' }).click();
  const slider = page.getByRole('slider', { name: 'Journey progress' });
  await slider.waitFor();
  for (let stops = 0; stops < 10 && (await slider.inputValue()) !== '1000'; stops += 1) {
    await page.getByRole('button', { name: 'Resume' }).waitFor({ timeout: 60_000 }).catch(() => undefined);
    if ((await slider.inputValue()) === '1000') break;
    await page.getByRole('button', { name: 'Resume' }).click();
  }
  const { costs, gaps } = await page.evaluate(() => {
    const w = window as unknown as { __frameCosts: number[]; __frameGaps: number[]; __timing: boolean };
    w.__timing = false;
    return { costs: w.__frameCosts, gaps: w.__frameGaps };
  });
  await context.close();
  const budget = 1000 / 60;
  return {
    frames: costs.length,
    callbackMs: summarize(costs),
    droppedFrames: gaps.reduce((sum, gap) => sum + Math.max(0, Math.round(gap / budget) - 1), 0),
  };
}

// ---------------------------------------------------------------- scale

async function panFrameTimes(page: Page): Promise<number[]> {
  const box = (await page.locator('.sm-map').boundingBox())!;
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      w.__frames.push(now - last);
      last = now;
      if (w.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (const [dx, dy] of [[-250, 0], [250, -120], [0, 120]] as const) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dx, cy + dy, { steps: 30 });
    await page.mouse.up();
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames.slice(1);
  });
}

async function measureScale(browser: TestBrowser, app: StaticServer) {
  const rows = [];
  for (const name of ['places-100', 'places-1000', 'places-10000', 'places-10000-route-100000']) {
    const url = `${app.origin}/?story=bench/${name}.geojson&tiles=none`;
    const load = await coldLoad(browser, url, 1);
    const { page, context } = await openPage(browser, { viewport: VIEWPORT });
    await page.goto(url);
    await storyMapReady(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const metrics = (await cdp.send('Performance.enable').then(() => cdp.send('Performance.getMetrics'))).metrics;
    const heap = metrics.find((m: { name: string }) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    const domNodes = metrics.find((m: { name: string }) => m.name === 'Nodes')?.value ?? NaN;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const open = await timeListOpen(page, 5);
    const frames = await panFrameTimes(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    rows.push({
      story: name,
      loadReadyMs: load.ready,
      openPassageCpu4xMs: summarize(open),
      heapMB: heap / 1024 / 1024,
      domNodes,
      panFrameCpu4xMs: summarize(frames),
    });
    await context.close();
  }
  return rows;
}

/** Opens places from the list of places (the keyboard path at every scale) and times each until painted. */
async function timeListOpen(page: Page, count: number): Promise<number[]> {
  return page.evaluate(async (n) => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const times: number[] = [];
    for (let i = 0; i < n; i += 1) {
      const buttons = document.querySelectorAll<HTMLButtonElement>('.sm-place-link');
      const button = buttons[Math.floor((buttons.length * (i + 0.5)) / n)]!;
      const name = button.querySelector('.sm-place-link__name')!.textContent;
      const start = performance.now();
      button.click();
      await frame();
      if (document.querySelector('.sm-step h2')?.textContent !== name) throw new Error(`${name} did not open`);
      times.push(performance.now() - start);
      (document.querySelector('.sm-back') as HTMLElement).click();
      await frame();
    }
    return times;
  }, count);
}

// ---------------------------------------------------------------- lighthouse

async function measureLighthouse(app: StaticServer): Promise<Record<string, LighthouseResult | string>> {
  return {
    page: await runLighthouse(`${app.origin}/?tiles=none`),
    embed: await runLighthouse(`${app.origin}/embed.html?tiles=none`),
  };
}

// ---------------------------------------------------------------- embed

/** The embed's weights, and the time from inserting its iframe to its `ready` message. */
async function measureEmbed(browser: TestBrowser, app: StaticServer) {
  const gzipOf = (path: string) => gzipSync(readFileSync(`${root}dist/${path}`), { level: 9 }).length;
  const { page, context } = await openPage(browser, { viewport: { width: 720, height: 900 } });
  const assets = await recordFirstView(page, `${app.origin}/embed.html?tiles=none`, storyMapReady);
  await context.close();
  const times: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const { page: host, context: hostContext } = await openPage(browser, { viewport: { width: 720, height: 900 } });
    await host.goto(`${app.origin}/fixtures/minimal-story.geojson`); // any page of the same origin as a host
    times.push(
      await host.evaluate(
        (src) =>
          new Promise<number>((done) => {
            const start = performance.now();
            window.addEventListener('message', (event) => {
              const data = event.data as { protocol?: string; type?: string };
              if (data?.protocol === 'story-map' && data.type === 'ready') done(performance.now() - start);
            });
            const iframe = document.createElement('iframe');
            iframe.src = src;
            iframe.style.cssText = 'width:100%;height:900px;border:0';
            document.body.append(iframe);
          }),
        `${app.origin}/embed.html?tiles=none`,
      ),
    );
    await hostContext.close();
  }
  const libFiles = readdirSync(`${root}dist/lib/assets`).filter((f) => f.endsWith('.js') && f.startsWith('leaflet-'));
  return {
    hostScriptGzip: { 'embed.js': gzipOf('embed.js'), 'embed.mjs': gzipOf('embed.mjs') },
    embedPage: { gzipBytes: sumByKind(assets).total, requests: assets.length },
    library: { 'story-map.js': gzipOf('lib/story-map.js'), leafletChunk: libFiles[0] ? gzipOf(`lib/assets/${libFiles[0]}`) : 0 },
    insertionToReadyMs: summarize(times),
  };
}

// ---------------------------------------------------------------- report

function printReport(results: {
  weight: Awaited<ReturnType<typeof measureWeight>>;
  startUp: Awaited<ReturnType<typeof measureStartUp>>;
  interaction: Awaited<ReturnType<typeof measureInteraction>>;
  scale: Awaited<ReturnType<typeof measureScale>>;
  embed: Awaited<ReturnType<typeof measureEmbed>>;
  lighthouse: Record<string, LighthouseResult | string>;
}): void {
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
  const ms = (s: Summary) => `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
  const { ours, baseline } = results.weight;
  console.log('\nWeight of the first view (gzip -9, tiles excluded), 1280x800');
  console.table(
    Object.fromEntries(
      (['html', 'leaflet-js', 'app-js', 'css', 'story', 'basemap', 'image', 'total'] as const).map((k) => [k, { ours: kb(ours.byKind[k]), baseline: kb(baseline.byKind[k]) }]),
    ),
  );
  console.log(`requests: ours ${ours.requests}, baseline ${baseline.requests}`);
  console.log(`\nStart-up, ${COLD_LOADS} cold loads each, median (min–max), ratio ours/baseline`);
  console.table(
    Object.fromEntries(
      Object.entries(results.startUp).flatMap(([mode, r]) => [
        [`${mode} first marker`, { ours: ms(r.ours.firstMarker), baseline: ms(r.baseline.firstMarker), ratio: r.ratio.firstMarker.toFixed(2) }],
        [`${mode} story ready`, { ours: ms(r.ours.ready), baseline: ms(r.baseline.ready), ratio: r.ratio.ready.toFixed(2) }],
      ]),
    ),
  );
  const click = results.interaction.clickToPassagesPainted;
  console.log('\nInteraction: marker click to passages painted (baseline: popup painted)');
  console.table({ click: { ours: ms(click.ours), baseline: ms(click.baseline), ratio: click.ratio.toFixed(2) } });
  const train = results.interaction.trainAnimation;
  console.log('\nTrain animation: a full play, time inside each animation-frame callback');
  console.table({
    train: {
      frames: train.frames,
      'median (ms)': train.callbackMs.median.toFixed(2),
      'p95 (ms)': train.callbackMs.p95.toFixed(2),
      'worst (ms)': train.callbackMs.max.toFixed(2),
      'dropped frames': train.droppedFrames,
    },
  });
  console.log('\nScale (open and pan with 4x CPU throttling)');
  console.table(
    Object.fromEntries(
      results.scale.map((r) => [
        r.story,
        {
          'load (ms)': r.loadReadyMs.toFixed(0),
          'open median/max (ms)': `${r.openPassageCpu4xMs.median.toFixed(0)} / ${r.openPassageCpu4xMs.max.toFixed(0)}`,
          'pan frame p95/max (ms)': `${r.panFrameCpu4xMs.p95.toFixed(1)} / ${r.panFrameCpu4xMs.max.toFixed(1)}`,
          'heap (MB)': r.heapMB.toFixed(1),
          'DOM nodes': r.domNodes,
        },
      ]),
    ),
  );
  const embed = results.embed;
  console.log('\nEmbedding (gzip -9)');
  console.table({
    'embed.js / embed.mjs': { value: `${kb(embed.hostScriptGzip['embed.js'])} / ${kb(embed.hostScriptGzip['embed.mjs'])}` },
    'embed page, first view': { value: `${kb(embed.embedPage.gzipBytes)} in ${embed.embedPage.requests} requests` },
    'library: story-map.js + Leaflet chunk': { value: `${kb(embed.library['story-map.js'])} + ${kb(embed.library.leafletChunk)}` },
    'iframe inserted -> ready message': { value: ms(embed.insertionToReadyMs) },
  });
  console.log('\nLighthouse (mobile preset, tiles off)');
  console.table(
    Object.fromEntries(
      Object.entries(results.lighthouse).map(([name, r]) => [
        name,
        typeof r === 'string' ? { note: r } : { ...r.scores, failing: r.failingAudits.join(', ') || 'none' },
      ]),
    ),
  );
}

await main();
