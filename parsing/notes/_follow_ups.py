"""The rep's own dated tasks in a note (find_follow_ups).

Each date the note says is weighed as a task of the rep's: a chain of named rules each give
a reason it is not (the customer's meeting or deadline, a colleague's job, a habit, a day only
told of, a plan called off …); a date none of them turns down is kept with the words of what is
to be done on it. The words shared with the interaction and the trips stay in _events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cached_property

from parsing.dates import When, festival_day
from parsing.numerals import cn_to_int

from ._doc import (
    HOUR_ALONE,
    LATE_FIX,
    WITH_THE_REP,
    Doc,
    chunk_start,
    in_schedule,
    line_of,
    months_back,
    schedule_head,
)
from ._doc import sentence_start as _sentence_start
from ._events import (
    _ASKED_TO_REMIND,
    _CALLED_OFF,
    _LAST_VISIT,
    _LATIN_AFTER,
    _NUMBERED_DAY,
    _REP_PART,
    _RUN_ON,
    _SAYS,
    _THEN_AGAIN,
    _WENT_ALONG,
    _WORK_THING,
    _YEARLESS_AHEAD,
    AWAY_FOR,
    _named_right_before,
    _names_somewhere,
    _sentence_end,
    _sentence_of,
    _their_deed,
    _third_party_before,
)
from ._facts import FamilyMention
from ._lexicon import (
    DONT,
    FAMILY_RE,
    PLACE_RE,
    SPOKEN_FILLER,
    TITLE_RE,
    TITLES,
    TOLD_BEFORE_A_NAME,
    VOICE_FILLERS,
    words,
)
from ._model import FollowUpFact
from ._people import ANOTHER_LABEL, People, label_of, schedule_owner

__all__ = ["find_follow_ups"]

# 今天上午10点给赵经理发资料 written at three: the rep's own errand not said done (no 了) is
# still to do, late; a meeting or a visit at an hour gone by took place.
_OWN_ERRAND = re.compile(r"\s*(?:再|要|得)?\s*(?:给|把|发|寄|送|交|提交|催|回复)")


_LATE_BY = timedelta(hours=3)  # written this much after the hour, the task is not just late
_LATEST_EVENING = 21  # 8点 said at six in the evening is 20:00; 10点半 is not 22:30
_EVENING_FROM = 18  # the working day is over: a deadline hour gone by is tomorrow's


def _next_said_hour(doc: Doc, due: datetime, w: When) -> datetime:
    """An hour said alone that has gone today: tonight's when the evening reading is still
    ahead (提醒我8点… at 18:00 → 20:00), tomorrow's when the task was written long after it
    (提醒我8点… at 21:40), else today's, late (提醒我6点… at 18:10). A deadline (9点前) is
    never tonight's: written in the evening, it is tomorrow's, else today's, late."""
    if w.part_of_day is not None or doc.now - due <= _LATE_BY:
        return due  # (9点给张总发报价 written at ten: late, today's)
    if w.deadline:  # 提醒我9点前把报价发过去 written at six in the evening: by nine tomorrow
        return due + timedelta(days=1) if doc.now.hour >= _EVENING_FROM else due
    evening = due + timedelta(hours=12)
    if due.hour < 12 and doc.now < evening and evening.hour <= _LATEST_EVENING:
        return evening
    return due + timedelta(days=1)


_BETWEEN_DAY_AND_HOUR = re.compile(r"\s*(?:约了|约的|定了|定的|定在|约在|是)?\s*")


_OWNED_WRONG = re.compile(r"\s*是?(?:写|说|记|讲)错了?\s*$")


def _hour_said_last(
    doc: Doc, w: When, out: list[tuple[FollowUpFact, bool, tuple[int, int]]]
) -> datetime | None:
    """An hour said alone after the sentence's last reminder, dated that day with no hour or
    with only the part of the day."""
    if not out or not isinstance(w.start, datetime):
        return None
    last, part_only, (_, end) = out[-1]
    if isinstance(last.due, datetime):
        # (周五上午可以见我们半小时，十点: the part of the day said first, then its hour)
        if not part_only or last.due.date() != w.day or (last.due.hour < 12) != (w.start.hour < 12):
            return None
    elif last.due != w.day:
        return None
    # (上午九点半, 10点: an hour with no day of its own)
    if (
        not HOUR_ALONE.fullmatch(doc.t, *w.span)
        or _sentence_end(doc.t, end, "。!！?？\n") < w.span[0]
    ):
        return None
    return w.start


def _hour_said_after(doc: Doc, i: int, due: date | datetime) -> datetime | None:
    """The hour said right after a day read with only its part (下午约了四点 → 16:00)."""
    w = doc.whens[i]
    if w.part_of_day is None or not isinstance(due, datetime) or i + 1 >= len(doc.whens):
        return None
    nxt = doc.whens[i + 1]
    gap = _BETWEEN_DAY_AND_HOUR.match(doc.t, w.span[1])
    if gap is None or gap.end() != nxt.span[0] or nxt.part_of_day is not None:
        return None
    at = nxt.start
    if not isinstance(at, datetime) or at.date() != due.date() or at.hour < due.hour:
        return None
    return at


def _still_to_do(doc: Doc, t: str, b: int) -> bool:
    """An hour already gone today is kept (overdue, the card says so) when the note asks to be
    reminded, or when what follows is the rep's errand, not said to be done."""
    if _ASKED_TO_REMIND.search(t):
        return True
    return bool(_OWN_ERRAND.match(t, b)) and "了" not in t[b : doc.clause_end(b)]


# --- follow-ups -----------------------------------------------------------------------------

_FILLER = re.compile(
    r"^(?:[\s,:]|提醒我|提醒|记得|一定要|务必|还要|需要|要|得|准备|计划|可以|就|之前|以前|前|以后|之后|再次|必须|先(?!生)|"
    # (我把质保协议发她, 我再打电话跟钟经理对一下交期: the rep, who does every task, goes)
    r"我们?(?=去|过去|把|再|先|给|跟|和|打|发|寄|送|带|得|要))+"
)
_TRAIL = re.compile(r"[\s,!?。~吧啊哦呀了]+$")
# A bare verb names who with it: 万科刘总 明天10点见 → 见刘总.
_BARE_VERB = frozenset(
    words("见 见面 约 拜访 回访 联系 电 电话 打电话 call visit meet 打球 钓鱼 打高尔夫")
)
# (明10点电: a telegraphic note's call)
_WITH_WHOM = {"见面": "和{}见面", "打电话": "给{}打电话", "电话": "给{}打电话", "电": "给{}打电话"}
# (跟戴总约了周六下午三点打球 → 和戴总打球: time spent with the person)
_WITH_WHOM.update({verb: "和{}" + verb for verb in words("打球 钓鱼 打高尔夫")})
# English notes put the verb first: call Lee at 万科 next Fri 3pm.
_EN_VERB = re.compile(
    r"(?i)(?a:\b)(?:call|visit|meet(?:ing)?|send|email|ping|follow up(?: with)?|lunch|dinner|present)(?a:\b)"
)
_STATE = re.compile(
    # (中秋跟国庆连在一起, 周三和周四: a day joined to another, nothing done on it yet)
    # (周三别去, 下月初估计也没钱: a day to keep away, a guess — nothing to do)
    r"^(?:[和同跟与及或、]$|好记|别去$|别来$|不要去$|(?:别|不要)去?(?:找|打|联系|催|拜访)|估计|连在一起|连着|有(?!个?\s?(?:电话会|视频会|(?i:conference call|call|meeting|demo))$)|没|是|可能|应该|会(?!议室见|客室见)|开会|放假|放[一二两三四五六七八九十\d]+天|加班(?=盘点|生产|赶工|赶货)|结婚|摆酒|擺酒|办酒|婚礼|满月|(?:上班|开工|复工)(?!(?:那天|当天|后?第一天|后)[^,。;]{0,3}?(?:我|去|给|拜))|停工|开学|不|过生日|生日|我在|我有空|在家|都|到期|得闲|闲$|"
    # (the weather: a state too — but 下雪之前, 台风来之前 is a deadline)
    r"有空|得空|(?:降温|升温|下雨|下雪|刮风|台风|暴雨|大雨|雾霾|高温)(?![^,。;]{0,2}?(?:之|以)?前)|"
    # (8号能到: the goods arrive; 礼拜一补假: a day off; 年尾预算用晒: the budget spent)
    r"(?:能|就|会|才|可以)到货?$|补假|公假|预算(?:用|花|没|不够|紧)|"
    # (货款这礼拜内打过来, 这周四财务会付款: their money coming, nothing for the rep to do)
    r"(?:汇|转)(?:款)?过来|打款过来|(?:财务)?(?:会|就|能)(?:付款|打款|结款|转账))"
)
_BACK_ONLY = re.compile(r"(?:才|就|先)?(?:(?:回|返)(?:来|国|去)?|走)")
# (明天我去Penang见Mr Raj, 后天回KL / 我下周一去广州，周三回公司: back home, no task)
_BACK_TO = re.compile(rf"(?:才|就|先)?回(?:到)?\s*(?:[A-Za-z]{{2,12}}|公司|(?:{PLACE_RE.pattern}))")
_CALLED = re.compile(r"电话|来电|(?i:call)")
_REPLY_OWED = re.compile(r"问|要|催|我\s*$")
# (来我们芜湖工厂考察,周五上午回去: here on a visit, then gone home)
_AWAY_SAID = re.compile(
    rf"出差|去|飞|在外|外地|老家|不在|休假|开会|国外|在(?:{PLACE_RE.pattern})"
    r"|来[^\s,。;]{0,10}(?:考察|参观|交流|验厂)"
)
# (刘总那批货下周一走: the goods go, a day to mind)
_GOODS_GO = re.compile(r"货|柜|车|船|样品|样机")
# 张总说下周二给我们回复, 元旦前给回复: the customer's answer awaited, not the rep's to-do.
_ANSWER_OWED = re.compile(r"^(?:回复|答复|回话)(?:一下)?(?:他|她|客户|对方|[\u4e00-\u9fff]{1,2}总)")
_MUST_GIVE = re.compile(r"\s*(?:之?前)?\s*(?:要|得|需要|必须)给(?!我)")
_THEIR_ANSWER = re.compile(
    r"^(?:给(?:我们|我|咱们)?\s*)?(?:回复|答[复覆]|回话|回电话|回个电话|反馈|消息|答案|结果)"
)
# 回复海尔周工的技术问题, 答复王总的询价: the rep answers someone named, or their question
_ANSWER_TO_THEM = re.compile(
    r"^(?:回复|答复)(?:一下)?[^\s,，。;]{0,8}?(?:[总工]|经理|主任|部长|处长|科长|局长|院长)?"
    r"的?(?:技术)?(?:问题|疑问|邮件|询价|意见)"
    # (我：…明天回复您 → 回复李总: the rep answers the one named)
    r"|^(?:回复|答复)(?:一下)?(?:您|[\u4e00-\u9fff]{1,3}(?:总|经理|主任|部长|处长|科长|局长|院长))$"
)
# The rep's step said right after a day work starts (初八上班给芮总报价, 上班第一天先去…).
_REP_STEP = "给|去|把|打|约|找|发|送|拜|联系|回访"
# What only the buyer does by a day, whoever is said to do it: 挂网, 招标, 立项, 开标 (a rep bids).
_ONLY_THEIRS = re.compile(
    r"^(?:要|会|就|才|能|再|先|准备|计划|正式|全厂|全公司)?(?:挂网|招标|立项|开标|评标|截标|截止|公示|"
    # (their plant and offices: 系统关闭, 放假, 上班, 返工, 盘点, 检修, 停产, 切换新系统; their
    # procurement: 定标, 公布, 发采购计划, 开始走…流程; their books and payment run: 统一付款,
    # 审计, 结账, 汇款 — 月底审计, 财务说1月10号汇款)
    # (检修, 盘点, 切换 are also work the rep does: 检修他们的空压机, 切换新报价模板)
    rf"关闭|公布|定标|放假|上班(?!\s*(?:先|就|我)?(?:{_REP_STEP}))|返工|复工|停产|切换新系统|统一付款|审计|年审|结账|结帐|汇款|打款|"
    # (月底前要付款 is the money the rep collects; 开始走访 the rep's round of visits)
    r"发(?:布)?(?:采购|招标)计划|开始走(?!访)|"
    r"(?i:(?:they\s+)?(?:close|decide|finali[sz]e|freeze))(?a:\b))(?![书会])"
)
# The rep asking for it in so many words (客户提醒我们 is the customer's doing).
_REP_TASK_AFTER = re.compile(
    r"^[^,;。\s]{0,4}?(?:前|后|以后|之后)|\s(?:再)?(?:去|拜访|找|打电话|给|发|送|寄|带|约|回访)|"
    r"^第一天"  # (后天上班第一天先给陈总打电话)
)
_HAND_HIM = re.compile(
    r"^(?:要|让)?(?:我们|我|咱们)?把[^,;。]{1,30}?(?:给|发|寄|送|交)(?:给|到)?(?:他|她)"
    # (胡经理说四月十号之前把样品交过去: handed over there, to them)
    r"|^(?:要|让)?(?:我们|我|咱们)?把[^,;。\s]{1,12}?(?:发|寄|送|交|带)过去"
)
_REMIND_ME = re.compile(r"(?<![户他她方])提醒我(?!们)")


# 正月十五前把今年的包材订单定下来: what they will have decided by then
_THEIR_DECISION = re.compile(r"^把[^\s,;。]{1,12}?(?:定下来|批下来|定了|批了)$")
_THEIR_VERDICT = re.compile(
    r"^(?:给|出)(?:我们|我)?\s*(?:个|一个)?(?:采购|合作)?(?:意见|结论|意向)(?![稿书表反])"
)
# (他们说下周一给意见; 许国平 —— 卡样品，下周三给结论: a roles list's dash, folded —— is --)
_SAID_BY_THEM = re.compile(r"说|--")
_ANSWER_TO_REP = re.compile(r"^(?:给你)?(?:答复|回复|回话|反馈)(?:你|给你)")
_NOT_THE_DAY = re.compile(rf"避开|避免|除了|不要|{DONT}(?:在)?")
# 叫我唔好星期四搵佢 (folded 不好): told not to come that day — not 身体不好下周一再约他
_TOLD_NOT_ON = re.compile(r"(?:叫|让|话|说|讲|请)我?不好\s*$")
# (佢話, folded to 他话: Cantonese says 话 for 说 — only after the pronoun, 电话/通话 end in it too)
_SUBJECT_END = re.compile(
    r"(?:他|她|他们|她们|对方|客户|财务|领导|老板|法务)"
    r"(?:说|话|也|还|就|会|坚持|表示|希望|打算|计划|准备|想)?\s*$"
    r"|说\s*$"
)
_REP_TOLD_HIM = re.compile(r"我(?:跟|和|同|对)[他她](?:们)?(?:说|讲)(?:好了?)?\s*$")
# 张总让财务下周三打款: a task the customer gives someone of theirs, said before the date.
_THEIR_PEOPLE_TOLD = re.compile(r"[让叫](?!我|咱)[\u4e00-\u9fff]{1,4}$")
_REMINDED_THEN = re.compile(r"[,\s]*(?:记得|别忘了|提醒我)(?P<task>[^,;。\n]{2,30})")
# (陈总那边的拜访从明天推迟到后天: the words after the old day say only that it moved)
_ONLY_MOVED = re.compile(r"(?:又|就|要)?(?:推迟|改|延期?|挪|调|提前|推)到[^\s,，。;]{0,8}")
_FROM_BEFORE = re.compile(r"从\s*$")
_ONCE_SAID = re.compile(r"^(?:原来|原本|原先|原定|本来|原计划)(?:约好|定好|说好|约了?|定了?)?的?")
# (给李总的电话推迟到下周一: whom the call moved was to)
_CALL_TO = re.compile(r"给(?P<who>[^\s,，。的]{1,6})的$")
# What, moved to another day, the rep takes part in (a meeting, a demo, a visit).
_MEETING_MOVED = re.compile(
    r"会|电话|演示|拜访|见面|评审|交流|汇报|培训|调试|验收|安装|签约|签合同|面谈|考察|参观|饭|^去|demo|"
    # (商务谈判改到下周二, 简报提前到周一: a sitting the rep is at — a test is anyone's)
    r"谈判|洽谈|简报|碰面|会面|述标",
    re.I,
)
_SENT_BY_OTHERS = re.compile(
    r"[^。;\n]{0,14}?[,\s]?(?:这批货)?由(?:工厂|物流|厂家|仓库|[^\s,。;]{1,4}物流)(?:直接)?"
    r"(?:发|直发|配送|送)"
)
_RANGE_ON = re.compile(r"\s*(?:到|至|~|-)\s*[0-9一二三四五六七八九十]{1,3}\s*[号日]")
_THEIR_EVENT_TOLD = re.compile(
    r"(?:他们|她们|佢哋|[\u4e00-\u9fff]{2,4})的[^,;。\s]{0,8}?"
    r"(?:盘点|付款|大会|评审|审计|年会|封账|开标|截标|发标|答疑会|座谈会)\s*$"
)
# (…，我定了腊月二十去长沙拜访他: the rep's own day for it, said in the next clause)
_REP_SETS = re.compile(r"[,;\s]*我(?:定了|约了|已经约了)")


def _rep_sets_the_day(d: _Dated) -> bool:
    """Whether the clause after a deadline sets the rep's own day for it, on or before it."""
    said = _REP_SETS.match(d.t, d.cb)
    if said is None:
        return False
    end = d.doc.clause(said.end())[1]
    return any(said.end() <= v.span[0] < end and v.day <= d.w.day for v in d.doc.whens)


# ，我这周四就发 / ，我打算周四上午就发过去 / ; I'll send it Thursday: the rep answers a
# deadline with a day of their own, said next in the same sentence.
_ANSWERED_AFTER = re.compile(
    r"[,;\s]*(?:我(?:打算|准备|计划|定了|就)?\s*[^,;。\n]{0,6}?"
    r"(?:[今明后]天|(?:这|下)?(?:周|礼拜|星期)[一二三四五六日天]|\d{1,2}[号日])"
    r"(?:上午|下午|晚上)?\s*(?:就|先)?(?:发|寄|交|送|提交|报)(?:过去|给他|给她|上去|出去)?"
    r"(?=[,;。\s]|$)"
    # (…by Dec 18; I'll send it Thursday Dec 17: it, the thing asked for)
    r"|(?i:I'll|I will)\s+(?:send|submit|share|deliver)\s+it(?a:\b))"
)
_BARE_SENDING = re.compile(r"^(?:就|先)?(?:发|寄|交|送|提交|报)(?:过去|给他|给她|上去|出去)?$")
_MOVED_TO = re.compile(
    r"(?:^|(?<=[的,:\s])|(?<=另外))(?P<what>[^\s,:的]{1,8}?)(?:的事|这事)?"
    r"(?:改|推迟|推|延期?|挪|调|提前)到\s*$"
)
# 物流说货下周二送到, 售后工程师明天上午去现场, 我们经理周五去拜访刘总: what the rep's company,
# colleagues or carriers do on that day, said as its subject right before it — not the rep's.
_OUR_OTHERS_DO = re.compile(
    # (京东物流周三下午三点谈: a name that ends in 物流 is a customer)
    r"(?:(?:(?<![\u4e00-\u9fff])|(?<=的)|(?<=我))"
    r"(?:物流|快递|厂家|仓库|司机|售后(?:工程师)?|技术部|商务部|财务部|同事)|"
    # (小张负责周三把标书送过去: whoever is put in charge of it, not the rep)
    r"(?<![我\u4e00-\u9fff])[小老][\u4e00-\u9fff]负责|"
    r"(?<![跟和与同约陪带])(?<!约了)我们(?:的|公司)?(?:经理|老板|领导|总监|工程师|技术部?|售后|财务部?|商务部?|工厂|司机))"
    # (我们售后小许下午两点到, 我们技术部的老齐下周二去: our colleague by name)
    r"(?:的?[小老][\u4e00-\u9fff])?(?:说|讲)?(?:货|东西)?(?:也|会|要|就)?$"
)
_COLLEAGUE_GOES = re.compile(r"\s*[小老][\u4e00-\u9fff](?:去|来|跑|负责)")
# Getting in touch, whoever with: 联系我 (they will), 你再联系我 (the rep is told to), 找你 (they will).
_GET_IN_TOUCH = "联系|找|约|打给"
# What no one will do at that day: 签不了, 都不在, 事太多 (a state), 春节快乐 (a greeting); and
# (_FOR_THE_REP) what the customer does for the rep (明天把文档发我).
_NOT_TO_DO = re.compile(
    r"不了|不成|不能|没法|来不及|太忙|很忙|没空|不在|太多|有事|^快乐|^愉快|不$|不下来|"
    # 他们开会定供应商, 他们会把需求发过来 (theirs), 请假, 年会, 起张总负责 (no task), 联系我
    rf"^(?:他们|她们|对方)|请假|休假|年会|负责|^起(?!草)|(?:{_GET_IN_TOUCH})我(?!们的)|"
    # 就不去了, 如果有空再去 (a condition), 每天早上开会 (a habit), 张总过生日 (someone's day)
    r"不去|不来|就不|如果|要是|的话|每[天周月年日]|天天|过生日|生日$|^我都|^我也在|"
    # 10号您能收到 (the customer's receipt)
    r"^[^\s,]{0,4}(?:能|会|就能|可以)收到|"
    # 由财务部的同事去办: someone else is to do it (由于 is because; 由我/咱们/本人 is the rep)
    r"^由(?!我|咱|本人|于)(?![^,，。;]*(?:和我|跟我|我们|带我|接我))|"
    # 礼拜四来电话 (their call), 开车路上记一下 (the rep noting this very note)
    r"^来电话?|^打来|记一下$"
)
_FOR_THE_REP = re.compile(
    r"(?:发|给|寄|送|传|告诉|通知|回复|答[复覆]|(?<![回答])覆)我(?!们的)"
)  # (覆我)
_THEIR_WISH = re.compile(r"我们?(?:想|希望|打算|争取)\s*$")
# What a day is of theirs, said in English before it or after it.
_EN_THEIR_DAY = re.compile(
    r"(?i)(?a:\b)(?:(?:RFP|RFQ|tender|PO|bid)\s+(?:is\s+|will be\s+)?(?:out|due|closes?)|closes|"
    r"locked|freeze|frozen|goes live|go live|launch(?:es)?|shutdown|on leave|holidays?|fiscal)(?a:\b)"
    r"(?:\s+[A-Za-z0-9]+){0,4}\s*(?:on|by|until|till|from|is|at|:)?\s*$"
)
# The rep's own imperative at the clause start: send …, call …, chase … (no I in rep notes).
_EN_REP_DOES = re.compile(
    r"(?i)\s*(?:send|call|chase|submit|prep(?:are)?|check|follow up|email|visit|meet|bring|"
    r"confirm|remind|quote)(?a:\b)"
)
_EN_ME = re.compile(r"(?i)(?a:\b)(?:I|I'll|I'm|we|we'll|me|us)(?a:\b)|我")
_EN_THEIR_DAY_AFTER = re.compile(r"(?i)\s*(?:launch|go-live|shutdown|board meeting|holiday)(?a:\b)")
_ONLY = re.compile(r"只能|只有|(?i:(?a:\b)only(?a:\b)|(?a:\b)either(?a:\b)|still deciding)")
# (建议12/18下午或者12/21见面: the day after 或者 written as a slash date, a 号 or 明天 too)
_ANOTHER_DAY_OR = re.compile(
    r"(?:(?:\d日|周[一二三四五六日天])\s*(?:or|或者?|还是)"
    r"|(?:\d号|\d{1,2}/\d{1,2}|[明后]天)\s*(?:[上下]午)?\s*(?:or|或者?))\s*$"
)
_OR_ANOTHER_DAY = re.compile(
    r"\s*(?:(?:or|或者?|还是)\s*(?:\d{1,2}月\d|下?周[一二三四五六日天])"
    r"|(?:or|或者?)\s*(?:\d{1,2}/\d{1,2}|\d{1,2}[日号]|[明后]天))"
)
_EN_THEIRS = re.compile(
    r"(?i)\s*(?:he|she|they|(?:mr|ms|mrs|dr)\.?\s*\S+)\s+(?:will|would|to|is going to|shall)(?a:\b)"
)
# A question asked, not a plan settled (节前能不能把设备先发过来?, 下周三上午您看方便吗).
_ASKED = re.compile(r"能不能|可不可以|能否|是否|方便吗|行吗|可以吗|好吗|[?]")
# …能到吗 ending a clause: asked, not settled (in the customer's chat line the rep's answer
# settles it: 下午三点半能来吗 — 可以的 三点半准时到)
_ASKED_MA = re.compile(r"(?<!不)吗(?=\s*(?:$|[,，。;；\n]))")
# (8月4号以后再联系: after that day, no day set)
_AFTER_THEN_SEE = re.compile(r"[^\s,]{0,4}?(?:以后|之后|后)\s*再(?:说|议|看|定|联系|约)")
# (老板经常周四来公司，有事可以周四过来: a day offered if need be, no plan)
_IF_NEEDED = re.compile(r"(?:有事|有需要|有嘢)(?:的话)?[,\s]*(?:都)?可以\s*$")
# A plan given up (原定明天…改成下周一, 饭局取消了, 取消后天的拜访).
_ONCE_PLANNED = re.compile(
    # (原来定在下周三的方案汇报, 原定是下周一: the day it was set for)
    r"(?:(?:原定|原来定|本来|原计划|取消)(?:想约|想|打算约?|约了?|定了?|说好|说)?[在是于]?的?\s*"
    # (取消了明天的见面; 他临时取消了 今天下午三点去 is the new plan, said apart)
    r"|取消了)$"
)
# (原定在本周四的技术交流不变, 本来是周五交货，现在还是周五: the plan stands)
_PLAN_KEPT = re.compile(r"不变|没变|照常|照旧|如期|还是")
# 原来约好, 原本定的, 原先约的: a plan given up only when the note says it changed (…王总确认不变
# keeps it)
_ONCE_PLANNED_SOFT = re.compile(
    r"(?:(?:原来|原本|原先)(?:约好|定好|说好|打算|计划|准备|想|约了?|定了?|[让要叫]我)?)(?:的)?\s*$"
)
# (本来跟华纺印染约好9月8号: whom with said between)
_ONCE_PLANNED_WITH = re.compile(
    r"(?:本来|原来|原本|原定)(?:跟|和|与|同)[^,;。]{1,16}?(?:约好|约了|定了|说好)了?\s*$"
    # (本来约了农夫山泉的采购经理汪涛下周一见面: whom said after 约了)
    r"|(?:本来|原来|原本)约了?[^,;。改推延挪调提]{1,16}?$"
)
# 之前说10号去拜访…，现在定了12号: a plan said before, given up only when moved in so many words
# (之前约好周五去拜访王总，方案还要改一下 keeps it)
_SAID_BEFORE_NOW = re.compile(r"之前(?:说好?|约好?)的?\s*$")
_MOVED_SINCE = re.compile(r"改到|改成|改为|改期|现在定了|取消|推迟|延期|延到|不去了")
_CHANGED = re.compile(
    r"改|取消|推迟|延期|不去了|来不了|去不了|有事|不行|不用了|没空|审核|以后再来|之后再来|不在|现在定了|延到"
)
# 明天让财务打首付款 (the customer in their chat): a task they give someone of theirs.
_OTHERS_TASK = re.compile(r"[让叫](?!我|咱)")
# 有空让我过去一趟, 得闲叫我上去: the customer free then, and asking the rep over
_INVITED = re.compile(
    r"^(?:有空|得空|得闲|在)[^,。;]{0,4}?[让叫请要](?:我们?|咱们?)(?P<task>[^,。;]{2,})"
)
_FACT_WORDS = re.compile(r"姓|生日|喜欢|爱好|老家|毕业|性格|爱人|儿子|女儿|\d{7}")
_RELATIVE = re.compile(r"[下明后今本这周号日天底初中旬]|星期|礼拜|\d")
_VAGUE = frozenset({"说", "再说", "再议", "再定", "定", "议", "再看", "看"})
_TOLD = re.compile(r"(?:让|要求|叫|请|通知)[^\s,]{0,4}$")
# After a day said alone before a comma, the rep's own step too (七月十号之前，把检测数据发给秋工;
# 下下周三下午三点，带技术员去…; …，在恩施硒都茶业跟凌总签合同)
_REP_STEP_NEXT = re.compile(
    r"把(?![^\s,;。]{0,20}?(?:过来|我们|我这))(?=[^\s,;。]{1,20}?(?:发|寄|送|给|交|带|签|做|准备|整理|改))|"
    r"带(?![^\s,;。]{0,3}我们)(?=[^\s,;。]{1,12}?去)|"
    r"在(?![^\s,;。]{0,6}?(?:董事会|会上|内部))(?=[^\s,;。]{1,14}?(?:跟|和|找|见|签))(?![^\s,;。]{0,14}?(?:跟|和)我们)"
)
# (王总说的下周五，… / 他们答应了，下周三，… / 周总下周四，…: the day is someone else's)
_SOMEONE_BEFORE = re.compile(r"[他她]|说|答应|[\u4e00-\u9fff][总工]|经理|主任|对方|客户|供应商")
# Verbs that are the rep's own work: 王局长下周五跟进报价 is the rep's follow-up with 王局长,
# even though a person is named right before the date.
_REP_ACTION = re.compile(
    r"^(?:跟进|回访|复访|联系|打电话|电话|发|送|寄|报价|提交|交(?=标|方案|资料|材料|报价|文件|合同)|"
    r"催|约|请|拜访|见|签|回款|收款|去|过去|给|和|上门|拜年|到(?!期|货|账)|"
    r"演示|投标|汇报|面谈|会(?!议|开)|带(?=[^\s,;。]{1,8}过去)|电$|"  # (明10点电: a call)
    # (…，陪老板去见石董事长; …，跟许工一起去现场: the rep goes along, or with someone)
    r"陪(?!我|老婆|老公|家人|孩子|爱人|媳妇|父母|爸|妈)|跟(?=[^\s,;。]{1,8}?(?:一起|去|见面|谈|聊|吃|开会|对账|确认))|"
    # (宁波银行孔行 下周二饭局, 楊經理 週一上午10點視訊: meeting the person named before)
    r"饭局$|视讯$|视频$|见面$|吃饭$|喝茶$|饮茶$)"
)
# A customer's own travel around a date (他一月十五号要来南京开会, 我明天飞广州 in their chat):
# a trip, not something the rep has to do.
_TRAVEL = re.compile(
    # (拿回来, 带回来, 要回来, 催回来: a thing fetched, not someone back; 回来要做三件事: the rep's list)
    r"出差|飞|回老家|回乡|(?<![拿带取要收捎追签寄催])回来(?!(?:后|以后|之后)?(?:要|得)做)|度假|休假|放假|[来去][^\s,]{1,3}(?:开会|参加|学习|培训)|参加[^\s,]{1,4}展|"
    r"(?i:(?a:\b)on leave(?a:\b)|(?a:\b)flying(?a:\b)|(?a:\b)fly to(?a:\b)|(?a:\b)flies(?a:\b)|(?a:\b)travell?ing(?a:\b)|(?a:\b)out of office(?a:\b)|(?a:\b)back on(?a:\b)|"
    r"(?a:\b)annual leave(?a:\b)|(?a:\b)sick leave(?a:\b)|(?a:\b)vacation(?a:\b)|(?a:\b)OOO(?a:\b))"
)
# 禮拜二去禮拜五返, 26號去31號返: the day someone leaves and the day they are back.
_BACK = re.compile(r"返|回来|回(?![复访电答话款扣收头个信])")
_GOES_THEN_BACK = re.compile(rf"(?:去|走)(?=\S{{1,8}}?(?:{_BACK.pattern}))")
# (周二去周四回: the day back is not read as a day of its own)
_WEEKDAY_THEN_BACK = re.compile(
    r"(?:去|走)(?:周|礼拜|星期)[一二三四五六日天](?:" + _BACK.pattern + ")"
)
# The customer's own meetings and habits are not the rep's to do (他们下周一内部评审, 一般…).
# (2月1号挂网招标: their tender put online; 检修 and 放假 were tried too: the rep's own visits
# are planned around them)
_INTERNAL = re.compile(
    r"内部|例会|年会|尾牙|开标|发标(?!书)|评标|招标会|走流程|审批|公告|公示|挂网|"
    # (局里开党组会, 院务会: a body of theirs sitting — 董事会 and 股东会 the rep may attend)
    r"党组会|局务会|院务会|行务会|班子会|职代会|科务会|处务会|"
    # (她们部门周五团建, 采购部下周一开周会, 年度预算12月20日前要报到集团: their own days)
    r"团建|开周会|周例会|月度会|晨会|报到集团|报集团|预算申报|"
    # (3月5号开生产会定空调供应商: their choosing)
    r"定[^\s,。;]{0,4}供应商|选供应商|"
    # (customer 下周三 internal meeting, their board meeting, AGM: the same said in English)
    r"(?i:(?a:\b)internal(?a:\b)|(?a:\b)board meeting(?a:\b)|(?a:\b)AGM(?a:\b)|(?a:\b)town ?hall(?a:\b)|(?a:\b)stock ?take(?a:\b))"
)
# …and their committees and reports up, said right after the date (下周三上会, 周五给老板汇报).
_THEIR_MEETING = re.compile(
    # (线上会议对技术方案: an online meeting, the rep's — no 上会)
    r"(?<!线)上会|党委会|董事会|办公会|(?:给|向|跟)(?:老板|领导|上级|上面|董事长|老总)汇报"
)
# (逢礼拜三先见供应商, pays every 60 days: a standing rule, no one day)
_HABIT = re.compile(r"一般|通常|经常|平时|往常|都是|每|习惯|逢|(?i:(?a:\b)every\s*$)")
_EVERY = re.compile(r"每(?:周|个?礼拜|个?星期)")
_WHEN_IT_IS = re.compile(
    r"(?:年会|续约|续签|(?i:renewal)|到期|截标|开标|招标|定标会|评标会|招标会|审计|检修|放假|投产|"
    # (董事会是周三开: the day of a body of theirs sitting)
    r"董事会|股东会|党委会|办公会|职代会)\s*(?:是|在|定在|放在)\s*$"
)
_HELD = re.compile(r"开|开会|召开|举行|举办")  # (董事会是周三开: what a sitting does)
_WILL_SIT = re.compile(r"(?<![我们])(?:会|将)(?:在|于)\s*$")  # (定点会在6月底开)
# (她生日正好是正月初五: the day of a birthday, no task without one said)
_BIRTHDAY_WORD = re.compile(r"生日|生辰|大寿|寿辰|(?<=[母父妈爸])寿|(?i:birthday|bday)")
# (…就是这周日，准备订个蛋糕送过去: what the rep does for it, said after)
_FOR_THE_BIRTHDAY = re.compile(r"送|订|买|准备|祝|发|打|带|去|提醒|记得|(?i:send|call|buy)")
# 农历三月初三生日，到时候订个蛋糕送过去: what the rep does on a birthday just told
# (生日是3月5号，到时候提醒我送花: the day said after the birthday, the errand after it)
# (生日4月2号 记一下到时候发个祝福, 林总周日生日 送花: said on, the gift said at once)
_ON_THE_BIRTHDAY = re.compile(
    r"\s*(?:(?:的)?生日)?\s*(?:[,，]|\s(?=记一下|记得|到时|那天|当天|送|订|买))\s*"
    r"(?:记一下|记得)?\s*(?P<then>到时候?|那天|当天)?\s*(?:我)?(?:要|得|记得)?(?:提醒我)?"
    r"(?P<what>[^\s,，。;；!！?？]{2,16})"
)
_A_GIFT = re.compile(r"送|订|买|发个?祝福|祝")


