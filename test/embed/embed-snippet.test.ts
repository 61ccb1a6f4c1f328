import { describe, expect, it } from 'vitest';
import { embedSnippet } from '../../src/embed/embed-snippet.ts';
import { embedCode } from '../../src/embed/embed-code-dialog.ts';
import { oembedResponse } from '../../scripts/lib/oembed.ts';

describe('embedSnippet (the Embed button’s code and the oEmbed answer alike)', () => {
  it('reserves the space the story takes until the host script sizes the frame, and escapes what it quotes', () => {
    const html = embedSnippet({ src: 'https://maps.example/embed.html?story=a&b=1#khasan', script: 'https://maps.example/embed.js', title: 'Kim’s "train" <to> Russia & back', height: null });
    expect(html).toBe(
      '<iframe data-story-map title="Story map: Kim’s &#34;train&#34; &#60;to&#62; Russia &#38; back" src="https://maps.example/embed.html?story=a&#38;b=1#khasan" style="width:100%;aspect-ratio:4/5;min-height:1380px;border:0" loading="lazy"></iframe>' +
        '<script src="https://maps.example/embed.js" async></script>',
    );
    expect(embedSnippet({ src: 'x', script: 'y', title: 't', height: 600 })).toContain('style="width:100%;height:600px;border:0"');
  });

  it('is the same snippet from the Embed button and from oEmbed', () => {
    const site = 'https://maps.example/story-map/';
    const fromButton = embedCode(`${site}index.html`, { story: null, step: 'khasan', title: 'A story' });
    const fromOembed = oembedResponse({ siteUrl: site, title: 'A story', author: null, provider: 'P', story: null, step: 'khasan', thumbnail: null }).html;
    expect(fromButton).toBe(fromOembed);
  });
});
