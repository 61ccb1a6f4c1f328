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
  // The credits run along the bottom and, on a narrow map, across its whole width: the note
  // sits above them, so that it and its close button are never covered.
  const credits = map.attributionControl?.getContainer();
  const lift = (): void => {
    container.style.marginBottom = `${(credits?.offsetHeight ?? 0) + 10}px`;
  };
  const observer = credits && typeof ResizeObserver === 'function' ? new ResizeObserver(lift) : null;
  if (credits) observer?.observe(credits);
  return {
    show(message) {
      lift();
      text.textContent = message;
      container.hidden = false;
    },
    hide() {
      container.hidden = true;
    },
    destroy() {
      observer?.disconnect();
      control.remove();
    },
  };
}
