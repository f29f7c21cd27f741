/*
 * The adapter between Material for MkDocs' search worker, lunr, and the handbook's query words
 * (`handbook-words.js`, the pure library: segmentation, folding, typo tolerance).
 *
 * Why this file: Material's worker loads `lunr/wordcut.js` (677 KB) whenever `th` is a search
 * language, yet its own tokenizer never calls it. This handbook overrides that file with this
 * small one, which loads the library beside it and hooks it in:
 *
 * - `lunr.Builder`: the pages' English words as written are collected as documents are added,
 *   and the vocabulary is made from the index's terms once it is built.
 * - `lunr.QueryLexer.prototype.run`: Material's query transform and lunr's query parser both lex
 *   the query; on the first lexing each TERM is expanded by the library (Thai cut into words of
 *   the index, typos corrected, English stems added), joined by U+200B so that both split it into
 *   one clause per word. On later lexings a Thai term that is a whole word loses its wildcard.
 * - `lunr.Index.prototype.search`: the whole query is looked up among the concepts' whole names,
 *   typed English pairs joined, and only the best results go on to Material's highlighting.
 * - Material's worker messages (its private protocol, checked against the installed Material
 *   by tests/test_search_words.py): it answers a query (`{type: 2, data: query}`) with
 *   `postMessage({type: 3, data: {items}})`; the corrected query is added as `data.hbCorrection`,
 *   and the page (overrides/main.html) says "showing results for …".
 *
 * Code: MIT, the Networking Handbook contributors.
 */
