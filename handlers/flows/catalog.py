"""The guided flows: new customer, contact, visit, follow-up, itinerary, birthday, deal."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from telegram.ext import ConversationHandler

from handlers.capture.known import customer_named
from handlers.capture.payload import moment_of
from handlers.capture.reading import capture_text
from handlers.customers.archive import NewCustomer, offer_new, show_card
from handlers.deals.text import deal_parts, stage_name
from handlers.flows.engine import Answers, Doubt, Flow, Invalid, Step, build
from handlers.flows.places import dates_of, parse_place, read_dates, read_purpose
from handlers.flows.same_day import chosen_record, same_day_step
from handlers.flows.steps import (
    NEW_CONTACT,
    NEW_PERSON,
    new_people,
    parse_birthday,
    parse_future_moment,
    parse_phone,
    parse_range,
    parse_text,
    pick_contact,
    pick_contacts,
    pick_customer,
    when_said,
    words_refused,
)
from handlers.kit import commands, same_day, starts
from handlers.kit.callback_data import callback_id
from handlers.kit.keyboards import is_number
from handlers.kit.labels import KIND_LABELS
from handlers.kit.note_or_name import reads_as_note
from handlers.kit.ownership import refuse_unless_owner
from handlers.kit.render import (
    clip,
    date_range,
    moment,
    not_a_name_said,
    not_a_title_said,
    short_date,
)
from handlers.kit.turn import Turn
from locales import N_
from parsing.amounts import read_amount
from parsing.dates import day_of, parse_when, remainder, split_due
from parsing.notes import parse_note
from storage.activities import (
    add_follow_up,
    add_itinerary,
    complete_meeting,
    log_interaction,
    same_trip,
    trip_elsewhere,
    trips_on_days,
)
from storage.birthdays import birthday_columns
from storage.contacts import ContactRepo
from storage.customers import CustomerRepo
from storage.deals import DealRepo, DealUpdate
from storage.models import Contact, Customer, DealStage, Interaction, InteractionKind
from storage.naming import addressed_as, surname_of
from storage.stages import OPEN_STAGES, stage_book

OUTCOMES = [N_("有进展"), N_("需要再跟进"), N_("没谈拢"), N_("对方在比价")]
TITLES = (
    "董事长",
    "总经理",
    "副总",
    "总监",
    "局长",
    "副局长",
    "处长",
    "科长",
    "院长",
    "主任",
    "经理",
    "书记",
    "厅长",
    "老师",
    "总工",
    "总",
)


def _preset_customer(found: re.Match[str]) -> Answers:
    """A card's button (kit/starts.py): the flow starts with its customer."""
    customer = callback_id(found.group(1))
    return {"customer": customer} if customer is not None else {}


def _preset_visit(found: re.Match[str]) -> Answers:
    """visit:c:<customer> starts a new visit; visit:i:<interaction>:<customer> completes a
    check-in with its summary."""
    if found.group(1) is not None:
        return _preset_customer(found)
    interaction, customer = callback_id(found.group(2)), callback_id(found.group(3))
    if interaction is None or customer is None:
        return {}
    return {"interaction": interaction, "customer": customer}


async def _customer(turn: Turn, answers: Answers) -> Customer | None:
    customer = await CustomerRepo(turn.session, turn.actor).get(int(answers["customer"]))
    if customer is None:
        turn.say(turn._("找不到这个客户,或你没有权限查看。"))
        return None
    return None if await refuse_unless_owner(turn, customer) else customer


async def _chosen_contact(turn: Turn, answers: Answers) -> Contact | None:
    """The contact picked in the flow, if the member may still see it (else say so); a name
    typed for a customer without that contact adds the contact."""
    repo = ContactRepo(turn.session, turn.actor)
    chosen = answers["contact"]
    if isinstance(chosen, str) and chosen.startswith(NEW_CONTACT):
        customer = await CustomerRepo(turn.session, turn.actor).get(int(answers["customer"]))
        if customer is None:
            turn.say(turn._("找不到这个客户,或你没有权限查看。"))
            return None
        name = chosen.removeprefix(NEW_CONTACT)
        return await repo.create(customer, name=name, surname=name[0])
    contact = await repo.get(int(chosen))
    if contact is None:
        turn.say(turn._("找不到这个联系人。"))
    return contact


