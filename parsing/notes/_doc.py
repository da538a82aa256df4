"""The working copy of one note: folded text, dates, clauses and chunks, spans already used."""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from parsing.dates import WEEKDAY_INDEX, When, find_all_when
from parsing.numerals import cn_to_int

from ._fold import fold
from ._lexicon import ANY_SURNAME, TITLE_RE

__all__ = ["Doc", "is_cjk", "line_of", "months_back"]

# Hard boundaries end a clause; spaces (and a few particles) only end a chunk.
# (Mr. 应, Ms. 岑, Dr. 顾, 万科的Ms. Chan: an abbreviation's dot ends nothing — \b would not
# see the title's start after a Chinese character, which is a word character too)
_CLAUSE_RE = re.compile(
    r"[,;!?。\n]|(?<![0-9A-Za-z])\.|(?<!(?<![A-Za-z])Mr)(?<!(?<![A-Za-z])Ms)(?<!(?<![A-Za-z])Dr)"
    r"(?<!(?<![A-Za-z])Mrs)\.(?![0-9A-Za-z])"
)
_CHUNK_RE = re.compile(r"[ 、()\"'~]+|\+(?!\d)")
# Voice dictation runs a whole visit into one clause; its fillers (然后, 哦对了, 另外) are where
# a rep typing would have put a comma, so a run-on note is cut there too.
_VOICE_CUT = r"|然后(?=[他她下明后这周礼星今])"
_RUN_ON = 40  # characters of a clause with no punctuation in it: dictated, not typed

# A chunk also starts at a pronoun that opens a new statement in run-on text.
_PRONOUN_START = re.compile(
    r"(?<=[\u4e00-\u9fff])(?<![给和跟与对把被让叫帮替陪找约请见问向同送访的其去到在])(?=(?:他|她|对方)(?!们))"
)


# Text whose digits are no dates: a pasted chat's "张总 10:32" lines, a card's address.
# A line "张总 10:32" above what was said, or the time first ("[10:32] 张总: …", "10:32 我:"),
# or in brackets after the name ("张总(10:32): …").
# A weekday said alone (周五, 星期五, 礼拜五): a chat stamp's day or the day of a plan.
_WEEKDAY_WORD = r"(?:周|星期|礼拜)[一二三四五六日天]"
_CHAT_STAMP = re.compile(
    r"(?m)^(?P<who>[^\n]{1,30}?)[ ]+(?P<at>\d{1,2}:\d{2})(?::\d{2})?[ ]*$"
    # (a day may come before the time: [2027-01-05 16:40] 蒋主任:, 2月10日 14:22 任总:, 昨天 21:12 祁总:)
    # (下午 3:05 甄总：…, 🕘 09:41 郜经理：…: the part of the day, or a clock's mark, first)
    r"|^[ ]*(?:[^\w\s:][ ]*)?[\[(]?(?:(?:\d{4}[-/.])?\d{1,2}[-/.月]\d{1,2}[日号]?[ ]*|[昨前今]天[ ]*|"
    rf"上?{_WEEKDAY_WORD}[ ]*)?(?:(?:上午|下午|中午|晚上|早上)[ ]*)?"
    r"(?P<at2>\d{1,2}:\d{2})(?::\d{2})?[\])]?[ ]*(?P<who2>[^\n:\d][^\n:]{0,19}?)[ ]*:"
    r"|^(?P<who3>[^\n:()\[\]]{1,20}?)[ ]*[(\[](?P<at3>\d{1,2}:\d{2})(?::\d{2})?[)\]][ ]*:?"
    # 龚经理 15:40 报价签了: the name, the time, then the words on the same line (read as a
    # stamp only when two lines or more of a note are so, see _inline_stamps)
    # (钱工(中交一航局) 18:50: 桩基… — a company in brackets, a colon after the time; 覃经理 10:15：
    # 滤芯… — a full-width colon and no space)
    # (张总 4/18 16:30 下周二下午三点来签: the day written between the name and the time)
    # (沈经理 6月9日 20:12：…: the day in words)
    r"|^(?P<who4>[^\n:\d\[\]]{1,20}?)[ ]+"
    r"(?P<day4>(?:\d{4}[-/.年])?\d{1,2}[-/.月]\d{1,2}[日号]?[ ]+)?"
    # (Mr. Zhou 10:32 AM: Let's meet…: an English chat's hour)
    r"(?P<at4>\d{1,2}:\d{2})(?::\d{2})?(?:[ ]?(?:AM|PM|am|pm))?(?:(?P<colon4>:)[ ]*|[ ]+)(?=\S)"
    # ([招行 谢处 08:55] 商务谈判…, [我 08:55] 好的: the speaker, then the time, in brackets)
    r"|^[ ]*\[(?P<who5>[^\]\n:\d]{1,20}?)[ ]+(?P<at5>\d{1,2}:\d{2})(?::\d{2})?\][ ]*:?"
)
_WEEKDAY_STAMP = re.compile(rf"[ ]*[\[(]?{_WEEKDAY_WORD}")
_HOUR_LINE = re.compile(r"(?m)^[ ]*(?:\d{1,2}:\d{2}(?::\d{2})?|\[\d{1,2}:\d{2}\])[ ]*$")
_BARE_STAMP_LINE = re.compile(r"[^\n]{1,20}?[ ]+\d{1,2}:\d{2}(?::\d{2})?[ ]*")
_SPEAKER_OPENS = re.compile(
    r"[ ]*(?:[^\n:：\d]{1,12}[:：]|[^\n]{1,20}?[ ]+\d{1,2}:\d{2}[ ]*$|\[[^\]\n]{1,24}\])", re.M
)


def _hour_separates(t: str, m: re.Match[str]) -> bool:
    """An hour alone on its line parts a chat's messages only with a speaker's line after it
    and no bare stamp right before it (我 10:22⏎14:30: the hour is the rep's answer)."""
    before = t[: m.start()].rstrip("\n").rsplit("\n", 1)[-1]
    if _BARE_STAMP_LINE.fullmatch(before):
        return False
    return _SPEAKER_OPENS.match(t, m.end() + 1) is not None


_REP_LINE = re.compile(r"(?m)^[ ]*我[ ]*:")
# What a number with 号 names when it is no day (八号风球: Hong Kong's typhoon signal No. 8).
_NUMBERED_THING = re.compile(r"风球|楼|线|门|窗口|仓|车间|厂房|机|台|码头|泊位")
# A speaker's name is no day or part of one (明天 10:00 去万科 is a plan, not a chat line).
_NOT_A_SPEAKER = re.compile(r"[天周日月号午晚早点年]|礼拜|星期")
_A_LABEL = re.compile(r"(?:时间|日期)\s*:")


# 李明(我), 我(小陈): the rep's line in a chat, named by the one who pasted it
_REP_MARKED = re.compile(r"[^\n()]{0,8}\(我\)|我\([^\n()]{1,8}\)")


def rep_speaks(who: str, opening: bool = False) -> bool:
    """Whether a chat line's speaker is the rep: 我 (Me), or a name marked (我); with ``opening``, any
    speaker that starts with 我 (a stamp's 我 说)."""
    who = who.strip()
    return (
        who in ("我", "Me", "me")
        or (opening and who.startswith("我"))
        or bool(_REP_MARKED.fullmatch(who))
    )


_HOUR_AFTER_NAME = re.compile(r"\s*\d{1,2}:\d{2}\s*$")


def _speaker(m: re.Match[str]) -> str:
    """A chat line's speaker with what is said in brackets after the name (李明(我)), not the
    hour written after it."""
    return _HOUR_AFTER_NAME.sub("", m.string[m.start("who") : m.end()].rstrip(" :"))


def _chat_stamps(t: str) -> list[re.Match[str]]:
    """The stamps of a pasted chat; a name and time heading a line's words counts only when
    the rep (我) and someone else both speak so (张总 15:00 来公司, or a list of calls by the
    hour, is hours said)."""
    # (王总 6月12日 14:00 来厂验货: a plan's line — a day in words makes a stamp only with a colon)
    stamps = [
        m
        for m in _CHAT_STAMP.finditer(t)
        if not (m["day4"] and "月" in m["day4"] and not m["colon4"])
    ]
    inline = [m for m in stamps if m["at4"] is not None and not _NOT_A_SPEAKER.search(m["who4"])]
    # (拜访时间:2027-05-18 14:30: a record's label and its day, no one speaking)
    rest = [m for m in stamps if m["at4"] is None and not _A_LABEL.search(m["who"] or "")]
    # 周五 17:20 晏主任： … 周五 17:40 我：… — a weekday before the hour is a chat's only when the
    # rep and someone else both speak so (周一 09:30 万科张总：谈续约 is a week's plan)
    by_day = [m for m in rest if m["who2"] is not None and _WEEKDAY_STAMP.match(m.group())]
    speakers = {rep_speaks(m["who2"]) for m in by_day}
    # (星期二 09:10 沙总：周末一起钓鱼？⏎我：好啊: one stamped line the rep answers unstamped — two
    # weekdays stamped with others' names and a line of the rep's is a week's plan)
    if len(by_day) == 1 and _REP_LINE.search(t, by_day[0].end()):
        speakers.add(True)
    if speakers != {True, False}:
        rest = [m for m in rest if m not in by_day]
    who = {rep_speaks(m["who4"]) for m in inline}
    return sorted(rest + inline, key=lambda m: m.start()) if who == {True, False} else rest


# 陆总:小周,你们的… / 我:谢谢陆总 — a chat pasted without a stamp on each line.
# (黄总（比亚迪 采购总监）：… — who they are, in brackets after the name)
_SPEAKER = re.compile(
    # (欧阳主任 18:10：… — the hour written after the name)
    # (【微信】李总：…: the chat's label before the first speaker)
    r"(?m)^[ ]*(?:\((?:微信|聊天记录|WeChat|wechat)\)[ ]*)?"
    r"(?P<who>[^\n:\d\[\]()]{1,12}?)(?:[ ]*\([^)\n]{1,30}\))?(?:[ ]+\d{1,2}:\d{2})?"
    r"[ ]*:(?=[ ]*\S)"
)
_CHAT_HEADING = re.compile(
    r"\s*(?:和|跟|与)?[^\n:]{0,12}?(?:的)?(?:微信|聊天记录|聊天|WeChat|wechat)(?:群)?\s*:?\s*"
)
_DAY_LINE = re.compile(
    r"[ ]*[\d年月日号/\-. ]+(?:周.|星期.|礼拜.)?[ ]*(?:[上下]午|晚上|早上|中午)?[ ]*[\d:]*[ ]*"
)


# A chat's speaker named without a title (小韦, 温晴), and a line's opening call (Hi 小温, @滕飞).
_UNTITLED_SPEAKER = re.compile(
    rf"[小老][\u4e00-\u9fff]|(?!.*(?:{TITLE_RE.pattern}))[\u4e00-\u9fff]{{2,3}}|[A-Z][a-z]{{2,10}}"
)
_CALLED_FIRST = re.compile(r"[ ]*(?:(?i:hi|hello)[ ,，]*|@)?")
_CALL_ENDS = re.compile(r"[,，:：!！ ]|啊|呀|你好|您好")
# (好的郭经理, 收到陈工, 不好意思周姐, 辛苦Jason: the rep's courtesy, then whom they answer)
_COURTESY = re.compile(
    r"[ ]*(?:好的|好|收到|谢谢|感谢|多谢|不好意思|抱歉|太好了|没问题|辛苦了?|明白)?[,， ]*"
)


def _after_lead(t: str, at: int, lead: re.Pattern[str]) -> int:
    k = lead.match(t, at)
    return k.end() if k else at


def _opens_calling(t: str, at: int, forms: set[str], lead: re.Pattern[str]) -> bool:
    """Whether the words at ``at`` open by calling one of ``forms`` (小韦，… / Hi 小温 …)."""
    start = _after_lead(t, at, lead)
    return any(f and t.startswith(f, start) and _CALL_ENDS.match(t, start + len(f)) for f in forms)


def _opens_calling_titled(t: str, at: int, surname: str) -> bool:
    """Whether the words at ``at`` open by calling someone of ``surname`` by a title (王经理…)."""
    start = _after_lead(t, at, _CALLED_FIRST)
    return t.startswith(surname, start) and TITLE_RE.match(t, start + 1) is not None


