"""/visit for a customer the rep already met today: that meeting may be noted once already (a
quick note, a check-in, an earlier /visit), so the flow asks whether its answers complete that
record or are another meeting — one visit, one 会谈纪要 (tryout 17). Neither text is lost: the
record keeps its own words first and gains the guided answers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta

from handlers.flows.engine import Answers, Choice, Step
from handlers.kit.labels import KIND_LABELS
from handlers.kit.render import clip, clock
from handlers.kit.turn import Turn
from locales import N_
from storage.activities import own_meetings_between
from storage.models import Contact, Interaction

SAME_DAY = "same_day"
ANOTHER = "new"  # the value of ➕ 另记一次拜访
SHOWN = 3  # today's meetings offered (more with one customer in a day is rare)
LABEL = 40  # characters of a button


async def _met_today(turn: Turn, answers: Answers) -> Sequence[Interaction]:
    customer = answers.get("customer")
    if not isinstance(customer, int) or "interaction" in answers:  # a check-in being completed
        return []
    start = datetime.combine(turn.today(), time(), turn.zone)
    end = start + timedelta(days=1)
    return await own_meetings_between(turn.session, turn.actor, customer, start, end)


async def _ask_if(turn: Turn, answers: Answers) -> bool:
    return bool(await _met_today(turn, answers))


async def _choices(turn: Turn, answers: Answers) -> list[Choice]:
    _ = turn._
    offered: list[Choice] = []
    for item in (await _met_today(turn, answers))[:SHOWN]:
        # all of them today: the hour tells two apart, when it was said
        when = clock(item.occurred_at, turn.member.timezone) if item.timed else None
        when = when or _("今天")
        label = _("📝 补充到:{when} {kind}", when=when, kind=_(KIND_LABELS[item.kind]))
        words = item.summary or item.note
        offered.append((clip(f"{label} · {words}" if words else label, LABEL), str(item.id)))
    offered.append((_("➕ 另记一次拜访"), ANOTHER))
    return offered


def same_day_step() -> Step:
    """Asked right after the customer, only when the rep met it today already."""
    return Step(
        key=SAME_DAY,
        prompt=N_("今天已经记过这个客户的拜访。这次写的内容补充到那条记录,还是另记一次拜访?"),
        choices=_choices,
        ask_if=_ask_if,
    )


def chosen_record(answers: Answers) -> int | None:
    """The record the rep chose to complete, if any."""
    value = answers.get(SAME_DAY)
    return int(value) if isinstance(value, str) and value.isdigit() else None


async def complete(
    turn: Turn,
    visit: Interaction,
    contacts: list[Contact],
    summary: str | None,
    outcome: str | None,
    said: str,
) -> None:
    """The record gains the guided answers: its own words first (a check-in's 现场签到, the
    quick note as typed), then the answers; the people met are added to those it had."""
    earlier = [visit.note]
    if visit.summary and visit.summary not in (visit.note or ""):
        earlier.append(visit.summary)  # a headline kept without the words it was read from
    visit.note = ";".join(part for part in (*earlier, said) if part)
    visit.summary = summary or visit.summary
    visit.outcome = outcome or visit.outcome
    await turn.session.refresh(visit, attribute_names=["contacts"])
    had = {contact.id for contact in visit.contacts}
    visit.contacts = [*visit.contacts, *(c for c in contacts if c.id not in had)]
