"""Visit plans (《客户走访单》): a rep's plan, the manager's ✅ 批准 / 💬 意见, the week's plans.

Scoped like everything else: a rep plans visits to customers they may see and reads their own
plans; a manager decides and reads the team's. Decisions are audited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.actor import Actor, NotAllowed
from storage.audit import record
from storage.customers import records_in_reach, visible_customers
from storage.cycle import PlanStatus, TeamCycle, VisitPlan
from storage.models import Customer, Member, Role, utcnow

# Shown in the digest, the week's view and to the manager: submitted, not cancelled.
LIVE = (
    PlanStatus.PENDING.value,
    PlanStatus.APPROVED.value,
    PlanStatus.COMMENTED.value,
    PlanStatus.FILED.value,
)


@dataclass(frozen=True, slots=True)
class PlanRow:
    id: int
    member_id: int
    member_name: str
    customer_id: int
    customer_name: str
    planned_for: date
    planned_at: datetime | None
    goal: str
    attendees: str | None
    status: str
    comment: str | None


def _rows_query() -> Any:  # a Select of PlanRow's columns
    return (
        select(
            VisitPlan.id,
            VisitPlan.member_id,
            Member.name,
            VisitPlan.customer_id,
            Customer.name,
            VisitPlan.planned_for,
            VisitPlan.planned_at,
            VisitPlan.goal,
            VisitPlan.attendees,
            VisitPlan.status,
            VisitPlan.comment,
        )
        .join(Member, Member.id == VisitPlan.member_id)
        .join(Customer, Customer.id == VisitPlan.customer_id)
        .where(Customer.deleted_at.is_(None))
    )


def _in_reach(actor: Actor) -> list[ColumnElement[bool]]:
    """The plans a member reaches (storage.customers.records_in_reach)."""
    return records_in_reach(actor, VisitPlan.team_id, VisitPlan.member_id)


# The planner's read, built once with bound parameters (it runs for every batch).
_PLANS_ON = (
    _rows_query()
    .where(
        VisitPlan.member_id.in_(bindparam("members", expanding=True)),
        Member.team_id == VisitPlan.team_id,  # not a plan of a team the member left
        VisitPlan.planned_for == bindparam("day"),
        VisitPlan.status.in_(LIVE),
    )
    .order_by(VisitPlan.planned_at, VisitPlan.id)
)


async def plans_on(session: AsyncSession, member_ids: Sequence[int], day: date) -> list[PlanRow]:
    """The members' submitted plans for ``day`` (the planner's read, by member and day)."""
    if not member_ids:
        return []
    rows = await session.execute(_PLANS_ON, {"members": sorted(member_ids), "day": day})
    return [PlanRow(*row) for row in rows.all()]


async def waiting_in_teams(
    session: AsyncSession, team_ids: Sequence[int], since: date
) -> dict[int, list[PlanRow]]:
    """The plans from ``since`` on that wait for a manager's ✅ 批准, by team (the managers'
    digest); one whose day has gone is past deciding."""
    if not team_ids:
        return {}
    rows = await session.execute(
        _rows_query()
        .add_columns(VisitPlan.team_id)
        .where(
            VisitPlan.team_id.in_(team_ids),
            Member.team_id == VisitPlan.team_id,  # not a plan of a member who left
            VisitPlan.status == PlanStatus.PENDING.value,
            VisitPlan.planned_for >= since,
        )
        .order_by(VisitPlan.planned_for, VisitPlan.planned_at, VisitPlan.id)
    )
    found: dict[int, list[PlanRow]] = {}
    for *row, team_id in rows.all():
        found.setdefault(team_id, []).append(PlanRow(*row))
    return found


async def plans_need_approval(session: AsyncSession, team_id: int) -> bool:
    row = await session.get(TeamCycle, team_id)
    return True if row is None else row.plans_need_approval


async def set_plans_need_approval(session: AsyncSession, actor: Actor, value: bool) -> None:
    if not actor.is_manager:
        raise NotAllowed
    row = await session.get(TeamCycle, actor.team_id)
    if row is None:
        row = TeamCycle(team_id=actor.team_id, workweek="cn")
        session.add(row)
    row.plans_need_approval = value
    record(session, actor, "team.plan_approval", "team", actor.team_id, "on" if value else "off")


class PlanRepo:
    def __init__(self, session: AsyncSession, actor: Actor) -> None:
        self.session = session
        self.actor = actor

    async def customer_named_in(self, text: str) -> Customer | None:
        """The longest name of a customer the actor may see that the text contains."""
        visible = visible_customers(self.actor).subquery()
        rows = (await self.session.execute(select(visible.c.id, visible.c.name))).all()
        named = [(len(name), cid) for cid, name in rows if name and name in text]
        if not named:
            return None
        return await self.session.get(Customer, max(named)[1])

    async def draft(
        self,
        customer: Customer,
        day: date,
        at: datetime | None,
        goal: str,
        attendees: str | None,
        note: str,
    ) -> VisitPlan:
        plan = VisitPlan(
            member_id=self.actor.member_id,
            team_id=self.actor.team_id,
            customer_id=customer.id,
            planned_for=day,
            planned_at=at,
            goal=goal,
            attendees=attendees[:200] if attendees else None,
            note=note,
            status=PlanStatus.DRAFT.value,
        )
        self.session.add(plan)
        await self.session.flush()
        return plan

    async def own(self, plan_id: int) -> VisitPlan | None:
        row = await self.row(plan_id)
        if row is None or row.member_id != self.actor.member_id:
            return None
        return await self.session.get_one(VisitPlan, plan_id)

    async def submit(self, plan_id: int) -> VisitPlan | None:
        plan = await self.own(plan_id)
        if plan is None or plan.status != PlanStatus.DRAFT.value:
            return None
        plan.status = await self._submitted_status()
        return plan

    async def _submitted_status(self) -> str:
        """Pending when the team asks for approval and a rep plans; else filed."""
        needs = await plans_need_approval(self.session, self.actor.team_id)
        if needs and not self.actor.is_manager and await self.managers():
            return PlanStatus.PENDING.value
        return PlanStatus.FILED.value

    async def revise(self, plan_id: int, draft_id: int) -> VisitPlan | None:
        """The rep's plan made what the draft says (✏️ 修改, after the manager's 💬 意见 or
        before any answer) and submitted again, to the manager when the team asks for
        approval; the draft goes, the comments stay on the plan."""
        plan, draft = await self.own(plan_id), await self.own(draft_id)
        if plan is None or plan.status not in LIVE:
            return None
        if draft is None or draft.status != PlanStatus.DRAFT.value:
            return None
        for column in ("customer_id", "planned_for", "planned_at", "goal", "attendees", "note"):
            setattr(plan, column, getattr(draft, column))
        plan.status = await self._submitted_status()
        plan.decided_by_id, plan.decided_at = None, None  # the answer was to the old plan
        await self.session.delete(draft)
        record(self.session, self.actor, "plan.revise", "visit_plan", plan.id)
        return plan

    async def cancel(self, plan_id: int) -> VisitPlan | None:
        plan = await self.own(plan_id)
        if plan is None or plan.status == PlanStatus.CANCELLED.value:
            return None
        plan.status = PlanStatus.CANCELLED.value
        return plan

    async def managers(self) -> list[Member]:
        rows = await self.session.scalars(
            select(Member).where(
                Member.team_id == self.actor.team_id,
                Member.role == Role.MANAGER,
                Member.active.is_(True),
                Member.id != self.actor.member_id,
            )
        )
        return list(rows.all())

    async def row(self, plan_id: int) -> PlanRow | None:
        statement = _rows_query().where(VisitPlan.id == plan_id, *_in_reach(self.actor))
        found = (await self.session.execute(statement)).first()
        return PlanRow(*found) if found else None

    async def decide(
        self, plan_id: int, approve: bool, comment: str | None = None
    ) -> VisitPlan | None:
        """The manager's ✅ 批准 or 💬 意见 on a plan of the team."""
        if not self.actor.is_manager or await self.row(plan_id) is None:
            return None
        plan = await self.session.get_one(VisitPlan, plan_id)
        if plan.status not in (PlanStatus.PENDING.value, PlanStatus.COMMENTED.value) and approve:
            return None
        plan.status = PlanStatus.APPROVED.value if approve else PlanStatus.COMMENTED.value
        plan.decided_by_id = self.actor.member_id
        plan.decided_at = utcnow()
        if comment:
            plan.comment = f"{plan.comment}\n{comment}" if plan.comment else comment
        record(
            self.session,
            self.actor,
            "plan.approve" if approve else "plan.comment",
            "visit_plan",
            plan.id,
        )
        return plan

    async def between(self, start: date, end: date) -> list[PlanRow]:
        """Submitted plans from ``start`` to ``end``: the team's for a manager, else one's own."""
        statement = _rows_query().where(
            VisitPlan.planned_for >= start,
            VisitPlan.planned_for <= end,
            VisitPlan.status.in_(LIVE),
            *_in_reach(self.actor),
        )
        rows = await self.session.execute(
            statement.order_by(VisitPlan.planned_for, VisitPlan.planned_at, VisitPlan.id)
        )
        return [PlanRow(*row) for row in rows.all()]
