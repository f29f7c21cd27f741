/*
 * The handbook's service worker: the whole handbook in a reader's language, readable offline
 * after one visit, and replaced atomically when a new build is published.
 *
 * `handbook/pwa.py` writes this file into the built site as /sw.js, preceded by the precache
 * list of that build (`self.HANDBOOK`: version, and per language its files with content hashes
 * and sizes). A new build changes the list, so browsers see a new worker.
 *
 * - One cache per language and build: "handbook-<lang>-<version>". A cache is used only once a
 *   marker entry says every file of the list is in it, so a page is never served from a
 *   half-saved cache, and never a mix of two builds.
 * - A new build's worker, while installing, saves again every language the reader had saved with
 *   the previous build; only then does it take over and delete the old caches, and tell open
 *   pages that the handbook was updated.
 * - Pages ask to save a language ({type: "save", lang}); the worker reports progress and the
 *   result to every open page.
 * - Requests for saved files are answered from the cache (fast on a slow network), anything else
 *   from the network; an unsaved page offline falls back to the language's home page.
 *
 * No dependency: about 150 lines against Workbox's several modules for the same steps.
 * Code: MIT.
 */
/* global self, caches, clients */
"use strict"

var DATA = self.HANDBOOK
var PREFIX = "handbook-"
var MARKER = "__handbook-complete__"
var SCOPE = new URL(self.registration.scope)

function cacheName(lang) { return PREFIX + lang + "-" + DATA.version }
function markerUrl(lang) { return new URL(MARKER + "?" + lang, SCOPE).href }
function urlsOf(lang) { return DATA.languages[lang].files.map(function (f) { return new URL(f[0], SCOPE).href }) }

function broadcast(message) {
  return clients.matchAll({ includeUncontrolled: true, type: "window" }).then(function (list) {
    list.forEach(function (client) { client.postMessage(message) })
  })
}

function isComplete(name, lang) {
  return caches.has(name).then(function (has) {
    if (!has) return false
    return caches.open(name).then(function (cache) {
      return cache.match(markerUrl(lang)).then(Boolean)
    })
  })
}

/* The languages whose cache for this build is complete (asked once, until a save ends) */
var savedMemo = null
function savedLanguages() {
  if (!savedMemo) {
    var langs = Object.keys(DATA.languages)
    savedMemo = Promise.all(langs.map(function (lang) { return isComplete(cacheName(lang), lang) }))
      .then(function (done) { return langs.filter(function (_, i) { return done[i] }) })
  }
  return savedMemo
}

var saving = {}

/* Save every file of a language, a few at a time, then the marker. Files saved before an
   interruption are kept and not fetched again (the cache belongs to this build only). */
function save(lang) {
  if (!DATA.languages[lang]) return Promise.resolve(false)
  if (saving[lang]) return saving[lang]
  var name = cacheName(lang)
  var urls = urlsOf(lang)
  var done = 0
  saving[lang] = caches.open(name).then(function (cache) {
    function next() {
      var batch = urls.slice(done, done + 6)
      if (!batch.length) return Promise.resolve()
      return Promise.all(batch.map(function (url) {
        return cache.match(url).then(function (hit) {
          if (hit) return
          return fetch(url, { cache: "no-cache", credentials: "same-origin" }).then(function (response) {
            if (!response.ok) throw new Error(url + ": " + response.status)
            return cache.put(url, response)
          })
        })
      })).then(function () {
        done += batch.length
        broadcast({ type: "progress", lang: lang, done: done, total: urls.length })
        return next()
      })
    }
    return next().then(function () {
      return cache.put(markerUrl(lang), new Response(DATA.version))
    })
  }).then(function () {
    delete saving[lang]
    savedMemo = null
    return broadcast({ type: "saved", lang: lang }).then(function () { return true })
  }, function (error) {
    delete saving[lang]
    return broadcast({ type: "failed", lang: lang, message: String(error) }).then(function () { return false })
  })
  return saving[lang]
}

