"""A business card (名片) read from its OCR lines into the facts of one contact.

    >>> lines = [CardLine("华东电力设计院有限公司", 60, 60, 430, 100),
    ...          CardLine("王建国", 60, 160, 240, 230), CardLine("副局长", 300, 185, 400, 220),
    ...          CardLine("手机:138 1234 5678", 60, 280, 330, 310),
    ...          CardLine("传真:021-6234 5679", 60, 370, 330, 400)]
    >>> card = read_card(lines)
    >>> card.company, card.name, card.title, card.salutation, card.mobiles, card.faxes
    ('华东电力设计院有限公司', '王建国', '副局长', '王局长', ['13812345678'], ['02162345679'])

Pure: lines in (text and box, as any OCR gives them), facts out. Phones are read by the note
parser's libphonenumber reader (mainland national digits, else E.164, ";ext=N" for 转 8012);
titles, surnames and company suffixes come from the same word lists as notes, so a card and
a note name a person and a company the same way. Traditional cards are folded one character
for one, and every fact is returned in Simplified characters, like a note's.

Layout cues: the name is the tallest line that looks like a Chinese name (or, on a card with
no Chinese name, a Latin one); a label (手机 / M / Tel / 传真 / Fax / E-mail / 地址 …) decides what
its numbers are; a line with a legal suffix (有限公司, 研究院, Co., Ltd.) is the company.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from parsing.notes._company import _SUFFIXES
from parsing.notes._lexicon import COMPOUND_SURNAMES, SURNAMES, TITLE_RE, TITLES, title_info
from parsing.notes._phones import find_phones
from parsing.text import normalize

__all__ = ["CardFacts", "CardLine", "read_card"]


@dataclass(frozen=True)
class CardLine:
    """One line of text the OCR found, with its box in pixels (left, top, right, bottom)."""

    text: str
    left: float = 0.0
    top: float = 0.0
    right: float = 0.0
    bottom: float = 0.0
    score: float = 1.0

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class CardFacts:
    """What one card says about one person and their company; empty where it says nothing."""

    company: str | None = None
    name: str | None = None
    surname: str | None = None
    title: str | None = None
    salutation: str | None = None
    latin_name: str | None = None
    mobiles: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)  # office lines, extensions as ";ext=N"
    faxes: list[str] = field(default_factory=list)
    email: str | None = None
    wechat: str | None = None
    address: str | None = None
    website: str | None = None

    def person(self) -> str | None:
        return self.name or self.latin_name

    def is_key_leader(self) -> bool:
        """Whether the title marks a key leader (副总经理, 院长), by the table notes use, so a
        photographed card and the same card pasted as text agree."""
        core = _title_core(self.title) if self.title else None
        info = title_info(core) if core else None
        return bool(info and info.key)

    def is_card(self) -> bool:
        """A person or a company, and a way to reach them: what makes a card a card."""
        reach = self.mobiles or self.phones or self.email or self.wechat or self.faxes
        return bool((self.person() or self.company) and (reach or self.address))


# -- labels ---------------------------------------------------------------------------------

_KINDS = {
    "mobile": r"手机号?|移动电话|mobile(?:\s*phone)?|mob|cell(?:phone)?|m|手机/微信",
    "phone": r"电话|座机|办公电话|总机|直线|固话|tel(?:ephone)?|phone|office|t|p|o|dir",
    "fax": r"传真|傅真|fax|f",  # 傅真: OCR's usual misreading of 傳真
    "email": r"电子邮件|电子邮箱|邮箱|邮件|e-?mail|mail|e",
    "wechat": r"微信号?|wechat|weixin|wx",
    "address": r"公司地址|通讯地址|办公地址|地址|地点|address|addr|add|a",
    "website": r"公司网址|网址|网站|主页|web(?:site)?|url|w",
    "postcode": r"邮编|邮政编码|post\s*code|zip",
    "qq": r"qq",
}
# A label starts its line or follows a space; a one-letter label needs its colon.
_LABEL = re.compile(
    r"(?:^|(?<=[\s|/]))(?:"
    + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _KINDS.items())
    + r")(?:\s*[::.]\s*|\s+(?=[+\d(]))",
    re.IGNORECASE,
)

_EMAIL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_WEBSITE = re.compile(
    r"(?<![@\w.])(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org|hk|tw|"
    r"gov|edu|co|io|sg|my|info|biz)(?:\.[a-z]{2})?(?:/[\w./-]*)?(?![\w@])",
    re.IGNORECASE,
)
_WECHAT_ID = re.compile(r"[A-Za-z][-_A-Za-z0-9]{5,19}")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LATIN_NAME = re.compile(r"^(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?[A-Z][a-z]+(?:[\s-]?[A-Z][a-z]+){1,2}$")
_LATIN_JOB = re.compile(
    r"(?a:\b)(?:manager|director|engineer|president|chairman|head|officer|sales|senior|chief|"
    r"assistant|consultant|executive|general|deputy|vice|purchasing|marketing|representative|"
    r"specialist|supervisor|secretary|partner|founder|professor|doctor|department)(?a:\b)",
    re.IGNORECASE,
)
_LATIN_COMPANY = re.compile(
    r"(?a:\b)(?:co\.?,?\s*ltd|company|corporation|corp|inc|limited|ltd|group|institute|"
    r"university|hospital|bank|llc|gmbh|plc)(?a:\b)",
    re.IGNORECASE,
)
_ADDRESS_WORDS = re.compile(
    r"[省市区县镇乡]|路|街|道|大道|号|大厦|大楼|广场|园区|中心|层|室|楼|栋|座"
)
_ADDRESS_START = re.compile(r"^(?:中国)?[\u4e00-\u9fff]{2,3}(?:省|市|自治区)")
_COMPANY_END = re.compile(
    "(?:" + "|".join(sorted(map(re.escape, _SUFFIXES), key=len, reverse=True)) + r")(?:[((].*)?$"
)
_STRONG_COMPANY = re.compile(
    r"有限公司|有限责任公司|股份公司|集团|研究院|设计院|研究所|事务所|医院|大学|学院|银行|"
    r"管理局|委员会|政府|中心$|局$|厅$|厂$|公司$"
)
_MODIFIER = re.compile(r"(?:高级|资深|首席|常务|执行|区域|大客户|客户|销售|技术|市场)+$")
_DEPARTMENT = re.compile(r"(?:部|处|科|室|中心|事业部|办公室)$")
_NOISE = re.compile(r"[\s·•|,,、。.::;;_~\-—()()\[\]【】「」'\"“”‘’*#]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SLOGAN = re.compile(r"[!!]|服务|专业|诚信|品质|创新|值得信赖|您的|欢迎|扫一扫|扫码|二维码")


def _ascii(text: str) -> str:
    """Full-width letters and digits as ASCII, one character for one (case kept)."""
    return "".join(
        unicodedata.normalize("NFKC", ch) if 0xFF01 <= ord(ch) <= 0xFF5E else ch for ch in text
    )


def _fold(text: str) -> str:
    """Simplified, ASCII digits and punctuation, case kept: what the facts are taken from."""
    folded = normalize(text)
    return "".join(
        o if o.isascii() and o.isalpha() else f for o, f in zip(_ascii(text), folded, strict=True)
    )


def _compact(text: str) -> str:
    return _NOISE.sub("", text)


@dataclass
class _Segment:
    kind: str | None  # a label's kind, or None for text before any label
    text: str
    line: int


def _segments(index: int, text: str) -> list[_Segment]:
    """A line cut at its labels: 电话:021-… 传真:021-… is two segments."""
    out: list[_Segment] = []
    last, kind = 0, None
    for m in _LABEL.finditer(text):
        kind_here = next(k for k, v in m.groupdict().items() if v is not None)
        label = m.group(0)
        letter = re.sub(r"[\s::.]", "", label).lower()
        if len(letter) == 1 and letter not in "mtfp" and not re.search(r"[::.]", label):
            continue  # M 138… and F 021… are labels; A, E, W, O only with their colon
        if m.start() > last or kind is not None:
            out.append(_Segment(kind, text[last : m.start()], index))
        last, kind = m.end(), kind_here
    out.append(_Segment(kind, text[last:], index))
    return [s for s in out if s.text.strip() or s.kind is not None]


_HOTLINE = re.compile(r"(?<!\d)([48]00)[\s-]?(\d{3})[\s-]?(\d{4})(?!\d)")


def _phones_in(text: str) -> list[str]:
    digits_only = re.sub(r"(?<=\d)[oO](?=\d)", "0", text)  # OCR's O for 0 inside a number
    # 400-820-8820: a nationwide hotline, printed on many cards (libphonenumber's reader,
    # which wants an area code's shape, passes it by).
    hotlines = ["".join(m.groups()) for m in _HOTLINE.finditer(digits_only)]
    digits_only = _HOTLINE.sub(lambda m: " " * len(m.group(0)), digits_only)
    found = find_phones(digits_only, digits_only, [True] * len(digits_only))
    return [p.number for p in found] + hotlines


def _is_company(text: str) -> bool:
    compact = _compact(text)
    if len(compact) < 4 or not _CJK.search(compact):
        return False
    if (
        _ADDRESS_START.match(compact)
        and _ADDRESS_WORDS.search(compact[3:])
        and "公司" not in compact
    ):
        return False
    return bool(_COMPANY_END.search(compact) and _STRONG_COMPANY.search(compact))


def _surname_of(name: str) -> str | None:
    if name[:2] in COMPOUND_SURNAMES and len(name) >= 3:
        return name[:2]
    return name[0] if name[0] in SURNAMES else None


def _name_and_title(text: str) -> tuple[str, str | None] | None:
    """王建国 / 王 建 国 / 王建国 副局长 / 王建国(销售总监): a Chinese name, and a title after it."""
    words = text.split()
    if len(words) >= 2 and _name_and_title(words[0]) == (_compact(words[0]), None):
        rest = _title_line(" ".join(words[1:]))
        if rest is not None:
            return _compact(words[0]), rest
    compact = _compact(_cjk_part(text))
    title = None
    m = next((m for m in TITLE_RE.finditer(compact) if m.group(0) in TITLES), None)
    if m is not None and m.start() >= 2:
        head, title = compact[: m.start()], compact[m.start() :]
        modifier = _MODIFIER.search(head)
        if modifier is not None and modifier.start() >= 2:
            head, title = head[: modifier.start()], modifier.group(0) + title
        # 王建国 销售部 经理: the department stays with the title.
        while head and len(head) > 3 and _surname_of(head) is not None:
            dept = re.search(r"[\u4e00-\u9fff]{2,5}(?:部|处|科|室|中心)$", head)
            if dept is None:
                break
            head, title = head[: dept.start()], head[dept.start() :] + title
        compact = head
    if not 2 <= len(compact) <= 4 or not all(_CJK.match(ch) for ch in compact):
        return None
    if _surname_of(compact) is None:
        return None
    return compact, title


def _cjk_part(text: str) -> str:
    """采购部经理 Purchasing Manager → 采购部经理: a bilingual line's Chinese."""
    if not _CJK.search(text):
        return text
    m = re.search(r"\s*[A-Za-z][A-Za-z .,&'-]*$", text)
    return text[: m.start()] if m is not None and m.start() > 0 else text


