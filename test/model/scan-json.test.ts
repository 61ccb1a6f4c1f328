import { describe, expect, it } from 'vitest';
import { formatJsonPath } from '../../src/model/json-path.ts';
import { scanJson } from '../../src/model/scan-json.ts';

describe('scanJson: paths at offsets', () => {
  const text = '{"type":"FeatureCollection","features":[{"id":"a,b","geometry":{"coordinates":[1, 2]}},{"id":"c\\"]"}]}';

  it('locates many offsets in one pass, each to its innermost value, in the order asked', () => {
    const { paths } = scanJson(text, { offsets: [text.indexOf('2]'), text.indexOf('{"id":"c'), 0] });
    expect(paths).toEqual([['features', 0, 'geometry', 'coordinates', 1], ['features', 1], []]);
  });

  it('ignores commas, brackets and escaped quotes inside strings', () => {
    const tricky = '{"a":"x\\\\","b":["],[",{"c":"\\"]"}, 7]}';
    expect(scanJson(tricky, { offsets: [tricky.indexOf('7]')] }).paths).toEqual([['b', 2]]);
  });

  it('locates 3,000 offsets in a 3,000-position line (a GPS export), each to its own position', () => {
    const line = Array.from({ length: 3000 }, (_, i) => `[${i / 100}, 1, 12, "2019-04-24T0${i % 10}:00:00Z"]`).join(',');
    const big = `{"features":[{"geometry":{"coordinates":[${line}]}}]}`;
    const offsets: number[] = [];
    let at = big.indexOf('[[') + 1;
    for (let i = 0; i < 3000; i += 1) {
      offsets.push(at);
      at = big.indexOf('[', at + 1);
    }
    const { paths } = scanJson(big, { offsets });
    expect(paths[0]).toEqual(['features', 0, 'geometry', 'coordinates', 0]);
    expect(paths[2999]).toEqual(['features', 0, 'geometry', 'coordinates', 2999]);
  });
});

describe('scanJson: duplicate keys', () => {
  it('names a key written twice in one object, with the object\'s path', () => {
    const text = '{"story":{"paragraphs":[{"id":"p1","text":"a"}],"title":"t","paragraphs":[]}}';
    expect(scanJson(text).duplicateKeys).toEqual([{ path: ['story'], key: 'paragraphs' }]);
  });

  it('does not confuse the same key in sibling objects, or a key and an equal string value', () => {
    const text = '{"features":[{"id":"id","properties":{"name":"a"}},{"id":"b","properties":{"name":"name"}}]}';
    expect(scanJson(text).duplicateKeys).toEqual([]);
  });

  it('compares keys as JSON reads them: "\\u0061" and "a" are the same key', () => {
    expect(scanJson('{"a":1,"\\u0061":2}').duplicateKeys).toEqual([{ path: [], key: 'a' }]);
  });
});

describe('scanJson: nesting depth', () => {
  it('is too deep at 100,000 nested lists with a limit of 64', () => {
    expect(scanJson('['.repeat(100_000) + ']'.repeat(100_000), { maxDepth: 64 }).tooDeep).toBe(true);
  });

  it('is not too deep for a story-shaped file', () => {
    expect(scanJson('{"features":[{"geometry":{"coordinates":[[1,2]]}}]}', { maxDepth: 64 }).tooDeep).toBe(false);
  });

  it('ignores brackets inside strings, including escaped quotes', () => {
    expect(scanJson(`{"text":"${'[[[['.repeat(50)} \\" [[["}`, { maxDepth: 3 }).tooDeep).toBe(false);
  });
});

describe('formatJsonPath', () => {
  it('writes keys with dots and indices in brackets', () => {
    expect(formatJsonPath(['geometry', 'coordinates', 1])).toBe('geometry.coordinates[1]');
  });

  it('quotes keys that are not identifiers', () => {
    expect(formatJsonPath(['properties', 'odd key'])).toBe('properties["odd key"]');
  });
});
