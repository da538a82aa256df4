"""✏️ 编辑资料: every archive field of a customer or a contact, changed by button.

Text fields take the next message as their value; choices (grade, status, decision role,
key leader) are buttons. Every change goes through the repositories, so the old value is kept
in the change log.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from telegram.ext import CallbackQueryHandler

from handlers.customers import callbacks
from handlers.customers.archive import show_card
from handlers.kit import pending
from handlers.kit.callback_data import callback_enum, callback_id
from handlers.kit.keyboards import inline
from handlers.kit.labels import DECISION_ROLES, FIELD_LABELS, PHONE_FIELDS, STATUS_LABELS
from handlers.kit.note_or_name import reads_as_note
from handlers.kit.ownership import refuse_unless_owner
from handlers.kit.phones import shown_phones
from handlers.kit.render import (
    birthday,
    clip,
    no_such_leap_month_said,
    not_a_name_said,
    not_a_title_said,
)
from handlers.kit.turn import Turn, member_turn
from locales import N_
from parsing.dates import parse_when
from parsing.notes import parse_note
from parsing.values import CLEAR_WORDS, read_phones, read_share
from storage.birthdays import birthday_columns, birthday_of
from storage.changes import CLEAR, length_limit
from storage.contacts import ContactRepo
from storage.customers import CustomerRepo
from storage.matching import judge
from storage.models import Contact, Customer, CustomerStatus
from storage.naming import Naming, renamed
from storage.push_buttons import view_customer


def _labelled(examples: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Each field with its name (kit.labels, shared with 完整档案 and the histories) and the
    example its prompt shows."""
    return {field: (FIELD_LABELS[field], example) for field, example in examples.items()}


# The customer's name first: a typo read from a note (华东电力设记院) or a sentence taken for a
# name can be put right, not only deleted (tryout 13).
CUSTOMER_FIELDS = {"name": (N_("客户名称"), N_("华东电力设计院"))} | _labelled(
    {
        "industry": N_("电力设计"),
        "address": N_("上海市黄浦区中山南路1号"),
        "phone": "021-63210000",
        "legal_representative": N_("张伟"),
        "scale": N_("2000人,年产值30亿"),
        "business_scope": N_("电力工程设计、咨询"),
        "purchase_cycle": N_("每年3月集中招标"),
        "payment_cycle": N_("验收后60天"),
        "competitors": N_("南瑞、许继"),
        "current_suppliers": N_("西门子"),
        "our_products": N_("配电柜、监控系统"),
        "our_share": "30%",
        "source": N_("展会"),
        "notes": N_("年底预算紧"),
    }
)
# The customer fields the card shows itself (customers/card.py); another one edited is said.
_ON_THE_CARD = frozenset({"industry", "phone", "address", "scale"})
CONTACT_FIELDS = _labelled(
    {
        "name": N_("王建国"),
        "title": N_("局长"),
        "salutation": N_("王局长"),
        "phones": "13812345678",
        "wechat": "wjg_1975",
        "email": "wang@example.com",
        "birthday": N_("农历三月初八 或 5月20日"),
        "hobbies": N_("话剧、钓鱼"),
        "native_place": N_("山东"),
        "education": N_("清华大学"),
        "personality": N_("直爽,重细节"),
        "notes": N_("不喝酒"),
    }
)


class BadValue(Exception):
    pass


def _too_long(turn: Turn, model: type[Customer | Contact], field: str, text: str) -> bool:
    """Say so when `text` is more than the field holds; the member is still editing it."""
    limit = length_limit(model, field)
    if limit is None or len(text) <= limit:
        return False
    fields = CUSTOMER_FIELDS if model is Customer else CONTACT_FIELDS
    label = turn._(fields[field][0])
    turn.say(turn._("{label}太长了(最多 {n} 个字),请精简后再发。", label=label, n=limit))
    return True


def _rows_of(
    turn: Turn, fields: dict[str, tuple[str, str]], data: Callable[[str], str]
) -> list[list[tuple[str, str]]]:
    _ = turn._
    labels = [(_(label), data(key)) for key, (label, _example) in fields.items()]
    return [labels[i : i + 3] for i in range(0, len(labels), 3)]


