import { createStoryMap, type StoryMapOptions } from '../app/create-story-map.ts';
import { DEFAULT_STORY_URL } from '../app/default-story.ts';
import { slugFromHash } from '../ui/hash-sync.ts';
import { element } from '../ui/element.ts';
import { stepAfter } from './coalesce-commands.ts';
import { forwardEvents } from './forward-events.ts';
import { embedEvent, parseCommand, type EmbedCommand, type EmbedEvent } from './protocol.ts';
import { embeddedOptions, readSettings } from './settings.ts';
import '../page-colours.css';
import './embed-page.css';

// The iframe embed: the story map without page chrome, sized by its content, talking to the
// host page through the versioned message protocol (docs/embedding.md). It never focuses itself,
// scrolls the host or touches the host's address.
const params = new URLSearchParams(location.search);
const container = document.getElementById('app');

/** The embedding page's origin, as the browser reports it (ancestorOrigins where supported). */
function parentOrigin(): string | null {
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0] ?? null;
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}

if (container && window.parent !== window) {
  document.documentElement.classList.add('is-framed');
  // Links to other pages (the map's credits, a tile provider's) open in a new tab: followed inside
  // the frame, they would put someone else's page where the story was, in the host's article.
  document.addEventListener(
    'click',
    (event) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.getAttribute('href')?.startsWith('#')) return;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
    },
    true,
  );
}
if (container) {
  const host = parentOrigin();
  const allowedOrigins = (params.get('allowedOrigins') ?? host ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  // Outgoing messages carry only public story data; they go to the parent's origin when the
  // browser tells us, else to any parent ('*'), which can read nothing more than the page shows.
  const targetOrigin = host ?? '*';
  const post = (event: EmbedEvent): void => {
    if (window.parent !== window) window.parent.postMessage(event, targetOrigin);
  };

  // The step comes from the address's hash (embed.html#khasan), the rest from its parameters.
  const settings = readSettings((name) => (name === 'step' ? slugFromHash(location.hash) : params.get(name)));
  const storyParam = settings.story;
  const step = settings.step;
  const extraOrigins = (import.meta.env.VITE_STORY_ORIGINS ?? '').split(',').map((o: string) => o.trim()).filter(Boolean);
  const options: StoryMapOptions = {
    ...embeddedOptions(settings),
    ...(storyParam ? { storyUrl: storyParam, allowedStoryOrigins: [location.origin, ...extraOrigins] } : { preparedStoryUrl: DEFAULT_STORY_URL }),
    ...(import.meta.env.VITE_TILES === 'none' ? { tiles: 'none' as const } : {}),
  };
  if (settings.height !== null) {
    container.style.height = `${settings.height}px`;
    container.classList.add('has-fixed-height');
  }

  const full = element('a', { class: 'embed-full-link', target: '_blank', rel: 'noopener' }, 'Open the full story ↗');
  const fullUrl = (slug: string | null): string => {
    const url = new URL('./index.html', location.href);
    if (storyParam) url.searchParams.set('story', storyParam);
    url.hash = slug ?? '';
    return url.href;
  };
  full.href = fullUrl(step);
  const map = createStoryMap(container, options);
  container.after(element('footer', { class: 'embed-footer' }, full));

  // The story's events go to the host as they happen; the last of each kind is kept to tell
  // again (see `hello`).
  let placeEvent: EmbedEvent | null = null;
  let shownEvent: EmbedEvent | null = null;
  let current: string | null = step;
  forwardEvents(map, (message) => {
    const event = embedEvent(message);
    if (message.type === 'placechange') {
      current = message.id;
      full.href = fullUrl(message.id);
      placeEvent = event;
    } else {
      shownEvent = event;
    }
    post(event);
  });

  // The page's height follows its content (the map keeps an aspect ratio of the frame's width),
  // never the frame's height, so resizing the frame to it cannot loop. Nothing is reported until
  // the story (or why it cannot be shown) is on screen: the loading state's 90-odd pixels would
  // shrink the space the host reserved, only for it to grow again (a layout shift each way).
  let lastHeight = 0;
  const reportHeight = (force = false): void => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height > 0 && (force || Math.abs(height - lastHeight) > 1)) {
      lastHeight = height;
      post(embedEvent({ type: 'height', height }));
      // AMP's amp-iframe (resizable) sizes itself from this message; it carries a height only.
      if (window.parent !== window) window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
    }
  };
  void map.ready.then(() => {
    new ResizeObserver(() => reportHeight()).observe(document.body);
    reportHeight();
  });
  /** Tells the host everything again, for a host script that missed it (see `hello`). */
  const tellState = (): void => {
    if (!shownEvent) return; // still loading: `ready` or `error` will follow of itself
    post(shownEvent);
    if (placeEvent) post(placeEvent);
    reportHeight(true);
  };

  // Commands are queued and worked through together, a moment after they arrive: a host that
  // sends thousands at once (a script replaying a reader's path) gets one change of step, to
  // where they lead, instead of thousands; commands sent while the story loads are kept for it.
  let queue: EmbedCommand[] = [];
  const flush = async (): Promise<void> => {
    const story = await map.ready;
    const commands = queue;
    queue = [];
    if (!story || commands.length === 0) return;
    const slugs = story.steps.map((s) => s.slug);
    const target = slugs[stepAfter(slugs, Math.max(0, current === null ? 0 : slugs.indexOf(current)), commands)];
    if (target !== undefined) map.goTo(target);
  };
  window.addEventListener('message', (event) => {
    // Only the parent, only from an allowed origin, only well-formed commands; the rest is ignored.
    if (event.source !== window.parent || !allowedOrigins.includes(event.origin)) return;
    const command = parseCommand(event.data);
    if (!command) return;
    if (command.type === 'hello') return tellState();
    if (queue.push(command) === 1) setTimeout(() => void flush(), 0);
  });
}
