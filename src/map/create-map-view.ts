import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import type { LngLat, Place, Step, Waypoint } from '../model/types.ts';
import type { StoryState } from '../story/story-state.ts';
import { createBasemap } from './create-basemap.ts';
import { createNotice } from './create-notice.ts';
import { createRouteLayer } from './create-route-layer.ts';
import { createTileLayer } from './create-tile-layer.ts';
import type { TileLayerOptions } from './tile-layer-options.ts';

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

/** Spacing of z-index offsets between markers, larger than Leaflet's latitude-based z-index. */
const STACK_STEP = 10_000;

/** The one place where GeoJSON's [lng, lat] becomes Leaflet's LatLng. */
function toLatLng(lngLat: LngLat): L.LatLng {
  return L.latLng(lngLat[1], lngLat[0]);
}

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

  // Added in step order, so that Tab visits the markers in the order the story tells them;
  // earlier steps draw on top where markers overlap at small scales.
  const markers = new Map<string, L.Marker>();
  const places = story.steps.flatMap((step) => (step.place ? [step.place] : []));
  places.forEach((place, rank) => {
    const marker = createPlaceMarker(place, state);
    marker.setZIndexOffset((places.length - rank) * STACK_STEP);
    marker.addTo(map);
    markers.set(place.id, marker);
  });
  const waypointMarkers = story.waypoints.map((waypoint) => createWaypointMarker(waypoint).addTo(map));

  const declutter = (): void => {
    const activeId = state.step.place?.id;
    const ordered = [...markers].sort(([a], [b]) => Number(b === activeId) - Number(a === activeId));
    hideCrowdedLabels(map, [...ordered.map(([, marker]) => marker), ...waypointMarkers]);
  };
  map.on('zoomend', declutter);

  const allBounds = L.latLngBounds(story.places.map((p) => toLatLng(p.lngLat)));
  const showStep = (step: Step, animate: boolean): void => {
    for (const [id, marker] of markers) {
      const active = step.place?.id === id;
      const element = marker.getElement();
      element?.classList.toggle('is-active', active);
      if (active) element?.setAttribute('aria-current', 'location');
      else element?.removeAttribute('aria-current');
    }
    const rank = (id: string): number => places.findIndex((p) => p.id === id);
    for (const [id, marker] of markers) {
      const active = step.place?.id === id;
      marker.setZIndexOffset((active ? places.length + 1 : places.length - rank(id)) * STACK_STEP);
    }
    if (step.place) {
      const target = toLatLng(step.place.lngLat);
      if (animate) map.flyTo(target, PLACE_ZOOM, { duration: 0.8 });
      else map.setView(target, PLACE_ZOOM, { animate: false });
    } else {
      map.fitBounds(allBounds, { ...OVERVIEW_PADDING, animate, maxZoom: PLACE_ZOOM });
    }
  };

  showStep(state.step, false);
  declutter();
  const unsubscribe = state.on('stepchange', ({ step }) => {
    showStep(step, !options.reducedMotion);
    declutter();
  });

  return {
    destroy() {
      unsubscribe();
      tiles?.destroy();
      basemap.destroy();
      notice.destroy();
      map.remove();
    },
  };
}

function createPlaceMarker(place: Place, state: StoryState): L.Marker {
  const marker = L.marker(toLatLng(place.lngLat), {
    icon: L.divIcon({
      className: 'sm-marker',
      html: markerContent(place.name, 'sm-marker__dot'),
      iconSize: [24, 24],
      iconAnchor: [12, 12],
    }),
    keyboard: true,
    riseOnHover: true,
  });
  const select = (): void => {
    state.selectPlace(place.id);
  };
  marker.on('click', select);
  marker.on('add', () => {
    const element = marker.getElement();
    if (!element) return;
    // The accessible name starts with the place's name, as readers search by it.
    element.setAttribute('aria-label', place.summary ? `${place.name}: ${place.summary}` : place.name);
    // Leaflet 1.9 makes keyboard markers focusable but does not open them with Enter or Space.
    L.DomEvent.on(element, 'keydown', (event) => {
      const { key } = event as KeyboardEvent;
      if (key === 'Enter' || key === ' ' || key === 'Spacebar') {
        L.DomEvent.preventDefault(event);
        L.DomEvent.stopPropagation(event);
        select();
      }
    });
  });
  return marker;
}

function createWaypointMarker(waypoint: Waypoint): L.Marker {
  return L.marker(toLatLng(waypoint.lngLat), {
    icon: L.divIcon({
      className: 'sm-marker sm-marker--waypoint',
      html: markerContent(waypoint.name, 'sm-marker__stop'),
      iconSize: [10, 10],
      iconAnchor: [5, 5],
    }),
    interactive: false,
    keyboard: false,
  });
}

/** The marker's dot and its label, built as DOM so that names from the story stay text. */
function markerContent(name: string, dotClass: string): HTMLElement {
  const wrapper = document.createElement('span');
  wrapper.className = 'sm-marker__inner';
  const dot = document.createElement('span');
  dot.className = dotClass;
  dot.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'sm-marker__label';
  label.textContent = name;
  wrapper.append(dot, label);
  return wrapper;
}

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * Hides the labels of markers whose dot and label would overlap a marker placed before them,
 * so that places close together at small scales stay legible (Vladivostok and Russky Island
 * are 12 km apart). `markers` is in priority order; hidden labels return on zooming in.
 */
function hideCrowdedLabels(map: L.Map, markers: readonly L.Marker[]): void {
  const elements = markers.map((marker) => marker.getElement());
  // Measure every label shown first: a hidden label measures 0 wide.
  for (const element of elements) element?.classList.remove('is-crowded');
  const boxes = markers.map((marker, i): Box | null => {
    const element = elements[i];
    if (!element) return null;
    const point = map.latLngToLayerPoint(marker.getLatLng());
    const label = element.querySelector<HTMLElement>('.sm-marker__label');
    const halfDot = element.offsetHeight / 2;
    const halfHeight = Math.max(halfDot, (label?.offsetHeight ?? 0) / 2);
    return {
      left: point.x - halfDot,
      top: point.y - halfHeight,
      right: point.x + halfDot + 4 + (label?.offsetWidth ?? 0),
      bottom: point.y + halfHeight,
    };
  });
  const kept: Box[] = [];
  boxes.forEach((box, i) => {
    if (!box) return;
    const crowded = kept.some((k) => box.left < k.right && box.right > k.left && box.top < k.bottom && box.bottom > k.top);
    elements[i]?.classList.toggle('is-crowded', crowded);
    if (!crowded) kept.push(box);
  });
}
