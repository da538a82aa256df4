"""SQLAlchemy 2 models for the whole data sketch of DESIGN.md.

Times are stored in UTC (timezone-aware on PostgreSQL, naive-UTC on SQLite through
`UtcDateTime`). Yearly dates (birthdays) keep an indexed `*_next` column so the planner reads
only what is due instead of scanning every contact.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
    true,
)
from sqlalchemy import text as sql
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    declared_attr,
    mapped_column,
    relationship,
    validates,
)

from storage.search import words_key

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on every backend."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UtcDateTime, dict[str, Any]: JSON, list[str]: JSON}  # noqa: RUF012


class Role(enum.StrEnum):
    MANAGER = "manager"
    REP = "rep"


class Grade(enum.StrEnum):
    A = "A"
    B = "B"
    C = "C"


class CustomerStatus(enum.StrEnum):
    POTENTIAL = "potential"  # 潜在
    FOLLOWING = "following"  # 跟进中
    COOPERATING = "cooperating"  # 合作中
    LOST = "lost"  # 流失


class InteractionKind(enum.StrEnum):
    VISIT = "visit"
    CALL = "call"
    WECHAT = "wechat"
    MEAL = "meal"
    NOTE = "note"


class FollowUpStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class OutboxStatus(enum.StrEnum):
    PENDING = "pending"
    CLAIMED = "claimed"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"


def _enum(kind: type[enum.StrEnum]) -> Enum:
    # Stored as plain strings with a CHECK: portable, and readable in a SQL shell.
    return Enum(kind, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e])


class Timestamped:
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Team(Timestamped, Base):
    __tablename__ = "team"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    # A one-person team made for a user who has not joined or created a team yet.
    personal: Mapped[bool] = mapped_column(Boolean, default=False)
    invite_code: Mapped[str | None] = mapped_column(String(32), unique=True)
    cadence_a_days: Mapped[int] = mapped_column(SmallInteger, default=7)
    cadence_b_days: Mapped[int] = mapped_column(SmallInteger, default=14)
    cadence_c_days: Mapped[int] = mapped_column(SmallInteger, default=30)
    default_digest_time: Mapped[time] = mapped_column(Time, default=time(8, 30))
    default_timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    festival_reminders: Mapped[bool] = mapped_column(Boolean, default=True)
    # A deal this many days in one open stage is asked about in its owner's digest.
    deal_stage_days: Mapped[int] = mapped_column(SmallInteger, default=30, server_default="30")
    quiet_start: Mapped[time | None] = mapped_column(Time)
    quiet_end: Mapped[time | None] = mapped_column(Time)
    # One team per group chat: the weekly report of two teams must never meet in one room.
    group_chat_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    # The currency a deal is in when nothing says otherwise (/deal, a note without 港币/USD).
    deal_currency: Mapped[str] = mapped_column(String(3), default="CNY", server_default="CNY")
    # A new random number whenever the team's customer names or short names change (set by
    # the database's triggers, migration 0028, never by our code): storage/matching.py keeps
    # the names it read and reads them again only when this is no longer what it read then.
    names_mark: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")

    members: Mapped[list[Member]] = relationship(back_populates="team")


class Member(Timestamped, Base):
    __tablename__ = "member"

    id: Mapped[int] = mapped_column(primary_key=True)
    telegram_user_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    name: Mapped[str] = mapped_column(String(100))
    username: Mapped[str | None] = mapped_column(String(64))
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"), index=True)
    role: Mapped[Role] = mapped_column(_enum(Role), default=Role.REP)
    language: Mapped[str] = mapped_column(String(8), default="zh_Hans")
    # Set when the member chose a language with /language; Telegram's hint no longer applies.
    language_chosen: Mapped[bool] = mapped_column(Boolean, default=False)
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    digest_time: Mapped[time] = mapped_column(Time, default=time(8, 30))
    quiet_start: Mapped[time | None] = mapped_column(Time)
    quiet_end: Mapped[time | None] = mapped_column(Time)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    joined_team_at: Mapped[datetime] = mapped_column(default=utcnow)
    # When the planner should look at this member next (their digest time, or now after a
    # change to their data); NULL means as soon as possible.
    plan_due_at: Mapped[datetime | None] = mapped_column(index=True)
    # The local date whose morning digest has been planned: one digest per day.
    digest_planned_on: Mapped[date | None] = mapped_column(Date)
    # Wrong invite codes in a row, and when the last one was typed: too many lock /join.
    join_failures: Mapped[int] = mapped_column(SmallInteger, default=0, server_default="0")
    join_failed_at: Mapped[datetime | None] = mapped_column()

    team: Mapped[Team] = relationship(back_populates="members")

    @property
    def is_manager(self) -> bool:
        return self.role == Role.MANAGER


class Customer(Timestamped, Base):
    __tablename__ = "customer"
    __table_args__ = (
        UniqueConstraint("team_id", "normalized_name"),
        # The planner's "going cold" query: one owner's customers not contacted lately.
        Index("ix_customer_owner_last_contact", "owner_id", "last_contact_at"),
        # The day-8 handover check looks at customers assigned within a window of days.
        Index("ix_customer_assigned_at", "assigned_at"),
        # A team's deleted customers, which the pipeline's sums leave out (storage/pipeline.py).
        Index("ix_customer_team_deleted", "team_id", "deleted_at"),
        # The teams' customers created lately, for the manager's review (storage/minutes.py).
        Index("ix_customer_team_created", "team_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    name: Mapped[str] = mapped_column(String(200))
    normalized_name: Mapped[str] = mapped_column(String(200))
    grade: Mapped[Grade | None] = mapped_column(_enum(Grade))
    status: Mapped[CustomerStatus] = mapped_column(
        _enum(CustomerStatus), default=CustomerStatus.POTENTIAL
    )
    industry: Mapped[str | None] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(64))
    website: Mapped[str | None] = mapped_column(String(200))
    legal_representative: Mapped[str | None] = mapped_column(String(100))
    scale: Mapped[str | None] = mapped_column(String(100))
    business_scope: Mapped[str | None] = mapped_column(Text)
    purchase_cycle: Mapped[str | None] = mapped_column(String(100))
    payment_cycle: Mapped[str | None] = mapped_column(String(100))
    competitors: Mapped[str | None] = mapped_column(Text)
    current_suppliers: Mapped[str | None] = mapped_column(Text)
    our_products: Mapped[str | None] = mapped_column(Text)
    our_share: Mapped[str | None] = mapped_column(String(50))
    source: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)
    assigned_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_contact_at: Mapped[datetime | None] = mapped_column(index=True)
    # Company name, its pinyin and initials, folded: what /find matches against.
    search_key: Mapped[str] = mapped_column(Text, default="")
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    # Deletion can be undone for a while; rows with deleted_at are invisible everywhere.
    deleted_at: Mapped[datetime | None] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    contacts: Mapped[list[Contact]] = relationship(
        back_populates="customer", cascade="all, delete-orphan"
    )


class CustomerAlias(Base):
    """A short name the team uses for a customer (华电院 → 华东电力设计院), remembered when a
    rep confirms it, so capture, /find and imports know it from then on."""

    __replan__ = False  # the planner does not read it (storage/replan.py)
    __tablename__ = "customer_alias"
    __table_args__ = (UniqueConstraint("team_id", "alias_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"))
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    alias: Mapped[str] = mapped_column(String(200))  # as the rep typed it
    alias_key: Mapped[str] = mapped_column(String(200))  # folded: width, case, script
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("member.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class YearlyDate:
    """A birthday, solar or lunar, with an indexed next solar occurrence for the planner."""

    birthday_month: Mapped[int | None] = mapped_column(SmallInteger)
    birthday_day: Mapped[int | None] = mapped_column(SmallInteger)
    birthday_year: Mapped[int | None] = mapped_column(SmallInteger)
    birthday_lunar: Mapped[bool] = mapped_column(Boolean, default=False)
    birthday_leap: Mapped[bool] = mapped_column(Boolean, default=False)

    @declared_attr
    def birthday_next(cls) -> Mapped[date | None]:
        return mapped_column(Date, index=True)


class Contact(YearlyDate, Timestamped, Base):
    __tablename__ = "contact"
    # The planner's key leaders of a customer (festival greetings, Monday trip checks).
    __table_args__ = (Index("ix_contact_customer_key_leader", "customer_id", "is_key_leader"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    surname: Mapped[str | None] = mapped_column(String(10))
    title: Mapped[str | None] = mapped_column(String(100))
    salutation: Mapped[str | None] = mapped_column(String(50))
    phones: Mapped[list[str]] = mapped_column(default=list)
    wechat: Mapped[str | None] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(200))
    fax: Mapped[str | None] = mapped_column(String(64))
    # The business card it was read from: a Telegram file id, shown again from the profile.
    card_file_id: Mapped[str | None] = mapped_column(String(200))
    hobbies: Mapped[str | None] = mapped_column(Text)
    native_place: Mapped[str | None] = mapped_column(String(100))
    education: Mapped[str | None] = mapped_column(String(200))
    personality: Mapped[str | None] = mapped_column(Text)
    decision_role: Mapped[str | None] = mapped_column(String(20))
    is_key_leader: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    search_key: Mapped[str] = mapped_column(Text, default="")
    # Who added the person: the team summary credits 新联系人 to them, whoever owns the
    # customer now (NULL for contacts added before this was kept: the owner is credited).
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    deleted_at: Mapped[datetime | None] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    customer: Mapped[Customer] = relationship(back_populates="contacts")
    family: Mapped[list[FamilyMember]] = relationship(
        back_populates="contact", cascade="all, delete-orphan"
    )


class FamilyMember(YearlyDate, Timestamped, Base):
    __tablename__ = "family_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    relation: Mapped[str] = mapped_column(String(20))
    name: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)

    contact: Mapped[Contact] = relationship(back_populates="family")


class InteractionContact(Base):
    __tablename__ = "interaction_contact"

    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interaction.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Interaction(Timestamped, Base):
    __tablename__ = "interaction"
    __table_args__ = (
        Index("ix_interaction_member_when", "member_id", "occurred_at"),
        # A card's latest records: the newest few of one customer without sorting them all.
        Index("ix_interaction_customer_when", "customer_id", "occurred_at"),
        # /find's words in the rep's notes: only the records that keep one (those logged
        # before notes were kept, imported or typed without words are never read). A noted
        # record is one with a key (note_key IS NOT NULL), the only column /find reads.
        # PostgreSQL's: a btree entry holds at most about 2.7 KB and a note can be longer.
        Index(
            "ix_interaction_customer_noted",
            "customer_id",
            postgresql_where=sql("note_key IS NOT NULL"),
        ).ddl_if(dialect="postgresql"),
        # …and on SQLite read from an index alone, each record's key beside its customer: a
        # manager's /find goes through the team's notes without fetching each record (3.5 →
        # 0.7 ms for a team of 2,000 records). SQLite takes a partial index as covering only
        # when the statement names no column outside it, hence note_key, not note, in its
        # WHERE (0030); with both indexes there it chose the other one.
        Index(
            "ix_interaction_customer_note_key",
            "customer_id",
            "note_key",
            sqlite_where=sql("note_key IS NOT NULL"),
        ).ddl_if(dialect="sqlite"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    kind: Mapped[InteractionKind] = mapped_column(_enum(InteractionKind))
    occurred_at: Mapped[datetime] = mapped_column()
    # False when the rep said only the day (今天下午拜访了…): occurred_at is then a stand-in
    # (the saving moment, or noon) that orders the records, and is shown as the day alone.
    timed: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    summary: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str | None] = mapped_column(Text)
    # The rep's whole note as typed: the summary is a headline read from it, never a stand-in.
    note: Mapped[str | None] = mapped_column(Text)
    # The note as /find matches it, in either script (storage.search.words_key); kept by `_key`.
    note_key: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str | None] = mapped_column(String(300))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)

    contacts: Mapped[list[Contact]] = relationship(secondary="interaction_contact")

    @validates("note")
    def _key(self, field: str, note: str | None) -> str | None:
        self.note_key = words_key(note) if note else None
        return note


class FollowUp(Timestamped, Base):
    __tablename__ = "follow_up"
    __table_args__ = (Index("ix_follow_up_member_open", "member_id", "status", "due_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    due_date: Mapped[date] = mapped_column(Date)
    # Set when the rep gave a time of day: such follow-ups are pushed at that moment.
    due_at: Mapped[datetime | None] = mapped_column(index=True)
    text: Mapped[str] = mapped_column(Text)
    # The note it was read from, when it came from quick capture and no interaction keeps it.
    note: Mapped[str | None] = mapped_column(Text)
    # That note as /find would match it, in either script (storage.search.words_key).
    note_key: Mapped[str | None] = mapped_column(Text)
    status: Mapped[FollowUpStatus] = mapped_column(
        _enum(FollowUpStatus), default=FollowUpStatus.OPEN
    )
    done_at: Mapped[datetime | None] = mapped_column()
    interaction_id: Mapped[int | None] = mapped_column(
        ForeignKey("interaction.id", ondelete="SET NULL")
    )

    @validates("note")
    def _key(self, field: str, note: str | None) -> str | None:
        self.note_key = words_key(note) if note else None
        return note


class OfContact:
    """A record about one of a customer's contacts (an itinerary; a gift, a call log …): any
    such kind is read for a customer by storage.activities.of_customer, so a new one needs no
    query of its own."""

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )


class Itinerary(OfContact, Timestamped, Base):
    __tablename__ = "itinerary"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    place: Mapped[str] = mapped_column(String(200))
    starts_on: Mapped[date] = mapped_column(Date, index=True)
    ends_on: Mapped[date] = mapped_column(Date, index=True)
    purpose: Mapped[str | None] = mapped_column(String(300))


class ChangeLog(Base):
    """Old → new values of archive fields: the archive is dynamic, history is kept."""

    __replan__ = False  # the planner does not read it (storage/replan.py)
    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(50))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReminderOutbox(Timestamped, Base):
    """Every push is one row; the dedupe key makes sending it twice impossible to plan."""

    __replan__ = False  # the planner does not read it (storage/replan.py)
    __tablename__ = "reminder_outbox"
    __table_args__ = (Index("ix_reminder_outbox_due", "status", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    subject: Mapped[str] = mapped_column(String(200))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    due_at: Mapped[datetime] = mapped_column()
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    status: Mapped[OutboxStatus] = mapped_column(_enum(OutboxStatus), default=OutboxStatus.PENDING)
    attempts: Mapped[int] = mapped_column(SmallInteger, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    lease_until: Mapped[datetime | None] = mapped_column()
    sent_at: Mapped[datetime | None] = mapped_column()
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    # After this moment the push no longer matters (yesterday's digest): it is dropped.
    expires_at: Mapped[datetime | None] = mapped_column()


class AuditLog(Base):
    """Who looked at, exported, assigned or deleted what: customer data is a company secret."""

    __replan__ = False  # the planner does not read it (storage/replan.py)
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_team_at", "team_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    action: Mapped[str] = mapped_column(String(30))
    subject_type: Mapped[str | None] = mapped_column(String(30))
    subject_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(default=utcnow)


class Draft(Timestamped, Base):
    """What a member typed that is not saved yet: unconfirmed captures, input a failure hit.

    Kept in the database so nothing typed is lost to an error or a restart.
    """

    __replan__ = False  # the planner does not read it (storage/replan.py)
    __tablename__ = "draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    text: Mapped[str | None] = mapped_column(Text)
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ConversationState(Base):
    """Where each member is in each guided flow, so a restart resumes the step."""

    __replan__ = False  # the planner does not read it (storage/replan.py)
    __tablename__ = "conversation_state"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    state: Mapped[dict[str, Any]] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class UserState(Base):
    """A member's in-flow scratch data (python-telegram-bot's user_data)."""

    __replan__ = False  # the planner does not read it (storage/replan.py)
    __tablename__ = "user_state"

    user_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class DealStage(enum.StrEnum):
    """The stages of a deal (商机), in order; won and lost close it."""

    CONTACT = "contact"  # 初步接触
    NEEDS = "needs"  # 需求确认
    QUOTE = "quote"  # 方案报价
    NEGOTIATION = "negotiation"  # 商务谈判
    WON = "won"  # 赢单
    LOST = "lost"  # 输单


# The columns /pipeline's sums read, in the order of its covering indexes: by stage and rep,
# and by the date a deal should sign (this month's and this quarter's closes).
PIPELINE_COLUMNS = (
    "team_id", "stage", "owner_id", "close_date", "amount", "probability", "customer_id",
)  # fmt: skip
CLOSE_COLUMNS = (
    "team_id", "close_date", "stage", "owner_id", "amount", "probability", "customer_id",
)  # fmt: skip


class Deal(Timestamped, Base):
    """A deal on a customer: what it is worth, where it stands, when it should sign."""

    __tablename__ = "deal"
    __table_args__ = (
        # The customer card's open deals, and the pipeline's team-wide scan by stage.
        Index("ix_deal_customer_stage", "customer_id", "stage"),
        Index("ix_deal_team_stage", "team_id", "stage"),
        Index("ix_deal_owner_close", "owner_id", "close_date"),
        # /pipeline's sums read every open deal of a team: all they need is in this index, so
        # SQLite never reads the rows (storage/pipeline.py). Its lists read a period's dates.
        Index("ix_deal_team_pipeline", *PIPELINE_COLUMNS),
        Index("ix_deal_team_close", *CLOSE_COLUMNS),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    owner_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    title: Mapped[str] = mapped_column(String(200))
    # In whole units of the currency (120万 → 1200000): deals are not priced in fen.
    amount: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    stage: Mapped[DealStage] = mapped_column(_enum(DealStage), default=DealStage.CONTACT)
    probability: Mapped[int] = mapped_column(SmallInteger, default=10)
    close_date: Mapped[date | None] = mapped_column(Date)
    lost_reason: Mapped[str | None] = mapped_column(String(200))
    # 、-separated names, as Customer.competitors keeps them (storage/changes.merged_text).
    competitors: Mapped[str | None] = mapped_column(Text)
    won_amount: Mapped[int | None] = mapped_column(BigInteger)
    closed_at: Mapped[datetime | None] = mapped_column(index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @property
    def is_open(self) -> bool:
        return self.stage not in (DealStage.WON, DealStage.LOST)


class DealContact(Base):
    """The contacts a deal involves (the people its notes named)."""

    __replan__ = False  # the planner does not read it (storage/replan.py)
    __tablename__ = "deal_contact"

    deal_id: Mapped[int] = mapped_column(
        ForeignKey("deal.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class DealChange(Base):
    """Each change of a deal's stage, amount or close date, with its moment."""

    __replan__ = False  # the planner does not read it (storage/replan.py)
    __tablename__ = "deal_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deal.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"))
    field: Mapped[str] = mapped_column(String(20))  # stage | amount | close_date
    old_value: Mapped[str | None] = mapped_column(String(100))
    new_value: Mapped[str | None] = mapped_column(String(100))
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)


