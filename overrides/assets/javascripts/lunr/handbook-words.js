/*
 * The handbook's query words: Thai segmentation, folding and typo tolerance, English typos and
 * compounds, Lao/Khmer/Burmese cutting. A pure library: no lunr, no Material, no worker. The
 * adapter (`wordcut.js`) hands it the index's terms and the pages' English words and asks it
 * to expand each typed word; `tests/test_search_words.py` runs it under Node.
 *
 * The index is segmented at build time (PyThaiNLP newmm, words joined by U+200B, which is in
 * the search `separator`); a Thai run typed without spaces is cut here into words of the
 * index's own vocabulary, so index and query always agree.
 *
 * Typos (issue 14): a query word with no exact hit is matched against the index's own vocabulary,
 * never against a dictionary, so a correction always finds something. Thai words are compared by
 * a "fold" that drops tone marks and other signs (and the letter a ์ silences) and merges letters
 * of the same sound (ศ/ษ/ส, ฎ/ด, ใ/ไ…), then by an edit distance over folds in which the
 * commonest slips cost half (ร/ล dropped from a cluster, final ด/ต/ท/ส/จ/ช, long/short vowels).
 * English words of five letters or more get an edit distance of 1 (2 from eight letters,
 * swapped letters count 1), against the words of the pages as written (British and American
 * spellings are one or two edits apart; the stemmer handles plurals). Exact always wins: fuzzy
 * matching only replaces a word that has no exact hit.
 *
 * Code: MIT, the Networking Handbook contributors.
 */