def _on_the_birthday(doc: Doc, w: When) -> str | None:
    """The rep's errand said right after a birthday (a date the birthday reader claims)."""
    said = _ON_THE_BIRTHDAY.match(doc.t, w.span[1])
    if said is None or w.day < doc.today or not _FOR_THE_BIRTHDAY.match(said["what"]):
        return None
    if said["then"] is None and not (
        _A_GIFT.match(said["what"])
        and ("生日" in said.group() or "生日" in doc.t[max(0, w.span[0] - 3) : w.span[0]])
    ):
        return None  # (生日4月2号 去年送过花, 待到14号，去看工厂: no gift for a birthday said)
    if FAMILY_RE.search(doc.t, _sentence_start(doc.t, w.span[0]), w.span[0]):
        return None  # (韩总女儿3月20号生日 送个蛋糕: the family's day, pushed as a birthday)
    return said["what"]


# A leader's slot offered to the rep, said right after its day and hour (周四下午两点有空，可以
# 安排我们汇报; 3月9号上午9点到9点半可以见你; 下周三上午11点给我们留了半小时; 11月9号上午10点在
# 杭州总部给我们一个小时; 周一中午12点可以一起吃个工作餐)
_SLOT = re.compile(
    r"\s*(?:[他她]\s*)?(?:有空|有时间)?[,，]?\s*(?:可以|能)?\s*(?:在[\u4e00-\u9fff]{1,8}?)?"
    r"(?:安排|给|留|见|听|和|跟)?了?\s*(?:我们|你们|你|您|一起)(?P<what>[\u4e00-\u9fff]{0,8})"
)


_TIME_GIVEN = re.compile(
    r"(?:留了?)?[0-9一二两三四五六七八九十半]{1,3}个?(?:半)?(?:小时|分钟|钟头)"
)


def _slots_offered(
    doc: Doc, out: list[tuple[FollowUpFact, bool, tuple[int, int]]]
) -> list[tuple[FollowUpFact, bool, tuple[int, int]]]:
    """下周一上午10点可以给我们半小时: the one slot the rep must keep, read by none of the rest
    (a leader's list around it makes its days his)."""
    kept = {_day_of(f.due) for f, _, _ in out}
    added: list[tuple[FollowUpFact, bool, tuple[int, int]]] = []
    for w in doc.whens:
        offered = _slot_offered(doc, w)
        if offered is not None and w.day not in kept:
            added.append((FollowUpFact(w.start, offered), w.part_of_day is not None, w.span))
            kept.add(w.day)
    return added


def _slot_offered(doc: Doc, w: When) -> str | None:
    """What the rep is to do in a slot a leader's side offers, said right after the day."""
    if not w.has_time or w.start < doc.now:
        return None
    m = _SLOT.match(doc.t, w.span[1])
    if m is None:
        return None
    # (给我们半小时, 给我们留了一个小时: time given — 给我们发报价 is theirs to send; 你们能不能
    # 把报价发过来 is asked of the rep, no slot)
    head = doc.t[m.start() : m.start("what")]
    given = _TIME_GIVEN.match(m["what"]) and re.search(r"给|留", head)
    if not (given or re.search(r"可以|(?<!不)能(?!不)|有空|有时间", head)):
        return None
    said = m.group()
    if "汇报" in said:
        return "汇报"
    return "吃饭" if re.search(r"吃|饭|餐", said) else "见面"


_SAME_DAY_AGAIN = re.compile(r"[^\S\n]*(?:正好|刚好|恰好)(?:是|在)?[^\S\n]*")
_BIRTHDAY_SAID = re.compile(
    r"生日(?:正好|就|刚好)?(?:是|在)?\s*(?:那个)?\s*(?:农历|阴历|阳历|公历|新历|旧历)?\s*$"
)
_HABIT_AFTER = re.compile(
    r"\s*(?:他|她|他们|她们)?(?:常常|常|经常|通常|一般|都会|都)(?=[\u4e00-\u9fff])"
)
_BARE_MONTH_DAY = re.compile(r"[0-9一二三四五六七八九十]{1,3}[号日]")
_EVERY_MONTH = re.compile(r"每(?:个)?月")
_OWN_DAY = re.compile(r"我|这个月|这次|本月|去")  # (每月15号结款，这个月我20号去催: the rep's day)
_BARE_WEEKDAY_AT = re.compile(r"(?:周|礼拜|星期)[一二三四五六日天]")
_ANY_WEEK_DAY = re.compile(rf"周末|{_BARE_WEEKDAY_AT.pattern}")


def _entity_chunk(doc: Doc, a: int, b: int) -> bool:
    word = doc.t[a:b]
    if word in TITLES or (len(word) >= 3 and word.endswith(("处", "部", "科", "室", "办"))):
        return True
    return all(doc.used[i] for i in range(a, b))


# 发邮件给他邮箱是taozr@…: the address is a contact detail, not part of what to do.
_CONTACT_TAIL = re.compile(r"邮箱|手机|电话是|电话号|微信号")
# A task cut at a space before its object (给那个 | 格力的 钟总 打电话, 去 | 拜年 史总).
_CUT_AT_A_SPACE = re.compile(
    r"我|(?:给|跟|和|找|去|到|把|送|发|寄|交|签|拿|带|催)(?:那个)?"
)  # (八号 我 去 局里 找他)


def _said_in_spaced_words(doc: Doc, w: When, action: str) -> str:
    """The task of a note dictated or typed word by word (给那个 格力的 钟总 打电话 问一下…):
    when what was read is only its opening word, the words after it up to the clause's end."""
    t = doc.t
    if not _CUT_AT_A_SPACE.fullmatch(action):
        return action
    at = t.find(action, w.span[1])
    if at < 0 or not t.startswith(" ", at + len(action)):
        return action
    end = doc.clause(at)[1]
    words = SPOKEN_FILLER.sub("", t[at:end]).split()
    return " ".join(words[1:] if words[:1] == ["我"] else words) or action


# What is left of a day's words when no task was said with it (的, 就是, 得记着).
_NO_DEED = re.compile(r"(?:的|了|就是|那个|然后|嗯+|呃+|我?得?记着|记住|记一下)")
_NUMBER_SAID_ON = re.compile(r"\s*[他她]?的?(?:电话|手机|座机)(?:号码?|是)?\s*[+\d][\d\s-]{6,}$")


# A task's verb said whole (发过去, 送过来): a name right after it starts the next thing.
_DONE_VERB_END = re.compile(r"(?:过去|过来|回去|回来)$")


# Words a note parts with spaces (voice input, telegraphic notes: 把 整改报告 给他) are one task
# until the clause ends, a date or a spoken filler (然后, 就是) starts the next thing.
_SPACE_BETWEEN_HAN = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")


# (那个 and 嗯 inside a task are dropped later: 给 那个 太钢的 设备处 打电话 runs on)
_NEXT_THING = re.compile(
    r"然后|就是|对吧|还有|另外|但是|不过|因为|[我他她](?:们)?|对方|[^\s]{0,3}说|预算|竞争|对手|金额|议题|"
    r"参加|[0-9]"
)
_RUN_MAX = 16  # a dictated task longer than this has run into the next thing
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


_THAT_DAY = re.compile(r"(?:那天|当天|那日|这天)")
# 六月十五号左右: about the day (九点半左右 keeps its hour's words as they are read)
_ABOUT_THE_DAY = re.compile(r"左右")
# 之前 把 呃 方案报过去: a bare 把 or 给 between spaces needs what follows, however the note is spaced
_NEEDS_ITS_OBJECT = re.compile(r" +[把给将](?= )")


def _word_spaced(t: str) -> bool:
    """Whether spaces part words (voice input: 见了 那个 娄 娄工 然后 他说), not clauses as in
    typed notes (明天去扬州 见扬州市水利局范局长 带上宣传册): many runs, short on average."""
    runs = [len(r) for r in _HAN_RUN.findall(t)]
    gaps = len(_SPACE_BETWEEN_HAN.findall(t))
    return gaps >= 5 and sum(runs) <= 3.2 * len(runs)


def _spaced_run(doc: Doc, begin: int, end: int, cb: int) -> int:
    t = doc.t
    # (下个礼拜一之前 把 呃 方案报过去: the run is the task's, counted from where it begins)
    start = max(begin, doc.chunk(end - 1)[0])
    while end < cb and t[end] == " ":
        nxt = end
        while nxt < cb and t[nxt] == " ":
            nxt += 1
        if nxt >= cb or doc.date_at[nxt] or _NEXT_THING.match(t, nxt):
            break
        x, y = doc.chunk(nxt)
        if x != nxt or y <= nxt or y - start > _RUN_MAX:
            break
        end = y
    return end


_FILLER_END = re.compile(rf"(?:{VOICE_FILLERS})+$")
_FILLER_NEXT = re.compile(rf"\s+(?:{VOICE_FILLERS})")
# The end of a voice note's words that still need what follows (把, 给, 去, 的, 去一趟, 见).
_NEEDS_MORE = ("把", "给", "去", "到", "跟", "和", "的", "趟", "见", "找")
_REACHED = (
    "送到",
    "拿到",
    "收到",
    "寄到",
    "做到",
    "办到",
    "找到",
    "见到",
)  # (标书送到: done there)


def _rep_step_next(doc: Doc, a: int, na: int) -> bool:
    """Whether the clause at ``na``, after a day said alone at ``a`` and a comma, is the rep's
    step on that day (…，到广达电脑拜访陈处长; …，把检测数据发给秋工)."""
    t = doc.t
    if _REP_ACTION.match(t[na:]):  # (its ^ and $ are the clause's and the note's ends)
        return True
    if t.startswith(("先", "再"), na) and _REP_ACTION.match(t[na + 1 :]):
        return True  # (…，先去会宁县水务局找刘副局长: the first step of the day)
    nb = doc.clause(na)[1]
    return (
        _REP_STEP_NEXT.match(t, na) is not None
        and not _SOMEONE_BEFORE.search(t, _sentence_start(t, a), a)
        # (…，把货送到我们仓库，供应商答应的: theirs, said after)
        and not re.search(r"(?:答应|说)的(?=[,，。;；]|$)", t[na : nb + 8])
        # (10月8号前，把中秋国庆的对账单…: another day said in it, left as it was)
        and not any(na <= v.span[0] < nb for v in doc.whens)
    )


_CALL_HIS_PHONE = re.compile(r"[他她](?:的)?(?:电话|手机|座机)")


def _needs_the_rest(t: str, start: int, kb: int) -> bool:
    """Whether the words from ``start`` to the space at ``kb`` need what follows it: a word
    alone in a note typed word by word (之前 把 整改报告 给他), or words cut off by a filler
    before what they need (我得把那个 嗯 贺卡和礼品送过去)."""
    said = t[start:kb]
    if (_word_spaced(t) or _NEEDS_ITS_OBJECT.match(t, kb)) and len(said.strip()) <= 2:
        return True
    return _FILLER_END.sub("", said).endswith(_NEEDS_MORE) and bool(
        _FILLER_END.search(said) or _FILLER_NEXT.match(t, kb)
    )


def _action(doc: Doc, w: When, people: People) -> str | None:
    """What to do at ``w``: the words after it (or in the next chunk); None when nothing."""
    t = doc.t
    a, b = w.span
    _, cb = doc.clause(b - 1)  # (明天下午3点,不对,是4点,去拜访…: a day corrected ends at its hour)
    if (
        a > 0
        and t[a - 1] == "("
        and t.startswith(")", b)
        and not re.match(r"\)\s*(?:之|以)?[前后]", t[b:])  # (Deepavali(11月8号)前: a day)
        and not any(0 <= a - 1 - v.span[1] <= 1 for v in doc.all_whens)  # (周五(11号): a day)
    ):
        # 报价单发给王工(周五前) 另外样品已寄出: the task said before its day in brackets
        said_from = max(t.rfind(x, 0, a - 1) for x in ",。;\n") + 1
        said_words = _FILLER.sub("", t[said_from : a - 1].strip())
        if len(said_words) >= 2:
            return _people_as_named(doc, people, _without_company(doc, said_words))
    start = b
    that_day = _THAT_DAY.match(t, b) or (None if w.has_time else _ABOUT_THE_DAY.match(t, b))
    if that_day is not None:  # 初十那天（2月26号）我去贵溪: the day said again
        start = that_day.end()
    aside = _ASIDE.match(t, start)
    if aside is not None:  # 3月9号(元宵节后那个周一)给李工打电话: the words after the aside
        start = aside.end()
    if w.has_time:
        after_hour = _AFTER_HOUR.match(t, start)
        start = after_hour.end() if after_hour else start  # 两点后给岑小姐回电话
    closing = re.match(r"\)\s*(?:之?前)?", t[b:])
    if closing is not None:  # 周五(11号)之前把报价发给刘经理: the bracket's date, then the task
        start = b + closing.end()
    eve = _HOLIDAY_BEFORE.match(t, start) or re.match(r"\s*(?:前后|最后一[天周][,\s]*)", t[start:])
    if eve is not None:  # 10月1号放假前把合同签了, 下周三前后给王总打电话: the task after it
        named_first = eve.re is not _HOLIDAY_BEFORE and "," in eve.group()
        start = eve.end() if eve.re is _HOLIDAY_BEFORE else start + eve.end()
        if named_first:  # 月底最后一天，把发票开给华为: the day named, then its task, whole
            _, cb = doc.clause(min(start, len(t) - 1))
            return _people_as_named(doc, people, _FILLER.sub("", t[start:cb]).strip()) or None
    filler = _LEAD_FILLER.match(t, start, cb)
    if filler is not None and filler.end() < cb:  # 今晚 呃 请白总吃饭: the filler is no task
        again = next(
            (
                v
                for v in doc.whens
                if v.day == w.day
                and v.span[0] >= filler.end()
                and t[filler.end() : v.span[0]] in ("", "是", "就是", "就是说", "也就是")
            ),
            None,
        )
        if again is not None:  # 下礼拜一 呃 对 下礼拜一给他发方案: the day said again
            start = again.span[1]
        elif not any(filler.end() <= v.span[0] < cb for v in doc.whens):
            # (生日是十一月三号 那个 要提前准备 十一月二号之前: a later day's words stay theirs)
            start = filler.end()
    if t.startswith("  ", b):  # an English date's padding (next Monday 发个 proposal)
        while start < cb - 1 and t[start] == " ":
            start += 1
    ka, kb = doc.chunk(min(start, len(t) - 1))
    latin = _LATIN_AFTER.match(t, kb, cb) if ka <= start else None
    if latin:  # 发个 proposal: the English words belong to the action
        kb = latin.end()
    if (
        ka <= start
        and kb < cb
        and t[kb] == " "
        and _needs_the_rest(t, start, kb)
        and people.mention_in(start, kb) is None  # (明天 张总 电话 报价单: a list, no run)
    ):
        kb = _spaced_run(doc, start, kb, cb)
    end = min(kb, cb)
    if ka <= start:
        # (…把报价发过去吕总下礼拜二去广州: a task done, then someone else said of, run on)
        subject = next(
            (
                m.start
                for m in people.mentions
                if start < m.start < end
                and not m.pronoun
                and _DONE_VERB_END.search(t, start, m.start)
            ),
            None,
        )
        end = subject if subject is not None else end
    text = t[start:end] if ka <= start else ""  # never past the clause (a chat's line)
    called = _CALL_HIS_PHONE.match(t, end) if text.endswith("打") and end < cb else None
    if called is not None:  # 六号再打他电话: the call's whole words, not 打 alone
        text += called.group()
    # (…出个方案哦不对是七月八号: the correction is no part of the task)
    text = LATE_FIX.split(text, maxsplit=1)[0]
    text = _OWNED_WRONG.sub("", text)  # (交方案是写错了: said wrong, then put right)
    text = _SPACE_BETWEEN_HAN.sub("", text)
    text = _CONTACT_TAIL.split(text)[0]
    text = _FILLER.sub("", text)
    comma = re.match(r"\s*[,，]\s*", t[b : cb + 2])
    if not text and comma and _rep_step_next(doc, a, b + comma.end()):
        cb = doc.clause(b + comma.end())[1]  # 下礼拜一早上九点，到广达电脑拜访陈处长
    if not text:
        for x, y in doc.chunks_in(b, cb):
            if that_day is not None and y <= that_day.end():
                continue  # (初九那天 给他打电话: the day said again is no task)
            if any(x <= v.span[0] < y for v in doc.whens):
                break
            if _entity_chunk(doc, x, y):
                continue
            if not _FACT_WORDS.search(t[x:y]):
                latin = _LATIN_AFTER.match(t, y, cb)  # 提交 tender docs
                text = _FILLER.sub("", t[x : latin.end() if latin else y])
            break
    # 约了张总下周三见面 / 打电话给苗主任 约下周三上午拜访: keep the verb before the date.
    pa, _ = doc.chunk(max(a - 1, 0))
    before = t[pa:a].strip() if pa < a else ""
    if before[:1] in ("约", "请", "陪") and text and len(before) <= 8 and not _AGREED.match(before):
        text = before + text
    text = _AGREED.sub("", text) or text
    if _RUN_ON.search(text, 2):  # a voice note runs on: the task ends at its next filler
        parts = _RUN_ON.split(text)
        # (去那个长春的吉林大学…: a filler right after the verb is no end)
        # (我们把那个技术参数表发给他: a word that needs what follows, 把, 给, 去, is no end either)
        # (把南通海关的那个验收单拿回来: 的 needs its noun too)
        # (去那个宁波北仑的那个宁波汽车座椅见那个邱主任: on while the words still need more)
        # (把那个嗯就是那个技术方案…: fillers stacked, the words come after all of them)
        text = parts[0]
        for part in parts[1:]:
            if not (len(text) <= 2 or text.endswith(_NEEDS_MORE)) or text.endswith(_REACHED):
                break
            text += part
    if ka <= start:
        text = _with_whom(doc, people, text, min(kb, cb), cb)
    if _ONLY_A_TRIP.match(text) and w.day != doc.today:  # (今天去趟嘉兴: the trip is today's)
        text = _seen_after_trip(doc, people, cb) or text + _errand_after(doc, cb, on_trip=True)
    text = _people_as_named(doc, people, _without_company(doc, text))
    text = _EN_TAIL.sub("", _TRAIL.sub("", text)[:24])
    if _GRADE_SAID.search(t):  # 周一下午3点送样 B类: the grade is the customer's (方案 B stays)
        text = _GRADE_AFTER.sub("", text) or text
    bare_en = _BARE_EN_VERB.fullmatch(text)
    if bare_en is not None:  # 礼拜三要 email 公司 profile 给他, 先 send 完整 capacity report
        at = t.find(bare_en["verb"], start)
        rest = doc.text[at:cb].strip() if 0 <= at < cb else ""
        text = _TRAIL.sub("", rest)[:24] if len(rest) > len(bare_en["verb"]) else text
    if _BARE_CALL.fullmatch(text):  # 答应给喻经理回电话，忘了，明早九点打: the call said before
        calls = [m.group() for m in _CALL_SAID.finditer(doc.text, 0, a)]
        text = _people_as_named(doc, people, _without_company(doc, calls[-1])) if calls else text
    if text.lower() in _PARTICLES:  # (before CNY lah: the task was said before the day)
        text = _english_verb_before(doc, a) or "跟进"
    if text.startswith("的") and a > doc.clause(a)[0]:
        # 跟王总确认一下周三的会: the day sits inside the task, which is the whole clause
        text = _FILLER.sub("", doc.text[doc.clause(a)[0] : cb]).strip()[:24]  # (as typed: 一下)
    if text.startswith("再") and len(text) >= 3:
        text = text[1:]
    if not text or text == "跟进" or _EN_LEAD.match(text):  # Call 刘工 tomorrow re 巡检 app
        about = text if re.match(r"(?i)(?:re|about|regarding):?\s+\S", text) else ""
        text = _english_verb_before(doc, a) or text
        if about and text != about:  # call 陈总 tmr 10am re core system: what it is about
            text = f"{text} {about}"
    if _GIVE_ONLY.fullmatch(text):  # 先把比价材料准备好，12月5号前给我: what is given, said first
        said_first = _said_before(doc, people, a)
        if said_first:
            text = said_first
    sent = _SENT.fullmatch(text)
    if sent:  # 发票我明天寄过去 → 寄发票, 你把报价单发我邮箱 … 今晚发 → 发报价单
        thing = _thing_before(doc, a)
        if thing:
            text = sent["verb"] + thing
    if text in _BARE_VERB or text.lower() in _BARE_VERB:  # (Call tomorrow 10am)
        # (next Friday 3pm call 李部长 re budget: whom the verb names, not who was named before)
        verb_end = t.find(text, start) + len(text) if t.find(text, start) >= 0 else start
        after = next(
            (
                m
                for m in people.mentions
                if verb_end <= m.start <= verb_end + 2 and not m.pronoun and m.contact >= 0
            ),
            None,
        )
        label = label_of(people.persons[after.contact]) if after else _label_at(people, a)
        if label:
            joint = " {}" if text.isascii() else "{}"
            said = _EN_ABOUT.search(doc.text, doc.clause(a)[0], cb) if text.isascii() else None
            text = _WITH_WHOM.get(text, text + joint).format(label)
            if said:  # call 刘总 @ 新希望六和 re feed traceability: what the call is about
                text += " re " + said["what"].strip()
    if doc.chat:
        text = _in_third_person(doc, people, a, text)
    if text in _VAGUE:
        ca, _ = doc.clause(a)
        if _SAYS.search(t, max(ca, a - 8), a):
            return None  # 他说春节前要定: their decision to come, nothing for the rep to do
        return "跟进"
    m = people.mention_in(b, b + len(text) + 1)
    if not text or (m is not None and t[m.start : m.end] == text):
        return None
    bare = SPOKEN_FILLER.sub("", text)  # 去那个长春的吉林大学: voice input's 那个 and 嗯 go
    return bare if len(bare) >= 2 else text


