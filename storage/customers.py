"""Customers, scoped by the acting member: a rep reaches their own, a manager the team's."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import ColumnElement, Row, Select, bindparam, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from storage.actor import Actor
from storage.audit import record
from storage.changes import UNDO_WINDOW, FieldChange, apply_changes, still_undoable
from storage.matching import alias_key
from storage.models import Contact, Customer, CustomerAlias, FollowUp, Grade, Interaction, Member
from storage.search import fold, query_key, script_fold, search_key, words_key


def normalize_name(name: str) -> str:
    """The key two spellings of one company share: width, case, spaces, punctuation and script
    folded (九龍倉集團 and 九龙仓集团 are one customer, found by either)."""
    return script_fold(name)


def _reach(manager: bool, team: Any, member: Any) -> list[ColumnElement[bool]]:
    """The one scoping rule: a team's live customers; a rep only the ones they own."""
    conditions = [Customer.team_id == team, Customer.deleted_at.is_(None)]
    if not manager:
        conditions.append(Customer.owner_id == member)
    return conditions


def _visible(manager: bool, team: Any, member: Any) -> Select[Any]:
    return select(Customer).where(*_reach(manager, team, member))


def records_in_reach(
    actor: Actor, team_id: InstrumentedAttribute[int], member_id: InstrumentedAttribute[int]
) -> list[ColumnElement[bool]]:
    """A team's record about a customer (a 纪要, a plan) in a statement that joins Customer,
    scoped like /customer: the team's own (a member who left keeps none), and for a rep only
    their own, for customers they still hold."""
    scope = [team_id == actor.team_id, *_reach(actor.is_manager, actor.team_id, actor.member_id)]
    if not actor.is_manager:
        scope.append(member_id == actor.member_id)
    return scope


def visible_customers(actor: Actor) -> Select[Customer]:
    """The actor's customers, the scope as values: for statements built per call."""
    return _visible(actor.is_manager, actor.team_id, actor.member_id)


def customers_visible_to(manager: bool) -> Select[Any]:
    """The same rule with the scope left as bound parameters, bound by `Scoped.of`."""
    return _visible(manager, bindparam("scope_team"), bindparam("scope_member"))


def like_escaped(text: str) -> str:
    """`text` with LIKE's wildcards escaped by '/' (the statements say ESCAPE '/')."""
    return text.replace("/", "//").replace("%", "/%").replace("_", "/_")


def _search_statement(manager: bool) -> Select[Any]:
    # Only the contacts of customers the actor may see: the index on contact.customer_id
    # keeps this proportional to the actor's archive, not the whole company's.
    visible_ids = customers_visible_to(manager).with_only_columns(Customer.id)
    contact_hit = select(Contact.customer_id).where(
        Contact.customer_id.in_(visible_ids),
        Contact.deleted_at.is_(None),
        or_(
            Contact.search_key.contains(bindparam("needle"), escape="/"),
            Contact.search_key.contains(bindparam("typed"), escape="/"),
        ),
    )
    # Words inside the rep's own notes (预算大概200万), in either script (報價 finds 报价):
    # the notes' keys hold them folded one character for one (storage.search.words_key).
    # note_key IS NOT NULL: only the records that keep a note, through a partial index that
    # holds the key too, so SQLite reads no record from the table (no `note` named here: 0030).
    note_hit = select(Interaction.customer_id).where(
        Interaction.customer_id.in_(visible_ids),
        Interaction.note_key.is_not(None),
        Interaction.note_key.contains(bindparam("words"), escape="/"),
    )
    # …and in a note that made only follow-ups, kept on them.
    follow_up_hit = select(FollowUp.customer_id).where(
        FollowUp.customer_id.in_(visible_ids),
        FollowUp.note_key.contains(bindparam("words"), escape="/"),
    )
    # Short names the team confirmed (华电院 → 华东电力设计院).
    alias_hit = select(CustomerAlias.customer_id).where(
        CustomerAlias.team_id == bindparam("scope_team"),
        CustomerAlias.alias_key.contains(bindparam("needle"), escape="/"),
    )
    return (
        customers_visible_to(manager)
        .where(
            or_(
                # LIKE '%' || ? || '%': a bound whole pattern made SQLite re-plan it each time
                Customer.search_key.contains(bindparam("needle"), escape="/"),
                # a key written before keys held the Simplified form too: the query as typed
                Customer.search_key.contains(bindparam("typed"), escape="/"),
                Customer.id.in_(contact_hit),
                Customer.id.in_(note_hit),
                Customer.id.in_(follow_up_hit),
                Customer.id.in_(alias_hit),
            )
        )
        .order_by(Customer.name, Customer.id)
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
    )