async def _contacts(turn: Turn, customer: Customer, answers: Answers) -> list[Contact]:
    """The people met: contacts picked, and people typed, added now as the customer's."""
    repo = ContactRepo(turn.session, turn.actor)
    people = new_people(answers)
    found: list[Contact | None] = []
    for value in answers.get("contacts") or []:
        if isinstance(value, int):
            found.append(await repo.get(value))
            continue
        index = str(value).removeprefix(NEW_PERSON)
        person = people[int(index)] if index.isdigit() and int(index) < len(people) else None
        if person is None or person["customer"] != customer.id:
            continue
        sure, _maybe = await repo.candidates(  # added meanwhile (or typed twice): that one
            customer, name=person["name"], surname=person["surname"], title=person["title"]
        )
        said = {"surname": person["surname"], "title": person["title"]}
        said["salutation"] = person["salutation"]
        fields = {key: value for key, value in said.items() if value}
        found.append(sure or await repo.create(customer, name=person["name"], **fields))
    return [c for c in found if c is not None]


# -- visit ------------------------------------------------------------------------------------


async def _outcome_choices(turn: Turn, answers: Answers) -> list[tuple[str, str]]:
    return [(turn._(label), str(i)) for i, label in enumerate(OUTCOMES)]


async def _outcome_text(turn: Turn, text: str, answers: Answers) -> str:
    return await parse_text(turn, text, answers)


async def finish_visit(turn: Turn, answers: Answers) -> None:
    _ = turn._
    customer = await _customer(turn, answers)
    if customer is None:
        return
    outcome = answers.get("outcome")
    if isinstance(outcome, str) and is_number(outcome) and int(outcome) < len(OUTCOMES):
        outcome = _(OUTCOMES[int(outcome)])
    now = turn.now()
    contacts = await _contacts(turn, customer, answers)
    due = moment_of(answers["next"]) if answers.get("next") else None
    summary = answers.get("summary")
    # what to do next: the words typed with its day, else the talk followed up — a thing to
    # do, not the visit's summary read as one (tryout 14)
    task = answers.get(NEXT_WORDS) or (_("跟进:{summary}", summary=summary) if summary else None)
    said = _visit_note(turn, contacts, summary, outcome, due, answers.get(NEXT_WORDS))
    # a check-in being completed, or today's record of this meeting the rep chose to complete
    target = answers.get("interaction") or chosen_record(answers) or 0
    visit = await turn.session.get(Interaction, int(target))
    if visit is not None and visit.customer_id == customer.id and visit.member_id == turn.member.id:
        await complete_meeting(turn.session, visit, contacts, said, summary, outcome)
        kind = _(KIND_LABELS[visit.kind])
        done = _(same_day.DONE, customer=customer.name, kind=kind)
    else:
        done = _("✅ 拜访已记录到「{customer}」。", customer=customer.name)
        visit = await log_interaction(
            turn.session,
            turn.actor,
            customer,
            InteractionKind.VISIT,
            now,
            summary=answers.get("summary"),
            outcome=outcome,
            note=said,
            contacts=contacts,
            latitude=answers.get("latitude"),
            longitude=answers.get("longitude"),
        )
    lines = [done]
    if due is not None:
        due_date, due_at = split_due(due)
        await add_follow_up(
            turn.session,
            turn.actor,
            customer,
            due_date,
            task or _("跟进"),
            due_at=due_at,
            interaction=visit,
        )
        when = moment(_, due, turn.member.timezone, now.date())
        # the task is said back with its day, as saved (tryout 16: only the day was)
        lines.append(_("⏰ 已加跟进:{date} {what}", date=when, what=task or _("跟进")))
    turn.say("\n".join(lines))
    await show_card(turn, customer)


