"""/settings, with the pushes' part: the digest time and quiet hours.

It answers /settings (and the 设置 key) before preferences.py does, showing the same lines
plus quiet hours, with buttons for the language (handled there), the digest time and quiet
hours (handled here, `rset:`, built and read by callbacks.py). A change asks the planner to
look at the member again.
"""

from __future__ import annotations

import re
from datetime import time

from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from handlers.account import callbacks as account_callbacks
from handlers.account.preferences import LANGUAGE_NAMES
from handlers.kit import commands, pending
from handlers.kit.keyboards import SETTINGS, inline, label_pattern
from handlers.kit.routes import exactly, follow, stale
from handlers.kit.turn import Turn, member_turn
from handlers.reminders import callbacks
from handlers.visits.workdays import settings_line
from locales import N_
from locales.words import zone_name
from storage.models import Team
from storage.planning import mark_replan, quiet_hours

DIGEST_TIMES = ("0630", "0700", "0730", "0800", "0830", "0900", "0930", "1000")
QUIET_CHOICES = ("2100-0800", "2200-0700", "2200-0800", "2300-0700")


def _hhmm(code: str) -> str:
    return f"{code[:2]}:{code[2:]}"


async def _quiet_text(turn: Turn) -> str:
    team = await turn.session.get(Team, turn.member.team_id)
    hours = quiet_hours(turn.member, team)
    if hours is None:
        return turn._("关闭")
    return f"{hours[0]:%H:%M}–{hours[1]:%H:%M}"


async def _settings_text(turn: Turn) -> str:
    _ = turn._
    member = turn.member
    return "\n".join(
        [
            _("⚙️ 我的设置"),
            _("语言:{language}", language=LANGUAGE_NAMES[member.language]),
            _("时区:{timezone}", timezone=zone_name(_, member.timezone)),
            _("每日简报时间:{time}", time=member.digest_time.strftime("%H:%M")),
            _("免打扰:{hours}", hours=await _quiet_text(turn)),
            await settings_line(turn),  # the team's working-day calendar (#15)
        ]
    )


def _settings_rows(turn: Turn) -> list[list[tuple[str, str]]]:
    _ = turn._
    return [
        [(_("🌐 切换语言"), account_callbacks.LANGUAGES)],
        [(_("⏰ 简报时间"), callbacks.DIGEST_TIMES), (_("🌙 免打扰"), callbacks.QUIET_CHOICES)],
    ]


@member_turn
async def settings(turn: Turn) -> None:
    turn.say(await _settings_text(turn), inline(_settings_rows(turn)))


async def _digest_times(turn: Turn, found: re.Match[str]) -> None:
    _ = turn._
    rows = [
        [(_hhmm(code), callbacks.digest_time(code)) for code in DIGEST_TIMES[i : i + 4]]
        for i in range(0, len(DIGEST_TIMES), 4)
    ]
    rows.append([(_("⌨️ 其他时间"), callbacks.DIGEST_TYPED), (_("⬅️ 返回"), callbacks.BACK)])
    current = turn.member.digest_time.strftime("%H:%M")
    turn.edit(_("每天 {time} 发简报。选一个新时间:", time=current), inline(rows))


async def _quiet_choices(turn: Turn, found: re.Match[str]) -> None:
    _ = turn._
    rows = [[(_hhmm(c[:4]) + "–" + _hhmm(c[5:]), callbacks.quiet_hours(c))] for c in QUIET_CHOICES]
    rows.append([(_("🔔 关闭免打扰"), callbacks.quiet_hours(callbacks.QUIET_OFF))])
    rows.append([(_("⬅️ 返回"), callbacks.BACK)])
    text = _(
        "免打扰时段里只发每日简报,其他提醒等到时段结束再发。现在:{hours}",
        hours=await _quiet_text(turn),
    )
    turn.edit(text, inline(rows))


async def _back(turn: Turn, found: re.Match[str]) -> None:
    turn.edit(await _settings_text(turn), inline(_settings_rows(turn)))


async def _digest_time(turn: Turn, found: re.Match[str]) -> None:
    code = found.group(1)
    if code not in DIGEST_TIMES:
        stale(turn)
        return
    turn.member.digest_time = time(int(code[:2]), int(code[2:]))
    turn.answer(turn._("✅ 每日简报改到 {time}", time=turn.member.digest_time.strftime("%H:%M")))
    await _changed(turn)


async def _digest_typed(turn: Turn, found: re.Match[str]) -> None:
    pending.ask(turn, DIGEST_TIME_TYPED, {}, N_("简报时间"), "07:45", clearable=False)


# 7:45, 07:45, 7点45, 7点45分, 7点, 19:05 — a time of day as typed
_TYPED_TIME = re.compile(r"\s*([01]?[0-9]|2[0-3])\s*(?:[:：点]\s*([0-5]?[0-9])?\s*分?)?\s*")


async def apply_digest_time(turn: Turn, text: str) -> None:
    """A digest time typed after ⌨️ 其他时间, echoed back as saved."""
    found = _TYPED_TIME.fullmatch(text)
    if found is None:
        turn.say(turn._("简报时间请写成 时:分,例如 07:45 或 7点45(/cancel 放弃修改)"))
        return
    pending.finish(turn, DIGEST_TIME_TYPED)
    turn.member.digest_time = time(int(found.group(1)), int(found.group(2) or 0))
    await mark_replan(turn.session, turn.member.id)
    when = turn.member.digest_time.strftime("%H:%M")
    turn.say(turn._("✅ 每日简报改到 {time}", time=when))
    turn.say(await _settings_text(turn), inline(_settings_rows(turn)))


DIGEST_TIME_TYPED = pending.ValueEdit(
    "digest_time_typed",
    apply_digest_time,
    title=N_("修改简报时间"),
    cancelled=N_("已放弃修改,简报时间没有变。"),
)


async def _quiet_hours(turn: Turn, found: re.Match[str]) -> None:
    choice = found.group(1)
    if choice == callbacks.QUIET_OFF:
        turn.member.quiet_start = turn.member.quiet_end = time(0, 0)
        turn.answer(turn._("✅ 免打扰已关闭"))
    elif choice in QUIET_CHOICES:
        turn.member.quiet_start = time(int(choice[:2]), int(choice[2:4]))
        turn.member.quiet_end = time(int(choice[5:7]), int(choice[7:]))
        turn.answer(turn._("✅ 免打扰改为 {hours}", hours=await _quiet_text(turn)))
    else:
        stale(turn)
        return
    await _changed(turn)


async def _changed(turn: Turn) -> None:
    await mark_replan(turn.session, turn.member.id)
    turn.edit(await _settings_text(turn), inline(_settings_rows(turn)))


ROUTES = (
    (exactly(callbacks.DIGEST_TIMES), _digest_times),
    (exactly(callbacks.DIGEST_TYPED), _digest_typed),
    (exactly(callbacks.QUIET_CHOICES), _quiet_choices),
    (exactly(callbacks.BACK), _back),
    (callbacks.DIGEST_TIME, _digest_time),
    (callbacks.QUIET_HOURS, _quiet_hours),
)


@member_turn
async def settings_button(turn: Turn) -> None:
    await follow(turn, ROUTES)


def reminder_settings_handlers() -> list[object]:
    """/settings and 设置: the member's settings, the pushes' times with the language."""
    return [
        CommandHandler(commands.SETTINGS.name, settings),
        MessageHandler(filters.Regex(label_pattern(SETTINGS)), settings),
        CallbackQueryHandler(settings_button, pattern=callbacks.SETTINGS_PATTERN),
    ]
