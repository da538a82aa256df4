"""A quick capture that plans a visit: 明天去拜访万科 目的是谈续约 is a 《客户走访单》, not a visit
done and not a plain reminder. The card shows 📅 计划拜访 (customer, day and time, goal, who);
保存 files it as /plan does (to the manager for approval when the team asks for it)."""

from __future__ import annotations

from datetime import date, datetime

from handlers.capture.card import contact_title
from handlers.capture.payload import CapturePayload, PlanData, moment_of
from handlers.kit.turn import Turn
from handlers.visits.plans import file_plan
from parsing.dates import split_due
from parsing.plans import plan_in_note
from storage.activities import add_follow_up
from storage.models import Customer


def _day(value: str) -> date:
    when = moment_of(value)
    return when.date() if isinstance(when, datetime) else when


def take_plan(payload: CapturePayload, text: str, today: date) -> None:
    """The first reminder of a visit from today on whose goal the note states becomes the plan."""
    follow_ups = payload.get("follow_ups") or []
    for index, follow_up in enumerate(follow_ups):
        if _day(follow_up["due"]) < today:
            continue
        found = plan_in_note(text, follow_up["action"], payload.get("company"))
        if found is None:
            continue
        named = "、".join(contact_title(c) for c in payload.get("contacts") or [])
        payload["plan"] = PlanData(
            when=follow_up["due"],
            goal=found.goal,
            who=named or found.who,
            action=follow_up["action"],
        )
        payload["follow_ups"] = follow_ups[:index] + follow_ups[index + 1 :]
        return


async def save_plan(turn: Turn, payload: CapturePayload, customer: Customer, text: str) -> str:
    """Files the note's plan; a day gone by while the card waited is kept as a reminder."""
    plan = payload.get("plan")
    if not plan:
        return ""
    due_date, due_at = split_due(moment_of(plan["when"]))
    if due_date < turn.today():
        await add_follow_up(
            turn.session, turn.actor, customer, due_date, plan["action"], due_at=due_at, note=text
        )
        return turn._("⏰ 计划的日期已过,已存为跟进提醒。")
    return await file_plan(turn, customer, due_date, due_at, plan["goal"], plan.get("who"), text)
