import { RESERVED_MIN_HEIGHT_PX } from './embed-snippet.ts';
import { PROTOCOL, PROTOCOL_VERSION, parseEvent, type EmbedCommand, type EmbedEvent } from './protocol.ts';

// The host page's script (dist/embed.js as a classic script, dist/embed.mjs as a module): it
// finds iframes marked `data-story-map` (those in the page, and those added later), reserves
// their space before they load, loads them lazily, applies the height each one reports, and
// re-dispatches the embed's events as DOM events on the iframe (`story-map:placechange`, ...).
// It asks each frame for its state when it starts managing it, so that a script that runs late
// misses nothing; a second copy of the script on the page (a snippet pasted twice) hands over to
// the first instead of dispatching every event twice. No dependencies.

/**
 * The space reserved before an embed reports its height: the map above the story, 4:5, and at
 * least the default story's height at a phone's width. Every documented snippet carries the same
 * (README, docs/embedding.md, the Embed button, oEmbed), so that a CMS that strips this script
 * still gives the frame about the height of its content (1,340-1,620 px from 320 to 1,280 px).
 */
const DEFAULT_ASPECT_RATIO = '4 / 5';
const DEFAULT_MIN_HEIGHT = `${RESERVED_MIN_HEIGHT_PX}px`;

/** Tallest height applied from an embed's report: past it, a report is a fault, not a story. */
const MAX_HEIGHT = 20_000;

/** What every copy of the script on a page shares: the first one's. */
interface Host {
  manage(iframe: HTMLIFrameElement): void;
  scan(root?: ParentNode): void;
  send(iframe: HTMLIFrameElement, command: HostCommand): void;
}

/** The commands a host page may send. */
export type HostCommand = { type: 'goto'; slug: string } | { type: 'next' } | { type: 'previous' };

const HOST_KEY = Symbol.for('story-map.embed-host');

function createHost(): Host {
  const managed = new Set<HTMLIFrameElement>();
  // A frame sandboxed without allow-same-origin has an opaque origin, which no target origin
  // names: commands (which carry nothing secret) then go to '*', or the browser drops them.
  const opaque = (iframe: HTMLIFrameElement): boolean => iframe.sandbox.length > 0 && !iframe.sandbox.contains('allow-same-origin');
  const post = (iframe: HTMLIFrameElement, command: EmbedCommand): void => {
    iframe.contentWindow?.postMessage(command, opaque(iframe) ? '*' : new URL(iframe.src, location.href).origin);
  };
  const hello = (iframe: HTMLIFrameElement): void => post(iframe, { protocol: PROTOCOL, version: PROTOCOL_VERSION, type: 'hello' });

  window.addEventListener('message', (event) => {
    // Trust the sender, not the shape: only a window we manage, then only a valid event.
    let iframe: HTMLIFrameElement | undefined;
    for (const candidate of managed) if (candidate.contentWindow === event.source) iframe = candidate;
    if (!iframe) return;
    // ...and only while that window still shows the embed: a frame navigated elsewhere (a link
    // followed inside it) is someone else's page, however it talks. A sandboxed frame without
    // allow-same-origin has the opaque origin "null".
    const expected = new URL(iframe.src, location.href).origin;
    if (event.origin !== expected && !(opaque(iframe) && event.origin === 'null')) return;
    const message: EmbedEvent | null = parseEvent(event.data);
    if (!message) return;
    if (message.type === 'height') {
      iframe.style.aspectRatio = 'auto';
      iframe.style.minHeight = '0';
      iframe.style.height = `${Math.min(MAX_HEIGHT, Math.ceil(message.height))}px`;
    }
    iframe.dispatchEvent(new CustomEvent(`story-map:${message.type}`, { detail: message, bubbles: true }));
  });

  const host: Host = {
    manage(iframe) {
      if (managed.has(iframe)) return;
      managed.add(iframe);
      if (!iframe.hasAttribute('loading')) iframe.loading = 'lazy';
      iframe.style.width ||= '100%';
      iframe.style.border ||= '0';
      iframe.style.display ||= 'block';
      if (!iframe.style.height) {
        iframe.style.aspectRatio = iframe.dataset.aspectRatio ?? DEFAULT_ASPECT_RATIO;
        if (!iframe.dataset.aspectRatio) iframe.style.minHeight ||= DEFAULT_MIN_HEIGHT;
      }
      // Each time the frame loads, and now in case it has already: what it said before this
      // script listened is said again.
      iframe.addEventListener('load', () => hello(iframe));
      hello(iframe);
    },
    scan(root = document) {
      if (root instanceof HTMLIFrameElement) {
        if (root.matches('iframe[data-story-map]')) host.manage(root);
        return;
      }
      root.querySelectorAll<HTMLIFrameElement>('iframe[data-story-map]').forEach(host.manage);
    },
    send: (iframe, command) => post(iframe, { protocol: PROTOCOL, version: PROTOCOL_VERSION, ...command } as EmbedCommand),
  };

  // Frames added after the page loaded (an infinite scroll, a CMS's late widget) are managed too.
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) host.scan(node);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  return host;
}

function sharedHost(): Host {
  const slot = window as unknown as Record<symbol, Host | undefined>;
  return (slot[HOST_KEY] ??= createHost());
}

/** Prepares one iframe: reserved space, lazy loading, no border, its state asked for. Idempotent. */
export function manage(iframe: HTMLIFrameElement): void {
  sharedHost().manage(iframe);
}

/** Finds and manages every `iframe[data-story-map]` in `root`. */
export function scan(root: ParentNode = document): void {
  sharedHost().scan(root);
}

/** Sends a command (`goto`, `next`, `previous`) to an embed, addressed to the embed's own origin. */
export function send(iframe: HTMLIFrameElement, command: HostCommand): void {
  sharedHost().send(iframe, command);
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => scan());
  else scan();
}
