// The oEmbed answer for a story map (https://oembed.com, type "rich"), as a pure function: the
// build writes dist/oembed.json with it, and a site that runs an oEmbed endpoint answers each
// request with it (docs/embedding.md shows one in a few lines).
import { embedSnippet, RESERVED_MIN_HEIGHT_PX } from '../../src/embed/embed-snippet.ts';

/** What the answer is about. */
export interface OembedRequest {
  /** Where the site is deployed, ending in a slash: `https://maps.example-news.org/story-map/`. */
  readonly siteUrl: string;
  readonly title: string;
  readonly author: string | null;
  readonly provider: string;
  /** `?story=` of the page asked about (null: the bundled story), and its step (null: the overview). */
  readonly story: string | null;
  readonly step: string | null;
  /** The consumer's limits, in pixels (oEmbed's maxwidth and maxheight). */
  readonly maxwidth?: number | null;
  readonly maxheight?: number | null;
  /** The still image of the story's overview, relative to the site, with its size. */
  readonly thumbnail: { readonly path: string; readonly width: number; readonly height: number } | null;
}

/** The embed's usual size: 720 px wide, and about the content's height at that width. */
const WIDTH = 720;
const HEIGHT = RESERVED_MIN_HEIGHT_PX;
/** The narrowest and shortest embed that still reads. */
const MIN_WIDTH = 280;
const MIN_HEIGHT = 360;

export function oembedResponse(request: OembedRequest): Record<string, unknown> {
  const site = new URL(request.siteUrl);
  const embed = new URL('embed.html', site);
  const page = new URL('index.html', site);
  if (request.story) {
    embed.searchParams.set('story', request.story);
    page.searchParams.set('story', request.story);
  }
  if (request.step) {
    embed.hash = request.step;
    page.hash = request.step;
  }
  const width = Math.max(MIN_WIDTH, Math.min(WIDTH, request.maxwidth ?? WIDTH));
  // Under a height limit, the embed takes exactly that height, its story scrolling inside.
  const maxheight = request.maxheight ?? null;
  const limited = maxheight !== null && maxheight < HEIGHT;
  const height = limited ? Math.max(MIN_HEIGHT, maxheight) : HEIGHT;
  if (limited) embed.searchParams.set('height', String(height));
  const html = embedSnippet({ src: embed.href, script: new URL('embed.js', site).href, title: request.title, height: limited ? height : null });
  return {
    version: '1.0',
    type: 'rich',
    title: request.title,
    ...(request.author ? { author_name: request.author } : {}),
    provider_name: request.provider,
    provider_url: site.href,
    url: page.href,
    width,
    height,
    html,
    ...(request.thumbnail
      ? {
          thumbnail_url: new URL(request.thumbnail.path, site).href,
          thumbnail_width: request.thumbnail.width,
          thumbnail_height: request.thumbnail.height,
        }
      : {}),
  };
}

