"""Steps that several flows share: pick a customer or contacts, read a date, a phone, a name."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, TypedDict

from handlers.flows.engine import Answers, Choice, Invalid, Narrowed, Step
from handlers.flows.people import department, people_said
from handlers.kit.note_or_name import reads_as_note
from handlers.kit.render import no_such_leap_month_said, no_such_moment_said
from handlers.kit.turn import Turn
from locales import N_
from parsing.dates import When, day_of, parse_when
from parsing.notes import parse_note
from parsing.text import as_typed
from parsing.values import read_phones
from storage.birthdays import Birthday, birthday_of
from storage.contacts import ContactRepo, same_name
from storage.customers import CustomerRepo
from storage.models import Customer

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
        raise Invalid(
            turn._(
                "没有找到客户「{name}」。新客户请先发 /newcustomer 建档。",
                name=" ".join(text.split())[:30],
            )
        )
    answers["_customer_query"] = text
    raise Narrowed


def pick_customer() -> Step:
    return Step(
        key="customer",
        prompt=N_("是哪个客户?点下面的按钮,或输入客户名。"),
        example=N_("华东电力设计院"),
        parse=_customer_by_text,
        choices=_customer_choices,
        names=True,
        convert=int,
        skip_if=lambda answers: "customer" in answers,
    )


async def contact_choices(turn: Turn, answers: Answers) -> list[Choice]:
    customer = await CustomerRepo(turn.session, turn.actor).get(int(answers["customer"]))
    if customer is None:
        return []
    contacts = await ContactRepo(turn.session, turn.actor).of_customer(customer)
    return [(f"👤 {c.salutation or c.name}", str(c.id)) for c in contacts]


# People typed at "见了谁" who are no contact yet: kept in the answers until the flow saves
# them as the customer's new contacts; their buttons' values are NEW_PERSON + their index.
NEW_PEOPLE = "_new_people"
NEW_PERSON = "n"


class NewPerson(TypedDict):
    customer: int
    name: str
    surname: str | None
    title: str | None
    salutation: str | None


def new_people(answers: Answers) -> list[NewPerson]:
    people = answers.get(NEW_PEOPLE)
    return people if isinstance(people, list) else []


async def _met_choices(turn: Turn, answers: Answers) -> list[Choice]:
    """The customer's contacts, and the people typed for this customer (王明处长)."""
    customer = int(answers["customer"])
    typed = [
        (f"👤 {person['salutation'] or person['name']}", f"{NEW_PERSON}{i}")
        for i, person in enumerate(new_people(answers))
        if person["customer"] == customer
    ]
    return [*await contact_choices(turn, answers), *typed]


def read_person(text: str, now: datetime) -> tuple[str | None, str | None, str | None, str | None]:
    """(name, surname, title, salutation) of a person typed alone, read as a note reads them
    (王明处长 → 王明, 王, 处长, 王处长; 李总 → —, 李, 总, 李总), in the script typed; a name the
    reader does not take for a person is the name as typed."""
    people = parse_note(text, now).contacts
    if len(people) != 1 or not (people[0].name or people[0].salutation):
        return text, None, None, None
    person = people[0]

    def typed(value: str | None) -> str | None:
        return as_typed(value, text) if value else None

    return typed(person.name), typed(person.surname), typed(person.title), typed(person.salutation)


async def _met_by_text(turn: Turn, text: str, answers: Answers) -> str | list[str]:
    """A person typed at 见了谁 — one of the customer's contacts (by name or how they are
    spoken to, either script), else a new contact saved with the visit — or several at once
    (王局长和李处长, 见了张总、刘工), each picked and said back."""
    _ = turn._
    customer = await CustomerRepo(turn.session, turn.actor).get(int(answers["customer"]))
    if customer is None:
        raise Invalid(_("这个客户已经不在了,请发 /cancel 重新开始。"))
    said = " ".join(text.split())
    now = turn.now()
    several = people_said(said, now)
    if several is None:
        if not 2 <= len(said) <= 20 or any(ch.isdigit() for ch in said):
            raise Invalid(_("联系人的名字要 2–20 个字,不含数字。"))
        if reads_as_note(parse_note(said, now), said, now):  # 下周一把合同修改稿发给李总 is no 李总
            raise Invalid(
                _("这看起来像一句话,不像姓名。请输入见到的人的姓名和职务,例如:王明 处长。")
            )
        several = [said]
    met = [await _one_met(turn, customer, person, answers) for person in several]
    if len(met) == 1:
        return met[0][0]
    labels = list(dict.fromkeys(label for _value, label in met))
    turn.say(_("👥 见到 {n} 位:{people}", n=len(labels), people="、".join(labels)))
    return [value for value, _label in met]


async def _one_met(turn: Turn, customer: Customer, said: str, answers: Answers) -> tuple[str, str]:
    """(the value to pick, the words of its button) for one person typed."""
    name, surname, title, salutation = read_person(said, turn.now())
    sure, _maybe = await ContactRepo(turn.session, turn.actor).candidates(
        customer, name=name, surname=surname, title=title, salutation=salutation
    )
    if sure is not None:
        return str(sure.id), sure.salutation or sure.name
    label = name or salutation or said
    people = new_people(answers)
    for i, person in enumerate(people):
        if person["customer"] == customer.id and same_name(person["name"], label):
            return f"{NEW_PERSON}{i}", person["salutation"] or person["name"]
    where = department(said, name, salutation)
    if where is not None and (name or salutation):  # 物资部的钱科长: 钱科长, 物资部科长
        title = f"{where}{title or ''}"
    people.append(
        NewPerson(
            customer=customer.id, name=label, surname=surname, title=title, salutation=salutation
        )
    )
    answers[NEW_PEOPLE] = people
    return f"{NEW_PERSON}{len(people) - 1}", salutation or label


