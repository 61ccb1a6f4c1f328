// A story's opening view as a still image, for the readers and places that run no script: the
// embed's <noscript>, RSS and Apple News (the PNG), oEmbed's thumbnail, print. Drawn at build
// time with d3-geo from the same data the app draws (the bundled basemap, the story's routes and
// places) and in the same style, framed as the app frames the story's overview.
import { readFileSync } from 'node:fs';
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { chooseBasemapLayer, type BasemapManifest } from '../../src/model/basemap.ts';
import { unwrapLongitudes } from '../../src/model/route-geometry.ts';
import { distanceKm, formatKm } from '../../src/model/far-distance.ts';
import type { LngLat, Story } from '../../src/model/types.ts';
import { escapeHtml } from '../../src/model/escape-html.ts';

/** Size of the image, in CSS pixels (the PNG is rendered at this size times its scale). */
export interface StaticMapSize {
  readonly width: number;
  readonly height: number;
}

const COLOURS = { sea: '#c9dcea', land: '#f3efe6', border: '#8c8177', ink: '#1b1b1b', muted: '#4a4a4a', red: '#b3261e' };
const FONT = "'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif";
/** Room for the title above the map and the credits below it. */
const HEADER = 70;
const FOOTER = 26;
const PAD = 40;

/** The SVG of the story's overview: its focus framed as in the app, far places pointed to at the edges. */
export function renderStaticMap(story: Story, basemapDir: URL, size: StaticMapSize): string {
  const { width, height } = size;
  const frame: [[number, number], [number, number]] = [
    [PAD, HEADER + PAD / 2],
    [width - PAD * 3, height - FOOTER - PAD / 2],
  ];
  const projection = frameOverview(story, frame);
  projection.clipExtent([
    [0, HEADER],
    [width, height - FOOTER],
  ]);
  const path = geoPath(projection);
  const { land, borders } = basemapFor(projection, size, basemapDir);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<title>${escapeHtml(`Map: ${story.meta.title}`)}</title>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<rect y="${HEADER}" width="${width}" height="${height - HEADER - FOOTER}" fill="${COLOURS.sea}"/>`,
    `<path d="${path(land) ?? ''}" fill="${COLOURS.land}"/>`,
    `<path d="${path(borders) ?? ''}" fill="none" stroke="${COLOURS.border}" stroke-width="1" stroke-dasharray="4 3"/>`,
  );
  for (const route of story.routes) {
    const d = path({ type: 'MultiLineString', coordinates: route.lines.map((line) => unwrapLongitudes(line).map((p) => [...p])) }) ?? '';
    if (route.mode === 'train') {
      out.push(`<path d="${d}" fill="none" stroke="#2b2b2b" stroke-width="5" stroke-linejoin="round"/>`);
      out.push(`<path d="${d}" fill="none" stroke="#fff" stroke-width="2" stroke-dasharray="6 6"/>`);
    } else if (route.mode === 'motorcade') {
      out.push(`<path d="${d}" fill="none" stroke="${COLOURS.red}" stroke-width="3" stroke-dasharray="2 6" stroke-linecap="round"/>`);
    } else {
      out.push(`<path d="${d}" fill="none" stroke="#5b3fa0" stroke-width="3"/>`);
    }
  }
  const inFrame = ([x, y]: [number, number]): boolean => x >= 0 && x <= width && y >= HEADER && y <= height - FOOTER;
  // Places are labelled first; a waypoint's label that would cover one is left out, as in the app.
  const labels: Array<{ x: number; y: number; text: string; bold: boolean; dot: number }> = [];
  const stops: Array<{ x: number; y: number; text: string; bold: boolean; dot: number }> = [];
  for (const waypoint of story.waypoints) {
    const at = projection([...waypoint.lngLat]);
    if (!at || !inFrame(at)) continue;
    out.push(`<circle cx="${r(at[0])}" cy="${r(at[1])}" r="4" fill="#fff" stroke="#333" stroke-width="2"/>`);
    stops.push({ x: at[0], y: at[1], text: waypoint.name, bold: false, dot: 5 });
  }
  const far: Array<{ name: string; at: [number, number] }> = [];
  for (const place of story.places) {
    const at = projection([...place.lngLat]);
    if (!at) continue;
    if (!inFrame(at)) {
      far.push({ name: place.name, at });
      continue;
    }
    out.push(`<circle cx="${r(at[0])}" cy="${r(at[1])}" r="9" fill="${COLOURS.red}" stroke="#fff" stroke-width="3"/>`);
    labels.push({ x: at[0], y: at[1], text: place.name, bold: true, dot: 12 });
  }
  out.push(...placeLabels([...labels, ...stops]));
  out.push(...edgePointers(far, projection, { width, height }));
  // The title block and the credits, as the app shows them.
  out.push(
    `<text x="${PAD / 2}" y="30" font-size="22" font-weight="700" fill="${COLOURS.ink}" font-family="Georgia, 'DejaVu Serif', serif">${escapeHtml(clip(story.meta.title, 80))}</text>`,
    `<text x="${PAD / 2}" y="55" font-size="14" fill="${COLOURS.muted}">${escapeHtml(clip([story.meta.publisher, story.meta.dateline].join(' · '), 110))}</text>`,
    `<text x="${width - 8}" y="${height - 9}" font-size="11" fill="${COLOURS.muted}" text-anchor="end">${escapeHtml(clip(['Made with Natural Earth', story.meta.mapCredits].filter(Boolean).join(' · '), 160))}</text>`,
    '</svg>',
  );
  return out.join('\n');
}

/** The projection that frames the overview: its camera's places (or centre and zoom), else every place. */
function frameOverview(story: Story, frame: [[number, number], [number, number]]): GeoProjection {
  const camera = story.steps[0]?.camera;
  const [[x0, y0], [x1, y1]] = frame;
  if (camera && 'center' in camera) {
    return geoMercator()
      .center([...camera.center])
      .scale((256 * 2 ** camera.zoom) / (2 * Math.PI))
      .translate([(x0 + x1) / 2, (y0 + y1) / 2]);
  }
  // The camera's places, and the journey's lines, which the image has room to show whole.
  const positions: LngLat[] = camera && 'fit' in camera ? [...camera.fit, ...story.routes.flatMap((route) => route.lines.flat())] : story.places.map((p) => p.lngLat);
  const projection = geoMercator().fitExtent(frame, { type: 'MultiPoint', coordinates: positions.map((p) => [...p]) });
  // No closer than the camera allows (a single place would fill the image otherwise).
  const maxZoom = camera && 'fit' in camera ? camera.maxZoom : 12;
  const maxScale = (256 * 2 ** maxZoom) / (2 * Math.PI);
  if (projection.scale() > maxScale) {
    const centre = projection.invert?.([(x0 + x1) / 2, (y0 + y1) / 2]) ?? [0, 0];
    return geoMercator().center(centre).scale(maxScale).translate([(x0 + x1) / 2, (y0 + y1) / 2]);
  }
  return projection;
}

/** The bundled basemap layer the app would draw for this view: land and borders. */
function basemapFor(projection: GeoProjection, { width, height }: StaticMapSize, dir: URL): { land: Feature | FeatureCollection; borders: Feature | FeatureCollection } {
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as BasemapManifest;
  const [west, north] = projection.invert?.([0, HEADER]) ?? [-180, 85];
  const [east, south] = projection.invert?.([width, height - FOOTER]) ?? [180, -85];
  const zoom = Math.log2((projection.scale() * 2 * Math.PI) / 256);
  const layer = chooseBasemapLayer(manifest.layers, [west, Math.max(south, -85), east, Math.min(north, 85)], zoom) ?? manifest.layers[0]!;
  const topo = JSON.parse(readFileSync(new URL(layer.file, dir), 'utf8')) as Topology<{ land: GeometryCollection; borders: GeometryCollection }>;
  return {
    land: feature(topo, topo.objects.land) as Feature<Geometry> | FeatureCollection<Geometry>,
    borders: feature(topo, topo.objects.borders) as Feature<Geometry> | FeatureCollection<Geometry>,
  };
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Labels on a white halo, in priority order (places, then waypoints): each to the right of its
 * dot, else to the left, else (a place) below the labels in its way; a waypoint's label with no
 * free side is left out.
 */
function placeLabels(labels: ReadonlyArray<{ x: number; y: number; text: string; bold: boolean; dot: number }>): string[] {
  const placed: Box[] = [];
  const out: string[] = [];
  const free = (box: Box): boolean => !placed.some((b) => box.left < b.right && box.right > b.left && box.top < b.bottom && box.bottom > b.top);
  for (const label of labels) {
    const size = label.bold ? 15 : 12;
    const w = label.text.length * size * (label.bold ? 0.66 : 0.6);
    const box = (x: number, y: number): Box => ({ left: x, top: y - size, right: x + w, bottom: y + 4 });
    const baseline = label.y + size * 0.35;
    let x = label.x + label.dot;
    let y = baseline;
    if (!free(box(x, y))) {
      x = label.x - label.dot - w;
      if (!free(box(x, y))) {
        if (!label.bold) continue;
        x = label.x + label.dot;
        while (!free(box(x, y))) y += size + 2;
      }
    }
    placed.push(box(x, y));
    out.push(
      `<text x="${r(x)}" y="${r(y)}" font-size="${size}" font-weight="${label.bold ? 700 : 400}" fill="${COLOURS.ink}" stroke="#fff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">${escapeHtml(label.text)}</text>`,
    );
  }
  return out;
}

/** "← Moscow 6 500 km" at the edge of the map, towards each place out of the frame. */
function edgePointers(far: ReadonlyArray<{ name: string; at: [number, number] }>, projection: GeoProjection, { width, height }: StaticMapSize): string[] {
  const centre: [number, number] = [width / 2, (HEADER + height - FOOTER) / 2];
  const from = projection.invert?.(centre) ?? [0, 0];
  const out: string[] = [];
  const taken: number[] = [];
  for (const { name, at } of far) {
    const [dx, dy] = [at[0] - centre[0], at[1] - centre[1]];
    const text = `${name} ${formatKm(distanceKm(from as LngLat, (projection.invert?.(at) ?? from) as LngLat))}`;
    const w = text.length * 8 + 34;
    const h = 24;
    const reach = (d: number, low: number, high: number, start: number): number => (d > 0 ? (high - start) / d : d < 0 ? (low - start) / d : Infinity);
    const t = Math.min(reach(dx, 10 + w / 2, width - 10 - w / 2, centre[0]), reach(dy, HEADER + 10 + h / 2, height - FOOTER - 10 - h / 2, centre[1]));
    const x = centre[0] + dx * t;
    let y = centre[1] + dy * t;
    while (taken.some((other) => Math.abs(other - y) < h + 4 && Math.abs(x) >= 0)) y -= h + 4;
    taken.push(y);
    const angle = (Math.atan2(dy, dx) * 180) / Math.PI;
    out.push(
      `<g transform="translate(${r(x - w / 2)} ${r(y - h / 2)})">`,
      `<rect width="${r(w)}" height="${h}" rx="12" fill="#fff" stroke="${COLOURS.muted}"/>`,
      `<path d="M-5 -4 L5 0 L-5 4 Z" fill="${COLOURS.red}" transform="translate(14 ${h / 2}) rotate(${r(angle)})"/>`,
      `<text x="26" y="${h / 2 + 4.5}" font-size="12" font-weight="700" fill="${COLOURS.ink}">${escapeHtml(text)}</text>`,
      '</g>',
    );
  }
  return out;
}

function r(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

