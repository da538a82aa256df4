"""The visits room's own buttons: a builder for each and the pattern that reads it back, used by
the message that shows the button and the handler that answers it. (The buttons that pushes
carry too — 写纪要, the manager's review — are storage/push_buttons.py's.)

    plan:s:<plan> ✅ 提交    plan:x:<plan> ❌ 取消    (…:<plan revised>: the draft of ✏️ 修改)
    plan:r:<plan> ✏️ 修改 one's own plan
    (plan:ok:<plan> ✅ 批准 and plan:note:<plan> 💬 意见 are storage/push_buttons.py's: the
    manager's digest carries them too)
    plan:new 📝 记一笔 → 📅 计划拜访
    mins:doc:<minutes> 📤 生成给客户的纪要    mins:sent:<minutes> 📨 已发给客户
    mins:conf:<minutes> ✅ 客户已确认
    wd:home 📅 工作日历与拜访计划 (also from /teamsettings)
    wd:set:<cn or mon_fri> the team's working days    wd:approval:<on or off> plans approved
"""

from __future__ import annotations

import re

WORKDAYS_PATTERN = r"^wd:"
WORKDAYS_HOME = "wd:home"
WORKWEEK = re.compile(r"^wd:set:(cn|mon_fri)$")
APPROVAL = re.compile(r"^wd:approval:(on|off)$")


def workweek(value: str) -> str:
    """`value`: a Workweek's (cn, mon_fri)."""
    return f"wd:set:{value}"


def approval(on: bool) -> str:
    return f"wd:approval:{'on' if on else 'off'}"


PLAN_PATTERN = r"^plan:"
PLAN_SUBMIT = re.compile(r"^plan:s:([0-9]{1,10})(?::([0-9]{1,10}))?$")
PLAN_CANCEL = re.compile(r"^plan:x:([0-9]{1,10})(?::([0-9]{1,10}))?$")
PLAN_REVISE = re.compile(r"^plan:r:([0-9]{1,10})$")
PLAN_NEW = "plan:new"

# Before the minutes' own mins: buttons (handlers/visits/__init__.py registers it first).
COPY_PATTERN = r"^mins:(doc|sent|conf):"
COPY_DOCUMENT = re.compile(r"^mins:doc:([0-9]{1,10})$")
COPY_SENT = re.compile(r"^mins:sent:([0-9]{1,10})$")
COPY_CONFIRMED = re.compile(r"^mins:conf:([0-9]{1,10})$")


def _revising(data: str, revised: int) -> str:
    return f"{data}:{revised}" if revised else data


def plan_submit(plan_id: int, revised: int = 0) -> str:
    """✅ 提交 a drafted plan; `revised`: the plan it is the new version of."""
    return _revising(f"plan:s:{plan_id}", revised)


def plan_cancel(plan_id: int, revised: int = 0) -> str:
    return _revising(f"plan:x:{plan_id}", revised)


def plan_revise(plan_id: int) -> str:
    return f"plan:r:{plan_id}"


def copy_document(minutes_id: int) -> str:
    return f"mins:doc:{minutes_id}"


def copy_sent(minutes_id: int) -> str:
    return f"mins:sent:{minutes_id}"


def copy_confirmed(minutes_id: int) -> str:
    return f"mins:conf:{minutes_id}"
