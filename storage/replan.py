"""The replan marker: a flush that changes what the planner reads marks its members for planning.

Installed by storage.engine.session_factory on the sessions it makes, and applied to every
model by default, read from its columns: member_id and owner_id name members, customer_id a
customer (its owner is marked), contact_id a contact (its customer's owner). A model whose rows
the planner does not read says so with `__replan__ = False` (the outbox, drafts, logs, state).
"""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import Update, bindparam, event, or_, select, update
from sqlalchemy.orm import Session

from storage.models import Contact, Customer, Member, utcnow

# Sessions whose flushes must not mark anyone for planning (the planner's own).
NO_REPLAN = "no_replan"

Touched = tuple[set[int], set[int], set[int]]


def touched(session: Session) -> Touched:
    """(member ids, customer ids, contact ids) whose data this flush changes."""
    members: set[int] = set()
    customers: set[int] = set()
    contacts: set[int] = set()
    for obj in [*session.new, *session.dirty, *session.deleted]:
        if not getattr(obj, "__replan__", True):
            continue
        for attribute, found in (
            ("member_id", members),
            ("owner_id", members),
            ("customer_id", customers),
            ("contact_id", contacts),
        ):
            value = getattr(obj, attribute, None)
            if isinstance(value, int):
                found.add(value)
    return members, customers, contacts


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    if session.info.get(NO_REPLAN):
        return
    members, customers, contacts = touched(session)
    if members or customers or contacts:
        pending = session.info.setdefault("replan", (set(), set(), set()))
        pending[0].update(members)
        pending[1].update(customers)
        pending[2].update(contacts)


@functools.cache
def _marking(members: bool, customers: bool, contacts: bool) -> Update:
    """The UPDATE for one shape of flush (which of the three kinds it touched), built once:
    most turns flush something, and building the statement cost more than running it."""
    conditions = []
    if members:
        conditions.append(Member.id.in_(bindparam("members", expanding=True)))
    if customers:
        owners = select(Customer.owner_id).where(
            Customer.id.in_(bindparam("customers", expanding=True))
        )
        conditions.append(Member.id.in_(owners))
    if contacts:
        owners = (
            select(Customer.owner_id)
            .join(Contact, Contact.customer_id == Customer.id)
            .where(Contact.id.in_(bindparam("contacts", expanding=True)))
        )
        conditions.append(Member.id.in_(owners))
    return (
        update(Member)
        .where(or_(*conditions), Member.plan_due_at > bindparam("moment"))
        .values(plan_due_at=bindparam("moment"))
        .execution_options(synchronize_session=False)
    )


def _after_flush(session: Session, _context: Any) -> None:
    pending = session.info.pop("replan", None)
    if not pending:
        return
    members, customers, contacts = pending
    params: dict[str, Any] = {"moment": utcnow()}
    for name, ids in (("members", members), ("customers", customers), ("contacts", contacts)):
        if ids:
            params[name] = sorted(ids)
    statement = _marking(bool(members), bool(customers), bool(contacts))
    session.connection().execute(statement, params)


class ReplanSession(Session):
    """The sessions storage.engine.session_factory makes: they carry the replan marker."""


event.listen(ReplanSession, "before_flush", _before_flush)
event.listen(ReplanSession, "after_flush", _after_flush)
