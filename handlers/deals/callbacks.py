"""The deal buttons' callback data: a builder for each, and the pattern that reads it back.

buttons.py puts them on the customer card and on its own questions, and deal_button matches
them here; the digest's three (with ":p") are built by storage/push_buttons.py, which
scheduler/ may import, and read by the same patterns.

    deal:a:<deal>[:p] ⏩ 推进        deal:w:<deal> 🏆 赢单        deal:l:<deal>[:p] 💔 输单 (asks why)
    deal:r:<deal>:<n> one of LOST_REASONS                   deal:t:<deal> ✍️ type the reason
    deal:d:<deal>[:p] 📅 改日期 (offers dates)              deal:d:<deal>:<yyyymmdd> that date
    deal:v:<deal> the deal's page (a manager's drill-down reads it too)
    deal:p:<deal> 🎯 改概率 (offers chances)                deal:p:<deal>:<percent or s> that
    chance (s: back to the stage's)

A trailing ":p" marks a digest's button: the answer is a new message, the digest stays.
"""

from __future__ import annotations

import re
from datetime import date

PATTERN = r"^deal:"
# [0-9], not \d (which takes any script's digits); each number is then read by callback_id.
ADVANCE = re.compile(r"^deal:a:([0-9]+)(:p)?$")
WIN = re.compile(r"^deal:w:([0-9]+)$")
LOSE = re.compile(r"^deal:l:([0-9]+)(:p)?$")
REASON = re.compile(r"^deal:r:([0-9]+):([0-9]+)$")
TYPE_REASON = re.compile(r"^deal:t:([0-9]+)$")
REDATE = re.compile(r"^deal:d:([0-9]+)(:p)?$")
REDATE_TO = re.compile(r"^deal:d:([0-9]+):([0-9]{8})$")
PAGE = re.compile(r"^deal:v:([0-9]+)$")
CHANCE = re.compile(r"^deal:p:([0-9]+)$")
CHANCE_TO = re.compile(r"^deal:p:([0-9]+):([0-9]{1,3}|s)$")
STAGE_CHANCE = "s"  # 🎯 back to the chance of the deal's stage


def advance(deal_id: int) -> str:
    return f"deal:a:{deal_id}"


def win(deal_id: int) -> str:
    return f"deal:w:{deal_id}"


def lose(deal_id: int) -> str:
    return f"deal:l:{deal_id}"


def reason(deal_id: int, index: int) -> str:
    return f"deal:r:{deal_id}:{index}"


def type_reason(deal_id: int) -> str:
    return f"deal:t:{deal_id}"


def redate_to(deal_id: int, day: date) -> str:
    return f"deal:d:{deal_id}:{day:%Y%m%d}"


def redate(deal_id: int) -> str:
    return f"deal:d:{deal_id}"


def page(deal_id: int) -> str:
    return f"deal:v:{deal_id}"


def chance(deal_id: int) -> str:
    return f"deal:p:{deal_id}"


def chance_to(deal_id: int, value: str) -> str:
    """`value`: a percent, or STAGE_CHANCE."""
    return f"deal:p:{deal_id}:{value}"