@dataclass(frozen=True)
class Scoped:
    """One statement per role, built once, with the actor's scope bound at execution.

    Building a SELECT and its cache key costs more than SQLite takes to run it, so the
    statements of every update (a card, a search, a capture's lookup) are made at import.
    """

    manager: Select[Any]
    rep: Select[Any]

    @classmethod
    def build(cls, make: Callable[[bool], Select[Any]]) -> Scoped:
        return cls(manager=make(True), rep=make(False))

    def of(self, actor: Actor, **params: Any) -> tuple[Select[Any], dict[str, Any]]:
        statement = self.manager if actor.is_manager else self.rep
        return statement, {"scope_team": actor.team_id, "scope_member": actor.member_id, **params}


_BY_ID = Scoped.build(
    lambda m: customers_visible_to(m).where(Customer.id == bindparam("customer_id"))
)
_BY_NAME = Scoped.build(
    lambda m: (
        customers_visible_to(m)
        .where(
            or_(
                Customer.normalized_name == bindparam("normalized"),
                # as keyed before names were folded across scripts (九龍倉集團 kept as typed)
                Customer.normalized_name == bindparam("typed"),
                # or a short name the team confirmed for it (华电院)
                Customer.id.in_(
                    select(CustomerAlias.customer_id).where(
                        CustomerAlias.team_id == bindparam("scope_team"),
                        CustomerAlias.alias_key == bindparam("alias"),
                    )
                ),
            )
        )
        # the name itself before a short name that happens to be spelled the same
        .order_by(
            (Customer.normalized_name == bindparam("normalized")).desc(),
            (Customer.normalized_name == bindparam("typed")).desc(),
        )
        .limit(1)
    )
)
_SEARCH = Scoped.build(_search_statement)
# /find shows only each found customer's name: plain rows, not customers made as objects (a
# page of nine cost about as much as the search itself).
_SEARCH_NAMES = Scoped.build(
    lambda m: cast(Select[Any], _search_statement(m).with_only_columns(Customer.id, Customer.name))
)
_PAGE = Scoped.build(
    lambda m: (
        customers_visible_to(m)
        .order_by(Customer.last_contact_at.desc().nulls_last(), Customer.id.desc())
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
    )
)


