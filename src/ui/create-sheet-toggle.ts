/** What the phone layout's sheet toggle acts on. */
export interface SheetToggleOptions {
  /** The bar's button, already in the sheet (so that the layout does not shift when this loads). */
  readonly button: HTMLButtonElement;
  /** Gets `is-sheet-expanded` (story-map.css sizes the map by it). */
  readonly root: HTMLElement;
  /** The sheet, scrolled to `current()` when it expands. */
  readonly sheet: HTMLElement;
  /** The map above the sheet, whose height the bar drags. */
  readonly map: HTMLElement;
  /** The element the expanded sheet opens at (the current step's passages), if any. */
  readonly current: () => HTMLElement | null;
  /** Called once the map has its new size (after its transition), to re-measure and re-frame. */
  readonly onResized: () => void;
}

/** Drags shorter than this are taps (a finger never lands perfectly still). */
const DRAG_THRESHOLD = 8;

/**
 * The bar at the top of the phone layout's story sheet: a button ("Expand the story" / "Show
 * more map") that also works as a grab bar. Tap or press it to switch; drag it up to give the
 * story more room, down to give the map more, with the map following the finger and settling
 * on the nearer of the two sizes when let go.
 */
export function createSheetToggle(options: SheetToggleOptions): { destroy(): void } {
  const { root, sheet, map, button } = options;
  let settle: ReturnType<typeof setTimeout> | undefined;

  const resized = (): void => {
    clearTimeout(settle);
    map.removeEventListener('transitionend', onTransitionEnd);
    options.onResized();
  };
  // Only the map's own height: its markers' transitions end there too (the event bubbles).
  const onTransitionEnd = (event: TransitionEvent): void => {
    if (event.target === map && event.propertyName === 'height') resized();
  };
  const set = (expanded: boolean): void => {
    button.setAttribute('aria-expanded', String(expanded));
    button.textContent = expanded ? 'Show more map' : 'Expand the story';
    root.classList.toggle('is-sheet-expanded', expanded);
    // The map's height eases to its new size (unless the reader asked for less motion):
    // Leaflet must measure it once it has arrived, not on the way.
    const style = getComputedStyle(map);
    if (style.transitionProperty.includes('height') && parseFloat(style.transitionDuration) > 0) {
      map.addEventListener('transitionend', onTransitionEnd);
      clearTimeout(settle);
      settle = setTimeout(resized, 400); // no transitionend when the height did not change
    } else {
      resized();
    }
    // Expanded, the sheet opens at the current step's passages rather than at the headline.
    const target = options.current();
    if (expanded && target) {
      sheet.scrollTop += target.getBoundingClientRect().top - sheet.getBoundingClientRect().top - button.offsetHeight;
    }
  };

  let drag: { id: number; startY: number; startHeight: number; moved: boolean } | null = null;
  let swallowClick = false;
  const onClick = (): void => {
    if (swallowClick) {
      swallowClick = false;
      return;
    }
    set(button.getAttribute('aria-expanded') !== 'true');
  };
  const onDown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    drag = { id: event.pointerId, startY: event.clientY, startHeight: map.getBoundingClientRect().height, moved: false };
    swallowClick = false;
    button.setPointerCapture?.(event.pointerId);
  };
  const limits = (): [number, number] => {
    // The two sizes of story-map.css: 28% of the window expanded, 55% collapsed.
    const height = window.innerHeight;
    return [Math.max(200, 0.28 * height), Math.max(200, 0.55 * height)];
  };
  const onMove = (event: PointerEvent): void => {
    if (!drag || event.pointerId !== drag.id) return;
    const dy = event.clientY - drag.startY;
    if (!drag.moved && Math.abs(dy) < DRAG_THRESHOLD) return;
    drag.moved = true;
    root.classList.add('is-sheet-dragging');
    const [low, high] = limits();
    map.style.height = `${Math.min(high, Math.max(low, drag.startHeight + dy))}px`;
  };
  const onUp = (event: PointerEvent): void => {
    if (!drag || event.pointerId !== drag.id) return;
    const { moved } = drag;
    drag = null;
    if (!moved) return; // a tap: the click that follows switches
    swallowClick = event.type === 'pointerup';
    const [low, high] = limits();
    const expanded = map.getBoundingClientRect().height < (low + high) / 2;
    root.classList.remove('is-sheet-dragging');
    map.style.height = '';
    set(expanded);
  };

  // One signal takes every listener off again.
  const listening = new AbortController();
  const { signal } = listening;
  button.addEventListener('click', onClick, { signal });
  button.addEventListener('pointerdown', onDown, { signal });
  button.addEventListener('pointermove', onMove, { signal });
  button.addEventListener('pointerup', onUp, { signal });
  button.addEventListener('pointercancel', onUp, { signal });
  return {
    destroy() {
      clearTimeout(settle);
      map.removeEventListener('transitionend', onTransitionEnd);
      listening.abort();
    },
  };
}
