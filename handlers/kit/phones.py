"""Phone numbers as a member reads them: the one formatter every card, echo and export uses.

A number is stored as the note reader keeps it (parsing/notes/_phones.py): a Mainland one as
its national digits (13812345678, 02584563210), any other in E.164 (+85291234567), an
extension after ";ext=". It is shown by libphonenumber the way the team's region writes it
when it is the region's own (138 1234 5678, 025-8456 3210 for a Shanghai team; 9123 4567
for a Hong Kong one), with its country code otherwise (+852 9123 4567), the extension as
转 8012. The team's region is its time zone's (/teamsettings 🌏 时区, which every member's
clock follows: `Turn.region`). What does not read as a number (a 总机 typed as words) is
shown as typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import phonenumbers

from locales import Translator

MAINLAND = "CN"
# The zones a team can be in (/teamsettings) and their regions; any other zone is Mainland's.
_REGIONS = {
    "Asia/Hong_Kong": "HK",
    "Asia/Macau": "MO",
    "Asia/Taipei": "TW",
    "Asia/Singapore": "SG",
    "Asia/Kuala_Lumpur": "MY",
    "Asia/Kuching": "MY",
}
# A stored number, or one typed alone (021-63210000, +852 9123 4567): never words around it.
_NUMBER = re.compile(r"^\+?[\d\s()-]{5,}(?:;ext=\d{1,6})?$")
_SEPARATOR = "、"


def region_of(timezone: str) -> str:
    """The region whose numbers need no country code: Asia/Hong_Kong → HK, else CN."""
    return _REGIONS.get(timezone, MAINLAND)


def shown_phone(_: Translator, number: str, region: str) -> str:
    """One stored number as the member reads it: 025-8456 3210 转 8012, +852 9123 4567."""
    if not _NUMBER.match(number.strip()):
        return number
    try:
        parsed = phonenumbers.parse(number.strip(), MAINLAND)  # kept without +86: Mainland
    except phonenumbers.NumberParseException:
        return number
    if not phonenumbers.is_valid_number(parsed):
        return number
    extension, parsed.extension = parsed.extension, None
    if phonenumbers.region_code_for_number(parsed) == region:
        said = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
        if region == MAINLAND and said.startswith("0"):
            said = said.replace(" ", "-", 1)  # 025-8456 3210: the area code, as China writes it
    else:
        said = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return _("{number} 转 {extension}", number=said, extension=extension) if extension else said


def shown_phones(_: Translator, numbers: Iterable[str] | str | None, region: str) -> str:
    """Several numbers (a contact's list, or a 总机 kept as "a、b"), each shown, joined by 、."""
    if not numbers:
        return ""
    items = numbers.split(_SEPARATOR) if isinstance(numbers, str) else numbers
    return _SEPARATOR.join(shown_phone(_, item, region) for item in items)
