"""CI's job summary for a pull request: `make check`'s findings and where each touched
language's translation stands, before → after.

    python -m handbook.summary --base origin/main >> "$GITHUB_STEP_SUMMARY"

A translator's pull request should say on its own page what they achieved and what is left,
without reading a build log. Markdown on standard output; never fails the job (it runs after
the steps that do).
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

from handbook.findings import Finding, HandbookError

#: Findings listed in full; a pull request that breaks more than this has the log.
MAX_FINDINGS = 50
PROJECT_PARTS = ("docs", "labels", "handbook.yml", "mkdocs.yml", "editorial")


def touched_languages(changed: list[str], languages: tuple[str, ...]) -> list[str]:
    """The translation languages whose status a change can move: those whose pages or labels it
    changed, and every one when the original's pages changed."""
    original, touched = languages[0], set()
    for path in changed:
        parts = path.split("/")
        if parts[0] == "docs" and len(parts) > 2 and parts[1] in languages:
            touched |= set(languages[1:]) if parts[1] == original else {parts[1]}
        elif parts[0] == "labels" and len(parts) == 2 and parts[1].removesuffix(".yml") in languages[1:]:
            touched.add(parts[1].removesuffix(".yml"))
    return [lang for lang in languages[1:] if lang in touched]


def status_counts(docs_dir: Path, languages: list[str]) -> dict[str, Counter] | None:
    """{lang: Counter(translated=…, outdated=…, missing=…)} of the handbook at `docs_dir`, or None
    when it cannot be read."""
    from handbook.loader import load_handbook
    from handbook.translation import translation_status

    try:
        handbook = load_handbook(docs_dir)
    except HandbookError:
        return None
    return {lang: Counter(s.status for s in translation_status(handbook, lang))
            for lang in languages if lang in handbook.languages}


def render_summary(findings: list[Finding], before: dict[str, Counter] | None,
                   after: dict[str, Counter] | None, languages: list[str]) -> str:
    errors = [f for f in findings if f.level == "error"]
    warnings = [f for f in findings if f.level != "error"]
    out = ["## make check", ""]
    out.append(f"**{len(errors)} error(s), {len(warnings)} warning(s)**" if findings else "No problems found.")
    if findings:
        out += ["", "```"]
        out += [str(f).split("\n")[0] for f in sorted(findings, key=lambda f: (f.level != "error", f.path, f.line))[:MAX_FINDINGS]]
        if len(findings) > MAX_FINDINGS:
            out.append(f"… and {len(findings) - MAX_FINDINGS} more (see the log of 'Validate sources')")
        out.append("```")
    out += ["", "## Translation status", ""]
    if not languages:
        out.append("This pull request changes no translation.")
        return "\n".join(out) + "\n"
    out += ["| language | translated | outdated | missing |", "|---|---|---|---|"]
    for lang in languages:
        cells = []
        for status in ("translated", "outdated", "missing"):
            was = before[lang][status] if before and lang in before else "?"
            now = after[lang][status] if after and lang in after else "?"
            cells.append(f"{now}" if was == now else f"{was} → **{now}**")
        out.append(f"| `{lang}` | " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


def _tree_at(ref: str, root: Path, dest: Path) -> Path | None:
    """The project's content at git `ref`, unpacked into `dest` (None when git cannot say)."""
    listed = subprocess.run(["git", "ls-tree", "--name-only", ref], cwd=root, capture_output=True, text=True)
    parts = [name for name in listed.stdout.split() if name in PROJECT_PARTS]
    if listed.returncode != 0 or not parts:
        return None
    archive = subprocess.run(["git", "archive", "--format=tar", ref, "--", *parts], cwd=root,
                             capture_output=True)
    if archive.returncode != 0:
        return None
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(dest, filter="data")
    return dest


def main(argv: list[str] | None = None) -> int:
    from handbook.check import collect_findings
    from handbook.project import load_project

    parser = argparse.ArgumentParser(prog="python -m handbook.summary", description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="the git ref the pull request is compared with")
    parser.add_argument("--root", default=".", help="the project (default: .)")
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    findings = collect_findings(root / "docs")
    try:
        languages = load_project(root).languages
    except HandbookError:
        print(render_summary(findings, None, None, []))
        return 0
    diff = subprocess.run(["git", "diff", "--name-only", f"{args.base}...HEAD"], cwd=root,
                          capture_output=True, text=True)
    touched = touched_languages(diff.stdout.split(), languages)
    after = status_counts(root / "docs", touched)
    with tempfile.TemporaryDirectory() as tmp:
        base = _tree_at(args.base, root, Path(tmp))
        before = status_counts(base / "docs", touched) if base else None
    print(render_summary(findings, before, after, touched))
    return 0


if __name__ == "__main__":
    sys.exit(main())
