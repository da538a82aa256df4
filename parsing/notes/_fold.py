"""Length-preserving folding of a note: Traditional → Simplified, full-width → ASCII, emoji.

Every character maps to exactly one character, so an index found in the folded copy is the
same index in the original note, and spans from :func:`parsing.dates.find_all_when` on the
folded copy can be used as they are. ASCII case is kept (WeChat IDs and e-mails keep it).
"""

from __future__ import annotations

import re

from parsing.dates import ROC_YEAR_ZERO
from parsing.hanzi import SIMPLIFIED, TRADITIONAL

from ._latin import GIVEN_NAMES
from ._lexicon import COMPOUND_SURNAMES, RARE_SURNAMES, SURNAMES, WORDS_AS_SURNAMES

__all__ = ["fold"]

# A few one-for-one typos reps make on phone keyboards (same length, so spans still hold).
_TYPOS = {
    "生曰": "生日",
    "拜方": "拜访",
    "根进": "跟进",
    "更进": "跟进",
    "报介": "报价",
    "微心": "微信",
    "电活": "电话",
    "局涨": "局长",
    "经里": "经理",
    "手几": "手机",
    "喜换": "喜欢",
    # Voice dictation's homophones of titles.
    "菊长": "局长",
    "句长": "局长",
    "主认": "主任",
    "主仁": "主任",
    "主刃": "主任",
    "处涨": "处长",
    "院涨": "院长",
    "科涨": "科长",
    "克长": "科长",
    "初长": "处长",
    "行涨": "行长",
    "航长": "行长",
    # (not 部涨, 厂涨: 全部涨价, 工厂涨价)
    "书计": "书记",
    "懂事长": "董事长",
    "副宗": "副总",  # (卢副宗, 常务副宗: 宗 is no word after 副)
    "彩购": "采购",
    "工成师": "工程师",
    # Cantonese words for days and parts of the day (Hong Kong, Malaysia).
    "听日": "明天",
    "听朝": "明早",
    "听晚": "明晚",
    "月尾": "月底",
    "年尾": "年底",
    "琴日": "昨天",
    "寻日": "昨天",
    "琴晚": "昨晚",
    "寻晚": "昨晚",
    "今日": "今天",
    "下昼": "下午",
    "上昼": "上午",
    "朝早": "早上",
    "后日": "后天",
    "大前日": "大前天",
    "大后日": "大后天",
    "夜晚": "晚上",
    "今朝": "今早",
    "倾了": "谈了",
    "倾下": "谈下",
    "再倾": "再谈",
}
# Cantonese characters with one Mandarin character for them.
_CANTONESE = {"佢": "他", "咗": "了", "嘅": "的", "哋": "们", "喺": "在", "搵": "找", "冇": "没",
              "唔": "不", "睇": "看", "畀": "给", "俾": "给", "嚟": "来"}  # fmt: skip
