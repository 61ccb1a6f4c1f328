import * as L from 'leaflet';
import './leaflet.css';
import './map.css';
import type { Step } from '../model/types.ts';
import type { StoryState } from '../story/story-state.ts';
import { createBackControl } from './create-back-control.ts';
import { createBasemap } from './create-basemap.ts';
import { createCamera, type MapCamera } from './create-camera.ts';
import { createEdgePointers } from './create-edge-pointers.ts';
import { createNotice } from './create-notice.ts';
import { createRouteLayer } from './create-route-layer.ts';
import { createPlaceMarkers } from './create-place-markers.ts';
import type { PlaceLayerFactory } from './place-layer.ts';
import { createTileLayer } from './create-tile-layer.ts';
import { escapeHtml } from '../model/escape-html.ts';
import type { TileLayerOptions } from './tile-layer-options.ts';
import { unwrapLongitudes } from '../model/route-geometry.ts';

/** Options of the map view. */
export interface MapViewOptions {
  /** The tile layer under the story, or null for none. */
  readonly tiles: TileLayerOptions | null;
  /** Move the camera without animation. */
  readonly reducedMotion: boolean;
  /**
   * Replaces Leaflet's wheel and one-finger gestures (for example `installEmbeddedGestures`, so
   * that a map in someone else's article does not trap scrolling); returns its undo. Passed in
   * rather than imported, so that the full page does not carry it. Defaults to Leaflet's own.
   */
  readonly gestures?: GestureInstaller;
  /**
   * How places are drawn. Defaults to labelled DOM markers; stories of thousands of places pass
   * `createPlaceDots` (loaded on demand), since thousands of DOM markers make zooming crawl.
   */
  readonly placeLayer?: PlaceLayerFactory;
}

/** Installs gestures on a Leaflet map and returns the function that removes them. */
export type GestureInstaller = (map: L.Map) => () => void;

/** What layers added later (the train) need from a map view. Opaque outside src/map. */
export interface MapInternals {
  readonly map: L.Map;
  readonly camera: MapCamera;
}

/** The Leaflet map of a story: one marker per place, following the story state. */
export interface MapView {
  readonly internals: MapInternals;
  /** Calls `listener` when the reader pans or zooms the map themselves; returns the undo. */
  onReaderMove(listener: () => void): () => void;
  /**
   * Re-measures the map after its box changed size (a sheet expanded, the list closed) and frames
   * the current step again, so that its place is not left outside a smaller map.
   */
  resize(): void;
  destroy(): void;
}

/** Stories of more places than this get no pointers to the places out of view. */
const MAX_EDGE_POINTERS = 12;

/** Routes of more points than this in all are drawn in a task after the map's first one. */
const LARGE_ROUTE_POINTS = 20_000;

