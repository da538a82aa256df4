"""A follow-up saved with an hour that has already gone (记得今天上午10点给赵处长打电话, sent at
two) is kept, overdue, but no push will come for it: 保存 says so, with ⏰ 改时间 — for the
rep's own reminders and a customer's follow-ups alike (tryout 13: only the first said it). A
time typed right after moves it (tryout 14: 后天上午10点 had become a reminder of its own)."""

from __future__ import annotations

from collections.abc import Sequence

from handlers.kit import pending
from handlers.kit.questions import GONE
from handlers.kit.render import clip, moment
from handlers.kit.turn import Turn
from storage.models import FollowUp
from storage.push_buttons import back, later

Rows = list[list[tuple[str, str]]]


def gone_by(turn: Turn, added: Sequence[FollowUp]) -> tuple[list[str], Rows]:
    """The ⚠️ lines and the ⏰ 改时间 buttons for the follow-ups whose hour is past."""
    _ = turn._
    now = turn.now()
    gone = [f for f in added if f.due_at is not None and f.due_at <= now]
    tz, today = turn.member.timezone, now.date()
    lines = [
        _(
            "⚠️ {when} 已经过了,到时不会再提醒。要改时间,点下面的按钮。",
            when=moment(_, f.due_at, tz, today),
        )
        for f in gone
        if f.due_at is not None
    ]
    single = _("⏰ 改时间") if len(gone) == 1 else None
    if single:  # 后天上午10点 typed next moves it, as at ⏰ 推迟's (reminders/typed_time.py)
        pending.keep_asking(turn, {"question": GONE, "data": back(gone[0].id, None, "")})
    rows = [[(single or _("⏰ 改时间:{item}", item=clip(f.text, 20)), later(f.id))] for f in gone]
    return lines, rows
