"""The team room's /team buttons: a builder (or constant) for each and the pattern that reads
it back, used by the message that shows the button and the handler that answers it.

    team:home 👥 成员管理    team:invite 🔗 邀请链接    team:code 🔄 重置邀请码
    team:m:<member> a member's page    team:p:<member> ⬆️ 设为经理
    team:r:<member> 🚫 移出团队 (asks first)    team:rr:<member> ✅ 确定移出
"""

from __future__ import annotations

import re

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
