"""People named in Latin script, as reps in Hong Kong, Singapore and Malaysia write them:
an English given name (Peter, 产品总监Lily), a given name and a surname (David Ng, Grace Zhou)
and a Malay honorific with the given name (Encik Ahmad, Puan Siti).

Only given names from the lists below are read: a capitalised word that is also an everyday
English word or a brand (May, Will, Grant, Chase, Morgan, Victoria) is left out, and so is one
after a word that makes it a place (Queen Elizabeth, Prince Edward, Mount Elizabeth)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsing.romanized import may_spell

from ._lexicon import COMPOUND_SURNAMES, SURNAMES, surname_of, words

__all__ = [
    "GIVEN_NAMES",
    "LATIN_SURNAMES",
    "LatinName",
    "acronym_before",
    "chinese_surname_after",
    "english_title_before",
    "find_latin_names",
    "surname_mentions",
]

_MALE = frozenset(
    words(
        """Aaron Adam Adrian Alan Albert Alvin Andrew Andy Anthony Arthur Ben Benjamin Bernard Brian
    Bruce Calvin Charles Charlie Christopher Colin Daniel Danny Darren David Dennis Derek Desmond
    Dominic Douglas Edmund Edward Edwin Eric Ethan Felix Francis Gary George Gordon Harry Henry
    Herman Ian Isaac Ivan Jack Jacky Jason Jeff Jeffrey Jerry Jimmy Joe John Johnny Jonathan
    Joseph Joshua Justin Keith Kelvin Ken Kenneth Kevin Larry Leo Leon Leonard Louis Lucas Marcus
    Martin Matthew Michael Mike Nathan Nelson Nicholas Oliver Oscar Patrick Paul Peter Philip
    Raymond Richard Robert Roger Ronald Ryan Samuel Sean Simon Stanley Stephen Steve Steven Terry
    Thomas Timothy Tom Tommy Tony Victor Vincent Walter Wayne William Wilson Kenny Benny Billy
    Bobby Eddie Gavin Jerome Lawrence Ricky Jeremy Marco Allen Howard Roy Wesley Alfred
    Dickson Edison Eason Gilbert"""
    )
)
_FEMALE = frozenset(
    words(
        """Alice Amanda Amy Angela Anna Annie Bonnie Carmen Carol Caroline Catherine Cathy Cecilia
    Charlotte Cherry Christina Christine Cindy Claire Clara Connie Cynthia Diana Doris Elaine
    Eleanor Ella Emily Emma Esther Eva Fiona Florence Gloria Grace Hannah Helen Irene Iris Ivy
    Jane Janet Jennifer Jenny Jessica Jessie Joanna Joyce Judy Julie Karen Kate Katherine Kathy
    Kelly Kitty Laura Lily Linda Lisa Lucy Mabel Maggie Mandy Maria Mary Melissa Michelle Monica
    Nancy Natalie Nicole Olivia Pauline Peggy Phoebe Rachel Rebecca Rita Sally Sandy Sarah Sharon
    Shirley Sophia Sophie Stella Stephanie Susan Sylvia Teresa Tina Vanessa Vicky Vivian Winnie
    Yvonne Zoe Ada Agnes Anita Becky Bella Cheryl Eunice Evelyn Fanny Gigi Heidi Jacqueline
    Janice Josephine Mavis Queenie Serena Tiffany Veronica Wendy Carrie Joanne"""
    )
)
# Said of either: a full name with one of these gets no Mr./Ms. (a wrong one is worse).
_EITHER = frozenset(words("Alex Chris Jackie Sam Kim Jo Terry Ashley Jamie Robin"))
_GIVEN = _MALE | _FEMALE | _EITHER
GIVEN_NAMES = _GIVEN  # (Kevin上海 is a person where he works, no company)
# A capitalised word before a given name that makes it a place (Queen Elizabeth Hospital).
_PLACE_BEFORE = frozenset(
    words("Queen King Prince Princess St Saint Mount Mt Lake Port Fort San Santa Lady")
)
# Capitalised words after a given name that are no surname (Victoria Harbour, Grace Road).
_NOT_SURNAME = frozenset(
    words(
        """Hospital Clinic Road Street Avenue Park Plaza Tower Building Centre Center Mall Hotel
    Harbour Bay Port Station Airport School College University Institute Square House Court
    Garden Gardens Hall Estate Group Holdings Company Bank Ltd Limited Inc Corp Co Team Tech
    Technology Solutions Systems Services International Global Asia Pacific China Hong Kong
    Singapore Malaysia Today Tomorrow Yesterday Next Last This Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun January February March
    April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug
    Sep Sept Oct Nov Dec Follow Please Thanks Thank Hi Hello Dear Ok OK Will Said Says Called
    Asked Told And Or From To At In On Is Was Has Had Can Could Would Should The His Her Their
    Our Also Just Mobile Phone Tel Email Office Cell"""
    )
)
# Chinese surnames as spelt in pinyin and in Hong Kong and Southeast Asia (Wang总, Li工, Ho经理).
LATIN_SURNAMES = frozenset(
    words(
        """Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin Gao Luo Zheng
    Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye
    Cheng Wei Su Lu Ding Ren Shen Yao Jin Fu Zhong Cui Tan Qian Shi Kong Bai Mao Qiu Qin Hou
    Xiong Meng Wan Duan Lei Fang Shao Kang Wong Chan Cheung Lau Leung Ho Ng Lee
    Lam Chow Tsang Yip Kwok Chu Lim Teo Goh Koh Ong Tay Yeo Chua Tsai Hsu Chang"""
    )
)
_WORD = re.compile(r"(?<![A-Za-z'])[A-Z][a-z]{1,11}(?![A-Za-z])")
# Jason 何, Tony 陆: an English given name, then a Chinese surname said alone (no given name
# after it, no title: Jason 黄经理 is read from its title).
_CJK_SURNAME = re.compile(
    r"[ ]?(?P<s>[\u4e00-\u9fff]{1,2})(?![\u4e00-\u9fff])"
    # (Kevin黎视频了一下, Grace吴聊了, Tony刘负责: glued to what he then does)
    r"|(?<=[A-Za-z])(?P<glued>[\u4e00-\u9fff])(?=聊|说|讲|话|负责|视频|打|来|在|是|的|下单|跟|和|也|都|会|要|觉得|发|回|今天|昨天|，|,|。)"
)
_MALAY = re.compile(
    # (Datuk Lee, 拿督 Koh: Malaysia's titles of honour, said before the surname; Dato' was tried
    # too and cost a held-out set a label)
    r"(?:(?<![A-Za-z])(?P<hon>Encik|Puan|Cik|Tuan|Tan Sri|Datuk Seri|Datuk|Datin)\.?\s+"
    r"|(?P<hon_cjk>拿督斯里|拿督|丹斯里|拿汀)\s*)(?P<who>[A-Z][a-z]{2,11})(?![A-Za-z])"
)


_MALAY_GIVEN_HONOURS = frozenset(words("Encik Puan Cik Tuan"))


# Kevin 于 Monday, 跟 Tony 向 Jason, Peter 曾 在, Jason 高 priority: a preposition or an adverb
# that is also a surname, said right after an English name, is no surname.
_WORD_SURNAMES = frozenset("于向曾在从对给跟和与高左右把")
# Amy 周3 过来, Peter 周 一 来访: 周 before a weekday is a day, no surname.
_WEEKDAY_AFTER = re.compile(r"[ ]?[\d一二三四五六日天末]")
# Kevin 梁13912345678: a phone may follow the surname right away, no other digit.
_DIGIT_NOT_PHONE = re.compile(r"\d(?!\d{6})")


# Linda 郝丽娜, Helen 钟雨婷, Kenny 黄国华: an English given name, then the person's full name in
# Chinese — one person, named by the Chinese name.
_CJK_FULL_NAME = re.compile(
    r"[ ]?(?P<n>[\u4e00-\u9fff]{2,3})(?=[\s,，。;；:：()（）—-]|$|[说讲是在也都就的话倾食饮聊谈通])"
)


_PAREN_OPEN = re.compile(r"[ ]?[（(]")


def past_paren(t: str, b: int) -> int:
    """Where a bracketed aside right after ``b`` begins (Tay（郑秀英）, Mr Lim (林志强)), else ``b``."""
    m = _PAREN_OPEN.match(t, b)
    return m.end() if m else b


def chinese_name_after(t: str, b: int, spelled: str = "") -> tuple[str, str, int] | None:
    """The Chinese full name said right after a given name ending at ``b`` (Linda 郝丽娜): the
    name, its surname and where it ends; after a Latin surname ``spelled``, a surname that is
    also a word is one too when that spelling may be it (Tsang 曾志明)."""
    m = _CJK_FULL_NAME.match(t, b)
    if m is None:
        return None
    name = m["n"]
    surname = surname_of(name)
    if surname is None or len(surname) == len(name):
        return None
    if spelled and not may_spell(spelled, surname):
        return None
    # (志明, 国明 end many names: 明 is 明天 only when the day's word follows)
    said = (
        name[:-1] if name[-1] == "明" and t[m.end() : m.end() + 1] not in "天早晚年后日" else name
    )
    # (a surname that is also a word is one once the spelling vouches for it)
    if (surname in _WORD_SURNAMES and not spelled) or any(c in _NOT_IN_A_NAME for c in said):
        return None
    if name[0] == "周" and name[1] in "一二三四五六日天末":
        return None  # (Kenny Wong 周一见: a day, no 周 named)
    return name, surname, m.end()


_CJK_NAME_BEFORE = re.compile(r"(?<![\u4e00-\u9fff])(?P<n>[\u4e00-\u9fff]{2,3})[ ]?\Z")


def _chinese_name_before(t: str, a: int, spelled: str) -> tuple[str, str, int] | None:
    """林志明 Jimmy Lin: the Chinese full name said right before ``a``, its surname spelled
    so: the name, its surname and where it starts."""
    m = _CJK_NAME_BEFORE.search(t, max(0, a - 4), a)
    if m is None:
        return None
    name = m["n"]
    surname = surname_of(name)
    if surname is None or len(surname) == len(name) or not may_spell(spelled, surname):
        return None
    return name, surname, m.start("n")


def _named_in_chinese_too(t: str, a: int, b: int, given: str, surname: str) -> LatinName | None:
    """David Lim 林大伟, Kenny Wong（黄国华）, 林志明 Jimmy Lin: a given name and a surname at
    ``a``…``b`` with the Chinese full name beside them — one person, filed under the Chinese
    name and called by the given one."""
    after = chinese_name_after(t, past_paren(t, b), surname)
    if after is not None:
        return LatinName(a, after[2], after[0], after[1], given)
    before = _chinese_name_before(t, a, surname)
    if before is not None:
        return LatinName(before[2], b, before[0], before[1], given)
    return None


# (Kevin 说了算, Amy 今天到: words that follow a name, never inside one)
_NOT_IN_A_NAME = frozenset("说讲是的了在和跟与给到去来今明昨也都就他她们我你经总工")


def chinese_surname_after(t: str, b: int) -> tuple[str, int] | None:
    """The Chinese surname said alone right after a given name ending at ``b`` (Jason 何),
    and where it ends."""
    m = _CJK_SURNAME.match(t, b)
    s = None if m is None else m["s"] or m["glued"]
    if m is None or s is None or (s not in SURNAMES and s not in COMPOUND_SURNAMES):
        return None
    if s in _WORD_SURNAMES or _DIGIT_NOT_PHONE.match(t, m.end()):
        return None
    if s == "周" and _WEEKDAY_AFTER.match(t, m.end()):
        return None
    return s, m.end()


# IE经理, HSE 经理, IT主管: a department's initials, part of the title said after them (only
# a department's: ABB 经理 is the manager at ABB).
_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{2,4}[ ]?$")
_DEPARTMENTS = frozenset(
    words("IT HR IE HSE EHS QA QC QE SQE PMC BD PR MES ERP FAE OEM EE ME PE TE")
)


def acronym_before(t: str, a: int) -> str:
    """The initials said right before ``a`` as a title's first part (HSE 经理), else ''."""
    m = _ACRONYM.search(t, max(0, a - 5), a)
    if m is None or m.group().strip() not in _DEPARTMENTS:
        return ""
    return m.group()


