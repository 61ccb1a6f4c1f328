import type L from 'leaflet';
import type { Place, Waypoint } from '../model/types.ts';

/** How the map draws a story's places, whatever their number. */
export interface PlaceLayer {
  /** Marks the place with this id as the current one (null: none, at the overview). */
  setActive(id: string | null): void;
  destroy(): void;
}

/** Called when the reader picks a place on the map. */
export type SelectPlace = (id: string) => void;

/** Draws a story's places on a map; the markers' and the dots' factories both fit. */
export type PlaceLayerFactory = (map: L.Map, places: readonly Place[], waypoints: readonly Waypoint[], select: SelectPlace) => PlaceLayer;
