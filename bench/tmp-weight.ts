import { recordFirstView, storyMapReady, sumByKind } from './lib/first-view.ts';
import { launchBrowser, openPage } from '../test/e2e/support/browser.ts';
import { serveBuiltApp } from '../test/e2e/support/app.ts';
const b = await launchBrowser(); const s = await serveBuiltApp();
for (const path of ['/', '/embed.html']) {
  const { page } = await openPage(b, { viewport: { width: 1280, height: 800 } });
  const assets = await recordFirstView(page, s.origin + path, storyMapReady);
  console.log(path, JSON.stringify(sumByKind(assets)));
  for (const a of assets) console.log('  ', new URL(a.url).pathname, a.kind, a.gzipBytes);
  await page.context().close();
}
await b.close(); await s.close();