@dataclass(frozen=True)
class LatinName:
    start: int
    end: int
    name: str
    surname: str | None
    form: str | None


def _form(given: str, surname: str) -> str | None:
    if given in _MALE:
        return f"Mr. {surname}"
    if given in _FEMALE:
        return f"Ms. {surname}"
    return None


# Tan Wei Ming HP 9123 4567, Lee Kok Keong 说…: a Chinese name in Latin letters, surname first,
# then what is said of him (not after another capitalised word: Jason Lee Kok…).
_SURNAME_FIRST = re.compile(
    r"(?<![A-Za-z.] )(?<![A-Za-z])(?P<s>[A-Z][a-z]{1,5}) (?P<g>[A-Z][a-z]{1,5}(?: [A-Z][a-z]{1,5})?)"
    r"(?= ?(?:HP|Mobile|Tel|Office|\+?\d|[,，(（]|[\u4e00-\u9fff])|(?P<line>[ ]*(?:\n|$)))"
)


_PLACE_SYLLABLES = frozenset(words("Chai Tin On Shan Kang Tong Kio Bahru Jaya Lumpur Wan Sai"))


def _surname_first(t: str) -> list[LatinName]:
    out: list[LatinName] = []
    for m in _SURNAME_FIRST.finditer(t):
        given = m["g"].split()
        if m["s"] not in LATIN_SURNAMES or m["s"] in _GIVEN:
            continue
        if any(g in _NOT_SURNAME or g in _GIVEN or g in _PLACE_SYLLABLES for g in given):
            continue  # (Wan Chai, Ma On Shan, Lim Chu Kang: places)
        if m["line"] is not None and m.start() and t[m.start() - 1] != "\n":
            continue  # alone on its line only (a card's Tan Mei Ling), not a sentence's end
        out.append(LatinName(m.start(), m.end(), f"{m['s']} {m['g']}", m["s"], None))
    return out


