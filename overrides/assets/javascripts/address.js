/*
 * Served from an address other than the published one (a mirror, an intranet copy, a preview
 * deploy), a page's absolute hreflang alternates name the published site, and Material for
 * MkDocs fetches a sitemap next to each of them (to find the same page in the other language):
 * requests to another origin, failing or not. Here each alternate that names another origin is
 * pointed at the same page on the page's own origin (its path from this page, written at build
 * time), before Material reads them (it does at DOMContentLoaded, after deferred scripts): its
 * lookups stay on the site that is being read, which has the same small sitemaps.
 *
 * On the published site nothing changes; search engines read the alternates as written.
 * Code: MIT.
 */
(function () {
  "use strict"

  var links = document.querySelectorAll('link[rel="alternate"][hreflang][data-hb-path]')
  for (var i = 0; i < links.length; i++) {
    var link = links[i]
    if (new URL(link.href).origin === window.location.origin) continue
    link.href = new URL(link.getAttribute("data-hb-path"), window.location.href).href
  }
})()
