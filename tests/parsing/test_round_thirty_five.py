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
