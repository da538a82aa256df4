"""The customer card: essentials, contacts with birthdays, last interactions, open follow-ups,
upcoming itineraries — and the buttons that act on them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Row
from telegram import InlineKeyboardMarkup

from handlers.customers import callbacks
from handlers.customers.geo import distance_line
from handlers.deals.buttons import deal_rows
from handlers.deals.payments import card_section
from handlers.deals.text import deal_parts
from handlers.kit import doors, starts
from handlers.kit.keyboards import inline
from handlers.kit.labels import DECISION_ROLES, KIND_LABELS, STATUS_LABELS
from handlers.kit.phones import shown_phone, shown_phones
from handlers.kit.render import birthday, born_in, clip, date_range, moment, record_lines
from handlers.kit.turn import Turn
from handlers.team import callbacks as team_callbacks
from locales import N_, Translator
from storage.activities import (
    card_follow_ups,
    recent_records,
    record_time,
    task_words,
    upcoming_itineraries,
)
from storage.contacts import ContactRepo
from storage.deals import DealRepo
from storage.models import Contact, Customer, FamilyMember, FollowUp, Member
from storage.naming import heading
from storage.payments import card_deals

# The latest records a card lists.
CARD_RECORDS = 5


def contact_line(
    _: Translator,
    contact: Contact | Row[*tuple[Any, ...]],
    today: datetime,
    region: str,
    family: Sequence[FamilyMember] = (),
) -> str:
    """王建国 局长(王局长)🔑 · 📞 138 1234 5678 · 🎂 农历三月初八(下次:…) · 🎂 儿子 1月15日"""
    head = heading(contact.name, contact.surname, contact.title, contact.salutation)
    if contact.is_key_leader:
        head += " 🔑"
    parts = [head]
    role = contact.decision_role
    if role in DECISION_ROLES:
        parts.append(_(DECISION_ROLES[role]))
    if contact.phones:
        parts.append("📞 " + shown_phones(_, contact.phones, region))
    if contact.fax:
        parts.append(_("传真 {fax}", fax=shown_phone(_, contact.fax, region)))
    if contact.wechat:
        parts.append(_("微信 {wechat}", wechat=contact.wechat))
    if contact.card_file_id:
        parts.append("📇")
    if contact.birthday_month and contact.birthday_day:
        parts.append(
            "🎂 "
            + birthday(
                _,
                contact.birthday_month,
                contact.birthday_day,
                lunar=contact.birthday_lunar,
                leap=contact.birthday_leap,
                year=contact.birthday_year,
                next_on=contact.birthday_next,
                today=today.date(),
            )
        )
    elif contact.birthday_year:
        parts.append("🎂 " + born_in(_, contact.birthday_year))
    # the family's birthdays, short (the day alone): a greeting the card reminds of
    for relative in family:
        if relative.birthday_month and relative.birthday_day:
            day = birthday(
                _,
                relative.birthday_month,
                relative.birthday_day,
                lunar=relative.birthday_lunar,
                leap=relative.birthday_leap,
            )
            parts.append(f"🎂 {relative.relation} {day}")
    if contact.hobbies:
        parts.append(_("爱好 {hobbies}", hobbies=clip(contact.hobbies)))
    return " · ".join(parts)


def noted_line(turn: Turn, follow_up: FollowUp) -> str:
    """A follow-up as one of the records (a note made it): ⏰ 12月3日(周四) 09:30 给王局打电话."""
    due = follow_up.due_at or follow_up.due_date
    return f"⏰ {moment(turn._, due, turn.member.timezone, turn.today())} {clip(follow_up.text)}"


async def render_card(turn: Turn, customer: Customer) -> tuple[str, InlineKeyboardMarkup]:
    _ = turn._
    session = turn.session
    timezone = turn.member.timezone
    now = datetime.now(ZoneInfo(timezone))
    today = now.date()
    owner = await session.get(Member, customer.owner_id)
    grade = _("{grade}类", grade=customer.grade.value) if customer.grade else _("未分级")
    lines = [
        f"🏢 {customer.name}",
        _(
            "{grade} · {status} · 负责人:{owner}",
            grade=grade,
            status=_(STATUS_LABELS[customer.status]),
            owner=owner.name if owner else "—",
        ),
    ]
    if customer.last_contact_at is None:
        lines.append(_("最近联系:还没有记录"))
    else:
        days = (today - customer.last_contact_at.astimezone(ZoneInfo(timezone)).date()).days
        lines.append(
            _.plural("最近联系:{n} 天前", "最近联系:{n} 天前", days) if days else _("最近联系:今天")
        )
    details = [
        (N_("行业"), customer.industry),
        (N_("电话"), shown_phones(_, customer.phone, turn.region)),
        (N_("地址"), customer.address),
        (N_("网址"), customer.website),
        (N_("规模"), customer.scale),
    ]
    for label, value in details:
        if value:
            lines.append(f"{_(label)}:{clip(value)}")
    distance = distance_line(turn, customer)
    if distance:
        lines.append(distance)

    contacts = await ContactRepo(session, turn.actor).card_lines(customer)
    if contacts:
        lines.append(_("👤 联系人"))
        families = await ContactRepo(session, turn.actor).families_of(contacts)
        lines += [
            f"  · {contact_line(_, c, now, turn.region, families.get(c.id, ()))}" for c in contacts
        ]
    follow_ups, noted = await card_follow_ups(session, customer, noted=CARD_RECORDS)
    records = await recent_records(session, customer, limit=CARD_RECORDS, noted=noted)
    if records:
        lines.append(_("📝 最近记录"))
        for item in records:
            when = moment(
                _, record_time(item).astimezone(ZoneInfo(timezone)).date(), timezone, today
            )
            if isinstance(item, FollowUp):  # a note that made only this follow-up
                text, words = record_lines(noted_line(turn, item), item.note, whole=False)
                lines.append(f"  · {when} {text}")
            else:
                text, words = record_lines(
                    item.summary and clip(item.summary), item.note, whole=False
                )
                if item.outcome:
                    text += f"({clip(item.outcome)})"
                kind = _(KIND_LABELS[item.kind])
                lines.append(f"  · {when} {kind}{':' + text if text else ''}")
            if words:
                lines.append(f"    「{words}」")
    if follow_ups:
        lines.append(_("⏰ 待跟进"))
        for follow_up in follow_ups:
            due = moment(_, follow_up.due_at or follow_up.due_date, timezone, today)
            overdue = _("(已逾期)") if follow_up.due_date < today else ""
            lines.append(
                f"  · {due} {task_words(follow_up.text, follow_up.note, customer.name)}{overdue}"
            )
    repo = DealRepo(session, turn.actor)
    deals, collecting_deals = await card_deals(session, turn.actor, customer, turn.now())
    if deals:
        await repo.stages()  # as DealRepo.open_of: a card without deals names no stage
    if deals:
        lines.append(_("💼 商机"))
        for deal in deals:
            parts = deal_parts(
                _, deal.title, deal.amount, deal.currency, deal.stage, deal.close_date, today,
                repo.book.names,
            )  # fmt: skip
            lines.append("  · " + " · ".join(parts))
    collecting, collect_rows = await card_section(turn, collecting_deals)
    lines += collecting
    # Trips belong to contacts: a customer without any has none to look up.
    trips = await upcoming_itineraries(session, customer, today) if contacts else []
    if trips:
        lines.append(_("✈️ 行程"))
        for trip, contact in trips:
            who = contact.salutation or contact.name
            purpose = f" · {clip(trip.purpose)}" if trip.purpose else ""
            span = date_range(_, trip.starts_on, trip.ends_on, today)
            lines.append(f"  · {who} {span} {trip.place}{purpose}")
    cid = customer.id
    if turn.member.is_manager and customer.owner_id != turn.member.id:
        # A manager reads a rep's customer; acting on it means taking it over (or assigning).
        lines.append(_("👀 只读:这是 {owner} 的客户。", owner=owner.name if owner else "—"))
        rows = [
            [
                (_("🙋 接手"), team_callbacks.take_over(cid)),
                (_("👤 分配"), team_callbacks.assign(cid)),
            ],
            [
                (_("📋 完整档案"), callbacks.profile(cid)),
                (_("📜 全部记录"), callbacks.history(cid)),
            ],
            [(_("⬅️ 客户列表"), callbacks.customer_list())],
        ]
        return "\n".join(lines), inline(rows)
    rows = [
        [(_("📝 记拜访"), starts.visit(cid)), (_("⏰ 加跟进"), starts.follow_up(cid))],
        [
            (_("👤 加联系人"), starts.contact(cid)),
            (_("💼 新商机"), starts.new_deal(cid)),
            (_("⭐ 改等级"), callbacks.grades(cid)),
        ],
        [(_("📋 完整档案"), callbacks.profile(cid)), (_("📜 全部记录"), callbacks.history(cid))],
        [
            (_("✏️ 编辑资料"), callbacks.edit_customer(cid)),
            (_("🛠 改记录"), callbacks.record_list(cid)),
        ],
        [(_("🗑 删除"), callbacks.delete(cid)), (_("⬅️ 客户列表"), callbacks.customer_list())],
    ]
    if turn.member.is_manager:
        rows.insert(3, [(_("👤 分配"), team_callbacks.assign(cid))])
    rows[1:1] = deal_rows(_, [d for d in deals if d.owner_id == turn.member.id]) + collect_rows
    cards = [c for c in contacts if c.card_file_id][:3]
    if cards:  # the business card photos, one tap away (handlers/capture/photos.py)
        rows.insert(
            2, [(_("📇 {name}的名片", name=c.name[:12]), doors.business_card(c.id)) for c in cards]
        )
    return "\n".join(lines), inline(rows)
