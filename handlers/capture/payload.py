"""A parsed note as JSON, so an unconfirmed capture lives in the database (drafts survive
restarts) and 修改 can change any single field of it.

The keys are parsing.notes.Note's field names, dates as ISO strings; CapturePayload says so
to the type checker. Stored drafts were written by the same note_to_payload, so they read as
they are.

Names are kept in the script the rep typed them (中華電力, 陳經理): the note reader returns
Simplified, and `parsing.text.as_typed` reads each name back from the note. Matching them to
the archive is script-blind (storage/matching.py, storage/contacts.py).
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal, NotRequired, TypedDict, cast

from parsing.text import as_typed, simplified
from storage.birthdays import Birthday

if TYPE_CHECKING:
    from parsing.notes import Note


class FamilyData(TypedDict):
    relation: str
    name: str | None
    birthday: Birthday | None


class ContactData(TypedDict):
    name: str | None
    surname: str | None
    title: str | None
    salutation: str | None
    phones: list[str]
    wechat: str | None
    email: str | None
    birthday: Birthday | None
    hobbies: list[str]
    native_place: str | None
    education: str | None
    decision_role: str | None
    personality: str | None
    is_key_leader: bool
    family: list[FamilyData]
    born_year: NotRequired[int | None]  # 85年的: the year alone (drafts before it lack it)
    absent: NotRequired[bool]  # 王局不在: named, but not met (drafts before it lack it)


class InteractionData(TypedDict):
    kind: str
    when: str  # an ISO date or datetime (moment_of reads it back)
    summary: str | None
    outcome: str | None


class FollowUpData(TypedDict):
    due: str  # an ISO date or datetime
    action: str


class TripData(TypedDict):
    who: str | None
    place: str
    start: str  # ISO dates
    end: str
    purpose: str | None


Choice = int | Literal["new"]


class Resolve(TypedDict, total=False):
    """The member's answers when saving asked: which customer, which contact (by index),
    which of the customer's open deals the note's deal is (capture/deals.py), which record of
    today's meeting the note completes."""

    customer: Choice
    contacts: dict[str, Choice]
    deal: Choice
    again: bool  # ✅ 仍然保存: saved though the same note or follow-up was saved already
    same_day: int  # today's record of the meeting to complete (capture/same_day.py); 0: another


class CardExtras(TypedDict, total=False):
    """What only a business card photo carries (written beside the contact on 保存)."""

    file_id: str
    fax: str
    address: str
    website: str
    latin_name: str


class InstallmentData(TypedDict):
    label: str
    percent: int


class DealData(TypedDict):
    """parsing.notes.DealFact as JSON: amount in currency units, stage a DealStage value."""

    title: str | None
    amount: int | None
    currency: str | None  # None: the note named none (the team's currency applies)
    stage: str | None
    close_date: str | None  # an ISO date
    lost_reason: str | None
    installments: list[InstallmentData]


class PlanData(TypedDict):
    """A visit planned in the note (handlers/capture/plans.py): filed as a plan on 保存."""

    when: str  # an ISO date or datetime, as the reminder it replaces had it
    goal: str
    who: str | None
    action: str  # the reminder's words, kept should the day have passed by 保存


class DoubtData(TypedDict):
    """Words typed for a field of the card that name another customer, kept while the rep is
    asked whether they are the field's after all (doubt.py)."""

    field: str
    text: str


class CapturePayload(TypedDict):
    company: str | None
    contacts: list[ContactData]
    interaction: InteractionData | None
    follow_ups: list[FollowUpData]
    itineraries: list[TripData]
    grade: str | None
    purchase_cycle: str | None
    payment_cycle: str | None
    competitors: list[str]
    resolve: NotRequired[Resolve]
    card: NotRequired[CardExtras]
    deal: NotRequired[DealData | None]
    plan: NotRequired[PlanData]
    doubt: NotRequired[DoubtData]


Payload = CapturePayload


def capture_payload(payload: dict[str, Any]) -> CapturePayload:
    """A capture draft's payload (Draft.payload is plain JSON to the model)."""
    return cast(CapturePayload, payload)


