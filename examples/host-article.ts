// The example article's own script: the host script for the iframe, the element build for the
// <story-map> element, and a log of what both report.
import '../src/embed/host.ts';
import '../src/embed/story-map-element.ts';

const log = document.getElementById('log');
const write = (source: string, detail: unknown): void => {
  const item = document.createElement('li');
  item.textContent = `${source}: ${JSON.stringify(detail)}`;
  log?.prepend(item);
};
for (const type of ['ready', 'placechange', 'height', 'error']) {
  document.addEventListener(`story-map:${type}`, (event) => write('iframe', (event as CustomEvent).detail));
  document.querySelector('story-map')?.addEventListener(type, (event) => write('element', { type, ...(event as CustomEvent).detail }));
}