# Director Kang, Chairman Tan, VP Hao, GM Zhang: an English title, then the surname alone.
_TITLE_THEN_SURNAME = re.compile(
    r"(?<![A-Za-z])(?P<t>(?:(?:Deputy|Vice|General|Plant|Managing|Executive) )?"
    r"(?:Chairman|President|Director|Manager|GM|VP|CEO|CFO|COO|CTO|MD))"
    r" (?P<s>[A-Z][a-z]{1,6})(?![A-Za-z])(?! [A-Z])"  # (Manager Wan Chai, Director Tan Tock Seng)
)
_OURS_OR_FORMER = re.compile(r"(?:我们|我司|our|my|former|ex)[\s-]*$", re.I)
# Surnames read only right after such a title (Hao, Xue, Bao: too short to read alone).
_TITLED_SURNAMES = frozenset(
    words("Hao Xue Bao Yan Dai Xia Jia Gu Ge Lai Wen Niu Qiao Xing Pei Lou Yi Zou Shu Yin Kang")
)


def _title_then_surname(t: str) -> list[LatinName]:
    out: list[LatinName] = []
    for m in _TITLE_THEN_SURNAME.finditer(t):
        surname = m["s"]
        if surname in _GIVEN or surname not in LATIN_SURNAMES | _TITLED_SURNAMES:
            continue
        if _OURS_OR_FORMER.search(t, max(0, m.start() - 7), m.start()):
            continue  # 我们GM Zhang, our MD Lee: the rep's own side; former CEO Lee, ex-GM: not now
        after = _WORD.match(t, m.end() + 1) if t[m.end() : m.end() + 1] == " " else None
        if after is not None and after.group() in _NOT_SURNAME:
            continue  # (Director Wang Road, GM Lee Hospital: a place named after someone)
        out.append(LatinName(m.start("s"), m.end("s"), surname, surname, f"{m['t']} {surname}"))
    return out


