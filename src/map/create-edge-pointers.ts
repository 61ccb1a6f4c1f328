import * as L from 'leaflet';
import { distanceKm, formatKm } from '../model/far-distance.ts';
import type { LngLat, Place } from '../model/types.ts';
import { clearArea, type Box } from './clear-area.ts';
import type { SelectPlace } from './place-layer.ts';
import { toLatLng } from './to-lat-lng.ts';

/** Pointers at the map's edge to the places out of view. */
export interface EdgePointers {
  destroy(): void;
}

/** Space between two pointers on the same edge, in pixels. */
const GAP = 4;
/** Half a place marker's dot, with its border and a little room. */
const DOT = 14;

/**
 * A story's focus and its far places rarely fit one view: framed on the Russian Far East, the
 * map cannot also show Moscow and Hanoi. Each place out of view gets a pointer at the map's
 * edge, in its direction from the map's centre, with its name and distance ("Moscow 6 500 km");
 * clicking it opens the place. For the mouse and the eye only: the places' markers (and the
 * step controls, and the list) are the keyboard's and the screen reader's way to the same.
 */
export function createEdgePointers(map: L.Map, places: readonly Place[], select: SelectPlace): EdgePointers {
  // A pane of the map's own, between the routes and the markers: a place near the edge stays
  // above any pointer (positions are then in layer pixels, which move with the map).
  const layer = map.getPane('sm-edge-pointers') ?? map.createPane('sm-edge-pointers');
  layer.setAttribute('aria-hidden', 'true');
  const pointers = places.map((place) => {
    const element = L.DomUtil.create('div', 'sm-edge', layer);
    const arrow = L.DomUtil.create('span', 'sm-edge__arrow', element);
    arrow.textContent = '➜';
    const name = L.DomUtil.create('span', 'sm-edge__name', element);
    name.textContent = place.name;
    const km = L.DomUtil.create('span', 'sm-edge__km', element);
    element.hidden = true;
    L.DomEvent.disableClickPropagation(element);
    L.DomEvent.on(element, 'click', () => select(place.id));
    return { place, element, arrow, km, shown: '', size: null as [number, number] | null };
  });

  // The controls' strips, measured when they or the map change size, not at each frame of a
  // flight (they are read from the DOM).
  let area: Box | null = null;
  const update = (): void => {
    const size = map.getSize();
    const clear = (area ??= clearArea(map));
    const centre = L.point((clear.left + clear.right) / 2, (clear.top + clear.bottom) / 2);
    const middle = map.containerPointToLatLng(centre);
    const from: LngLat = [middle.lng, middle.lat];
    // The dots of the places in view are kept clear too (a pointer would sit under one).
    const targets = pointers.map((pointer) => map.latLngToContainerPoint(toLatLng(pointer.place.lngLat)));
    const inView = targets.map((p) => p.x >= 0 && p.x <= size.x && p.y >= 0 && p.y <= size.y);
    const placed: Box[] = targets.flatMap((p, i) => (inView[i] ? [{ left: p.x - DOT, top: p.y - DOT, right: p.x + DOT, bottom: p.y + DOT }] : []));
    // Every write of text first, then every measure, then every move: one layout per update,
    // not one per pointer (this runs at each frame of a camera's flight).
    pointers.forEach((pointer, i) => {
      pointer.element.hidden = inView[i]!;
      if (inView[i]) return;
      const text = formatKm(distanceKm(from, pointer.place.lngLat));
      if (text === pointer.shown) return;
      pointer.km.textContent = pointer.shown = text;
      pointer.size = null;
    });
    // Measured only when a text changed (a pointer's size is its text's).
    const sizes = pointers.map((pointer, i) => {
      if (inView[i]) return [0, 0];
      pointer.size ??= [pointer.element.offsetWidth, pointer.element.offsetHeight];
      return pointer.size;
    });
    pointers.forEach((pointer, i) => {
      if (inView[i]) return;
      const target = targets[i]!;
      const [w = 0, h = 0] = sizes[i]!;
      // Where the line from the centre towards the place leaves the clear area (less the pointer's size).
      const dx = target.x - centre.x;
      const dy = target.y - centre.y;
      const reach = (d: number, low: number, high: number, from: number): number =>
        d > 0 ? (high - from) / d : d < 0 ? (low - from) / d : Infinity;
      const tx = reach(dx, clear.left + w / 2, clear.right - w / 2, centre.x);
      const ty = reach(dy, clear.top + h / 2, clear.bottom - h / 2, centre.y);
      const t = Math.max(0, Math.min(tx, ty));
      let x = centre.x + dx * t;
      let y = centre.y + dy * t;
      // Two places in about the same direction (Seoul and Hanoi), or a dot where a pointer would
      // go: slide the pointer along its edge.
      // Always the same way once started, so that it never slides back onto one it has passed.
      const onSide = tx <= ty;
      let way = 0;
      for (let tries = 0; tries <= placed.length; tries += 1) {
        const box = { left: x - w / 2, top: y - h / 2, right: x + w / 2, bottom: y + h / 2 };
        const hit = placed.find((b) => box.left < b.right + GAP && box.right > b.left - GAP && box.top < b.bottom + GAP && box.bottom > b.top - GAP);
        if (!hit) break;
        if (onSide) {
          way ||= y >= (hit.top + hit.bottom) / 2 ? 1 : -1;
          y = way > 0 ? hit.bottom + GAP + h / 2 : hit.top - GAP - h / 2;
        } else {
          way ||= x >= (hit.left + hit.right) / 2 ? 1 : -1;
          x = way > 0 ? hit.right + GAP + w / 2 : hit.left - GAP - w / 2;
        }
      }
      placed.push({ left: x - w / 2, top: y - h / 2, right: x + w / 2, bottom: y + h / 2 });
      const at = map.containerPointToLayerPoint(L.point(x - w / 2, y - h / 2)).round();
      pointer.element.style.transform = `translate(${at.x}px, ${at.y}px)`;
      pointer.arrow.style.transform = `rotate(${Math.atan2(dy, dx)}rad)`;
    });
  };

  const remeasure = (): void => {
    area = null;
    update();
  };
  map.on('move zoom viewreset', update);
  map.on('resize', remeasure);
  map.whenReady(update);
  // A note or the "Back to the story" button appearing in a corner changes the clear area.
  const corners = typeof ResizeObserver === 'function' ? new ResizeObserver(remeasure) : null;
  for (const corner of map.getContainer().querySelectorAll('.leaflet-top, .leaflet-bottom')) corners?.observe(corner);
  return {
    destroy() {
      corners?.disconnect();
      map.off('move zoom viewreset', update);
      map.off('resize', remeasure);
      for (const pointer of pointers) pointer.element.remove();
    },
  };
}
