"""The names shown for stored codes: a customer's status, an interaction's kind, a contact's
role in the decision. Cards, captures, reports and exports all show them."""

from __future__ import annotations

from locales import N_, Translator
from storage.models import CustomerStatus, InteractionKind

STATUS_LABELS = {
    CustomerStatus.POTENTIAL: N_("潜在"),
    CustomerStatus.FOLLOWING: N_("跟进中"),
    CustomerStatus.COOPERATING: N_("合作中"),
    CustomerStatus.LOST: N_("流失"),
}
KIND_LABELS = {
    InteractionKind.VISIT: N_("拜访"),
    InteractionKind.CALL: N_("电话"),
    InteractionKind.WECHAT: N_("微信"),
    InteractionKind.MEAL: N_("吃饭"),
    InteractionKind.NOTE: N_("备注"),
}
DECISION_ROLES = {
    "decision_maker": N_("拍板人"),
    "influencer": N_("影响者"),
    "purchaser": N_("负责采购"),  # not 采购, which reads as a title after a name
    "user": N_("使用者"),
}


# A change of a flag reads as what happened (生日改为农历), never as "农历生日:0 → 1".
_FLAG_CHANGES = {
    ("birthday_lunar", "1"): N_("生日改为农历"),
    ("birthday_lunar", "0"): N_("生日改为公历"),
    ("is_key_leader", "1"): N_("设为关键人"),
    ("is_key_leader", "0"): N_("不再是关键人"),
}
# Values that need their unit to be read: 8 → 8月.
_UNITS = {"birthday_month": N_("{n}月"), "birthday_day": N_("{n}日")}


def flag_change(_: Translator, field: str, new: str | None) -> str | None:
    """生日改为农历, 设为关键人 … for a flag's change; None for any other field."""
    said = _FLAG_CHANGES.get((field, new or "0"))
    return _(said) if said else None


def value_with_unit(_: Translator, field: str, value: str | None) -> str:
    """A changed value as the member reads it: 8月 for a birthday's month, (空) for none."""
    if not value:
        return _("(空)")
    unit = _UNITS.get(field)
    return _(unit, n=value) if unit else value