def _title_line(text: str) -> str | None:
    compact = _compact(_cjk_part(text))
    if not compact or len(compact) > 16 or not _CJK.search(compact):
        return None
    if not compact.endswith(("代表", "顾问", "专员", "总监")):
        last = [m for m in TITLE_RE.finditer(compact) if m.group(0) in TITLES]
        if not last or last[-1].end() != len(compact):
            return None  # 总经理办公室 is a department, not a title
    if _is_company(compact) and not _DEPARTMENT.search(compact[: -len("经理")] or "x"):
        return None
    return compact


def _title_core(title: str) -> str | None:
    found = [m.group(0) for m in TITLE_RE.finditer(title)]
    for word in reversed(found):
        if title_info(word) is not None:
            return word
    return None


def _salutation(surname: str | None, title: str | None) -> str | None:
    if not surname or not title:
        return None
    core = _title_core(title)
    info = title_info(core) if core else None
    if info is None or not info.address:  # (采购负责人: a title no one is addressed by)
        return None
    # 高级工程师 is 王工, 销售总监 is 王总; a title the table does not know makes none.
    return surname + info.address


_POSTCODE = re.compile(r"[((]?\s*(?:邮编|邮政编码|post\s*code|zip)[::\s]*\d{5,6}\s*[))]?", re.I)


