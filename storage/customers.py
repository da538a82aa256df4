"""Customers, scoped by the acting member: a rep reaches their own, a manager the team's."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.actor import Actor
from storage.audit import record
from storage.models import ChangeLog, Customer, Grade

_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


def normalize_name(name: str) -> str:
    """The key two spellings of one company share: width, case, spaces and punctuation folded."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", name)).casefold()


def visible_customers(actor: Actor) -> Select[Customer]:
    query = select(Customer).where(Customer.team_id == actor.team_id)
    if not actor.is_manager:
        query = query.where(Customer.owner_id == actor.member_id)
    return query


class CustomerRepo:
    def __init__(self, session: AsyncSession, actor: Actor) -> None:
        self.session = session
        self.actor = actor

    async def get(self, customer_id: int) -> Customer | None:
        """The customer if the actor may see it, else None (never a hint that it exists)."""
        customer = await self.session.scalar(
            visible_customers(self.actor).where(Customer.id == customer_id)
        )
        if customer is not None and customer.owner_id != self.actor.member_id:
            record(self.session, self.actor, "customer.view", "customer", customer.id)
        return customer

    async def by_name(self, name: str) -> Customer | None:
        query = visible_customers(self.actor).where(
            Customer.normalized_name == normalize_name(name)
        )
        found: Customer | None = await self.session.scalar(query)
        return found

    async def name_taken_in_team(self, name: str) -> bool:
        found = await self.session.scalar(
            select(func.count())
            .select_from(Customer)
            .where(
                Customer.team_id == self.actor.team_id,
                Customer.normalized_name == normalize_name(name),
            )
        )
        return bool(found)

    async def search(self, text: str, limit: int = 10) -> Sequence[Customer]:
        key = normalize_name(text)
        if not key:
            return []
        query = (
            visible_customers(self.actor)
            .where(Customer.normalized_name.contains(key, autoescape=True))
            .order_by(Customer.name)
            .limit(limit)
        )
        return (await self.session.scalars(query)).all()

    async def list(self, offset: int = 0, limit: int = 10) -> Sequence[Customer]:
        query = (
            visible_customers(self.actor)
            .order_by(Customer.last_contact_at.desc().nulls_last(), Customer.id.desc())
            .offset(offset)
            .limit(limit)
        )
        return (await self.session.scalars(query)).all()

    async def count(self) -> int:
        query = select(func.count()).select_from(visible_customers(self.actor).subquery())
        return int(await self.session.scalar(query) or 0)

    async def create(self, name: str) -> Customer:
        customer = Customer(
            team_id=self.actor.team_id,
            owner_id=self.actor.member_id,
            created_by_id=self.actor.member_id,
            name=name.strip(),
            normalized_name=normalize_name(name),
        )
        self.session.add(customer)
        await self.session.flush()
        return customer

    async def set_grade(self, customer: Customer, grade: Grade) -> None:
        """Change the grade, keeping the old value in the change log."""
        if customer.grade == grade:
            return
        self.session.add(
            ChangeLog(
                team_id=customer.team_id,
                member_id=self.actor.member_id,
                entity="customer",
                entity_id=customer.id,
                field="grade",
                old_value=customer.grade.value if customer.grade else None,
                new_value=grade.value,
            )
        )
        customer.grade = grade
