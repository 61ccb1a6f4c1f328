import * as L from 'leaflet';
import { positionAt, type Journey } from '../model/journey.ts';
import type { MapInternals } from './create-map-view.ts';
import { createTravelledLine } from '../model/travelled-line.ts';
import { toLatLng } from './to-lat-lng.ts';

/** The train on the map: its marker, the line already travelled, and the camera following it. */
export interface TrainLayer {
  /** Shows the train at progress t; `follow` keeps it in view (while playing). */
  update(t: number, follow: boolean): void;
  destroy(): void;
}

/** Options of the train layer. */
export interface TrainLayerOptions {
  readonly reducedMotion: boolean;
}

/** Zoom to follow a leg at: the long North Korean leg at region scale, the motorcade at city scale. */
function followZoom(legKm: number): number {
  if (legKm > 300) return 7;
  if (legKm > 100) return 8;
  if (legKm > 30) return 9;
  return 11;
}

export function createTrainLayer(internals: MapInternals, journey: Journey, options: TrainLayerOptions): TrainLayer {
  const { map, camera } = internals;
  // Computed once: every frame then only appends to, or trims, the travelled line.
  const latLngs = journey.positions.map(toLatLng);
  const travelled = L.polyline([], { color: '#b3261e', weight: 5, opacity: 0.95, interactive: false, className: 'sm-route-travelled' }).addTo(map);
  const icon = L.divIcon({ className: 'sm-train', html: trainIcon(), iconSize: [30, 30], iconAnchor: [15, 15] });
  const marker = L.marker(latLngs[0] ?? [0, 0], { icon, interactive: false, keyboard: false, zIndexOffset: 2_000_000 }).addTo(map);
  const travelledLine = createTravelledLine(latLngs);
  let leg = -1;

  return {
    update(t, follow) {
      const here = positionAt(journey, t);
      const head = toLatLng(here.lngLat);
      const line = travelledLine.update(here.segment, head);
      // setLatLngs (not a redraw of a mutated array) so that Leaflet updates the line's bounds.
      travelled.setLatLngs(line as L.LatLng[]);
      marker.setLatLng(head);
      if (follow) {
        const current = journey.legs[here.legIndex];
        const zoom = current ? followZoom(current.endKm - current.startKm) : map.getZoom();
        camera.follow(here.lngLat, zoom, leg !== here.legIndex && !options.reducedMotion && leg !== -1);
        leg = here.legIndex;
      }
    },
    destroy() {
      travelled.remove();
      marker.remove();
    },
  };
}

/** A small locomotive, drawn as inline SVG (no image or emoji font to load). */
function trainIcon(): HTMLElement {
  const ns = 'http://www.w3.org/2000/svg';
  const badge = document.createElement('span');
  badge.className = 'sm-train__badge';
  badge.setAttribute('aria-hidden', 'true');
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  const shapes: Array<[string, Record<string, string>]> = [
    ['rect', { x: '4', y: '2', width: '12', height: '13', rx: '3', fill: '#3b5d3a' }],
    ['rect', { x: '6', y: '4', width: '8', height: '4', rx: '1', fill: '#e8eee8' }],
    ['circle', { cx: '7', cy: '12', r: '1.3', fill: '#f3d36b' }],
    ['circle', { cx: '13', cy: '12', r: '1.3', fill: '#f3d36b' }],
    ['path', { d: 'M6 15 L4 18 M14 15 L16 18', stroke: '#1b1b1b', 'stroke-width': '1.6', 'stroke-linecap': 'round' }],
  ];
  for (const [tag, attributes] of shapes) {
    const shape = document.createElementNS(ns, tag);
    for (const [name, value] of Object.entries(attributes)) shape.setAttribute(name, value);
    svg.append(shape);
  }
  badge.append(svg);
  return badge;
}
