import * as L from 'leaflet';

/** A small dismissible note on the map, announced politely to screen readers. */
export interface MapNotice {
  show(text: string): void;
  hide(): void;
  destroy(): void;
}

/** Creates a notice control in the map's bottom-left corner, hidden until `show`. */
export function createNotice(map: L.Map): MapNotice {
  const container = L.DomUtil.create('div', 'sm-notice');
  container.setAttribute('role', 'status');
  const text = L.DomUtil.create('span', 'sm-notice__text', container);
  const close = L.DomUtil.create('button', 'sm-notice__close', container);
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss this note');
  container.hidden = true;
  L.DomEvent.disableClickPropagation(container);
  L.DomEvent.on(close, 'click', () => {
    container.hidden = true;
    // The button is gone: focus goes back to the map it was a note on, not to the page's top.
    map.getContainer().focus({ preventScroll: true });
  });
  const control = new L.Control({ position: 'bottomleft' });
  control.onAdd = () => container;
  control.addTo(map);
  return {
    show(message) {
      text.textContent = message;
      container.hidden = false;
    },
    hide() {
      container.hidden = true;
    },
    destroy() {
      control.remove();
    },
  };
}
