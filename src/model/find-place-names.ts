import { nameKey, type Gazetteer, type GazetteerPlace } from './gazetteer.ts';

/** A name found in the article, and the paragraphs that use it. */
export interface FoundName {
  readonly name: string;
  /** Ids of the paragraphs that use the name, in article order. */
  readonly paragraphIds: readonly string[];
}

/** What the article's names suggest: places the gazetteer knows, and names to place by hand. */
export interface PlaceNameFindings {
  /** Names of populated places in the gazetteer, in order of first use. */
  readonly known: ReadonlyArray<FoundName & { readonly place: GazetteerPlace }>;
  /** Names used as places ("at Khasan station", "on Russky Island") that the gazetteer lacks. */
  readonly unknown: readonly FoundName[];
}

// Words that say the next name is where something is or happens.
const LOCATIVE = new Set(['in', 'at', 'near', 'to', 'from', 'into', 'on', 'via', 'toward', 'towards', 'outside', 'across', 'of', 'through', 'around', 'past']);
// Capitalised only because they start a sentence or a name; never part of a place's name.
const LEADING = new Set(['a', 'an', 'the', 'in', 'at', 'on', 'to', 'from', 'after', 'before', 'but', 'and', 'as', 'while', 'when', 'near', 'into', 'of', 'for', 'by', 'with', 'it', 'his', 'her', 'their', 'its', 'this', 'that', 'some', 'during', 'since', 'if', 'like', 'than']);
// A name that starts with one of these is a person's: "President Donald Trump", "Gov. Oleg Kozhemyako".
const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'president', 'prime', 'minister', 'gov', 'governor', 'gen', 'general', 'sen', 'senator',
  'rep', 'king', 'queen', 'prince', 'princess', 'pope', 'chancellor', 'secretary', 'mayor', 'premier', 'ambassador',
  'col', 'lt', 'capt', 'sgt', 'adm', 'judge', 'justice', 'rev', 'sir', 'lady', 'lord', 'leader', 'chairman', 'spokesman',
  'spokeswoman', 'spokesperson', 'deputy', 'foreign', 'defense', 'defence', 'vice', 'supreme',
]);
// Verbs of speech after a name: "Kozhemyako added", "Ushakov said".
const SPEECH = /^\s+(said|says|told|added|asked|wrote|noted|stressed|explained|replied|declared|announced)\b/;
// A name with one of these words is an organisation's: "the Korea Institute for National Unification".
const ORGANISATION = /\b(Institute|Ministry|Agency|Council|Committee|Party|Company|Corporation|Corp|Inc|Group|Association|Foundation|Office|Government|Commission|Organi[sz]ation|Federation|News|Press|Times|Bank|Fund)\b/;
const CALENDAR = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);

/** A run of capitalised words (joined by "of", "de", ...), ending at a possessive or punctuation. */
// A word may hold inner dots ("U.S") but never ends in one: a full stop ends the run.
const WORD = String.raw`\p{Lu}[\p{L}\p{M}\-]*(?:\.\p{L}+)*(?:[’']s\b)?`;
const NAME_RUN = new RegExp(String.raw`${WORD}(?:\s+(?:(?:of|de|del|da|do|la|le|el|al|upon)\s+)?${WORD})*`, 'gu');

interface Occurrence {
  readonly name: string;
  readonly words: readonly string[];
  readonly before: string;
  readonly after: string;
  readonly possessiveBefore: boolean;
}

/**
 * The article's place names: each run of capitalised words is split at possessives ("Russia’s
 * Khasan" is Russia, then Khasan), stripped of a sentence's leading word ("In Vladivostok"), and
 * judged. People are left out: a name after a title, before "said", or a word that is elsewhere
 * part of a longer name that is not a place ("Vladimir" of "Vladimir Putin"). Countries, days
 * and months are left out too. A name the gazetteer knows is suggested with its position; one it
 * does not know is listed when used as a place (after "in", "at", "to"... or a possessive).
 */
