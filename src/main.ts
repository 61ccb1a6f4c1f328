import { createStoryMap, parseTheme, type StoryMapOptions } from './app/create-story-map.ts';
import { DEFAULT_STORY_URL } from './app/default-story.ts';
import { createArticleView } from './ui/create-article-view.ts';

// The page entry: read the site's build-time settings and the page's address, then mount.
//   VITE_STORY_ORIGINS  other origins (comma-separated) whose story files ?story= may load;
//                       the page's own origin is always allowed.
//   VITE_TILES=none     no tile layer at all: no third-party requests.
const container = document.getElementById('app');
if (container) {
  const params = new URLSearchParams(location.search);
  // The full page takes three of the embeds' settings (src/embed/settings.ts), by the same names:
  // story, tiles and theme; its step is the address's hash, which it keeps in step (hash: true).
  // Read here rather than with readSettings, which would bring the embeds' height rules to
  // every reader's first view.
  const settings = { story: params.get('story') || null, tilesOff: params.get('tiles') === 'none', theme: parseTheme(params.get('theme')) };
  const extraOrigins = (import.meta.env.VITE_STORY_ORIGINS ?? '')
    .split(',')
    .map((origin: string) => origin.trim())
    .filter(Boolean);
  const options: StoryMapOptions = {
    hash: true,
    theme: settings.theme,
    // The article is beside the map from the start: its code comes with the first view.
    articleView: createArticleView,
    // The embed code generator is loaded the first time someone asks for it (the map notes it
    // when that fails).
    onEmbed: (step, button) =>
      import('./embed/embed-code-dialog.ts').then(({ openEmbedDialog }) =>
        openEmbedDialog(location.href, { story: settings.story, step, title: document.title.replace(/ · Story map$/, '') }, button),
      ),
    ...(settings.story
      ? { storyUrl: settings.story, allowedStoryOrigins: [location.origin, ...extraOrigins] }
      : { preparedStoryUrl: DEFAULT_STORY_URL }),
    ...(import.meta.env.VITE_TILES === 'none' || settings.tilesOff ? { tiles: 'none' as const } : {}),
  };
  const map = createStoryMap(container, options);
  // The oEmbed discovery link names the story and step on screen, for an oEmbed endpoint to
  // answer for (a static oembed.json answers for the bundled story's overview whatever it asks).
  const discovery = document.querySelector<HTMLLinkElement>('link[type="application/json+oembed"]');
  const nameShown = (): void => {
    if (discovery) discovery.href = `./oembed.json?url=${encodeURIComponent(location.href)}`;
  };
  map.on('placechange', () => queueMicrotask(nameShown));
  void map.ready.then((story) => {
    if (!story) return;
    document.title = `${story.meta.title} · Story map`;
    if (discovery) discovery.title = story.meta.title;
    nameShown();
  });
}
