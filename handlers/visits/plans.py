"""Visit plans (《客户走访单》): /plan in one sentence, the manager's ✅ 批准 / 💬 意见, /plans.

    /plan 明天上午10点拜访万科 目的是谈二期方案 见张总

The plan is shown with its day and weekday before it is submitted (✅ 提交 / ❌ 取消). When the
team asks for approval (/workdays), the rep's manager gets it with ✅ 批准 / 💬 意见 and the rep is
told the answer; otherwise it is simply filed. /plans lists this week's plans and next week's:
the team's for a manager, one's own for a rep; a plan waiting for the manager has its ✅ 批准 /
💬 意见 there, as in his morning digest. A plan shows in the rep's digest on its day.

A quick capture that plans a visit (明天去拜访万科 目的是谈续约) is filed the same way on 保存
(file_plan), and 📅 计划拜访 under 📝 记一笔 asks for the sentence like /plan.

Their callback data and patterns are callbacks.py's (批准 and 意见: storage/push_buttons.py's).
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardMarkup, Message
from telegram.ext import CallbackQueryHandler, CommandHandler

from handlers.kit import commands
from handlers.kit.callback_data import callback_id
from handlers.kit.keyboards import inline
from handlers.kit.turn import Turn, command_argument, member_turn
from handlers.visits import callbacks
from handlers.visits.awaited import ACTIONS, awaiting
from handlers.visits.minutes import drop_review_row
from locales import N_, Translator, translator
from locales.words import day_with_weekday
from parsing.notes import parse_note
from parsing.plans import PlanText, read_plan
from parsing.text import as_typed
from parsing.workdays import work_calendar
from storage import push_buttons
from storage.customers import CustomerRepo
from storage.cycle import PlanStatus
from storage.minutes import team_cycle
from storage.models import Customer, Member
from storage.plans import LIVE, PlanRepo, PlanRow

EXAMPLE = N_("明天上午10点拜访万科 目的是谈二期方案 见张总")
REVISE_LABEL = N_("✏️ 修改计划")
STATUS_WORDS = {
    "pending": N_("待批准"),
    "approved": N_("已批准"),
    "commented": N_("经理有意见"),
    "filed": N_("已记录"),
}


def plan_when(_: Translator, row: PlanRow, zone: str) -> str:
    """12月8日(周二) 10:00, or the day alone."""
    day = day_with_weekday(_, row.planned_for)
    if row.planned_at is None:
        return day
    return f"{day} {row.planned_at.astimezone(ZoneInfo(zone)).strftime('%H:%M')}"


def plan_lines(_: Translator, row: PlanRow, zone: str) -> list[str]:
    lines = [
        _("🏢 {customer}", customer=row.customer_name),
        _("🕘 {when}", when=plan_when(_, row, zone)),
        _("🎯 目的:{goal}", goal=row.goal),
    ]
    if row.attendees:
        lines.append(_("👤 拜见:{who}", who=row.attendees))
    return lines


def _summary(_: Translator, row: PlanRow, zone: str) -> str:
    return f"{plan_when(_, row, zone)} {row.customer_name} · {row.goal}"


_AROUND_WHO = " \t,，、;；。.:：!！?？"


def attendees(found: PlanText, customer: str) -> str | None:
    """Who will be met, without the customer's name said with them: 拜见华东电力设计院王局长 and
    拜访华东电力设计院的王局长 both meet 王局长 of 华东电力设计院."""
    who = found.who
    if who is not None and who.startswith(customer):
        who = who.removeprefix(customer).lstrip("的") or None
    hint = found.company_hint or ""
    if who is None and hint.startswith(customer):
        who = hint.removeprefix(customer).lstrip("的") or None
    # 拜见宁波舟山港刘总，目的是… : the comma before the goal ends the person (tryout 16)
    return who.strip(_AROUND_WHO) or None if who else None


def company_said(hint: str | None, now: datetime) -> str | None:
    """The company of 拜见中国电建王总 is 中国电建, and 拜见王局长 names none: a person said
    after the verb is not part of a customer's name to create."""
    if not hint:
        return None
    note = parse_note(hint, now)
    if not note.contacts:
        return hint
    return as_typed(note.company, hint) if note.company else None


