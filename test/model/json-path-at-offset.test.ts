import { describe, expect, it } from 'vitest';
import { formatJsonPath, jsonPathAtOffset } from '../../src/model/json-path-at-offset.ts';

describe('jsonPathAtOffset', () => {
  const text = '{"type":"FeatureCollection","features":[{"id":"a,b","geometry":{"coordinates":[1, 2]}},{"id":"c\\"]"}]}';

  it('jsonPathAtOffset(text, start of a feature) returns features[i]', () => {
    expect(jsonPathAtOffset(text, text.indexOf('{"id":"c'))).toEqual(['features', 1]);
  });

  it('jsonPathAtOffset(text, a coordinate) returns the full path, ignoring commas and brackets inside strings', () => {
    expect(jsonPathAtOffset(text, text.indexOf('2]'))).toEqual(['features', 0, 'geometry', 'coordinates', 1]);
  });

  it('jsonPathAtOffset(text, 0) returns the root', () => {
    expect(jsonPathAtOffset(text, 0)).toEqual([]);
  });
});

describe('formatJsonPath', () => {
  it('formatJsonPath writes keys with dots and indices in brackets', () => {
    expect(formatJsonPath(['geometry', 'coordinates', 1])).toBe('geometry.coordinates[1]');
  });

  it('formatJsonPath quotes keys that are not identifiers', () => {
    expect(formatJsonPath(['properties', 'odd key'])).toBe('properties["odd key"]');
  });
});
