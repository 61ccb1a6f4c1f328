// Builds the route of Kim's April 2019 journey into the default story, from the railway legs
// assembled on Natural Earth's 1:10m railroads (data/sources/railway-legs.geojson, copied from
// the project's shared data; see data/SOURCES.md):
//   npm run build:route
// It replaces the story's route features and route waypoints, keeping everything else.
import { readFileSync, writeFileSync } from 'node:fs';
import length from '@turf/length';
import simplify from '@turf/simplify';
import type { Feature, FeatureCollection, LineString, Position } from 'geojson';

const root = new URL('../', import.meta.url);
const storyPath = new URL('data/kim-putin-2019.geojson', root);
const legs = JSON.parse(readFileSync(new URL('data/sources/railway-legs.geojson', root), 'utf8')) as FeatureCollection<LineString>;
const story = JSON.parse(readFileSync(storyPath, 'utf8')) as FeatureCollection & { story: Record<string, unknown> };

const leg = (prefix: string): Position[] => {
  const feature = legs.features.find((f) => String(f.properties?.name).startsWith(prefix));
  if (!feature) throw new Error(`no leg named ${prefix}`);
  return feature.geometry.coordinates;
};

/**
 * Douglas–Peucker tolerance, in degrees, against Natural Earth's line (itself generalised, on
 * a 28 m grid). Around Primorye, where readers zoom in to see the line keep to the west shore of
 * Amur Bay, 0.001° (about 90 m) stays within a pixel up to zoom 10; the long North Korean leg,
 * seen at region scale (followed at zoom 7), takes 0.003° (about 300 m, half a pixel at zoom 7).
 */
const PRIMORYE_TOLERANCE = 0.001;
const NORTH_KOREA_TOLERANCE = 0.003;
function tidy(coordinates: Position[], tolerance = PRIMORYE_TOLERANCE): Position[] {
  const line: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } };
  const simpler = simplify(line, { tolerance, highQuality: true }).geometry.coordinates;
  // Digits to match: 0.0001° (11 m) where the tolerance is tens of metres, 0.001° beyond.
  const digits = tolerance <= 0.001 ? 1e4 : 1e3;
  return simpler.map(([lng, lat]) => [Math.round(lng! * digits) / digits, Math.round(lat! * digits) / digits]);
}
const km = (coordinates: Position[]): number =>
  Math.round(length({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } }, { units: 'kilometers' }) * 10) / 10;

const waypoint = (id: string, lngLat: [number, number], name: string, summary: string) => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: lngLat },
  properties: { kind: 'waypoint', name, summary },
});

const trainSource = 'Railways: Natural Earth 1:10m railroads (public domain), via tiles from github.com/bovine3dom/fahrtle';
const route = (id: string, name: string, mode: string, coordinates: Position[], stops: string[], extra: Record<string, unknown>) => ({
  type: 'Feature',
  id,
  geometry: { type: 'LineString', coordinates },
  properties: { kind: 'route', mode, name, stops, lengthKm: km(coordinates), ...extra },
});

const northKorea = tidy(leg('Pyongyang – Tumangang'), NORTH_KOREA_TOLERANCE);
// The connector over the Friendship Bridge is drawn, not track: kept as its three points.
const bridge = leg('Tumangang – Khasan over the Friendship Bridge');
const khasanLine = tidy(leg('Khasan – Baranovsky'));
const transSiberian = tidy(leg('Baranovsky – Vladivostok'));
// The motorcade: no road data offline. Drawn through sourced points so that it crosses water only
// on the Golden and Russky bridges (see data/SOURCES.md); approximate by nature.
const motorcade: Position[] = [
  [131.8819, 43.1112], // Vladivostok railway station
  [131.8872, 43.1149], // Aleutskaya and Svetlanskaya streets, city centre
  [131.8943, 43.1161], // Golden Bridge, north end
  [131.8987, 43.1046], // Golden Bridge, south end (Churkin)
  [131.9105, 43.0905], // across Churkin
  [131.9158, 43.0745], // Russky Bridge, north end (Nazimov Peninsula)
  [131.9083, 43.0631], // Russky Bridge, main span
  [131.9022, 43.0530], // Russky Bridge, south end (Cape Novosilsky)
  [131.8990, 43.0405], // the island road south to Ajax Bay
  [131.8931, 43.0247], // FEFU campus
];

