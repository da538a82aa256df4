"""/export: the archive as .xlsx (eight sheets) or one table as .csv — a manager the team's,
a rep their own. Every export is audited. The visit cycle's two sheets (拜访计划, 会谈纪要) carry
what the team summary counts: each plan's answer, each 纪要 on time, late or missing, reviewed.

Rows are streamed from the database into the .xlsx as they are read (handlers/transfer/xlsx_stream.py:
constant memory, strings inline — a text starting with = stays text), dates are real Excel dates in the exporter's timezone, and CSV is UTF-8 with a BOM so
Excel on a Chinese Windows opens it without mojibake.
"""

from __future__ import annotations

import asyncio
import csv
import io
import re
import tempfile
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased
from telegram.ext import CallbackQueryHandler, CommandHandler

from handlers.deals.text import STAGE_LABELS
from handlers.kit import commands
from handlers.kit.keyboards import inline
from handlers.kit.labels import DECISION_ROLES, KIND_LABELS, STATUS_LABELS
from handlers.kit.phones import MAINLAND, shown_phones
from handlers.kit.routes import exactly, follow, stale
from handlers.kit.turn import Turn, member_turn
from handlers.transfer import callbacks
from handlers.transfer.xlsx_stream import XlsxWriter
from handlers.visits.plans import STATUS_WORDS as PLAN_STATUS
from locales import N_, Translator
from storage.actor import Actor
from storage.audit import record
from storage.customers import visible_customers
from storage.cycle import MeetingMinutes, PlanStatus, VisitPlan
from storage.models import (
    Contact,
    Customer,
    Deal,
    DealContact,
    DealPayment,
    FamilyMember,
    FollowUp,
    FollowUpStatus,
    Interaction,
    Itinerary,
    Member,
    Team,
)
from storage.naming import job_title

STREAM_BATCH = 2000
FOLLOW_UP_STATUS = {
    FollowUpStatus.OPEN: N_("待办"),
    FollowUpStatus.DONE: N_("已完成"),
    FollowUpStatus.CANCELLED: N_("已取消"),
}
PLAN_CANCELLED = N_("已取消")
# Phones are written as a Mainland team reads them (+852 9123 4567, 025-8456 3210 转 8012),
# whatever the team's region: an import reads a number without a country code as a Mainland
# one first, so a file exported is read back whole.
PHONE_REGION = MAINLAND
MINUTES_ON_TIME = N_("按时")
MINUTES_LATE = N_("晚交")
MINUTES_MISSING = N_("逾期未写")
MINUTES_DUE = N_("待写")


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    headers: tuple[str, ...]