async def _customer_menu(turn: Turn, customer: Customer) -> None:
    _ = turn._
    cid = customer.id
    rows = _rows_of(turn, CUSTOMER_FIELDS, lambda field: callbacks.edit_customer_field(cid, field))
    rows.append([(_("⭐ 等级"), callbacks.grades(cid)), (_("📌 状态"), callbacks.edit_status(cid))])
    contacts = await ContactRepo(turn.session, turn.actor).of_customer(customer)
    rows += [[(f"👤 {c.salutation or c.name}", callbacks.edit_contact(c.id))] for c in contacts]
    rows.append([(_("⬅️ 返回客户"), view_customer(cid))])
    turn.edit(_("编辑「{name}」:选一项", name=customer.name), inline(rows))


async def _contact_menu(turn: Turn, contact: Contact) -> None:
    _ = turn._
    kid = contact.id
    rows = _rows_of(turn, CONTACT_FIELDS, lambda field: callbacks.edit_contact_field(kid, field))
    leader = _("🔑 取消关键人") if contact.is_key_leader else _("🔑 设为关键人")
    rows.append(
        [(_("🎯 决策角色"), callbacks.edit_role(kid)), (leader, callbacks.edit_key_leader(kid))]
    )
    rows.append(
        [
            (_("🗑 删除联系人"), callbacks.delete_contact(kid)),
            (_("⬅️ 返回客户"), view_customer(contact.customer_id)),
        ]
    )
    turn.edit(_("编辑联系人 {name}:选一项", name=contact.salutation or contact.name), inline(rows))


# -- the customer's buttons (the customer is the member's, checked before these run) ---------


async def _customer_field(turn: Turn, customer: Customer, extra: str | None) -> None:
    if extra in CUSTOMER_FIELDS:
        _ask(turn, customer, extra, CUSTOMER_FIELDS[extra])
    else:
        turn.answer(turn._("这个按钮已失效。"), alert=True)


async def _status(turn: Turn, customer: Customer, extra: str | None) -> None:
    _ = turn._
    if extra is None:
        rows = [
            [(_(label), callbacks.edit_status(customer.id, status.value))]
            for status, label in STATUS_LABELS.items()
        ]
        turn.edit(_("「{name}」现在的状态:", name=customer.name), inline(rows))
        return
    status = callback_enum(extra, CustomerStatus)
    if status is None:
        turn.answer(_("这个按钮已失效。"), alert=True)
        return
    CustomerRepo(turn.session, turn.actor).update(customer, {"status": status})
    await show_card(turn, customer, edit=True)


async def _menu(turn: Turn, customer: Customer, extra: str | None) -> None:
    await _customer_menu(turn, customer)


# -- a contact's buttons (its customer is the member's) --------------------------------------


async def _contact(turn: Turn, contact: Contact, customer: Customer, extra: str | None) -> None:
    await _contact_menu(turn, contact)


async def _key_leader(turn: Turn, contact: Contact, customer: Customer, extra: str | None) -> None:
    repo = ContactRepo(turn.session, turn.actor)
    repo.update(contact, customer.team_id, {"is_key_leader": not contact.is_key_leader})
    await _contact_menu(turn, contact)


async def _role(turn: Turn, contact: Contact, customer: Customer, extra: str | None) -> None:
    _ = turn._
    if extra is None:
        rows = [
            [(_(label), callbacks.edit_role(contact.id, role))]
            for role, label in DECISION_ROLES.items()
        ]
        turn.edit(
            _("{name} 在采购决策中的角色:", name=contact.salutation or contact.name), inline(rows)
        )
        return
    if extra not in DECISION_ROLES:
        turn.answer(_("这个按钮已失效。"), alert=True)
        return
    ContactRepo(turn.session, turn.actor).update(
        contact, customer.team_id, {"decision_role": extra}
    )
    await show_card(turn, customer, edit=True)


async def _contact_field(
    turn: Turn, contact: Contact, customer: Customer, extra: str | None
) -> None:
    if extra in CONTACT_FIELDS:
        _ask(turn, contact, extra, CONTACT_FIELDS[extra])
    else:
        turn.answer(turn._("这个按钮已失效。"), alert=True)


