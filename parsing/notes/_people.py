"""Who the note is about: mentions (王建国局长, 张总, 小李, 他) grouped into contacts."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import datetime
from itertools import pairwise

from parsing.romanized import may_spell, surnames_spelled

from ._doc import DAYS_SPANNED, Doc, is_cjk, schedule_head
from ._latin import (
    LATIN_SURNAMES,
    acronym_before,
    chinese_name_after,
    chinese_surname_after,
    english_title_before,
    find_latin_names,
    past_paren,
    surname_mentions,
)
from ._lexicon import (
    COMPOUND_SURNAMES,
    PLACE_RE,
    RARE_SURNAMES,
    SAID_BEFORE_A_NAME,
    SHORT_TITLES,
    SURNAMES,
    TITLE_AT_END,
    TITLE_RE,
    TITLES,
    WORDS_AS_SURNAMES,
    TitleInfo,
    surname_of,
    title_info,
    words,
)
from ._model import ContactFact, FollowUpFact

__all__ = [
    "Mention",
    "People",
    "find_people",
    "finished",
    "is_blank",
    "label_of",
    "mark_task_only",
    "salutation_of",
    "surname_of",
    "the_rep_addressed",
]

# Characters that end a name when scanning outwards from a title.
NAME_STOP = frozenset(
    "的了在是和跟与给从对把被访见找约陪请帮说让为由里他她们这那个位及或去到来问叫同再又也都还"
    "就才已要会能送带打加拜谈聊吃喝食饮倾通电话微信司院局部厂行科处室所委厅校店团队站组班办市省区县心副总"
    "小老今昨前后每该和级分听账款"  # (应付账款主管: no 付账款)
)
# 总是 / 总共 / 总部 … are not 张总.
_AFTER_ZONG = frozenset("共之体结价额部计算数量包站公院行得归括")
_AFTER_SHORT = frozenset("理于置罚分作资厂地程业人具期艺商会长费序区集公股有事")
# Words that end like a short title after a surname character: 古董, 步行, 银行 ...
_NOT_SHORT = frozenset(
    words("古董 步行 单行 同行 平行 通行 易行 罗行 施工 开工 监工 计院 计局 计处 安局")
    # the big banks said short (农行省分行): a bank, never 农行长
    + words("农行 工行 建行 中行 交行 招行")
)
_IN_CHARGE = frozenset(words("分管 主管 监管 兼管 协管 代管"))
_HOSPITALS = frozenset(words("北荣总 中荣总 雄荣总"))
_BANK = re.compile(r"银行|行长|宁银|建行|农行|招行|工行|中行|交行|分行|支行")
_XIAO_LAO_NOT = frozenset(
    words(
        "小于 小路 老路 小钱 小康 老成 老农 小巴 老房 小房 老车 小车 小包 老景 小麦 小管 小龙 小白 "
        "小时 老实 老乡 老家 小心 小组 老宋江"
    )
)
# 小程序, 老百姓: three characters that make a word of 小程, 老百.
_XIAO_LAO_WORDS = frozenset(words("小程序 老百姓 小金库 老干部 小卖部 老字号 小时工 小伙子 老毛病"))
# 苗工有影响: a role said right after a short title (工有 is otherwise a word's middle).
_SAYS_SO = ("有影响", "有话语权", "说了算")
_NAME_TRIGGER = re.compile(
    # (联系人叫做吴明华: 叫做 whole after the word that leads to the name)
    r"(?:联系人|对接人|名叫|叫做|姓名|名字)(?:是|叫做|叫|为|:)?\s*|"
    # (采购员汤小燕, 设备员李华: the staff named by what they do, no title to address them by;
    # 业务员 and 专职 were tried: 业务员高兴地说, 专职安全员 read words as names)
    r"(?:采购员|设备员|办事员)\s*|"
    r"(?i:(?a:\b)(?:contact(?:\s+person)?|name)\s*:)\s*"  # New contact: 葛晓明, CFO
)
_PRONOUN = re.compile(r"(?<!其)(?:他|她|对方)(?!们)")
_XIAO_LAO = re.compile(r"(?<![大最很太较比更多])[小老]")


@dataclass
class Mention:
    """One place where a person is named or referred to."""

    start: int
    end: int
    surname: str | None = None
    name: str | None = None
    title: str | None = None
    form: str | None = None  # 小李 / 老王
    pronoun: bool = False
    contact: int = -1


_INITIALS = re.compile(r"^[A-Z]{2,4}[ ]?(?=[\u4e00-\u9fff])")


def _title_info(title: str) -> TitleInfo | None:
    """The addressing rule of a title, also one said after a department's initials (IE经理
    is addressed as 经理)."""
    return title_info(title) or title_info(_INITIALS.sub("", title))


def salutation_of(c: ContactFact) -> str | None:
    """How the contact is spoken to: the form said in the note (小李, 王女士), else the surname
    and the title's address (王 + 局长 → 王局长); None when neither is known."""
    if c.salutation:
        return c.salutation
    info = _title_info(c.title) if c.title else None
    if c.surname and info is not None and info.address:
        return c.surname + info.address
    return None


def label_of(c: ContactFact) -> str | None:
    """How a reminder or an itinerary names this contact."""
    return salutation_of(c) or c.name or c.surname


# (VP and SVP are left out: the sets mark a bank's VP no leader; Asst GM, former CEO neither)
_EN_LEADERS = frozenset(words("gm ceo md coo cto chairman president"))
_NOT_LEADING = frozenset(words("asst assistant former ex vice"))
_EN_LEADERS_SPELLED = frozenset(("general manager", "managing director"))


def finished(c: ContactFact) -> ContactFact:
    """The contact as the note gives it: its salutation spelled out, a key leader by the
    title too (局长, 总 …), and lists of its own."""
    info = _title_info(c.title) if c.title else None
    # (GM, VP, CEO, Chairman … said in English: a leader, as 总 and 董事长 are)
    said = c.title.lower().split() if c.title and c.title.isascii() else []
    said_in_english = (
        bool(said)
        and (said[-1] in _EN_LEADERS or " ".join(said[-2:]) in _EN_LEADERS_SPELLED)
        and not _NOT_LEADING & set(said)
    )
    return replace(
        c,
        salutation=salutation_of(c),
        is_key_leader=c.is_key_leader or bool(info and info.key) or said_in_english,
        phones=list(c.phones),
        hobbies=list(c.hobbies),
        family=list(c.family),
    )


def is_blank(c: ContactFact) -> bool:
    return finished(c) == ContactFact()


class People:
    """Contacts and the mentions that refer to them, in text order."""

    def __init__(self) -> None:
        # Contacts while the note is read: ``salutation`` holds only a form said in the note
        # (小李, 王女士) until ``finished`` spells it out.
        self.persons: list[ContactFact] = []
        self.mentions: list[Mention] = []
        self._anchor_pos: list[int] = []
        self._anchor_idx: list[int] = []
        self.mentions_end: list[int] = []

    def anchor(self, pos: int) -> int | None:
        """The contact most recently named at or before ``pos`` (else the first named)."""
        i = bisect_right(self._anchor_pos, pos) - 1
        if i >= 0:
            return self._anchor_idx[i]
        return self._anchor_idx[0] if self._anchor_idx else None

    def anchor_pos(self, pos: int) -> int:
        """Where that mention ends (-1 when none precedes ``pos``)."""
        i = bisect_right(self._anchor_pos, pos) - 1
        return self.mentions_end[i] if i >= 0 else -1

    def person_at(self, pos: int) -> int:
        """The contact for a fact at ``pos``, creating a nameless one when nobody is named."""
        idx = self.anchor(pos)
        if idx is None:
            self.persons.append(ContactFact())
            idx = len(self.persons) - 1
            self._anchor_pos.insert(0, -1)
            self._anchor_idx.insert(0, idx)
            self.mentions_end.insert(0, -1)
        return idx

    def mention_in(self, a: int, b: int) -> Mention | None:
        for m in self.mentions:
            if not m.pronoun and a <= m.start and m.end <= b:
                return m
        return None

    def build_anchors(self) -> None:
        self._anchor_pos = []
        self._anchor_idx = []
        self.mentions_end = []
        for m in self.mentions:
            if m.contact >= 0:
                self._anchor_pos.append(m.start)
                self._anchor_idx.append(m.contact)
                self.mentions_end.append(m.end)


def _surname_prefix(s: str) -> str | None:
    if s[:2] in COMPOUND_SURNAMES:
        return s[:2]
    if s[:1] in SURNAMES or s in _RARE_SURNAMES:  # (a rare one only alone, see _name_before)
        return s[:1]
    if len(s) == 1 and _WORD_SURNAME.fullmatch(s):  # (谈, 言, 过: only alone, see _name_before)
        return s
    return None


# Surnames that are also words a name stops at (谈了, 发言, 过去): a surname only right before a
# title and after a word that ends a name (的谈总, 跟言总, 见了过经理) or at the start.
_WORD_SURNAME = re.compile(r"[谈言过]")
# (never after a comma or a space: 明天去万科，谈总代理的事 — there 谈 is the verb)
_ALONE_BEFORE = re.compile(r"(?:^|.*(?:[的跟与见找约陪请给:\n]|见了|老板娘?))$", re.S)
_LEADS_TO_A_PERSON = frozenset("的是跟和与找见约请给陪问催叫了部科处室组")  # (工程部竹经理)
# Surnames that are words as often (单, 乐, 普, 冒, 米): a surname only standing alone between a
# word that ends a name and a title (的冒经理, 找普院长, 找乐总), never inside a word (订单经理).
# (修: 维修经理 is no 修经理; 办公楼经理)
_RARE_SURNAMES = frozenset("单乐冒普米井双修楼幸延" + WORDS_AS_SURNAMES) | RARE_SURNAMES
# Words whose second character is a surname: 那边 / 工程 / 不过 before a title end no name.
_WORD_ENDING_IN_A_SURNAME = frozenset(
    words(
        "那边 这边 旁边 身边 两边 不过 工程 过程 课程 流程 日程 行程 进程 全程 章程 单程"
        " 对方 双方 甲方 乙方 买方 卖方 校方 院方 厂方 资方 我方"  # (对方生产副总栾总: no 方)
        " 下周 上周 这周 本周 每周 当周"  # (下周田经理带我看厂房: no 周田)
        " 信任 责任 担任 兼任 现任 前任 新任 上任 接任 继任 离任"  # (信任技术副总王总: no 任总)
        " 首席"  # (首席工程师: no 席工)
        # (小鹏汽车接何总, 西南油气田蒲总, 四川路桥邓总: a firm's last word, then the person)
        " 汽车 客车 油田 气田 路桥"
        " 了解 理解 讲解 见解"  # (通过他了解秦总行程: no 解秦)
    )
)
# Words before a title that start with a surname: part of the title or a workplace.
_TITLE_WORDS = frozenset(words("常务 车间 石化 董事会 高级 常委 党委 项目"))
_TITLE_WORD_TUPLE = tuple(_TITLE_WORDS)
# (说明总经理, 我和总经理: a stop character that is also a word's first half before one)
# (送修经理签字: 送修/返修/报修 is sent for repair, no 修经理)
_NOT_BEFORE_RARE = frozenset("说快音订账菜名简清送返报检维会仓老")  # (老师总说: no 师总)


# 连总经理都…, 连厂长电话都…: 连 is "even" when 都 or 也 follows the title soon after.
_EVEN_SO = re.compile(rf"(?:{TITLE_RE.pattern})[^,，。;；\n]{{0,5}}?[都也]")


_WORDS_NOT_NAMES = ("支行", "花工", "时总会", "党总支", "党支部", "党委")


def _leads_to_a_person(t: str, i: int, surname: str) -> bool:
    """Whether a surname that is a word too stands where a person is named: after 的, 跟, 找 …
    or where a sentence or line starts (连 never there: 连经理都…)."""
    if t.startswith(_WORDS_NOT_NAMES, i):
        return False  # 找支行长, 苗圃的花工, 到时总会有办法, 党总支书记: words, no one named
    if i == 0 or not is_cjk(t[i - 1]):
        return surname != "连"
    if surname == "门" and t[i - 1] in "部专衙校院厂后前大":
        return False  # (部门经理, 专门, 校门: a word's 门, no one named)
    # (老板娘花总, 老板班总: the owner, then who she is)
    return t[i - 1] in _LEADS_TO_A_PERSON or t.endswith(("老板", "老板娘"), 0, i)


# The commonest surnames: a word's end glued before a title that starts with one of them is
# a name (中建李明经理); one that does not is the company's last character (新世纪杨经理).
_SURNAMES_STRONG = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)


# (拜访了解总, 约了解工: met, then 解总 — 了解 only after no verb of meeting)
_MEETING_CHARS = frozenset("访见约话到给找陪请问")


def _word_ends_in_surname(t: str, end: int) -> bool:
    """Whether the two characters before ``end`` are a word ending in a surname (那边, 了解)."""
    word = t[max(0, end - 2) : end]
    return word in _WORD_ENDING_IN_A_SURNAME and not (
        word == "了解" and end >= 3 and t[end - 3] in _MEETING_CHARS
    )