# Digits read aloud by voice input (幺三八…): a run this long is a number, never words.
_SPOKEN_DIGITS = {"零": "0", "〇": "0", "幺": "1", "一": "1", "二": "2", "两": "2", "三": "3",
                  "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}  # fmt: skip
# 提醒我一下下礼拜一, 记一下下个礼拜一: "一下" then 下礼拜一 (next week), not 下下礼拜一 (in two
# weeks); 万一下下个礼拜 is 万一 then 下下个礼拜.
# 那个月底前 / 这个月底: voice input's filler 那个 before 月底, not a month counted (个月)
_FILLER_MONTH = re.compile(r"(?<=[那这])个(?=月[底初中])")
# 腊月二十八那个上午去…, 明天那个下午: voice input's filler between a day and its part of day
_FILLER_PART = re.compile(r"(?<=[号日天一二三四五六七八九十0-9])那个(?=[上下中]午|晚上|早上)")
_A_MOMENT_THEN_NEXT = re.compile(r"(?<![万统唯单第划])一下下(?=个?(?:礼拜|周|星期))")
# 整理一下礼拜三之前发给他: "一下" then this week's 礼拜三, not 下礼拜三.
_A_MOMENT_THEN_DAY = re.compile(r"(?<![万统唯单第划])一下(?=(?:礼拜|周|星期)[一二三四五六日天])")
# 下礼拜 呃 礼拜四下午两点: dictation names the week, pauses, then its day — next week's Thursday.
_NEXT_WEEK_THEN_DAY = re.compile(
    r"下个?(?:礼拜|周|星期)[^\S\n]*(?:呃|嗯|那个|就是)[^\S\n]*"
    r"(?P<day>(?:礼拜|周|星期)[一二三四五六日天])"
)


def _next_weeks_day(m: re.Match[str]) -> str:
    said = "下" + m["day"]
    return " " * (len(m[0]) - len(said)) + said


# 施厂张: voice input's 厂长 (not 工厂张经理).
_FACTORY_HEAD = re.compile(r"厂张(?![总经主工科处局院部老书])")
# 赵科张, 王局张说: voice input's 科长/局长 after a surname — never 万科张总, 信息科张主任 (a
# company or a department, then 张 and a title).
_SURNAME_CLASS = "".join(sorted(SURNAMES))
# (訾宗送合同, 糜宗还有, 笪社张: a rare surname too — not 师, 师宗 is a county)
_ANY_SURNAME_CLASS = "".join(sorted((SURNAMES | RARE_SURNAMES) - {"师"}))
_HEAD_SLIP = re.compile(
    rf"(?<=[{_ANY_SURNAME_CLASS}的][科局处院部厂所社])张(?![总经主工科处局院部老书助秘副师])"
)
# 严宗吃完饭, 欧阳宗 手机是: voice input's 总 after a surname (not 宗教, 正宗, 宗旨; not 宗 as a
# given name going on: 王宗明)
_BOSS_SLIP = re.compile(
    rf"(?:(?<=[{_ANY_SURNAME_CLASS}{WORDS_AS_SURNAMES}])|(?<={'|'.join(sorted(COMPOUND_SURNAMES))}))(?<!祖)宗"
    r"(?=[\s,。;:!?说讲他她吃了和跟在也都就让要呢啊吧嗯的约回送还给带下开谈挺去来见问]|通了|打|然后|$"
    r"|一起|人(?:挺|很|不错|还))"  # (陆宗一起吃饭, 申屠宗人挺好的, 郏宗带了两个人, 端木宗的秘书)
)
# 谢主人, 庹主人打个电话: voice input's 主任 after a surname (not 的主人, 女主人, 房主人)
# 佟可长, 仉可长通了电话: voice input's 科长 after a surname (not 可长期合作, 可长可短)
_SECTION_SLIP = re.compile(rf"(?<=[{_ANY_SURNAME_CLASS}])可长(?![期久远可])")
# 刘居长, 杨出长, 信息中心的出长: voice input's 局长 and 处长 (not 出长差, a long trip)
_BUREAU_SLIP = re.compile(rf"(?<=[{_ANY_SURNAME_CLASS}])居长")
_DIVISION_SLIP = re.compile(rf"(?<=[{_ANY_SURNAME_CLASS}的])出长(?![差途期])")
_DIRECTOR_SLIP = re.compile(rf"(?<=[{_ANY_SURNAME_CLASS}])(?<![的女男房店])主人(?![公翁家])")
# 黄经历, 陈东经历: voice input's 经理 after a name (not 他的经历, 工作经历了).
_MANAGER_SLIP = re.compile(
    rf"(?:(?<=[{_SURNAME_CLASS}])|(?<=[{_SURNAME_CLASS}][^\W\d_的]))经历(?![了过])"
)
# A place a 场长 heads (风电场, 农场, 牧场): without one, 场长 is voice input's 厂长.
_A_FARM = re.compile(r"[农林牧渔电马茶球鸡猪牛羊果苗矿草盐种殖验]场(?!长)|垦区|牧业|农垦")
# Cantonese said in more than one character, each of its length: 係 is 是 (not in 關係, 係數);
# 佢個仔 / 個仔 / 佢仔 his son, 佢個女 his daughter; 提我記得 remind me (提醒我得).
_CANTO_IS = re.compile(r"(?<![關关聯联干幹體体])係(?![數数统統])")
_CANTO_WORDS = (
    (
        re.compile(r"他个仔|(?<!一)个仔|他仔(?!细)"),
        lambda m: "他儿子" if len(m[0]) == 3 else "儿子",
    ),
    (re.compile(r"他个女(?![士人孩生的])"), lambda m: "他女儿"),
    (re.compile(r"提我记得"), lambda m: "提醒我得"),
    (re.compile(r"提我(?![的们])"), lambda m: "提醒"),
)
# 民國115年 (Taiwan's Republic era): the year in the common era, padded to the same length
_ROC_YEAR = re.compile(r"民国\s?(?P<n>[0-9]{2,3})(?=\s?年)")


def _roc_year(m: re.Match[str]) -> str:
    return str(ROC_YEAR_ZERO + int(m["n"])).rjust(len(m[0]))


_SPOKEN_RUN = re.compile(f"[{''.join(_SPOKEN_DIGITS)}]{{7,}}")
# 幺三九 七三一零 八八二六: a number read aloud in groups, as it is written.
_SPOKEN_GROUPS = re.compile(
    f"(?<![{''.join(_SPOKEN_DIGITS)}])[{''.join(_SPOKEN_DIGITS)}]{{3,4}}"
    # (一三九 五一六 七七六六五: a mobile said three, three and five)
    f"(?:[ ][{''.join(_SPOKEN_DIGITS)}]{{1,5}}){{1,6}}(?![{''.join(_SPOKEN_DIGITS)}])"
)

_PUNCT = {
    "，": ",",
    "、": "、",
    "。": "。",
    "；": ";",
    "：": ":",
    "！": "!",
    "？": "?",
    "（": "(",
    "）": ")",
    "【": "(",
    "】": ")",
    "「": "(",
    "」": ")",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "—": "-",
    "–": "-",
    "～": "~",
    "　": " ",
    "\u00a0": " ",
    "\t": " ",
    "\r": "\n",
    "…": "。",
    "·": " ",
}


def _build() -> dict[int, int]:
    table: dict[int, int] = {}
    for trad, simp in zip(TRADITIONAL, SIMPLIFIED, strict=True):
        table[ord(trad)] = ord(simp)
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII
        table[code] = code - 0xFEE0
    for src, dst in _PUNCT.items():
        table[ord(src)] = ord(dst)
    # Emoji and pictographs read as separators.
    for lo, hi in ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2B00, 0x2BFF), (0x2190, 0x21FF)):
        for code in range(lo, hi + 1):
            table[code] = ord(",")
    for code in (0xFE0F, 0x200D, 0x20E3, 0x3030, 0x303D):
        table[code] = ord(" ")
    for src, dst in _CANTONESE.items():
        table[ord(src)] = ord(dst)
    return table


