import { decodeHTML } from 'entities';

/** Block elements: each ends a paragraph (as a blank line does). */
const BLOCK = /<\/?(?:p|div|li|ul|ol|h[1-6]|blockquote|section|article|header|footer|figure|figcaption|table|tr|pre)\b[^>]*>/gi;
/** Two line breaks in a row, with only white space between: a paragraph break too. */
const DOUBLE_BREAK = /<br\s*\/?>\s*(?:&nbsp;|\s)*<br\s*\/?>/gi;

/**
 * Plain paragraphs from the HTML of a peer tool's text (a StoryMapJS slide, a Mapbox chapter):
 * block elements and double `<br>` split paragraphs, a single `<br>` is a space, every other tag
 * is dropped (its text kept), entities are decoded, white space is collapsed, and empty
 * paragraphs are left out. Nothing is parsed as a document and nothing runs: the result is text.
 */
export function htmlToParagraphs(html: string): string[] {
  const marked = html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(DOUBLE_BREAK, '\n\n')
    .replace(BLOCK, '\n\n')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '');
  return marked
    .split(/\n\s*\n/)
    // A space left before a comma or full stop by a dropped tag ("Airport <i …></i>, Windsor").
    .map((part) => decodeHTML(part).replace(/[\s\u00a0]+/g, ' ').replace(/ ([,.])/g, '$1').trim())
    .filter((part) => part.length > 0);
}

/** One line of plain text from HTML (a title): the paragraphs joined by spaces. */
export function htmlToText(html: string): string {
  return htmlToParagraphs(html).join(' ');
}