def _visit_note(
    turn: Turn,
    contacts: list[Contact],
    summary: str | None,
    outcome: str | None,
    due: date | datetime | None,
    task: str | None = None,
) -> str:
    """The guided answers as one readable line, kept as the visit's words (the export's 原话):
    见了:王局长;谈了:介绍了二期方案;结果:有进展;下次跟进:12月4日(周五) 发报价."""
    _ = turn._
    parts = []
    if contacts:
        parts.append(_("见了:{who}", who="、".join(c.salutation or c.name for c in contacts)))
    if summary:
        parts.append(_("谈了:{summary}", summary=summary))
    if outcome:
        parts.append(_("结果:{outcome}", outcome=outcome))
    if due is not None:
        when = moment(_, due, turn.member.timezone, turn.today())
        parts.append(_("下次跟进:{when}", when=when) + (f" {task}" if task else ""))
    return ";".join(parts)


NEXT_WORDS = "next_words"  # the task typed with the day of a visit's next follow-up
_NEXT_FILLER = re.compile(r"^[\s,，。.;；、!！]*(?:再|就)?|(?:吧|的时候)?[\s,，。.;；、!！]*$")


async def _next_follow_up(turn: Turn, text: str, answers: Answers) -> str:
    """下周五, or 下周五把修改后的报价发过去: the day, and the words typed with it as the task."""
    due = await parse_future_moment(turn, text, answers)
    said = parse_when(text, turn.now())
    words = _NEXT_FILLER.sub("", remainder(text, said)) if said is not None else ""
    if len(words) >= 2:
        answers[NEXT_WORDS] = words
    else:
        answers.pop(NEXT_WORDS, None)
    return due


async def _visit_kept(turn: Turn, answers: Answers) -> str | None:
    """/visit left half-way (a menu tap) after the summary was typed: the summary, as a note on
    its customer, for /drafts — ▶️ 继续 reads it back as a visit."""
    summary = answers.get("summary")
    if not isinstance(summary, str) or not summary.strip():
        return None
    customer = await CustomerRepo(turn.session, turn.actor).get(int(answers.get("customer") or 0))
    # Words for the note reader (a visit on this customer), not for the screen.
    return f"拜访了{customer.name} {summary}" if customer is not None else summary


VISIT = Flow(
    name="visit",
    command=commands.VISIT,
    button_pattern=starts.VISIT_PATTERN,
    preset=_preset_visit,
    keep=_visit_kept,
    steps=[
        pick_customer(),
        same_day_step(),
        pick_contacts(),
        Step(
            key="summary",
            prompt=N_("谈了什么?写下会谈纪要。"),
            example=N_("介绍了二期方案,对方关心价格"),
            parse=parse_text,
        ),
        Step(
            key="outcome",
            prompt=N_("结果怎么样?点按钮或直接输入。"),
            parse=_outcome_text,
            choices=_outcome_choices,
            optional=True,
        ),
        Step(
            key="next",
            prompt=N_("下次什么时候跟进?"),
            example=N_("下周五 或 12月10日上午"),
            parse=_next_follow_up,
            optional=True,
        ),
    ],
    finish=finish_visit,
)


# -- follow-up --------------------------------------------------------------------------------


async def finish_follow_up(turn: Turn, answers: Answers) -> None:
    customer = await _customer(turn, answers)
    if customer is None:
        return
    due = moment_of(answers["due"])
    due_date, due_at = split_due(due)
    await add_follow_up(
        turn.session, turn.actor, customer, due_date, answers["what"], due_at=due_at
    )
    today = turn.today()
    when = moment(turn._, due, turn.member.timezone, today)
    turn.say(
        turn._(
            "✅ 已加跟进:「{customer}」{date} {what}",
            customer=customer.name,
            date=when,
            what=answers["what"],
        )
    )


