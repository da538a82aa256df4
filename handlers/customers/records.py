"""🛠 改记录: a saved follow-up, visit record or trip corrected or deleted from the card.

Follow-ups: text, due date, done / not done, delete. Records (interactions): text, kind,
time, delete, and 📁 改到其他客户 (moving.py). Trips (a contact's coming ones): place, dates,
delete — deleting the note a trip was read from leaves the trip, which is a fact about the
person; it is deleted here. Every change goes through storage/changes.py (old → new in the
change log), and a deletion keeps the record as a snapshot for 24 hours, so ↩️ 撤销 brings it
back — the undo window customers already have.

Callback data (rec:…) is built and read by callbacks.py. Every press re-reads the record
through the customer's scoped repository and the owner check, so forged data reaches nothing.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime
from typing import Any, Literal, NotRequired, TypedDict, TypeVar, cast

from sqlalchemy import select, update
from telegram.ext import CallbackQueryHandler

from handlers.customers import callbacks
from handlers.customers.archive import show_card
from handlers.kit import pending
from handlers.kit.callback_data import callback_enum, callback_id
from handlers.kit.keyboards import inline
from handlers.kit.labels import KIND_LABELS
from handlers.kit.ownership import refuse_unless_owner
from handlers.kit.render import clip, date_range, happened, moment, record_lines
from handlers.kit.routes import Action, follow, stale
from handlers.kit.turn import Turn, member_turn
from locales import N_
from parsing.dates import day_of, parse_when, split_due
from storage.activities import (
    hand_words_on,
    keep_follow_up_words,
    open_follow_ups,
    recent_interactions,
    recount_last_contact,
    upcoming_itineraries,
)
from storage.changes import CLEAR, UNDO_WINDOW, apply_changes
from storage.customers import CustomerRepo
from storage.models import (
    Contact,
    Customer,
    Draft,
    FollowUp,
    FollowUpStatus,
    Interaction,
    InteractionContact,
    InteractionKind,
    Itinerary,
)
from storage.push_buttons import view_customer

SNAPSHOT = "deleted_record"
RESTORED = "restored_record"  # a snapshot undone: a second ↩️ is told so


class DeletedFollowUp(TypedDict):
    """A deleted follow-up as it was (Draft.payload of kind SNAPSHOT), for ↩️ 撤销."""

    record: Literal["follow_up"]
    customer: int
    member: int
    due_date: str
    due_at: str | None
    text: str
    note: str | None
    status: str
    kept_in: NotRequired[int]  # the note record that kept its words: gone again on undo


class DeletedInteraction(TypedDict):
    """A deleted visit, call … record as it was."""

    record: Literal["interaction"]
    customer: int
    member: int
    kind: str
    at: str
    summary: str | None
    outcome: str | None
    note: str | None
    location: str | None
    contacts: list[int]
    follow_ups: NotRequired[list[int]]  # those it was the source of: linked again on undo
    timed: NotRequired[bool]  # False: only the day was said (an older snapshot has none)


class DeletedTrip(TypedDict):
    """A deleted trip as it was."""

    record: Literal["trip"]
    customer: int
    contact: int
    member: int
    place: str
    starts_on: str
    ends_on: str
    purpose: str | None


Snapshot = DeletedFollowUp | DeletedInteraction | DeletedTrip
LISTED = 8

Rows = list[list[tuple[str, str]]]
Record = FollowUp | Interaction | Itinerary


async def _customer_id(turn: Turn, record: Record) -> int | None:
    if isinstance(record, Itinerary):  # a trip is a contact's: its customer is theirs
        contact = await turn.session.get(Contact, record.contact_id)
        return contact.customer_id if contact is not None and contact.deleted_at is None else None
    return record.customer_id


async def customer_of(turn: Turn, record: Record | None) -> Customer | None:
    """The record's customer if the member may change it (else the answer is given)."""
    customer_id = await _customer_id(turn, record) if record is not None else None
    if customer_id is None:
        turn.answer(turn._("这条记录已不存在。"), alert=True)
        return None
    customer = await CustomerRepo(turn.session, turn.actor).get(customer_id)
    if customer is None:
        turn.answer(turn._("这条记录已不存在。"), alert=True)
        return None
    if await refuse_unless_owner(turn, customer):
        return None
    return customer


