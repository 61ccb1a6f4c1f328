import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addPlace,
  draftFromStoryFile,
  emptyDraft,
  movePlace,
  parsePosition,
  renamePlace,
  setArticle,
  splitArticle,
  storyFileFromDraft,
  togglePassage,
  updatePlace,
} from '../../src/model/draft.ts';
import { draftFromFiles } from '../../src/model/draft-from-files.ts';
import { parseStory } from '../../src/model/parse-story.ts';

const defaultStoryText = readFileSync(new URL('../../data/kim-putin-2019.geojson', import.meta.url), 'utf8');

describe('splitArticle', () => {
  it('splits at blank lines (spaces allowed on them), joins wrapped lines, drops empty paragraphs', () => {
    expect(splitArticle('One\nline wrapped.\r\n\r\nTwo.\n  \n\n\nThree.\n')).toEqual(['One line wrapped.', 'Two.', 'Three.']);
    expect(splitArticle('  \n\n ')).toEqual([]);
  });

  it('splits the seed article into the default story’s 27 paragraphs, word for word', () => {
    const article = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');
    const story = JSON.parse(defaultStoryText) as { story: { paragraphs: Array<{ text: string }> } };
    expect(splitArticle(article)).toEqual(story.story.paragraphs.map((paragraph) => paragraph.text));
  });
});

describe('setArticle', () => {
  it('numbers a new article p1, p2...', () => {
    expect(setArticle(emptyDraft(), 'A.\n\nB.').paragraphs).toEqual([{ id: 'p1', text: 'A.' }, { id: 'p2', text: 'B.' }]);
  });

  it('keeps each paragraph’s id (and so its places) through edits around it, and drops only removed ones from places', () => {
    let draft = setArticle(emptyDraft(), 'A.\n\nB.\n\nC.');
    draft = addPlace(draft, 'Here', [1, 2]).draft;
    draft = togglePassage(togglePassage(draft, 'here', 'p2'), 'here', 'p3');
    // A paragraph inserted before B, and C removed.
    draft = setArticle(draft, 'A.\n\nNew.\n\nB.');
    expect(draft.paragraphs).toEqual([{ id: 'p1', text: 'A.' }, { id: 'p4', text: 'New.' }, { id: 'p2', text: 'B.' }]);
    expect(draft.places[0]?.passages).toEqual(['p2']);
    // B corrected in place (same number of paragraphs): it keeps its id and its place.
    draft = setArticle(draft, 'A.\n\nNew.\n\nB, corrected.');
    expect(draft.paragraphs[2]).toEqual({ id: 'p2', text: 'B, corrected.' });
    expect(draft.places[0]?.passages).toEqual(['p2']);
  });
});

describe('places', () => {
  it('gives ids from names, unique, never "overview"; the id follows renames until the place came from a file', () => {
    let draft = addPlace(emptyDraft(), 'Russky Island', null).draft;
    draft = addPlace(draft, 'Russky Island', null).draft;
    draft = addPlace(draft, 'Overview', null).draft;
    expect(draft.places.map((place) => place.id)).toEqual(['russky-island', 'russky-island-2', 'overview-2']);
    const renamed = renamePlace(draft, 'russky-island-2', 'Vladivostok');
    expect(renamed.id).toBe('vladivostok');
    const opened = draftFromStoryFile(JSON.parse(defaultStoryText));
    expect(renamePlace(opened, 'khasan', 'Khasan station').id).toBe('khasan');
  });

  it('moves a place within the story’s ends', () => {
    let draft = emptyDraft();
    for (const name of ['A', 'B', 'C']) draft = addPlace(draft, name, null).draft;
    expect(movePlace(draft, 'c', -1).places.map((place) => place.id)).toEqual(['a', 'c', 'b']);
    expect(movePlace(draft, 'a', -1).places.map((place) => place.id)).toEqual(['a', 'b', 'c']);
    expect(movePlace(draft, 'a', 5).places.map((place) => place.id)).toEqual(['b', 'c', 'a']);
  });
});

