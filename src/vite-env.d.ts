/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Other origins whose story files `?story=` may load, comma-separated. */
  readonly VITE_STORY_ORIGINS?: string;
  /** `none` to build a page with no tile layer. */
  readonly VITE_TILES?: string;
}