_TABLE = _build()


# English dates in a Chinese note, said in Chinese of the same length (padded with spaces).
_EN_DAYS = {
    "mon": "一",
    "tue": "二",
    "wed": "三",
    "thu": "四",
    "fri": "五",
    "sat": "六",
    "sun": "日",
}
_EN_DAY = re.compile(
    # (下周 Wed: the week said in Chinese, the day in English)
    r"(?:(?P<zh>下下?个?(?:周|礼拜|星期))\s*)?"
    # (next Wed下午, 我this Friday把: English glued to Chinese, whose characters \b counts as
    # letters, so the words' ends are looked for as no Latin letter or digit)
    # (Mr. Sun, Ms Sun: a surname after the form of address, no day)
    r"(?<![A-Za-z0-9_@-])(?<!Mr\. )(?<!Mr )(?<!Ms\. )(?<!Ms )(?<!Mrs\. )(?<!Mrs )(?<!Dr\. )(?<!Dr )"
    # (next week Thursday, Thursday next week: the day of next week)
    # (Next next Monday: the week after next)
    r"(?:(?P<which>next\s+next|next|this|coming|last)\s+(?:week\s+)?)?(?P<d>mon|tue|wed|thu|fri|sat|sun)"
    r"(?:day|s|sday|nesday|rsday|r|rs|urday)?(?![A-Za-z0-9_@-])\.?"  # (微信sun-chu2020)
    r"(?:\s+(?P<after>next|this)\s+week(?![A-Za-z]))?"
    # (Sun总, Sun经理, Mon工: a surname in Latin letters before a title, no day)
    r"(?!\s?(?:总|工|经理|主任|先生|小姐|女士|老师|生|姐|哥|局|处|科|院|董|部))",
    re.IGNORECASE,
)
_EN_WORDS = {
    "tomorrow": "明天", "today": "今天", "tonight": "今晚", "yesterday": "昨天",
    "last night": "昨晚", "last week": "上周",
    "next week": "下周", "this week": "这周", "next month": "下个月", "eod": "",
    "eow": "周五",  # (EOW 之前给个 feedback: by the end of the working week)
    "tmr": "明天", "tmrw": "明天", "tmw": "明天", "tomo": "明天", "2moro": "明天",
}  # fmt: skip
_EN_WEEK_THEN_DAY = re.compile(
    r"(?i)(?<![A-Za-z])next\s+week\s*(?=(?:礼拜|星期|周)[一二三四五六日天])"
)
_EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# (the months' own spellings only: Mark and Janet are people)
_MON = (
    r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"(?:uary|ruary|ch|il|e|y|ust|t|tember|ober|ember)?(?![a-z])\.?"
)
# Jan 4, Dec 29th, 5 Jan: a month said in English, with its day.
_EN_DATE = re.compile(
    # (Dec 12-14, from 8 to 10 Dec: the days of a trip)
    rf"(?<![A-Za-z0-9])(?:{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th|[号日])?(?:\s*[-~]\s*(?P<d1>\d{{1,2}})(?![0-9:]))?"
    rf"|(?:(?:from\s+)?(?P<d0>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-~]\s*|\s+to\s+))?"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON.replace('mon>', 'mon2>')})"
    r"(?![A-Za-z0-9])"  # (Jan 4号: a Chinese 号 after the English month's day)
    r"(?!\s+(?:be|not|have|need|want)(?a:\b))",  # 3 May be fine: a verb, no month
    re.IGNORECASE,
)
# before 春节, before 月底: the deadline said the Chinese way round (春节前).
_EN_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:before|by)\s*(?P<what>春节|元旦|国庆|中秋|端午|月底|年底|周[一二三四五六日])"
)
# within 2 weeks, in 10 days, 3 weeks from today: a span from now, said the Chinese way (两周内,
# 10天后); "in" alone needs the count right after it (in 2 days' time, not in 2 rooms)
_EN_SPAN = re.compile(
    # (pay in 60 days, delivery within 4 weeks: terms, not a day)
    r"(?<!pay )(?<!paid )(?<!payment )(?<!due )(?<!delivery )(?<!deliver )(?<!ship )"
    r"(?<![A-Za-z])(?:(?P<within>within|in)\s+)?(?P<n>\d{1,2}|one|two|three|four|a)\s+"
    r"(?P<unit>days?|weeks?|months?)(?:'s? time)?(?P<from>\s+from\s+(?:today|now))?(?![A-Za-z])",
    re.IGNORECASE,
)
_EN_COUNT = {"one": "1", "a": "1", "two": "2", "three": "3", "four": "4"}
_EN_UNIT = {"d": "天", "w": "周", "m": "个月"}
# by 3/15, before 7/16: a deadline on a month and day, said the Chinese way round (3月15日前)
# (by 12/14 morning, by Mon 5pm: the day's hour follows, and 前 would part them — left as said)
_EN_NO_HOUR_AFTER = r"(?!\s*(?:\d|noon|morning|afternoon|evening|eod|cob|am|pm|[上中下晚早]))"
_EN_BY_DAY = re.compile(
    r"(?<![A-Za-z])(?:by|before)\s+(?P<m>1[0-2]|0?[1-9])/(?P<d>[0-3]?[0-9])(?![0-9/])"
    + _EN_NO_HOUR_AFTER,
    re.IGNORECASE,
)
# the last Friday of May: the month's last such weekday (5月最后一个周五)
_EN_LAST_WEEKDAY = re.compile(
    rf"(?<![A-Za-z])(?:the\s+)?last\s+(?P<d>mon|tue|wed|thu|fri|sat|sun)[a-z]*\s+(?:of|in)\s+{_MON}",
    re.IGNORECASE,
)
# CNY 前, before CNY, EOM: Chinese New Year and the month's end said in English (CNY alone
# is the currency: 报价 CNY 50万).
_EN_CNY_SAID = re.compile(r"\b(?:CNY|Chinese New Year)\s*[前后]|(?<=before )CNY\b|(?<=by )CNY\b")
_EN_EOM = re.compile(
    r"(?<![A-Za-z])(?:EOM|end of (?:the |this )?month|month[- ]end)(?![A-Za-z])", re.IGNORECASE
)
# by end of August: a deadline said with "by" (end of August alone is their period, read as
# no day; by year end was tried too and lowered blind2)
_EN_BY_END = re.compile(
    rf"(?<![A-Za-z])(?:by|before)\s+(?:the\s+)?end\s+of\s+{_MON}(?![A-Za-z])",
    re.IGNORECASE,
)


