import { describe, expect, it } from 'vitest';
import { oembedResponse } from '../../scripts/lib/oembed.ts';

const base = {
  siteUrl: 'https://maps.example-news.org/story-map/',
  title: 'Kim & Putin: "the summit"',
  author: 'Hyung-Jin Kim',
  provider: 'Associated Press',
  story: null,
  step: null,
  thumbnail: { path: 'static/kim-putin-2019.png', width: 1200, height: 840 },
};

describe('oembedResponse', () => {
  it('answers with absolute URLs a consumer can use: the frame, the host script, the provider, the thumbnail', () => {
    const answer = oembedResponse(base);
    expect(answer).toMatchObject({
      version: '1.0',
      type: 'rich',
      provider_url: 'https://maps.example-news.org/story-map/',
      url: 'https://maps.example-news.org/story-map/index.html',
      thumbnail_url: 'https://maps.example-news.org/story-map/static/kim-putin-2019.png',
      thumbnail_width: 1200,
      width: 720,
    });
    expect(answer.html).toContain('src="https://maps.example-news.org/story-map/embed.html"');
    expect(answer.html).toContain('<script src="https://maps.example-news.org/story-map/embed.js" async></script>');
    // The title is an attribute value: escaped.
    expect(answer.html).toContain('title="Story map: Kim &#38; Putin: &#34;the summit&#34;"');
  });

  it('names the story and step asked about', () => {
    const answer = oembedResponse({ ...base, story: 'stories/other.geojson', step: 'vladivostok' });
    expect(answer.html).toContain('embed.html?story=stories%2Fother.geojson#vladivostok');
    expect(answer.url).toBe('https://maps.example-news.org/story-map/index.html?story=stories%2Fother.geojson#vladivostok');
  });

  it('honours maxwidth and maxheight: a narrower answer, and a fixed-height embed that scrolls inside', () => {
    const narrow = oembedResponse({ ...base, maxwidth: 400 });
    expect(narrow.width).toBe(400);
    expect(narrow.height).toBe(1380);
    const short = oembedResponse({ ...base, maxwidth: 2000, maxheight: 600 });
    expect([short.width, short.height]).toEqual([720, 600]);
    expect(short.html).toContain('embed.html?height=600');
    expect(short.html).toContain('style="width:100%;height:600px;border:0"');
    // Never smaller than an embed that still reads.
    expect(oembedResponse({ ...base, maxwidth: 50, maxheight: 50 })).toMatchObject({ width: 280, height: 360 });
  });
});
