import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStory } from '../../src/model/parse-story.ts';
import { hydrateStory, prepareStory, type PreparedStory } from '../../src/model/prepared-story.ts';
import type { Story } from '../../src/model/types.ts';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

function parsed(text: string): Story {
  const result = parseStory(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.story;
}

describe('the prepared form of the bundled story', () => {
  const story = parsed(read('data/kim-putin-2019.geojson'));

  it('gives back the very story parseStory reads, through JSON', () => {
    const again = hydrateStory(JSON.parse(JSON.stringify(prepareStory(story))) as PreparedStory);
    expect(again).toEqual(story);
    // Passages are the paragraphs themselves, and steps the places themselves, as parseStory makes them.
    const khasan = again.places.find((p) => p.id === 'khasan')!;
    expect(khasan.passages.every((p) => again.paragraphs.includes(p))).toBe(true);
    expect(again.steps.find((s) => s.slug === 'khasan')!.place).toBe(khasan);
    expect(again.routes[0]!.dates).toBeInstanceOf(Map);
  });

  it('is up to date with data/kim-putin-2019.geojson (run npm run build:story after editing it)', () => {
    const committed = JSON.parse(read('data/kim-putin-2019.story.json')) as PreparedStory;
    expect(committed).toEqual(JSON.parse(JSON.stringify(prepareStory(story))));
  });

  it('writes route lines as whole 1e-5 degrees, to half the size, and refuses finer positions', () => {
    const prepared = prepareStory(story);
    expect(prepared.routes[0]!.lines[0]!.every(Number.isInteger)).toBe(true);
    const fine = parsed(
      read('test/fixtures/minimal-story.geojson').replace(
        '"features": [',
        '"features": [{ "type": "Feature", "id": "r", "geometry": { "type": "LineString", "coordinates": [[10.75, 59.9], [10.4000001, 59.2]] }, "properties": { "kind": "route", "mode": "ferry", "name": "R", "stops": [] } },',
      ),
    );
    expect(() => prepareStory(fine)).toThrow(/finer than 1e-5 degree/);
  });

  it('refuses a file that is not a prepared story', () => {
    expect(() => hydrateStory(JSON.parse(read('test/fixtures/minimal-story.geojson')) as PreparedStory)).toThrow(/Not a prepared story/);
  });
});
