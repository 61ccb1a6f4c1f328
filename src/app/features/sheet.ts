import type { MapView } from '../../map/create-map-view.ts';
import type { Shell } from '../shell.ts';

/**
 * The phone layout's sheet bar: the button is in place from the start (story-map.css shows it
 * on phones only), and what it does (tap, drag) is loaded only where that layout applies; a tap
 * before that is kept for it. Should it fail to load, the sheet still scrolls.
 */
export function addSheet(shell: Shell, view: MapView, signal: AbortSignal): () => void {
  const phone = typeof matchMedia === 'function' ? matchMedia('(max-width: 700px)') : null;
  const bar = shell.sheetBar;
  let sheetToggle: { destroy(): void } | null = null;
  let tappedEarly = false;
  const earlyTap = (): void => {
    tappedEarly = true;
  };
  bar.addEventListener('click', earlyTap);
  const add = (): void => {
    if (sheetToggle || !phone?.matches) return;
    void import('../../ui/create-sheet-toggle.ts').then(
      ({ createSheetToggle }) => {
        if (signal.aborted || sheetToggle) return;
        bar.removeEventListener('click', earlyTap);
        sheetToggle = createSheetToggle({
          button: bar,
          root: shell.root,
          sheet: shell.sidebar,
          map: shell.map,
          current: () => shell.panel.querySelector<HTMLElement>('.sm-step'),
          onResized: () => view.resize(),
        });
        if (tappedEarly) bar.click();
      },
      (error: unknown) => console.warn('The story sheet’s bar could not be loaded:', error),
    );
  };
  add();
  phone?.addEventListener('change', add);
  return () => {
    phone?.removeEventListener('change', add);
    sheetToggle?.destroy();
  };
}
