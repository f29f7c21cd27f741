"""The search worker's query words, without a browser or a build.

- `handbook-words.js` (the pure library: Thai segmentation, folding, typo tolerance) as table
  tests under Node, on a small vocabulary;
- the adapter (`lunr/wordcut.js`) inside Material's real search worker as installed, run under
  Node (`tests/search_worker.js`), and the parts of Material's private worker protocol the
  adapter and `overrides/main.html` rely on: these fail when an upgrade of Material changes them.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import material
import pytest

from tests.conftest import ROOT

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="Node.js is not installed")

JS = ROOT / "overrides" / "assets" / "javascripts"
LIBRARY = JS / "lunr" / "handbook-words.js"
ADAPTER = JS / "lunr" / "wordcut.js"
MATERIAL_JS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"
WORKER = ROOT / "tests" / "search_worker.js"
ZW = "\u200b"

#: A small vocabulary: the index's terms (English ones as stems) and the pages' English words.
TERMS = ["ความ", "สัมพันธ์", "ใน", "แนวราบ", "ยั่งยืน", "ยัง", "ยืน", "เครือข่าย", "ร่วม", "ร่วมกัน",
         "ศาสนา", "ไว้ใจ", "one", "way", "network", "interact"]
PAGE_WORDS = ["interaction", "network", "networks", "colour"]
#: A toy stemmer standing in for lunr's (the library is handed one): drops a final -s and -ion.
STEM = "w => w.replace(/ion$/, '').replace(/s$/, '')"

LIBRARY_CALLS = r"""
const words = require(process.argv[1])
const input = JSON.parse(require("fs").readFileSync(0, "utf8"))
const vocab = words.vocabulary(input.terms, input.pageWords, eval(input.stem))
const out = input.calls.map(([name, args]) => {
  if (name === "expand") return vocab.expand(...args)
  if (name === "cut") return vocab.cut(...args)
  if (name === "isThaiWord") return vocab.isThaiWord(...args)
  if (name === "joinedPairs") {
    const shown = args[0].map(w => vocab.expand(w).shown)
    return { terms: vocab.joinedPairs(shown, t => args[1].includes(t)), shown }
  }
  return words[name](...args)
})
process.stdout.write(JSON.stringify(out))
"""


def run_library(calls):
    """Call the library's functions under Node, one process: each call is (name, [args])."""
    data = {"terms": TERMS, "pageWords": PAGE_WORDS, "stem": STEM, "calls": [list(c) for c in calls]}
    result = subprocess.run([NODE, "-e", LIBRARY_CALLS, str(LIBRARY)], input=json.dumps(data),
                            capture_output=True, text=True, check=True, timeout=60)
    return json.loads(result.stdout)


#: Every call of the table tests below, made at once on first use (one Node start, not one a case).
_ANSWERS: dict[str, object] = {}


def library(*calls):
    if not _ANSWERS:
        every = [c for table in (FOLD_CASES, DISTANCE_CASES, EXPAND_CASES) for c in table_calls(table)]
        _ANSWERS.update(zip((json.dumps(c) for c in every), run_library(every), strict=True))
    missing = [c for c in calls if json.dumps(list(c)) not in _ANSWERS]
    if missing:
        _ANSWERS.update(zip((json.dumps(list(c)) for c in missing), run_library(missing), strict=True))
    return [_ANSWERS[json.dumps(list(c))] for c in calls]


def table_calls(table):
    if table is FOLD_CASES:
        return [["fold", [x]] for pair in table for x in pair]
    if table is DISTANCE_CASES:
        return [["distance", list(case[:4])] for case in table]
    return [["expand", [case[0]]] for case in table]


# ---- the pure library --------------------------------------------------------------------------


FOLD_CASES = [
    ("ศาสนา", "สาสนา"),  # letters of one sound
    ("ใจ", "ไจ"),  # ใ written as ไ
    ("ยั่งยืน", "ยังยืน"),  # a tone mark missing
    ("สัมพันธ์", "สัมพัน"),  # the letter ์ silences
    ("ทำ", "ทัม"),  # ัม as ำ
]


@pytest.mark.parametrize(("a", "b"), FOLD_CASES)
def test_fold_hears_alike_what_sounds_alike(a, b):
    fa, fb = library(("fold", [a]), ("fold", [b]))
    assert fa == fb


DISTANCE_CASES = [
    ("network", "netwrok", 2, False, 1),  # two neighbours swapped: one edit
    ("colour", "color", 1, False, 1),
    ("kitten", "sitting", 3, False, 3),
    ("kitten", "sitting", 2, False, None),  # over the limit: Infinity (null in JSON)
    ("ครับ", "คับ", 1, True, 0.5),  # ร dropped from a cluster costs half
    ("บาด", "บาท", 1, True, 0.5),  # final sounds alike cost half
    ("บาด", "บาก", 1, True, 1),
]