def _clean_address(text: str) -> str:
    text = _POSTCODE.sub("", text)
    text = re.sub(r"^[\s::,,]+|[\s::,,]+$", "", _fold(text))
    return re.sub(r"\s+", "", text) if _CJK.search(text) else " ".join(text.split())


def _clean_company(text: str) -> str:
    compact = _compact(_fold(text))
    if _CJK.search(compact):
        return compact
    return " ".join(re.sub(r",\s*", ", ", _fold(text)).split())


def read_card(lines: list[CardLine]) -> CardFacts:
    """The facts of a card from its OCR lines (any order; sorted top to bottom here)."""
    ordered = sorted(
        (line for line in lines if line.text.strip()), key=lambda x: (round(x.top / 8), x.left)
    )
    texts = [_fold(line.text) for line in ordered]
    card = CardFacts()
    used: set[int] = set()

    # 1. Labelled segments and what can be recognised anywhere (emails, websites, phones).
    for index, text in enumerate(texts):
        for segment in _segments(index, text):
            _read_segment(card, segment, used)

    # 2. The company: a line with a legal suffix (the Chinese one first).
    companies = [i for i, t in enumerate(texts) if i not in used and _is_company(t)]
    if companies:
        first = min(companies, key=lambda i: (not _CJK.search(texts[i]), i))
        card.company = _clean_company(texts[first])
        used.add(first)
    else:
        latin = [
            i for i, t in enumerate(texts) if i not in used and _LATIN_COMPANY.search(t) is not None
        ]
        if latin:
            card.company = _clean_company(texts[latin[0]])
            used.add(latin[0])

    # 3. The name: the tallest line that reads as a Chinese name.
    names = []
    for i, text in enumerate(texts):
        if i in used:
            continue
        found = _name_and_title(text)
        if found is not None:
            names.append((ordered[i].height, -i, i, found))
    if names:
        _, _, i, (name, title) = max(names)
        card.name, card.surname = name, _surname_of(name)
        if title:
            card.title = title
        used.add(i)
    latins = [
        (ordered[i].height, i)
        for i, t in enumerate(texts)
        if i not in used and _LATIN_NAME.match(t.strip()) and not _LATIN_JOB.search(t)
    ]
    if latins:
        _, i = max(latins)
        spelled = re.sub(r"^(?:Mr|Ms|Mrs|Dr)\.?\s+", "", texts[i].strip())
        card.latin_name = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", spelled)  # OCR's JingWu
        used.add(i)

    # 4. The title: on the name's line, else a short line with a title word near the name.
    if card.title is None:
        titles = [(i, t) for i, t in enumerate(texts) if i not in used and _title_line(t)]
        if titles:
            i, text = titles[0]
            card.title = _title_line(text)
            used.add(i)
    card.salutation = _salutation(card.surname, card.title)

    # 5. An unlabelled address: a Chinese line of place words that is nothing else.
    if card.address is None:
        for i, text in enumerate(texts):
            compact = _compact(text)
            if i in used or len(compact) < 8 or not _CJK.search(compact):
                continue
            if _SLOGAN.search(compact):
                continue
            places = len(_ADDRESS_WORDS.findall(compact))
            if places >= 2 and (_ADDRESS_START.match(compact) or re.search(r"\d+号", compact)):
                card.address = _clean_address(text)
                used.add(i)
                break
    return card


