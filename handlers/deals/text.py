"""How a deal reads: 💼 办公楼项目 · 120万 · 方案报价 · 预计12月31日签约.

Shared by the capture card, the customer card and /pipeline; amounts the Chinese way.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from locales import N_, Translator
from locales.amounts import amount_text
from locales.deals import STAGE_LABELS
from storage.models import DealStage

__all__ = [
    "LOST_REASONS", "STAGE_LABELS", "amount_text", "close_text", "deal_parts", "stage_name",
]  # fmt: skip


# The reasons a rep picks with one tap when a deal is lost (or types another).
LOST_REASONS = (
    N_("输给竞争对手"),
    N_("价格太高"),
    N_("预算取消"),
    N_("项目暂停"),
    N_("客户没回应"),
)


def stage_name(_: Translator, stage: DealStage, names: Mapping[DealStage, str] | None) -> str:
    """The team's name for `stage` (a StageBook's names), else the default in the reader's
    language."""
    return (names or {}).get(stage) or _(STAGE_LABELS[stage])


def close_text(_: Translator, day: date, today: date) -> str:
    if day.year != today.year:
        return _("预计{year}年{month}月{day}日签约", year=day.year, month=day.month, day=day.day)
    return _("预计{month}月{day}日签约", month=day.month, day=day.day)


def deal_parts(
    _: Translator,
    title: str | None,
    amount: int | None,
    currency: str,
    stage: DealStage | None,
    close_date: date | None,
    today: date,
    names: Mapping[DealStage, str] | None = None,
) -> list[str]:
    """The pieces of a deal's one line, in order; the caller joins them with " · "."""
    parts = [title or _("商机")]
    if amount is not None:
        parts.append(amount_text(amount, currency))
    if stage is not None:
        parts.append(stage_name(_, stage, names))
    if close_date is not None and stage not in (DealStage.WON, DealStage.LOST):
        parts.append(close_text(_, close_date, today))
    return parts