def _fu_line(turn: Turn, fu: FollowUp) -> str:
    _ = turn._
    due = moment(_, fu.due_at or fu.due_date, turn.member.timezone, turn.today())
    state = _("✅ 已完成") if fu.status == FollowUpStatus.DONE else _("⏳ 待办")
    return f"⏰ {due} {fu.text} · {state}"


def record_line(turn: Turn, item: Interaction) -> str:
    _ = turn._
    when = happened(_, item.occurred_at, item.timed, turn.member.timezone, turn.today())
    text = item.summary or item.note or ""
    return f"📝 {when} {_(KIND_LABELS[item.kind])}" + (f":{text}" if text else "")


async def _trip_line(turn: Turn, trip: Itinerary) -> str:
    _ = turn._
    contact = await turn.session.get(Contact, trip.contact_id)
    who = (contact.salutation or contact.name) if contact is not None else ""
    span = date_range(_, trip.starts_on, trip.ends_on, turn.today())
    purpose = f" · {trip.purpose}" if trip.purpose else ""
    return f"✈️ {who} {span} {trip.place}{purpose}"


async def _list(turn: Turn, customer: Customer) -> None:
    _ = turn._
    rows: Rows = []
    for fu in (await open_follow_ups(turn.session, customer))[:LISTED]:
        rows.append([(clip(_fu_line(turn, fu), 40), callbacks.follow_up_menu(fu.id))])
    for trip, _contact in (await upcoming_itineraries(turn.session, customer, turn.today()))[
        :LISTED
    ]:
        rows.append([(clip(await _trip_line(turn, trip), 40), callbacks.trip_menu(trip.id))])
    for item in await recent_interactions(turn.session, customer, limit=LISTED):
        rows.append([(clip(record_line(turn, item), 40), callbacks.record_menu(item.id))])
    rows.append([(_("⬅️ 返回客户"), view_customer(customer.id))])
    text = (
        _("「{name}」要改哪一条?", name=customer.name)
        if len(rows) > 1
        else _("「{name}」还没有跟进或记录。", name=customer.name)
    )
    turn.edit(text, inline(rows))


def _fu_menu(turn: Turn, fu: FollowUp) -> None:
    _ = turn._
    done = fu.status == FollowUpStatus.DONE
    rows: Rows = [
        [
            (_("✏️ 改内容"), callbacks.follow_up_text(fu.id)),
            (_("📅 改日期"), callbacks.follow_up_date(fu.id)),
        ],
        [
            (_("↩️ 改回待办") if done else _("✅ 标为完成"), callbacks.follow_up_done(fu.id)),
            (_("🗑 删除"), callbacks.follow_up_delete(fu.id)),
        ],
        [(_("⬅️ 返回"), callbacks.record_list(fu.customer_id or 0))],
    ]
    # The rep's words the follow-up was read from, whole: nothing else keeps them.
    words = record_lines(fu.text, fu.note, whole=True)[1]
    turn.edit(_fu_line(turn, fu) + (f"\n「{words}」" if words else ""), inline(rows))


def record_menu(turn: Turn, item: Interaction) -> None:
    _ = turn._
    kinds = [  # the record's own kind marked, as the team summary marks its period
        (("• " if k == item.kind else "") + _(label), callbacks.record_kind(item.id, k.value))
        for k, label in KIND_LABELS.items()
    ]
    rows: Rows = [
        [
            (_("✏️ 改内容"), callbacks.record_text(item.id)),
            (_("📅 改时间"), callbacks.record_time(item.id)),
        ],
        kinds,
    ]
    if item.member_id == turn.member.id:  # one's own record only (moving.py)
        rows.append([(_("📁 改到其他客户"), callbacks.move_page(item.id))])
    rows.append(
        [
            (_("🗑 删除"), callbacks.record_delete(item.id)),
            (_("⬅️ 返回"), callbacks.record_list(item.customer_id or 0)),
        ]
    )
    turn.edit(record_line(turn, item), inline(rows))


