"""Which segmenter for scripts written without spaces (Lao, Khmer, Burmese; Thai for reference).

    PYTHONPATH=. python bench/segmenters.py     (needs PyICU; LaoNLP, khmer-nltk when installed)

Search finds a word inside a run only if the index's tokens (cut at build time) and the typed
query's (cut in the reader's browser, `Intl.Segmenter`, which is ICU) agree. For each language:
sentences written as one run, and each of their words as a query; a query is found when every
word the query-side segmenter makes of it begins a token of the indexed run (lunr matches
prefixes). Build-time segmenters: none (the run whole, as before), ICU (PyICU), and the
language's own toolkit. The query side is ICU in every row: that is what the browser has.
"""

from __future__ import annotations

import json
import sys
import time

# Sentences of a community handbook, each written as one run (no spaces), with their words.
SAMPLES: dict[str, list[list[str]]] = {
    "lo": [
        ["ການ", "ສ້າງ", "ເຄືອຂ່າຍ", "ຊຸມຊົນ"],
        ["ສະມາຊິກ", "ມີ", "ວິໄສທັດ", "ຮ່ວມກັນ"],
        ["ເຄືອຂ່າຍ", "ຕ້ອງ", "ມີ", "ກິດຈະກໍາ", "ຢ່າງ", "ສະໝໍ່າສະເໝີ"],
        ["ຜົນປະໂຫຍດ", "ຮ່ວມກັນ", "ຂອງ", "ສະມາຊິກ"],
        ["ການ", "ມີສ່ວນຮ່ວມ", "ຂອງ", "ຜູ້", "ກ່ຽວຂ້ອງ"],
        ["ຄວາມສໍາພັນ", "ແນວນອນ", "ລະຫວ່າງ", "ອົງກອນ"],
    ],
    "km": [
        ["ការ", "កសាង", "បណ្តាញ", "សហគមន៍"],
        ["សមាជិក", "មាន", "ចក្ខុវិស័យ", "រួម"],
        ["បណ្តាញ", "ត្រូវ", "មាន", "សកម្មភាព", "ជា", "ប្រចាំ"],
        ["ផលប្រយោជន៍", "រួម", "របស់", "សមាជិក"],
        ["ការ", "ចូលរួម", "របស់", "អ្នក", "ពាក់ព័ន្ធ"],
        ["ទំនាក់ទំនង", "ផ្តេក", "រវាង", "អង្គការ"],
    ],
    "my": [
        ["ကွန်ရက်", "တည်ဆောက်", "ခြင်း"],
        ["အဖွဲ့ဝင်", "များ", "၏", "ရည်မှန်းချက်"],
        ["အသိုင်းအဝိုင်း", "ကွန်ရက်", "ကို", "ပုံမှန်", "လုပ်ဆောင်", "သည်"],
        ["အကျိုးစီးပွား", "တူညီ", "သော", "အဖွဲ့ဝင်", "များ"],
    ],
    "th": [
        ["การ", "สร้าง", "เครือข่าย", "ชุมชน"],
        ["สมาชิก", "มี", "วิสัยทัศน์", "ร่วมกัน"],
        ["เครือข่าย", "ต้อง", "มี", "กิจกรรม", "อย่าง", "สม่ำเสมอ"],
        ["ผลประโยชน์", "ร่วมกัน", "ของ", "สมาชิก"],
        ["การ", "มีส่วนร่วม", "ของ", "ผู้", "เกี่ยวข้อง"],
        ["ความสัมพันธ์", "แนวราบ", "ระหว่าง", "องค์กร"],
    ],
}


def icu_words(text: str) -> list[str]:
    # The build's own cutter (handbook/wordbreak.py), so the bench measures what the build does.
    from handbook.wordbreak import break_run

    return list(break_run(text))


def segmenters(lang: str) -> dict:
    found = {"none": lambda text: [text], "icu": icu_words}
    try:
        if lang == "lo":
            from laonlp.tokenize import word_tokenize

            found["laonlp"] = lambda text: [w for w in word_tokenize(text) if w.strip()]
        if lang == "km":
            from khmernltk import word_tokenize as khmer_tokenize

            found["khmer-nltk"] = lambda text: [w for w in khmer_tokenize(text) if w.strip()]
        if lang == "th":
            from pythainlp.tokenize import word_tokenize as thai_tokenize

            found["pythainlp-newmm"] = lambda text: [w for w in thai_tokenize(text, engine="newmm") if w.strip()]
    except ImportError:
        pass
    return found


def measure() -> dict:
    results: dict = {}
    for lang, sentences in SAMPLES.items():
        queries = [(word, "".join(words)) for words in sentences for word in words]
        results[lang] = {}
        for name, cut in segmenters(lang).items():
            start = time.perf_counter()
            indexed = {run: cut(run) for run in {run for _, run in queries}}
            seconds = time.perf_counter() - start
            found = sum(all(any(token.startswith(part) for token in indexed[run]) for part in icu_words(word))
                        for word, run in queries)
            gold = sum(len(words) for words in sentences)
            exact = sum(len(set(cut("".join(words))) & set(words)) for words in sentences)
            results[lang][name] = {"found": found, "queries": len(queries), "words_exact": exact,
                                   "words": gold, "ms": round(1000 * seconds, 1)}
    return results


if __name__ == "__main__":
    json.dump(measure(), sys.stdout, ensure_ascii=False, indent=1)