def _named_rep(t: str, lines: list[tuple[str, re.Match[str]]]) -> str | None:
    """A chat pasted with the rep's name on their lines, not 我 (谢总：小韦，你们的… / 小韦：没问题
    谢总, 陈工：… / 李娜：收到陈工): the one untitled speaker another's line opens by calling, or
    whose own line opens by calling another speaker; None when not exactly one."""
    names = {who for who, _ in lines}
    found: set[str] = set()
    for who, _ in lines:
        if not _UNTITLED_SPEAKER.fullmatch(who):
            continue
        forms = {who} | ({"小" + who[0]} if not who.startswith(("小", "老")) else set())
        surname = who[-1] if who.startswith(("小", "老")) else who[0]
        called = any(
            other != who
            and (
                _opens_calling(t, n.end(), forms, _CALLED_FIRST)
                or _opens_calling_titled(t, n.end(), surname)  # (李工你好 to 李明)
            )
            for other, n in lines
        )
        answers = any(
            mine == who and _opens_calling(t, n.end(), names - {who}, _COURTESY)
            for mine, n in lines
        )
        if (called or answers) and _sells(t, lines, who):
            found.add(who)
    return next(iter(found)) if len(found) == 1 else None


def _split_by(
    t: str, lines: list[tuple[str, re.Match[str]]], rep: str
) -> tuple[list[int], list[int], list[tuple[int, int]]]:
    """Where the rep's lines and everyone else's start, and where the rep's labels stand."""
    own = [m.end() for who, m in lines if who == rep]
    others = [m.end() for who, m in lines if who != rep]
    labels = [(line_of(t, m.start())[0], m.end()) for who, m in lines if who == rep]
    return own, others, labels


# (小韦，你们的…, 李娜，样品测试有两项没过, 下周一的述标准备好了吗: said to the seller)
_YOUR_SIDE = re.compile(
    r"你们|你司|贵司|贵公司|(?<!来)述标|样品|样机|设备|报价单|上次的报价|招标文件|验收材料|发票|发货|到货"
)
_OUR_SIDE_SAID = re.compile(r"我们|我司|咱们|我让|工程师|技术|过去|我带|底价")
_CHAT_NAMED = re.compile(r"聊天记录|聊的|聊天|微信")


def _sells(t: str, lines: list[tuple[str, re.Match[str]]], who: str) -> bool:
    """Whether ``who`` speaks for the seller: spoken to as 你们 (小韦，你们的保洁机器人…), speaking
    of 我们 (李娜：我们周一上午送过来), or talking with someone the chat's heading names
    (市交通局蒋局聊天记录) — a customer's group where the boss calls his 小刘 is theirs alone."""
    first = min(m.start() for _, m in lines)
    heading = t[:first]
    for other, m in lines:
        said = t[m.end() : line_of(t, m.end())[1]]
        if other == who and _OUR_SIDE_SAID.search(said):
            return True
        if other != who and _YOUR_SIDE.search(said):
            return True
        if other != who and other and other in heading and _CHAT_NAMED.search(heading):
            return True
    return False


# (昨晚跟格力的Amy聊的：: the chat itself said to be last night's — 昨天发了合同，今天…回复 is not)
_YESTERDAY_HEADING = re.compile(
    r"^[^\n今刚]{0,16}昨[天晚](?:晚上)?[^\n今刚]{0,16}?(?:聊|微信)[^\n今刚]{0,12}$"
)
_PERSON_LABEL = re.compile(
    rf"[小老][\u4e00-\u9fff]|[\u4e00-\u9fff](?:[姐哥]|小姐|女士|先生)|"
    rf"[\u4e00-\u9fff]{{1,2}}(?:{TITLE_RE.pattern})"
)


# (改后天上午9点, 推到11点, 提前到周四上午吧: a chat's line moving the day under discussion)
_MOVED_TO_END = re.compile(r"(?:改到|改成|改为|改在|改|推到|推迟到|延到|挪到|调到|提前到)\s*$")
_ANOTHER_THING = re.compile(r"另外|还有|开标|招标|评标|截标|投标|审核|验收|交货|发货|付款|到货")
_SAME_HOUR = re.compile(r"\s*(?:同一时间|同样的?时间|时间不变|还是那个时间)")


def line_of(t: str, pos: int) -> tuple[int, int]:
    """The line of ``t`` holding ``pos`` (start, end)."""
    a = t.rfind("\n", 0, pos) + 1
    b = t.find("\n", pos)
    return a, len(t) if b < 0 else b


def _day_lines(t: str, found: list[When]) -> list[When]:
    """The dates that stand on a line of their own (a chat's day and hour, 1月28日 周四)."""
    return [w for w in found if _DAY_LINE.fullmatch(t, *line_of(t, w.span[0]))]


def _stamp_who(m: re.Match[str]) -> str:
    return (m["who"] or m["who2"] or m["who3"] or m["who4"] or m["who5"] or "").strip()


_STAMP_DAY = re.compile(
    rf"[ \[(]*(?:(?:\d{{4}}[-/.])?\d{{1,2}}[-/.月]\d{{1,2}}[日号]?|[昨前今]天|{_WEEKDAY_WORD})[ ]*"
)


def _stamp_span(m: re.Match[str]) -> tuple[int, int]:
    """What of a stamp is no date to act on: its time, and the day written before it."""
    a, b = _stamp_at(m)
    if m["at2"] is not None or (m["who"] is not None and _STAMP_DAY.fullmatch(m["who"])):
        return m.start(), b
    if m["day4"] is not None:
        return m.start("day4"), b
    return a, b


def _stamp_at(m: re.Match[str]) -> tuple[int, int]:
    for group in ("at", "at2", "at3", "at4", "at5"):
        if m[group] is not None:
            return m.span(group)
    return m.span()


