// Hostile and messy inputs, round two: files the validator used to pass that crashed the page or
// silently lost text. Each case asserts what an author (or the page) sees.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createJourney } from '../../src/model/journey.ts';
import { findMentions, mentionTerms } from '../../src/model/find-mentions.ts';
import { formatCalendarDate } from '../../src/model/format-date.ts';
import { formatProblem, parseStory } from '../../src/model/parse-story.ts';
import type { Place, Story } from '../../src/model/types.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const withRoute = (): Record<string, any> => JSON.parse(fixture('story-with-route.geojson'));
const minimal = (): Record<string, any> => JSON.parse(fixture('minimal-story.geojson'));

function story(text: string): Story {
  const result = parseStory(text);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.story;
}
function problemLines(text: string): string[] {
  const result = parseStory(text);
  if (result.ok) throw new Error('expected problems, got a story');
  return result.problems.map(formatProblem);
}

describe('names that are also JavaScript object keys are just names', () => {
  for (const mode of ['constructor', '__proto__', 'toString']) {
    it(`a route of mode "${mode}" parses, and its journey is built`, () => {
      const file = withRoute();
      file.features.find((f: { id?: string }) => f.id === 'ferry').properties.mode = mode;
      const parsed = story(JSON.stringify(file));
      expect(parsed.routes[0]?.mode).toBe(mode);
      expect(createJourney(parsed)?.stops.map((s) => s.id)).toEqual(['north-harbour', 'lighthouse', 'south-harbour']);
    });
  }

  it('a place called "constructor" as a route stop gets a distance in km and no date, not a function', () => {
    const text = fixture('story-with-route.geojson').replaceAll('"north-harbour"', '"constructor"');
    const journey = createJourney(story(text))!;
    const stop = journey.stops.find((s) => s.id === 'constructor')!;
    expect(Number.isFinite(stop.km)).toBe(true);
    expect(stop.date).toBeNull();
    expect(journey.calibration.every((c) => Number.isFinite(c.publishedKm))).toBe(true);
  });
});

describe('tile URLs', () => {
  for (const url of ['https://tiles.example.org/{id}/{z}/{x}/{y}.png', 'https://tiles.example.org/{z}/{x}/{y}.png?access_token={accessToken}']) {
    it(`refuses ${url}, naming the placeholder the map cannot fill`, () => {
      const file = minimal();
      file.story.tiles = { url, attribution: 'Example' };
      const [line] = problemLines(JSON.stringify(file));
      expect(line).toMatch(/^story\.tiles\.url: The tile URL uses \{(id|accessToken)\}, which the map cannot fill/);
    });
  }

  it('accepts {s}, {r} and {-y}', () => {
    const file = minimal();
    file.story.tiles = { url: 'https://{s}.tiles.example.org/{z}/{x}/{-y}{r}.png', attribution: 'Example' };
    expect(story(JSON.stringify(file)).tiles).toMatchObject({ url: file.story.tiles.url });
  });
});

describe('language tags', () => {
  for (const tag of ['en-GB-GB', 'zh-min-nan', 'en-u']) {
    it(`refuses "${tag}", which Intl cannot format with, suggesting tags that work`, () => {
      const file = minimal();
      file.story.language = tag;
      expect(problemLines(JSON.stringify(file))).toEqual([
        `story.language: the text "${tag}" is not a language tag that browsers understand: use one such as "en", "en-GB", "pt-BR" or "nan" (Min Nan Chinese).`,
      ]);
    });
  }

  it('keeps a valid tag in canonical form, so every date and number formats', () => {
    const file = minimal();
    file.story.language = 'pt-br';
    const parsed = story(JSON.stringify(file));
    expect(parsed.meta.language).toBe('pt-BR');
    expect(() => (1234).toLocaleString(parsed.meta.language)).not.toThrow();
  });
});

