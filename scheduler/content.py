"""What a push says: digest items, greetings, festival and trip suggestions, in the member's
language. Items are kept in the outbox payload (typed in storage/push_items.py) and rendered
when the push is sent, so a member who changes language gets the next push in the new one.
"""

from __future__ import annotations

from datetime import date, timedelta

from locales import N_, Translator
from locales.amounts import amount_text
from locales.deals import STAGE_LABELS
from locales.words import FESTIVALS, day_range, day_with_weekday, lunar_name
from parsing.dates import festival_day
from scheduler.minutes_render import due_line, minutes_late_line, plan_line, waiting_plan_line
from storage.push_items import (
    BirthdayItem,
    DealItem,
    Item,
    PaymentItem,
    StaleDealItem,
    TripItem,
)

FESTIVAL_LABELS = dict(FESTIVALS)
FESTIVAL_NOTICE_DAYS = 3

PUSH_KINDS = {
    "digest": N_("每日简报"),
    "greeting": N_("生日祝福"),
    "followup": N_("跟进提醒"),
    "trip": N_("行程提醒"),
    "festival": N_("节日提醒"),
    "review": N_("纪要审阅"),
    "again": N_("提醒"),
}

# How a family member is spoken of to the contact (敬称).
_KIN = {
    "儿子": N_("令郎"),
    "女儿": N_("令爱"),
    "妻子": N_("尊夫人"),
    "爱人": N_("尊夫人"),
    "夫人": N_("尊夫人"),
    "太太": N_("尊夫人"),
    "丈夫": N_("您先生"),
    "先生": N_("您先生"),
    "父亲": N_("令尊"),
    "母亲": N_("令堂"),
    "孙子": N_("令孙"),
    "孙女": N_("令孙女"),
}


# -- small pieces ----------------------------------------------------------------------------


def kin(_: Translator, relation: str) -> str:
    """令郎 for 儿子: how a family member is named when greeting the contact."""
    honorific = _KIN.get(relation)
    return _(honorific) if honorific else _("您的{relation}", relation=relation)


def festivals_within(today: date, days: int) -> list[tuple[str, date]]:
    """Festivals whose day falls in [today, today + days]."""
    found = []
    for key, _label in FESTIVALS:
        for year in (today.year - 1, today.year, today.year + 1):
            try:
                day = festival_day(key, year)
            except (ValueError, KeyError):  # pragma: no cover - outside lunar-python's range
                continue
            if today <= day <= today + timedelta(days=days):
                found.append((key, day))
    return sorted(found, key=lambda pair: pair[1])


# -- digest items ----------------------------------------------------------------------------


def item_line(_: Translator, item: Item, today: date) -> str:
    """One line of the digest (or of a single push) for an item."""
    if item["type"] == "follow_up":
        subject = f"{item['customer']} · " if item["customer"] else ""
        at = f"{item['at']} " if item["at"] else ""
        due = date.fromisoformat(item["due"])
        late = (today - due).days
        overdue = _.plural("(已逾期 {n} 天)", "(已逾期 {n} 天)", late) if late > 0 else ""
        return f"{at}{subject}{item['text']}{overdue}"
    if item["type"] == "birthday":
        return _birthday_line(_, item, today)
    if item["type"] == "deal":
        close = date.fromisoformat(item["close"])
        return _.plural(
            "{deal}{amount}:预计{month}月{day}日签约,已过 {n} 天还没有结果",
            "{deal}{amount}:预计{month}月{day}日签约,已过 {n} 天还没有结果",
            (today - close).days,
            deal=deal_name(item),
            amount=_amount(item),
            month=close.month,
            day=close.day,
        )
    if item["type"] == "stale_deal":
        stage = STAGE_LABELS[item["stage"]]  # a msgid
        return _.plural(
            "{deal}{amount}:在「{stage}」已停留 {n} 天,没有进展",
            "{deal}{amount}:在「{stage}」已停留 {n} 天,没有进展",
            item["days"],
            deal=deal_name(item),
            amount=_amount(item),
            stage=item["stage_name"] or _(stage),
        )
    if item["type"] == "payment_due" or item["type"] == "payment_late":
        return payment_line(_, item, today)
    if item["type"] == "trip":
        return trip_line(_, item, today)
    if item["type"] == "cold":
        if item["never"]:
            return _(
                "{grade}类 {customer} 还没有联系记录",
                grade=item["grade"],
                customer=item["customer"],
            )
        return _.plural(
            "{grade}类 {customer} 已 {n} 天未联系",
            "{grade}类 {customer} 已 {n} 天未联系",
            item["days"],
            grade=item["grade"],
            customer=item["customer"],
        )
    if item["type"] == "new_customer":
        return _.plural(
            "{customer} 分配给你已 {n} 天,还没联系",
            "{customer} 分配给你已 {n} 天,还没联系",
            item["days"],
            customer=item["customer"],
        )
    if item["type"] == "festival":
        on = date.fromisoformat(item["on"])
        name = FESTIVAL_LABELS[item["key"]]
        label = _(name)
        if on == today:
            return _("今天是{festival}", festival=label)
        when = day_with_weekday(_, on)  # outside the call: babel misreads `_` passed inside
        return _.plural(
            "{festival} 还有 {n} 天({date})",
            "{festival} 还有 {n} 天({date})",
            (on - today).days,
            festival=label,
            date=when,
        )
    if item["type"] == "trip_unknown":
        return _(
            "{customer} · {who}:本周行程未知,记得问问办公室",
            customer=item["customer"],
            who=item["who"],
        )
    if item["type"] == "minutes_late":
        return minutes_late_line(_, item)
    if item["type"] == "minutes_due":
        return due_line(_, item)
    if item["type"] == "plan":
        return plan_line(_, item)
    if item["type"] == "plan_pending":
        return waiting_plan_line(_, item)
    label = PUSH_KINDS.get(item["kind"], PUSH_KINDS["again"])
    return _(
        "{member}:{push} 未送达({error})",
        member=item["member"],
        push=_(label),
        error=item["error"],
    )


