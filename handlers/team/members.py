"""Teams in chat: /newteam, /join (code or deep link), /team with invite, promote, remove.

/newteam without a name and /join without a code wait for it as a kit/pending ValueEdit (the
one way a form waits for a typed value): a wrong one is asked again, /cancel or 取消 gives up,
and another command or menu tap ends the wait and says so."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import datetime

from telegram import InlineKeyboardMarkup
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from handlers.kit import commands, pending
from handlers.kit.callback_data import callback_id
from handlers.kit.commands import Command
from handlers.kit.keyboards import TEAM, inline, label_pattern, main_keyboard
from handlers.kit.menus import refresh_menu
from handlers.kit.turn import Turn, command_argument, member_turn
from handlers.team import callbacks
from handlers.team.reports import show_summary
from locales import N_, translator
from storage import teams
from storage.actor import NotAllowed
from storage.models import Member, Team

JOIN_PREFIX = "join-"
MAX_TEAM_NAME = 50


def invite_text(turn: Turn, team: Team) -> str:
    _ = turn._
    username = turn.context.bot.username
    return _(
        "把这个链接发给同事,点开即可加入「{team}」:\n"
        "https://t.me/{bot}?start={prefix}{code}\n"
        "或让他们给我发:/join {code}",
        team=team.name,
        bot=username,
        prefix=JOIN_PREFIX,
        code=team.invite_code,
    )


# -- /newteam -------------------------------------------------------------------------------


async def _create(turn: Turn, name: str) -> bool:
    """Create the team; False when the name must be typed again."""
    _ = turn._
    name = " ".join(name.split())
    if not name or len(name) > MAX_TEAM_NAME or name.startswith("/"):
        turn.say(_("团队名要在 1–50 个字之间,例如:华东销售一部。请再输入一次,或 /cancel 取消。"))
        return False
    try:
        team = await teams.create_team(turn.session, turn.member, name)
    except NotAllowed:
        current = await turn.team()
        turn.say(_("你已经在团队「{team}」里了,一个账号只能属于一个团队。", team=current.name))
        return True
    turn.say(
        _("✅ 团队「{team}」建好了,你是经理。", team=team.name),
        main_keyboard(_, manager=True),
    )
    refresh_menu(turn, turn.member)
    turn.say(invite_text(turn, team), inline([[(_("🔄 重置邀请码"), callbacks.RESET_CODE)]]))
    return True


@member_turn
async def newteam(turn: Turn) -> None:
    name = command_argument(turn)
    current = await turn.team()
    if not name and not current.personal:
        name = current.name  # _create explains that one team is the limit
    if not name:
        turn.say(turn._("给团队起个名字吧,例如:华东销售一部"))
    if not name or not await _create(turn, name):
        pending.wait(turn, TEAM_NAME, {})
    else:  # a bare /newteam before this one waited for a name: no more
        pending.finish(turn, TEAM_NAME)


def _typed_next(
    command: Command,
    key: str,
    use: Callable[[Turn, str], Awaitable[bool]],
    *,
    notes_first: bool = False,
) -> pending.ValueEdit:
    """What a bare /newteam or /join waits for: each text is `use`d (and asked again) until
    `use` says it is done; 取消 or /cancel gives up; with `notes_first` a note is a note."""

    async def apply(turn: Turn, text: str) -> None:
        if await use(turn, text):
            pending.finish(turn, edit)

    edit = pending.ValueEdit(
        key,
        apply,
        title=command.title,
        cancelled=N_("已取消。有需要随时找我。"),
        entry_command=command.name,
        notes_first=notes_first,
    )
    return edit


TEAM_NAME = _typed_next(commands.NEWTEAM, "newteam_name", _create)


# -- /join and the deep link ------------------------------------------------------------------


async def join_with_code(turn: Turn, code: str) -> bool:
    """Join by code; True when the conversation is over (joined or cannot join)."""
    _ = turn._
    result = await teams.join_team(turn.session, turn.member, code)
    outcome = result.outcome
    if result.locked_until is not None:
        wrong = _("邀请码不对或已失效。") if outcome is teams.JoinOutcome.UNKNOWN_CODE else ""
        turn.say(wrong + _locked(turn, result.locked_until))
        return True
    if outcome is teams.JoinOutcome.UNKNOWN_CODE:
        turn.say(_("邀请码不对或已失效。请核对后再输入一次,或向经理要新的邀请链接(/cancel 取消)。"))
        return False
    assert result.team is not None
    if outcome is teams.JoinOutcome.ALREADY_MEMBER:
        turn.say(_("你已经是「{team}」的成员了。", team=result.team.name))
        return True
    if outcome is teams.JoinOutcome.IN_OTHER_TEAM:
        turn.say(
            _(
                "你已经在团队「{team}」里了,一个账号只能属于一个团队。"
                "如需换团队,请先让现在的经理把你移出。",
                team=result.team.name,
            )
        )
        return True
    members = await teams.team_members(turn.session, turn.actor)
    managers = [m for m in members if m.is_manager]
    turn.say(
        _(
            "🎉 你已加入团队「{team}」。经理:{managers}。",
            team=result.team.name,
            managers="、".join(m.name for m in managers),
        ),
        main_keyboard(_, manager=False),
    )
    if result.moved:
        turn.say(
            _.plural(
                "你之前记录的 {n} 个客户已一并带入团队。",
                "你之前记录的 {n} 个客户已一并带入团队。",
                result.moved,
            )
        )
    for old, new in result.renamed:
        turn.say(
            _("团队里已有客户「{old}」,你的这份改名为「{new}」,请经理决定归属。", old=old, new=new)
        )
    for manager in managers:
        their = translator(manager.language)
        turn.tell(
            manager,
            their("👋 {name} 加入了团队「{team}」。", name=turn.member.name, team=result.team.name),
        )
    return True


def _locked(turn: Turn, until: datetime) -> str:
    zone = turn.zone
    local, today = until.astimezone(zone), datetime.now(zone).date()
    when = f"{local:%H:%M}"
    if local.date() != today:
        when = turn._("{month}月{day}日 {time}", month=local.month, day=local.day, time=when)
    return turn._(
        "邀请码输错次数太多,为了团队资料的安全,暂时不能加入。请在 {when} 之后再试。",
        when=when,
    )


@member_turn
async def join(turn: Turn) -> None:
    code = command_argument(turn)
    if not code:
        turn.say(turn._("请输入经理给你的邀请码:"))
    if not code or not await join_with_code(turn, code):
        pending.wait(turn, JOIN_CODE, {})
    else:  # a wrong code before this one left a wait for the next: no more
        pending.finish(turn, JOIN_CODE)


async def _join_typed(turn: Turn, text: str) -> bool:
    return await join_with_code(turn, text.removeprefix(JOIN_PREFIX))  # or the invite link


# No invite code reads as a note: one typed while a code waits is kept, not refused and lost.
JOIN_CODE = _typed_next(commands.JOIN, "join_code", _join_typed, notes_first=True)


# -- /team ----------------------------------------------------------------------------------


def _role(turn: Turn, member: Member) -> str:
    return turn._("经理") if member.is_manager else turn._("销售代表")


async def _team_overview(turn: Turn) -> tuple[str, list[list[tuple[str, str]]]]:
    _ = turn._
    team = await turn.team()
    if team.personal:
        text = _(
            "你现在一个人使用。建团队:/newteam 团队名;加入同事的团队:点经理给的邀请链接,"
            "或发 /join 邀请码。"
        )
        return text, []
    members = await teams.team_members(turn.session, turn.actor)
    lines = [
        _.plural(
            "👥 团队「{team}」 · {n} 人", "👥 团队「{team}」 · {n} 人", len(members), team=team.name
        )
    ]
    lines += [f"· {m.name}({_role(turn, m)})" for m in members]
    if not turn.member.is_manager:
        return "\n".join(lines), []
    lines.append(_("点成员可设为经理、离职交接或移出团队。"))
    rows = [[(f"{m.name} · {_role(turn, m)}", callbacks.member(m.id))] for m in members]
    rows.append([(_("🔗 邀请链接"), callbacks.INVITE), (_("🔄 重置邀请码"), callbacks.RESET_CODE)])
    rows.append([(_("📊 团队汇总"), callbacks.summary("week"))])
    return "\n".join(lines), rows


@member_turn
async def team(turn: Turn) -> None:
    """Managers get the team summary (members are one button away); others the member list."""
    if turn.member.is_manager and not (await turn.team()).personal:
        await show_summary(turn)
        return
    text, rows = await _team_overview(turn)
    turn.say(text, inline(rows) if rows else None)


async def _home(turn: Turn) -> None:
    text, rows = await _team_overview(turn)
    turn.edit(text, inline(rows))


async def _invite(turn: Turn) -> None:
    markup = inline([[(turn._("🔄 重置邀请码"), callbacks.RESET_CODE)]])
    turn.say(invite_text(turn, await turn.team()), markup)


async def _reset_code(turn: Turn) -> None:
    await teams.reset_invite_code(turn.session, turn.actor)
    turn.answer(turn._("邀请码已重置,旧链接失效。"))
    turn.say(invite_text(turn, await turn.team()))


async def _promote(turn: Turn, target: int) -> None:
    _ = turn._
    promoted = await teams.promote(turn.session, turn.actor, target)
    turn.edit(_("✅ {name} 现在是经理了。", name=promoted.name), _back(turn))
    their = translator(promoted.language)
    turn.tell(promoted, their("你已被设为团队经理。发 /team 管理团队。"))
    refresh_menu(turn, promoted)


_PLAIN: dict[str, Callable[[Turn], Awaitable[None]]] = {
    callbacks.HOME: _home,
    callbacks.INVITE: _invite,
    callbacks.RESET_CODE: _reset_code,
}
_OF_MEMBER: tuple[tuple[re.Pattern[str], Callable[[Turn, int], Awaitable[None]]], ...] = (
    (callbacks.MEMBER, lambda turn, target: _member_page(turn, target)),
    (callbacks.PROMOTE, _promote),
    (callbacks.REMOVE, lambda turn, target: _confirm_removal(turn, target)),
    (callbacks.REMOVE_CONFIRMED, lambda turn, target: _remove(turn, target)),
)


@member_turn
async def team_button(turn: Turn) -> None:
    """All /team buttons. Every action re-checks the role: callback data can be forged."""
    _ = turn._
    query = turn.update.callback_query
    assert query is not None
    data = query.data or ""
    if not turn.member.is_manager:
        turn.answer(_("只有经理可以管理团队。"), alert=True)
        return
    try:
        if data in _PLAIN:
            await _PLAIN[data](turn)
            return
        for pattern, action in _OF_MEMBER:
            if (found := pattern.match(data)) is not None:
                await action(turn, callback_id(found.group(1)) or 0)
                return
        turn.answer(_("这个按钮已失效,请重新打开 /team。"), alert=True)
    except NotAllowed:
        turn.answer(_("这个成员不在你的团队里,或操作不允许。"), alert=True)


def _back(turn: Turn) -> InlineKeyboardMarkup:
    return inline([[(turn._("⬅️ 返回团队"), callbacks.HOME)]])


async def _member_page(turn: Turn, member_id: int) -> None:
    _ = turn._
    member = await turn.session.get(Member, member_id)
    if member is None or member.team_id != turn.member.team_id or not member.active:
        raise NotAllowed("not in team")
    rows: list[list[tuple[str, str]]] = []
    if member.id != turn.member.id:
        if not member.is_manager:
            rows.append([(_("⬆️ 设为经理"), callbacks.promote(member.id))])
        rows.append([(_("📦 离职交接"), callbacks.handover(member.id))])
        rows.append([(_("🚫 移出团队"), callbacks.remove(member.id))])
    rows.append([(_("⬅️ 返回团队"), callbacks.HOME)])
    turn.edit(f"{member.name}({_role(turn, member)})", inline(rows))


async def _confirm_removal(turn: Turn, member_id: int) -> None:
    _ = turn._
    member = await turn.session.get(Member, member_id)
    if member is None or member.team_id != turn.member.team_id or member.id == turn.member.id:
        raise NotAllowed("not removable")
    turn.edit(
        _("确定把 {name} 移出团队吗?他名下的客户会先转到你名下,之后可以再分配。", name=member.name),
        inline(
            [
                [
                    (_("✅ 确定移出"), callbacks.remove_confirmed(member.id)),
                    (_("❌ 取消"), callbacks.HOME),
                ]
            ]
        ),
    )


async def _remove(turn: Turn, member_id: int) -> None:
    _ = turn._
    team_name = (await turn.team()).name
    removed, moved = await teams.remove_member(turn.session, turn.actor, member_id)
    turn.edit(
        _.plural(
            "{name} 已移出团队,{n} 个客户已转到你名下。",
            "{name} 已移出团队,{n} 个客户已转到你名下。",
            moved,
            name=removed.name,
        )
        + "\n"
        + _("🔄 邀请码已更换,旧的邀请链接失效了;再邀请同事请用 🔗 邀请链接 里的新链接。"),
        _back(turn),
    )
    their = translator(removed.language)
    turn.tell(
        removed,
        their(
            "你已被移出团队「{team}」,之前的客户已交给经理。你仍可以一个人继续使用销售助手。",
            team=team_name,
        ),
    )
    refresh_menu(turn, removed)


def team_handlers() -> list[object]:
    return [
        CommandHandler(commands.NEWTEAM.name, newteam),
        CommandHandler(commands.JOIN.name, join),
        CommandHandler(commands.TEAM.name, team),
        MessageHandler(filters.Regex(label_pattern(TEAM)), team),
        CallbackQueryHandler(team_button, pattern=callbacks.TEAM_PATTERN),
    ]