async def _trip_menu(turn: Turn, trip: Itinerary, customer: Customer) -> None:
    _ = turn._
    rows: Rows = [
        [
            (_("✏️ 改地点"), callbacks.trip_place(trip.id)),
            (_("📅 改日期"), callbacks.trip_dates(trip.id)),
        ],
        [
            (_("🗑 删除"), callbacks.trip_delete(trip.id)),
            (_("⬅️ 返回"), callbacks.record_list(customer.id)),
        ],
    ]
    turn.edit(await _trip_line(turn, trip), inline(rows))


async def _snapshot(turn: Turn, record: Record, customer: Customer) -> Draft:
    """The deleted record as it was, for ↩️ 撤销 within UNDO_WINDOW."""
    payload: Snapshot
    if isinstance(record, FollowUp):
        payload = DeletedFollowUp(
            record="follow_up",
            customer=customer.id,
            member=record.member_id,
            due_date=record.due_date.isoformat(),
            due_at=record.due_at.isoformat() if record.due_at else None,
            text=record.text,
            note=record.note,
            status=record.status.value,
        )
    elif isinstance(record, Itinerary):
        payload = DeletedTrip(
            record="trip",
            customer=customer.id,
            contact=record.contact_id,
            member=record.created_by_id,
            place=record.place,
            starts_on=record.starts_on.isoformat(),
            ends_on=record.ends_on.isoformat(),
            purpose=record.purpose,
        )
    else:
        contacts = await turn.session.scalars(
            select(InteractionContact.contact_id).where(
                InteractionContact.interaction_id == record.id
            )
        )
        follow_ups = await turn.session.scalars(
            select(FollowUp.id).where(FollowUp.interaction_id == record.id)
        )
        payload = DeletedInteraction(
            record="interaction",
            follow_ups=list(follow_ups),
            customer=customer.id,
            member=record.member_id,
            kind=record.kind.value,
            at=record.occurred_at.isoformat(),
            timed=record.timed,
            summary=record.summary,
            outcome=record.outcome,
            note=record.note,
            location=record.location,
            contacts=list(contacts),
        )
    draft = Draft(member_id=turn.member.id, kind=SNAPSHOT, payload=dict(payload))
    turn.session.add(draft)
    await turn.session.flush()
    return draft


async def _delete(turn: Turn, record: Record, customer: Customer) -> None:
    _ = turn._
    draft = await _snapshot(turn, record, customer)
    if isinstance(record, FollowUp):
        line = _fu_line(turn, record)
    elif isinstance(record, Itinerary):
        line = await _trip_line(turn, record)
    else:
        line = record_line(turn, record)
    await _keep_words(turn, record, draft)
    await turn.session.delete(record)
    if isinstance(record, Interaction):
        await recount_last_contact(turn.session, customer)
    turn.edit(
        _("🗑 已删除:{record}\n24 小时内可以撤销。", record=clip(line, 200)),
        inline(
            [
                [
                    (_("↩️ 撤销删除"), callbacks.record_undo(draft.id)),
                    (_("⬅️ 返回客户"), view_customer(customer.id)),
                ]
            ]
        ),
    )


async def _keep_words(turn: Turn, record: Record, snapshot: Draft) -> None:
    """Deleting one fact read from a note never deletes the rep's words (DESIGN.md): a
    follow-up's note stays as a note record, a visit's goes on to the follow-ups it made."""
    if isinstance(record, FollowUp):
        kept = await keep_follow_up_words(turn.session, record)
        if kept is not None:
            snapshot.payload = {**snapshot.payload, "kept_in": kept.id}
    elif isinstance(record, Interaction):
        await hand_words_on(turn.session, record)


async def _unkeep_words(turn: Turn, snapshot: DeletedFollowUp, customer: Customer) -> None:
    """↩️ 撤销: the follow-up has its words again, so the note record that kept them goes."""
    kept = await turn.session.get(Interaction, snapshot.get("kept_in") or 0)
    if kept is not None and kept.customer_id == customer.id and kept.note == snapshot["note"]:
        await turn.session.delete(kept)


