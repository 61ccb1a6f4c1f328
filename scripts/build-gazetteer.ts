// Builds the editor's gazetteer from Natural Earth's populated places (public domain), as
// repackaged with their names, positions, population and country by the city-timezones package:
// one compact file, data/gazetteer/populated-places.json, that only the editor fetches.
//   npm run build:gazetteer
// The output is committed: neither the editor nor the build runs this.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import type { GazetteerFile } from '../src/model/gazetteer.ts';

interface CityRecord {
  readonly city: string;
  readonly city_ascii: string;
  readonly lat: number;
  readonly lng: number;
  readonly pop: number;
  readonly country: string;
}

const require = createRequire(import.meta.url);
const sourcePath = require.resolve('city-timezones/data/cityMap.json');
const version = (JSON.parse(readFileSync(require.resolve('city-timezones/package.json'), 'utf8')) as { version: string }).version;
const records = JSON.parse(readFileSync(sourcePath, 'utf8')) as CityRecord[];

// Four decimals (about 11 m): finer than Natural Earth's own placement of a city's point.
const round = (value: number): number => Math.round(value * 1e4) / 1e4;
const countries = [...new Set(records.map((record) => record.country))].sort();
const countryIndex = new Map(countries.map((country, index) => [country, index]));
const places = records
  .filter((record) => Number.isFinite(record.lat) && Number.isFinite(record.lng) && record.city.trim() !== '')
  // The most populous first: where two towns share a name, the first is the likelier one meant.
  .sort((a, b) => b.pop - a.pop || a.city.localeCompare(b.city))
  .map((record): GazetteerFile['places'][number] => [
    record.city.trim(),
    record.city_ascii.trim() === record.city.trim() ? '' : record.city_ascii.trim(),
    round(record.lng),
    round(record.lat),
    countryIndex.get(record.country) ?? 0,
  ]);

const file: GazetteerFile = {
  source: `Natural Earth 1:10m Populated Places (public domain), via city-timezones ${version} (MIT)`,
  countries,
  places,
};
const text = JSON.stringify(file);
const out = new URL('../data/gazetteer/populated-places.json', import.meta.url);
writeFileSync(out, `${text}\n`);
console.log(`${places.length} places, ${countries.length} countries: ${(text.length / 1024).toFixed(0)} KB, ${(gzipSync(text).length / 1024).toFixed(0)} KB gzip`);
