"""Distances between a rep and a customer, for check-ins and the card."""

from __future__ import annotations

import math

from handlers.kit.turn import Turn
from storage.models import Customer

LAST_LOCATION = "last_location"


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine); plenty for "how far from the customer"."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def distance_line(turn: Turn, customer: Customer) -> str | None:
    """距你 1.2 公里, when both the customer and the rep's last shared location are known."""
    last = (turn.context.user_data or {}).get(LAST_LOCATION)
    if customer.latitude is None or customer.longitude is None or not isinstance(last, dict):
        return None
    km = distance_km(last["lat"], last["lon"], customer.latitude, customer.longitude)
    return turn._("📍 距你 {km} 公里", km=f"{km:.1f}")
