"""The deals room's callback data: a builder for each button, and the pattern that reads it
back — deal: here, then 商机设置's dst:, 回款's pay: and /pipeline's pipe: below.

buttons.py puts them on the customer card and on its own questions, and deal_button matches
them here; the digest's three (with ":p") are built by storage/push_buttons.py, which
scheduler/ may import, and read by the same patterns.

    deal:a:<deal>[:p] ⏩ 推进        deal:w:<deal> 🏆 赢单 (asks)  deal:l:<deal>[:p] 💔 输单 (asks why)
    deal:w:<deal>:y:<amount or -> ✅ 按 110万 签约 (⏩ 推进 past the last open stage asks the
    same): won at the amount the button showed (-: none; a bare ":y", from before, the deal's)
    deal:w:<deal>:m ✏️ 改金额 (typed, a ValueEdit)          deal:u:<snapshot> ↩️ 撤销 a win
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
WIN_AT = re.compile(r"^deal:w:([0-9]+):y(?::([0-9]{1,16}|-))?$")
WIN_AMOUNT = re.compile(r"^deal:w:([0-9]+):m$")
UNDO_WIN = re.compile(r"^deal:u:([0-9]+)$")
NO_AMOUNT = "-"
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
    """🏆 赢单: asks first, with the amount to sign at."""
    return f"deal:w:{deal_id}"


def win_at(deal_id: int, amount: int | None) -> str:
    """✅ 按 110万 签约: won at `amount` (None: the deal has none)."""
    return f"deal:w:{deal_id}:y:{NO_AMOUNT if amount is None else amount}"


def win_amount(deal_id: int) -> str:
    """✏️ 改金额: the signed amount is typed."""
    return f"deal:w:{deal_id}:m"


def undo_win(snapshot_id: int) -> str:
    """↩️ 撤销: the win undone, from the deal as it was before (a Draft snapshot)."""
    return f"deal:u:{snapshot_id}"


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


# 💼 商机设置 (settings.py, from /teamsettings; managers only):
#     dst:home the stages and the currency     dst:s:<stage> one stage
#     dst:p:<stage>:<percent> its chance       dst:t:<stage> type its chance (a ValueEdit)
#     dst:n:<stage> type its name              dst:r:<stage> back to the default name and chance
#     dst:cur the currencies                   dst:cur:<code> the default currency
SETTINGS_PATTERN = r"^dst:"
SETTINGS_HOME = "dst:home"
CURRENCY_MENU = "dst:cur"
_STAGE = r"([a-z_]{1,16})"  # then looked up in DealStage
STAGE_PAGE = re.compile(rf"^dst:s:{_STAGE}$")
SET_STAGE_CHANCE = re.compile(rf"^dst:p:{_STAGE}:([0-9]+)$")
TYPE_STAGE_CHANCE = re.compile(rf"^dst:t:{_STAGE}$")
RENAME_STAGE = re.compile(rf"^dst:n:{_STAGE}$")
RESET_STAGE = re.compile(rf"^dst:r:{_STAGE}$")
SET_CURRENCY = re.compile(r"^dst:cur:([A-Z]{3})$")


def stage_page(stage: str) -> str:
    return f"dst:s:{stage}"


def set_stage_chance(stage: str, percent: int) -> str:
    return f"dst:p:{stage}:{percent}"


def type_stage_chance(stage: str) -> str:
    return f"dst:t:{stage}"


def rename_stage(stage: str) -> str:
    return f"dst:n:{stage}"


def reset_stage(stage: str) -> str:
    return f"dst:r:{stage}"


def set_currency(code: str) -> str:
    return f"dst:cur:{code}"


# 回款 (payments.py): a won deal's plan and its installments. pay:c and pay:d with ":p" are the
# digest's (built by storage/push_buttons.py): the answer is a new message, the digest stays.
#     pay:v:<deal> the plan                   pay:n:<deal>:<preset> that preset becomes the plan
#     pay:d:<installment>[:p] when due?       pay:d:<installment>:<yyyymmdd> that day
#     pay:t:<installment> type the day        pay:c:<installment>[:p] 💰 已回款
#     pay:m:<installment> type amount and day
#     pay:k:<installment>:<amount>:<yyyymmdd>:<paid before> record it (a second press of the
#     same button records nothing: what was paid before has changed)
PAYMENT_PATTERN = r"^pay:"
PAYMENT_PLAN = re.compile(r"^pay:v:([0-9]+)$")
PAYMENT_PRESET = re.compile(r"^pay:n:([0-9]+):([0-9]+)$")
PAYMENT_DUE = re.compile(r"^pay:d:([0-9]+)(:p)?$")
PAYMENT_DUE_ON = re.compile(r"^pay:d:([0-9]+):([0-9]{8})$")
PAYMENT_TYPE_DUE = re.compile(r"^pay:t:([0-9]+)$")
PAYMENT_COLLECT = re.compile(r"^pay:c:([0-9]+)(:p)?$")
PAYMENT_TYPE_PAID = re.compile(r"^pay:m:([0-9]+)$")
PAYMENT_RECORD = re.compile(r"^pay:k:([0-9]+):([0-9]+):([0-9]{8}):([0-9]+)$")


def payment_plan(deal_id: int) -> str:
    return f"pay:v:{deal_id}"


def payment_preset(deal_id: int, index: int) -> str:
    return f"pay:n:{deal_id}:{index}"


def payment_due(installment_id: int) -> str:
    return f"pay:d:{installment_id}"


def payment_due_on(installment_id: int, day: date) -> str:
    return f"pay:d:{installment_id}:{day:%Y%m%d}"


def payment_type_due(installment_id: int) -> str:
    return f"pay:t:{installment_id}"


def payment_collect(installment_id: int) -> str:
    return f"pay:c:{installment_id}"


def payment_type_paid(installment_id: int) -> str:
    return f"pay:m:{installment_id}"


def payment_record(installment_id: int, amount: int, day: date, paid_before: int) -> str:
    return f"pay:k:{installment_id}:{amount}:{day:%Y%m%d}:{paid_before}"


# /pipeline (pipeline.py; managers only), for this month (m) or quarter (q):
#     pipe:p:<period>:<page> the team's view   pipe:r:<member>:<period> a rep's deals
#     pipe:c:<period> the funnel and forecast charts
PIPELINE_PATTERN = r"^pipe:"
_PERIOD = r"([a-z]{1,8})"  # then looked up in pipeline.PERIODS
PIPELINE_PAGE = re.compile(rf"^pipe:p:{_PERIOD}:([0-9]+)$")
PIPELINE_REP = re.compile(rf"^pipe:r:([0-9]+):{_PERIOD}$")
PIPELINE_CHARTS = re.compile(rf"^pipe:c:{_PERIOD}$")


def pipeline_page(period: str, page: int = 0) -> str:
    return f"pipe:p:{period}:{page}"


def pipeline_rep(member_id: int, period: str) -> str:
    return f"pipe:r:{member_id}:{period}"


def pipeline_charts(period: str) -> str:
    return f"pipe:c:{period}"
