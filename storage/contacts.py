"""Contacts and their families, reached only through a customer the actor may see."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import ColumnElement, Row, Select, bindparam, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from parsing.romanized import surnames_spelled
from parsing.text import simplified
from storage.actor import Actor
from storage.audit import record
from storage.changes import (
    FAMILY_FIELD,
    FieldChange,
    apply_changes,
    log_change,
    logged_birthday,
    still_undoable,
)
from storage.customers import Scoped, customers_visible_to, like_escaped, visible_customers
from storage.models import Contact, Customer, FamilyMember
from storage.search import fold, pinyin_forms, script_fold, search_key


def contact_search_key(contact: Contact) -> str:
    return search_key(
        contact.name,
        contact.title,
        contact.salutation,
        extra=[*(contact.phones or []), contact.wechat or "", contact.email or ""],
    )


# A name said in a note may be part of more keys than its own (王总 in 王总工's): enough rows
# to find the two that are exactly it.
_NAMED_LIMIT = 20


def one_surname(a: str | None, b: str | None) -> bool:
    """Two surnames that are one, also when one is written in Latin letters: Chen, Chan and
    Tan may be 陈 (Mr. Chan of the note is perhaps the 陈总 on file)."""
    if same_name(a, b):
        return True
    if not a or not b or a.isascii() == b.isascii():
        return False
    latin, han = (a, b) if a.isascii() else (b, a)
    han = simplified(han)
    return latin.strip().lower() == pinyin_forms(han)[0] or han in surnames_spelled(latin)


def same_name(a: str | None, b: str | None) -> bool:
    """Two names (or titles) that are one, width, case, spaces and script aside: 陳經理 is
    陈经理. None is no name."""
    return bool(a) and bool(b) and script_fold(a or "") == script_fold(b or "")


# 副主任 is still 主任 to the rep's ear (赵主任 for 赵国栋 副主任, 王总 for 王副总): a deputy's
# rank, with 常务/执行 before it, left out when no one is addressed exactly as the note says.
_DEPUTY = re.compile(r"(?:常务|执行)?副")


def rank_free(address: str | None) -> str:
    """赵副主任 → 赵主任, 王常务副总 → 王总 (folded); '' for no address."""
    key = script_fold(address or "")
    return key[:1] + _DEPUTY.sub("", key[1:])


def same_rank_free(a: str | None, b: str | None) -> bool:
    """Two addresses that are one but for a deputy's 副: 赵主任 and 赵副主任."""
    return bool(a) and bool(b) and rank_free(a) == rank_free(b)


# Every card and capture lists a customer's contacts: built once (storage.customers.Scoped).
_OF_CUSTOMER = (
    select(Contact)
    .where(Contact.customer_id == bindparam("customer_id"), Contact.deleted_at.is_(None))
    .order_by(Contact.is_key_leader.desc(), Contact.id)
)
# The same contacts as a card lists them: plain rows of what its lines show (a card is
# opened far more often than it is acted on, and making each contact an object cost about as
# much as reading them).
_CARD_LINES = _OF_CUSTOMER.with_only_columns(
    Contact.id,
    Contact.name,
    Contact.surname,
    Contact.title,
    Contact.salutation,
    Contact.is_key_leader,
    Contact.decision_role,
    Contact.phones,
    Contact.fax,
    Contact.wechat,
    Contact.card_file_id,
    Contact.birthday_month,
    Contact.birthday_day,
    Contact.birthday_lunar,
    Contact.birthday_leap,
    Contact.birthday_year,
    Contact.birthday_next,
    Contact.hobbies,
)


def _own_with(same: ColumnElement[bool]) -> Scoped:
    """The actor's own customers' contacts whose search key may hold a name or address, a few
    to compare in either script: built once, since a capture's 保存 runs it."""

    def make(manager: bool) -> Select[Any]:
        own = customers_visible_to(manager).with_only_columns(Customer.id)
        return (
            select(Contact)
            .join(Customer, Customer.id == Contact.customer_id)
            .where(
                same,
                Contact.deleted_at.is_(None),
                Contact.customer_id.in_(own),
                Customer.owner_id == bindparam("scope_member"),
            )
            .order_by(Contact.id)
            .limit(_NAMED_LIMIT)
        )

    return Scoped.build(make)


_OWN_KEYED = _own_with(
    or_(
        Contact.search_key.contains(bindparam("key"), escape="/"),
        Contact.search_key.contains(bindparam("typed"), escape="/"),
    )
)
_OWN_SURNAMED = _own_with(
    or_(Contact.surname == bindparam("key"), Contact.surname == bindparam("typed"))
)


