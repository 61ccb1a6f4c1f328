import * as L from 'leaflet';
import type { Camera, LngLat } from '../model/types.ts';
import { toLatLng } from './to-lat-lng.ts';

/** Room around fitted views: labels sit beside their dots, so keep space on both sides. */
const FIT_PADDING = { paddingTopLeft: L.point(50, 40), paddingBottomRight: L.point(130, 40) };
const FLY_SECONDS = 0.8;

/** Moves the map to steps' cameras, and tells moves the reader made from moves it made itself. */
export interface MapCamera {
  show(camera: Camera, animate: boolean): void;
  /** Keeps `lngLat` in the middle of the map at `zoom`, as a move of ours (following the train). */
  follow(lngLat: LngLat, zoom: number, animate: boolean): void;
  /** Calls `listener` when the reader pans or zooms the map (not when a step moves it). */
  onReaderMove(listener: () => void): () => void;
  destroy(): void;
}

export function createCamera(map: L.Map): MapCamera {
  let ours = false;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let settleFrame = 0;
  const listeners: Array<() => void> = [];
  // The camera's state on the map's element, data-camera="moving" or "still": what a page (or a
  // test) can wait on instead of guessing how long a flight takes.
  const container = map.getContainer();
  const moving = (ms: number): void => {
    ours = true;
    clearTimeout(settle);
    cancelAnimationFrame(settleFrame);
    container.dataset.camera = 'moving';
    // The timer, then a frame: Leaflet starts an animated zoom in the frame after it is asked
    // for, so where timers run ahead of frames (a hidden tab, a clock jumped in a test) that
    // zoom's start is still taken as ours, not the reader's.
    settle = setTimeout(() => {
      settleFrame = requestAnimationFrame(() => {
        ours = false;
        container.dataset.camera = 'still';
      });
    }, ms);
  };
  container.dataset.camera = 'still';

  const readerMoved = (): void => {
    if (!ours) for (const listener of listeners) listener();
  };
  // A drag is always the reader's; a zoom is the reader's unless we are moving the camera.
  map.on('dragstart zoomstart', readerMoved);
  // So is panning with the arrow keys on the map (Leaflet's keyboard handler pans without a drag).
  const onKey = (event: KeyboardEvent): void => {
    if (event.target === container && event.key.startsWith('Arrow')) readerMoved();
  };
  container.addEventListener('keydown', onKey);

  return {
    show(camera, animate) {
      // Leaflet does not always end a move it did not need to make: settle on a timer.
      moving(animate ? FLY_SECONDS * 1000 + 400 : 50);
      if ('center' in camera) {
        const target = toLatLng(camera.center);
        if (animate) map.flyTo(target, camera.zoom, { duration: FLY_SECONDS });
        else map.setView(target, camera.zoom, { animate: false });
      } else {
        const bounds = L.latLngBounds(camera.fit.map(toLatLng));
        if (animate) map.flyToBounds(bounds, { ...FIT_PADDING, maxZoom: camera.maxZoom, duration: FLY_SECONDS });
        else map.fitBounds(bounds, { ...FIT_PADDING, maxZoom: camera.maxZoom, animate: false });
      }
    },
    follow(lngLat, zoom, animate) {
      const target = toLatLng(lngLat);
      if (Math.abs(map.getZoom() - zoom) > 0.01) {
        moving(animate ? 600 : 50);
        map.setView(target, zoom, { animate });
      } else {
        // A plain pan moves the map pane only: cheap enough for every frame.
        map.panTo(target, { animate: false });
      }
    },
    onReaderMove(listener) {
      listeners.push(listener);
      return () => {
        const i = listeners.indexOf(listener);
        if (i >= 0) listeners.splice(i, 1);
      };
    },
    destroy() {
      clearTimeout(settle);
      cancelAnimationFrame(settleFrame);
      map.off('dragstart zoomstart', readerMoved);
      container.removeEventListener('keydown', onKey);
      listeners.length = 0;
    },
  };
}
