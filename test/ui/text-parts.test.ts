import { describe, expect, it } from 'vitest';
import { splitLongText, TEXT_PART_LENGTH } from '../../src/ui/text-parts.ts';

describe('splitLongText', () => {
  it('keeps a paragraph of normal length whole', () => {
    const text = 'Kim arrived in Vladivostok. '.repeat(100);
    expect(splitLongText(text)).toEqual([text]);
  });

  it('splits a 5 MB paragraph at sentence ends into parts of at most 4,000 characters, losing nothing', () => {
    const text = 'The armored train rolled from Khasan towards Vladivostok while officials in Moscow waited. '.repeat(57_000);
    const parts = splitLongText(text);
    expect(parts.join('')).toBe(text);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThanOrEqual(TEXT_PART_LENGTH);
    expect(parts.length).toBeLessThan(text.length / (TEXT_PART_LENGTH / 2));
    expect(parts.slice(0, -1).every((p) => p.endsWith('waited. '))).toBe(true);
  });

  it('splits one enormous word anywhere rather than not at all', () => {
    const text = 'x'.repeat(10_001);
    expect(splitLongText(text).map((p) => p.length)).toEqual([4000, 4000, 2001]);
  });
});
