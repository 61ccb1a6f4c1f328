import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPlaceNames } from '../../src/model/find-place-names.ts';
import { createGazetteer, type GazetteerFile } from '../../src/model/gazetteer.ts';
import { splitArticle } from '../../src/model/draft.ts';

const gazetteer = createGazetteer(JSON.parse(readFileSync(new URL('../../data/gazetteer/populated-places.json', import.meta.url), 'utf8')) as GazetteerFile);
const paragraphs = (text: string) => splitArticle(text).map((paragraphText, index) => ({ id: `p${index + 1}`, text: paragraphText }));

describe('the gazetteer', () => {
  it('finds the most populous place of a name, ignoring case and accents', () => {
    expect(gazetteer.find('vladivostok')).toMatchObject({ name: 'Vladivostok', country: 'Russia' });
    expect(gazetteer.find('Moscow')?.country).toBe('Russia');
    expect(gazetteer.find('SÃO PAULO')?.name).toBe('Sao Paulo');
    expect(gazetteer.find('Nowhere-on-Sea')).toBeNull();
    expect(gazetteer.isCountry('North Korea')).toBe(true);
  });
});

describe('findPlaceNames', () => {
  it('in the seed article: the cities with positions, Khasan and Russky Island to place, no people, countries or days', () => {
    const article = readFileSync(new URL('../fixtures/article.txt', import.meta.url), 'utf8');
    const found = findPlaceNames(paragraphs(article), gazetteer);
    expect(found.known.map((name) => name.name)).toEqual(['Vladivostok', 'Moscow', 'Hanoi', 'Seoul', 'Pyongyang']);
    const vladivostok = found.known[0]!;
    expect(vladivostok.place.lngLat[0]).toBeCloseTo(131.91, 2);
    expect(vladivostok.paragraphIds).toContain('p1'); // the dateline's VLADIVOSTOK
    const unknown = found.unknown.map((name) => name.name);
    expect(unknown).toEqual(expect.arrayContaining(['Khasan', 'Russky Island']));
    expect(unknown).toContain('Sea of Japan');
    for (const notAPlace of ['Vladimir', 'Kim', 'Putin', 'Kozhemyako', 'Russia', 'Wednesday', 'Friday', 'South Korean', 'U.S', 'Russia-China', 'Korea Institute']) {
      expect([...found.known.map((name) => name.name), ...unknown]).not.toContain(notAPlace);
    }
  });

  it('leaves out a town’s name when it is a person’s: after a title, before “said”, or part of a longer name', () => {
    const found = findPlaceNames(
      paragraphs('Mayor Paris met Lincoln Smith in Boston.\n\nLincoln said it went well. Florence added that she agreed, in Florence.'),
      gazetteer,
    );
    expect(found.known.map((name) => name.name)).toEqual(['Boston']);
  });

  it('lists unknown names only where the text uses them as places', () => {
    const found = findPlaceNames(paragraphs('Zorblat Industries said the ferry sails from Quillonport to the Isle of Wrenn.'), gazetteer);
    expect(found.unknown.map((name) => name.name)).toEqual(['Quillonport', 'Isle of Wrenn']);
  });
});