class ContactRepo:
    def __init__(self, session: AsyncSession, actor: Actor) -> None:
        self.session = session
        self.actor = actor

    async def get(self, contact_id: int) -> Contact | None:
        visible = visible_customers(self.actor).with_only_columns(Customer.id)
        contact: Contact | None = await self.session.scalar(
            select(Contact).where(
                Contact.id == contact_id,
                Contact.deleted_at.is_(None),
                Contact.customer_id.in_(visible),
            )
        )
        return contact

    async def own_named(
        self, *, name: str | None, surname: str | None, salutation: str | None
    ) -> Sequence[Contact]:
        """The contacts of the actor's own customers a note's person may be (王总 → the rep's
        only 王 with the address 王总), so a note that names no company still finds its place."""
        said = name or salutation
        if not said:
            return []
        # Either script (陳經理 is 陈经理): the search key holds the Simplified form of the name
        # and the address, so LIKE narrows the rep's contacts to a few, compared here.
        key, typed = script_fold(said), fold(said)
        query = _OWN_KEYED.of(self.actor, key=like_escaped(key), typed=like_escaped(typed))
        found = [
            c
            for c in (await self.session.scalars(*query)).all()
            if script_fold((c.name if name else c.salutation) or "") == key
        ][:2]
        if not name and not found:
            return await self._own_deputy(said, surname or said[:1])
        if name or not surname:
            return found
        return [c for c in found if same_name(c.surname, surname) or c.surname is None]

    async def _own_deputy(self, salutation: str, surname: str) -> list[Contact]:
        """赵主任 when the rep's only 赵 of that rank is 赵副主任 (or the other way round): that
        one; none when two may be meant."""
        query = _OWN_SURNAMED.of(self.actor, key=script_fold(surname), typed=fold(surname))
        found = [
            c
            for c in (await self.session.scalars(*query)).all()
            if same_rank_free(c.salutation, salutation)
        ]
        return found if len(found) == 1 else []

    async def own_reachable(self, phones: list[str], email: str | None) -> Contact | None:
        """The actor's own contact with one of these phone numbers or this email: the person a
        second card (its English back, a new title) is about, whatever name it prints."""
        if not phones and not email:
            return None
        own = visible_customers(self.actor).with_only_columns(Customer.id)
        conditions = [Contact.search_key.contains(phone.split(";")[0]) for phone in phones]
        if email:
            conditions.append(Contact.email == email)
        query = (
            select(Contact)
            .join(Customer, Customer.id == Contact.customer_id)
            .where(
                or_(*conditions),
                Contact.deleted_at.is_(None),
                Contact.customer_id.in_(own),
                Customer.owner_id == self.actor.member_id,
            )
            .order_by(Contact.id)
            .limit(5)
        )
        for contact in (await self.session.scalars(query)).all():
            if (email and contact.email == email) or set(phones) & set(contact.phones or []):
                return contact
        return None

    async def of_customer(self, customer: Customer) -> Sequence[Contact]:
        return (await self.session.scalars(_OF_CUSTOMER, {"customer_id": customer.id})).all()

    async def card_lines(self, customer: Customer) -> Sequence[Row[*tuple[Any, ...]]]:
        """`of_customer`'s contacts, in its order, as rows of what a card shows of them."""
        return (await self.session.execute(_CARD_LINES, {"customer_id": customer.id})).all()

    async def candidates(
        self,
        customer: Customer,
        *,
        name: str | None,
        surname: str | None,
        title: str | None,
        salutation: str | None = None,
    ) -> tuple[Contact | None, list[Contact]]:
        """(the same person for sure, people who might be them) within one customer.

        Sure: the same full name, or the only contact with the same surname and title when the
        note gives no full name (王局长 → 王建国 局长; 赵经理 → 赵敏 采购部经理, whose address is
        赵经理 too). Might be: same surname and title where a name is missing on one side and
        more than one fits, or a name that sounds the same or is one typo away
        (王剑国 for 王建国; 王建华 is someone else).
        """
        sure: Contact | None = None
        maybe: list[Contact] = []
        addressed: list[Contact] = []  # same surname and the same title: 王局长 → 王建国 局长
        deputy: list[Contact] = []  # same surname, the same title but for 副
        for contact in await self.of_customer(customer):
            if name and same_name(contact.name, name):
                sure = contact
                break
            same_surname = bool(surname) and one_surname(contact.surname, surname)
            # 经理 and 采购部经理 are one title when both are spoken to as 赵经理
            same_title = bool(title) and (
                same_name(title, contact.title)
                or (bool(salutation) and same_name(salutation, contact.salutation))
            )
            # 陈生, 小方: no title on either side, spoken to the same way — the same address
            same_title = same_title or (
                not title
                and not contact.title
                and bool(salutation)
                and same_name(salutation, contact.salutation)
            )
            if same_surname and (not name or not contact.name or same_name(contact.name, surname)):
                if not title or not contact.title or same_title:
                    maybe.append(contact)
                elif not name and same_rank_free(salutation, contact.salutation):
                    deputy.append(contact)  # 赵主任 for 赵副主任: only when no one else fits
                if not name and same_title:
                    addressed.append(contact)
            elif (
                name
                and contact.name
                and (
                    fuzz.ratio(simplified(name), simplified(contact.name)) >= 90
                    or pinyin_forms(name)[0] == pinyin_forms(contact.name)[0]
                )
            ):
                maybe.append(contact)
        if sure is None and len(maybe) == 1 and addressed == maybe:
            # The only person of this customer the note can mean: no question to ask.
            return maybe[0], []
        if sure is None and not maybe and len(deputy) == 1:
            return deputy[0], []
        return sure, ([] if sure else maybe)

    async def create(self, customer: Customer, **fields: Any) -> Contact:
        contact = Contact(customer_id=customer.id, created_by_id=self.actor.member_id, **fields)
        contact.search_key = contact_search_key(contact)
        self.session.add(contact)
        await self.session.flush()
        return contact

    def update(self, contact: Contact, team_id: int, changes: dict[str, Any]) -> list[FieldChange]:
        applied = apply_changes(self.session, self.actor, team_id, contact, "contact", changes)
        if applied:
            contact.search_key = contact_search_key(contact)
        return applied

    async def add_family(
        self, contact: Contact, relation: str, name: str | None, **birthday: Any
    ) -> FamilyMember:
        existing = await self.session.scalar(
            select(FamilyMember).where(
                FamilyMember.contact_id == contact.id, FamilyMember.relation == relation
            )
        )
        if existing is not None:
            before = logged_birthday(existing)
            for key, value in birthday.items():
                if value is not None:
                    setattr(existing, key, value)
            if name:
                existing.name = name
            await self._log_family(contact, relation, before, logged_birthday(existing))
            return existing
        member = FamilyMember(contact_id=contact.id, relation=relation, name=name, **birthday)
        self.session.add(member)
        await self.session.flush()
        await self._log_family(contact, relation, None, logged_birthday(member))
        return member

    async def _log_family(
        self, contact: Contact, relation: str, old: str | None, new: str | None
    ) -> None:
        """A family member's birthday, in the contact's history: 👪 儿子 生日 1月10日."""
        if old == new:
            return
        team_id = await self.session.scalar(
            select(Customer.team_id).where(Customer.id == contact.customer_id)
        )
        if team_id is not None:
            change = FieldChange(f"{FAMILY_FIELD}{relation}"[:50], old, new)
            log_change(self.session, self.actor, team_id, "contact", contact.id, change)

    async def family_of(self, contact: Contact) -> Sequence[FamilyMember]:
        rows = await self.session.scalars(
            select(FamilyMember)
            .where(FamilyMember.contact_id == contact.id)
            .order_by(FamilyMember.id)
        )
        return rows.all()

    async def families_of(
        self, contacts: Sequence[Contact] | Sequence[Row[*tuple[Any, ...]]]
    ) -> dict[int, list[FamilyMember]]:
        """The family of each of these contacts (a card's), by contact id, in one read."""
        if not contacts:
            return {}
        rows = await self.session.scalars(
            select(FamilyMember)
            .where(FamilyMember.contact_id.in_([c.id for c in contacts]))
            .order_by(FamilyMember.id)
        )
        families: dict[int, list[FamilyMember]] = {}
        for relative in rows.all():
            families.setdefault(relative.contact_id, []).append(relative)
        return families

    async def delete(self, contact: Contact) -> None:
        """Hide the contact; `restore` brings it back until it is purged."""
        contact.deleted_at = datetime.now(UTC)
        record(self.session, self.actor, "contact.delete", "contact", contact.id, contact.name)

    async def restore(self, contact_id: int) -> Contact | None:
        contact = await self.session.get(Contact, contact_id)
        if contact is None or not still_undoable(contact.deleted_at):
            return None
        visible = visible_customers(self.actor).with_only_columns(Customer.id)
        allowed = await self.session.scalar(
            select(Customer.id).where(Customer.id == contact.customer_id, Customer.id.in_(visible))
        )
        if allowed is None:
            return None
        contact.deleted_at = None
        record(self.session, self.actor, "contact.restore", "contact", contact.id)
        return contact


def birthday_fields(
    month: int | None,
    day: int | None,
    *,
    year: int | None = None,
    lunar: bool = False,
    leap: bool = False,
    next_on: date | None = None,
) -> dict[str, Any]:
    """The YearlyDate columns for a birthday; `next_on` is computed by the caller."""
    return {
        "birthday_month": month,
        "birthday_day": day,
        "birthday_year": year,
        "birthday_lunar": lunar,
        "birthday_leap": leap,
        "birthday_next": next_on,
    }
