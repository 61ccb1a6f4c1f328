import L from 'leaflet';
import type { Place, Waypoint } from '../model/types.ts';
import type { PlaceLayer, SelectPlace } from './place-layer.ts';
import { toLatLng } from './to-lat-lng.ts';

/** Spacing of z-index offsets between markers, larger than Leaflet's latitude-based z-index. */
const STACK_STEP = 10_000;

/**
 * Draws each place as a DOM marker with its label, for stories of up to a few hundred places.
 * Markers are added in step order, so that Tab visits them in the order the story tells them,
 * and earlier steps draw on top where markers overlap at small scales.
 */
export function createPlaceMarkers(
  map: L.Map,
  places: readonly Place[],
  waypoints: readonly Waypoint[],
  select: SelectPlace,
): PlaceLayer {
  const markers = places.map((place) => createPlaceMarker(place, select).addTo(map));
  const waypointMarkers = waypoints.map((waypoint) => createWaypointMarker(waypoint).addTo(map));
  let activeIndex = -1;

  const declutter = (): void => {
    const active = markers[activeIndex];
    const ordered = active ? [active, ...markers.filter((m) => m !== active)] : markers;
    hideCrowdedLabels(map, [...ordered, ...waypointMarkers]);
  };
  const stack = (): void => {
    markers.forEach((marker, rank) => {
      marker.setZIndexOffset((rank === activeIndex ? places.length + 1 : places.length - rank) * STACK_STEP);
      const element = marker.getElement();
      element?.classList.toggle('is-active', rank === activeIndex);
      if (rank === activeIndex) element?.setAttribute('aria-current', 'location');
      else element?.removeAttribute('aria-current');
    });
  };
  // Labels collide differently at each zoom; positions are known once the map has a view.
  map.on('zoomend viewreset', declutter);
  stack();
  map.whenReady(declutter);

  return {
    setActive(id) {
      activeIndex = places.findIndex((place) => place.id === id);
      stack();
      declutter();
    },
    destroy() {
      map.off('zoomend viewreset', declutter);
      for (const marker of [...markers, ...waypointMarkers]) marker.remove();
    },
  };
}

/** A focusable, labelled marker that opens its place on click, Enter or Space. */
export function createPlaceMarker(place: Place, select: SelectPlace): L.Marker {
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
  const open = (): void => select(place.id);
  marker.on('click', open);
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
        open();
      }
    });
  });
  return marker;
}

/** A small, non-interactive stop with its name. */
export function createWaypointMarker(waypoint: Waypoint): L.Marker {
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
