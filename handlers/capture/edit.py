"""修改 on a capture card: pick one field by button, type its new value, back to the card."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from sqlalchemy.orm.attributes import flag_modified

from handlers.capture import callbacks
from handlers.capture.card import contact_label
from handlers.capture.doubt import doubted
from handlers.capture.payload import CapturePayload, ContactData, capture_payload
from handlers.capture.show import show_capture
from handlers.deals.text import stage_name
from handlers.kit import pending
from handlers.kit.callback_data import callback_id
from handlers.kit.keyboards import inline
from handlers.kit.render import (
    no_such_leap_month_said,
    no_such_moment_said,
    not_a_name_said,
    not_a_phone_said,
    not_a_title_said,
)
from handlers.kit.routes import stale
from handlers.kit.turn import Turn
from locales import N_
from parsing.amounts import read_amount
from parsing.dates import day_of, parse_when
from parsing.values import CLEAR_WORDS, read_phones
from storage.birthdays import birthday_of
from storage.contacts import ContactRepo
from storage.customers import CustomerRepo
from storage.matching import judge
from storage.models import Customer, DealStage, Draft
from storage.naming import Naming, renamed
from storage.stages import stage_book

# field code → (label, prompt example); the codes keep callback data short.
PROMPTS = {
    "company": (N_("客户名"), N_("华东电力设计院")),
    "n": (N_("姓名"), N_("王建国")),
    "t": (N_("职务"), N_("局长")),
    "b": (N_("生日"), N_("农历三月初八 或 5月20日")),
    "p": (N_("电话"), N_("13812345678")),
    "iw": (N_("拜访日期"), N_("今天 或 11月20日")),
    "is": (N_("拜访内容"), N_("谈了二期报价")),
    "d": (N_("跟进日期"), N_("下周五 或 12月4日下午3点")),
    "a": (N_("跟进事项"), N_("跟进报价")),
    "td": (N_("行程日期"), N_("12月1日到3日")),
    "tp": (N_("行程地点"), N_("北京")),
    "pc": (N_("采购周期"), N_("每年一次,年初招标")),
    "py": (N_("付款周期"), N_("验收后三个月付款")),
    "cp": (N_("竞争对手"), N_("广联达、博超")),
    "da": (N_("商机金额"), N_("120万")),
}
# A call's, a WeChat exchange's or a meal's date and words, by its own word (not 拜访).
_INTERACTION_LABELS = {
    "visit": (N_("拜访日期"), N_("拜访内容")),
    "call": (N_("电话日期"), N_("电话内容")),
    "wechat": (N_("微信沟通日期"), N_("微信沟通内容")),
    "meal": (N_("吃饭日期"), N_("吃饭内容")),
}


def _interaction_labels(payload: CapturePayload) -> tuple[str, str]:
    """The untranslated labels of the note's interaction's date and words."""
    interaction = payload.get("interaction")
    kind = interaction["kind"] if interaction else "visit"
    return _INTERACTION_LABELS.get(kind, _INTERACTION_LABELS["visit"])


def _short(words: str, size: int = 6) -> str:
    """The first words of a follow-up or a trip, to tell two apart on a button."""
    words = words.strip()
    return words if len(words) <= size else words[:size] + "…"


_NAME_LIST = re.compile(r"[、,;/和与及]+|\s+")


def _field_buttons(turn: Turn, draft: Draft) -> list[list[tuple[str, str]]]:
    _ = turn._
    payload = capture_payload(draft.payload)
    rows: list[list[tuple[str, str]]] = []

    def field(code: str) -> str:
        return callbacks.field(draft.id, code)

    if payload.get("company"):
        rows.append([(_("🏢 客户名"), field("company"))])
    for i, contact in enumerate(payload.get("contacts") or []):
        who = contact_label(contact)
        rows.append([(_("👤 {who} 姓名", who=who), field(f"c{i}n")), (_("职务"), field(f"c{i}t"))])
        rows.append([(_("🎂 生日"), field(f"c{i}b")), (_("📞 电话"), field(f"c{i}p"))])
        # a person read by mistake (the rep's own 王经理 in a pasted chat): not saved at all
        rows.append([(_("🗑 删除联系人 {who}", who=who), callbacks.drop_contact(draft.id, i))])
    if payload.get("interaction"):
        day, words = _interaction_labels(payload)
        rows.append([("📝 " + _(day), field("iw")), ("📝 " + _(words), field("is"))])
    follow_ups = payload.get("follow_ups") or []
    for j, follow_up in enumerate(follow_ups):
        # several: each pair says whose it is (⏰ 给您答复 日期), as the card's lines read
        if len(follow_ups) > 1:
            which = _short(follow_up.get("action") or "") or str(j + 1)
            pair = [(_("⏰ {which} 日期", which=which), field(f"f{j}d")),
                    (_("⏰ {which} 事项", which=which), field(f"f{j}a"))]  # fmt: skip
        else:
            pair = [(_("⏰ 跟进日期"), field(f"f{j}d")), (_("⏰ 跟进事项"), field(f"f{j}a"))]
        rows.append(pair)
    trips = payload.get("itineraries") or []
    for k, trip in enumerate(trips):
        if len(trips) > 1:
            which = _short(trip.get("place") or "") or str(k + 1)
            pair = [(_("✈️ {which} 日期", which=which), field(f"t{k}td")),
                    (_("✈️ {which} 地点", which=which), field(f"t{k}tp"))]  # fmt: skip
        else:
            pair = [(_("✈️ 行程日期"), field(f"t{k}td")), (_("✈️ 行程地点"), field(f"t{k}tp"))]
        rows.append(pair)
    features = [
        (_("🔁 采购周期"), field("pc"), payload.get("purchase_cycle")),
        (_("💳 付款周期"), field("py"), payload.get("payment_cycle")),
        (_("⚔️ 竞争对手"), field("cp"), payload.get("competitors")),
    ]
    said = [(label, data) for label, data, value in features if value]
    if said:
        rows.append(said)
    if payload.get("deal"):  # the reader's guess at a deal can be wrong: fix or drop it here
        rows.append(
            [
                (_("💼 商机阶段"), callbacks.deal_stages(draft.id)),
                (_("💼 商机金额"), field("da")),
                (_("💼 不是商机"), callbacks.no_deal(draft.id)),
            ]
        )
    rows.append([(_("⭐ 等级 {grade}", grade=g), callbacks.grade(draft.id, g)) for g in "ABC"])
    rows.append([(_("⬅️ 返回"), callbacks.back(draft.id))])
    return rows


# The ✏️ 修改 buttons' actions, on the member's own capture draft (notes.py finds it).


async def show_fields(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    turn.edit(turn._("要改哪一项?"), inline(_field_buttons(turn, draft)))


async def back_to_card(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    pending.finish(turn, CAPTURE_EDIT)
    await show_capture(turn, draft, edit=True)


async def set_grade(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    grade = found.group(2)
    if grade not in ("A", "B", "C"):
        stale(turn)
        return
    capture_payload(draft.payload)["grade"] = grade
    flag_modified(draft, "payload")
    await show_capture(turn, draft, edit=True)


async def drop_deal(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    """💼 不是商机: the note is saved without a deal."""
    capture_payload(draft.payload)["deal"] = None
    flag_modified(draft, "payload")
    await show_capture(turn, draft, edit=True)


async def drop_contact(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    """🗑 删除联系人: the note's person is left out of the draft; the card again, without them.
    Nothing is saved yet, so not saving is the way back."""
    payload = capture_payload(draft.payload)
    contacts = payload.get("contacts") or []
    index = callback_id(found.group(2))
    if index is None or index >= len(contacts):
        stale(turn)
        return
    del contacts[index]
    # answers 保存 may already hold, by the people's places: those after it move up one
    answers = (payload.get("resolve") or {}).get("contacts")
    if answers:
        payload["resolve"]["contacts"] = {
            str(i if i < index else i - 1): chosen
            for key, chosen in answers.items()
            if (i := int(key)) != index
        }
    flag_modified(draft, "payload")
    await show_capture(turn, draft, edit=True)


async def show_deal_stages(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    """💼 商机阶段: the stages by the team's names, one button each."""
    _ = turn._
    book = await stage_book(turn.session, turn.actor.team_id)
    rows = [
        [(stage_name(_, stage, book.names), callbacks.deal_stage(draft.id, stage.value))]
        for stage in DealStage
    ]
    rows.append([(_("⬅️ 返回"), callbacks.edit(draft.id))])
    turn.edit(_("这个商机到了哪个阶段?"), inline(rows))


