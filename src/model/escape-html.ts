/**
 * Text as HTML (or XML) that shows it literally, quotes included, so that it is safe in an
 * attribute too: the map's attribution (Leaflet takes HTML there), the embed snippet, the still
 * image's SVG, the oEmbed answer.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
