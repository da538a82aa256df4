"""The team room's buttons: a builder (or constant) for each and the pattern that reads it
back, used by the message that shows the button and the handler that answers it — /team's
here, then /teamsettings' ts: and the team summary's tr: below.

    team:home 👥 成员管理    team:invite 🔗 邀请链接    team:code 🔄 重置邀请码
    team:m:<member> a member's page    team:p:<member> ⬆️ 设为经理
    team:r:<member> 🚫 移出团队 (asks first)    team:rr:<member> ✅ 确定移出
"""

from __future__ import annotations

import re

from handlers.kit import doors

TEAM_PATTERN = r"^team:"
HOME = "team:home"
INVITE = "team:invite"
RESET_CODE = "team:code"
MEMBER = re.compile(r"^team:m:([0-9]+)$")
PROMOTE = re.compile(r"^team:p:([0-9]+)$")
REMOVE = re.compile(r"^team:r:([0-9]+)$")
REMOVE_CONFIRMED = re.compile(r"^team:rr:([0-9]+)$")


def member(member_id: int) -> str:
    return f"team:m:{member_id}"


def promote(member_id: int) -> str:
    return f"team:p:{member_id}"


def remove(member_id: int) -> str:
    return f"team:r:{member_id}"


def remove_confirmed(member_id: int) -> str:
    return f"team:rr:{member_id}"


# /teamsettings (settings.py; managers only). ts:home is kit/doors.py's: 💼 商机设置 opens it.
#     ts:home the settings           ts:g:<grade> a grade's cadence   ts:g:<grade>:<days> set it
#     ts:g:<grade>:typed ⌨️ 其他天数 (the days typed, a ValueEdit)
#     ts:dt digest time              ts:dt:<hhmm> set it              ts:tz timezone
#     ts:tz:<index> set it           ts:fest 🎉 festival reminders on / off
#     ts:q quiet hours               ts:q:<hhhh or off> set them
#     ts:sd a deal's days in one stage                                ts:sd:<days> set them
SETTINGS_PATTERN = r"^ts:"
SETTINGS_HOME = doors.TEAM_SETTINGS
DIGEST_TIMES = "ts:dt"
TIMEZONES = "ts:tz"
FESTIVALS = "ts:fest"
QUIET_HOURS = "ts:q"
STAGE_DAYS = "ts:sd"
CADENCE_MENU = re.compile(r"^ts:g:([A-Z])$")
CADENCE = re.compile(r"^ts:g:([A-Z]):([0-9]+)$")
CADENCE_TYPED = re.compile(r"^ts:g:([A-Z]):typed$")
DIGEST_TIME = re.compile(r"^ts:dt:([0-9]{4})$")
TIMEZONE = re.compile(r"^ts:tz:([0-9]+)$")
QUIET = re.compile(r"^ts:q:([0-9]{4}|off)$")
STAGE_DAY = re.compile(r"^ts:sd:([0-9]+)$")


def cadence_menu(grade: str) -> str:
    return f"ts:g:{grade}"


def cadence(grade: str, days: int) -> str:
    return f"ts:g:{grade}:{days}"


def cadence_typed(grade: str) -> str:
    return f"ts:g:{grade}:typed"


def digest_time(hhmm: str) -> str:
    return f"ts:dt:{hhmm}"


def timezone(index: int) -> str:
    return f"ts:tz:{index}"


def quiet(key: str) -> str:
    """`key`: hhhh (2108: 21:00–08:00) or "off"."""
    return f"ts:q:{key}"


def stage_days(days: int) -> str:
    return f"ts:sd:{days}"


