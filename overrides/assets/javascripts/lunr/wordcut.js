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
 * Typos (issue 14): a query word with no exact hit is matched against the index's own vocabulary,
 * never against a dictionary, so a correction always finds something. Thai words are compared by
 * a "fold" that drops tone marks and other signs (and the letter a ์ silences) and merges letters
 * of the same sound (ศ/ษ/ส, ฎ/ด, ใ/ไ…), then by an edit distance over folds in which the
 * commonest slips cost half (ร/ล dropped from a cluster, final ด/ต/ท/ส/จ/ช, long/short vowels).
 * English words of five letters or more get an edit distance of 1 (2 from eight letters,
 * swapped letters count 1), against the words of the pages as written (British and American
 * spellings are one or two edits apart; the stemmer handles plurals). Exact always wins: fuzzy
 * matching only replaces a word that has no exact hit. The worker adds the corrected query to
 * its result message (`hbCorrection`), and the page says "showing results for …".
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
  var folds = new Map()   /* fold of a Thai token -> the tokens */
  var byLength = []       /* [fold, tokens] pairs by the fold's length, for the edit distance */
  var terms = []          /* every term of the index (English ones are stems), sorted */
  var surface = new Set() /* English words of the pages as written (5+ letters), lower case */
  var english = []        /* the same, sorted */

  /* Compatibility with lunr.th.min.js, which expects the original wordcut */
  lunr.wordcut = {
    init: function () {},
    cut: function (text) { return segment(text).map(function (p) { return p.text }).join("|") }
  }

  /* The English words of every page as written: the index holds only their stems */
  var add = lunr.Builder.prototype.add
  lunr.Builder.prototype.add = function (doc) {
    for (var field in doc) {
      if (typeof doc[field] !== "string" || field === "location" || field === "exact") continue
      var found = doc[field].replace(/<[^>]*>/g, " ").match(/[A-Za-z]{5,}/g) || []
      for (var i = 0; i < found.length; i++) surface.add(found[i].toLowerCase())
    }
    return add.apply(this, arguments)
  }

  /* Capture the vocabulary once the index is built */
  var build = lunr.Builder.prototype.build
  lunr.Builder.prototype.build = function () {
    var index = build.apply(this, arguments)
    words = new Set()
    folds = new Map()
    terms = Object.keys(index.invertedIndex).filter(function (term) {
      return !wholeNameOnly(index.invertedIndex[term])
    }).sort()
    for (var t = 0; t < terms.length; t++) {
      var term = terms[t]
      if (!/^[\u0E00-\u0E7F]+$/.test(term)) continue
      words.add(term)
      var key = fold(term)
      if (!folds.has(key)) folds.set(key, [])
      folds.get(key).push(term)
    }
    sorted = Array.from(words).sort()
    byLength = []
    folds.forEach(function (tokens, key) {
      (byLength[key.length] = byLength[key.length] || []).push([key, tokens])
    })
    english = Array.from(surface).sort()
    surface = new Set()
    return index
  }

  /* A term found only in the `exact` field (a whole name, handbook/search.py) is no word a
     query is cut into or corrected to */
  function wholeNameOnly(posting) {
    for (var field in posting)
      if (field !== "_index" && field !== EXACT_FIELD && Object.keys(posting[field]).length) return false
    return true
  }

  /* Is `text` the beginning of some word of `list` (sorted; Thai words by default)? */
  function isPrefix(text, list) {
    list = list || sorted
    var lo = 0, hi = list.length
    while (lo < hi) {
      var mid = (lo + hi) >> 1
      if (list[mid] < text) lo = mid + 1
      else hi = mid
    }
    return lo < list.length && list[lo].lastIndexOf(text, 0) === 0
  }

  /* ---- Thai: fold and distance ------------------------------------------------------------ */

  /* Letters of one sound written alike; ใ as ไ */
  var SAME_SOUND = {}
  ;["คขฃฅฆ", "ชฉฌ", "สซศษ", "ยญ", "ดฎ", "ตฏ", "ทฐฑฒถธ", "นณ", "พผภ", "ฟฝ", "ลฬ", "หฮ", "ไใ"]
    .forEach(function (group) {
      for (var i = 1; i < group.length; i++) SAME_SOUND[group[i]] = group[0]
    })

  /*
   * A Thai word as it sounds, roughly: without tone marks, ็ ํ ๎ and ะ, without the letter
   * (and its vowel) that ์ silences, ัม written as ำ, letters of one sound merged.
   * Both the index's words and the typed query are folded the same way.
   */
  function fold(text) {
    return text
      .replace(/[\u0E01-\u0E2E][\u0E34\u0E38]?\u0E4C/g, "")
      .replace(/[\u0E47-\u0E4B\u0E4D\u0E4E\u0E30]/g, "")
      .replace(/\u0E31\u0E21/g, "\u0E33")
      .replace(/[\u0E01-\u0E44]/g, function (c) { return SAME_SOUND[c] || c })
  }

  /* Slips that cost half an edit: these letters dropped or added (ร/ล of a cluster, a short
     vowel of a last syllable), and these pairs swapped (final sounds, ร/ล, vowel lengths). */
  var HALF_INDEL = "รลิุ"
  var HALF_SUB = ["ดตทสจช", "รลน", "ิี", "ุู", "ึื", "ัา"]
  /* The same as look-ups (the distance runs for every cell of every comparison) */
  var GROUP = {}, INDEL = {}
  HALF_SUB.forEach(function (group, n) {
    for (var i = 0; i < group.length; i++) GROUP[group[i]] = n + 1
  })
  for (var h = 0; h < HALF_INDEL.length; h++) INDEL[HALF_INDEL[h]] = 0.5

  function substitution(a, b) {
    if (a === b) return 0
    return GROUP[a] && GROUP[a] === GROUP[b] ? 0.5 : 1
  }

  function indel(c) { return INDEL[c] || 1 }

  /*
   * Edit distance (Damerau: a swap of two neighbours costs 1) with the costs above, or
   * Infinity once it exceeds `limit`. Plain costs of 1 when `weighted` is false (English).
   */
  var ROWS = [new Float64Array(64), new Float64Array(64), new Float64Array(64)]

  function distance(a, b, limit, weighted) {
    if (Math.abs(a.length - b.length) > (weighted ? 2 : 1) * limit) return Infinity
    if (b.length >= 63) return Infinity
    /* Three rows reused (no allocation per comparison): two rows back, the last, this one */
    var prev2 = ROWS[0], prev = ROWS[1], cur = ROWS[2], swap
    prev[0] = 0
    for (var j = 1; j <= b.length; j++) prev[j] = prev[j - 1] + (weighted ? indel(b[j - 1]) : 1)
    for (var i = 1; i <= a.length; i++) {
      var ca = a[i - 1], cost = weighted ? indel(ca) : 1
      cur[0] = prev[0] + cost
      var best = cur[0]
      for (j = 1; j <= b.length; j++) {
        var cb = b[j - 1]
        var value = prev[j - 1] + (ca === cb ? 0 : weighted ? substitution(ca, cb) : 1)
        var del = prev[j] + cost
        if (del < value) value = del
        var ins = cur[j - 1] + (weighted ? indel(cb) : 1)
        if (ins < value) value = ins
        if (i > 1 && j > 1 && ca === b[j - 2] && a[i - 2] === cb && prev2[j - 2] + 1 < value)
          value = prev2[j - 2] + 1
        cur[j] = value
        if (value < best) best = value
      }
      if (best > limit) return Infinity
      swap = prev2; prev2 = prev; prev = cur; cur = swap
    }
    return prev[b.length] <= limit ? prev[b.length] : Infinity
  }

  /* How far a word of this many letters may be from a word of the index */
  function thaiLimit(length) { return length >= 7 ? 2 : length >= 4 ? 1 : 0 }
  function englishLimit(length) { return length >= 8 ? 2 : length >= 5 ? 1 : 0 }

  /* The index's Thai words nearest to `text` (folded) and their cost, or null */
  function nearestThai(text) {
    var key = fold(text)
    if (folds.has(key)) return { words: folds.get(key), cost: 0 }
    var limit = thaiLimit(key.length)
    if (!limit) return null
    var best = Infinity, found = []
    /* Half-cost insertions and deletions: a fold up to 2 × limit letters longer or shorter */
    for (var n = Math.max(1, key.length - 2 * limit); n <= key.length + 2 * limit; n++) {
      var list = byLength[n] || []
      for (var i = 0; i < list.length; i++) {
        var d = distance(key, list[i][0], Math.min(limit, best), true)
        if (d < best) { best = d; found = list[i][1].slice() }
        else if (d === best && d !== Infinity) found = found.concat(list[i][1])
      }
    }
    return found.length ? { words: found, cost: best } : null
  }

  /*
   * Cut a Thai run into the fewest words of the index. The last piece may be the beginning of a
   * word (the reader is still typing). A piece that is a word only once folded (a tone mark
   * missing, ใ for ไ…) costs a little more than an exact one, so an exact reading always wins
   * at equal length, but one folded word beats two exact ones (ยังยืน is ยั่งยืน, not ยัง ยืน).
   * Characters no word covers are kept together as one piece, at a high cost, so that an unknown
   * word still reaches lunr instead of being dropped. Pieces: {text, words, unknown}; `words`
   * are the index's words a folded piece stands for.
   */
  var EXACT = 1, FOLDED = 1.25, UNKNOWN = 100

  function segment(run, fuzzy) {
    var n = run.length
    var cost = new Array(n + 1).fill(Infinity)
    var from = new Array(n + 1).fill(-1)
    var via = new Array(n + 1).fill(null)
    cost[0] = 0
    for (var i = 0; i < n; i++) {
      if (cost[i] === Infinity) continue
      for (var j = i + 1; j <= n; j++) {
        var piece = run.slice(i, j)
        var step = Infinity, stands = null
        if (words.has(piece) || (j === n && isPrefix(piece))) step = EXACT
        else if (fuzzy && j - i > 1 && folds.has(fold(piece))) {
          step = FOLDED
          stands = folds.get(fold(piece))
        }
        if (step === Infinity && j === i + 1) step = UNKNOWN
        if (cost[i] + step < cost[j]) {
          cost[j] = cost[i] + step
          from[j] = i
          via[j] = stands
        }
      }
    }
    var pieces = []
    for (var end = n; end > 0; end = from[end])
      pieces.unshift({ text: run.slice(from[end], end), words: via[end] })
    /* Merge runs of single unknown characters back into one piece */
    var merged = []
    for (var k = 0; k < pieces.length; k++) {
      var p = pieces[k]
      var whole = p.words || words.has(p.text)
      var prefix = !whole && k === pieces.length - 1 && isPrefix(p.text)
      var previous = merged[merged.length - 1]
      if (!whole && !prefix && previous && previous.unknown) previous.text += p.text
      else merged.push({ text: p.text, words: p.words, unknown: !whole && !prefix, prefix: prefix })
    }
    return fuzzy ? correctUnknown(merged) : merged
  }

  /*
   * An unknown piece is often a word cut short by the slip (เคือ of เคือข่าย): try it alone and
   * joined with up to two neighbours on each side, and keep the nearest word of the index
   * (fewest edits, then the longest stretch of the query it explains). A last piece that only
   * begins a word (ธรรมช้า|ด, of ธรรมชาด) may be such a piece too, or a word still being typed:
   * it is joined with what comes before it, never corrected alone.
   */
  function correctUnknown(pieces) {
    for (var k = 0; k < pieces.length; k++) {
      if (!pieces[k].unknown && !pieces[k].prefix) continue
      var best = null
      for (var a = Math.max(0, k - 2); a <= k; a++)
        for (var b = k; b < Math.min(pieces.length, k + 3); b++) {
          if (pieces[k].prefix && a === b) continue
          var text = pieces.slice(a, b + 1).map(function (p) { return p.text }).join("")
          var near = nearestThai(text)
          if (near && (!best || near.cost < best.cost ||
                       (near.cost === best.cost && text.length > best.text.length)))
            best = { a: a, b: b, text: text, words: near.words, cost: near.cost }
        }
      if (best) {
        pieces.splice(best.a, best.b - best.a + 1, { text: best.text, words: best.words })
        k = best.a
      }
    }
    return pieces
  }

  /*
   * Thai function words that say nothing about a page. Dropped from a typed phrase (never from
   * a query made only of them), so that ความสัมพันธ์ในแนวราบ ranks by ความสัมพันธ์ and แนวราบ.
   */
  var STOP = new Set(("ใน ที่ และ ของ กับ การ ความ มี เป็น ให้ ได้ จะ ก็ ซึ่ง แล้ว หรือ แต่ " +
    "อย่าง ไป มา กัน นี้ ว่า โดย เพื่อ จาก แก่ ต่อ").split(" "))

  /* The words lunr searches for a Thai run; `shown` collects what the reader is shown */
  function segmentRun(run, shown) {
    var pieces = segment(run, true)
    var out = [], said = []
    for (var i = 0; i < pieces.length; i++) {
      var p = pieces[i]
      var chosen = p.words ? p.words.slice(0, 3) : [p.text]
      said.push(chosen[0])
      if (p.words && p.words.indexOf(p.text) === -1) shown.corrected = true
      for (var w = 0; w < chosen.length; w++)
        if (!STOP.has(chosen[w]) && out.indexOf(chosen[w]) === -1) out.push(chosen[w])
    }
    shown.text = shown.text.replace(run, said.join(""))
    return (out.length ? out : pieces.map(function (p) { return p.text })).join(JOINER)
  }

  function stemOf(word) {
    return typeof lunr.stemmer === "function"
      ? lunr.stemmer(new lunr.Token(word.toLowerCase())).toString() : word.toLowerCase()
  }

  /* English: add the stem as a second term, as the index holds stems (Material appends a
     wildcard to every term, which turns lunr's stemming off for the query). */
  function withStem(word) {
    if (word.length < 4 || typeof lunr.stemmer !== "function") return word
    var stem = stemOf(word)
    return stem && stem !== word.toLowerCase() ? word + JOINER + stem : word
  }

  /* The words of the pages nearest to an English word with no exact hit, or null */
  function nearestEnglish(word) {
    var lower = word.toLowerCase()
    var limit = englishLimit(lower.length)
    if (!limit || !english.length) return null
    if (isPrefix(lower, english) || isPrefix(stemOf(lower), terms)) return null
    var best = Infinity, found = []
    for (var i = 0; i < english.length; i++) {
      var d = distance(lower, english[i], Math.min(limit, best), false)
      if (d < best) { best = d; found = [english[i]] }
      else if (d === best && d !== Infinity) found.push(english[i])
    }
    return found.length ? found : null
  }

  /*
   * Lao, Khmer, Burmese: the index was cut with ICU's word break (handbook/wordbreak.py); the
   * browser's Intl.Segmenter is ICU too, so the query is cut the same way. Without it (an old
   * browser) the run stays whole and is still found where it is a word of the index.
   */
  var SPACELESS_RUN = /[\u0E80-\u0EFF\u1780-\u17FF\u19E0-\u19FF\u1000-\u109F\uAA60-\uAA7F\uA9E0-\uA9FF]/
  var spacelessCutter = typeof Intl !== "undefined" && Intl.Segmenter
    ? new Intl.Segmenter(undefined, { granularity: "word" }) : null
  var spacelessTerms = null, spacelessFrom = null
  function cutSpaceless(str) {
    if (!spacelessCutter) return str
    var parts = []
    var segments = spacelessCutter.segment(str)[Symbol.iterator]()
    for (var step = segments.next(); !step.done; step = segments.next()) {
      if (step.value.segment.trim()) parts.push(step.value.segment)
    }
    /* The browser's ICU data may cut a word finer than the build's did (Chromium's Lao and
       Khmer dictionaries): pieces that make a word of the index are joined again, longest first. */
    if (spacelessFrom !== terms) { spacelessTerms = new Set(terms); spacelessFrom = terms }
    var out = []
    for (var i = 0; i < parts.length;) {
      var end = i + 1
      for (var j = parts.length; j > i + 1; j--) {
        if (spacelessTerms.has(parts.slice(i, j).join(""))) { end = j; break }
      }
      out.push(parts.slice(i, end).join(""))
      i = end
    }
    return out.join(JOINER)
  }

  /* First lexing (Material's transform, one typed word at a time, no wildcard yet) */
  function expandTerm(str) {
    var shown = { text: str, corrected: false }
    var out = str
    if (SPACELESS_RUN.test(str)) {
      out = cutSpaceless(str)
    } else if (/[\u0E00-\u0E7F]/.test(str)) {
      if (words.size) out = str.replace(THAI_RUN, function (run) { return segmentRun(run, shown) })
    } else if (/^[A-Za-z]+$/.test(str)) {
      var near = nearestEnglish(str)
      if (near) {
        shown = { text: near[0], corrected: true }
        out = near.slice(0, 3).map(withStem).join(JOINER)
      } else out = withStem(str)
    }
    typed.push(shown)
    return out
  }

  /* ---- Telling the page what was corrected ---------------------------------------------- */

  /*
   * The whole query, as one token, is also looked up among the concepts' whole names (the
   * `exact` field, boosted): a concept's page ranks first for its own name even where every
   * word of that name is on other pages too. No wildcard: only a whole name counts.
   */
  var EXACT_FIELD = "exact"
  function wholeQuery(shown) {
    var text = shown.map(function (t) { return t.text }).join("")
    text = text.toLowerCase().replace(/[^0-9a-z\u0E00-\u0E7F]+/g, "")
    return text && text + "q"  /* unstemmable, as handbook.search.name_token makes them */
  }

  var typed = []         /* each typed word of the query being transformed, as shown */
  var correction = null  /* the corrected query of the last search, or null */
  var searched = false

  /*
   * Material highlights every result in the worker and sends them all to the page, though the
   * page shows ten and adds more only as the reader scrolls: in a large handbook a common word
   * matches thousands of sections, and that, not the search, was most of the time to results.
   * Only the best ones go on; lunr has ranked them already.
   */
  var MAX_RESULTS = 100

  /* lunr's own search (parse the query string, then run it), with the typed words kept out of
     the whole names (a wildcard would match every name they begin) and the whole query added */
  lunr.Index.prototype.search = function (queryString) {
    correction = typed.some(function (t) { return t.corrected })
      ? typed.map(function (t) { return t.text }).join(" ") : null
    var whole = wholeQuery(typed)
    typed = []
    searched = true
    var hasExact = this.fields.indexOf(EXACT_FIELD) !== -1
    var results = this.query(function (query) {
      new lunr.QueryParser(queryString, query).parse()
      if (!hasExact) return
      for (var i = 0; i < query.clauses.length; i++) {
        var fields = query.clauses[i].fields.filter(function (f) { return f !== EXACT_FIELD })
        if (fields.length) query.clauses[i].fields = fields
      }
      if (whole.length > 2) query.term(whole, { fields: [EXACT_FIELD], usePipeline: false })
    })
    return results.length > MAX_RESULTS ? results.slice(0, MAX_RESULTS) : results
  }

  /* Material's worker answers with postMessage({type: 3 (RESULT), data}); add the correction */
  var RESULT = 3
  var post = self.postMessage
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data) {
      message.data.hbCorrection = searched ? correction : null
      searched = false
      correction = null
      typed = []
    }
    return post.apply(self, arguments)
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
  lunr.handbookFold = fold
})(self.lunr)
