"""Quick capture: a plain message becomes a confirmation card; 保存 writes it to the archive.

The parsed note waits in a Draft row (it survives a restart) until the member confirms.
Saving matches the customer and each contact against the archive and asks when unsure,
so nothing is duplicated and nothing is overwritten silently (changes go to the change log).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import date, datetime, time
from typing import Any

from sqlalchemy.orm.attributes import flag_modified
from telegram.ext import CallbackQueryHandler

from handlers.capture import callbacks
from handlers.capture.asked import asked_about
from handlers.capture.business_card import apply_card
from handlers.capture.card import contact_label
from handlers.capture.deals import deal_target, save_deal
from handlers.capture.doubt import take_words, words_as_note
from handlers.capture.edit import (
    ask_field,
    back_to_card,
    drop_contact,
    drop_deal,
    set_deal_stage,
    set_grade,
    show_deal_stages,
    show_fields,
)
from handlers.capture.gone import gone_by
from handlers.capture.known import customer_of_named_person
from handlers.capture.payload import (
    CapturePayload,
    ContactData,
    TripData,
    capture_payload,
    key_leader,
    moment_of,
    reminder_only,
)
from handlers.capture.plans import save_plan
from handlers.capture.reading import ask_note_customer, customers_page
from handlers.capture.same_day import answer as answer_same_day
from handlers.capture.same_day import asked_if_met_today, record_to_complete
from handlers.capture.same_day import complete as complete_same_day
from handlers.capture.show import deal_choices, show_capture
from handlers.kit import pending, same_day
from handlers.kit.callback_data import callback_id
from handlers.kit.keyboards import inline
from handlers.kit.labels import KIND_LABELS, field_label, flag_change, value_with_unit
from handlers.kit.render import clip
from handlers.kit.routes import Action, follow, stale
from handlers.kit.turn import Turn, member_turn
from handlers.team.assignment import ask_managers_about
from parsing.dates import split_due
from parsing.notes import leader_title_alone, salutation_for
from parsing.text import simplified
from storage.activities import add_follow_up, add_itinerary, log_interaction
from storage.birthdays import birthday_columns
from storage.changes import FieldChange, merged_list, merged_text
from storage.contacts import ContactRepo, same_name
from storage.customers import CustomerRepo
from storage.deals import DealRepo
from storage.drafts import granted_customer
from storage.matching import Judgement, judge, remember_alias
from storage.models import (
    Contact,
    Customer,
    Draft,
    FollowUp,
    Grade,
    Interaction,
    InteractionKind,
    Member,
)
from storage.naming import heading
from storage.push_buttons import view_customer
from storage.repeats import open_follow_up_like, same_note_saved_at
from storage.search import script_fold


async def _note_page(turn: Turn, found: re.Match[str]) -> None:
    """⬅️ 上一页 / 下一页 ➡️ under 记在哪个客户名下?."""
    draft_id, offset = callback_id(found.group(1)), callback_id(found.group(2))
    draft = await _own_draft(turn, draft_id, "note") if draft_id is not None else None
    if draft is None:
        return
    if offset is None:
        stale(turn)
        return
    question = turn._("📝 这条记录记在哪个客户名下?\n{text}", text=clip(draft.text or "", 200))
    await ask_note_customer(turn, draft, question, offset, edit=True)


async def _own_draft(turn: Turn, draft_id: int, kind: str) -> Draft | None:
    draft = await turn.session.get(Draft, draft_id)
    if draft is None or draft.member_id != turn.member.id or draft.kind != kind:
        turn.answer(turn._("这条记录已经处理过了。"), alert=True)
        return None
    return draft


DraftAction = Callable[[Turn, Draft, re.Match[str]], Awaitable[None]]


def _on_draft(action: DraftAction) -> Action:
    """The action on the capture draft the button names, if it is the presser's and still
    waiting."""

    async def act(turn: Turn, found: re.Match[str]) -> None:
        draft_id = callback_id(found.group(1))
        draft = await _own_draft(turn, draft_id, "capture") if draft_id is not None else None
        if draft is not None:
            asked_about(turn, draft)  # until this button's answer settles it
            await action(turn, draft, found)

    return act


async def _save(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    await save_capture(turn, draft)


async def _save_again(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    capture_payload(draft.payload).setdefault("resolve", {})["again"] = True
    flag_modified(draft, "payload")
    await save_capture(turn, draft)


async def _same_day(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    """📝 补充到 today's record of the meeting, or ➕ 另记一次拜访 (0): saving goes on."""
    record_id = callback_id(found.group(2))
    if record_id is None:
        stale(turn)
        return
    answer_same_day(draft, record_id)
    await save_capture(turn, draft)


