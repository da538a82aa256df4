"""What an outbox row's payload holds: the items of a digest and of single pushes, typed.

scheduler/ writes them (planner.py, minutes.py) and renders them when the push is sent, so a
member who changes language gets the next push in the new one; storage/custody.py and
handlers/reminders read them back when a customer changes hands or a button is pressed. Both
sides import this module, which sits in storage/ because that is the lowest layer they share.

Every item names its `type`; the digest's sections are named by the type of their items.
Rows written before migration 0015 used one-letter keys ("t": "fu", "cid", "kid", "m", "d");
that migration rewrote them, so only this shape is read.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Literal, NotRequired, TypedDict, cast

ItemType = Literal[
    "follow_up",
    "payment_due",
    "minutes_due",
    "plan",
    "plan_pending",
    "birthday",
    "trip",
    "deal",
    "stale_deal",
    "cold",
    "festival",
    "new_customer",
    "trip_unknown",
    "minutes_late",
    "payment_late",
    "failed",
]


class FollowUpItem(TypedDict):
    type: Literal["follow_up"]
    id: int
    customer_id: int | None  # a follow-up may name no customer
    customer: str | None
    text: str
    due: str  # yyyy-mm-dd
    at: str | None  # HH:MM on the member's clock, for a timed one
    due_at: str | None  # the planned moment (ISO): a moved follow-up's old push is not sent


class BirthdayItem(TypedDict):
    type: Literal["birthday"]
    key: str  # "c<contact id>", or "f<family member id>"
    customer_id: int
    customer: str
    contact_id: int
    who: str  # how the rep speaks to the contact: 王局长
    relation: str | None  # a family member's birthday: 儿子 …
    family_name: str | None
    lunar: bool
    month: int
    day: int
    leap: bool
    year: int | None
    on: str  # the day it falls on this year (yyyy-mm-dd)


class TripItem(TypedDict):
    type: Literal["trip"]
    id: int
    customer_id: int
    customer: str
    contact_id: int
    who: str
    place: str
    purpose: str | None
    start: str
    end: str


class DealItem(TypedDict):
    """An open deal past its close date."""

    type: Literal["deal"]
    id: int
    customer_id: int
    customer: str
    title: str
    amount: int | None
    currency: str
    close: str


class StaleDealItem(TypedDict):
    """An open deal stuck in its stage longer than the team's limit."""

    type: Literal["stale_deal"]
    id: int
    customer_id: int
    customer: str
    title: str
    amount: int | None
    currency: str
    stage: str  # DealStage's value
    stage_name: str | None  # the team's name for it (None: the default's)
    days: int  # since its last change


class PaymentItem(TypedDict):
    """An installment of 回款: due soon, in its rep's digest ("payment_due"), or overdue, in the
    manager's ("payment_late", naming the rep)."""

    type: Literal["payment_due", "payment_late"]
    id: int  # the installment
    customer_id: int
    customer: str
    title: str  # the deal's
    name: str  # the installment's: 验收款
    left: int | None  # not yet collected
    currency: str
    due: str
    who: str | None  # the rep, in the manager's digest


class ColdItem(TypedDict):
    type: Literal["cold"]
    customer_id: int
    customer: str
    grade: str
    days: int
    never: bool  # no contact ever recorded


class NewCustomerItem(TypedDict):
    type: Literal["new_customer"]
    customer_id: int
    customer: str
    days: int  # since it was assigned


class FestivalItem(TypedDict):
    type: Literal["festival"]
    key: str
    on: str


class TripUnknownItem(TypedDict):
    type: Literal["trip_unknown"]
    customer_id: int
    customer: str
    who: str


class FailedItem(TypedDict):
    """A push to a teammate that ended failed (a line of the manager's digest)."""

    type: Literal["failed"]
    member: str
    kind: str  # the row's kind
    error: str


class MinutesDueItem(TypedDict):
    """A rep's 纪要 still to write."""

    type: Literal["minutes_due"]
    id: int
    customer_id: int
    customer: str
    kind: str
    met: str
    due: str
    left: int  # working days left


