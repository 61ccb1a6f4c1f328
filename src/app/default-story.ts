import defaultStoryUrl from '../../data/kim-putin-2019.story.json?url';

/**
 * The URL of the story that ships with the site, in its prepared form (data/kim-putin-2019.story.json,
 * written and checked in full by `npm run build:story` from data/kim-putin-2019.geojson). Only the
 * site's own pages import it: the `<story-map>` library carries no story.
 */
export const DEFAULT_STORY_URL: string = defaultStoryUrl;