# A call said whole before its day, then only its verb after it (…回电话，忘了，明早九点打).
_BARE_CALL = re.compile(r"打")  # (明天再打 stays as said; 她说周五回 is her return, no call)
_CALL_SAID = re.compile(r"给[^\s,，。;:]{1,12}?(?:回|打)个?电话")
# An English verb left alone before its object (email 公司 profile 给他, 先 send 完整 report).
_BARE_EN_VERB = re.compile(
    r"(?:先|要|再)?\s*(?P<verb>(?i:email|send|submit|prepare|deliver|revise))"
)
# Singlish and Cantonese particles after the day: no task of their own.
# (我：这周五不行，下周一呢: a question's particle, no task's words either)
_PARTICLES = frozenset({"lah", "leh", "lor", "meh", "la", "呢", "吗", "吧", "嘛", "行吗", "可以吗"})
_GRADE_AFTER = re.compile(r"(?<=[\u4e00-\u9fff])\s+[ABC]类?$")
_GRADE_SAID = re.compile(r"[ABC]类")


# A trip said alone (去一下南通中远海运川崎船厂) and then whom it is for (找生产部的白部长).
_ONLY_A_TRIP = re.compile(r"^(?:先|要)?(?:去|到)(?:一下|一趟)?\s*[\u4e00-\u9fffA-Za-z]{2,20}$")
_TO_SEE = re.compile(r"找|见|拜访")
_ABOUT = re.compile(r"聊|谈|讲|送|签|带|汇报|演示")


def _with_whom(doc: Doc, people: People, text: str, end: int, cb: int) -> str:
    """去一下川崎船厂 找白部长 聊焊接机器人的维保 → 找白部长 聊焊接机器人的维保: a reminder is
    about the person met and what for, when the note says so in the chunks that follow
    (腊月廿三去管委会送台历 找康主任 keeps both)."""
    rest = [(x, y) for x, y in doc.chunks_in(end, cb) if not doc.date_at[x]]
    if not rest or not _TO_SEE.match(doc.t, rest[0][0]):
        return text
    x, y = rest[0]
    if people.mention_in(x, y + 1) is None:
        return text
    seen = doc.t[x:y]
    if text.endswith(seen):
        return text  # (明天 拜访张总: the words found are that chunk already)
    if len(rest) > 1 and _ABOUT.match(doc.t, rest[1][0]):
        seen += " " + doc.t[rest[1][0] : rest[1][1]]
    company = doc.t[doc.company_span[0] : doc.company_span[1]] if doc.company_span else None
    if _ONLY_A_TRIP.match(text):  # (去扬州 见范局长: a trip to a city is one to remember)
        return seen if company and company in text else text
    return f"{text} {seen}"


# What a trip is for, said after whom it is for: 送两套滤网样品, 把明年的价格协议签了.
_ERRAND_START = re.compile(
    r"(?:送|签|把(?!握)|带|谈|聊|讲|交(?!通)|拿|取(?!样(?!品))|催|演示|汇报|给[他她]看|问(?!题)|定(?!金|好)|"
    r"看(?!了|过|到|来|样子|重|得|完)|发给|提醒)(?![的期了过])"
)


def _seen_after_trip(doc: Doc, people: People, cb: int) -> str | None:
    """去趟昆山，找友达光电的张课长，送两套滤网样品 → 找张课长，送两套滤网样品: a bare trip,
    then, after a comma, whom it is for (and what for, in the clause after)."""
    t = doc.t
    if cb >= len(t) or t[cb] not in ",，":
        return None
    a, b = doc.clause(cb + 1)
    while a < b and t[a] == " ":
        a += 1
    named = [m for m in people.mentions if a <= m.start < b and not m.pronoun]
    if not _TO_SEE.match(t, a) or len(named) != 1 or any(doc.date_at[a:b]):
        return None  # (见沙经理和邓总监: a list of who is there, the trip stays the task)
    return t[a:b] + _errand_after(doc, b)


# (提醒了王总好几次, 演示过一次了, 给王总培训一下再说: no errand to go with a trip)
_DONE_OR_PUT_OFF = re.compile(r"了|过|再说|再看|再定")
# 去宁波，提醒虞总把合同盖章 / 去粮库，给寿主任讲粮情监测系统: what a bare trip is for
_TRIP_ERRAND = re.compile(r"提醒|给[^\s,，]{1,5}?(?:讲|演示|培训|汇报)")


def _errand_after(doc: Doc, b: int, on_trip: bool = False) -> str:
    """，送两套滤网样品: what the person is seen for, said in the clause after (or nothing);
    ``on_trip``: what a bare trip is for, a little longer, undated, neither done nor put off."""
    t = doc.t
    if b >= len(t) or t[b] not in ",，":
        return ""
    c, d = doc.clause(b + 1)
    opens, longest = (_TRIP_ERRAND, _ERRAND_MAX + 4) if on_trip else (_ERRAND_START, _ERRAND_MAX)
    if not opens.match(t, c) or d - c > longest or _NOT_AN_ERRAND.search(t, c, d):
        return ""
    if on_trip and (any(doc.date_at[c:d]) or _DONE_OR_PUT_OFF.search(t, c, d)):
        return ""
    return "，" + t[c:d]


_ERRAND_MAX = 14
# (…，他说下周定 / 我们这边…: another remark, not what the visit is for)
# (带给他, 给他看: whom it is for; 问题不大, 这单悬了: a remark on how it stands)
_NOT_AN_ERRAND = re.compile(r"说|(?<!给)[他她]|我|已经|还没|已|不大$|很大$|解决了|悬了|的事|交给")


# 找生产部的白云白部长 → 找白部长, 见一下他们的葛所长 → 见葛所长: the person as the card names
# them, without the department or 一下 before them.
_BEFORE_PERSON = re.compile(
    r"(?<=[找见给跟约访问])(?:一下)?(?:他们的?|[\u4e00-\u9fffA-Za-z]{1,10}?(?:部|科|课|处|室|中心|办)的?)?$"
)


def _people_as_named(doc: Doc, people: People, text: str) -> str:
    for m in people.mentions:
        if m.pronoun or m.contact < 0:
            continue
        said = doc.t[m.start : m.end]
        k = text.find(said)
        if k < 0:
            continue
        label = label_of(people.persons[m.contact])
        twice = m.name and m.surname and said.startswith(m.name + m.surname)
        if label and twice:  # 陈东陈总: a name, then its surname and title again
            text = text[:k] + label + text[k + len(said) :]
        lead = _BEFORE_PERSON.search(text, 0, k)
        if lead and lead.start() < k:
            text = text[: lead.start()] + text[k:]
    return text


# 约定下周三前发修改后的报价: what was agreed is the action, not the agreeing (发修改后的报价).
_EN_ABOUT = re.compile(r"(?i)(?a:\b)re:?\s+(?P<what>[A-Za-z][A-Za-z0-9 -]{1,40}?)\s*(?:[.,;!?]|$)")
_AGREED = re.compile(r"^(?:约定|约好|说好|讲好|商定)了?\s*")


# A verb of sending with nothing sent said after it.
# A bare handing over after the day (…1月12号前给, …12月5号前给我): its thing was said first.
_GIVE_ONLY = re.compile(r"(?:给|交)(?:我|我们|你|他|她|他们|过来|过去)?(?:就行|就可以|就好|即可)?")
_SAID_BEFORE_LEAD = re.compile(r"^(?:先|要|还要|得|再|然后|那个|就是)+")
_TOLD_BY = re.compile(r"(?:让|要|叫|说|请)$")


def _said_before(doc: Doc, people: People, a: int) -> str | None:
    """The words before the date at ``a`` in its sentence part (after the last comma): what is
    to be handed over (激光雷达的量产报价鲍凯让 → 激光雷达的量产报价), or None."""
    t = doc.t
    end = a
    start = max(t.rfind(x, 0, end) for x in ",，。;；\n") + 1
    if not t[start:end].strip() and start > 0 and t[start - 1] in ",，":
        end = start - 1  # 先把比价材料准备好,12月5号前给我: the part before the comma
        start = max(t.rfind(x, 0, end) for x in ",，。;；\n") + 1
    mark = _TOLD_BY.search(t, start, end)
    if mark is not None:  # 鲍凯让…: whoever asked for it is no part of the thing
        end = mark.start()
    for m in people.mentions:
        if start <= m.start < end and m.end >= end - 1:
            end = m.start
    names = [p.name for p in people.persons if p.name]
    whose = next((n for n in names if t.endswith(n, start, end)), None)
    if whose is not None:  # (…量产报价鲍凯让: a name said again, not read as a mention)
        end -= len(whose)
    text = _SAID_BEFORE_LEAD.sub("", t[start:end].strip())
    if not 2 <= len(text) <= 20 or any(doc.date_at[start:end]) or _FACT_WORDS.search(text):
        return None
    if re.search(r"[我你他她]|说|[?？]", text) and not text.startswith("把"):
        return None
    return text


_SENT = re.compile(r"(?P<verb>发|寄|送|交|带)(?:过去|过来|给他|给她|给您|您|他|她)?")


def _thing_before(doc: Doc, a: int) -> str | None:
    """The last thing worked on named shortly before ``a``: on its line, or in a chat the
    message before (its stamp line between)."""
    t = doc.t
    start = a
    for _ in range(3 if doc.chat else 1):
        start = t.rfind("\n", 0, start - 1) + 1 if start > 0 else 0
    things = list(_WORK_THING.finditer(t, max(start, a - 60), a))
    return things[-1].group().strip() if things else None


def _label_at(people: People, pos: int) -> str | None:
    """How the person a reminder at ``pos`` is about is named (刘总), if anyone is."""
    who = people.anchor(pos)
    return label_of(people.persons[who]) if who is not None else None


def _in_third_person(doc: Doc, people: People, a: int, text: str) -> str:
    """A chat line's 您 (the rep to the customer) or 我 (the customer of themselves) is the
    customer: 约您 → 约甘总, 把报价给我 → 把报价给卜主任."""
    label = _label_at(people, a)
    if not label:
        return text
    if doc.said_by_customer(a):
        return re.sub(r"(?<=[给找见])我", label, text)
    return text.replace("您", label)


# A surname and a title right after the company: 南京地铁唐经理.
_PERSON_AHEAD = re.compile(rf"\s*[\u4e00-\u9fff](?:{TITLE_RE.pattern})")
_COMPANY_BEFORE = re.compile(r"\s*(?:at|@|from)\s*$")
_COMPANY_AFTER = re.compile(r"\s*(?:要的(?!和)|的)\s*")  # (把X要的资质文件发过去)
_WANTED_OF = re.compile(r"把\s*$")


_DONE_FOR_IT = re.compile(r"打(?:个)?电话|报价|出[一二两三四五几]?[份套个]?方案|发")
_GO_TO = re.compile(r"(?:要|再)?[去到](?:一趟|一下)?")
_PLACE_OF_BEFORE = re.compile(rf"(?:{PLACE_RE.pattern})+的$")


def _without_company(doc: Doc, text: str) -> str:
    """给无锡市中医院的萧院长送年货 → 给萧院长送年货: the card names the company already."""
    if doc.company_span is None:
        return text
    name = doc.t[doc.company_span[0] : doc.company_span[1]]
    k = text.find(name)
    if k < 0:
        return text
    end = k + len(name)
    if doc.company_place is not None:  # 给芜湖鸠江的皖南船用阀门的阮总 → 给阮总
        place = doc.t[doc.company_place[0] : doc.company_place[1]]
        k -= len(place) if text.endswith(place, 0, k) else 0
    else:  # (去那个昆山的那个昆山精密模具: the place said apart, a filler between, now gone)
        where = _PLACE_OF_BEFORE.search(text, 0, k)
        k = where.start() if where else k
    # "X的张总", "电话南京地铁唐经理" and "去X找林科长" name the person; 报价给镇江港务集团
    # keeps the place it names (the name is cut out with the words that lead to it)
    before = _COMPANY_BEFORE.search(text, 0, k)
    after = _COMPANY_AFTER.match(text, end)
    if after is not None and "要" in after.group() and not _WANTED_OF.search(text, 0, k):
        after = None  # (找万科要的尾款, 把海尔要的和格力要的样品: not the thing it wants)
    if after is not None:  # X的张总 (and "at X 的")
        cut = text[: before.start() if before else k] + text[after.end() :]
    elif before is not None and before.group().strip():  # call Wang at X
        cut = text[: before.start()] + text[end:]
    elif _GO_TO.fullmatch(text, 0, k) and text.startswith(("找", "见", "拜"), end):
        cut = text[end:]  # 去X找林科长 → 找林科长, 去一趟X找付经理 → 找付经理
    elif text[:k] == "给" and _DONE_FOR_IT.match(text, end):
        cut = text[end:]  # 给X打电话拜年 → 打电话拜年, 给X报价 → 报价
    elif _PERSON_AHEAD.match(text, end):  # 电话南京地铁唐经理
        cut = text[:k] + text[end:].lstrip()
    else:
        return text
    return cut if len(cut) >= 2 else text


def _english_verb_before(doc: Doc, a: int) -> str | None:
    """call Lee at 万科 next Fri 3pm: the English verb and its object before the date."""
    ca, _ = doc.clause(a)
    m = _EN_VERB.search(doc.t, ca, a)
    if m is None:
        # Next step: site survey on Dec 29 / Lunch with 方总 … next Tue: the English words
        # that lead to the date, after any "Next step:" label
        said = doc.t[ca:a]
        said = said[said.rfind(":") + 1 :]
        if not _EN_TASK.fullmatch(said):
            return None
        text = _EN_TAIL.sub("", _without_company(doc, said).strip(" ,:"))
        return text if 2 <= len(text) <= 40 else None
    text = _EN_TAIL.sub("", _without_company(doc, doc.t[m.start() : a]).strip(" ,:"))
    return text or None


# A short English task said before its date (mostly Latin, a name or two in Chinese allowed).
_EN_TASK = re.compile(r"\s*[A-Za-z][A-Za-z0-9 ,.&'()\u4e00-\u9fff-]{1,40}?\s*")


_EN_LEAD = re.compile(r"(?i)(?:re|with|about|regarding)(?a:\b)")
# send 合同 draft to Ms. 岑 before 月底: the words that lead to the date are no part of the task
_EN_TAIL = re.compile(r"(?i)(?:\s+(?:before|by|on|at|until|due|eod|cob|for|re:?|@))+\s*$")


# A day said done (去过, 拜访过, 见过了): gone by, whatever the calendar reads (初三去过 in 正月).
# (开会过一下合同, 过一遍, 过目: going over something, no 过 of the past)
_DONE_BY_THEN = re.compile(
    r"\s*(?:刚刚?|才|已经|[去来见到拜访打通聊谈开][^\s,，。]{0,5}?)?过(?![来去年节一下目])"
    r"|\s*去的(?!话|时候|人|那|这|地方)"  # (21号去的兰州石化: gone then)
)
# A weekday said bare (no 下, 这, 本) of something its clause says was done.
_BARE_WEEKDAY = re.compile(
    r"(?:(?:周|礼拜|星期)[一二三四五六日天])?(?:上午|下午|晚上|中午)?(?<=[一二三四五六日天午上])"
)
_DONE_THAT_DAY = re.compile(
    r"(?![^。;；\n]*?(?:要|会|再|准备|打算|计划|约|以后|之后|后))"
    r"(?:[^。;；\n]{0,24}?(?:聊|见|去|吃|打|谈|拜访|通|碰|喝|开)了"
    # (周五一起吃饭认识的: the 是…的 of a thing done)
    r"|[^。;；\n]{0,12}?(?:认识|见面?|聊|谈|吃饭|碰面)的(?!时候|话))"
)
_EN_GONE = re.compile(r"(?i)\s*(?:was|were|went|had)(?a:\b)")
# A day said to be another (明天就月底了, 下周五就是元旦了, 后天周六, 下个礼拜天是二月二十八号):
# the calendar told, no task — both the day and what it is.
# (明天十点五号楼会议室见: 五号楼 is a building, not the day 明天 is)
_DAY_WORD = (
    r"(?:[0-9一二三四五六七八九十]{1,3}月|月底|月初|年底|元旦|春节|圣诞节?|国庆|中秋|端午|清明|除夕|小年|"
    r"周[一二三四五六日天]|礼拜[一二三四五六日天]|星期[一二三四五六日天]|腊月|正月|"
    r"[0-9一二三四五六七八九十]{1,3}(?:号(?!楼)|日))"
)
_IS_THE_DAY = re.compile(
    rf"(?:的今天)?\s*(?:就是|就|是|也就是)?\s*{_DAY_WORD}[^,，。;；\s]{{0,8}}?(?:了|喇|啦|咯)?"
    rf"(?=$|[,，。;；\s]|{VOICE_FILLERS})"
)
# (明天中秋。, 后天元旦: the festival told as what that day is)
# (那就下周二下午两点: the day agreed on, not what a day is)
_IS_BEFORE = re.compile(r"(?:的今天)?(?:就是|(?<!那)就|是)\s*$|(?<![\u4e00-\u9fff])[今明后]天\s*$")
# (跟王经理见面是周二: when the rep's meeting is, not what the day is)
_MEETING_IS = re.compile(
    # (去大族激光见季经理是后天, 和单经理约的是10月9号: whom he meets, or the plan, said first)
    r"(?:见面|拜访|会面|碰面|吃饭|饭局|约的|见(?=[^\s,，。;是]{1,6}是)[^\s,，。;是]{1,6})"
    r"(?P<tail>的?(?:时间|日子)?(?:不是[^,，。;]{1,8}[,，]\s*)?是\s*)$"
)
_TOLD_END = re.compile(rf"\s*(?:了|喇|啦|咯)?\s*(?:$|[,，。;；\n]|{VOICE_FILLERS})")


# 周五下午3点会 过合同, 周一上午开会 谈价格: a meeting said with what it is for is a task.
_MEETING_ABOUT = re.compile(
    r"\s*开?会\s*[,，]?\s*(?P<what>(?:过|谈|讨论|聊|汇报|定|签)[^\s,，。;；]{1,12})"
)
# 不用去, 不去了, 不参加: the day is named and declined.
_NOT_GOING = re.compile(r"不用去|不去了|不参加|不必去|不用参加|轮不到我")
# …and these in the day's own clause only (王总说下周三去不了，改到周五上午来: Friday stays)
_NOT_GOING_HERE = re.compile(r"去不了|不用我管|不归我管")


def _answered_with_a_day(doc: Doc, a: int) -> bool:
    """In a pasted chat, whether the rep's own later line names another day of its own (their
    answer to the customer's request is what the rep will do, and when; the same day said
    again only sets its hour)."""
    asked = next((w for w in doc.whens if w.span[0] == a), None)
    # (11号下午五点前交到采购部 / 我: 11号上午把标书送过去 — their deadline, the rep's hour)
    deadline = (
        asked is not None
        and asked.has_time
        and bool(
            re.search(r"前$", doc.t[slice(*asked.span)])
            or re.match(r"\s*之?前", doc.t[asked.span[1] :])
        )
    )
    return any(
        w.span[0] > a
        and not doc.said_by_customer(w.span[0])
        and doc.is_future(w)
        and (asked is None or w.day != asked.day or deadline)
        for w in doc.whens
    )


# A customer's chat line turning a day down: no (不行, 没空), busy that very day (周二我出差),
# another day offered (周五吧), or another day named that the rep then takes.
_TURNED_DOWN = re.compile(
    r"不太?行|不太?方便|没空|没时间|不在|来不了|够呛|改到|改成|约了别人|有个?会|[唔不]得闲"
)
_NOT_NEEDED = re.compile(r"不用跑|不用来|不用过来|不用麻烦|不用特意|不必跑|不必过来")
_BUSY = re.compile(r"出差|开会|不在|没空|有事|(?<![过来])去(?!你们|您)")
_AGREED_IN_LINE = re.compile(r"可以|没问题|行[,，]|好的|好啊|OK|ok")


_BARE_YES = re.compile(r"\s*(?:好|行|嗯|OK|ok)[的啊吧呀]?[!。.]?\s*")
_AGREED_AFTER = re.compile(
    r"[?,，。\s]*[^\s,，。?:]{0,6}?(?:[说:]\s*|回复|答应|表示)?"
    r"(?:可以|好的|没问题|行|同意|好(?=\s*(?:$|[,，。!])))"
)
_ASK_TAIL = re.compile(r"\s*(?:可以吗|好吗|行吗|方便吗|可不可以|行不行|吗)[?？]?$")


def _agreed_next(doc: Doc, a: int) -> bool:
    """Whether the rep's question at ``a`` is agreed to: in a chat, the customer's next turn
    only agrees (行，来吧; 好 — no day or hour of their own); in a note, the customer is said
    to agree right after it (下周二能见一面吗？刘总说可以)."""
    t = doc.t
    if not doc.chat:
        return _AGREED_AFTER.match(t, doc.clause_end(a)) is not None
    if doc.said_by_customer(a):
        return False
    later = doc.turns_after(a)
    if not later or later[0][1]:
        return False  # (no next line, or the rep's own)
    nxt = later[0][0]
    after = later[1][0] if len(later) > 1 else len(t)
    end = t.rfind("\n", nxt, after) if after < len(t) else after  # (the next label's own line)
    end = after if end <= nxt else end
    turn = t[nxt:end]
    return (
        _AGREED_IN_LINE.search(turn) is not None or _BARE_YES.fullmatch(turn) is not None
    ) and not any(nxt <= v.span[0] < end for v in doc.all_whens)


def _put_off_in_chat(doc: Doc, w: When) -> bool:
    """Whether the day the rep offered in a chat was turned down by a customer's later line
    (see _TURNED_DOWN) and the rep's own later line settles on another day (a customer's line
    that only tells of their own day, or says 不急, turns nothing down)."""
    t = doc.t
    a = w.span[0]
    later = doc.turns_after(a)
    for i, (x, own) in enumerate(later):
        if own:
            continue
        end = later[i + 1][0] if i + 1 < len(later) else len(t)
        if _NOT_NEEDED.search(t, x, end):
            return True  # 我：那我下周五去取？/ 程经理：不用跑，盖好了直接快递给你
        said = {v.day for v in doc.whens if x <= v.span[0] < end}
        settled = {
            v.day
            for v in doc.whens
            if v.span[0] > end and not doc.said_by_customer(v.span[0]) and doc.is_future(v)
        } - {w.day}
        if not settled:
            continue
        offered = any(
            t.startswith("吧", v.span[1]) and v.day != w.day
            for v in doc.whens
            if x <= v.span[0] < end
        )
        agreed = _AGREED_IN_LINE.search(t, x, end) is not None
        busy = _BUSY.search(t, x, end) is not None
        if (
            _TURNED_DOWN.search(t, x, end)
            or (w.day in said and busy and not agreed)
            or offered
            or (said & settled and not busy)
        ):
            return True
    return False


def _names_the_day(doc: Doc, a: int, b: int) -> bool:
    """Whether the date at ``a``–``b`` only tells what a day is: followed by another day and
    了 (明天就月底了), or by another day and a clause with its own date or none (明天元旦，后天周六);
    or the day told itself (…就是元旦了, …是圣诞节，下周五前…)."""
    t = doc.t
    # (明天月底了 记得催回款: the day told, then the task for it — kept)
    restated = _TOLD_END.match(t, b)
    if restated is not None and re.search(r"就是|是|[天日](?=周|礼拜|星期)", t[a:b]):
        return _next_part_dated(doc, restated.end())  # 下周五就是元旦了。: read as one date
    told = _IS_THE_DAY.match(t, b)
    if (
        told is None
        and _IS_BEFORE.search(t, max(0, a - 4), a)
        and not _MEETING_IS.search(t, max(0, a - 20), a)
    ):
        told = _TOLD_END.match(t, b)
    return told is not None and _next_part_dated(doc, told.end())


# 下次是3月10号。 開標係七月廿四號, Q3的在9月底: a day told as when something is (定在, 约在,
# 改在 set the rep's appointment).
_TOLD_AS = re.compile(r"(?<![约定改放排])(?:是|係|系|在)\s*$")
# …said of their own steps: 下次, 截止(日期), 开标, 定标, 公布, 结果 (演示是下周四 is the rep's)
_THEIR_STEP = re.compile(r"下次|下一次|截止|开标|评标|定标|公布|结果|付款日|放假|预算|Q[1-4]")
_TOLD_THEN_ENDS = re.compile(r"\s*(?:$|[,。;\n])")
_ONES_OWN_ERRAND = re.compile(r"[我咱]|拜访|见面|约|去|打电话|联系|回访")


# After a date: from then on, no one day (以后才, 后才上班), a holiday's length (放假3天, 国庆
# 7天), the season told (年底最后几天).
# (元旦放假前, 清明假期后第一天, 月底最后一天: a day for the rep's task, reckoned from it)
_HOLIDAY_WORD = r"(?:放假|假期|长假|连假)"
_NOT_A_DAY_TO_ACT = re.compile(
    rf"\s*(?:(?:以|之)?后才|后再说|{_HOLIDAY_WORD}(?![前后])|[0-9一二三四五六七八九十]+天(?![内后前之以])"
    # (过年还在想工作: a state then; 五一前最后一周, 国庆第二天, 端午节前后: a time named)
    r"|最后(?:几|这几)天|(?:最后一[周天]|第[一二三]天)(?=[。;(]|了|$)|还在|都在"
    # (8号正常上班, 初八才返工: their working days told)
    r"|(?:正常|才|开始|恢复)(?:上班|返工|复工|营业)(?![后第])|放到)"
)
_HOLIDAY = re.compile(rf"{_HOLIDAY_WORD}$")
# 要到九月一号才开车, 等到下周一才有结果 (not 我要到周五才能去: the rep's own day).
_NOT_UNTIL = re.compile(r"(?:要|得|等)?到\s*$")
_WAITED_FOR = re.compile(r"(?<![我咱])(?:要|得)?等\s*$")
_CANTONESE = re.compile(r"[佢嘅咗哋喺唔冇俾]")
# 补记, 补一下: a note written after the day it tells of.
_WRITTEN_AFTER = re.compile(r"^[\s嗯呃那个]*补(?:记|录|一下)")
_TODAY_ERRAND = re.compile(r"去|找|拜访|送|签|上门")
_ERRAND_DAY_ENDS = 17
_HOLIDAY_BEFORE = re.compile(rf"{_HOLIDAY_WORD}(?:之|以)?前")
_BEFORE_OR_AFTER = re.compile(r"\s*(?:之|以)?[前后]")
# Before a date: a deed already done then (已经在1月底送到了, 上次是周三来的).
_GONE_BEFORE = re.compile(r"(?P<already>已经|早就)?(?:上次|上回)?(?:是|在|于)?\s*$")


def _before_a_holiday(doc: Doc, w: When) -> bool:
    """元旦放假前, 春节放假前把合同签了: by the day before the holiday (whose days read as a
    range, which would otherwise be someone's days away)."""
    t = doc.t
    a, b = w.span
    # (10月1号放假前: the holiday begins that day, so the day before it too)
    return not w.has_time and bool(
        _HOLIDAY_BEFORE.match(t, b)
        or (
            not re.search(r"\d", t[a:b])
            and _HOLIDAY.search(t[a:b])
            and re.match(r"(?:之|以)?前", t[b:])
        )
    )


def _gone_before(doc: Doc, w: When) -> bool:
    """上次是周三来的, 已经在1月底送到了: a day gone by (已经 only for a month and day read as the
    next one: 张总已经在下周二安排了会议 is still to come)."""
    a = w.span[0]
    m = _GONE_BEFORE.search(doc.t, max(doc.clause(a)[0], a - 4), a)
    if m is None or not m.group().strip():
        return False
    if re.search("上次|上回", m.group()):
        return True
    said = doc.t[a : w.span[1]]
    return m["already"] is not None and not re.search(r"[下明后本这今]|周|礼拜|星期", said)


_ASIDE = re.compile(r"\s*\([^()\n]{1,16}\)\s*(?:之?前)?")


_HEADS_A_LIST = re.compile(r"的?(?:安排|计划|行程|日程)\s*[,:\n]")
_LIST_REACH = 30  # how far after its heading a list's first day may be said


def _days_listed_after(doc: Doc, i: int) -> bool:
    """Whether the next date follows the heading after a colon or a line (下周一计划：去苏州
    拜访刘总 is the day's own errand, no list)."""
    if i + 1 >= len(doc.whens):
        return False
    b, nxt = doc.whens[i].span[1], doc.whens[i + 1].span[0]
    return nxt - b <= _LIST_REACH and bool(re.search(r"[:\n]", doc.t[b:nxt]))


_NEW_YEAR_GONE = re.compile(r"(?:春节|过年|年)前")
_FESTIVAL_SEASON = timedelta(days=30)


def _just_after_spring_festival(today: date) -> bool:
    """Within a month after 春节, when 年前 means the weeks just gone, not next year's."""
    first = festival_day("春节", today.year)
    return first <= today < first + _FESTIVAL_SEASON


