import { describe, expect, it } from 'vitest';
import { findMentions, mentionTerms } from '../../src/model/find-mentions.ts';
import type { Place } from '../../src/model/types.ts';

const place = (id: string, name: string, aliases: string[] = []): Place => ({
  id,
  name,
  aliases,
  lngLat: [0, 0],
  passages: [],
  summary: null,
});

const terms = mentionTerms([
  place('vladivostok', 'Vladivostok'),
  place('russky-island', 'Russky Island', ['Russky']),
  place('khasan', 'Khasan', ['Hasan']),
  place('odd', 'A.B (c)*+?', []),
]);

const named = (text: string) => findMentions(text, terms).map((m) => [text.slice(m.start, m.end), m.placeId]);

describe('findMentions', () => {
  it('findMentions matches case-insensitively, as in the dateline VLADIVOSTOK', () => {
    expect(named('VLADIVOSTOK, Russia (AP) — In Vladivostok today')).toEqual([
      ['VLADIVOSTOK', 'vladivostok'],
      ['Vladivostok', 'vladivostok'],
    ]);
  });

  it('findMentions includes possessives with straight and curly apostrophes', () => {
    expect(named("Vladivostok’s station and Khasan's platform")).toEqual([
      ['Vladivostok’s', 'vladivostok'],
      ["Khasan's", 'khasan'],
    ]);
  });

  it('findMentions prefers the longest name: "Russky Island" over "Russky"', () => {
    expect(named('spotted on Russky Island, off Russky too')).toEqual([
      ['Russky Island', 'russky-island'],
      ['Russky', 'russky-island'],
    ]);
  });

  it('findMentions matches whole words only', () => {
    expect(named('Khasanov and Vladivostoky are not places; Hasan is')).toEqual([['Hasan', 'khasan']]);
  });

  it('findMentions treats names as literal text, even with regular-expression characters', () => {
    expect(named('see A.B (c)*+? here, not AxB (c)')).toEqual([['A.B (c)*+?', 'odd']]);
  });
});

describe('findMentions on hostile text', () => {
  it('stops after the given number of mentions', () => {
    const text = 'Vladivostok and Khasan. '.repeat(1000);
    expect(findMentions(text, terms, 5)).toHaveLength(5);
  });

  it('still treats digits and letters of any script as word characters', () => {
    expect(named('Khasan2 and 2Khasan and Khasanй are not Khasan.')).toEqual([['Khasan', 'khasan']]);
  });
});