async def _delete(turn: Turn, contact: Contact, customer: Customer, extra: str | None) -> None:
    _ = turn._
    if extra == "yes":
        await ContactRepo(turn.session, turn.actor).delete(contact)
        turn.edit(
            _("已删除联系人 {name}。", name=contact.name),
            inline([[(_("↩️ 撤销删除"), callbacks.undo_contact(contact.id))]]),
        )
        return
    turn.edit(
        _("确定删除联系人 {name} 吗?24 小时内可以撤销。", name=contact.name),
        inline(
            [
                [
                    (_("🗑 确定删除"), callbacks.delete_contact(contact.id, confirmed=True)),
                    (_("❌ 取消"), callbacks.edit_contact(contact.id)),
                ]
            ]
        ),
    )


CustomerAction = Callable[[Turn, Customer, str | None], Awaitable[None]]
ContactAction = Callable[[Turn, Contact, Customer, str | None], Awaitable[None]]
CUSTOMER_ACTIONS: tuple[tuple[re.Pattern[str], CustomerAction], ...] = (
    (callbacks.EDIT_CUSTOMER, _menu),
    (callbacks.EDIT_CUSTOMER_FIELD, _customer_field),
    (callbacks.EDIT_STATUS, _status),
)
CONTACT_ACTIONS: tuple[tuple[re.Pattern[str], ContactAction], ...] = (
    (callbacks.EDIT_CONTACT, _contact),
    (callbacks.EDIT_KEY_LEADER, _key_leader),
    (callbacks.EDIT_ROLE, _role),
    (callbacks.EDIT_CONTACT_FIELD, _contact_field),
    (callbacks.EDIT_DELETE_CONTACT, _delete),
)


def _extra(found: re.Match[str]) -> str | None:
    return found.group(2) if found.re.groups > 1 else None


@member_turn
async def edit_button(turn: Turn) -> None:
    _ = turn._
    query = turn.update.callback_query
    assert query is not None
    data = query.data or ""
    if (undo := callbacks.EDIT_UNDO_CONTACT.match(data)) is not None:
        contact_id = callback_id(undo.group(1))
        if contact_id is not None:
            await _undo_contact(turn, contact_id)
            return
    for pattern, customer_action in CUSTOMER_ACTIONS:
        if (found := pattern.match(data)) is None:
            continue
        target = callback_id(found.group(1))
        customer = await CustomerRepo(turn.session, turn.actor).get(target) if target else None
        if customer is None:
            turn.answer(_("找不到这个客户,或你没有权限查看。"), alert=True)
        elif not await refuse_unless_owner(turn, customer):
            await customer_action(turn, customer, _extra(found))
        return
    for pattern, contact_action in CONTACT_ACTIONS:
        if (found := pattern.match(data)) is None:
            continue
        target = callback_id(found.group(1))
        contact = await ContactRepo(turn.session, turn.actor).get(target) if target else None
        if contact is None:
            turn.answer(_("找不到这个联系人。"), alert=True)
            return
        owner = await CustomerRepo(turn.session, turn.actor).get(contact.customer_id)
        assert owner is not None
        if not await refuse_unless_owner(turn, owner):
            await contact_action(turn, contact, owner, _extra(found))
        return
    turn.answer(_("这个按钮已失效。"), alert=True)


async def _undo_contact(turn: Turn, contact_id: int) -> None:
    _ = turn._
    restored = await ContactRepo(turn.session, turn.actor).restore(contact_id)
    if restored is None and await ContactRepo(turn.session, turn.actor).get(contact_id):
        turn.answer(_("已经撤销过了"))  # a second tap: the contact is back already
        return
    if restored is None:
        turn.answer(_("无法撤销:已超过 24 小时。"), alert=True)
        return
    turn.answer(_("已撤销删除。"))
    await _contact_menu(turn, restored)


SKIP_WORDS = frozenset({"跳过", "不改", "skip"})