async def _claim(turn: Turn, draft_id: int) -> bool:
    """Mark the snapshot restored, in one statement: of two presses at the same moment only
    one finds it still SNAPSHOT (the other waits for its row, then matches nothing)."""
    claimed = await turn.session.execute(
        update(Draft)
        .where(Draft.id == draft_id, Draft.member_id == turn.member.id, Draft.kind == SNAPSHOT)
        .values(kind=RESTORED)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(claimed, "rowcount", 0) == 1)


async def _undo(turn: Turn, draft_id: int) -> None:
    _ = turn._
    draft = await turn.session.get(Draft, draft_id)
    if draft is not None and draft.member_id == turn.member.id and draft.kind == RESTORED:
        turn.answer(_("已经撤销过了"))
        return
    if draft is None or draft.member_id != turn.member.id or draft.kind != SNAPSHOT:
        turn.answer(_("无法撤销:已超过 24 小时,或已经撤销过了。"), alert=True)
        return
    created = draft.created_at
    snapshot = cast(Snapshot, draft.payload)
    customer = await CustomerRepo(turn.session, turn.actor).get(snapshot["customer"])
    if customer is None or datetime.now(UTC) - created > UNDO_WINDOW:
        await turn.session.delete(draft)
        turn.answer(_("无法撤销:已超过 24 小时,或已经撤销过了。"), alert=True)
        return
    if not await _claim(turn, draft_id):
        turn.answer(_("已经撤销过了"))
        return
    if snapshot["record"] == "follow_up":
        await _unkeep_words(turn, snapshot, customer)
        turn.session.add(
            FollowUp(
                member_id=snapshot["member"],
                customer_id=customer.id,
                due_date=date.fromisoformat(snapshot["due_date"]),
                due_at=datetime.fromisoformat(snapshot["due_at"]) if snapshot["due_at"] else None,
                text=snapshot["text"],
                note=snapshot["note"],
                status=FollowUpStatus(snapshot["status"]),
            )
        )
    elif snapshot["record"] == "trip":
        turn.session.add(
            Itinerary(
                contact_id=snapshot["contact"],
                created_by_id=snapshot["member"],
                place=snapshot["place"],
                starts_on=date.fromisoformat(snapshot["starts_on"]),
                ends_on=date.fromisoformat(snapshot["ends_on"]),
                purpose=snapshot["purpose"],
            )
        )
    else:
        item = Interaction(
            customer_id=customer.id,
            member_id=snapshot["member"],
            kind=InteractionKind(snapshot["kind"]),
            occurred_at=datetime.fromisoformat(snapshot["at"]),
            timed=snapshot.get("timed", True),
            summary=snapshot["summary"],
            outcome=snapshot["outcome"],
            note=snapshot["note"],
            location=snapshot["location"],
        )
        turn.session.add(item)
        await turn.session.flush()
        for contact_id in snapshot["contacts"]:
            turn.session.add(InteractionContact(interaction_id=item.id, contact_id=contact_id))
        await turn.session.execute(
            update(FollowUp)
            .where(
                FollowUp.id.in_(snapshot.get("follow_ups") or []),
                FollowUp.customer_id == customer.id,
                FollowUp.interaction_id.is_(None),
            )
            # the words they kept while the record was gone are the record's again
            .values(interaction_id=item.id, note=None)
            .execution_options(synchronize_session=False)
        )
        await recount_last_contact(turn.session, customer)
    await turn.session.flush()
    turn.answer(_("已撤销删除。"))
    await show_card(turn, customer, edit=True)


def _change(turn: Turn, customer: Customer, record: Record, changes: dict[str, Any]) -> None:
    entity = (
        "follow_up"
        if isinstance(record, FollowUp)
        else "itinerary"
        if isinstance(record, Itinerary)
        else "interaction"
    )
    apply_changes(turn.session, turn.actor, customer.team_id, record, entity, changes)


FIELDS = {
    "ft": (N_("跟进内容"), N_("周五前把报价发过去")),
    "fd": (N_("跟进日期"), N_("下周三 或 12月8日 15点")),
    "it": (N_("记录内容"), N_("聊了报价,对方要比价")),
    "id": (N_("记录时间"), N_("昨天下午3点")),
    "tp": (N_("行程地点"), N_("北京")),
    "tr": (N_("行程日期"), N_("12月8日到10日")),
}
_MODELS: dict[str, type[Record]] = {"f": FollowUp, "i": Interaction, "t": Itinerary}


