"""Visit check-in: a shared location becomes a visit, with the time, on the customer chosen.

During a guided visit the location is attached to that visit instead. A customer's first
check-in location is remembered, and later ones say how far the rep is from it. At a
customer's remembered place (within CHECKIN_RADIUS_KM, and no other customer's) the customer
is taken without asking; a second check-in at the same customer within SAME_VISIT is the
visit already recorded, not another one.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.orm.attributes import flag_modified
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from handlers.customers import callbacks
from handlers.customers.geo import LAST_LOCATION, distance_km
from handlers.kit import starts
from handlers.kit.callback_data import callback_id
from handlers.kit.keyboards import inline
from handlers.kit.pending import FLOW_KEY
from handlers.kit.routes import pressed, stale
from handlers.kit.turn import Turn, member_turn
from storage.activities import log_interaction, visit_since
from storage.customers import CustomerRepo
from storage.models import Customer, Draft, InteractionKind
from storage.push_buttons import view_customer

NEARBY_CHOICES = 6
# At the customer's remembered place: a shared position this close to it is that customer.
CHECKIN_RADIUS_KM = 0.3
# A check-in this soon after a visit to the same customer is that visit again.
SAME_VISIT = timedelta(hours=2)


def _km(lat: float, lon: float, customer: Customer) -> float:
    if customer.latitude is None or customer.longitude is None:
        return 1e9
    return distance_km(lat, lon, customer.latitude, customer.longitude)


@member_turn
async def location(turn: Turn) -> None:
    _ = turn._
    message = turn.update.effective_message
    assert message is not None and message.location is not None
    lat, lon = message.location.latitude, message.location.longitude
    user_data = turn.context.user_data
    assert user_data is not None
    user_data[LAST_LOCATION] = {"lat": lat, "lon": lon, "at": datetime.now(UTC).isoformat()}
    flow = user_data.get(FLOW_KEY)
    if isinstance(flow, dict) and flow.get("name") == "visit":
        flow["answers"].update(latitude=lat, longitude=lon)
        turn.say(_("📍 位置已附在这次拜访上,请接着回答上面的问题。"))
        return
    customers = list(await CustomerRepo(turn.session, turn.actor).page(0, 50))
    # Nearest first where the customer's place is known, then the recently contacted.
    customers.sort(key=lambda c: _km(lat, lon, c))
    if not customers:
        turn.say(_("📍 收到位置。还没有客户档案,先发 /customer 客户名 建档,再签到。"))
        return
    here = [c for c in customers if _km(lat, lon, c) <= CHECKIN_RADIUS_KM]
    if len(here) == 1:  # at this customer's place and no other's: nothing to ask
        await _check_in(turn, here[0], lat, lon, datetime.now(UTC))
        return
    draft = Draft(
        member_id=turn.member.id,
        kind="checkin",
        payload={"lat": lat, "lon": lon, "at": datetime.now(UTC).isoformat()},
    )
    turn.session.add(draft)
    await turn.session.flush()
    rows = [
        [(f"🏢 {c.name}", callbacks.checkin(draft.id, c.id))] for c in customers[:NEARBY_CHOICES]
    ]
    rows.append([(_("❌ 取消"), callbacks.checkin(draft.id))])
    turn.say(_("📍 在哪个客户这里?选一个,我记为一次拜访签到。"), inline(rows))


@member_turn
async def checkin_button(turn: Turn) -> None:
    _ = turn._
    found = callbacks.CHECKIN.match(pressed(turn))
    draft_id = callback_id(found.group(1)) if found else None
    customer_id = callback_id(found.group(2)) if found else None
    if draft_id is None or customer_id is None:
        stale(turn)
        return
    draft = await turn.session.get(Draft, draft_id)
    if draft is None or draft.member_id != turn.member.id or draft.kind != "checkin":
        turn.answer(_("这条记录已经处理过了。"), alert=True)
        return
    await turn.session.delete(draft)
    if customer_id == 0:
        turn.edit(_("好的,没有签到。"))
        return
    customer = await CustomerRepo(turn.session, turn.actor).get(customer_id)
    if customer is None:
        turn.answer(_("找不到这个客户,或你没有权限查看。"), alert=True)
        return
    lat, lon = float(draft.payload["lat"]), float(draft.payload["lon"])
    await _check_in(turn, customer, lat, lon, datetime.fromisoformat(draft.payload["at"]))


async def _check_in(turn: Turn, customer: Customer, lat: float, lon: float, at: datetime) -> None:
    """The visit at ``customer``, unless the rep's visit there of the last two hours is it."""
    _ = turn._
    earlier = await visit_since(turn.session, turn.actor, customer, at - SAME_VISIT)
    if earlier is not None:
        # within two hours: the time says it, unless only the day was said (今天拜访了…)
        when = f"{turn.local(earlier.occurred_at):%H:%M}" if earlier.timed else _("今天")
        turn.edit(
            _(
                "ℹ️ 「{customer}」这次拜访 {when} 已经记过了,没有重复记录。",
                customer=customer.name,
                when=when,
            ),
            inline([[(_("🏢 查看客户"), view_customer(customer.id))]]),
        )
        return
    visit = await log_interaction(
        turn.session,
        turn.actor,
        customer,
        InteractionKind.VISIT,
        at,
        # nothing typed: what the rep did is the record's words, until 写拜访纪要 adds theirs
        summary=_("现场签到"),
        note=_("现场签到"),
        latitude=lat,
        longitude=lon,
    )
    lines = [_("✅ 已签到:「{customer}」拜访", customer=customer.name)]
    if customer.latitude is None or customer.longitude is None:
        customer.latitude, customer.longitude = lat, lon
        flag_modified(customer, "latitude")
        lines.append(_("📍 已记住这个客户的位置。"))
    else:
        km = distance_km(lat, lon, customer.latitude, customer.longitude)
        lines.append(_("📍 距客户登记位置 {km} 公里", km=f"{km:.1f}"))
    turn.edit(
        "\n".join(lines),
        inline(
            [
                [
                    (_("📝 写拜访纪要"), starts.visit_summary(visit.id, customer.id)),
                    (_("🏢 查看客户"), view_customer(customer.id)),
                ]
            ]
        ),
    )


def checkin_handlers() -> list[object]:
    return [
        MessageHandler(filters.LOCATION, location),
        CallbackQueryHandler(checkin_button, pattern=callbacks.CHECKIN_PATTERN),
    ]
