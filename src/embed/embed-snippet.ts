import { escapeHtml } from '../model/escape-html.ts';

/**
 * The space a snippet reserves for the embed until it reports its height: the map above the
 * story, 4:5, and at least the default story's height at a phone's width (1,340-1,620 px from
 * 320 to 1,280 px). The host script (host.ts) and the element reserve the same.
 */
export const RESERVED_MIN_HEIGHT_PX = 1380;

/** What an embed snippet points at. */
export interface EmbedSnippet {
  /** embed.html's absolute URL, with its settings and step. */
  readonly src: string;
  /** embed.js's absolute URL. */
  readonly script: string;
  /** The story's headline, for the frame's title. */
  readonly title: string;
  /** A fixed height (a consumer's limit), or null for the content's own with the reserve above. */
  readonly height: number | null;
}

/**
 * The HTML a newsroom pastes: the iframe, and the host script that sizes it to its content. One
 * function for the Embed button's code and the oEmbed answer, so they never drift apart.
 */
export function embedSnippet(snippet: EmbedSnippet): string {
  const style =
    snippet.height !== null
      ? `width:100%;height:${snippet.height}px;border:0`
      : `width:100%;aspect-ratio:4/5;min-height:${RESERVED_MIN_HEIGHT_PX}px;border:0`;
  return (
    `<iframe data-story-map title="${escapeHtml(`Story map: ${snippet.title}`)}" src="${escapeHtml(snippet.src)}" style="${style}" loading="lazy"></iframe>` +
    `<script src="${escapeHtml(snippet.script)}" async></script>`
  );
}
