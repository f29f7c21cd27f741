"""The built site's own search worker under Node, and what the search box shows of its answers.

The site's published scripts (`assets/javascripts`: Material's worker, lunr and its languages,
the handbook's `lunr/wordcut.js` and `handbook-words.js`) run under Node (`tests/search_worker.js`,
a worker global as a browser gives one) on the site's own index of a language, and are sent what
the search box sends: the box's value (first emptied, then the query, as the box is filled).
From each answer, what the page shows, as Material's bundle and `overrides/main.html` show it:

- the result links (Material 9.8's `renderSearchResultItem`: per result group, the page first,
  then the sections scored as high as the group's first; the others go into a folded "more"
  list, not links of the item; the first ten groups are drawn at once);
- the line that names a corrected query (`show()` in main.html: the template of the page's
  `.hb-search-correction` with the worker's `hbCorrection`).

tests/test_search.py checks that Chromium's search box shows the same for a sample of queries,
so the two stay one reading of the same output.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote, urljoin, urlparse

HARNESS = Path(__file__).parent / "search_worker.js"
#: Result groups Material draws at once (the rest as the reader scrolls).
DRAWN_AT_ONCE = 10
#: The pages' search base: each language searches from its own folder (overrides/main.html).
ORIGIN = "http://site.invalid/"


def ask_worker(site: Path, folder: str, queries: list[str]) -> list[dict]:
    """The worker's answer (`data` of its message 3) to each query, typed into the box of a
    page under `folder` ('' or 'en/') of the built `site`."""
    node = shutil.which("node")
    assert node, "Node.js is needed for the search tests (tests/search_worker.js)"
    js = site / "assets" / "javascripts"
    index = site / folder / "search" / "search_index.json"
    # The box is emptied before each query (tests/search_harness.search): the worker is sent both.
    sent = [text for query in queries for text in ("", query)]
    result = subprocess.run([node, str(HARNESS), str(js), str(js), str(index)], input=json.dumps(sent),
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    ready, *answers = json.loads(result.stdout)["messages"]
    assert ready == {"type": 1}, ready
    assert len(answers) == len(sent) and all(a["type"] == 3 for a in answers), answers[:2]
    return [answer["data"] for answer in answers[1::2]]


def shown_groups(answer: dict, folder: str) -> list[list[str]]:
    """The paths of the result links Material draws at once, per result item (group)."""
    base = urljoin(ORIGIN, folder)
    groups = []
    for result in answer["items"][:DRAWN_AT_ONCE]:
        threshold = result[0]["score"]
        docs = list(result)
        # The page itself: the first without a fragment (JavaScript's findIndex, -1 → the last).
        parent = next((i for i, doc in enumerate(docs) if "#" not in urljoin(base, doc["location"])), -1)
        article = docs.pop(parent)
        best = []
        for doc in docs:
            if doc["score"] < threshold:
                break
            best.append(doc)
        groups.append([_path(urljoin(base, doc["location"])) for doc in (article, *best)])
    return groups


def _path(url: str) -> str:
    return quote(urlparse(url).path, safe="/%:@!$&'()*+,;=-._~")


def shown_paths(answer: dict, folder: str) -> list[str]:
    """The result links' paths in the order the page lists them."""
    return [path for group in shown_groups(answer, folder) for path in group]


def correction_template(site: Path, folder: str) -> str:
    """The template of the corrected-query line on the page the box is typed into."""
    page = (site / folder / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<div class="hb-search-correction"[^>]*\sdata-template="([^"]*)"', page)
    assert match, f"{folder}index.html has no corrected-query line"
    return html.unescape(match.group(1))


def correction_shown(answer: dict, template: str) -> str:
    """The corrected-query line as main.html fills it ('' when hidden)."""
    query = answer.get("hbCorrection")
    return template.replace("{query}", query, 1).strip() if query else ""