def _en_by_end(m: re.Match[str]) -> str:
    return _padded(f"{_EN_MONTHS.index(m['mon'][:3].lower()) + 1}月底前", len(m[0]))


# tomorrow AM, Monday PM: the half of a day said after it (3 pm is an hour, _EN_CLOCK's)
# (5月7号afternoon, 10/9 morning先: after a date's day too, but only the words — 3 pm is an hour)
_EN_HALF_DAY = re.compile(
    r"(?:(?<=[天一二三四五六日])(?P<gap> *)(?P<half>am|pm|morning|afternoon)"
    r"|(?<=[号日0-9])(?P<gap2> *)(?P<half2>morning|afternoon))(?![A-Za-z])",
    re.IGNORECASE,
)
_EN_WORD = re.compile(
    r"(?<![A-Za-z0-9_@-])(?:" + "|".join(_EN_WORDS) + r")(?![A-Za-z0-9_@-])", re.IGNORECASE
)
# (7.30pm: Singapore and Malaysia write the minutes after a dot)
_EN_CLOCK = re.compile(
    r"(?a:\b)(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ap>am|pm|a\.m\.|p\.m\.)", re.I
)


_NAME_GOES_ON = re.compile(
    r" (?!Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mr|Ms|Dr|Mrs|Madam|Morning|Afternoon"
    r"|Evening|Night|Noon|Lunch|Dinner|Breakfast|Meeting|Call|Visit|Next|This|Last|EOD)[A-Z][a-z]+"
)