const routes = [
  route('train-north-korea', 'Pyongyang to the border at Tumangang', 'train', northKorea, ['pyongyang', 'rajin', 'tumangang'], {
    source: trainSource,
    published: { pyongyang: 0 },
  }),
  route('train-border', 'Over the Friendship Bridge to Khasan, then up the Khasan line to Baranovsky', 'train', [...bridge, ...khasanLine.slice(1)], ['tumangang', 'khasan', 'baranovsky'], {
    source: `${trainSource}; the bridge crossing is drawn (bridge point © OpenStreetMap contributors)`,
    dates: { khasan: '2019-04-24' },
    datesSource: 'AP, 24 April 2019: Kim met Russian officials at Khasan station on Wednesday',
    published: { khasan: 859 },
    publishedSource: 'Pyongyang–Khasan about 850–860 km by rail (Korean State Railway and Russian Railways distances, as summarised for this project)',
  }),
  route('train-trans-siberian', 'Baranovsky to Vladivostok on the Trans-Siberian', 'train', transSiberian, ['baranovsky', 'vladivostok'], {
    source: trainSource,
    dates: { vladivostok: '2019-04-24' },
    datesSource: 'AP, 24 April 2019: Kim arrived in Vladivostok early Wednesday evening; he left for home on Friday 26 April',
    published: { vladivostok: 1186 },
    publishedSource: 'Khasan–Vladivostok 327 km by rail via Baranovsky; Yonhap (23 April 2019): "around 1,200 kilometers" from Pyongyang',
  }),
  route('motorcade', 'By motorcade to the summit on Russky Island', 'motorcade', motorcade, ['vladivostok', 'golden-bridge', 'russky-bridge', 'russky-island'], {
    source: 'Drawn through the station, the Golden Bridge, the Russky Bridge and the campus: approximate, no road geometry',
    approximate: true,
    dates: { 'russky-island': '2019-04-25' },
    datesSource: 'AP: the summit with Putin on Thursday 25 April 2019, at the FEFU campus on Russky Island',
  }),
];

const waypoints = [
  waypoint('rajin', [130.28917, 42.24972], 'Rajin', 'The port city on the east-coast line, the last big station before the border.'),
  waypoint('tumangang', [130.60255, 42.42168], 'Tumangang', 'The North Korean border station on the Tumen River.'),
  waypoint('baranovsky', [131.92722, 43.64556], 'Baranovsky', 'The junction where the Khasan line meets the Trans-Siberian.'),
  waypoint('golden-bridge', [131.8965, 43.1104], 'Golden Bridge', 'Across the Golden Horn bay, in the city centre.'),
  waypoint('russky-bridge', [131.9083, 43.0631], 'Russky Bridge', 'Across the Eastern Bosphorus strait to Russky Island.'),
];

const ours = new Set([...routes.map((r) => r.id), ...waypoints.map((w) => w.id)]);
story.features = [
  ...story.features.filter((f) => !ours.has(String(f.id)) && f.properties?.kind !== 'route'),
  ...waypoints,
  ...routes,
] as FeatureCollection['features'];

// Readable by hand: positions as [lng, lat] pairs, a line's positions on one line, id lists on one line.
const text = JSON.stringify(story, null, 2)
  .replace(/\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]/g, '[$1, $2]')
  .replace(/"coordinates": \[\n\s+(\[[\s\S]*?\])\n\s+\]/g, (_m, inner: string) => `"coordinates": [${inner.replace(/\],\s+\[/g, '], [')}]`)
  .replace(/\[\n\s+("[\w-]+",?\s*)+\]/g, (m) => `[${m.slice(1, -1).replace(/\s+/g, ' ').trim()}]`);
writeFileSync(storyPath, `${text}\n`);
for (const r of routes) console.log(`${r.id}: ${r.geometry.coordinates.length} vertices, ${r.properties.lengthKm} km`);
console.log('Now run npm run build:story, which checks the story and writes the prepared form the app loads.');