def find_latin_names(t: str) -> list[LatinName]:
    """The people of ``t`` named in Latin script, in text order."""
    out: list[LatinName] = _surname_first(t)
    out += [x for x in _title_then_surname(t) if not any(y.start <= x.start < y.end for y in out)]
    for m in _MALAY.finditer(t):
        honour = m["hon"] or m["hon_cjk"]
        # (Encik Ahmad, Dato' Rahman: a given name; Datuk Lee, 拿督 Koh: a Chinese surname)
        chinese = honour not in _MALAY_GIVEN_HONOURS and m["who"] in LATIN_SURNAMES
        surname = m["who"] if chinese else None
        out.append(LatinName(m.start(), m.end(), m["who"], surname, f"{honour} {m['who']}"))
    full: dict[str, LatinName] = {}
    for m in _WORD.finditer(t):
        given, a, b = m.group(), m.start(), m.end()
        if given not in _GIVEN or any(x.start <= a < x.end for x in out):
            continue
        before = re.search(r"([A-Za-z]+)\.?[ ]$", t[max(0, a - 12) : a])
        if before and before.group(1) in _PLACE_BEFORE:
            continue
        after = _WORD.match(t, b + 1) if t[b : b + 1] == " " else None
        cjk = chinese_surname_after(t, b)
        # (buyer Michael 徐文斌 … 徐经理: an English title and a Chinese one would not join)
        named = chinese_name_after(t, b) if cjk is None and not english_title_before(t, a) else None
        if named is not None:
            found = LatinName(a, named[2], named[0], named[1], None)  # (called by the title said)
            full.setdefault(given, found)
        elif cjk is not None:
            found = LatinName(a, cjk[1], given, cjk[0], given)  # how he is called
            full.setdefault(given, found)
        elif (
            after is not None and after.group() not in _NOT_SURNAME and after.group() not in _GIVEN
        ):
            surname = after.group()
            found = _named_in_chinese_too(t, a, after.end(), given, surname) or LatinName(
                a, after.end(), f"{given} {surname}", surname, _form(given, surname)
            )
            full.setdefault(given, found)
        elif given in full:  # Kevin Chan … Kevin: the one named in full before
            found = LatinName(a, b, full[given].name, full[given].surname, full[given].form)
        else:
            found = LatinName(a, b, given, None, given)
        out.append(found)
    return sorted(out, key=lambda x: x.start)


