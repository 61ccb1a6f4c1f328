import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import turfLength from '@turf/length';
import { createJourney, displayKm, nearestStop, positionAt, type Journey } from '../../src/model/journey.ts';
import { createTravelledLine } from '../../src/model/travelled-line.ts';
import { parseStory } from '../../src/model/parse-story.ts';

const fixture = (name: string) => new URL(`../fixtures/route/${name}`, import.meta.url);

function journeyOf(text: string): Journey {
  const result = parseStory(text);
  if (!result.ok) throw new Error('fixture must parse');
  return createJourney(result.story)!;
}

const round = (n: number, places = 5) => Math.round(n * 10 ** places) / 10 ** places;
const rounded = (p: readonly number[]) => p.map((n) => round(n));

/**
 * Golden outputs, as GeoJSON anyone can open in a viewer: the train at t = 0, 0.25, 0.5, 0.75
 * and 1, the travelled slice at t = 0.5, and the stops with their progress. REGEN=1 rewrites it.
 */
function goldenOutput(journey: Journey) {
  return {
    type: 'FeatureCollection',
    properties: { totalKm: round(journey.totalKm, 3) },
    features: [
      ...[0, 0.25, 0.5, 0.75, 1].map((t) => {
        const here = positionAt(journey, t);
        return {
          type: 'Feature',
          properties: { t, km: round(here.km, 3), legIndex: here.legIndex, 'marker-color': '#0b57d0' },
          geometry: { type: 'Point', coordinates: rounded(here.lngLat) },
        };
      }),
      {
        type: 'Feature',
        properties: { slice: 0.5, stroke: '#b3261e' },
        geometry: { type: 'LineString', coordinates: travelledTo(journey, 0.5).map(rounded) },
      },
      ...journey.stops.map((stop) => ({
        type: 'Feature',
        properties: { stop: stop.id, t: round(stop.t), km: round(stop.km, 3), shownKm: round(displayKm(journey, stop.km), 1), date: stop.date },
        geometry: { type: 'Point', coordinates: rounded(positionAt(journey, stop.t).lngLat) },
      })),
    ],
  };
}

/** The travelled line as the map draws it: built frame by frame (60 frames) up to progress t. */
function travelledTo(journey: Journey, t: number, frames = 60) {
  const line = createTravelledLine(journey.positions);
  let drawn: readonly (readonly number[])[] = [];
  for (let frame = 1; frame <= frames; frame += 1) {
    const here = positionAt(journey, (t * frame) / frames);
    drawn = line.update(here.segment, here.lngLat);
  }
  return [...drawn];
}

