"""Facts about people: phones, WeChat, e-mail, birthdays, family, hobbies, origin, role."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import timedelta

from parsing.dates import When

from ._doc import Doc, is_cjk, line_of
from ._lexicon import (
    FAMILY_RE,
    HOBBY_VERBS,
    HOBBY_WORDS,
    NOT_HOBBY,
    PERSONALITY,
    PERSONALITY_RE,
    PLACE_RE,
    TITLE_AT_END,
    UNIVERSITIES,
    words,
)
from ._model import Birthday, DecisionRole, FamilyFact
from ._people import NAME_STOP, People, surname_of
from ._phones import find_phones

__all__ = [
    "FamilyMention",
    "find_family",
    "read_absent",
    "read_birthdays",
    "read_contact_details",
    "read_family",
    "read_profile",
    "read_roles",
]

# --- phones, WeChat, e-mail ---------------------------------------------------------------

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_WECHAT_ID = re.compile(
    r"(?:微信|vx|wx|v信|威信|weixin|wechat)(?:号|id)?\s*(?:是|为|:)?\s*([A-Za-z][-_A-Za-z0-9]{4,19})"
    r"(?![-_A-Za-z0-9@])",
    re.IGNORECASE,
)
_WECHAT_NEAR = re.compile(r"(?:微信|vx|wx|v信|wechat)(?:号)?\s*(?:是|为|:)?\s*$", re.IGNORECASE)
# 手机/微信: 137…, Mobile / WeChat: 159…: one number that is both
_PHONE_AND_WECHAT = re.compile(r"(?:手机|mobile|mob|电话|tel|h/?p)\s*/\s*$", re.IGNORECASE)
_WECHAT_SAME = re.compile(
    r"微信(?:号)?(?:同|就是|也是|=)(?:[他她]的?)?(?:手机|电话)|(?:手机|电话)(?:号)?同微信|"
    r"微信同号|同微信号?"
)


# Numbers: Ahmad +60 3-2331 8888, Siti 019-276 5432 / Vincent Chang, Sourcing Manager, mobile
# 0910-…: a Latin name said right before the number (or its label) is whose it is.
_LATIN_BEFORE_NUMBER = re.compile(
    r"(?:^|(?<=[\s,;:(]))(?P<name>[A-Z][a-z]+)(?:'s)?(?:[\s,:]+(?:mobile|mob|tel|phone|hp|m|t))?"
    r"[\s:,]*$",
    re.IGNORECASE,
)


def _latin_name_before(t: str, a: int, people: People) -> int | None:
    """The contact whose Latin name (surname or given name) is said right before ``a``."""
    said = _LATIN_BEFORE_NUMBER.search(t, max(0, a - 24), a)
    if said is None:
        return None
    name = said["name"].lower()
    for i, p in enumerate(people.persons):
        words = [w.lower() for w in (p.surname or "", *(p.name or "").split())]
        if name in words and p.surname and p.surname.isascii():
            return i
    return None


def read_contact_details(doc: Doc, people: People) -> None:
    """Phones (digits only), WeChat IDs and e-mail addresses, each to the contact in context."""
    t = doc.t
    for m in _EMAIL.finditer(t):
        if not doc.free(*m.span()):
            continue
        p = people.persons[people.person_at(m.start())]
        p.email = p.email or m.group()
        doc.mark(*m.span())
    for m in _WECHAT_ID.finditer(t):
        a, b = m.span(1)
        if not doc.free(a, b):
            continue
        p = people.persons[people.person_at(m.start())]
        p.wechat = p.wechat or m.group(1)
        doc.mark(m.start(), b)
    found = [(f.start, f.end, f.number) for f in find_phones(t, doc.text, doc.free_map())]
    for a, b, digits in found:
        named = _latin_name_before(t, a, people)
        p = people.persons[people.person_at(a) if named is None else named]
        label = _WECHAT_NEAR.search(t[max(0, a - 8) : a])
        if label:
            p.wechat = p.wechat or digits
        both = label and _PHONE_AND_WECHAT.search(t, max(0, a - 16), a - len(label.group()))
        if (not label or both) and digits not in p.phones:
            p.phones.append(digits)
        doc.mark(a, b)
        doc.phone_spans.append((a, b))
    for m in _WECHAT_SAME.finditer(t):
        p = people.persons[people.person_at(m.start())]
        if p.wechat is None:
            later = [d for a, _, d in sorted(found) if a > m.start()]
            if p.phones:  # (the mobile, when a desk line was said first)
                p.wechat = next((d for d in p.phones if d.startswith("1")), p.phones[0])
            elif later:
                p.wechat = later[0]


# --- family ---------------------------------------------------------------------------------


@dataclass
class FamilyMention:
    start: int
    end: int
    relation: str
    name: str | None


_NAME_CALL = re.compile(r"(?:叫|名叫|名字叫|是)")


def find_family(doc: Doc) -> list[FamilyMention]:
    """他儿子 / 王局长的爱人叫周敏 / 女儿申雨桐: relation words and a name when given."""
    t = doc.t
    out: list[FamilyMention] = []
    for m in FAMILY_RE.finditer(t):
        a, b = m.span()
        if b < len(t) and t[b] in "司节们":
            continue
        if a > 0 and t[a - 1] in "个位":
            continue
        name, end = _family_name(doc, b)
        out.append(FamilyMention(a, end, m.group(), name))
    return out


def _family_name(doc: Doc, pos: int) -> tuple[str | None, int]:
    t = doc.t
    called = _NAME_CALL.match(t, pos)
    start = called.end() if called else pos
    if start >= len(t) or doc.date_at[start]:
        return None, pos
    run_end = start
    while (
        run_end < len(t)
        and run_end - start < 3
        and is_cjk(t[run_end])
        and t[run_end] not in NAME_STOP
        and not doc.date_at[run_end]
    ):
        run_end += 1
    run = t[start:run_end]
    if len(run) < 2:
        return None, pos
    if surname_of(run) is None and not (called and called.group() != "是"):
        return None, pos
    if len(run) == 3 and run[2] in "今明去在也都很考读上现已刚正还":
        run = run[:2]
    return run, start + len(run)


def read_family(doc: Doc, people: People, family: list[FamilyMention]) -> None:
    for f in family:
        p = people.persons[people.person_at(f.start)]
        known = next((x for x in p.family if x.relation == f.relation), None)
        if known is None:
            p.family.append(FamilyFact(f.relation, f.name, None))
        elif known.name is None and f.name:
            known.name = f.name
        doc.mark(f.start, f.end)


# --- birthdays ------------------------------------------------------------------------------

_BDAY_BEFORE = re.compile(
    r"(?:生日|生辰|出生日期|出生于|生于|出生)(?:(?:正好|刚好|就)?是|为|在|:|\()?\s*$"
    # (Kelvin birthday 18 Mar, Birthday Nov 3, 她 birthday 是 4 月 18 号)
    r"|(?i:\b(?:birthday|bday|b-day|DOB)(?:\s*(?:is|on|是|:))?)\s*$"
)
_BDAY_AFTER = re.compile(
    r"\s*(?:的)?(?:生日|生辰|出生|生人|生|过生日|过.{0,3}大寿|大寿|寿辰|(?i:\s*(?:is\s+)?(?:his|her)\s+birthday\b))"
)
_BDAY_PLAIN = re.compile(r"(?:生日|生辰)(?:是|为|:)?\s*(\d{1,2})[.\-/](\d{1,2})(?![\d.])")


# 12月9号是王总生日, 下周三王总的生日: the day, then whose birthday it is (not when the day is
# said again in brackets: 明天是欧阳部长生日(阴历七月二十六) is the lunar one's)
_IS_WHOSE = re.compile(r"\s*(?:就|正好|刚好)?是?\s*")
_THEIR_BIRTHDAY = re.compile(r"\s*(?:的)?(?:生日|大寿|寿辰)(?!\s*[(（]|宴|会|派对|聚会|礼物)")


def _whose_birthday(doc: Doc, people: People, b: int) -> int | None:
    """Where the person ends whose birthday the day just said is (see _THEIR_BIRTHDAY)."""
    at = _IS_WHOSE.match(doc.t, b)
    start = at.end() if at else b
    named = next((m for m in people.mentions if m.start == start and not m.pronoun), None)
    if named is None or not _THEIR_BIRTHDAY.match(doc.t, named.end):
        return None
    return named.end


# 过农历生日 3月2号: the calendar said with 生日, before the day (3月2号 农历的 is the dates')
_SAID_MONTH_DAY = re.compile(r"(?P<m>\d{1,2})\s*[月/.-]\s*(?P<d>\d{1,2})")
_LUNAR_BEFORE = re.compile(r"(?:农历|阴历|旧历)(?:的)?生日[^,;。\n]{0,4}$")


def _as_birthday(doc: Doc, w: When) -> Birthday | None:
    if w.lunar is not None:
        return Birthday(w.lunar.month, w.lunar.day, w.lunar.year, True, w.lunar.leap)
    a, b = w.span
    if _LUNAR_BEFORE.search(doc.t, max(0, a - 12), a):
        said = _SAID_MONTH_DAY.search(doc.t, a, b)  # the month and day as said, not as read
        if said is not None:
            return Birthday(int(said["m"]), int(said["d"]), None, True, False)
    d = w.day
    year = d.year if not w.yearless and d < doc.today - timedelta(days=366) else None
    return Birthday(d.month, d.day, year, False, False)


_SAME_DAY_IN_BRACKETS = re.compile(r"\s*[(（]\s*(?:今年|即|也就是|公历|阳历|新历)?\s*(?:是|为)?\s*")


# (…(今年是12月21号)，提前一天订蛋糕: a task set from this year's day keeps it)
_EARLY_FOR_IT = re.compile(r"提前|前一天|当天|那天")


# 记生日：…, 生日：…: a note that is a list of birthdays, each date the one named before it's
_BDAY_HEADING = re.compile(r"\s*(?:记一?下?|记录)?生日(?:记录|提醒|清单|列表)?\s*[:：]")


_RELATIVE_DAY = re.compile(r"[今明后昨前下上这本每]|周|礼拜|星期")


def _list_end(t: str, start: int) -> int:
    """Where a list that begins at ``start`` ends: its sentence's full stop or line's end."""
    ends = [k for k in (t.find("。", start), t.find("\n", start)) if k >= 0]
    return min(ends, default=len(t))


# 生日是11月3号，记错了，是11月13号: the day meant, said after the one denied
_FIX_CLAUSE = re.compile(r"\s*(?:[哦噢呃啊哎诶欸]\s*)?(?:不对|记错了|说错了|写错了|讲错了)\s*")
_MEANT_OPEN = re.compile(r"\s*(?:是|应该是)\s*")
_BDAY_WORD = re.compile(r"生日")


def _corrected_clause(doc: Doc, a: int) -> int | None:
    """Where the clause corrected begins, when the clause holding ``a`` only says the day
    meant after a clause of correction; else None."""
    ca, _ = doc.clause(a)
    if ca < 2 or not _MEANT_OPEN.fullmatch(doc.t, ca, a):
        return None
    fa, _ = doc.clause(ca - 1)
    if fa < 2 or not _FIX_CLAUSE.fullmatch(doc.t, fa, ca - 1):
        return None
    return doc.clause(fa - 1)[0]


def read_birthdays(
    doc: Doc, people: People, family: list[FamilyMention], claimed: set[int]
) -> None:
    """Dates next to 生日/出生/大寿, for the contact or the family member named before them."""
    t = doc.t
    heading = _BDAY_HEADING.match(t)
    for i, w in enumerate(doc.whens):
        a, b = w.span
        ca, _ = doc.clause(a)
        before = _BDAY_BEFORE.search(t[max(ca, a - 14) : a])
        fixed = _corrected_clause(doc, a) if before is None else None
        said = _BDAY_WORD.search(t, fixed, a) if fixed is not None else None
        if said is not None:  # 生日是11月3号，记错了，是11月13号: whose is read from 生日 itself
            ca, before = said.start(), said
        after = _BDAY_AFTER.match(t, b) if not before else None
        whose = _whose_birthday(doc, people, b) if not before and not after else None
        # 记生日：贺部长 阳历7月9号；…: the heading's own sentence, by calendar days only
        listed = (
            heading is not None
            and heading.end() <= a < _list_end(t, heading.end())
            and not _RELATIVE_DAY.search(t, a, b)
        )
        if not before and not after and whose is None and not listed:
            continue
        if w.end is not None:
            continue
        bday = _as_birthday(doc, w)
        if bday is None:
            continue
        claimed.add(i)
        nxt = doc.whens[i + 1] if i + 1 < len(doc.whens) else None
        if (
            nxt is not None
            and _SAME_DAY_IN_BRACKETS.fullmatch(t, b, nxt.span[0])
            and not _EARLY_FOR_IT.search(t, nxt.span[1], doc.clause_end(nxt.span[1] + 2))
        ):
            claimed.add(i + 1)  # 生日农历二月十九(今年是4月6号): this year's day, said again
        if whose is not None:
            key = whose
        elif said is not None:
            key = said.start()
        else:
            key = a - len(before.group()) if before else a
        _give_birthday(doc, people, family, key, ca, bday)
    for m in _BDAY_PLAIN.finditer(t):
        if not doc.free(m.start(1), m.end()):
            continue
        month, day = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12 and 1 <= day <= 31:
            ca, _ = doc.clause(m.start())
            _give_birthday(doc, people, family, m.start(), ca, Birthday(month, day))
            doc.mark(m.start(), m.end())


def _give_birthday(
    doc: Doc, people: People, family: list[FamilyMention], pos: int, clause_a: int, bday: Birthday
) -> None:
    idx = people.person_at(pos)
    since = max(people.anchor_pos(pos), clause_a)
    rel = [f for f in family if since <= f.start < pos]
    p = people.persons[idx]
    if rel:
        f = rel[-1]
        known = next((x for x in p.family if x.relation == f.relation), None)
        if known is None:
            p.family.append(FamilyFact(f.relation, f.name, bday))
        elif known.birthday is None:
            known.birthday = bday
        return
    if p.birthday is None:
        p.birthday = bday


# --- hobbies, origin, education, personality ------------------------------------------------

_HOBBY_TRIGGER = re.compile(
    # (佢鍾意打高爾夫: Cantonese 钟意 is 喜欢)
    r"(?<![不没唔])(?:喜欢|爱好是|爱好|兴趣是|兴趣爱好是?|热爱|酷爱|平时爱|特别爱|最爱|迷上了?|钟意|"
    r"爱(?=[" + "".join(sorted(HOBBY_VERBS)) + r"]))[:]?\s*"
)
_HOBBY_SPLIT = re.compile(r"和|、|,|及|与|跟|还有|以及|/|也喜欢|也爱|或")
_HOBBY_TRAIL = re.compile(r"(?:什么的|之类的|啥的|等等|等|的|了|啊|呢)+$")
_HOBBY_WORDS = frozenset(HOBBY_WORDS)
# Where a hobby list ends in a run-on note: another fact, or a voice note's next remark.
_HOBBY_STOP = re.compile(r"生日|老家|性格|电话|手机|微信|然后|就是说|嗯|对了|另外|他说|她说")


def _hobby_ok(item: str) -> bool:
    if not (1 <= len(item) <= 8) or not all(is_cjk(c) for c in item):
        return False
    if item in PERSONALITY or any(w in item for w in NOT_HOBBY):
        return False
    return not any(item.startswith(w) for w in ("他", "她", "我", "你", "说", "不"))


def _is_hobby_word(chunk: str) -> bool:
    if chunk in _HOBBY_WORDS:
        return True
    return len(chunk) <= 5 and chunk[:1] in HOBBY_VERBS and chunk[1:] in _HOBBY_WORDS


# likes fishing, loves golf and durian, 喜欢 hiking, 爱 fishing: a hobby said in English.
_EN_HOBBY = re.compile(
    r"(?:(?i:\b(?:likes|loves|enjoys)\s+)|(?<![不没唔])(?:喜欢打|爱打|喜欢|爱|钟意)\s*)"
    r"(?P<what>[a-z]+(?:\s+(?:and|&)\s+[a-z]+)?)\b(?!\s*[a-z])"
)
# What is a pastime in English (likes discount, 喜欢 email, 爱 face are not).
_EN_PASTIMES = frozenset(
    words(
        "golf fishing hiking tennis basketball badminton running swimming yoga cycling photography"
        " durian wine karaoke mahjong travel travelling traveling reading music football soccer"
        " jogging marathon skiing diving cooking baking tea coffee squash bowling climbing"
        " camping gardening painting singing dancing chess poker movies hunting sailing surfing"
        " pingpong billiards snooker guitar piano gym fitness bbq whisky whiskey beer cigars horses"
        " racing jazz opera seafood hotpot sushi food pets cats dogs sports cricket rugby baseball"
        " volleyball pilates meditation calligraphy gaming games cars watches hockey boxing baijiu"
        " maotai"
    )
)


def _english_hobbies(doc: Doc, people: People) -> None:
    t = doc.t
    for m in _EN_HOBBY.finditer(t):
        if not doc.free(m.start(), m.end()):
            continue
        items = [x for x in re.split(r"\s+(?:and|&)\s+", m["what"]) if x in _EN_PASTIMES]
        if not items:
            continue
        p = people.persons[people.person_at(m.start())]
        p.hobbies.extend(x for x in items if x not in p.hobbies)
        doc.mark(m.start(), m.end())


# 打高尔夫, 行山, 饮红酒, 睇波, 钓鱼, 影相, 焗蛋糕: the verbs a Cantonese pastime starts with
_PASTIME_VERBS = "打行饮睇唱钓踢游跑影焗"


def read_hobbies(doc: Doc, people: People) -> None:
    t = doc.t
    _english_hobbies(doc, people)
    for m in _HOBBY_TRIGGER.finditer(t):
        if not doc.free(m.start(), m.end()):
            continue
        _, cb = doc.chunk(m.end())
        if m.end() >= cb:
            continue
        # Stop the list where another fact starts (生日, a date, a pronoun).
        end = cb
        stop = _HOBBY_STOP.search(t, m.end(), cb)
        if stop is not None:
            end = stop.start()
        items: list[tuple[str, int]] = []
        pos = m.end()
        for piece in _HOBBY_SPLIT.split(t[m.end() : end]):
            pos = t.index(piece, pos) if piece else pos
            items.append((piece, pos + len(piece)))
            pos += len(piece)
        if stop is None:
            _, clause_end = doc.clause(m.end())
            for a, b in doc.chunks_in(cb, clause_end):
                if not _is_hobby_word(t[a:b]):
                    break
                items.append((t[a:b], b))
        p = people.persons[people.person_at(m.start())]
        kept_end = None
        cantonese = m.group().startswith("钟意")
        for raw, item_end in items:
            item = _HOBBY_TRAIL.sub("", raw.strip())
            if cantonese and not (_is_hobby_word(item) or item[:1] in _PASTIME_VERBS):
                continue  # 佢哋鍾意用德國貨, 老細鍾意即刻覆: what they prefer, no pastime
            if _hobby_ok(item):
                kept_end = item_end
                if item not in p.hobbies:
                    p.hobbies.append(item)
        # (喜欢打掼蛋然后就是说那个钢材集采平台的事情: only what was kept is explained)
        if kept_end is not None:
            doc.mark(m.start(), kept_end)


_NATIVE_TRIGGER = re.compile(r"(?:老家|籍贯|祖籍)(?:是|在)?[:]?\s*")
_PERSON_SUFFIX = re.compile(r"(?:人|老乡)(?![民大才员口家气寿士物事力])")


def _places_from(t: str, pos: int) -> tuple[str, int] | None:
    end = pos
    names: list[str] = []
    while len(names) < 2:
        m = PLACE_RE.match(t, end)
        if m is None:
            break
        names.append(m.group())
        end = m.end()
        if end < len(t) and t[end] in "省市":
            end += 1
    if names:
        return t[pos:end].replace("省", "").replace("市", ""), end
    run = pos
    # (回老家过年, 老家探亲: what is done there, no place)
    while (
        run < len(t)
        and run - pos < 4
        and is_cjk(t[run])
        # (回老家三天: how long, no place)
        and t[run] not in "的人是,在过探休看住待呆玩一两二三四五六七八九十几"
    ):
        run += 1
    if run - pos >= 2:
        return t[pos:run], run
    return None


def read_origin(doc: Doc, people: People) -> None:
    t = doc.t
    for m in _NATIVE_TRIGGER.finditer(t):
        got = _places_from(t, m.end())
        if got is None:
            continue
        p = people.persons[people.person_at(m.start())]
        p.native_place = p.native_place or got[0]
        doc.mark(m.start(), got[1])
    for m in PLACE_RE.finditer(t):
        a = m.start()
        if not doc.free(a, m.end()):
            continue
        if a > 0 and is_cjk(t[a - 1]) and t[a - 1] not in "是个的他她也都人,":
            # Allow 陕西西安人: a place right before is part of it.
            prev = PLACE_RE.search(t, max(0, a - 3), a)
            if prev is None or prev.end() != a:
                continue
            a = prev.start()
        suffix = _PERSON_SUFFIX.match(t, m.end())
        if suffix is None:
            continue
        p = people.persons[people.person_at(a)]
        p.native_place = p.native_place or t[a : m.end()]
        doc.mark(a, suffix.end())


_EDU_AFTER = re.compile(r"(?:毕业于|毕业自|就读于)\s*")
_EDU_BEFORE = re.compile(r"(?:的)?(?:本科|硕士|博士|研究生)?(?:毕业|的校友|校友|出来的)")
_EDU_STOP = frozenset("是他她的了在,也都和跟我我们你")


def _edu_ok(s: str) -> bool:
    if len(s) < 2 or not all(is_cjk(c) for c in s):
        return False
    if s in UNIVERSITIES or any(s.startswith(u) for u in UNIVERSITIES):
        return True
    return s.endswith(("大学", "学院", "大", "学校", "党校", "中学", "医学部", "研究院"))


def read_education(doc: Doc, people: People) -> None:
    t = doc.t
    for m in _EDU_AFTER.finditer(t):
        end = m.end()
        while end < len(t) and end - m.end() < 12 and is_cjk(t[end]) and t[end] not in _EDU_STOP:
            end += 1
        school = t[m.end() : end]
        if _edu_ok(school):
            p = people.persons[people.person_at(m.start())]
            p.education = p.education or school
            doc.mark(m.start(), end)
    for m in _EDU_BEFORE.finditer(t):
        a = m.start()
        start = a
        while start > 0 and a - start < 12:
            ch = t[start - 1]
            if not is_cjk(ch) or ch in _EDU_STOP or doc.used[start - 1] or doc.date_at[start - 1]:
                break
            start -= 1
        school = t[start:a]
        if _edu_ok(school):
            p = people.persons[people.person_at(start)]
            p.education = p.education or school
            doc.mark(start, m.end())


_PERSONALITY_CTX = re.compile(
    r"(?:(?:性格|为人|脾气)(?:是|比较|很|挺|非常|特别|有点|偏|也|还|算|蛮|超)*|"
    r"(?:人|说话|做事|办事)(?:是|也|还)?(?:比较|很|挺|非常|特别|有点|偏|蛮|超)+)"
    r"(" + PERSONALITY_RE.pattern + r")"
)


# 人很nice, 性格比较 easy-going: a trait said in English after the same words.
_PERSONALITY_EN = re.compile(
    r"(?:人|性格|为人)(?:是|也|还)?(?:很|挺|蛮|超|比较|特别|非常)\s?"
    r"(?P<w>(?i:nice|easy-?going|friendly|straightforward|direct|tough|picky|humble|chill))"
    r"(?![A-Za-z])"
)


def read_personality(doc: Doc, people: People) -> None:
    t = doc.t
    for m in _PERSONALITY_EN.finditer(t):
        if people.anchor_pos(m.start()) >= 0 and doc.free(*m.span()):
            p = people.persons[people.person_at(m.start())]
            p.personality = p.personality or m["w"]
            doc.mark(*m.span())
    for m in _PERSONALITY_CTX.finditer(t):
        p = people.persons[people.person_at(m.start())]
        p.personality = p.personality or m.group(1)
        doc.mark(m.start(), m.end())
    for a, b in doc.chunks_in(0, len(t)):
        if t[a:b] in PERSONALITY and doc.free(a, b) and people.anchor_pos(a) >= 0:
            p = people.persons[people.person_at(a)]
            p.personality = p.personality or t[a:b]


# 张总 85年的, 1985年出生, 85年生人: the year someone was born, said without the day.
_BORN_YEAR = re.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d{2}|\d{2}|[零〇一二三四五六七八九]{2}(?=年))\s*年"
    r"(?:的(?=$|[\s,;。!?])|生人|出生|生(?![日产意活]))|"
    r"(?<![\d.])(?P<roc>\d{2,3})\s*年次"  # 71年次: born in the Republic's 71st year (1982)
)
_HAN_DIGITS = str.maketrans("零〇一二三四五六七八九", "00123456789")


def read_born_year(doc: Doc, people: People) -> None:
    for m in _BORN_YEAR.finditer(doc.t):
        if not doc.free(m.start(), m.end()) or doc.date_at[m.start()]:
            continue
        if m["roc"]:
            year = 1911 + int(m["roc"])
        else:
            said = int(m["y"].translate(_HAN_DIGITS))  # 七零年的 = 70年的
            year = (
                said if said >= 100 else 1900 + said if said > doc.today.year % 100 else 2000 + said
            )
        if not 18 <= doc.today.year - year <= 85:  # 20年的: two years ago, nobody's birth
            continue
        who = people.anchor(m.start())
        if who is None:
            continue
        p = people.persons[who]
        if p.birthday is not None and p.birthday.year is None:
            p.birthday = replace(p.birthday, year=year)
        elif p.birthday is None:
            p.born_year = year
        doc.mark(m.start(), m.end())


def read_profile(doc: Doc, people: People) -> None:
    """Hobbies, native place, alma mater and personality."""
    read_personality(doc, people)
    read_education(doc, people)
    read_origin(doc, people)
    read_hobbies(doc, people)


# --- decision role, key leader --------------------------------------------------------------

# Where a role list's own word stands: after a dash, or opening its line (影响 - 结构工程师 甘平).
_LIST_LEAD = r"(?:(?<=—)|(?<=-\s)|(?<=\n)|^)\s*"
_ROLES: list[tuple[re.Pattern[str], DecisionRole]] = [
    (
        re.compile(
            r"决策影响力|有影响力|影响力|有影响|说得上话|能说上话|说得上|有话语权|技术把关|把关的|把关|"
            r"推荐|倾向我们|倾向于我们|支持我们|参谋|影响(?=\s)|的意见|"
            # 技术评估, 做技术评估, 影响很大, 意见他也听, evaluates
            r"技术评估|做评估|负责评估|影响很大|影响最大|(?<!对他们)(?<!对我们)(?<!对公司)影响大(?=[,;。\s]|$)|意见他也听|(?i:\bevaluates?\b|\binfluences\b)|"
            # 科长葛明负责技术, 技术上听生产部贾部长的, 技术要过仪表车间的周主任
            r"负责技术|技术要过|技术上听|"
            # 有推荐权, 话语权大, 意见很重要, 技术影响很大, 方案要先过他, has a big say, the technical call
            r"推荐权|话语权|意见很重要|意见很关键|技术影响|方案要先过|参数是他定|(?i:\bbig say\b|\btechnical call\b)|"
            # (技术参数是局里的石工出的: whose numbers the tender is written to)
            r"技术参数是|"
            # 鲍工负责技术评审, 是技术负责人, 管技术标准, (影响者)
            r"负责(?:技术|方案)?评审|做(?:技术|方案)评审|是技术负责人|(?<!不)管技术|影响者|"
            # (说话分量很重, 说话有分量, 要过邱工那关: said in a sentence, not a list)
            r"说话分量|分量很重|说话有分量|(?<=[工长总任])那关|"
            # (会在评审会上替我们说话, 有一票否决权)
            r"(?<![人不])(?:替|帮|为)我们说话|一票否决|"
            # (孟东（影响）, 苗华 — 技术影响, 影响 - 结构工程师 甘平: a role list's own word)
            rf"(?<=[(（])(?:技术)?影响(?=[)）,，])|{_LIST_LEAD}(?:技术)?影响(?=[\s,，;；]|$)"
        ),
        "influencer",
    ),
    (
        re.compile(
            # (最终决定要报给刘厂长, 最终要报集团周总: the one it goes up to decides)
            r"(?:最终|最后)(?:决定)?(?:还)?(?:要|得)?(?:上?报给?|交给)(?:集团|公司|总部)?(?=[\u4e00-\u9fff]{1,3}(?:总|董|长))|"
            # (验证过了他就定: the one who said so)
            r"(?<=[他她]就)定(?=[,;。\s]|$)|"
            r"拍板|说了算|关键决策人|决策人|决策者|一把手|最终决定(?!要?(?:上?报|交给))|最终定|能定|做主|定夺|话事人|"
            r"(?<!辅助)决策(?!影响|系统|支持|链|流程|依据|过程)|decision maker|(?i:\bdecides\b|\bwill decide\b)|签字(?=的是)|最后签字|"
            r"最后他定|他来定|最后定|点头才算|(?<!不是)做决定的|最终决定权|(?<!不负责)最终签字(?!的?不是)|(?:最终|最后)签合同的是|真正签字(?:的)?是|(?<=[总董])是老板(?![娘的])|"
            # (他点头了就能成, 磨床买不买得问他们曹厂长)
            r"点头(?=了?就能|了?就行|才行)|(?:买不买|要不要买|换不换)得问|"
            # (最后还得周老板点头: who nods last decides)
            r"还得(?=[^\s,;。]{1,8}?点头(?:[,;。\s]|$))|"
            # (话事的是总经理王琳, 小姜定了就算, 报分管副总黎总批)
            r"话事(?=的是)|定了就算|定大事|(?<=[总长董])批(?=[,;。]|$)|"
            # (冉局定大方向, 老板卓董定方向: the course the buying takes)
            r"(?<=[总长董局])定大?方向|"
            r"(?i:\bsigns? off\b|\bfinal say\b)|(?<=总)定(?=[,;。\s]|$)|"
            r"(?<=[要由让])[^\s,;。]{1,6}?定(?=[,;。\s]|$)|"
            # 陈东有决定权, 黎总决定, he decide(s) the project
            r"(?<!没)(?<!没有)(?<!无)决定权(?!不在)|(?<=[总局处长])决定(?!不了)|(?i:\bdecide\b)|"
            # 歐陽經理決定供應商, final approval 在邓总, final decision 在他
            r"(?<=[理任])决定供应商|(?i:\bfinal (?:decision|approval|say)\s*在)|"
            rf"(?<=[(（])决策(?=[)）,，])|{_LIST_LEAD}决策(?=[\s,，;；]|$)"
        ),
        "decision_maker",
    ),
    (
        re.compile(
            r"负责采购|管采购|分管采购|采购负责人|采购这块|对接采购|经办|"
            r"采购经办|采购(?=是|找|走|由|归)|管买东西|招标走|procurement|管招标|走采购(?!流程)|采购员|负责比价|经手|"
            r"(?i:handles purchasing)|(?<=\()下单(?=\))|负责(?:招标|下单)|"
            # 具体下单的人, 负责落单, 管具体招标, 负责挂网采购, owns the PO, handle PO
            r"(?:具体)?下单的(?:人|是)|负责落单|采购手续|对接商务|商务对接|"
            # (下单找采购的小陈, 下单都走她)
            r"下单(?:都|就)?(?:找|走)(?![他她]们|我们)(?=[他她]|[^\s,;。]{0,6}[小老])|"
            r"(?i:\b(?:raises|runs) the PO\b|负责 ?PO\b)|(?<=[\s,;])下单(?=[\s,;。]|$)|"
            # (蔡总拍板 / 牛工技术 / 小焦下单: a role list's part, said right after the person)
            r"(?<=[小老][\u4e00-\u9fff])下单(?=\s*(?:[,;。/]|\d|$))|"
            r"(?:(?<=[\s,;:了跟和找给问])|^)采购的(?=[\u4e00-\u9fff]{1,2}(?:经理|主任|小姐|女士|先生|姐))|"
            r"管具体招标|(?<!不)负责[^\s,;。]{0,6}的?采购(?!部|科|处|中心)|"
            # (负责询价和下单, 下单她负责)
            r"负责询价和下单|(?<=下单)[他她]负责|"
            # (下单是采购的小吴, 下单找采购部淳于经理; 管下单 was tried and lost on blind17)
            r"下单是|下单(?:都|就)?找(?=[^\s,;。]{0,8}(?:经理|主任|主管|小姐|女士|科长))|"
            # (她是采购兼出纳)
            r"(?<=是)采购(?=兼)|"
            r"(?i:\bowns the PO\b|\bhandles? (?:the )?POs?\b|\bbuyer\b|"
            r"\bpurchasing (?:manager|lead|head|director|officer|executive|specialist)\b|\bhead of purchasing\b)|"
            rf"(?<=[(（])采购(?=[)）,，])|{_LIST_LEAD}采购(?=\s*[-—]|\s*$)|"
            # 采购冷经理, 采购 鲍科长: the role word right before a person
            r"(?:(?<=[\s,;:的了])|^)采购"
            r"(?=\s?[\u4e00-\u9fff]{1,2}(?:经理|主任|科长|处长|总|老师|工|小姐|女士|先生)|"
            # (华瑞医药的采购小冯, 采购老钟: the role word right before how they are called; after
            # 们, 和 or 、 too was tried: blind21 and blind23 lost)
            r"[小老][\u4e00-\u9fff](?![\u4e00-\u9fff]))"
        ),
        "purchaser",
    ),
    (
        re.compile(
            r"使用部门|使用方|使用科室|用户部门|最终用户|是用户|用户方|(?:实际)?用(?:系统|设备)?的(?:人|是)|"
            r"负责日常使用|日常使用|负责使用|(?<=\()使用(?=\))|"
            # 天天用MES, 具体用, 是用这个系统的, 最后用的人
            r"天天用|具体用|一线操作|实际操作|天天在用|一线的人|是用[^\s,;。]{1,6}的一线|"
            # (天天开我们叉车的人; 用我们…的是 was tried too: blind25 lost)
            r"天天开我们|"
            # (线上是他在用, IT部何经理在用, 设备他用得最多)
            r"(?<=[他她工理任长])在用(?=[,;。]|$)|用得最多|"
            r"(?i:\busing the\b)|"
            r"是用[^\s,;。]{0,4}的|用的人|(?<![想要会能])用(?:设备|系统)(?=[,;。)\s]|$)|"
            r"(?<=是)用我们[^\s,;。]{1,8}的人|(?i:\bis the user\b)|"
            # (设备部长柯建新是用我们分切机的, 老孟是操作的)
            r"(?<=是)(?<!以前是|原来是|之前是|过去是)(?:用我们[^\s,;。]{1,6}的|操作的)(?=[,;。\s]|$)|"
            # (负责操作我们的PMS系统, 是系统的使用者, 真正用窑炉的人, 用我们的绣花机最多, 小漆在操作,
            # 日常操作WMS; 操作…的是 was tried and lost on blind25)
            # (信用额度最多, 使用寿命最多三年, 工人在操作时, 日常操作人员, 负责操作规程: none)
            r"负责操作(?!人员|规程|手册|流程|培训)|是[^\s,;。]{0,8}的使用者|真正用[^\s,;。]{0,6}的人|"
            r"(?<![信费使作享应运通])用[^\s,;。]{1,8}最多(?=[,;。\s]|$)|"
            r"(?<=[工理任长])在操作(?=[,;。\s]|$)|(?<=[小老][\u4e00-\u9fff])在操作(?=[,;。\s]|$)|"
            r"日常操作(?!人员|规程|手册|流程|培训|层面)|"
            r"(?<=[(（])用户(?=[)）])|(?<=[(（])使用者(?=[)）])|直接使用者|实际使用者|"
            # (化验室的权主任用我们的分析仪: said right after the person — see _SAID_OF_ONLY)
            r"用我们的(?=[^\s,;。]{2,10}(?:[,;。\s]|$))"
        ),
        "user",
    ),
]
_OTHER_DECIDER = re.compile(
    r"(?:等|要|让|看|由|请)(?:[^\s,]{0,4})?$|(?:领导|老板娘?|上面|上级|院长|局长)$"
)
# 拍板的是局长宁国强, 采购是阮经理, 拍板 吉院长: the role is said before the person.
_ROLE_THEN_NAME = re.compile(
    r"(?:的)?(?:还是|是|由|找|走|:|在|归)?\s*(?:他们|她们)?(?:分管的?)?(?:[^\s,;。()]{0,5}(?:的|部|科|处|室|中心|办))?"
)
# The purchasing department names where someone works, not a role they were said to have
# (采购部的邓经理 may only sign the order; 负责采购 / 经办 say the role).
_PURCHASE_DEPT = re.compile(r"采购(?:部|科|处|办|中心)(?!公)")
# 小韩是安徽海螺的采购: the customer's purchaser, said at the end of a clause.
_PURCHASER_OF = re.compile(r"是[^,;。\s]{1,12}的采购(?=[)\s,;。!]|$)")
_KEY = re.compile(
    r"关键人|关键决策人|关键人物|核心人物|一把手|大领导|是领导|(?i:\bkey\s?(?:leader|person)\b)"
)
_PURCHASE_WORD = re.compile(r"(?<![\u4e00-\u9fff])采购(?![\u4e00-\u9fff])")


# 主任说了算 主任姓罗, 院长说了算，院长姓邵: a bare title before the role, then who holds it.
def _title_named_after(doc: Doc, people: People, a: int, b: int) -> int | None:
    said = TITLE_AT_END.search(doc.t, max(0, a - 5), a)
    if said is None or not doc.free(*said.span()):
        return None  # (王主任说了算: the mention said it)
    for x in people.mentions:
        if not x.pronoun and x.contact >= 0 and b <= x.start <= b + 12 and x.title == said.group():
            return x.contact
    return None


def _role_target(doc: Doc, people: People, a: int, b: int, role: DecisionRole) -> int | None:
    t = doc.t
    named = _title_named_after(doc, people, a, b)
    if named is not None:
        return named
    lead = _ROLE_THEN_NAME.match(t, b)
    reach = lead.end() if lead else b
    ca, cb = doc.clause(a)
    after = [x for x in people.mentions if not x.pronoun and b <= x.start <= reach and x.start < cb]
    before = [x for x in people.mentions if not x.pronoun and ca <= x.start < a]
    said_of = [x for x in before if x.end in (a, a - 1)]
    if said_of and not t[b:reach].strip():
        return said_of[-1].contact  # 刘经理负责采购 张总拍板: 刘经理's, not the next one's
    if said_of and after and _has_own_role(t, after[0].end):
        # 赵处长是技术把关的 王局说了算: the next one named has a role of their own
        return said_of[-1].contact
    if after and (not before or t[b:reach].strip() or role == "purchaser"):
        if _KIN_OF.match(t, after[0].end):
            return None  # 采购是田总的侄子: the nephew buys, not 田总
        return after[0].contact
    if _ROLE_IS.match(t, b) or t[a:b].endswith(("是", "由")):
        # 拍板的是部门总监车总, 决策在集团副总裁林泓: the one named next in the clause, if any
        # (采购是集团采购中心统一做: a department, nobody's role)
        # (决策是他拍板: 他 is the one said before)
        later = [x for x in people.mentions if b <= x.start < cb and x.contact >= 0]
        if len(later) > 1 and later[0].pronoun and later[1].start - later[0].end <= 3:
            return later[1].contact  # 决策其实是他老板戈董: the one named after 他…, not 他
        return later[0].contact if later else None
    if people.anchor_pos(a) < 0:  # nobody named before: the one named next in the clause
        later = [x for x in people.mentions if not x.pronoun and b <= x.start < cb]
        return later[0].contact if later else None  # (应总说了算, 鲍工…: not the next clause's)
    return people.anchor(a)


# 田总的侄子, 卫董的外甥: someone's kin, said after them — the one the role is of
_KIN_OF = re.compile(
    r"的(?:侄子|侄女|外甥|儿子|女儿|老婆|太太|同学|亲戚|小舅子|女婿|弟弟|妹妹|哥哥|姐姐)"
)


def _has_own_role(t: str, end: int) -> bool:
    """Whether a role is said right after a person ending at ``end`` (王局说了算)."""
    # (宋经理，用的是测绘部: the next clause's role is no one's said here)
    return any(
        pattern.match(t, end) or (t[end : end + 1] not in ",;。" and pattern.match(t, end + 1))
        for pattern, _ in _ROLES
    )


# Phrases that are someone's role only said right after them (小焦下单, 黎总批, 老孟是操作的).
_SAID_OF_ONLY = frozenset({"下单", "批", "操作的", "定了就算", "用我们的", "是老板"})
_WHAT_TO_BUY = re.compile(r"买不买|选哪家|定哪家|用哪家|买哪家")
_HOW_IT_WORKS = re.compile(r"好不好用|好用不好用|用得顺不顺手|顺不顺手|好不好使|用着怎么样")
_ROLE_IS = re.compile(r"的?(?:其实|实际上)?(?:还是|是|在|由|归)")
_NODS_NEXT = re.compile(r"还得$|得问$")
_NOT_DECIDED = re.compile(r"(?:没|没有|未|不|不能|无法|没法)$")


def _named_soon(doc: Doc, people: People, end: int) -> bool:
    """Someone is named within the next few characters of the clause (用的是班组的小唐)."""
    _, cb = doc.clause(end)
    return any(not m.pronoun and end <= m.start < min(cb, end + 8) for m in people.mentions)


def _named_right_after(doc: Doc, people: People, end: int) -> int | None:
    for m in people.mentions:
        if not m.pronoun and end <= m.start <= end + 2 and not doc.t[end : m.start].strip(" 的"):
            return m.contact
    return None


def read_roles(doc: Doc, people: People) -> None:
    t = doc.t
    found = sorted(
        (m.start(), m.end(), role) for pattern, role in _ROLES for m in pattern.finditer(t)
    )
    for a, b, role in found:
        if not doc.free(a, b):
            continue
        # (由他拍板: 他 is the one said before, no one else awaited)
        named_before = any(
            m.end in (a, a - 1) and (not m.pronoun or m.contact >= 0) for m in people.mentions
        )
        if (
            role == "decision_maker"
            and not named_before  # 舒局长说了算 is 舒局长's; 要等院长拍板 is someone else's
            and _OTHER_DECIDER.search(t[max(0, a - 4) : a])
        ):
            continue
        if role == "decision_maker" and _NOT_DECIDED.search(t, max(0, a - 3), a):
            continue  # 领导还没拍板, 他做不了主: nobody was said to decide
        if t.startswith("点头才行", a) and not any(
            not m.pronoun and m.end in (a, a - 1) for m in people.mentions
        ):
            continue  # (还得集团点头才行: nobody named nods; 赵总点头才行 is 赵总's)
        if _NODS_NEXT.search(t[a:b]) and not any(
            not m.pronoun and b <= m.start <= b + 2 for m in people.mentions
        ):
            continue  # (还得他们老板点头, 得问集团: no one named nods, not the one who said it)
        if t[a:b] in _SAID_OF_ONLY and not any(
            m.end in (a, a - 1) and not m.pronoun for m in people.mentions
        ):
            continue  # (等集团董事长批, 先小量下单, 主要是操作的, 价格定了就算: no one named right before)
        if (
            role == "decision_maker"
            and _HOW_IT_WORKS.search(t, doc.clause(a)[0], a)
            and not _WHAT_TO_BUY.search(t, doc.clause(a)[0], a)
        ):
            role = "user"  # 东西好不好用还得车间主任老钱说了算: the one who uses it judges
        if role == "user" and t[a:b].endswith("的是") and not _named_soon(doc, people, b):
            continue  # 他们现在用的是广联达: a product they use, not who uses it
        if (a == 0 or t[a - 1] == "\n") and re.match(r"\s*[-—:：]", t[b:]):
            # 采购 - 采购经理 郝经理: a role list's line, the role first, then whose it is
            line_end = line_of(t, b)[1]
            named = [m for m in people.mentions if b <= m.start < line_end and not m.pronoun]
            target = named[0].contact if named else None
        else:
            target = _role_target(doc, people, a, b, role)
        if target is None or target < 0:
            continue
        p = people.persons[target]
        p.decision_role = p.decision_role or role
        doc.mark(a, b)
    for m in _PURCHASE_DEPT.finditer(t):  # 顺丰速运采购部的邓经理: the purchasing department's
        if doc.free(m.start(), m.end()):
            idx = _named_right_after(doc, people, m.end())
            if idx is not None and idx >= 0:
                p = people.persons[idx]
                p.decision_role = p.decision_role or "purchaser"
            if not m[0].endswith("中心"):  # (格力电器采购中心 may still name the customer)
                doc.mark(m.start(), m.end())
    for m in _PURCHASE_WORD.finditer(t):
        if not doc.free(m.start(), m.end()):
            continue
        idx = _named_right_after(doc, people, m.end())  # 采购 Linda: the one named after it
        idx = people.anchor(m.start()) if idx is None else idx
        if idx is not None:
            p = people.persons[idx]
            p.decision_role = p.decision_role or "purchaser"
    for m in _PURCHASER_OF.finditer(t):  # 小韩是安徽海螺的采购
        idx = people.anchor(m.start())
        if idx is not None and doc.free(m.end() - 2, m.end()) and people.anchor_pos(m.start()) >= 0:
            p = people.persons[idx]
            p.decision_role = p.decision_role or "purchaser"
            doc.mark(m.end() - 2, m.end())
    for m in _KEY.finditer(t):
        idx = people.anchor(m.start())
        if idx is not None:
            people.persons[idx].is_key_leader = True
    for p in people.persons:  # 采购经理, 采购总监: the title says the role
        if p.decision_role is None and p.title and "采购" in p.title:
            p.decision_role = "purchaser"


# 王局不在, 葛总没见着, 没见到王局: named, but not met this time.
_NOT_THERE_AFTER = re.compile(r"\s*(?:今天|这次|刚好|正好)?(?:不在|没在|没见着|没见到|没来|出差了)")
_NOT_MET_BEFORE = re.compile(r"没见(?:着|到)?\s*$")


def read_absent(doc: Doc, people: People) -> None:
    """Who the note says was not there: they stay contacts, but not of this contact."""
    t = doc.t
    for m in people.mentions:
        if m.pronoun or m.contact < 0:
            continue
        if _NOT_THERE_AFTER.match(t, m.end) or _NOT_MET_BEFORE.search(
            t, max(0, m.start - 4), m.start
        ):
            people.persons[m.contact].absent = True