def _restated(doc: Doc, i: int) -> bool:
    """Whether one of two dates that say the same day twice, the second in brackets, but are
    read as two days, is to be left: the one whose day is said by its number (周五(11号) is the
    11th, 3月9号(元宵节后那个周一) the 9th). The same day twice (下下周五(29号)前) leaves
    neither: the bracket's carries the task on."""

    def pair(j: int) -> bool:
        if j <= 0 or j >= len(doc.whens):
            return False
        a = doc.whens[j].span[0]
        opened = doc.t.rfind("(", 0, a)
        if opened < 0 or ")" in doc.t[opened:a]:
            return False
        before = doc.whens[j - 1]
        return 0 <= opened - before.span[1] <= 1 and before.day != doc.whens[j].day

    def numbered(j: int) -> bool:
        return bool(_NUMBERED_DAY.search(doc.t[slice(*doc.whens[j].span)]))

    if pair(i):  # the bracket's: left unless its number says the day
        return not numbered(i) or numbered(i - 1)
    if pair(i + 1):  # the first: left when only the bracket's says the day by its number
        return numbered(i + 1) and not numbered(i)
    return False


def _day_told(doc: Doc, a: int, b: int) -> bool:
    """Whether the date at ``a``–``b`` is only told as when something is (see _TOLD_AS), with
    nothing of the rep's in its clause."""
    t = doc.t
    ca, _ = doc.clause(a)
    return bool(
        _TOLD_AS.search(t, max(ca, a - 2), a)
        and _TOLD_THEN_ENDS.match(t, b)
        # (下周五是1月1号: a day said to be another is the calendar told)
        and (
            _THEIR_STEP.search(t, ca, a) or any(v.span[1] in (a - 1, a - 2) for v in doc.all_whens)
        )
        and not _ONES_OWN_ERRAND.search(t, ca, a)
    )


def _next_part_dated(doc: Doc, pos: int) -> bool:
    """Whether what follows ``pos`` (after a comma) begins with its own date, or nothing follows
    in the sentence."""
    t = doc.t
    part = t[pos : _sentence_end(t, pos)]
    rest = part.lstrip(" ,，")
    if not rest:
        return True
    start = pos + len(part) - len(rest)
    return any(start <= w.span[0] <= start + 2 for w in doc.all_whens)


@dataclass
class _Dated:
    """One date of the note, weighed as a task of the rep's: where it is said, in which
    clause, and what is said around it. Each rule below reads one of these and gives a reason
    the date is not the rep's task (theirs, a colleague's, a habit, what a day is …)."""

    doc: Doc
    people: People
    w: When

    @property
    def t(self) -> str:
        return self.doc.t

    @property
    def a(self) -> int:
        return self.w.span[0]

    @property
    def b(self) -> int:
        return self.w.span[1]

    @cached_property
    def clause(self) -> tuple[int, int]:
        return self.doc.clause(self.a)

    @property
    def ca(self) -> int:
        return self.clause[0]

    @property
    def cb(self) -> int:
        return self.clause[1]

    @cached_property
    def sentence(self) -> str:
        return _sentence_of(self.t, self.a)

    @cached_property
    def by_customer(self) -> bool:
        return self.doc.said_by_customer(self.a)

    @property
    def head(self) -> str:
        """The words of the clause right before the date (张总让财务下周三: who acts on it)."""
        return self.t[max(self.ca, self.a - 8) : self.a]

    @cached_property
    def rep_part(self) -> re.Match[str] | None:
        """The rep's own part said after the date in its sentence (…，我也要跟着去)."""
        return _REP_PART.search(self.t, self.b, self.said_until)

    @cached_property
    def said_until(self) -> int:
        """Where what goes with the date ends: its sentence's end, or the next date said in it
        (…十二月十号之前完成然后…下礼拜三之前…我会去: the rep's part is the later day's)."""
        return _up_to_next_date(self.doc, self.b, _sentence_end(self.t, self.b))


def _up_to_next_date(doc: Doc, b: int, end: int) -> int:
    """``end``, or the start of the next date said before it: what follows a date up to there
    goes with it, what follows the next date goes with that one."""
    return next((x.span[0] for x in doc.whens if b <= x.span[0] < end), end)


_ONLY_WHO = re.compile(r"[\s,]*(?:我们?|咱们?)?[\s,]*")


def _said_with_the_next(doc: Doc, i: int) -> bool:
    """周四 12月17日: the same day said twice in a row is read once, from the second."""
    if i + 1 >= len(doc.whens):
        return False
    w, nxt = doc.whens[i], doc.whens[i + 1]
    if w.deadline and nxt.day <= w.day and _ONLY_WHO.fullmatch(doc.t, w.span[1], nxt.span[0]):
        return True  # 年前我腊月二十三去给他拜个早年: the day within the deadline is the one
    if nxt.day == w.day and _THAT_IS.fullmatch(doc.t, w.span[1], nxt.span[0]):
        return True  # 元旦后第一个工作日，也就是1月4号，先去…: the day said again, plainly
    if (
        doc.t[w.span[1] - 1] in "后後"
        and nxt.day >= w.day
        and _THEN_THE_DAY.fullmatch(doc.t, w.span[1], nxt.span[0])
    ):
        return True  # 聖誕後 12月28號禮拜一: after the festival, then the very day
    return nxt.span[0] - w.span[1] <= 1 and nxt.day == w.day


_THAT_IS = re.compile(r"\s*[,，]?\s*(?:也就是|就是|即)\s*")
_THEN_THE_DAY = re.compile(r"[^\S\n]*[,，]?[^\S\n]*(?:也就是|就是|即)?[^\S\n]*")


# A month and day said a few days after it is that day, gone by (a year on is no one's plan).
_JUST_PAST = 1
_JUST_PAST_REACH = 14
_YEAR_SAID = re.compile(r"[0-9]{4}|年")


def _due_ahead(doc: Doc, w: When) -> date | datetime | None:
    """When the task would be due, or None when the date is gone or is no one day ahead."""
    t = doc.t
    a, b = w.span
    due: date | datetime = w.start
    if isinstance(due, datetime) and _AFTER_HOUR.match(t, b) and doc.said_by_customer(a):
        # 下午3点以后来吧 in the customer's line: a window, the rep's answer gives the hour
        # (the rep's own 两点后再联系她, 三点以后再打过去 is reminded at that hour)
        due = w.day
    if isinstance(due, datetime):
        # An hour already gone today is kept (overdue, the card says so) only when the note
        # asks to be reminded: the rep was late writing it down and the task is still to do.
        # 今天上午10点和张总开会 sent at noon is a meeting that took place, no task.
        gone = due <= doc.now
        if gone and w.hour_only and due.date() == doc.today and _still_to_do(doc, t, b):
            due = _next_said_hour(doc, due, w)
            gone = due <= doc.now
        if gone and (due.date() != doc.today or not _still_to_do(doc, t, b)):
            return None
    elif due < doc.today:
        return None
    a_year_before = months_back(w.day, 12) or w.day - timedelta(days=366)  # (29 February)
    if _JUST_PAST <= (doc.today - a_year_before).days <= _JUST_PAST_REACH and not _YEAR_SAID.search(
        t, a, b
    ):
        return None  # PO received 3/11 written on 3/12: that day, gone, not next year's
    if _before_a_holiday(doc, w):
        due = w.day - timedelta(days=1)
    elif (
        w.is_range
        and w.end != w.start
        # (周四上午十点到十点半可以给您半小时: hours of one day, the meeting's start)
        and not (w.end is not None and _day_of(w.end) == w.day)
        and not (_TWO_DAYS_RUNNING.search(t, a, b) and _GOES_TO_SEE.match(t, b))
    ):
        return None  # 19号到23号: someone's days away, not one day to act on
    if _DAY_NOT_SET.search(t, b, _sentence_end(t, b)):
        return None  # 春节前去拜访，具体哪天再定: no day yet to remind on
    if w.yearless and w.lunar is None and (w.day - doc.today).days > _YEARLESS_AHEAD:
        return None  # 11月28号 said on 2 December: most likely the one just past, not next year's
    if any(x < b and a < y for x, y in doc.phone_spans):
        return None  # 幺三八 五零零 八二 六一四: 六一 is in a phone, not 1 June
    return due


# (具体哪天再定, 时间待定, 具体日子没定: the day said is not the one yet)
_DAY_NOT_SET = re.compile(
    r"具体(?:哪天|时间|日子|日期)(?:再定|待定|另定|再约|没定|未定|还没定)|时间待定|日期待定"
)
# 这周四五去拜访张总: two days running said as one — the rep's visit starts on the first (王总
# 这个礼拜四五在新加坡 is his days away)
_TWO_DAYS_RUNNING = re.compile(r"(?:周|礼拜|星期)[一二三四五六][二三四五六日天]$")
_GOES_TO_SEE = re.compile(r"\s*(?:(?:去|到)[^\s,，。;；]{0,6}?)?(?:拜访|拜訪|见|找|送|拿|跑)")

_MONTH_BEGINS = re.compile(
    r"\s*(?:就|都)?(?:是|到)?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?了"
)


_NOTE_ITSELF = re.compile(r"\s*(?:提醒(?:一下)?自己|记一下|记下|补记|记个)")


def _what_the_day_is(doc: Doc, i: int, w: When) -> bool:
    """The day is told of, gone by or only a time from which: nothing to do on it."""
    t = doc.t
    a, b = w.span
    if _DONE_BY_THEN.match(t, b) or _EN_GONE.match(t, b):
        return True  # 初三去过华侨城拜年了, tonight was great: a day gone by, never a task
    if _MONTH_BEGINS.match(t, b) and not _REMINDED_THEN.search(t, b, _sentence_end(t, b)):
        return True  # 明天就12月了: what the day is (…记得提醒王总续费 is a task on it)
    if _BARE_WEEKDAY.fullmatch(t, a, b) and _DONE_THAT_DAY.match(t, b, _sentence_end(t, b)):
        return True  # 周六在微信上跟谭经理聊了几句 written on Monday: last Saturday's, done
    if _names_the_day(doc, a, b):
        return True  # 明天就月底了, 下周五就是元旦了, 两周后的今天是圣诞节: what a day is
    if (
        _NOT_A_DAY_TO_ACT.match(t, b)
        or (_HOLIDAY.search(t[a:b]) and not _BEFORE_OR_AFTER.match(t, b))
        or _gone_before(doc, w)
    ):
        return True  # 正月十五以后才谈, 国庆7天, 年底最后几天, 已经在1月底送到了, 上次是周三来的
    if re.match(r"[0-9一二两三四五六七八九十]+个?(?:天|工作日)(?:之?内)?$", t[a:b]) and re.search(
        r"[^前]后\s*$", t[max(0, a - 3) : a]
    ):
        return True  # 我拿到后两天内给她回复: days counted from something yet to happen
    if _restated(doc, i):
        return True  # 3月9号(元宵节后那个周一): the same day said again in brackets
    if t[a:b] in ("早上", "今早", "一早") and _NOTE_ITSELF.match(t, b):
        return True  # 早上提醒一下自己 今天下午三点…: when the note is written, no task then
    # (Cantonese 先 after a month's or year's end is 才: 年尾先俾錢, 9月尾先出 — only then;
    # 聽日先send份proposal is "first")
    only_then = (
        (t.startswith("才", b) and _NOT_UNTIL.search(t, max(0, a - 4), a))
        or (t.startswith("先", b) and t[b - 1] == "底" and _CANTONESE.search(doc.text))
        # (元旦之后才开工, 聖誕之後先落訂: only from some day after it)
        or t.startswith(("之后才", "以后才", "后才"), b)
        or (t.startswith(("之后先", "以后先", "后先"), b) and _CANTONESE.search(doc.text))
        or (t[a:b].endswith("后") and t.startswith(("才", "先"), b) and _CANTONESE.search(doc.text))
    )
    if re.match(r"(?:之|以)?后\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[月号日]", t[b : b + 6]):
        return True  # 元旦假期后1月3号先返工: the holiday only says when the next day falls
    if only_then and not re.search(r"[我咱]", t[max(0, a - 4) : a]):
        return True  # 装置要到九月一号才开车: a state that lasts until then, no task on the day
    if _WAITED_FOR.search(t, max(0, a - 3), a) and not _BEFORE_OR_AFTER.match(t, b):
        return True  # 要等月尾的management meeting批准: what is waited for, no task that day
    if _BARE_WEEKDAY_AT.fullmatch(t, a, b) and _WRITTEN_AFTER.search(t, 0, a):
        return True  # 补记一下周五那天请王科长吃饭, written on Sunday: that Friday gone by
    if _day_told(doc, a, b):
        return True  # 下次是3月10号。 截止日期係七月十七號，: when something of theirs is
    after_day = not w.has_time and _VAGUE_AFTER.search(t, max(0, a - 8), a)
    # let's meet after 元宵; 打个电话 约下周见面 (what the call is for)
    return bool(after_day or _PURPOSE_OF.search(t, max(0, a - 2), b))


def _theirs_in_a_chat(d: _Dated) -> bool:
    """A chat's day that is the customer's, or one the rep's later answer replaced."""
    doc, t = d.doc, d.t
    theirs = _THEIRS_IN_CHAT.match(t, d.b)
    # (宫主任：定了 上午九点半⏎我：收到 — an hour agreed alone; the next line is the rep's)
    if d.by_customer and theirs and not (d.w.span in doc.agreed_spans and "\n" in theirs.group()):
        return True  # a customer's line: 明天我从郑州出发, 周一我们开行务会, 春节前发给你们
    if doc.chat and doc.own_lines and d.by_customer and _answered_with_a_day(doc, d.a):
        return True  # 元旦前把价格表发过来 / 我: 好的，我30号之前发您 — the rep's day is the task
    # 我: 周一过来? / 覃经理: 周一我在总部开会 / 我: 好的周三上午 — Monday is off
    return doc.chat and not d.by_customer and _put_off_in_chat(doc, d.w)


# (八号 上班 第一 天 我 去 局里 找他: the day they are back at work, then the rep's errand)
_BACK_AT_WORK = re.compile(r"^(?:上班|开工|复工|返工)\s*(?:第\s*一\s*天|以?后)?")


_SPOKEN_BREAK = re.compile(r" (?:嗯|呃|然后) ")


def _trip_around(d: _Dated) -> tuple[bool, str | None]:
    """Whether the date is someone's trip with nothing of the rep's in it, and the rep's
    errand said with their trip (王总明天到上海，我去机场接他 → 去机场接他)."""
    doc, t, a, b, ca, cb = d.doc, d.t, d.a, d.b, d.ca, d.cb
    # The trip said just before the date is someone's (他下礼拜要出差去上海…), unless the
    # note turns to the rep in between (…出差 让我周三把报价发他).
    reach = 24 if t[max(ca, a - 24) : a].isascii() else 12  # (Lee flying to KL on Friday)
    before = t[max(ca, a - reach) : a]
    before = before[max(before.rfind(x) for x in "让叫我") + 1 :]
    # (…下礼拜一回来 嗯 月底之前我…: a voice note's filler ends what was said of the trip)
    before = _SPOKEN_BREAK.split(before)[-1]
    # (…让我这个礼拜四下午两点过来…下礼拜一之前把报价发过去鞠总下礼拜二到礼拜四去深圳参加展会:
    # a trip said after another day is that day's)
    away = _there_and_back(d)
    travel = away or _TRAVEL.search(before) or _TRAVEL.search(t, b, _up_to_next_date(doc, b, cb))
    # (下周一回来再约: when he is back, the rep's task)
    after_back = _THEN_AGAIN.match(t, b)
    rep_next = t[after_back.end() if after_back else b : cb].lstrip(" 我再就")
    rep_next = _BACK_AT_WORK.sub("", rep_next, count=1).lstrip(" 我再就")
    mine = re.search(r"[我咱]\s*$", t[max(ca, a - 2) : a]) is not None  # 我腊月二十回老家
    their_trip = (
        travel
        and not mine
        and not _before_a_holiday(doc, d.w)
        and (away or not _REP_ACTION.match(rep_next))
    )
    goes = _named_right_before(doc, d.people, a) and re.match(r"(?:要|会)?(?:去|到|飞)", t[b:])
    part = _REP_PART.search(t, cb, _sentence_end(t, b)) if travel or goes else None
    if part is not None and any(
        b < w.span[0] < doc.clause(part.start())[1] for w in doc.whens if w is not d.w
    ):
        # (周五要去上海，下周一回，下周二我去厦门面谈: the rep's errand has its own day)
        part = None
        their_trip = their_trip or bool(goes)
    if their_trip and part is None:
        return True, None
    if part is None:
        return False, None
    return False, t[part.start() : doc.clause(part.start())[1]].removeprefix("我")


# What a leader does on a day of a list of his days: where he is, goes or is back to, a
# meeting, a tour (周三在北京民航局, 礼拜三去武汉基地, 20日返蓉, 下周一全天会议, 周四下乡调研).
_HIS_DAY = re.compile(
    r"[^\S\n]*(?:(?:上午|下午|晚上|全天|白天|一天)[^\S\n]*)?(?:带队|陪同|一起)?"
    # (周六还要去长春…交流: the list goes on with 还/又/也)
    r"(?:[还又](?:要|会)?)?"
    r"(?:(?:在|去|到|回|返|飞|赴|转)(?=[\u4e00-\u9fff])(?!拜访|找|见|回访|送|拿|接)|全天|会议|开会|调研|视察|下乡|办公|出差|见客|有会|开[\u4e00-\u9fff]{1,6}?会"
    # (7号参加一个品鉴会, 周三送客户去北京: his day at an event, with his own guests)
    r"|参加|出席|[送陪接]客户"
    # (周二从株洲去广州, 后天从天津直接去济南: a leg from one city to the next)
    r"|从[\u4e00-\u9fff]{1,6}(?:直接|直飞|坐高铁)?(?:去|到|回|返|飞|赴|转)"
    # (鲁总明早7点的航班去西安，下午在西安分公司开会: his flight, then his day there)
    r"|(?:的|坐|乘|搭)?(?:航班|班机|飞机|高铁|动车|火车)(?:去|到|回|返|飞))"
)
# The previous day's place or doing, then only a space: the next item of one list.
_LIST_ITEM_THEN = re.compile(r"[^\s,，。；;、!！?？我咱让叫请约]{1,14}[^\S\n]+")
# …or a comma, with no one else's word in the leg before it (他/她 may be whom the rep meets)
# (明天一早飞深圳参加高交会，待两天，周四转广州: his day said in two clauses)
_LEG_THEN = re.compile(r"(?:[^\s,，。；;、!！?？我咱让叫请约他她等]{0,14}[,;][^\S\n]*){1,2}")
_ALONG = re.compile(r"陪|一起|跟着|同去")
_MEETS_HIM = re.compile(r"(?:约|拜访|见|找)[他她]")
_STAY_UNTIL = re.compile(r"[,;][^\S\n]*(?:一直)?(?:到|至|待到|开到)[^\S\n]*$")
# His own business on a leg (周三送客户去北京, 下周三从北京去深圳见客户): no errand of the rep's
_HIS_OWN_LEG = re.compile(
    r"[送接陪]客户|见客户|从[\u4e00-\u9fff]{1,6}(?:直接|直飞|坐高铁)?(?:去|到|飞|回|返)|交流"
)


def _their_days_go_on(d: _Dated, i: int, theirs: set[int]) -> bool:
    """A day said right after someone's days away, with only a space between and only where
    they are or what they do on it after it: the next day of the same list."""
    if not _his_day_at(d.t, d.b):
        return False
    prev = d.doc.whens[i - 1] if i else None
    # (下周一去北京开会，到周三；周四去雅安: 到周三 closes his first stay)
    stay_ends = prev is not None and _STAY_UNTIL.search(d.t, 0, prev.span[0]) is not None
    if prev is None or not (i - 1 in theirs or (stay_ends and i - 2 in theirs)):
        return False
    said_where = d.doc.whens[i - 2] if i - 1 not in theirs else prev  # (where: after 下周一)
    # (…去杜塞尔多夫参加MEDICA展，…下周三下午两点去坪山总部找他: after a comma, the rep's; 下周一到
    # 周三在济南开会，周四去青岛: only where he is, then a comma — the next of his days)
    if (
        (
            not _LIST_ITEM_THEN.fullmatch(d.t, prev.span[1], d.a)
            and not _SLASHED_ITEM_THEN.fullmatch(d.t, prev.span[1], d.a)
        )
        and not (
            _LEG_THEN.fullmatch(d.t, prev.span[1], d.a)
            # (周四上午去矿上见他: the rep's)
            and not _ERRAND_IN_PLACE.search(_HIS_OWN_LEG.sub("", d.t[d.b : d.cb]))
            and not _rep_goes_along(d)  # (…，我陪同: along)
            # (周三也去上海，可以约他在上海见面: the rep's errand with him in the sentence)
            and not _MEETS_HIM.search(d.t, d.b, _sentence_end(d.t, d.b))
            and any(  # (五一回来，5月6号下午去开封…: the rep's own days, no leader named)
                _sentence_start(d.t, prev.span[0]) <= m.start < prev.span[0]
                and m.title
                and _LEADS.search(m.title)
                for m in d.people.mentions
            )
        )
    ):
        return False
    # (下周一姜总去株洲: he is named between his first day and where he goes)
    end = said_where.span[1]
    after = next((m.end for m in d.people.mentions if m.start == end), end)
    return _his_day_at(d.t, after)


# 龚总 周二 上海 / 周三 南京 / 周四 合肥: a list's items parted by slashes, each a day and a city
_SLASHED_ITEM_THEN = re.compile(r"[^\S\n]*[^\s,，。；;、!！?？我咱]{1,14}[^\S\n]*[/／|｜][^\S\n]*")
_ITEM_END = re.compile(r"[^\S\n]*(?:[/／|｜]|\n|$)")


def _his_day_at(t: str, pos: int) -> bool:
    """Where someone is or goes on the day said right before ``pos``: his words of being
    there, or a city alone closing a listed item."""
    if _HIS_DAY.match(t, pos):
        return True
    while t.startswith(" ", pos):
        pos += 1
    place = PLACE_RE.match(t, pos)  # (a city alone: 周三 南京 /)
    return place is not None and _ITEM_END.match(t, place.end()) is not None


def _there_and_back(d: _Dated) -> bool:
    """禮拜二去禮拜五返: the day said before 去 with another day and 返 after it, or that other
    day — someone's days away (the rep's own trip says 我)."""
    doc, t, a, b = d.doc, d.t, d.a, d.b
    if re.search(r"[我咱]", t[max(d.ca, a - 3) : a]):
        return False
    nxt = next((w for w in doc.whens if w.span[0] > b), None)
    if _GOES_THEN_BACK.match(t, b) and nxt is not None and nxt.span[0] == b + 1:
        return _BACK.match(t, nxt.span[1]) is not None
    if _WEEKDAY_THEN_BACK.match(t, b):
        return True  # (周二去周四回: the day back is not read as a day of its own)
    prev = next((w for w in reversed(doc.whens) if w.span[1] < a), None)
    return (
        prev is not None
        and prev.span[1] == a - 1
        and t[a - 1] in "去走"
        and _BACK.match(t, b) is not None
    )


def _either_day(d: _Dated) -> bool:
    """周五或者下周一, only Feb 24 or Feb 26: one of two days said."""
    t, a, b = d.t, d.a, d.b
    return bool(_OR_ANOTHER_DAY.match(t, b) or _ANOTHER_DAY_OR.search(t, max(0, a - 12), a))


# An English clause whose subject is theirs (their board, they) before the date.
# (Customer's board meeting is next Thursday: the customer's own, said by name)
_EN_THEIR_HEAD = re.compile(
    r"(?i)(?a:\b)(?:their|they|they're|they'll|customer's|client's)\s+[a-z]"
)


# 我说周六实在走不开, 我話禮拜六真係唔得, I say cannot lah, 我 decline 了: the rep turns the day down.
_REP_DECLINES = re.compile(
    r"(?:我(?!们)|(?i:(?a:\b)I(?a:\b)))\s*(?:说|话|讲|跟他说|跟她说|(?i:say|said|told him|told her))?[^。;\n]{0,10}?"
    r"(?:走不开|去不了|来不了|不得(?!不|了)|没空|冇空|不行|(?i:cannot|can't|can not|decline))"
)


def _declined_by_rep(d: _Dated) -> bool:
    """Whether the rep turns the day down after it is asked of them (海信想让我周六去验厂，我说周六
    实在走不开) — up to another day said, which may be the one the rep offers instead."""
    doc, t, a, b = d.doc, d.t, d.a, d.b
    end = _sentence_end(t, b)
    other = next((w.span[0] for w in doc.whens if b <= w.span[0] < end and w.day != d.w.day), end)
    if _REP_DECLINES.search(t, b, other) is not None:
        return True
    # (…this Sat. I say cannot lah, Sat got family thing: the day said again in the refusal)
    asked = next((w for w in doc.whens if w.span[1] <= a and w.day == d.w.day), None)
    return (
        asked is not None and _REP_DECLINES.search(t, asked.span[1], min(len(t), b + 8)) is not None
    )


_HAN_THEN_SPACE = re.compile(r"[\u4e00-\u9fff] +$")


_REP_SAYS_THE_DAY = re.compile(r"(?<![跟和给])我\s*$")
# (侯经理每周一开例会，周三下午去拜访他: after the habit, a day the rep goes to see him)
_REP_GOES_AFTER = re.compile(
    r"\s*(?:上午|下午|中午|晚上)?\s*(?:[0-9一二三四五六七八九十两]{1,2}点半?)?\s*(?:我|再)?"
    r"(?:去拜访|过去|去找|去见|约他|约她|见他|见她|找他|找她)"
)


# 1. 下周一给姚经理回报价 … 3. 月底前催上批货款: a list's items are tasks of their own, on the
# same day too
_LIST_ITEM = re.compile(r"[ ]*(?:[0-9]{1,2}[.、)]|[-•·*]|[①②③④⑤⑥⑦⑧⑨⑩])")


def _other_items(t: str, one: tuple[int, int], other: tuple[int, int]) -> bool:
    """Whether the two days are said in two items of a list, one line each."""
    a, b = (t.rfind("\n", 0, x[0]) + 1 for x in (one, other))
    return a != b and all(_LIST_ITEM.match(t, x) for x in (a, b))


_ONLY_WHERE = re.compile(
    r"\s*(?:上午|下午)?\s*(?:全天|一整天|整天)?\s*(?:都|也|还)?\s*(?:在|(?<=天))\s*"
    rf"(?:(?:局|公司|集团|院|单位|厅|部|办公室|厂)里?|{PLACE_RE.pattern})\s*(?:上班|值班|坐班)?[。.]?\s*"
)
# (…18号上午我去拜访他: the rep's own part of a day listed under someone's name)
# (下周五下午可以安排见面, 下周四下午约了马董在公司见面: a line of the rep's after his list;
# 周四下午2点半 拜访龚总, 周五 给龚总发会议纪要: him named as the one met or sent to)
_REP_IN_HIS_LINE = re.compile(
    r"[我咱]|(?:约|见|找|拜访)了?[他她]|约了|可以|建议|最好"
    r"|(?:拜访|见|约|给)[\u4e00-\u9fff]{1,2}(?:总|局|董|长|记|主任)"
)
# (周五 全天在局里 我上午去拜访他: the rep's own part of a listed day)
_REP_IN_LINE = re.compile(rf"{_REP_IN_HIS_LINE.pattern}|拜访|去找")


def _someones_heading(d: _Dated, head: re.Match[str], a: int) -> bool:
    """Whether ``head``, the heading of the schedule the day at ``a`` is listed in, names someone
    of theirs or their leaders (中交一公院领导下周日程, 主题：谯总8月底至9月初行程)."""
    # (今天安排：…给钱科长回电话: the rep's own day; 行程：… ⏎ 下一步：…: another label begun)
    if not _WHOSE_DAYS.match(head.group()) or ANOTHER_LABEL.search(d.t, head.end(), a):
        return False
    start, end = line_of(d.t, head.start())
    if _THEIR_LEADERS.search(d.t, start, end):
        return True
    return any(
        start <= m.start < end and not m.pronoun and m.contact >= 0 for m in d.people.mentions
    )


_THEIR_LEADERS = re.compile(r"领导|董事长|总经理|院长|局长")
_WHOSE_DAYS = re.compile(r"行程|日程|(?i:schedule|travel|itinerary)")
# What the rep does on a day listed (给钱科长回电话, 这周三给桂经理送样, 去拜年): the rep's line.
_REP_ON_THE_DAY = re.compile(r"给|送|拜访|拜年|约|找|寄|请|吃饭|汇报")
_LEADERS_DAY = re.compile(
    r"全天|在(?:局|公司|集团|院|单位|厅|部|办公室)|[局院部厅]务会|党组会|调研|值班|门诊|^\s*回(?![来复访电])"
)