async def _another_customer(turn: Turn, text: Any, answers: Answers) -> tuple[str, str, str] | None:
    """Words that name another of the rep's customers (a whole note about 顺丰 typed as 万科's
    follow-up) are asked about, by the rule a quick capture reads its customer with."""
    named = await customer_named(turn, str(text))  # as the card's ⏰ 跟进事项 asks (doubt.py)
    if named is None or named.id == answers.get("customer"):
        return None
    chosen = await CustomerRepo(turn.session, turn.actor).get(int(answers["customer"]))
    if chosen is None:
        return None
    _ = turn._
    return (
        _(
            "这段话说的是你的另一个客户「{other}」。还记为「{customer}」的跟进吗?",
            other=named.name,
            customer=chosen.name,
        ),
        _("⏰ 是,记为「{customer}」的跟进", customer=chosen.name),
        _("📝 不是,当作一条新记录"),
    )


async def _as_a_note(turn: Turn, text: Any) -> None:
    """The words were a note after all: the quick-capture card, as if typed on their own."""
    await capture_text(turn, str(text), edit=True)


async def _day_said(turn: Turn, answers: Answers) -> list[tuple[str, str]]:
    """The day the task was said with (下周二前发技术方案): one tap, echoed with its weekday,
    rather than typed again — never taken unasked."""
    said = parse_when(str(answers.get("what") or ""), turn.now())
    if said is None or day_of(said.start) < turn.today():
        return []
    when = moment(turn._, said.start, turn.member.timezone, turn.today())
    return [(f"📅 {when}", said.start.isoformat())]


FOLLOW_UP = Flow(
    name="fu",
    command=commands.FOLLOWUP,
    button_pattern=starts.FOLLOW_UP_PATTERN,
    preset=_preset_customer,
    steps=[
        pick_customer(),
        Step(
            key="what",
            prompt=N_("要跟进什么?"),
            example=N_("发报价单给王局长"),
            parse=parse_text,
            doubt=Doubt(_another_customer, _as_a_note),
        ),
        Step(
            key="due",
            prompt=N_("什么时候?"),
            example=N_("下周三 或 12月4日下午3点"),
            parse=parse_future_moment,
            choices=_day_said,
        ),
    ],
    finish=finish_follow_up,
)


# -- contact ----------------------------------------------------------------------------------


async def _name_and_title(turn: Turn, text: str, answers: Answers) -> dict[str, str | None]:
    """王建国 局长 / 王建国局长 / 刘芳 / 刘强 采购部经理 → name and title."""
    compact = text.replace(" ", "")
    # A phone number typed one step early is not a name.
    if not any(ch.isalpha() for ch in compact):
        raise Invalid(turn._("这一步写姓名和职务,电话在下一步填。"))
    if not 2 <= len(compact) <= 20:
        raise Invalid(turn._("姓名和职务要 2–20 个字。"))
    words = text.split()
    if len(words) > 1 and 2 <= len(words[0]) <= 4:
        # The space says where the name ends: the rest is the title, whatever its department.
        name, title = words[0], "".join(words[1:])
        refused = not_a_title_said(turn._, title)
        if refused:
            raise Invalid(refused)
        return {"name": name, "title": title, "salutation": _spoken_to(name, title)}
    for title in sorted(TITLES, key=len, reverse=True):  # 王明副局长 is no 王明副
        if compact.endswith(title) and len(compact) > len(title):
            name = compact[: -len(title)]
            refused = not_a_name_said(turn._, name)
            if refused:  # a note typed at the prompt (…生日是3月5日的王经理)
                raise Invalid(refused)
            return {"name": name, "title": title, "salutation": _spoken_to(name, title)}
    refused = not_a_name_said(turn._, compact)
    if refused:
        raise Invalid(refused)
    return {"name": compact, "title": None, "salutation": None}


def _spoken_to(name: str, title: str) -> str:
    """How a note would address them (李娜, 采购主管 → 李主管; 欧阳明 → 欧阳处长), never 李采购主管."""
    return addressed_as(surname_of(name) or name[0], title)