_GIVEN_BEFORE = re.compile(r"(?<![A-Za-z])([A-Z][a-z]+) $")


def _padded(chinese: str, width: int) -> str:
    return chinese + " " * (width - len(chinese)) if len(chinese) <= width else " " * width


def _en_day(m: re.Match[str]) -> str:
    said = m[0].rstrip(".")
    if said.isupper() and len(said.split()[-1]) > 3:
        return m[0]  # SATS, SUNS: a name in capitals, no day
    if (
        not m["which"]
        and not m[0].endswith(".")  # (by Fri. Tender docs…: a sentence ends)
        and said[:1].isupper()
        and _NAME_GOES_ON.match(m.string, m.end())
    ):
        return m[0]  # Sun Hung Kai, Mon Cheri: a capitalised name going on, no day
    given = _GIVEN_BEFORE.search(m.string, max(0, m.start() - 20), m.start())
    surname = said.lower() in ("sun", "mon")  # (孙, 文 spelled: Monday and Sunday are days)
    if not m["which"] and not m["zh"] and surname and given and given[1] in GIVEN_NAMES:
        return m[0]  # Lily Sun, Kevin Mon: a surname after the given name, no day
    which = re.sub(r"\s+", " ", m["which"] or m["after"] or "").lower()
    week = {"next": "下周", "last": "上周", "next next": "下下周"}.get(which, "周")
    if m["zh"]:
        week = "下下周" if m["zh"].startswith("下下") else "下周"
    if m[0].endswith("."):  # (confirm by Fri. send him…: the full stop may end a sentence)
        return _padded(week + _EN_DAYS[m["d"].lower()], len(m[0]) - 1) + "."
    return _padded(week + _EN_DAYS[m["d"].lower()], len(m[0]))


def _en_clock(m: re.Match[str]) -> str:
    hour, minute, pm = int(m["h"]), m["m"], m["ap"].lower().startswith("p")
    if pm and hour < 12:
        hour += 12
    if not pm and not 7 <= hour <= 12:
        return m[0]  # 6am would read as six in the afternoon: left as written
    said = f"{hour}:{minute}" if minute else f"{hour}点"
    return _padded(said, len(m[0])) if len(said) <= len(m[0]) else m[0]


