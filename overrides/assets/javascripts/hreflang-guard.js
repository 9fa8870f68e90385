/*
 * hreflang-guard.js - loaded by overrides/main.html only when the hreflang
 * links are absolute (site_url set, no offline plugin), before Material's
 * bundle.
 *
 * Material's language helper fetches "sitemap.xml" next to every
 * <link rel="alternate"> of the page. When a build made for site_url is
 * viewed on another host (a local preview of the production build, a copy
 * opened from file://), that would send requests to the site_url host. Drop
 * the hreflang links that point to another origin in this case; on the real
 * host (same origin) nothing changes, and the links stay in the static HTML
 * for crawlers either way.
 */
(function () {
  "use strict";
  var links = document.querySelectorAll('link[rel="alternate"][hreflang]');
  for (var i = 0; i < links.length; i++) {
    try {
      if (new URL(links[i].href).origin !== location.origin)
        links[i].parentNode.removeChild(links[i]);
    } catch (err) { /* leave malformed links alone */ }
  }
})();
