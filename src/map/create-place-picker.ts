import * as L from 'leaflet';
import './leaflet.css';
import './map.css';
import type { LngLat } from '../model/types.ts';
import { createBasemap } from './create-basemap.ts';
import { createNotice } from './create-notice.ts';
import { markerContent } from './create-place-markers.ts';
import { createTileLayer } from './create-tile-layer.ts';
import { OPENSTREETMAP_TILES } from './tile-layer-options.ts';
import { fromLatLng, toLatLng } from './to-lat-lng.ts';

/** A place as the picker draws it. */
export interface PickerPlace {
  readonly name: string;
  readonly lngLat: LngLat | null;
}

/** What the author does on the picker's map. */
export interface PlacePickerEvents {
  /** A click on the map (or Enter on it, at its centre): put the chosen place there. */
  onPick(lngLat: LngLat): void;
  /** A place's marker was dragged to a new position. */
  onMove(index: number, lngLat: LngLat): void;
  /** A place's marker was clicked (or Enter pressed on it): choose that place. */
  onChoose(index: number): void;
}

/** The editor's map, where places are put by clicking and moved by dragging. */
export interface PlacePicker {
  /** Draws the places; `chosen` (an index, or null) is the one the next click puts. */
  setPlaces(places: readonly PickerPlace[], chosen: number | null): void;
  /** Frames every placed place (a draft restored, a file opened). */
  showAll(): void;
  /** Shows a position (a place just chosen or typed), zooming in if the map is far out. */
  show(lngLat: LngLat): void;
  destroy(): void;
}

/** Zoom at which a chosen place is shown: a city and its surroundings, where a station can be told apart. */
const SHOW_ZOOM = 9;

/**
 * The editor's map: the offline basemap under tiles, one draggable marker per placed place, and
 * a click that puts the chosen place. Markers are focusable: Enter chooses one; keyboard authors
 * type positions instead of dragging (the form's position field).
 */
export function createPlacePicker(container: HTMLElement, events: PlacePickerEvents, options: { readonly reducedMotion: boolean }): PlacePicker {
  const still = options.reducedMotion;
  const map = L.map(container, {
    zoomSnap: 0.5,
    worldCopyJump: true,
    attributionControl: false,
    keyboard: true,
    // The author's prefers-reduced-motion: zooms and pans jump.
    zoomAnimation: !still,
    fadeAnimation: !still,
    markerZoomAnimation: !still,
    inertia: !still,
  });
  map.attributionControl = L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addTo(map);
  map.getContainer().classList.add('sm-picker');
  map.setView([30, 100], 2);
  const notice = createNotice(map);
  const basemap = createBasemap(map, {
    onUnavailable: () => notice.show('The simplified map is unavailable: places can still be typed as positions'),
    onAvailable: () => notice.hide(),
  });
  // Tiles help tell a station from a square; without them (offline) the basemap still serves.
  const tiles = createTileLayer(map, OPENSTREETMAP_TILES, {
    onUnavailable: () => notice.show('Map tiles unavailable, showing a simplified map: zoom in and check positions against a source'),
    onAvailable: () => notice.hide(),
  });
  let markers: L.Marker[] = [];

  const pick = (event: L.LeafletMouseEvent): void => {
    events.onPick(fromLatLng(event.latlng));
  };
  map.on('click', pick);
  // Enter on the focused map puts the chosen place at its centre (the crosshair a keyboard author aims).
  const mapElement = map.getContainer();
  const onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || event.target !== mapElement) return;
    event.preventDefault();
    events.onPick(fromLatLng(map.getCenter()));
  };
  mapElement.addEventListener('keydown', onKey);

  return {
    setPlaces(places, chosen) {
      for (const marker of markers) marker.remove();
      markers = [];
      places.forEach((place, index) => {
        if (!place.lngLat) return;
        const marker = L.marker(toLatLng(place.lngLat), {
          icon: L.divIcon({ className: index === chosen ? 'sm-marker is-active' : 'sm-marker', html: markerContent(place.name || 'Unnamed place', 'sm-marker__dot'), iconSize: [24, 24], iconAnchor: [12, 12] }),
          draggable: true,
          keyboard: true,
          autoPanOnFocus: false,
          zIndexOffset: index === chosen ? 10_000 : 0,
        });
        marker.on('click', () => events.onChoose(index));
        marker.on('dragend', () => {
          events.onMove(index, fromLatLng(marker.getLatLng()));
        });
        marker.on('add', () => {
          const element = marker.getElement();
          if (!element) return;
          element.setAttribute('aria-label', `${place.name || 'Unnamed place'}: choose it (drag to move it)`);
          if (index === chosen) element.setAttribute('aria-current', 'true');
          L.DomEvent.on(element, 'keydown', (event) => {
            const { key } = event as KeyboardEvent;
            if (key === 'Enter' || key === ' ') {
              L.DomEvent.preventDefault(event);
              L.DomEvent.stopPropagation(event);
              events.onChoose(index);
            }
          });
        });
        markers.push(marker.addTo(map));
      });
    },
    showAll() {
      const placed = markers.map((marker) => marker.getLatLng());
      if (placed.length === 1) map.setView(placed[0]!, SHOW_ZOOM, { animate: false });
      else if (placed.length > 1) map.fitBounds(L.latLngBounds(placed), { padding: [40, 40], maxZoom: SHOW_ZOOM, animate: false });
    },
    show(lngLat) {
      const target = toLatLng(lngLat);
      // Already in view at a useful zoom: leave the map where the author has it.
      if (map.getZoom() >= SHOW_ZOOM && map.getBounds().pad(-0.1).contains(target)) return;
      map.setView(target, Math.max(map.getZoom(), SHOW_ZOOM), { animate: false });
    },
    destroy() {
      mapElement.removeEventListener('keydown', onKey);
      tiles.destroy();
      basemap.destroy();
      notice.destroy();
      map.remove();
    },
  };
}
