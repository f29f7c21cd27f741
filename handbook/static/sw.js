/*
 * The handbook's service worker: the whole handbook in a reader's language, readable offline
 * after one visit, and brought up to date by downloading only what changed.
 *
 * `handbook/pwa.py` writes this file into the built site as /sw.js, preceded by the precache
 * list of that build (`self.HANDBOOK`: version, and per language its files with content hashes
 * and sizes). A new build changes the list, so browsers see a new worker.
 *
 * - One cache per language and build: "handbook-<lang>-<version>". A cache is used only once its
 *   marker entry is written, after every file of the list: a page is never served from a
 *   half-saved cache, and never a mix of two builds. The marker holds the cache's list (url →
 *   content hash).
 * - Updates pay for what changed (as Workbox's revisioned precache does): a new build's worker,
 *   while installing, fills its cache for every language the reader had saved, copying each file
 *   whose content hash is unchanged from the saved copy (no network) and fetching only changed
 *   and new files, each checked against its hash. Only then does it take over and delete the old
 *   caches; until then the old worker serves the old copy, complete.
 * - Never hang: a request is answered from this build's saved copy, or else from the network; a
 *   cache that does not answer within CACHE_WAIT gives way to the network. The worker activates
 *   without claiming pages or messaging them (pages see `controllerchange`), so nothing holds up
 *   the requests the browser queues while it activates; and it does activate: pages ask a
 *   waiting worker to ({type: "activate"}), as Chromium may leave one waiting for as long as a
 *   tab is open although it called skipWaiting() while installing.
 * - Pages ask to save a language ({type: "save", lang}) or to remove every saved copy
 *   ({type: "remove"}); the worker reports progress and the result to every open page.
 *
 * No dependency: Workbox's precaching does the same steps in several modules (and keeps one cache
 * whose entries it cleans up, where this keeps one cache per build, switched whole).
 * Code: MIT.
 */
/* global self, caches, clients */
"use strict"

var DATA = self.HANDBOOK
var PREFIX = "handbook-"
var MARKER = "__handbook-complete__"
var SCOPE = new URL(self.registration.scope)
/* ms: how long a request waits for the saved copy before the network answers it */
var CACHE_WAIT = 1500
/* Network requests at a time while saving */
var PARALLEL = 6

function cacheName(lang) { return PREFIX + lang + "-" + DATA.version }
function markerUrl(lang) { return new URL(MARKER + "?" + lang, SCOPE).href }
function absolute(path) { return new URL(path, SCOPE).href }

function broadcast(message) {
  return clients.matchAll({ includeUncontrolled: true, type: "window" }).then(function (list) {
    list.forEach(function (client) { client.postMessage(message) })
  })
}

/* Resolves with undefined after `ms` unless `promise` settles first (a rejection counts as undefined) */
function within(promise, ms) {
  return new Promise(function (resolve) {
    var timer = setTimeout(resolve, ms)
    promise.then(function (value) { clearTimeout(timer); resolve(value) },
      function () { clearTimeout(timer); resolve(undefined) })
  })
}

/* The list a complete cache holds ({url: hash}), or null when it is not complete */
function listOf(cache, lang) {
  return cache.match(markerUrl(lang)).then(function (marker) {
    if (!marker) return null
    return marker.json().then(function (data) { return data && data.files ? data : null }, function () { return null })
  })
}

/* The languages whose cache for this build is complete (asked once, until a save or removal ends) */
var savedMemo = null
function savedLanguages() {
  if (!savedMemo) {
    var langs = Object.keys(DATA.languages)
    savedMemo = caches.keys().then(function (names) {
      return Promise.all(langs.map(function (lang) {
        if (names.indexOf(cacheName(lang)) === -1) return false
        return caches.open(cacheName(lang)).then(function (cache) { return listOf(cache, lang) }).then(Boolean)
      }))
    }).then(function (done) { return langs.filter(function (_, i) { return done[i] }) })
    savedMemo.catch(function () { savedMemo = null })
  }
  return savedMemo
}

