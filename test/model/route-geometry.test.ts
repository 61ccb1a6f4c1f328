import { describe, expect, it } from 'vitest';
import { unwrapLongitudes } from '../../src/model/route-geometry.ts';

describe('unwrapLongitudes', () => {
  it('unwrapLongitudes(a line across the antimeridian) runs on eastwards past 180', () => {
    expect(unwrapLongitudes([[178, 60], [179.5, 60.5], [-179, 61], [-177, 62]])).toEqual([
      [178, 60],
      [179.5, 60.5],
      [181, 61],
      [183, 62],
    ]);
  });

  it('unwrapLongitudes(a westward crossing) runs on westwards past -180', () => {
    expect(unwrapLongitudes([[-179, 10], [179, 11]])).toEqual([
      [-179, 10],
      [-181, 11],
    ]);
  });

  it('unwrapLongitudes(an ordinary line) changes nothing', () => {
    const line: Array<[number, number]> = [[130.6, 42.4], [131.9, 43.1]];
    expect(unwrapLongitudes(line)).toEqual(line);
  });
});
