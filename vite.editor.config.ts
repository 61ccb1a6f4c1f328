import { defineConfig, mergeConfig } from 'vite';
import base from './vite.config.ts';

// The story editor (editor.html), built on its own after the full page, into the same dist/: the
// reader's pages carry none of its code, its gazetteer or its checks (docs/editor.md).
export default mergeConfig(
  base,
  defineConfig({
    build: {
      emptyOutDir: false,
      rolldownOptions: { input: { editor: 'editor.html' } },
    },
  }),
);
