import type { Paragraph } from '../types.ts';
import { describe, isRecord } from './fields.ts';
import type { Report } from './problems.ts';

/** `story.paragraphs`: the article once, in order, each with a unique id. */
export function readParagraphs(value: unknown, report: Report): Paragraph[] {
  if (value === undefined) {
    report('story.paragraphs', 'The story\'s "paragraphs" are missing: list the article as [{ "id": "p1", "text": "..." }, ...].');
    return [];
  }
  if (!Array.isArray(value) || value.length === 0) {
    report('story.paragraphs', `"paragraphs" must be a non-empty list of { "id", "text" } objects, not ${describe(value)}.`);
    return [];
  }
  const paragraphs: Paragraph[] = [];
  const seen = new Map<string, number>();
  value.forEach((item: unknown, index) => {
    const path = `story.paragraphs[${index}]`;
    if (!isRecord(item)) {
      report(path, `Each paragraph must be an object with "id" and "text", not ${describe(item)}.`);
      return;
    }
    const { id, text } = item;
    if (typeof id !== 'string' || id.trim() === '') {
      report(`${path}.id`, `The paragraph's "id" must be a non-empty text, not ${describe(id)}.`);
      return;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      report(`${path}.id`, `The paragraph id "${id}" is already used by story.paragraphs[${first}]: ids must be unique.`);
      return;
    }
    seen.set(id, index);
    if (typeof text !== 'string') {
      report(`${path}.text`, `The paragraph's "text" must be a text, not ${describe(text)}.`);
      return;
    }
    paragraphs.push({ id, text, index: paragraphs.length });
  });
  return paragraphs;
}
