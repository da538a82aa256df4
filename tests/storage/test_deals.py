"""storage/deals.py: scoping (a rep reaches their own deals, a manager the team's), the stage
history, the pipeline's sums."""

from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.actor import Actor
from storage.customers import CustomerRepo
from storage.deals import DealRepo, DealUpdate, next_stage
from storage.models import DealChange, DealStage, Member, Role, Team
from storage.pipeline import Span, stage_tallies
from storage.pipeline import pipeline as pipeline_of

NOW = datetime(2026, 12, 1, 2, tzinfo=UTC)


async def people(session: AsyncSession) -> tuple[Actor, Actor, Actor, Actor]:
    team, other = Team(name="华东一部"), Team(name="华南一部")
    session.add_all([team, other])
    await session.flush()
    members = [
        Member(telegram_user_id=n, chat_id=n, name=name, team_id=t.id, role=role)
        for n, (name, t, role) in enumerate(
            [
                ("李经理", team, Role.MANAGER),
                ("王磊", team, Role.REP),
                ("张伟", team, Role.REP),
                ("陈经理", other, Role.MANAGER),
            ],
            start=1,
        )
    ]
    session.add_all(members)
    await session.flush()
    manager, wang, zhang, stranger = (Actor.of(m) for m in members)
    return manager, wang, zhang, stranger


def test_the_stages_move_on_in_order() -> None:
    assert next_stage(DealStage.CONTACT) == DealStage.NEEDS
    assert next_stage(DealStage.NEGOTIATION) == DealStage.WON
    assert next_stage(DealStage.WON) is None and next_stage(DealStage.LOST) is None


async def test_a_rep_reaches_own_deals_a_manager_the_teams(session: AsyncSession) -> None:
    manager, wang, zhang, stranger = await people(session)
    customer = await CustomerRepo(session, wang).create("华润置地")
    deal = await DealRepo(session, wang).create(
        customer, DealUpdate(title="办公楼", amount=1_200_000, stage=DealStage.QUOTE), NOW
    )
    await session.flush()
    assert await DealRepo(session, wang).get(deal.id) is deal
    assert await DealRepo(session, manager).get(deal.id) is deal
    assert await DealRepo(session, zhang).get(deal.id) is None
    assert await DealRepo(session, stranger).get(deal.id) is None
    assert list(await DealRepo(session, zhang).open_of(customer)) == []


async def test_changes_are_kept_and_the_pipeline_sums_them(session: AsyncSession) -> None:
    manager, wang, zhang, _ = await people(session)
    repo = DealRepo(session, wang)
    a = await repo.create(
        await CustomerRepo(session, wang).create("华润置地"),
        DealUpdate(title="办公楼", amount=1_000_000, stage=DealStage.QUOTE),
        NOW,
    )
    b = await DealRepo(session, zhang).create(
        await CustomerRepo(session, zhang).create("万科"),
        DealUpdate(title="园区", amount=400_000, close_date=date(2026, 12, 20)),
        NOW,
    )
    repo.apply(a, DealUpdate(amount=900_000, close_date=date(2026, 12, 31)), NOW)
    repo.advance(a, NOW)
    await session.flush()
    changes = list(await repo.history(a))
    assert [(c.field, c.old_value, c.new_value) for c in changes] == [
        ("stage", None, "quote"),
        ("amount", None, "1000000"),
        ("amount", "1000000", "900000"),
        ("close_date", None, "2026-12-31"),
        ("stage", "quote", "negotiation"),
    ]
    assert a.probability == 75 and b.probability == 10
    december = Span(
        date(2026, 12, 1),
        date(2027, 1, 1),
        datetime(2026, 11, 30, 16, tzinfo=UTC),
        datetime(2026, 12, 31, 16, tzinfo=UTC),
    )
    quarter = Span(
        date(2026, 10, 1),
        date(2027, 1, 1),
        datetime(2026, 9, 30, 16, tzinfo=UTC),
        datetime(2026, 12, 31, 16, tzinfo=UTC),
    )
    pipeline = await pipeline_of(session, manager, december, quarter, december)
    assert (pipeline.total.count, pipeline.total.amount, pipeline.total.weighted) == (
        2,
        1_300_000,
        900_000 * 75 // 100 + 400_000 * 10 // 100,
    )
    # This month's expected closes by date; the quarter's biggest first.
    assert [line.id for line in pipeline.month_deals] == [b.id, a.id]
    assert [line.id for line in pipeline.quarter_deals] == [a.id, b.id]
    own = await pipeline_of(session, wang, december, quarter, december)
    assert own.total.count == 1
    repo.lose(a, "预算取消", NOW)
    assert (a.stage, a.lost_reason, a.closed_at) == (DealStage.LOST, "预算取消", NOW)
    assert await session.scalar(select(DealChange).where(DealChange.new_value == "lost"))


async def test_a_deleted_customers_deals_leave_the_pipeline(session: AsyncSession) -> None:
    manager, wang, _zhang, _ = await people(session)
    customers = CustomerRepo(session, wang)
    kept, gone = await customers.create("华润置地"), await customers.create("万科")
    repo = DealRepo(session, wang)
    await repo.create(kept, DealUpdate(amount=1_000_000, stage=DealStage.QUOTE), NOW)
    await repo.create(gone, DealUpdate(amount=400_000, stage=DealStage.QUOTE), NOW)
    await repo.create(gone, DealUpdate(amount=300_000, stage=DealStage.LOST), NOW)
    await session.flush()
    await customers.delete(gone)
    await session.flush()
    month = Span(
        date(2026, 12, 1),
        date(2027, 1, 1),
        datetime(2026, 11, 30, 16, tzinfo=UTC),
        datetime(2026, 12, 31, 16, tzinfo=UTC),
    )
    for actor in (manager, wang):
        found = await pipeline_of(session, actor, month, month, month)
        assert (found.total.count, found.total.amount) == (1, 1_000_000)
        assert found.lost.count == 0 and found.lost_deals == []
    tallies = await stage_tallies(session, manager)
    assert {stage: t.amount for stage, t in tallies.items()} == {DealStage.QUOTE: 1_000_000}
