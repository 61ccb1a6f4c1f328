/**
 * Adds a stylesheet that only a part loaded on demand needs (the train's controls, its badge)
 * to wherever `node` is shown: the shadow root of a `<story-map>` element, else the document's
 * head. Once per root: a second story map on the page shares the first one's.
 *
 * Why not Vite's CSS code splitting: it puts split CSS in the document's head, where a shadow
 * root never sees it, and the build keeps one stylesheet for the first view (cssCodeSplit off).
 */
export function addStyles(node: Node, name: string, css: string): void {
  const root = node.getRootNode();
  const parent = root instanceof ShadowRoot ? root : document.head;
  if (parent.querySelector(`style[data-sm-styles="${name}"]`)) return;
  const style = document.createElement('style');
  style.dataset.smStyles = name;
  style.textContent = css;
  parent.append(style);
}