TABLES = (
    Table(
        "customers",
        N_("客户"),
        (N_("客户名称"), N_("等级"), N_("状态"), N_("负责人"), N_("行业"), N_("地址"), N_("电话"),
         N_("规模"), N_("经营范围"), N_("采购周期"), N_("付款周期"), N_("竞争对手"),
         N_("现有供应商"), N_("来源"), N_("最近联系"), N_("建档时间")),
    ),
    Table(
        "contacts",
        N_("联系人"),
        (N_("客户名称"), N_("姓名"), N_("职务"), N_("称呼"), N_("手机"), N_("微信"), N_("邮箱"),
         N_("生日"), N_("爱好"), N_("籍贯"), N_("学历"), N_("关键人"), N_("决策角色"),
         N_("家人生日")),
    ),
    Table(
        "interactions",
        N_("拜访记录"),
        (N_("客户名称"), N_("类型"), N_("时间"), N_("记录人"), N_("纪要"), N_("结果"), N_("地点"),
         N_("原话")),
    ),
    Table(
        "followups",
        N_("跟进"),
        (N_("客户名称"), N_("负责人"), N_("到期日"), N_("时间"), N_("内容"), N_("状态"),
         N_("完成时间"), N_("原话")),
    ),
    Table(
        "itineraries",
        N_("行程"),
        (N_("客户名称"), N_("联系人"), N_("地点"), N_("开始"), N_("结束"), N_("事由")),
    ),
    Table(
        "deals",
        N_("商机"),
        (N_("客户名称"), N_("商机"), N_("负责人"), N_("阶段"), N_("金额"), N_("币种"),
         N_("赢单概率"), N_("预计签约"), N_("签约金额"), N_("输单原因"), N_("竞争对手"),
         N_("联系人"), N_("结束时间"), N_("建立时间")),
    ),
    Table(
        "payments",
        N_("回款"),
        (N_("客户名称"), N_("商机"), N_("负责人"), N_("期次"), N_("名称"), N_("比例"), N_("金额"),
         N_("币种"), N_("到期日"), N_("已回金额"), N_("回款日期"), N_("待回金额")),
    ),
    Table(
        "plans",
        N_("拜访计划"),
        (N_("客户名称"), N_("业务员"), N_("计划日期"), N_("时间"), N_("目的"), N_("拜见"),
         N_("状态"), N_("审批人"), N_("审批时间"), N_("经理意见"), N_("提交时间"), N_("原话")),
    ),
    Table(
        "minutes",
        N_("会谈纪要"),
        (N_("客户名称"), N_("业务员"), N_("类型"), N_("会面日期"), N_("最后期限"), N_("纪要状态"),
         N_("提交时间"), N_("纪要"), N_("审阅人"), N_("审阅时间"), N_("批注"), N_("发给客户"),
         N_("客户确认")),
    ),
)  # fmt: skip
TABLE_KEYS = {table.key: table for table in TABLES}


