// The article's view, for pages that did not bring it with their first view (embeds show the
// article only when asked): loaded then, as a chunk of its own.
export { createArticleView } from '../../ui/create-article-view.ts';
