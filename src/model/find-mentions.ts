import type { Place } from './types.ts';

/** A place named in a text: `text.slice(start, end)` is the mention. */
export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly placeId: string;
}

/** The names and aliases to look for, as a character trie (lowercase), so that matching stays fast with many places. */
export interface MentionIndex {
  readonly root: TrieNode;
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  placeId: string | null;
}

/**
 * Names longer than this are not looked for in the text. Each word of the text walks the trie at
 * most this far, so matching stays linear in the text: a crafted name of thousands of words
 * over a text of those same words would otherwise cost (text x name) steps.
 */
export const MAX_MENTION_LENGTH = 120;

/** Indexes every place's name and aliases. The first place to claim a name keeps it. */
export function mentionTerms(places: readonly Place[]): MentionIndex {
  const root: TrieNode = { next: new Map(), placeId: null };
  for (const place of places) {
    for (const name of [place.name, ...place.aliases]) {
      const term = name.trim();
      if (term === '' || term.length > MAX_MENTION_LENGTH) continue;
      let node = root;
      for (const ch of term) {
        const key = ch.toLowerCase();
        let child = node.next.get(key);
        if (!child) node.next.set(key, (child = { next: new Map(), placeId: null }));
        node = child;
      }
      node.placeId ??= place.id;
    }
  }
  return { root };
}

/**
 * Finds the places a text names, by their names and aliases: case-insensitively (a dateline
 * says VLADIVOSTOK), as whole words, including possessives ("Vladivostok’s", "Russia's"), the
 * longest name winning where names overlap. Names are compared as literal text, never turned
 * into regular expressions, so any characters an author writes are safe. Stops after `limit`
 * mentions, so that a megabyte-long paragraph costs no more than its first mentions.
 */
export function findMentions(text: string, index: MentionIndex, limit = Infinity): Mention[] {
  const mentions: Mention[] = [];
  let i = 0;
  while (i < text.length && mentions.length < limit) {
    if (isWordChar(text, i - 1) || !isWordChar(text, i)) {
      i += 1;
      continue;
    }
    // Walk the trie as far as the text allows, remembering the longest whole-word match.
    let node: TrieNode | undefined = index.root;
    let best: { end: number; placeId: string } | null = null;
    for (let j = i; j < text.length && node; j += 1) {
      node = node.next.get(text[j]!.toLowerCase());
      if (node?.placeId && !isWordChar(text, j + 1)) best = { end: j + 1, placeId: node.placeId };
    }
    if (!best) {
      i += 1;
      continue;
    }
    let { end } = best;
    // Possessive: straight or curly apostrophe, then s, then the end of the word.
    if ((text[end] === "'" || text[end] === '’') && (text[end + 1] === 's' || text[end + 1] === 'S') && !isWordChar(text, end + 2)) {
      end += 2;
    }
    mentions.push({ start: i, end, placeId: best.placeId });
    i = end;
  }
  return mentions;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Letters and digits of any script count as word characters; outside the text, nothing does. */
function isWordChar(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  // ASCII answered directly: most text is, and a regular expression per character of a
  // megabyte-long paragraph costs a visible pause.
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  return LETTER_OR_DIGIT.test(text[index]!);
}