class Exporter:
    """The rows of each table the actor may export, as plain values."""

    def __init__(self, session: AsyncSession, actor: Actor, _: Translator, timezone: str) -> None:
        self.session = session
        self.actor = actor
        self._ = _
        self.zone = ZoneInfo(timezone)
        self.customers = visible_customers(actor).with_only_columns(Customer.id)

    def local(self, value: datetime | None) -> datetime | None:
        return value.astimezone(self.zone).replace(tzinfo=None) if value else None

    async def _stream(self, query: Any) -> AsyncIterator[Any]:
        """Plain column rows, fetched a partition at a time (one await per batch, not per row)."""
        result = await self.session.stream(query.execution_options(yield_per=STREAM_BATCH))
        async for partition in result.partitions(STREAM_BATCH):
            for row in partition:
                yield row

    def rows(self, key: str) -> AsyncIterator[list[Any]]:
        readers: dict[str, Callable[[], AsyncIterator[list[Any]]]] = {
            "customers": self._customers,
            "contacts": self._contacts,
            "interactions": self._interactions,
            "followups": self._follow_ups,
            "itineraries": self._itineraries,
            "deals": self._deals,
            "payments": self._payments,
            "plans": self._plans,
            "minutes": self._minutes,
        }
        return readers[key]()

    async def _customers(self) -> AsyncIterator[list[Any]]:
        _ = self._
        c = Customer
        query = (
            select(
                c.name, c.grade, c.status, Member.name, c.industry, c.address, c.phone, c.scale,
                c.business_scope, c.purchase_cycle, c.payment_cycle, c.competitors,
                c.current_suppliers, c.source, c.last_contact_at, c.created_at,
            )
            .join(Member, Member.id == c.owner_id)
            .where(c.id.in_(self.customers))
            .order_by(c.id)
        )  # fmt: skip
        statuses = {status: _(label) for status, label in STATUS_LABELS.items()}
        async for row in self._stream(query):
            grade, status = row[1], row[2]
            yield [
                row[0], grade.value if grade else None, statuses[status], *row[3:6],
                shown_phones(_, row[6], PHONE_REGION) or None, *row[7:14],
                self.local(row[14]), self.local(row[15]),
            ]  # fmt: skip

    async def _contacts(self) -> AsyncIterator[list[Any]]:
        k = Contact
        query = (
            select(
                Customer.name, k.name, k.title, k.salutation, k.phones, k.wechat, k.email,
                k.birthday_month, k.birthday_day, k.birthday_year, k.birthday_lunar,
                k.birthday_leap, k.hobbies, k.native_place, k.education, k.is_key_leader,
                k.decision_role, k.id,
            )
            .join(Customer, Customer.id == k.customer_id)
            .where(k.customer_id.in_(self.customers), k.deleted_at.is_(None))
            .order_by(k.customer_id, k.id)
        )  # fmt: skip
        _ = self._
        yes = _("是")
        # Few contacts have family on file: their birthdays read once, not a join per row.
        family: dict[int, list[str]] = {}
        f = FamilyMember
        relatives = (
            select(f.contact_id, f.relation, f.name, f.birthday_month, f.birthday_day,
                   f.birthday_year, f.birthday_lunar, f.birthday_leap)
            .join(Contact, Contact.id == f.contact_id)
            .where(Contact.customer_id.in_(self.customers), Contact.deleted_at.is_(None))
            .order_by(f.contact_id, f.id)
        )  # fmt: skip
        async for relative in self._stream(relatives):
            born = _birthday(_, *relative[3:8])
            if born:
                who = f"{relative[1]}({relative[2]})" if relative[2] else relative[1]
                family.setdefault(relative[0], []).append(f"{who} {born}")
        async for row in self._stream(query):
            role = row[16]
            yield [
                row[0], row[1], job_title(row[2]), row[3], shown_phones(_, row[4], PHONE_REGION),
                row[5], row[6],
                _birthday(_, *row[7:12]),
                row[12], row[13], row[14], yes if row[15] else "",
                _(DECISION_ROLES[role]) if role in DECISION_ROLES else None,
                ";".join(family.get(row[17], [])) or None,
            ]  # fmt: skip

    async def _interactions(self) -> AsyncIterator[list[Any]]:
        writer = aliased(Member)
        query = (
            select(
                Customer.name, Interaction.kind, Interaction.occurred_at, writer.name,
                Interaction.summary, Interaction.outcome, Interaction.location, Interaction.note,
                Interaction.timed,
            )
            .join(Customer, Customer.id == Interaction.customer_id)
            .join(writer, writer.id == Interaction.member_id)
            .where(Interaction.customer_id.in_(self.customers))
            .order_by(Interaction.occurred_at, Interaction.id)
        )  # fmt: skip
        kinds = {kind: self._(label) for kind, label in KIND_LABELS.items()}
        async for row in self._stream(query):
            # Only the day said (今天下午拜访了…): the day, not the moment the note was saved.
            at = self.local(row[2])
            yield [row[0], kinds[row[1]], at if row[8] or at is None else at.date(), *row[3:8]]

    async def _follow_ups(self) -> AsyncIterator[list[Any]]:
        owner = aliased(Member)
        query = (
            select(
                Customer.name, owner.name, FollowUp.due_date, FollowUp.text, FollowUp.status,
                FollowUp.done_at, FollowUp.note, FollowUp.due_at,
            )
            .outerjoin(Customer, Customer.id == FollowUp.customer_id)
            .join(owner, owner.id == FollowUp.member_id)
            .order_by(FollowUp.due_date, FollowUp.id)
        )  # fmt: skip
        # The customer's follow-ups go by the customer's scope (not by who wrote them: a member
        # who left the team keeps none); personal reminders by their holder.
        if self.actor.is_manager:
            own = owner.team_id == self.actor.team_id
        else:
            own = FollowUp.member_id == self.actor.member_id
        query = query.where((Customer.id.is_(None) & own) | Customer.id.in_(self.customers))
        statuses = {status: self._(label) for status, label in FOLLOW_UP_STATUS.items()}
        async for row in self._stream(query):
            # 到期日 is a day; the hour, when the rep gave one, has a column of its own (as the
            # plans' 时间): a day said without an hour never reads 00:00.
            at = self.local(row[7])
            yield [
                *row[0:2], at.date() if at else row[2], at.strftime("%H:%M") if at else None,
                row[3], statuses[row[4]], self.local(row[5]), row[6],
            ]  # fmt: skip

    async def _itineraries(self) -> AsyncIterator[list[Any]]:
        query = (
            select(
                Customer.name, Contact.name, Itinerary.place, Itinerary.starts_on,
                Itinerary.ends_on, Itinerary.purpose,
            )
            .join(Contact, Contact.id == Itinerary.contact_id)
            .join(Customer, Customer.id == Contact.customer_id)
            .where(Contact.customer_id.in_(self.customers), Contact.deleted_at.is_(None))
            .order_by(Itinerary.starts_on, Itinerary.id)
        )  # fmt: skip
        async for row in self._stream(query):
            yield list(row)

    async def _deals(self) -> AsyncIterator[list[Any]]:
        owner = aliased(Member)
        query = (
            select(
                Customer.name, Deal.title, owner.name, Deal.stage, Deal.amount, Deal.currency,
                Deal.probability, Deal.close_date, Deal.won_amount, Deal.lost_reason,
                Deal.competitors, Deal.closed_at, Deal.created_at, Deal.id,
            )
            .join(Customer, Customer.id == Deal.customer_id)
            .join(owner, owner.id == Deal.owner_id)
            .where(Deal.customer_id.in_(self.customers))
            .order_by(Customer.name, Deal.id)
        )  # fmt: skip
        # Few deals name contacts: their names read once, rather than a join per row.
        people: dict[int, list[str]] = {}
        named = (
            select(DealContact.deal_id, Contact.name)
            .join(Contact, Contact.id == DealContact.contact_id)
            .join(Deal, Deal.id == DealContact.deal_id)
            .where(Deal.customer_id.in_(self.customers))
            .order_by(DealContact.deal_id, Contact.id)
        )
        async for deal_id, name in self._stream(named):
            people.setdefault(deal_id, []).append(name)
        stages = {stage: self._(label) for stage, label in STAGE_LABELS.items()}
        async for row in self._stream(query):
            yield [
                *row[0:3], stages[row[3]], *row[4:7], row[7], row[8], row[9], row[10],
                "、".join(people.get(row[13], [])) or None,
                self.local(row[11]), self.local(row[12]),
            ]  # fmt: skip

    async def _payments(self) -> AsyncIterator[list[Any]]:
        owner = aliased(Member)
        query = (
            select(
                Customer.name, Deal.title, owner.name, DealPayment.position, DealPayment.label,
                DealPayment.percent, DealPayment.amount, Deal.currency, DealPayment.due_date,
                DealPayment.paid_amount, DealPayment.paid_on,
            )
            .join(Deal, Deal.id == DealPayment.deal_id)
            .join(Customer, Customer.id == Deal.customer_id)
            .join(owner, owner.id == Deal.owner_id)
            .where(Deal.customer_id.in_(self.customers))
            .order_by(Customer.name, Deal.id, DealPayment.position)
        )  # fmt: skip
        async for row in self._stream(query):
            amount, paid = row[6], row[9]
            left = None if amount is None else max(0, amount - (paid or 0))
            yield [*row[0:3], row[3] + 1, row[4], f"{row[5]}%", *row[6:11], left]

    async def _plans(self) -> AsyncIterator[list[Any]]:
        rep, manager = aliased(Member), aliased(Member)
        p = VisitPlan
        query = (
            select(
                Customer.name, rep.name, p.planned_for, p.planned_at, p.goal, p.attendees,
                p.status, manager.name, p.decided_at, p.comment, p.created_at, p.note,
            )
            .join(Customer, Customer.id == p.customer_id)
            .join(rep, rep.id == p.member_id)
            .outerjoin(manager, manager.id == p.decided_by_id)
            .where(p.customer_id.in_(self.customers), p.status != PlanStatus.DRAFT.value)
            .order_by(p.planned_for, p.planned_at, p.id)
        )  # fmt: skip
        statuses = {key: self._(label) for key, label in PLAN_STATUS.items()}
        statuses[PlanStatus.CANCELLED.value] = self._(PLAN_CANCELLED)
        async for row in self._stream(query):
            at = self.local(row[3])
            yield [
                *row[0:3], at.strftime("%H:%M") if at else None, row[4], row[5],
                statuses.get(row[6], row[6]), row[7], self.local(row[8]), row[9],
                self.local(row[10]), row[11],
            ]  # fmt: skip

    async def _minutes(self) -> AsyncIterator[list[Any]]:
        writer, reviewer = aliased(Member), aliased(Member)
        m = MeetingMinutes
        query = (
            select(
                Customer.name, writer.name, m.kind, m.met_on, m.due_on, m.written_at,
                writer.timezone, m.text, reviewer.name, m.reviewed_at, m.comment,
                m.sent_to_customer_at, m.customer_confirmed_at,
            )
            .join(Customer, Customer.id == m.customer_id)
            .join(writer, writer.id == m.member_id)
            .outerjoin(reviewer, reviewer.id == m.reviewed_by_id)
            .where(m.customer_id.in_(self.customers))
            .order_by(m.met_on, m.id)
        )  # fmt: skip
        _ = self._
        kinds = {kind: _(label) for kind, label in KIND_LABELS.items()}
        today = datetime.now(self.zone).date()
        async for row in self._stream(query):
            due, written = row[4], row[5]
            if written is None:
                state = _(MINUTES_MISSING) if due < today else _(MINUTES_DUE)
            else:
                # On time by the writer's own calendar day, as the team summary counts it.
                on = written.astimezone(ZoneInfo(row[6])).date()
                state = _(MINUTES_ON_TIME) if on <= due else _(MINUTES_LATE)
            yield [
                row[0], row[1], kinds[row[2]], row[3], due, state, self.local(written), row[7],
                row[8], self.local(row[9]), row[10], self.local(row[11]), self.local(row[12]),
            ]  # fmt: skip


