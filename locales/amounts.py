"""Money the Chinese way: 120万, 1.2亿, 8.5万, 5000元; another currency with its code.

Below handlers/ and scheduler/ because both show deal amounts (the card, the digest).
"""

from __future__ import annotations

from decimal import Decimal


def _units(value: Decimal, unit: str) -> str:
    text = f"{value.quantize(Decimal('0.01')):f}".rstrip("0").rstrip(".")
    return f"{text}{unit}"


def amount_text(amount: int, currency: str = "CNY") -> str:
    """120万, 1.2亿, 8.5万, 5000元; another currency with its code: 35万 USD."""
    value = Decimal(amount)
    if abs(amount) >= 100_000_000:
        text = _units(value / 100_000_000, "亿")
    elif abs(amount) >= 10_000:
        text = _units(value / 10_000, "万")
    else:
        text = f"{amount}" + ("元" if currency == "CNY" else "")
    return text if currency == "CNY" else f"{text} {currency}"
