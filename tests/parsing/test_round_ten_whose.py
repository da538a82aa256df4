"""Round ten of the note reader (2026-12-03): sentence in, facts out — whose task a dated
thing is, above all in pasted chats where the customer and the rep agree on days."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from parsing.notes import FollowUpFact, parse_note

SH = ZoneInfo("Asia/Shanghai")


def tasks(text: str, now: datetime) -> list[FollowUpFact]:
    return parse_note(text, now).follow_ups


def dues(text: str, now: datetime) -> list[str]:
    return [t.due.isoformat() for t in tasks(text, now)]


def test_a_chat_stamp_with_a_full_width_colon_and_no_space_is_no_hour_of_a_task() -> None:
    chat = (
        "周六跟客户的聊天记一下(广西柳工 采购部 覃经理)\n"
        "覃经理 10:15：滤芯的年度协议下周要定\n"
        "我 10:16：覃经理我们周一过来？\n"
        "覃经理 10:30：周一周二我在柳州总部开会\n"
        "覃经理 10:31：周三吧\n"
        "我 10:32：好的周三上午"
    )
    now = datetime(2026, 3, 21, 12, 0, tzinfo=SH)
    assert not any(d.endswith(("10:31:00+08:00", "10:32:00+08:00")) for d in dues(chat, now))