class MinutesLateItem(TypedDict):
    """A team's 纪要 past its last working day."""

    type: Literal["minutes_late"]
    id: int
    customer_id: int
    customer: str
    member: str
    kind: str
    met: str
    due: str
    late: int  # working days late


class PlanItem(TypedDict):
    """A visit plan for today."""

    type: Literal["plan"]
    id: int
    customer_id: int
    customer: str
    goal: str
    who: str | None  # whom the rep will see
    at: str | None
    status: str


class PlanPendingItem(TypedDict):
    """A rep's visit plan waiting for the manager's ✅ 批准 (in the manager's digest)."""

    type: Literal["plan_pending"]
    id: int
    customer_id: int
    customer: str
    member: str
    goal: str
    day: str  # yyyy-mm-dd
    at: str | None  # HH:MM on the manager's clock


Item = (
    FollowUpItem
    | BirthdayItem
    | TripItem
    | DealItem
    | StaleDealItem
    | PaymentItem
    | ColdItem
    | NewCustomerItem
    | FestivalItem
    | TripUnknownItem
    | FailedItem
    | MinutesDueItem
    | MinutesLateItem
    | PlanItem
    | PlanPendingItem
)


class Section(TypedDict):
    name: ItemType
    items: list[Item]
    more: int  # left out past the section's cap


class DigestPayload(TypedDict):
    day: str
    sections: list[Section]


class SinglePayload(TypedDict):
    """A push of one item: a timed follow-up, a greeting, a trip, one pushed again."""

    item: Item


class FestivalContact(TypedDict):
    customer_id: int
    customer: str
    who: str


class FestivalPayload(TypedDict):
    key: str
    on: str
    contacts: list[FestivalContact]
    more: int


class ReviewItem(TypedDict):
    """One 纪要 ("minutes") or a new customer's archive ("archive", id = the customer's) in
    the manager's review message."""

    type: Literal["minutes", "archive"]
    contacts: int
    id: int
    customer_id: int
    customer: str
    member: str
    kind: str
    met: str
    text: str
    more: bool
    late: bool


class ReviewPayload(TypedDict):
    day: str
    items: list[ReviewItem]


class WeeklyPayload(TypedDict):
    """Monday's team report (storage/reports.py), to the manager or the team's group chat."""

    team_id: int
    week: str  # the Monday the reported week began
    chat_id: NotRequired[int]  # the group chat, for the group's copy


class HandoverLatePayload(TypedDict):
    """A customer handed over a week ago and not contacted yet (storage/assignment.py)."""

    customer_id: int
    customer: str
    rep: str
    rep_id: int
    days: int


def customer_of(item: Mapping[str, object]) -> int | None:
    """The customer an item is about, if any (a festival or a failed push names none)."""
    found = item.get("customer_id")
    return found if isinstance(found, int) else None


def follow_up_of(item: Mapping[str, object]) -> int | None:
    """The follow-up a follow-up item acts on."""
    found = item.get("id")
    return found if item.get("type") == "follow_up" and isinstance(found, int) else None


def single_item(payload: Mapping[str, object]) -> Item | None:
    """The item of a single push's payload."""
    found = payload.get("item")
    return cast(Item, found) if isinstance(found, dict) else None


def digest_items(payload: Mapping[str, object]) -> list[Item]:
    """A digest's items in the order they are numbered."""
    sections = payload.get("sections")
    if not isinstance(sections, list):
        return []
    return [item for section in sections for item in section["items"]]


def item_key(item: Item) -> tuple[str, object]:
    """What an item is about (a follow-up, a trip …), the same in a digest and in its own push."""
    return item["type"], item.get("id")


def digest_without(
    payload: Mapping[str, object], dropped: Collection[tuple[str, object]]
) -> DigestPayload:
    """The digest without the items of `dropped` keys (they go out on their own)."""
    digest = cast(DigestPayload, payload)
    return DigestPayload(
        day=digest["day"],
        sections=[
            Section(
                name=section["name"],
                items=[item for item in section["items"] if item_key(item) not in dropped],
                more=section["more"],
            )
            for section in digest["sections"]
        ],
    )