self.addEventListener("install", function (event) {
  /* Languages the reader saved with an earlier build are saved again before this build takes
     over; if that fails (offline), the install fails and the earlier build keeps serving. */
  event.waitUntil(caches.keys().then(function (names) {
    var earlier = Object.keys(DATA.languages).filter(function (lang) {
      return names.some(function (n) { return n.indexOf(PREFIX + lang + "-") === 0 && n !== cacheName(lang) })
    })
    return Promise.all(earlier.map(save)).then(function (results) {
      if (results.some(function (ok) { return !ok })) throw new Error("could not save this build")
    })
  }).then(function () { return self.skipWaiting() }))
})

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    var old = names.filter(function (n) { return n.indexOf(PREFIX) === 0 && !n.endsWith("-" + DATA.version) })
    return Promise.all(old.map(function (n) { return caches.delete(n) })).then(function () {
      return self.clients.claim()
    }).then(function () {
      if (old.length) return broadcast({ type: "updated", version: DATA.version })
    })
  }))
})

self.addEventListener("message", function (event) {
  var data = event.data || {}
  if (data.type === "save") event.waitUntil(save(String(data.lang)))
  if (data.type === "status") {
    event.waitUntil(savedLanguages().then(function (saved) {
      /* What saving a language would add: its files that no saved language holds already */
      var have = {}
      saved.forEach(function (lang) { DATA.languages[lang].files.forEach(function (f) { have[f[0]] = true }) })
      var sizes = {}
      Object.keys(DATA.languages).forEach(function (lang) {
        sizes[lang] = DATA.languages[lang].files.reduce(function (sum, f) { return sum + (have[f[0]] ? 0 : f[2]) }, 0)
      })
      event.source.postMessage({ type: "status", saved: saved, sizes: sizes, version: DATA.version })
    }))
  }
})

/* The same file under its other name: "x/" and "x/index.html" */
function alternative(url) {
  if (url.pathname.endsWith("/")) return url.href + "index.html"
  if (url.pathname.endsWith("/index.html")) return url.href.slice(0, -"index.html".length)
  return null
}

function fromCache(url) {
  var langs = Object.keys(DATA.languages)
  return savedLanguages().then(function (saved) {
    var names = langs.filter(function (l) { return saved.indexOf(l) !== -1 }).map(cacheName)
    var candidates = [url.href, alternative(url)].filter(Boolean)
    return names.reduce(function (found, name) {
      return found.then(function (hit) {
        if (hit) return hit
        /* has() first: a worker being replaced must not open (and so re-create, empty) a cache
           its successor has just deleted; it answers from the network instead. */
        return caches.has(name).then(function (has) {
          if (!has) return undefined
          return caches.open(name).then(function (cache) {
            return candidates.reduce(function (f, key) {
              return f.then(function (h) { return h || cache.match(key) })
            }, Promise.resolve(undefined))
          })
        })
      })
    }, Promise.resolve(undefined))
  })
}

/* Home pages to show offline for a page that is not saved: its language's first (the longest
   matching root), then the others' */
function homesFor(url) {
  var roots = Object.keys(DATA.languages).map(function (lang) { return new URL(DATA.languages[lang].root, SCOPE).href })
  return roots.sort(function (a, b) {
    var ma = url.href.indexOf(a) === 0 ? a.length : 0
    var mb = url.href.indexOf(b) === 0 ? b.length : 0
    return mb - ma
  })
}

self.addEventListener("fetch", function (event) {
  var request = event.request
  if (request.method !== "GET") return
  var url = new URL(request.url)
  if (url.origin !== SCOPE.origin) return
  url.hash = ""
  url.search = ""
  /* A cache that cannot be read answers nothing: the network answers instead */
  var cached = fromCache(url).catch(function () { return undefined })
  event.respondWith(cached.then(function (hit) {
    if (hit) return hit
    return fetch(request).catch(function (error) {
      if (request.mode !== "navigate") throw error
      /* Sent to a saved home page (a redirect, so that its relative links resolve) */
      return homesFor(url).reduce(function (found, home) {
        return found.then(function (hit) {
          return hit || fromCache(new URL(home)).then(function (page) { return page && home })
        })
      }, Promise.resolve(undefined)).then(function (home) {
        if (home) return Response.redirect(home, 302)
        throw error
      })
    })
  }))
})