def contact_value(value: str) -> int | str:
    """A contact's id, or NEW_PERSON and the index of a person typed."""
    return int(value) if value.isdigit() else value


def pick_contacts(
    prompt: str = N_("见了谁?可以选几位,新认识的人直接输入姓名和职务。选完点「完成选择」。"),
) -> Step:
    return Step(
        key="contacts",
        prompt=prompt,
        example=N_("王明 处长"),
        parse=_met_by_text,
        choices=_met_choices,
        multiple=True,
        optional=True,
        convert=contact_value,
        add_label=N_("➕ 新联系人"),
        add_prompt=N_("新联系人叫什么?写姓名和职务,或怎么称呼。"),
        names=True,
    )


NEW_CONTACT = "new:"  # a typed name no contact has: the flow's finish adds that contact


async def _contact_by_text(turn: Turn, text: str, answers: Answers) -> Any:
    """A typed name: the contact of that name or salutation, else a new contact so named."""
    _ = turn._
    customer = await CustomerRepo(turn.session, turn.actor).get(int(answers["customer"]))
    if customer is None:
        raise Invalid(_("这个客户已经不在了,请发 /cancel 重新开始。"))
    name = " ".join(text.split())
    contacts = await ContactRepo(turn.session, turn.actor).of_customer(customer)
    same = [c for c in contacts if same_name(name, c.name) or same_name(name, c.salutation)]
    if len(same) == 1:
        return same[0].id
    if same:
        raise Invalid(_("有几位联系人都叫「{name}」,请点按钮选择。", name=name))
    if not 2 <= len(name) <= 20 or any(ch.isdigit() for ch in name):
        raise Invalid(_("联系人的名字要 2–20 个字,不含数字。"))
    return NEW_CONTACT + name


def pick_contact(prompt: str) -> Step:
    return Step(
        key="contact",
        prompt=prompt,
        example=N_("王建国"),
        parse=_contact_by_text,
        choices=contact_choices,
        convert=int,
        skip_if=lambda answers: "contact" in answers,
        names=True,
    )


TEXT_LIMIT = 1000


def words_refused(turn: Turn, text: str, limit: int, what: str = "") -> Invalid | None:
    """Why a typed text cannot be kept (too short, too long, only emoji), or None.
    `what` names the field in the reason (客户名), else the answer itself."""
    _ = turn._
    said = " ".join(text.split())
    if not any(ch.isalnum() for ch in said):
        return Invalid(_("请用文字回答,表情和符号记不下来。"))
    if len(said) < 2:
        if what:
            return Invalid(_("{what}至少要两个字。", what=_(what)))
        return Invalid(_("太短了,请至少写两个字。"))
    if len(said) > limit:
        if what:
            return Invalid(_("{what}太长了(最多 {limit} 个字)。", what=_(what), limit=limit))
        return Invalid(_("太长了(最多 {limit} 个字),请精简一下。", limit=limit))
    return None


async def parse_text(turn: Turn, text: str, answers: Answers) -> str:
    refused = words_refused(turn, text, TEXT_LIMIT)
    if refused is not None:
        raise refused
    return text


_RANGE_WORD = re.compile(r"到|至|~|～|—|–")


def _reversed_range(turn: Turn, text: str) -> bool:
    """12月20日到12月18日, 下周五到下周三: two dates that each read, the second the earlier."""
    parts = _RANGE_WORD.split(text, maxsplit=1)
    if len(parts) != 2:
        return False
    first, second = (parse_when(part, turn.now()) for part in parts)
    return first is not None and second is not None and second.day < first.day


def when_said(turn: Turn, text: str) -> When:
    """The date (and time) typed, or Invalid saying why not."""
    _ = turn._
    # 后天下午25点 is not 后天 all day: an hour or a day that does not exist is refused, named
    if (why := no_such_moment_said(_, text)) is not None:
        raise Invalid(why)
    when = parse_when(text, turn.now())
    if when is not None:
        return when
    if _reversed_range(turn, text):
        raise Invalid(_("结束日期早于开始日期,请重新输入。"))
    raise Invalid(_("没看懂这个日期,请换个说法。"))


async def parse_future_moment(turn: Turn, text: str, answers: Answers) -> str:
    """A date or date-and-time today or later, kept as ISO text."""
    when = when_said(turn, text)
    if when.day < turn.today():
        raise Invalid(turn._("这个日期已经过去了,请输入今天或以后的日期。"))
    return when.start.isoformat()


async def parse_past_moment(turn: Turn, text: str, answers: Answers) -> str:
    when = when_said(turn, text)
    if when.day > turn.today():
        raise Invalid(turn._("这个日期还没到,请输入今天或以前的日期。"))
    return when.start.isoformat()


async def parse_range(turn: Turn, text: str, answers: Answers) -> list[str]:
    when = when_said(turn, text)
    start = day_of(when.start)
    end = day_of(when.end) if when.end is not None else start
    if end < turn.today():
        raise Invalid(turn._("这些日期已经过去了,请输入今天或以后的日期。"))
    return [start.isoformat(), end.isoformat()]


async def parse_birthday(turn: Turn, text: str, answers: Answers) -> Birthday:
    refused = no_such_leap_month_said(turn._, text)
    if refused:
        raise Invalid(refused)
    return birthday_of(when_said(turn, text))


async def parse_phone(turn: Turn, text: str, answers: Answers) -> str:
    found = read_phones(text)
    if not found:
        raise Invalid(turn._("没看懂这个电话号码,请输入手机号或带区号的座机。"))
    return found[0]
