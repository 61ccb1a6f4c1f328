import * as L from 'leaflet';

/** Room kept between a revealed marker and the map's edges or its controls, in pixels. */
const MARGIN = 8;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Pans the map, without animation, so that a focused marker (its dot and its label) is wholly
 * on the map and under none of its controls (zoom buttons, credits, notes, "Back to the story").
 *
 * Leaflet's own pan on focus (`autoPanOnFocus`) brings the marker's anchor just inside the map's
 * edge, where the credits, a note or the zoom buttons still cover it (WCAG 2.4.11, focus not
 * obscured). Controls sit in the map's corners, so the marker is kept clear of the strips they
 * take at the top and at the bottom. Does nothing when the marker is in the clear already.
 */
export function revealFocusedMarker(map: L.Map, marker: HTMLElement): void {
  const container = map.getContainer();
  // Chromium may have scrolled the map's box to the focused element (Leaflet undoes that on its
  // scroll event, which comes later): measure as if it had not.
  container.scrollTop = 0;
  container.scrollLeft = 0;
  const frame = container.getBoundingClientRect();
  const relative = (r: DOMRect): Box => ({ left: r.left - frame.left, top: r.top - frame.top, right: r.right - frame.left, bottom: r.bottom - frame.top });
  const parts = [...marker.querySelectorAll<HTMLElement>('.sm-marker__dot, .sm-marker__label')]
    .map((part) => part.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0);
  if (parts.length === 0) return;
  const box = relative(parts.reduce((a, b) => DOMRect.fromRect({ x: Math.min(a.left, b.left), y: Math.min(a.top, b.top), width: Math.max(a.right, b.right) - Math.min(a.left, b.left), height: Math.max(a.bottom, b.bottom) - Math.min(a.top, b.top) })));
  const controls = [...container.querySelectorAll<HTMLElement>('.leaflet-control')]
    .map((control) => control.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .map(relative);

  const { x: width, y: height } = map.getSize();
  const covered = controls.some((c) => box.left < c.right && box.right > c.left && box.top < c.bottom && box.bottom > c.top);
  const inside = box.left >= MARGIN && box.top >= MARGIN && box.right <= width - MARGIN && box.bottom <= height - MARGIN;
  if (inside && !covered) return;

  // The clear band: below the controls of the top corners, above those of the bottom ones.
  let top = MARGIN;
  let bottom = height - MARGIN;
  for (const c of controls) {
    if ((c.top + c.bottom) / 2 < height / 2) top = Math.max(top, c.bottom + MARGIN);
    else bottom = Math.min(bottom, c.top - MARGIN);
  }
  const shift = (low: number, high: number, from: number, to: number): number => {
    // Too small a band for the marker: centre it there, which shows as much of it as can be.
    if (to - from > high - low) return (low + high) / 2 - (from + to) / 2;
    if (from < low) return low - from;
    if (to > high) return high - to;
    return 0;
  };
  const dx = shift(MARGIN, width - MARGIN, box.left, box.right);
  const dy = shift(top, bottom, box.top, box.bottom);
  if (dx !== 0 || dy !== 0) map.panBy(L.point(-dx, -dy), { animate: false });
}
