"""The development set (dates_dev.tsv): every row must get exactly its expected answer.

Rows: text, reference time (Asia/Shanghai), expected start, expected end, lunar flag; an
expected start of '-' means the parser must answer None (prices, quantities, phone and
order numbers, vague phrases). bench/dates.py reads the same file.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from parsing.dates import parse_when

TZ = ZoneInfo("Asia/Shanghai")
DEV_SET = Path(__file__).with_name("dates_dev.tsv")


def _value(text: str) -> date | datetime | None:
    if not text or text == "-":
        return None
    if "T" in text:
        return datetime.fromisoformat(text).replace(tzinfo=TZ)
    return date.fromisoformat(text)


def _rows() -> list[tuple[str, str, str, str, str]]:
    rows = []
    for line in DEV_SET.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("text\t"):
            continue
        text, now, start, end, lunar = line.split("\t")
        rows.append((text, now, start, end, lunar))
    return rows


ROWS = _rows()


def test_the_set_is_big_varied_and_has_negatives() -> None:
    assert len(ROWS) >= 320
    assert len({now for _, now, *_ in ROWS}) >= 5
    negatives = sum(1 for row in ROWS if row[2] == "-")
    assert 0.12 <= negatives / len(ROWS) <= 0.25
    assert len({row[0] for row in ROWS}) >= 300


def test_every_row_gets_its_expected_answer() -> None:
    misses = []
    for text, now_text, start, end, lunar in ROWS:
        now = datetime.fromisoformat(now_text).replace(tzinfo=TZ)
        w = parse_when(text, now)
        expected = None if start == "-" else (_value(start), _value(end), lunar == "1")
        got = None if w is None else (w.start, w.end, w.lunar is not None)
        same = got == expected and (
            got is None
            or expected is None
            or isinstance(got[0], datetime) == isinstance(expected[0], datetime)
        )
        if not same:
            misses.append(f"{text!r} @ {now_text}: expected {expected}, got {got}")
    assert not misses, "\n".join(misses)


@pytest.mark.parametrize("now_text", sorted({row[1] for row in ROWS}))
def test_answers_are_in_the_reference_timezone(now_text: str) -> None:
    now = datetime.fromisoformat(now_text).replace(tzinfo=TZ)
    for text, row_now, start, _, _ in ROWS:
        if row_now != now_text or "T" not in start:
            continue
        w = parse_when(text, now)
        assert w is not None and isinstance(w.start, datetime)
        assert w.start.utcoffset() == now.utcoffset(), text
