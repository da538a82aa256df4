"""A rep's free-text note read into facts: company, contacts, interaction, follow-ups, trips.

    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> now = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))  # a Monday
    >>> note = parse_note("今天拜访了华东电力设计院的王建国局长,他下周二到周四在北京开会,"
    ...                   "生日是农历三月初八,喜欢话剧。下周五再跟进报价", now)
    >>> note.company, note.contacts[0].salutation, note.follow_ups[0].due.isoformat()
    ('华东电力设计院', '王局长', '2026-12-04')

Pure: no I/O, no clock (``now`` is an argument), nothing outside ``parsing``. Reps type
run-on text without punctuation, with emoji, typos, full-width digits and Traditional
characters; the note is folded (one character for one, see ``_fold``) so every fact is
returned in Simplified characters with ASCII digits.

Voice dictation, pasted business cards and WeChat chats, Cantonese and English words are
folded into the same Mandarin a rep would type (``_fold``, ``_doc``), one character for one.
An English word's edge is written ``(?a:\b)``: a plain ``\b`` counts Chinese characters as
letters and finds no edge in 今天lunch请了 or 去Johor Bahru.

Precision comes first, as for dates: a phone is a number libphonenumber validates
(``_phones``) and never a quantity, a price or a number tied to 订单/合同/编号; a date in the
past, a vague period (年后, 下个月中旬), a habit or a cycle (一般年底付款: ``_features``) is
never a follow-up; a plan is never an interaction; what is not clearly stated is left out.

The modules: ``_fold`` (one-for-one folding), ``_doc`` (dates, clauses, chunks, chat stamps),
``_people`` (who), ``_facts`` (their phones, birthdays, family, profile, roles), ``_phones``,
``_company``, ``_features`` (purchase and payment cycles, competitors), ``_events`` (the
interaction and itineraries), ``_follow_ups`` (the rep's own dated tasks: each date weighed by
named rules, one reason each that it is not the rep's), ``_lexicon`` (word lists), ``_model``
(the facts).
"""

from __future__ import annotations

import re
from datetime import datetime

from ._company import find_company, find_grade, mark_known_orgs
from ._deals import find_deal
from ._doc import Doc
from ._events import find_interaction, find_itineraries
from ._facts import (
    find_family,
    read_absent,
    read_birthdays,
    read_born_year,
    read_contact_details,
    read_family,
    read_profile,
    read_roles,
)
from ._features import find_features
from ._fold import fold
from ._follow_ups import find_follow_ups
from ._lexicon import ANY_SURNAME, title_info
from ._model import (
    Birthday,
    ContactFact,
    DealFact,
    DealStage,
    DecisionRole,
    FamilyFact,
    FollowUpFact,
    Grade,
    Installment,
    InteractionFact,
    InteractionKind,
    ItineraryFact,
    Note,
)
from ._people import find_people, finished, is_blank, mark_task_only, the_rep_addressed
from ._spelled import unspelled

__all__ = [
    "Birthday",
    "ContactFact",
    "DealFact",
    "DealStage",
    "DecisionRole",
    "FamilyFact",
    "FollowUpFact",
    "Grade",
    "Installment",
    "InteractionFact",
    "InteractionKind",
    "ItineraryFact",
    "Note",
    "leader_title_alone",
    "parse_note",
    "salutation_for",
]

_MAX_LEN = 2000


def leader_title_alone(text: str | None) -> bool:
    """Whether ``text`` is a key leader's title said with no name (局长, 董事长): how a note
    names the one who travels when it names no one else (局长明天去省里汇报)."""
    info = title_info(fold(text or ""))  # (院長 as a Taiwan rep types it)
    return info is not None and info.key


def salutation_for(name: str, title: str | None) -> str | None:
    """王 + 局长 → 王局长; 刘 + 采购部经理 → 刘经理 (how the title is spoken to); None for a
    title the table does not know, rather than 刘采购部经理."""
    if not name or not title:
        return None
    title = "".join(title.split())
    if len(title) > 20:  # not a title people say
        return None
    for start in range(len(title)):
        info = title_info(title[start:])
        if info is not None:
            return name[0] + info.address if info.address else None  # (采购负责人: none)
    return None


# Voice input that puts a space between every word (那个 嗯 明天 上午 九点半 去 …): read with the
# words joined, as the same note typed without them (the note itself keeps what was typed).
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")


