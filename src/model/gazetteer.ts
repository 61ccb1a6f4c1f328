import type { LngLat } from './types.ts';

/**
 * The gazetteer file as the editor fetches it (data/gazetteer/populated-places.json, written by
 * scripts/build-gazetteer.ts): rows rather than objects, a third of the size.
 */
export interface GazetteerFile {
  readonly source: string;
  /** Country names, which the rows refer to by index. */
  readonly countries: readonly string[];
  /** Most populous first. The ASCII name is empty when it is the name itself. */
  readonly places: ReadonlyArray<readonly [name: string, ascii: string, lng: number, lat: number, country: number]>;
}

/** A populated place of the gazetteer. */
export interface GazetteerPlace {
  readonly name: string;
  readonly country: string;
  readonly lngLat: LngLat;
}

/** Looks places up by name. */
export interface Gazetteer {
  /** The most populous place of that name (any case, accents optional), or null. */
  find(name: string): GazetteerPlace | null;
  /** Whether the name is a country's ("Russia", "North Korea"): an area, not a point to place. */
  isCountry(name: string): boolean;
}

/** A key that ignores case and accents: "Hanoi" and "Hà Nội" meet. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** A gazetteer over a file's rows; checks the rows, since the file is fetched. */
export function createGazetteer(file: GazetteerFile): Gazetteer {
  const byName = new Map<string, GazetteerPlace>();
  for (const row of file.places) {
    const [name, ascii, lng, lat, country] = row;
    if (typeof name !== 'string' || !Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) continue;
    const place: GazetteerPlace = { name, country: file.countries[country] ?? '', lngLat: [lng, lat] };
    // Rows come most populous first: the first of a name is kept.
    for (const key of [nameKey(name), ascii ? nameKey(ascii) : '']) {
      if (key && !byName.has(key)) byName.set(key, place);
    }
  }
  const countries = new Set(file.countries.map(nameKey));
  return {
    find: (name) => byName.get(nameKey(name)) ?? null,
    isCountry: (name) => countries.has(nameKey(name)),
  };
}