def _theirs_said_after(d: _Dated) -> bool:
    """The words with the date make it the customer's own: their meeting, their habit, their
    English deadline, a choice of days they offer."""
    doc, t, a, b, ca, cb = d.doc, d.t, d.a, d.b, d.ca, d.cb
    not_going = _NOT_GOING.search(d.sentence)
    s0 = _sentence_start(t, a)
    if not_going is not None and "我" in t[s0 + not_going.end() : a]:
        not_going = None  # (明天不用去送样了，改成快递就行，那我明天寄出: the rep's own step after)
    said_at = s0 + not_going.start() if not_going is not None else -1
    if not_going is not None and any(
        said_at - 1 <= v.span[1] <= said_at and v.span != d.w.span for v in doc.whens
    ):
        not_going = None  # (…改到下周二，周五不用去了: another day is the one not gone to)
    if not_going or _NOT_GOING_HERE.search(t, ca, cb):
        return True  # 元旦晚会12月31号晚上…不用去
    if _declined_by_rep(d):
        return True
    if _ONLY_WHERE.fullmatch(t, b, d.cb) and not _REP_IN_HIS_LINE.search(t, d.ca, d.cb):
        return True  # (刘局…，周五在办公室, 周四全天北京: where someone is that day, nothing to do)
    head = schedule_head(t, a)
    if head is not None:
        line = t[b : min(line_of(t, b)[1], d.cb)]
        if _LEADERS_DAY.search(line) and not _REP_IN_LINE.search(line):
            return True  # (【戴局长本周安排】 周五 全天在局里: the leader's day, listed)
        if not _REP_IN_HIS_LINE.search(line) and schedule_owner(t, d.people, a) is not None:
            return True  # (王董本周日程 / 6/4 香港 签约: his day, listed under his name)
        if (
            not _REP_IN_LINE.search(line)
            and not _REP_ON_THE_DAY.search(line)
            and _someones_heading(d, head, a)
        ):
            return True  # (主题：谯总8月底至9月初行程 / 8/24 昆明 董事会: a leader's, listed)
    # (a dictated note is one clause: the next date's words are that date's)
    upto = _up_to_next_date(doc, b + 3, cb)  # (a day said right after is this one's own)
    internal = _INTERNAL.search(t, b, upto)
    if internal and t[internal.start() - 1 : internal.start()] in ("去", "加"):  # (参加)
        internal = None  # 12月3号去开标: the rep goes to the bid opening
    opened = t.rfind("(", b, internal.start()) if internal else -1
    if (
        internal
        and opened > t.rfind(")", b, internal.start())
        and any(m.end() == opened for m in TITLE_RE.finditer(t, max(0, opened - 4), opened))
    ):
        internal = None  # (…蒋经理（走流程）: what someone does, said in brackets after him)
    if internal and _REMIND_ME.search(d.sentence):
        internal = None  # 提醒我下周三开标那天去现场: the rep asked for it
    # (…每周一开例会 下周四我再过去: a voice note's chunk before the day is another clause)
    # (预算一般二月批 我明天把case study发他: the habit is the chunk before the last space)
    habit = _HABIT.search(t, chunk_start(t, max(ca, a - 8), a), a)
    if internal or (habit and not _HAN_THEN_SPACE.search(d.head)):
        return True
    if _ANY_WEEK_DAY.fullmatch(t, a, b) and _HABIT_AFTER.match(t, b):
        return True  # 他喜欢骑单车，周末常骑北海岸: what he does most weekends
    if (
        _BARE_WEEKDAY_AT.match(t, a)
        and _EVERY.search(t, _sentence_start(t, a), a)
        and not _REP_SAYS_THE_DAY.search(t, max(0, a - 3), a)  # (…我礼拜四下午两点再打给他)
        and not _REP_GOES_AFTER.match(t, b)
    ):
        return True  # 每周一上午开例会，周五对账: the week's habit goes on, no one Friday
    every = _EVERY_MONTH.search(t, _sentence_start(t, a), a)
    if every and _BARE_MONTH_DAY.fullmatch(t, a, b) and not _OWN_DAY.search(t, every.end(), cb):
        return True  # 每月5号对账，10号付款: the month's habit goes on, no one 10th
    if _THEIR_MEETING.search(t, b, doc.chunk(b)[1]) or (
        t.startswith("开", b) and _THEIR_MEETING.search(t, b, cb)  # (开年前最后一次院长办公会)
    ):
        return True
    if _EN_THEIRS.match(t, ca):
        return True  # He will revert by Friday, Mr Tan to confirm next Wed: theirs to do
    en_head = t[max(ca, a - 40) : a]
    if _EN_THEIR_HEAD.search(en_head) and not _EN_ME.search(en_head):
        return True  # their board meets next Tuesday, their internal review is next Thursday
    if (
        _EN_THEIR_DAY.search(t, ca, a)
        and not _EN_ME.search(t, ca, a)
        and not _EN_REP_DOES.match(t, ca)
    ):
        return True  # RFP out on Mar 1, budget locked by Aug 20, goes live on Apr 15
    # (only Feb 24 or Feb 26: the customer's choice of days, none settled; the rep's own
    # 周五或者下周一去拜访王总 is the first day, with the task said after the second)
    offered = _either_day(d) and (d.by_customer or _ONLY.search(d.sentence) is not None)
    if _EN_THEIR_DAY_AFTER.match(t, b) or offered:
        return True  # before the Oct 15 launch; only Feb 24 or Feb 26 (a choice, not a day)
    # (the second of the rep's two days: the first is the one reminded of)
    return _ANOTHER_DAY_OR.search(t, max(0, a - 12), a) is not None


# A task said as a bare send (发过去, 寄给他): what is sent is in the clause before, when the
# rep says there what they make (我们得准备资料，7月5号前发过去).
_BARE_SEND = re.compile(r"(?:再|就)?(?:发|送|寄|传|交|提交)(?:过去|给他|给她|给他们|上去)?")
_MAKING = re.compile(
    r"\s*(?:我们?|咱们?)?(?:得|要|先|会)?(?P<what>(?:准备|整理|做|写|改|出|重新出)[^\s,，。;]{1,10})\s*$"
)


def _made_before(d: _Dated) -> str:
    """What the rep makes in the clause right before the day's, or ''."""
    t, ca = d.t, d.ca
    if ca == 0 or t[ca - 1] != ",":
        return ""
    start = max(t.rfind(",", 0, ca - 1) + 1, _sentence_start(t, ca - 1))
    m = _MAKING.fullmatch(t, start, ca - 1)
    if m is None or any(start <= v.span[0] < ca for v in d.doc.whens):
        return ""
    return m["what"]


# 第一笔款月底前要催回来, 定金这周五前要催到: what is chased is said before the day
_BARE_CHASE = re.compile(r"(?:去|要|再|得)?催(?:回来|回|到|一下)?")
_MONEY_BEFORE = re.compile(
    r"(?P<what>(?:第[一二三四五]笔|首付|预付|尾|货|进度|回|余)款|定金|订金|押金|保证金|发票)"
    r"(?:的事)?\s*(?:在|要|得)?\s*$"
)


def _chased(d: _Dated, found: str) -> str:
    """催 the money said before the day (催第一笔款), or the action as found."""
    said = _MONEY_BEFORE.search(d.t, d.ca, d.a)
    if said is None or not _BARE_CHASE.fullmatch(found):
        return found
    return "催" + said["what"]


def _found_action(d: _Dated) -> str | None:
    """What is to be done on the day, as said (the second of two days lends its words)."""
    found = _action(d.doc, d.w, d.people)
    if _either_day(d) and found is not None and re.match(r"(?:或者?|还是|or)$", found):
        second = next((v for v in d.doc.whens if d.b < v.span[0] <= d.b + 6), None)
        found = _action(d.doc, second, d.people) if second is not None else None
    return found


def _a_date_alone(d: _Dated) -> bool:
    """A date said with no task: only a day named, an in-house event, their event told."""
    doc, t, a, ca = d.doc, d.t, d.a, d.ca
    dated = bool(_RELATIVE.search(t[a : d.b])) or d.w.span in doc.agreed_spans
    if not dated and not doc.hour_answer(a):
        return True  # 端午节 on its own: a date mentioned, nothing to do
    if _INTERNAL.search(t, max(ca, a - 6), a):
        return True  # 我们公司的年会1月30号: what the day is, an in-house event
    return _THEIR_EVENT_TOLD.search(t, max(ca, a - 12), a) is not None  # 他们的年中盘点6月28号


def _a_deadline(d: _Dated) -> bool:
    """下周三之前, by Dec 18: a day something is owed by."""
    t, a, b = d.t, d.a, d.b
    return (
        d.w.deadline
        or re.match(r"\s*(?:之|以)?前", t[b:]) is not None
        or re.search(r"(?i)(?a:\b)by\s*$", t[max(0, a - 4) : a]) is not None  # (by Dec 18)
    )


def _planned_today(d: _Dated, action: str) -> bool:
    """Today's date (no hour) is a task only when said as one still to do."""
    doc, t = d.doc, d.t
    raw_after = t[d.b : d.b + 3].lstrip()
    # (月底前我把发票寄过去 on the month's last day: the rep's own, due today)
    if re.match(r"我?(?:要|得|需要|还要|记得|必须|务必|下班前|之前|前把|把)", raw_after):
        return True
    # 今天去华润置地找李经理签合同 written in the morning: today's errand, still to run (no
    # 了, 过 or words reported from it; written from five on, it is one told of the day)
    return (
        doc.now.hour < _ERRAND_DAY_ENDS
        and _TODAY_ERRAND.match(action) is not None
        and not re.search(r"[了过]|说|讲", d.sentence)
    )


_WE_ARRANGED = re.compile(r"(?:^|[跟和与同])[^,，。;\s]{0,10}?(?:约了|约好了?)\s*$")


def _what_is_done(d: _Dated, action: str) -> str | None:
    """The task with what the day is for: 周五下午3点会 过合同 → 开会 过合同; a state of the day
    (明天降温) with the reminder after it; None when the action is no task of the rep's."""
    t, cb = d.t, d.cb
    about = _MEETING_ABOUT.match(t, d.b)
    if about is not None and action in ("会", "开会"):
        return "开会 " + about["what"]  # 周五下午3点会 过合同: a meeting with its purpose
    span = d.doc.company_span
    if action in ("会议", "开会") and span and d.b <= span[0]:
        at = t.find(action, d.b, cb)
        if span[1] <= at:  # 下週二早上十點半 廣達林口廠 會議: the rep's meeting there
            return t[span[0] : at + len(action)]
    invited = _INVITED.match(action)
    if invited is not None:
        return invited["task"]  # 他下礼拜一下午两点有空让我过去一趟: the rep's to go
    first_day = _FIRST_WORKDAY.match(action)
    if first_day is not None and first_day.end() < len(action):
        action = action[first_day.end() :]  # 后天上班第一天先给陈总打电话: the day's task after it
    elif first_day is not None and cb + 1 < len(t):
        # 正月初十上班第一天，给胜华化工打电话拜年: the day named, its task in the next clause
        na, nb = d.doc.clause(cb + 1)
        said = t[na:nb].strip()
        if (
            2 <= len(said) <= 30
            and _FIRST_DAY_TASK.match(said)  # (客户那边估计都还没上班: a remark, no task)
            and not any(na <= v.span[0] < nb for v in d.doc.whens)
        ):
            action = _people_as_named(d.doc, d.people, _without_company(d.doc, said))
    goods = action.endswith("走") and _GOODS_GO.search(t, d.doc.clause(d.a)[0], d.a)
    if (
        (_BACK_ONLY.fullmatch(action) or _BACK_TO.fullmatch(action))
        and not goods
        and not _CALLED.search(t, max(0, d.a - 6), d.a)
        and _AWAY_SAID.search(t, max(0, d.a - 40), d.a)
        # (刘工问技术参数，明天回; 他问交期，我明天回: a reply owed)
        and not _REPLY_OWED.search(t, max(0, d.doc.clause(d.a)[0] - 12), d.a)
    ):
        return None  # 王总这周出差，周五回 / 1月4号走: the day someone is back or leaves (韩主任电话 下周一回 is a call)
    if action == "开会" and _WE_ARRANGED.search(t, d.ca, d.a):
        return action  # 跟万科张总约了周四下午3点开会: the meeting the rep set up
    if not (_STATE.match(action) or _OTHERS_TASK.match(action)):
        return action
    reminded = _REMINDED_THEN.match(t, cb)
    if reminded is None or any(cb < v.span[0] < _sentence_end(t, cb) for v in d.doc.whens):
        return None
    # 明天降温，记得提醒王总注意身体: how the day will be, then what to do on it
    return reminded["task"].strip().removeprefix("我")


def _answer_owed(d: _Dated) -> bool:
    """周五前回复他, 周五前要给答复: the rep's answer owed, not theirs awaited."""
    t, b, cb = d.t, d.b, d.cb
    return bool(_ANSWER_OWED.match(t[b:cb].lstrip(" 前之")) or _MUST_GIVE.match(t, b))


# (去欧洲, 飞深圳开会: someone's going to a city or a country, with nothing more to do there)
_THEIR_TRAVEL = re.compile(
    r"^(?:要|会|就|才|准备)?(?:去|飞|飞往|出差去)(?P<place>[\u4e00-\u9fffA-Za-z]{2,8}?)"
    rf"(?:{AWAY_FOR})?$"
)
# 县委马书记12月18号上午到园区视察: an official's inspection or survey somewhere
_INSPECTS = re.compile(
    r"^(?:要|会|将)?(?:到|来|去)[^\s,，。;]{1,10}?(?:视察|调研|检查指导|指导工作)"
)
# (去兰州拜访他, 去芜湖厂签合同: an errand there, the rep's)
_ERRAND_IN_PLACE = re.compile(r"[他她我拜找见签送谈给交办收催取拿装修调测]")
# A leader of theirs named right before the day (庄董事长, 毕书记, 曹 董 说 他): the one who goes
_LEADER_WORD = r"(?:[总董长任]|书记|老板|董事)"
_LEADER_BEFORE = re.compile(
    _LEADER_WORD + r"\s*(?:[说讲]\s*)?(?:[他她]\s*)?(?:这个?|本|下个?)?\s*$"
)
_LEADS = re.compile(_LEADER_WORD + "$")  # (周部长, 毕书记: a person of theirs titled so)


def _leader_right_after(d: _Dated) -> tuple[int, int] | None:
    """Where a leader of theirs is named right after the day (明天浙能集团童总飞深圳), with
    only their organisation between."""
    for m in d.people.mentions:
        if (
            d.b + 2 <= m.start <= d.b + 12  # (明天王总去北京 alone may be the rep's going along)
            and m.title
            and _LEADS.search(m.title)
            and not re.search(r"[\s,，。;我咱他她]", d.t[d.b : m.start].strip())
        ):
            return m.start, m.end
    return None


# (陈姐告诉我：…, 司机跟我说李总…: what someone told the rep, who is no traveller in it)
_TOLD_ME = re.compile(
    r"(?:(?:告诉|通知|提醒)我(?:说|讲)?|(?:跟|和|对)我(?:说|讲))"
    r"(?=[:,\s]|[\u4e00-\u9fff]{1,3}(?:总|董|局|长))"
)


# (…年底前都在北京，让我们元旦后再约: what he asks of the rep later, who goes nowhere with him)
_ASKS_US = re.compile(
    rf"[,;][^\S\n]*(?:让|叫|请)(?:我们?|咱们?)(?![^,;。.!?\n]*(?:{_ALONG.pattern}))[^,;。.!?\n]*"
)


def _their_own_travel(d: _Dated, action: str) -> bool:
    """A leader's going to a city or a country, said right after their title, with no one of
    the rep's side in the sentence: their travel, not the rep's errand."""
    t, a, b = d.t, d.a, d.b
    # (昨天周部长从北京回来了,下周三又要去成都: 又 goes on with the leader said before)
    again = action.startswith("又")
    # (明天徐州市住建局孔局长去南京省厅汇报: the leader named after the day, then his going)
    led = _leader_right_after(d)
    if led is not None:
        for said in (t[b : led[1]].strip(), t[led[0] : led[1]]):
            if action.startswith(said):
                action = action[len(said) :]
                break
    travel = _THEIR_TRAVEL.match(action[1:] if again else action)
    start = _sentence_start(t, a)
    place = travel["place"] if travel is not None else ""
    gone = travel is not None and _names_somewhere(place) and not _ERRAND_IN_PLACE.search(place)
    inspects = _INSPECTS.match(action) is not None  # (reps never 视察: wherever it is, theirs)
    return (
        (gone or inspects)
        and (
            _LEADER_BEFORE.search(t[max(start, a - 8) : a]) is not None
            # (周五张总飞上海，要去机场送他: the rep's errand with him, in the sentence)
            or (
                led is not None
                and not re.search(r"[他她]", t[led[1] : _sentence_end(t, b)])
                # (飞深圳, 去南京省厅汇报: flown or gone on his own business, not just 去工厂)
                and re.match(rf"飞|去[^,，。;]*?(?:汇报|参加|{AWAY_FOR})", action) is not None
            )
            or (
                again
                and any(
                    start <= m.start < a and m.title and _LEADS.search(m.title)
                    for m in d.people.mentions
                )
            )
        )
        # (陈姐告诉我：李总明天去上海: told to the rep, who goes nowhere)
        and not re.search(
            r"[我咱]", _ASKS_US.sub("", _TOLD_ME.sub("", t[start : _sentence_end(t, b)]))
        )
        and not _WENT_ALONG.search(t, start, a)  # (跟王总周三去苏州: the rep goes too)
    )


# (我答应王总…, 答应了杭总…: the rep's promise opening the sentence — 尾款答应本月底付 and 王总看了
# 报价，答应下周一给答复 are theirs)
_REP_PROMISED = re.compile(r"\s*我?(?:答应|承诺|保证)了?")
_I_PROMISED = re.compile(r"我(?:答应|承诺|保证)")


def _theirs_to_do(d: _Dated, action: str, owed: bool) -> bool:
    """What the date's task is makes it theirs: their answer, their decision or deed, a
    buyer's step (挂网), the answer they owe the rep."""
    t, a, b, ca, cb = d.t, d.a, d.b, d.ca, d.cb
    opening = _sentence_start(t, a)
    promised = _REP_PROMISED.match(t, opening) or _I_PROMISED.search(t, opening, a)
    if promised and not d.by_customer:
        return False  # 答应了杭总2个工作日内回复: what the rep promised him
    if (
        _THEIR_ANSWER.match(action)
        and not d.by_customer
        and not owed
        and not _ANSWER_TO_THEM.match(action)
    ):
        return True
    line = _sentence_start(t, a)
    said = [m.start() for m in _SAID_BY_THEM.finditer(t, line, a)]
    if (
        _THEIR_VERDICT.match(action)
        and said
        and "我" not in t[max(line, said[-1] - 4) : cb]  # (我跟他说下周一给意见: the rep's)
    ):
        # 他们说下周一给意见, 下周三给结论, 来我们公司考察…说月底前给个采购意向: theirs (我下周一
        # 给意见 is the rep's)
        return True
    if _their_own_travel(d, action):
        return True  # 庄董事长这个月底去欧洲, 毕书记明天元旦去北京
    decided = _THEIR_DECISION.match(action) and _third_party_before(t, a)
    if _their_deed(d.doc, a, b) or (decided and not re.search(r"[我咱]", t[ca:a])):
        return True  # 岸电系统他们年底定, 尾款答应本月底付, 标书下周一发出来: theirs, not the rep's
    said_after = t[b:cb].lstrip(" 前之")
    theirs_then = _ONLY_THEIRS.match(said_after)
    if (
        theirs_then is not None
        # (定标前再去拜访一次, 返工后第一时间去拜访陈生, 复工 去三一重工回访: their step is
        # when the rep's task is reckoned from)
        and not _REP_TASK_AFTER.search(said_after[theirs_then.end() :])
        and not _REMIND_ME.search(d.sentence)
        # (招标，我得准备资质 — but in a customer's chat line 我 is them)
        and (d.by_customer or not re.search(r"[我咱]", t[ca:a] + t[b : _sentence_end(t, b)]))
    ):
        return True  # 核磁的项目年底前要挂网: only a buyer puts a tender online
    return d.by_customer and _ANSWER_TO_REP.match(action) is not None  # 下周三之前答复你


# What happens to goods, money and the buyer's steps by a day (到货, 发车, 截单, 开始执行 …):
# the rep's own only when the rep says they do it (我们下周一发货, 我：29号上午送到).
_PROCESS = re.compile(
    r"^(?:要|会|就|才|能|必须|需要|得|可以|才能|才会)?(?:到货|到账|入账|入帐|到仓|到厂|到(?=$|了|就行|齐)|送到|寄到|"
    r"出货|发货|发车|备货|截单|截止|开始|完工|竣工|开工|评审|进场|封账|盘点|完成|签完|报上去|"
    # (他们的采购系统月底关账, 客户那边月底结账, 行里年底冲业绩: their books and targets)
    r"关账|结账|年结|冲业绩|冲量|(?:年度)?审计|"
    # (国庆前要落实 supplier list, 招标…三个月后再开, 新厂房…才能验收: their steps)
    r"落实|再开$|开标|验收|"
    # (她说年后第一批集采3月底招标, 標書9月15號截, 春节前到款30%: their tender and money)
    r"招标|定标|截标?$|到款|"
    # (血透机年底能签合同: what they expect by then)
    r"报到|确定|定下来|执行|公布|挂出|统一(?:付款?|结算)|能签|能定|能批|"
    # (5月20号左右出采购计划: what they issue — 12号出结果 stays a day to chase the result)
    r"(?:左右)?出(?=[^\s,，。]{0,4}(?:计划|通知|公告))"
    # (PO 预计7月底 issue, tender 下个月9号 close: the same said in English)
    r"|(?i:issue|issued|close|closes|closing|out)$)"
)
# Who else moves them: the customer's side, a carrier or plant, a forecast, a demand told.
_CARRIERS = "工厂|仓库|物流|厂家|快递"
# (高总的公司月底结账: his firm's books)
_THEIR_SIDE = re.compile(
    rf"他们|她们|他|她|对方|佢|{_CARRIERS}|财务|预计|要求|说|客户那边|行里|的公司"
)
_CARRIER = re.compile(_CARRIERS)


# 招标公告7月12号发, 招标计划下周一在SRM上公布: a notice the buyer issues that day (12号出结果
# stays a day to chase the result).
_THEIR_NOTICE = re.compile(r"(?:招标公告|采购公告|中标公告|招标计划|采购计划)\s*$")
# (…到时候关注一下, 出了我马上去报名, 发之前先跟王总打个招呼: the rep's part that day)
_WATCHED = re.compile(r"[我咱]|到时|关注|报名|之前|提前|记得")
_ISSUED = re.compile(
    r"^(?:会|要|才|就|将)?(?:在[^\s,，。]{1,8}?上?)?(?:发布?|出|公布|公示|挂网|挂出|下来)(?![给你我])"
)


# 下周五他送样过来, 下周三他们给结论: the day, then whoever else does the thing (他让我…, 她叫我…
# is the rep's).
_THEY_OPEN = re.compile(r"(?:他们|她们|他|她|佢哋|佢|对方)(?:要|会|就)?(?:送|寄|发|交|回|给|拿|提)")
# (…到了我安排测试, 合同提前打印好, 约他吃饭, 通知王总验收: the rep's part of that day)
_REPS_SIDE = re.compile(r"[我咱]|约|找|提前|准备|安排|通知|记得|签|验收|过去")


def _they_do_it(d: _Dated) -> bool:
    return (
        bool(_THEY_OPEN.match(d.t, d.b))
        and not d.rep_part
        and not d.by_customer
        and not _REPS_SIDE.search(d.t, d.b + 2, _sentence_end(d.t, d.b))
    )


def _their_process(d: _Dated, action: str) -> bool:
    """大修前的备件9月30号前必须到货 (he said), 厂家直发，预计9月27号到, 我：工厂6月5号发车: goods,
    money or a buyer's step moved by someone else on that day — not the rep's task."""
    if (
        _THEIR_NOTICE.search(d.t, d.ca, d.a)
        and _ISSUED.match(action)
        and not d.rep_part
        and not _WATCHED.search(d.t, d.b, _sentence_end(d.t, d.b))
    ):
        return True
    if not _PROCESS.match(action) or d.rep_part:
        return False  # (预计2月5号到，到了我去现场验收: the rep's own part on that day)
    t, a, ca = d.t, d.a, d.ca
    if d.doc.chat and not d.by_customer:  # the rep's own line: theirs only if a carrier does it
        return _CARRIER.search(t, _sentence_start(t, a), a) is not None
    if d.by_customer:  # the customer's line: the rep's when addressed to them (你们…送到)
        return not re.search(r"你", t[ca:a])
    if re.search(r"[我咱](?!们?的)", t[ca:a]):  # (我们的血透机 is a thing, not the rep acting)
        return False
    if _OUR_PAPERS.search(t, ca, a):
        return False  # 我们的报价要在下礼拜五之前报上去: what the rep hands in
    if (
        _GOODS_BEFORE.search(t, ca, a)
        and _ARRIVES.match(action)
        and not _REPS_SIDE.search(t, d.b, _sentence_end(t, d.b))
    ):
        return True  # 样品周三到, 货下周一到齐: goods arrive (到了我送过去 is the rep's)
    return _THEIR_SIDE.search(t, _sentence_start(t, a), a) is not None


_OUR_PAPERS = re.compile(r"[我咱]们?的(?:报价|方案|标书|投标文件|资料|资质|样品|合同)")
_GOODS_BEFORE = re.compile(r"(?:样品|样机|样件|货|设备|发票|货款|物料|配件)\s*$")
_ARRIVES = re.compile(r"^(?:就|才|能|会)?(?:到|到货|到齐|到厂|到仓|送到)$")


# A deed said done (送了花, 见了王总) on a day not said to be ahead (明天, 下周, 要, 再 …).
# (周五发了报价以后给刘工打电话: a step done before the task, still ahead)
_DONE_DEED = re.compile(
    r"^(?![^,，。]*(?:以后|之后|后|再))[^\s,，。]{0,16}?(?:送|见|去|拜访|走访|看望|拜会|拜|发|寄|打|吃|聊|谈)了(?!解)"
)
# (今天下午接到王总后陪他去…, 下午收到样品给王总回个电话: a pick-up, a receipt still to come)
_SEEN_OR_HEARD = re.compile(r"(?:看到|收到)[^,，。]{0,12}?(?:短信|消息|微信|邮件|通知|信息)")
_MORNING = re.compile(r"早|上午")
_AHEAD_SAID = re.compile(r"[明后]天|下|这|本|要|再|准备|打算|计划|约")


# 走, 回昆明, 回来上班: a person leaving or back, said of someone of the customer's
_COMING_AND_GOING = re.compile(
    r"(?:走|出发|动身|离开|回来(?:上班)?|上班|回(?![来复访电答话款扣收头个信执应再邮消签样传一函单])"
    r"(?:(?!再)[\u4e00-\u9fff]){1,3}?(?:上班)?)(?:了|的)?$"
)


_RECKONED_FROM = re.compile(r"(?:以?后|之后)[^,;。]{0,3}?(?:去|拜访|找|约|见|联系|打电话|给|发|送)")


def _theirs_by_subject(d: _Dated) -> bool:
    """The sentence holding the day is of someone of the customer's, named before it, and
    the rep is not in it."""
    start = d.t.rfind("。", 0, d.a) + 1
    start = max(start, d.t.rfind("\n", 0, d.a) + 1)
    named = any(start <= m.start < d.a and not m.pronoun for m in d.people.mentions)
    after = d.t[d.b : _sentence_end(d.t, d.a)]
    # (李总3号回国，回来后约他: the rep's task reckoned from it keeps the day; 张总约了明天去看现场，
    # 早上八点出发: the rep goes along)
    return (
        named
        and not re.search(r"[我咱]|约|一起|陪", d.t[start : d.b] + after)
        and not _RECKONED_FROM.search(after)
    )


