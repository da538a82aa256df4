"""/team for managers: the summary by period, a rep's drill-down, the charts, the weekly report.

Callback data (tr:…) is built and read by callbacks.py. Every button re-checks that the
presser is a manager of the team.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot, InlineKeyboardMarkup
from telegram.ext import CallbackQueryHandler

from handlers.deals.pipeline import weekly_lines
from handlers.kit import doors
from handlers.kit.callback_data import callback_id
from handlers.kit.keyboards import inline
from handlers.kit.labels import KIND_LABELS
from handlers.kit.offload import on_drawing_thread
from handlers.kit.render import clip, date_range, happened, record_lines, short_date
from handlers.kit.routes import follow
from handlers.kit.turn import Turn, member_turn
from handlers.team import callbacks
from handlers.visits.summary import cycle_lines
from locales import N_, SUPPORTED_LANGUAGES, Translator, translator
from locales.amounts import amount_text
from storage import reports
from storage.actor import Actor, NotAllowed
from storage.assignment import LATE_KIND, late_handovers
from storage.audit import record
from storage.models import InteractionKind, Member, ReminderOutbox, Role
from storage.payments import Collection, team_collection
from storage.push_buttons import view_customer
from storage.push_items import HandoverLatePayload, WeeklyPayload
from storage.reports import PERIODS, TeamSummary

PAGE = 25
CAPTION = 1024
PERIOD_LABELS = {
    "today": N_("今日"),
    "week": N_("本周"),
    "month": N_("本月"),
    "lastweek": N_("上周"),
}
SERIES = (
    (N_("拜访"), "visits"),
    (N_("电话"), "calls"),
    (N_("微信"), "wechats"),
)
Rows = list[list[tuple[str, str]]]


def greeting_patterns() -> list[str]:
    """LIKE patterns of the history lines a rep's 已发送 on a birthday push writes (in the
    rep's language; see handlers/reminders/buttons.py)."""
    found: set[str] = set()
    for language in SUPPORTED_LANGUAGES:
        their = translator(language)
        found.add(their("发送了生日祝福"))
        found.add(their("祝贺{relation}生日", relation="%"))
    return sorted(found)


async def summary_for(
    session: AsyncSession, member: Member, key: str, now: datetime | None = None
) -> TeamSummary:
    return await reports.team_summary(
        session,
        Actor.of(member),
        key,
        now or datetime.now(UTC),
        member.timezone,
        greeting_patterns(),
    )


def period_title(_: Translator, summary: TeamSummary, today: date) -> str:
    span = summary.period
    when = (
        short_date(_, span.first, today)
        if span.first == span.last
        else date_range(_, span.first, span.last, today)
    )
    return _(
        "📊 团队「{team}」· {period}({when})",
        team=summary.team.name,
        period=_(PERIOD_LABELS[span.key]),
        when=when,
    )


def line_name(_: Translator, line: reports.RepLine) -> str:
    """The member's name on the summary; one who left the team is marked, their work stays;
    one who joined after the period is marked so their zeros read as no fault."""
    if line.former:
        return _("{name}(已离队)", name=line.name)
    if line.joined_after:
        return _("{name}(本期之后加入)", name=line.name)
    return line.name


def stats_line(_: Translator, stats: reports.RepStats) -> str:
    return _(
        "拜访 {visits} · 电话 {calls} · 微信 {wechats} · 新客户 {customers} · 新联系人 {contacts}"
        " · 完成跟进 {done} · 逾期 {overdue} · A类超期 {cold} · 生日祝福 {greeted}",
        visits=stats.visits,
        calls=stats.calls,
        wechats=stats.wechats,
        customers=stats.new_customers,
        contacts=stats.new_contacts,
        done=stats.follow_ups_done,
        overdue=stats.follow_ups_overdue,
        cold=stats.a_past_cadence,
        greeted=stats.birthdays_greeted,
    )