def _plain(value: Any) -> Any:
    """`value` as JSON keeps it: dataclasses as dicts, dates as ISO text, tuples as lists —
    in one pass (dataclasses.asdict deep-copies every value first; a capture paid 110 µs)."""
    if isinstance(value, str | int | float | bool | None):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def note_to_payload(note: Note) -> Payload:
    plain = {f.name: _plain(getattr(note, f.name)) for f in dataclasses.fields(note)}
    del plain["text"]
    plain.setdefault("contacts", [])
    plain.setdefault("follow_ups", [])
    plain.setdefault("itineraries", [])
    payload = cast(CapturePayload, plain)
    payload["contacts"] = [c for c in payload["contacts"] if not _no_one(c)]
    _names_as_typed(payload, note.text)
    return payload


_PERSON_KEYS = ("name", "surname", "title", "salutation")


def nameless(contact: ContactData) -> bool:
    """A person the note gives no name, surname, title or address for (the card's 👤 ?):
    保存 makes no contact of them, so nothing of theirs but a phone is kept."""
    return not any(contact.get(key) for key in _PERSON_KEYS)


def _no_one(contact: ContactData) -> bool:
    """A person the reader found no name, surname, title or address for, and nothing else of
    but a bare family word (去幼儿园接孩子): no contact — the card would say 👤 ? and 保存 would
    want a customer for the rep's own errand."""
    if any(contact.get(key) for key in _PERSON_KEYS):
        return False
    for key, value in contact.items():
        if key == "family":
            if any(r.get("name") or r.get("birthday") for r in value or []):  # type: ignore[attr-defined]
                return False
        elif value and key not in MENTION_KEYS and key != "absent":
            return False
    return True


def _names_as_typed(payload: Payload, text: str) -> None:
    """The company's and the people's names, and the words the card echoes (a task, a
    headline, an outcome, a trip), in the script of the note (中華電力 陳經理 打給黃經理)."""
    # A note written in Simplified alone leaves every name as the reader gave it.
    if not text or text.isascii() or simplified(text) == text:
        return
    if payload.get("company"):
        payload["company"] = as_typed(payload["company"] or "", text)
    for contact in payload["contacts"]:
        for key in _PERSON_KEYS:
            value = contact.get(key)
            if isinstance(value, str):
                contact[key] = as_typed(value, text)  # type: ignore[literal-required]
        for relative in contact.get("family") or []:
            if relative.get("name"):
                relative["name"] = as_typed(relative["name"] or "", text)
    for trip in payload["itineraries"]:
        if trip.get("who"):
            trip["who"] = as_typed(trip["who"] or "", text)
        trip["place"] = as_typed(trip["place"], text)
        if trip.get("purpose"):
            trip["purpose"] = as_typed(trip["purpose"] or "", text)
    # …and the rep's words the card echoes: 打給黃經理 stays as typed, not 打给黄经理.
    for follow_up in payload["follow_ups"]:
        follow_up["action"] = as_typed(follow_up["action"], text)
    interaction = payload.get("interaction")
    if interaction:
        for said in ("summary", "outcome"):
            if interaction.get(said):
                interaction[said] = as_typed(interaction[said] or "", text)  # type: ignore[literal-required]


def moment_of(value: str) -> date | datetime:
    """An ISO date or datetime back from the payload."""
    return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)


def has_content(payload: Payload) -> bool:
    return bool(
        payload.get("company")
        or payload.get("contacts")
        or payload.get("interaction")
        or payload.get("follow_ups")
        or payload.get("itineraries")
        or payload.get("grade")
        or payload.get("purchase_cycle")
        or payload.get("payment_cycle")
        or payload.get("competitors")
        or payload.get("deal")
        or payload.get("plan")
    )


MENTION_KEYS = frozenset({"name", "surname", "title", "salutation", "is_key_leader"})


def key_leader(payload: CapturePayload, contact: ContactData) -> bool:
    """Whether 保存 makes this person a key leader (the card shows 🔑 so): a title that says so
    (局长, 总) or the note's word — but a person a reminder only names (提醒我给吴总回个电话) is
    not described by it, so nothing of theirs changes."""
    return bool(contact.get("is_key_leader")) and not reminder_only(payload)


def reminder_only(payload: CapturePayload) -> bool:
    """Follow-ups and nothing that needs a customer's file: 提醒我明天给王总打电话."""
    if not payload.get("follow_ups"):
        return False
    if any(payload.get(k) for k in ("interaction", "itineraries", "grade", "purchase_cycle",
                                    "payment_cycle", "competitors", "deal")):  # fmt: skip
        return False
    return all(
        not value or key in MENTION_KEYS
        for contact in payload.get("contacts") or []
        for key, value in contact.items()
    )
