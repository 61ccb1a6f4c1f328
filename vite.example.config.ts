import { defineConfig, mergeConfig } from 'vite';
import base from './vite.config.ts';

// examples/host-article.html, an example news article embedding the story map both ways, built
// on its own: its deliberately hostile CSS must not end up in the app's or the embed's stylesheet.
export default mergeConfig(
  base,
  defineConfig({
    build: {
      emptyOutDir: false,
      rolldownOptions: { input: { 'host-article': 'examples/host-article.html' } },
    },
  }),
);