async def set_deal_stage(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    deal = capture_payload(draft.payload).get("deal")
    if not deal or found.group(2) not in {stage.value for stage in DealStage}:
        stale(turn)
        return
    deal["stage"] = found.group(2)
    if found.group(2) != DealStage.LOST:
        deal["lost_reason"] = None  # a reason for a loss the rep says did not happen
    flag_modified(draft, "payload")
    await show_capture(turn, draft, edit=True)


async def ask_field(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    field = found.group(2)
    if _code(field) not in PROMPTS:
        stale(turn)
        return
    label, example = _prompt(capture_payload(draft.payload), field)
    what = {"draft": draft.id, "field": field}
    # ❌ 取消修改 is the menu's ⬅️ 返回: the card again as it was, the note still waiting
    leave = inline([[(turn._("❌ 取消修改"), callbacks.back(draft.id))]])
    # a contact keeps a name (无 would leave the old one): not offered
    pending.ask(
        turn, CAPTURE_EDIT, what, label, example, clearable=_code(field) != "n", buttons=leave
    )


def _prompt(payload: CapturePayload, field: str) -> tuple[str, str]:
    """The field's label and example: 请输入新的电话日期 for a call's."""
    label, example = PROMPTS[_code(field)]
    if field in ("iw", "is"):
        label = _interaction_labels(payload)[field == "is"]
    return label, example


def _index(field: str) -> int:
    """Which contact, follow-up … a field is of (c0n → 0, f1d → 1; company: 0)."""
    return int(re.sub(r"\D", "", field[:3]) or 0) if field != "company" else 0


def _code(field: str) -> str:
    """c0b → b, f1d → d, t0td → td, company → company."""
    return field if field in PROMPTS else re.sub(r"^[cft]\d+", "", field)


async def apply_edit(turn: Turn, text: str) -> None:
    """The member typed the new value of the field they picked."""
    _ = turn._
    state = pending.state(turn, CAPTURE_EDIT)
    assert state is not None
    draft = await turn.session.get(Draft, int(state["draft"]))
    if draft is None or draft.member_id != turn.member.id:
        pending.finish(turn, CAPTURE_EDIT)
        turn.say(_("这条记录已经处理过了。"))
        return
    field = str(state["field"])
    clear = text.strip() in CLEAR_WORDS
    if clear and _code(field) == "n":
        refused: str | None = _("姓名不能清空。请输入新的姓名,或发 取消。")
    else:
        refused = None if clear else _refused(turn, _code(field), text)
    if refused is not None:  # still waiting, nothing changed: the one line says why
        turn.say(refused)
        return
    if not clear and await doubted(turn, draft, field, text.strip()):
        pending.finish(turn, CAPTURE_EDIT)  # asked: the answer is a button
        return
    payload = capture_payload(draft.payload)
    if _code(field) == "n" and field.startswith("c"):
        await _hold_the_match(turn, payload, _index(field), text.strip())
    error = _set_value(payload, field, text.strip(), turn.now())
    if error in _WHY:
        turn.say(_(_WHY[error]))
        return
    if error is not None:
        pending.again(turn, *_prompt(capture_payload(draft.payload), field))
        return
    flag_modified(draft, "payload")
    pending.finish(turn, CAPTURE_EDIT)
    await show_capture(turn, draft, edit=False)


# Fields whose value is a day (and maybe an hour): a day no calendar has is said as such.
_DATES = frozenset({"b", "iw", "d", "td"})
# What a value read but refused is told (a follow-up is ahead, a visit behind).
_WHY = {
    "past": N_("这个日期已经过去了,请输入今天或以后的日期。"),
    "future": N_("这个日期还没到,请输入今天或以前的日期。"),
}


async def _hold_the_match(turn: Turn, payload: CapturePayload, index: int, name: str) -> None:
    """A full name typed for the card's 李经理, who is the customer's 李经理 already: the name is
    that contact's (one person, not a second 李明 beside them). Only when the name keeps
    their surname: 王芳 typed for 李经理 is someone the note misread, asked about on saving."""
    contacts = payload.get("contacts") or []
    resolve = payload.setdefault("resolve", {})
    answers = resolve.setdefault("contacts", {})
    if index >= len(contacts) or str(index) in answers:
        return
    fact = contacts[index]
    if not fact.get("surname") or not name.startswith(str(fact.get("surname"))):
        return
    customer = await _customer_said(turn, payload)
    if customer is None:
        return
    sure, _maybe = await ContactRepo(turn.session, turn.actor).candidates(
        customer,
        name=fact.get("name"),
        surname=fact.get("surname"),
        title=fact.get("title"),
        salutation=fact.get("salutation"),
    )
    if sure is not None:
        answers[str(index)] = sure.id


async def _customer_said(turn: Turn, payload: CapturePayload) -> Customer | None:
    """The rep's customer the card is about: the one already chosen, else the one named."""
    chosen = (payload.get("resolve") or {}).get("customer")
    if isinstance(chosen, int):
        return await CustomerRepo(turn.session, turn.actor).get(chosen)
    company = payload.get("company")
    return (await judge(turn.session, turn.actor, company)).exact if company else None


def _refused(turn: Turn, code: str, text: str) -> str | None:
    """Why the typed value cannot be the field's, in one line, or None to try reading it."""
    _ = turn._
    if code == "b":
        return no_such_leap_month_said(_, text) or no_such_moment_said(_, text)
    if code in _DATES:
        return no_such_moment_said(_, text)
    if code == "p":
        return not_a_phone_said(_, text)
    if code == "t":
        return not_a_title_said(_, text)
    if code == "n":
        return not_a_name_said(_, text)
    return None


async def _card_again(turn: Turn, what: dict[str, Any]) -> None:
    """取消 or /cancel while a field waits: the card as it was."""
    draft = await turn.session.get(Draft, int(what.get("draft", 0)))
    if draft is not None and draft.member_id == turn.member.id and draft.kind == "capture":
        await show_capture(turn, draft, edit=False)


# The member's next text message is the new value of the field they picked.
CAPTURE_EDIT = pending.ValueEdit("capture_edit", apply_edit, back=_card_again)


def _set_value(payload: CapturePayload, field: str, text: str, now: datetime) -> str | None:
    """Write one typed value into the payload; a reason when it cannot be read."""
    clear = text in CLEAR_WORDS
    code = _code(field)
    index = _index(field)
    if code == "company":
        payload["company"] = None if clear else text
        return None
    if code == "pc":
        payload["purchase_cycle"] = None if clear else text
        return None
    if code == "py":
        payload["payment_cycle"] = None if clear else text
        return None
    if code == "cp":
        payload["competitors"] = [] if clear else [n for n in _NAME_LIST.split(text) if n]
        return None
    if code == "da":
        return _set_deal_amount(payload, text, clear)
    if field.startswith("c"):
        contact = (payload.get("contacts") or [])[index]
        if code in ("n", "t"):
            _rename(contact, code, None if clear else text)
        elif code == "p":
            phones = read_phones(text)
            if not phones and not clear:
                return "phone"
            contact["phones"] = phones
        elif code == "b":
            if clear:
                contact["birthday"] = None
                return None
            return _set_birthday(contact, text, now)
        return None
    if field in ("iw", "is"):
        interaction = payload.get("interaction")
        if interaction is None:
            return None  # no visit on the card: its fields are not offered
        if field == "is":
            interaction["summary"] = None if clear else text
            return None
        if clear:  # 无: there was no visit; the note is kept as a 备注
            payload["interaction"] = None
            return None
        when = parse_when(text, now)
        if when is None:
            return "date"
        if when.day > now.date():
            return "future"
        interaction["when"] = when.start.isoformat()
        return None
    if field.startswith("f"):
        if clear:  # 无 for its date or its words: no follow-up
            del payload["follow_ups"][index]
            return None
        follow_up = (payload.get("follow_ups") or [])[index]
        if code == "a":
            follow_up["action"] = text or follow_up["action"]
            return None
        when = parse_when(text, now)
        if when is None:
            return "date"
        if when.day < now.date():
            return "past"
        follow_up["due"] = when.start.isoformat()
        return None
    if clear:  # 无 for its days or its place: no trip
        del payload["itineraries"][index]
        return None
    trip = (payload.get("itineraries") or [])[index]
    if code == "tp":
        trip["place"] = text
        return None
    when = parse_when(text, now)
    if when is None:
        return "date"
    end = when.end if when.end is not None else when.start
    trip["start"] = day_of(when.start).isoformat()
    trip["end"] = day_of(end).isoformat()
    return None


def _rename(contact: ContactData, code: str, text: str | None) -> None:
    """A new name (n) or title (t): the address made from the old ones follows (storage.naming)."""
    before = Naming(
        contact.get("name"), contact.get("surname"), contact.get("title"), contact.get("salutation")
    )
    if code == "n":
        after = renamed(before, text, before.title)
    else:
        after = renamed(before, before.name, text)
    contact["name"], contact["surname"] = after.name, after.surname
    contact["title"], contact["salutation"] = after.title, after.salutation


def _set_deal_amount(payload: CapturePayload, text: str, clear: bool) -> str | None:
    deal = payload.get("deal")
    if not deal:
        return None  # no deal on the card: its amount is not offered
    if clear:
        deal["amount"] = None
        return None
    amount = read_amount(text)
    if amount is None:
        return "amount"
    deal["amount"] = amount.value
    if amount.currency is not None:
        deal["currency"] = amount.currency
    return None


def _set_birthday(contact: ContactData, text: str, now: datetime) -> str | None:
    when = parse_when(text, now)
    if when is None:
        return "birthday"
    contact["birthday"] = birthday_of(when)
    return None