@pytest.mark.parametrize(("a", "b", "limit", "weighted", "expected"), DISTANCE_CASES)
def test_edit_distance(a, b, limit, weighted, expected):
    assert library(("distance", [a, b, limit, weighted]))[0] == expected


EXPAND_CASES = [
    # Cut into the index's words, function words dropped from a phrase
    ("ความสัมพันธ์ในแนวราบ", f"สัมพันธ์{ZW}แนวราบ", "ความสัมพันธ์ในแนวราบ", False),
    # A query made only of function words keeps them
    ("ความ", "ความ", "ความ", False),
    # The last piece may be a word still being typed
    ("แนวราบยั่ง", f"แนวราบ{ZW}ยั่ง", "แนวราบยั่ง", False),
    # A folded word beats two exact ones; the reader is told
    ("ยังยืน", "ยั่งยืน", "ยั่งยืน", True),
    # A letter missing: the nearest word of the index
    ("เคือข่าย", "เครือข่าย", "เครือข่าย", True),
    ("ไว้ไจ", "ไว้ใจ", "ไว้ใจ", True),
    # English: a typo corrected to the pages' words, with their stems
    ("interacton", f"interaction{ZW}interact", "interaction", True),
    # A compound typed joined, split into the index's words
    ("oneway", f"one{ZW}way", "oneway", False),
    # Known words keep their spelling and gain their stem
    ("networks", f"networks{ZW}network", "networks", False),
    # Short words and other scripts pass through
    ("way", "way", "way", False),
    ("2024", "2024", "2024", False),
]


@pytest.mark.parametrize(("typed", "query", "shown", "corrected"), EXPAND_CASES)
def test_expand(typed, query, shown, corrected):
    (out,) = library(("expand", [typed]))
    assert out["query"] == query
    assert out["shown"] == {"text": shown, "typed": typed, "corrected": corrected}


def test_cut_without_typos_and_whole_words():
    cut, word, phrase, english = library(("cut", ["ยังยืนแนวราบ"]), ("isThaiWord", ["ร่วม"]),
                                         ("isThaiWord", ["ร่วมกันดี"]), ("isThaiWord", ["one"]))
    assert cut == ["ยัง", "ยืน", "แนวราบ"]
    assert (word, phrase, english) == (True, False, False)


def test_joined_pairs_whole_query_and_correction():
    (pairs,) = library(("joinedPairs", [["one", "way"], ["oneway"]]))
    assert pairs["terms"] == ["oneway"]
    assert [s["text"] for s in pairs["shown"]] == ["one", "way"]
    whole, none, told = library(
        ("wholeQuery", [[{"text": "Common"}, {"text": "vision!"}]]),
        ("correction", [[{"text": "a", "corrected": False}]]),
        ("correction", [[{"text": "เครือข่าย", "corrected": True}, {"text": "ร่วม", "corrected": False}]]),
    )
    assert (whole, none, told) == ("commonvisionq", None, "เครือข่าย ร่วม")


def test_page_words_are_read_from_text_not_markup():
    script = (f"const w = require({json.dumps(str(LIBRARY))}); const s = new Set();"
              "w.collectPageWords({location: 'elements/interaction/', title: 'Interaction',"
              " text: '<a href=\"https://example.org/somewhere\">network</a> of neighbours',"
              " exact: 'abcdefq'}, s, ['location', 'exact']);"
              "process.stdout.write(JSON.stringify([...s].sort()))")
    out = subprocess.run([NODE, "-e", script], capture_output=True, text=True, check=True, timeout=60)
    assert json.loads(out.stdout) == ["interaction", "neighbours", "network"]


def test_the_library_knows_nothing_of_lunr_material_or_the_worker():
    code = re.sub(r"/\*.*?\*/", "", LIBRARY.read_text(encoding="utf-8"), flags=re.DOTALL)
    for name in ("lunr", "self", "postMessage", "importScripts", "Material", "document", "window"):
        assert not re.search(rf"\b{name}\b", code), name


# ---- the adapter inside Material's real worker ---------------------------------------------------

#: A tiny index as hooks/search.py writes one (Thai cut with U+200B, a whole-names field).
INDEX = {
    "config": {"lang": ["en", "th"], "separator": "[\\s\\u200b\\-]+", "pipeline": ["stemmer", "stopWordFilter"],
               "fields": {"title": {"boost": 1000}, "text": {"boost": 1}, "names": {"boost": 5000, "hidden": True},
                          "exact": {"boost": 20000, "hidden": True}}},
    "docs": [
        {"location": "elements/network/", "title": "เครือข่าย", "text": f"เครือข่าย{ZW}คือ{ZW}การ{ZW}เชื่อมโยง",
         "names": "เครือข่าย · network", "exact": "เครือข่ายq networkq"},
        {"location": "elements/sustainable/", "title": "ยั่งยืน", "text": f"เครือข่าย{ZW}ที่{ZW}ยั่งยืน",
         "names": "ยั่งยืน", "exact": "ยั่งยืนq"},
        {"location": "en/elements/interaction/", "title": "Interaction",
         "text": "Interaction between the members of a network", "names": "interaction", "exact": "interactionq"},
    ],
}


