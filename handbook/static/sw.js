/*
 * The handbook's service worker: the whole handbook in a reader's language, readable offline
 * after one visit, and brought up to date by downloading only what changed.
 *
 * The worker is the same file from build to build. What a build holds is data: `offline.json`
 * beside it (written by `handbook/pwa.py`: a format number, the build's version, and per language
 * its files with content hashes and sizes). So a new build does not install a new worker, and
 * nothing hangs on the switch from one worker to the next: in Chromium, a navigation that
 * arrives while a waiting worker takes over (skipWaiting) can be given to the outgoing worker
 * as it is stopped, and is then never answered; or the new worker stays waiting. A new worker
 * comes only with new code, and it waits, as workers do, until no page of the site is open.
 *
 * - One cache per language and build: "handbook-<lang>-<version>". A cache is used only once its
 *   marker entry is written, after every file of the list: a page is never served from a
 *   half-saved cache, and never a mix of two builds. (The files' hashes are in the build's
 *   list, kept as "current" below; the marker only says the cache is whole.)
 * - Which build the reader has: the "current" entry of the cache "handbook-meta" (the list of
 *   that build). Requests are answered from the current build's complete caches.
 * - Updates pay for what changed (as Workbox's revisioned precache does): when a page asks for
 *   the status, the worker asks for `offline.json` (a conditional request: a few hundred bytes
 *   when nothing changed). For a new version it fills the new build's cache of every language
 *   the reader saved, copying each file whose content hash is unchanged from the current copy (no
 *   network) and fetching only changed and new files, each checked against its hash. Only then
 *   does the new build become current, and the other builds' caches are deleted; until then the
 *   current copy answers, complete. Open pages are told ({type: "updated"}).
 * - One thing at a time: saving, updating and removing run one after another (a queue), so a
 *   language saved during an update is saved in the new build.
 * - Never hang: a request is answered from the current copy, or else from the network; a cache
 *   that does not answer within CACHE_WAIT gives way to the network.
 * - Pages ask to save a language ({type: "save", lang}), to remove every saved copy
 *   ({type: "remove"}), for the status ({type: "status", update: bool}) or for an update check
 *   ({type: "check"}); the worker reports progress and the result to every open page.
 *
 * No dependency: Workbox's precaching does the same steps in several modules (and keeps one cache
 * whose entries it cleans up, where this keeps one cache per build, switched whole).
 * Code: MIT.
 */
/* global self, caches, clients */
"use strict"

var FORMAT = 1
var PREFIX = "handbook-"
var META = "handbook-meta"
var MARKER = "__handbook-complete__"
var SCOPE = new URL(self.registration.scope)
var LIST = new URL("offline.json", SCOPE).href
var CURRENT = new URL("__handbook-current__", SCOPE).href
/* ms: how long a request waits for the saved copy before the network answers it */
var CACHE_WAIT = 1500
/* ms: how long one file may take to download while saving (a stalled response is given up) */
var DOWNLOAD_WAIT = 60000
/* Network requests at a time while saving */
var PARALLEL = 6

function cacheName(lang, version) { return PREFIX + lang + "-" + version }
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

/* A list of files is usable when it is of this worker's format */
function valid(list) {
  return Boolean(list && list.format === FORMAT && typeof list.version === "string" &&
    list.languages && typeof list.languages === "object")
}

/* The build's list from the site (a conditional request); rejects offline or on a bad list */
function fetchList() {
  return fetch(LIST, { cache: "no-cache", credentials: "same-origin" }).then(function (response) {
    if (!response.ok) throw new Error(LIST + ": " + response.status)
    return response.json()
  }).then(function (list) {
    if (!valid(list)) throw new Error(LIST + ": not a list this worker reads")
    return list
  })
}

/* The current build's list, or null (asked once, until it changes) */
var currentMemo = null
function currentList() {
  if (!currentMemo) {
    currentMemo = caches.match(CURRENT, { cacheName: META }).then(function (response) {
      return response ? response.json().then(function (list) { return valid(list) ? list : null }, function () { return null }) : null
    })
    currentMemo.catch(function () { currentMemo = null })
  }
  return currentMemo
}

function setCurrent(list) {
  return caches.open(META).then(function (cache) {
    return cache.put(CURRENT, new Response(JSON.stringify(list), { headers: { "Content-Type": "application/json" } }))
  }).then(function () {
    currentMemo = Promise.resolve(list)
    savedMemo = null
  })
}

/* Whether the cache of `lang` for `version` is complete (its marker is written) */
function complete(lang, version) {
  return caches.match(markerUrl(lang), { cacheName: cacheName(lang, version) }).then(Boolean, function () { return false })
}