/* The newest complete cache of `lang` from another build, with its list: what an update reuses */
function earlierCopy(lang) {
  return caches.keys().then(function (names) {
    var earlier = names.filter(function (n) { return n.indexOf(PREFIX + lang + "-") === 0 && n !== cacheName(lang) })
    return earlier.reverse().reduce(function (found, name) {
      return found.then(function (hit) {
        if (hit) return hit
        return caches.open(name).then(function (cache) {
          return listOf(cache, lang).then(function (list) { return list ? { cache: cache, files: list.files } : null })
        })
      })
    }, Promise.resolve(null))
  })
}

function hexDigest(buffer) {
  return crypto.subtle.digest("SHA-256", buffer).then(function (hash) {
    return Array.prototype.map.call(new Uint8Array(hash), function (b) { return (b < 16 ? "0" : "") + b.toString(16) }).join("")
  })
}

/* A file of the list from the network, refused unless its content has the list's hash (a
   server half-way through publishing a build must not mix two builds in one copy) */
function download(url, hash) {
  return fetch(url, { cache: "no-cache", credentials: "same-origin" }).then(function (response) {
    if (!response.ok) throw new Error(url + ": " + response.status)
    return response.arrayBuffer().then(function (body) {
      return hexDigest(body).then(function (digest) {
        if (digest.slice(0, hash.length) !== hash) throw new Error(url + ": not the content of this build")
        return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
      })
    })
  })
}

var saving = {}

/* Save every file of a language, then the marker. Files saved before an interruption are kept
   (the cache belongs to this build only); files of the reader's earlier copy whose content is
   unchanged are copied from it; the rest is downloaded, a few at a time. */
function save(lang) {
  if (!DATA.languages[lang]) return Promise.resolve(false)
  if (saving[lang]) return saving[lang]
  var files = DATA.languages[lang].files
  var total = files.length
  var done = 0
  function progress() {
    return broadcast({ type: "progress", lang: lang, done: done, total: total })
  }
  saving[lang] = Promise.all([caches.open(cacheName(lang)), earlierCopy(lang)]).then(function (opened) {
    var cache = opened[0]
    var earlier = opened[1]
    var byHash = {}
    if (earlier) Object.keys(earlier.files).forEach(function (url) { byHash[earlier.files[url]] = url })
    var missing = []
    /* First what needs no network: kept or copied */
    return Promise.all(files.map(function (f) {
      var url = absolute(f[0])
      return cache.match(url).then(function (hit) {
        if (hit) return true
        var same = earlier && (earlier.files[url] === f[1] ? url : byHash[f[1]])
        if (!same) return false
        return earlier.cache.match(same).then(function (old) {
          return old ? cache.put(url, old).then(function () { return true }) : false
        })
      }).then(function (have) {
        if (have) done += 1
        else missing.push(f)
      })
    })).then(progress).then(function () {
      function next() {
        var batch = missing.splice(0, PARALLEL)
        if (!batch.length) return Promise.resolve()
        return Promise.all(batch.map(function (f) {
          var url = absolute(f[0])
          return download(url, f[1]).then(function (response) { return cache.put(url, response) })
        })).then(function () {
          done += batch.length
          return progress()
        }).then(next)
      }
      return next()
    }).then(function () {
      var list = {}
      files.forEach(function (f) { list[absolute(f[0])] = f[1] })
      return cache.put(markerUrl(lang), new Response(JSON.stringify({ version: DATA.version, files: list }),
        { headers: { "Content-Type": "application/json" } }))
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

/* Every saved copy of the handbook, of any build, deleted; the bytes its files took */
function remove() {
  return savedLanguages().then(function (saved) {
    var freed = storedBytes(saved)
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf(PREFIX) === 0 }).map(function (n) { return caches.delete(n) }))
    }).then(function () {
      savedMemo = null
      return broadcast({ type: "removed", freed: freed })
    })
  })
}

/* The bytes the saved languages' files take (files the languages share are stored once each) */
function storedBytes(langs) {
  var seen = {}
  var sum = 0
  langs.forEach(function (lang) {
    DATA.languages[lang].files.forEach(function (f) {
      if (!seen[f[0]]) { seen[f[0]] = true; sum += f[2] }
    })
  })
  return sum
}