async def read_and_show(turn: Turn, revised: int, text: str) -> None:
    """The rep's sentence → a draft plan shown for 提交; what is missing is asked for.
    `revised`: the plan the sentence is the new version of (✏️ 修改), else 0."""
    _ = turn._
    now = datetime.now(ZoneInfo(turn.member.timezone))
    cycle = await team_cycle(turn.session, turn.member.team_id)
    found = read_plan(text, now, work_calendar(cycle.workweek))
    repo = PlanRepo(turn.session, turn.actor)
    customer = await repo.customer_named_in(text)
    hint = company_said(found.company_hint, now) if customer is None else None
    # 迈瑞达 for 深圳市迈瑞达电子有限公司: the name said, not the registered one
    by_part = await CustomerRepo(turn.session, turn.actor).search(hint, limit=4) if hint else []
    if len(by_part) == 1:
        customer = by_part[0]
    problem = None
    if customer is None and by_part:
        problem = _(
            "「{name}」是哪个客户:{names}?请写上客户的全名再发一次。",
            name=hint,
            names="、".join(f"「{c.name}」" for c in by_part),
        )
    elif customer is None:
        problem = (
            _(
                "没在你的客户里找到「{name}」。请先用 /customer {name} 建好客户,再发一次计划。",
                name=hint,
            )
            if hint
            else _("没看出拜访哪个客户。请写上客户名称,例如:{example}", example=_(EXAMPLE))
        )
    elif found.day is None:
        problem = _("没看出哪天去。请写上日期,例如:{example}", example=_(EXAMPLE))
    elif found.day < now.date():
        problem = _("{date} 已经过去了。计划要写以后的拜访。", date=day_with_weekday(_, found.day))
    elif not found.goal:
        problem = _("拜访的目的是什么?请连目的一起再发一次,例如:{example}", example=_(EXAMPLE))
    if problem is not None or customer is None or found.day is None or not found.goal:
        awaiting(turn, "plan", revised)
        turn.say((problem or "") + "\n" + _("(/cancel 放弃)"))
        return
    who = attendees(found, customer.name)
    plan = await repo.draft(customer, found.day, found.at, found.goal, who, text)
    row = await repo.row(plan.id)
    assert row is not None
    heading = (
        _("📋 修改后的拜访计划,确认提交吗?")
        if revised
        else _("📋 拜访计划(客户走访单),确认提交吗?")
    )
    turn.say(
        "\n".join([heading, *plan_lines(_, row, turn.member.timezone)]),
        inline(
            [
                [
                    (_("✅ 提交"), callbacks.plan_submit(plan.id, revised)),
                    (_("❌ 取消"), callbacks.plan_cancel(plan.id, revised)),
                ]
            ]
        ),
    )


def ask_for_plan(turn: Turn) -> None:
    _ = turn._
    awaiting(turn, "plan")
    turn.say(
        _(
            "发一句话告诉我拜访计划:哪天、哪个客户、目的、见谁。例如:\n{example}\n(/cancel 放弃)",
            example=_(EXAMPLE),
        )
    )


@member_turn
async def plan_command(turn: Turn) -> None:
    text = command_argument(turn)
    if text:
        await read_and_show(turn, 0, text)
        return
    ask_for_plan(turn)


async def submitted(turn: Turn, plan_id: int, revised: int = 0) -> str | None:
    """Submits the rep's drafted plan — as the new version of plan `revised`, if one — and
    says where it went (None when it is no draft): to the manager with ✅ 批准 / 💬 意见 when
    the team asks for approval, else filed."""
    _ = turn._
    repo = PlanRepo(turn.session, turn.actor)
    plan = await (repo.revise(revised, plan_id) if revised else repo.submit(plan_id))
    row = await repo.row(plan.id) if plan is not None else None
    if plan is None or row is None:
        return None
    body = "\n".join(plan_lines(_, row, turn.member.timezone))
    if plan.status != PlanStatus.PENDING.value:
        return (_("✅ 拜访计划已改好。") if revised else _("✅ 拜访计划已记下。")) + "\n" + body
    managers = await repo.managers()
    for manager in managers:
        their = translator(manager.language)
        if revised:
            lines = [their("📋 {member}修改了拜访计划,请审批:", member=turn.member.name)]
        else:
            lines = [their("📋 {member}的拜访计划,请审批:", member=turn.member.name)]
        lines += plan_lines(their, row, manager.timezone)
        if revised and row.comment:  # what the new version answers
            lines.append(their("💬 之前的意见:{comment}", comment=row.comment))
        _send(turn, manager, "\n".join(lines), inline([decision(their, plan.id)]))
    names = "、".join(m.name for m in managers)
    if revised:
        return _("✅ 已改好,再次提交给{manager}批准。", manager=names) + "\n" + body
    return _("✅ 已提交,等{manager}批准。", manager=names) + "\n" + body