/* The languages whose cache of the current build is complete: [list, languages] */
var savedMemo = null
function saved() {
  if (!savedMemo) {
    savedMemo = currentList().then(function (list) {
      if (!list) return [null, []]
      var langs = Object.keys(list.languages)
      return Promise.all(langs.map(function (lang) { return complete(lang, list.version) })).then(function (done) {
        return [list, langs.filter(function (_, i) { return done[i] })]
      })
    })
    savedMemo.catch(function () { savedMemo = null })
  }
  return savedMemo
}

function hexDigest(buffer) {
  return crypto.subtle.digest("SHA-256", buffer).then(function (hash) {
    return Array.prototype.map.call(new Uint8Array(hash), function (b) { return (b < 16 ? "0" : "") + b.toString(16) }).join("")
  })
}

/* A file of the list from the network, refused unless its content has the list's hash (a
   server half-way through publishing a build must not mix two builds in one copy) */
function download(url, hash) {
  /* A response that stalls must not hold the queue (saves and updates after it) for ever */
  var abort = new AbortController()
  var timer = setTimeout(function () { abort.abort() }, DOWNLOAD_WAIT)
  return fetch(url, { cache: "no-cache", credentials: "same-origin", signal: abort.signal }).then(function (response) {
    if (!response.ok) throw new Error(url + ": " + response.status)
    return response.arrayBuffer().then(function (body) {
      return hexDigest(body).then(function (digest) {
        if (digest.slice(0, hash.length) !== hash) throw new Error(url + ": not the content of this build")
        return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
      })
    })
  }).finally(function () { clearTimeout(timer) })
}

/* Fill the cache of `lang` for `list`'s build, then write its marker. Files saved before an
   interruption are kept (the cache belongs to that build only); files of the current copy
   (`earlier`: a list, its languages saved) whose content is unchanged are copied from it; the
   rest is downloaded, a few at a time. */
