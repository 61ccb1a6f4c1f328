// Builds the bundled vector basemap from Natural Earth (via the world-atlas package):
// land and country borders, clipped to regions and simplified per zoom range, written as
// TopoJSON to data/basemap/, with a manifest the map reads to pick the layer a view needs.
//   npm run build:basemap
// The output is committed: the app never runs this at start-up.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import bboxClip from '@turf/bbox-clip';
import type { Feature, Geometry, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { merge, mesh, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, filterWeight, presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { BasemapLayerInfo, BasemapManifest } from '../src/model/basemap.ts';
import { unwrapLongitudes } from '../src/model/route-geometry.ts';

interface LayerRecipe {
  readonly id: string;
  /** Natural Earth scale, as world-atlas names its files. */
  readonly source: 'countries-110m' | 'countries-50m' | 'countries-10m';
  /** [west, south, east, north], or null for the whole world. */
  readonly bounds: readonly [number, number, number, number] | null;
  readonly minZoom: number;
  /** Triangle area (square degrees) below which a vertex is dropped: a few pixels where the layer is used. */
  readonly minWeight: number;
  /** Grid of the quantized coordinates, per axis. */
  readonly quantization: number;
  /** Islands and lakes smaller than this (square degrees) are dropped: invisible at minZoom. */
  readonly minRingArea: number;
  readonly description: string;
}

const LAYERS: readonly LayerRecipe[] = [
  {
    id: 'world-110m',
    source: 'countries-110m',
    bounds: null,
    minZoom: 0,
    minWeight: 0.4,
    quantization: 2000,
    minRingArea: 1,
    description: 'The whole world, coarse: the fallback for any story anywhere.',
  },
  {
    id: 'asia-110m',
    source: 'countries-110m',
    bounds: [0, -45, 180, 85],
    minZoom: 0,
    minWeight: 0.8,
    quantization: 1200,
    minRingArea: 6,
    description: 'The eastern hemisphere north of 45°S, coarse: the overview of the default story (Moscow to Hanoi to Vladivostok) at any screen shape.',
  },
  {
    id: 'northeast-asia-50m',
    source: 'countries-50m',
    bounds: [112, 28, 148, 52],
    minZoom: 5,
    minWeight: 0.001,
    quantization: 10000,
    minRingArea: 0.002,
    description: 'Korea, north-east China, Japan and Primorye, medium detail.',
  },
  {
    id: 'primorye-korea-10m-z7',
    source: 'countries-10m',
    bounds: [123, 36.5, 135.5, 46],
    minZoom: 7,
    minWeight: 0.00015,
    quantization: 15000,
    minRingArea: 0.001,
    description:
      'North Korea and Primorye at zooms 7-9, the default story\'s opening view (the train from Pyongyang to Vladivostok): the fine layer simplified to a pixel or two at zoom 8, at about half its weight.',
  },
  {
    id: 'primorye-korea-10m',
    source: 'countries-10m',
    bounds: [123, 36.5, 135.5, 46],
    minZoom: 9,
    minWeight: 0.000005,
    quantization: 100000,
    minRingArea: 0,
    description: 'North Korea and Primorye, fine detail: the only layer with Russky Island and the bays around Vladivostok.',
  },
];

const root = new URL('../', import.meta.url);
const outDir = new URL('data/basemap/', root);
mkdirSync(outDir, { recursive: true });

const manifest: BasemapLayerInfo[] = [];
for (const recipe of LAYERS) {
  const topo = JSON.parse(readFileSync(new URL(`node_modules/world-atlas/${recipe.source}.json`, root), 'utf8')) as Topology<{
    countries: GeometryCollection;
  }>;
  const countries = topo.objects.countries;
  // Natural Earth's rings jump across the antimeridian (fine on a globe, a stripe across a
  // flat map): cut them at ±180° first.
  let land: Geometry = cutPolygonsAtAntimeridian(merge(topo, countries.geometries as never) as MultiPolygon);
  let borders: Geometry = cutLinesAtAntimeridian(mesh(topo, countries, (a, b) => a !== b) as MultiLineString);
  if (recipe.bounds) {
    const bbox = recipe.bounds as [number, number, number, number];
    land = bboxClip(asFeature(land), bbox).geometry;
    borders = bboxClip(asFeature(borders), bbox).geometry;
  }
  type Objects = { land: GeometryCollection; borders: GeometryCollection };
  const built = topology({ land, borders }) as unknown as Topology<Objects>;
  const presimplified = presimplify(built);
  // filter() types its result as possibly null objects; ours are never null.
  const keep = (t: unknown): Topology<Objects> => t as Topology<Objects>;
  const filtered = recipe.minRingArea > 0 ? keep(filter(presimplified, filterWeight(presimplified, recipe.minRingArea))) : presimplified;
  const simplified = quantize(simplify(filtered, recipe.minWeight), recipe.quantization);
  dropEmptyPolygons(simplified);
  const text = JSON.stringify(simplified);
  const file = `${recipe.id}.topo.json`;
  writeFileSync(new URL(file, outDir), text);
  const gzipBytes = gzipSync(text, { level: 9 }).length;
  manifest.push({
    id: recipe.id,
    file,
    bounds: recipe.bounds,
    minZoom: recipe.minZoom,
    bytes: text.length,
    gzipBytes,
    source: `Natural Earth 1:${recipe.source.replace('countries-', '')} Admin 0 countries (world-atlas 2.0.2)`,
  });
  console.log(`${file}: ${text.length} bytes, ${gzipBytes} gzip. ${recipe.description}`);
}

const out: BasemapManifest = { layers: manifest };
writeFileSync(new URL('manifest.json', outDir), `${JSON.stringify(out, null, 2)}\n`);

function asFeature(geometry: Geometry): Feature<MultiPolygon | MultiLineString> {
  return { type: 'Feature', properties: {}, geometry: geometry as MultiPolygon | MultiLineString };
}

/** Splits polygons whose rings cross the antimeridian into pieces within -180..180. */
function cutPolygonsAtAntimeridian(geometry: MultiPolygon): MultiPolygon {
  const out: Position[][][] = [];
  for (const polygon of geometry.coordinates) {
    const crosses = polygon.some((ring) => ring.some((p, i) => i > 0 && Math.abs(p[0]! - ring[i - 1]![0]!) > 180));
    if (!crosses) {
      out.push(polygon);
      continue;
    }
    const rings = polygon.map((ring) => {
      const unwrapped = unwrapLongitudes(ring.map(([lng, lat]) => [lng!, lat!] as const)).map(([lng, lat]) => [lng, lat]);
      const first = unwrapped[0]!;
      const last = unwrapped[unwrapped.length - 1]!;
      // A ring around a pole (Antarctica) ends a full turn from where it began: close it over the pole.
      if (Math.abs(last[0]! - first[0]!) > 180) {
        const pole = unwrapped.reduce((sum, p) => sum + p[1]!, 0) < 0 ? -90 : 90;
        unwrapped.push([last[0]!, pole], [first[0]!, pole], [first[0]!, first[1]!]);
      }
      return unwrapped;
    });
    const lngs = rings.flat().map((p) => p[0]!);
    for (let turn = Math.floor((Math.min(...lngs) + 180) / 360); turn <= Math.floor((Math.max(...lngs) + 180) / 360); turn += 1) {
      const shifted: Polygon = { type: 'Polygon', coordinates: rings.map((ring) => ring.map(([lng, lat]) => [lng! - 360 * turn, lat!])) };
      const piece = bboxClip({ type: 'Feature', properties: {}, geometry: shifted }, [-180, -90, 180, 90]).geometry;
      if (piece.coordinates[0] && piece.coordinates[0].length >= 4) out.push(piece.coordinates as Position[][]);
    }
  }
  return { type: 'MultiPolygon', coordinates: out };
}

/** Breaks lines where they jump across the antimeridian. */
function cutLinesAtAntimeridian(geometry: MultiLineString): MultiLineString {
  const out: Position[][] = [];
  for (const line of geometry.coordinates) {
    let part: Position[] = [];
    line.forEach((p, i) => {
      if (i > 0 && Math.abs(p[0]! - line[i - 1]![0]!) > 180) {
        if (part.length > 1) out.push(part);
        part = [];
      }
      part.push(p);
    });
    if (part.length > 1) out.push(part);
  }
  return { type: 'MultiLineString', coordinates: out };
}

/** Simplification can empty a small island's ring; drop what is left of it. */
function dropEmptyPolygons(topology: Topology<{ land: GeometryCollection; borders: GeometryCollection }>): void {
  const land = topology.objects.land as unknown as { type: string; arcs: number[][][] };
  if (land.type === 'MultiPolygon') land.arcs = land.arcs.filter((polygon) => polygon.length > 0 && polygon[0]!.length > 0);
}