describe('dates', () => {
  it('shows years 0001-0099 as themselves, not as 1901-1999', () => {
    const file = minimal();
    file.story.published = '0079-08-24';
    const parsed = story(JSON.stringify(file));
    expect(formatCalendarDate(parsed.meta.published, 'en')).toBe('August 24, 79');
  });

  for (const bad of ['2019-04-24T25:00', '2019-04-24T12:99', '2019-04-24T12:00:61Z', '2019-04-24T12:00+24:00']) {
    it(`refuses the time in ${bad}`, () => {
      const file = minimal();
      file.story.published = bad;
      expect(problemLines(JSON.stringify(file))).toEqual([`story.published: "${bad}" is not an ISO 8601 date such as "2019-04-24".`]);
    });
  }

  it('accepts a full timestamp with a zone', () => {
    const file = minimal();
    file.story.published = '2019-04-24T23:59:60+09:00';
    expect(story(JSON.stringify(file)).meta.published).toBe('2019-04-24T23:59:60+09:00');
  });
});

describe('text that JSON.parse would silently drop', () => {
  it('names a key written twice: a second, empty "passages" no longer wins in silence', () => {
    const text = fixture('minimal-story.geojson').replace('"passages": [', '"passages": [], "passages": [');
    expect(problemLines(text)).toContain(
      'feature 0 ("north-harbour"): properties.passages: "passages" is written twice in the same object; only the last would be read. Keep one.',
    );
  });

  it('names a duplicated key in the story member', () => {
    const text = fixture('minimal-story.geojson').replace('"title":', '"title": "Draft", "title":');
    expect(problemLines(text)).toEqual(['story.title: "title" is written twice in the same object; only the last would be read. Keep one.']);
  });
});

describe('locating many problems', () => {
  it('reports 3,000 four-number GPS positions ([lng, lat, ele, time]) as one line naming the first and the last', () => {
    const file = withRoute();
    const ferry = file.features.find((f: { id?: string }) => f.id === 'ferry');
    ferry.geometry.coordinates = Array.from({ length: 3000 }, (_, i) => [10 + i / 10000, 59.5, 12, 1555000000 + i]);
    expect(problemLines(JSON.stringify(file))).toEqual([
      'feature 2 ("ferry"): geometry.coordinates[0]: A position should have 2 or 3 elements - found 4. (2,999 more like it, through geometry.coordinates[2999])',
    ]);
  });

  it('keeps two different problems, or two alike, as separate lines', () => {
    const file = withRoute();
    const ferry = file.features.find((f: { id?: string }) => f.id === 'ferry');
    ferry.geometry.coordinates[0] = [10.75, 159.9];
    ferry.geometry.coordinates[1] = [10.6, 159.5];
    expect(problemLines(JSON.stringify(file))).toHaveLength(2);
  });
});

describe('mention matching', () => {
  it('does not look for a crafted name of thousands of words, and still finds the real names', () => {
    const place = (id: string, name: string): Place => ({ id, name, lngLat: [0, 0], passages: [], aliases: [], summary: null });
    const index = mentionTerms([place('crafted', 'word '.repeat(30_000).trim()), place('khasan', 'Khasan')]);
    const text = `${'word '.repeat(60_000)}Khasan`;
    expect(findMentions(text, index)).toEqual([{ start: 300_000, end: 300_006, placeId: 'khasan' }]);
  });
});

describe('references are checked once every id is known, without knock-on reports', () => {
  const story = () => JSON.parse(readFileSync(new URL('../fixtures/story-with-route.geojson', import.meta.url), 'utf8')) as Record<string, any>;
  const lines = (value: unknown) => {
    const result = parseStory(JSON.stringify(value));
    return result.ok ? [] : result.problems.map(formatProblem);
  };

  it('a broken place is reported once, not again by the steps, stops and cameras that name it', () => {
    const broken = story();
    broken.features[1].geometry.coordinates = [10.4, 259.2]; // south-harbour
    broken.story.camera = { fit: ['south-harbour', 'north-harbour'] };
    expect(lines(broken)).toEqual(['feature 1 ("south-harbour"): geometry.coordinates[1]: 259.2 is not a latitude (-90..90).']);
  });

  it('a name that no feature declares is still reported wherever it is used', () => {
    const typo = story();
    typo.story.steps = ['south-harbor'];
    typo.features[2].properties.stops = ['north-harbour', 'lighthouse', 'south-harbor'];
    expect(lines(typo)).toEqual([
      'story.steps[0]: "south-harbor" names no place of this story.',
      'feature 2 ("ferry"): properties.stops[2]: "south-harbor" names no place or waypoint of this story.',
    ]);
  });
});
