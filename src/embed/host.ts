import { PROTOCOL, PROTOCOL_VERSION, parseEvent, type EmbedCommand, type EmbedEvent } from './protocol.ts';

// The host page's script (dist/embed.js as a classic script, dist/embed.mjs as a module): it
// finds iframes marked `data-story-map`, reserves their space before they load (no layout
// shift), loads them lazily, applies the height each one reports, and re-dispatches the embed's
// events as DOM events on the iframe (`story-map:placechange`, ...). No dependencies.

/** The aspect ratio reserved before an embed reports its height (portrait: the map above the story). */
const DEFAULT_ASPECT_RATIO = '4 / 5';

/** Tallest height applied from an embed's report: past it, a report is a fault, not a story. */
const MAX_HEIGHT = 20_000;

const managed = new Set<HTMLIFrameElement>();
let listening = false;

/** Prepares one iframe: reserved space, lazy loading, no border. Idempotent. */
export function manage(iframe: HTMLIFrameElement): void {
  if (managed.has(iframe)) return;
  managed.add(iframe);
  if (!iframe.hasAttribute('loading')) iframe.loading = 'lazy';
  iframe.style.width ||= '100%';
  iframe.style.border ||= '0';
  iframe.style.display ||= 'block';
  if (!iframe.style.height) iframe.style.aspectRatio = iframe.dataset.aspectRatio ?? DEFAULT_ASPECT_RATIO;
  listen();
}

/** Finds and manages every `iframe[data-story-map]` in `root`. */
export function scan(root: ParentNode = document): void {
  root.querySelectorAll<HTMLIFrameElement>('iframe[data-story-map]').forEach(manage);
}

/** Sends a command (`goto`, `next`, `prev`) to an embed, addressed to the embed's own origin. */
export function send(iframe: HTMLIFrameElement, command: { type: 'goto'; slug: string } | { type: 'next' } | { type: 'prev' }): void {
  const message = { protocol: PROTOCOL, version: PROTOCOL_VERSION, ...command } as EmbedCommand;
  iframe.contentWindow?.postMessage(message, new URL(iframe.src, location.href).origin);
}

function listen(): void {
  if (listening) return;
  listening = true;
  window.addEventListener('message', (event) => {
    // Trust the sender, not the shape: only a window we manage, then only a valid event.
    let iframe: HTMLIFrameElement | undefined;
    for (const candidate of managed) if (candidate.contentWindow === event.source) iframe = candidate;
    if (!iframe) return;
    // ...and only while that window still shows the embed: a frame navigated elsewhere (a link
    // followed inside it) is someone else's page, however it talks. A sandboxed frame without
    // allow-same-origin has the opaque origin "null".
    const expected = new URL(iframe.src, location.href).origin;
    const opaque = iframe.sandbox.length > 0 && !iframe.sandbox.contains('allow-same-origin');
    if (event.origin !== expected && !(opaque && event.origin === 'null')) return;
    const message: EmbedEvent | null = parseEvent(event.data);
    if (!message) return;
    if (message.type === 'height') {
      iframe.style.aspectRatio = 'auto';
      iframe.style.height = `${Math.min(MAX_HEIGHT, Math.ceil(message.height))}px`;
    }
    iframe.dispatchEvent(new CustomEvent(`story-map:${message.type}`, { detail: message, bubbles: true }));
  });
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => scan());
  else scan();
}