async def apply_record_edit(turn: Turn, text: str) -> None:
    """The member typed the new value of a follow-up's or record's field."""
    _ = turn._
    state = pending.state(turn, RECORD_EDIT)
    assert state is not None
    field = str(state.get("field"))
    target = int(state.get("id", -1))
    record: Record | None = await turn.session.get(_MODELS[field[0]], target)
    customer = await customer_of(turn, record)
    pending.finish(turn, RECORD_EDIT)
    if record is None or customer is None:
        turn.say(_("这条记录已不存在。"))
        return
    text = text.strip()
    if not text or len(text) > 1000:
        turn.say(_("内容不能为空,也不能超过 1000 字。"))
        return
    if isinstance(record, Itinerary):
        if not await _trip_changed(turn, customer, record, field, text):
            pending.wait(turn, RECORD_EDIT, state)  # still waiting: ask once more
            label, example = FIELDS[field]
            pending.again(turn, label, example)
            return
    elif field in ("ft", "it"):
        _change(turn, customer, record, {"text" if field == "ft" else "summary": text})
    else:
        now = turn.now()
        when = parse_when(text, now)
        if when is None or (field == "id" and day_of(when.start) > now.date()):
            pending.wait(turn, RECORD_EDIT, state)  # still waiting: ask once more
            label, example = FIELDS[field]
            pending.again(turn, label, example)
            return
        if field == "fd":
            due_date, due_at = split_due(when.start)
            _change(turn, customer, record, {"due_date": due_date, "due_at": due_at or CLEAR})
        else:
            start, timed = when.start, isinstance(when.start, datetime)
            if not isinstance(start, datetime):  # a day: noon stands in, shown as the day
                start = datetime(start.year, start.month, start.day, 12, tzinfo=turn.zone)
            _change(turn, customer, record, {"occurred_at": start.astimezone(UTC), "timed": timed})
            await recount_last_contact(turn.session, customer)
    turn.say(_("✅ 已改好。"))
    await show_card(turn, customer)


async def _trip_changed(
    turn: Turn, customer: Customer, trip: Itinerary, field: str, text: str
) -> bool:
    """The trip's place or days as typed; False when they cannot be used (nothing changes)."""
    if field == "tp":
        if len(text) > 200:
            return False
        _change(turn, customer, trip, {"place": text})
        return True
    when = parse_when(text, turn.now())
    if when is None:
        return False
    start = day_of(when.start)
    end = day_of(when.end) if when.end is not None else start
    if end < turn.today() or end < start:
        return False
    _change(turn, customer, trip, {"starts_on": start, "ends_on": end})
    return True


async def _card_again(turn: Turn, what: dict[str, Any]) -> None:
    """取消 or /cancel while a record's field waits: its customer's card, as it was."""
    field = str(what.get("field", ""))
    model = _MODELS.get(field[:1])
    record: Record | None = (
        await turn.session.get(model, int(what.get("id", -1))) if model else None
    )
    customer_id = await _customer_id(turn, record) if record is not None else None
    customer = await CustomerRepo(turn.session, turn.actor).get(customer_id or -1)
    if customer is not None:
        await show_card(turn, customer)


RECORD_EDIT = pending.ValueEdit("record_edit", apply_record_edit, back=_card_again)


# -- the buttons ----------------------------------------------------------------------------


R = TypeVar("R", FollowUp, Interaction, Itinerary)
RecordAction = Callable[[Turn, R, Customer, str], Awaitable[None]]


def _on(model: type[R], action: RecordAction[R], given: str = "") -> Action:
    """The action on the follow-up or record the button names, if the presser owns its
    customer; it is given the button's word, or `given` (the field being edited)."""

    async def act(turn: Turn, found: re.Match[str]) -> None:
        target = callback_id(found.group(1))
        if target is None:
            stale(turn)
            return
        record = await turn.session.get(model, target)
        customer = await customer_of(turn, record)
        if record is not None and customer is not None:
            await action(turn, record, customer, found.group(2) if found.re.groups > 1 else given)

    return act