def decision(_: Translator, plan_id: int) -> list[tuple[str, str]]:
    """✅ 批准 / 💬 意见 of a plan."""
    return [
        (_(push_buttons.APPROVE_LABEL), push_buttons.plan_approve(plan_id)),
        (_(push_buttons.COMMENT_LABEL), push_buttons.plan_comment(plan_id)),
    ]


async def file_plan(
    turn: Turn,
    customer: Customer,
    day: date,
    at: datetime | None,
    goal: str,
    who: str | None,
    text: str,
) -> str:
    """A plan read elsewhere (a quick capture's 保存) filed as /plan files it."""
    plan = await PlanRepo(turn.session, turn.actor).draft(customer, day, at, goal, who, text)
    line = await submitted(turn, plan.id)
    assert line is not None  # just drafted by this member
    return line


async def _submit(turn: Turn, plan_id: int, revised: int) -> None:
    line = await submitted(turn, plan_id, revised)
    if line is None:
        turn.answer(turn._("这个计划已经提交或取消了。"), alert=True)
        return
    turn.edit(line)


def _send(turn: Turn, member: Member, text: str, markup: InlineKeyboardMarkup | None) -> None:
    bot, chat_id = turn.context.bot, member.chat_id
    turn.later(lambda: bot.send_message(chat_id, text, reply_markup=markup))


def _tell_rep(
    turn: Turn, rep: Member | None, row: PlanRow, approved: bool, comment: str = ""
) -> None:
    if (
        rep is None
        or not rep.active
        or rep.id == turn.member.id
        or rep.team_id != turn.member.team_id
    ):
        return
    their = translator(rep.language)
    summary = _summary(their, row, rep.timezone)
    if approved:
        text = their(
            "✅ {manager}批准了你的拜访计划:{plan}", manager=turn.member.name, plan=summary
        )
        turn.tell(rep, text)
        return
    text = their(
        "💬 {manager}对你的拜访计划({plan})的意见:\n{comment}",
        manager=turn.member.name,
        plan=summary,
        comment=comment,
    )
    # the answer to a comment is a better plan: one tap to write it
    _send(turn, rep, text, inline([[(their(REVISE_LABEL), callbacks.plan_revise(row.id))]]))


async def save_comment(turn: Turn, plan_id: int, text: str) -> None:
    _ = turn._
    repo = PlanRepo(turn.session, turn.actor)
    plan = await repo.decide(plan_id, approve=False, comment=text)
    row = await repo.row(plan_id) if plan is not None else None
    if plan is None or row is None:
        turn.say(_("找不到这个计划,或你没有权限。"))
        return
    _tell_rep(turn, await turn.session.get(Member, row.member_id), row, False, text)
    turn.say(_("✅ 意见已转给{member}。", member=row.member_name))


@member_turn
async def plan_button(turn: Turn) -> None:
    _ = turn._
    query = turn.update.callback_query
    data = (query.data if query else None) or ""
    if data == callbacks.PLAN_NEW:
        turn.answer()
        ask_for_plan(turn)
        return
    submit, cancel = callbacks.PLAN_SUBMIT.match(data), callbacks.PLAN_CANCEL.match(data)
    approve, revise = push_buttons.PLAN_APPROVE.match(data), callbacks.PLAN_REVISE.match(data)
    found = submit or cancel or approve or revise or push_buttons.PLAN_COMMENT.match(data)
    plan_id = callback_id(found.group(1)) if found else None
    drafted = submit or cancel
    revised = callback_id(drafted.group(2) or "0") if drafted else 0
    if plan_id is None or revised is None:
        turn.answer(_("这个按钮已失效。"), alert=True)
        return
    repo = PlanRepo(turn.session, turn.actor)
    if submit:
        await _submit(turn, plan_id, revised)
        return
    if cancel:
        if await repo.cancel(plan_id) is None:
            turn.answer(_("这个按钮已失效。"), alert=True)
            return
        turn.edit(_("已取消修改,原计划不变。") if revised else _("已取消这个拜访计划。"))
        return
    if revise:
        await _ask_revision(turn, plan_id)
        return
    row = await repo.row(plan_id) if turn.member.is_manager else None
    if row is None:
        turn.answer(_("只有本团队的经理可以审批拜访计划。"), alert=True)
        return
    if approve:
        if await repo.decide(plan_id, approve=True) is None:
            turn.answer(_("这个计划已经处理过了。"), alert=True)
            return
        turn.answer(_("✅ 已批准"))
        _approved(turn, plan_id, query.message if query is not None else None)
        _tell_rep(turn, await turn.session.get(Member, row.member_id), row, True)
        return
    awaiting(turn, "plan_note", plan_id)
    turn.answer()
    turn.say(
        _(
            "请发来对{member}的拜访计划({plan})的意见,会转给{member}。(/cancel 放弃)",
            member=row.member_name,
            plan=_summary(_, row, turn.member.timezone),
        )
    )