def _birthday(
    _: Translator, month: int | None, day: int | None, year: int | None, lunar: bool, leap: bool
) -> str | None:
    if not (month and day):
        return None
    text = f"{f'{year}-' if year else ''}{month:02d}-{day:02d}"
    return _("农历{date}", date=("闰" if leap else "") + text) if lunar else text


async def write_xlsx(exporter: Exporter) -> tuple[bytes, int]:
    """The workbook's bytes and the number of data rows."""
    _ = exporter._
    count = 0
    with tempfile.TemporaryFile() as handle:
        workbook = XlsxWriter(handle)
        for table in TABLES:
            workbook.sheet(_(table.title))
            workbook.row([_(h) for h in table.headers])
            batch: list[list[Any]] = []
            async for row in exporter.rows(table.key):
                batch.append(row)
                if len(batch) == STREAM_BATCH:
                    # Building the XML is the CPU part: a worker thread does it, so other
                    # users' turns go on while a team's archive is written.
                    await asyncio.to_thread(workbook.rows, batch)
                    count, batch = count + len(batch), []
            await asyncio.to_thread(workbook.rows, batch)
            count += len(batch)
        await asyncio.to_thread(workbook.close)
        handle.seek(0)
        return handle.read(), count


def _csv_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else value


async def write_csv(exporter: Exporter, key: str) -> tuple[bytes, int]:
    table = TABLE_KEYS[key]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([exporter._(h) for h in table.headers])
    count = 0
    batch: list[list[Any]] = []
    async for row in exporter.rows(key):
        batch.append([_csv_value(v) for v in row])
        if len(batch) == STREAM_BATCH:
            await asyncio.to_thread(writer.writerows, batch)  # off the event loop
            count, batch = count + len(batch), []
    await asyncio.to_thread(writer.writerows, batch)
    count += len(batch)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8"), count


