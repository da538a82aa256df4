"""The confirmation card of a quick capture: everything understood, dates with weekday."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from handlers.capture.business_card import card_lines
from handlers.capture.payload import (
    ContactData,
    DealData,
    Payload,
    PlanData,
    key_leader,
    moment_of,
    nameless,
)
from handlers.deals.text import deal_parts
from handlers.kit.labels import DECISION_ROLES, KIND_LABELS, field_label
from handlers.kit.phones import region_of, shown_phones
from handlers.kit.render import birthday, born_in, date_range, moment
from locales import Translator
from storage.activities import task_words
from storage.birthdays import Birthday, next_birthday
from storage.models import DealStage, InteractionKind
from storage.naming import heading
from storage.stages import DEFAULT_BOOK, StageBook


def birthday_text(_: Translator, data: Birthday, today: date) -> str:
    return birthday(
        _,
        int(data["month"]),
        int(data["day"]),
        lunar=bool(data.get("lunar")),
        leap=bool(data.get("leap")),
        year=data.get("year"),
        next_on=next_birthday(data, today),
        today=today,
    )


def contact_title(contact: ContactData) -> str:
    """王建国 局长(王局长), or 王总 when only the form of address is known (storage.naming)."""
    return heading(
        contact.get("name"), contact.get("surname"), contact.get("title"), contact.get("salutation")
    )


def _person(payload: Payload, contact: ContactData) -> str:
    """王建国 局长(王局长) 🔑: the key mark when 保存 makes them a key leader, as the customer
    card will show them."""
    return contact_title(contact) + (" 🔑" if key_leader(payload, contact) else "")


def contact_label(contact: ContactData) -> str:
    return str(contact.get("salutation") or contact.get("name") or contact_title(contact))


@dataclass(frozen=True)
class DealSay:
    """What the card says 保存 does with the note's deal, when not a plain 新建商机: `updates`
    an open deal (its title) with `changes` (capture/deals.changes_text), holding only if the
    company is `maybe` (保存 asks); or `ask`: several open deals could be it, the buttons under
    the card pick."""

    updates: str | None = None
    changes: str = ""
    maybe: str | None = None
    ask: bool = False


def deal_lines(
    _: Translator,
    deal: DealData,
    today: date,
    say: DealSay,
    company: str | None = None,
    book: StageBook = DEFAULT_BOOK,
    competitors: list[str] | None = None,
    contacts: list[str] | None = None,
) -> list[str]:
    """💼 商机:办公楼项目 · 120万 · 方案报价 · 预计12月31日签约 · 对手:广联达 · 联系人:黄总
    (新建商机): saving attaches the note's competitors and contacts to the deal. An update shows
    only what changes: 💼 更新商机「办公楼项目」:金额 120万 → 110万 · 阶段 方案报价 → 商务谈判.
    With the loss reason and the payment plan when the note gives them. `book` names the
    stages as the team does and holds the currency an amount without a currency word is saved
    in."""
    if say.updates is not None:
        changes = say.changes or _("没有变化")
        if say.maybe is not None:
            line = _(
                "💼 若是「{customer}」,更新商机「{title}」:{changes}",
                customer=say.maybe,
                title=say.updates,
                changes=changes,
            )
        else:
            line = _("💼 更新商机「{title}」:{changes}", title=say.updates, changes=changes)
        lines = [line]
    else:
        stage = DealStage(code) if (code := deal.get("stage")) else None
        close = date.fromisoformat(day) if (day := deal.get("close_date")) else None
        currency = deal.get("currency") or book.currency
        title = deal.get("title") or company
        parts = deal_parts(_, title, deal.get("amount"), currency, stage, close, today, book.names)
        if competitors:
            parts.append(_("对手:{names}", names="、".join(competitors)))
        if contacts:
            parts.append(_("联系人:{names}", names="、".join(contacts)))
        which = _("更新哪个商机?请在下面选择") if say.ask else _("新建商机")
        lines = [_("💼 商机:{deal}({which})", deal=" · ".join(parts), which=which)]
    if deal.get("lost_reason"):
        lines.append(_("💔 输单原因:{reason}", reason=deal["lost_reason"]))
    if deal.get("installments"):
        plan = " · ".join(f"{i['label']}{i['percent']}%" for i in deal["installments"])
        lines.append(_("💰 回款计划:{plan}", plan=plan))
    return lines


def plan_line(
    _: Translator, plan: PlanData, company: str | None, timezone: str, today: date
) -> str:
    """📅 计划拜访:万科 · 11月24日(周二) · 目的:谈续约 · 拜见:王局长."""
    parts = [company] if company else []
    parts.append(moment(_, moment_of(plan["when"]), timezone, today))
    parts.append(_("目的:{goal}", goal=plan["goal"]))
    if plan.get("who"):
        parts.append(_("拜见:{who}", who=plan["who"]))
    return _("📅 计划拜访:{plan}", plan=" · ".join(parts))


def render_capture(
    _: Translator,
    payload: Payload,
    timezone: str,
    today: date,
    customer_hint: str | None,
    deal_say: DealSay | None = None,
    book: StageBook = DEFAULT_BOOK,
    now: datetime | None = None,
    note: str | None = None,
    found: str | None = None,
) -> str:
    """The draft card; ``note``: the rep's words, shown for a follow-up read only as 跟进;
    ``found``: the customer a note naming no company goes to, through the person it names."""
    lines = [_("我记下了这些,确认保存吗?")]
    head = []
    if payload.get("company"):
        company = f"🏢 {payload['company']}"
        if customer_hint:
            company += customer_hint
        head.append(company)
    elif found:
        head.append(f"🏢 {found}" + _("(按联系人找到)"))
    contacts = payload.get("contacts") or []
    if contacts:
        head.append("👤 " + "、".join(_person(payload, c) for c in contacts))
    if head:
        lines.append("  ".join(head))
    if payload.get("grade"):
        lines.append(_("⭐ 等级:{grade}类", grade=payload["grade"]))
    if payload.get("purchase_cycle"):
        lines.append(_("🔁 采购周期:{cycle}", cycle=payload["purchase_cycle"]))
    if payload.get("payment_cycle"):
        lines.append(_("💳 付款周期:{cycle}", cycle=payload["payment_cycle"]))
    if payload.get("competitors"):
        lines.append(_("⚔️ 竞争对手:{names}", names="、".join(payload["competitors"])))
    if deal := payload.get("deal"):
        # only people the note named: a contact read as "?" is no one to put on a deal
        people = [who for c in contacts if (who := contact_label(c)) != "?"]
        named = payload.get("company")
        lines += deal_lines(
            _, deal, today, deal_say or DealSay(), named, book, payload.get("competitors"), people
        )
    interaction = payload.get("interaction")
    if interaction:
        kind = _(KIND_LABELS[InteractionKind(interaction["kind"])])
        when = _when(_, interaction["when"], timezone, today)
        extra = " · ".join(x for x in (interaction.get("summary"), interaction.get("outcome")) if x)
        lines.append(_("📝 {kind}:{when}", kind=kind, when=when) + (f" · {extra}" if extra else ""))
    many = len(contacts) > 1
    for contact in contacts:
        who = f"{contact_label(contact)} " if many else ""
        if contact.get("phones"):
            lines.append(f"📞 {who}" + shown_phones(_, contact["phones"], region_of(timezone)))
        if nameless(contact):  # saved, their facts would have no one to hold them: said so
            lines += _whose_unsaid(_, contact, today)
            continue
        if contact.get("wechat"):
            lines.append(_("💬 {who}微信:{wechat}", who=who, wechat=contact["wechat"]))
        if contact.get("email"):
            lines.append(f"📧 {who}{contact['email']}")
        if born := contact.get("birthday"):
            lines.append(_("🎂 {who}生日:{date}", who=who, date=birthday_text(_, born, today)))
        if contact.get("hobbies"):
            lines.append(
                _("🎭 {who}爱好:{hobbies}", who=who, hobbies="、".join(contact["hobbies"]))
            )
        facts = []
        if (year := contact.get("born_year")) and not contact.get("birthday"):
            facts.append(born_in(_, year))
        if contact.get("native_place"):
            facts.append(_("籍贯 {place}", place=contact["native_place"]))
        if contact.get("education"):
            facts.append(_("毕业于 {school}", school=contact["education"]))
        if contact.get("absent"):
            facts.append(_("这次没见到"))
        role = contact.get("decision_role")
        if role in DECISION_ROLES:
            facts.append(_(DECISION_ROLES[role]))
        if personality := contact.get("personality"):
            facts.append(personality)
        if facts:  # ℹ️ 刘经理:负责采购 — the colon keeps a fact from reading as a title
            lines.append("ℹ️ " + (f"{who.strip()}:" if who else "") + " · ".join(facts))
        for relative in contact.get("family") or []:
            text = relative["relation"] + (f" {relative['name']}" if relative.get("name") else "")
            if born := relative.get("birthday"):
                text += _(" 生日 {date}", date=birthday_text(_, born, today))
            lines.append(f"👪 {who}{text}")
    lines += card_lines(_, payload, region_of(timezone))
    for trip in payload.get("itineraries") or []:
        span = date_range(
            _, date.fromisoformat(trip["start"]), date.fromisoformat(trip["end"]), today
        )
        who = f"{trip['who']} " if trip.get("who") and many else ""
        purpose = f" · {trip['purpose']}" if trip.get("purpose") else ""
        lines.append(
            _(
                "✈️ 行程:{who}{span} {place}{purpose}",
                who=who,
                span=span,
                place=trip["place"],
                purpose=purpose,
            )
        )
    if plan := payload.get("plan"):
        lines.append(plan_line(_, plan, payload.get("company"), timezone, today))
    for follow_up in payload.get("follow_ups") or []:
        due = _due(_, follow_up["due"], timezone, today, now)
        # as saved: the note is kept on a follow-up only when no visit or call keeps it
        action = task_words(follow_up["action"], None if interaction else note)
        lines.append(_("⏰ 跟进:{due} {action}", due=due, action=action))
    return "\n".join(lines)


def _whose_unsaid(_: Translator, contact: ContactData, today: date) -> list[str]:
    """⚠️ 爱好「钓鱼」没有记下:没说是谁。… — the facts of a person the note gives no name,
    title or address (万科的谈总喜欢钓鱼, 谈 unread as a surname): 保存 keeps them on no one
    (a phone goes to the company's line), so they are never shown as if they will be kept."""
    said: list[tuple[str, str | None]] = [
        ("wechat", contact.get("wechat")),
        ("email", contact.get("email")),
        ("hobbies", "、".join(contact.get("hobbies") or [])),
        ("native_place", contact.get("native_place")),
        ("education", contact.get("education")),
        ("personality", contact.get("personality")),
    ]
    if born := contact.get("birthday"):
        said.append(("birthday", birthday_text(_, born, today)))
    elif year := contact.get("born_year"):
        said.append(("birthday", born_in(_, year)))
    if (role := contact.get("decision_role")) in DECISION_ROLES:
        said.append(("decision_role", _(DECISION_ROLES[str(role)])))
    facts = [
        _("{field}「{value}」", field=field_label(_, key), value=value)
        for key, value in said
        if value
    ]
    if family := contact.get("family"):
        relations = "、".join(r["relation"] for r in family)
        facts.append(_("{field}「{value}」", field=_("家人"), value=relations))
    if not facts:
        return []
    return [
        _(
            "⚠️ {facts}没有记下:没说是谁。请用 ✏️ 修改 → 👤 ? 姓名 写上是谁,例如:谈总。",
            facts="、".join(facts),
        )
    ]


def _due(_: Translator, value: str, timezone: str, today: date, now: datetime | None) -> str:
    """今天 10:00(已过) for a time earlier today: kept as an overdue follow-up, said so."""
    parsed = moment_of(value)
    if isinstance(parsed, datetime):
        local = parsed.astimezone(ZoneInfo(timezone))
        if local.date() == today:
            passed = _("(已过)") if now is not None and parsed <= now else ""
            return _("今天 {time}", time=f"{local:%H:%M}") + passed
    return _when(_, value, timezone, today)


def _when(_: Translator, value: str, timezone: str, today: date) -> str:
    parsed = moment_of(value)
    if not isinstance(parsed, datetime) and parsed == today:
        return _("今天")
    return moment(_, parsed, timezone, today)
