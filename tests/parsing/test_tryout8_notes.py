"""The note reader's items of the third tryout report (tryout 8: A, B, C), sentence in, facts
out, on Wednesday 2 December 2026 at 15:00."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from parsing.notes import Note, parse_note

SH = ZoneInfo("Asia/Shanghai")
AFTERNOON = datetime(2026, 12, 2, 15, 0, tzinfo=SH)  # Wednesday


def note(text: str) -> Note:
    return parse_note(text, AFTERNOON)


def reminders(text: str) -> list[tuple[datetime | object, str]]:
    return [(f.due, f.action) for f in note(text).follow_ups]


def test_a_meeting_at_an_hour_keeps_what_it_is_about() -> None:
    assert reminders("顺丰吴总监 下礼拜二下午两点开会过一下合同") == [
        (datetime(2026, 12, 8, 14, 0, tzinfo=SH), "和吴总开会 过一下合同")
    ]
    assert reminders("华为李总 周五上午10点开会讨论技术方案") == [
        (datetime(2026, 12, 4, 10, 0, tzinfo=SH), "和李总开会 讨论技术方案")
    ]
    # his own meeting, said with no space after him: nothing for the rep to do
    assert reminders("张总周四下午3点开会") == []


def test_an_errand_at_an_hour_gone_by_today_is_kept_late_unless_said_done() -> None:
    assert reminders("今天上午10点给赵经理发资料") == [
        (datetime(2026, 12, 2, 10, 0, tzinfo=SH), "给赵经理发资料")
    ]
    assert reminders("今天上午10点给赵经理发了资料") == []
    assert reminders("今天上午10点和张总开会") == []  # a meeting that took place


def test_a_contract_to_talk_about_on_a_day_to_come_is_no_deal() -> None:
    n = note("明天下午三点见万科张总谈合同")
    assert n.deal is None
    assert [f.action for f in n.follow_ups] == ["见张总谈合同"]
    assert note("万科张总 明天下午三点开会谈合同").deal is None
    # talks said done still move the deal
    done = note("万科 张总说合同条款基本谈妥了 下周签")
    assert done.deal is not None and done.deal.stage == "negotiation"


def test_a_role_said_right_after_a_person_is_that_persons() -> None:
    n = parse_note(
        "万科 张总和采购部的刘经理 刘经理负责采购 张总拍板 下周二再约",
        datetime(2026, 11, 23, 10, 0, tzinfo=SH),
    )
    roles = {c.salutation: c.decision_role for c in n.contacts}
    assert roles == {"张总": "decision_maker", "刘经理": "purchaser"}
