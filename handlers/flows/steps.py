"""Steps that several flows share: pick a customer or contacts, read a date, a phone, a name."""

from __future__ import annotations

from typing import Any

from handlers.flows.engine import Answers, Choice, Invalid, Narrowed, Step
from handlers.kit.render import no_such_leap_month_said
from handlers.kit.turn import Turn
from parsing.dates import When, day_of, impossible_days, impossible_hours, parse_when
from parsing.values import read_phones
from storage.birthdays import Birthday, birthday_of
from storage.contacts import ContactRepo
from storage.customers import CustomerRepo

RECENT = 6


async def _customer_choices(turn: Turn, answers: Answers) -> list[Choice]:
    typed = answers.get("_customer_query")
    repo = CustomerRepo(turn.session, turn.actor)
    customers = await repo.search(typed, limit=RECENT) if typed else await repo.page(0, RECENT)
    return [(f"🏢 {c.name}", str(c.id)) for c in customers]


async def _customer_by_text(turn: Turn, text: str, answers: Answers) -> Any:
    """A typed name: the customer if it is unique, else narrow the buttons and ask again."""
    repo = CustomerRepo(turn.session, turn.actor)
    exact = await repo.by_name(text)
    if exact is not None:
        return exact.id
    found = await repo.search(text, limit=RECENT)
    if len(found) == 1:
        return found[0].id
    if not found:
        raise Invalid
    answers["_customer_query"] = text
    raise Narrowed


def pick_customer() -> Step:
    return Step(
        key="customer",
        prompt="是哪个客户?点下面的按钮,或输入客户名。",
        example="华东电力设计院",
        parse=_customer_by_text,
        choices=_customer_choices,
        convert=int,
        skip_if=lambda answers: "customer" in answers,
    )


async def contact_choices(turn: Turn, answers: Answers) -> list[Choice]:
    customer = await CustomerRepo(turn.session, turn.actor).get(int(answers["customer"]))
    if customer is None:
        return []
    contacts = await ContactRepo(turn.session, turn.actor).of_customer(customer)
    return [(f"👤 {c.salutation or c.name}", str(c.id)) for c in contacts]


def pick_contacts(prompt: str = "见了谁?可以选几位,选完点「完成选择」。") -> Step:
    return Step(
        key="contacts",
        prompt=prompt,
        choices=contact_choices,
        multiple=True,
        optional=True,
        convert=int,
    )


NEW_CONTACT = "new:"  # a typed name no contact has: the flow's finish adds that contact


async def _contact_by_text(turn: Turn, text: str, answers: Answers) -> Any:
    """A typed name: the contact of that name or salutation, else a new contact so named."""
    customer = await CustomerRepo(turn.session, turn.actor).get(int(answers["customer"]))
    if customer is None:
        raise Invalid
    name = " ".join(text.split())
    contacts = await ContactRepo(turn.session, turn.actor).of_customer(customer)
    same = [c for c in contacts if name in (c.name, c.salutation)]
    if len(same) == 1:
        return same[0].id
    if same or not 2 <= len(name) <= 20 or any(ch.isdigit() for ch in name):
        raise Invalid
    return NEW_CONTACT + name


def pick_contact(prompt: str) -> Step:
    return Step(
        key="contact",
        prompt=prompt,
        example="王建国",
        parse=_contact_by_text,
        choices=contact_choices,
        convert=int,
        skip_if=lambda answers: "contact" in answers,
    )


async def parse_text(turn: Turn, text: str, answers: Answers) -> str:
    if len(text) < 2 or len(text) > 1000:
        raise Invalid
    return text


def _when(turn: Turn, text: str) -> When:
    # 后天下午25点 is not 后天 all day: an hour or a day that does not exist is refused, named
    for day in impossible_days(text):
        raise Invalid(turn._("「{typed}」没有这一天,请再说一次。", typed=day))
    for hour in impossible_hours(text):
        raise Invalid(turn._("「{typed}」不是有效的时间,请再说一次。", typed=hour))
    when = parse_when(text, turn.now())
    if when is None:
        raise Invalid
    return when


async def parse_future_moment(turn: Turn, text: str, answers: Answers) -> str:
    """A date or date-and-time today or later, kept as ISO text."""
    when = _when(turn, text)
    if when.day < turn.today():
        raise Invalid
    return when.start.isoformat()


async def parse_past_moment(turn: Turn, text: str, answers: Answers) -> str:
    when = _when(turn, text)
    if when.day > turn.today():
        raise Invalid
    return when.start.isoformat()


async def parse_range(turn: Turn, text: str, answers: Answers) -> list[str]:
    when = _when(turn, text)
    start = day_of(when.start)
    end = day_of(when.end) if when.end is not None else start
    if end < turn.today():
        raise Invalid
    return [start.isoformat(), end.isoformat()]


async def parse_birthday(turn: Turn, text: str, answers: Answers) -> Birthday:
    refused = no_such_leap_month_said(turn._, text)
    if refused:
        raise Invalid(refused)
    return birthday_of(_when(turn, text))


async def parse_phone(turn: Turn, text: str, answers: Answers) -> str:
    found = read_phones(text)
    if not found:
        raise Invalid
    return found[0]