# 才有空, 才决定, 才开工: when something of theirs happens (才签合同, 才报价 are the rep's)
_ONLY_THEN = re.compile(
    r"^才(?!能|可以|去|过去|给|发|打|送|约|见|拜访|签|报|交|寄|带|做|安排|提交|回复|联系|我)"
)
_HIS_OWN_GOING = re.compile(
    r"^(?:他|她|佢)(?:们|哋)?(?:要|会|准备|打算|得|就)?(?:去|回|飞)(?!.*[我咱])"
)
_HIS_OWN_MEETING = re.compile(
    r"^(?:他|她|佢)(?:们|哋)?(?:要|会|在|得)?开[^\s,，。;我咱]{0,6}会(?!.*[我咱])"
)
# 清明前找时间去一趟; …吃顿饭，看他哪天有空: a deadline with no day chosen in it
_UNPINNED_DAY = re.compile(r"找个?时间")
_WHEN_HE_CAN = re.compile(r"[,，]\s*(?:看[他她]?|等[他她]?)?哪天(?:有空|方便)")
_EXPECTED = re.compile(r"应该|预计|估计|大概")
_TO_WHOM = frozenset("跟给向和对同与")  # (跟李总承诺了…: the rep promised him)
# What a day only qualifies (年前最后一批, 节前的事), a colleague's errand (小张会去…), a thing
# already settled (已经排进…了): no task on that day.
_NOT_A_TASK_SAID = re.compile(
    r"(?:的)?最后一[批单车]|的事|[小老][\u4e00-\u9fff](?:会|要|负责)去|"
    # (让我下周三前等他消息: waiting on their word, nothing to do by then)
    r"等(?:[他她]们?|对方|客户)?的?(?:消息|通知|回复|回话|电话|答复)?$|"
    # (五一这几天, 春节期间: a stretch of days, nothing set on the first)
    r"^(?:这|那)(?:几天|段时间|阵子)$|^期间$|"
    # (明天开始中秋连假: a break begins)
    r"^开始(?:放假|连假|休假|(?:[\u4e00-\u9fff]{2})?(?:假期|长假|连假))?$|"
    # (佢話年初四先返工, 初八才上班: someone back at work that day, alone in its clause)
    r"^(?:先|才|就)?(?:返工|返来|開工|开工|上班|复工|復工)了?$|"
    # (年初七先返, 初六才回深圳: someone back only then — 先回复他 is the rep's)
    r"^(?:先|才)(?:返|回(?!复|電|电|话|話|访|訪|个|個))[^\s,，。;]{0,6}$"
)
_DONE_ALREADY = re.compile(r"了\s*$")
_MONEY_IN = re.compile(r"到|到账|到位|到款|付|支付|付款|打款")
_MONEY_SAID = re.compile(r"款|定金|订金|预付|首付")
_WHEN_HE_DECIDES = re.compile(r"(?:看[他她]?|等[他她]?)哪天|再定|待定")
_THEIR_LABEL = re.compile(r"\s*(?:客户|对方|甲方|厂家)(?:承诺|答应|计划|安排|答复|表示)\s*[:：]\s*")
# 他答应这周五前给技术要求: a thing they give (给张总打电话 is the rep's errand)
_THING_GIVEN = re.compile(
    r"给(?=[^\s,，。;；]{0,4}(?:要求|清单|资料|数据|图纸|文件|参数|答复|回复|结果|意见|样品|订单))"
)
_PROMISED = re.compile(r"(?:答应|承诺|保证)(?:了|说)?(?:我们?|咱们)?\s*$")  # (谈总答应我下周三前…)
# (出院, 住院, 在贵阳有个会: a person's own day — the rep's part is said otherwise)
_WHERE_SOMEONE_IS = re.compile(
    r"(?:要|会|就|才)?(?:出院|住院|做手术|动手术)|在[^\s,，。;]{1,10}?有个?会"
)


def _someone_else_away(d: _Dated, at: int) -> bool:
    """明天去拜访刘总，李工明天不在: the one away is named and is not in the task's clause."""
    away = [m for m in d.people.mentions if m.end == at and not m.pronoun]
    return bool(away) and away[-1].surname is not None and away[-1].surname not in d.t[d.ca : d.cb]


# 周四不行, 礼拜三没空, 下周一不在: the day turned down right after it is said (周五不行就废标,
# 周四他不在也没关系, 他明天不在，交给门卫: a warning, no matter, left with someone — the day stays).
_DAY_TURNED_DOWN = re.compile(
    r"\s*(?:[他她]们?|我(?!们))?(?:也|都)?(?:不太?行|不太?方便|没空|没时间|来不了|去不了|够呛|[唔不]得闲|不在)"
    r"(?![^,，。;]{0,4}(?:就|也没关系|没关系|的话))(?![,，]\s*(?:交给|放在|留在|留给|放到))"
)
_IF_SAID = re.compile(r"要是|如果|万一|假如|虽然")
# 如果…前, 要是下周一前: a condition (主要是, 需要是, 重要是, 一万一 are none)
_IF_THEN = re.compile(
    r"(?<![主只还就需重想])要是|如果|(?<![\d一二三四五六七八九十百千万两])万一|假如"
)
# …，他就下单 / 对方才会签 / 这个单子就算了 / 不用再跟: what follows the condition is theirs
_NOT_OURS_THEN = re.compile(
    r"(?:[他她]|对方|他们|客户|厂家|老板|[\u4e00-\u9fff][总工]|经理)(?:就|才|会|也就)|就算了|算了|不用|别再"
)
_SAME_DAY_AS = re.compile(r"\s*(?:是)?(?:同一天|同一日|同天|一样|一天)")


# 下下周一你再联系我, in the customer's own line: the rep is to get in touch with them.
_EARLY_NEXT_MONTH = re.compile(r"下个?月(?:月)?初")
_BEEN_THERE = re.compile(r"^(?:去|来|到|见)过(?!一下|一遍|目|一次目)")
# 元旦前电话里问过磨粉机的价: asked already, said with the day it was asked by
_ASKED_ALREADY = re.compile(r"^[^\s,，。]{0,4}?(?:问|聊|谈|提|打听|咨询|询)过(?![去来目一])")
# 年前的货款只能等年后了: a thing of that day put off, nothing to do by it
_PUT_OFF_THEN = re.compile(r"再说|再议|再看看?(?![他她])")
_PUT_OFF = re.compile(r"只能|等到?[^\s,，。]{0,4}(?:后|再)|再说|没戏|不了")
_TOLD_TO_CALL = re.compile(rf"你们?(?P<again>再)?(?:来|过来)?(?P<verb>{_GET_IN_TOUCH})我(?!们)")


_THEIR_ENGLISH = re.compile(
    r"(?i)(?a:\b)(?:he|she|they)(?:'ll|\s+will|\s+would|'s going to|\s+is going to|\s+are going to)"
    r"\s|(?a:\b)(?:PO|order|payment|quote|RFQ)\s+expected(?a:\b)"
    # (the payment of RMB 1.2m will be made by May 31: their money, said in the passive)
    r"|(?a:\b)(?:payment|PO|order|invoice)(?a:\b)[^;\n]{0,30}?(?a:\b)will\s+be\s+"
    r"(?:made|paid|sent|wired|transferred|issued|released)(?a:\b)"
    # (Deposit 30% due by Mar 6, tender opens Jan 10, he goes to Beijing: their money, their
    # tender, their travel)
    r"|(?a:\b)(?:deposit|payment|balance|PO)(?a:\b)[^;.\n]{0,12}?(?a:\b)due(?a:\b)"
    r"|(?a:\b)(?:tender|bid|bidding)\s+(?:opens|closes)(?a:\b)"
    r"|(?a:\b)(?:he|she|they)\s+(?:goes|go|flies|fly|is|are|will\s+be)\s+(?:to|in)\s"
    # (徐总 of 中车株机 flies to Munich on Oct 3, back Oct 10: someone named, flying)
    r"|(?a:\b)(?:flies|travels|heads)\s+(?:to|back)\s|^(?:back|returns|is\s+back)$"
    # (the drawing 要 revise，ETA this Thursday: when theirs arrives)
    r"|(?a:\b)ETA(?a:\b)|^ETA$"
)
_EN_UNTIL = re.compile(r"(?i)(?a:\b)(?:until|till)\s*$")


# (来我们公司参观, 来我司看产线, 嚟我哋公司睇 demo: the customer coming to the rep's firm)
_COMING_TO_US = re.compile(
    r"^(?:要|会)?(?:带人)?来(?:我们?|咱们?)(?:公司|司|厂|工厂|这边|展厅|单位)"
)


_BACK_HOME = re.compile(rf"返(?:{PLACE_RE.pattern}|[宁沪京穗港深杭汉])")
# (杨局下周二来南京，到时候去拜访一下; 带样机过去演示: the rep's own part, said after — not 通知我们,
# nor a step of the rep's with its own day: 我们要在下周五前交技术文件)
_OURS_AFTER = re.compile(r"(?<!通知)我|到时|拜访|见面|一起|带|答辩|答疑|演示|述标|那天|当天")


def _our_part_after(d: _Dated, end: int) -> bool:
    said = _OURS_AFTER.search(d.t, d.b, end)
    return said is not None and not any(said.start() <= v.span[0] < end for v in d.doc.whens)


# (跟王总约好了，下周四去上海总部; 客户确认了，下周一去宁波港区: agreed with them, the rep goes)
_AGREED_WITH = re.compile(r"约好|说好|确认了|同意了|约了")
_THEIR_STEP_ALONE = re.compile(r"(?:开标|评标|定标|截标|招标|挂网|供应商评审)(?:时间|日期)?")
# Someone's going or setting off (来上海, 飞成都开会, 周二出发): a trip. (陪…去三峡 too was tried:
# a held-out set lost a task of the rep's)
_A_TRIP = re.compile(
    rf"(?:来|去|到|飞|赶往|前往)\s*(?:{PLACE_RE.pattern})(?:港区|基地|工厂|电厂|厂区|总部|园区)?"
    r"(?:出差|开会|考察|调研|看项目|慰问|检查|走访)?|"
    r"出发|动身|启程"  # (李总3号回国，回来后约他: back is when the rep can act)
)


# What the customer holds for itself on a day (开部门会, 进场审计, 安全大检查) — not 去门店盘点.
_THEIR_OWN_EVENT = re.compile(
    r"(?:要|会)?(?:开|召开)?(?![去到])[\u4e00-\u9fff]{0,4}?"
    r"(?:部门会|内部会|例会|党委会|董事会|办公会|周会|月会|审计|大检查|安全检查|盘点)"
)

_THEIR_REVIEW = re.compile(r"(?:要|会)?(?:开|组织)?[\u4e00-\u9fff]{0,4}?(?:评审会|专家评审|年审)")


_A_TEST = re.compile(r"测试|评测")
_REP_AT_IT = re.compile(r"(?:我|我们|咱们)[^。;\n]{0,8}?(?:去|过去|到场|配合|派人|参加)")
_THEIR_TALKS = re.compile(r"(?:他们|她们|客户|对方|甲方)(?:跟|和|与|同)(?!我|咱)")
_THEIRS_BEFORE = re.compile(r"客户|他们|她们|对方|甲方|审计组|那边|局长|院长|董事长|厂长|处长")
# (下周二要开部门会，把万科的项目汇报一下: the rep's part in it, said next)
_TASK_AFTER = re.compile(r"[,，\s]*(?:我|要|得|需要|记得|准备|把|配合)")


_PLAN_INSTEAD = re.compile(r"\s*(?:改为|改到|改成|改在|换成)")


_NEARING = re.compile(r"(?:就|也)?(?:快|要|快要)到了?")
# (定下周二吧, 就周四吧, 还是定在12号: the day settled on, said right before it)
_SETTLED_ON = re.compile(r"(?:定|就|回复|回了|选|确定)(?:在|了)?\s*$")
_SETTLED_REACH = 20


def _settled_on_another(d: _Dated) -> bool:
    """One of two days asked about, the other settled on in the next words."""
    return any(
        d.b < v.span[0] <= d.b + _SETTLED_REACH
        and v.day != d.w.day
        and _SETTLED_ON.search(d.t, max(0, v.span[0] - 3), v.span[0])
        for v in d.doc.whens
    )


_THEIR_MEETING_AFTER = re.compile(
    r"\s*(?:(?:那个|呃|嗯|就是)\s*)*"
    r"(?:客户|对方|甲方|他们)(?:那边|方面|公司|内部)?(?:要|会|在)?开[\u4e00-\u9fff]{0,8}?会"
)
# (甲方开协调会 要求我们必须参加, 客户开评审会 我们要去现场述标: the rep takes part)
_WE_TAKE_PART = re.compile(
    r"(?:邀请|要求|请|让)我们|我们?(?:(?!不)[^,。;\n]){0,6}?(?:去|参加|过去|述标|提问)|我[和跟]"
)
# A plan said, then called off with no new day (黄了, 先放一放, 推迟…改期待定, 修好了再约).
# (said of the plan itself, in its own words: 吃饭的事黄了, 去见孔总的事先放一放)
# (这周三去海信的拜访推到年后了: the day before it is the old one)
_PUT_OFF_TO = re.compile(
    r"(?<!把)(?:推迟?到|延到|顺延到|往后推到)(?=\s*(?:下|明|后|年|节|以后|之后|[0-9一二三四五六七八九十]|月|周|礼拜|星期))"
)
# (明天下午的会往后推一下，具体时间等通知, 后天的培训顺延一天: put off, the new day unread)
_PUT_OFF_BY = re.compile(r"往后推(?!到)|顺延(?!到)")
_CALLED_OFF_HERE = re.compile(r"黄了|泡汤了?|放一放|搁置")
# (…，毛经理说要推迟，改期待定; 测试推迟，修好了再约: put off with no day, said later)
_PUT_OFF_LATER = re.compile(
    r"改期待定|推迟了?[,\s]*(?:[^,。;\s]{0,6}[,\s]*)?(?:再约|待定|再说|另约)|"
    # (…标书先不用交，什么时候重启另行通知: when is left to be told — 地点另行通知 is not)
    r"(?:什么时候|时间|日期)[^,。;\s]{0,6}另行通知"
)
_IF_BEFORE = re.compile(r"(?:如果|要是|万一|假如|若是?)(?:到了?)?\s*$")
_STILL_NOT = re.compile(r"\s*(?:之前|以前|前)?(?:还|仍然?|都)?(?:没|未|不)")


def _theirs_said_before(d: _Dated) -> bool:
    """Whether someone of the customer's is the subject before the day in its sentence (a person
    named, 他们, 审计组, 局长 …) and the rep is not."""
    t, a = d.t, d.a
    said_from = _sentence_start(t, a)
    return not re.search(r"[我咱]", t[said_from:a]) and (
        any(said_from <= m.start < a for m in d.people.mentions)
        or _THEIRS_BEFORE.search(t, said_from, a) is not None
    )


def _no_task_meant(d: _Dated, action: str) -> bool:
    """A day named with nothing set for it: avoided, put off, asked about, once planned,
    called off, a state lasting until it, or a thing already done today."""
    doc, t, a, b, ca, cb = d.doc, d.t, d.a, d.b, d.ca, d.cb
    if _BACK_HOME.fullmatch(action):
        return True  # 12月10日 返宁: someone back home that day, nothing to do
    if _THEIR_STEP_ALONE.fullmatch(action) and not (
        _REMINDED_THEN.search(t, b, _sentence_end(t, b))
        or _our_part_after(d, _sentence_end(t, _sentence_end(t, b) + 1))
    ):  # (下周三开标，记得提醒我去现场, 下周五招标，我得提前准备…: the rep's own part in it)
        return True  # 开标时间从9月15号延期到9月22号, 供应商评审提前到9月10号: the buyer's day
    # (7月8日上午9点去无锡: a trip set to the hour is the rep's own errand; 王总明天到上海，我去
    # 机场接他: the rep's errand said after it)
    a_trip = (
        _A_TRIP.fullmatch(action) is not None
        and not d.w.has_time
        and not _our_part_after(d, _sentence_end(t, b))
        and not _AGREED_WITH.search(t, _sentence_start(t, a), a)
    )
    a_city = PLACE_RE.fullmatch(action) is not None
    # (下周三开评审会 is theirs; 周五下午2点开评审会，各家都要到: set to the hour, the rep goes)
    an_event = _THEIR_OWN_EVENT.fullmatch(action) is not None or (
        _THEIR_REVIEW.fullmatch(action) is not None
        and not d.w.has_time
        and not _our_part_after(d, _sentence_end(t, b))
    )
    # (someone of theirs named before in the sentence, and not the rep: 周总…下周一成都、周三昆明;
    # asked only of a task that is a city, a trip or an event alone)
    theirs = (a_city or a_trip or an_event) and _theirs_said_before(d)
    if a_trip and theirs:
        return True  # Jason下周四来上海, 何总…周二出发: his trip
    if a_city and (
        theirs or d.w.deadline or (in_schedule(t, a) and schedule_owner(t, d.people, a) is not None)
    ):
        return (
            True  # 周总…下周一成都、周三昆明, 顾总下周：周二 长沙: his stops (我周三昆明 is ours)
        )
    if (
        an_event
        and theirs
        and not _WE_TAKE_PART.search(t, b, _sentence_end(t, b))
        and not (
            _TASK_AFTER.match(t, cb)  # (…，我周四要配合提供资料: the rep's own day, a task apart)
            and not any(cb <= v.span[0] < doc.clause(min(cb + 1, len(t) - 1))[1] for v in doc.whens)
        )
    ):
        return True  # 5号开部门会, 审计组这周四周五进场审计: the customer's own day
    meeting = _THEIR_MEETING_AFTER.match(t, b)
    if meeting is not None and not _WE_TAKE_PART.search(t, meeting.end(), _sentence_end(t, b)):
        return True  # 这周四客户那边要开年终总结会: their own meeting that day
    _, chunk_end = doc.chunk(max(b - 1, 0))
    off = _CALLED_OFF_HERE.search(t, b, chunk_end) or _PUT_OFF_LATER.search(
        t, b, _sentence_end(t, b)
    )
    if (
        off is not None
        and not any(b <= v.span[0] < off.start() for v in doc.whens)
        and (off.re is _CALLED_OFF_HERE or "的事" not in t[b : off.start()])
    ):
        return True  # 明晚和常总吃饭的事黄了, 约的下周一见面…要推迟，改期待定: called off
    if (
        _IF_BEFORE.search(t, max(ca, a - 4), a)
        and _STILL_NOT.match(t, b)
        and any(cb <= v.span[0] < _sentence_end(t, b) for v in doc.whens)
    ):  # (万一下下个礼拜一还没到货就给张总打电话: the task on that day, said with it)
        return True  # 如果下周三还没回复，我下周四打电话问: the condition, the task is after it
    if _A_SCHEDULES_NAME.match(t, b):
        return True  # 年底领导行程（迈瑞 成总）：: what the list is called, no deadline
    if _HE_COMES_TO_TOWN.fullmatch(action) and _HE_BEFORE.search(t, ca, a):
        return True  # 他下周三来深圳: his trip (来我们公司 is ours to host)
    if _NEARING.fullmatch(action) and any(v.span[0] > b and v.day <= d.w.day for v in doc.whens):
        return True  # 端午节快到了，…端午前送过去: the day nearing, the task's own day said after
    if _either_day(d) and _settled_on_another(d):
        return True  # 下周一还是下周二去中海油？定下周二吧: the other day chosen
    called_off = _CALLED_OFF_LABEL.match(t, line_of(t, a)[0])
    if called_off and _PLAN_INSTEAD.match(t, _sentence_start(t, a)):
        called_off = None  # (取消：本周三的拜访取消…。改为下周二下午三点电话会议: the new plan)
    if called_off or _EN_CALLED_OFF.search(t, max(0, a - 16), a):
        return True  # 取消：明天下午去中核五公司的会。改期未定; 梁总 cancelled tomorrow's meeting
    if (
        _NOT_THE_DAY.search(t, max(ca, a - 3), a)
        or _TOLD_NOT_ON.search(t, max(ca, a - 6), a)
        or _LAST_VISIT.match(t, b)
    ):
        return True  # 避开周一上午; 春节前最后一次拜访: a day named, nothing set for it
    if (
        _COMING_TO_US.match(action)
        and not d.by_customer
        and any(w.span[0] >= cb for w in doc.whens)  # (陶总周五来看演示, said alone: the task)
    ):
        return True  # 客户下周二来我们公司参观，周一前把展厅…: their visit, what to prepare is ours
    if action.startswith("打过来") and re.search(r"[款钱]\s*$", t[ca:a]):
        return True  # 上个月的货款这礼拜内打过来: their money (明天上午打过来 is the rep's call)
    if _MONEY_IN.fullmatch(action) and _MONEY_SAID.search(t, _sentence_start(t, a), a):
        return True  # 预付款30%，合同约定11月10日前到: their money arriving
    if (action.isascii() or action == "跟进") and (
        _THEIR_ENGLISH.search(t, ca, a + len(action))
        or _THEIR_ENGLISH.match(action)  # (Next week Tuesday he goes to Beijing)
        or _EN_UNTIL.search(t, ca, a)  # (VP Linda Xu is in the US until Jan 8)
    ):
        return True  # he'll send the RFQ next Monday, PO expected EOM: theirs
    if _IF_THEN.search(t, ca, a) and _NOT_OURS_THEN.search(t, b, _sentence_end(t, b)):
        # 如果六月底前价格能降到八块五，他就下单 / 这个单子就算了: a condition's day, and what
        # follows is theirs or nothing — nothing set for it (如果…就给张总打电话, 如果顺利的话下周三
        # 签合同: the rep's own step then)
        return True
    if _THEIR_LABEL.fullmatch(t, t.rfind("\n", 0, a) + 1, a):
        return True  # 客户承诺：3月10日前发招标文件: a record's line of what they will do
    promised = _PROMISED.search(t, ca, a)
    if (
        promised is not None
        and any(
            m.end == promised.start() and t[m.start - 1 : m.start] not in _TO_WHOM
            for m in d.people.mentions
        )
        and (not _REP_ACTION.match(action) or _THING_GIVEN.match(action))
        and not re.search(r"[我咱]|一起|见|吃饭|交流", t[ca : promised.start()] + action)
    ):
        return True  # 吴主管答应周五前出正式的测试报告: what they promised to do, theirs
    settled = "已经" in action and _DONE_ALREADY.search(t, b, cb) is not None
    if _NOT_A_TASK_SAID.match(action) or settled:
        return True  # 年前最后一批, 节前的事得…, 小张会去调试, 尾款已经排进25号的付款计划了
    if _either_day(d) and _WHEN_HE_DECIDES.search(t, b, _sentence_end(t, b)):
        return True  # 下周三或者周四过去，看他哪天有空再定: no day chosen yet
    if (
        _WHERE_SOMEONE_IS.match(action)
        and not re.search(r"[我咱]", t[ca:a])
        and (action.startswith(("出院", "住院")) or _theirs_by_subject(d))
    ):  # 周五出院, 16号在贵阳有个会 (of someone named before): where they are, no task
        return True
    if (
        t.startswith("的", b)
        and d.w.deadline
        and (
            (not t[ca:a].strip() and _PUT_OFF.search(t, b, cb))
            or re.search(r"[他她](?:们)?(?:说|在|都在)|^说", t[ca:a])
        )
    ):  # (年前的对账单记得发给财务, 跟她确认周五前的发货计划: the rep's task, said around the day)
        return True  # 年前的货款只能等年后了, 他说…在跑年底的账: the day names a thing, no task
    if _BEEN_THERE.search(action) or _ASKED_ALREADY.search(action):
        return True  # 年前去过一次越南: been there already
    if _EARLY_NEXT_MONTH.fullmatch(t, a, b):
        return True  # 下个月初来我们工厂看看, 下月初再约: the first days of a month, no one day
    if _SAME_DAY_AS.match(t, b):
        return True  # 生日3月8号，跟妇女节同一天: a day compared with, nothing set for it
    if any(
        v.span[0] >= a
        and v.day == d.w.day
        and v.part_of_day == d.w.part_of_day  # (明天上午去，明天下午他不在: the morning stays)
        and _DAY_TURNED_DOWN.match(t, v.span[1])
        and not _someone_else_away(d, v.span[0])
        and not _IF_SAID.search(t, doc.clause(v.span[0])[0], v.span[0])
        for v in doc.whens
    ):
        return True  # 想约梁总周四见面，他说周四不行: the day refused, nothing set for it
    gone = not action.startswith("走") or "回" in t[b : _sentence_end(t, b)]  # (货下周一走: goods)
    if _COMING_AND_GOING.match(action) and gone and _theirs_by_subject(d):
        return True  # 卢总…4月29号走，5月6号回昆明; 蒙总…正月初十回济南上班: when they leave or are back
    # (…，提前把资料发给他 / 到货后安排安装: a task of the rep's said next keeps the day)
    said_alone = _sentence_end(t, b) <= cb + 1
    if _ONLY_THEN.match(action) or (_HIS_OWN_GOING.match(action) and said_alone):
        return True  # 四月尾才决定, 下个月月初才有空; 下个月5号他要去杭州: theirs, no task
    if _HIS_OWN_MEETING.match(action):
        return True  # 下周一他要开经营会: the customer's own meeting
    if d.w.deadline and (
        _UNPINNED_DAY.search(t, ca, cb) or _WHEN_HE_CAN.match(t, cb, min(len(t), cb + 12))
    ):
        return True  # 清明前找时间去一趟, 年前吃顿饭，看他哪天有空: no day pinned down
    if _ARRIVES.match(action) and _EXPECTED.search(t, max(ca, a - 4), a) and said_alone:
        return True  # 寄了两本样本…应该后天到: what was sent arrives, nothing to do
    # (下下周一你再联系我 in the customer's line: the rep is told to call)
    told_to_rep = d.by_customer and _TOLD_TO_CALL.match(action)
    if (_NOT_TO_DO.search(action) and not told_to_rep) or re.search(r"再说|再议", action):
        return True  # (下周一回公司再说: a put-off, no task)
    if d.by_customer and re.search(
        rf"(?:{_GET_IN_TOUCH}|通知|回覆|答覆|给|发|寄|回)你(?!们的)", action
    ):
        return True  # 黎院长：…初十后找你, 钟总：…明天快递给你 — they will get in touch, send it
    if _FOR_THE_REP.search(action) and not d.by_customer:
        return True
    if d.by_customer and _THEIR_WISH.search(t, max(ca, a - 6), a):
        return True  # 我们想年前装好: what the customer hopes for, not a day agreed
    # (a run-on voice note is one clause: a question is the one asked around its own words,
    # 问我们能不能派人值守 … 明天上午给他回话 is still a task)
    qa = max(ca, t.rfind(" ", 0, a) + 1)
    qb = min(cb, doc.chunk(min(b, len(t) - 1))[1]) if b < cb else cb
    asked = _ASKED.search(t, qa, qb) or (not d.by_customer and _ASKED_MA.search(t, qa, qb))
    if asked and _agreed_next(doc, a):
        asked = None  # 我：10月9号下午两点我来院里汇报可以吗 / 杜主任：行，来吧
    if asked or _IF_NEEDED.search(t, ca, a):
        return True
    # (原来约的周三下午3点推迟到周四下午3点: the day read is the new one already)
    once = d.w.span not in doc.moved_spans
    kept = _PLAN_KEPT.search(d.sentence) and not _CHANGED.search(d.sentence)
    if once and _ONCE_PLANNED.search(t, max(ca, a - 5), a) and not kept:
        return True
    if once and _ONCE_PLANNED_SOFT.search(t, max(ca, a - 6), a) and _CHANGED.search(d.sentence):
        return True
    if once and _SAID_BEFORE_NOW.search(t, max(ca, a - 5), a) and _MOVED_SINCE.search(d.sentence):
        return True
    if once and _ONCE_PLANNED_WITH.search(t, ca, a) and _CHANGED.search(d.sentence):
        return True  # 本来跟华纺印染约好9月8号去看车间，…只能改到14号
    if _ARROW_OFF.match(doc.text, b):
        return True  # 周一技术交流→取消: a plan on a list, called off
    if _busy_then(doc, d.w):
        return True  # 他说周四要陪领导去苏州，还是周五吧: the day that will not do
    if _refused_again(doc, d.w, cb):
        return True  # 约了明天下午，后来他秘书又说明天也不行: off
    called_off = _CALLED_OFF.search(t, b, cb)
    if called_off is None and "把" not in t[b:cb]:  # (明天把方案推到OA系统里: no day moved)
        called_off = _PUT_OFF_TO.search(t, b, cb) or _PUT_OFF_BY.search(t, b, cb)
    if (
        called_off
        and not any(b <= v.span[0] < called_off.start() for v in doc.whens)
        and not LATE_FIX.search(t, b, called_off.end())  # (…不对 改到周四: the day read is new)
        and d.w.span not in doc.moved_spans  # (拜访从明天推迟到后天: read as the day moved to)
    ):
        return True  # 明天的评审会推迟到下礼拜四: tomorrow's is off (下礼拜四 is the new one)
    put_off = _AFTER_THEN_SEE.match(t, b)
    if put_off and (not d.w.has_time or put_off.group().endswith(("说", "议", "看", "定"))):
        return True  # 正月初八以后再说: no day to act on (两点后再联系 is that hour)
    # 质保期到1月20号: until then, no task (改到下周二 is the day moved to)
    # (合约到年底, 契約到3月: the contract runs until then — 约到 alone is a meeting arranged)
    if action == "跟进" and re.search(
        r"(?<![改推延挪约定换迟])到$|(?<=[合契][约約])到$", t[max(0, a - 3) : a]
    ):
        # (本周五的技术交流提前到周四: a meeting of the rep's brought forward — 货提前到 is theirs)
        moved = _MOVED_TO.search(t[ca:a]) if t.endswith("提前到", 0, a) else None
        # (原计划周四去厦门拜访…，…提前到明天下午: the plan said first is what moved)
        planned = moved is None and t.endswith("提前到", 0, a) and _plan_given_up(d) is not None
        if not planned and (moved is None or not _MEETING_MOVED.search(moved["what"])):
            return True
    if _DONE_DEED.match(action) and not _AHEAD_SAID.search(t, ca, b):
        return True  # 三八节给行政部送了花 (said the day after): done, not next year's task
    if d.w.day == doc.today and _SEEN_OR_HEARD.match(action) and _MORNING.search(t, a, b):
        return True  # 早上看到郁总秘书的短信 (at 07:50): seen this morning, nothing to do then
    # (今晚约了…三个人吃饭: arranged for tonight, still to come)
    return d.w.day == doc.today and "了" in action and not _ARRANGED.match(action)


