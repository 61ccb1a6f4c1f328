import leafletCss from './leaflet.css?inline';
import mapCss from './map.css?inline';

/** Leaflet's stylesheet and the map's own, as text, for a shadow root (the `<story-map>` element). */
export const MAP_STYLES = `${leafletCss}\n${mapCss}`;
