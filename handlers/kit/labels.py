"""The names shown for stored codes: a customer's status, an interaction's kind, a contact's
role in the decision, an archive field. Cards, captures, reports and exports all show them."""

from __future__ import annotations

from handlers.kit.phones import shown_phones
from handlers.kit.render import birthday
from locales import N_, Translator
from storage.changes import FAMILY_FIELD, LoggedBirthday
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

# Every archive field by what it holds: 编辑资料's buttons, 完整档案's lines, the save echo and
# 🕘 修改记录 all name a field from here. A customer's phone is the company's line (总机), a
# contact's phones are the person's own (电话).
FIELD_LABELS = {
    # the customer's
    "industry": N_("行业"),
    "address": N_("地址"),
    "phone": N_("总机"),
    "legal_representative": N_("法人代表"),
    "scale": N_("规模"),
    "business_scope": N_("经营范围"),
    "purchase_cycle": N_("采购周期"),
    "payment_cycle": N_("付款周期"),
    "competitors": N_("竞争对手"),
    "current_suppliers": N_("现有供应商"),
    "our_products": N_("我方产品"),
    "our_share": N_("我方份额"),
    "source": N_("客户来源"),
    "website": N_("网址"),
    "grade": N_("等级"),
    "status": N_("状态"),
    "owner": N_("负责人"),
    # a contact's
    "name": N_("姓名"),
    "surname": N_("姓"),
    "title": N_("职务"),
    "salutation": N_("称呼"),
    "phones": N_("电话"),
    "wechat": N_("微信"),
    "email": N_("邮箱"),
    "fax": N_("传真"),
    "birthday": N_("生日"),
    "hobbies": N_("爱好"),
    "native_place": N_("籍贯"),
    "education": N_("毕业院校"),
    "personality": N_("性格"),
    "decision_role": N_("决策角色"),
    "is_key_leader": N_("关键人"),
    # both
    "notes": N_("备注"),
    # a birthday's columns, as the change log kept them before 2026-12-03
    "birthday_month": N_("生日月份"),
    "birthday_day": N_("生日日期"),
    "birthday_year": N_("出生年份"),
    "birthday_lunar": N_("农历生日"),
    "birthday_leap": N_("闰月"),
    "birthday_next": N_("下次生日"),
}


# The fields that hold phone numbers (a customer's 总机, a contact's phones and fax): shown
# through kit/phones.py wherever they are shown.
PHONE_FIELDS = frozenset({"phone", "phones", "fax"})


def field_label(_: Translator, field: str) -> str:
    """The field's name in the member's language (a field not in the table, as stored)."""
    label = FIELD_LABELS.get(field)
    return _(label) if label else field


# A change of a flag reads as what happened (设为关键人), never as "关键人:0 → 1"; 生日改为农历 is
# for the rows the change log kept before a birthday was logged whole.
_FLAG_CHANGES = {
    ("birthday_lunar", "1"): N_("生日改为农历"),
    ("birthday_lunar", "0"): N_("生日改为公历"),
    ("is_key_leader", "1"): N_("设为关键人"),
    ("is_key_leader", "0"): N_("不再是关键人"),
}
# Values that need their unit to be read: 8 → 8月.
_UNITS = {"birthday_month": N_("{n}月"), "birthday_day": N_("{n}日")}
# Fields that keep a code: said by the name the cards show (decision_maker → 拍板人).
_CODED: dict[str, dict[str, str]] = {
    "decision_role": DECISION_ROLES,
    "status": {str(status): label for status, label in STATUS_LABELS.items()},
    "kind": {str(kind): label for kind, label in KIND_LABELS.items()},
}


def flag_change(_: Translator, field: str, new: str | None) -> str | None:
    """生日改为农历, 设为关键人 … for a flag's change; None for any other field."""
    said = _FLAG_CHANGES.get((field, new or "0"))
    return _(said) if said else None


def value_with_unit(_: Translator, field: str, value: str | None, region: str) -> str:
    """A changed value as the member reads it: a birthday whole (农历三月初八), 8月 for a
    month the change log kept alone, phones as the team's region writes them, a code by its
    name (拍板人, 跟进中), (空) for none."""
    if not value:
        return _("(空)")
    if field == "birthday" or field.startswith(FAMILY_FIELD):
        return birthday_said(_, value)
    if field in PHONE_FIELDS:
        return shown_phones(_, value, region)
    coded = _CODED.get(field, {}).get(value)
    if coded is not None:
        return _(coded)
    unit = _UNITS.get(field)
    return _(unit, n=value) if unit else value


def birthday_said(_: Translator, logged: str | None) -> str:
    """A birthday as the change log keeps it (L3-8/1985), in words: 农历三月初八(1985年生)."""
    born = LoggedBirthday.read(logged)
    if born is None:
        return _("(空)")
    return birthday(_, born.month, born.day, lunar=born.lunar, leap=born.leap, year=born.year)
