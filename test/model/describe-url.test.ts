import { describe, expect, it } from 'vitest';
import { describeUrl, shortenText } from '../../src/model/describe-url.ts';
import { decodeStoryBytes } from '../../src/model/decode-story-bytes.ts';

describe('describeUrl', () => {
  it('never shows a user name or password', () => {
    expect(describeUrl('https://editor:hunter2@news.example/story.geojson')).toBe('https://news.example/story.geojson');
  });

  it('shortens a very long address in the middle, keeping the site and the file name', () => {
    const shown = describeUrl(`https://news.example/${'a'.repeat(5000)}/story.geojson`);
    expect(shown.length).toBe(120);
    expect(shown.startsWith('https://news.example/aaa')).toBe(true);
    expect(shown.endsWith('/story.geojson')).toBe(true);
    expect(shown).toContain('…');
  });

  it('escapes control characters, so a terminal or a message shows them as text', () => {
    expect(shortenText('ab\u001b[31mc\u202e')).toBe('ab\\u{1b}[31mc\\u{202e}');
  });
});

describe('decodeStoryBytes', () => {
  it('decodes UTF-8, dropping a byte order mark', () => {
    expect(decodeStoryBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"a":"é"}')]))).toEqual({ ok: true, text: '{"a":"é"}' });
  });

  it('refuses UTF-16 without a byte order mark too', () => {
    const bytes = new Uint8Array(Buffer.from('{"type":"FeatureCollection","features":[]}', 'utf16le'));
    expect(decodeStoryBytes(bytes)).toMatchObject({ ok: false, message: expect.stringMatching(/UTF-16/) });
  });

  it('refuses an overlong encoding of "/" rather than reading it', () => {
    expect(decodeStoryBytes(new Uint8Array([0x7b, 0xc0, 0xaf, 0x7d]))).toMatchObject({ ok: false, message: expect.stringMatching(/byte 2 \(line 1\) is 0xC0/) });
  });
});
