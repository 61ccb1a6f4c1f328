import type { StoryMeta } from '../types.ts';
import { isoDate, languageTag, optionalText, requiredText, type Json } from './fields.ts';
import type { Report } from './problems.ts';

/** `story`'s metadata: title, publisher, published, dateline and language, and the optional credits. */
export function readMeta(story: Json, report: Report): StoryMeta | undefined {
  const required = (key: string): string | undefined => requiredText(story[key], report, `story.${key}`, `The story's "${key}"`);
  const optional = (key: string): string | null | undefined => optionalText(story[key], report, `story.${key}`, `The story's "${key}"`);
  const title = required('title');
  const publisher = required('publisher');
  const publishedText = required('published');
  const dateline = required('dateline');
  const languageText = required('language');
  const byline = optional('byline');
  const credit = optional('credit');
  const mapCredits = optional('mapCredits');
  const published = publishedText === undefined ? undefined : isoDate(publishedText, report, 'story.published');
  const language = languageText === undefined ? undefined : languageTag(languageText, report, 'story.language');
  if (title === undefined || publisher === undefined || published === undefined || dateline === undefined || language === undefined) return undefined;
  if (byline === undefined || credit === undefined || mapCredits === undefined) return undefined;
  return { title, publisher, published, dateline, language, byline, credit, mapCredits };
}
