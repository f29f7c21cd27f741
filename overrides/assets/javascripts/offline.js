/*
 * Offline after one visit: registers the service worker (/sw.js, see handbook/pwa.py), asks it
 * to save the reader's language once the page has loaded and the browser is idle, and shows a
 * small status in the footer — saving, saved, failed, updated — plus a button to save the other
 * language too. Not on file:// (the offline zip), where service workers do not exist.
 *
 * Code: MIT.
 */
(function () {
  "use strict"

  var box = document.querySelector(".hb-offline")
  if (!box || !("serviceWorker" in navigator) || !/^https?:$/.test(window.location.protocol)) return
  var status = box.querySelector(".hb-offline__status")
  var other = box.querySelector(".hb-offline__other")
  var lang = box.dataset.lang
  var root = new URL(box.dataset.root, window.location.href)
  var names = {}
  try { names = JSON.parse(box.dataset.names || "{}") } catch (err) { /* names stay codes */ }
  function named(text, code) { return text.replace("{language}", names[code] || code) }

  function show(text) {
    box.hidden = false
    status.textContent = text
  }

  function size(bytes) {
    return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1024)) + " KB"
  }

  function offerOther(message) {
    var rest = Object.keys(message.sizes).filter(function (l) {
      return l !== lang && message.saved.indexOf(l) === -1
    })
    if (!rest.length || message.saved.indexOf(lang) === -1) {
      other.hidden = true
      return
    }
    other.dataset.lang = rest[0]
    other.textContent = named(box.dataset.other, rest[0]).replace("{size}", size(message.sizes[rest[0]]))
    other.hidden = false
  }

  function ask(worker, message) {
    if (worker) worker.postMessage(message)
  }

  /* Registered once the page has loaded and the browser is idle: the worker's script and its
     list are not fetched while the first page is still drawing on a slow network. */
  idle(function () {
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.href }).then(function (registration) {
      function worker() { return navigator.serviceWorker.controller || registration.active || registration.installing || registration.waiting }

      navigator.serviceWorker.addEventListener("message", function (event) {
        var message = event.data || {}
        if (message.type === "status") {
          if (message.saved.indexOf(lang) !== -1) {
            var others = message.saved.filter(function (l) { return l !== lang })
            show(box.dataset.ready + (others.length ? " " + named(box.dataset.otherReady, others[0]) : ""))
          } else ask(worker(), { type: "save", lang: lang })
          offerOther(message)
        } else if (message.type === "progress" && message.lang === lang) {
          show(box.dataset.saving.replace("{percent}", Math.round(100 * message.done / message.total)))
        } else if (message.type === "saved" || message.type === "failed") {
          if (message.type === "failed" && message.lang === lang) show(box.dataset.failed)
          else ask(worker(), { type: "status" })
        } else if (message.type === "updated") {
          show(box.dataset.updated + " ")
          var again = document.createElement("button")
          again.type = "button"
          again.className = "hb-offline__reload"
          again.textContent = box.dataset.reload
          again.addEventListener("click", function () { window.location.reload() })
          status.appendChild(again)
        }
      })

      other.addEventListener("click", function () {
        other.hidden = true
        ask(worker(), { type: "save", lang: other.dataset.lang })
      })

      return navigator.serviceWorker.ready.then(function (ready) { ask(ready.active, { type: "status" }) })
    }).catch(function () { /* no worker (private mode, blocked): the site works online as before */ })
  })

  /* After the page has loaded, when the browser has nothing else to do */
  function idle(callback) {
    var run = function () {
      if ("requestIdleCallback" in window) window.requestIdleCallback(callback, { timeout: 3000 })
      else window.setTimeout(callback, 1000)
    }
    if (document.readyState === "complete") run()
    else window.addEventListener("load", run)
  }
})()
