"""Round thirty-eight: what notes written on 2026-12-06 (a second session that day: styles34,
the older tuned sets' notes) and the round's review taught the reader. Each case failed on the
parser as the session began (704bc94) unless its comment says it guards."""

from __future__ import annotations

from parsing.notes import parse_note
from tests.parsing._said import SUNDAY, tasks, visit


def trips(text: str) -> list[tuple[str, str, str]]:
    return [
        (it.place, it.start.isoformat()[:10], (it.end or it.start).isoformat()[:10])
        for it in parse_note(text, SUNDAY).itineraries
    ]


def test_a_city_then_the_provinces_office_is_the_city() -> None:
    note = "郎局长下周行程：12月8日-9日在南京省厅开会，12月10日全天在局里"
    assert trips(note) == [("南京", "2026-12-08", "2026-12-09")]
    note = "兖矿能源邱书记的安排：12月14日-16日在济南省国资委开会"
    assert trips(note) == [("济南", "2026-12-14", "2026-12-16")]


def test_met_by_chance_is_still_met() -> None:
    note = "今天在南昌大学第一附属医院碰到胡院长，他说下个礼拜一去上海开学术会"
    assert visit(note) == ("visit", "2026-12-06")
    # guard: a problem met is no one met
    assert visit("项目碰到问题了，下周再说") is None


def test_a_call_said_the_cantonese_or_english_way() -> None:
    assert visit("頭先同港鐵採購部嘅麥生傾咗個電話，佢話下個禮拜三嚟我哋公司") == (
        "call",
        "2026-12-06",
    )
    note = "On a call today Johnson Controls buyer Kevin asked for the sample test results."
    assert visit(note) == ("call", "2026-12-06")


def test_after_their_weekly_meeting_the_reps_own_day_is_a_task() -> None:
    note = "侯经理每周一开例会，周三下午去拜访他"
    assert tasks(note) == [("2026-12-09T14:00", "去拜访他")]
    # guard: the week's habit goes on — 周五对账 is theirs, every week
    assert tasks("他们每周一上午开例会，周五对账") == []