def attention_line(_: Translator, summary: TeamSummary, limit: int = 6) -> str:
    """Who needs attention: reps with no contact in the period, overdue follow-ups, or A-grade
    customers past their cadence — worst first."""
    flagged: list[tuple[int, str]] = []
    for line in summary.reps:
        if line.role != Role.REP or line.former:
            continue
        stats = line.stats
        reasons = []
        silent = stats.contacts == 0 and not line.joined_after  # not theirs to contact yet
        if silent:
            reasons.append(_("本期没有联系客户"))
        if stats.follow_ups_overdue:
            reasons.append(_.plural("逾期跟进 {n}", "逾期跟进 {n}", stats.follow_ups_overdue))
        if stats.a_past_cadence:
            reasons.append(_("A类超期 {n}", n=stats.a_past_cadence))
        if reasons:
            weight = silent * 100 + stats.follow_ups_overdue + stats.a_past_cadence
            flagged.append((-weight, f"{line.name}({'、'.join(reasons)})"))
    if not flagged:
        return _("✅ 没有需要特别关注的人。")
    flagged.sort()
    names = "、".join(text for _weight, text in flagged[:limit])
    more = _(" 等 {n} 人", n=len(flagged)) if len(flagged) > limit else ""
    return _("⚠️ 需要关注:{names}", names=names) + more


def summary_text(
    _: Translator, summary: TeamSummary, today: date, page: int = 0, cycle: Sequence[str] = ()
) -> str:
    lines = [period_title(_, summary, today)]
    shown = summary.reps[page * PAGE : (page + 1) * PAGE]
    for line in shown:
        lines.append(f"👤 {line_name(_, line)}:{stats_line(_, line.stats)}")
    if len(summary.reps) > PAGE:
        pages = (len(summary.reps) + PAGE - 1) // PAGE
        lines.append(_("(第 {page}/{pages} 页)", page=page + 1, pages=pages))
    lines.append(_("👥 合计:{stats}", stats=stats_line(_, summary.total)))
    lines.extend(cycle)  # the visit cycle's plans and 纪要 (handlers/visits/summary.py)
    lines.append(attention_line(_, summary))
    lines.append(_("逾期跟进和 A类超期是当前的数。"))
    return "\n".join(lines)


def summary_rows(turn: Turn, summary: TeamSummary, page: int) -> Rows:
    _ = turn._
    key = summary.period.key
    rows: Rows = [
        [(("• " if p == key else "") + _(PERIOD_LABELS[p]), callbacks.summary(p)) for p in PERIODS]
    ]
    shown = summary.reps[page * PAGE : (page + 1) * PAGE]
    people = [
        (f"🔎 {line.name}", callbacks.summary_rep(line.member_id, key))
        for line in shown
        if not line.former  # their customers are no longer theirs to drill into
    ]
    rows += [people[i : i + 3] for i in range(0, len(people), 3)]
    pager: list[tuple[str, str]] = []
    if page > 0:
        pager.append((_("⬅️ 上一页"), callbacks.summary(key, page - 1)))
    if (page + 1) * PAGE < len(summary.reps):
        pager.append((_("下一页 ➡️"), callbacks.summary(key, page + 1)))
    if pager:
        rows.append(pager)
    rows.append([(_("📈 图表"), callbacks.summary_charts(key)), (_("📤 导出"), doors.EXPORT_MENU)])
    rows.append(
        [
            (_("🔁 分配客户"), callbacks.ASSIGN_HELP),
            (_("⚙️ 团队设置"), callbacks.SETTINGS_HOME),
            (_("🕵️ 审计"), callbacks.AUDIT_LATEST),
        ]
    )
    rows.append([(_("👥 成员管理"), callbacks.HOME)])
    return rows


