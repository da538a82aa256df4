"""An amount typed as an answer (/deal's 金额 step, 💰 已回款): 120万, 1.2亿, 8.5w, 50000, 50,000元,
三十万, 35万美元, USD 350k. The note reader (parsing/notes/_deals.py) finds amounts inside a
sentence; here the whole answer is the amount, so a bare number counts too."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from parsing.numerals import cn_to_int

_PREFIX = {
    "HK$": "HKD", "HKD": "HKD", "港币": "HKD", "港元": "HKD",
    "NT$": "TWD", "TWD": "TWD", "新台币": "TWD", "台币": "TWD",
    "S$": "SGD", "SGD": "SGD", "新币": "SGD", "新加坡元": "SGD",
    "RM": "MYR", "MYR": "MYR", "马币": "MYR",
    "US$": "USD", "$": "USD", "USD": "USD", "美元": "USD", "美金": "USD",
    "EUR": "EUR", "€": "EUR", "欧元": "EUR",
    "RMB": "CNY", "CNY": "CNY", "¥": "CNY", "￥": "CNY", "人民币": "CNY", "元": "CNY", "块": "CNY",
}  # fmt: skip
_SCALE = {"亿": 10**8, "万": 10**4, "w": 10**4, "k": 10**3, "千": 10**3, "m": 10**6}
_WORDS = "|".join(sorted((re.escape(w) for w in _PREFIX), key=len, reverse=True))
_AMOUNT = re.compile(
    rf"^\s*(?P<pre>{_WORDS})?\s*"
    rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"
    rf"\s*(?P<unit>亿|万元?|[wWkKmM]|千)?\s*(?P<post>{_WORDS})?\s*$"
)
LIMIT = 10**15  # larger than any deal (and than a BIGINT would hold in fen)


@dataclass(frozen=True)
class Amount:
    value: int  # whole units of the currency
    currency: str | None  # None: the answer named none (the team's currency applies)


def read_amount(text: str) -> Amount | None:
    """The amount the answer is, or None when it is not one amount."""
    found = _AMOUNT.match(text.replace("，", ",").replace("．", "."))
    if found is None or (found["pre"] and found["post"] and found["post"] not in ("元", "块")):
        return None
    digits = found["num"].replace(",", "")
    if not digits[0].isdigit():
        spoken = cn_to_int(digits)  # 三十万: the Chinese numeral, then its unit
        digits = str(spoken) if spoken is not None else ""
    try:
        number = Decimal(digits)
    except InvalidOperation:
        return None
    unit = (found["unit"] or "").removesuffix("元").lower()
    value = int(number * _SCALE.get(unit, 1))
    if not 0 < value < LIMIT:
        return None
    currency = _PREFIX.get(found["pre"] or "") or _PREFIX.get(found["post"] or "")
    if found["post"] in ("元", "块") and found["pre"]:
        currency = _PREFIX[found["pre"]]  # 港币5000元
    return Amount(value, currency)
