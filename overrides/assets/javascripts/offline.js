/*
 * Offline after one visit: registers the service worker (/sw.js, see handbook/static/sw.js),
 * asks it for the status once the page has loaded and the browser is idle (the worker then looks
 * for a newer build of the saved copy), asks it to save the reader's language, and shows a small
 * status in the footer — saving, saved, failed, updated — with buttons to save the other
 * language too and to remove the saved copy (with the space it frees). Not on file:// (the
 * offline zip), where service workers do not exist.
 *
 * The reader's data: with Save-Data on (navigator.connection.saveData), or once the reader has
 * removed the saved copy, nothing is saved until the reader asks: the footer offers saving, with
 * its size. Asking to save again clears that choice. With Save-Data on, a saved copy is not
 * brought up to date either until the reader saves again.
 *
 * Code: MIT.
 */
(function () {
  "use strict"

  var box = document.querySelector(".hb-offline")
  if (!box || !("serviceWorker" in navigator) || !/^https?:$/.test(window.location.protocol)) return
  var status = box.querySelector(".hb-offline__status")
  var other = box.querySelector(".hb-offline__other")
  var saveButton = box.querySelector(".hb-offline__save")
  var removeButton = box.querySelector(".hb-offline__remove")
  var lang = box.dataset.lang
  var root = new URL(box.dataset.root, window.location.href)
  var names = {}
  try { names = JSON.parse(box.dataset.names || "{}") } catch (err) { /* names stay codes */ }
  function named(text, code) { return text.replace("{language}", names[code] || code) }

  /* The reader removed the saved copy: no automatic saving on this device until asked again */
  var DECLINED = "handbook-offline-declined"
  function declined() {
    try { return window.localStorage.getItem(DECLINED) === "1" } catch (err) { return false }
  }
  function setDeclined(value) {
    try {
      if (value) window.localStorage.setItem(DECLINED, "1")
      else window.localStorage.removeItem(DECLINED)
    } catch (err) { /* storage blocked: the choice lasts for this page */ }
  }
  function saveData() {
    return Boolean(navigator.connection && navigator.connection.saveData)
  }

  function show(text) {
    // Progress comes many times a second while saving: a text that did not change is not
    // written again (each write makes the browser lay out and paint the footer).
    if (box.hidden) box.hidden = false
    if (status.textContent !== text) status.textContent = text
  }

  function size(bytes) {
    return bytes >= 1048576 ? (bytes / 1048576).toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1024)) + " KB"
  }

  function offer(button, text) {
    button.textContent = text
    button.hidden = false
    box.hidden = false
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
    offer(other, named(box.dataset.other, rest[0]).replace("{size}", size(message.sizes[rest[0]])))
  }

  function ask(worker, message) {
    if (worker) worker.postMessage(message)
  }

  /* Registered once the page has loaded and the browser is idle: the worker's script and its
     list are not fetched while the first page is still drawing on a slow network. */
  idle(function () {
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.href }).then(function (registration) {
      /* The worker of this registration (the page may not be controlled yet: a first visit) */
      function worker() { return registration.active || navigator.serviceWorker.controller }
      function askStatus() { ask(worker(), { type: "status", update: !saveData() }) }
      var outdated = false

      navigator.serviceWorker.addEventListener("message", function (event) {
        var message = event.data || {}
        if (message.type === "status") {
          var saved = message.saved.indexOf(lang) !== -1
          if (saved && outdated) {
            saveButton.hidden = true  /* "updated" stays until the reader reloads */
          } else if (saved) {
            var others = message.saved.filter(function (l) { return l !== lang })
            show(box.dataset.ready + (others.length ? " " + named(box.dataset.otherReady, others[0]) : ""))
            saveButton.hidden = true
          } else if (saveData() || declined()) {
            if (saveData()) show(box.dataset.saveData)
            offer(saveButton, box.dataset.save.replace("{size}", size(message.sizes[lang])))
          } else ask(worker(), { type: "save", lang: lang })
          if (message.saved.length) offer(removeButton, box.dataset.remove.replace("{size}", size(message.stored)))
          else removeButton.hidden = true
          offerOther(message)
        } else if (message.type === "progress" && message.lang === lang) {
          show(box.dataset.saving.replace("{percent}", Math.round(100 * message.done / message.total)))
        } else if (message.type === "saved" || message.type === "failed") {
          if (message.type === "failed" && message.lang === lang) show(box.dataset.failed)
          else askStatus()
        } else if (message.type === "removed") {
          removeButton.hidden = true
          other.hidden = true
          show(box.dataset.removed.replace("{size}", size(message.freed)))
          askStatus()
        } else if (message.type === "updated" && !outdated) {
          /* The saved copy is now of a newer build: this page is of the earlier one until it is
             loaded again. */
          outdated = true
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
      saveButton.addEventListener("click", function () {
        saveButton.hidden = true
        setDeclined(false)
        ask(worker(), { type: "save", lang: lang })
      })
      removeButton.addEventListener("click", function () {
        removeButton.hidden = true
        setDeclined(true)
        ask(worker(), { type: "remove" })
      })

      return navigator.serviceWorker.ready.then(askStatus)
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