/** Creates the map inside `container` and keeps it in step with `state`. */
export function createMapView(container: HTMLElement, state: StoryState, options: MapViewOptions): MapView {
  const { story } = state;
  const map = L.map(container, {
    zoomSnap: 0.25,
    worldCopyJump: true,
    // Added below with its prefix: Leaflet's default prefix (with a flag drawn as inline SVG)
    // would otherwise be written once first, which a Trusted Types policy need not allow.
    attributionControl: false,
    scrollWheelZoom: !options.gestures,
  });
  const gestures = options.gestures?.(map) ?? null;
  // Leaflet's zoom buttons are links with role="button": Enter works, Space must too.
  const zoomButtons = map.zoomControl?.getContainer();
  if (zoomButtons) {
    L.DomEvent.on(zoomButtons, 'keydown', (event) => {
      const target = event.target as HTMLElement;
      if ((event as KeyboardEvent).key === ' ' && target.matches('a[role="button"]')) {
        L.DomEvent.preventDefault(event);
        target.click();
      }
    });
  }
  map.attributionControl = L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addTo(map);
  const notice = createNotice(map);
  // One note for what the map cannot show: tiles (when the site uses them), the bundled basemap.
  let tilesDown = false;
  let basemapDown = false;
  const updateNotice = (): void => {
    if (basemapDown && (tilesDown || !options.tiles)) {
      notice.show(
        `${options.tiles ? 'Map tiles and the simplified map are' : 'The simplified map is'} unavailable: the places are shown on a plain background`,
      );
    } else if (tilesDown) {
      notice.show('Map tiles unavailable, showing a simplified map');
    } else {
      notice.hide();
    }
  };
  // Only changes are noted, so that a note the reader dismissed does not come back unasked.
  const basemap = createBasemap(map, {
    onUnavailable: () => !basemapDown && ((basemapDown = true), updateNotice()),
    onAvailable: () => basemapDown && ((basemapDown = false), updateNotice()),
  });
  const tiles = options.tiles
    ? createTileLayer(map, options.tiles, {
        onUnavailable: () => ((tilesDown = true), updateNotice()),
        onAvailable: () => ((tilesDown = false), updateNotice()),
      })
    : null;
  // A story's credits are text from its file: escaped, never HTML.
  if (story.meta.mapCredits) map.attributionControl.addAttribution(escapeHtml(story.meta.mapCredits));

  const places = story.steps.flatMap((step) => (step.place ? [step.place] : []));
  const placeLayer = (options.placeLayer ?? createPlaceMarkers)(map, places, story.waypoints, (id) => state.selectPlace(id));
  // Leaflet projects every point of a line again at each zoom, which for a GPS track of
  // hundreds of thousands of points stalls the page each time. Such routes are simplified to
  // about 10 m (invisible below zoom 16; the train still follows the line as given) with code
  // loaded for them only, and drawn in a task of their own, once the map and its places are up.
  const routePoints = story.routes.reduce((sum, route) => sum + route.lines.reduce((n, line) => n + line.length, 0), 0);
  let removed = false;
  if (routePoints > LARGE_ROUTE_POINTS) {
    void import('../model/simplify-line.ts').then(
      ({ simplifyLine }) => {
        if (removed) return;
        // Simplified in one task, drawn in the next: together they would stall the page.
        const drawn = story.routes.map((route) => ({ ...route, lines: route.lines.map((line) => simplifyLine(unwrapLongitudes(line), 1e-4)) }));
        setTimeout(() => !removed && createRouteLayer(drawn).addTo(map), 0);
      },
      () => !removed && createRouteLayer(story.routes).addTo(map),
    );
  } else {
    // In the frame after the markers: the places are what a reader looks for first.
    afterFirstPaint(() => !removed && createRouteLayer(story.routes).addTo(map));
  }
  // Far places get pointers at the map's edge; a story of hundreds would get a fringe of them.
  // Part of the first view, so not loaded on demand (a chunk of its own weighs 0.6 KB more),
  // but laid out after the markers have been painted.
  let edgePointers: { destroy(): void } | null = null;
  if (places.length <= MAX_EDGE_POINTERS) {
    afterFirstPaint(() => {
      if (!removed) edgePointers = createEdgePointers(map, places, (id) => state.selectPlace(id));
    });
  }
  const camera = createCamera(map);
  const backControl = createBackControl(map, () => {
    camera.show(state.step.camera, !options.reducedMotion);
  });
  // When the reader pans or zooms away, offer the way back to the current step's view.
  camera.onReaderMove(() => backControl.show());

  const showStep = (step: Step, animate: boolean): void => {
    backControl.hide();
    camera.show(step.camera, animate);
    // After the camera is set, so that labels are laid out for the view the reader gets.
    placeLayer.setActive(step.place?.id ?? null);
  };

  showStep(state.step, false);
  const unsubscribe = state.on('stepchange', ({ step }) => showStep(step, !options.reducedMotion));

  return {
    internals: { map, camera },
    onReaderMove: (listener) => camera.onReaderMove(listener),
    resize() {
      map.invalidateSize({ pan: false });
      showStep(state.step, false);
    },
    destroy() {
      removed = true;
      unsubscribe();
      tiles?.destroy();
      basemap.destroy();
      notice.destroy();
      backControl.destroy();
      camera.destroy();
      placeLayer.destroy();
      edgePointers?.destroy();
      gestures?.();
      map.remove();
    },
  };
}

/**
 * Runs `callback` once the browser has had the chance to paint: after the next animation frame,
 * or after 50 ms where frames are not being drawn (a hidden tab, an iframe scrolled out of view).
 */
function afterFirstPaint(callback: () => void): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    callback();
  };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 50);
}
