/** How the map draws a story's places, whatever their number. */
export interface PlaceLayer {
  /** Marks the place with this id as the current one (null: none, at the overview). */
  setActive(id: string | null): void;
  destroy(): void;
}

/** Called when the reader picks a place on the map. */
export type SelectPlace = (id: string) => void;