# The team summary (reports.py; managers only), for a period (week, month …):
#     tr:p:<period>:<page> the summary    tr:r:<member>:<period> a rep's drill-down
#     tr:c:<period> the charts
# Its other buttons open other rooms: 📤 导出 (kit/doors.py), 🔁 分配客户, ⚙️ 团队设置, 🕵️ 审计.
SUMMARY_PATTERN = r"^tr:"
_PERIOD = r"([a-z]{1,12})"  # then looked up in storage.reports.PERIODS
SUMMARY = re.compile(rf"^tr:p:{_PERIOD}:([0-9]+)$")
SUMMARY_REP = re.compile(rf"^tr:r:([0-9]+):{_PERIOD}$")
SUMMARY_CHARTS = re.compile(rf"^tr:c:{_PERIOD}$")
ASSIGN_HELP = "asg:help"
AUDIT_LATEST = "aud:0"


def summary(period: str, page: int = 0) -> str:
    return f"tr:p:{period}:{page}"


def summary_rep(member_id: int, period: str) -> str:
    return f"tr:r:{member_id}:{period}"


def summary_charts(period: str) -> str:
    return f"tr:c:{period}"


# Assignment and handover (assignment.py; managers only):
#     asg:help how to assign                  asg:c:<customer> 👤 分配: pick the new owner
#     asg:to:<customer>:<member> that owner   asg:me:<customer> 🙋 接手
#     ho:m:<member> 📦 离职交接 of a leaver   ho:t:<leaver>:<member> tick a receiver
#     ho:go:<leaver> hand over to those ticked
#     own:k:<customer>:<rep>[:<capture draft>] ✅ 仍归 the first recorder
#     own:m:<customer>:<rep>[:<capture draft>] 🔁 改归 the rep who asked
ASSIGNMENT_PATTERN = r"^(asg|ho|own):"
_ID = r"([0-9]+)"
ASSIGN = re.compile(rf"^asg:c:{_ID}$")
ASSIGN_TO = re.compile(rf"^asg:to:{_ID}:{_ID}$")
TAKE_OVER = re.compile(rf"^asg:me:{_ID}$")
HANDOVER = re.compile(rf"^ho:m:{_ID}$")
HANDOVER_TICK = re.compile(rf"^ho:t:{_ID}:{_ID}$")
HANDOVER_GO = re.compile(rf"^ho:go:{_ID}$")
OWNER_KEPT = re.compile(rf"^own:k:{_ID}:{_ID}(?::{_ID})?$")
OWNER_MOVED = re.compile(rf"^own:m:{_ID}:{_ID}(?::{_ID})?$")


def assign(customer_id: int) -> str:
    """👤 分配 / 🔁 改派: pick the customer's new owner."""
    return f"asg:c:{customer_id}"


def assign_to(customer_id: int, member_id: int) -> str:
    return f"asg:to:{customer_id}:{member_id}"


def take_over(customer_id: int) -> str:
    """🙋 接手: a manager takes the customer over."""
    return f"asg:me:{customer_id}"


def handover(leaver_id: int) -> str:
    return f"ho:m:{leaver_id}"


def handover_tick(leaver_id: int, member_id: int) -> str:
    return f"ho:t:{leaver_id}:{member_id}"


def handover_go(leaver_id: int) -> str:
    return f"ho:go:{leaver_id}"


def _owner(word: str, customer_id: int, rep_id: int, capture_draft: int | None) -> str:
    return f"own:{word}:{customer_id}:{rep_id}" + (f":{capture_draft}" if capture_draft else "")


def owner_kept(customer_id: int, rep_id: int, capture_draft: int | None = None) -> str:
    return _owner("k", customer_id, rep_id, capture_draft)


def owner_moved(customer_id: int, rep_id: int, capture_draft: int | None = None) -> str:
    return _owner("m", customer_id, rep_id, capture_draft)


# /audit (audit.py; managers only): aud:<member or 0>:<offset> a page, filtered by member;
# aud:<offset> (AUDIT_LATEST, from the summary) the latest, as a new message.
AUDIT_PATTERN = r"^aud:"
AUDIT_PAGE = re.compile(rf"^aud:{_ID}:{_ID}$")
AUDIT_FROM_SUMMARY = re.compile(rf"^aud:{_ID}$")


def audit_page(member_id: int, offset: int = 0) -> str:
    """`member_id` 0: everyone's."""
    return f"aud:{member_id}:{offset}"