async def _ask_revision(turn: Turn, plan_id: int) -> None:
    """✏️ 修改 one's own plan: the new version is a sentence, read as /plan reads it, shown
    for ✅ 提交, and goes to the manager again; the plan stays as it was until then."""
    _ = turn._
    row = await PlanRepo(turn.session, turn.actor).row(plan_id)
    if row is None or row.member_id != turn.member.id or row.status not in LIVE:
        turn.answer(_("找不到这个计划,或你没有权限。"), alert=True)
        return
    if row.planned_for < turn.today():
        turn.answer(_("这个计划的日子已经过去了。要再去,发 /plan 写一个新的。"), alert=True)
        return
    turn.answer()
    awaiting(turn, "plan", plan_id)
    lines = [_("✏️ 修改拜访计划:{plan}", plan=_summary(_, row, turn.member.timezone))]
    if row.comment:
        lines.append(_("💬 经理的意见:{comment}", comment=row.comment))
    lines.append(
        _(
            "发一句话写修改后的计划:哪天、哪个客户、目的、见谁。例如:\n{example}\n(/cancel 放弃,原计划不变)",
            example=_(EXAMPLE),
        )
    )
    turn.say("\n".join(lines))


def _approved(turn: Turn, plan_id: int, message: object) -> None:
    """The plan's own message says ✅ 已批准 and its buttons go; in a list (the digest, /plans)
    the plan's numbered line says it — /plans had gone on saying 待批准 (tryout 18) — and its
    row of buttons goes, the others keep theirs."""
    _ = turn._
    ours = {data for _label, data in decision(_, plan_id)}
    if not isinstance(message, Message):
        return
    rows = message.reply_markup.inline_keyboard if message.reply_markup else ()
    labels = [
        b.text for row in rows for b in row if b.callback_data == push_buttons.plan_approve(plan_id)
    ]
    number = labels[0].rsplit(" ", 1)[-1] if labels else ""
    text = message.text or ""
    if number.isdigit() and f"\n{number}. " in f"\n{text}":
        kept = [list(row) for row in rows if not any(b.callback_data in ours for b in row)]
        marked = "\n".join(_marked(_, line, number) for line in text.split("\n"))
        turn.edit(marked, InlineKeyboardMarkup(kept) if kept else None)
        return
    if any(button.callback_data not in ours for row in rows for button in row):
        drop_review_row(turn, ours)
        return
    turn.edit(text + "\n" + _("✅ 已批准") if text else _("✅ 已批准"))


def _marked(_: Translator, line: str, number: str) -> str:
    """Line `number`. of a list, marked approved: /plans' (待批准) becomes (已批准); the
    digest's line, which has no status, gains ✅ 已批准."""
    if not line.startswith(f"{number}. "):
        return line
    waiting = f"({_(STATUS_WORDS['pending'])})"
    if line.endswith(waiting):
        return line.removesuffix(waiting) + f"({_(STATUS_WORDS['approved'])})"
    return f"{line} {_('✅ 已批准')}"


ACTIONS["plan"] = read_and_show
ACTIONS["plan_note"] = save_comment


def plan_handlers() -> list[object]:
    return [
        CommandHandler(commands.PLAN.name, plan_command),
        CallbackQueryHandler(plan_button, pattern=callbacks.PLAN_PATTERN),
    ]