def _add(items: list[str], value: str) -> None:
    if value not in items:
        items.append(value)


def _read_segment(card: CardFacts, segment: _Segment, used: set[int]) -> None:
    text, kind = segment.text, segment.kind
    if kind in ("postcode", "qq"):
        used.add(segment.line)
        return
    emails = _EMAIL.findall(text)
    if emails or kind == "email":
        if emails and card.email is None:
            card.email = emails[0].lower()
        used.add(segment.line)
        return
    if kind == "address":
        if card.address is None and text.strip():
            card.address = _clean_address(text)
        used.add(segment.line)
        return
    if kind == "wechat":
        wechat = _WECHAT_ID.search(text)
        phones = _phones_in(text)
        if card.wechat is None:
            if wechat is not None:
                card.wechat = wechat.group(0)
            elif phones:
                card.wechat = phones[0].split(";")[0]
        used.add(segment.line)
        return
    site = _WEBSITE.search(text)
    if kind == "website" or (site is not None and not _CJK.search(text)):
        if site is not None and card.website is None:
            card.website = site.group(0).lower()
        used.add(segment.line)
        if kind == "website":
            return
    phones = _phones_in(text)
    if not phones:
        return
    used.add(segment.line)
    for number in phones:
        if kind == "fax":
            _add(card.faxes, number)
        elif kind == "mobile" or (kind is None and _MOBILE.match(number)):
            _add(card.mobiles, number)
        elif _MOBILE.match(number) and kind == "phone":
            _add(card.mobiles, number)  # a mobile under 电话 is still a mobile
        else:
            _add(card.phones, number)