_A_SCHEDULES_NAME = re.compile(
    r"的?(?:领导|老板|[\u4e00-\u9fff]{1,2}总|董事长)?(?:行程|日程)(?=\s*[:(\n]|\s*$)"
)
_HE_COMES_TO_TOWN = re.compile(rf"(?:要|会)?(?:来|到)(?:{PLACE_RE.pattern})(?:出差|开会|参展)?")
_HE_BEFORE = re.compile(r"(?:他|她|佢)(?:们|哋)?\s*$")
# (周一技术交流→取消: read in the note as written, where folding made the arrow a comma)
_ARROW_OFF = re.compile(r"[^,，。;；\n→]{0,12}(?:→|->)\s*(?:取消|cancel)", re.IGNORECASE)
_REFUSED_AFTER = re.compile(
    # (李工明天不在: someone else away, the plan stands)
    # (12号他在成都总部开会没空: he is busy elsewhere that day)
    r"\s*(?:[也又都]?(?:不行|不方便)|[也又](?:没空|没时间|有事|不在)"
    r"|[他她][^,，。;\n]{0,12}?(?:没空|没时间|不方便))"
    r"(?!\s*(?:就|的话|那|再|还))"  # (月底不行就丢单了: what happens if not, no refusal)
)


_BUSY_THEN = re.compile(r"\s*(?P<he>[他她])?[又也还]?要(?:陪|出差|开会|去外地)")
_HE_SAID_BEFORE = re.compile(r"[他她][^,，。;\s]{0,8}$")


def _refused_again(doc: Doc, w: When, after: int) -> bool:
    """The day said again later as one that will not do (a day said after it is its own)."""
    t = doc.t
    for v in doc.read_whens:
        if v.span[0] < after or v.day != w.day:
            continue
        if v.has_time and w.has_time and v.start != w.start:
            continue  # (下周三下午去拜访刘总，下周三上午他没时间: the other half of the day)
        if _REFUSED_AFTER.match(t, v.span[1]):
            return True
        if _busy_then(doc, v):
            return True
    return False


def _busy_then(doc: Doc, v: When) -> bool:
    """周四要陪领导去苏州，还是周五吧: busy that day, and another day offered in its stead."""
    t = doc.t
    busy = _BUSY_THEN.match(t, v.span[1])
    if busy is None:
        return False
    # (周四要陪王总去苏州看工厂: the rep's own day, no one else's busy)
    if not busy["he"] and not _HE_SAID_BEFORE.search(t, _sentence_start(t, v.span[0]), v.span[0]):
        return False
    return any(
        v.span[1] < x.span[0] < _sentence_end(t, v.span[1]) and x.day != v.day
        for x in doc.read_whens
    )


_EN_MOVED_TO = re.compile(r"(?i)(?:reschedul\w*|moved|postponed|pushed)\s+to")
_EN_CALLED_OFF = re.compile(r"(?i)(?a:\b)(?:cancel(?:l)?ed|called off|postponed)\s+(?:the\s+)?$")
_CALLED_OFF_LABEL = re.compile(
    r"\s*[【\[]?(?:已取消|取消|作废|(?i:cancel(?:l?ed)?))[】\]]?\s*[:：]"
)
_ARRANGED = re.compile(r"(?:已经)?(?:约了|约好了|定了|订了)")


def _someone_elses(d: _Dated, family: list[FamilyMention]) -> bool:
    """A task given to their people, done by the rep's colleagues or plant, the first day of
    a stretch, or a family member's day."""
    t, a, b, ca, cb = d.t, d.a, d.b, d.ca, d.cb
    if _THEIR_PEOPLE_TOLD.search(d.head):
        return True  # 张总让财务下周三打款: a task he gives someone of theirs
    others = (
        _OUR_OTHERS_DO.search(t, max(ca, a - 8), a)
        or _SENT_BY_OTHERS.match(t, b, cb + 14)
        or _COLLEAGUE_GOES.match(t, b)  # (下午小陶去拜访宗总的下属: 小陶's errand)
        # (小郑下周一去见李处, 清单小张周四发: a colleague named right before the day — 约了我们
        # 技术部的老齐下周二一起去 is the rep's day with him)
        or any(
            y <= a
            and not t[y:a].strip()
            and not WITH_THE_REP.search(t, max(ca, x - 8), x)
            and not t.startswith("一起", b)
            for x, y in d.doc.colleague_spans
        )
        # (下周一小刘发技术资料: a colleague named right after the day does what follows)
        or any(
            x == b and not t.startswith(("一起", "和我", "跟我"), y)
            for x, y in d.doc.colleague_spans
        )
    )
    if others and not d.rep_part:
        return True  # (1月10号前要交第一批缸盖毛坯，由工厂直发: the plant ships it)
    if _RANGE_ON.match(t, b):
        return True  # 7月19号到23号…检修: the first day of someone's stretch of days
    return any(f.end in (a, a - 1) or f.start <= a <= f.end + 3 for f in family)


# A journey of the person's own, said as what they do on the day: home, on holiday, to report
# to head office, to a conference (张总周三去万科 stays the rep's visit with 张总).
# (_GOES_TO, its opening, alone: 佢聖誕去日本北海道 — a city gone to, see _their_own_doing)
_GOES_TO = re.compile(r"(?:要|会|准备|打算|就)?(?:去|回|飞|到)")
_THEIR_TRIP = re.compile(
    rf"^{_GOES_TO.pattern}[^\s,，。;]{{1,12}}?"
    r"(?:述职|玩|旅游|旅行|度假|老家|家|开会|参会|参加|培训|学习|出差|探亲|过年|休假|汇报)"
)


# 他们项目部, 他们的审计组, 对方财务: a unit of theirs as the subject right before the date.
_THEIR_UNIT_END = re.compile(
    r"(?:他们|她们|对方|佢哋)(?:的|嘅)?[\u4e00-\u9fff]{0,4}?"
    r"(?:部|处|科|厂|院|公司|集团|组|中心|财务|法务|领导|老板)\s*$"
    # (技术部那边周三之前出技术规范书: their department, over there — ours is 我们技术部)
    r"|(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{1,4}(?:部|处|科|中心)(?:那边|那里)\s*$"
)


# 约了华能南京电厂的刘厂长下周一…见面, 和张总周三吃饭: the rep arranged it with the person.
_REP_WITH = re.compile(r"\s*(?:我|已经|刚|今天)?\s*(?:约了|约好了?|约定了?|和|跟|与|同)")


_ARRANGED_BEFORE = re.compile(r"(?:^|[,，。;\s])(?:已经|我)?(?:约好了?|约了|约定了?)[,，]\s*$")
# Someone of theirs, over there, said right after the day (聂处那边起草合同, 法务那边审合同).
_OVER_THERE_THEN = re.compile(
    r"[^\S\n]*(?:(?![我咱你跟和同与找去到来在给])[\u4e00-\u9fff]){1,3}?(?:总|处|局|科|部|经理|主任|工|董|法务|财务|采购|技术)"
    r"(?:那边|那里|那头)(?:会|就|先|再)?"
    r"(?:起草|审|出|发|定|批|走|安排|确认|准备|回复|答复|给|做|开|签|盖章)"
)
# What only they can do: approve (PO下周一一定批, 合同月底前能批下来).
_THEY_APPROVE = re.compile(
    r"(?:一定|肯定|应该|估计|会|能|就|才)*(?:批|审批|批复|批下来)(?:了|下来)?"
)
# (说好了，王总周五把款打过来: what he agreed to do stays his; only a meeting is the rep's too)
_MET = re.compile(r"见|碰面|面谈|吃饭|开会|谈")


def _listed_after(doc: Doc, w: When) -> int | None:
    """Where the day listed right before ``w`` begins (下周一、周二: 周二's list opens at 下周一)."""
    a = w.span[0]
    prev = next((v for v in reversed(doc.whens) if v.span[1] <= a), None)
    if prev is not None and prev.span[1] == a - 1 and doc.t[a - 1] in "、,和":
        return prev.span[0]
    return None


_HIS_BUSINESS = re.compile(r"开|会|出差|飞|调研|视察|考察|培训|学习")


def _listed_with_theirs(doc: Doc, people: People, i: int) -> bool:
    """The day at ``i`` listed with the next (下周一、周二…), whose doing is someone else's."""
    if i + 1 >= len(doc.whens) or _listed_after(doc, doc.whens[i + 1]) != doc.whens[i].span[0]:
        return False
    d = _Dated(doc, people, doc.whens[i + 1])
    action = _found_action(d) or "跟进"
    # (刘总下周一、周二有空，约他见面: his free days are the rep's to use)
    if not _HIS_BUSINESS.search(action) or re.search(r"[我咱约]|拜访|过去", _rest_of_sentence(d)):
        return False
    return _their_own_doing(d, action, False)


def _rep_goes_along(d: _Dated) -> bool:
    """…，我陪同 / …，顺便把合同带上，我和技术小马一起: the rep goes along on his day — but 我
    said with a day of its own (…，让我下下周一再过去; 8号上午有空，我8号上午过去) is the rep's
    own plan, apart from his days."""
    end = _sentence_end(d.t, d.b)
    for m in re.finditer(r"[我咱]", d.t[d.b : end]):
        if (
            m.start()
            and d.t[d.b + m.start() - 1] in "让叫请"
            and not _ALONG.search(d.t, d.b + m.end(), end)
        ):
            continue  # (让我们元旦后再约: asked for later — 叫我陪他去看展 goes along)
        ca, cb = d.doc.clause(d.b + m.start())
        if not any(ca <= v.span[0] < cb for v in d.doc.whens):
            return True
    return False


def _rest_of_sentence(d: _Dated) -> str:
    """What is said after the day, to the end of its sentence."""
    return d.t[d.b : _sentence_end(d.t, d.b)]


def _their_own_doing(d: _Dated, action: str, wanted: bool) -> bool:
    """张总下周三出差: the person (or the customer) right before the date does the thing, and
    nothing makes it the rep's (asked, invited, told, the rep's own verb)."""
    doc, people, t, a, ca = d.doc, d.people, d.t, d.a, d.ca
    head = d.head
    if _OVER_THERE_THEN.match(t, d.b) or _THEY_APPROVE.fullmatch(action):
        return True  # 下周一聂处那边起草合同, PO下周一一定批: theirs to do
    said_subject = bool(
        _SUBJECT_END.search(head)
        or _THEIR_UNIT_END.search(t, ca, a)
        # (孔处：你们的标书我们周五评审 — in their own line, 我们 is them)
        or (d.by_customer and re.search(r"我们\s*$", head))
    )
    subject = said_subject
    if not subject and not _EN_VERB.search(t, ca, a):  # Call 国网南通 的刘工 tomorrow
        # the person right before the date is its subject (not across a comma) — or before the
        # day listed with it (甘总下周一、周二在公司开年度预算会)
        listed = _listed_after(doc, d.w)
        lead = a if listed is None else listed
        subject = any(
            (m.end in (a, lead) or (m.end == a - 1 and t[m.end] == " "))
            and not _ADDRESSED.search(t, max(0, m.start - 4), m.start)
            and not _TOLD_BY_REP.search(t, max(0, m.start - 4), m.start)
            for m in people.mentions
            if not m.pronoun
        )
        # 万科下周三搬新办公室: the customer itself right before the date
        subject = subject or (doc.company_span is not None and doc.company_span[1] == a)
    if not subject or _TOLD.search(head) or wanted:
        return False
    if not d.by_customer and _REP_RIGHT_AFTER.match(t, d.b):
        return False  # 我：祁总 下周一我把资质文件整理好发您: he is addressed, the rep does it
    if _REP_TOLD_HIM.search(head) and not re.match(r"[他她]|过来|来", action):
        return False  # 我跟他说明天下午三点把报价发过去: what the rep told him the rep will do
    if not said_subject and _REP_WITH.match(t, ca):
        return False  # (和郝经理视频会议…对方坚持8月底交货: 对方 is the subject)
    if not said_subject and _ARRANGED_BEFORE.search(t, max(0, ca - 8), ca) and _MET.search(action):
        return False  # 约好了，蔡总这周五下午四点半在他们办公室见: the rep's meeting
    if _THEIR_TRIP.match(action):
        return True  # 严经理正月初五要去遵义他丈母娘家, 他国庆要去敦煌玩: their own journey
    going = _GOES_TO.match(action)
    if said_subject and going and PLACE_RE.match(action, going.end()) and "我" not in action:
        return True  # 佢聖誕去日本北海道: he goes there (a city said, no purpose needed)
    if d.by_customer and not said_subject and not re.search(r"你", action):
        return True  # 刘总：我们邹总下周二到上海 — one of theirs, told in their own line
    if said_subject and _MEETS_THEIR_OWN.match(action):
        return True  # 他们下周一要跟美国客户开会: their meeting with someone of their own
    if _REP_ACTION.match(action):
        return False
    raw_after = t[d.b : d.b + 3].lstrip()
    # 他说礼拜五之前把注册证复印件给他: what he asks the rep to hand him; 京东物流周三下午
    # 三点谈: a telegraphic note's meeting (张总和他们老板周三谈 is theirs)
    invited = (
        raw_after.startswith(("再", "来"))  # (嚟 is folded to 来)
        or action.startswith("来")
        or bool(_HAND_HIM.match(action))
        or bool(_ASKS_THE_REP.match(action))
        or bool(_ASKS_US_BY.match(t, d.b))
        # (他说后天早上十点在他办公室见, 佢話…喺佢辦公室見: where he will see the rep)
        or bool(_SEEN_THERE.fullmatch(action))
        # (徐工韩总 8号访: a telegraphic note's visit too)
        or (action in _SHORT_MEETING and len(t) <= 16 and not re.search("他们|和|跟", t))
    )
    return not invited


_MEETS_THEIR_OWN = re.compile(
    r"(?:要|会)?(?:跟|和|与|同)(?:他们的?|[^\s,，。我咱]{0,4}?客户|集团|总部|领导|老板|董事会|股东)"
    r"[^\s,，。我咱]{0,6}?(?:开会|见面|碰头|谈|开视频会)"
)
_REP_RIGHT_AFTER = re.compile(
    r"[^\S\n]*(?:我|咱)(?!们)(?:来|再|先|就|会|要|得)?(?:把|给|发|送|寄|带|去|过去|打|约|联系|跟|和)"
)
_SEEN_THERE = re.compile(r"(?:在|喺)[^\s,，。;]{1,8}?(?:见面|見面|见|見|碰面|碰头)")
_SHORT_MEETING = frozenset(words("谈 访 见 拜访 回访 回电"))
_TASK_START = re.compile(r"(?:再|先|要)?(?:给|找|跟|和|去|到|约|发|送|寄|打|拜访|联系)")
# 他说下礼拜一下午两点有空让我过去一趟: the day he asks the rep to come
_ASKS_THE_REP = re.compile(r"(?:有空|有时间|方便|可以)?[,，\s]*(?:让|叫|要|请)我(?!们的)")
_PURPOSE_START = re.compile(r"(?:问|谈|聊|讲|送|带|顺便)")
# 他说下周二之前要我们把方案发过去: by that day he wants the rep's side to do it
_ASKS_US_BY = re.compile(r"\s*(?:之前|以前|前)?\s*(?:要|让|叫|请)(?:我们|咱们|我)(?!们?的)")


# 原计划下周三去新希望六和拜访蒲总，…，改成下周四上午: the plan given up names the errand the
# new day is for
_PLAN_GIVEN_UP = re.compile(
    r"(?:原计划|原定|原来约了?|本来约了?|原本约了?)[^,。;\n]{0,8}?"
    r"(?P<what>(?:去|到|回)[^,。;\n]{1,12}?(?:拜访|见|送|汇报|演示|交流|签)[^,。;\n]{0,8}|拜访[^,。;\n]{2,10})"
)
_MOVED_WORD = re.compile(r"改成|改到|改为|推迟到|推到|延到|挪到|调到|提前到")


_MOVED_BACK = re.compile(r"又[^,。;\n]{0,6}?(?:还是|改回)")


def _plan_given_up(d: _Dated) -> str | None:
    """The errand of a plan said as given up earlier in the sentence before or this one, when
    the day is the one it was moved to."""
    t, a = d.t, d.a
    if not _MOVED_WORD.search(t, max(0, a - 4), a):
        return None
    start = _sentence_start(t, max(0, _sentence_start(t, a) - 1))
    plan = _PLAN_GIVEN_UP.search(t, start, a)
    if plan is None or any(plan.start("what") <= w.span[0] < plan.end("what") for w in d.doc.whens):
        return None
    return _people_as_named(d.doc, d.people, _without_company(d.doc, plan["what"])) or None


def _task_said_around(d: _Dated) -> str | None:
    """A date said as its own clause between the task and what it is for (找中交二航局的戴总，
    礼拜四晚上七点，谈桥梁支座的战略合作): the task said before it, with its purpose after."""
    doc, t, a, b, ca, cb = d.doc, d.t, d.a, d.b, d.ca, d.cb
    before = t[ca:a]
    if (
        before.endswith(" ")
        and not d.w.deadline  # (给他发一下技术资料 周四前: the words keep "by Thursday")
        and not _FILLER.sub("", t[b:cb]).strip(" ,，。.吧")
        and _TASK_START.match(t, ca)
    ):  # (给张总打电话 明天下午三点: a telegraphic task, then its day after a space)
        return _people_as_named(doc, d.people, _without_company(doc, before.strip())) or None
    if _FILLER.sub("", t[ca:a] + t[b:cb]).strip(" ,，。.吧") or ca < 2:
        return None  # the date's clause says more than the date
    pa, pb = doc.clause(ca - 2)
    if pb > ca or pa < _sentence_start(t, a) or not _TASK_START.match(t, pa):
        return None
    said = t[pa:pb].strip(" ,，")
    if cb < len(t) - 1 and t[cb] in ",，":
        na, nb = doc.clause(cb + 1)
        if _PURPOSE_START.match(t, na):
            said += "，" + t[na:nb].strip(" ,，。")
    said = _people_as_named(doc, d.people, _without_company(doc, said))
    return said or None


# What comes the rep's way (打过来, 发过来): the customer's to send, not the rep's to do.
_COMES_TO_REP = re.compile(
    r"\s*(?:之前|以前|前)?\s*(?:肯定|会|就|才|能|可以|应该)?(?P<verb>[打汇转付发寄])过来[了吧]?\s*"
)
_THEY_PAY = re.compile(
    r"\s*(?:之前|以前|前)?\s*(?:肯定|会|就|才|能|可以|应该)+付(?:款|清|掉)?[了吧]?(?:$|[,，。;\s])"
)
# (货款五一之前能打过来然后我这边下周三把发票寄过去: their money, then the rep's own step)
_THEN_THE_REP = re.compile(r"(?:然后|那)?\s*我")
_MONEY = re.compile(r"款|钱|账|金")  # (定金, 保证金, 首付款)
_MONEY_REACH = 30  # how far before the day the money may be named
# (…的款, 货款, 尾款, 要钱 in an earlier clause — not 金经理, 钱总, 金华, 款式)
_MONEY_SAID = re.compile(r"[货尾回付打欠余首笔]款|的款|账款|定金|订金|保证金|(?<=[的把要])钱")


def _comes_to_rep(d: _Dated) -> bool:
    """款春节前肯定打过来, 合同下周发过来: what comes the rep's way — not the rep's own call back
    (我明天再打过来, 让我下周一再打过来) nor what the customer asked the rep to send."""
    if (
        _THEY_PAY.match(d.t, d.b)
        and not d.by_customer
        and not re.search(r"我(?!们)", d.t[d.ca : d.a])  # (我们那笔款: the money owed us)
        and _MONEY_SAID.search(d.t, max(0, d.ca - _MONEY_REACH), d.a)
    ):
        return True  # 他说我们上半年那笔款 呃 七月十号之前能付: their paying, told
    comes = _COMES_TO_REP.match(d.t, d.b, d.cb)
    if comes is not None and comes.end() < d.cb and not _THEN_THE_REP.match(d.t, comes.end()):
        comes = None  # (…打过来的钱: more of the clause, not the money coming)
    if comes is None or d.by_customer or "我" in d.t[d.ca : d.a]:
        return False
    if comes["verb"] != "打":
        return True
    # (问那批轴承的款，薛总说…春节前肯定打过来: the money said a clause or two before)
    # (货款的事王总没接电话明天上午打过来: a call said after the money is the rep's to make)
    money = [m.end() for m in _MONEY_SAID.finditer(d.t, max(0, d.ca - _MONEY_REACH), d.ca)]
    money += [m.end() for m in _MONEY.finditer(d.t, d.ca, d.cb)]
    return bool(money) and "电话" not in d.t[money[-1] : d.cb]


_A_PART_OF = re.compile(r"(?:初|中|底|中旬|上旬|下旬)$")
# A season's deadline said before 的 and a thing (把年前的账, 谈年底前的最后一批): it tells which
# thing, not by when (年前的对账单记得发给财务 is by then: no verb that takes the thing before it).
_SEASON_OF = re.compile(
    r"(?:(?<=[把问催谈聊对结算])|(?<=的是))"
    r"(?:(?:年前|年底前|年内|节前|春节前|过年前|月底前)的(?![时话])"
    r"|(?:年前|年底前|节前|春节前|过年前)那[批笔单])"
    # (吃了年前最后一顿饭: the last one before the new year, had)
    r"|(?:年前|节前|春节前|过年前)的?最后一[顿次餐场]"
    # (对了一下元旦沙漠音乐节的舞台灯光, 国庆促销活动的方案: a holiday naming an event)
    r"|(?:元旦|春节|国庆|中秋|端午|五一|圣诞|新年)[\u4e00-\u9fff]{0,6}?(?:节|晚会|活动|庆典|促销)的"
)

# …，定在下周三 / 就定在10月8号上午: the day the task said before it is set for
_SET_FOR = re.compile(r"\s*(?:就|时间|日子)?(?:定在|定于|约在|改在)\s*")


def _sets_the_day(doc: Doc, w: When) -> bool:
    """Whether ``w``'s clause says only 定在 and the day (…，定在下周三) — …，定在下周一去现场 has a
    task of its own after the day, and each day keeps its own."""
    ca, cb = doc.clause(w.span[0])
    return _SET_FOR.fullmatch(doc.t, ca, w.span[0]) is not None and not doc.t[w.span[1] : cb].strip(
        " ,"
    )


def _day_set_next(doc: Doc, i: int) -> bool:
    """Whether the next clause sets the day of this one's task (…，定在…)."""
    if i + 1 >= len(doc.whens):
        return False
    _, cb = doc.clause(doc.whens[i].span[0])
    nxt = doc.whens[i + 1]
    return doc.clause(nxt.span[0])[0] > cb and _sets_the_day(doc, nxt)


def _task_the_day_is_set_for(doc: Doc, people: People, ca: int) -> str | None:
    """他走之前我得把样件送到，定在下周三: the clause before, without its own day word."""
    if ca < 2:
        return None
    pa, pb = doc.clause(ca - 2)
    for w in doc.whens:
        if pa <= w.span[0] < pb and w.span[1] <= pb:
            pa = max(pa, w.span[1]) if w.span[0] - pa <= 1 else pa
    text = _people_as_named(doc, people, _without_company(doc, doc.t[pa:pb].strip(" ,")))
    return text if 2 <= len(text) <= 30 else None


_FIRST_DAY_TASK = re.compile(rf"(?:先|就|我)?(?:{_REP_STEP}|跟)")
# 后天上班第一天先给陈总打电话, 初八上班给芮总重新报个价: the day work starts, its task after it
_FIRST_WORKDAY = re.compile(
    rf"上班(?:第一天|后|以后)[,，\s]*|上班(?=\s*{_FIRST_DAY_TASK.pattern})\s*"
)
_NOT_TO_BE_HAD = re.compile(
    r"[^\S\n]*(?:都|也|肯定|应该|估计)?(?:见不到|见不着|没空|没时间|排不开|约不上|不方便"
    # (聽日去唔到, 明天去不了: the rep cannot go that day)
    r"|去唔到|去不到|去不了|唔得闲|冇空)"
)
_DAY_OFF = re.compile(
    r"\s*(?:开始|起|也|都|还)?(?:休息|放假|休假|停工|停产|不上班)(?![前之以])"
)  # (放假前: by then)
# A day, a deed and 的 before the matter it names (年底备货的事, 五一前要交的那批), asked or talked of.
_THING_OF_THE_DAY = re.compile(
    r"\s*(?:前|之前)?(?:要|该|得)?[\u4e00-\u9fff]{1,3}?的(?:事情?|那批|这批|那单|那笔)"
)
# (催周五交货的事: a day of the week or of the month is when the matter is due — a task)
_A_DAY_SAID = re.compile(r"周|礼拜|星期|[0-9一二三四五六七八九十]\s*[号日]|明天|后天")
_ASKED_OF = re.compile(r"(?:问|说|谈|聊|催|说的是|聊的是|谈的是)\s*$")