# next Mon to Wed, Jul 26 to Aug 6 (下周一 to 周三 by now): one stretch of days, as 到 says it.
_EN_TO = re.compile(
    r"(?<=[一二三四五六日天])\s+(?:to|till|until|-)\s+(?=周[一二三四五六日天]|\d{1,2}月\d)"
)


_DAY_THEN_DATE = re.compile(r"(?P<day>(?:下下?)?周[一二三四五六日]) (?P<gap> +)(?=\d{1,2}月\d)")


# Friday at 3pm, 1/6 at 2pm: "at" joins a day to its hour (blanked so the two read as one).
_EN_AT = re.compile(r"(?a:\b)(?:at|@)(?=\s*\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.))", re.I)


def _en_date(m: re.Match[str]) -> str:
    month = _EN_MONTHS.index((m["mon"] or m["mon2"])[:3].lower()) + 1
    day = int(m["d"] or m["d2"])
    if not 1 <= day <= 31:
        return m[0]
    if m["d0"] or m["d1"]:  # 8-12 Feb, Feb 8-12: the days of a trip
        first, last = (int(m["d0"]), day) if m["d0"] else (day, int(m["d1"]))
        said = f"{month}月{first}-{last}日"
        return _padded(said, len(m[0])) if len(said) <= len(m[0]) else m[0]
    return _padded(f"{month}月{day}日", len(m[0]))


def _half_day(m: re.Match[str]) -> str:
    said, gap = (m["half"], m["gap"]) if m["half"] else (m["half2"], m["gap2"])
    half = "上午" if said.lower() in ("am", "morning") else "下午"
    return gap + _padded(half, len(said))


def _cny(m: re.Match[str]) -> str:
    side = m[0][-1] if m[0][-1] in "前后" else ""  # (before CNY: _EN_BEFORE adds the 前)
    return _padded("春节" + side, len(m[0]))


# (they'll decide within 2 weeks, 他说 within a week 给答复: their promise, not the rep's day)
_EN_THEIRS_BEFORE = re.compile(r"(?i:\b(?:they|he|she|their|his|her)\b)|[他她佢]|客户")
_EN_DATE_SAID_AFTER = re.compile(r"\s*[—–\-:,(（]+\s*\d")
_EN_SENTENCE = re.compile(r"[.;!?。；！？\n]")


def _en_span(m: re.Match[str]) -> str:
    if not (m["within"] or m["from"]):
        return m[0]  # 2 days, 3 weeks alone: how long, not when
    if _EN_DATE_SAID_AFTER.match(m.string, m.end()):
        return m[0]  # in 10 days — 4/6 at 10am: the date itself follows
    ends = [e.end() for e in _EN_SENTENCE.finditer(m.string, 0, m.start())]
    if _EN_THEIRS_BEFORE.search(m.string, ends[-1] if ends else 0, m.start()):
        return m[0]
    n = _EN_COUNT.get(m["n"].lower(), m["n"])
    side = "内" if (m["within"] or "").lower() == "within" else "后"
    return _padded(n + _EN_UNIT[m["unit"][0].lower()] + side, len(m[0]))


def _en_last_weekday(m: re.Match[str]) -> str:
    month = _EN_MONTHS.index(m["mon"][:3].lower()) + 1
    return _padded(f"{month}月最后一个周{_EN_DAYS[m['d'].lower()]}", len(m[0]))


