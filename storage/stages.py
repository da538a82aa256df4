"""A team's deal stages: the six of DealStage with the team's own names and chances of signing,
and the team's deal currency. A manager sets them in chat (handlers/deals/settings.py); a stage
without a setting keeps the default (初步接触 10% · 需求确认 25% · 方案报价 50% · 商务谈判 75%)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import bindparam, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Customer, Deal, DealStage, DealStageSetting, Team

# The open stages in order; 推进 moves a deal one step along them.
OPEN_STAGES = (DealStage.CONTACT, DealStage.NEEDS, DealStage.QUOTE, DealStage.NEGOTIATION)
CLOSED_STAGES = (DealStage.WON, DealStage.LOST)
# The default chance of signing at each stage (the weighted pipeline multiplies by it).
PROBABILITY: Mapping[DealStage, int] = {
    DealStage.CONTACT: 10,
    DealStage.NEEDS: 25,
    DealStage.QUOTE: 50,
    DealStage.NEGOTIATION: 75,
    DealStage.WON: 100,
    DealStage.LOST: 0,
}
DEFAULT_CURRENCY = "CNY"
NAME_LIMIT = 20  # the column's width


@dataclass(frozen=True)
class StageBook:
    """A team's stages as its members see them."""

    names: Mapping[DealStage, str] = field(default_factory=dict)  # only the renamed ones
    probability: Mapping[DealStage, int] = field(default_factory=lambda: dict(PROBABILITY))
    currency: str = DEFAULT_CURRENCY

    def chance(self, stage: DealStage) -> int:
        return self.probability.get(stage, PROBABILITY[stage])


DEFAULT_BOOK = StageBook()


# Read by every card with deals and every deal button: built once.
_SETTINGS = select(
    DealStageSetting.stage, DealStageSetting.name, DealStageSetting.probability
).where(DealStageSetting.team_id == bindparam("team_id"))
_CURRENCY = select(Team.deal_currency).where(Team.id == bindparam("team_id"))


async def stage_book(session: AsyncSession, team_id: int) -> StageBook:
    rows = (await session.execute(_SETTINGS, {"team_id": team_id})).all()
    currency = await session.scalar(_CURRENCY, {"team_id": team_id})
    names = {stage: name for stage, name, _p in rows if name}
    chances = dict(PROBABILITY)
    chances.update({stage: p for stage, _n, p in rows if p is not None and stage in OPEN_STAGES})
    return StageBook(names, chances, currency or DEFAULT_CURRENCY)


async def _setting(session: AsyncSession, team_id: int, stage: DealStage) -> DealStageSetting:
    found = await session.scalar(
        select(DealStageSetting).where(
            DealStageSetting.team_id == team_id, DealStageSetting.stage == stage
        )
    )
    if found is None:
        found = DealStageSetting(team_id=team_id, stage=stage)
        session.add(found)
    return found


async def rename_stage(
    session: AsyncSession, team_id: int, stage: DealStage, name: str | None
) -> None:
    """The team's name for `stage`; None goes back to the default name."""
    (await _setting(session, team_id, stage)).name = name[:NAME_LIMIT] if name else None


async def set_stage_probability(
    session: AsyncSession, team_id: int, stage: DealStage, probability: int | None
) -> int:
    """The team's chance of signing at an open `stage` (None: the default). Open deals at that
    stage still on the old chance follow; one set by hand on a deal stays. How many moved."""
    assert stage in OPEN_STAGES and (probability is None or 0 <= probability <= 100)
    old = (await stage_book(session, team_id)).chance(stage)
    (await _setting(session, team_id, stage)).probability = probability
    new = PROBABILITY[stage] if probability is None else probability
    if new == old:
        return 0
    result = await session.execute(
        update(Deal)
        .where(Deal.team_id == team_id, Deal.stage == stage, Deal.probability == old)
        .where(Deal.customer_id.in_(select(Customer.id).where(Customer.team_id == team_id)))
        .values(probability=new)
        .execution_options(synchronize_session="fetch")
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def set_currency(session: AsyncSession, team_id: int, currency: str) -> None:
    team = await session.get_one(Team, team_id)
    team.deal_currency = currency[:3]
