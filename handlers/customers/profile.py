"""📋 完整档案: every field of a customer and of its contacts that has a value, and one tap
further its change log (old → new, who, when).

The card (card.py) stays compact; this is the archive the practice asks for, looked at again
and again: 基础资料 · 客户特征 · 业务状况 · 交易现状, each contact with every field, family
members with their birthdays, and the key-leader flag. Callback data (prof:…) is built and
read by callbacks.py; both buttons re-read the customer through the scoped repository, so a
forged id reaches nothing.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import func, or_, select
from telegram.ext import CallbackQueryHandler

from handlers.customers import callbacks
from handlers.kit.callback_data import callback_id
from handlers.kit.keyboards import inline
from handlers.kit.labels import (
    DECISION_ROLES,
    PHONE_FIELDS,
    STATUS_LABELS,
    field_label,
    flag_change,
    value_with_unit,
)
from handlers.kit.phones import shown_phones
from handlers.kit.render import MESSAGE_LIMIT, birthday, born_in
from handlers.kit.routes import follow, stale
from handlers.kit.turn import Turn, member_turn
from locales import N_, Translator
from storage.changes import DERIVED_FIELDS, FAMILY_FIELD
from storage.contacts import ContactRepo
from storage.customers import CustomerRepo
from storage.models import ChangeLog, Contact, Customer, FamilyMember, Member
from storage.push_buttons import view_customer

LOG_PAGE = 15

# The seed documents' four parts of a customer archive, by the fields that hold them.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (N_("基础资料"), ("address", "phone", "website", "legal_representative", "source")),
    (N_("客户特征"), ("industry", "scale", "business_scope", "purchase_cycle", "payment_cycle")),
    (N_("业务状况"), ("competitors", "current_suppliers", "our_products", "our_share")),
    (N_("备注"), ("notes",)),
)
CONTACT_ORDER = (
    "title",
    "salutation",
    "phones",
    "wechat",
    "email",
    "fax",
    "native_place",
    "education",
    "personality",
    "hobbies",
    "notes",
)


def _when_born(_: Translator, holder: Contact | FamilyMember, today: date) -> str | None:
    if not (holder.birthday_month and holder.birthday_day):
        return born_in(_, holder.birthday_year) if holder.birthday_year else None
    return birthday(
        _,
        holder.birthday_month,
        holder.birthday_day,
        lunar=holder.birthday_lunar,
        leap=holder.birthday_leap,
        year=holder.birthday_year,
        next_on=holder.birthday_next,
        today=today,
    )


def _value(_: Translator, field: str, value: object, region: str) -> str:
    if field in PHONE_FIELDS:
        return shown_phones(_, value if isinstance(value, str | list) else str(value), region)
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def contact_profile(
    _: Translator, contact: Contact, family: list[FamilyMember], today: date, region: str
) -> list[str]:
    head = f"👤 {contact.name}" + (" 🔑 " + _("关键人") if contact.is_key_leader else "")
    lines = [head]
    for field in CONTACT_ORDER:
        value = getattr(contact, field)
        if value:
            lines.append(f"  {field_label(_, field)}:{_value(_, field, value, region)}")
    if contact.decision_role in DECISION_ROLES:
        lines.append(f"  {_('决策角色')}:{_(DECISION_ROLES[contact.decision_role])}")
    born = _when_born(_, contact, today)
    if born:
        lines.append(f"  {_('生日')}:{born}")
    for relative in family:
        who = relative.relation + (f" {relative.name}" if relative.name else "")
        when = _when_born(_, relative, today)
        lines.append("  " + _("家人:{who}", who=who) + (f" · 🎂 {when}" if when else ""))
    return lines


async def render_profile(turn: Turn, customer: Customer) -> tuple[str, list[str]]:
    """(the customer's part, one block per contact)."""
    _ = turn._
    today = turn.today()
    owner = await turn.session.get(Member, customer.owner_id)
    grade = _("{grade}类", grade=customer.grade.value) if customer.grade else _("未分级")
    lines = [
        _("📋 「{name}」完整档案", name=customer.name),
        _(
            "{grade} · {status} · 负责人:{owner}",
            grade=grade,
            status=_(STATUS_LABELS[customer.status]),
            owner=owner.name if owner else "—",
        ),
    ]
    for title, fields in SECTIONS:
        values = [(f, getattr(customer, f)) for f in fields if getattr(customer, f)]
        if values:
            lines.append(f"【{_(title)}】")
            lines += [f"  {field_label(_, f)}:{_value(_, f, v, turn.region)}" for f, v in values]
    repo = ContactRepo(turn.session, turn.actor)
    blocks = []
    for contact in await repo.of_customer(customer):
        family = list(await repo.family_of(contact))
        blocks.append("\n".join(contact_profile(_, contact, family, today, turn.region)))
    return "\n".join(lines), blocks


def _fit(head: str, blocks: list[str], _: Translator) -> str:
    """The profile in one message; contacts past Telegram's limit are counted, not cut."""
    text = head
    if blocks:
        text += "\n" + _("【联系人】")
    for index, block in enumerate(blocks):
        if len(text) + len(block) + 40 > MESSAGE_LIMIT:
            return (
                text
                + "\n"
                + _.plural("…还有 {n} 位联系人", "…还有 {n} 位联系人", len(blocks) - index)
            )
        text += "\n" + block
    return text


async def _change_log(turn: Turn, customer: Customer, offset: int) -> None:
    _ = turn._
    contact_ids = select(Contact.id).where(Contact.customer_id == customer.id)
    scope = or_(
        (ChangeLog.entity == "customer") & (ChangeLog.entity_id == customer.id),
        (ChangeLog.entity == "contact") & ChangeLog.entity_id.in_(contact_ids),
    )
    # a derived column (the next birthday) was logged before 2026-12-03: never shown
    where = (
        (ChangeLog.team_id == customer.team_id)
        & scope
        & ChangeLog.field.not_in(sorted(DERIVED_FIELDS))
    )
    total = await turn.session.scalar(select(func.count()).select_from(ChangeLog).where(where))
    rows = (
        await turn.session.execute(
            select(ChangeLog, Member.name, Contact.name)
            .outerjoin(Member, Member.id == ChangeLog.member_id)
            .outerjoin(
                Contact, (ChangeLog.entity == "contact") & (Contact.id == ChangeLog.entity_id)
            )
            .where(where)
            .order_by(ChangeLog.changed_at.desc(), ChangeLog.id.desc())
            .offset(offset)
            .limit(LOG_PAGE)
        )
    ).all()
    lines = [_("🕘 「{name}」的修改记录({n} 条)", name=customer.name, n=total or 0)]
    for change, who, contact_name in rows:
        when = turn.local(change.changed_at).strftime("%m-%d %H:%M")
        label = field_label(_, change.field)
        if change.entity == "customer" and change.field == "name":
            label = _("客户名称")  # a contact's name is a 姓名
        if contact_name:
            label = f"{contact_name} · {label}"
        flag = flag_change(_, change.field, change.new_value) or _whole(_, change, turn.region)
        if flag is not None:  # 生日改为农历, not 农历生日 0 → 1
            lines.append(
                f"· {when} {who or '—'}:{f'{contact_name} · ' if contact_name else ''}{flag}"
            )
            continue
        old = value_with_unit(_, change.field, change.old_value, turn.region)
        new = value_with_unit(_, change.field, change.new_value, turn.region)
        lines.append(f"· {when} {who or '—'}:{label} {old} → {new}")
    if not rows:
        lines.append(_("还没有修改记录。"))
    nav: list[tuple[str, str]] = []
    if offset > 0:
        nav.append((_("⬅️ 上一页"), callbacks.change_log(customer.id, max(offset - LOG_PAGE, 0))))
    if offset + LOG_PAGE < (total or 0):
        nav.append((_("下一页 ➡️"), callbacks.change_log(customer.id, offset + LOG_PAGE)))
    keyboard = [nav] if nav else []
    keyboard.append(
        [
            (_("⬅️ 完整档案"), callbacks.profile(customer.id)),
            (_("🏢 客户"), view_customer(customer.id)),
        ]
    )
    text = "\n".join(lines)
    turn.edit(text[:MESSAGE_LIMIT], inline(keyboard))


def _whole(_: Translator, change: ChangeLog, region: str) -> str | None:
    """A birthday as one line (生日:3月8日 → 农历三月初八), as the save echo says it, and a
    family member's (👪 儿子 生日 1月10日); None for any other field."""
    old = value_with_unit(_, change.field, change.old_value, region)
    new = value_with_unit(_, change.field, change.new_value, region)
    if change.field == "birthday":
        return _("生日:{old} → {new}", old=old, new=new)
    if change.field.startswith(FAMILY_FIELD):
        relation = change.field.removeprefix(FAMILY_FIELD)
        said = f"{old} → {new}" if change.old_value else new
        return _("👪 {relation} 生日 {date}", relation=relation, date=said)
    return None


async def _customer(turn: Turn, found: re.Match[str]) -> Customer | None:
    customer_id = callback_id(found.group(1))
    repo = CustomerRepo(turn.session, turn.actor)
    customer = await repo.get(customer_id) if customer_id is not None else None
    if customer is None:
        turn.answer(turn._("找不到这个客户,或你没有权限查看。"), alert=True)
    return customer


async def _profile_button(turn: Turn, found: re.Match[str]) -> None:
    _ = turn._
    customer = await _customer(turn, found)
    if customer is None:
        return
    head, blocks = await render_profile(turn, customer)
    keyboard = [
        [(_("🕘 修改记录"), callbacks.change_log(customer.id))],
        [
            (_("✏️ 编辑资料"), callbacks.edit_customer(customer.id)),
            (_("⬅️ 返回"), view_customer(customer.id)),
        ],
    ]
    turn.edit(_fit(head, blocks, _), inline(keyboard))


async def _change_log_button(turn: Turn, found: re.Match[str]) -> None:
    customer, offset = await _customer(turn, found), callback_id(found.group(2))
    if customer is None:
        return
    if offset is None:
        stale(turn)
        return
    await _change_log(turn, customer, offset)


ROUTES = ((callbacks.PROFILE, _profile_button), (callbacks.CHANGE_LOG, _change_log_button))


@member_turn
async def profile_button_pressed(turn: Turn) -> None:
    await follow(turn, ROUTES)


def profile_handlers() -> list[object]:
    return [CallbackQueryHandler(profile_button_pressed, pattern=callbacks.PROFILE_PATTERN)]