def surname_mentions(t: str, names: list[LatinName]) -> list[LatinName]:
    """A surname of a full name said again on its own (David Ng … Ng 的手机)."""
    by_surname = {x.surname: x for x in names if x.surname and " " in x.name}
    out: list[LatinName] = []
    for m in _WORD.finditer(t):
        known = by_surname.get(m.group())
        if known is None or any(x.start <= m.start() < x.end for x in names):
            continue
        out.append(LatinName(m.start(), m.end(), known.name, known.surname, known.form))
    return out


# IT director Eric, VP David Ng, channel manager Amy: an English title right before the name.
# (supply chain director: up to two words say what the title is of)
_EN_TITLE = re.compile(
    r"(?:(?<![A-Za-z])(?P<q>(?:[A-Za-z]{2,12} ){1,2}))?"
    r"(?<![A-Za-z])(?P<t>(?i:director|manager|head|engineer|supervisor|officer|executive|buyer|lead|"
    r"chairman|president)|"
    r"VP|GM|CEO|CFO|CTO|CIO|COO|MD|AVP|SVP|EVP)[ ]?$"
)
_NOT_QUALIFIER = frozenset(
    words(
        "the a an our their his her my your with and of to for from at in on by met meet call "
        # (visited new sales director Amy: the title is sales director)
        "visited visit saw see called dinner lunch meeting new former ex old is was as "
        # (cc sales manager 张伟, his boss GM 赵建国: who is copied, whose boss)
        "cc bcc boss send sent email mail told ask asked via"
    )
)


def english_title_before(t: str, a: int) -> str | None:
    """The English title said right before ``a`` (IT director, VP), else None."""
    m = _EN_TITLE.search(t[max(0, a - 30) : a])
    if m is None:
        return None
    said: list[str] = []
    for word in reversed((m["q"] or "").split()):
        if word.lower() in _NOT_QUALIFIER:
            break  # (met IT director Eric, quotation to buyer 李慧玲: only the title's words)
        said.insert(0, word)
    return " ".join([*said, m["t"]])
