"""Phone numbers in a note, checked and normalised by Google's libphonenumber (phonenumbers).

Mainland numbers are kept as their national digits (13812345678, 02584563210), as reps dial
them; every other number in E.164 (+85291234567, +886912345678, +6591234567, +60123456789).
An extension (转 8012, 分机 1234, 内线 305, ext. 12) is appended as ";ext=8012".

A number without a country code is read as a Mainland one first. Otherwise it is tried in
the regions the note hints at (香港, 台北, 新加坡, 吉隆坡 …, or Traditional script for Hong
Kong and Taiwan); with no hint, it is kept only when exactly one of those regions has it.
Precision first: a quantity, a price or an order number is never a phone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers

from parsing.hanzi import TRADITIONAL

__all__ = ["FoundPhone", "find_phones"]

# Digit groups as numbers are written (+852 9123 4567, (02) 2720-8889, 139-1234-5678).
_CANDIDATE = re.compile(
    r"(?<![\d.A-Za-z])(?:\+\s?\d{1,3}[\s-]?)?(?:\(\s?0?\d{1,4}\s?\)[\s-]?)?\d{1,12}"
    r"(?:[ -]\d{1,8}){0,5}(?!\d|\.\d)"  # (a full stop may end the sentence: phone 138….)
)
_GROUP = re.compile(r"(?:\+\s?\d{1,3}|\(\s?0?\d{1,4}\s?\)|\d+)")
_EXTENSION = re.compile(
    # ((分机 6021) in brackets after the number as well)
    r"\s*\(?\s*(?:转|分机|内线|ext\.?|x|#)\s*(?:号)?\s*(?P<digits>[0-9]{1,6}|[零〇一幺二两三四五六七八九]{1,6})",
    re.IGNORECASE,
)
# 分機 2231，總機 (02) 2268-3466: the extension said first, then the switchboard it is on
_EXT_BEFORE = re.compile(r"(?:分机|内线)\s*(?P<digits>[0-9]{2,6})\s*[,，、]?\s*总机\s*[:：]?\s*\Z")
_DASH_EXTENSION = re.compile(r"-(?P<digits>[0-9]{1,5})(?![0-9.])")
_SPOKEN = str.maketrans("零〇一幺二两三四五六七八九", "0011223456789")
# Where a Latin word starts or ends: \b sees none between 去 and Johor or 的 and HP (both are
# word characters to it), so 去Johor Bahru had hinted at no region.
_EDGE = r"(?:(?<![a-z])(?=[a-z])|(?<=[a-z])(?![a-z]))"
# What the note says about where the number is (folded, Simplified).
_HINTS = {
    "HK": re.compile(rf"香港|港铁|九龙|新界|港岛|{_EDGE}hk{_EDGE}|\+852", re.IGNORECASE),
    "TW": re.compile(rf"台湾|台北|台中|台南|高雄|新竹|桃园|{_EDGE}tw{_EDGE}|\+886", re.IGNORECASE),
    # (HP for a mobile, lah at the end of a remark: how Singapore and Malaysia write)
    # (and the island's places and best-known names a rep writes in English: Jurong, DBS …)
    "SG": re.compile(
        rf"新加坡|狮城|星展|{_EDGE}sg{_EDGE}|singapore|\+65|{_EDGE}hp{_EDGE}|{_EDGE}lah{_EDGE}|"
        rf"{_EDGE}(?:jurong|changi|tampines|sentosa|capitaland|dbs|ocbc|uob|nuh|sgh|psa|singtel|"
        r"singhealth|ntuc|fairprice|starhub|singpost|keppel|sembcorp|sembawang|sia|smrt|hdb|"
        rf"sats|mas){_EDGE}",
        re.IGNORECASE,
    ),
    "MY": re.compile(
        rf"马来西亚|大马|吉隆坡|槟城|新山|{_EDGE}my{_EDGE}|malaysia|\+60|{_EDGE}hp{_EDGE}|{_EDGE}lah{_EDGE}|"
        rf"{_EDGE}(?:petronas|maybank|cimb|sunway|penang|johor|selangor|petaling|klcc|kl|encik|puan|"
        rf"jb|datuk|dato|tnb|ipoh|melaka|sabah|sarawak){_EDGE}|拿督",
        re.IGNORECASE,
    ),
}
_MAINLAND = re.compile(r"^(?:1[3-9]\d{9}|0\d{9,11})$")
_ID_CONTEXT = re.compile(
    r"(?:订单|合同|编号|单号|工号|身份证|账号|帐号|卡号|批号|序列号|流水号|发票|快递|运单|型号|货号|"
    r"编码|代码|po|no|qq)[号码:#\s]*$",  # (QQ：376615209 is a chat account, no phone)
    re.IGNORECASE,
)
# 传真 025-8457 3300, Fax: a card's fax line is no one's phone
_FAX = re.compile(r"(?:传真|(?<![A-Za-z])fax)\s*[:：.]?\s*$", re.IGNORECASE)
_UNIT_AFTER = frozenset("台套件个元块万吨米次份箱只辆张斤号年月日点%")


@dataclass(frozen=True)
class FoundPhone:
    start: int
    end: int
    number: str  # national digits for the Mainland, else E.164; ";ext=N" appended


_TRADITIONAL_ONLY = frozenset(TRADITIONAL)


def _regions(text: str, original: str) -> list[str]:
    hinted = [region for region, hint in _HINTS.items() if hint.search(text)]
    if not hinted and any(ch in _TRADITIONAL_ONLY for ch in original):
        hinted = ["HK", "TW"]  # written in Traditional script
    return hinted


def _normalised(number: phonenumbers.PhoneNumber) -> str:
    if number.country_code == 86:
        national = str(number.national_number)
        is_mobile = national.startswith("1") and len(national) == 11
        return national if is_mobile else "0" + national
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _parse(raw: str, region: str | None, labelled: bool = False) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_valid_number(number):
        return number
    # 座机 0599-7851 0260 on a card: a desk line the metadata does not list yet, kept because
    # the card says it is a phone and its length is one a Mainland landline has
    return number if labelled and phonenumbers.is_possible_number(number) else None


# What says the digits after it are a desk phone (电话：, 座机, Tel:, T:, DID, Office).
_LANDLINE_LABEL = re.compile(
    r"(?:电话|座机|固话|办公电话|办公|(?<![A-Za-z])(?:tel|t|office|direct|did|landline))\s*[:.]?\s*$",
    re.IGNORECASE,
)


def _read(raw: str, regions: list[str], labelled: bool = False) -> phonenumbers.PhoneNumber | None:
    digits = "".join(ch for ch in raw if ch.isdigit())
    if raw.lstrip().startswith("+"):
        return _parse(raw, None)
    if _MAINLAND.match(digits):
        # (016-789 2233 in Penang, (02) 2758-3399 in Taipei: a national 0 abroad, no Mainland line)
        # (and 03-3362 3098 of ten digits is Malaysia's as often: a Mainland desk line kept so
        # has its area code and eight digits)
        desk = labelled and digits.startswith("0") and len(digits) >= 11 and not regions
        found = _parse(digits, "CN", desk)
        if found is not None:
            return found
    if len(digits) < 8:
        return None
    tried = regions or list(_HINTS)
    valid = [n for n in (_parse(raw, region) for region in tried) if n is not None]
    if regions:
        return valid[0] if valid else None
    # No hint: only a number that just one region has (9123 4567 is both HK and SG).
    return valid[0] if len({phonenumbers.region_code_for_number(n) for n in valid}) == 1 else None


def _desk_line_then_extension(text: str, groups: list[tuple[int, int]], i: int, j: int) -> bool:
    """Whether groups i..j are a Mainland desk line (0 and its area code) and, after a dash,
    an extension of up to five digits."""
    last_a, last_b = groups[j]
    before = groups[j - 1][1]
    if last_b - last_a > 5 or text[before:last_a].strip() != "-":
        return False
    line = _read(text[groups[i][0] : before], [])
    return (
        line is not None
        and phonenumbers.region_code_for_number(line) == "CN"
        and text[groups[i][0]] == "0"
    )


def _numbers_in(text: str, a: int, b: int, regions: list[str]) -> list[tuple[int, int, str]]:
    """The numbers in one run of digit groups: the whole run, else the longest valid runs of
    its groups from left to right (two numbers written side by side)."""
    groups = [m.span() for m in _GROUP.finditer(text, a, b)]
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(groups):
        for j in range(len(groups) - 1, i - 1, -1):
            start, end = groups[i][0], groups[j][1]
            raw = text[start:end]
            if sum(ch.isdigit() for ch in raw) < 7:
                continue
            labelled = _LANDLINE_LABEL.search(text, max(0, start - 8), start) is not None
            number = _read(raw, regions, labelled)
            if number is not None and j > i and _desk_line_then_extension(text, groups, i, j):
                continue  # 029-88624417-215: a Mainland desk line and its extension, no +886
            if number is not None:
                out.append((start, end, _normalised(number)))
                i = j + 1
                break
        else:
            i += 1
    return out


def find_phones(text: str, original: str, free: list[bool]) -> list[FoundPhone]:
    """Phone numbers of the folded ``text`` (``original`` as typed), outside used spans."""
    regions = _regions(text, original)
    out: list[FoundPhone] = []
    for m in _CANDIDATE.finditer(text):
        if not all(free[m.start() : m.end()]):
            continue
        for a, b, found in _numbers_in(text, m.start(), m.end(), regions):
            if _ID_CONTEXT.search(text[max(0, a - 8) : a]) or _FAX.search(text, max(0, a - 8), a):
                continue
            if b < len(text) and text[b] in _UNIT_AFTER:
                continue
            ext = _EXTENSION.match(text, b)
            if ext is None and not found.startswith("1"):
                ext = _DASH_EXTENSION.match(text, b)  # 025-84563210-8012: a desk line's extension
            if ext is not None:
                found += ";ext=" + ext["digits"].translate(_SPOKEN)
                b = ext.end()
            elif (said := _EXT_BEFORE.search(text, max(0, a - 16), a)) is not None:
                found += ";ext=" + said["digits"]  # 分機 2231，總機 (02) 2268-3466 (Taiwan)
            out.append(FoundPhone(a, b, found))
    kept = [p for i, p in enumerate(out) if not _corrected_by(text, p, out[i + 1 : i + 2])]
    return [_tail_corrected(text, p, kept) for p in kept]


# 电话13812345678,说错了,是13812345679: the number said again at once, corrected
_NUMBER_CORRECTED = re.compile(
    r"[ ,]*(?:[哦噢呃嗯啊哎诶欸][ ,]*)?(?:不对|说错了|讲错了|写错了|打错了|更正一下|更正|错了|不是)[ ,:]*(?:应该是|是)?[ ,:]*"
)


# 138 0510 7766（名片印错了，他说尾号是7676）, 幺五八…零零九幺 不对不对 尾号是零零幺九, 后四位不对
# 是八六三六: the number's last digits said again, corrected
_TAIL_FIXED = re.compile(
    r"(?:尾号|尾数|后四位|后4位|最后四位|后面四位)[^0-9零〇一幺二两三四五六七八九\n]{0,6}?"
    r"(?:应该是|是|为|改成)\s*(?P<d>[0-9]{3,4}|[零〇一幺二两三四五六七八九]{3,4})(?![0-9])"
)
_FIX_WORD = re.compile(r"不对|错|更正|纠正")
_TAIL_REACH = 40


def _tail_corrected(text: str, phone: FoundPhone, found: list[FoundPhone]) -> FoundPhone:
    if ";" in phone.number:
        return phone
    stop = min([phone.end + _TAIL_REACH] + [p.start for p in found if p.start > phone.start])
    fixed = _TAIL_FIXED.search(text, phone.end, stop)
    if fixed is None or not _FIX_WORD.search(text, phone.end, fixed.end()):
        return phone
    digits = fixed["d"].translate(_SPOKEN)
    return FoundPhone(phone.start, phone.end, phone.number[: -len(digits)] + digits)


def _corrected_by(text: str, phone: FoundPhone, after: list[FoundPhone]) -> bool:
    return bool(after) and _NUMBER_CORRECTED.fullmatch(text, phone.end, after[0].start) is not None