async def _fu_menu_button(turn: Turn, fu: FollowUp, customer: Customer, extra: str) -> None:
    _fu_menu(turn, fu)


async def _item_menu(turn: Turn, item: Interaction, customer: Customer, extra: str) -> None:
    record_menu(turn, item)


async def _trip_menu_button(turn: Turn, trip: Itinerary, customer: Customer, extra: str) -> None:
    await _trip_menu(turn, trip, customer)


async def _ask(turn: Turn, record: Record, customer: Customer, field: str) -> None:
    label, example = FIELDS[field]
    what = {"id": record.id, "field": field}
    # A saved follow-up, record or trip keeps its date, place and words: 无 empties none.
    pending.ask(turn, RECORD_EDIT, what, label, example, clearable=False)


async def _fu_done(turn: Turn, fu: FollowUp, customer: Customer, extra: str) -> None:
    done = fu.status == FollowUpStatus.DONE
    _change(turn, customer, fu, {
        "status": FollowUpStatus.OPEN if done else FollowUpStatus.DONE,
        "done_at": CLEAR if done else datetime.now(UTC),
    })  # fmt: skip
    _fu_menu(turn, fu)


async def _item_kind(turn: Turn, item: Interaction, customer: Customer, extra: str) -> None:
    kind = callback_enum(extra, InteractionKind)
    if kind is None:
        stale(turn)
        return
    name = turn._(KIND_LABELS[kind])
    if kind == item.kind:  # pressed again: a word rather than nothing at all
        turn.answer(turn._("已经是「{kind}」了。", kind=name))
        return
    _change(turn, customer, item, {"kind": kind})
    await recount_last_contact(turn.session, customer)  # a 备注 is no contact
    turn.answer(turn._("✅ 已改为「{kind}」", kind=name))
    record_menu(turn, item)


async def _delete_button(turn: Turn, record: Record, customer: Customer, extra: str) -> None:
    await _delete(turn, record, customer)


async def _list_button(turn: Turn, found: re.Match[str]) -> None:
    target = callback_id(found.group(1))
    customer = await CustomerRepo(turn.session, turn.actor).get(target) if target else None
    if not target:
        stale(turn)
    elif customer is None:
        turn.answer(turn._("找不到这个客户,或你没有权限查看。"), alert=True)
    elif not await refuse_unless_owner(turn, customer):
        await _list(turn, customer)


async def _undo_button(turn: Turn, found: re.Match[str]) -> None:
    target = callback_id(found.group(1))
    if target:
        await _undo(turn, target)
    else:
        stale(turn)


ROUTES = (
    (callbacks.RECORD_UNDO, _undo_button),
    (callbacks.RECORD_LIST, _list_button),
    (callbacks.FOLLOW_UP_MENU, _on(FollowUp, _fu_menu_button)),
    (callbacks.FOLLOW_UP_TEXT, _on(FollowUp, _ask, "ft")),
    (callbacks.FOLLOW_UP_DATE, _on(FollowUp, _ask, "fd")),
    (callbacks.FOLLOW_UP_DONE, _on(FollowUp, _fu_done)),
    (callbacks.FOLLOW_UP_DELETE, _on(FollowUp, _delete_button)),
    (callbacks.RECORD_MENU, _on(Interaction, _item_menu)),
    (callbacks.RECORD_TEXT, _on(Interaction, _ask, "it")),
    (callbacks.RECORD_TIME, _on(Interaction, _ask, "id")),
    (callbacks.RECORD_KIND, _on(Interaction, _item_kind)),
    (callbacks.RECORD_DELETE, _on(Interaction, _delete_button)),
    (callbacks.TRIP_MENU, _on(Itinerary, _trip_menu_button)),
    (callbacks.TRIP_PLACE, _on(Itinerary, _ask, "tp")),
    (callbacks.TRIP_DATES, _on(Itinerary, _ask, "tr")),
    (callbacks.TRIP_DELETE, _on(Itinerary, _delete_button)),
)


@member_turn
async def record_button(turn: Turn) -> None:
    await follow(turn, ROUTES)


def record_handlers() -> list[object]:
    return [CallbackQueryHandler(record_button, pattern=callbacks.RECORDS_PATTERN)]
