import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importMapboxConfig, readConfigLiteral } from '../../../src/model/import/from-mapbox-config.ts';
import { importSheets } from '../../../src/model/import/from-sheets.ts';
import { importStoryMapJs } from '../../../src/model/import/from-storymapjs.ts';
import { htmlToParagraphs } from '../../../src/model/import/html-to-paragraphs.ts';
import { uniqueSlugs } from '../../../src/model/import/slug.ts';
import { parseStory } from '../../../src/model/parse-story.ts';

// Real files from each peer tool (test/fixtures/import/SOURCES.md: origin and licence).
const fixture = (name: string) => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'utf8');
const details = { publisher: 'Example News', published: '2024-05-01', dateline: 'SOMEWHERE', language: 'en', byline: null };

const valid = (story: unknown) => {
  const result = parseStory(JSON.stringify(story), { fullValidation: true });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.story;
};

describe('htmlToParagraphs', () => {
  it('splits at block elements and double <br>, drops tags, decodes entities', () => {
    expect(htmlToParagraphs('<p>One &amp; <b>two</b></p><p>Three&nbsp;four</p>')).toEqual(['One & two', 'Three four']);
    expect(htmlToParagraphs('First<br><br>Second<br>still second')).toEqual(['First', 'Second still second']);
    expect(htmlToParagraphs('<ul><li>a</li><li>b</li></ul>')).toEqual(['a', 'b']);
    expect(htmlToParagraphs('<script>alert(1)</script><img src=x onerror=alert(1)>Safe')).toEqual(['Safe']);
    expect(htmlToParagraphs('Bradley Airport <i class="fas fa-plane"></i>, Windsor Locks')).toEqual(['Bradley Airport, Windsor Locks']);
  });
});

describe('uniqueSlugs', () => {
  it('slugifies names and keeps ids unique, never "overview"', () => {
    const slug = uniqueSlugs();
    expect([slug('Moscow'), slug('Moscow'), slug('Kraków, Poland'), slug('Overview'), slug('东京')]).toEqual(['moscow', 'moscow-2', 'krakow-poland', 'overview-2', 'place']);
  });
});

describe('importing from StoryMapJS', () => {
  const { story, warnings } = importStoryMapJs(fixture('storymapjs-sochi.json'), details);

  it('writes a story that validates, titled by its overview slide', () => {
    const checked = valid(story);
    expect(checked.meta.title).toBe('Sochi 2014 Olympic Torch Relay Highlights');
    expect(checked.places.length).toBe(9);
  });

  it('turns HTML into plain paragraphs: no tags, no entities', () => {
    const texts = story.story.paragraphs.map((p) => p.text).join('\n');
    expect(texts).not.toMatch(/<|&nbsp;|&amp;/);
    expect(texts).toContain('From October 7, 2013 to February 7, 2014');
  });

  it('stores latitude-first locations as [lng, lat], and merges slides at the same point', () => {
    const moscow = story.features.find((f) => f.properties.name === 'Kickoff in Moscow')!;
    expect(moscow.geometry.coordinates).toEqual([37.6173, 55.755826]);
    expect(moscow.properties.camera).toEqual({ zoom: 10 });
    expect(warnings).toContain('1 entry at the same point as the one before was merged into one place.');
  });

  it('says once per kind what it could not bring', () => {
    expect(warnings.filter((w) => w.includes('media'))).toHaveLength(1);
    expect(warnings.some((w) => w.includes('custom marker icon'))).toBe(true);
  });
});

describe('importing from the Google Sheets template', () => {
  const { story, warnings } = importSheets(fixture('hodv-Chapters.csv'), fixture('hodv-Options.csv'), details);

  it('writes a story that validates, with the template zoom where a chapter names none', () => {
    const checked = valid(story);
    expect(checked.meta.title).toBe('My Story Map from CSV');
    // The template's placeholder author is no byline.
    expect(checked.meta.byline).toBeNull();
    const first = story.features[0]!;
    expect(first.geometry.coordinates).toEqual([-72.6782, 41.7676]);
    expect(first.properties.camera).toEqual({ zoom: 15 });
  });

  it('drops HTML from titles, reads a quoted multi-line cell, merges the hidden final chapter into the place before', () => {
    expect(story.features.map((f) => f.properties.name)).toContain('Bradley Airport, Windsor Locks');
    expect(story.features.map((f) => f.id)).toEqual([...new Set(story.features.map((f) => f.id))]);
    expect(warnings.some((w) => w.includes('merged into one place'))).toBe(true);
    expect(warnings.some((w) => w.includes('CartoDB.Positron'))).toBe(true);
  });
});

describe('importing a Mapbox or MapLibre storytelling config.js', () => {
  it('reads the config as data, never copies the access token, and validates', () => {
    const source = fixture('mapbox-glacier-config.js');
    const { story, warnings } = importMapboxConfig(source, details);
    valid(story);
    expect(JSON.stringify(story)).not.toContain('pk.');
    expect(warnings[0]).toBe('The access token was not copied: secrets never go into a story file.');
    // Each glacier's 1998 and 2015 chapters share a point: one place each.
    expect(story.features).toHaveLength(7);
    expect(warnings.some((w) => w.includes('pitch or bearing'))).toBe(true);
  });

  it('imports the MapLibre fork the same way', () => {
    const { story } = importMapboxConfig(fixture('maplibre-digidem-demo-config.js'), details);
    expect(valid(story).places.map((p) => p.name)).toEqual(['First Title', 'Second Title']);
  });

  it('never runs the file: code around the config is ignored, code inside it is refused', () => {
    const globals = globalThis as { pwned?: boolean };
    const outside = `globalThis.pwned = true; var config = { title: 'T', chapters: [{ title: 'A', location: { center: [1, 2], zoom: 3 } }] };`;
    expect(readConfigLiteral(outside)).toMatchObject({ title: 'T' });
    expect(globals.pwned).toBeUndefined();
    const inside = `var config = { title: 'T', chapters: [], callback: function () { globalThis.pwned = true; } };`;
    expect(() => readConfigLiteral(inside)).toThrow(/not plain data/);
    expect(globals.pwned).toBeUndefined();
  });
});
