/*
 * Thai query segmentation for Material for MkDocs' search worker.
 *
 * Why this file: Material's worker loads `lunr/wordcut.js` (677 KB) whenever `th` is a search
 * language, yet its own tokenizer never calls it. This handbook overrides that file with this small
 * one. The index is segmented at build time (PyThaiNLP newmm, words joined by U+200B, which is in
 * the search `separator`); here, in the worker, a Thai run typed without spaces is cut into words of
 * the index's own vocabulary, so index and query always agree.
 *
 * How: `lunr.QueryLexer.prototype.run` is wrapped. Material's query transform and lunr's query
 * parser both lex the query; each TERM lexeme holding Thai gets its text re-written with U+200B
 * between words (positions unchanged), so both split it into one clause per word. The vocabulary
 * is captured from the index when it is built (`lunr.Builder.prototype.build`).
 *
 * Code: MIT, the Networking Handbook contributors.
 */
(function (lunr) {
  "use strict"
  if (!lunr || lunr.__thaiQuerySegmentation) return
  lunr.__thaiQuerySegmentation = true

  var THAI_RUN = /[\u0E00-\u0E7F]+/g
  var JOINER = "\u200b"
  var words = new Set()   /* Thai tokens of the index */
  var sorted = []         /* the same, sorted, for prefix look-ups */

  /* Compatibility with lunr.th.min.js, which expects the original wordcut */
  lunr.wordcut = {
    init: function () {},
    cut: function (text) { return segment(text).join("|") }
  }

  /* Capture the vocabulary once the index is built */
  var build = lunr.Builder.prototype.build
  lunr.Builder.prototype.build = function () {
    var index = build.apply(this, arguments)
    words = new Set()
    for (var term in index.invertedIndex)
      if (/^[\u0E00-\u0E7F]+$/.test(term)) words.add(term)
    sorted = Array.from(words).sort()
    return index
  }

  /* Is `text` the beginning of some word of the index? (binary search) */
  function isPrefix(text) {
    var lo = 0, hi = sorted.length
    while (lo < hi) {
      var mid = (lo + hi) >> 1
      if (sorted[mid] < text) lo = mid + 1
      else hi = mid
    }
    return lo < sorted.length && sorted[lo].lastIndexOf(text, 0) === 0
  }

  /*
   * Cut a Thai run into the fewest words of the index. The last piece may be the beginning of a
   * word (the reader is still typing). Characters no word covers are kept together as one piece,
   * at a high cost, so that an unknown word still reaches lunr instead of being dropped.
   */
  function segment(run) {
    var n = run.length
    var UNKNOWN = 100
    var cost = new Array(n + 1).fill(Infinity)
    var from = new Array(n + 1).fill(-1)
    cost[0] = 0
    for (var i = 0; i < n; i++) {
      if (cost[i] === Infinity) continue
      for (var j = i + 1; j <= n; j++) {
        var piece = run.slice(i, j)
        var step = words.has(piece) || (j === n && isPrefix(piece)) ? 1 : Infinity
        if (step === Infinity && j === i + 1) step = UNKNOWN
        if (cost[i] + step < cost[j]) {
          cost[j] = cost[i] + step
          from[j] = i
        }
      }
    }
    var pieces = []
    for (var end = n; end > 0; end = from[end]) pieces.unshift(run.slice(from[end], end))
    /* Merge runs of single unknown characters back into one piece */
    var merged = []
    for (var k = 0; k < pieces.length; k++) {
      var known = words.has(pieces[k]) || (k === pieces.length - 1 && isPrefix(pieces[k]))
      var previous = merged[merged.length - 1]
      if (!known && previous && previous.unknown) previous.text += pieces[k]
      else merged.push({ text: pieces[k], unknown: !known })
    }
    return merged.map(function (p) { return p.text })
  }

  /*
   * Thai function words that say nothing about a page. Dropped from a typed phrase (never from
   * a query made only of them), so that ความสัมพันธ์ในแนวราบ ranks by ความสัมพันธ์ and แนวราบ.
   */
  var STOP = new Set(("ใน ที่ และ ของ กับ การ ความ มี เป็น ให้ ได้ จะ ก็ ซึ่ง แล้ว หรือ แต่ " +
    "อย่าง ไป มา กัน นี้ ว่า โดย เพื่อ จาก แก่ ต่อ").split(" "))

  function segmentRun(run) {
    var pieces = segment(run)
    var kept = pieces.filter(function (p) { return !STOP.has(p) })
    return (kept.length ? kept : pieces).join(JOINER)
  }

  /* English: add the stem as a second term, as the index holds stems (Material appends a
     wildcard to every term, which turns lunr's stemming off for the query). */
  function withStem(word) {
    if (word.length < 4 || typeof lunr.stemmer !== "function") return word
    var stem = lunr.stemmer(new lunr.Token(word.toLowerCase())).toString()
    return stem && stem !== word.toLowerCase() ? word + JOINER + stem : word
  }

  /* First lexing (Material's transform, one typed word at a time, no wildcard yet) */
  function expandTerm(str) {
    if (/[\u0E00-\u0E7F]/.test(str)) {
      if (!words.size) return str
      return str.replace(THAI_RUN, segmentRun)
    }
    return /^[A-Za-z]+$/.test(str) ? withStem(str) : str
  }

  /*
   * Later lexings (lunr's parser, on the transformed query where every term ends in `*`): a Thai
   * term that is a whole word of the index is matched exactly, so that ร่วม does not also match
   * every ร่วมกัน. The last term keeps its wildcard: the reader may still be typing it.
   */
  function exactThai(lexemes) {
    var terms = lexemes.filter(function (l) { return l.type === lunr.QueryLexer.TERM })
    for (var i = 0; i < terms.length - 1; i++) {
      var str = terms[i].str
      var bare = str.replace(/\*$/, "")
      if (bare !== str && /^[\u0E00-\u0E7F]+$/.test(bare) && words.has(bare)) terms[i].str = bare
    }
  }

  var run = lunr.QueryLexer.prototype.run
  lunr.QueryLexer.prototype.run = function () {
    run.apply(this, arguments)
    var transformed = /\*/.test(this.str)
    if (transformed) {
      exactThai(this.lexemes)
      return
    }
    for (var i = 0; i < this.lexemes.length; i++) {
      var lexeme = this.lexemes[i]
      if (lexeme.type === lunr.QueryLexer.TERM) lexeme.str = expandTerm(lexeme.str)
    }
  }

  /* For tests: the same segmentation the worker applies to queries */
  lunr.segmentThaiQuery = expandTerm
})(self.lunr)
