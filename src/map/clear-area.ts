import * as L from 'leaflet';

/** Room kept between things drawn in the clear area and the map's edges or controls, in pixels. */
const MARGIN = 8;

/** A rectangle in the map container's pixels. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The part of the map that no control covers: the map less the strips that the controls of its
 * top corners (zoom buttons, "Back to the story") and bottom corners (credits, notes) take.
 * Controls sit in corners, so the clear area is the band between those strips.
 */
export function clearArea(map: L.Map, controls: readonly Box[] = controlBoxes(map)): Box {
  const { x: width, y: height } = map.getSize();
  const area = { left: MARGIN, top: MARGIN, right: width - MARGIN, bottom: height - MARGIN };
  for (const c of controls) {
    if ((c.top + c.bottom) / 2 < height / 2) area.top = Math.max(area.top, c.bottom + MARGIN);
    else area.bottom = Math.min(area.bottom, c.top - MARGIN);
  }
  return area;
}

/** The boxes of the map's visible controls, in the container's pixels. */
function controlBoxes(map: L.Map): Box[] {
  const frame = map.getContainer().getBoundingClientRect();
  return [...map.getContainer().querySelectorAll<HTMLElement>('.leaflet-control')]
    .map((control) => control.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => ({ left: r.left - frame.left, top: r.top - frame.top, right: r.right - frame.left, bottom: r.bottom - frame.top }));
}

/**
 * Pans the map, without animation, so that a focused marker (its dot and its label) is wholly
 * on the map and under none of its controls (zoom buttons, credits, notes, "Back to the story").
 *
 * Leaflet's own pan on focus (`autoPanOnFocus`) brings the marker's anchor just inside the map's
 * edge, where the credits, a note or the zoom buttons still cover it (WCAG 2.4.11, focus not
 * obscured). Does nothing when the marker is in the clear already.
 */
export function revealFocusedMarker(map: L.Map, marker: HTMLElement): void {
  const container = map.getContainer();
  // Chromium may have scrolled the map's box to the focused element (Leaflet undoes that on its
  // scroll event, which comes later): measure as if it had not.
  container.scrollTop = 0;
  container.scrollLeft = 0;
  const frame = container.getBoundingClientRect();
  const parts = [...marker.querySelectorAll<HTMLElement>('.sm-marker__dot, .sm-marker__label')]
    .map((part) => part.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0);
  if (parts.length === 0) return;
  const box: Box = {
    left: Math.min(...parts.map((r) => r.left)) - frame.left,
    top: Math.min(...parts.map((r) => r.top)) - frame.top,
    right: Math.max(...parts.map((r) => r.right)) - frame.left,
    bottom: Math.max(...parts.map((r) => r.bottom)) - frame.top,
  };
  const { x: width, y: height } = map.getSize();
  const controls = controlBoxes(map);
  const covered = controls.some((c) => box.left < c.right && box.right > c.left && box.top < c.bottom && box.bottom > c.top);
  const inside = box.left >= MARGIN && box.top >= MARGIN && box.right <= width - MARGIN && box.bottom <= height - MARGIN;
  if (inside && !covered) return;

  const area = clearArea(map, controls);
  const shift = (low: number, high: number, from: number, to: number): number => {
    // Too small an area for the marker: centre it there, which shows as much of it as can be.
    if (to - from > high - low) return (low + high) / 2 - (from + to) / 2;
    if (from < low) return low - from;
    if (to > high) return high - to;
    return 0;
  };
  const dx = shift(area.left, area.right, box.left, box.right);
  const dy = shift(area.top, area.bottom, box.top, box.bottom);
  if (dx !== 0 || dy !== 0) map.panBy(L.point(-dx, -dy), { animate: false });
}