describe('journey geometry (golden fixtures: test/fixtures/route/in.geojson -> out.geojson)', () => {
  const journey = journeyOf(readFileSync(fixture('in.geojson'), 'utf8'));
  const actual = goldenOutput(journey);
  if (process.env.REGEN) writeFileSync(fixture('out.geojson'), `${JSON.stringify(actual, null, 2)}\n`);
  const expected = JSON.parse(readFileSync(fixture('out.geojson'), 'utf8')) as typeof actual;

  it('createJourney(route) matches the golden output: length, positions, slice and stops', () => {
    expect(actual).toEqual(expected);
  });

  it('positionAt(route, 0) returns the first vertex and positionAt(route, 1) the last', () => {
    expect(positionAt(journey, 0).lngLat).toEqual([10.75, 59.9]);
    expect(positionAt(journey, 1).lngLat).toEqual([10.4, 59.2]);
    expect(positionAt(journey, 7).lngLat).toEqual([10.4, 59.2]);
    expect(positionAt(journey, Number.NaN).lngLat).toEqual([10.75, 59.9]);
  });

  it('the total length is the routes’ own, as Turf measures the file’s lines', () => {
    const file = JSON.parse(readFileSync(fixture('in.geojson'), 'utf8')) as { features: Array<{ properties: { kind?: string } }> };
    const routes = file.features.filter((feature) => feature.properties.kind === 'route');
    const measured = routes.reduce((sum, route) => sum + turfLength(route as Parameters<typeof turfLength>[0], { units: 'kilometers' }), 0);
    expect(journey.totalKm).toBeCloseTo(measured, 6);
  });

  it('the travelled line ends where the train is, grows with t, and shrinks when the train is taken back', () => {
    const line = createTravelledLine(journey.positions);
    const at = (t: number) => {
      const here = positionAt(journey, t);
      return [...line.update(here.segment, here.lngLat)];
    };
    const half = at(0.5);
    expect(half[half.length - 1]).toEqual(positionAt(journey, 0.5).lngLat);
    expect(half.slice(0, -1)).toEqual(journey.positions.slice(0, positionAt(journey, 0.5).segment + 1));
    const later = at(0.9);
    expect(later.length).toBeGreaterThan(half.length);
    expect(at(0.5)).toEqual(half); // back along the line: the same line as on the way out
    expect(at(0)).toEqual([journey.positions[0], journey.positions[0]]);
  });

  it('nearestStop(route, t) finds the stop closest along the line', () => {
    expect(nearestStop(journey, 0.05)?.id).toBe('north-harbour');
    expect(nearestStop(journey, 0.55)?.id).toBe('lighthouse');
    expect(nearestStop(journey, 0.97)?.id).toBe('south-harbour');
  });

  it('displayKm is calibrated to published distances between stops', () => {
    const south = journey.stops.find((s) => s.id === 'south-harbour')!;
    expect(displayKm(journey, 0)).toBe(0);
    expect(displayKm(journey, south.km)).toBeCloseTo(90, 9);
    expect(displayKm(journey, south.km / 2)).toBeCloseTo(45, 9);
  });
});

describe('the default story’s journey', () => {
  const journey = journeyOf(readFileSync(new URL('../../data/kim-putin-2019.geojson', import.meta.url), 'utf8'));
  const stop = (id: string) => journey.stops.find((s) => s.id === id)!;

  it('runs about 1,060 km by train on Natural Earth’s line, then 12 km by motorcade', () => {
    const trainKm = journey.legs.filter((l) => l.route.mode === 'train').reduce((sum, l) => sum + l.endKm - l.startKm, 0);
    expect(trainKm).toBeGreaterThan(1040);
    expect(trainKm).toBeLessThan(1075);
  });

  it('shows published distances at Khasan (859 km) and Vladivostok (1,186 km)', () => {
    expect(Math.round(displayKm(journey, stop('khasan').km))).toBe(859);
    expect(Math.round(displayKm(journey, stop('vladivostok').km))).toBe(1186);
  });

  it('stops in travel order: Pyongyang, Rajin, Tumangang, Khasan, Baranovsky, Vladivostok, the bridges, Russky Island', () => {
    expect(journey.stops.map((s) => s.id)).toEqual([
      'pyongyang', 'rajin', 'tumangang', 'khasan', 'baranovsky', 'vladivostok', 'golden-bridge', 'russky-bridge', 'russky-island',
    ]);
  });

  it('puts every stop within about a kilometre of its station (the line is generalised)', () => {
    const result = parseStory(readFileSync(new URL('../../data/kim-putin-2019.geojson', import.meta.url), 'utf8'));
    if (!result.ok) throw new Error('must parse');
    const at = new Map([...result.story.places, ...result.story.waypoints].map((p) => [p.id, p.lngLat]));
    for (const s of journey.stops) {
      const [lng, lat] = positionAt(journey, s.t).lngLat;
      const [slng, slat] = at.get(s.id)!;
      const km = Math.hypot((lng - slng) * 111 * Math.cos((lat * Math.PI) / 180), (lat - slat) * 111);
      // Tumangang is placed at its settlement, 2 to 3 km from the generalised line end.
      expect(km, s.id).toBeLessThan(s.id === 'tumangang' ? 3.5 : 1.5);
    }
  });
});
