import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseStory } from '../../src/model/parse-story.ts';
import type { Story, StoryProblem } from '../../src/model/types.ts';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const fixture = (name: string): string => read(`../fixtures/${name}`);

function parsed(text: string): Story {
  const result = parseStory(text);
  if (!result.ok) throw new Error(`expected a story, got:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.story;
}

function problems(text: string): readonly StoryProblem[] {
  const result = parseStory(text);
  if (result.ok) throw new Error('expected problems, got a story');
  return result.problems;
}

describe('parseStory on the default story', () => {
  const story = parsed(read('../../data/kim-putin-2019.geojson'));

  it('parseStory(default story) has the six places of the article, in story order', () => {
    expect(story.places.map((p) => p.name).sort()).toEqual(
      ['Hanoi', 'Khasan', 'Moscow', 'Russky Island', 'Seoul', 'Vladivostok'].sort(),
    );
    expect(story.steps.map((s) => s.slug)).toEqual([
      'overview',
      'khasan',
      'vladivostok',
      'russky-island',
      'moscow',
      'seoul',
      'hanoi',
    ]);
  });

  it('parseStory(default story) keeps Pyongyang and the stations and bridges on the way as waypoints, not places', () => {
    expect(story.waypoints.map((w) => w.id)).toEqual(['pyongyang', 'rajin', 'tumangang', 'baranovsky', 'golden-bridge', 'russky-bridge']);
    expect(story.places.some((p) => p.id === 'pyongyang')).toBe(false);
  });

  it('parseStory(default story) has the journey: three train legs, then the motorcade to Russky Island', () => {
    expect(story.routes.map((r) => [r.id, r.mode])).toEqual([
      ['train-north-korea', 'train'],
      ['train-border', 'train'],
      ['train-trans-siberian', 'train'],
      ['motorcade', 'motorcade'],
    ]);
    expect(story.routes.flatMap((r) => r.stops)).toEqual([
      'pyongyang', 'rajin', 'tumangang', 'tumangang', 'khasan', 'baranovsky', 'baranovsky', 'vladivostok',
      'vladivostok', 'golden-bridge', 'russky-bridge', 'russky-island',
    ]);
  });

  it('parseStory(default story) gives Khasan the paragraph about Russian officials at Khasan station', () => {
    const khasan = story.places.find((p) => p.id === 'khasan');
    expect(khasan?.passages.some((p) => p.text.includes('met with Russian officials at Russia’s Khasan train station'))).toBe(true);
  });

  it('parseStory(default story) gives Hanoi the February summit and not the borscht', () => {
    const hanoi = story.places.find((p) => p.id === 'hanoi');
    const texts = hanoi?.passages.map((p) => p.text).join('\n') ?? '';
    expect(texts).toContain('In February, Kim’s second summit with Trump in Hanoi');
    expect(texts).not.toContain('borscht');
  });

  it('parseStory(default story) lets the reporting credit belong to both Seoul and Moscow', () => {
    const credit = story.paragraphs.find((p) => p.text.startsWith('Kim and Kim reported from Seoul'));
    expect(credit).toBeDefined();
    for (const id of ['seoul', 'moscow']) {
      expect(story.places.find((p) => p.id === id)?.passages).toContain(credit);
    }
  });

  it('parseStory(default story) opens the correction note and "More about:" from no place', () => {
    const orphans = story.paragraphs.filter((p) => /corrects the Primorye governor|^More about:/.test(p.text));
    expect(orphans).toHaveLength(2);
    for (const place of story.places) for (const orphan of orphans) expect(place.passages).not.toContain(orphan);
  });

  it('parseStory(default story) puts every place where it is on the ground', () => {
    const at = (id: string) => story.places.find((p) => p.id === id)?.lngLat;
    // Within about 1 km of sourced positions (data/SOURCES.md).
    expect(at('khasan')?.[0]).toBeCloseTo(130.645, 2);
    expect(at('khasan')?.[1]).toBeCloseTo(42.43, 2);
    expect(at('vladivostok')?.[1]).toBeCloseTo(43.111, 2);
    expect(at('russky-island')?.[1]).toBeLessThan(43.06); // south of the Eastern Bosphorus strait
    expect(at('moscow')?.[0]).toBeCloseTo(37.62, 1);
  });
});

describe('parseStory on valid files', () => {
  it('parseStory(a story with only the required fields) loads, with defaults for the rest', () => {
    const story = parsed(fixture('minimal-story.geojson'));
    expect(story.meta.byline).toBeNull();
    expect(story.places[0]?.aliases).toEqual([]);
    expect(story.places[0]?.summary).toBeNull();
    // Without story.steps, places follow feature order after the overview.
    expect(story.steps.map((s) => s.slug)).toEqual(['overview', 'north-harbour', 'south-harbour']);
  });

  it('parseStory returns passages in article order whatever order they are listed in', () => {
    const story = parsed(fixture('minimal-story.geojson'));
    expect(story.places[0]?.passages.map((p) => p.id)).toEqual(['a', 'c']);
  });

  it('parseStory accepts routes and waypoints, and follows story.steps', () => {
    const story = parsed(fixture('story-with-route.geojson'));
    expect(story.routes).toHaveLength(1);
    expect(story.routes[0]).toMatchObject({ id: 'ferry', mode: 'ferry', stops: ['north-harbour', 'lighthouse', 'south-harbour'] });
    expect(story.routes[0]?.lines[0]).toHaveLength(3);
    expect(story.steps.map((s) => s.slug)).toEqual(['overview', 'south-harbour', 'north-harbour']);
  });

  it('parseStory ignores a byte order mark at the start of the file', () => {
    expect(parsed(fixture('story-with-bom.geojson')).places).toHaveLength(2);
  });

  it('parseStory keeps markup in text as plain text', () => {
    const story = parsed(fixture('hostile-text.geojson'));
    expect(story.meta.title).toBe('<script>window.__pwned=2</script>Two harbours');
  });
});

describe('parseStory on invalid files names the feature and the field', () => {
  const cases: Array<[string, Partial<StoryProblem>, RegExp]> = [
    ['not-json.geojson', { featureIndex: null }, /not valid JSON.*line 4, column 25/],
    ['not-a-feature-collection.geojson', { featureIndex: null, path: 'type' }, /"Feature": a story is a "FeatureCollection"/],
    ['bad-geometry.geojson', { featureIndex: 1, featureId: 'south-harbour', path: 'geometry.coordinates' }, /position should have 2 or 3 elements/],
    ['latitude-out-of-range.geojson', { featureIndex: 1, path: 'geometry.coordinates[1]' }, /^243\.1 is not a latitude \(-90\.\.90\)\.$/],
    ['longitude-out-of-range.geojson', { featureIndex: 0, path: 'geometry.coordinates[0]' }, /^190\.75 is not a longitude/],
    ['swapped-coordinates.geojson', { featureIndex: 1, path: 'geometry.coordinates[1]' }, /looks like \[latitude, longitude\].*write \[130\.64, 42\.43\]/],
    ['duplicate-ids.geojson', { featureIndex: 1, featureId: 'north-harbour', path: 'id' }, /already used by feature 0/],
    ['unknown-passage.geojson', { featureIndex: 0, path: 'properties.passages[1]' }, /"z9" names no paragraph/],
    ['missing-name.geojson', { featureIndex: 1, path: 'properties.name' }, /"name" is missing/],
    ['unknown-route-stop.geojson', { featureIndex: 2, featureId: 'ferry', path: 'properties.stops[1]' }, /"west-harbour" names no place or waypoint/],
    ['missing-story.geojson', { featureIndex: null, path: 'story' }, /no "story" member/],
  ];

  it.each(cases)('parseStory(%s) reports the specific problem', (name, where, message) => {
    const found = problems(fixture(`invalid/${name}`));
    const match = found.find((p) => message.test(p.message));
    expect(match, `problems were:\n${found.map(formatProblem).join('\n')}`).toBeDefined();
    expect(match).toMatchObject(where);
  });

  it('parseStory reports every problem in a file, not just the first', () => {
    const base = JSON.parse(fixture('minimal-story.geojson')) as { features: Array<Record<string, any>> };
    base.features[0]!.geometry.coordinates = [10, 95];
    base.features[1]!.properties.passages = ['nope'];
    delete base.features[1]!.properties.name;
    const found = problems(JSON.stringify(base));
    expect(found.map(formatProblem)).toEqual([
      'feature 0 ("north-harbour"): geometry.coordinates[1]: 95 is not a latitude (-90..90). The position looks like [latitude, longitude]: GeoJSON wants [longitude, latitude], so write [95, 10].',
      'feature 1 ("south-harbour"): properties.name: The "name" is missing.',
      'feature 1 ("south-harbour"): properties.passages[0]: "nope" names no paragraph in story.paragraphs.',
    ]);
  });

  it('parseStory says when a URL returned a web page instead of JSON', () => {
    expect(problems('<!doctype html><html><body>Not found</body></html>')[0]?.message).toMatch(/is HTML, not JSON/);
  });

  it('parseStory says an empty file is empty', () => {
    expect(problems('')[0]?.message).toBe('The file is empty.');
  });

  it('parseStory rejects numbers written as strings in coordinates', () => {
    const base = JSON.parse(fixture('minimal-story.geojson')) as { features: Array<Record<string, any>> };
    base.features[0]!.geometry.coordinates = ['10.75', '59.9'];
    const found = problems(JSON.stringify(base));
    expect(found[0]).toMatchObject({ featureIndex: 0, path: 'geometry.coordinates[0]', message: 'Each element in a position must be a number.' });
  });

  it('parseStory rejects an id that is not a slug, and the reserved id "overview"', () => {
    const base = JSON.parse(fixture('minimal-story.geojson')) as { features: Array<Record<string, any>> };
    base.features[0]!.id = 'North Harbour';
    base.features[1]!.id = 'overview';
    const found = problems(JSON.stringify(base)).map(formatProblem);
    expect(found[0]).toMatch(/^feature 0 \("North Harbour"\): id: "North Harbour" is not a slug/);
    expect(found[1]).toMatch(/^feature 1 \("overview"\): id: "overview" is reserved/);
  });

  it('parseStory rejects a step that names a waypoint or nothing', () => {
    const base = JSON.parse(fixture('story-with-route.geojson')) as { story: { steps: string[] } };
    base.story.steps = ['lighthouse', 'atlantis'];
    expect(problems(JSON.stringify(base)).map(formatProblem)).toEqual([
      'story.steps[0]: "lighthouse" is a waypoint: only places can be steps.',
      'story.steps[1]: "atlantis" names no place of this story.',
    ]);
  });

  it('parseStory rejects a date that is not a calendar date', () => {
    const base = JSON.parse(fixture('minimal-story.geojson')) as { story: { published: string } };
    base.story.published = '2019-02-30';
    expect(problems(JSON.stringify(base))[0]).toMatchObject({ path: 'story.published' });
  });
});

describe('formatProblem', () => {
  it('formatProblem names the feature, its id and the field', () => {
    expect(
      formatProblem({ featureIndex: 3, featureId: 'khasan', path: 'geometry.coordinates[1]', message: '243.1 is not a latitude (-90..90).' }),
    ).toBe('feature 3 ("khasan"): geometry.coordinates[1]: 243.1 is not a latitude (-90..90).');
  });

  it('formatProblem leaves out what it does not know', () => {
    expect(formatProblem({ featureIndex: null, featureId: null, path: '', message: 'The file is empty.' })).toBe('The file is empty.');
  });
});

describe('parseStory on hostile input', () => {
  const base = () => JSON.parse(fixture('minimal-story.geojson')) as Record<string, any>;

  it('parseStory refuses a file over 10 MB, naming the limit', () => {
    const huge = JSON.stringify(base()).replace('"features"', `"padding": "${'x'.repeat(11 * 1024 * 1024)}", "features"`);
    expect(problems(huge)[0]?.message).toMatch(/limited to 10 MB/);
  });

  it('parseStory refuses deeply nested JSON without overflowing the stack', () => {
    const story = JSON.stringify(base()).replace('"features"', `"deep": ${'['.repeat(50_000)}${']'.repeat(50_000)}, "features"`);
    expect(problems(story)[0]?.message).toMatch(/more than 64 levels deep/);
  });

  it('parseStory rejects a number too large to be finite (1e999 parses as Infinity)', () => {
    const text = JSON.stringify(base()).replace('[10.4,59.2]', '[1e999,59.2]');
    expect(problems(text).map(formatProblem)).toContain('feature 1 ("south-harbour"): geometry.coordinates: Coordinates must be finite numbers.');
  });

  it('parseStory rejects a route with a single vertex', () => {
    const story = JSON.parse(fixture('story-with-route.geojson')) as Record<string, any>;
    story.features[2].geometry.coordinates = [[10.75, 59.9]];
    const found = problems(JSON.stringify(story));
    expect(found[0]).toMatchObject({ featureIndex: 2, featureId: 'ferry', path: 'geometry.coordinates' });
    expect(found[0]?.message).toMatch(/two or more positions/);
  });

  it('parseStory keeps entities, right-to-left and zero-width characters as the literal text', () => {
    const story = base();
    story.story.paragraphs[0].text = 'A &amp; B &lt;i&gt; \u202Eevil\u202C \u200Bzero';
    story.features[0].properties.name = 'מרכז\u200F North';
    const parsedStory = parsed(JSON.stringify(story));
    expect(parsedStory.paragraphs[0]?.text).toBe('A &amp; B &lt;i&gt; \u202Eevil\u202C \u200Bzero');
    expect(parsedStory.places[0]?.name).toBe('מרכז\u200F North');
  });

  it('parseStory rejects an id with a zero-width character, which would make two ids look alike', () => {
    const story = base();
    story.features[1].id = 'north\u200Bharbour';
    expect(problems(JSON.stringify(story))[0]).toMatchObject({ featureIndex: 1, path: 'id' });
  });

  it('parseStory accepts tiles "none" and a tile source, and refuses javascript: links and non-http URLs', () => {
    const none = base();
    none.story.tiles = 'none';
    expect(parsed(JSON.stringify(none)).tiles).toBe('none');
    const good = base();
    good.story.tiles = { url: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: '© Example', attributionUrl: 'https://example.org' };
    expect(parsed(JSON.stringify(good)).tiles).toMatchObject({ attribution: '© Example', attributionUrl: 'https://example.org', maxZoom: null });
    const bad = base();
    bad.story.tiles = { url: 'javascript:alert(1)//{z}{x}{y}', attribution: 'x', attributionUrl: 'javascript:alert(1)' };
    expect(problems(JSON.stringify(bad)).map((p) => p.path)).toEqual(['story.tiles.url', 'story.tiles.attributionUrl']);
  });
});

describe('parseStory reads the same above and below 1 MB (the full validator runs only below)', () => {
  const both = (text: string) =>
    [true, false].map((fullValidation) => {
      const result = parseStory(text, { fullValidation });
      if (result.ok) throw new Error('expected problems');
      return result.problems.map(formatProblem);
    });

  it('parseStory reports a position that is not two or three numbers in the same words either way', () => {
    const [full, structural] = both(fixture('invalid/bad-geometry.geojson'));
    expect(structural).toEqual(['feature 1 ("south-harbour"): geometry.coordinates: A position should have 2 or 3 elements - found 1.']);
    expect(full).toEqual(structural);
    const strings = JSON.parse(fixture('minimal-story.geojson')) as Record<string, any>;
    strings.features[0].geometry.coordinates = ['10.75', 59.9];
    const [fullStrings, structuralStrings] = both(JSON.stringify(strings));
    expect(structuralStrings).toEqual(['feature 0 ("north-harbour"): geometry.coordinates[0]: Each element in a position must be a number.']);
    expect(fullStrings).toEqual(structuralStrings);
  });

  it('parseStory reports a route with a single vertex, and an entry that is not a Feature, in the same words either way', () => {
    const story = JSON.parse(fixture('story-with-route.geojson')) as Record<string, any>;
    story.features[2].geometry.coordinates = [[10.75, 59.9]];
    story.features.push({ type: 'Point', coordinates: [1, 2] });
    const [full, structural] = both(JSON.stringify(story));
    expect(structural).toEqual([
      'feature 2 ("ferry"): geometry.coordinates: Expected to find two or more positions here.',
      'feature 4: Each entry of "features" must be an object with "type": "Feature".',
    ]);
    expect(full).toEqual(structural);
  });

  it('parseStory says a feature without geometry or properties, or with an id that is no text, once, either way', () => {
    const cases: Array<(story: Record<string, any>) => void> = [
      (story) => delete story.features[0].geometry,
      (story) => delete story.features[0].properties,
      (story) => (story.features[0].id = { a: 1 }),
    ];
    for (const mutate of cases) {
      const story = JSON.parse(fixture('story-with-route.geojson')) as Record<string, any>;
      mutate(story);
      const [full, structural] = both(JSON.stringify(story));
      expect(full).toEqual(structural);
    }
  });

  it('parseStory adds what only the validator checks (an unclosed ring) below 1 MB, by default', () => {
    const story = JSON.parse(fixture('minimal-story.geojson')) as Record<string, any>;
    story.features[1].geometry = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1]]] };
    const own = 'feature 1 ("south-harbour"): geometry.type: A place must be a Point, not "Polygon".';
    expect(problems(JSON.stringify(story)).map(formatProblem)).toEqual([own, 'feature 1 ("south-harbour"): geometry.coordinates[0]: Expected to find four or more positions here.']);
    story.features[0].properties.note = 'x'.repeat(1024 * 1024);
    expect(problems(JSON.stringify(story)).map(formatProblem)).toEqual([own]);
  });
});

describe('parseStory reads each step’s camera', () => {
  const base = () => JSON.parse(fixture('story-with-route.geojson')) as Record<string, any>;

  it('parseStory gives a place without a camera its position at the default zoom, and the overview all places', () => {
    const story = parsed(fixture('minimal-story.geojson'));
    expect(story.steps[1]?.camera).toEqual({ center: [10.75, 59.9], zoom: 9 });
    expect(story.steps[0]?.camera).toEqual({ fit: [[10.75, 59.9], [10.4, 59.2]], maxZoom: 9 });
  });

  it('parseStory reads zoom, centre and zoom, and fit lists of places and waypoints', () => {
    const story = base();
    story.features[0].properties.camera = { fit: ['lighthouse'], maxZoom: 12 };
    story.features[1].properties.camera = { zoom: 11 };
    story.story.camera = { center: [10.5, 59.5], zoom: 7 };
    const steps = parsed(JSON.stringify(story)).steps;
    expect(steps.find((s) => s.slug === 'north-harbour')?.camera).toEqual({ fit: [[10.75, 59.9], [10.5, 59.5]], maxZoom: 12 });
    expect(steps.find((s) => s.slug === 'south-harbour')?.camera).toEqual({ center: [10.4, 59.2], zoom: 11 });
    expect(steps[0]?.camera).toEqual({ center: [10.5, 59.5], zoom: 7 });
  });

  it('parseStory names a camera that fits an unknown id or has a bad zoom', () => {
    const story = base();
    story.features[0].properties.camera = { fit: ['atlantis'] };
    story.features[1].properties.camera = { zoom: 40 };
    expect(problems(JSON.stringify(story)).map(formatProblem)).toEqual([
      'feature 0 ("north-harbour"): properties.camera.fit[0]: "atlantis" names no place or waypoint of this story.',
      'feature 1 ("south-harbour"): properties.camera.zoom: "zoom" must be a zoom level from 0 to 22, not the number 40.',
    ]);
  });
});
