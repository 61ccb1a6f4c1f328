import * as L from 'leaflet';
import type { Place, Waypoint } from '../model/types.ts';
import type { PlaceLayer, SelectPlace } from './place-layer.ts';
import { revealFocusedMarker } from './clear-area.ts';
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
  const markers = places.map((place) => createPlaceMarker(map, place, select).addTo(map));
  const waypointMarkers = waypoints.map((waypoint) => createWaypointMarker(waypoint).addTo(map));
  let activeIndex = -1;

  const declutter = (): void => {
    const active = markers[activeIndex];
    const ordered = active ? [active, ...markers.filter((m) => m !== active)] : markers;
    fanOutStackedMarkers(map, ordered);
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
export function createPlaceMarker(map: L.Map, place: Place, select: SelectPlace): L.Marker {
  const marker = L.marker(toLatLng(place.lngLat), {
    icon: L.divIcon({
      className: 'sm-marker',
      html: markerContent(place.name, 'sm-marker__dot'),
      iconSize: [24, 24],
      iconAnchor: [12, 12],
    }),
    keyboard: true,
    riseOnHover: true,
    // Leaflet's pan on focus stops with the marker at the map's edge, under its controls.
    autoPanOnFocus: false,
  });
  const open = (): void => select(place.id);
  marker.on('click', open);
  marker.on('add', () => {
    const element = marker.getElement();
    if (!element) return;
    // The accessible name starts with the place's name, as readers search by it.
    element.setAttribute('aria-label', place.summary ? `${place.name}: ${place.summary}` : place.name);
    L.DomEvent.on(element, 'focus', () => revealFocusedMarker(map, element));
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
export function markerContent(name: string, dotClass: string): HTMLElement {
  const wrapper = document.createElement('span');
  wrapper.className = 'sm-marker__inner';
  // Points from a fanned-out marker back to where the place really is (see fanOutStackedMarkers).
  const leader = document.createElement('span');
  leader.className = 'sm-marker__leader';
  leader.setAttribute('aria-hidden', 'true');
  const dot = document.createElement('span');
  dot.className = dotClass;
  dot.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'sm-marker__label';
  label.textContent = name;
  wrapper.append(leader, dot, label);
  return wrapper;
}

/** Least distance between the centres of two place markers, so each stays a 24 px target. */
const MIN_SPACING = 28;
/** Most markers fanned out on one ring (its radius is then 54 px); more make a sunflower. */
const RING_MAX = 12;
/** The angle between successive seeds of a sunflower, which spreads them evenly. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Places whose markers would sit on top of each other at this zoom (Khasan, Vladivostok and
 * Russky Island at the overview) are spread on a small circle around their group's centre,
 * each with a leader line to its true position, so every one can be seen, clicked and
 * tapped. `markers` is in priority order; zooming in undoes the fan as they separate.
 */
function fanOutStackedMarkers(map: L.Map, markers: readonly L.Marker[]): void {
  const points = markers.map((marker) => map.latLngToLayerPoint(marker.getLatLng()));
  const groups: number[][] = [];
  points.forEach((point, i) => {
    const group = groups.find((members) => members.some((j) => points[j]!.distanceTo(point) < MIN_SPACING));
    if (group) group.push(i);
    else groups.push([i]);
  });
  // However many places share a point, the fan stays well inside the map.
  const size = map.getSize();
  const maxRadius = 0.4 * Math.min(size.x, size.y);
  for (const members of groups) {
    const offsets = new Map<number, L.Point>();
    if (members.length > RING_MAX) {
      // Too many for one ring (450 places at one point would make a ring 4,000 px across): a
      // sunflower of even density around the centre, the first in priority order in its middle,
      // packed tighter than 28 px apart only when that is what keeps it inside the map.
      const centre = members.reduce((sum, i) => sum.add(points[i]!), L.point(0, 0)).divideBy(members.length);
      const spacing = Math.min(MIN_SPACING, maxRadius / Math.sqrt(members.length / Math.PI));
      members.forEach((i, k) => {
        const radius = spacing * Math.sqrt((k + 0.5) / Math.PI);
        const angle = k * GOLDEN_ANGLE;
        offsets.set(i, centre.add(L.point(Math.cos(angle) * radius, Math.sin(angle) * radius)).subtract(points[i]!));
      });
    } else if (members.length > 1) {
      const centre = members.reduce((sum, i) => sum.add(points[i]!), L.point(0, 0)).divideBy(members.length);
      const radius = MIN_SPACING / (2 * Math.sin(Math.PI / members.length));
      // Keep each place on its own side of the group (Khasan south-west of Vladivostok).
      const bearing = (i: number): number => Math.atan2(points[i]!.y - centre.y, points[i]!.x - centre.x);
      const around = [...members].sort((a, b) => bearing(a) - bearing(b));
      const start = bearing(around[0]!);
      around.forEach((i, k) => {
        const angle = start + (2 * Math.PI * k) / members.length;
        offsets.set(i, centre.add(L.point(Math.cos(angle) * radius, Math.sin(angle) * radius)).subtract(points[i]!));
      });
    }
    for (const i of members) setOffset(markers[i]!, offsets.get(i) ?? L.point(0, 0));
  }
}

/** Shifts a marker's icon by `offset` pixels (through its margins, which Leaflet sets only once). */
function setOffset(marker: L.Marker, offset: L.Point): void {
  const element = marker.getElement();
  const anchor = marker.getIcon().options.iconAnchor;
  if (!element || !Array.isArray(anchor)) return;
  element.style.marginLeft = `${offset.x - anchor[0]}px`;
  element.style.marginTop = `${offset.y - anchor[1]}px`;
  const length = Math.hypot(offset.x, offset.y);
  element.classList.toggle('is-fanned', length > 0.5);
  const leader = element.querySelector<HTMLElement>('.sm-marker__leader');
  if (leader) {
    leader.style.width = `${length}px`;
    leader.style.transform = `rotate(${Math.atan2(-offset.y, -offset.x)}rad)`;
  }
}

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/**
 * Places each marker's label to the right of its dot, or else to the left, where it covers no
 * dot and no label placed before it; otherwise hides it until the reader zooms in (or focuses
 * the marker). `markers` is in priority order: the current place, then the story's order,
 * then waypoints. The first marker always keeps its label.
 */
function hideCrowdedLabels(map: L.Map, markers: readonly L.Marker[]): void {
  const elements = markers.map((marker) => marker.getElement());
  // Measure every label shown first: a hidden label measures 0 wide.
  for (const element of elements) element?.classList.remove('is-crowded', 'is-label-left');
  const layout = markers.map((marker, i) => {
    const element = elements[i];
    if (!element) return null;
    const margin = L.point(parseFloat(element.style.marginLeft) || 0, parseFloat(element.style.marginTop) || 0);
    const anchor = marker.getIcon().options.iconAnchor;
    const shift = Array.isArray(anchor) ? margin.add(L.point(anchor[0], anchor[1])) : L.point(0, 0);
    const centre = map.latLngToLayerPoint(marker.getLatLng()).add(shift);
    const label = element.querySelector<HTMLElement>('.sm-marker__label');
    const half = element.offsetHeight / 2;
    const width = label?.offsetWidth ?? 0;
    const halfHeight = (label?.offsetHeight ?? 0) / 2;
    const dot: Box = { left: centre.x - half, top: centre.y - half, right: centre.x + half, bottom: centre.y + half };
    const side = (sign: 1 | -1): Box => ({
      left: sign > 0 ? dot.right + 4 : dot.left - 4 - width,
      right: sign > 0 ? dot.right + 4 + width : dot.left - 4,
      top: centre.y - halfHeight,
      bottom: centre.y + halfHeight,
    });
    return { element, dot, right: side(1), left: side(-1) };
  });
  const dots = layout.flatMap((item) => (item ? [item.dot] : []));
  const placed: Box[] = [];
  const free = (box: Box, own: Box): boolean =>
    !dots.some((d) => d !== own && overlaps(d, box)) && !placed.some((p) => overlaps(p, box));
  layout.forEach((item, i) => {
    if (!item) return;
    if (free(item.right, item.dot)) placed.push(item.right);
    else if (free(item.left, item.dot)) {
      placed.push(item.left);
      item.element.classList.add('is-label-left');
    } else if (i === 0) placed.push(item.right);
    else item.element.classList.add('is-crowded');
  });
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
}
