"""A tiny, valid handbook written into a temp dir; tests break one thing at a time."""

from __future__ import annotations

import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

GOOD_TH = """\
---
id: {id}
kind: element
order: {order}
title: หัวข้อ {id}
summary: สรุปหนึ่งบรรทัด
terms:
  th: คำไทย {id}
  en: term {id}
points:
  - id: first-point
    text: ข้อแรกของต้นฉบับ
  - id: second-point
    text: ข้อที่สอง
checklist:
  - id: ask-{id}
    text: เครือข่ายของเราทำข้อแรกแล้วหรือไม่
related: [{related}]
lead: บทนำของผู้จัดทำคู่มือ
---

<!-- handbook:points -->

<!-- handbook:questions -->
"""

GOOD_EN = """\
---
id: {id}
kind: element
order: {order}
title: Title {id}
summary: One line.
terms:
  th: คำไทย {id}
  en: term {id}
points:
  - id: first-point
    text: The first point of the source.
  - id: second-point
    text: The second point.
checklist:
  - id: ask-{id}
    text: Does our network do the first thing?
related: [{related}]
lead: The editors' introduction.
---

<!-- handbook:points -->

<!-- handbook:questions -->
"""


#: The fixture's structure: the real handbook's sections, one checklist over the elements.
STRUCTURE = """\
sections:
  - {kind: definition, folder: basics, flat: true}
  - {kind: element, folder: elements, overview: elements, numbered: true}
  - {kind: type, folder: types, overview: types, profile: true}
  - {kind: practice, folder: practice}
overviews: {home: index.md, elements: elements/index.md, types: types/index.md}
checklists:
  - {id: health-check, kind: element, result: chart}
concept_map: {center: definition, ring: element, top: practice, bottom: type}
unlinked_terms: [network]
"""


def write_project(root: Path, structure: str = STRUCTURE) -> None:
    """The data files beside docs/: the real mkdocs.yml (languages) and labels, `structure`."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (root / "handbook.yml").write_text(structure, encoding="utf-8")
    (root / "labels").mkdir(exist_ok=True)
    for path in (ROOT / "labels").glob("*.yml"):
        (root / "labels" / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")


def write_handbook(root: Path, ids: tuple[str, ...] = ("alpha", "beta")) -> Path:
    """Write a fixture handbook (two related elements, both languages); return its docs dir."""
    write_project(root)
    docs = root / "docs"
    for order, concept_id in enumerate(ids, start=1):
        related = ", ".join(i for i in ids if i != concept_id)
        for lang, template in (("th", GOOD_TH), ("en", GOOD_EN)):
            path = docs / lang / "elements" / f"{concept_id}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(
                template.format(id=concept_id, order=order, related=related), encoding="utf-8"
            )
    return docs


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


#: What a copy of the project needs to build: the sources and the handbook's data files.
PROJECT_PARTS = ("docs", "overrides", "hooks", "labels", "editorial", "handbook.yml", "mkdocs.yml")


#: The Thai answers a build of the project keeps (`handbook.thai`), relative to the project.
THAI_ANSWERS = Path(".cache", "handbook", "thai-words.json")


def copy_project(dest: Path, *, symlinks: bool = False, thai_answers: bool = True) -> Path:
    """A copy of the real project in `dest` (that can be built); returns `dest`.

    With it the Thai answers the project's own builds keep, if there are any yet, as a clone
    that has been built has them: a copy's build then segments only the text that differs,
    instead of importing PyThaiNLP for every text again (1.3 s of CPU a build). The tests of that
    cache make their own (tests/test_caches.py); the bench's copies start without
    (`thai_answers=False`): its first build is a fresh clone's."""
    import shutil

    for name in PROJECT_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, symlinks=symlinks)
        elif source.is_file():
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, dest / name)
    # In a fresh clone the session's shared build makes them; a copy made before then is built
    # without (waiting for them left both workers idle for 15–20 s, measured). The file is
    # written whole, by replacing it (handbook.thai.save_cache).
    answers = ROOT / THAI_ANSWERS
    if thai_answers and answers.is_file():
        (dest / THAI_ANSWERS).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(answers, dest / THAI_ANSWERS)
    return dest


def run_check(*args: str, cwd: Path | None = None):
    """`python -m handbook.check ARGS` (`make check`) run in this process: its `main`, the same
    code, with what it prints and its exit status as a finished subprocess would give them (an
    uncaught exception: the traceback on stderr, status 1). A subprocess costs a second or more
    of imports and the tests run the check dozens of times; the module's entry point itself runs
    as a subprocess in tests/test_translation.py (`test_the_command_line_entry_point_...`)."""
    import contextlib
    import io
    import subprocess
    import traceback

    from handbook.check import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd or Path.cwd()), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        except Exception:  # noqa: BLE001 - reported as the command would report it
            traceback.print_exc()
            code = 1
    return subprocess.CompletedProcess(["handbook.check", *args], code, out.getvalue(), err.getvalue())