describe('storyFileFromDraft', () => {
  it('writes a story that validates: passages in article order, steps in the places’ order, optional fields only when given', () => {
    let draft = setArticle(emptyDraft(), 'At North Harbour.\n\nAt South Harbour.\n\nBoth.');
    draft = { ...draft, details: { ...draft.details, title: ' Two harbours ', publisher: 'Test Gazette', published: '2024-03-01', dateline: 'HARBOUR TOWN' } };
    draft = addPlace(draft, 'South Harbour', [10.4, 59.2]).draft;
    draft = addPlace(draft, 'North Harbour', [10.75, 59.9]).draft;
    draft = togglePassage(togglePassage(draft, 'south-harbour', 'p3'), 'south-harbour', 'p2');
    draft = updatePlace(draft, 'north-harbour', { passages: ['p1'], summary: 'Where it starts.', aliases: ['the north quay'] });
    const file = storyFileFromDraft(draft);
    expect(file.story).toMatchObject({ title: 'Two harbours', steps: ['south-harbour', 'north-harbour'] });
    expect(file.story).not.toHaveProperty('byline');
    expect(file.features[0]).toMatchObject({ id: 'south-harbour', geometry: { type: 'Point', coordinates: [10.4, 59.2] }, properties: { passages: ['p2', 'p3'] } });
    expect(file.features[1]).toMatchObject({ properties: { summary: 'Where it starts.', aliases: ['the north quay'] } });
    const parsed = parseStory(JSON.stringify(file));
    expect(parsed.ok).toBe(true);
  });

  it('writes a place not yet on the map with a null geometry: nothing is lost, and the checker names it', () => {
    const draft = addPlace(setArticle(emptyDraft(), 'Text.'), 'Somewhere', null).draft;
    const file = storyFileFromDraft(draft);
    expect(file.features[0]).toMatchObject({ geometry: null, properties: { name: 'Somewhere' } });
    const parsed = parseStory(JSON.stringify(file));
    expect(parsed.ok ? [] : parsed.problems.map((problem) => `${problem.featureIndex}:${problem.path}`)).toContain('0:geometry');
    expect(draftFromStoryFile(file).places[0]).toMatchObject({ name: 'Somewhere', lngLat: null });
  });

  it('round-trips the default story: routes, waypoints, camera and every place property come back unchanged', () => {
    const original = JSON.parse(defaultStoryText) as { story: Record<string, unknown>; features: Array<{ id: string }> };
    const draft = draftFromStoryFile(original);
    expect(draft.places.map((place) => place.id)).toEqual(['khasan', 'vladivostok', 'russky-island', 'moscow', 'seoul', 'hanoi']);
    const written = storyFileFromDraft(draft) as unknown as typeof original;
    expect(written.story).toEqual(original.story);
    const byId = (features: Array<{ id: string }>) => Object.fromEntries(features.map((feature) => [feature.id, feature]));
    expect(byId(written.features)).toEqual(byId(original.features));
    expect(parseStory(JSON.stringify(written)).ok).toBe(true);
  });
});

describe('draftFromStoryFile', () => {
  it('refuses what is not a story file, saying what one is', () => {
    expect(() => draftFromStoryFile({ type: 'Feature' })).toThrow(/not a story file: a story is a GeoJSON FeatureCollection/);
    expect(() => draftFromStoryFile([1, 2])).toThrow(/not a story file/);
  });

  it('takes what it can from a file with problems (a broken position, a missing name)', () => {
    const draft = draftFromStoryFile({
      type: 'FeatureCollection',
      story: { title: 7, paragraphs: [{ id: 'a', text: 'x' }, 'junk'] },
      features: [{ type: 'Feature', id: 'p', geometry: { type: 'Point', coordinates: ['x', 2] }, properties: { passages: ['a', 3] } }],
    });
    expect(draft.details.title).toBe('');
    expect(draft.paragraphs).toEqual([{ id: 'a', text: 'x' }]);
    expect(draft.places[0]).toMatchObject({ id: 'p', name: '', lngLat: null, passages: ['a'] });
  });
});

describe('draftFromFiles', () => {
  const details = { ...emptyDraft().details, publisher: 'Example News' };
  const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');

  it('opens each kind of file by its name and content', () => {
    expect(draftFromFiles([{ name: 'story.geojson', text: defaultStoryText }], details)).toMatchObject({ kind: 'a story file', warnings: [] });
    const sochi = draftFromFiles([{ name: 'sochi.json', text: fixture('storymapjs-sochi.json') }], details);
    expect(sochi.kind).toBe('a StoryMapJS story');
    expect(sochi.draft.places).toHaveLength(9);
    expect(sochi.draft.details.publisher).toBe('Example News');
    // The Sheets template's two tabs, opened together in either order.
    const sheets = draftFromFiles([{ name: 'Options.csv', text: fixture('hodv-Options.csv') }, { name: 'Chapters.csv', text: fixture('hodv-Chapters.csv') }], details);
    expect(sheets.kind).toBe('a Google Sheets template story');
    expect(sheets.draft.details.title).not.toBe('');
    const mapbox = draftFromFiles([{ name: 'config.js', text: fixture('mapbox-glacier-config.js') }], details);
    expect(mapbox.draft.places).toHaveLength(7);
    expect(mapbox.warnings.length).toBeGreaterThan(0);
  });

  it('says what is wrong with a file it cannot open', () => {
    expect(() => draftFromFiles([{ name: 'notes.json', text: '{ nope' }], details)).toThrow(/notes\.json is not JSON .*Open a story file/);
    expect(() => draftFromFiles([{ name: 'list.csv', text: 'a,b\n1,2' }], details)).toThrow(/not the template's Chapters tab/);
  });
});

describe('parsePosition', () => {
  it('reads latitude first, as map sites show it, and stores [lng, lat]', () => {
    expect(parsePosition('43.11124, 131.88191')).toEqual({ ok: true, lngLat: [131.88191, 43.11124] });
    expect(parsePosition(' 43.11124 131.88191 ')).toEqual({ ok: true, lngLat: [131.88191, 43.11124] });
    expect(parsePosition('33.87° S, 151.21° E')).toEqual({ ok: true, lngLat: [151.21, -33.87] });
    expect(parsePosition('40.7, 74.0 W')).toEqual({ ok: true, lngLat: [-74, 40.7] });
  });

  it('explains numbers in the wrong order or out of range, and text that is no position', () => {
    expect(parsePosition('131.88191, 43.11124')).toMatchObject({ ok: false, message: expect.stringContaining('did you put the longitude first?') });
    expect(parsePosition('43, 190')).toMatchObject({ ok: false, message: '190 is not a longitude (-180 to 180).' });
    expect(parsePosition('Vladivostok')).toMatchObject({ ok: false, message: expect.stringContaining('Type the latitude, then the longitude') });
  });
});
