import { describe, expect, it } from 'vitest';
import { nestingDepthExceeds } from '../../src/model/nesting-depth.ts';

describe('nestingDepthExceeds', () => {
  it('nestingDepthExceeds(100,000 nested lists, 64) is true', () => {
    expect(nestingDepthExceeds('['.repeat(100_000) + ']'.repeat(100_000), 64)).toBe(true);
  });

  it('nestingDepthExceeds(a story-shaped file, 64) is false', () => {
    expect(nestingDepthExceeds('{"features":[{"geometry":{"coordinates":[[1,2]]}}]}', 64)).toBe(false);
  });

  it('nestingDepthExceeds ignores brackets inside strings, including escaped quotes', () => {
    expect(nestingDepthExceeds(`{"text":"${'[[[['.repeat(50)} \\" [[["}`, 3)).toBe(false);
  });
});
