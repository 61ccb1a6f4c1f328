import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { chooseBasemapLayer, type BasemapLayerInfo, type BasemapManifest, type Bounds } from '../../src/model/basemap.ts';
import { parseStory } from '../../src/model/parse-story.ts';

const dataDir = new URL('../../data/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('basemap/manifest.json', dataDir), 'utf8')) as BasemapManifest;
const layer = (id: string): BasemapLayerInfo => manifest.layers.find((l) => l.id === id)!;

function land(info: BasemapLayerInfo): Feature<Polygon | MultiPolygon> {
  const topo = JSON.parse(readFileSync(new URL(`basemap/${info.file}`, dataDir), 'utf8')) as Topology;
  return feature(topo, topo.objects.land!) as unknown as Feature<Polygon | MultiPolygon>;
}

/** A view of about a city's size around a point, as the map shows a place. */
const viewAround = ([lng, lat]: readonly [number, number], half = 0.8): Bounds => [lng - half, lat - half * 0.7, lng + half, lat + half * 0.7];

describe('chooseBasemapLayer', () => {
  it('chooseBasemapLayer(overview of the default story at zoom 3) picks the small Asian layer, not the world', () => {
    expect(chooseBasemapLayer(manifest.layers, [30, -15, 160, 72], 3.25)?.id).toBe('asia-110m');
  });

  it('chooseBasemapLayer(a view beyond every region) falls back to the world layer', () => {
    expect(chooseBasemapLayer(manifest.layers, [-30, 50, 10, 62], 6)?.id).toBe('world-110m');
  });

  it('chooseBasemapLayer(around Vladivostok at zoom 9) picks the fine 10m layer', () => {
    expect(chooseBasemapLayer(manifest.layers, viewAround([131.88, 43.11]), 9)?.id).toBe('primorye-korea-10m');
  });

  it('chooseBasemapLayer(around Vladivostok at zoom 6) picks the medium layer', () => {
    expect(chooseBasemapLayer(manifest.layers, viewAround([131.88, 43.11], 4), 6)?.id).toBe('northeast-asia-50m');
  });
});

describe('the bundled basemap', () => {
  const result = parseStory(readFileSync(new URL('kim-putin-2019.geojson', dataDir), 'utf8'));
  if (!result.ok) throw new Error('the default story must parse');
  const { places } = result.story;

  it.each(places.map((p) => [p.name, p] as const))('%s lies on land in the layer the map draws around it', (_name, place) => {
    const info = chooseBasemapLayer(manifest.layers, viewAround(place.lngLat), 9)!;
    expect(booleanPointInPolygon([...place.lngLat], land(info))).toBe(true);
  });

  it('the fine layer has Russky Island with the campus on it, and the bays around it as sea', () => {
    const campus = [...places.find((p) => p.id === 'russky-island')!.lngLat];
    expect(booleanPointInPolygon(campus, land(layer('primorye-korea-10m')))).toBe(true);
    // The Eastern Bosphorus strait, between the city and the island, is sea.
    expect(booleanPointInPolygon([131.905, 43.068], land(layer('primorye-korea-10m')))).toBe(false);
    // Amur Bay, between the Khasan line and Vladivostok, is sea in the fine layer.
    expect(booleanPointInPolygon([131.75, 43.2], land(layer('primorye-korea-10m')))).toBe(false);
  });

  it('keeps the first view of the default story light: the overview layer is under 10 KB gzipped', () => {
    expect(layer('asia-110m').gzipBytes).toBeLessThan(10_000);
  });
});
