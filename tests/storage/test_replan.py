"""The replan marker reads every model's columns, unless the model opts out."""

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.orm import Session

from storage.engine import session_factory
from storage.models import Draft, FollowUp, Itinerary, ReminderOutbox
from storage.replan import ReplanSession, touched


def test_every_model_is_read_by_its_columns_unless_it_opts_out() -> None:
    session = Session()
    now = datetime(2026, 12, 1, tzinfo=UTC)
    session.add(FollowUp(member_id=1, customer_id=2, due_date=now.date(), text="报价"))
    session.add(Itinerary(contact_id=3, place="北京", starts_on=now.date(), ends_on=now.date()))
    session.add(Draft(member_id=4, kind="note", text="…"))
    session.add(ReminderOutbox(member_id=5, kind="digest", dedupe_key="k", due_at=now))
    assert touched(session) == ({1}, {2}, {3})


def test_the_session_factory_makes_replanning_sessions() -> None:
    engine = create_async_engine("sqlite+aiosqlite://")
    assert session_factory(engine)().sync_session_class is ReplanSession