var handbookWords = (function () {
  "use strict"

  var THAI_RUN = /[\u0E00-\u0E7F]+/g
  var JOINER = "\u200b"

  /* Is `text` the beginning of some word of `list` (sorted)? */
  function isPrefix(text, list) {
    var lo = 0, hi = list.length
    while (lo < hi) {
      var mid = (lo + hi) >> 1
      if (list[mid] < text) lo = mid + 1
      else hi = mid
    }
    return lo < list.length && list[lo].lastIndexOf(text, 0) === 0
  }

  /* Is `term` one of `list` (sorted)? */
  function hasSorted(term, list) {
    var lo = 0, hi = list.length
    while (lo < hi) {
      var mid = (lo + hi) >> 1
      if (list[mid] < term) lo = mid + 1
      else hi = mid
    }
    return lo < list.length && list[lo] === term
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

  /*
   * Thai function words that say nothing about a page. Dropped from a typed phrase (never from
   * a query made only of them), so that ความสัมพันธ์ในแนวราบ ranks by ความสัมพันธ์ and แนวราบ.
   */
  var STOP = new Set(("ใน ที่ และ ของ กับ การ ความ มี เป็น ให้ ได้ จะ ก็ ซึ่ง แล้ว หรือ แต่ " +
    "อย่าง ไป มา กัน นี้ ว่า โดย เพื่อ จาก แก่ ต่อ").split(" "))

  /* Segmentation costs: a piece that is a word only once folded (a tone mark missing, ใ for ไ…)
     costs a little more than an exact one; characters no word covers cost a lot. */
  var EXACT = 1, FOLDED = 1.25, UNKNOWN = 100

  /*
   * Lao, Khmer, Burmese: the index was cut with ICU's word break (handbook/wordbreak.py); the
   * browser's Intl.Segmenter is ICU too, so the query is cut the same way. Without it (an old
   * browser) the run stays whole and is still found where it is a word of the index.
   */
  var SPACELESS_RUN = /[\u0E80-\u0EFF\u1780-\u17FF\u19E0-\u19FF\u1000-\u109F\uAA60-\uAA7F\uA9E0-\uA9FF]/
  var spacelessCutter = typeof Intl !== "undefined" && Intl.Segmenter
    ? new Intl.Segmenter(undefined, { granularity: "word" }) : null

  /* The English words (five letters or more, lower case) of a document's fields as written,
     added to `into` (a Set): the index holds only their stems. */
  function collectPageWords(doc, into, skip) {
    for (var field in doc) {
      if (typeof doc[field] !== "string" || skip.indexOf(field) !== -1) continue
      var found = doc[field].replace(/<[^>]*>/g, " ").match(/[A-Za-z]{5,}/g) || []
      for (var i = 0; i < found.length; i++) into.add(found[i].toLowerCase())
    }
    return into
  }

  /*
   * The whole query, as one token, to look up among the concepts' whole names (the `exact`
   * field): `shown` is what `expand` returned for each typed word.
   */
  function wholeQuery(shown) {
    var text = shown.map(function (t) { return t.text }).join("")
    text = text.toLowerCase().replace(/[^0-9a-z\u0E00-\u0E7F]+/g, "")
    return text && text + "q"  /* unstemmable, as handbook.search.name_token makes them */
  }

  /* The corrected query to tell the reader, or null when nothing was corrected */
  function correction(shown) {
    return shown.some(function (t) { return t.corrected })
      ? shown.map(function (t) { return t.text }).join(" ") : null
  }

  /*
   * A vocabulary: the index's terms (`terms`: English ones are stems; whole names left out),
   * the pages' English words as written (`pageWords`), and the stemmer that made the index's
   * English terms (`stem`: word -> stem, or null). Everything a query is cut into or corrected
   * to comes from here.
   */
  function Vocabulary(terms, pageWords, stem) {
    var api = this
    var words = new Set()   /* Thai tokens of the index */
    var folds = new Map()   /* fold of a Thai token -> the tokens */
    var byLength = []       /* [fold, tokens] pairs by the fold's length, for the edit distance */
    var sortedTerms = Array.from(terms).sort()
    for (var t = 0; t < sortedTerms.length; t++) {
      var term = sortedTerms[t]
      if (!/^[\u0E00-\u0E7F]+$/.test(term)) continue
      words.add(term)
      var key = fold(term)
      if (!folds.has(key)) folds.set(key, [])
      folds.get(key).push(term)
    }
    var sorted = Array.from(words).sort()  /* the Thai words, sorted, for prefix look-ups */
    folds.forEach(function (tokens, key) {
      (byLength[key.length] = byLength[key.length] || []).push([key, tokens])
    })
    var english = Array.from(pageWords || []).sort()
    var termSet = null  /* every term, for joining Lao/Khmer/Burmese pieces (made when needed) */

    function stemOf(word) {
      return stem ? stem(word.toLowerCase()) : word.toLowerCase()
    }

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
     * word (the reader is still typing). A folded piece costs a little more than an exact one, so
     * an exact reading always wins at equal length, but one folded word beats two exact ones
     * (ยังยืน is ยั่งยืน, not ยัง ยืน). Characters no word covers are kept together as one piece,
     * at a high cost, so that an unknown word still reaches lunr instead of being dropped.
     * Pieces: {text, words, unknown, prefix}; `words` are the index's words a folded piece
     * stands for.
     */
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
          if (words.has(piece) || (j === n && isPrefix(piece, sorted))) step = EXACT
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
        var prefix = !whole && k === pieces.length - 1 && isPrefix(p.text, sorted)
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

    /* The words to search for a Thai run; `shown` collects what the reader is shown */
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

    /* English: add the stem as a second term, as the index holds stems (Material appends a
       wildcard to every term, which turns lunr's stemming off for the query). */
    function withStem(word) {
      if (word.length < 4 || !stem) return word
      var stemmed = stemOf(word)
      return stemmed && stemmed !== word.toLowerCase() ? word + JOINER + stemmed : word
    }

    /* The words of the pages nearest to an English word with no exact hit, or null */
    function nearestEnglish(word) {
      var lower = word.toLowerCase()
      var limit = englishLimit(lower.length)
      if (!limit || !english.length) return null
      if (isPrefix(lower, english) || isPrefix(stemOf(lower), sortedTerms)) return null
      var best = Infinity, found = []
      for (var i = 0; i < english.length; i++) {
        var d = distance(lower, english[i], Math.min(limit, best), false)
        if (d < best) { best = d; found = [english[i]] }
        else if (d === best && d !== Infinity) found.push(english[i])
      }
      return found.length ? found : null
    }

    /* A joined word the index lacks, as two of its words ("oneway" → one, way), or null: finds
       pages that write the compound spaced. (Pages that write it with a hyphen also hold it
       joined, handbook/search.py; `joinedPairs` adds typed pairs joined for pages that do.) */
    function splitEnglish(lower) {
      if (lower.length < 5 || isPrefix(lower, english) || isPrefix(stemOf(lower), sortedTerms)) return null
      for (var i = 3; i <= lower.length - 3; i++) {
        var left = lower.slice(0, i), right = lower.slice(i)
        if (hasSorted(stemOf(left), sortedTerms) && hasSorted(stemOf(right), sortedTerms)) return [left, right]
      }
      return null
    }

    function cutSpaceless(str) {
      if (!spacelessCutter) return str
      var parts = []
      var segments = spacelessCutter.segment(str)[Symbol.iterator]()
      for (var step = segments.next(); !step.done; step = segments.next()) {
        if (step.value.segment.trim()) parts.push(step.value.segment)
      }
      /* The browser's ICU data may cut a word finer than the build's did (Chromium's Lao and
         Khmer dictionaries): pieces that make a word of the index are joined again, longest first. */
      if (!termSet) termSet = new Set(sortedTerms)
      var out = []
      for (var i = 0; i < parts.length;) {
        var end = i + 1
        for (var j = parts.length; j > i + 1; j--) {
          if (termSet.has(parts.slice(i, j).join(""))) { end = j; break }
        }
        out.push(parts.slice(i, end).join(""))
        i = end
      }
      return out.join(JOINER)
    }

    /*
     * One typed word (no wildcard yet) -> {query, shown}: `query` holds the words to search,
     * joined by U+200B; `shown` ({text, typed, corrected}) is what the reader is told it meant.
     */
    api.expand = function (str) {
      var shown = { text: str, corrected: false }
      var out = str
      if (SPACELESS_RUN.test(str)) {
        out = cutSpaceless(str)
      } else if (/[\u0E00-\u0E7F]/.test(str)) {
        if (words.size) out = str.replace(THAI_RUN, function (run) { return segmentRun(run, shown) })
      } else if (/^[A-Za-z]+$/.test(str)) {
        /* A typo first (interacton is interaction, not interact + on), then a compound */
        var near = nearestEnglish(str)
        var parts = near ? null : splitEnglish(str.toLowerCase())
        if (parts) out = parts.map(withStem).join(JOINER)
        else if (near) {
          shown = { text: near[0], corrected: true }
          out = near.slice(0, 3).map(withStem).join(JOINER)
        } else out = withStem(str)
      }
      shown.typed = str
      return { query: out, shown: shown }
    }

    /*
     * Adjacent English words of the query as typed, joined ("one way", "one-way" → oneway),
     * where the index has the joined word (`has(term)`): their terms. Those words are then
     * shown as typed, not corrected (`shown` is updated).
     */
    api.joinedPairs = function (shown, has) {
      var out = []
      for (var i = 0; i + 1 < shown.length; i++) {
        var a = shown[i].typed, b = shown[i + 1].typed
        if (!/^[A-Za-z]{2,}$/.test(a) || !/^[A-Za-z]{2,}$/.test(b)) continue
        var term = stemOf(a + b)
        if (!has(term)) continue
        out.push(term)
        shown[i] = { text: a, typed: a, corrected: false }
        shown[i + 1] = { text: b, typed: b, corrected: false }
      }
      return out
    }

    /* Is this Thai text one whole word of the index? */
    api.isThaiWord = function (text) { return /^[\u0E00-\u0E7F]+$/.test(text) && words.has(text) }

    /* Cut a Thai run without typo tolerance: the pieces' texts */
    api.cut = function (text) { return segment(text, false).map(function (p) { return p.text }) }

    api.size = words.size
  }

  return {
    JOINER: JOINER,
    fold: fold,
    distance: distance,
    collectPageWords: collectPageWords,
    wholeQuery: wholeQuery,
    correction: correction,
    vocabulary: function (terms, pageWords, stem) { return new Vocabulary(terms, pageWords, stem) }
  }
})()

if (typeof module === "object" && module.exports) module.exports = handbookWords
