"""Inside the search worker: where a query's time goes, without a browser.

Material's worker as built into a site (its `assets/javascripts`: the worker, lunr's language
files, the handbook's `lunr/wordcut.js` and `handbook-words.js`) runs under Node
(`tests/search_worker.js`) on the site's own index, every query of both sets. CPU milliseconds
per query, split into: lexing (Material's transform and lunr's parser, with the handbook's
segmentation and typo matching), lunr (the index's search, with the adapter's additions), the
result message copied out (structured clone), and the rest (Material's highlighting and
grouping). CPU time, not wall time: the machine is shared.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
from pathlib import Path

from tests.search_queries import ENGLISH, ENGLISH_TYPOS, THAI, THAI_TYPOS

ROOT = Path(__file__).resolve().parent.parent
HARNESS = ROOT / "tests" / "search_worker.js"
QUERIES = {"th": THAI + THAI_TYPOS, "en": ENGLISH + ENGLISH_TYPOS}
STAGES = ("lexing", "lunr", "message", "material")


def worker_stages(site: Path) -> dict | None:
    """{lang: {cpu_ms: {median, mean, p90}, stages_ms: {stage: median}, message_kib: median}}."""
    node = shutil.which("node")
    if node is None:
        return None
    js = site / "assets" / "javascripts"
    out: dict = {}
    for lang, queries in QUERIES.items():
        index = site / ("" if lang == "th" else lang) / "search" / "search_index.json"
        if not index.is_file():
            continue  # vanilla: one index for both languages, measured as Thai's
        result = subprocess.run([node, str(HARNESS), str(js), str(js), str(index)],
                                input=json.dumps([q for _, q, _ in queries]), capture_output=True,
                                text=True, timeout=600)
        if result.returncode != 0:
            raise SystemExit(f"search worker under Node failed on {index}:\n{result.stderr[-2000:]}")
        data = json.loads(result.stdout)
        # The first query warms the engine up (compiling); the reader's first is not measured either.
        cpu, stages, messages = data["cpu"][1:], data["stages"][1:], data["messages"][2:]
        for total, stage in zip(cpu, stages, strict=True):
            stage["material"] = max(0.0, total - stage["lexing"] - stage["lunr"] - stage["message"])
        out[lang] = {
            "cpu_ms": {"median": round(statistics.median(cpu), 1), "mean": round(statistics.mean(cpu), 1),
                       "p90": round(statistics.quantiles(cpu, n=10)[-1], 1)},
            "stages_ms": {name: round(statistics.median(s[name] for s in stages), 1) for name in STAGES},
            "message_kib": round(statistics.median(
                len(json.dumps(m, ensure_ascii=False).encode()) for m in messages) / 1024),
        }
    return out


def render(rows: list[dict]) -> list[str]:
    """Markdown lines for bench/RESULTS.md's search section (rows of `search_scale`)."""
    if not any(row["ours"].get("worker") for row in rows):
        return []
    lines = [
        "",
        "Inside the worker (`bench/search_worker.py`: the site's own worker and index under Node, "
        "every query of both sets; CPU ms per query, median, then mean / 90th percentile; the median "
        "of each stage: lexing with the handbook's segmentation and typo matching, lunr's search, the "
        "result message copied out, Material's highlighting and grouping; the result message's size):",
        "",
        "| concepts × | site | lang | CPU ms median (mean / p90) | lexing | lunr | message | Material | message size |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        for name in ("ours", "vanilla"):
            worker = row[name].get("worker") or {}
            for lang, w in worker.items():
                s = w["stages_ms"]
                lines.append(
                    f"| {row['scale']}× | {name} | {lang} | {w['cpu_ms']['median']} ({w['cpu_ms']['mean']} / "
                    f"{w['cpu_ms']['p90']}) | {s['lexing']} | {s['lunr']} | {s['message']} | {s['material']} | "
                    f"{w['message_kib']} KiB |")
    return lines