async def show_summary(turn: Turn, key: str = "week", page: int = 0, *, edit: bool = False) -> None:
    summary = await summary_for(turn.session, turn.member, key)
    page = max(0, min(page, (len(summary.reps) - 1) // PAGE))
    today = turn.today()
    shown = [
        (line.member_id, line_name(turn._, line))
        for line in summary.reps[page * PAGE : (page + 1) * PAGE]
    ]
    span = summary.period
    cycle = await cycle_lines(turn._, turn.session, turn.actor, span.first, span.last, today, shown)
    collected = await team_collection(turn.session, turn.actor, span.first, span.last, today)
    cycle = [*cycle, *collection_lines(turn._, collected)]
    text = summary_text(turn._, summary, today, page, cycle)
    markup = inline(summary_rows(turn, summary, page))
    if edit:
        turn.edit(text, markup)
    else:
        turn.say(text, markup)


def collection_lines(_: Translator, collected: Collection) -> list[str]:
    """💰 回款: what fell due in the period, what of it came in, what is overdue now."""
    if not (collected.planned or collected.overdue):
        return []
    share = f"({collected.collected * 100 // collected.planned}%)" if collected.planned else ""
    return [
        _(
            "💰 回款:本期应回 {planned} · 已回 {collected}{share} · 逾期未回 {overdue}",
            planned=amount_text(collected.planned),
            collected=amount_text(collected.collected),
            share=share,
            overdue=amount_text(collected.overdue),
        )
    ]


# -- drill-down ------------------------------------------------------------------------------

DRILLED_WORDS = 40  # characters of a record's words on a rep's drill-down line


async def _drill(turn: Turn, member_id: int, key: str) -> None:
    _ = turn._
    tz = turn.member.timezone
    today = turn.today()
    member, recent, overdue = await reports.rep_activity(turn.session, turn.actor, member_id, today)
    if member.id != turn.member.id:
        record(turn.session, turn.actor, "member.view", "member", member.id, "activity")
    lines = [_("👤 {name} · 最近记录", name=member.name)]
    for item in recent:
        when = happened(_, item.occurred_at, item.timed, tz, today)
        # a note's own words where it has no headline (备注 中交二航局 had said nothing)
        words, _under = record_lines(item.summary, item.note, whole=False)
        summary = f":{clip(words, DRILLED_WORDS)}" if words else ""
        lines.append(f"· {when} {_(KIND_LABELS[item.kind])} {item.customer_name}{summary}")
    if not recent:
        lines.append(_("还没有记录。"))
    lines.append(_("⏰ 逾期跟进 ({n})", n=len(overdue)))
    for follow_up in overdue:
        subject = f"{follow_up.customer_name} · " if follow_up.customer_name else ""
        lines.append(f"· {short_date(_, follow_up.due_date, today)} {subject}{follow_up.text}")
    customers: dict[int, str] = {}
    for cid, name in [(i.customer_id, i.customer_name) for i in recent] + [
        (f.customer_id, f.customer_name) for f in overdue
    ]:
        if cid is not None and name is not None:
            customers.setdefault(cid, name)
    rows: Rows = [[(f"🏢 {name}", view_customer(cid))] for cid, name in list(customers.items())[:8]]
    rows.append([(_("⬅️ 返回汇总"), callbacks.summary(key))])
    turn.edit("\n".join(lines)[:4096], inline(rows))


# -- charts ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartPair:
    bars: bytes
    trend: bytes
    texts: tuple[str, ...]


async def bar_chart(
    session: AsyncSession, member: Member, key: str = "week", now: datetime | None = None
) -> Any:
    """This period's activity per member, as bars."""
    from handlers.team import charts  # matplotlib loads on first use, not at start

    _ = translator(member.language)
    now = now or datetime.now(UTC)
    summary = await summary_for(session, member, key, now)
    today = now.astimezone(ZoneInfo(member.timezone)).date()
    ranked = sorted(summary.reps, key=lambda line: -line.stats.contacts)
    # Drawing is CPU work (tens of ms): on the drawing thread, not the event loop.
    return await on_drawing_thread(
        charts.activity_bars,
        period_title(_, summary, today).removeprefix("📊 "),
        [line_name(_, line) for line in ranked],
        [(_(label), [getattr(line.stats, name) for line in ranked]) for label, name in SERIES],
    )


async def trend_chart(session: AsyncSession, member: Member, now: datetime | None = None) -> Any:
    """The team's last 8 weeks of customer contacts, as lines."""
    from handlers.team import charts

    _ = translator(member.language)
    now = now or datetime.now(UTC)
    today = now.astimezone(ZoneInfo(member.timezone)).date()
    weeks = await reports.weekly_trend(session, Actor.of(member), today, member.timezone)
    kinds = {
        "visits": (InteractionKind.VISIT, InteractionKind.MEAL),
        "calls": (InteractionKind.CALL,),
        "wechats": (InteractionKind.WECHAT,),
    }
    return await on_drawing_thread(
        charts.trend_lines,
        _("近 {n} 周团队联系客户趋势", n=len(weeks)),
        [f"{monday.month}/{monday.day}" for monday, _counts in weeks],
        [
            (_(label), [sum(counts.get(k, 0) for k in kinds[name]) for _m, counts in weeks])
            for label, name in SERIES
        ],
    )


async def draw_charts(
    session: AsyncSession, member: Member, key: str = "week", now: datetime | None = None
) -> ChartPair:
    """This period's activity per member (bars) and the team's 8-week trend (lines)."""
    bars = await bar_chart(session, member, key, now)
    trend = await trend_chart(session, member, now)
    return ChartPair(bars.png, trend.png, bars.texts + trend.texts)


async def _send_charts(turn: Turn, key: str) -> None:
    pair = await draw_charts(turn.session, turn.member, key)
    chat_id = turn.update.effective_chat.id if turn.update.effective_chat else turn.member.chat_id
    bot = turn.context.bot
    _ = turn._
    turn.answer(_("📈 图表生成好了"))
    # Times, not customers: visits, calls and WeChat stacked, as the summary's lines count them
    # (two visits to one customer are 2).
    turn.later(lambda: bot.send_photo(chat_id, pair.bars, caption=_("各人联系客户次数")))
    turn.later(lambda: bot.send_photo(chat_id, pair.trend, caption=_("近 8 周趋势(按周一开始)")))


# -- the button ------------------------------------------------------------------------------


async def _summary_button(turn: Turn, found: re.Match[str]) -> None:
    period, page = found.group(1), callback_id(found.group(2))
    if period in PERIODS and page is not None:
        await show_summary(turn, period, page, edit=True)
    else:
        _stale(turn)


async def _rep_button(turn: Turn, found: re.Match[str]) -> None:
    member_id, period = callback_id(found.group(1)), found.group(2)
    if member_id is not None and period in PERIODS:
        await _drill(turn, member_id, period)
    else:
        _stale(turn)


async def _charts_button(turn: Turn, found: re.Match[str]) -> None:
    if found.group(1) in PERIODS:
        await _send_charts(turn, found.group(1))
    else:
        _stale(turn)


def _stale(turn: Turn) -> None:
    turn.answer(turn._("这个按钮已失效,请重新打开 /team。"), alert=True)


ROUTES = (
    (callbacks.SUMMARY, _summary_button),
    (callbacks.SUMMARY_REP, _rep_button),
    (callbacks.SUMMARY_CHARTS, _charts_button),
)


@member_turn
async def report_button(turn: Turn) -> None:
    _ = turn._
    if not turn.member.is_manager:
        turn.answer(_("只有经理可以查看团队汇总。"), alert=True)
        return
    try:
        await follow(turn, ROUTES, otherwise=_stale)
    except NotAllowed:
        turn.answer(_("这个成员不在你的团队里,或操作不允许。"), alert=True)


# -- pushes the scheduler sends: the weekly report and the one-week rule -------------------------


async def weekly_report(
    session: AsyncSession, manager: Member, now: datetime
) -> tuple[str, ChartPair, str]:
    """(summary text, charts, neglected A-grade customers text) for last week."""
    _ = translator(manager.language)
    today = now.astimezone(ZoneInfo(manager.timezone)).date()
    summary = await summary_for(session, manager, "lastweek", now)
    shown = [(line.member_id, line_name(_, line)) for line in summary.reps[:PAGE]]
    span = summary.period
    actor = Actor.of(manager)
    cycle = await cycle_lines(_, session, actor, span.first, span.last, today, shown)
    collected = await team_collection(session, actor, span.first, span.last, today)
    cycle = [*cycle, *collection_lines(_, collected)]  # 💰 回款, as the team summary has it
    text = _("📅 上周周报") + "\n" + summary_text(_, summary, today, 0, cycle)
    pipeline = await weekly_lines(session, manager, now)  # nothing for a team without deals
    if pipeline:
        text += "\n" + "\n".join(pipeline)
    charts = await draw_charts(session, manager, "lastweek", now)
    neglected, total = await reports.neglected_a_customers(session, Actor.of(manager), now)
    lines = [_("🔔 A类客户超过拜访周期无人联系 ({n})", n=total)]
    for customer in neglected:
        if customer.days is None:
            lines.append(
                _(
                    "· {customer}({owner})还没有联系记录",
                    customer=customer.name,
                    owner=customer.owner,
                )
            )
        else:
            lines.append(
                _.plural(
                    "· {customer}({owner})已 {n} 天未联系",
                    "· {customer}({owner})已 {n} 天未联系",
                    customer.days,
                    customer=customer.name,
                    owner=customer.owner,
                )
            )
    if total > len(neglected):
        lines.append(_("…还有 {n} 项", n=total - len(neglected)))
    if not total:
        lines = [_("✅ 所有A类客户都在拜访周期内联系过。")]
    return text, charts, "\n".join(lines)


async def deliver_team_push(
    bot: Bot, session: AsyncSession, row: ReminderOutbox, member: Member
) -> int | None:
    """Send an outbox row of kind weekly / weekly_group / handover_late (for the dispatcher).

    Returns the last message id, or None when the push no longer applies (nothing sent).
    """
    now = datetime.now(UTC)
    _ = translator(member.language)
    if row.kind == LATE_KIND:
        return await _deliver_late(bot, session, row, member, now)
    payload = cast(WeeklyPayload, row.payload)
    if not member.is_manager or payload["team_id"] != member.team_id:
        return None
    chat_id = payload.get("chat_id") or member.chat_id
    text, pair, neglected = await weekly_report(session, member, now)
    in_group = chat_id != member.chat_id
    markup = None if in_group else inline([[(_("📊 打开团队汇总"), callbacks.summary("week"))]])
    await bot.send_message(chat_id, text[:4096], reply_markup=markup)
    await bot.send_photo(chat_id, pair.bars, caption=_("上周各人联系客户次数"))
    await bot.send_photo(chat_id, pair.trend, caption=_("近 8 周趋势(按周一开始)"))
    sent = await bot.send_message(chat_id, neglected[:4096])
    return sent.message_id


async def _deliver_late(
    bot: Bot, session: AsyncSession, row: ReminderOutbox, manager: Member, now: datetime
) -> int | None:
    payload = cast(HandoverLatePayload, row.payload)
    still = [
        late
        for late in await late_handovers(session, now, manager.team_id)
        if late.customer_id == payload["customer_id"] and late.owner_id == payload["rep_id"]
    ]
    if not still or not manager.is_manager:
        return None  # contacted meanwhile, reassigned, or the manager stepped down
    late = still[0]
    _ = translator(manager.language)
    days = (now - late.assigned_at).days
    text = _.plural(
        "⏳ {rep} 接手「{customer}」已 {n} 天,还没有联系记录(一周规则)。要改派给别人吗?",
        "⏳ {rep} 接手「{customer}」已 {n} 天,还没有联系记录(一周规则)。要改派给别人吗?",
        days,
        rep=late.owner_name,
        customer=late.customer_name,
    )
    markup: InlineKeyboardMarkup = inline(
        [
            [
                (_("🔁 改派"), callbacks.assign(late.customer_id)),
                (_("🔎 查看"), view_customer(late.customer_id)),
            ]
        ]
    )
    sent = await bot.send_message(manager.chat_id, text, reply_markup=markup)
    return sent.message_id


def report_handlers() -> list[object]:
    return [CallbackQueryHandler(report_button, pattern=callbacks.SUMMARY_PATTERN)]
