import { defineConfig, mergeConfig } from 'vite';
import base from './vite.config.ts';

// The page made for iframes (embed.html), built on its own after the full page, into the same
// dist/: the full page's first view then carries none of the embed's code (docs/embedding.md).
export default mergeConfig(
  base,
  defineConfig({
    plugins: [],
    build: {
      emptyOutDir: false,
      rolldownOptions: { input: { embed: 'embed.html' } },
    },
  }),
);
