"""What the build remembers between runs (`.cache/handbook/`): Thai answers. (Compiled templates:
tests/test_site.py, which reads the session's build.)"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from tests.conftest import ROOT

ASK = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from handbook import thai
    from handbook.search import subwords

    thai.open_cache(Path(sys.argv[1]))
    answers = {
        "words": thai.words("สมาชิกมีวิสัยทัศน์ร่วมกัน"),
        "order": thai.collate(["ไว้ใจ", "กลุ่ม", "เครือข่าย"]),
        "subwords": list(subwords("ความขัดแย้ง")),
    }
    thai.save_cache()
    print(json.dumps({"answers": answers, "imported": "pythainlp" in sys.modules}))
    """
)


def ask(cache) -> dict:
    result = subprocess.run([sys.executable, "-c", ASK, str(cache)], cwd=ROOT,
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_a_warm_thai_cache_answers_without_pythainlp(tmp_path):
    cache = tmp_path / "thai-words.json"
    cold = ask(cache)
    assert cold["imported"] and cache.exists()
    assert cold["answers"]["order"] == ["กลุ่ม", "เครือข่าย", "ไว้ใจ"]  # dictionary order
    assert "ขัดแย้ง" in cold["answers"]["subwords"]
    warm = ask(cache)
    assert warm == {"answers": cold["answers"], "imported": False}


def test_a_cache_from_another_pythainlp_version_is_ignored(tmp_path):
    cache = tmp_path / "thai-words.json"
    cache.write_text(json.dumps({"version": "pythainlp-0.0-newmm",
                                 "words": {"สมาชิกมีวิสัยทัศน์ร่วมกัน": ["ผิด"]}}), encoding="utf-8")
    answer = ask(cache)
    assert answer["imported"] and answer["answers"]["words"] != ["ผิด"]


def test_the_glossary_order_is_recomputed_when_its_terms_change(tmp_path):
    cache = tmp_path / "thai-words.json"
    ask(cache)
    data = json.loads(cache.read_text(encoding="utf-8"))
    (question,) = data["orders"]
    data["orders"] = {question + "\nขยาย": ["stale"]}  # another glossary's terms
    cache.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    answer = ask(cache)
    assert answer["imported"] and answer["answers"]["order"] == ["กลุ่ม", "เครือข่าย", "ไว้ใจ"]
    assert list(json.loads(cache.read_text(encoding="utf-8"))["orders"]) == [question]


def test_one_process_reads_each_projects_cache(tmp_path):
    # The benchmark builds several projects in one process; each project's cache is read.
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    version = json.loads(subprocess.run(
        [sys.executable, "-c", "from handbook.thai import cache_version; import json; print(json.dumps(cache_version()))"],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout)
    first.write_text(json.dumps({"version": version, "words": {"กา": ["ก", "า"]}}), encoding="utf-8")
    second.write_text(json.dumps({"version": version, "words": {"ขา": ["ข", "า"]}}), encoding="utf-8")
    code = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from handbook import thai
        thai.open_cache(Path({str(first)!r}))
        thai.open_cache(Path({str(second)!r}))
        print(thai.words("กา"), thai.words("ขา"), "pythainlp" in sys.modules)
        """
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["['ก',", "'า']", "['ข',", "'า']", "False"]


def test_the_sessions_typeset_books_go_to_the_users_cache_without_replacing_or_overfilling(tmp_path, monkeypatch):
    """tests/conftest.py: what a test session typeset (keyed by everything it depends on) is kept
    in the user's cache for the next run; what the user has is never replaced; six books per
    language and 24 books' texts at most stay."""
    import os

    from handbook.book.cache import KEEP_BOOKS
    from handbook.outputs.placeholders import KEEP_TEXTS
    from tests.conftest import _USER_CACHE, _keep_typeset_books

    session, user = tmp_path / "session", tmp_path / "user"
    books, texts = session / "networking-handbook" / "book", session / "networking-handbook" / "pdf-text"
    kept_books, kept_texts = user / "networking-handbook" / "book", user / "networking-handbook" / "pdf-text"
    for folder in (books, texts, kept_books, kept_texts):
        folder.mkdir(parents=True)
    for n in range(KEEP_BOOKS):  # the user's, older
        for suffix in (".pdf", ".json"):
            (kept_books / f"handbook-th-old{n}{suffix}").write_text("old", encoding="utf-8")
            os.utime(kept_books / f"handbook-th-old{n}{suffix}", (1000 + n, 1000 + n))
    (kept_books / "handbook-en-same.pdf").write_text("the user's", encoding="utf-8")
    for name in ("handbook-th-new.pdf", "handbook-th-new.json", "handbook-en-same.pdf", "handbook-th-new.1234.tmp"):
        (books / name).write_text("session", encoding="utf-8")
    for n in range(KEEP_TEXTS + 3):
        (texts / f"{n:064x}.json").write_text("[]", encoding="utf-8")
    monkeypatch.setenv(_USER_CACHE, str(user))

    _keep_typeset_books(session)

    th = sorted(p.name for p in kept_books.glob("handbook-th-*.pdf"))
    assert len(th) == KEEP_BOOKS and "handbook-th-new.pdf" in th and "handbook-th-old0.pdf" not in th
    assert (kept_books / "handbook-th-new.json").is_file() and not (kept_books / "handbook-th-old0.json").exists()
    assert (kept_books / "handbook-en-same.pdf").read_text(encoding="utf-8") == "the user's"
    assert not list(kept_books.glob("*.tmp"))
    assert len(list(kept_texts.glob("*.json"))) == KEEP_TEXTS


def test_without_a_users_cache_nothing_is_written(tmp_path, monkeypatch):
    from tests.conftest import _USER_CACHE, _keep_typeset_books

    (tmp_path / "session" / "networking-handbook" / "book").mkdir(parents=True)
    (tmp_path / "session" / "networking-handbook" / "book" / "handbook-th-x.pdf").write_text("x", encoding="utf-8")
    monkeypatch.delenv(_USER_CACHE, raising=False)
    _keep_typeset_books(tmp_path / "session")
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["handbook-th-x.pdf"]


def test_a_users_cache_inside_the_project_is_left_alone(tmp_path, monkeypatch):
    from tests.conftest import _USER_CACHE, _keep_typeset_books

    (tmp_path / "networking-handbook" / "book").mkdir(parents=True)
    (tmp_path / "networking-handbook" / "book" / "handbook-th-x.pdf").write_text("x", encoding="utf-8")
    inside = ROOT / ".cache" / "not-made-by-this-test"
    monkeypatch.setenv(_USER_CACHE, str(inside))
    _keep_typeset_books(tmp_path)
    assert not inside.exists()