def _name_before(doc: Doc, end: int, floor: int = 0) -> str | None:
    t = doc.t
    i = end
    while i > floor and end - i < 4:
        ch = t[i - 1]
        if not is_cjk(ch) or ch in NAME_STOP or doc.date_at[i - 1] or doc.used[i - 1]:
            break
        i -= 1
    if i > floor and t[i - 1 : i + 1] in COMPOUND_SURNAMES:
        i -= 1  # 司马 / 公孙: the first character may be a stop character on its own
    run = t[i:end]
    if t.startswith("博士", end) and len(run) != 1:
        return None  # 东华博士, 南林博士: a school's doctor — 石博士 is the surname alone
    if i > 0 and t[i - 1 : i + 1] in _ROLE_BEFORE and len(run) >= 2:
        run = run[1:]  # 技术把关聂工: 把关, then 聂工 — no 关聂 (把关总要的报价 is 关总's)
    elif i > 0 and _word_ends_in_surname(t, i + 1):
        run = run[1:]  # 那边周主任: a word's end, no 边周
    if end >= 2 and _word_ends_in_surname(t, end):
        return None  # 工程副总, 不过老板娘: no 程总, no 过老板
    alone = end >= 2 and doc.used[end - 2]  # (万科谈总: right after the company)
    if not run and _WORD_SURNAME.match(t, end - 1) and (alone or _ALONE_BEFORE.match(t[: end - 1])):
        return t[end - 1]  # 万科的谈总, 见了言总: a surname that is a word, standing alone
    cut = max((m.end() for m in TITLE_RE.finditer(run) if m.group() not in SHORT_TITLES), default=0)
    run = run[cut:]  # 信息中心主任严主任: the title before is no part of 严's name
    if not run or run in _NOT_BARE:
        return None
    if t[max(end - 2, 0) : end] in _IN_CHARGE:
        return None  # 分管副院长徐明: the name comes after the title
    lead = end - len(run) - 1
    # 小鲍祁处长 (a voice note run together): 小鲍, then 祁处长
    if len(run) == 2 and lead >= 0 and t[lead] in "小老" and set(run) <= SURNAMES:
        return run[1]
    if run.startswith(SAID_BEFORE_A_NAME):  # 谢谢卢院长, 明白顾经理: not a 谢, not a 白顾
        run = run[2:]
    if len(run) >= 3 and run[-1] in SURNAMES and run[-1] == run[0]:
        return run[-1]  # 孔祥林孔总: 孔总, said after his full name
    if run in _RARE_SURNAMES and not (i > floor and t[i - 1] in _NOT_BEFORE_RARE):
        if run == "连" and _EVEN_SO.match(t, end):
            return None  # 连总经理都同意了, 连经理的面都没见着: even the manager
        if run in WORDS_AS_SURNAMES and not _leads_to_a_person(t, i, run):
            return None
        return run  # 的冒经理, 找普院长: alone between a stop and the title
    for length in range(len(run), 0, -1):
        cand = run[-length:]
        if cand in _RARE_SURNAMES or cand in _NOT_BARE or cand.startswith(_TITLE_WORD_TUPLE):
            continue  # 订单经理, 常务副总, 车间主任, 车间韦主任: a word, not a name (or not all)
        if end - length >= 1 and _word_ends_in_surname(t, end - length + 1):
            continue  # 下周田经理, 对方生产副总: a word's end, no 周田, no 方生产
        if length == 3 and cand[:2] in _WORD_ENDING_IN_A_SURNAME:
            continue  # 四川路桥邓总: the firm's word, then 邓
        if length == 2 and cand[0] == cand[1] and _surname_prefix(cand[1]):
            return cand[1]  # 何何场长, 寇总寇寇总: dictation's stutter, no one named 何何
        sur = _surname_prefix(cand)
        if sur is None or length > len(sur) + 2:
            continue
        if length == 3 and cand[1] in _DEPARTMENT_ENDS and cand[2] in SURNAMES:
            continue  # 设施课张课长: a department (设施课), then 张 — no 施课张
        if length >= 2 and cand[0] == "向" and _surname_prefix(cand[1:]):
            cand = cand[1:]
        if length >= 2 and t[end - length - 1 : end - length] == "姓" and _surname_prefix(cand[1:]):
            cand = cand[1:]  # 部长姓林林部长: 姓林, then 林部长
        if (
            len(cand) == 2
            and len(run) > 2
            and cand not in COMPOUND_SURNAMES  # (大老板尉迟总: 尉迟, no 迟)
            and cand[1] in SURNAMES
            and cand[0] not in _SURNAMES_STRONG
        ):
            cand = cand[1:]
        return cand
    return None


def _glued_surname(doc: Doc, a: int, name: str, b: int) -> bool:
    """Whether ``name`` before the title at ``a`` is only a word's last character (生管|课长,
    机房运维|主管) and a full name of another surname follows the title (许文彬, 鲁磊)."""
    t = doc.t
    before = a - len(name) - 1
    if len(name) != 1 or before < 0 or not is_cjk(t[before]) or t[before] in NAME_STOP:
        return False
    if doc.used[before] or doc.date_at[before]:
        return False
    after = _name_after(doc, b)
    return after is not None and after[1] is None and _surname_prefix(after[0]) not in (None, name)


def _full_name_before(doc: Doc, end: int, surname: str) -> str | None:
    """The full name right before a surname and title that repeat its surname (张平安|张总)."""
    t = doc.t
    for given in (2, 1):
        start = end - len(surname) - given
        if start < 0 or t[start : start + len(surname)] != surname:
            continue
        seg = t[start + len(surname) : end]
        clean = all(is_cjk(c) and c not in NAME_STOP for c in seg)
        if clean and doc.free(start, end) and not any(doc.date_at[start:end]):
            return t[start:end]
    return None


_DEPARTMENT_ENDS = frozenset("课科部处室组")
# What someone does, said right before them (采购王工, 技术李工): no part of a name.
_ROLE_BEFORE = frozenset(
    words("采购 财务 技术 设备 商务 生产 质量 品质 工艺 研发 仓库 后勤 把关 拍板 下单 负责 对接")
)
_VERB_AFTER_NAME = frozenset("有是在说讲")
# 副总经理段志华汇报了进度: a verb of two characters said right after the name ends it.
_VERB_WORDS = (
    "汇报", "反馈", "表示", "认为", "答应", "同意", "觉得", "确认", "介绍", "希望", "要求",
    "透露", "强调", "提到", "回复", "通知", "催促", "签字", "签了", "带队",
    # (经理卜凡影响最大, 主管易小川天天用, 采购晏晓敏下单: what the person does, after the name)
    "影响", "天天", "下单", "担心", "拍板", "把关",
    # (采购部长殷文涛坚持降3个点, 厂长米国文亲自接待: how they did it, after the name)
    "坚持", "亲自", "一直", "主动", "特别", "非常", "比较",
)  # fmt: skip


def _boundary(doc: Doc, pos: int) -> bool:
    t = doc.t
    return (
        pos >= len(t)
        or not is_cjk(t[pos])
        or t[pos] in NAME_STOP
        or doc.date_at[pos]
        # (麻醉科主任钱立提需求, 主任左云峰不在)
        or t[pos] in "生喜爱性老负管拍最技对用有经决说讲提不"
        or t.startswith(_VERB_WORDS, pos)
        # (采购经理雷红梅刚来电话, 采购部长曾志强通完电话)
        or _adverb_then_verb(t, pos, one_character=True)
        or t.startswith(("通完", "通了", "通电话"), pos)
        or t.startswith(("然后", "啊", "呃"), pos)  # (叫做杜东平啊…: a dictated pause)
        or t.startswith("一个人", pos)  # (董事长濮国平一个人说了算)
    )


# 主任王明确表示同意, 采购经理赵刚刚回复了, 李军没签字: an adverb, then a verb, ends the name
# before the adverb (王明, 赵刚, 李军).
_ADVERBS = frozenset("确刚不先仍没也都就还又")
# 李明刚来过, 雷红梅刚打来: after an adverb, a verb of one character (to come, to call …).
_ONE_CHARACTER_VERBS = frozenset("来去打送到给找见约拜谈聊通")


def _adverb_then_verb(t: str, pos: int, one_character: bool = False) -> bool:
    """An adverb, then a verb, at ``pos``; a verb of one character (刚来) only where a full name
    has already ended (雷红梅刚来) — inside one, 李志刚来 is 志刚, not 李志 who just came."""
    at = pos
    while at < len(t) and t[at] in _ADVERBS and at - pos < 2:
        at += 1
    return at > pos and (
        t.startswith(_VERB_WORDS, at)
        or t[at : at + 1] in _VERB_AFTER_NAME
        or (one_character and t[at : at + 1] in _ONE_CHARACTER_VERBS)
    )


# 楼经理管合同付款, 主任管采购: 管 is the verb (in charge of), no 管合.
_IN_CHARGE_OF = re.compile(
    r"管(?:合同|采购|技术|项目|财务|设备|工程|招标|付款|商务|具体|我们|全|后勤|安装|售后|钱|这|那|"
    r"实施|日常|生产|质量|运营|销售|行政|人事|基建|工艺|现场|仓库|仓储|物流|品质|研发|事)"
)


def _given_xiao(seg: str) -> bool:
    """小燕, 小明 as a given name; 小姐 and 小妹 are how someone is called, 小声 and 小心 how
    something is done: no name."""
    return seg[1:] not in ("姐", "妹", "弟", "哥", "伙", "组", "时", "会", "声", "心", "孩")


# (拜访了李小华, 采购部的王小明, 跟刘小燕: what a full name is said after)
_NAME_OPENS_AFTER = frozenset("了的见访和跟与同给找约是叫")
# (采购员向我们要了…: 向 is a surname, 我 never part of a name)
_NEVER_IN_A_NAME = frozenset("我你地得着")


_POLITE_FORMS = ("女士",)  # (先生 lost blind19; 小姐 blind21 and blind27, gaining five others)


def _name_after(doc: Doc, start: int) -> tuple[str, str | None, int] | None:
    """A name right after a title (局长王建国, 秘书小李): (name, form, end)."""
    t = doc.t
    if start < len(t) - 1 and t[start] in "小老" and t[start + 1] in SURNAMES:
        if t[start : start + 2] not in _XIAO_LAO_NOT:
            return t[start + 1], t[start : start + 2], start + 2
        return None
    sur = _surname_prefix(t[start : start + 2])
    # (董事长濮国平, 老板焉东平: a rarer surname too, with a given name of two)
    rare = sur is None and t[start : start + 1] in _RARE_SURNAMES
    sur = t[start] if rare else sur
    if sur is None or doc.date_at[start] or _IN_CHARGE_OF.match(t, start):
        return None
    base = start + len(sur)
    if t.startswith(_POLITE_FORMS, base):  # 财务总监葛女士: how she is called, no given name
        return sur, t[start : base + 2], base + 2
    for given in (2,) if rare else (2, 1):
        end = base + given
        if end > len(t):
            continue
        seg = t[base:end]
        # (汤小燕, 王小明: 小 opens many given names, though alone it is a form of address)
        clean = all(
            is_cjk(c)
            and (c not in NAME_STOP or (c == "小" and k == 0 and given == 2 and _given_xiao(seg)))
            and c not in _NEVER_IN_A_NAME
            and not doc.date_at[base + k]
            for k, c in enumerate(seg)
        )
        if given == 2 and _adverb_then_verb(t, end - 1):
            continue  # 王明确表示: 王明, then 确表示
        if given == 1 and clean and _adverb_then_verb(t, end):
            return t[start:end], None, end
        if given == 2 and seg[-1] in _VERB_AFTER_NAME:
            continue  # 部长陈东有决定权: 陈东, then 有
        if given == 2 and seg[0] in _CALLED_BY_TITLE and _boundary(doc, base + 1):
            continue  # 设备课长李工管技术评估: 李工, then 管
        if t[start:end] in _NOT_BARE:
            continue  # 采购经理马上回复: a word, no 马上
        if clean and _boundary(doc, end):
            return t[start:end], None, end
    return None


# 张sir, 陈Sir: how Hong Kong calls an official, an officer or a teacher.
_SIR = re.compile(r"(?P<s>[\u4e00-\u9fff])[ ]?(?:sir|Sir|SIR)(?![A-Za-z])")