async def finish_contact(turn: Turn, answers: Answers) -> None:
    customer = await _customer(turn, answers)
    if customer is None:
        return
    who = answers["who"]
    today = turn.today()
    born = answers.get("birthday")
    fields: dict[str, Any] = {
        "name": who["name"],
        "surname": surname_of(who["name"]) or who["name"][0],
        "title": who.get("title"),
        "salutation": who.get("salutation"),
        "phones": [answers["phone"]] if answers.get("phone") else [],
    }
    if born:
        fields.update(birthday_columns(born, today))
    repo = ContactRepo(turn.session, turn.actor)
    sure, _maybe = await repo.candidates(customer, name=who["name"], surname=None, title=None)
    if sure is not None:
        turn.say(
            turn._(
                "「{customer}」已有联系人 {name},没有重复添加。",
                customer=customer.name,
                name=who["name"],
            )
        )
        return
    await repo.create(customer, **{k: v for k, v in fields.items() if v is not None})
    turn.say(
        turn._(
            "✅ 已添加联系人 {name} 到「{customer}」。", name=who["name"], customer=customer.name
        )
    )
    await show_card(turn, customer)


CONTACT = Flow(
    name="ct",
    command=commands.CONTACT,
    button_pattern=starts.CONTACT_PATTERN,
    preset=_preset_customer,
    steps=[
        pick_customer(),
        Step(
            key="who",
            prompt=N_("联系人的姓名和职务?"),
            example=N_("王建国 局长"),
            parse=_name_and_title,
            names=True,
        ),
        Step(
            key="phone",
            prompt=N_("手机号?"),
            example="13812345678",
            parse=parse_phone,
            optional=True,
        ),
        Step(
            key="birthday",
            prompt=N_("生日?公历农历都可以。"),
            example=N_("农历三月初八 或 5月20日"),
            parse=parse_birthday,
            optional=True,
        ),
    ],
    finish=finish_contact,
)


# -- itinerary ------------------------------------------------------------------------------


async def finish_trip(turn: Turn, answers: Answers) -> None:
    contact = await _chosen_contact(turn, answers)
    if contact is None:
        return
    start, end = (date.fromisoformat(d) for d in answers["dates"])
    place = answers["place"]
    on_days = await trips_on_days(turn.session, contact, start, end)
    known, other = same_trip(on_days, place, start, end), trip_elsewhere(on_days, place)
    await add_itinerary(
        turn.session,
        turn.actor,
        contact,
        place,
        start,
        end,
        answers.get("purpose"),
        on_days=on_days,
    )
    span = date_range(turn._, start, end, turn.today())
    who = contact.salutation or contact.name
    if known is not None:
        said = turn._(
            "ℹ️ 已有这条行程:{who} {span} {place},没有重复记下。",
            who=who,
            span=span,
            place=answers["place"],
        )
    else:
        said = turn._(
            "✅ 已记下 {who} 的行程:{span} {place}", who=who, span=span, place=answers["place"]
        )
    if other is not None:  # one person, two places at once: one of them is likely wrong
        said += "\n" + turn._(
            "⚠️ {who} {span} 还有去{place}的行程,日子重叠了。不对的那条可以在客户卡片的 🛠 改记录 里改。",
            who=who,
            span=date_range(turn._, other.starts_on, other.ends_on, turn.today()),
            place=other.place,
        )
    turn.say(said)


TRIP = Flow(
    name="trip",
    command=commands.TRIP,
    steps=[
        pick_customer(),
        pick_contact(N_("是谁的行程?点下面的按钮,或输入名字。")),
        Step(key="place", prompt=N_("去哪里?"), example=N_("北京"), parse=parse_place),
        Step(
            key="dates",
            prompt=N_("哪几天?"),
            example=N_("下周二到周四 或 12月1日-3日"),
            parse=parse_range,
            choices=read_dates,  # the days a sentence at 去哪里? said
            convert=dates_of,
        ),
        Step(
            key="purpose",
            prompt=N_("去做什么?"),
            example=N_("开会"),
            parse=parse_text,
            optional=True,
            choices=read_purpose,
        ),
    ],
    finish=finish_trip,
)