def _current(turn: Turn, entity: Customer | Contact, field: str) -> str | None:
    """The value a field holds now, as the prompt shows it."""
    if isinstance(entity, Contact) and field == "birthday":
        if not (entity.birthday_month and entity.birthday_day):
            return None
        return birthday(
            turn._,
            entity.birthday_month,
            entity.birthday_day,
            lunar=entity.birthday_lunar,
            leap=entity.birthday_leap,
            year=entity.birthday_year,
            next_on=entity.birthday_next,
            today=turn.today(),
        )
    value = getattr(entity, field, None)
    if field in PHONE_FIELDS and value:
        return shown_phones(turn._, value, turn.region)
    if isinstance(value, list):
        return "、".join(str(v) for v in value) or None
    return clip(str(value)) if value else None


def _ask(turn: Turn, entity: Customer | Contact, field: str, spec: tuple[str, str]) -> None:
    kind = "contact" if isinstance(entity, Contact) else "customer"
    pending.ask(
        turn,
        ARCHIVE_EDIT,
        {"kind": kind, "id": entity.id, "field": field},
        *spec,
        current=_current(turn, entity, field),
        archive=True,
        clearable=field != "name",  # a name cannot be emptied: 无 is not offered
    )


async def apply_archive_edit(turn: Turn, text: str) -> None:
    """The member typed the new value of the archive field they picked."""
    _ = turn._
    state = pending.state(turn, ARCHIVE_EDIT)
    assert state is not None
    text = text.strip()
    clear = text in CLEAR_WORDS
    customers, contacts = (
        CustomerRepo(turn.session, turn.actor),
        ContactRepo(turn.session, turn.actor),
    )
    field = str(state["field"])
    if text.lower() in SKIP_WORDS:
        # 跳过: keep the value; back to the card the field belongs to.
        pending.finish(turn, ARCHIVE_EDIT)
        turn.say(_("好的,没有改动。"))
        await _card_of(turn, state)
        return
    if clear and state["kind"] == "contact" and field == "name":
        turn.say(_("姓名不能清空。请输入新的姓名,或发“跳过”不改。"))
        return
    if state["kind"] == "customer":
        customer = await customers.get(int(state["id"]))
        if customer is None or field not in CUSTOMER_FIELDS:
            pending.finish(turn, ARCHIVE_EDIT)
            turn.say(_("找不到这个客户,或你没有权限查看。"))
            return
        if field == "name":
            if await _renamed(turn, customer, text, clear):
                pending.finish(turn, ARCHIVE_EDIT)
                await show_card(turn, customer)
            return  # else still waiting for a name: the one line said why
        if not clear and _too_long(turn, Customer, field, text):
            return
        if field == "our_share" and not clear:
            share = read_share(text)
            if share is None:  # still waiting: 一半吧 is 50%, 很多 is no share
                turn.say(_("我方份额请写成百分比,例如:30%、一半、五成。"))
                return
            text = f"{share}%"
        customers.update(customer, {field: CLEAR if clear else text})
        pending.finish(turn, ARCHIVE_EDIT)
        if field not in _ON_THE_CARD:  # the short card does not show it: say what was kept
            label = _(CUSTOMER_FIELDS[field][0])
            turn.say(
                _("✅ {label}已清空。", label=label)
                if clear
                else _("✅ {label}:{value}", label=label, value=clip(text))
            )
        await show_card(turn, customer)
        return
    contact = await contacts.get(int(state["id"]))
    if contact is None or field not in CONTACT_FIELDS:
        pending.finish(turn, ARCHIVE_EDIT)
        turn.say(_("找不到这个联系人。"))
        return
    customer = await customers.get(contact.customer_id)
    assert customer is not None
    if not clear and field != "name" and _too_long(turn, Contact, field, text):
        return
    refused = no_such_leap_month_said(turn._, text) if field == "birthday" else None
    if field == "title" and not clear:
        refused = not_a_title_said(turn._, text)
    if field == "name" and not clear:
        refused = not_a_name_said(turn._, text)
    if refused:
        turn.say(refused)  # still waiting for the birthday, the title or the name
        return
    try:
        changes = _contact_change(turn, field, text, clear)
    except BadValue:
        pending.again(turn, *CONTACT_FIELDS[field])
        return
    if field in ("name", "title"):
        changes.update(_readdressed(contact, field, None if clear else text))
    contacts.update(contact, customer.team_id, changes)
    pending.finish(turn, ARCHIVE_EDIT)
    await show_card(turn, customer)