async def _cancel(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    await turn.session.delete(draft)
    turn.edit(turn._("好的,这条没有保存。"))


async def _which_customer(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    customer_id = callback_id(found.group(2))
    if customer_id is None:
        stale(turn)
        return
    capture_payload(draft.payload).setdefault("resolve", {})["customer"] = customer_id or "new"
    flag_modified(draft, "payload")
    await save_capture(turn, draft)


async def _which_contact(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    index, contact_id = callback_id(found.group(2)), callback_id(found.group(3))
    if index is None or contact_id is None:
        stale(turn)
        return
    resolve = capture_payload(draft.payload).setdefault("resolve", {})
    resolve.setdefault("contacts", {})[str(index)] = contact_id or "new"
    flag_modified(draft, "payload")
    await save_capture(turn, draft)


async def _pick_deal(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    """Which open deal the note's deal is (0: a new one): on the card, shown again with it; asked
    on 保存, saved."""
    deal_id = callback_id(found.group(2))
    payload = capture_payload(draft.payload)
    if deal_id is None or not payload.get("deal"):
        stale(turn)
        return
    if deal_id:  # one of the rep's open deals (deal_target checks it is the customer's)
        deal = await DealRepo(turn.session, turn.actor).get(deal_id)
        if deal is None or deal.owner_id != turn.member.id or not deal.is_open:
            stale(turn)
            return
    payload.setdefault("resolve", {})["deal"] = deal_id or "new"
    flag_modified(draft, "payload")
    if found.group(3):
        await save_capture(turn, draft)
    else:
        await show_capture(turn, draft, edit=True)


async def _manager_button(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    await _ask_manager(turn, draft)


async def _reminders_only(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    if not reminder_only(capture_payload(draft.payload)):
        stale(turn)
        return
    await _save_reminders(turn, draft)


async def _pick_customer(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    """🏢 选客户 on a card that would be the rep's own reminder: 保存's question of which
    customer, with ⏰ 只存为我的提醒 among its answers."""
    if capture_payload(draft.payload).get("company"):
        stale(turn)
        return
    await _resolve_customer(turn, draft)


async def _keep(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    pending.settled(turn)  # kept: 取消 next has nothing to drop
    turn.edit(turn._("📝 已存为草稿,不会丢失。"))


async def _note_customer(turn: Turn, found: re.Match[str]) -> None:
    draft_id, customer_id = callback_id(found.group(1)), callback_id(found.group(2))
    if draft_id is None or customer_id is None:
        stale(turn)
        return
    await _attach_note(turn, draft_id, customer_id)


async def _ask_customer(turn: Turn, draft: Draft, offset: int) -> None:
    """这条记录属于哪个客户?: a page of the rep's customers, with 下一页 ➡️ while there are more
    (every customer reachable) and ❌ 取消 always."""
    _ = turn._
    rows, any_customer = await customers_page(
        turn,
        offset,
        lambda cid: callbacks.customer(draft.id, cid),
        lambda at: callbacks.customer_page(draft.id, at),
    )
    if reminder_only(capture_payload(draft.payload)):
        rows.append([(_("⏰ 只存为我的提醒"), callbacks.reminders_only(draft.id))])
    rows.append(
        [
            (_("📝 先存为草稿"), callbacks.keep_draft(draft.id)),
            (_("❌ 取消"), callbacks.cancel(draft.id)),
        ]
    )
    question = (
        _("这条记录属于哪个客户?(没有你要的客户,直接发公司名就行。)")
        if any_customer or offset
        else _("这条记录要记在一个客户名下,你还没有客户。直接发公司名就行,或先存为草稿。")
    )
    asked_about(turn, draft, customer=True)  # a company's name typed next answers it
    turn.edit(question, inline(rows))


async def _customer_page(turn: Turn, draft: Draft, found: re.Match[str]) -> None:
    """⬅️ 上一页 / 下一页 ➡️ under 这条记录属于哪个客户?."""
    offset = callback_id(found.group(2))
    if offset is None or capture_payload(draft.payload).get("company"):
        stale(turn)
        return
    await _ask_customer(turn, draft, offset)


ROUTES = (
    (callbacks.NOTE_CUSTOMER, _note_customer),
    (callbacks.NOTE_PAGE, _note_page),
    (callbacks.SAVE, _on_draft(_save)),
    (callbacks.SAVE_AGAIN, _on_draft(_save_again)),
    (callbacks.CANCEL, _on_draft(_cancel)),
    (callbacks.CUSTOMER, _on_draft(_which_customer)),
    (callbacks.CONTACT, _on_draft(_which_contact)),
    (callbacks.DEAL_PICK, _on_draft(_pick_deal)),
    (callbacks.SAME_DAY, _on_draft(_same_day)),
    (callbacks.ASK_MANAGER, _on_draft(_manager_button)),
    (callbacks.REMINDERS_ONLY, _on_draft(_reminders_only)),
    (callbacks.KEEP_DRAFT, _on_draft(_keep)),
    (callbacks.PICK_CUSTOMER, _on_draft(_pick_customer)),
    (callbacks.CUSTOMER_PAGE, _on_draft(_customer_page)),
    (callbacks.EDIT, _on_draft(show_fields)),
    (callbacks.FIELD, _on_draft(ask_field)),
    (callbacks.GRADE, _on_draft(set_grade)),
    (callbacks.BACK, _on_draft(back_to_card)),
    (callbacks.NO_DEAL, _on_draft(drop_deal)),
    (callbacks.DROP_CONTACT, _on_draft(drop_contact)),
    (callbacks.DEAL_STAGES, _on_draft(show_deal_stages)),
    (callbacks.DEAL_STAGE, _on_draft(set_deal_stage)),
    (callbacks.WORDS_TAKEN, _on_draft(take_words)),
    (callbacks.WORDS_AS_NOTE, _on_draft(words_as_note)),
)


@member_turn
async def capture_button(turn: Turn) -> None:
    await follow(turn, ROUTES)


async def _attach_note(turn: Turn, draft_id: int, customer_id: int) -> None:
    _ = turn._
    draft = await _own_draft(turn, draft_id, "note")
    if draft is None:
        return
    if customer_id == 0:
        turn.edit(_("📝 已存为草稿,不会丢失。"))
        return
    customer = await CustomerRepo(turn.session, turn.actor).get(customer_id)
    if customer is None:
        turn.answer(_("找不到这个客户,或你没有权限查看。"), alert=True)
        return
    await log_interaction(
        turn.session,
        turn.actor,
        customer,
        InteractionKind.NOTE,
        turn.now(),
        note=draft.text,  # the rep's words as typed, where every note keeps them
    )
    await turn.session.delete(draft)
    turn.edit(_("✅ 已记在「{customer}」名下。", customer=customer.name))


# -- saving ------------------------------------------------------------------------------------


async def save_capture(turn: Turn, draft: Draft) -> None:
    """Resolve the customer, then each contact (asking when unsure), then write everything.

    A note that names no company goes to the customer of the one contact it names; failing
    that, a note of follow-ups alone is the rep's own reminder, with no customer.
    """
    # A colleague's customer the manager kept with its owner: the note goes into that file.
    customer = await granted_customer(turn.session, turn.actor, draft)
    granted = customer is not None
    resolve = capture_payload(draft.payload).setdefault("resolve", {})
    if (
        not granted
        and not capture_payload(draft.payload).get("company")
        and "customer" not in resolve
    ):
        owner = await customer_of_named_person(turn, capture_payload(draft.payload))
        if owner is not None:
            resolve["customer"] = owner.id
            flag_modified(draft, "payload")
        elif reminder_only(capture_payload(draft.payload)):
            if not await _asked_if_repeated(turn, draft, None):
                await _save_reminders(turn, draft)
            return
    if customer is None:
        customer = await _resolve_customer(turn, draft)
    if customer is None:
        return
    contacts = await _resolve_contacts(turn, draft, customer)
    if (
        contacts is None
        or await _asked_if_repeated(turn, draft, customer)
        or await asked_if_met_today(turn, draft, customer)
        or await _ask_which_deal(turn, draft, customer)
    ):
        return
    record = await record_to_complete(turn, draft, customer)
    changes, named, added = await _write(turn, draft, customer, contacts, record)
    deal_line = await save_deal(turn, capture_payload(draft.payload), customer, named)
    plan_line = await save_plan(turn, capture_payload(draft.payload), customer, draft.text or "")
    await turn.session.delete(draft)
    _ = turn._
    colleagues = granted and customer.owner_id != turn.member.id
    if colleagues:
        keeper = await turn.session.get(Member, customer.owner_id)
        kept_by = keeper.name if keeper else "—"
        lines = [_("✅ 已记入{owner}的客户「{customer}」。", owner=kept_by, customer=customer.name)]
    elif record is not None:  # one meeting, one record
        kind = _(KIND_LABELS[record.kind])
        lines = [_(same_day.DONE, customer=customer.name, kind=kind)]
    else:
        lines = [_("✅ 已保存到「{customer}」。", customer=customer.name)]
    lines += [line for line in (deal_line, plan_line) if line]
    lines += _changes_said(turn, changes)
    warned, rows = gone_by(turn, added)  # an hour already past: no push will come
    lines += warned
    if colleagues:
        turn.edit("\n".join(lines), inline(rows) if rows else None)  # not the rep's to open
        return
    turn.edit("\n".join(lines), inline([*rows, [(_("🏢 查看客户"), view_customer(customer.id))]]))


def _changes_said(turn: Turn, changes: list[tuple[str, FieldChange]]) -> list[str]:
    """The save echo's ✏️ lines: a value that had one before, in words, as 🕘 修改记录 says
    it (生日:3月8日 → 农历八月十五, whole; 设为关键人), never a column's name."""
    _ = turn._
    lines = []
    for who, change in changes:
        if not change.old:
            continue
        flag = flag_change(_, change.field, change.new)
        if flag is not None:
            lines.append(_("✏️ {who}:{change}", who=who, change=flag))
            continue
        lines.append(
            _(
                "✏️ {who}{field}:{old} → {new}(旧值已记入历史)",
                who=who,
                field=field_label(_, change.field),
                old=value_with_unit(_, change.field, change.old, turn.region),
                new=value_with_unit(_, change.field, change.new, turn.region),
            )
        )
    return lines


async def _ask_which_deal(turn: Turn, draft: Draft, customer: Customer) -> bool:
    """Several of the customer's open deals could be the note's and the rep has not said
    which: ask (capture/deals.py's rule), and whether we did."""
    payload = capture_payload(draft.payload)
    data = payload.get("deal")
    if not data:
        return False
    repo = DealRepo(turn.session, turn.actor)
    target = await deal_target(repo, customer, data, payload.get("resolve") or {})
    if target.decided:
        return False
    _ = turn._
    rows = deal_choices(turn, draft.id, target, await repo.stages(), saving=True)
    rows.append([(_("❌ 取消"), callbacks.cancel(draft.id))])
    question = _(
        "💼 「{customer}」有几个进行中的商机,这条记录说的是哪一个?", customer=customer.name
    )
    turn.edit(question, inline(rows))
    return True


async def _asked_if_repeated(turn: Turn, draft: Draft, customer: Customer | None) -> bool:
    """The same note (or one of its follow-ups, still open) was saved already: the card says
    when, and waits for ✅ 仍然保存 or ❌ 不保存. Whether it asked."""
    payload = capture_payload(draft.payload)
    if payload.get("resolve", {}).get("again"):
        return False
    customer_id = customer.id if customer is not None else None
    now = turn.now()
    saved = await same_note_saved_at(turn.session, turn.actor, customer_id, draft.text or "", now)
    if saved is None:
        wanted = [
            (*split_due(moment_of(f["due"])), f["action"]) for f in payload.get("follow_ups") or []
        ]
        saved = await open_follow_up_like(turn.session, turn.actor, customer_id, wanted)
    if saved is None:
        return False
    when = saved.astimezone(now.tzinfo)
    said = (
        f"{when:%H:%M}"
        if when.date() == now.date()
        else turn._("昨天 {time}", time=f"{when:%H:%M}")
    )
    await show_capture(
        turn, draft, edit=True, repeated=turn._("⚠️ 这条和 {time} 保存的记录一样。", time=said)
    )
    return True


def _owned_by_other(turn: Turn, draft: Draft, company: str, judged: Judgement) -> None:
    """First-recorded rule: a colleague's customer; the note waits as a draft. The rep is told
    whose it is, nothing of what the file holds."""
    _ = turn._
    owner = judged.owner.name if judged.owner else "—"
    if judged.theirs is None or script_fold(judged.theirs.name) == script_fold(company):
        text = _(
            "「{company}」已由 {owner} 负责,不能重复建档。这条记录先存为草稿。要请经理决定归属吗?",
            company=company,
            owner=owner,
        )
    else:
        text = _(
            "「{company}」和同事 {owner} 负责的客户是同一家(只是写法不同)。按先记录者负责的规则,不能重复建档,这条记录先存为草稿。要请经理决定归属吗?",
            company=company,
            owner=owner,
        )
    turn.edit(
        text,
        inline(
            [
                [
                    (_("📨 请经理处理"), callbacks.ask_manager(draft.id)),
                    (_("❌ 取消"), callbacks.cancel(draft.id)),
                ]
            ]
        ),
    )


def _ask_which(turn: Turn, draft: Draft, company: str, judged: Judgement) -> None:
    """Maybe one of the rep's own customers, maybe a colleague's: one question, every answer
    a button that does something."""
    _ = turn._
    rows = [
        [(_("是「{name}」", name=c.name), callbacks.customer(draft.id, c.id))]
        for c in judged.likely
    ]
    lines = []
    if judged.likely:
        lines.append(_("「{company}」是下面这个已有客户吗?", company=company))
    if judged.maybe_owner is not None:
        owner = judged.maybe_owner.name
        if judged.likely:
            lines.append(_("另外,同事 {owner} 负责的客户里也有一个可能是同一家。", owner=owner))
            rows.append(
                [(_("是 {owner} 的那个,请经理处理", owner=owner), callbacks.ask_manager(draft.id))]
            )
        else:
            lines.append(
                _(
                    "「{company}」可能是同事 {owner} 负责的客户。按先记录者负责的规则,同一家客户不能重复建档。是同一家吗?",
                    company=company,
                    owner=owner,
                )
            )
            rows.append([(_("是,请经理处理"), callbacks.ask_manager(draft.id))])
    rows.append([(_("不是,新建「{name}」", name=company[:20]), callbacks.customer(draft.id, 0))])
    rows.append([(_("❌ 取消"), callbacks.cancel(draft.id))])  # a way out besides saving
    turn.edit("\n".join(lines), inline(rows))


async def _resolve_customer(turn: Turn, draft: Draft) -> Customer | None:
    _ = turn._
    repo = CustomerRepo(turn.session, turn.actor)
    resolve = capture_payload(draft.payload).setdefault("resolve", {})
    chosen = resolve.get("customer")
    company = capture_payload(draft.payload).get("company")
    if chosen == "new" and company:
        # "不是,新建": none of the ones asked about. The name may still be the same company
        # as one the rep has (then it is theirs) or a colleague has (the first-recorded rule);
        # asking the same question again would be a button that changes nothing.
        resolve.pop("customer", None)
        flag_modified(draft, "payload")
        judged = await judge(turn.session, turn.actor, company)
        if judged.exact is not None:
            resolve["customer"] = judged.exact.id
            return judged.exact
        if judged.owner is not None:
            _owned_by_other(turn, draft, company, judged)
            return None
        customer = await repo.create(company)
        resolve["customer"] = customer.id
        return customer
    elif isinstance(chosen, int):
        found = await repo.get(chosen)
        if found is not None:
            if company:  # "是「华东电力设计院」" for 华电院: the team knows the short name now
                await remember_alias(turn.session, turn.actor, company, found)
            return found
    if not company:
        await _ask_customer(turn, draft, 0)
        return None
    judged = await judge(turn.session, turn.actor, company)
    if judged.exact is not None:
        return judged.exact
    if judged.likely:  # the rep's own first: they may well mean theirs
        _ask_which(turn, draft, company, judged)
        return None
    if judged.owner is not None:
        _owned_by_other(turn, draft, company, judged)
        return None
    if judged.maybe_owner is not None:
        _ask_which(turn, draft, company, judged)
        return None
    customer = await repo.create(company)
    resolve["customer"] = customer.id
    flag_modified(draft, "payload")
    return customer


async def _resolve_contacts(
    turn: Turn, draft: Draft, customer: Customer
) -> list[Contact | None] | None:
    """One entry per contact in the note: the archive's contact, or None for a new one."""
    _ = turn._
    repo = ContactRepo(turn.session, turn.actor)
    answers = capture_payload(draft.payload).setdefault("resolve", {}).setdefault("contacts", {})
    resolved: list[Contact | None] = []
    for index, fact in enumerate(capture_payload(draft.payload).get("contacts") or []):
        answer = answers.get(str(index))
        if answer == "new":
            resolved.append(None)
            continue
        if isinstance(answer, int):  # one of this customer's (a colleague's, when granted)
            known = {c.id: c for c in await repo.of_customer(customer)}
            resolved.append(known.get(answer))
            continue
        sure, maybe = await repo.candidates(
            customer,
            name=fact.get("name"),
            surname=fact.get("surname"),
            title=fact.get("title"),
            salutation=fact.get("salutation"),
        )
        if sure is not None or not maybe:
            resolved.append(sure)
            continue
        rows = [
            [(_("是 {who}", who=_contact_name(c)), callbacks.contact(draft.id, index, c.id))]
            for c in maybe
        ]
        rows.append([(_("不是,新建联系人"), callbacks.contact(draft.id, index, 0))])
        rows.append([(_("❌ 取消"), callbacks.cancel(draft.id))])
        turn.edit(
            _("是 {customer} 的 {who} 吗?", customer=customer.name, who=_contact_name(maybe[0])),
            inline(rows),
        )
        return None
    return resolved


def _contact_name(contact: Contact) -> str:
    """王建国 局长: the candidates share the address, their names and titles tell them apart."""
    return heading(
        contact.name, contact.surname, contact.title, contact.salutation, addressed=False
    )


def _less_said(title: str | None, kept: str | None) -> bool:
    """经理 said of a contact whose title is 采购部经理, 总 of a 总经理: the title as the
    contact is spoken to, shorter than the one kept."""
    if not title or not kept or len(title) >= len(kept):
        return False
    # the titles the note reader knows are Simplified: 經理 is read as 经理
    said = salutation_for("某", simplified(title))
    return said == salutation_for("某", simplified(kept)) is not None


def _contact_fields(payload: CapturePayload, fact: ContactData, today: date) -> dict[str, Any]:
    fields: dict[str, Any] = {
        key: fact.get(key)
        for key in (
            "surname",
            "title",
            "salutation",
            "wechat",
            "email",
            "native_place",
            "education",
            "decision_role",
            "personality",
        )
    }
    if key_leader(payload, fact):  # as the card's 🔑 said
        fields["is_key_leader"] = True
    born = fact.get("birthday")
    if born:
        fields.update(birthday_columns(born, today))
    elif year := fact.get("born_year"):
        fields["birthday_year"] = year  # 85年的: the year alone, the day still to learn
    return fields


async def _write(
    turn: Turn,
    draft: Draft,
    customer: Customer,
    resolved: list[Contact | None],
    record: Interaction | None,
) -> tuple[list[tuple[str, FieldChange]], list[Contact], list[FollowUp]]:
    """Write the note — into today's `record` of the meeting, when the rep chose to complete
    it —; what it changed, the contacts it named (for the deal) and the follow-ups it added."""
    payload = capture_payload(draft.payload)
    session, actor = turn.session, turn.actor
    now = turn.now()
    today = now.date()
    repo = ContactRepo(session, actor)
    changes: list[tuple[str, FieldChange]] = []
    if grade := payload.get("grade"):
        changes += [
            ("", c) for c in CustomerRepo(session, actor).update(customer, {"grade": Grade(grade)})
        ]
    contacts: list[Contact] = []
    named: list[ContactData] = []  # the facts of `contacts`, in the same order
    loose: list[str] = []  # phones the note gave with no one to hold them
    for fact, existing in zip(payload.get("contacts") or [], resolved, strict=True):
        fields = _contact_fields(payload, fact, today)
        if existing is None:
            label = fact.get("name") or fact.get("salutation") or fact.get("surname")
            label = label or fact.get("title")
            if not label:  # a person the note gives no way to name is no contact
                loose += [p for p in fact.get("phones") or [] if p not in loose]
                continue
            contact = await repo.create(
                customer,
                name=label,
                phones=list(fact.get("phones") or []),
                hobbies="、".join(fact.get("hobbies") or []) or None,
                **{k: v for k, v in fields.items() if v is not None},
            )
        else:
            contact = existing
            fields["phones"] = merged_list(contact.phones, list(fact.get("phones") or []))
            fields["hobbies"] = merged_text(contact.hobbies, list(fact.get("hobbies") or []))
            if fact.get("name") and (not contact.name or contact.name == contact.salutation):
                fields["name"] = fact["name"]
            if _less_said(fact.get("title"), contact.title):
                fields["title"] = None  # 赵经理 names 赵敏 采购部经理; her title stays
            for key in ("surname", "title", "salutation"):
                if same_name(fields.get(key), getattr(contact, key)):
                    fields[key] = None  # 陳經理 said of 陈经理: the same, kept as it was saved
            who = contact.salutation or contact.name
            changes += [(who, c) for c in repo.update(contact, customer.team_id, fields)]
        for relative in fact.get("family") or []:
            born = relative.get("birthday")
            await repo.add_family(
                contact,
                relative["relation"],
                relative.get("name"),
                **(birthday_columns(born, today) if born else {}),
            )
        contacts.append(contact)
        named.append(fact)
    if loose and not any(p in (customer.phone or "") for p in loose):
        # 万科 电话 13912345678: the card showed the number, so it is kept — as the company's.
        phone = {"phone": clip("、".join(loose), 64)}
        changes += [("", c) for c in CustomerRepo(session, actor).update(customer, phone)]
    if payload.get("card"):  # a business card's photo, fax, address and website
        first = contacts[0] if contacts else None
        changes += [
            ("", c)
            for c in await apply_card(CustomerRepo(session, actor), repo, payload, customer, first)
        ]
    features = {key: payload.get(key) for key in ("purchase_cycle", "payment_cycle")}
    if payload.get("competitors"):
        features["competitors"] = merged_text(customer.competitors, payload["competitors"])
    features = {key: value for key, value in features.items() if value}
    if features:
        changes += [("", c) for c in CustomerRepo(session, actor).update(customer, features)]
    # The rep's words are kept whole: on the interaction, else on the follow-ups or the plan,
    # else as a note.
    interaction = None
    item = payload.get("interaction")
    # (王局不在 见了钱总工: the visit is 钱总工's; 王局 stays a contact of the customer)
    met = [c for c, fact in zip(contacts, named, strict=True) if not fact.get("absent")]
    if record is not None:
        await complete_same_day(turn, record, draft, met)
        interaction = record
    elif item or not (payload.get("follow_ups") or payload.get("plan")):
        when: date | datetime = moment_of(item["when"]) if item else now
        interaction = await log_interaction(
            session,
            actor,
            customer,
            InteractionKind(item["kind"]) if item else InteractionKind.NOTE,
            _occurred_at(when, now),
            # 今天下午拜访了…: only the day was said (a bare note's time is its writing)
            timed=item is None or isinstance(when, datetime),
            summary=item.get("summary") if item else None,
            outcome=item.get("outcome") if item else None,
            note=draft.text,
            contacts=met,
        )
    added = await _add_follow_ups(turn, draft, customer, interaction)
    for trip in payload.get("itineraries") or []:
        traveller = _trip_contact(trip, named, contacts)
        if traveller is None and leader_title_alone(trip.get("who")):
            traveller = await _leader_titled(repo, customer, trip.get("who") or "")
        if traveller is not None:
            await add_itinerary(
                session,
                actor,
                traveller,
                trip["place"],
                date.fromisoformat(trip["start"]),
                date.fromisoformat(trip["end"]),
                trip.get("purpose"),
            )
    return changes, contacts, added


async def _add_follow_ups(
    turn: Turn, draft: Draft, customer: Customer | None, interaction: Interaction | None
) -> list[FollowUp]:
    added = []
    for follow_up in capture_payload(draft.payload).get("follow_ups") or []:
        due_date, due_at = split_due(moment_of(follow_up["due"]))
        added.append(
            await add_follow_up(
                turn.session,
                turn.actor,
                customer,
                due_date,
                follow_up["action"],
                due_at=due_at,
                interaction=interaction,
                note=None if interaction else draft.text,
            )
        )
    return added


async def _save_reminders(turn: Turn, draft: Draft) -> None:
    """The rep's own reminders: pushed like any follow-up, on no customer's file. One whose
    hour has already gone is not promised: the rep is told, with a button to move it."""
    _ = turn._
    added = await _add_follow_ups(turn, draft, None, None)
    await turn.session.delete(draft)
    warned, rows = gone_by(turn, added)
    if not warned:
        turn.edit(_("✅ 已存为你的提醒({n} 条),到时间我会提醒你。", n=len(added)))
        return
    lines = [_("✅ 已存为你的提醒({n} 条)。", n=len(added)), *warned]
    turn.edit("\n".join(lines), inline(rows))


def _occurred_at(when: date | datetime, now: datetime) -> datetime:
    """A day without a time: now when it is today, else noon of that day."""
    if isinstance(when, datetime):
        return when
    if when == now.date():
        return now
    return datetime.combine(when, time(12, 0), tzinfo=now.tzinfo)


def _trip_contact(
    trip: TripData, facts: list[ContactData], contacts: list[Contact]
) -> Contact | None:
    who = trip.get("who")
    for fact, contact in zip(facts, contacts, strict=True):
        said = (fact.get("salutation"), fact.get("name"), contact_label(fact))
        if who and any(same_name(who, name) for name in said):
            return contact
    if leader_title_alone(who):
        return None  # 杜科长说院长下周三去南京: the 院长's trip, not 杜科长's
    return contacts[0] if contacts else None


async def _leader_titled(repo: ContactRepo, customer: Customer, title: str) -> Contact:
    """The customer's leader known by the title alone (局长), kept once: found, or added."""
    for contact in await repo.of_customer(customer):
        if contact.title == title and not contact.surname:
            return contact
    return await repo.create(customer, name=title, title=title, is_key_leader=True)


async def _ask_manager(turn: Turn, draft: Draft) -> None:
    _ = turn._
    company = capture_payload(draft.payload).get("company") or ""
    await ask_managers_about(turn, company, draft.id)
    pending.settled(turn)  # the manager's to decide now: 取消 next drops nothing
    turn.edit(_("已告诉经理。你的记录保留在草稿里,经理决定后再保存。"))


def capture_handlers() -> list[object]:
    return [CallbackQueryHandler(capture_button, pattern=callbacks.CAPTURE_PATTERN)]
