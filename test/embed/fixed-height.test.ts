import { describe, expect, it } from 'vitest';
import { fixedHeight } from '../../src/embed/fixed-height.ts';

describe('fixedHeight', () => {
  it('holds a height to 200-4,000 px, so height="1e9" cannot make a 33-million-pixel element', () => {
    expect(fixedHeight('1e9')).toBe(4000);
    expect(fixedHeight('600')).toBe(600);
    expect(fixedHeight('640.6')).toBe(641);
    expect(fixedHeight('50')).toBe(200);
    expect(fixedHeight('-1')).toBe(200);
  });

  it('ignores a missing or non-numeric height', () => {
    expect(fixedHeight(null)).toBeNull();
    expect(fixedHeight('')).toBeNull();
    expect(fixedHeight('tall')).toBeNull();
    expect(fixedHeight('Infinity')).toBeNull();
  });
});
