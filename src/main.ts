import { createStoryMap } from './app/create-story-map.ts';

// The page entry: read the page's options and mount the default or requested story.
const container = document.getElementById('app');
if (container) {
  const storyParam = new URLSearchParams(location.search).get('story');
  const map = createStoryMap(container, storyParam ? { storyUrl: storyParam } : {});
  void map.ready.then((story) => {
    if (story) document.title = `${story.meta.title} · Story map`;
  });
}
