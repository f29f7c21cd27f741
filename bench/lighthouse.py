"""Lighthouse (npm `lighthouse` 12.2.3, mobile preset) on pages served gzip-compressed, as GitHub
Pages serves them, with Debian's chromium. Used by `bench/run.py`; installed by `make bench`.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import subprocess
from pathlib import Path

from tests.browser import QuietHandler, serve

ROOT = Path(__file__).resolve().parents[1]
CLI = ROOT / ".venv" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".webmanifest", ".txt")


class _GzipHandler(QuietHandler):
    """Static files, text types gzip-compressed when the browser accepts it."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (not path.is_file() or not path.name.endswith(COMPRESSED)
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages
        self.end_headers()
        return io.BytesIO(body)


def serve_gzip(directory: Path, port: int):
    """Serve `directory` on a fixed port (the site's site_url), gzip-compressed."""
    return serve(directory, handler=_GzipHandler, port=port)


def available() -> str | None:
    """Why Lighthouse cannot run here, or None."""
    if not CLI.is_file():
        return "lighthouse is not installed (make bench installs it)"
    if not shutil.which("node"):
        return "node is missing"
    if not (os.environ.get("CHROME_PATH") or shutil.which("chromium")):
        return "chromium is missing"
    return None


def audit(url: str) -> dict:
    """The four category scores (0–100) and the failed non-timing audits of one page."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH") or shutil.which("chromium")}
    result = subprocess.run(
        ["node", str(CLI), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--chrome-flags={CHROME_FLAGS}", "--only-categories=" + ",".join(CATEGORIES)],
        capture_output=True, text=True, env=env, timeout=300,
    )
    if result.returncode != 0:
        return {"error": result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed"}
    report = json.loads(result.stdout)
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    failed = sorted(
        audit_id for audit_id, item in report["audits"].items()
        if item.get("score") is not None and item["score"] < 0.9
        and item.get("scoreDisplayMode") == "binary"
    )
    metrics = report["audits"]
    return {
        **scores,
        "lcp_ms": round(metrics["largest-contentful-paint"]["numericValue"]),
        "cls": round(metrics["cumulative-layout-shift"]["numericValue"], 3),
        "tbt_ms": round(metrics["total-blocking-time"]["numericValue"]),
        "failed": failed,
    }


def median_audit(url: str, runs: int) -> dict:
    """`audit()` run `runs` times; the run with the median performance score (Lighthouse's own
    advice for timing scores, which move by several points from run to run), with every run's
    performance score beside it."""
    results = [audit(url) for _ in range(runs)]
    good = [r for r in results if "error" not in r]
    if not good:
        return results[-1]
    good.sort(key=lambda r: r["performance"])
    chosen = dict(good[len(good) // 2])
    chosen["performance_runs"] = [r["performance"] for r in good]
    return chosen
