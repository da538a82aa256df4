"""storage.activities.of_customer: any record about a customer's contacts (OfContact) read for
the customer — its conditions, order and limit — with no query of the kind's own."""

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from storage.activities import add_itinerary, of_customer, upcoming_itineraries
from storage.actor import Actor
from storage.contacts import ContactRepo
from storage.customers import CustomerRepo
from storage.models import Contact, Itinerary
from storage.teams import register_member


async def test_records_of_a_kind_are_read_for_the_customer(session: AsyncSession) -> None:
    member = await register_member(session, telegram_user_id=1, chat_id=1, name="王磊",
                                   username=None, language="zh_Hans",
                                   timezone="Asia/Shanghai")  # fmt: skip
    actor = Actor.of(member)
    customers, contacts = CustomerRepo(session, actor), ContactRepo(session, actor)
    ours, other = await customers.create("华东电力设计院"), await customers.create("万科")
    wang = await contacts.create(ours, name="王建国", salutation="王局长")
    li = await contacts.create(ours, name="李明", salutation="李处长")
    zhang = await contacts.create(other, name="张伟", salutation="张总")
    await add_itinerary(session, actor, wang, "北京", date(2026, 12, 8), date(2026, 12, 10))
    await add_itinerary(session, actor, li, "上海", date(2026, 12, 3), date(2026, 12, 3))
    await add_itinerary(session, actor, li, "南京", date(2026, 11, 20), date(2026, 11, 21))
    await add_itinerary(session, actor, zhang, "深圳", date(2026, 12, 5), date(2026, 12, 5))

    upcoming = await of_customer(session, ours, Itinerary, Itinerary.ends_on >= date(2026, 12, 2),
                                 order_by=[Itinerary.starts_on])  # fmt: skip
    assert [(trip.place, who.name) for trip, who in upcoming] == [
        ("上海", "李明"),
        ("北京", "王建国"),
    ]
    # the same rows as the card's prebuilt reading
    card = await upcoming_itineraries(session, ours, date(2026, 12, 2))
    assert [trip.id for trip, _ in card] == [trip.id for trip, _ in upcoming]

    await contacts.delete(li)
    newest = await of_customer(session, ours, Itinerary, Contact.deleted_at.is_(None),
                               order_by=[Itinerary.starts_on.desc()], limit=1)  # fmt: skip
    assert [trip.place for trip, _ in newest] == ["北京"]