# A day or an hour said in parts (下个礼拜 一, 九 点 半) is one date even when the rest of the
# note keeps its spaces.
_SPOKEN_DATE_GAP = re.compile(
    r"(?<=礼拜|星期)\s+(?=[一二三四五六日天](?![天直定般起样些]))|(?<=[下上这])\s+(?=礼拜|星期|月)|(?<=[下上这]个)\s+(?=礼拜|星期|月)"
    r"|(?<=[零一二两三四五六七八九十\d])\s+(?=[点號号月])|(?<=点)\s+(?=半|[一二三四五]十)"
    # (国庆节 前 把 合同 签了, 明 下午 送 标书: a festival and its 前, tomorrow and its part)
    r"|(?<=[节節庆秋午旦])\s+(?=(?:之|以)?[前后後](?![天年台面]))"
    r"|(?<=(?<![\u4e00-\u9fff])明)\s+(?=上午|下午|中午|晚上|早上)"
)


# (找 蒋 总 签合同, 段 董事长 10月…: a surname said alone, a pause, then the title)
_SURNAME_GAP = re.compile(
    r"(?<![\u4e00-\u9fff])(?P<s>[\u4e00-\u9fff]) +(?=(?:总裁|总监|总|董事长|董|处长|局长|院长|经理"
    r"|主任|厂长|部长|科长|书记|行长|所长))"
)


def _unspaced(text: str) -> str:
    cjk = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    gaps = len(_CJK_SPACE.findall(text))
    if gaps >= 6 and gaps * 5 >= cjk * 2:
        return _unstuttered(_CJK_SPACE.sub("", text))
    if gaps >= 3:
        text = _SURNAME_GAP.sub(lambda m: m["s"] if m["s"] in ANY_SURNAME else m[0], text)
    return _SPOKEN_DATE_GAP.sub("", text) if gaps >= 3 else text


# 的 蒋 蒋工, 见 了 邝 邝总: dictation says the surname, pauses, then says it with the title —
# once the spaces are gone the surname stands twice (的蒋蒋工), and is read once.
_STUTTER = re.compile(
    r"(?<=[的了跟和找见给个])(?P<s>[\u4e00-\u9fff])(?=(?P=s)(?:工|总|经理|经里|主任|主管|处|局|总监"
    r"|科|老板|厂长|部长|院|所长|书记|董|姐|哥|师傅|襄理))"
)


# (下 礼拜 礼拜 四: next week said, then the weekday said whole — next week's Thursday)
_WEEK_SAID_TWICE = re.compile(r"(?<=下|这|本)(礼拜|星期|周)(?=(?:礼拜|星期|周)[一二三四五六日天])")


def _unstuttered(text: str) -> str:
    text = _WEEK_SAID_TWICE.sub("", text)
    return _STUTTER.sub(lambda m: "" if m["s"] in ANY_SURNAME else m["s"], text)


# 【名片】迈瑞 | 采购总监 | 龚晓燕 | 手机 138…: a card pasted on one line, its fields parted by bars,
# is read as the lines it stands for (one character for one).
_BAR = re.compile(r"\s*[|｜]\s*")
_BARS_OF_A_LINE = 3


def _barred(text: str) -> str:
    # (a line of the note may be the card, with what the rep says of it below: ——她说每月10号对账)
    return "\n".join(
        re.sub(r"[|｜]", "\n", line) if len(_BAR.findall(line)) >= _BARS_OF_A_LINE else line
        for line in text.split("\n")
    )


def parse_note(text: str, now: datetime) -> Note:
    """Read ``text`` relative to ``now`` (an aware local time) into a :class:`Note`."""
    if not text or not text.strip():
        return Note(text=text)
    doc = Doc(_barred(unspelled(_unspaced(text[:_MAX_LEN]))), now)
    family = find_family(doc)
    known = mark_known_orgs(doc)
    people = find_people(doc, [(f.start, f.end) for f in family])
    read_contact_details(doc, people)
    claimed: set[int] = set()
    read_birthdays(doc, people, family, claimed)
    read_born_year(doc, people)
    read_family(doc, people, family)
    read_profile(doc, people)
    read_roles(doc, people)
    read_absent(doc, people)
    features = find_features(doc, claimed)
    company = find_company(doc, people, known)
    deal = find_deal(doc, doc.company_span, people)
    grade = find_grade(doc)
    itineraries = find_itineraries(doc, people, claimed)
    interaction = find_interaction(doc, people, claimed)
    follow_ups = find_follow_ups(doc, people, family, claimed)
    if interaction is not None:
        mark_task_only(doc, people, follow_ups)
    the_rep = the_rep_addressed(doc, people)
    return Note(
        text=text,
        company=company,
        contacts=[
            finished(p)
            for i, p in enumerate(people.persons)
            if not is_blank(p) and i not in the_rep
        ],
        interaction=interaction,
        follow_ups=follow_ups,
        itineraries=itineraries,
        grade=grade,
        purchase_cycle=features.purchase_cycle,
        payment_cycle=features.payment_cycle,
        competitors=features.competitors,
        deal=deal,
    )
