"""Round thirty-six: what notes written on 2026-12-06 (a new session: styles32, the older tuned
sets' notes) and the round's review taught the reader. Each case failed on the parser as the
session began (f676b33) unless its comment says it guards."""

from __future__ import annotations

from datetime import datetime

from parsing.notes import parse_note

SUNDAY = datetime.fromisoformat("2026-12-06T10:00:00+08:00")


def tasks(text: str, now: datetime = SUNDAY) -> list[tuple[str, str]]:
    return [(f.due.isoformat()[:16], f.action) for f in parse_note(text, now).follow_ups]


def visit(text: str, now: datetime = SUNDAY) -> tuple[str, str] | None:
    inter = parse_note(text, now).interaction
    return None if inter is None else (inter.kind, inter.when.isoformat()[:10])


def test_what_the_customer_wants_from_us_by_a_day_is_the_reps_task() -> None:
    assert tasks("拜访了万科张总，他说下周二之前要我们把方案发过去") == [
        ("2026-12-08", "把方案发过去")
    ]
    # guards: what he does himself, and what of ours he needs, are no task of this kind
    assert tasks("万科张总下周二要去上海开会") == []


def test_a_call_taken_is_a_call() -> None:
    assert visit("接了个电话，万科张总问报价") == ("call", "2026-12-06")
    assert visit("上午接了万科张总的电话 问报价") == ("call", "2026-12-06")
    # guard: a call still awaited is none
    assert visit("等接了万科张总电话再说") is None


def test_a_person_corrected_at_once_is_the_second_one() -> None:
    people = parse_note("见了海尔周工——不是周工，是吴工，聊了备件", SUNDAY).contacts
    assert [p.salutation for p in people] == ["吴工"]
    people = parse_note("拜访万科张总 哦说错了 是章总 聊了报价", SUNDAY).contacts
    assert [p.salutation for p in people] == ["章总"]
    # guards: 王总说错了 is what 王总 got wrong, and 不是 without 是 after it corrects no one
    people = parse_note("王总说错了，是李总说的", SUNDAY).contacts
    assert [p.salutation for p in people] == ["王总", "李总"]
    people = parse_note("王总不是李总的老板", SUNDAY).contacts
    assert [p.salutation for p in people] == ["王总", "李总"]


def test_a_dictated_task_cut_by_a_filler_is_read_whole() -> None:
    note = (
        "嗯 给那个 苏州工业园区管委会的一把手 徐主任打了个电话 他说年后再说 "
        "然后春节前我得把那个 嗯 贺卡和礼品送过去"
    )
    assert tasks(note, datetime.fromisoformat("2028-01-12T16:45:00+08:00")) == [
        ("2028-01-25", "把贺卡和礼品送过去")
    ]
    note = "跟南京地铁的 许总 约好了 这礼拜五之前我要先把 那个 球场订好"
    assert tasks(note, datetime.fromisoformat("2026-03-15T19:30:00+08:00")) == [
        ("2026-03-20", "把球场订好")
    ]