# -- birthday ---------------------------------------------------------------------------------


async def finish_birthday(turn: Turn, answers: Answers) -> None:
    contact = await _chosen_contact(turn, answers)
    if contact is None:
        return
    born = answers["birthday"]
    today = turn.today()
    fields = birthday_columns(born, today)
    customer = await turn.session.get(Customer, contact.customer_id)
    assert customer is not None
    ContactRepo(turn.session, turn.actor).update(contact, customer.team_id, fields)
    turn.say(
        turn._(
            "✅ 已记下 {who} 的生日,下次是 {date}。",
            who=contact.salutation or contact.name,
            date=short_date(turn._, fields["birthday_next"], today),
        )
    )


BIRTHDAY = Flow(
    name="bday",
    command=commands.BIRTHDAY,
    steps=[
        pick_customer(),
        pick_contact(N_("谁的生日?点下面的按钮,或输入名字。")),
        Step(
            key="birthday",
            prompt=N_("生日是哪天?公历农历都可以。"),
            example=N_("农历三月初八 或 5月20日"),
            parse=parse_birthday,
        ),
    ],
    finish=finish_birthday,
)


# -- new customer -----------------------------------------------------------------------------


NAME_LIMIT = 100  # a customer's name, as the archive holds it


async def _new_name(turn: Turn, text: str, answers: Answers) -> str:
    name = " ".join(text.split())
    refused = words_refused(turn, name, NAME_LIMIT, N_("客户名"))
    if refused is not None:
        raise refused
    return name


async def _a_note_not_a_name(
    turn: Turn, text: Any, answers: Answers
) -> tuple[str, str, str] | None:
    """A whole note typed as the company's name (今天拜访了苏州工业园区管委会的钱主任 聊了智慧园区,
    tryout 13: made a customer of that name, the visit lost) is asked about first."""
    name, now = str(text), turn.now()
    if not reads_as_note(parse_note(name, now), name, now):
        return None
    _ = turn._
    return (
        _("「{text}」看起来是一条记录,不像客户名称。要当作一条新记录吗?", text=clip(name, 30)),
        _("🏢 还是用它作客户名"),
        _("📝 当作一条新记录"),
    )


async def _grade_choices(turn: Turn, answers: Answers) -> list[tuple[str, str]]:
    _ = turn._
    return [(_("A 大且急"), "A"), (_("B 一般"), "B"), (_("C 潜在"), "C")]


async def finish_new_customer(turn: Turn, answers: Answers) -> None:
    """Created at once, unless the one rule finds it may be a customer the team has."""
    fields = NewCustomer()
    if answers.get("grade"):
        fields["grade"] = str(answers["grade"])
    if answers.get("industry"):
        fields["industry"] = str(answers["industry"])
    await offer_new(turn, answers["name"], fields, confirmed=True)


NEW_CUSTOMER = Flow(
    name="nc",
    command=commands.NEWCUSTOMER,
    button_pattern=starts.NEW_CUSTOMER_PATTERN,
    preset=lambda found: {},
    steps=[
        Step(
            key="name",
            prompt=N_("客户(公司)全称?"),
            example=N_("华东电力设计院"),
            parse=_new_name,
            doubt=Doubt(_a_note_not_a_name, _as_a_note),
            names=True,
        ),
        Step(key="grade", prompt=N_("客户等级?"), choices=_grade_choices, optional=True),
        Step(
            key="industry",
            prompt=N_("行业?"),
            example=N_("电力设计"),
            parse=parse_text,
            optional=True,
        ),
    ],
    finish=finish_new_customer,
)


# -- deal -------------------------------------------------------------------------------------


