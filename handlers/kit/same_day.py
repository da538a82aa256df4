"""A customer the rep already met today: that meeting may be noted once already (a quick note,
a check-in, a guided /visit), so a second note of it — /visit's answers, a quick note's card — asks
whether it completes that record or is another meeting: one visit, one record, one 会谈纪要
(tryouts 17 and 18). flows/same_day.py asks it as a step, capture/same_day.py on 保存."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta

from handlers.kit.labels import KIND_LABELS
from handlers.kit.render import clip, clock
from handlers.kit.turn import Turn
from locales import N_
from storage.activities import own_meetings_between
from storage.models import Interaction

QUESTION = N_("今天已经记过这个客户的拜访。这次写的内容补充到那条记录,还是另记一次拜访?")
ANOTHER_LABEL = N_("➕ 另记一次拜访")
DONE = N_("✅ 已补充到「{customer}」今天的{kind}记录。")
SHOWN = 3  # today's meetings offered (more with one customer in a day is rare)
LABEL = 40  # characters of a button


async def met_today(turn: Turn, customer_id: int) -> Sequence[Interaction]:
    """The member's own visits and meals with the customer today, the latest first."""
    start = datetime.combine(turn.today(), time(), turn.zone)
    end = start + timedelta(days=1)
    meetings = await own_meetings_between(turn.session, turn.actor, customer_id, start, end)
    return meetings[:SHOWN]


def record_label(turn: Turn, item: Interaction) -> str:
    """📝 补充到:今天 拜访 · 明年钢材供货 — the hour, when it was said, tells two apart."""
    _ = turn._
    when = clock(item.occurred_at, turn.member.timezone) if item.timed else None
    label = _("📝 补充到:{when} {kind}", when=when or _("今天"), kind=_(KIND_LABELS[item.kind]))
    words = item.summary or item.note
    return clip(f"{label} · {words}" if words else label, LABEL)
