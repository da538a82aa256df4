"""The names shown for stored codes: a customer's status, an interaction's kind, a contact's
role in the decision. Cards, captures, reports and exports all show them."""

from __future__ import annotations

from locales import N_
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
