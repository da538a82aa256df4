"""The replan marker: a flush that changes what the planner reads marks its members for planning.

Installed by storage.engine.session_factory on the sessions it makes, and applied to every
model by default, read from its columns: member_id and owner_id name members, customer_id a
customer (its owner is marked), contact_id a contact (its customer's owner). A model whose rows
the planner does not read says so with `__replan__ = False` (the outbox, drafts, logs, state).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, or_, select, update
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


def _after_flush(session: Session, _context: Any) -> None:
    pending = session.info.pop("replan", None)
    if not pending:
        return
    members, customers, contacts = pending
    conditions = []
    if members:
        conditions.append(Member.id.in_(sorted(members)))
    if customers:
        conditions.append(
            Member.id.in_(select(Customer.owner_id).where(Customer.id.in_(sorted(customers))))
        )
    if contacts:
        owners = (
            select(Customer.owner_id)
            .join(Contact, Contact.customer_id == Customer.id)
            .where(Contact.id.in_(sorted(contacts)))
        )
        conditions.append(Member.id.in_(owners))
    moment = utcnow()
    session.connection().execute(
        update(Member)
        .where(or_(*conditions), Member.plan_due_at > moment)
        .values(plan_due_at=moment)
        .execution_options(synchronize_session=False)
    )


class ReplanSession(Session):
    """The sessions storage.engine.session_factory makes: they carry the replan marker."""


event.listen(ReplanSession, "before_flush", _before_flush)
event.listen(ReplanSession, "after_flush", _after_flush)
