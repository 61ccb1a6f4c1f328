import type { Plugin } from 'vite';

/**
 * Parts of Leaflet 1.9 that no story map creates, cut from its ES module build when the app is
 * bundled: popups and tooltips (and DivOverlay, their base), image, video and SVG overlays, the
 * layers and scale controls, and WMS tiles. Their code stays in the first view otherwise, since
 * each part also patches Map and Layer (`Map.include`, `Layer.include`), which a bundler must keep.
 * Leaflet's own guards (`this._popup && …`, `closePopup && …`) make the rest work without them.
 *
 * Each cut runs from the doc comment that opens a part to the one that opens the part after it,
 * as the file is laid out; should a Leaflet upgrade move them, the build fails naming the part.
 */
const CUTS: ReadonlyArray<readonly [from: string, to: RegExp | string]> = [
  ['Control.Layers', 'Control.Zoom'],
  // Up to the attribution's flag, which is declared between the two.
  ['Control.Scale', /\nvar ukrainianFlag = /],
  ['ImageOverlay', 'DivIcon'], // ImageOverlay, VideoOverlay, SVGOverlay, DivOverlay, Popup, Tooltip
  ['TileLayer.WMS', 'Renderer'],
];

/** Names the cut parts exported, left out of the module's export list. */
const CUT_EXPORTS = new Set(['DivOverlay', 'ImageOverlay', 'Popup', 'SVGOverlay', 'Tooltip', 'VideoOverlay', 'imageOverlay', 'popup', 'svgOverlay', 'tooltip', 'videoOverlay']);

const header = (name: string): RegExp => new RegExp(`\\n/\\*\\r?\\n \\* @class ${name.replace('.', '\\.')}\\r?\\n`);

export function trimLeaflet(): Plugin {
  return {
    name: 'trim-leaflet',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]leaflet[\\/]dist[\\/]leaflet-src\.esm\.js$/.test(id)) return null;
      let out = code;
      for (const [from, to] of CUTS) {
        const start = header(from).exec(out);
        const end = (typeof to === 'string' ? header(to) : to).exec(out);
        if (!start || !end || end.index <= start.index) {
          throw new Error(`trim-leaflet: Leaflet's "@class ${from}" ... "${String(to)}" section was not found; update CUTS for this Leaflet version.`);
        }
        out = out.slice(0, start.index) + out.slice(end.index);
      }
      // The controls are registered together, after the last of them.
      for (const line of ['Control.Layers = Layers;', 'Control.Scale = Scale;', 'control.layers = layers;', 'control.scale = scale;']) {
        if (!out.includes(`\n${line}\n`)) throw new Error(`trim-leaflet: "${line}" was not found; update it for this Leaflet version.`);
        out = out.replace(`\n${line}\n`, '\n');
      }
      out = out.replace(/export \{([^}]*)\};/, (_all, names: string) => {
        const kept = names
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name && !CUT_EXPORTS.has(name.split(/\s+as\s+/).pop()!));
        return `export { ${kept.join(', ')} };`;
      });
      return { code: out, map: null };
    },
  };
}
