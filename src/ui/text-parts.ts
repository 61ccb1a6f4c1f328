import { element } from './element.ts';

/** Paragraphs up to this many characters are laid out as one run of text, as written. */
export const TEXT_PART_LENGTH = 4000;

/**
 * Splits a very long text into parts of at most about `TEXT_PART_LENGTH` characters, at the
 * end of a sentence where there is one (else at a space), so that each part can be laid out
 * on its own. A text of normal length is one part.
 */
export function splitLongText(text: string): string[] {
  if (text.length <= TEXT_PART_LENGTH) return [text];
  const parts: string[] = [];
  let start = 0;
  while (text.length - start > TEXT_PART_LENGTH) {
    const window = text.slice(start, start + TEXT_PART_LENGTH);
    const sentence = Math.max(window.lastIndexOf('. '), window.lastIndexOf('! '), window.lastIndexOf('? '));
    const space = window.lastIndexOf(' ');
    // Break after a sentence in the second half of the window, else after the last space,
    // else (one enormous word) anywhere.
    const cut = sentence >= TEXT_PART_LENGTH / 2 ? sentence + 2 : space >= TEXT_PART_LENGTH / 2 ? space + 1 : TEXT_PART_LENGTH;
    parts.push(text.slice(start, start + cut));
    start += cut;
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * A part of a very long paragraph: a block the browser skips laying out while it is off screen
 * (`content-visibility: auto`, ui.css). Laid out whole, a 5 MB paragraph takes a second or more
 * every time its box changes; in parts, only the ones in view are.
 */
export function textPart(...children: Array<Node | string>): HTMLElement {
  return element('span', { class: 'sm-text-part' }, ...children);
}

/** A long text as its parts (see `splitLongText`), or as itself when it is of normal length. */
export function longText(text: string): Array<Node | string> {
  const parts = splitLongText(text);
  return parts.length === 1 ? parts : parts.map((part) => textPart(part));
}
