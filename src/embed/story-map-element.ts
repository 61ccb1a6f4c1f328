import { createStoryMap, type StoryMap } from '../app/create-story-map.ts';
import { MAP_STYLES } from '../map/map-styles.ts';
import uiCss from '../ui/ui.css?inline';
import appCss from '../app/story-map.css?inline';
import embedCss from './embed-page.css?inline';
import { RESERVED_MIN_HEIGHT_PX } from './embed-snippet.ts';
import { forwardEvents } from './forward-events.ts';
import { embeddedOptions, readSettings, type SettingName } from './settings.ts';

// <story-map src="stories/x.geojson" place="vladivostok"></story-map>: the same engine as the
// iframe, in the host page's DOM, inside a shadow root so that the host's CSS cannot break
// Leaflet (and Leaflet's cannot leak out). It fires DOM events named as the message protocol's
// (`ready`, `placechange`, `error`), and never reads or writes the host's address.

// The element is a stacking context of its own (isolation), so that Leaflet's panes and controls
// (z-index up to 1000) stay under the host's sticky header, and it is laid out left to right
// whatever the host's direction (the story's own language sets its direction inside). Until the
// story is shown, it reserves about the space it will take (as embed.js does for the iframe).
const HOST_CSS = `:host { display: block; isolation: isolate; direction: ltr; }
.host-root { height: 100%; }
.host-root:not(.is-shown):not(.has-fixed-height) { aspect-ratio: 4 / 5; min-height: ${RESERVED_MIN_HEIGHT_PX}px; }`;
const STYLES = [MAP_STYLES, uiCss, appCss, embedCss, HOST_CSS].join('\n');

/** The `<story-map>` custom element. */
export class StoryMapElement extends HTMLElement {
  static observedAttributes = ['src', 'place', 'controls', 'article', 'height', 'tiles', 'theme'];

  private map: StoryMap | null = null;
  private stopEvents: (() => void) | null = null;
  private currentPlace: string | null = null;
  private shown = false;
  private pendingStep: string | null = null;

  connectedCallback(): void {
    this.mount();
  }

  disconnectedCallback(): void {
    this.unmount();
  }

  attributeChangedCallback(name: string, oldValue: string | null, value: string | null): void {
    if (!this.isConnected || oldValue === value) return;
    // A new place is a step of the same story (no place: the overview); anything else mounts
    // the story again.
    if (name === 'place' && this.map) this.goTo(value ?? 'overview');
    else {
      // A new theme redraws the map (its canvas basemap too) at the place the reader was.
      const at = name === 'theme' && this.map ? (this.currentPlace ?? 'overview') : null;
      this.unmount();
      this.mount(at);
    }
  }

  /**
   * Moves to a step by slug, as the iframe's `goto` command does. Before the story is shown,
   * the step is kept and taken once it is (the last one asked for wins); true then.
   */
  goTo(slug: string): boolean {
    if (!this.map) return false;
    if (this.shown) return this.map.goTo(slug);
    this.pendingStep = slug;
    return true;
  }

  private mount(at: string | null = null): void {
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLES;
    const container = document.createElement('div');
    container.className = 'host-root';
    // The element's attributes, read as the iframe reads its address: src is the story, place the step.
    const attribute: Record<SettingName, string> = { story: 'src', step: 'place', controls: 'controls', article: 'article', tiles: 'tiles', theme: 'theme', height: 'height' };
    const settings = readSettings((name) => (name === 'step' && at !== null ? at : this.getAttribute(attribute[name])));
    if (settings.height !== null) {
      container.style.height = `${settings.height}px`;
      container.classList.add('has-fixed-height');
    }
    shadow.replaceChildren(style, container);
    this.shown = false;
    this.pendingStep = null;
    this.currentPlace = settings.step;
    // No src, no story: the element says so (the library carries no story of its own).
    const map = createStoryMap(container, {
      ...embeddedOptions(settings),
      ...(settings.story ? { storyUrl: new URL(settings.story, document.baseURI).href } : {}),
    });
    this.map = map;
    // Events bubble, so that a page can listen once for all its story maps.
    this.stopEvents = forwardEvents(map, ({ type, ...detail }) => {
      if (type === 'placechange') this.currentPlace = (detail as { id: string | null }).id;
      this.dispatchEvent(new CustomEvent(type, { bubbles: true, detail }));
    });
    void map.ready.then((story) => {
      if (this.map !== map) return;
      this.shown = true;
      container.classList.add('is-shown');
      const pending = this.pendingStep;
      this.pendingStep = null;
      if (story && pending !== null) map.goTo(pending);
    });
  }

  private unmount(): void {
    this.stopEvents?.();
    this.stopEvents = null;
    this.map?.destroy();
    this.map = null;
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('story-map')) {
  customElements.define('story-map', StoryMapElement);
}
