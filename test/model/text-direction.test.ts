import { describe, expect, it } from 'vitest';
import { textDirection } from '../../src/model/text-direction.ts';

describe('textDirection', () => {
  it('writes Arabic, Hebrew, Persian and Urdu right to left, whatever the region', () => {
    for (const tag of ['ar', 'ar-EG', 'he', 'he-IL', 'fa', 'ur-PK', 'yi']) expect(textDirection(tag), tag).toBe('rtl');
  });

  it('follows the script subtag when there is one', () => {
    expect(textDirection('az-Arab')).toBe('rtl');
    expect(textDirection('ku-Arab-IQ')).toBe('rtl');
    expect(textDirection('uz-Latn')).toBe('ltr');
    expect(textDirection('ar-Latn')).toBe('ltr');
  });

  it('writes everything else left to right, unknown tags included', () => {
    for (const tag of ['en', 'ko', 'ru', 'zh-Hant-TW', 'x-klingon', '']) expect(textDirection(tag), tag).toBe('ltr');
  });
});