class DealPayment(Base):
    """One installment (回款) of a deal's payment plan: 签约30%, 验收60%, 质保10%."""

    # The planner reads it in the daily run only (the digest); no push is timed by it.
    __replan__ = False
    __tablename__ = "deal_payment"

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deal.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(SmallInteger)
    label: Mapped[str] = mapped_column(String(50))
    percent: Mapped[int] = mapped_column(SmallInteger)
    amount: Mapped[int | None] = mapped_column(BigInteger)
    due_date: Mapped[date | None] = mapped_column(Date)
    # What has come in so far (partial payments add up) and the day of the latest; each
    # payment is also a DealChange row ("paid"), so the history of receipts survives.
    paid_amount: Mapped[int | None] = mapped_column(BigInteger)
    paid_on: Mapped[date | None] = mapped_column(Date)

    @property
    def outstanding(self) -> int | None:
        """What is still to come in, or None when the installment has no amount."""
        if self.amount is None:
            return None
        return max(0, self.amount - (self.paid_amount or 0))

    @property
    def settled(self) -> bool:
        return self.amount is not None and (self.paid_amount or 0) >= self.amount


class DealStageSetting(Base):
    """A team's own name or chance of signing for one stage; a stage without a row keeps the
    default (storage/stages.py). The stages themselves stay the six of DealStage, so a renamed
    stage is still 方案报价 to the note reader and the pipeline's order."""

    __replan__ = False  # the planner does not read it
    __tablename__ = "deal_stage_setting"
    __table_args__ = (UniqueConstraint("team_id", "stage"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id", ondelete="CASCADE"))
    stage: Mapped[DealStage] = mapped_column(_enum(DealStage))
    name: Mapped[str | None] = mapped_column(String(20))
    probability: Mapped[int | None] = mapped_column(SmallInteger)


# The visit cycle's tables live in their own module; importing it here keeps them in the
# metadata that migrations and tests compare against.
from storage import cycle as _cycle  # noqa: E402,F401