def _english(out: str) -> str:
    out = _EN_AT.sub(lambda m: " " * len(m[0]), out)
    out = _EN_SPAN.sub(_en_span, out)
    out = _EN_BY_DAY.sub(lambda m: _padded(f"{int(m['m'])}月{int(m['d'])}日前", len(m[0])), out)
    out = _EN_LAST_WEEKDAY.sub(_en_last_weekday, out)
    out = _EN_CNY_SAID.sub(_cny, out)
    out = _EN_EOM.sub(lambda m: _padded("月底", len(m[0])), out)
    out = _EN_BY_END.sub(_en_by_end, out)
    out = _EN_BEFORE.sub(lambda m: _padded(m["what"] + "前", len(m[0])), out)
    out = _EN_DATE.sub(_en_date, out)
    out = _EN_DAY.sub(_en_day, out)
    out = _EN_TO.sub(lambda m: _padded("到", len(m[0])), out)
    # (Thursday Dec 17: the padding goes before the weekday, so the day and its date meet)
    out = _DAY_THEN_DATE.sub(lambda m: m["gap"] + m["day"] + " ", out)
    # (next week 礼拜二: the week in English, the day in Chinese — 下 then the day, one word)
    out = _EN_WEEK_THEN_DAY.sub(lambda m: " " * (len(m[0]) - 1) + "下", out)
    out = _EN_WORD.sub(lambda m: _padded(_EN_WORDS[m[0].lower()], len(m[0])), out)
    out = _EN_HALF_DAY.sub(_half_day, out)
    return _EN_CLOCK.sub(_en_clock, out)


def _spoken_groups(m: re.Match[str]) -> str:
    digits = m[0].replace(" ", "")
    if len(digits) < 7 or (m[0].count("幺") + m[0].count("零") == 0 and digits[0] != "一"):
        return m[0]  # (三四 五六: numbers of things, not a phone; a phone has 幺, 零 or starts 一)
    if min(map(len, m[0].split(" "))) < 3 and (len(digits) != 11 or digits[0] not in "幺一"):
        return m[0]  # 幺三八 五零零 八二 六一四: groups said as they come only make a mobile
    # (one of 11 digits starting 1)
    return "".join(_SPOKEN_DIGITS.get(c, c) for c in m[0])


def fold(text: str) -> str:
    """The note with Simplified characters, ASCII digits/letters and emoji as commas;
    Cantonese, voice input's slips and spoken digits, and English dates, said as a Mainland
    rep would type them (each replacement of the same length)."""
    out = text.translate(_TABLE)
    if "係" in text:
        out = "".join("是" if c == "係" and _CANTO_IS.match(text, i) else o
                      for i, (c, o) in enumerate(zip(text, out, strict=True)))  # fmt: skip
    if "仔" in out or "他个女" in out or "提我" in out:
        for pattern, said in _CANTO_WORDS:
            out = pattern.sub(said, out)
    for typo, right in _TYPOS.items():
        if typo in out:
            out = out.replace(typo, right)
    if "民国" in out:
        out = _ROC_YEAR.sub(_roc_year, out)
    out = _SPOKEN_RUN.sub(lambda m: "".join(_SPOKEN_DIGITS[c] for c in m[0]), out)
    out = _SPOKEN_GROUPS.sub(_spoken_groups, out)
    out = _A_MOMENT_THEN_NEXT.sub("  下", out)
    out = _A_MOMENT_THEN_DAY.sub("  ", out)
    out = _NEXT_WEEK_THEN_DAY.sub(_next_weeks_day, out)
    out = _FILLER_MONTH.sub(" ", out)
    out = _FILLER_PART.sub("  ", out)
    out = _FACTORY_HEAD.sub("厂长", out)
    out = _HEAD_SLIP.sub("长", out)
    out = _MANAGER_SLIP.sub("经理", out)
    out = _BOSS_SLIP.sub("总", out)
    out = _DIRECTOR_SLIP.sub("主任", out)
    out = _SECTION_SLIP.sub("科长", out)
    out = _BUREAU_SLIP.sub("局长", out)
    out = _DIVISION_SLIP.sub("处长", out)
    if "院" in out and "幼儿园" not in out:  # 设计院的李园长: voice input's 院长
        out = out.replace("园长", "院长")
    if "场长" in out and not _A_FARM.search(out):  # 河钢唐钢的齐场长: voice input's 厂长
        out = out.replace("场长", "厂长")
    if any("a" <= c.lower() <= "z" for c in out):
        out = _english(out)
    blanked, labels = _CARD_LABEL.subn(lambda m: " " * len(m[0]), out)
    return blanked if labels >= 2 else out  # a card pasted as labelled fields reads as the card


# Name: / Title: / Company: (姓名：, 职务：) heading the lines of a card pasted as fields.
_CARD_LABEL = re.compile(
    r"(?m)^[ \t]*(?:Name|Title|Position|Designation|Company|姓名|职务|职位|公司)[ \t]*[:：][ \t]*"
)
