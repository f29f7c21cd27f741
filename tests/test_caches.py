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
        [sys.executable, "-c", "from handbook.thai import _version; import json; print(json.dumps(_version()))"],
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
