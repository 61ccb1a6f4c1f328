import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import type { Step } from '../model/types.ts';
import type { StoryState } from '../story/story-state.ts';
import { createBasemap } from './create-basemap.ts';
import { createNotice } from './create-notice.ts';
import { createRouteLayer } from './create-route-layer.ts';
import { createPlaceDots } from './create-place-dots.ts';
import { createPlaceMarkers } from './create-place-markers.ts';
import { createTileLayer } from './create-tile-layer.ts';
import type { TileLayerOptions } from './tile-layer-options.ts';
import { toLatLng } from './to-lat-lng.ts';

/** Options of the map view. */
export interface MapViewOptions {
  /** The tile layer under the story, or null for none. */
  readonly tiles: TileLayerOptions | null;
  /** Move the camera without animation. */
  readonly reducedMotion: boolean;
}

/** The Leaflet map of a story: one marker per place, following the story state. */
export interface MapView {
  destroy(): void;
}

/** Zoom used to bring a single place into view: the city and its surroundings. */
const PLACE_ZOOM = 9;
/** Room around the overview: labels sit to the right of their dots, so keep more space there. */
const OVERVIEW_PADDING = { paddingTopLeft: L.point(40, 40), paddingBottomRight: L.point(130, 40) };

/** Above this many places, markers are canvas dots rather than DOM elements. */
const LARGE_STORY_PLACES = 500;

/** Creates the map inside `container` and keeps it in step with `state`. */
export function createMapView(container: HTMLElement, state: StoryState, options: MapViewOptions): MapView {
  const { story } = state;
  const map = L.map(container, {
    zoomSnap: 0.25,
    worldCopyJump: true,
    attributionControl: true,
  });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  const basemap = createBasemap(map);
  const notice = createNotice(map);
  const tiles = options.tiles
    ? createTileLayer(map, options.tiles, {
        onUnavailable: () => notice.show('Map tiles unavailable, showing a simplified map'),
        onAvailable: () => notice.hide(),
      })
    : null;
  createRouteLayer(story.routes).addTo(map);

  const places = story.steps.flatMap((step) => (step.place ? [step.place] : []));
  // Thousands of DOM markers make zooming crawl: large stories draw dots on a canvas instead,
  // and their list of places is the keyboard path.
  const placeLayer =
    places.length > LARGE_STORY_PLACES
      ? createPlaceDots(map, places, story.waypoints, (id) => state.selectPlace(id))
      : createPlaceMarkers(map, places, story.waypoints, (id) => state.selectPlace(id));
  const allBounds = L.latLngBounds(story.places.map((p) => toLatLng(p.lngLat)));
  const showStep = (step: Step, animate: boolean): void => {
    if (step.place) {
      const target = toLatLng(step.place.lngLat);
      if (animate) map.flyTo(target, PLACE_ZOOM, { duration: 0.8 });
      else map.setView(target, PLACE_ZOOM, { animate: false });
    } else {
      map.fitBounds(allBounds, { ...OVERVIEW_PADDING, animate, maxZoom: PLACE_ZOOM });
    }
    // After the camera is set, so that labels are laid out for the view the reader gets.
    placeLayer.setActive(step.place?.id ?? null);
  };

  showStep(state.step, false);
  const unsubscribe = state.on('stepchange', ({ step }) => showStep(step, !options.reducedMotion));

  return {
    destroy() {
      unsubscribe();
      tiles?.destroy();
      basemap.destroy();
      notice.destroy();
      placeLayer.destroy();
      map.remove();
    },
  };
}

