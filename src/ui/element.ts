type Child = Node | string | null | false;

/**
 * Creates an element with attributes and children. Strings become text nodes, so text
 * from a story file is always shown as text and never parsed as HTML.
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | null | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === false) continue;
    node.append(child);
  }
  return node;
}

/**
 * The focused element as seen from `node`'s own tree: inside a shadow root (the `<story-map>`
 * element), `document.activeElement` is the host element, never what has the focus inside it.
 */
export function focusedElement(node: Node): Element | null {
  const root = node.getRootNode() as Document | ShadowRoot;
  return root.activeElement ?? null;
}

let nextId = 0;

/** A prefix for DOM ids, unique per mounted story map, so two maps on one page never clash. */
export function uniqueIdPrefix(): string {
  nextId += 1;
  return `sm${nextId}`;
}
