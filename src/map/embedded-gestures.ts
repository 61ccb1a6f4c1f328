import * as L from 'leaflet';

const HINT_MS = 1500;

/**
 * Gestures for a map inside someone else's article: the page keeps scrolling. The wheel zooms
 * only with Ctrl or Cmd held, or after the reader clicked into the map (until the pointer
 * leaves it); one finger scrolls the page and two fingers move the map. Trying the other
 * gesture shows a short hint. Returns a function that removes it all.
 *
 * Fingers are told from the mouse by each pointer's type, not by the device: a touch laptop
 * (a desktop browser, a touch screen) gets one-finger scrolling and mouse dragging alike. While
 * a finger is down, Leaflet's dragging is off; two fingers move and pinch the map through
 * Leaflet's touch zoom, and the mouse drags as on any map.
 */
export function installEmbeddedGestures(map: L.Map): () => void {
  const container = map.getContainer();
  container.classList.add('sm-gestures-embedded');
  const hint = L.DomUtil.create('div', 'sm-gesture-hint', container);
  hint.setAttribute('aria-hidden', 'true');
  let hintTimer: ReturnType<typeof setTimeout> | undefined;
  let engaged = false;
  const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

  const showHint = (text: string): void => {
    hint.textContent = text;
    hint.classList.add('is-visible');
    clearTimeout(hintTimer);
    hintTimer = setTimeout(() => hint.classList.remove('is-visible'), HINT_MS);
  };
  const onWheel = (event: WheelEvent): void => {
    if (engaged || event.ctrlKey || event.metaKey) {
      event.preventDefault();
      const delta = event.deltaY < 0 ? 1 : -1;
      map.setZoomAround(map.mouseEventToContainerPoint(event), map.getZoom() + delta * 0.5);
      return;
    }
    showHint(isMac ? 'Use ⌘ + scroll to zoom the map' : 'Use ctrl + scroll to zoom the map');
  };
  const onClick = (): void => {
    engaged = true;
  };
  const onLeave = (): void => {
    engaged = false;
  };
  const onTouchMove = (event: TouchEvent): void => {
    if (event.touches.length === 1 && !map.dragging.enabled()) showHint('Use two fingers to move the map');
  };
  // Seen first (capture), before Leaflet's own handlers decide to start a drag.
  const fingers = new Set<number>();
  const onPointerDown = (event: PointerEvent): void => {
    if (event.pointerType !== 'touch') return;
    fingers.add(event.pointerId);
    map.dragging.disable();
  };
  const onPointerUp = (event: PointerEvent): void => {
    if (!fingers.delete(event.pointerId) || fingers.size > 0) return;
    map.dragging.enable();
  };
  container.addEventListener('wheel', onWheel, { passive: false });
  container.addEventListener('click', onClick);
  container.addEventListener('mouseleave', onLeave);
  container.addEventListener('touchmove', onTouchMove, { passive: true });
  container.addEventListener('pointerdown', onPointerDown, true);
  // On the document: a finger lifted outside the map still ends its touch.
  document.addEventListener('pointerup', onPointerUp, true);
  document.addEventListener('pointercancel', onPointerUp, true);
  return () => {
    container.removeEventListener('pointerdown', onPointerDown, true);
    document.removeEventListener('pointerup', onPointerUp, true);
    document.removeEventListener('pointercancel', onPointerUp, true);
    if (fingers.size > 0) map.dragging.enable();
    clearTimeout(hintTimer);
    container.removeEventListener('wheel', onWheel);
    container.removeEventListener('click', onClick);
    container.removeEventListener('mouseleave', onLeave);
    container.removeEventListener('touchmove', onTouchMove);
    hint.remove();
  };
}
