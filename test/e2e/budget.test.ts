import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recordFirstView, storyMapReady, sumByKind, type AssetKind } from '../../bench/lib/first-view.ts';
import { openPage } from './support/browser.ts';
import { useBuiltApp } from './support/harness.ts';

interface Budgets {
  viewport: { width: number; height: number };
  kinds: Record<AssetKind, number>;
  total: number;
  ownCodeAndLibraries: number;
  requests: number;
}
const budgets = JSON.parse(readFileSync(new URL('../../bench/budgets.json', import.meta.url), 'utf8')) as Budgets;

const app = useBuiltApp();

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;

describe('the first view stays within its weight budget (bench/budgets.json)', () => {
  it('loads the default story within every per-kind budget, 25 KB of our code and 80 KB in all', async () => {
    const { page } = await openPage(app.browser, { viewport: budgets.viewport });
    const assets = await recordFirstView(page, `${app.server.origin}/`, storyMapReady);
    const sums = sumByKind(assets);
    const over: string[] = [];
    for (const [kind, budget] of Object.entries(budgets.kinds) as Array<[AssetKind, number]>) {
      if (sums[kind] > budget) {
        const files = assets.filter((a) => a.kind === kind).map((a) => `${new URL(a.url).pathname} ${kb(a.gzipBytes)}`);
        over.push(`${kind} grew to ${kb(sums[kind])} gzip, over its ${kb(budget)} budget (${files.join(', ')})`);
      }
    }
    if (sums['app-js'] > budgets.ownCodeAndLibraries) {
      over.push(`our JS plus libraries other than Leaflet grew to ${kb(sums['app-js'])}, over ${kb(budgets.ownCodeAndLibraries)}`);
    }
    if (sums.total > budgets.total) over.push(`the first view grew to ${kb(sums.total)} in all, over ${kb(budgets.total)}`);
    if (assets.length > budgets.requests) {
      over.push(`the first view makes ${assets.length} requests, over ${budgets.requests}: ${assets.map((a) => new URL(a.url).pathname).join(', ')}`);
    }
    expect(over, over.join('\n')).toEqual([]);
    await page.context().close();
  });
});
