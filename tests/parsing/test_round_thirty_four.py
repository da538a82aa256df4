"""Round thirty-four: what notes written on 2026-12-06 (styles30, and the older tuned sets' notes)
and the round's review taught the reader. Each case failed on the parser as the session began
(40236cf) unless its comment says it guards."""

from __future__ import annotations

from datetime import datetime

from parsing.notes import parse_note

SUNDAY_EVENING = datetime.fromisoformat("2026-11-22T21:00:00+08:00")


def dues(text: str, now: datetime) -> list[tuple[str, str]]:
    return [(f.due.isoformat()[:16], f.action) for f in parse_note(text, now).follow_ups]


def visit_day(text: str, now: datetime) -> str | None:
    inter = parse_note(text, now).interaction
    return None if inter is None else inter.when.isoformat()[:10]


def test_this_weeks_day_said_on_a_sunday_is_the_week_ahead() -> None:
    assert dues("这周四催华为尾款15万", SUNDAY_EVENING) == [("2026-11-26", "催华为尾款15万")]
    assert [d for d, _ in dues("这礼拜五之前把报价发给张总", SUNDAY_EVENING)] == ["2026-11-27"]
    # guards: a deed done that day is the one gone by, and any other day reads this week
    assert visit_day("这周三去了万科见张总", SUNDAY_EVENING) == "2026-11-18"
    friday = datetime.fromisoformat("2026-11-20T18:00:00+08:00")
    assert visit_day("这周三去了万科见张总", friday) == "2026-11-18"