class CustomerRepo:
    def __init__(self, session: AsyncSession, actor: Actor) -> None:
        self.session = session
        self.actor = actor

    async def get(self, customer_id: int) -> Customer | None:
        """The customer if the actor may see it, else None (never a hint that it exists)."""
        query = _BY_ID.of(self.actor, customer_id=customer_id)
        customer: Customer | None = await self.session.scalar(*query)
        if customer is not None and customer.owner_id != self.actor.member_id:
            record(self.session, self.actor, "customer.view", "customer", customer.id)
        return customer

    async def by_name(self, name: str) -> Customer | None:
        query = _BY_NAME.of(
            self.actor, normalized=normalize_name(name), typed=fold(name), alias=alias_key(name)
        )
        found: Customer | None = await self.session.scalar(*query)
        if found is not None and found.owner_id != self.actor.member_id:
            record(self.session, self.actor, "customer.view", "customer", found.id)
        return found

    async def owner_in_team(self, name: str) -> Member | None:
        """Who owns a customer of this name in the team (visible to the actor or not)."""
        owner: Member | None = await self.session.scalar(
            select(Member)
            .join(Customer, Customer.owner_id == Member.id)
            .where(
                Customer.team_id == self.actor.team_id,
                Customer.normalized_name.in_({normalize_name(name), fold(name)}),
                Customer.deleted_at.is_(None),
            )
        )
        return owner

    async def name_taken_in_team(self, name: str) -> bool:
        return await self.owner_in_team(name) is not None

    async def search(self, text: str, limit: int = 8, offset: int = 0) -> Sequence[Customer]:
        """By company, contact name, title, phone digits, WeChat, pinyin or initials."""
        query = self._search(_SEARCH, text, limit, offset)
        return (await self.session.scalars(*query)).all() if query else []

    async def search_names(
        self, text: str, limit: int = 8, offset: int = 0
    ) -> Sequence[Row[tuple[int, str]]]:
        """What `search` finds, as (id, name) rows in the same order."""
        query = self._search(_SEARCH_NAMES, text, limit, offset)
        return (await self.session.execute(*query)).all() if query else []

    def _search(
        self, statements: Scoped, text: str, limit: int, offset: int
    ) -> tuple[Select[Any], dict[str, Any]] | None:
        key = query_key(text)
        if not key:
            return None
        return statements.of(
            self.actor,
            needle=like_escaped(key),
            typed=like_escaped(fold(text)),
            words=like_escaped(words_key(" ".join(text.split()))),
            offset=offset,
            limit=limit,
        )

    async def page(self, offset: int = 0, limit: int = 10) -> Sequence[Customer]:
        query = _PAGE.of(self.actor, offset=offset, limit=limit)
        return (await self.session.scalars(*query)).all()

    async def count(self) -> int:
        query = select(func.count()).select_from(visible_customers(self.actor).subquery())
        return int(await self.session.scalar(query) or 0)

    async def create(self, name: str, **fields: Any) -> Customer:
        name = " ".join(name.split())
        customer = Customer(
            team_id=self.actor.team_id,
            owner_id=self.actor.member_id,
            created_by_id=self.actor.member_id,
            name=name,
            normalized_name=normalize_name(name),
            search_key=search_key(name),
            **fields,
        )
        self.session.add(customer)
        await self.session.flush()
        return customer

    def update(self, customer: Customer, changes: dict[str, Any]) -> list[FieldChange]:
        """Change archive fields, keeping every old value in the change log."""
        applied = apply_changes(
            self.session, self.actor, customer.team_id, customer, "customer", changes
        )
        if any(change.field == "name" for change in applied):
            customer.normalized_name = normalize_name(customer.name)
            customer.search_key = search_key(customer.name)
        return applied

    async def set_grade(self, customer: Customer, grade: Grade) -> None:
        self.update(customer, {"grade": grade})

    async def delete(self, customer: Customer) -> None:
        """Hide the customer; `restore` brings it back until it is purged."""
        customer.deleted_at = datetime.now(UTC)
        # Free the name at once: a new customer of the same name may be recorded.
        customer.normalized_name = f"{customer.normalized_name}#deleted{customer.id}"
        record(self.session, self.actor, "customer.delete", "customer", customer.id, customer.name)

    async def purge(self, customer_id: int) -> bool:
        """Remove a deleted customer for good, with its contacts and records (cascade)."""
        customer = await self._deleted(customer_id)
        if customer is None:
            return False
        record(self.session, self.actor, "customer.purge", "customer", customer.id, customer.name)
        await self.session.delete(customer)
        return True

    async def was_deleted(self, customer_id: int) -> bool:
        """Whether this is one of the actor's customers, deleted (an old card's buttons)."""
        return await self._deleted(customer_id) is not None

    async def _deleted(self, customer_id: int) -> Customer | None:
        customer = await self.session.get(Customer, customer_id)
        if (
            customer is None
            or customer.deleted_at is None
            or customer.team_id != self.actor.team_id
            or (not self.actor.is_manager and customer.owner_id != self.actor.member_id)
        ):
            return None
        return customer

    async def restore(self, customer_id: int) -> Customer | None:
        """Undo a deletion within UNDO_WINDOW, unless the name was recorded again since."""
        customer = await self._deleted(customer_id)
        if customer is None or not still_undoable(customer.deleted_at):
            return None
        if await self.name_taken_in_team(customer.name):
            return None
        customer.deleted_at = None
        customer.normalized_name = normalize_name(customer.name)
        record(self.session, self.actor, "customer.restore", "customer", customer.id)
        return customer


async def purge_expired(session: AsyncSession, now: datetime) -> int:
    """Remove customers and contacts whose undo window is over, for good."""
    cutoff = now - UNDO_WINDOW
    purged = 0
    for model in (Customer, Contact):
        expired = (
            await session.scalars(
                select(model).where(model.deleted_at.is_not(None), model.deleted_at < cutoff)
            )
        ).all()
        for row in expired:
            await session.delete(row)
        purged += len(expired)
    return purged