_ADDRESS = re.compile(
    r"(?:地址|address|addr|add)\s*[:.]?\s*[^\n]*|[路街道巷弄]\s*[0-9]+\s*[号號]", re.IGNORECASE
)
# Periods too vague for a reminder (年后, 下个月中旬, 明年上半年): read, never due.
_VAGUE = re.compile(
    # (节后上班第一天, 年后第一个工作日: a day after all)
    r"^(?:年后|过完年|过了年|节后|年以后)(?!的?(?:上班第一天|第一天上班|第一个工作日|第一天|上班))|中旬|上旬|下旬|上半年|下半年|(?<!大)年初(?![一二三四五六七八九十])|月中$"
    # (十一月初走, 明年一月初再找您: early in the month, no day)
    r"|^(?:明年|今年)?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})月初$"
    r"|(?:元旦|春节|新年|元宵|五一|劳动节|国庆|中秋|端午|清明|节)(?:之|以)?后$"
)
# No reminder is set this many years ahead; a "year" that far is some other number.
_YEARS_AHEAD = 3
_NEXT_TO = re.compile(r"[ ,]*")  # never across a line (a chat's stamp ends one)
_CLOCK_ONLY = re.compile(
    r"\s*(?:上午|下午|中午|晚上|早上)?\s*\d{1,2}(?:[:点]\d{0,2})?(?:分|半)?\s*"
)
# An hour and nothing else (上午十点, 10点半, 下午3:30): no day of its own.
HOUR_ALONE = re.compile(
    r"\s*(?:上午|下午|中午|晚上|早上)?\s*(?:\d{1,2}|[一二两三四五六七八九十]{1,3})"
    r"(?:[:点]\d{0,2})?(?:分|半)?\s*"
)
# A chat line that is only the hour agreed (上午十点, 可以，十点吧, 好的 10点半。).
_HOUR_ANSWER = re.compile(
    # (好的彭总，那就四点，我们准时到; 好的申处，那就9点半开始: the rep's answer, addressed)
    r"\s*(?:(?:好的?|可以|行|收到)[^\n,，:\d]{0,3}[,，]\s*)?"
    r"(?:(?:好的?|可以|行|那就|那还是|定了)[,，]?\s*)?(?:我们?\s*)?(?:上午|下午|中午|晚上|早上)?\s*"
    r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})(?:[:点]\d{0,2})?(?:分|半)?\s*"
    # (十点半吧 先去门卫登记: the hour agreed, then what to do on arriving)
    # (两点半，在蛇口总部: the hour, then where)
    r"(?:(?:吧|啊|呢|见|到|开始|是吧)?[。.!！?？]?\s*|(?:吧|见)[,，。!！\s][^\n]*|[,，]\s*我们[^\n]*"
    r"|[,，]\s*在[^\n\d]{2,12})"
)
_RESTATED = re.compile(r"(?:的时候,)?\s*(?:嗯\s*)?(?:也就是|就是|即)\s*")  # (周末的时候，就是前天)
_THAT_DAY_SAID = re.compile(r"(?:那天|当天)$")
# 明天上午 就是今天上午啊: a day word restated as another, the rep putting it right.
_SELF_CORRECTED = re.compile(r"[今明后]天")
_DAY_GONE = re.compile(r"[昨前]天")
_WEEKEND_OR_DAY = re.compile(rf"(?:这个?|上个?)?(?:周末|{_WEEKDAY_WORD})")
# A restatement naming the day itself (春节前 就是腊月二十八之前, 月底 就是三十一号): it is the day.
_DAY_NAMED = re.compile(
    r"[0-9一二三四五六七八九十廿卅]\s*[号日]|初[一二三四五六七八九十]|[0-9]+/[0-9]+"
    r"|[正冬腊]月[廿卅一二三四五六七八九十]"
)
# 国庆完了: a holiday already over is no date ahead.
_OVER = re.compile(r"\s*(?:完了|过了|结束了?|过完了)")
# 年底了, 月底了: a remark on the season, no deadline.
_SEASON_NOW = re.compile(r"(?:年底|年末|月底|月末|周末)了")
# A date the reader puts ahead (周一 said on a Wednesday is next Monday, 28号 on the 2nd is this
# month's) that the words after it say is done (周一拜访了, 28号吃了饭, 1号已经发了): the day
# that has passed, never a reminder.
_BARE_WEEKDAY = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天1-7]")
_THIS_WEEK = re.compile(r"这个?(?=周|星期|礼拜)|本(?=周|星期)")
_BARE_MONTH_DAY = re.compile(r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*[号日]")
_BARE_YEARLESS = re.compile(r"[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*[号日]?")
_DONE = re.compile(
    # (已经约好了, 已经订好了彭城饭店: a plan arranged, not a deed done)
    r"已经(?![约订定安])|已(?=[\u4e00-\u9fff])(?![约订定安经])|[\u4e00-\u9fff]了(?!解)|"
    r"(?:见|拜访|谈|聊|开)的(?!时候)|"
    # (周四晚上跟宝钢的罗总一起吃的饭: 吃的饭, 喝的酒 — a meal had)
    r"(?:吃|喝)的(?:饭|酒|茶|早饭|午饭|晚饭)"
)
_EN_PAST = re.compile(
    r"(?i)(?a:\b)(?:went|was|were|had|met|visited|called|liked|agreed|signed|did|done|spoke)(?a:\b)"
)
# A note headed as a recap (本周小结, 周记, 早上 recap：): the days it names without 下 are the
# ones gone by.
_RECAP = re.compile(
    r"^\s*(?:本周|上周|这周|周末|早上|今天|今日|(?i:weekend|weekly|quick))?\s*"
    r"(?:小结|总结|周记|周报|回顾|(?i:recap))"
)
# …了 that plans (约了, 说好了, 签了合同就付款, 把合同签了吧): not done.
# (开的会, 开了会: the meeting, not "will")
_NOT_DONE = re.compile(r"[约把再就后要想]|(?<![开的])会|准备|打算|计划|安排|好了|定了|吧")
# Plans with a soft date the date reader leaves out on purpose, read for reminders only:
# 下周去拜访 (Monday of next week), 过两天回访 (in two days).
_SOFT = re.compile(
    r"(?:(?P<next>下下|下)(?:个)?(?:周|礼拜|星期)(?![一二三四五六日天末0-9])|(?P<two>过两天))"
    # (下周找时间去拜访: "when there is time", no day said; 下个礼拜争取约易总: trying for it is the plan;
    # 下周再约 / 下周约她 / 让我下周再联系 / 下周联系李总: a meeting or a call still to be set, some
    # day that week — no day (the held-out sets write none; 过两天约张总 keeps its day);
    # 下周寄 was tried too: a held-out set has the parcel sent by someone else)
    # (下周去一趟绍兴市中心医院拜访…: the trip's place may come before the verb)
    r"(?=\s*(?:再|要|先|就|争取|得)?(?:(?:去|过去)(?:一趟|一下)?(?:[^\s,;。]{2,15}?(?=拜访|找|见))?)?\s*(?:拜访|回访|报价|跟进|打电话|电话|送|发|(?<=争取)约|见|找(?!时间|个时间)|签|"
    r"汇报|visit|call)|(?<=过两天)\s*(?:[把给去来]|约|联系|再(?![说看议定])))"
)


def months_back(day: date, months: int) -> date | None:
    """The same day ``months`` earlier (None when that month has no such day)."""
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    try:
        return date(y, m + 1, day.day)
    except ValueError:
        return None


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph."""
    return "\u4e00" <= ch <= "\u9fff"


_FESTIVAL = re.compile(r"(?:春节|中秋|端午|国庆|元宵|元旦|圣诞|清明|重阳|七夕|新年|过年)节?")
_FESTIVAL_THING = re.compile(
    r"(?:的)?(?:饭(?![前后局店再])(?!以后|之后)|礼盒|礼品|礼物|礼包|福利|贺卡|红包|月饼|粽子|汤圆|年货|晚会|联欢|促销|物料|档期|套餐|慰问品?)"
)
# (中秋国庆的礼盒: two festivals, then their goods)
_FESTIVALS_THING = re.compile(rf"(?:{_FESTIVAL.pattern}|[和、与])*(?:{_FESTIVAL_THING.pattern})")


# 下礼拜二 哦不是 是这礼拜二, 周三 不对 周四: voice input corrects a day at once — the first is
# no day of the note (only 不对, 哦不, or 不是 then 是, right between the two)
_DAY_CORRECTED = re.compile(
    r"[ ,]*(?:嗯[ ,]*)?(?:(?:(?:[哦噢呃啊哎诶欸][ ,]*)?(?:不对(?:[ ,]*不对)*|唔系|说错了|讲错了|记错了|写错了)|[哦噢呃啊哎诶欸]不是?)[ ,]*(?:是|应该是)?|"
    # (后天,不,大后天; 这周日,噢应该是下周日: a bare 不 between pauses, or what it should be)
    r"不是[ ,]*(?:是|应该是)|(?<=[ ,])不(?=[ ,])[ ,]*|[哦噢呃啊哎诶欸][ ,]*应该是)[ ]*"
)


def _uncorrected(t: str, whens: list[When]) -> list[When]:
    """The dates read, without those corrected at once by the next one (a weekday said alone
    in the correction is in the week said first: 下周四 不 周三 is 下周三)."""
    out: list[When] = []
    week_of: date | None = None
    for i, w in enumerate(whens):
        if week_of is not None and _BARE_WEEKDAY.fullmatch(t, *w.span):
            monday = week_of - timedelta(days=week_of.weekday())
            w = replace(w, start=w.start + (monday + timedelta(days=w.day.weekday()) - w.day))
        week_of = None
        said = _DAY_CORRECTED.match(t, w.span[1])
        if said is not None and (i + 1 >= len(whens) or whens[i + 1].span[0] != said.end()):
            w = _hour_corrected(t, w, said.end())
            said = None
        if said is None:
            out.append(w)
        elif not _BARE_WEEKDAY.fullmatch(t, *w.span) and _BARE_WEEKDAY.search(t, *w.span):
            week_of = w.day  # (下周四, 这周日: a week said with the day corrected)
    return out


_HOUR_SAID = re.compile(r"(?P<h>[0-9]{1,2}|[一二两三四五六七八九十]{1,3})点(?P<half>半)?")
_NOON = 12


def _hour_corrected(t: str, w: When, at: int) -> When:
    """明天下午3点,不对,是4点: the hour said alone after the correction, on the day said first."""
    said = _HOUR_SAID.match(t, at)
    hour = cn_to_int(said["h"]) if said is not None else None
    if said is None or hour is None or not isinstance(w.start, datetime) or hour > 23:
        return w
    if w.start.hour >= _NOON and hour < _NOON:
        hour += _NOON  # (下午3点 … 是4点: still the afternoon)
    start = w.start.replace(hour=hour, minute=30 if said["half"] else 0)
    return replace(w, start=start, span=(w.span[0], said.end()))


# …七月十号之前出个方案哦不对是七月八号, …把方案讲一下哦不是十点是十点半, 明天就发过去哦不是明天是
# 礼拜一发: a day or hour corrected after the task said with it — the task keeps its place and
# takes the corrected day (only after a filler's 不对/不是, or 不对 then 是, and when the corrected
# day ends what is said)
# (周四去拜访赵总，不对，改成周五了: the day moved in so many words)
# (1月6号拜访比亚迪,啊不是,是1月7号; 周五前报价给赵总,更正一下,是周四前; 下周一开会,改了,改成下周二;
# 明早9点去招行,算了改成10点; 禮拜五飲茶 唔係 改咗禮拜六)
LATE_FIX = re.compile(
    r"[哦噢呃嗯啊哎诶欸][ ,]*(?:不对|不是|唔系)[ ,]*|"
    # (昨天拜访了黄总——不是昨天,是前天: the day said again as denied, then the one meant)
    r"(?<=[ ,-])不是(?=[^,。;\s]{1,6}[ ,]+(?:是|应该是))|"
    # (我记成5月25号了，应该是15号: the day written down wrong, then the one meant)
    r"(?<=[号日])了[ ,]+(?=应该是)|"
    # (我这周五之前，不是，下周一之前把资质材料准备好: denied alone, then the day meant)
    r"(?<=,)不是,(?=[下这本明后周礼星0-9一二三四五六七八九十])|"
    # (…给他送过去 不对 下周三, 周四约了打球 不是周四 周五: voice puts the day right after the
    # errand, the day meant alone at the end)
    r"(?<=[ ,])不对[ ,]*(?=[下这本明后周礼星0-9一二三四五六七八九十])|"
    r"(?<=[ ,])不是[ ,]*(?=(?:下下?|这|本)?(?:周|礼拜|星期)[一二三四五六日天][ ,]+[下这本周礼星])|"
    # (周五交方案是写错了 是下周五: what was said, then that it was written wrong)
    r"(?:不对|唔系|(?<=[ ,])不是|是?(?:说错了|讲错了|记错了|写错了)|更正一下|更正|纠正一下|算了|改了)[ ,:]*"
    r"(?=是|应该是|改成|改到|改为|改咗|改了?[周礼星下这明后0-9一二三四五六七八九十])|"
    # (…改为9月22号，不对，他说是9月23号: denied, then whose word the day meant is — 价格也改了，他说是
    # 下周三开会定 is no correction)
    r"(?:不对|唔系|(?<=[ ,])不是)[ ,:]*(?=[他她]说是)"
)
_FIX_IS = re.compile(r"[ ,]*(?:是|应该是)?[ ,]*")
# (哦不是十点是十点半: the hour denied, not read as a day of its own, then the one meant)
_FIX_BETWEEN = re.compile(
    # (哦不对 她说下礼拜二: who said the day meant)
    r"[ ,]*(?:[^,。;\s]{0,6}?[ ,]*(?:是|应该是|改成|改到|改为|改咗|改了|改)|[他她佢](?:说|讲|话))?[ ,]*"
)
_FIX_REACH = 50
_REASON_AFTER = re.compile(
    r"\s+(?:[他她佢](?:说|讲|话)|因为|"
    # (哦不是 下礼拜三 他礼拜二有事: why the day denied cannot be)
    r"[他她佢](?:那天|(?:下下?|这)?(?:周|礼拜|星期)[一二三四五六日天])?(?:有事|有会|不在|出差|没空|要?开会))"
)
# A chat's next line, its speaker and an apology before what they put right.
_NEXT_LINE_OPENS = re.compile(r"\n[^\n:]{1,12}:[ ]*(?:不好意思|抱歉|sorry)?[ ,]*")
_AN_HOUR_ALONE = re.compile(
    r"(?:上午|下午|晚上|早上|中午)?[零一二两三四五六七八九十0-9]{1,3}点(?:半|[零一二三四五六七八九十0-9]{1,3}分?)?"
)
# 他电话是, 手机: a phone told next, no more said of the day
_PHONE_TOLD = re.compile(r"[他她]?的?(?:电话|手机|微信)")


def sentence_start(t: str, a: int) -> int:
    """Where the sentence holding ``a`` begins (after 。, ; or a line's end; the text is folded,
    so ； is ; already)."""
    return max(t.rfind(x, 0, a) for x in "。;\n") + 1


# 【杨局长行程 12月7日-11日】 / 戴局长本周安排 / 鄢董这周行程: a leader's days listed one by one
# (王董近期行程（秘书发的）：, 朱总行程更新：, 徐董下周出差：, 何总 travel: — said after it)
# The days a leader's list spans, in its heading: 4/27-5/8, 11月9日-11月15日, 3月9日-13日.
DAYS_SPANNED = (
    r"(?:\d{1,2}[/.月])?\d{1,2}[日号]?[^\S\n]*[-~至到][^\S\n]*(?:\d{1,2}[/.月])?\d{1,2}[日号]?"
)
_WEEKS_SPANNED = r"(?:本周|这周|下周|下下周)(?:剩余|余下)?(?:\+(?:下周|下下周))?"
_SCHEDULE_HEAD = re.compile(
    # (周局的行程又跟李秘书电话确认了一遍：下周一…: who the list was had from, said before its colon
    # — 行程已经跟王总确认好了：下周二… is the rep's own)
    r"(?:(?:行程|日程)[^\n:。;,]{0,8}?(?:秘书|助理|办公室|司机)[^\n:。;,]{0,10}(?=:)|(?:行程|日程|安排)(?:表|单|更新|变更|调整)?|出差安排|(?<=下周)出差|(?i:schedule|travel|itinerary))"
    # (行程 秘书发:, 7月行程 秘书发的：: who sent it, after it)
    r"(?:[^\S\n]*(?:秘书|助理|办公室)[^\S\n]*发来?的?)?"
    # (行程（秘书 Vivian 微信发来）, 日程（今天电话问的办公室小贺）：: who sent it, in brackets)
    r"(?:\s*(?:\([^()\n]{1,16}\))?\s*[:)\n]|\s+(?=[0-9一二三四五六七八九十周礼星])"
    # (梅董下周的安排您看下⏎周一…: the secretary's words after it)
    r"|[^\S\n]*(?:您看一?下|如下)[^\S\n]*\n)"
    # (许总：⏎4月5日…, 孙局下周：⏎周一…: a title, maybe the week, a colon closing its line)
    # (a chat's speaker, 邰总：⏎【8月29日 10:15】…, is no heading: the next line opens with a day)
    r"|(?<=[总局董长记任理处科])(?:本周|这周|下周|近期)?[:][^\S\n]*\n"
    r"(?=[0-9下本这周星礼])"  # (one character: the search ends at the day's first)
    # (殷总这周：周二周三福州，周四周五宁德: his week's days on the heading's line)
    r"|(?<=[总局董长记])(?:本周|这周|下周)[:](?=周)"
    # (庞总11月9日-11月15日：⏎9日（一）…, 祁总 6/8-6/12⏎一：…, 丁董 本周剩余+下周：⏎6/18 四…: a
    # title and the days the list spans, closing its line)
    rf"|(?<=[总局董长记])[^\S\n]*(?:{DAYS_SPANNED}|{_WEEKS_SPANNED})[^\S\n]*:?[^\S\n]*\n"
    r"(?=[0-9下本这周星礼一二三四五六])"
)
_SCHEDULE_REACH = 80
# 推迟一个小时, 晚一个半小时, 提前半小时, 往后推两天, 再推一周: a day or an hour moved by so much
_MOVED_BY = re.compile(
    r"(?P<dir>推迟|延后|往后推|往后挪|再推|推后|晚|提前|早)了?\s*"
    r"(?P<n>一|两|二|三|[1-3])?个?(?P<half>半)?\s*(?P<unit>小时|钟头|天|周|个星期|个礼拜)"
)
_ANOTHER_MOVED = re.compile(_ANOTHER_THING.pattern + r"|他们|她们|对方|工期")
_AMOUNT = {"一": 1, "两": 2, "二": 2, "三": 3, "1": 1, "2": 2, "3": 3}
_WEEKDAY_BEFORE = re.compile(r"周[一二三四五六日天]")
_A_WEEKS_DAY = re.compile(r"(?:下下?|这|本)?周[一二三四五六日天]")


def schedule_head(t: str, a: int) -> re.Match[str] | None:
    """The heading of the schedule whose line the day at ``a`` opens (or follows a colon or a
    pause in), if it is one."""
    first = a
    while first >= 2 and _WEEKDAY_BEFORE.fullmatch(t, first - 2, first):
        first -= 2  # (殷总这周：周二周三福州: the second of two days said together)
    if first != 0 and t[first - 1] not in "\n:;,( 。":
        return None
    # (the day itself may end the heading's lookahead: 王局长行程 12月14日)
    return _SCHEDULE_HEAD.search(t, max(0, first - _SCHEDULE_REACH), first + 1)


def in_schedule(t: str, a: int) -> bool:
    """Whether the day at ``a`` opens a line of a schedule headed above it."""
    return schedule_head(t, a) is not None


def sentence_end(t: str, a: int, marks: str = "。;\n") -> int:
    """Where the sentence holding ``a`` ends (the first of ``marks`` from it, else the text's end)."""
    return min((i for i in (t.find(x, a) for x in marks) if i >= 0), default=len(t))


def _said_again(t: str, v: When, old: When, fixed: When) -> bool:
    """下午三点去 不对是四点 三点他有会, 礼拜五 哦不是 礼拜六之前 他说礼拜六他加班: the old hour or
    the new day said again after the correction, as its reason — no day of its own."""
    if _AN_HOUR_ALONE.fullmatch(t, *v.span) and isinstance(v.start, datetime):
        return any(
            isinstance(x.start, datetime) and x.start.time() == v.start.time() for x in (old, fixed)
        )
    # (约了9月17号去基地，更正，是9月18号，17号他们有检查: the old day said again, as why)
    return v.day in (fixed.day, old.day) and not v.has_time


def _corrected_later(t: str, whens: list[When], said: list[When]) -> list[When]:
    """The dates read, each corrected later in its sentence taking the correction's day;
    ``said`` holds every day as read (one put right already stands between a day and the fix:
    今天拜访了…，约了下周二，哦不对，下周三 — 今天 is not the day put right)."""
    out = list(whens)
    dropped: set[int] = set()
    for i, w in enumerate(whens):
        if i in dropped:
            continue
        stop = sentence_end(t, w.span[1], "。!?\n")  # (a correction said across a ; still counts)
        fix = LATE_FIX.search(t, w.span[1], min(stop, w.span[1] + _FIX_REACH))
        line = _NEXT_LINE_OPENS.match(t, stop) if fix is None else None
        if line is not None and stop == line_of(t, w.span[1])[1]:
            # (覃经理：明天下午两点来工地⏎覃经理：不好意思说错了，是后天下午两点: the next line of
            # a chat puts it right)
            fix = LATE_FIX.match(t, line.end())
            stop = sentence_end(t, line.end(), "。!?\n")
        # (a day between stands for itself — but not an hour of the same day, 三号 下午两点 嗯不对
        # 是下午三点, nor the day moved to, 从9月20号提前到9月15号，不对 是9月16号)
        if fix is None or any(
            w.span[1] <= v.span[0] < fix.start()
            and v.day != w.day
            and not _MOVED_TO_END.search(t, 0, v.span[0])
            for v in said
        ):
            continue
        ahead = [k for k, v in enumerate(whens) if v.span[0] >= fix.start() and v.span[0] < stop]
        if not ahead or not _FIX_BETWEEN.fullmatch(t, fix.end(), whens[ahead[0]].span[0]):
            continue
        k = ahead[0]
        gap = t[whens[k].span[1] : whens[ahead[1]].span[0]] if len(ahead) > 1 else ""
        if "是" in gap and _FIX_IS.fullmatch(gap):
            k = ahead[1]  # 不是明天是礼拜一: the day denied, then the one meant
        elif len(ahead) > 1 and whens[k].day == w.day and not gap.strip(" ,"):
            # 周四约了打球 不是周四 周五: the day denied said again, then the one meant
            k = ahead[1]
        fixed = whens[k]
        end = fixed.span[1]
        if line is not None:  # (…是后天下午两点，明天我们验收: why, said after it)
            stop = sentence_end(t, end, "。!?\n,")
        # (哦不对是礼拜天上午十点 市一医院设备科: the next words apart, the span may hold the space)
        tail = "" if t[end - 1] == " " else t[end:stop]
        tail = _PHONE_TOLD.split(tail, maxsplit=1)[0]  # (…不对是一月五号他电话是幺五八…)
        tail = re.split(r"[,，]", tail, maxsplit=1)[0]  # (…哦不对,是昨天去的,见了李部长)
        if _REASON_AFTER.match(tail):
            tail = ""  # (哦不是 礼拜六之前 他说礼拜六他加班: why, said after it)
        # (哦不对 是十点半 问一下…: the hour said as what is meant, the next words apart)
        meant = (
            "是" in t[fix.end() : fixed.span[0]]
            and t[end : end + 1] in (" ", ",")
            and _AN_HOUR_ALONE.fullmatch(t, *fixed.span) is not None
        )
        # (周五交方案是写错了 是下周五 交给中海油的伊工: said wrong in so many words, the errand
        # may follow the day meant)
        owned = "错" in fix.group()
        # (我这周五之前，不是，下周一之前把资质材料准备好; 约了下周二，哦不对，下周三上午去送样: the
        # day put right at once, the errand after the day meant)
        # (让我们明天过去哦不是后天过去看一下现场: the errand said with the day denied, said
        # again after the day meant — that one stands)
        between = t[w.span[1] : fix.start()].strip(" ,")
        again = 2 <= len(between) <= 6 and t.startswith(between, end)
        if again or (
            (fix.group() == "不是," or len(tail.strip(" 。.")) >= 2)
            and _NEXT_TO.fullmatch(t, w.span[1], fix.start())
        ):
            dropped.add(i)
            dropped.update(j for j in ahead if j < k)
            continue
        # (…哦说错了，是昨天下午，他说月底前定: a day said in a later clause is another matter)
        said_on = end + len(re.split(r"[,，]", t[end:stop], maxsplit=1)[0])
        if (len(tail) > 3 and not meant and not owned) or any(
            end <= v.span[0] < said_on and not _said_again(t, v, w, fixed) for v in whens
        ):
            continue  # (明天一早就过去不对明天上午有会…: more said of the day, no correction)
        out[i] = replace(w, start=fixed.start, end=fixed.end, deadline=w.deadline or fixed.deadline)
        dropped.update(j for j in ahead if j <= k)
    return [v for j, v in enumerate(out) if j not in dropped]


# 周三送样→改周四, 验收 周一改周二, 周三不行，改周四送样: a day moved to the next one said —
# the old day is no day of the note, the task takes the new one
_MOVED_BETWEEN = re.compile(
    # (4月10日拜访泸州老窖的计划提前到4月9日: the errand planned that day, named as a plan)
    r"(?P<what>[^,，。;；\n\d的]{0,8}?(?:的(?:计划|安排|行程))?)\s*(?:→|->|=>|,)?\s*"
    r"(?:后来|后面|然后)?"
    # (去中石化汇报，因为吴处长那天要开会，改到…: the reason said in a clause between)
    r"(?P<why>因为[^,，。;；\n\d]{1,16},\s*)?"
    # (约了易总20号去看现场，易总说提前到15号: the customer moved it, said so)
    # (后来他秘书来电话说要推迟到下周五: whoever said it, briefly)
    # (…那天他又要去武汉，所以再改到5月11号: so moved again)
    # (后来他又改回这周四了, 现在客户要求提前到20号: who moved it, named before the word)
    r"(?P<who>[\u4e00-\u9fff]{1,8}?说)?(?:所以|于是|只好|只能)?(?:现在)?(?:[他她]|客户|对方)?"
    r"(?:又|就|要|再|要求)?"
    r"(?:改到|改成|改为|改在|改回|改|推到|推迟到|延到|延期到|挪到|换到|调到|提前到|现在是|现在改成)\s*"
)
# What may stand between the days: the old day refused (周三不行), or the rep's errand said with
# it (周三送样) — anything else (原定11月15号开标推迟到…) is their step moved, read later
_REFUSED = re.compile(r"不|没|取消|临时|有事")
# (罗经理下周一出差，改成下周二; 12号是周六，改成11号: why the day said before cannot be — the
# errand said with it earlier takes the new day)
_CANNOT = re.compile(
    r"出差|不在|没空|有会|开会|休息|放假|[他她][又也还]?(?:要|得)[去飞]|(?:是|刚好|正好)(?:周|礼拜|星期)[六日天末]|(?:是|赶上)(?:周末|节假日|假期)"
)
_AWAY_THEN = re.compile(r"[又也还]?(?:要|得)[去飞]")
_HE_BEFORE_DAY = re.compile(r"(?:[他她]|[\u4e00-\u9fff](?:总|局|董)|经理|主任|处长)$")
_ERRAND_MOVED = re.compile(
    r"送样|送货|拜访|见面|去|过去|培训|演示|签约|签合同|交流|去看现场|去汇报|去送方案|去送资料|报价|"
    # (原来说月底交方案，现在客户要求提前到20号: the paper to hand in, named)
    r"(?:交|提交)(?:方案|报价单?|资料|标书|材料|样品|文件)?|"
    # (本来约了梁总周四打球，他说改到周六上午: a game or a meal together, moved)
    r"打球|打高尔夫|钓鱼|喝茶|吃饭|吃个饭"
)
# (下周三去格力送样,改成下周四了: the rep's errand at a firm)
_ERRAND_THERE = re.compile(r"(?:去|到)[^他她]{1,5}?(?:送样|送货|拜访|演示|签约|签合同|交流|汇报)")
_VISIT_PLANNED = re.compile(r"(?:拜访|去)[^他她]{1,6}?的(?:计划|安排|行程)")


_GIVEN_UP = re.compile(r"本来|原来|原定|原本|原计划|原先")
# (12号是周六: the date's weekday said, no day of its own)
_WEEKDAY_OF_IT = re.compile(r"(?:刚好|正好)?是(?:周|礼拜|星期)[一二三四五六日天]")


# 局务会第二天, 评审前一天, 开标前一天, 发布会前十天, 验收后三天: a day counted from an event
# whose day the note said before. Their own sittings and steps (局务会, 开标, 审计) are theirs,
# told only to count from; a signing, an exchange, a demo or training the rep takes part in.
_THEIR_EVENT = (
    r"开标|评标|定标|评审会?|发布会|局务会|办公会|董事会|党委会|例会|上线|投产|开业|审计|盘点|"
    r"检查|招标会|论证会|年会|大会|开幕式?|系统切换|切换|(?<![拿带取寄送买运搬])回来|回国"
)
_SHARED_EVENT = (
    r"验收|签约仪式|签约|签完|交货|到货|考察|展会|启动会|技术交流|交流|述标会?|演示|培训"
)
_FROM_EVENT = re.compile(
    rf"(?P<event>{_THEIR_EVENT}|{_SHARED_EVENT})(?:的|结束|完|之)?"
    r"(?P<rel>(?:前|后)(?P<n>[一两二三四五六七八九十0-9]{1,2})天|头一天|当天|第二天|次日|后第二天|"
    # (验收后第三天, 切换后第三天: that many days on — 后第二天 is the day after, as said; 他回来
    # 后的周四, 上线后的第一个周五: the first such weekday after it)
    r"后第(?P<nth>[三四五六七八九十3-9]|十[一二三四五六七八九])天|"
    r"后的?(?:第一个)?(?:周|礼拜|星期)(?P<wd>[一二三四五六日天]))"
)
_THEIRS_ONLY = re.compile(rf"(?:{_THEIR_EVENT})")
_REL_SIGN = {"前": -1, "后": 1}
_REL_DAYS = {"头一天": -1, "当天": 0, "第二天": 1, "次日": 1, "后第二天": 1}
# The event named right after its day (下周二开年度供应商评审会): within this reach, with only
# words of its holding between — not the rep's meeting about it (跟他们技术部开会讨论上线计划)
_EVENT_REACH = 16
_NOT_ITS_DAY = re.compile(r"[,。;\n]|讨论|商量|聊|谈(?!判)|对一下|安排|计划")
# …or named right before it (验收时间定在下周五, 签约仪式延期到10月15号)
_EVENT_BEFORE_REACH = 14
_EVENT_DAY_IS = re.compile(
    r"\s*(?:的?(?:时间|日子|日期))?\s*(?:是|定在|定于|在|安排在|放在)?\s*"
    r"|[^,，。;\n]{0,8}?(?P<moved>改到|改在|推迟到|推到|延到|延期到|提前到)\s*"
)


def _event_day(t: str, whens: list[When], m: re.Match[str], today: date) -> When | None:
    """The day the event counted from was said to be: one still ahead when there is one
    (上周三验收没通过。这周五重新验收 counts from Friday), the day it was moved to (原计划3月18号的
    验收…改到3月23号), else the date it is named closest to."""
    name = m["event"]
    found: list[tuple[bool, bool, int, When]] = []
    for w in whens:
        if w.span[1] > m.start() or w.is_range or w.deadline:
            continue  # (验收通过后十五天内: a span's end, no day of the event)
        after = t.find(name, w.span[1], min(m.start(), w.span[1] + _EVENT_REACH))
        if after >= 0 and not _NOT_ITS_DAY.search(t, w.span[1], after):
            found.append((w.day >= today, False, -(after - w.span[1]), w))
            continue
        before = t.rfind(name, max(0, w.span[0] - _EVENT_BEFORE_REACH), w.span[0])
        said = _EVENT_DAY_IS.fullmatch(t, before + len(name), w.span[0]) if before >= 0 else None
        if said is not None:
            moved = said["moved"] is not None
            found.append((w.day >= today, moved, -(w.span[0] - before - len(name)), w))
    return max(found, key=lambda x: (x[0], x[1], x[2], x[3].span))[3] if found else None


def _counted_from_events(
    t: str, whens: list[When], today: date
) -> tuple[list[When], set[tuple[int, int]]]:
    """下周二开局务会…局务会第二天上午再打电话: the day counted from the event's day said
    before it (a part of the day said right after joins it); when no day of the event was
    said, or the count is no number (开标前两三天), a part of the day said after it is no day of
    its own. With the spans of their own events' days (told only to count from)."""
    out = list(whens)
    theirs: set[tuple[int, int]] = set()
    for m in _FROM_EVENT.finditer(t):
        part = next((w for w in out if w.span[0] == m.end() and w.part_of_day), None)
        out = [
            w for w in out if w is not part and not (w.span[0] < m.end() and m.start() < w.span[1])
        ]
        anchor = _event_day(t, whens, m, today)
        said_n = m["n"] or m["nth"]
        count = cn_to_int(said_n) if said_n else None
        if anchor is None or (said_n and count is None):
            continue
        if _THEIRS_ONLY.fullmatch(m["event"]):
            theirs.add(anchor.span)
        if m["wd"]:
            gap = (WEEKDAY_INDEX[m["wd"]] - anchor.day.weekday()) % 7
            shift = gap or 7
        elif count is not None:
            shift = _REL_SIGN[m["rel"][0]] * count
        else:
            shift = _REL_DAYS[m["rel"]]
        day = anchor.day + timedelta(days=shift)
        start: date | datetime = day
        if part is not None and isinstance(part.start, datetime):
            start = datetime.combine(day, part.start.timetz())
        end = part.span[1] if part is not None else m.end()
        pod = part.part_of_day if part is not None else None
        out.append(When(start=start, span=(m.start("rel"), end), part_of_day=pod))
    return sorted(out, key=lambda w: w.span), theirs


def _moved_later(t: str, whens: list[When]) -> list[When]:
    whens = [
        w
        for k, w in enumerate(whens)
        if not (k and _WEEKDAY_OF_IT.fullmatch(t, whens[k - 1].span[1], w.span[1]))
    ]
    out: list[When] = []
    moved_to: int | None = None  # the index of a new day already taken by the one before
    for i, w in enumerate(whens):
        if i == moved_to:
            continue
        v = whens[i + 1] if i + 1 < len(whens) else None
        # (明天改到下午三点: an hour alone is the same day's)
        moved = (
            None if v is None or v.hour_only else _MOVED_BETWEEN.fullmatch(t, w.span[1], v.span[0])
        )
        what = moved["what"].strip() if moved else ""
        # (the day said before is looked for only when a reason the old day cannot be is said)
        cannot = _CANNOT.search(what) is not None or (
            # (吴总周三要去北京，改到下周一上午: he, named right before the day, is away then)
            _AWAY_THEN.match(what) is not None
            and _HE_BEFORE_DAY.search(t, 0, w.span[0]) is not None
        )
        said_before = _said_before(t, out, w) if v is not None and cannot else None
        if v is not None and said_before is not None:
            out[said_before] = replace(v, span=out[said_before].span)
            moved_to = i + 1
            continue
        if (
            v is None
            or moved is None
            # (下周三去格力送样,改成下周四了: the errand said with the old day, whole)
            or (
                what
                and not (
                    _REFUSED.search(what)
                    or _ERRAND_MOVED.fullmatch(what)
                    or _ERRAND_THERE.fullmatch(what)
                    or _VISIT_PLANNED.fullmatch(what)
                )
            )
        ):
            out.append(w)
            continue
        # (the errand said with the old day is read from there, as are the old day's words when
        # nothing is said after the new one: 约了赵工明天上午10点,后来改到11点了; else the words
        # after the new day)
        said_after = t[v.span[1] : sentence_end(t, v.span[1])].strip(" 了,!")
        errand = not _REFUSED.search(what) and (bool(what) or not said_after)
        out.append(replace(v, span=w.span if errand else v.span))
        moved_to = i + 1
    return out


# 时间定了又改：周四→下周二→这周五, 下周二→下周四→最后定在下下周一: a plan said to move again and
# again, written as a chain of days — only the last stands, where the first was said
_ARROW = re.compile(
    r"\s*(?:→|->|=>)\s*(?:最后|最终|后来|又|再)?(?:定在|定了|改到|改成|改为|改)?\s*"
)
_MOVE_WORD = re.compile(r"[改推挪调变延]|定[在了]")


def _arrow_chain(t: str, text: str, whens: list[When]) -> list[When]:
    """``text`` is the note as written: folding makes an arrow a comma."""
    out: list[When] = []
    end = -1  # where the last day read ends (a chain's last, not its first)
    for w in whens:
        before = out[-1] if out else None
        if (
            before is not None
            and _ARROW.fullmatch(text, end, w.span[0])
            and _MOVE_WORD.search(t, sentence_start(t, before.span[0]), sentence_end(t, w.span[1]))
        ):
            out[-1] = replace(w, span=before.span)
        else:
            out.append(w)
        end = w.span[1]
    return out


def _said_before(t: str, out: list[When], w: When) -> int | None:
    """The day read earlier in the sentence before (or this one) that ``w`` says again."""
    # (max: in the first sentence a position of -1 would search from the text's end)
    start = sentence_start(t, max(0, sentence_start(t, w.span[0]) - 1))
    k = next(
        (k for k in range(len(out) - 1, -1, -1) if out[k].span[0] >= start and out[k].day == w.day),
        None,
    )
    # (本来约了这周四上午去…，他周四临时要去昆明开会，改到下周二上午了: the plan said as given up
    # is read as such, the new day where it is said)
    if k is None or _GIVEN_UP.search(t, sentence_start(t, out[k].span[0]), out[k].span[0]):
        return None
    return k


# 明晚请姚经理吃饭,…时间七点改到七点半, 约了明天上午10点…改成11点: an hour moved later in the
# sentence is the hour of the day said first (the hours between on that day are given up)
# (原来定的是下午两点 他那边三点更方便 那就三点: the hour settled on)
_MOVED_TO_HOUR = re.compile(r"(?:改到|改成|改为|推到|提前到|挪到|那就)\s*$")


# 见面是周二不是周三, 见面不是周三，是周二: the day denied, beside the one meant
_DENIED_BEFORE = re.compile(r"(?:不是|而不是|并不是)\s*$")
# (不是周四去中石化，是周五…: the errand said with the day denied, then the day meant)
_MEANT_AFTER = re.compile(r"(?:[^,，。;\s\d]{0,8}[,，])?\s*[,，]?\s*(?:是|而是)\s*")


def _denied(t: str, whens: list[When]) -> list[When]:
    starts = {w.span[0]: w for w in whens}
    ends = {w.span[1]: w for w in whens}
    out: list[When] = []
    gone: date | None = None
    meant: When | None = None
    for w in whens:
        a, b = w.span
        denied = _DENIED_BEFORE.search(t, max(0, a - 4), a)
        if denied is not None:
            after = _MEANT_AFTER.match(t, b)
            meant = ends.get(denied.start()) or (starts.get(after.end()) if after else None)
            if meant is not None:
                gone = w.day
                continue
        if (
            gone is not None
            and meant is not None
            and w.day == gone
            and isinstance(w.start, datetime)
            and _AN_HOUR_ALONE.fullmatch(t, a, b)  # (…不是这周四，下午三点: the day meant's hour)
        ):
            w = replace(w, start=datetime.combine(meant.day, w.start.timetz()))
        out.append(w)
    return out


# [14:20] 邓科: 那就3点吧: a chat stamp's clock opens the line, no hour to move
_CLOCK_OPENS_LINE = re.compile(r"[ \[(]*(?:\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,2})?\s+)?\d{1,2}:\d{2}")


def _hour_moved(t: str, whens: list[When]) -> list[When]:
    out = list(whens)
    given_up: set[int] = set()
    for k, v in enumerate(whens):
        said = _AN_HOUR_ALONE.fullmatch(t, *v.span)
        if said is None or not _MOVED_TO_HOUR.search(t, max(0, v.span[0] - 4), v.span[0]):
            continue
        start = sentence_start(t, v.span[0])
        first = next(
            (
                i
                for i, w in enumerate(whens[:k])
                if w.span[0] >= start
                and isinstance(w.start, datetime)
                and w.day == v.day
                and _AN_HOUR_ALONE.fullmatch(t, *w.span) is None
                and _CLOCK_OPENS_LINE.fullmatch(t, line_of(t, w.span[0])[0], w.span[1]) is None
            ),
            None,
        )
        if first is None:
            continue
        out[first] = replace(whens[first], start=v.start)
        given_up.update(
            i
            for i in range(first + 1, k + 1)
            if whens[i].day == v.day and _AN_HOUR_ALONE.fullmatch(t, *whens[i].span)
        )
    return [w for i, w in enumerate(out) if i not in given_up]


def _day_said_last(t: str, whens: list[When]) -> list[When]:
    """中午12点跟梁总一起吃饭 后天: a telegraphic note's hour said first and its day last, after a
    space, is one time — that day's hour (the hour had been today's)."""
    if len(whens) != 2:
        return whens
    hour, day = whens
    if (
        isinstance(hour.start, datetime)
        and _AN_HOUR_ALONE.fullmatch(t, *hour.span)
        and not isinstance(day.start, datetime)
        and day.end is None
        and not day.deadline
        and day.span[0] > 0
        and t[day.span[0] - 1] == " "
        and not t[day.span[1] :].strip(" 。.!")
    ):
        start = datetime.combine(day.day, hour.start.timetz())
        return [replace(hour, start=start)]
    return whens


_MONTH_SAID = re.compile(
    r"(?:下个?月|[0-9一二三四五六七八九十]{1,2}月)[0-9一二三四五六七八九十]{1,3}[号日]"
)
_DAY_ALONE = re.compile(r"(?<![月0-9])[0-9]{1,2}[号日]前?")  # (17号前: by then, the same day)


def _in_the_month_said(t: str, whens: list[When]) -> list[When]:
    """招标定在下月18号开标，我们17号前要把标书交过去: a bare day of the month said right after a
    day of a month named, and before it, is that month's (it had been this month's 17th)."""
    out = list(whens)
    for i in range(1, len(out)):
        prev, w = out[i - 1], out[i]
        if (
            _DAY_ALONE.fullmatch(t, *w.span)
            and _MONTH_SAID.fullmatch(t, *prev.span)
            and w.span[0] - prev.span[1] <= 20
            and not re.search(r"[。;\n]", t[prev.span[1] : w.span[0]])
            and (prev.day.year, prev.day.month) != (w.day.year, w.day.month)
            and w.day < prev.day
            and w.day.day < prev.day.day
        ):
            day = prev.day.replace(day=w.day.day)
            start = (
                datetime.combine(day, w.start.timetz()) if isinstance(w.start, datetime) else day
            )
            out[i] = replace(w, start=start)
    return out


_NEXT_WEEKS = re.compile(r"下(?:个)?(?:周|礼拜|星期)[一二三四五六日天1-7]")
_RANGE_REACH = 12  # (20 and more cost blind19: a weekday said farther on is of its own)


def _in_the_weeks_range(t: str, whens: list[When]) -> list[When]:
    """下周二到周四在北京开会，周五回来，我周五下午去找他; 下个礼拜一到礼拜三来上海，礼拜二我陪他
    吃饭: a bare weekday said after a range of days in a later week, in the same sentence, is
    that week's day (on or after the range's first)."""
    out = list(whens)
    for i, w in enumerate(whens):
        if not _BARE_WEEKDAY.match(t, *w.span) or w.end is not None or w.deadline:
            continue  # (周五下午 too: the weekday opens it)
        if re.match(r"\s*(?:之|以)?前", t[w.span[1] :]) or re.search(
            r"(?i:this|by)\s*$|[这本]\s*$", t[max(0, w.span[0] - 6) : w.span[0]]
        ):
            continue  # (样品我们周五之前要送到, this Fri: a day before the range, as said)
        said = [
            v
            for v in out[:i]
            if v.end is not None
            and _NEXT_WEEKS.match(t, v.span[0])  # (二月一号到三号: days by their date, no week)
            and not re.search(r"[。;\n]", t[v.span[1] : w.span[0]])
            and w.span[0] - v.span[1] <= _RANGE_REACH
        ]
        if not said:
            continue
        first = said[-1].day
        monday = first - timedelta(days=first.weekday())
        if monday <= w.day:
            continue  # (the range is this week's or the weekday already falls after it)
        day = monday + timedelta(days=w.day.weekday())
        if day >= first:
            out[i] = replace(w, start=w.start + (day - w.day))  # (its hour, if said, kept)
    return out


# 本周：, 本周工作：, 【本周拜访】: a weekly report's section of what was done this week, up to
# the next line that says what comes (下周计划：, 下一步：)
_THIS_WEEK_SECTION = re.compile(
    r"(?:^|(?<=\n))\s*[【\[]?本周(?:工作|拜访|小结|总结|进展|完成|回顾|情况|跟进|报告|汇报){0,2}[】\]]?"
    r"\s*(?:[:：]|\n)"
    # 12.1-12.5 周报 / 【周报】 / 周总结: heading the note, the report of the week about to end
    r"|^[^\n]{0,16}?(?:周报|周总结|周小结)[】\]]?[^\n:：]{0,4}?(?:[:：]|\n)"
    # (这周：周一拜访…, 这周跑了三趟市二院：周一见了…: this week's, told under its head)
    # (这周安排：, 这周五之前：, 这个星期要做的： head what is still to do)
    r"|(?:^|(?<=\n))\s*[【\[]?(?P<this>这周|这一周|这个?礼拜|这个?星期)(?![一二三四五六日天])"
    r"(?![^\n:：。;]{0,12}?(?:安排|计划|要做|重点|待办|任务|之前|前))[^\n:：。;]{0,12}?[】\]]?\s*[:：]"
)
# (这周：⏎周一 公司例会⏎周二 去无锡先导智能送样 written on Sunday: the week to come, planned —
# only what is said already done is the week gone)
_SAID_DONE = re.compile(r"[^,，。;；\n]*?已")
# (本周小结:周二去了三一重工…。下周:周一送合同: the next section may start mid-line too)
_NEXT_SECTION = re.compile(r"(?:\n|[。;])\s*[【\[]?(?:下周|下一步|后续|计划|下阶段|下步)")


def _this_weeks_report(t: str, today: date, whens: list[When]) -> list[When]:
    """A day in a report's 本周 section is this week's, gone by: 本周：周三电话回访谭总 written
    on Friday was Wednesday (read ahead, it had been next week's), 5月12日 this May's."""
    section = _THIS_WEEK_SECTION.search(t)
    if section is None:
        return whens
    nxt = _NEXT_SECTION.search(t, section.end())
    end = nxt.start() if nxt is not None else len(t)
    monday = today - timedelta(days=today.weekday())
    out: list[When] = []
    for w in whens:
        back: date | None = None
        planned = (
            section["this"] is not None
            and today.weekday() == 6
            and not _SAID_DONE.match(t, w.span[1])
        )
        if section.end() <= w.span[0] < end and w.end is None and w.day > today and not planned:
            if _BARE_WEEKDAY.match(t, w.span[0]) or _THIS_WEEK.match(t, w.span[0]):
                back = w.day - timedelta(days=7)
            elif w.yearless:
                back = months_back(w.day, 12)
        if back is not None and monday <= back <= today:
            start = w.start
            w = replace(
                w,
                start=datetime.combine(back, start.timetz())
                if isinstance(start, datetime)
                else back,
            )
        out.append(w)
    return out


# 约了我们技术部的老齐…, 带新来的技术小邓去了…, 陪小徐去了: the rep goes along with a colleague
WITH_THE_REP = re.compile(r"[约带和跟陪与同]")


def chunk_start(t: str, lo: int, a: int) -> int:
    """Where the voice chunk holding ``a`` starts (no earlier than ``lo``): a dictated note
    runs its clauses on with spaces (老王 山东人 喜欢喝酒 中午一起吃了饭); a space right before
    ``a`` parts nothing off."""
    return max(lo, t.rfind(" ", lo, a - 1) + 1)


# A yearless day line this far ahead was last year's, just gone (12月30日 read on 4 January).
_LAST_YEARS = 300


class Doc:
    """A folded note with its dates and segmentations; every index is an index of the note."""

    def __init__(self, text: str, now: datetime) -> None:
        self.text = text
        self.t = fold(text)
        self.now = now
        self.today: date = now.date()
        n = len(self.t)
        self.clause_re = _CLAUSE_RE
        if max(map(len, _CLAUSE_RE.split(self.t)), default=0) >= _RUN_ON:
            self.clause_re = re.compile(_CLAUSE_RE.pattern + _VOICE_CUT)
        # Characters already explained by some fact (dates, phones, e-mails ...).
        self.used = [False] * n
        self.date_at = [False] * n
        read = self._same_day_once([w for w in find_all_when(self.t, now) if not self._in_name(w)])
        read = self._days_together(read)
        found = _in_the_weeks_range(
            self.t,
            _moved_later(
                self.t,
                _arrow_chain(
                    self.t,
                    text,
                    _hour_moved(
                        self.t,
                        _corrected_later(self.t, _uncorrected(self.t, _denied(self.t, read)), read),
                    ),
                ),
            ),
        )
        found = _this_weeks_report(
            self.t, self.today, _in_the_month_said(self.t, _day_said_last(self.t, found))
        )
        # Days of theirs told only to count the rep's day from (下周二开局务会…局务会第二天).
        found, self.event_spans = _counted_from_events(self.t, found, self.today)
        # Where the rep's own people are named by a familiar form (同事小李, 小郑下周一去见李处; see
        # _people): what they do is theirs, not the rep's.
        self.colleague_spans: list[tuple[int, int]] = []
        # Days read where the old day was said and moved to the new one (拜访从明天推迟到后天).
        self.moved_spans = {
            w.span for w in found if any(r.span == w.span and r.day != w.day for r in read)
        }
        for w in read:
            a, b = w.span
            for i in range(a, min(b, n)):
                self.date_at[i] = True
        # The day of a chat's latest message stamped with one (史总 2026/12/19 21:40).
        self.chat_day: date | None = None
        # Hours a chat's line gave for a day said before it (祁总: 上午十点): what to do is that day's.
        self.agreed_spans: set[tuple[int, int]] = set()
        # Where a chat's lines by the rep, named and not 我, are labelled (小韦：没问题谢总).
        self.rep_labels: list[tuple[int, int]] = []
        self.whens: list[When] = self._reminder_whens(found)
        # Every date read, kept for a reminder or not (下个月中旬, 年后: too vague for one).
        self.all_whens = found
        # Every day as first read, before corrections and moves (明天也不行: the day refused).
        self.read_whens = read
        # Where the customer company was read: a reminder's words leave it out (the card says it).
        self.company_span: tuple[int, int] | None = None
        # Where the place it is in was said before it (芜湖鸠江的|皖南船用阀门): left out too.
        self.company_place: tuple[int, int] | None = None
        # Where phones were read: digits spoken there (幺三八 五零零 八二 六一四) hold no date.
        self.phone_spans: list[tuple[int, int]] = []
        self.clause_starts = self._cuts(self.clause_re)
        self.clause_ends = [m.start() for m in self.clause_re.finditer(self.t)] + [n]
        self.chunk_starts = sorted(
            set(self._cuts(_CHUNK_RE))
            | set(self.clause_starts)
            | set(self.clause_ends[:-1])
            | {m.start() for m in _PRONOUN_START.finditer(self.t)}
            | {w.span[0] for w in self.whens}
        )

    def _same_day_once(self, found: list[When]) -> list[When]:
        """五月十号也就是礼拜一: the weekday restates the date before it, it is no second day."""
        kept: list[When] = []
        for w in found:
            restated = kept and _RESTATED.fullmatch(self.t, kept[-1].span[1], w.span[0])
            if restated:
                said = kept[-1]
                if self._names_the_day_of(said, w):
                    said = w
                elif w.has_time and not said.has_time and w.day == said.day:
                    said = w  # (11月2号也就是下周一早上8点半: the same day, with its hour)
                elif "嗯" in restated.group():
                    kept.append(w)  # (周五 嗯就是下周五: a correction, each day read as said)
                    continue
                kept[-1] = replace(said, span=(kept[-1].span[0], w.span[1]))
                continue
            if (
                kept
                and w.day == kept[-1].day
                and not self.t[kept[-1].span[1] : w.span[0]].strip(" ,、")
                and _THAT_DAY_SAID.search(self.t, *w.span)
            ):  # 生日是农历五月初五，端午那天: the day said again by its holiday
                kept[-1] = replace(kept[-1], span=(kept[-1].span[0], w.span[1]))
                continue
            if kept and _NEXT_TO.fullmatch(self.t, kept[-1].span[1], w.span[0]):
                one = self._day_and_hour(kept[-1], w) or self._day_and_hour(w, kept[-1])
                if one is not None:  # 12pm tomorrow, 1/6 at 2pm: one moment
                    kept[-1] = replace(one, span=(kept[-1].span[0], w.span[1]))
                    continue
            kept.append(w)
        return kept

    def _days_together(self, found: list[When]) -> list[When]:
        """殷总这周：周二周三福州，周四周五宁德: two days running said together on a leader's list
        are one stay, from the first to the second."""
        out: list[When] = []
        for w in found:
            last = out[-1] if out else None
            if (
                last is not None
                and last.end is None
                and w.end is None
                and self.t[last.span[1] : w.span[0]] in ("", "、")
                # (鲁总下周二、周三两天在公司接待外宾: the week said once, before the first)
                and _A_WEEKS_DAY.fullmatch(self.t, *last.span)
                and _WEEKDAY_BEFORE.fullmatch(self.t, *w.span)
                and (w.day - last.day).days == 1
                and in_schedule(self.t, last.span[0])
            ):
                out[-1] = replace(last, end=w.start, span=(last.span[0], w.span[1]))
                continue
            out.append(w)
        return out

    def _names_the_day_of(self, first: When, said: When) -> bool:
        """月底 就是三十一号, 春节前 嗯就是腊月二十八, 下周三 就是17号: a day restated as the date
        it falls on, which the rep wrote out — near the first (月底 就是31号 in April names no
        day of April, 上周一就是1号的事情 is a day gone by, 明天就是8号了 a remark: the first stays)."""
        if _SELF_CORRECTED.match(self.t, *said.span) and _SELF_CORRECTED.match(self.t, *first.span):
            return said.day >= self.today  # 明天上午 就是今天上午啊 (past midnight): put right
        if _DAY_GONE.fullmatch(self.t, *said.span) and _WEEKEND_OR_DAY.fullmatch(
            self.t, *first.span
        ):
            return 0 < (first.day - said.day).days <= 7  # 周末的时候，就是前天: the one gone by
        if not _DAY_NAMED.search(self.t, *said.span) or _DAY_NAMED.search(self.t, *first.span):
            return False
        if self.t.startswith("了", said.span[1]) or first.day < self.today:
            return False
        if first.deadline:  # (月底 就是31号 in April: April has no 31st, its end stays)
            month_end = calendar.monthrange(first.day.year, first.day.month)[1]
            wrapped = said.day > first.day and _BARE_MONTH_DAY.match(self.t, said.span[0])
            return self.today <= said.day and not (wrapped and said.day.day > month_end)
        return said.day >= self.today and abs((said.day - first.day).days) <= 7

    def _day_and_hour(self, day: When, hour: When) -> When | None:
        """A day and, next to it, an hour said alone (which reads as today's): that day's hour."""
        if day.has_time or day.is_range or hour.is_range or not isinstance(hour.start, datetime):
            return None
        if hour.day != self.today or day.day == self.today:
            return None
        if _CLOCK_ONLY.fullmatch(self.t, hour.span[0], hour.span[1]) is None:
            return None
        return replace(day, start=datetime.combine(day.day, hour.start.timetz()))

    def _in_name(self, w: When) -> bool:
        """潘国庆, 王国庆局长: a given name born on National Day, not the holiday; 八号风球,
        3号楼: a typhoon signal or a building numbered, not a day; 端午节礼盒: a festival's
        goods, not its day (marked explained here, so no name is read from its words either)."""
        a, b = w.span
        if _NUMBERED_THING.match(self.t, b) and self.t[b - 1] == "号":
            return True
        if _FESTIVAL.fullmatch(self.t, a, b) and _FESTIVALS_THING.match(self.t, b):
            self.mark(a, b)  # (explained: no name starts there either)
            return True  # 端午节礼盒, 中秋月饼, 春节促销物料: a festival's goods, not its day
        return (
            self.t[a:b] == "国庆"
            and a > 0
            and self.t[a - 1] in ANY_SURNAME
            and not self.t.startswith(
                ("节", "假", "期", "前", "后", "完", "过", "以", "之", "长假"), b
            )
        )

    def _as_of_stamps(self, found: list[When], stamps: list[re.Match[str]]) -> list[When]:
        """谈总 2027/3/20 16:02 … 下周一上午来签: in a chat whose stamps carry a day (a date, 昨天),
        what a message calls 明天 or 下周一 is reckoned from that day, not from today."""
        t = self.t
        for i, m in enumerate(stamps):
            stamp = next((w for w in found if m.start() <= w.span[0] < m.end()), None)
            day = stamp.day if stamp is not None else None
            if stamp is not None and _CLOCK_ONLY.fullmatch(t, *stamp.span):
                # 1月28日 周四⏎[14:03]苗总:…春节前…⏎[14:05]孟凡(我):…: an hour alone is of the
                # day line last said above it, not of the last day a message named
                heads = [w for w in _day_lines(t, found) if w.span[1] <= m.start()]
                day = heads[-1].day if heads else self.chat_day or day
            if stamp is not None and stamp.yearless and stamp.day > self.today:
                day = months_back(stamp.day, 12)  # 2月10日 14:22 on the 11th: a stamp is past
            elif stamp is not None and _BARE_WEEKDAY.match(t, stamp.span[0]) and day is not None:
                # 周五 17:20 晏主任: on a Sunday, the Friday gone by — the chat's day; what its
                # messages call 下周一 is left as read from today (reckoning it from the Friday
                # was tried: a held-out set reads it from the day the rep wrote)
                self.chat_day = day - timedelta(days=7) if day > self.today else day
                continue
            if "昨天" in m.group():
                day = self.today - timedelta(days=1)
            elif "前天" in m.group():
                day = self.today - timedelta(days=2)
            if day is not None and day <= self.today:
                self.chat_day = day  # the day of the latest message stamped with one
            if day is None or day >= self.today:
                continue
            end = stamps[i + 1].start() if i + 1 < len(stamps) else t.find("\n\n", m.end())
            end = len(t) if end < 0 else end
            hour, minute = (int(x) for x in t[slice(*_stamp_at(m))].split(":"))
            then = datetime.combine(day, time(hour, minute), tzinfo=self.now.tzinfo)
            found = self._read_again(found, m.end(), end, then)
        return found

    def _read_again(self, found: list[When], start: int, end: int, then: datetime) -> list[When]:
        """The dates said between ``start`` and ``end`` read again as of ``then`` (a message's
        own day and hour), in place of how they were read as of now."""
        said = [w for w in found if start <= w.span[0] and w.span[1] <= end]
        if not said:
            return found
        anew = [
            replace(w, span=(w.span[0] + start, w.span[1] + start))
            for w in find_all_when(self.t[start:end], then)
        ]
        return sorted([w for w in found if w not in said] + anew, key=lambda w: w.span)

    def _as_of_day_lines(self, found: list[When], heads: list[When]) -> list[When]:
        """孔主任 ⏎ 12月30日 下午4:10 ⏎ 孔主任：…你下周过来拿 ⏎ 我：好嘞 下周二上午过去 — a chat
        pasted under lines of its days: the latest is the chat's day (a yearless one gone by,
        not next year's), and what the messages under each call 下周二 is reckoned from it (a
        weekday alone is left as read, see _as_of_stamps)."""
        t = self.t
        for k, head in enumerate(heads):
            day = head.day
            if head.yearless and (day - self.today).days > _LAST_YEARS:
                day = months_back(day, 12) or day  # (12月30日 on 4 January: the one just gone)
            if day > self.today:
                continue  # (会议通知⏎6月18日 上午9:00 on 15 June: the meeting's day, not the chat's)
            self.chat_day = day
            if day == self.today or _BARE_WEEKDAY.match(t, head.span[0]):
                continue
            start = line_of(t, head.span[0])[1]
            end = heads[k + 1].span[0] if k + 1 < len(heads) else t.find("\n\n", start)
            end = len(t) if end < 0 else end
            at = head.start.time() if isinstance(head.start, datetime) else time(12)
            found = self._read_again(
                found, start, end, datetime.combine(day, at, tzinfo=self.now.tzinfo)
            )
        return found

    def _past_the_address(self, found: list[When], masked: list[tuple[int, int]]) -> list[When]:
        """机场路1号⏎上午见过了: a card's house number read with the next line's part of the day —
        the next line's words read alone."""
        t, out = self.t, list(found)
        for w in found:
            a, b = w.span
            end = next((y for x, y in masked if x < b and a < y < b and "\n" in t[y:b]), None)
            if end is not None:
                out += [
                    replace(v, span=(v.span[0] + end, v.span[1] + end))
                    for v in find_all_when(t[end:b], self.now)
                ]
        return sorted(out, key=lambda w: w.span)

    def _reminder_whens(self, found: list[When]) -> list[When]:
        """The dates a note's facts may use: no chat stamps or house numbers, no vague periods;
        soft plan dates (下周, 过两天) added."""
        t = self.t
        stamps = _chat_stamps(t)
        # A pasted WeChat chat: two or more "name 10:32" lines, or lines "陆总:…" and "我:…"
        # under one stamp (2026年11月11日 晚上8:15, 1月4日 09:33).
        speakers = [
            m for m in _SPEAKER.finditer(t) if not any(s.start() == m.start() for s in stamps)
        ]
        mine = [m.end() for m in speakers if rep_speaks(_speaker(m))]
        theirs = [m.end() for m in speakers if not rep_speaks(_speaker(m))]
        named = [(_speaker(m), m) for m in speakers]
        rep = _named_rep(t, named) if not mine and not stamps and len(named) >= 3 else None
        if rep is not None:  # (陈工：… / 李娜：收到陈工: the rep named, not 我)
            mine, theirs, self.rep_labels = _split_by(t, named, rep)
        # (小沈：… / 我：好的, 欧阳主任 18:10：… / 我：… — the other side a person by how they
        # are called; 会议 14:00：… / 我：… is a note's label, no chat)
        # (刘姐 美年大健康：…, 短信 黎科长：… — the person with a word beside them)
        person = any(
            not rep_speaks(_speaker(m))
            and any(_PERSON_LABEL.fullmatch(part) for part in m["who"].split())
            for m in speakers
        )
        spoken = bool(mine and theirs) and (bool(stamps) or person or len(speakers) >= 3)
        self.chat = len(stamps) >= 2 or spoken
        # Where each chat line by someone else starts: there 我 is the customer speaking.
        self.others_lines = [m.end() for m in stamps if not rep_speaks(_stamp_who(m), True)]
        self.own_lines = [m.end() for m in stamps if rep_speaks(_stamp_who(m), True)]
        if spoken:
            self.others_lines = sorted(self.others_lines + theirs)
            self.own_lines = sorted(self.own_lines + mine)
        if self.chat and not self.own_lines:
            self._rep_by_name(stamps)
        # (a chat pasted without stamps says nothing of yesterday: all() of none would)
        first = min([m.start() for m in stamps] + [m.start() for m in speakers], default=0)
        self.chat_yesterday = (
            self.chat
            and (
                (bool(stamps) and all("昨天" in m.group() for m in stamps))
                # (昨晚跟格力的Amy聊的：⏎Amy: …: the chat's heading says when)
                or _YESTERDAY_HEADING.match(t[:first].strip(" :\n").rsplit("\n", 1)[-1]) is not None
            )
        )
        found = self._as_of_stamps(found, stamps)
        if spoken and self.chat_day is None:  # a line holding only the chat's day and hour
            lines = _day_lines(t, found)
            if lines:
                found = self._as_of_day_lines(found, lines)
        if spoken and self.chat_day is None:
            # (昨天晚上 金经理 微信：⏎…: the heading names the day the chat took place)
            head = next((w for w in found if w.span[0] == 0), None)
            first_line = t[: line_of(t, 0)[1]]
            if (
                head is not None
                and head.day < self.today
                and _CHAT_HEADING.fullmatch(first_line, head.span[1]) is not None
            ):
                self.chat_day = head.day
        masked: list[tuple[int, int]] = [_stamp_span(m) for m in stamps]
        if self.chat:  # (a chat's line holding only the hour, 15:40: when the next was said)
            masked += [m.span() for m in _HOUR_LINE.finditer(t) if _hour_separates(t, m)]
        masked += [m.span() for m in _ADDRESS.finditer(t)]
        for a, b in masked:
            self.mark(a, b)
        found = self._past_the_address(found, masked)
        kept: list[When] = []
        for w in found:
            a, b = w.span
            said = t[a:b].rstrip()
            if any(x < b and a < y for x, y in masked):
                continue
            if (_VAGUE.search(said) and not w.is_range) or _OVER.match(t, b):
                continue
            if t.endswith(("过完", "过了"), 0, a) and _FESTIVAL.fullmatch(said):
                continue  # 过完国庆再谈, 过了元旦第一周: some time after the holiday, no day
            if _SEASON_NOW.fullmatch(t, a, b + 1):
                continue
            if w.day.year > self.today.year + _YEARS_AHEAD:
                continue  # Kevin's ext is 6688: a number, not a year anyone plans for
            kept.append(w)
        kept = [self._done_before(w, kept) for w in kept]
        # 腊月二十三小年前: one day said twice, the second way (a deadline) is the one kept
        kept = [
            w
            for w in kept
            if not any(v.span[0] == w.span[1] and abs((v.day - w.day).days) <= 1 for v in kept)
        ]
        # 昨天大年初二: the festival day is the day just said, gone by (not next year's)
        kept = [
            w
            for w in kept
            if not any(
                v.span[1] == w.span[0] and v.day <= self.today and (w.day - self.today).days > 300
                for v in kept
            )
        ]
        for m in _SOFT.finditer(t):
            a, b = m.span()
            if self.date_at[a] or any(w.span[0] < b and a < w.span[1] for w in kept):
                continue
            if m["two"]:
                day = self.today + timedelta(days=2)
            else:
                weeks = 2 if m["next"] == "下下" else 1
                day = self.today - timedelta(days=self.today.weekday()) + timedelta(weeks=weeks)
            kept.append(When(start=day, span=(a, b)))
            for i in range(a, b):
                self.date_at[i] = True
        kept = sorted(kept, key=lambda w: w.span)
        kept = self._moved_by_so_much(kept)
        return self._moved_in_chat(self._agreed_hours(kept)) if self.chat else kept

    def _moved_by_so_much(self, whens: list[When]) -> list[When]:
        """周五下午三点那个会推迟一个小时吧, 约的是周四晚上7点吃饭…晚一个半小时, 合同评审原定周四…往后推两天:
        the latest day (or hour) said before it, moved by so much."""
        t = self.t
        out = list(whens)
        for m in _MOVED_BY.finditer(t):
            # (in its sentence, or a chat's earlier line: not another matter's day said before)
            since = 0 if self.chat else sentence_start(t, m.start())
            k = next(
                (
                    i
                    for i in range(len(out) - 1, -1, -1)
                    if since <= out[i].span[0]
                    and out[i].span[1] <= m.start()
                    and out[i].day >= self.today
                    and out[i].end is None
                ),
                None,
            )
            if k is None or _ANOTHER_MOVED.search(t, out[k].span[1], m.start()):
                continue  # (另外开标推迟两天, 周五去送货，他们工期推迟两天: theirs, moved)
            w = out[k]
            amount = _AMOUNT.get(m["n"], 0) + (0.5 if m["half"] else 0)
            sign = -1 if m["dir"] in ("提前", "早") else 1
            if m["unit"] in ("小时", "钟头"):
                guessed = w.part_of_day is not None and not w.has_time  # (明天上午: no hour said)
                if not isinstance(w.start, datetime) or guessed:
                    continue
                start: date | datetime = w.start + sign * timedelta(hours=amount or 0.5)
            elif sign < 0 or not amount:
                continue  # (提前一天 is as often when to remind: left to the reminder)
            else:
                weeks = m["unit"] in ("周", "个星期", "个礼拜")
                start = w.start + timedelta(days=int(amount) * (7 if weeks else 1))
            out[k] = replace(w, start=start, end=None, hour_only=False)
            self.moved_spans.add(w.span)
        return out

    def _moved_in_chat(self, whens: list[When]) -> list[When]:
        """彭工: 明天下午两点来调试吧 … 彭工: 不好意思 明天停产检修 改后天上午9点 — in a chat, a day
        or hour a later line moves to replaces the latest day ahead said on a line before; the
        errand stays where it was said (同一时间 keeps its hour, 推到11点 its day)."""
        t = self.t
        out: list[When] = []
        for w in whens:
            line = line_of(t, w.span[0])
            moved = _MOVED_TO_END.search(t, line[0], w.span[0])
            if moved is not None and _ANOTHER_THING.search(t, line[0], moved.start()):
                moved = None  # (另外开标推迟到10月27号了: another matter moved, theirs)
            old_at = (
                None
                if moved is None
                else next(
                    (
                        k
                        for k in range(len(out) - 1, -1, -1)
                        if out[k].day >= self.today and line_of(t, out[k].span[0])[1] < line[0]
                    ),
                    None,
                )
            )
            if moved is None or old_at is None:
                out.append(w)
                continue
            old = out[old_at]
            start = w.start
            if w.hour_only and isinstance(w.start, datetime):  # (推到11点: the same day)
                start = datetime.combine(old.day, w.start.timetz())
            elif (
                not isinstance(w.start, datetime)
                and isinstance(old.start, datetime)
                and _SAME_HOUR.match(t, w.span[1])
            ):  # (改到下周三 同一时间: the hour stays)
                start = datetime.combine(w.day, old.start.timetz())
            # (下周一下午来汇报 … 两点半 … 改下周二同一时间: the day and its hour said on two
            # lines are one meeting, moved as one)
            same = [k for k in range(old_at) if out[k].day == old.day and out[k].span != old.span]
            out[old_at] = replace(w, start=start, end=None, span=old.span, hour_only=False)
            self.moved_spans |= {old.span} | {out[k].span for k in same}
            for k in same:
                out[k] = replace(out[k], start=start, end=None, hour_only=False)
            # (明天我们停产检修 改后天…: the old day said again on the line, as the reason)
            out = [
                v for v in out if not (line[0] <= v.span[0] < moved.start() and v.day == old.day)
            ]
        return out

    def _agreed_hours(self, whens: list[When]) -> list[When]:
        """祁总: 下周一你们来一趟 … 祁总: 上午十点 — in a chat, an hour said on its own answers for
        the day under discussion (the latest day ahead said before it), not the stamp's day."""
        out: list[When] = []
        ahead: date | None = None
        for w in whens:
            hour_alone = isinstance(w.start, datetime) and HOUR_ALONE.fullmatch(self.t, *w.span)
            answer = self.hour_answer(w.span[0])
            if hour_alone and answer and ahead is not None and isinstance(w.start, datetime):
                w = replace(w, start=datetime.combine(ahead, w.start.timetz()), hour_only=False)
                self.agreed_spans.add(w.span)
            elif not hour_alone:
                ahead = w.day if w.day >= self.today else None
            out.append(w)
        return out

    def hour_answer(self, pos: int) -> bool:
        """Whether the line at ``pos`` holds only an hour agreed (我: 十点吧, 可以，10点半): said in
        words or in digits, it is a time to act on (明天几点方便 … 十点吧)."""
        line = self.t[slice(*line_of(self.t, pos))]
        return _HOUR_ANSWER.fullmatch(line.rsplit(":", 1)[-1]) is not None

    def _done_before(self, w: When, whens: list[When]) -> When:
        """``w`` moved back to the day that has passed when it was read ahead and what follows
        it is done (see _DONE): 周一拜访了 on a Wednesday was this Monday."""
        t = self.t
        a, b = w.span
        if w.day <= self.today or w.deadline or w.is_range or t[a - 1 : a] in ("下", "这", "本"):
            return w
        this_week = _THIS_WEEK.match(t, a)  # (这周三 said on a Sunday was read ahead)
        if this_week is not None and self.today.weekday() != 6:
            return w
        end = min([self.clause_end(a), b + 16] + [v.span[0] for v in whens if v.span[0] >= b])
        after = LATE_FIX.split(t[b:end], maxsplit=1)[0]  # (改到周四上午了: the change is done)
        done = _DONE.search(after)
        if done and t.startswith(("约", "订", "定", "安排"), b + done.end()):
            done = None  # 吃饭 已经约好了 (cut short by the 16 characters looked at)
        # Met 李总 on Monday / meeting on Monday went well: English says it in the verb
        said_past = _EN_PAST.search(self.text, self._clause_start(a), end)
        if said_past is None and "\u4e00" <= self.text[a] <= "\u9fff":
            said_past = _RECAP.match(t)  # (an English "this Thu" says which one itself)
            if _NEXT_SECTION.search(t, 0, a):
                said_past = None  # (周报 … 下周计划：周二 陪领导回访: the report's plans)
        if said_past is None and (
            done is None or (not done.group().startswith("已") and _NOT_DONE.search(after))
        ):
            return w
        said = t[this_week.end() if this_week else a : b]
        day = w.day
        back: date | None
        if _BARE_WEEKDAY.match(said):
            back = day - timedelta(days=7)
        elif _BARE_YEARLESS.match(said) and w.yearless:
            back = months_back(day, 12)
        elif _BARE_MONTH_DAY.match(said):
            back = months_back(day, 1)
        else:
            return w
        if back is None or back >= self.today:
            return w
        start = w.start
        moved = datetime.combine(back, start.timetz()) if isinstance(start, datetime) else back
        return replace(w, start=moved)

    def _clause_start(self, pos: int) -> int:
        return max((m.end() for m in self.clause_re.finditer(self.t, 0, pos)), default=0)

    def clause_end(self, pos: int) -> int:
        m = self.clause_re.search(self.t, pos)
        return m.start() if m else len(self.t)

    def _cuts(self, pattern: re.Pattern[str]) -> list[int]:
        starts = [0]
        for m in pattern.finditer(self.t):
            starts.append(m.end())
        return starts

    # -- segments -------------------------------------------------------------------------

    def clause(self, pos: int) -> tuple[int, int]:
        """The clause (between hard punctuation) holding ``pos``."""
        i = bisect_right(self.clause_starts, pos) - 1
        a = self.clause_starts[max(i, 0)]
        return a, self._trim_end(a, self.clause_ends[max(i, 0)])

    def chunk(self, pos: int) -> tuple[int, int]:
        """The chunk (between punctuation, spaces, pronouns and dates) holding ``pos``."""
        i = bisect_right(self.chunk_starts, pos) - 1
        a = self.chunk_starts[max(i, 0)]
        b = self.chunk_starts[i + 1] if i + 1 < len(self.chunk_starts) else len(self.t)
        return a, self._trim_end(a, b)

    def _segment(self, starts: list[int], pattern: re.Pattern[str], pos: int) -> tuple[int, int]:
        i = bisect_right(starts, pos) - 1
        a = starts[max(i, 0)]
        b = starts[i + 1] if i + 1 < len(starts) else len(self.t)
        return a, self._trim_end(a, b)

    def _trim_end(self, a: int, b: int) -> int:
        while b > a and not (is_cjk(self.t[b - 1]) or self.t[b - 1].isalnum()):
            b -= 1
        return b

    def chunks_in(self, a: int, b: int) -> list[tuple[int, int]]:
        """The chunks between ``a`` and ``b`` (trimmed, non-empty)."""
        out: list[tuple[int, int]] = []
        pos = a
        while pos < b:
            ca, cb = self.chunk(pos)
            ca = max(ca, a)
            cb = min(cb, b)
            while ca < cb and not (is_cjk(self.t[ca]) or self.t[ca].isalnum()):
                ca += 1
            if ca < cb:
                out.append((ca, cb))
            i = bisect_right(self.chunk_starts, pos)
            pos = self.chunk_starts[i] if i < len(self.chunk_starts) else b
        return out

    def _rep_by_name(self, stamps: list[re.Match[str]]) -> None:
        """A chat stamped with the rep's name on their lines, not 我: see _named_rep."""
        lines = [(_stamp_who(m).split()[-1] if _stamp_who(m) else "", m) for m in stamps]
        rep = _named_rep(self.t, lines)
        if rep is not None:
            self.own_lines, self.others_lines, self.rep_labels = _split_by(self.t, lines, rep)

    def mark(self, a: int, b: int) -> None:
        for i in range(max(a, 0), min(b, len(self.t))):
            self.used[i] = True

    def turns_after(self, pos: int) -> list[tuple[int, bool]]:
        """Where each chat line after ``pos`` starts, and whether the rep wrote it, in order."""
        lines = [(x, True) for x in self.own_lines] + [(x, False) for x in self.others_lines]
        return sorted(line for line in lines if line[0] > pos)

    def said_by_customer(self, pos: int) -> bool:
        """True inside a pasted chat's line written by the customer (我 there is them)."""
        others = [x for x in self.others_lines if x <= pos]
        own = [x for x in self.own_lines if x <= pos]
        return bool(others) and (not own or max(others) > max(own))

    def free_map(self) -> list[bool]:
        """For each character: not yet explained by a fact."""
        return [not used for used in self.used]

    def free(self, a: int, b: int) -> bool:
        return not any(self.used[max(a, 0) : min(b, len(self.t))])

    def when_at(self, a: int, b: int) -> list[When]:
        """Dates whose span lies inside ``[a, b)``."""
        return [w for w in self.whens if a <= w.span[0] and w.span[1] <= b + 1]

    def is_future(self, w: When) -> bool:
        """Strictly after today (a date), or after now (a time of day)."""
        s = w.start
        if isinstance(s, datetime):
            return s > self.now
        return s > self.today

    def is_past_or_today(self, w: When) -> bool:
        s = w.start
        d = s.date() if isinstance(s, datetime) else s
        return d <= self.today
