"""/settings, with the pushes' part: the digest time and quiet hours.

It answers /settings (and the 设置 key) before preferences.py does, showing the same lines
plus quiet hours, with buttons for the language (handled there), the digest time and quiet
hours (handled here, `rset:`). A change asks the planner to look at the member again.
"""

from __future__ import annotations

import re
from datetime import time

from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters

from handlers.account.preferences import LANGUAGE_NAMES
from handlers.kit import commands
from handlers.kit.keyboards import SETTINGS, inline, label_pattern
from handlers.kit.turn import Turn, member_turn
from handlers.visits.workdays import settings_line
from storage.models import Team
from storage.planning import mark_replan, quiet_hours

DIGEST_TIMES = ("0630", "0700", "0730", "0800", "0830", "0900", "0930", "1000")
QUIET_CHOICES = ("2100-0800", "2200-0700", "2200-0800", "2300-0700")
_DIGEST = re.compile(r"^rset:digest:(\d{2})(\d{2})$")
_QUIET = re.compile(r"^rset:quiet:(?:(\d{2})(\d{2})-(\d{2})(\d{2})|(off))$")


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
            _("时区:{timezone}", timezone=member.timezone),
            _("每日简报时间:{time}", time=member.digest_time.strftime("%H:%M")),
            _("免打扰:{hours}", hours=await _quiet_text(turn)),
            await settings_line(turn),  # the team's working-day calendar (#15)
        ]
    )


def _settings_rows(turn: Turn) -> list[list[tuple[str, str]]]:
    _ = turn._
    return [
        [(_("🌐 切换语言"), "settings:language")],
        [(_("⏰ 简报时间"), "rset:digest"), (_("🌙 免打扰"), "rset:quiet")],
    ]


@member_turn
async def settings(turn: Turn) -> None:
    turn.say(await _settings_text(turn), inline(_settings_rows(turn)))


@member_turn
async def settings_button(turn: Turn) -> None:
    _ = turn._
    query = turn.update.callback_query
    data = (query.data if query else None) or ""
    if data == "rset:digest":
        rows = [
            [(_hhmm(code), f"rset:digest:{code}") for code in DIGEST_TIMES[i : i + 4]]
            for i in range(0, len(DIGEST_TIMES), 4)
        ]
        rows.append([(_("⬅️ 返回"), "rset:back")])
        current = turn.member.digest_time.strftime("%H:%M")
        turn.edit(_("每天 {time} 发简报。选一个新时间:", time=current), inline(rows))
        return
    if data == "rset:quiet":
        rows = [[(_hhmm(c[:4]) + "–" + _hhmm(c[5:]), f"rset:quiet:{c}")] for c in QUIET_CHOICES]
        rows.append([(_("🔔 关闭免打扰"), "rset:quiet:off")])
        rows.append([(_("⬅️ 返回"), "rset:back")])
        text = _(
            "免打扰时段里只发每日简报,其他提醒等到时段结束再发。现在:{hours}",
            hours=await _quiet_text(turn),
        )
        turn.edit(text, inline(rows))
        return
    if data == "rset:back":
        turn.edit(await _settings_text(turn), inline(_settings_rows(turn)))
        return
    digest = _DIGEST.match(data)
    quiet = _QUIET.match(data)
    if digest and digest.group(1) + digest.group(2) in DIGEST_TIMES:
        turn.member.digest_time = time(int(digest.group(1)), int(digest.group(2)))
        turn.answer(_("✅ 每日简报改到 {time}", time=turn.member.digest_time.strftime("%H:%M")))
    elif quiet and quiet.group(5):
        turn.member.quiet_start = turn.member.quiet_end = time(0, 0)
        turn.answer(_("✅ 免打扰已关闭"))
    elif quiet and f"{quiet.group(1)}{quiet.group(2)}-{quiet.group(3)}{quiet.group(4)}" in (
        QUIET_CHOICES
    ):
        turn.member.quiet_start = time(int(quiet.group(1)), int(quiet.group(2)))
        turn.member.quiet_end = time(int(quiet.group(3)), int(quiet.group(4)))
        turn.answer(_("✅ 免打扰改为 {hours}", hours=await _quiet_text(turn)))
    else:
        turn.answer(_("这个按钮已失效。"), alert=True)
        return
    await mark_replan(turn.session, turn.member.id)
    turn.edit(await _settings_text(turn), inline(_settings_rows(turn)))


def reminder_settings_handlers() -> list[object]:
    """/settings and 设置: the member's settings, the pushes' times with the language."""
    return [
        CommandHandler(commands.SETTINGS.name, settings),
        MessageHandler(filters.Regex(label_pattern(SETTINGS)), settings),
        CallbackQueryHandler(settings_button, pattern=r"^rset:"),
    ]
