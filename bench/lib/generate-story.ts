/**
 * A synthetic story of `places` places (each with one passage) and, optionally, a train route
 * of `routeVertices` vertices winding through them: the load for the scale benchmark.
 * Deterministic, so runs compare.
 */
export function generateStory(places: number, routeVertices = 0): string {
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const paragraphs = Array.from({ length: places }, (_, i) => ({
    id: `p${i}`,
    text: `Paragraph ${i}: something happened at place ${i}, and a reporter wrote it down.`,
  }));
  const features: unknown[] = Array.from({ length: places }, (_, i) => ({
    type: 'Feature',
    id: `place-${i}`,
    geometry: { type: 'Point', coordinates: [round(100 + random() * 40), round(25 + random() * 25)] },
    properties: { name: `Place ${i}`, passages: [`p${i}`] },
  }));
  if (routeVertices > 0) {
    const coordinates: number[][] = [];
    let lng = 100;
    let lat = 30;
    for (let i = 0; i < routeVertices; i += 1) {
      lng += 40 / routeVertices + (random() - 0.5) * 0.002;
      lat += Math.sin(i / 500) * 0.001;
      coordinates.push([round(lng), round(lat)]);
    }
    features.push({
      type: 'Feature',
      id: 'long-route',
      geometry: { type: 'LineString', coordinates },
      properties: { kind: 'route', mode: 'train', name: 'A long train ride', stops: ['place-0', `place-${places - 1}`] },
    });
  }
  return JSON.stringify({
    type: 'FeatureCollection',
    story: {
      title: `A story of ${places.toLocaleString('en')} places`,
      publisher: 'Benchmark Gazette',
      published: '2024-01-01',
      dateline: 'EVERYWHERE',
      language: 'en',
      paragraphs,
    },
    features,
  });
}

function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
