"""Round thirty-five: what notes written on 2026-12-06 (a new session: styles31, the older tuned
sets' notes) and the round's review taught the reader. Each case failed on the parser as the
session began (30d22cb) unless its comment says it guards."""

from __future__ import annotations

from datetime import datetime

from parsing.notes import parse_note


def visit(text: str, now: datetime) -> tuple[str, str] | None:
    inter = parse_note(text, now).interaction
    return None if inter is None else (inter.kind, inter.when.isoformat()[:10])


def test_just_met_said_telegraphically_is_a_visit_today() -> None:
    now = datetime.fromisoformat("2026-09-13T11:40:00+08:00")
    assert visit("刚见华润陈总，同意试用", now) == ("visit", "2026-09-13")
    # guard: a meeting not before next week is none
    assert visit("华润陈总太忙，下周二才见陈总", now) is None


def test_the_firm_after_just_met() -> None:
    now = datetime.fromisoformat("2026-09-13T11:40:00+08:00")
    assert parse_note("刚见完万科陈总，同意试用", now).company == "万科"


def dues(text: str, now: datetime) -> list[str]:
    return [f.due.isoformat()[:16] for f in parse_note(text, now).follow_ups]


def test_a_note_written_before_dawn_speaks_of_the_day_just_ended() -> None:
    thursday_night = datetime.fromisoformat("2027-06-17T01:20:00+08:00")  # Thursday, 01:20
    note = "刚到家 今天晚上跟中建八局的赵总吃的饭 他说项目基本定了 让我明天 就是周四 上午十点去他办公室签框架"
    assert visit(note, thursday_night) == ("meal", "2027-06-16")
    assert dues(note, thursday_night) == ["2027-06-17T10:00"]
    assert visit("今天中信银行吃饭 成了", datetime.fromisoformat("2028-09-30T00:50:00+08:00")) == (
        "meal",
        "2028-09-29",
    )
    assert dues("明早九点给温科长打电话", datetime.fromisoformat("2026-09-15T00:15:00+08:00")) == [
        "2026-09-15T09:00"
    ]
    # guards: the morning still ahead is today's, and in daylight nothing moves
    assert dues(
        "今天上午跟财务确认付款条件", datetime.fromisoformat("2027-07-26T00:45:00+08:00")
    ) == ["2027-07-26T09:00"]
    noon = datetime.fromisoformat("2028-09-30T10:50:00+08:00")
    assert visit("今天中信银行吃饭 成了", noon) == ("meal", "2028-09-30")
    assert dues("明早九点给温科长打电话", noon) == ["2028-10-01T09:00"]