def _sir_mentions(doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
    out: list[Mention] = []
    for m in _SIR.finditer(doc.t):
        a, b = m.span()
        if m["s"] not in SURNAMES or any(x < b and a < y for x, y in taken):
            continue
        if not doc.free(a, b) or (a > 0 and is_cjk(doc.t[a - 1]) and doc.t[a - 1] not in NAME_STOP):
            continue
        out.append(Mention(a, b, surname=m["s"], form=m.group()))
    return out


_TITLED_AFTER = re.compile(rf"[^\W\d和跟与及]{{1,3}}?(?:{TITLE_RE.pattern})")


def _title_mentions(doc: Doc) -> list[Mention]:
    t = doc.t
    out: list[Mention] = []
    last_end = 0
    for m in TITLE_RE.finditer(t):
        a, b = m.span()
        title = m.group()
        if doc.date_at[a] or not doc.free(a, b):
            continue
        short = title in SHORT_TITLES
        if title == "总" and b < len(t) and t[b] in _AFTER_ZONG and not t.startswith("行程", b):
            continue  # (吴总行程: his days listed — not 总行, a bank's head office)
        if short and (t[a - 1 : b] in _NOT_SHORT or (title == "行" and not _BANK.search(t))):
            continue
        if t[a - 2 : b] in _HOSPITALS:  # 台北荣总: the veterans' general hospital, no 荣总
            continue
        if title == "行" and b < len(t) and is_cjk(t[b]) and t[b] not in NAME_STOP:
            continue  # 柏行 元旦后见, not 柏行动
        if short and b < len(t) and t[b] in _AFTER_SHORT and not t.startswith(_SAYS_SO, b):
            continue
        if title == "工" and t.startswith(("集团", "机械", "股份", "重工"), b):
            continue  # 徐工集团, 柳工机械: the machinery makers, not an engineer 徐
        if title == "老板" and t.startswith(("电器", "厨电"), b):
            continue  # 杭州老板电器: the brand 老板, not a boss called 杭州
        sir = _SIR.match(t, b)
        if sir is not None and not short and title != "总":  # 车务主任张sir: 张sir is called so
            out.append(Mention(a, sir.end(), surname=sir["s"], title=title, form=sir.group()))
            last_end = sir.end()
            continue
        name = _name_before(doc, a, last_end)
        if name in ("原", "前") and _TITLED_AFTER.match(t, b):
            continue  # 原采购经理侯经理: the former one, named right after — no 原经理
        # (生管课长许文彬: a word's last character, then the title and someone else's name)
        if name is not None and not short and _glued_surname(doc, a, name, b):
            name = None
        form: str | None = None
        if short and name is not None and _WORD_SURNAME.fullmatch(name):
            continue  # 谈局里的事, 谈院方: a word before a short title, no 谈局长
        if short:
            if name is None or len(name) != len(_surname_prefix(name) or "x"):
                continue
            before = a - len(name) - 1
            if (
                before >= 0
                and is_cjk(t[before])
                and t[before] not in NAME_STOP
                and not doc.date_at[before]
                and not doc.used[before]  # 国网常州钱处: a company read before people
                and _full_name_before(doc, a - len(name), name) is None  # 江海江工, 周正周处
                and t[max(0, before - 1) : before + 1] not in _ROLE_BEFORE  # 采购王工
            ):
                continue
            # (黎董, 巴董: the form said is kept as said; 董秘 is a title of its own)
            form = f"{name}董" if title == "董" and not t.startswith("秘", b) else None
            title = SHORT_TITLES[title]
        if name is not None:
            sur = _surname_prefix(name)
            end = b
            full = name if len(name) > len(sur or "") else None
            start = a - len(name)
            if (
                full is None
            ):  # 张平安张总, 高明高总: the full name said first, then how he is called
                full = _full_name_before(doc, start, name)
                start -= len(full) if full else 0
            again = _name_after(doc, b) if full is None else None
            # 王局长王明说: the full name said after the surname and title
            if again is not None and again[1] is None and _surname_prefix(again[0]) == sur:
                full, end = again[0], again[2]
            if full and _ASSISTANT_AFTER.match(t, end):  # 吴晓峰局长助理: the chief's assistant
                title, end = title + t[end : end + 2], end + 2
            out.append(Mention(start, end, surname=sur, name=full, title=title, form=form))
            last_end = end
            continue
        if short or title == "总":
            continue
        called_a = _a_name_after(doc, b)
        if called_a is not None:
            out.append(Mention(a, called_a[1], name=called_a[0], title=title))
            last_end = called_a[1]
            continue
        after = _name_after(doc, b) or _called_name_after(doc, b) or _spaced_name_after(doc, b)
        if after is not None:
            full, form, end = after
            sur = _surname_prefix(full) or (full[0] if full[0] in _RARE_SURNAMES else None)
            if form is None and sur and _called_by(full[len(sur) :]):
                # 项目经理钱工, 总工宋工, 科主任罗主任: 钱工 / 罗主任 is how he is called
                form, full = full, sur
            out.append(
                Mention(
                    a,
                    end,
                    surname=sur,
                    name=full if form is None and len(full) > len(sur or "") else None,
                    title=acronym_before(t, a) + title,  # (IE经理孙磊: the title as said)
                    form=form,
                )
            )
            last_end = end
    return out


# 局长助理, 董事长秘书: an assistant's title, said after whose (then nothing more of a name).
_ASSISTANT_AFTER = re.compile(r"(?:助理|秘书)(?=[^\u4e00-\u9fff]|$|[说是在的])")


# 拜访 华为 采购经理 王强: the space a phone keyboard puts between a title and the name after it.
_KEYBOARD_SPACE = re.compile(r"[ ]{1,2}(?=[\u4e00-\u9fff])")


def _spaced_name_after(doc: Doc, b: int) -> tuple[str, str | None, int] | None:
    """A full name after a title and a space, read as 采购经理王强 typed without it is — only
    a word standing alone (总经理 高兴地说, 院长 江苏人: no names); a surname alone or 小李
    there is left to the other readers."""
    t = doc.t
    gap = _KEYBOARD_SPACE.match(t, b)
    found = _name_after(doc, gap.end()) if gap is not None else None
    if found is None or found[1] is not None:
        return None
    name, _, end = found
    if len(name) <= len(_surname_prefix(name) or name) or name[:2] in _NOT_BARE:
        return None
    return found if end == len(t) or not is_cjk(t[end]) else None


def _called_name_after(doc: Doc, b: int) -> tuple[str, str | None, int] | None:
    """采购经理叫付付晓燕: the name said after 叫, its surname said twice as voice input
    spells it out (付, 付晓燕)."""
    t = doc.t
    b += t.startswith(" 叫", b)  # (主管 叫周晓梅: dictation's space before it)
    if not t.startswith("叫", b) or t.startswith("叫做", b):
        return None
    at = b + 1
    if t[at : at + 1] in SURNAMES and t[at + 1 : at + 2] == t[at]:
        at += 1
    found = _name_after(doc, at)
    if found is None or found[1] is not None or len(found[0]) < 2:
        return None
    return found


def _xiao_lao_mentions(doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
    t = doc.t
    out: list[Mention] = []
    for m in _XIAO_LAO.finditer(t):
        a = m.start()
        if a + 1 >= len(t) or any(x <= a < y for x, y in taken):
            continue
        sur = t[a + 1]
        if sur not in SURNAMES or t[a : a + 2] in _XIAO_LAO_NOT or doc.date_at[a]:
            continue
        if t[a : a + 3] in _XIAO_LAO_WORDS:
            continue
        if _calls_the_rep(doc, a, a + 2):
            continue
        if (
            a >= 1
            and t[a] == "小"
            and t[a - 1] in SURNAMES
            and (a == 1 or not is_cjk(t[a - 2]) or t[a - 2] in _NAME_OPENS_AFTER)
            and (a + 2 == len(t) or not is_cjk(t[a + 2]) or t[a + 2] in _AFTER_BARE)
        ):  # (拜访了李小华: a full name whose given name begins with 小, no 小华)
            out.append(Mention(a - 1, a + 2, surname=t[a - 1], name=t[a - 1 : a + 2]))
            continue
        # (小曹 曹磊: the full name said after a space, its surname the same)
        full = _name_after(doc, a + 3) if t[a + 2 : a + 3] == " " and a + 3 < len(t) else None
        if full is not None and full[1] is None and full[0][0] == sur and len(full[0]) > 1:
            out.append(Mention(a, full[2], surname=sur, name=full[0], form=t[a : a + 2]))
            continue
        out.append(Mention(a, a + 2, surname=sur, form=t[a : a + 2]))
    return out


# 王女士, 陈先生, 李小姐 — and in Hong Kong and Malaysian notes 陈生 (Mr. Chan): how the
# person is addressed, kept whole as the salutation.
_COURTESY = re.compile(
    r"先生|女士|小姐|太太|(?<=[\u4e00-\u9fff])生(?![日产意活病气物态效命鲜长成前死于涯肖])|"
    # 陈太 (Mrs Chan), said like 陈生, then a word's end (行程太紧, 价钱太离谱, 太仓 are no one)
    r"(?<=[\u4e00-\u9fff])太(?=[\s,，。;；:：!！?？()（）]|$|[话说讲的同和跟他她约叫问回已都也就在]|手机|电话)|"
    # 财务部周姐, 王哥: how a rep calls someone older, kept whole like 王女士
    r"(?<=[\u4e00-\u9fff])[姐哥](?![夫姐哥们])|"
    # 车间的王师傅: how a rep calls a skilled hand, kept whole (老师傅 is no one's name)
    r"(?<=[\u4e00-\u9fff])师傅"
)
_CANTONESE_NOTE = re.compile(
    r"[嘅咗佢哋喺搵冇唔睇畀俾啱傾]|香港|(?a:\b)hk(?a:\b)|马来西亚|吉隆坡|槟城|新加坡|"
    # Hong Kong's places and best-known companies (九龙仓陈生 said in Simplified)
    r"九[龙龍]|新界|港岛|港[铁鐵]|新[鸿鴻]基|太古|和[记記]|恒基|[长長]实|[汇滙匯]丰|澳[门門]",
    re.I,
)
_PHONE_LABEL_AFTER = re.compile(
    r"\s*(?:手机|电话|直线|(?i:office|mobile|cell|hp|tel|whatsapp)(?a:\b)|\+?\d{4})"
)
_NOT_COURTESY = frozenset(
    words(
        "卫生 花生 师生 考生 新生 人生 学生 发生 出生 产生 医生 众生 后生 书生 招生 余生 平生 终生 "
        "一生 毕生 民生 重生 养生 谋生 高生 研究生 先生 小生 男生 女生 派生 再生 写生 衍生 滋生 "
        "诞生 群生 苍生 卫生局 殷生 "
        # (师姐, 帅哥, 表哥 … are no surname with 姐 or 哥)
        "师姐 师哥 帅哥 表姐 表哥 堂姐 堂哥 学姐 学哥 大姐 大哥 老哥 老姐 空姐 靓姐 富哥 亲哥 亲姐 "
        "干姐 干哥 二哥 三哥 二姐 三姐 车哥 宝哥"
    )
)


def _courtesy_mentions(doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
    t = doc.t
    out: list[Mention] = []
    for m in _COURTESY.finditer(t):
        a, b = m.span()
        if (
            m.group() in ("生", "太")
            and not _CANTONESE_NOTE.search(doc.text)
            and not _PHONE_LABEL_AFTER.match(t, b)
        ):
            continue  # (陳生 office 2678 9012: the number's label says who 陈生 is)
        if a == 0 or doc.date_at[a] or any(x < b and a - 1 < y for x, y in taken):
            continue
        sur = t[a - 2 : a] if t[a - 2 : a] in COMPOUND_SURNAMES else t[a - 1]
        rare = sur in _RARE_SURNAMES and (
            a < 2
            or t[a - 2] in _LEADS_TO_A_PERSON
            or t[a - 2] == "\n"
            or TITLE_AT_END.search(t, max(0, a - 8), a - 1) is not None  # (采购主管单小姐)
        )
        if sur not in SURNAMES and sur not in COMPOUND_SURNAMES and not rare:
            continue  # (的危师傅, 找钦师傅: a rare surname where a person is named)
        start = a - len(sur)
        if t[start:b] in _NOT_COURTESY or t[start - 1 : b] in _NOT_COURTESY:
            continue
        if doc.used[start] or doc.date_at[start]:
            continue
        out.append(Mention(start, b, surname=sur, form=t[start:b]))
    return out


# A full name said with no title (见了陈东, 跟李华通了电话): only where a person is plainly
# meant — after a verb or preposition of meeting — and only where a name can end.
_BEFORE_BARE = re.compile(r"(?:见了|见到|拜访了?|认识了?|(?i:(?a:\b)(?:met|meeting|visited)))\s*$")
_AFTER_BARE = frozenset(
    "说讲是和与跟在也都就他她负对让给今明昨打通发聊谈见来去电微吃请手拍食饮倾,;:。!?("
)
# 采购部刘淑仪, 行政采购的章丽萍: a department, then a full name of three characters.
# (plant manager 周建华 139… 采购 李娜 139…: 采购 said alone is what she does)
_PURCHASER_ALONE = re.compile(r"(?<![\u4e00-\u9fff])采购 $")
_DEPT_BEFORE = re.compile(
    r"[\u4e00-\u9fff](?:部|科|处|室|中心)的?$|采购的$|(?<![\u4e00-\u9fff])采购 $"
)
# (采购部黄铜件都要换, 技术部石墨烯在测: after a department only a separator or a verb of
# speaking or calling ends a name; 在/是/也 after a word of three characters are no sign)
_DEPT_AFTER = frozenset("说讲通打负跟和聊谈吃,;:。!?(")
_PROFILE_AFTER = re.compile(
    r"(?:的)?(?:生日|老家|喜欢|爱好|手机|电话|微信|邮箱|毕业|属)"
    r"|是[\u4e00-\u9fff]{0,4}?(?:经理|主任|总监|部长|处长|科长|局长|院长|厂长|工程师|主管)"
)
_NOT_BARE = frozenset(
    words(
        "高层 高管 方案 方面 金额 周末 周边 安排 安全 马上 白天 黄金 江苏 海南 常州 温州 徐州 苏州 施工 "
        "武汉 余杭 许多 林业 万一 何时 曾经 于是 钱款 程序 向来 任何 任务 应该 关于 成本 成功 "
        "全部 全面 方便 时间 文件 石油 毛利 包括 包装 商务 商量 杨梅 童年 康复 司机 秦岭 宁波 "
        "宋朝 齐全 易用 邱北 谭某 伍拾 陆续 柏油 鲍鱼 丁香 孔雀 龙头 华南 华北 华东 华中 华西 "
        "辛苦 高兴 谢谢 多谢 明白 何必 毕业 常年 常常 常规"  # (好的邓总，谢谢 on a chat line of its own)
        # (拜访方式：电话, 江西 铜业：总经理, 解放军总医院: a word or a place)
        " 方式 方法 方向 江西 解放军"
        " 周报 周会 周计划"  # (周报\n本周拜访：…: a weekly report's heading)
    )
)


# 张伟 13912345678, 陳大文 9123 4567: a full name right before a number is whose number it is.
_NAME_BEFORE_NUMBER = re.compile(
    r"(?:(?<=^)|(?<=[\s,;:(\n]))(?P<n>[\u4e00-\u9fff]{2,3})[ ]?[:]?[ ]?(?=\+?\d[\d -]{6,}\d)"
)


def _name_before_number_mentions(doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
    t = doc.t
    out: list[Mention] = []
    for m in _NAME_BEFORE_NUMBER.finditer(t):
        a, b = m.span("n")
        name = m["n"]
        surname = surname_of(name)
        if surname is None or len(surname) == len(name):
            continue
        if any(x < b and a < y for x, y in taken) or not doc.free(a, b) or any(doc.date_at[a:b]):
            continue
        if any(c in NAME_STOP for c in name[len(surname) :]) or name in TITLES:
            continue
        out.append(Mention(a, b, surname=surname, name=name))
    return out


_GOODS_OF_A_FIRM = ("食品", "饮料", "饮品", "食堂")


def _bare_name_mentions(doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
    t = doc.t
    out: list[Mention] = []
    for a, ch in enumerate(t):
        if ch not in SURNAMES or not doc.free(a, a + 1) or doc.date_at[a]:
            continue
        # 周文斌生日是3月8号 老家盐城: a full name opening the note or a line, then what he is
        # (陈东的生日是3月5号, 李华是采购经理: a name of two characters too)
        at_open = a == 0 or t[a - 1] == "\n"
        profiled = [
            g
            for g in (2, 1)
            if at_open
            and _PROFILE_AFTER.match(t, a + 1 + g)
            and (g == 2 or t[a + 2 : a + 3] in ("的", "是"))  # (陈东的生日, 李华是采购经理)
            and all(is_cjk(c) and c not in NAME_STOP for c in t[a + 1 : a + 1 + g])
        ]
        opening = bool(profiled)
        dept = not opening and _DEPT_BEFORE.search(t, max(0, a - 4), a) is not None
        if not (opening or dept) and not _BEFORE_BARE.search(t, max(0, a - 9), a):
            continue
        if t[a : a + 2] in COMPOUND_SURNAMES or TITLE_RE.match(t, a):
            continue
        for given in profiled[:1] if opening else (2, 1):
            end = a + 1 + given
            if end > len(t):
                continue
            seg = t[a + 1 : end]
            if not all(is_cjk(c) and c not in NAME_STOP for c in seg):
                continue
            if any(doc.date_at[a:end]) or not doc.free(a, end) or t[a:end] in _NOT_BARE:
                continue
            if dept and t[a : a + 2] in _NOT_BARE:  # 采购部的任何人: a word, then more
                continue
            if any(x < end and a < y for x, y in taken) or TITLE_RE.match(t, a + 1):
                continue
            nxt = t[end] if end < len(t) else " "
            if is_cjk(nxt) and nxt not in _AFTER_BARE and not opening:
                continue
            if t.startswith(_GOODS_OF_A_FIRM, end):
                continue  # (拜访了金桥食品的郑总: 食 opens the firm's trade, not a meal with 金桥)
            if dept and ((is_cjk(nxt) and nxt not in _DEPT_AFTER) or seg[-1] in "地得着了们"):
                continue  # (采购部高兴地说: an adverb, no name)
            if dept and given == 1 and (is_cjk(nxt) or not _PURCHASER_ALONE.search(t, 0, a)):
                continue  # (采购 李娜 139…: two characters only after 采购, standing alone)
            if PLACE_RE.match(t, a) or title_info(seg) is not None:
                break
            out.append(Mention(a, end, surname=ch, name=t[a:end]))
            break
    return out


# procurement head 黄伟杰, buyer 李慧玲: a Chinese full name right after an English title.
_AFTER_LATIN = re.compile(r"[A-Za-z][ ]?\Z")  # (\Z: never across a line's end)


def _english_titled_mentions(doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
    t = doc.t
    out: list[Mention] = []
    for a, ch in enumerate(t):
        if ch not in SURNAMES or not _AFTER_LATIN.search(t, max(0, a - 2), a):
            continue
        title = english_title_before(t, a)
        found = _name_after(doc, a) if title else None
        if title is None or found is None or found[1] is not None:
            continue
        name, _, end = found
        if _our_near(t, t.rfind(title, 0, a)):
            _mark_ours(doc, a, end)  # 我们的 project manager 王明, our buyer: the rep's side
            continue
        sur = _surname_prefix(name)
        if sur is None or len(name) <= len(sur) or TITLE_RE.match(t, a + len(sur)):
            continue  # (procurement head 简经理: a title's mention, read before)
        if any(x < end and a < y for x, y in taken) or not doc.free(a, end):
            continue
        out.append(Mention(a, end, surname=sur, name=name, title=title))
    return out


# Mr. 应, Ms. 岑, Dr. 顾, Mr Tan, Mdm Lim: the surname after an English honorific.
_HONORIFIC = re.compile(
    r"(?<![A-Za-z])(?:Mr|Ms|Mrs|Miss|Dr|Mdm|Madam)\.?\s*"
    r"(?P<who>[\u4e00-\u9fff]{1,3}|[A-Z][a-z]{1,9}(?![A-Za-z]))"
)


def _named_just_before(t: str, a: int) -> tuple[str, bool] | None:
    """The surname of a person named right before ``a`` (a space or a bracket between), and
    whether a title was said with it: 郭慧仪（Ms Kwok）, 鍾慧琳 Ms. Chung, 黄经理 (Mr Ooi).
    (A title needs the bracket: 陈总 Mrs Chan, 林经理 Ms Lim are two people as often.)"""
    k = a
    while k > 0 and a - k < 2 and t[k - 1] == " ":
        k -= 1
    bracket = k > 0 and t[k - 1] in "(（"
    if bracket:
        k -= 1
        while k > 0 and t[k - 1] == " ":
            k -= 1
    titled = _TITLE_ENDING.search(t, max(0, k - 5), k)
    if titled is not None:
        if not bracket:
            return None
        ts = titled.start()
        if t[max(0, ts - 2) : ts] in COMPOUND_SURNAMES:
            return t[ts - 2 : ts], True
        return (t[ts - 1], True) if ts > 0 and t[ts - 1] in SURNAMES else None
    for n in (3, 2):
        name = t[max(0, k - n) : k]
        if len(name) < n or any(not is_cjk(c) or c in NAME_STOP for c in name):
            continue
        sur = surname_of(name)
        if sur is not None and len(sur) < n:
            return sur, False
    return None


def _honorific_mentions(doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
    t = doc.t
    out: list[Mention] = []
    for m in _HONORIFIC.finditer(t):
        a, b = m.span("who")
        if any(x < b and a < y for x, y in taken) or not doc.free(a, b):
            continue
        who = m["who"]
        if who.isascii():  # Mr. Zhang: the surname as typed, spoken to as the note says
            if any(x <= b + 2 and b < y for x, y in taken):
                continue  # Mr. Xu 徐经理: one person, named in both languages
            form = re.sub(r"\s+", " ", t[m.start() : b])
            before = _named_just_before(t, m.start())
            wife = m.group().startswith("Mrs")  # (黄经理 (Mrs Wong) is his wife as often)
            if before is not None and may_spell(who, before[0]) and not (wife and before[1]):
                # 郭慧仪（Ms Kwok）: the one just named, called as the note calls them (黄经理
                # (Mr Ooi) is still called 黄经理)
                out.append(
                    Mention(m.start(), b, surname=before[0], form=None if before[1] else form)
                )
                continue
            # Ms. Wong 黄美玲, Ms Chan（陈美华）: the person named by the Chinese name, called
            # as the note calls them
            # (a spelling the reader knows must fit: Mr Tan 林志强 are two, or a slip)
            spelled = who if who in LATIN_SURNAMES or surnames_spelled(who) else ""
            full = chinese_name_after(t, past_paren(t, b), spelled)
            if full is not None and doc.free(b, full[2]):
                out.append(Mention(m.start(), full[2], surname=full[1], name=full[0], form=form))
                continue
            out.append(Mention(m.start(), b, surname=who, form=form))
            continue
        sur = _surname_prefix(who) or (who if len(who) == 1 else None)  # the honorific says so
        if sur is None:
            continue
        # Mr. 应, Dr. 顾 (主任): the surname, or a full name of two or three characters
        end = b
        while end > a + len(sur) and not (_boundary(doc, end) or TITLE_RE.match(t, end)):
            end -= 1
        if end > a + len(sur) + 2:
            end = a + len(sur)
        if TITLE_RE.match(t, a + len(sur)):
            continue  # Dr. 王主任: the title's mention has him already
        name = t[a:end] if end > a + len(sur) else None
        out.append(Mention(a, end, surname=sur, name=name))
    return out


# 陪我们博远科技的李总, 我司的王工, 同事小李: someone of the rep's own company.
# (我们公司李经理, 我们技术老刘, 带着我们销售小王: the rep's side without a 的)
_OUR_PEOPLE = re.compile(
    # (我领导黄总, 我老板: the rep's own boss, said with 我 alone)
    r"(?:我的?同事|我的?(?:领导|老板|上司|经理)|我司的?|咱们(?:公司)?的?|我们[^,;:。\s跟和与找见给向问]{0,6}的|"
    # (跟同事小孙开了个电话会, 我和售后的老马, 代理商刘老板, 我方：我、技术小冯, 公司新来的销售小黄)
    r"(?<![他她们方户的])同事|(?<=[和跟与同])售后的?|(?:我们|我司)的?代理商|我方:[^。;\n]{0,8}|"
    # (我们这边：商务小王: our side headed, then a role of ours)
    r"(?:我们这边|我司):\s*(?:商务|技术|销售|售后|财务|同事|工程师)|"
    r"(?<![他她]们)(?<!对方)(?<!客户)(?<!的)公司[^,;:。\s]{0,4}的?销售|"
    # (实习生小吴, 和区域经理陈总, 跟我们的技术总监周总: titles of the rep's own side — 海尔的区域
    # 经理陈总, 他们公司的销售小黄 and 他们同事小张 are the customer's)
    # (跟区域总监范总一起, 我和渠道经理邢总, 销售总监Peter让我…: a sales role of the rep's side)
    r"实习生|(?:(?<=[和跟与同])|^|(?<=[。;\n]))(?:区域|大区|片区)经理|"
    r"(?<=[和跟与同])(?:区域|大区|片区)总监|"
    r"(?:(?<=[和跟与同])|^|(?<=[。;\n]))(?:渠道(?:经理|总监)|销售总监)|"
    r"我们的?[^,;:。\s]{0,4}?(?:总监|经理)|"
    # (我们老总龚总, 我们法务曹律师: the rep's own boss and lawyer)
    r"我们(?:公司|单位|这边|区域|大区|片区)?(?:的?(?:技术|销售|商务|财务|售后|工程师|老板|领导|经理|同事|老总|法务)部?)?|"
    # (我们的渠道合作伙伴神州数码的邢经理: a partner who brings the rep in, not the customer)
    r"(?:渠道|(?<=我们)合作|(?<=我们的)合作|(?<=渠道)合作)伙伴[^,;:。\s]{0,6}?的?)$"
)


# 王经理（我司）, 小李(同事): the rep's side, said in brackets after the person
# (王工（我们售后）: ours; 张总（我们老客户）is the customer)
_OURS_IN_BRACKETS = re.compile(
    # (周总（我们副总）, 小葛（我们的实习生）, 王经理（我们部门经理）: a role of ours, said after 我们)
    r"\s*[(（]\s*(?:我司|我们公司|我方|同事|本公司|"
    r"我们的?[^)）]{0,4}?(?:副总|老板|领导|经理|总监|主管|实习生|同事|销售|售后|技术|工程师|财务|商务|"
    r"司机|助理)|我的?(?:徒弟|师傅|师父))\s*[)）]"
)
# (。钱总承诺…, 报给陈总, 跟钱总: what may stand right before a colleague said again)
_BEFORE_OURS_AGAIN = frozenset("。，,;；:：!！?？ \n给跟和与陪向对让叫请找见约问个")
_AFTER_SALES_OPENS = re.compile(r"(?:^|(?<=[。;\n]))售后$")
# 我们这边是我、销售总监贺总、还有商务小钟, 跟我们老板、技术总监范工一起: each item of a list
# of the rep's side
_OUR_LIST = re.compile(
    r"(?:(?:我们|我司|我方)(?:这边|公司)?(?:是|来了|去了|参加的?有|出席的?是)[:：]?"
    r"|(?:跟|和|带着?)我们的?(?:老板|领导|经理|总监))"
    r"(?:[^,，。;；:\n]{0,10}?(?:、|(?<![要想会去来能])和|还有))+[^,，。;；:\n]{0,8}$"
)
# 小李替我去了京东方: who stands in for the rep is the rep's own side (王总下午跟我去看了样板间,
# 张总带我们去车间看了 are the customer with the rep)
_GOES_WITH_ME = re.compile(r"(?:今天|昨天|明天|上午|下午)?替我(?:去|过去|到)")
_THEIR_WORDS = re.compile(r"(?:说|讲|表示|反馈|提到|话)[:：,，]?\s*$|(?<!我)[:：]\s*$")


# 小郑下周一去见李处, 小张昨天去了市二院，见了设备科黄科长: someone called 小X with no title
# who goes to see the customer's people is the rep's colleague
_GOES_TO_SEE_THEM = re.compile(
    r"[^,，。;\n]{0,6}?(?:去|到)了?[^,，。;\n]{0,8}?(?:[,，]\s*)?(?:见了?|拜访了?|找了?)"
    rf"[^,，。;\n]{{0,8}}?(?:{TITLE_RE.pattern})"
)


_THEIR_UNIT_BEFORE = re.compile(r"(?:[科部处室办院厂局的]|中心|那边|客户|他们|对方|采购)\s*$")


def _goes_to_see_them(doc: Doc, said: Mention) -> bool:
    return (
        said.title is None
        and said.form is not None
        and said.form.startswith("小")
        and not doc.said_by_customer(said.start)
        and _GOES_TO_SEE_THEM.match(doc.t, said.end) is not None
        # (设备科小周领着去见了王院长, 客户那边的小马, 采购部小孙: one of theirs, by their unit)
        and not _THEIR_UNIT_BEFORE.search(doc.t, max(0, said.start - 4), said.start)
    )


# 小刘和我一起接待了…, 老李陪我去了…, 跟小杨、小吴两个新人一起拜访了…, 安排小刘寄样品: someone
# called 小X/老X with no title who goes along with the rep, or whom the rep sends, is ours
_ALONG_AFTER = re.compile(
    r"(?:[、和][小老][\u4e00-\u9fff])*(?:两个|几个)?[^,，。;\n]{0,4}?"
    r"(?:[和跟]我一起|陪我|带我|一起(?:去|拜访|见|到|接待))"
)
_ALONG_BEFORE = re.compile(r"(?:跟|和|带着?|安排|让)(?:[小老][\u4e00-\u9fff][、和])*$")
_SENT_AFTER = re.compile(r"[^,，。;\n]{0,2}?(?:寄|发|送|去|跑|做|写|整理|准备)")


def _goes_along(doc: Doc, said: Mention) -> bool:
    if said.title is not None or said.form is None or not said.form.startswith(("小", "老")):
        return False
    if doc.chat or _THEIR_UNIT_BEFORE.search(doc.t, max(0, said.start - 4), said.start):
        return False
    t = doc.t
    before = _ALONG_BEFORE.search(t, max(0, said.start - 12), said.start)
    if _ALONG_AFTER.match(t, said.end) and (before is None or not before.group().startswith("让")):
        return True
    return (
        before is not None
        and before.group().startswith(("安排", "让"))
        and _SENT_AFTER.match(t, said.end) is not None
        and re.search(r"我(?!们)", t[max(0, said.start - 8) : said.start]) is not None
    )


_ROLE_OPENS = re.compile(r"经理|总监")
_A_RESELLER = re.compile(r"经销商|代理商|分销商|门店|卖场")


def _ours(doc: Doc, a: int) -> bool:
    """In a customer's chat line, or words of theirs told (王总说：我们刘总…, 吴总说我们财务王姐…),
    我们 is the customer's own side."""
    said = _OUR_PEOPLE.search(doc.t, max(0, a - 9), a)
    role = _ROLE_OPENS.match(doc.t, a)
    if said is None and role is not None:  # (区域经理张姐说…: the role read with the person)
        said = _OUR_PEOPLE.search(doc.t, max(0, a - 9), role.end())
    if said is None or re.search(r"客户|对接|联系|甲方", said.group()):
        return False
    if _A_RESELLER.search(doc.t, 0, a) and re.search(r"总监|渠道", said.group()):
        return False  # (经销商恒通贸易…跟销售总监李总: a reseller's own sales people)
    told = _THEIR_WORDS.search(doc.t, max(0, said.start() - 8), said.start())
    return not doc.said_by_customer(a) and told is None


_BETWEEN_SCRIPTS = " ()/-,"
_OUR_SIDE = re.compile(
    r"(?:(?<![他她方])同事|我们的|我司的?|咱们的?|我们(?:技术|工程师|老板|经理|销售|同事)|"
    r"(?i:(?a:\b)(?:our|my)(?a:\b)(?: [a-z]+)?))[ ]?$"
)

# 我们 sales manager 张伟, 跟我们 team 的 account manager 陈杰, 我们 的 Jason 何: 我们 a few
# spaced words before (only spaces, 的, team) is still the rep's side.
_OUR_NEAR = re.compile(
    r"(?:我们|我司|咱们|(?i:(?a:\b)our(?a:\b)))(?:[ ]|的|(?i:(?a:\b)team(?a:\b)))*$"
)


def _our_near(t: str, a: int) -> bool:
    return _OUR_SIDE.search(t, max(0, a - 10), a) is not None or bool(
        _OUR_NEAR.search(t, max(0, a - 16), a)
    )


# 我们 Kevin 梁 13912345678: the colleague's own phone, said right after him, is nobody's here.
_OWN_PHONE = re.compile(r"[ ]*(?:手机|电话|(?i:tel|mobile))?[ :：]*\+?\d[\d -]{6,}\d")


def _mark_ours(doc: Doc, a: int, b: int) -> None:
    said = _OWN_PHONE.match(doc.t, b)
    doc.mark(a, said.end() if said else b)


# Wang总, Li工, Ho经理: a surname in Latin letters, then the title it is called by.
_LATIN_TITLED = re.compile(rf"(?<![A-Za-z])(?P<s>[A-Z][a-z]{{1,6}})[ ]?(?P<t>{TITLE_RE.pattern})")


def _latin_titled_mentions(doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
    out: list[Mention] = []
    for m in _LATIN_TITLED.finditer(doc.t):
        a, b = m.span()
        if m["s"] not in LATIN_SURNAMES or any(x < b and a < y for x, y in taken):
            continue
        if not doc.free(a, b):
            continue
        title = SHORT_TITLES.get(m["t"], m["t"])
        out.append(Mention(a, b, surname=m["s"], title=title, form=m.group()))
    return out


# 招商局物流's Peter, Maybank 的 Jessica Tan, 採購部嘅Mandy Ho: someone of theirs (a given
# name alone only in English: 的 Kevin may be anyone's Kevin).
_OF_THEIRS = re.compile(r"(?:的|嘅|'s|(?a:\b)of|(?a:\b)at|(?a:\b)from|@)[ ]?$", re.IGNORECASE)
_OF_THEIRS_EN = re.compile(r"(?:'s|(?a:\b)of|(?a:\b)at|(?a:\b)from|@)[ ]?$", re.IGNORECASE)
_MALAY_HONORIFIC = ("Encik ", "Puan ", "Cik ", "Tuan ")
# Tina-宝洁采购 14:02, Tina 14:02, Tina: …, Tina (宝洁): a chat speaker or a card's name line.
_HEADS_A_LINE = re.compile(r"[ ]*(?:$|\n|[-(:]|\d{1,2}:\d{2})", re.MULTILINE)


def _placed_as_theirs(t: str, a: int, b: int, form: str | None, surname: str | None) -> bool:
    """A name in Latin script said where a customer's person is: after an honorific, after
    an organisation's 的/'s, or heading a line (a card's, a chat speaker's)."""
    if form and form.startswith(_MALAY_HONORIFIC):
        return True
    if surname and (_NUMBER_AFTER.match(t, b) or _MET_BEFORE.search(t, max(0, a - 12), a)):
        return True  # Raymond Lee 6023 4418, Lunch w/ Jessica Liu: someone met, with a number
    line = t.rfind("\n", 0, a) + 1
    if not t[line:a].strip():  # heading a card's line or a chat's (not "Grace period 30天")
        return bool(surname) or bool(_HEADS_A_LINE.match(t, b))
    of_theirs = _OF_THEIRS if surname else _OF_THEIRS_EN
    if of_theirs.search(t, max(0, a - 6), a):
        return True
    # (Bella from 欧莱雅中国, Eric (PM), Amy Wang (HR Director @ 字节跳动): a role or a firm
    # said right after the name — not (我们的PM) or (our side))
    after = _ROLE_OR_FIRM_AFTER.match(t, b)
    return after is not None and not _OURS_SAID.search(after.group())


_FIRM_AFTER_NAME = re.compile(
    r"电气|电子|电器|科技|集团|公司|股份|医药|实业|控股|能源|机械|体育|药业|化工|智能|物流"
)
_ROLE_OR_FIRM_AFTER = re.compile(
    r"[ ]*(?:\((?:[^()\n]{0,30}@[^()\n]{1,30}|(?i:PM|IT|HR|QA|procurement|purchasing|buyer|"
    r"sourcing|[^()\n]{0,12}(?:manager|director|engineer|head|VP|采购|财务|经理|总监|工程师|主管)"
    r"[^()\n]{0,12}))\)"
    r"|(?:from|@|of)[ ]+(?:[A-Z]|[\u4e00-\u9fff]))"
)
_OURS_SAID = re.compile(r"(?i)我们|我司|同事|销售|(?a:\b)(?:our|my|us|sales)(?a:\b)")
_LABEL_AFTER = re.compile(r"\s*[:：]\s*[+0-9(]")
_NUMBER_AFTER = re.compile(r"[ ]*(?:HP|Mobile|Tel|手机|电话)?[ ]*[:：]?[ ]*\+?\d[\d -]{6,}\d")
_MET_BEFORE = re.compile(
    r"(?i)(?a:\b)(?:lunch|dinner|met|meeting|called|call|visited)\s+(?:w/|with)?\s*$"
)


def _latin_mentions(doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
    """David Ng, 产品总监Lily, Encik Ahmad: people named in Latin script (see _latin)."""
    t = doc.t
    names = find_latin_names(t)
    names += surname_mentions(t, names)
    out: list[Mention] = []
    placed: set[str] = set()
    for x in sorted(names, key=lambda x: x.start):
        if any(a < x.end and x.start < b for a, b in taken) or not doc.free(x.start, x.end):
            continue
        if any(
            not t[x.end : a].strip(_BETWEEN_SCRIPTS) or not t[b : x.start].strip(_BETWEEN_SCRIPTS)
            for a, b in taken
            if x.end <= a <= x.end + 2 or x.start - 2 <= b <= x.start
        ):
            continue  # Jason 黄经理, David Lim 林大伟, 林经理(Kevin): one person, in both scripts
        if _LABEL_AFTER.match(t, x.end):
            continue  # Tel: 0512…, Mobile：139…: a card's label, no name
        if _calls_the_rep(doc, x.start, x.end) or _our_near(t, x.start):
            _mark_ours(doc, x.start, x.end)
            continue  # 我们的 Tony, our engineer Kevin: the rep's side, no contact
        title = english_title_before(t, x.start)
        if title is None:
            said = TITLE_RE.search(t, max(0, x.start - 8), x.start)
            while said is not None and said.end() < x.start - 1:
                said = TITLE_RE.search(t, said.end(), x.start)
            if said is not None and t[said.end() : x.start].strip(" ") == "":
                # 产品总监Lily, 运营总监 Tony (on one line: a card's 助理\nTel), HSE 经理 Tony
                title = acronym_before(t, said.start()) + said.group()
        # Jason 何: a given name and a Chinese surname, both scripts of the customer's person
        mixed = x.surname is not None and is_cjk(x.surname[0])
        if not (
            title
            or mixed
            or x.name in placed
            or _placed_as_theirs(t, x.start, x.end, x.form, x.surname)
        ):
            continue  # 跟 Tony 汇报: no sign it is the customer's Tony (the rep's boss?)
        placed.add(x.name)
        # (Jason 何 is called Jason, his name not said; Linda 郝丽娜 is named 郝丽娜)
        name = x.name if is_cjk(x.name[0]) else None if mixed or x.name == x.surname else x.name
        out.append(Mention(x.start, x.end, surname=x.surname, name=name, title=title, form=x.form))
    return out


# 采购 Linda, IT 的 Kevin: an English given name right after what the person does there.
_ROLE_THEN_GIVEN = re.compile(
    r"(?:采购|财务|法务|秘书|助理)[ ]?"
    r"(?P<who>[A-Z][a-z]{2,9})\b(?!\s*[A-Z][a-z])(?!\s*[:：])"  # (助理\nTel: a card's label)
)


def _role_then_given_mentions(doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
    out: list[Mention] = []
    for m in _ROLE_THEN_GIVEN.finditer(doc.t):
        a, b = m.span("who")
        if any(x < b and a < y for x, y in taken) or not doc.free(a, b):
            continue
        if chinese_surname_after(doc.t, b) is not None:
            continue  # 采购 Ken 黄: read with his surname (see _latin)
        out.append(Mention(a, b, name=m["who"], form=m["who"]))
    return out


# 院长姓邵, 主任姓罗, 一个副总姓于: a title, then the surname said for it.
_SURNAME_SAID = re.compile(rf"(?P<title>{TITLE_RE.pattern})\s*姓\s*(?P<s>[\u4e00-\u9fff])")


def _surname_said_mentions(doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
    out: list[Mention] = []
    for m in _SURNAME_SAID.finditer(doc.t):
        a, b = m.span()
        if m["s"] not in SURNAMES or any(x < b and a < y for x, y in taken):
            continue
        if doc.date_at[a] or not doc.free(a, b):
            continue
        out.append(Mention(a, b, surname=m["s"], title=m["title"]))
    return out


_SPEAKER_LABEL = re.compile(r"^[^\n:]{1,12}:")
_GREETING = frozenset(("", "hi", "hello", "dear", "您好", "你好", "嗨"))


# 设备科的叶科(采购), 吕科负责商务: 科 for 科长, said only between a word's end and a deed.
_KE = re.compile(
    r"(?P<s>[\u4e00-\u9fff])科(?=[(\s,;:。!?]|$|[负打说管讲是和跟也都在让给对那已还就])"
)
_NOT_KE = frozenset(words("文科 理科 工科 商科 医科 本科 专科 学科 华科 中科 农科 社科 百科 牙科"))


def _ke_mentions(doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
    t = doc.t
    out: list[Mention] = []
    for m in _KE.finditer(t):
        a, b = m.start(), m.end()
        if m["s"] not in SURNAMES or t[a:b] in _NOT_KE or not doc.free(a, b) or doc.date_at[a]:
            continue
        if a > 0 and is_cjk(t[a - 1]) and t[a - 1] not in NAME_STOP:
            continue  # 检验科, 保卫科: a department's name
        if any(x < b and a < y for x, y in taken):
            continue
        out.append(Mention(a, b, surname=m["s"], title="科长"))
    return out


# “小王，明天上午我在武汉项目部…”, 朱主任：小陈，你们展位在哪, 「小刘你好，我是…」: a customer's
# words that open by calling the rep 小X and go on speaking to them.
_OPENS_WORDS = re.compile(r"(?:^|[\n\"(:])[ ]*$")  # (folded: “ 「 ： are " ( :)
# (蒋总：小周啊，我这周六在杭州…: a word of calling may stand between the name and the comma)
_CALLED_THEN = re.compile(r"[ ]*(?:啊|呀|哈|啦)?(?:[,!，！]|你好|您好)")
_TO_THE_REP = re.compile(r"你|您|我")
_TO_YOU = re.compile(r"你|您")


def _addressed_in_quote(t: str, a: int, b: int) -> bool:
    """(小陈，负责比价，我加了微信 — a line of the rep's own list — names a contact: only words in
    quotes go on with 我; a line or a speaker's words must speak to the rep, 你/您)"""
    opening = _OPENS_WORDS.search(t, max(0, a - 12), a)
    if t[a] != "小" or opening is None:
        return False
    called = _CALLED_THEN.match(t, b)
    line_end = t.find("\n", b)
    rest = t[called.end() : line_end if line_end >= 0 else len(t)] if called else ""
    quoted = opening.group().strip(" ")[-1:] in ('"', "(")
    return called is not None and bool((_TO_THE_REP if quoted else _TO_YOU).search(rest))


_CALLED_END = re.compile(r"(?:,| ,|!)|(?:啊|呀)[ ,!]")


def _calls_the_rep(doc: Doc, a: int, b: int) -> bool:
    """小王,你们的PACS系统… / Hi 张经理,PO已经下了: in a pasted chat the customer's line opens
    by calling the rep."""
    if _addressed_in_quote(doc.t, a, b):
        return True
    # (马总：小刘啊 你们的设备到了没有: a word of calling after the name)
    called = _CALLED_END.match(doc.t, b)
    if not doc.chat or not doc.said_by_customer(a) or called is None:
        return False
    if called.group()[0] in "啊呀" and doc.t[a] not in "小老":
        return False  # (孙总：王工啊 他下周才回来: someone of theirs talked about)
    line = doc.t.rfind("\n", 0, a) + 1
    opening = _SPEAKER_LABEL.sub("", doc.t[line:a])  # 陆总:小周,你们的…
    return opening.strip(" ,").lower() in _GREETING


def _named_mentions(doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
    out: list[Mention] = []
    for m in _NAME_TRIGGER.finditer(doc.t):
        after = _name_after(doc, m.end())
        if after is None or after[1] is not None:
            continue
        full, _, end = after
        if any(x < end and m.end() < y for x, y in taken):
            continue
        # (技术部的部长叫做杜东平: the title said just before the name it is called)
        # (a whole title only: 员工叫做…, 农商行叫做… end in no one's 工 or 行)
        titled = _TITLE_ENDING.search(doc.t, max(0, m.start() - 6), m.start())
        whole = titled is not None and titled.group() in TITLES and len(titled.group()) >= 2
        title = (
            titled.group()
            if titled and whole and doc.t.startswith(("叫", "名叫"), m.start())
            else None
        )
        start = titled.start() if title and titled else m.end()
        # (联系人叫做, 采购叫做: the words that lead to the name, no company)
        doc.mark(m.start(), m.end())
        out.append(Mention(start, end, surname=_surname_prefix(full), name=full, title=title))
    return out


# A pasted business card: a name alone on its line, or beside its title or English name.
_ORG_END = frozenset("司院局部厂行科处室所委厅校店团队站组班办市省区县心中社会馆台")
_CARD_TOKEN = re.compile(r"[\u4e00-\u9fff]+")
_CARD_OTHER = re.compile(r"^[\sA-Za-z.,/:()'&|-]*$")  # (王晓东 | 采购经理)


def _card_name(doc: Doc, a: int, b: int, rare: bool = False) -> Mention | None:
    """A full name standing alone (on a card's line, as a chat's speaker); with ``rare``, also
    one of three whose surname is read only alone elsewhere (羊安东, 乜国平)."""
    word = doc.t[a:b]
    sur = _surname_prefix(word)
    if sur is None and rare and len(word) == 3 and word[0] in _RARE_SURNAMES:
        sur = word[0]
    if sur is None or not 1 <= len(word) - len(sur) <= 2 or TITLE_RE.search(word):
        return None
    if word[-1] in _ORG_END or not doc.free(a, b) or any(doc.date_at[a:b]) or word in _NOT_BARE:
        return None  # (辛苦, 方案: words that start with a surname)
    given = word[len(sur) :]
    # (王小明 alone on its line: 小 opens the given name, as after a title)
    xiao = not rare and len(given) == 2 and given[0] == "小" and _given_xiao(given)
    if any(ch in NAME_STOP for ch in (given[1:] if xiao else given)):
        return None
    return Mention(a, b, surname=sur, name=word)


_TITLE_ENDING = re.compile(rf"(?:{TITLE_RE.pattern})$")
_DEGREES = frozenset(words("博士 硕士 教授 研究员"))


def _line_title(line: str) -> str | None:
    """The title a card line holds when it holds nothing else (资讯室 主任, 采购部 副部长): a
    whole title ending the line, never a company's 院 (华东电力设计院有限公司 is no 院长)."""
    last = (_CARD_TOKEN.findall(line) or [""])[-1]
    found = [m for m in TITLE_RE.finditer(last) if m.group() in TITLES]
    return found[-1].group() if found and found[-1].end() == len(last) else None


_CARD_LINE_END = re.compile(r"\n|[ ]+/[ ]+")
# 刘 畅, 韩 磊: a card's two-character name spaced out to the width of a longer one
# (姓 名：笪 立 新, 联 系 人：仉 静: the form's label; 总 经 理  谈 国 华 and 亓 建 华    副局长: the
# title spaced or not, before or after the name on its line — a compound surname spaced out,
# 欧 阳 晓 燕, was tried and lost on blind19)
_SPACED_CARD_NAME = re.compile(
    r"[ ]*(?:(?:姓[ ]*名|联[ ]*系[ ]*人)[ ]*[:：][ ]*)?"
    # (经理 鄂 晓 燕: a title written whole may stand one space before the name)
    # (采购部 部长 佟 立 国: a department before the title)
    rf"(?:(?P<t>[\u4e00-\u9fff](?:[ ]?[\u4e00-\u9fff]){{1,4}})[ ]{{2,}}|"
    rf"(?:[\u4e00-\u9fff]{{1,6}}(?:部|处|科|室|中心)[ ])?(?P<t1>{TITLE_RE.pattern})[ ])?"
    r"(?P<n>(?P<s>[\u4e00-\u9fff]{2}(?=[ ])|[\u4e00-\u9fff])[ ]{1,2}(?P<g>[\u4e00-\u9fff](?:[ ]{0,2}[\u4e00-\u9fff])?))"
    r"(?:[ ]{2,}(?P<t2>[\u4e00-\u9fff]{2,5}))?[ ]*"
    # (金 敏 洙 Kim Min-soo, 欧阳 慧 敏 (Grace))
    r"(?:[ ]\(?[A-Z][A-Za-z-]+(?:[ ][A-Z][A-Za-z-]+){0,2}\)?[ ]*)?"
)


def _spaced_title(spaced: re.Match[str]) -> tuple[bool, str | None]:
    """Whether a spaced name's line reads as a card's name, and the title said on it: the
    words beside the name must be one title (总 经 理, 副局长) or nothing."""
    said = [x.replace(" ", "") for x in (spaced["t"], spaced["t1"], spaced["t2"]) if x]
    if not said:
        return True, None
    return (True, said[0]) if len(said) == 1 and said[0] in TITLES else (False, None)


# 林 姐, 李 哥, 陈 生: how someone is called, spaced out like a name
_SPACED_FORMS = frozenset("姐哥叔伯姨嫂少生太")
# Form labels a template spaces out (项 目, 金 额, 付 款, 日 期): no one
_SPACED_LABELS = frozenset(
    words("项目 付款 日期 地址 备注 客户 单位 部门 电话 手机 姓名 职务 合计 数量 单价")
)
# What stands near a card's name: a phone number or a title on a line of its own
_CARD_NEAR = re.compile(r"\d[\d -]{6,}\d")


def _spaced_card_mention(
    doc: Doc, spaced: re.Match[str], taken: list[tuple[int, int]], near: str
) -> Mention | None:
    """刘 畅 (a name), 王 总 or 林 姐 (how someone is called), alone on a card's line with a
    number or a title near it."""
    a, b = spaced.span("n")
    if not doc.free(a, b) or any(x < b and a < y for x, y in taken):
        return None
    if not _CARD_NEAR.search(near) and not any(map(_line_title, near.split("\n"))):
        return None
    sur, given = spaced["s"], spaced["g"].replace(" ", "")  # (黄 永 福: each character spaced)
    word = sur + given
    if _called_by(given) or given in _SPACED_FORMS:
        title = SHORT_TITLES.get(given, given if given in TITLES else None)
        return Mention(a, b, surname=sur, title=title, form=word)
    if word in _NOT_BARE or word in _SPACED_LABELS or given[-1] in _ORG_END:
        return None
    if any(ch in NAME_STOP for ch in given) or TITLE_RE.search(word):
        return None
    return Mention(a, b, surname=sur, name=word)


def _spaced_line_title(line: str) -> str | None:
    """董 事 长 on a card's line of its own: a title spaced out like the name."""
    if re.fullmatch(r"[ ]*[\u4e00-\u9fff](?:[ ]{1,2}[\u4e00-\u9fff]){1,4}[ ]*", line):
        joined = line.replace(" ", "")
        return joined if joined in TITLES else None
    return None


def _title_beside(t: str, lines: list[tuple[int, int]], i: int) -> str | None:
    """The title a card gives on the line before or after its name's line ``i``."""
    for j in (i - 1, i + 1):
        line = t[lines[j][0] : lines[j][1]] if 0 <= j < len(lines) else ""
        if line and (title := _line_title(line) or _spaced_line_title(line)):
            return title
    return None


_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z.'-]*")


def _rare_card_name(doc: Doc, lines: list[tuple[int, int]], i: int) -> Mention | None:
    """A full name of three alone on a card's line, of a surname that is a word as often (羊安东,
    党海东): a name only with its title on the line before or after."""
    a, b = lines[i]
    said = doc.t[a:b].split()
    if not said or any(x not in _DEGREES and not _LATIN_WORD.fullmatch(x) for x in said[1:]):
        return None  # (乜国平 博士, 区志强 Au Chi-keung: only a degree or the English name beside)
    word = said[0]
    if not _CARD_TOKEN.fullmatch(word) or _title_beside(doc.t, lines, i) is None:
        return None
    x = doc.t.index(word, a)
    return _card_name(doc, x, x + len(word), rare=True)


def _card_mentions(doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
    t = doc.t
    # (名片：国网湖北省电力 / 招标采购部 / 主任 / 严国庆 / 电话 …: a card pasted on one line)
    lines: list[tuple[int, int]] = []
    start = 0
    for cut in _CARD_LINE_END.finditer(t + "\n"):
        lines.append((start, cut.start()))
        start = cut.end()
    if sum(1 for a, b in lines if t[a:b].strip()) < 3:
        return []
    out: list[Mention] = []
    for i, (a, b) in enumerate(lines):
        spaced = _SPACED_CARD_NAME.fullmatch(t, a, b)
        # (副处长  巩 晓 峰: the title before the name on its line; 乐 海 涛 alone on its line)
        reads, on_line = _spaced_title(spaced) if spaced else (False, None)
        if (
            spaced
            and reads
            and (
                spaced["s"] in SURNAMES
                or spaced["s"] in COMPOUND_SURNAMES  # (欧阳 慧 敏)
                or spaced["s"] in _RARE_SURNAMES
                or _WORD_SURNAME.fullmatch(spaced["s"])
            )
        ):
            near = t[lines[max(0, i - 2)][0] : lines[min(len(lines) - 1, i + 2)][1]]
            said = _spaced_card_mention(doc, spaced, taken, near)
            if said is not None:
                if said.name and said.title is None:
                    said.title = on_line or _title_beside(t, lines, i)
                out.append(said)
            continue
        tokens = [m.span() for m in _CARD_TOKEN.finditer(t, a, b)]
        names = [m for x, y in tokens if (m := _card_name(doc, x, y)) is not None]
        rare = _rare_card_name(doc, lines, i) if not names else None
        if rare is not None:  # 副总经理 / 羊安东 / Tel: a rarer surname, its title beside
            names = [rare]
        if len(names) != 1 or any(x < names[0].end and names[0].start < y for x, y in taken):
            continue
        name = names[0]
        # (Jack 向 向建军, Michael 高  高志远: the surname said again after the English name)
        rest = [
            t[x:y] for x, y in tokens if (x, y) != (name.start, name.end) and t[x:y] != name.surname
        ]
        # 高级工程师 曹雨桐, 魏长青 博士, 臺北市政府資訊局 科長 蔡宜君: a title (ending the
        # word), a degree, or the organisation beside the name on its line
        titles = [found.group() for r in rest if (found := _TITLE_ENDING.search(r))]
        held = [x for x in titles if x not in _DEGREES]  # (副院长 above, 博士 beside: the post)
        if any(
            not _TITLE_ENDING.search(r) and r not in _DEGREES and r[-1] not in _ORG_END
            for r in rest
        ):
            continue
        if not _CARD_OTHER.match(re.sub(r"[\u4e00-\u9fff]+", "", t[a:b])):
            continue
        beside = None if held else _title_beside(t, lines, i)
        name.title = held[-1] if held else beside or (titles[-1] if titles else None)
        out.append(name)
    return out


# 孙晓梅(市妇幼设备科) 09:41 / 潘建华-力诺光伏 16:20: a chat line's speaker by full name.
_SPEAKER_NAME = re.compile(
    r"(?m)^(?P<n>[\u4e00-\u9fff]{2,4})(?=(?:\([^)\n]{1,20}\)|-[^\s]{1,20})?[ ]*\d{1,2}:\d{2})"
)


def _speaker_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A pasted chat's speaker named in full is the one called by that surname in it (李建国 …
    李主任,明天上午把报价发您); a full name no one is called by is left alone (a company?)."""
    if not doc.chat:
        return []
    called = {m.surname for m in mentions if not m.pronoun and m.name is None}
    out: list[Mention] = []
    for m in _SPEAKER_NAME.finditer(doc.t):
        found = _card_name(doc, *m.span("n"))
        if found is not None and found.surname in called:
            out.append(found)
    return out


def _name_then_title_mentions(doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
    """王明 采购部经理 / 王明(采购经理): a name on its own, then its title on its own."""
    t = doc.t
    out: list[Mention] = []
    chunks = doc.chunks_in(0, len(t))
    for (a, b), (c, d) in pairwise(chunks):
        if any(x < b and a < y for x, y in taken) or t[b:c].strip(" ()") != "":
            continue
        name = _card_name(doc, a, b)
        if name is None or (a > 0 and is_cjk(t[a - 1])):
            continue
        title = TITLE_RE.search(t, c, d)
        if title is None or title.end() != d or any(x < d and c < y for x, y in taken):
            continue
        name.title = title.group()
        name.end = d
        out.append(name)
    return out


# The short titles a person is called by after their full title (项目经理钱工).
_CALLED_BY_TITLE = frozenset({*SHORT_TITLES, "总"})


def _called_by(rest: str) -> bool:
    """What follows a surname is how the person is called (工, 总, 主任, 医生, and 梁太 for
    Mrs Leung), no given name."""
    return rest in _CALLED_BY_TITLE or rest in TITLES or rest == "太"


# 班长阿强, 司机阿伟: 阿 and one character, how southern workmates are called.
_NOT_A_NAME = frozenset("里姨根拉胶司迪尔克坝联富婆公妈爸哥姐嫂叔伯舅爷奶们")


def _a_name_after(doc: Doc, start: int) -> tuple[str, int] | None:
    t = doc.t
    end = start + 2
    if not t.startswith("阿", start) or end > len(t) or not is_cjk(t[start + 1]):
        return None
    if t[start + 1] in _NOT_A_NAME or t[start + 1] in NAME_STOP or not _boundary(doc, end):
        return None
    return t[start:end], end


def _compatible(p: ContactFact, m: Mention) -> bool:
    if m.name and p.name:
        return m.name == p.name
    if m.surname != p.surname:
        return False
    said = title_info(m.title) if m.title else None
    if said is not None and p.salutation == f"{m.surname}{said.address}":
        return True  # 项目经理钱工 … 钱工说: the one called 钱工
    if m.form and m.form[-1] in "生士姐太" and p.title and not p.salutation:
        return False  # 王局长 … 王小姐: 女士/小姐/先生 is someone else than the one with a title
    if m.title and p.title and m.title.isascii() != p.title.isascii() and (m.name or p.name):
        return _same_rank(m.title, p.title)  # purchasing manager 杨晓峰 … 杨经理
    if m.title and p.title:
        a, b = title_info(m.title), title_info(p.title)
        # (董事长王建国 … 王总说: a chairman is called 王总 as often as 王董)
        return a is not None and b is not None and _same_address(a.address, b.address)
    if m.form and p.salutation:
        return m.form == p.salutation
    return True


def _same_address(x: str, y: str) -> bool:
    return x == y or {x, y} == {"董", "总"}


# An English title's last word and how the same rank is addressed in Chinese.
_ENGLISH_RANKS = {"manager": "经理", "engineer": "工", "director": "总监"}


def _same_rank(x: str, y: str) -> bool:
    english, chinese = (x, y) if x.isascii() else (y, x)
    said = english.lower().replace(",", " ").split()
    info = title_info(chinese)
    return (
        bool(said) and info is not None and _ENGLISH_RANKS.get(said[-1]) in (info.address, chinese)
    )


def _two_introduced(doc: Doc, people: People, i: int, p: ContactFact, m: Mention) -> bool:
    """QA manager 刘洋 和采购部刘经理, sales manager 王强 …，王经理（采购）: an English title and a
    Chinese one said in one sentence are two people; in the next (… 蔡经理说) the same one."""
    if not (m.title and p.title and m.title.isascii() != p.title.isascii()):
        return False
    last = max((x.end for x in people.mentions if x.contact == i), default=-1)
    return last >= 0 and not re.search(r"[。.!?;；\n]", doc.t[last : m.start])


def _refine_title(p: ContactFact, said: str) -> None:
    """The contact's title refined by one said again; a chairman the note calls 王总 (王总（董事长）,
    董事长王建国 … 王总说) is still greeted 王总."""
    better = _better_title(p.title, said)
    info = title_info(better)
    if "总" in (p.title, said) and info is not None and info.address == "董" and p.surname:
        p.salutation = p.salutation or p.surname + "总"
    p.title = better


def _better_title(old: str | None, new: str) -> str:
    if old is None:
        return new
    a, b = title_info(old), title_info(new)
    if old == "总" and b is not None and _same_address(b.address, "总"):
        return new
    if new.endswith(old) or (a and b and a.address == b.address and len(new) > len(old)):
        return new
    return old


# 刘厂长 刘建军, 鲁总监 就是鲁晓东: the full name said right after the surname and title.
_APPOSED = re.compile(r"[ ,]*(?:就是|叫|全名|\()?[ ]*")  # (and 吴工(吴军), 段总，段永华)


def _apposed_name_mentions(
    doc: Doc, titled: list[Mention], taken: list[tuple[int, int]]
) -> list[Mention]:
    t = doc.t
    out: list[Mention] = []
    for m in titled:
        if m.name or not m.surname or m.form:
            continue
        lead = _APPOSED.match(t, m.end)
        a = lead.end() if lead else m.end
        if a == m.end or not t.startswith(m.surname, a) or TITLE_RE.match(t, a + len(m.surname)):
            continue
        found = _name_after(doc, a)
        if found is None or found[1] is not None or len(found[0]) <= len(m.surname):
            continue
        name, _, end = found
        if any(x < end and a < y for x, y in taken) or not doc.free(a, end):
            continue
        out.append(Mention(a, end, surname=m.surname, name=name))
    return out


# 肖总 不对 是萧总, 戚主任不对是齐主任, 孔处长 不对他现在是孔副总了: voice input corrected at once
# — the first is nobody.
# (王总不是李总的老板 is no correction: only 不对, 哦不, or 不是 then 是, right after the name;
# 王总说错了，是李总说的 is 王总 who was wrong)
# 周工--不是周工,是吴工 and 张总 哦说错了 是章总 too (说错了 after a pause: the rep's slip)
_CORRECTION = re.compile(
    r"[ ,-]*(?:嗯[ ,]*)?(?:(?:(?:[哦噢呃啊哎诶欸][ ,]*)?不对|哦不)[ ,]*(?:[他她]?现在)?(?:是|应该是)?"
    r"|不是[^\s,。;]{0,4}?[ ,]*(?:是|应该是))[ ]*"
    r"|[ ,-]+(?:哦|啊|呃)?\s*(?:说错了|口误)[ ,]*(?:是|应该是)[ ]*"
)


_MEANT = re.compile(r"[ ,]*(?:是|应该是)[ ]*")
_DENIED_FIRST = re.compile(r"(?:^|[ ,。;\n]|[哦噢呃])\s*不是$")


_SURNAME_THEN_SPELLING = re.compile(r"[ ,]+(?:[\u4e00-\u9fff]{1,4}[ ,]+)?")


def _meant_spelled(doc: Doc, m: Mention, at: int, later: list[Mention]) -> Mention | None:
    """The full name meant, said after its surname alone and how it is written."""
    t = doc.t
    if at >= len(t) or t[at] == m.surname or not m.surname:
        return None
    gap = _SURNAME_THEN_SPELLING.match(t, at + 1)
    if gap is None:
        return None
    said = next(
        (x for x in later if not x.pronoun and x.start == gap.end() and x.surname == t[at]),
        None,
    )
    if said is not None:
        return said
    found = _name_after(doc, gap.end())
    if found is None or found[1] is not None or not found[0].startswith(t[at]):
        return None
    name, _, end = found
    if len(name) < 2 or not doc.free(gap.end(), end):
        return None
    return Mention(gap.end(), end, surname=t[at], name=name)


def _corrected(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    denied = -1  # (周工--不是周工,是吴工: the name said again in the denial is nobody too)
    for i, m in enumerate(mentions):
        if m.start < denied:
            continue
        said = None if m.pronoun else _CORRECTION.match(doc.t, m.end)
        # (拜访格力，不是许经理，是徐经理: the one denied first — 签字的不是柯总，是彭董 says who
        # does it, both people)
        if said is None and not m.pronoun and _DENIED_FIRST.search(doc.t, 0, m.start):
            said = _MEANT.match(doc.t, m.end)
        if said is not None and any(
            not x.pronoun and x.start == said.end() for x in mentions[i + 1 :]
        ):
            doc.mark(m.start, said.end())  # (找王总 不对: no company either)
            denied = said.end()
            continue
        spelled = _meant_spelled(doc, m, said.end(), mentions[i + 1 :]) if said else None
        if said is not None and spelled is not None:
            # (张经理 不对 是章 立早章 章海涛: the surname meant, spelled, then the full name)
            doc.mark(m.start, said.end())
            if spelled.title is None and m.title is not None:
                spelled.title, spelled.form = m.title, None
            if spelled not in mentions:
                out.append(spelled)
            denied = spelled.start
            continue
        out.append(m)
    return sorted(out, key=lambda x: x.start)


# 祝武总一路顺利, 祝王局生日快乐: a wish said to someone, 祝 no part of their name
_WISHED = re.compile(
    r"祝(?=[\u4e00-\u9fff]{1,3}?(?:总|局|经理|主任|董|工|老师|处|姐|哥)"
    r"[^,。;\n]{0,2}?(?:一路|生日|新年|节日|春节|中秋|身体|工作|万事|平安|顺利|快乐|发财|健康))"
)


# 小杨(杨帆), 侯博士（侯文斌）, 司马工(司马俊): the full name in brackets after how they are called
_FULL_NAME_IN_BRACKETS = re.compile(r"[(]\s*(?P<name>[\u4e00-\u9fff]{2,4})\s*[)]")


def _named_in_brackets(doc: Doc, mentions: list[Mention]) -> None:
    t = doc.t
    for m in mentions:
        said = _FULL_NAME_IN_BRACKETS.match(t, m.end)
        if m.pronoun or m.name or not m.surname or said is None:
            continue
        name = said["name"]
        given = name[len(m.surname) :]
        if any(said.start() <= x.start and x.end <= said.end() for x in mentions):
            continue  # (总经理漆总（漆卫国）: read already, with what it says)
        if (
            name.startswith(m.surname)
            and 1 <= len(given) <= 2
            and not any(c in NAME_STOP for c in given)
            and not _called_by(given)
            and doc.free(*said.span())
        ):
            m.name = name
            doc.mark(*said.span())


def find_people(doc: Doc, family_spans: list[tuple[int, int]]) -> People:
    """All person mentions of the note, grouped into contacts."""
    for wish in _WISHED.finditer(doc.t):  # (祝武总一路顺利: 祝 wishes 武总 well, no 祝武)
        doc.mark(wish.start(), wish.start() + 1)
    mentions = _title_mentions(doc)
    taken = [(m.start, m.end) for m in mentions] + family_spans
    mentions += _apposed_name_mentions(doc, mentions, taken)
    taken = [(m.start, m.end) for m in mentions] + family_spans
    mentions += _surname_said_mentions(doc, taken)
    taken = [(m.start, m.end) for m in mentions] + family_spans
    mentions += _ke_mentions(doc, taken)
    taken = [(m.start, m.end) for m in mentions] + family_spans
    mentions += _sir_mentions(doc, taken)
    taken = [(m.start, m.end) for m in mentions] + family_spans
    # (a full name first: 采购员汤小燕 is no 小燕)
    mentions += _named_mentions(doc, taken)
    taken = [(m.start, m.end) for m in mentions] + family_spans
    mentions += _xiao_lao_mentions(doc, taken)
    taken = [(m.start, m.end) for m in mentions] + family_spans
    mentions += _courtesy_mentions(doc, taken)
    taken = [(m.start, m.end) for m in mentions]
    mentions += _honorific_mentions(doc, taken)
    taken = [(m.start, m.end) for m in mentions]
    mentions += _role_then_given_mentions(doc, taken)
    taken = [(m.start, m.end) for m in mentions]
    mentions += _card_mentions(doc, taken)
    taken = [(m.start, m.end) for m in mentions] + family_spans
    mentions += _name_then_title_mentions(doc, taken)
    taken = [(m.start, m.end) for m in mentions] + family_spans
    mentions += _bare_name_mentions(doc, taken)
    taken = [(m.start, m.end) for m in mentions]
    mentions += _english_titled_mentions(doc, taken)
    taken = [(m.start, m.end) for m in mentions]
    mentions += _latin_titled_mentions(doc, taken)
    taken = [(m.start, m.end) for m in mentions]
    mentions += _latin_mentions(doc, taken)
    taken = [(m.start, m.end) for m in mentions]
    mentions += _name_before_number_mentions(doc, taken)  # (after a title's: plant manager 周建华)
    mentions += _speaker_mentions(doc, mentions)
    taken = [(m.start, m.end) for m in mentions]
    for m in _PRONOUN.finditer(doc.t):
        if not any(x <= m.start() < y for x, y in taken):
            mentions.append(Mention(m.start(), m.end(), pronoun=True))
    # (施耐德电气, 李宁体育: a firm named like a person — its trade right after the name)
    mentions = [
        m
        for m in mentions
        if m.pronoun or m.title or not m.name or not _FIRM_AFTER_NAME.match(doc.t, m.end)
    ]
    # Hi 张经理,PO已经下了 / 王经理,上次那台B超…: the customer's line calls the rep by name
    kept: list[Mention] = []
    ours: set[str | None] = set()  # how the rep's colleagues were called (实习生小吴 … 让小吴…)
    ours_titled: set[tuple[str | None, str | None]] = set()
    for said in sorted(mentions, key=lambda x: x.start):
        said_ours = not said.pronoun and bool(
            _ours(doc, said.start)
            or _OURS_IN_BRACKETS.match(doc.t, said.end)
            or _OUR_LIST.search(doc.t, max(0, said.start - 40), said.start)
            # (售后小覃上午去了玉柴: ours, opening the sentence — 售后经理刘经理 is the shop's)
            or (
                doc.t.startswith(("小", "老"), said.start)
                and _AFTER_SALES_OPENS.search(doc.t, max(0, said.start - 3), said.start)
            )
        )
        if not said.pronoun and (
            _calls_the_rep(doc, said.start, said.end)
            or any(a <= said.start < b for a, b in doc.rep_labels)  # (小韦：没问题谢总: the rep)
            or said_ours
            or _GOES_WITH_ME.match(doc.t, said.end)
            or (
                (
                    said.form in ours
                    or (
                        (said.surname, said.title) in ours_titled
                        # (万华这边李总, 中粮张经理: one of theirs called the same)
                        and (said.start == 0 or doc.t[said.start - 1] in _BEFORE_OURS_AGAIN)
                    )
                )
                # (他们老张说…, 他们设备科的小李: one of theirs called the same)
                and not _THEIR_UNIT_BEFORE.search(doc.t, max(0, said.start - 4), said.start)
            )
            or _goes_to_see_them(doc, said)
            or _goes_along(doc, said)
        ):
            doc.mark(said.start, said.end)  # (read: the rep, or the rep's colleague)
            # (我们技术总监老周 … 老周下周一去: the familiar form names him again, title or not)
            if said.form is not None and (said.title is None or said.form.startswith(("老", "小"))):
                ours.add(said.form)
                doc.colleague_spans.append((said.start, said.end))
            elif said_ours and said.surname and said.title:  # (跟我们大区的钱总去了… 钱总承诺…)
                ours_titled.add((said.surname, said.title))
        else:
            kept.append(said)
    mentions = _corrected(doc, sorted(kept, key=lambda x: x.start))
    _named_in_brackets(doc, mentions)

    people = People()
    last = -1
    for mention in mentions:
        if mention.pronoun:
            mention.contact = last
            people.mentions.append(mention)
            continue
        idx = -1
        for i, p in enumerate(people.persons):
            if _compatible(p, mention) and not _two_introduced(doc, people, i, p, mention):
                idx = i
                break
        if idx < 0:
            people.persons.append(ContactFact(surname=mention.surname))
            idx = len(people.persons) - 1
        p = people.persons[idx]
        p.name = p.name or mention.name
        if mention.title and p.title and p.title.isascii() and not mention.title.isascii():
            info = title_info(mention.title)  # (senior manager 蔡振兴 … 蔡经理: spoken to so)
            if info is not None and info.address and p.surname and not p.salutation:
                p.salutation = p.surname + info.address
        if mention.title:
            _refine_title(p, mention.title)
        p.salutation = p.salutation or mention.form
        mention.contact = idx
        last = idx
        people.mentions.append(mention)
        doc.mark(mention.start, mention.end)
    _assistants_of(doc, people)
    people.build_anchors()
    _standalone_titles(doc, people)
    _titles_said_before(doc, people)
    _titles_said_after(doc, people)
    _english_titles_before(doc, people)
    _names_told_after(doc, people)
    _named_again(doc, people)
    return people


# 黄 HP 9182 6673, 蒋 mobile 139…, 徐 email …: a surname alone right before a detail's label.
_DETAIL_LABEL = re.compile(
    r"[ ]?(?:手机|电话|座机|邮箱|微信|(?i:hp|mobile|phone|email|tel|wechat)(?a:\b))"
)


def _named_again(doc: Doc, people: People) -> None:
    """林海手机137…, 郑敏负责挂网采购，手机135…: a contact said again by the full name alone (or
    the surname alone before a phone's label) is who the details said next belong to."""
    t = doc.t
    added = False
    for idx, p in enumerate(people.persons):
        said = [p.name] if p.name and len(p.name) >= 2 else []
        if p.surname and sum(q.surname == p.surname for q in people.persons) == 1:
            said.append(p.surname)
        for form in said:
            for m in re.finditer(re.escape(form), t):
                a, b = m.span()
                if not doc.free(a, b) or any(x.start <= a < x.end for x in people.mentions):
                    continue
                if form == p.surname and not _DETAIL_LABEL.match(t, b):
                    continue
                if form == p.name and not (_boundary(doc, b) or _DETAIL_LABEL.match(t, b)):
                    continue
                people.mentions.append(Mention(a, b, surname=p.surname, name=p.name, contact=idx))
                doc.mark(a, b)
                added = True
    if added:
        people.mentions.sort(key=lambda x: x.start)
        people.build_anchors()


# 陳經理…他叫陳建宏, 刘姐…就是刘艳芳: the full name of someone already named, told after.
# (就是 was tried and left out: 就是方案, 就是成本, 就是马上 are words after it, not names)
_NAME_TOLD = re.compile(r"(?:[他她佢]叫|全名(?:是|叫)?|名字(?:是|叫))[ ]?(?=[\u4e00-\u9fff])")
# (儿子叫孙浩: the son's name, see _facts' family)
_FAMILY_BEFORE = re.compile(
    r"儿子|女儿|爱人|老婆|太太|夫人|先生|老公|孩子|父亲|母亲|爸|妈|丈夫|妻子"
)
# a voice note's fillers are no part of a name (他叫方正嗯他说: no 方正嗯; where such a name ends
# is left unread: taking the filler as its end cost blind9 a contact)
_SPOKEN = frozenset("嗯啊呢吧啦哦呀")


def _names_told_after(doc: Doc, people: People) -> None:
    t = doc.t
    for said in _NAME_TOLD.finditer(t):
        start = said.end()
        if not doc.free(start, min(start + 3, len(t))) or _FAMILY_BEFORE.search(
            t, max(0, said.start() - 4), said.start()
        ):
            continue
        sur = _surname_prefix(t[start : start + 2])
        if sur is None:
            continue
        nameless = [p for p in people.persons if p.surname == sur and p.name is None]
        before = people.anchor(said.start())
        if len(nameless) != 1 or before is None or people.persons[before] is not nameless[0]:
            continue  # (only the one just named, and no one else of that surname)
        after = _name_after(doc, start)  # (as after a title: 局长王建国)
        if after is None or after[1] is not None or _SPOKEN.intersection(after[0]):
            continue
        nameless[0].name = after[0]
        doc.mark(start, after[2])


# 小李张总的助理 手机139…, 跟 Eric 张 的 秘书 联系: the assistant is someone else than whose
# assistant; what is said next (a phone) is the assistant's.
_ASSISTANT_OF = re.compile(r"[ ]?的[ ]?(?P<r>助理|秘书|司机)")
_NUMBER_SOON = re.compile(r"\d{7}")


def _assistants_of(doc: Doc, people: People) -> None:
    named = [m for m in people.mentions if not m.pronoun and m.contact >= 0]
    added: list[Mention] = []
    for i, m in enumerate(named):
        said = _ASSISTANT_OF.match(doc.t, m.end)
        if said is None:
            continue
        before = named[i - 1] if i else None
        if before is not None and before.end == m.start and before.form:
            who = before.contact  # 小李张总的助理: 小李 is the assistant
        elif _NUMBER_SOON.search(doc.t, said.end(), said.end() + 20):
            people.persons.append(ContactFact(title=said["r"]))  # (her number follows)
            who = len(people.persons) - 1
        else:
            continue  # 孙总的秘书打了电话: no more said of her
        doc.mark(*said.span())
        added.append(Mention(said.start("r"), said.end(), pronoun=True, contact=who))
    people.mentions = sorted([*people.mentions, *added], key=lambda x: x.start)


# procurement manager 陆经理, VP 周总: an English title before how the person is called.
_EN_TITLES = {
    "procurement manager": "采购经理",
    "purchasing manager": "采购经理",
    "sales manager": "销售经理",
    "project manager": "项目经理",
    "general manager": "总经理",
    "gm": "总经理",
    "vp": "副总裁",
    "ceo": "总裁",
    "chairman": "董事长",
}


def _english_titles_before(doc: Doc, people: People) -> None:
    for m in people.mentions:
        if m.pronoun or m.contact < 0 or not m.surname or not is_cjk(doc.t[m.start]):
            continue
        said = english_title_before(doc.t, m.start)
        p = people.persons[m.contact]
        if not m.title and said and m.form and p.title is None:
            p.title = said  # facility manager 邵先生: the title, and still called 邵先生
            continue
        if not m.title:
            continue
        chinese = _EN_TITLES.get(said.lower()) if said else None
        a, b = title_info(chinese) if chinese else None, title_info(m.title)
        if a is None or b is None or a.address != b.address:
            continue
        if p.title == m.title:  # (a title said in Chinese elsewhere stays)
            p.salutation = p.salutation or f"{m.surname}{b.address}"
            p.title = chinese


# 周总是分管信息化的副总, 他是 GM: the title said of someone called only 某总 (or not at all).
_IS_TITLE = re.compile(
    rf"是\s?(?:[^,;。\s]{{0,10}}的|(?P<dept>[\u4e00-\u9fff]{{0,4}}?(?:部|处|科|中心|采购)))?"
    rf"(?:(?P<t>{TITLE_RE.pattern})(?=[,;。!?\s]|$)|"
    r"(?P<e>GM|CEO|CFO|CTO|CIO|COO|MD|VP)(?![A-Za-z]))"
)


def _titles_said_after(doc: Doc, people: People) -> None:
    for m in people.mentions:
        said = _IS_TITLE.match(doc.t, m.end)
        if m.contact < 0 or said is None or not doc.free(*said.span()):
            continue
        p = people.persons[m.contact]
        if said["e"]:
            if p.title is not None:
                continue
            p.title = said["e"]  # (a leader by it, as any English title: see finished)
        elif p.title is None and p.name is not None and m.name is not None:
            info = title_info(said["t"])
            if info is None:
                continue
            # (李华是采购经理, 王建国是采购部经理: a full name, then what he is)
            p.title = said["t"]
            p.salutation = p.salutation or f"{p.surname}{info.address}"
        else:
            if said["dept"]:
                continue  # (a department only for someone named whole, above)
            info = title_info(said["t"])
            if (
                info is None
                or not _same_address(info.address, "总")
                or p.title != "总"
                or p.name is not None
            ):
                continue  # (王总是李总的老板: no title of 王总's)
            p.salutation = p.salutation or f"{p.surname}总"
            p.title = said["t"]
        doc.mark(*said.span())


def _titles_said_before(doc: Doc, people: People) -> None:
    """分管副院长郑院长: a deputy's title said right before how the person is called is their
    title (副院长, addressed 郑院长)."""
    t = doc.t
    for m in people.mentions:
        if m.pronoun or not m.title or m.contact < 0:
            continue
        said = title_info(m.title)
        if said is None:
            continue
        for size in range(min(6, m.start), 1, -1):
            word = t[m.start - size : m.start]
            info = title_info(word)
            if info is None or not doc.free(m.start - size, m.start):
                continue
            # (only a deputy: 副院长 is someone else than the 院长)
            deputy = word.startswith(("副", "常务副")) and not m.title.startswith("副")
            # 采购总监龚总, 部长戴总, 厂长贺总: 总 is only how they are called, the title is said
            addressed = m.title == "总" and m.name is None and word != "老板"  # (他们老板文总)
            if m.title in ("医生", "大夫") and word.endswith("医师"):
                # 副主任医师谢医生: the physician's rank, and how patients call them
                p = people.persons[m.contact]
                p.salutation = p.salutation or f"{m.surname}{m.title}"
                p.title = "副" + word if t[m.start - size - 1 : m.start - size] == "副" else word
                doc.mark(m.start - size - (p.title != word), m.start)
                break
            if (info.address == said.address and deputy) or addressed:
                p = people.persons[m.contact]
                if addressed:  # still called 龚总, whatever the title
                    p.salutation = p.salutation or f"{m.surname}总"
                p.title = _with_principal(t, m.start - size, word) if addressed else word
                doc.mark(m.start - size, m.start)
            elif word == "老板" and m.title == "总":
                doc.mark(m.start - size, m.start)  # (said of him, no company's name)
            elif m.title in ("助理", "秘书") and m.name:  # 董事长秘书柴颖: whose secretary
                people.persons[m.contact].title = word + m.title
                doc.mark(m.start - size, m.start)
            break


def _with_principal(t: str, a: int, word: str) -> str:
    """厂长助理, 总经理秘书: an assistant's title with whose assistant they are."""
    if word not in ("助理", "秘书"):
        return word
    for size in (4, 3, 2):
        if a >= size and title_info(t[a - size : a]) is not None:
            return t[a - size : a] + word
    return word


def _standalone_titles(doc: Doc, people: People) -> None:
    """岳总 董事长 / 邵院长 副院长: a chunk that is only a title refines the contact before it."""
    for a, b in doc.chunks_in(0, len(doc.t)):
        word = doc.t[a:b]
        if word in TITLES and doc.free(a, b):
            idx = people.anchor(a)
            if idx is None or people.anchor_pos(a) < 0:
                continue
            _refine_title(people.persons[idx], word)
            doc.mark(a, b)


# Send quotation to Ms. 岑 tomorrow: a clause that is the rep's task from its first word.
_TASK_OPENING = re.compile(
    r"(?i)\s*(?:send|call|email|ping|remind|follow up(?: with)?|visit|meet|pass)(?a:\b)"
)


def mark_task_only(doc: Doc, people: People, follow_ups: list[FollowUpFact]) -> None:
    """明天给财务部周姐寄发票 / Send quotation to Ms. 岑 tomorrow, in a note of a visit: someone
    named only in what the rep is to do later was not met today (absent, like 王局不在)."""
    days = {f.due.date() if isinstance(f.due, datetime) else f.due for f in follow_ups}
    spans = [w.span for w in doc.whens if w.day in days]
    if not spans:
        return
    for idx, p in enumerate(people.persons):
        said = [m for m in people.mentions if m.contact == idx and not m.pronoun]
        if said and all(_in_task(doc, m, spans) for m in said):
            p.absent = True


def _in_task(doc: Doc, m: Mention, spans: list[tuple[int, int]]) -> bool:
    ca, cb = doc.clause(m.start)
    for a, b in spans:
        if not ca <= a < cb:
            continue
        if b <= m.start and not doc.t[ca:a].strip():
            return True  # 明天给财务部周姐寄发票: the day opens the task, the person in it
        if _TASK_OPENING.match(doc.t, ca) and m.start < a:
            return True  # Send quotation to Ms. 岑 tomorrow
    return False


# 周主任: 小张，参数表收到了 — a customer's chat line opening by calling someone is talking
# to the rep, who is no contact of the customer's.
# (小王，… / 小王你好，… / 小王 早上好: the rep called at the start of a customer's line)
_CALLED_AT_LINE_START = re.compile(r"[ ]*(?:你好|您好|早上好|早|在吗|辛苦了?)?[ ]*[,，!！]")


def the_rep_addressed(doc: Doc, people: People) -> set[int]:
    """The persons of a pasted chat named only where a customer's line calls the rep."""
    if not doc.chat:
        return set()
    starts = set(doc.others_lines)
    out: set[int] = set()
    for idx in range(len(people.persons)):
        said = [m for m in people.mentions if m.contact == idx and not m.pronoun]
        if said and all(
            any(0 <= m.start - x <= 1 for x in starts) and _CALLED_AT_LINE_START.match(doc.t, m.end)
            for m in said
        ):
            out.add(idx)
    return out


# 王董本周日程, 黄总 下周 行程, 邱书记春节前的安排: someone named, then the heading of his days
_OWNER_TO_HEAD = re.compile(
    # (杭锅集团吴总（总经理）行程: his title said again in brackets; 陈总助理发来行程: sent by
    # whoever keeps his diary)
    # (丁总秘书小唐发来行程: the secretary named)
    r"(?:\([^()\n]{1,8}\))?(?:的?(?:助理|秘书|办公室)(?:小[\u4e00-\u9fff])?(?:发来|发过来|给)?的?)?"
    # (高总 4/27-5/8 行程: the days it spans)
    rf"(?:[^\S\n]*{DAYS_SPANNED})?"
    r"[\s的]*(?:(?:本|这|下)(?:周|个?星期|个?礼拜|两周|个?月)|近期|最近|春节前|节前|年前|节后"
    # (黄书记9月中下旬安排, 周厅长国庆前的安排, 陈总下周出差安排, 何总 (key) travel)
    r"|(?:[0-9]{1,2}|十[一二]?|[一二三四五六七八九])月(?:份|上旬|中旬|下旬|中下旬|上中旬|底|初)?"
    # (龙总3月第一周安排: a week of the month)
    r"|[\u4e00-\u9fff]{2}前后?|(?:[0-9]{1,2}月)?第[一二三四1-4]周)?[\s的]*(?:出差)?(?:\([^()\n]{1,8}\)\s*)?"
)


# (a line opening with its day and a colon, 周一：市政府开会, is one of the list, no label)
ANOTHER_LABEL = re.compile(
    r"\n\s*(?!(?:下|本|这)?(?:周|星期|礼拜)[一二三四五六日天])[^\s\d:]{1,6}[:]"
)


def schedule_owner(t: str, people: People, a: int) -> Mention | None:
    """Whose schedule the day at ``a`` is listed in: the person named right before its
    heading (a schedule headed with no one named may be the rep's own)."""
    head = schedule_head(t, a)
    if head is None or ANOTHER_LABEL.search(t, head.end(), a):
        return None  # (行程：… / 下一步：这周二之前…: the schedule ended where a label began)
    return next(
        (
            m
            for m in people.mentions
            if not m.pronoun
            and m.contact >= 0
            and m.end <= head.start()
            and _OWNER_TO_HEAD.fullmatch(t, m.end, head.start())
        ),
        None,
    )
