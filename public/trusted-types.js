// Opt-in Trusted Types support (docs/hosting.md): for sites that serve the story map with
// `Content-Security-Policy: require-trusted-types-for 'script'`. Loaded before the app (the build
// adds it to the pages with VITE_TRUSTED_TYPES=on), it installs the page's default policy,
// which lets through only what Leaflet writes with innerHTML: its feature test ("<svg/>"), its
// zoom buttons and attribution (text, https links and aria-hidden spans, story text escaped),
// and empty icons; and, as script URLs, only this site's own files (the story reader's worker).
// Anything else is refused and reported as a violation.
/* global window, document, location, URL */
(function () {
  'use strict';
  var tt = window.trustedTypes;
  if (!tt || !tt.createPolicy) return;
  var LEAFLET_MARKUP = /<a href="https?:\/\/[^"<>]*"(?: [a-z-]+="[^"<>]*")*>|<\/a>|<span aria-hidden="true">|<\/span>|^<svg\/>$/g;
  tt.createPolicy('default', {
    createHTML: function (html) {
      return String(html).replace(LEAFLET_MARKUP, '').indexOf('<') === -1 ? html : null;
    },
    createScriptURL: function (url) {
      try {
        return new URL(url, document.baseURI).origin === location.origin ? url : null;
      } catch {
        return null;
      }
    },
  });
})();
