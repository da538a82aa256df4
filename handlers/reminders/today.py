"""/today (📅 今日): the member's day — follow-ups due and overdue, today's birthdays and
festivals, trips of contacts that start, continue or end today, customers past their cadence.

The same reads as the morning digest (storage/planning.py), for one member at the moment they
ask, each item numbered with its buttons (the digest's: ✅ 完成 / ⏰ 推迟 a follow-up, ✅ 已发送 a
birthday greeting, ➕ 加跟进 a trip, 🔎 查看 the customer). The lines reuse the digest's words.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from telegram.ext import CommandHandler, MessageHandler, filters

from handlers.kit import commands
from handlers.kit.keyboards import TODAY, inline, label_pattern
from handlers.kit.render import clock
from handlers.kit.turn import Turn, member_turn
from locales import N_, Translator
from locales.words import FESTIVALS, day_range, day_with_weekday, greeting, lunar_name, weekday
from parsing.dates import festival_day
from storage import push_buttons
from storage.activities import due_follow_ups, task_words
from storage.models import Grade
from storage.naming import spoken
from storage.planning import (
    BirthdayRow,
    TripRow,
    birthdays_on,
    customers_quiet_since,
    past_cadence,
    team_cadence,
    trips_around,
)

Rows = list[list[tuple[str, str]]]
# Items that get their own row of buttons; the rest are listed (as in the digest).
BUTTON_ITEMS = 10
SECTION_CAP = 10


def festivals_today(today: date) -> list[str]:
    found = []
    for key, label in FESTIVALS:
        try:
            if festival_day(key, today.year) == today:
                found.append(label)
        except (ValueError, KeyError):  # pragma: no cover - outside lunar-python's range
            continue
    return found


def _birthday_line(_: Translator, row: BirthdayRow, today: date) -> str:
    who = spoken(row.surname, row.title, row.salutation, row.contact_name)
    if row.relation:
        who = _("{who}的{relation}", who=who, relation=row.relation) + (row.family_name or "")
    solar = day_with_weekday(_, row.on)
    written = f"{lunar_name(_, row.month, row.day, row.leap)}({solar})" if row.lunar else solar
    age = _(",{n} 岁", n=row.on.year - row.year) if row.year and not row.relation else ""
    return _(
        "{when} {who}({customer})生日:{date}{age}",
        when=_("今天"),
        who=who,
        customer=row.customer_name,
        date=written,
        age=age,
    )


def _trip_line(_: Translator, trip: TripRow, today: date) -> str:
    span = day_range(_, trip.starts_on, trip.ends_on)
    detail = f"{trip.purpose},{span}" if trip.purpose else span
    if _.language == "en":
        detail = f"{trip.purpose}, {span}" if trip.purpose else span
    who = spoken(trip.surname, trip.title, trip.salutation, trip.contact_name)
    values = {"who": who, "place": trip.place, "detail": detail}
    if trip.starts_on == today:
        return _("{who}今天起在{place}({detail})", **values)
    if trip.ends_on == today:
        return _("{who}今天结束在{place}的行程({detail})", **values)
    return _("{who}正在{place}({detail})", **values)


@member_turn
async def today(turn: Turn) -> None:
    _ = turn._
    now = turn.now()
    day = now.date()
    member = turn.member
    lines = [
        greeting(_, now.hour)
        + _(
            "今天是{month}月{day}日 {weekday}",
            month=day.month,
            day=day.day,
            weekday=weekday(_, day),
        )
    ]
    rows: Rows = []
    number = 0

    def item(line: str, buttons: list[tuple[str, str]]) -> None:
        nonlocal number
        number += 1
        lines.append(f"{number}. {line}")
        if number <= BUTTON_ITEMS and buttons:
            rows.append([(f"{label} {number}", data) for label, data in buttons])

    def section(title: str, count: int) -> None:
        lines.append("")
        lines.append(_(title, n=count))

    follow_ups = await due_follow_ups(turn.session, turn.actor, day)
    if follow_ups:
        section(N_("⏰ 今日跟进 ({n})"), len(follow_ups))
        for follow_up, customer_name in follow_ups[:SECTION_CAP]:
            late = (day - follow_up.due_date).days
            overdue = _.plural("(已逾期 {n} 天)", "(已逾期 {n} 天)", late) if late > 0 else ""
            if not overdue and follow_up.due_at is not None and follow_up.due_at <= now:
                overdue = _("(已过)")  # its hour gone by today: the capture card's word
            subject = f"{customer_name} · " if customer_name else ""
            at = clock(follow_up.due_at, member.timezone)  # as the digest: 10:00 万科 · …
            subject = f"{at} {subject}" if at else subject
            buttons = [
                (_("✅ 完成"), push_buttons.done(follow_up.id)),
                (_("⏰ 推迟"), push_buttons.later(follow_up.id)),
            ]
            if follow_up.customer_id:
                buttons.append((_("🔎 查看"), push_buttons.view_customer(follow_up.customer_id)))
            item(
                f"{subject}{task_words(follow_up.text, follow_up.note, customer_name)}{overdue}",
                buttons,
            )

    birthdays = [
        b for b in await birthdays_on(turn.session, [day], [member.id]) if b.owner_id == member.id
    ]
    if birthdays:
        section(N_("🎂 生日 ({n})"), len(birthdays))
        for row in birthdays[:SECTION_CAP]:
            family = int(row.key.removeprefix("f")) if row.relation else None
            item(
                _birthday_line(_, row, day),
                [
                    (_("✅ 已发送"), push_buttons.greeted(row.contact_id, row.on, family)),
                    (_("🔎 查看"), push_buttons.view_customer(row.customer_id)),
                ],
            )

    festivals = festivals_today(day)
    if festivals:
        section(N_("🎉 节日 ({n})"), len(festivals))
        for label in festivals:
            lines.append("· " + _("今天是{festival}", festival=_(label)))

    trips = [
        t
        for t in await trips_around(turn.session, day, [member.id])
        if t.owner_id == member.id and t.starts_on <= day <= t.ends_on
    ]
    if trips:
        section(N_("✈️ 领导行程 ({n})"), len(trips))
        for trip in trips[:SECTION_CAP]:
            item(
                _trip_line(_, trip, day),
                [
                    (_("➕ 加跟进"), push_buttons.trip_follow_up(trip.id)),
                    (_("🔎 查看"), push_buttons.view_customer(trip.customer_id)),
                ],
            )

    team = await turn.team()
    cadence = team_cadence(team)
    moment = now.astimezone(UTC)
    before: dict[Grade | None, datetime] = {
        grade: moment - timedelta(days=days) for grade, days in cadence.items()
    }
    quiet = await customers_quiet_since(turn.session, [member.id], before)
    cold = past_cadence([c for c in quiet if c.owner_id == member.id], cadence, moment)
    if cold:
        section(N_("🔔 该拜访了 ({n})"), len(cold))
        for customer, days in cold[:SECTION_CAP]:
            grade = customer.grade.value if customer.grade else ""
            line = (
                _("{grade}类 {customer} 还没有联系记录", grade=grade, customer=customer.name)
                if customer.last_contact_at is None
                else _.plural(
                    "{grade}类 {customer} 已 {n} 天未联系",
                    "{grade}类 {customer} 已 {n} 天未联系",
                    days,
                    grade=grade,
                    customer=customer.name,
                )
            )
            item(line, [(_("🔎 查看"), push_buttons.view_customer(customer.id))])

    if len(lines) == 1:
        lines.append(_("今天没有待办的事。"))
    turn.say("\n".join(lines), inline(rows) if rows else None)


def today_handlers() -> list[object]:
    return [
        CommandHandler(commands.TODAY.name, today),
        MessageHandler(filters.Regex(label_pattern(TODAY)), today),
    ]