function fill(list, lang, earlier) {
  var files = list.languages[lang].files
  var total = files.length
  var done = 0
  var name = cacheName(lang, list.version)
  function progress() {
    return broadcast({ type: "progress", lang: lang, done: done, total: total })
  }
  /* Where an unchanged file is found in the current copy: content hash -> [cache name, url] */
  var byHash = {}
  if (earlier) {
    earlier.langs.forEach(function (other) {
      earlier.list.languages[other].files.forEach(function (f) {
        byHash[f[1]] = byHash[f[1]] || [cacheName(other, earlier.list.version), absolute(f[0])]
      })
    })
  }
  return caches.open(name).then(function (cache) {
    var missing = []
    return Promise.all(files.map(function (f) {
      var url = absolute(f[0])
      return cache.match(url).then(function (hit) {
        if (hit) return true
        var same = byHash[f[1]]
        if (!same) return false
        return caches.match(same[1], { cacheName: same[0] }).then(function (old) {
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
      return cache.put(markerUrl(lang), new Response(JSON.stringify({ version: list.version }),
        { headers: { "Content-Type": "application/json" } }))
    })
  })
}

/* Saving, updating and removing, one after another */
var queue = Promise.resolve()
function enqueue(task) {
  var run = queue.then(task)
  queue = run.catch(function () { /* the next task runs all the same */ })
  return run
}

/* The caches of builds other than `version` (and of no build), deleted */
function deleteOtherBuilds(version) {
  return caches.keys().then(function (names) {
    var old = names.filter(function (n) { return n.indexOf(PREFIX) === 0 && n !== META && !n.endsWith("-" + version) })
    return Promise.all(old.map(function (n) { return caches.delete(n) }))
  })
}

/* Bring the saved copy to the site's newest build, with `add` (a language) saved too if given.
   Reports to the pages: "saved" for `add`, "updated" for a new build, "failed" if `add` could not
   be saved (offline: the current copy stays as it is). */
function sync(add) {
  return enqueue(function () {
    return saved().then(function (have) {
      var earlier = have[0] ? { list: have[0], langs: have[1] } : null
      if (!add && !(earlier && earlier.langs.length)) return false  /* nothing saved: nothing to update */
      return fetchList().then(function (list) {
        var langs = earlier ? earlier.langs.slice() : []
        if (add && langs.indexOf(add) === -1) langs.push(add)
        langs = langs.filter(function (lang) { return list.languages[lang] })
        var newBuild = !earlier || earlier.list.version !== list.version
        if (!langs.length || (!newBuild && !add)) return false
        if (!newBuild && earlier.langs.indexOf(add) !== -1) return broadcast({ type: "saved", lang: add })
        return Promise.all(langs.map(function (lang) { return fill(list, lang, earlier) })).then(function () {
          return setCurrent(list)
        }).then(function () {
          return deleteOtherBuilds(list.version)
        }).then(function () {
          if (add) return broadcast({ type: "saved", lang: add })
        }).then(function () {
          if (earlier && newBuild) return broadcast({ type: "updated", version: list.version })
        })
      })
    }).catch(function (error) {
      savedMemo = null
      /* An update that could not be had (offline) is tried again on the next page, unannounced */
      if (add) return broadcast({ type: "failed", lang: add, message: String(error) })
    })
  })
}

/* Every saved copy of the handbook, of any build, deleted; the bytes its files took */
function remove() {
  return enqueue(function () {
    return saved().then(function (have) {
      var freed = have[0] ? storedBytes(have[0], have[1]) : 0
      return caches.keys().then(function (names) {
        return Promise.all(names.filter(function (n) { return n.indexOf(PREFIX) === 0 }).map(function (n) { return caches.delete(n) }))
      }).then(function () {
        currentMemo = null
        savedMemo = null
        return broadcast({ type: "removed", freed: freed })
      })
    })
  })
}

/* The bytes the saved languages' files take (files the languages share are stored once each) */
function storedBytes(list, langs) {
  var seen = {}
  var sum = 0
  langs.forEach(function (lang) {
    list.languages[lang].files.forEach(function (f) {
      if (!seen[f[0]]) { seen[f[0]] = true; sum += f[2] }
    })
  })
  return sum
}

/* The status a page shows: what is saved, and what saving each language would add (its files
   that no saved language holds already) */
function status() {
  return saved().then(function (have) {
    var listed = have[0] ? Promise.resolve(have[0]) : fetchList()
    return listed.then(function (list) {
      var langs = have[0] ? have[1] : []
      var held = {}
      langs.forEach(function (lang) { list.languages[lang].files.forEach(function (f) { held[f[0]] = true }) })
      var sizes = {}
      Object.keys(list.languages).forEach(function (lang) {
        sizes[lang] = list.languages[lang].files.reduce(function (sum, f) { return sum + (held[f[0]] ? 0 : f[2]) }, 0)
      })
      return { type: "status", saved: langs, sizes: sizes, stored: storedBytes(list, langs), version: list.version }
    })
  })
}

self.addEventListener("message", function (event) {
  var data = event.data || {}
  if (data.type === "save") event.waitUntil(sync(String(data.lang)))
  if (data.type === "remove") event.waitUntil(remove())
  if (data.type === "check") event.waitUntil(sync(null))
  if (data.type === "status") {
    event.waitUntil(status().then(function (message) {
      event.source.postMessage(message)
      /* Each page asks: the moment to see whether the site has a newer build */
      if (data.update !== false) return sync(null)
    }, function () { /* offline on a first visit: nothing to show */ }))
  }
})

/* The same file under its other name: "x/" and "x/index.html" */
function alternative(url) {
  if (url.pathname.endsWith("/")) return url.href + "index.html"
  if (url.pathname.endsWith("/index.html")) return url.href.slice(0, -"index.html".length)
  return null
}

/* The saved response for `url` in the current build's complete caches, or undefined. (Through
   caches.match with a cache name: that never creates a cache, as opening one that an update
   has just deleted would.) */
function fromCache(url) {
  return saved().then(function (have) {
    if (!have[0]) return undefined
    var names = have[1].map(function (lang) { return cacheName(lang, have[0].version) })
    var candidates = [url.href, alternative(url)].filter(Boolean)
    return names.reduce(function (found, name) {
      return found.then(function (hit) {
        if (hit) return hit
        return candidates.reduce(function (f, key) {
          return f.then(function (h) { return h || caches.match(key, { cacheName: name }) })
        }, Promise.resolve(undefined))
      })
    }, Promise.resolve(undefined))
  })
}

/* Home pages to show offline for a page that is not saved: its language's first (the longest
   matching root), then the others' */
function homesFor(url) {
  return currentList().then(function (list) {
    if (!list) return []
    var roots = Object.keys(list.languages).map(function (lang) { return absolute(list.languages[lang].root) })
    return roots.sort(function (a, b) {
      var ma = url.href.indexOf(a) === 0 ? a.length : 0
      var mb = url.href.indexOf(b) === 0 ? b.length : 0
      return mb - ma
    })
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
        return homesFor(url).then(function (homes) {
          return homes.reduce(function (found, home) {
            return found.then(function (hit) {
              return hit || fromCache(new URL(home)).then(function (page) { return page && home })
            })
          }, Promise.resolve(undefined))
        }).then(function (home) {
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
  if (url.origin !== SCOPE.origin || url.href === LIST) return
  url.hash = ""
  url.search = ""
  event.respondWith(answer(request, url))
})