# -- chat ------------------------------------------------------------------------------------


def _menu(turn: Turn) -> tuple[str, Any]:
    _ = turn._
    scope = _("团队的") if turn.member.is_manager else _("你的")
    rows = [[(_("📊 Excel(全部 {n} 张表)", n=len(TABLES)), callbacks.EXPORT_WORKBOOK)]]
    rows += [
        [(_("📄 CSV:{table}", table=_(table.title)), callbacks.export_table(table.key))]
        for table in TABLES
    ]
    rows.append([(_("❌ 取消"), callbacks.EXPORT_NONE)])  # and 取消 typed (kit/questions.py)
    text = _("导出{scope}客户档案。导出会记录在审计日志里。选择格式:", scope=scope)
    return text, inline(rows)


@member_turn
async def export_command(turn: Turn) -> None:
    text, markup = _menu(turn)
    turn.say(text, markup)


async def _menu_button(turn: Turn, found: re.Match[str]) -> None:
    text, markup = _menu(turn)
    turn.answer()
    turn.say(text, markup)


async def _none(turn: Turn, found: re.Match[str]) -> None:
    turn.edit(turn._("好的,不导出了。"))


async def _workbook(turn: Turn, found: re.Match[str]) -> None:
    exporter, base, stamp = await _exporter(turn)
    content, count = await write_xlsx(exporter)
    _send(turn, content, count, f"{turn._('客户档案')}-{base}-{stamp}.xlsx", "xlsx")


