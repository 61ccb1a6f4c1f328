/**
 * Hostile but legitimate story files, each of which once froze the page for seconds: the load
 * for `npm run bench:hostile`, which reports the longest main-thread task each one causes.
 * Deterministic, so runs compare.
 */

interface Feature {
  type: 'Feature';
  id?: string;
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown>;
}

function story(paragraphs: Array<{ id: string; text: string }>, features: Feature[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    story: { title: 'A hostile story', publisher: 'Bench Gazette', published: '2024-01-01', dateline: 'SOMEWHERE', language: 'en', paragraphs, ...extra },
    features,
  });
}

const place = (id: string, name: string, lngLat: [number, number], passages: string[]): Feature => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: lngLat },
  properties: { name, passages },
});

/** A route exported from a GPS logger: 3,000 positions of [lng, lat, elevation, time]. */
export function gpsExport(): string {
  const coordinates = Array.from({ length: 3000 }, (_, i) => [131 + i / 3000, 43 + i / 6000, 12, 1_556_000_000 + i]);
  return story([{ id: 'p1', text: 'The train left.' }], [
    place('vladivostok', 'Vladivostok', [131.88, 43.11], ['p1']),
    { type: 'Feature', id: 'gps', geometry: { type: 'LineString', coordinates }, properties: { kind: 'route', mode: 'train', name: 'GPS', stops: [] } },
  ]);
}

/** One paragraph of 5 MB of prose naming the story's places all along. */
export function hugeParagraph(): string {
  const sentence = 'The armored train rolled from Khasan towards Vladivostok while officials in Moscow waited. ';
  const text = sentence.repeat(Math.ceil((5 * 1024 * 1024) / sentence.length));
  return story([{ id: 'p1', text }], [
    place('khasan', 'Khasan', [130.78, 42.43], ['p1']),
    place('vladivostok', 'Vladivostok', [131.88, 43.11], ['p1']),
    place('moscow', 'Moscow', [37.62, 55.75], ['p1']),
  ]);
}

/** 50,000 passages, all about one place. */
export function manyPassages(): string {
  const paragraphs = Array.from({ length: 50_000 }, (_, i) => ({ id: `p${i}`, text: `Paragraph ${i}: the train passed Khasan again, and a reporter wrote it down.` }));
  return story(paragraphs, [place('khasan', 'Khasan', [130.78, 42.43], paragraphs.map((p) => p.id)), place('vladivostok', 'Vladivostok', [131.88, 43.11], ['p0'])]);
}

/** A 30,000-point railway with 30 stops along it. */
export function longTrainLine(): string {
  const coordinates: number[][] = [];
  for (let i = 0; i < 30_000; i += 1) coordinates.push([round(100 + (i / 30_000) * 30), round(40 + Math.sin(i / 900) * 2)]);
  const stops: Feature[] = Array.from({ length: 30 }, (_, k) => {
    const at = coordinates[Math.min(29_999, k * 1000 + 500)]!;
    return place(`stop-${k}`, `Stop ${k}`, [at[0]!, at[1]! + 0.01], ['p1']);
  });
  return story([{ id: 'p1', text: 'The train stopped again.' }], [
    ...stops,
    { type: 'Feature', id: 'line', geometry: { type: 'LineString', coordinates }, properties: { kind: 'route', mode: 'train', name: 'The line', stops: stops.map((s) => s.id!) } },
  ]);
}

/** A place whose name is 30,000 words, over an article of 60,000 of the same word. */
export function craftedName(): string {
  const paragraphs = Array.from({ length: 60 }, (_, i) => ({ id: `p${i}`, text: 'word '.repeat(1000).trim() }));
  return story(paragraphs, [
    place('crafted', 'word '.repeat(30_000).trim(), [131.88, 43.11], ['p0']),
    place('khasan', 'Khasan', [130.78, 42.43], ['p1']),
  ]);
}

/** A valid story just under the 10 MB limit: a long route and an article of 2,000 paragraphs. */
export function nearlyTenMegabytes(): string {
  const paragraphs = Array.from({ length: 2000 }, (_, i) => ({ id: `p${i}`, text: `Paragraph ${i}: ${'the train went on through Khasan and Vladivostok. '.repeat(20)}` }));
  const coordinates: number[][] = [];
  for (let i = 0; i < 230_000; i += 1) coordinates.push([round(100 + (i / 230_000) * 30), round(40 + Math.sin(i / 900) * 2)]);
  return story(paragraphs, [
    place('khasan', 'Khasan', [100, 40], paragraphs.slice(0, 1000).map((p) => p.id)),
    place('vladivostok', 'Vladivostok', [130, 40.5], paragraphs.slice(1000).map((p) => p.id)),
    { type: 'Feature', id: 'line', geometry: { type: 'LineString', coordinates }, properties: { kind: 'route', mode: 'train', name: 'The line', stops: ['khasan', 'vladivostok'] } },
  ]);
}

function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