self.addEventListener("install", function (event) {
  /* Languages the reader saved with an earlier build are brought up to date before this build
     takes over; if that fails (offline), the install fails and the earlier build keeps serving. */
  event.waitUntil(caches.keys().then(function (names) {
    var earlier = Object.keys(DATA.languages).filter(function (lang) {
      return names.some(function (n) { return n.indexOf(PREFIX + lang + "-") === 0 && n !== cacheName(lang) })
    })
    return Promise.all(earlier.map(save)).then(function (results) {
      if (results.some(function (ok) { return !ok })) throw new Error("could not save this build")
    })
  }).then(function () { return self.skipWaiting() }).then(nudge))
})

/* Chromium may not act on that skipWaiting() while a page is open: ask again for a while (pages
   ask too, see offline.js), until this worker is no longer waiting. */
function nudge() {
  var tries = 0
  function again() {
    var me = self.serviceWorker
    if (tries++ > 30 || (me && me.state !== "installed")) return
    self.skipWaiting()
    setTimeout(again, 1000)
  }
  setTimeout(again, 1000)
}

/* The caches of other builds, deleted. Never waited for by the activate event: the browser holds
   every request of the pages until activation ends, and deleting a cache that a worker still
   has open (the old worker serving from it, this one having copied from it) may wait for that
   worker; requests then hung. Pages asking for the status also clean up what is left. */
function deleteOtherBuilds() {
  return caches.keys().then(function (names) {
    var old = names.filter(function (n) { return n.indexOf(PREFIX) === 0 && !n.endsWith("-" + DATA.version) })
    return Promise.all(old.map(function (n) { return caches.delete(n) }))
  }).catch(function () { /* tried again on the next status */ })
}

self.addEventListener("activate", function () {
  deleteOtherBuilds()
})

self.addEventListener("message", function (event) {
  var data = event.data || {}
  /* From a page that sees this worker waiting: Chromium does not always act on the skipWaiting()
     of the install event while a page is open (the new worker then waits as long as the tab
     does); asked again once installed, it takes over at once. */
  if (data.type === "activate") event.waitUntil(self.skipWaiting())
  if (data.type === "save") event.waitUntil(save(String(data.lang)))
  if (data.type === "remove") event.waitUntil(remove())
  if (data.type === "status") {
    /* Only the active worker of this build, with no newer one on its way */
    if (self.serviceWorker && self.registration.active === self.serviceWorker && !self.registration.waiting &&
        !self.registration.installing) deleteOtherBuilds()
    event.waitUntil(savedLanguages().then(function (saved) {
      /* What saving a language would add: its files that no saved language holds already */
      var have = {}
      saved.forEach(function (lang) { DATA.languages[lang].files.forEach(function (f) { have[f[0]] = true }) })
      var sizes = {}
      Object.keys(DATA.languages).forEach(function (lang) {
        sizes[lang] = DATA.languages[lang].files.reduce(function (sum, f) { return sum + (have[f[0]] ? 0 : f[2]) }, 0)
      })
      event.source.postMessage({ type: "status", saved: saved, sizes: sizes, stored: storedBytes(saved), version: DATA.version })
    }))
  }
})

/* The same file under its other name: "x/" and "x/index.html" */
function alternative(url) {
  if (url.pathname.endsWith("/")) return url.href + "index.html"
  if (url.pathname.endsWith("/index.html")) return url.href.slice(0, -"index.html".length)
  return null
}

/* The saved response for `url` in this build's complete caches, or undefined */
function fromCache(url) {
  return savedLanguages().then(function (saved) {
    var names = saved.map(cacheName)
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
  var roots = Object.keys(DATA.languages).map(function (lang) { return absolute(DATA.languages[lang].root) })
  return roots.sort(function (a, b) {
    var ma = url.href.indexOf(a) === 0 ? a.length : 0
    var mb = url.href.indexOf(b) === 0 ? b.length : 0
    return mb - ma
  })
}

function answer(request, url) {
  var cached = fromCache(url).catch(function () { return undefined })
  return within(cached, CACHE_WAIT).then(function (hit) {
    if (hit) return hit
    return fetch(request).catch(function (error) {
      /* Offline: a saved copy that was only slow still answers */
      return cached.then(function (late) {
        if (late) return late
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
    })
  })
}

self.addEventListener("fetch", function (event) {
  var request = event.request
  if (request.method !== "GET") return
  var url = new URL(request.url)
  if (url.origin !== SCOPE.origin) return
  url.hash = ""
  url.search = ""
  event.respondWith(answer(request, url))
})