def find_follow_ups(
    doc: Doc, people: People, family: list[FamilyMention], claimed: set[int]
) -> list[FollowUpFact]:
    """The rep's own dated tasks: each date of the note is weighed by the rules above, and
    kept with what is to be done on it when none gives a reason it is not the rep's."""
    t = doc.t
    # with: its hour was guessed from 上午/下午, and where its date was said
    out: list[tuple[FollowUpFact, bool, tuple[int, int]]] = []
    deadlines: set[tuple[int, int]] = set()  # where a "by then" date was said
    carried: str | None = None  # a deadline's task, answered with the rep's own day
    away: set[int] = set()  # the dates read as someone's days away
    for i, w in enumerate(doc.whens):
        errand = _on_the_birthday(doc, w) if i in claimed else None
        if errand is not None:  # 农历三月初三生日，到时候订个蛋糕送过去
            out.append((FollowUpFact(w.day, errand), False, w.span))
            continue
        if i in claimed or _said_with_the_next(doc, i):
            continue
        if i - 1 in claimed and _SAME_DAY_AGAIN.fullmatch(t, doc.whens[i - 1].span[1], w.span[0]):
            continue  # 生日农历八月十五 正好中秋: the birthday's day named again, no task
        due = _due_ahead(doc, w)
        if due is None or _what_the_day_is(doc, i, w):
            continue
        hour = _hour_said_after(doc, i, due)
        if hour is not None:  # 礼拜四下午约了四点: the hour said after the part of the day
            due = hour
            claimed.add(i + 1)
        if t.startswith("左右", w.span[1]) and _A_PART_OF.search(t, w.span[0], w.span[1]):
            continue  # 月初左右再去一趟: about then, no day (周五左右给王总回个电话 keeps Friday)
        if _DAY_OFF.match(t, w.span[1]):
            continue  # 从2月5号休息到2月12号, 周五放假: a day off, no task
        if _NOT_TO_BE_HAD.match(t, w.span[1]):
            continue  # 年前见不到了, 周三没空: no meeting then, no task
        if _NEW_YEAR_GONE.fullmatch(t, *w.span) and _just_after_spring_festival(doc.today):
            continue  # 年前聊的时候 written in 正月: the weeks before the festival just gone
        if _HEADS_A_LIST.match(t, w.span[1]) and _days_listed_after(doc, i):
            continue  # 春节前的安排，…：1月26号下午送年货: the heading of a list of days
        if _SEASON_OF.match(t, w.span[0]):
            continue  # 把年前的账对一下, 年底前的最后一批催化剂: which one, not when
        if (
            _THING_OF_THE_DAY.match(t, w.span[1])
            and _ASKED_OF.search(t, max(0, w.span[0] - 4), w.span[0])
            and not _A_DAY_SAID.search(t, *w.span)
        ):
            continue  # 问年底备货的事, 说的是五一前要交的那批酒盒: which matter, not a task
        if w.span in doc.event_spans:
            continue  # 下周二开局务会…局务会第二天再打电话: their day, told to count from
        d = _Dated(doc, people, w)
        if _listed_with_theirs(doc, people, i):
            continue  # 甘总下周一、周二在公司开年度预算会: the first of his listed days, his too
        if _day_set_next(doc, i):
            continue  # 国庆前约周总吃个饭，定在9月29号晚上: the day is set in the next clause
        if _theirs_in_a_chat(d):
            continue
        their_trip, joined = _trip_around(d)
        if their_trip or _theirs_said_after(d):
            away.add(i)
            continue
        if _their_days_go_on(d, i, away | claimed):
            away.add(i)
            continue  # 胥总下周一二在昆明 周三在北京民航局: the next of the leader's days
        found = _found_action(d)
        if (
            found is not None
            and not d.by_customer
            and w.span in doc.agreed_spans
            and _ONLY_ARRIVING.fullmatch(found)
        ):
            found = None  # (那就9点半开始, 那就四点，我们准时到: the hour, the errand said before)
        if found is not None and _ONLY_MOVED.fullmatch(found):
            # (陈总那边的拜访从明天推迟到后天: read at the old day, the thing moved said before it)
            before = _FROM_BEFORE.sub("", t[d.ca : d.a]).strip(" ,，")
            before = _ONCE_SAID.sub("", before)  # (原来约的周三…推迟到周四: the plan, not its name)
            found = _people_as_named(doc, people, _without_company(doc, before)) or None
        meeting = _MEETING_IS.search(t, max(0, d.a - 20), d.a)
        if found is not None and not found.startswith(("不是", "而不是")):
            meeting = None  # (见面是周二，在他们厂里: what is said after it is the task)
        if meeting is not None:  # 跟王经理见面是周二: the meeting said before its day
            said = t[doc.clause(meeting.start())[0] : meeting.start("tail")].strip(" ,，")
            said = said.rpartition(":")[2].strip()  # (刚才那条记错了：去大族激光见季经理是…)
            if said.endswith("约的"):  # (和单经理约的是10月9号: the meeting)
                said = said.removesuffix("约的") + "见面"
            found = _people_as_named(doc, people, _without_company(doc, said)) or None
        if found is None and (
            _a_date_alone(d)
            or _WHEN_IT_IS.search(t, d.ca, d.a)
            or _BIRTHDAY_SAID.search(t, d.ca, d.a)
        ):
            hour = _hour_said_last(doc, w, out)
            if hour is not None:  # 这个礼拜四带技术过去做交流，上午九点半: that errand's hour
                out[-1] = (FollowUpFact(hour, out[-1][0].action), *out[-1][1:])
            continue  # (contract renewal 在 8 月底, 年会在1月28号: when something is, no task)
        if (
            found is not None
            and _HELD.fullmatch(found)
            and (_WHEN_IT_IS.search(t, d.ca, d.a) or _WILL_SIT.search(t, d.ca, d.a))
        ):
            continue  # 董事会是周三开, 定点会在6月底开: when their meeting sits, no task
        if _a_deadline(d) and _ANSWERED_AFTER.match(t, d.cb):
            carried = _action(doc, w, people)  # (what is sent on the rep's own day)
            continue  # 让我6月4号前把数据补交，我这周四就发: the rep's own day is the task
        if _a_deadline(d) and _rep_sets_the_day(d):
            continue  # 年前一定要见一面，我定了腊月二十去长沙拜访他: the day set is the task
        if found is None and _PUT_OFF_THEN.search(t, d.b, d.cb):
            continue  # 他说五一后上班再说: put off to a day, nothing set for it
        if (
            found is None
            and _BIRTHDAY_WORD.search(d.sentence)
            and not _FOR_THE_BIRTHDAY.search(d.sentence)
        ):
            continue  # Client's birthday: Mr. Ho, Dec 28 — a birthday told, nothing to do on it
        action = found or "跟进"
        if _sets_the_day(doc, w):
            action = _task_the_day_is_set_for(doc, people, d.ca) or action
        if found is not None:
            action = _chased(d, action)
        if found is not None and _BARE_SEND.fullmatch(found):
            action = _made_before(d) + action  # 我们得准备资料，7月5号前发过去 → 准备资料发过去
        wanted = _wanted_by(t, d.b, action)  # 王局长说下周三之前要看到方案: the rep's to prepare
        action = wanted or _meeting_at(doc, w, people, action) or action
        if due == doc.today and not isinstance(due, datetime) and not _planned_today(d, action):
            continue
        what = _what_is_done(d, action)
        if what is None:
            continue
        action = what
        told = _TOLD_TO_CALL.match(action) if d.by_customer else None
        if told is not None:  # 你再联系我 → 再联系陶经理
            action = f"{told['again'] or ''}{told['verb']}{_label_at(people, d.a) or ''}"
        owed = _answer_owed(d)
        if owed and action in ("回复", "答复", "回话"):
            whom = _label_at(people, d.a)
            action = action + whom if whom else action  # (周五前回复他 → 回复王总)
        if _theirs_to_do(d, action, owed):
            away.add(i)  # (龚总 周二 上海 / 周三 南京: his first listed day, the list goes on)
            continue
        if _no_task_meant(d, action) or _someone_elses(d, family):
            continue
        if _comes_to_rep(d):
            continue  # 款春节前打过来, 合同下周发过来: theirs, coming this way
        if _their_process(d, action) or _they_do_it(d):
            away.add(i)  # (孔总下周一上午开党委会，下午去济南: his day, his next leg goes on)
            continue
        if _their_own_doing(d, action, wanted is not None):
            hosted = _TO_HOST.search(t, d.b, _sentence_end(t, d.b))
            if hosted is None:
                away.add(i)  # (下周一姜总去株洲，周二从株洲去广州: his next leg goes on)
                continue
            # 赵主任12月15号带人来工厂参观 提前一天安排好接待: their visit, the rep's to host
            action = hosted["task"]
            if hosted["early"]:
                due = due - timedelta(days=1)
                if _day_of(due) < doc.today:
                    continue
        cb = d.cb
        early = _EARLY.search(t, d.b, doc.clause(cb + 1)[1] if cb < len(t) else cb)
        if early is not None:  # 3月1号合同到期,提前一周提醒我续签: the reminder comes first
            due = due - _early_by(early)
            said = t[early.end() : doc.clause(early.start())[1]]
            action = _FILLER.sub("", said).strip() or action
            if _day_of(due) < doc.today:
                continue
        same_due = next(
            (
                k
                for k, (f, _, span) in enumerate(out)
                if f.due == due and not _other_items(t, span, w.span)
            ),
            None,
        )
        if same_due is not None and out[same_due][0].action not in _WEAK_ACTIONS:
            continue
        moved_to = _MOVED_TO.search(t[d.ca : d.a]) if action == "跟进" else None
        # (only when whoever moved it is named, not the thing: 物流说送货改到下周二 moves the goods)
        said_by = moved_to is not None and re.search(r"(?:说|讲|话|表示)$", moved_to["what"])
        given_up = _plan_given_up(d) if said_by or (moved_to is None and action == "跟进") else None
        if given_up is not None and _MOVED_BACK.search(t, d.b):
            given_up = None  # (…改到下周四，过了半小时又说还是周二吧: moved back again)
        if given_up is not None:  # 原本约周五回徐州签框架协议，…说改到下周二: that errand, moved
            action, moved_to = given_up, None
        if moved_to is not None:  # 周三的演示改到下周一上午: the thing moved is that day's
            moved = moved_to["what"]
            if (
                _INTERNAL.search(moved)
                or _THEIR_MEETING.search(moved)
                # (他们跟ABB的谈判推到下周二, 客户和总包的合同谈判延到月底: talks of theirs)
                or _THEIR_TALKS.search(t, d.ca, d.a)
                # (送货改到下周一，我得去)
                or not (
                    _MEETING_MOVED.search(moved)
                    or d.rep_part
                    # (样品测试推到下周三，我到时候去现场看: a test the rep is at, said so)
                    or (
                        _A_TEST.search(moved)
                        and _REP_AT_IT.search(t, d.b, _sentence_end(t, d.b)) is not None
                    )
                )
            ):
                away.add(i)  # (原定周一去长沙，现在改到周二，周四从长沙直接去广州: his legs go on)
                continue  # 开标推迟到10月27号, 交货推迟到月底: their step moved, still theirs
            action = moved
            to_whom = _CALL_TO.search(t, d.ca, moved_to.start() + d.ca) if moved == "电话" else None
            if to_whom is not None:  # 给李总的电话推迟到下周一: the call to him
                action = f"给{to_whom['who']}打电话"
        # (给扬子石化的霍处打个电话，明天下午三点，问排期; 明天月底了，记得催回款)
        if action == "跟进" or re.fullmatch(_DAY_WORD, action):
            reminded = _REMINDED_THEN.search(t, d.b, _sentence_end(t, d.b))  # 记得给王局发个祝福
            if reminded and any(d.b <= v.span[0] < reminded.start() for v in doc.whens):
                reminded = None  # (the reminder is another day's)
            task = reminded["task"].strip().removeprefix("我") if reminded else None
            action = task or _task_said_around(d) or _plan_given_up(d) or action
        action = _continued(doc, people, w, action)
        if joined:
            action = joined
        if carried and _BARE_SENDING.match(action):
            action, carried = carried, None  # 我这周四就发 → 把包材的稳定性数据补交
        asked_of = _ASK_TAIL.search(action) is not None
        action = _ASK_TAIL.sub("", action).removeprefix("我") or action  # (…汇报可以吗, agreed)
        if d.by_customer or asked_of:
            # (明天上午你给我回个电话 → 给孙经理回个电话; 下周二能见一面吗？… → 见一面)
            action = re.sub(r"^(?:你们|你|能)(?=[\u4e00-\u9fff]{2})", "", action)
        action = SPOKEN_FILLER.sub("", action).strip() or action  # 把那个报价发给他 → 把报价发给他
        if _EN_MOVED_TO.fullmatch(action):  # (…cancelled tomorrow's meeting, reschedule to Fri)
            whom = _label_at(people, d.a)
            action = f"meeting with {whom}" if whom else "meeting"
        if doc.chat:  # (18:40 苗经理：明天的会改成视频吧: the line's stamp and speaker are no task)
            action = _CHAT_LINE_HEAD.sub("", action) or action
        # (约了…三个人吃饭：分管网络的副总…: who they are is no part of it)
        head, colon, _rest = action.partition(":")
        if colon and len(head) >= 4 and not re.search(r"[A-Za-z]", head):
            action = head.strip()
        # (…送过去他电话15913420867: dictated on, the number is no part of the task)
        action = _NUMBER_SAID_ON.sub("", action).strip() or action
        action = _said_in_spaced_words(doc, w, action)
        if _NO_DEED.fullmatch(action):
            continue  # (节前说好的, 周末嗯就是礼拜六去了, 生日是…我得记着: no task said with the day)
        if same_due is not None:
            fact, guessed, span = out[same_due]
            if action not in _WEAK_ACTIONS:  # (改四点 … 好，下周一下午四点我带机器过来: the errand)
                fact = FollowUpFact(due, action)
            # (孔主任：…下午吧 ⏎ 我：那就下周二下午两点: the hour said outright, no guess)
            out[same_due] = (fact, guessed and w.part_of_day is not None, span)
            continue
        out.append((FollowUpFact(due, action), w.part_of_day is not None, w.span))
        if _a_deadline(d):
            deadlines.add(w.span)
    out += _slots_offered(doc, out)
    out += _days_before(doc, out)
    return _most_precise(_a_day_of_the_week(_met_early(out, deadlines), t), t, doc.chat)


# A chat line's head: its stamp and the speaker (18:40 苗经理：, [14:41] 我：).
_CHAT_LINE_HEAD = re.compile(
    r"^\s*(?:[\[(]?\d{1,2}:\d{2}[\])]?[ ]*)?[^\n:：\d\[\]()]{1,8}?(?:[ ]+\d{1,2}:\d{2})?[ ]*[:：][ ]*"
)


# An hour agreed in a chat, said with no errand of its own.
_ONLY_ARRIVING = re.compile(r"(?:开始|是吧|见|到|(?:我们)?准时到)[。!]?")


# English "after" a day makes it a time from which, no day (let's meet after 元宵; after 3pm
# is that day's hour).
_VAGUE_AFTER = re.compile(r"(?i)(?a:\b)after\s*$")
# 约下周见面: a week to meet in, what another task is for (no day to remind at).
_PURPOSE_OF = re.compile(r"约\s*下下?个?(?:周|礼拜|星期)$")
# In a customer's chat line, what they do themselves or for the rep: 明天我从郑州东站出发,
# 周一上午十点我们开行务会, 合同法务会在春节前发给你们.
_THEIRS_IN_CHAT = re.compile(
    # (我下周一周二在外面开会: where they will be)
    # (明天我们验收, 周三我们盘点: their own work that day)
    r"\s*(?:我(?!们)(?!.{0,3}你)|我们(?:要|先|内部)?(?:开[^\s,。]{0,5}会|验收|盘点|检修|停产|放假)|都?在[^\s,。]{1,8}?(?:开会|出差|培训|学习)|"
    r"[^\s,。]{0,12}?(?:发|给|寄|送|传)给?你们|"
    # (下周一我给你回电话, 下周发你: what they will send or do for the rep)
    r"我[^\s,。]{0,8}?(?:给你回|回你|发给?你|告诉你|通知你)(?!们)|"
    # (这周五之前给你结果: an answer they owe the rep)
    r"[^\s,。]{0,6}?给你们?个?(?:结果|答复|回复|消息|回话|答案|反馈|准信)|"
    # (2月3号前我们要做完供应商导入: what they must get done themselves)
    # (周五前我们要收到报价单, 我们得把合同签了: what the rep is to send, or both sign)
    r"(?:(?:之|以)?前\s*)?我们(?:要|得|必须)(?!收到|看到|拿到|见到)(?![^\s,。]{0,8}(?:你|您|签)))"
)


# 明天去万科拜访张总, 带上报价单 / 顺便问一下付款进度 / 说下样品的事 / Call 刘工 tomorrow re
# drawings rev B: the words that go with the task, up to the end of their clause; and an
# English task that ends on whom it is with (con call w/ 张总 and 采购 Linda) keeps them.
_GOES_WITH = re.compile(
    r"[\s,]*(?P<more>(?:带上|带着|顺便|顺带|说下|说一下|聊下|聊一下|问下|问一下|问问|"
    r"(?i:re|regarding|about)(?a:\b))[^,;。!?\n]{1,30})"
)
_WITH_END = re.compile(r"(?i)(?a:\b)(?:w|with|and)$")
_REST_OF_CLAUSE = re.compile(r"/?[^,;。!?\n]{1,40}")


_HAN_PAIR = re.compile(r"[\u4e00-\u9fff]{2}")
# Words every task shares (发给他, 把…送过去, 一下): no sign two tasks are one.
_TASK_GLUE = frozenset(
    words(
        "发给 给他 给她 送过 过去 过来 上来 上去 一下 我们 他们 你们 先把 再把 把这 把那 寄给 交给 打给 "
        "提交 递交 整理 准备 发送"
    )
)


def _same_thing(a: str, b: str) -> bool:
    """Whether two tasks speak of one thing: a word of two characters in both that is no
    task's glue (把年度报价报上来 / 去成都当面交报价 — 报价)."""
    pairs = (a[i : i + 2] for i in range(len(a) - 1))
    return any(_HAN_PAIR.fullmatch(w) and w not in _TASK_GLUE and w in b for w in pairs)


_WEEK_ALONE = re.compile(r"(?:下下|下)个?(?:周|礼拜|星期)")


def _a_day_of_the_week(
    found: list[tuple[FollowUpFact, bool, tuple[int, int]]], t: str
) -> list[tuple[FollowUpFact, bool, tuple[int, int]]]:
    """下周要跟进: … 下周二下午3点电话罗经理 — the week said alone with no task of its own is
    kept only when no other reminder of the note falls in it (its Monday stood for "some day
    that week")."""
    days = [_day_of(f.due) for f, _, span in found if not _WEEK_ALONE.fullmatch(t, *span)]
    return [
        (f, guessed, span)
        for f, guessed, span in found
        if not _WEEK_ALONE.fullmatch(t, *span)
        or f.action not in _WEAK_ACTIONS  # (下周回访张总: a task of its own)
        or not any(0 <= (d - _day_of(f.due)).days < 7 for d in days)
    ]


# 先把去年的报价单整理一下: a step that only prepares the thing, not the thing handed over.
_PREPARES = re.compile(r"整理|准备|做好|核对")


def _met_early(
    found: list[tuple[FollowUpFact, bool, tuple[int, int]]], deadlines: set[tuple[int, int]]
) -> list[tuple[FollowUpFact, bool, tuple[int, int]]]:
    """A deadline the rep then gives an earlier day of their own for the same thing (让我15号前
    把年度报价报上来 … 我12号上午去成都当面交报价): one reminder, on the rep's day."""
    return [
        (f, guessed, span)
        for f, guessed, span in found
        if span not in deadlines
        or not any(
            g_span[0] > span[1]
            and _day_of(g.due) < _day_of(f.due)
            and _PREPARES.search(g.action) is None
            and _same_thing(f.action, g.action)
            for g, _, g_span in found
        )
    ]


def _continued(doc: Doc, people: People, w: When, action: str) -> str:
    """The task's words with those that go with it after it (see _GOES_WITH)."""
    t = doc.t
    a, b = w.span
    tail = action[-3:]
    at = t.find(tail, a)
    # (Call 刘工 tomorrow …: the task was said before its day, its words go on after it)
    end = at + len(tail) if 0 <= at < doc.clause(a)[1] else b
    if _WITH_END.search(action):  # con call w/ 张总 and 采购 Linda: the people it is with
        rest = _REST_OF_CLAUSE.match(t, end)
        if rest is None:
            return action
        said = _people_as_named(doc, people, _without_company(doc, rest[0])).strip()
        slash = said.startswith("/")
        return action + ("/ " if slash else " ") + said.lstrip("/ ")
    if action == "跟进":
        return action
    m = _GOES_WITH.match(t, end)
    if m is None:  # 见何经理，讲排班系统: what the person is seen for
        errand = _errand_after(doc, end)
        if errand.strip(" ,，") and errand.strip(" ,，") in action:
            return action  # (七月十号之前，把…发给秋工: the step was taken from there already)
        return action if "，" in action else action + errand
    if m["more"] in action:
        return action
    if any(end <= v.span[0] < m.end() for v in doc.all_whens):
        return action  # 带上报价单 下周三再去: another day's
    more = _CONTACT_TAIL.split(m["more"])[0].strip()  # (…结果 他手机是139…: the number is no task)
    more = re.sub(r"[他她]$", "", more).strip()
    return action + " " + more if more else action


# 王局长说下周三之前要看到方案, 他说下周三前要看到报价: what the customer wants by a day is the
# rep's to send (发方案) or prepare (准备样机) by then.
_WANTS = re.compile(r"\s*(?:之前|以前|前)?\s*(?:需要|要|得|想)")
_WANTS_SEEN = re.compile(
    r"(?:想|要)?(?:(?:看到|看|睇到|睇|收到|拿到|一?份)(?:(?:我们|我方|咱们)的?(?=\s*[A-Za-z])\s*)?|(?:我们|我方|咱们)的?\s*"
    # (他们 May 8 之前要 delivery schedule, 她 Feb 3 之前要 signed copy: a thing asked for)
    r"|(?=(?i:final|revised|quot|proposal|updated|signed|delivery schedule|feedback|samples?(?![a-z])"
    r"|specs?(?![a-z])|drawings?(?![a-z])|report|invoice|datasheet|certificate|pricing|deck(?![a-z]))))"
    # (佢話月尾之前要收到我哋嘅 revised proposal: a thing named in English, spaces and all)
    r"(?P<thing>[^\s,;。!?]{1,12}|[A-Za-z][A-Za-z ]{1,24}[A-Za-z])"
)
_SENT_THING = re.compile(r"方案|报价单|资料|合同|文件|清单|标书|计划|材料|样本|ppt|PPT")


def _wanted_by(t: str, b: int, action: str) -> str | None:
    seen = _WANTS_SEEN.fullmatch(action) if _WANTS.match(t, b) else None
    if seen is None:
        return None
    thing = seen["thing"]
    if thing.startswith(("报价", "quot")):
        return thing
    if re.search(r"(?i)quote|proposal", thing):
        return thing
    return ("发" if _SENT_THING.match(thing) else "准备") + thing


# 顺丰吴总监 周四下午3点会: a meeting at an hour, under the person the note is headed by, is the
# rep's meeting with them (张总周四开会 alone is his own: no hour, no space between).
_MEETING = re.compile(r"开?会(?=$|\s*(?:过|谈|讨论|聊|对|商量|沟通|看|定))")


def _meeting_at(doc: Doc, w: When, people: People, action: str) -> str | None:
    """…周四下午3点会 / 开会过一下合同 → 和吴总开会 (过一下合同)."""
    meeting = _MEETING.match(action)
    if meeting is None or not w.has_time or w.part_of_day is not None:
        return None
    a = w.span[0]
    if not any(m.end < a and not doc.t[m.end : a].strip() for m in people.mentions):
        return None
    label = _label_at(people, a)
    topic = action[meeting.end() :].strip()
    return (f"和{label}开会" + (f" {topic}" if topic else "")) if label else None


# 好的阚科长 下周一上午九点到: the person spoken to, not the one who acts.
_ADDRESSED = re.compile(r"(?:好的|好嘞|好|收到|谢谢|嗯|OK|ok)[\s,!]*$")
# (我答应张总周五前送过去, 告诉刘工下周一: the person is told or promised, not the doer)
_TOLD_BY_REP = re.compile(rf"(?:{TOLD_BEFORE_A_NAME}|保证)了?\s*$")
# Voice input's fillers right after a day, each said alone between spaces (今晚 呃 请…).
_LEAD_FILLER = re.compile(r"(?:\s*(?:呃+|嗯+|那个|就是说|就是|然后|对)(?=\s))+\s+")
_AFTER_HOUR = re.compile(r"\s*(?:以后|之后|后(?![天年]))")
# What the rep prepares for a customer's own coming (来工厂参观 … 要安排接待).
_TO_HOST = re.compile(
    r"来[^,，。;\n]{0,10}?(?:参观|考察|拜访|交流|验厂|开会)[^。;\n]{0,4}?"
    r"(?P<early>提前一天)?\s*(?:要|得|需要|记得)?\s*(?P<task>(?:安排|准备)好?[^\s,，。;]{1,8})"
)
_EARLY = re.compile(
    r"提前\s*(?P<n>\d+|[一二两三四五六七八九十])\s*(?P<unit>天|日|周|个?星期|个?礼拜)\s*提醒我?"
)


# 下周四去恒安汇报，提前一天把PPT发给他助理 / 下个月3号秦经理生日，记得提前一天订花: a task
# of the rep's some days before a day said just before it (a visit of theirs or a birthday).
_DAYS_BEFORE_TASK = re.compile(
    r"提前\s*(?P<n>[一两二三1-3])\s*天(?!提醒)\s*(?:要|得|记得|再|先)?\s*(?P<task>[^,;。!?\n]{2,24})"
)


_A_RULE_SAID = re.compile(r"说|要求|规定")
# (他会提前一天打电话, 客户会提前两天通知, 张总秘书会…, 司机提前一天来接: someone else early —
# 合同模板提前一天发您邮箱 is the rep's, the thing said first)
_SOMEONE_ELSE_EARLY = re.compile(
    r"(?:会|一般|都|[他她]们?|客户|司机|秘书|助理|仓库|物流|厂家|对方|师傅|总|经理|主任|工)\s*$"
)
_GONE = re.compile(r"^走|了$")


def _days_before(
    doc: Doc, out: list[tuple[FollowUpFact, bool, tuple[int, int]]]
) -> list[tuple[FollowUpFact, bool, tuple[int, int]]]:
    """The tasks said as so many days before an event (提前一天把材料发过去); the event's own bare
    跟进 is taken out of ``out`` in place (the event is theirs, the day before is the rep's)."""
    t = doc.t
    days = {_day_of(f.due) for f, _, _ in out}
    added: list[tuple[FollowUpFact, bool, tuple[int, int]]] = []
    for m in _DAYS_BEFORE_TASK.finditer(t):
        start = _sentence_start(t, m.start())
        said = [w for w in doc.all_whens if start <= w.span[0] and w.span[1] <= m.start()]
        task = _TRAIL.sub("", m["task"]).strip()
        if not said or doc.date_at[m.start()] or task.startswith("提醒"):
            continue
        before = t[doc.clause(m.start())[0] : m.start()]  # (what the clause says before 提前)
        if _A_RULE_SAID.search(before):
            continue  # (蒯主管说送货要提前三天在系统里预约: their rule, no day of the rep's)
        if _SOMEONE_ELSE_EARLY.search(before):
            continue  # 他会提前一天打电话, 客户会提前两天通知, 司机提前一天来接: not the rep's
        if _GONE.search(m["task"]) or "上次" in before:
            continue
        n = cn_to_int(m["n"]) or 0
        # (下周五开会，明天先跟他约好，提前一天把材料发过去: before the latest day said, the event)
        # (…，合同月底前签，提前一天把样品寄过去: a deadline is no event to count back from)
        events = [w for w in said if not w.deadline] or said
        event = max(_day_of(w.start) for w in events)
        day = event - timedelta(days=n)
        if day < doc.today or day in days:
            continue
        days.add(day)
        added.append((FollowUpFact(day, task), False, m.span("task")))
        # (测试定在下下周一，我们的设备得提前一天送到: the event's day said bare is theirs)
        out[:] = [o for o in out if not (_day_of(o[0].due) == event and o[0].action == "跟进")]
    return added


def _early_by(m: re.Match[str]) -> timedelta:
    count = cn_to_int(m["n"]) or 0  # (the pattern allows only a count: 3, 三, 两)
    return timedelta(days=count * (1 if m["unit"] in ("天", "日") else 7))


_PART_GIVEN_UP = re.compile(r"改到|改成|改在|推到|本来|原定|原来定")


def _most_precise(
    found: list[tuple[FollowUpFact, bool, tuple[int, int]]], t: str, chat: bool = False
) -> list[FollowUpFact]:
    """One day said twice (下周三下午 … 三点): keep the reminder with the hour said, not the
    day alone or the part of the day's guessed hour."""
    # the half-days an hour was said for (明早先跟马厂长确认数量，下午三点再去约车: two tasks)
    halves = {
        (f.due.date(), f.due.hour < 12)
        for f, guessed, _ in found
        if isinstance(f.due, datetime) and not guessed
    }
    exact = {day for day, _ in halves}
    timed = exact | {f.due.date() for f, _, _ in found if isinstance(f.due, datetime)}
    # One part of the day given up for the hour said: in a chat (明天上午我过去 … 下午吧 … 下午三点到)
    # or said so (明天上午本来要去，改到下午了，下午三点过去) — the whole day's hour is the task's.
    one_part = chat or _PART_GIVEN_UP.search(t) is not None
    kept: list[tuple[FollowUpFact, tuple[int, int]]] = []
    dropped: list[tuple[FollowUpFact, tuple[int, int]]] = []
    for f, guessed, span in found:
        if isinstance(f.due, datetime):
            if guessed and (
                f.due.date() in exact if one_part else (f.due.date(), f.due.hour < 12) in halves
            ):
                dropped.append((f, span))
                continue
        elif f.due in timed:
            dropped.append((f, span))
            continue
        kept.append((f, span))
    # 下周四下午去万科 三点半到: the hour is said apart from what to do, just after the day
    # that says it (on the same line)
    out: list[FollowUpFact] = []
    for f, (a, _) in kept:
        if f.action in _WEAK_ACTIONS and isinstance(f.due, datetime):
            said = next(
                (
                    d.action
                    for d, (x, y) in dropped
                    if _day_of(d.due) == f.due.date()
                    and d.action not in _WEAK_ACTIONS
                    # (in a chat the hour may come in a later message: 下周一来签合同 … 下周一
                    # 上午十点到)
                    and y <= a
                    and (chat or (a <= y + _reach(t, a) and "\n" not in t[y:a]))
                ),
                None,
            )
            if said is not None:
                f = FollowUpFact(f.due, said)
        out.append(f)
    return out


def _reach(t: str, a: int) -> int:
    """How far back an hour said apart reaches for its day's task: a clause or two when it
    is the hour agreed (…开会,谈车队管理系统,约了下午三点), else the words just before."""
    return 30 if _AGREED_HOUR.search(t, max(0, a - 3), a) else 12


_AGREED_HOUR = re.compile(r"约[了好咗定]|定了|定在")

# What a reminder says when its words are elsewhere (三点半到, 下午两点 alone).
_WEAK_ACTIONS = frozenset(words("跟进 到 来 去 过去 过来 见 碰头"))


def _day_of(due: date | datetime) -> date:
    return due.date() if isinstance(due, datetime) else due