def deal_name(item: DealItem | StaleDealItem | PaymentItem) -> str:
    """万科物业 万科物业项目; the customer's name alone when the deal is named after it."""
    if item["title"] == item["customer"]:
        return item["customer"]
    return f"{item['customer']} {item['title']}"


def _amount(item: DealItem | StaleDealItem) -> str:
    return f" {amount_text(item['amount'], item['currency'])}" if item["amount"] else ""


def payment_line(_: Translator, item: PaymentItem, today: date) -> str:
    """华润置地 办公楼项目 · 验收款 69万:12月1日到期,已逾期 3 天 (王磊 · … for the manager)."""
    due = date.fromisoformat(item["due"])
    late = (today - due).days
    if late > 0:
        when = _.plural(
            "{month}月{day}日到期,已逾期 {n} 天",
            "{month}月{day}日到期,已逾期 {n} 天",
            late,
            month=due.month,
            day=due.day,
        )
    elif late == 0:
        when = _("今天到期")
    else:
        when = _.plural(
            "{month}月{day}日到期({n} 天后)",
            "{month}月{day}日到期({n} 天后)",
            -late,
            month=due.month,
            day=due.day,
        )
    left = f" {amount_text(item['left'], item['currency'])}" if item["left"] else ""
    line = f"{deal_name(item)} · {item['name']}{left}:{when}"
    return f"{item['who']} · {line}" if item["type"] == "payment_late" else line


def _birthday_line(_: Translator, item: BirthdayItem, today: date) -> str:
    on = date.fromisoformat(item["on"])
    days = (on - today).days
    when = _("今天") if days <= 0 else _.plural("{n} 天后", "{n} 天后", days)
    who = item["who"]
    if item["relation"]:
        who = _("{who}的{relation}", who=who, relation=item["relation"]) + (
            item["family_name"] or ""
        )
    solar = day_with_weekday(_, on)
    written = (
        f"{lunar_name(_, item['month'], item['day'], item['leap'])}({solar})"
        if item["lunar"]
        else solar
    )
    age = ""
    if item["year"] and not item["relation"]:
        age = _(",{n} 岁", n=on.year - item["year"])
    return _(
        "{when} {who}({customer})生日:{date}{age}",
        when=when,
        who=who,
        customer=item["customer"],
        date=written,
        age=age,
    )


def trip_line(_: Translator, item: TripItem, today: date) -> str:
    """张局长明天起在北京(开会,12月1日–3日)."""
    start, end = date.fromisoformat(item["start"]), date.fromisoformat(item["end"])
    span = day_range(_, start, end)
    detail = f"{item['purpose']},{span}" if item["purpose"] else span
    if _.language == "en":
        detail = f"{item['purpose']}, {span}" if item["purpose"] else span
    values = {"who": item["who"], "place": item["place"], "detail": detail}
    if start == today + timedelta(days=1):
        return _("{who}明天起在{place}({detail})", **values)
    if start == today:
        return _("{who}今天起在{place}({detail})", **values)
    if end == today:
        return _("{who}今天结束在{place}的行程({detail})", **values)
    return _("{who}正在{place}({detail})", **values)


# -- greetings -------------------------------------------------------------------------------


def birthday_greetings(_: Translator, item: BirthdayItem) -> list[tuple[str, str]]:
    """Three ready-to-copy greetings: formal, warm, short."""
    who = item["who"]
    if item["relation"]:
        relative = kin(_, item["relation"])
        return [
            (
                _("正式"),
                _(
                    "{who},欣闻今天是{kin}的生日,谨祝{kin}生日快乐,健康成长,前程似锦!",
                    who=who,
                    kin=relative,
                ),
            ),
            (
                _("亲切"),
                _(
                    "{who},听说今天是{kin}的生日,祝{kin}生日快乐!也祝您全家幸福安康!",
                    who=who,
                    kin=relative,
                ),
            ),
            (_("简短"), _("{who},祝{kin}生日快乐!", who=who, kin=relative)),
        ]
    return [
        (
            _("正式"),
            _("{who},值此生日之际,谨祝您生日快乐,身体健康,工作顺利,阖家幸福!", who=who),
        ),
        (
            _("亲切"),
            _(
                "{who},祝您生日快乐!感谢您一直以来的关照和支持,愿新的一岁平安喜乐、万事顺意!",
                who=who,
            ),
        ),
        (_("简短"), _("{who},祝您生日快乐!", who=who)),
    ]


def festival_greetings(_: Translator, key: str) -> list[str]:
    festival = _(FESTIVAL_LABELS[key])
    return [
        _("{festival}将至,祝您和家人节日快乐、万事如意!", festival=festival),
        _("值此{festival}之际,感谢您一直以来的支持,祝您阖家幸福、身体健康!", festival=festival),
    ]


TRIP_SUGGESTIONS = (
    N_("安排一次拜访或接待"),
    N_("往酒店送一束鲜花和果篮"),
    N_("告诉你的经理"),
)