async def _deal_title(turn: Turn, text: str, answers: Answers) -> str:
    title = " ".join(text.split())
    refused = words_refused(turn, title, 200, N_("商机名称"))
    if refused is not None:
        raise refused
    return title


async def _deal_amount(turn: Turn, text: str, answers: Answers) -> list[Any]:
    amount = read_amount(text)
    if amount is None:
        raise Invalid(turn._("没看懂这个金额,请写数字和单位。"))
    return [amount.value, amount.currency]


async def _stage_choices(turn: Turn, answers: Answers) -> list[tuple[str, str]]:
    book = await stage_book(turn.session, turn.actor.team_id)
    return [
        (f"{stage_name(turn._, s, book.names)} {book.chance(s)}%", s.value) for s in OPEN_STAGES
    ]


async def _close_day(turn: Turn, text: str, answers: Answers) -> str:
    day = day_of(when_said(turn, text).start)
    if day < turn.today():
        raise Invalid(turn._("签约日期不能早于今天。"))
    return day.isoformat()


async def _deal_preview(turn: Turn, answers: Answers) -> list[tuple[str, str]]:
    """The one button of the last step says the whole deal: every fact echoed before saving."""
    customer = await CustomerRepo(turn.session, turn.actor).get(int(answers["customer"]))
    book = await stage_book(turn.session, turn.actor.team_id)
    amount, currency = answers.get("amount") or [None, None]
    close = date.fromisoformat(answers["close"]) if answers.get("close") else None
    title = answers.get("title") or (customer.name if customer else "")
    parts = deal_parts(
        turn._, title, amount, currency or book.currency, DealStage(answers["stage"]), close,
        turn.today(), book.names,
    )  # fmt: skip
    return [(turn._("✅ 保存:{deal}", deal=" · ".join(parts)), "y")]


async def finish_deal(turn: Turn, answers: Answers) -> None:
    customer = await _customer(turn, answers)
    if customer is None:
        return
    amount, currency = answers.get("amount") or [None, None]
    update = DealUpdate(
        title=answers.get("title") or customer.name,
        amount=amount,
        currency=currency,
        stage=DealStage(answers["stage"]),
        close_date=date.fromisoformat(answers["close"]) if answers.get("close") else None,
    )
    repo = DealRepo(turn.session, turn.actor)
    deal = await repo.create(customer, update, turn.now(), owner_id=customer.owner_id)
    turn.say(
        turn._(
            "💼 已新建商机「{title}」({stage} · 赢单概率 {n}%),在「{customer}」的卡片上。",
            title=deal.title,
            stage=stage_name(turn._, deal.stage, repo.book.names),
            n=deal.probability,
            customer=customer.name,
        )
    )
    await show_card(turn, customer)


DEAL = Flow(
    name="deal",
    command=commands.DEAL,
    button_pattern=starts.NEW_DEAL_PATTERN,
    preset=_preset_customer,
    steps=[
        pick_customer(),
        Step(
            key="title",
            prompt=N_("商机叫什么?不填就用客户名。"),
            example=N_("办公楼项目"),
            parse=_deal_title,
            optional=True,
        ),
        Step(
            key="amount",
            prompt=N_("金额多少?"),
            example=N_("120万 或 35万美元"),
            parse=_deal_amount,
            optional=True,
        ),
        Step(key="stage", prompt=N_("现在到哪个阶段了?"), choices=_stage_choices),
        Step(
            key="close",
            prompt=N_("预计什么时候签约?"),
            example=N_("月底 或 12月31日"),
            parse=_close_day,
            optional=True,
        ),
        Step(key="confirm", prompt=N_("对吗?点下面的按钮保存。"), choices=_deal_preview),
    ],
    finish=finish_deal,
)

FLOWS = [VISIT, FOLLOW_UP, CONTACT, TRIP, BIRTHDAY, NEW_CUSTOMER, DEAL]


def flow_handlers(user_data: Mapping[int, object]) -> list[ConversationHandler[Any]]:
    return [build(flow, user_data) for flow in FLOWS]
