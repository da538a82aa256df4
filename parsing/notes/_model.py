"""The facts a rep's note is read into (what the handlers show and store)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

__all__ = [
    "Birthday",
    "ContactFact",
    "DealFact",
    "DealStage",
    "DecisionRole",
    "FamilyFact",
    "FollowUpFact",
    "Grade",
    "Installment",
    "InteractionFact",
    "InteractionKind",
    "ItineraryFact",
    "Note",
]

DecisionRole = Literal["decision_maker", "influencer", "purchaser", "user"]
InteractionKind = Literal["visit", "call", "wechat", "meal"]
Grade = Literal["A", "B", "C"]
# 初步接触 → 需求确认 → 方案报价 → 商务谈判 → 赢单 / 输单 (the team's default stages)
DealStage = Literal["contact", "needs", "quote", "negotiation", "won", "lost"]


@dataclass(frozen=True)
class Birthday:
    """A yearly date as understood: 农历三月初八 → month 3, day 8, lunar, no year."""

    month: int
    day: int
    year: int | None = None
    lunar: bool = False
    leap: bool = False


@dataclass
class FamilyFact:
    """A family member of a contact (他儿子下月10号生日)."""

    relation: str
    name: str | None = None
    birthday: Birthday | None = None


@dataclass
class ContactFact:
    """One person the note talks about."""

    name: str | None = None
    surname: str | None = None
    title: str | None = None
    salutation: str | None = None
    phones: list[str] = field(default_factory=list)
    wechat: str | None = None
    email: str | None = None
    birthday: Birthday | None = None
    hobbies: list[str] = field(default_factory=list)
    native_place: str | None = None
    education: str | None = None
    decision_role: DecisionRole | None = None
    personality: str | None = None
    is_key_leader: bool = False
    family: list[FamilyFact] = field(default_factory=list)
    #: The year of birth said without the day (85年的, 1985年出生).
    born_year: int | None = None
    #: Said not to have been there (王局不在, 没见着葛总): named, but not met.
    absent: bool = False


@dataclass
class InteractionFact:
    """What happened: a visit, a call, a WeChat exchange or a meal."""

    kind: InteractionKind
    when: date | datetime
    summary: str | None = None
    outcome: str | None = None


@dataclass
class FollowUpFact:
    """Something to do later; ``due`` is never before the reference time."""

    due: date | datetime
    action: str


@dataclass
class ItineraryFact:
    """Where a (key) contact will be: 王局长 12月1日–3日 北京 开会."""

    who: str | None
    place: str
    start: date
    end: date
    purpose: str | None = None


@dataclass(frozen=True)
class Installment:
    """One part of a payment plan: 签约 30%."""

    label: str
    percent: int


@dataclass
class DealFact:
    """A deal (商机) the note speaks of: 办公楼项目报价120万,预计月底签约."""

    title: str | None = None
    amount: int | None = None  # in the currency's units (120万 → 1200000)
    currency: str | None = None  # None: the note named none (the team's currency applies)
    stage: DealStage | None = None
    close_date: date | None = None
    lost_reason: str | None = None
    installments: list[Installment] = field(default_factory=list)


@dataclass
class Note:
    """Everything understood in one note; empty lists and None where nothing was said."""

    text: str
    company: str | None = None
    contacts: list[ContactFact] = field(default_factory=list)
    interaction: InteractionFact | None = None
    follow_ups: list[FollowUpFact] = field(default_factory=list)
    itineraries: list[ItineraryFact] = field(default_factory=list)
    grade: Grade | None = None
    # Customer features for the archive (采购周期, 付款周期, 竞争对手): facts, never follow-ups.
    purchase_cycle: str | None = None
    payment_cycle: str | None = None
    competitors: list[str] = field(default_factory=list)
    deal: DealFact | None = None

    def is_empty(self) -> bool:
        """True when nothing at all was understood."""
        return (
            self.company is None
            and not self.contacts
            and self.interaction is None
            and not self.follow_ups
            and not self.itineraries
            and self.grade is None
            and self.purchase_cycle is None
            and self.payment_cycle is None
            and not self.competitors
            and self.deal is None
        )