def run_worker(tmp_path, queries):
    index = tmp_path / "search_index.json"
    index.write_text(json.dumps(INDEX, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([NODE, str(WORKER), str(MATERIAL_JS), str(JS), str(index)],
                         input=json.dumps(queries), capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)["messages"]


def test_material_worker_answers_with_the_adapters_additions(tmp_path):
    ready, thai, typo, english = run_worker(tmp_path, ["เครือข่ายยั่งยืน", "ยังยืน", "interacton"])
    # Material's protocol: setup (0) answered by READY (1), a query (2) by RESULT (3) {items}
    assert ready == {"type": 1}
    for answer in (thai, typo, english):
        assert answer["type"] == 3 and isinstance(answer["data"]["items"], list)
        assert "hbCorrection" in answer["data"]  # the adapter recognised the answer
    ranked = [[item["location"] for item in group] for group in thai["data"]["items"]]
    assert ranked[0] == ["elements/sustainable/"] and ["elements/network/"] in ranked
    assert thai["data"]["hbCorrection"] is None
    assert typo["data"]["hbCorrection"] == "ยั่งยืน"
    assert typo["data"]["items"][0][0]["location"] == "elements/sustainable/"
    assert english["data"]["hbCorrection"] == "interaction"
    assert english["data"]["items"][0][0]["location"] == "en/elements/interaction/"
    # Hidden fields are searched (the typo found the page by its names) but never sent
    sent = [item for answer in (thai, typo, english) for group in answer["data"]["items"] for item in group]
    assert sent and not any("names" in item or "exact" in item for item in sent)
    assert all(item["text"] for item in sent)


def test_the_index_marks_its_hidden_fields():
    from handbook.search import split_index

    merged = {"config": {"lang": ["th"], "separator": "[\\s]+", "fields": {"title": {"boost": 1000}}},
              "docs": [{"location": "elements/x/", "title": "x", "text": "x"}]}
    fields = split_index(merged, ("th",))["th"]["config"]["fields"]
    assert {name for name, spec in fields.items() if spec.get("hidden")} == {"words", "compounds", "names", "exact"}
    assert not fields["title"].get("hidden")


def shipped(pattern: str) -> str:
    (path,) = MATERIAL_JS.glob(pattern)
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("what", "pattern"),
    [
        # The worker loads lunr/wordcut.js for Thai (the adapter's only way in) …
        ("loads lunr/wordcut.js for th", r'case"th":r\.push\(`\$\{e\}/wordcut\.js`\)|"th".{0,40}/wordcut\.js'),
        # … after setting the lunr global the adapter patches
        ("sets self.lunr", r"self\.lunr="),
        # 0 = setup, answered by 1; 2 = a query, answered by {type: 3, data: <search result>}
        ("setup is message 0, answered by 1", r"case 0:return.{0,80}\{type:1\}"),
        ("a query is message 2, answered by 3", r"case 2:let (\w+)=\w+\.data;try\{return\{type:3,data:\w+\.search\(\1\)\}"),
        # The answer goes out through the global postMessage (the adapter wraps self.postMessage)
        ("answers through the global postMessage", r'addEventListener\("message",.{0,80}postMessage\('),
        # Results come from lunr.Index#search (the adapter's override) …
        ("searches with lunr.Index#search", r"this\.index\.search\("),
        # … and its query transform appends `*` to every term (the adapter's later-lexing test)
        ("appends a wildcard to every term", r"`\$\{\w+\}\*`"),
    ],
)
def test_material_worker_protocol_is_what_the_adapter_expects(what, pattern):
    assert re.search(pattern, shipped("workers/search.*.min.js")), what


@pytest.mark.parametrize(
    ("what", "pattern"),
    [
        ("the page sends a query as message 2", r"next\(\{type:2,data:\w+\}\)"),
        ("the page reads a result as message 3", r"function \w+\(\w+\)\{return \w+\.type===3\}"),
    ],
)
def test_material_page_protocol_is_what_main_html_expects(what, pattern):
    assert re.search(pattern, shipped("bundle.*.min.js")), what
    main = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert "event.data.type === 3" in main


def test_the_adapter_names_the_message_it_waits_for():
    assert re.search(r"var RESULT = 3\b", ADAPTER.read_text(encoding="utf-8"))
