"""/visit for a customer the rep already met today: the flow asks, right after the customer,
whether its answers complete that record or are another meeting (kit/same_day.py; tryout 17).
Neither text is lost: the record keeps its own words first and gains the guided answers."""

from __future__ import annotations

from handlers.flows.engine import Answers, Choice, Step
from handlers.kit.same_day import ANOTHER_LABEL, QUESTION, met_today, record_label
from handlers.kit.turn import Turn

SAME_DAY = "same_day"
ANOTHER = "new"  # the value of ➕ 另记一次拜访


async def _ask_if(turn: Turn, answers: Answers) -> bool:
    customer = answers.get("customer")
    if not isinstance(customer, int) or "interaction" in answers:  # a check-in being completed
        return False
    return bool(await met_today(turn, customer))


async def _choices(turn: Turn, answers: Answers) -> list[Choice]:
    customer = answers.get("customer")
    met = await met_today(turn, customer) if isinstance(customer, int) else []
    offered: list[Choice] = [(record_label(turn, item), str(item.id)) for item in met]
    offered.append((turn._(ANOTHER_LABEL), ANOTHER))
    return offered


def same_day_step() -> Step:
    """Asked right after the customer, only when the rep met it today already."""
    return Step(key=SAME_DAY, prompt=QUESTION, choices=_choices, ask_if=_ask_if)


def chosen_record(answers: Answers) -> int | None:
    """The record the rep chose to complete, if any."""
    value = answers.get(SAME_DAY)
    return int(value) if isinstance(value, str) and value.isdigit() else None