async def _table(turn: Turn, found: re.Match[str]) -> None:
    key = found.group(1)
    if key not in TABLE_KEYS:
        stale(turn)
        return
    exporter, base, stamp = await _exporter(turn)
    content, count = await write_csv(exporter, key)
    _send(turn, content, count, f"{turn._(TABLE_KEYS[key].title)}-{base}-{stamp}.csv", f"csv:{key}")


async def _exporter(turn: Turn) -> tuple[Exporter, str, str]:
    """The exporter, and the file name's owner (the team, or the rep) and time."""
    exporter = Exporter(turn.session, turn.actor, turn._, turn.member.timezone)
    team = await turn.session.get_one(Team, turn.member.team_id)
    stamp = datetime.now(exporter.zone).strftime("%Y%m%d-%H%M")
    base = team.name if turn.member.is_manager and not team.personal else turn.member.name
    return exporter, base, stamp


def _send(turn: Turn, content: bytes, count: int, filename: str, kind: str) -> None:
    """The file to the chat, recorded in the audit log."""
    _ = turn._
    subject = (
        ("team", turn.member.team_id) if turn.member.is_manager else ("member", turn.member.id)
    )
    record(turn.session, turn.actor, "export", subject[0], subject[1], f"{kind} rows={count}")
    turn.answer(_("📤 正在发送文件…"))
    chat_id = turn.update.effective_chat.id if turn.update.effective_chat else turn.member.chat_id
    bot = turn.context.bot
    caption = _.plural(
        "📤 导出 {n} 行。请妥善保管,客户资料是公司机密。",
        "📤 导出 {n} 行。请妥善保管,客户资料是公司机密。",
        count,
    )
    turn.later(
        lambda: bot.send_document(chat_id, content, filename=filename[:120], caption=caption)
    )


ROUTES = (
    (exactly(callbacks.EXPORT_MENU), _menu_button),
    (exactly(callbacks.EXPORT_WORKBOOK), _workbook),
    (exactly(callbacks.EXPORT_NONE), _none),
    (callbacks.EXPORT_TABLE, _table),
)


@member_turn
async def export_button(turn: Turn) -> None:
    await follow(turn, ROUTES)


def export_handlers() -> list[object]:
    return [
        CommandHandler(commands.EXPORT.name, export_command),
        CallbackQueryHandler(export_button, pattern=callbacks.EXPORT_PATTERN),
    ]
