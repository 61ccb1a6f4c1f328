import * as L from 'leaflet';

/** The "Back to the story" button, shown after the reader explores the map on their own. */
export interface BackControl {
  show(): void;
  hide(): void;
  destroy(): void;
}

export function createBackControl(map: L.Map, onBack: () => void): BackControl {
  const button = L.DomUtil.create('button', 'sm-back-to-story');
  button.type = 'button';
  button.textContent = 'Back to the story';
  button.hidden = true;
  L.DomEvent.disableClickPropagation(button);
  L.DomEvent.on(button, 'click', () => {
    // Its own tree's focus: inside a shadow root, document.activeElement is the host element.
    const hadFocus = (button.getRootNode() as Document | ShadowRoot).activeElement === button;
    button.hidden = true;
    onBack();
    // The button disappears: keep keyboard users in the map rather than at the top of the page.
    if (hadFocus) map.getContainer().focus({ preventScroll: true });
  });
  const control = new L.Control({ position: 'topright' });
  control.onAdd = () => button;
  control.addTo(map);
  return {
    show() {
      button.hidden = false;
    },
    hide() {
      button.hidden = true;
    },
    destroy() {
      control.remove();
    },
  };
}
