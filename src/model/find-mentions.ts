import type { Place } from './types.ts';

/** A place named in a text: `text.slice(start, end)` is the mention. */
export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly placeId: string;
}

interface Term {
  readonly lower: string;
  readonly placeId: string;
}

/** Terms to look for, longest first, so that "Russky Island" wins over "Russky". */
export function mentionTerms(places: readonly Place[]): Term[] {
  const terms: Term[] = [];
  for (const place of places) {
    for (const name of [place.name, ...place.aliases]) {
      const lower = name.trim().toLowerCase();
      if (lower !== '' && !terms.some((t) => t.lower === lower)) terms.push({ lower, placeId: place.id });
    }
  }
  return terms.sort((a, b) => b.lower.length - a.lower.length);
}

/**
 * Finds the places a text names, by their names and aliases: case-insensitively (a dateline
 * says VLADIVOSTOK), as whole words, including possessives ("Vladivostok’s", "Russia's"), the
 * longest name winning where names overlap. Names are compared as literal text, never turned
 * into regular expressions, so any characters an author writes are safe.
 */
export function findMentions(text: string, terms: readonly Term[]): Mention[] {
  const mentions: Mention[] = [];
  let i = 0;
  while (i < text.length) {
    if (isWordChar(text, i - 1) || !isWordChar(text, i)) {
      i += 1;
      continue;
    }
    const term = terms.find((t) => {
      const candidate = text.slice(i, i + t.lower.length);
      return candidate.length === t.lower.length && candidate.toLowerCase() === t.lower && !isWordChar(text, i + t.lower.length);
    });
    if (!term) {
      i += 1;
      continue;
    }
    let end = i + term.lower.length;
    // Possessive: straight or curly apostrophe, then s, then the end of the word.
    if ((text[end] === "'" || text[end] === '’') && (text[end + 1] === 's' || text[end + 1] === 'S') && !isWordChar(text, end + 2)) {
      end += 2;
    }
    mentions.push({ start: i, end, placeId: term.placeId });
    i = end;
  }
  return mentions;
}

/** Letters and digits of any script count as word characters; outside the text, nothing does. */
function isWordChar(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  return /[\p{L}\p{N}]/u.test(text[index]!);
}
