"""Words of the scripts written without spaces other than Thai: Lao, Khmer, Burmese.

Like Thai, these write no space between words, so a run of text is one token to lunr and a word
in its middle is never found. Thai has its own measured pipeline (PyThaiNLP at build time, the
index's vocabulary for queries: `handbook.search`). For the others, the index is cut with ICU's
word break (PyICU) and the reader's query with the browser's `Intl.Segmenter`, which is ICU too:
one algorithm on both sides, so a word cut one way in the page is cut the same way in the query
(22 of 22 sample runs identical between PyICU 77 and Node's ICU 78; bench/segmenters.py, and
README "Search" for the choice against LaoNLP and khmer-nltk).

Without PyICU (it is pinned in requirements/build.txt) runs are left whole, as before.
"""

from __future__ import annotations

import re
from functools import lru_cache

ZWSP = "\u200b"
#: Lao, Khmer (with its symbols block), Myanmar (with extensions A and B).
SPACELESS_RUN = re.compile("[\u0e80-\u0eff\u1780-\u17ff\u19e0-\u19ff\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff]+")


@lru_cache(maxsize=1)
def _breaker():
    try:
        import icu
    except ImportError:
        return None
    return icu.BreakIterator.createWordInstance(icu.Locale.getRoot())


@lru_cache(maxsize=65536)
def break_run(run: str) -> tuple[str, ...]:
    """The words of one run by ICU's word break; the run whole when PyICU is missing."""
    breaker = _breaker()
    if breaker is None:
        return (run,)
    breaker.setText(run)
    words, start = [], breaker.first()
    for end in breaker:
        if run[start:end].strip():
            words.append(run[start:end])
        start = end
    return tuple(words)


def segment_spaceless(text: str) -> str:
    """Insert U+200B between the words of every Lao, Khmer and Burmese run of `text`."""
    return SPACELESS_RUN.sub(lambda m: ZWSP.join(break_run(m.group(0).replace(ZWSP, ""))), text)
