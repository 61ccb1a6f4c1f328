import type { MapView } from '../../map/create-map-view.ts';
import { createSheetToggle } from '../../ui/create-sheet-toggle.ts';
import type { Shell } from '../shell.ts';

/**
 * The phone layout's sheet bar: tap or drag it for more story or more map. Loaded with its
 * toggle only where the phone layout applies (see `watchPhoneLayout`); `tappedEarly` says the
 * bar was tapped before this arrived, which is then acted on.
 */
export function addSheet(shell: Shell, view: MapView, tappedEarly: boolean): () => void {
  const sheetToggle = createSheetToggle({
    button: shell.sheetBar,
    root: shell.root,
    sheet: shell.sidebar,
    map: shell.map,
    current: () => shell.panel.querySelector<HTMLElement>('.sm-step'),
    onResized: () => view.resize(),
  });
  if (tappedEarly) shell.sheetBar.click();
  return () => sheetToggle.destroy();
}