export function findPlaceNames(
  paragraphs: ReadonlyArray<{ readonly id: string; readonly text: string }>,
  gazetteer: Gazetteer,
): PlaceNameFindings {
  const occurrences: Array<Occurrence & { readonly paragraphId: string }> = [];
  for (const paragraph of paragraphs) {
    for (const occurrence of nameOccurrences(paragraph.text)) occurrences.push({ ...occurrence, paragraphId: paragraph.id });
  }
  // Single words that begin or end a longer name elsewhere: parts of people's names, mostly.
  const partsOfLongerNames = new Set<string>();
  for (const { words } of occurrences) {
    if (words.length < 2 || gazetteer.find(words.join(' '))) continue;
    partsOfLongerNames.add(nameKey(words[0] ?? ''));
    partsOfLongerNames.add(nameKey(words[words.length - 1] ?? ''));
  }
  const people = new Set<string>();
  for (const { name, words, before, after } of occurrences) {
    if (TITLES.has(nameKey(words[0] ?? '')) || TITLES.has(nameKey(before)) || SPEECH.test(after)) people.add(nameKey(name));
  }
  const known = new Map<string, { name: string; place: GazetteerPlace; paragraphIds: string[] }>();
  const unknown = new Map<string, { name: string; paragraphIds: string[] }>();
  for (const occurrence of occurrences) {
    const { name, words, before, possessiveBefore, paragraphId } = occurrence;
    const key = nameKey(name);
    if (people.has(key) || CALENDAR.has(key) || gazetteer.isCountry(name) || isDemonym(name, gazetteer)) continue;
    if (words.length === 1 && partsOfLongerNames.has(key)) continue;
    if (ORGANISATION.test(name)) continue;
    // "Russia-China" (ties), "U.S.-Russia": countries joined, not a place.
    if (name.includes('-') && name.split('-').every((part) => gazetteer.isCountry(part) || isDemonym(part, gazetteer) || part.length <= 2)) continue;
    if (name.replace(/[^\p{L}]/gu, '').length < 3 || /\.\p{L}/u.test(name)) continue; // "U.S.", initials
    const place = gazetteer.find(name);
    let entry: { paragraphIds: string[] };
    if (place) {
      entry = known.get(key) ?? { name: place.name, place, paragraphIds: [] };
      known.set(key, entry as { name: string; place: GazetteerPlace; paragraphIds: string[] });
    } else if (LOCATIVE.has(before.toLowerCase()) || possessiveBefore || unknown.has(key)) {
      entry = unknown.get(key) ?? { name, paragraphIds: [] };
      unknown.set(key, entry as { name: string; paragraphIds: string[] });
    } else continue;
    if (!entry.paragraphIds.includes(paragraphId)) entry.paragraphIds.push(paragraphId);
  }
  return { known: [...known.values()], unknown: [...unknown.values()] };
}

/** "South Korean", "Russian": a country's name and a suffix. */
function isDemonym(name: string, gazetteer: Gazetteer): boolean {
  const match = /^(.*?)(n|an|ian|ese|i|ish)$/.exec(name);
  if (!match?.[1]) return false;
  return gazetteer.isCountry(match[1]) || gazetteer.isCountry(`${match[1]}a`) || gazetteer.isCountry(match[1] + (match[2] === 'n' ? '' : 'a'));
}

function nameOccurrences(text: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (const match of text.matchAll(NAME_RUN)) {
    const start = match.index;
    // Split the run after each possessive: "Russia’s Khasan" names two things.
    const pieces = match[0].split(/(?<=[’']s)\s+/);
    let offset = start;
    let possessiveBefore = false;
    // The word before the name, past an article: "to the Isle of Wrenn" is "to".
    let before = /([\p{L}’']+)(?:\s+(?:the|a|an))?[^\p{L}]*$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1] ?? '';
    for (const piece of pieces) {
      const pieceStart = text.indexOf(piece, offset);
      offset = pieceStart + piece.length;
      const possessive = /[’']s$/.test(piece);
      let words = piece.replace(/[’']s$/, '').split(/\s+/);
      // A leading "In", "The", "After"... belongs to the sentence, not the name.
      while (words.length > 1 && LEADING.has((words[0] ?? '').toLowerCase())) {
        before = words[0] ?? '';
        words = words.slice(1);
      }
      const single = words.length === 1 ? (words[0] ?? '') : null;
      if (single !== null && LEADING.has(single.toLowerCase())) {
        before = single;
        possessiveBefore = false;
        continue;
      }
      // A dateline's capitals: VLADIVOSTOK is Vladivostok.
      const name = words.map((word) => (word.length > 2 && word === word.toUpperCase() ? word[0] + word.slice(1).toLowerCase() : word)).join(' ');
      found.push({ name, words, before, after: text.slice(offset, offset + 20), possessiveBefore });
      before = words[words.length - 1] ?? '';
      possessiveBefore = possessive;
    }
  }
  return found;
}