(function (lunr) {
  "use strict"
  if (!lunr || lunr.__thaiQuerySegmentation) return
  lunr.__thaiQuerySegmentation = true

  /* Material's worker protocol (search/worker/main/index.ts): RESULT is its answer to a query */
  var RESULT = 3
  /* A field of whole names (handbook/search.py): a term found only there is no word a query is
     cut into or corrected to; typed words are kept out of it (a wildcard would match every name
     they begin) */
  var EXACT_FIELD = "exact"
  /*
   * Material highlights every result in the worker and sends them all to the page, though the
   * page shows ten and adds more only as the reader scrolls: in a large handbook a common word
   * matches thousands of sections, and that, not the search, was most of the time to results.
   * Only the best ones go on; lunr has ranked them already.
   */
  var MAX_RESULTS = 100

  /* The library, beside this file. In a worker importScripts is synchronous; on file:// the
     iframe-worker shim loads it as a script, after this one: it is then looked up when needed. */
  var here = typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src : "../lunr/wordcut.js"
  if (typeof handbookWords === "undefined")
    importScripts(here.replace(/wordcut\.js(\?.*)?$/, "handbook-words.js"))
  function library() { return typeof handbookWords === "undefined" ? null : handbookWords }

  function stem(word) { return lunr.stemmer(new lunr.Token(word)).toString() }

  var docs = []            /* documents added before the library arrived */
  var built = null         /* the index's terms and documents, once built */
  var vocabulary = null    /* the library's vocabulary of them */
  function words() {
    var lib = library()
    if (!vocabulary && lib) {
      var found = built ? built.pageWords : new Set()
      var added = built ? built.docs : []
      for (var i = 0; i < added.length; i++) lib.collectPageWords(added[i], found, ["location", EXACT_FIELD])
      vocabulary = lib.vocabulary(built ? built.terms : [], found, stem)
      if (built) built.docs = []
    }
    return vocabulary
  }

  /* Compatibility with lunr.th.min.js, which expects the original wordcut */
  lunr.wordcut = {
    init: function () {},
    cut: function (text) { return words() ? words().cut(text).join("|") : text }
  }

  /*
   * As documents are added: the English words of every page as written (the index holds only
   * their stems) are collected, and the hidden fields (`hidden` in the index's config,
   * handbook/search.py) dropped once indexed. Material keeps the same objects to answer with:
   * at 50× the content they were most of each answer, highlighted in the worker, copied to the
   * page and never shown.
   */
  var pageWords = new Set()
  var add = lunr.Builder.prototype.add
  lunr.Builder.prototype.add = function (doc) {
    if (library()) library().collectPageWords(doc, pageWords, ["location", EXACT_FIELD])
    else docs.push(Object.assign({}, doc))  /* the library arrives later (file://) */
    var result = add.apply(this, arguments)
    for (var field in this._fields)
      if (this._fields[field] && this._fields[field].hidden) delete doc[field]
    return result
  }

  /* A term found only in the whole names is left out of the vocabulary */
  function wholeNameOnly(posting) {
    for (var field in posting)
      if (field !== "_index" && field !== EXACT_FIELD && Object.keys(posting[field]).length) return false
    return true
  }

  var build = lunr.Builder.prototype.build
  lunr.Builder.prototype.build = function () {
    var index = build.apply(this, arguments)
    built = {
      terms: Object.keys(index.invertedIndex).filter(function (term) {
        return !wholeNameOnly(index.invertedIndex[term])
      }),
      docs: docs,
      pageWords: pageWords
    }
    docs = []
    pageWords = new Set()
    vocabulary = null
    words()
    return index
  }

  var typed = []         /* each typed word of the query being transformed, as shown */
  var correction = null  /* the corrected query of the last search, or null */
  var searched = false

  /* First lexing (Material's transform, one typed word at a time, no wildcard yet) */
  function expandTerm(str) {
    var vocab = words()
    if (!vocab) return str
    var expanded = vocab.expand(str)
    typed.push(expanded.shown)
    return expanded.query
  }

  /* lunr's own search (parse the query string, then run it), with the typed words kept out of
     the whole names and the whole query added */
  lunr.Index.prototype.search = function (queryString) {
    var index = this
    var lib = library()
    var joined = words() ? words().joinedPairs(typed, function (term) { return term in index.invertedIndex }) : []
    correction = lib ? lib.correction(typed) : null
    var whole = lib ? lib.wholeQuery(typed) : ""
    typed = []
    searched = true
    var hasExact = this.fields.indexOf(EXACT_FIELD) !== -1
    var results = this.query(function (query) {
      new lunr.QueryParser(queryString, query).parse()
      if (!hasExact) {
        for (var k = 0; k < joined.length; k++) query.term(joined[k], { usePipeline: false })
        return
      }
      for (var i = 0; i < query.clauses.length; i++) {
        var fields = query.clauses[i].fields.filter(function (f) { return f !== EXACT_FIELD })
        if (fields.length) query.clauses[i].fields = fields
      }
      if (whole.length > 2) query.term(whole, { fields: [EXACT_FIELD], usePipeline: false })
      var words = index.fields.filter(function (f) { return f !== EXACT_FIELD })
      for (var j = 0; j < joined.length; j++) query.term(joined[j], { fields: words, usePipeline: false })
    })
    return results.length > MAX_RESULTS ? results.slice(0, MAX_RESULTS) : results
  }

  /* Material's answer to a query: add the correction */
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
    var vocab = words()
    if (!vocab) return
    var terms = lexemes.filter(function (l) { return l.type === lunr.QueryLexer.TERM })
    for (var i = 0; i < terms.length - 1; i++) {
      var str = terms[i].str
      var bare = str.replace(/\*$/, "")
      if (bare !== str && vocab.isThaiWord(bare)) terms[i].str = bare
    }
  }

  var run = lunr.QueryLexer.prototype.run
  lunr.QueryLexer.prototype.run = function () {
    run.apply(this, arguments)
    if (/\*/.test(this.str)) {
      exactThai(this.lexemes)
      return
    }
    for (var i = 0; i < this.lexemes.length; i++) {
      var lexeme = this.lexemes[i]
      if (lexeme.type === lunr.QueryLexer.TERM) lexeme.str = expandTerm(lexeme.str)
    }
  }
})(self.lunr)
