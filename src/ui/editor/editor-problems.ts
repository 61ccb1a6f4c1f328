import type { Draft, DraftDetails } from '../../model/draft.ts';
import type { StoryProblem } from '../../model/types.ts';
import { detailFieldId, detailLabel } from './details-form.ts';
import { placeFieldId } from './place-list.ts';
import type { EditorProblem } from './problem-list.ts';

/**
 * What keeps the draft from being a story, in the editor's words and linked to the fields: its
 * own checks (places not yet on the map) first, then the story checker's, without its report of
 * the missing geometry those places already have in the editor's words.
 */
export function editorProblems(draft: Draft, checked: readonly StoryProblem[]): EditorProblem[] {
  const problems: EditorProblem[] = [];
  if (draft.paragraphs.length === 0) problems.push({ text: 'The article is empty: paste it in.', fieldId: 'ed-article' });
  if (draft.places.length === 0) problems.push({ text: 'The story has no places yet: add one.', fieldId: 'ed-new-place' });
  const unplaced = new Set<number>();
  draft.places.forEach((place, index) => {
    if (place.lngLat) return;
    unplaced.add(index);
    problems.push({ text: `${place.name || 'A place'} is not on the map yet: choose it and click the map, or type its position.`, fieldId: placeFieldId(index, 'position') });
  });
  for (const problem of checked) {
    const { featureIndex, path, message } = problem;
    if (featureIndex === null) {
      if (path === 'story.paragraphs' && draft.paragraphs.length === 0) continue;
      const detail = /^story\.(title|byline|credit|publisher|published|dateline|language)$/.exec(path)?.[1] as keyof DraftDetails | undefined;
      // An empty required field is said plainly; a wrong one in the checker's words.
      const empty = detail !== undefined && draft.details[detail].trim() === '';
      problems.push({
        text: detail ? `Details: ${empty ? `the ${detailLabel(detail).toLowerCase()} is required.` : message}` : path.startsWith('story.paragraphs') ? `Article: ${message}` : `Story: ${message}`,
        fieldId: detail ? detailFieldId(detail) : path.startsWith('story.paragraphs') ? 'ed-article' : null,
      });
      continue;
    }
    const place = draft.places[featureIndex];
    if (!place) {
      // A route or waypoint kept from an opened file, which the editor does not edit.
      problems.push({ text: `Feature ${featureIndex} of the opened file (${problem.featureId ?? 'no id'}), kept as it was: ${path}: ${message}`, fieldId: null });
      continue;
    }
    if (unplaced.has(featureIndex) && path.startsWith('geometry')) continue;
    const part = path.startsWith('geometry')
      ? 'position'
      : path.startsWith('properties.name')
        ? 'name'
        : path.startsWith('properties.summary')
          ? 'summary'
          : path.startsWith('properties.aliases')
            ? 'aliases'
            : 'choose';
    problems.push({ text: `${place.name || `Place ${featureIndex + 1}`}: ${message}`, fieldId: placeFieldId(featureIndex, part) });
  }
  return problems;
}