async def _renamed(turn: Turn, customer: Customer, text: str, clear: bool) -> bool:
    """客户名称 typed in 编辑资料: the customer renamed, or one line saying why not (it cannot
    be emptied, is plainly a sentence, or is the name of another customer of the team)."""
    _ = turn._
    if clear:
        turn.say(_("客户名称不能清空。请输入新的名称,或发“跳过”不改。"))
        return False
    name = " ".join(text.split())
    if _too_long(turn, Customer, "name", name):
        return False
    # The rule quick capture and /newcustomer read a note by (a person's facts, a cycle, a
    # competitor, a day said …), and a phone; a long plain name is not refused for its length.
    now, longest = turn.now(), length_limit(Customer, "name") or len(name)
    if read_phones(name) or reads_as_note(parse_note(name, now), name, now, plain=longest):
        turn.say(
            _(
                "这看起来是一条记录,不像客户名称。请只输入公司名,例如:华东电力设计院;"
                "要记下这段话,请先发 取消 再发一次。"
            )
        )
        return False
    judged = await judge(turn.session, turn.actor, name)
    same = judged.exact or judged.theirs
    if same is not None and same.id != customer.id:
        owner = judged.owner.name if judged.owner is not None else turn.member.name
        turn.say(
            _(
                "团队里已有客户「{name}」(由 {owner} 负责),不能改成同一个名称。"
                "请输入别的名称,或发“跳过”不改。",
                name=same.name,
                owner=owner,
            )
        )
        return False
    old = customer.name
    if CustomerRepo(turn.session, turn.actor).update(customer, {"name": name}):
        turn.say(_("✅ 客户名称:{old} → {new}", old=old, new=name))
    return True


async def _card_of(turn: Turn, what: dict[str, Any]) -> None:
    """The card of the customer whose field was being edited (after 跳过, 取消 or /cancel)."""
    customers = CustomerRepo(turn.session, turn.actor)
    contacts = ContactRepo(turn.session, turn.actor)
    target = await (customers if what.get("kind") == "customer" else contacts).get(
        int(what.get("id", 0))
    )
    customer_id = target.id if isinstance(target, Customer) else getattr(target, "customer_id", -1)
    owner = await customers.get(customer_id)
    if owner is not None:
        await show_card(turn, owner)


# The member's next text message is the new value of the archive field they picked.
ARCHIVE_EDIT = pending.ValueEdit("archive_edit", apply_archive_edit, back=_card_of)


def _contact_change(turn: Turn, field: str, text: str, clear: bool) -> dict[str, Any]:
    if clear and field == "birthday":
        return dict.fromkeys(
            ("birthday_month", "birthday_day", "birthday_year", "birthday_next"), CLEAR
        )
    if clear:
        return {field: CLEAR}
    if field == "phones":
        phones = read_phones(text)
        if not phones:
            raise BadValue
        return {"phones": phones}
    if field == "birthday":
        now = turn.now()
        when = parse_when(text, now)
        if when is None:
            raise BadValue
        return birthday_columns(birthday_of(when), now.date())
    if field == "name" and not 1 <= len(text) <= 50:
        raise BadValue
    return {field: text}


def _readdressed(contact: Contact, field: str, text: str | None) -> dict[str, Any]:
    """A new name or title: the form of address made from the old ones is made again
    (storage.naming.renamed), and the surname goes with the name."""
    before = Naming(contact.name, contact.surname, contact.title, contact.salutation)
    if field == "name":
        after = renamed(before, text, before.title)
    else:
        after = renamed(before, before.name, text)
    fields = {"surname": after.surname, "salutation": after.salutation}
    if field == "name":
        fields["title"] = after.title
    return {key: CLEAR if value is None else value for key, value in fields.items()}


def archive_edit_handlers() -> list[object]:
    return [CallbackQueryHandler(edit_button, pattern=callbacks.EDIT_PATTERN)]
