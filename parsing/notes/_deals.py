"""A deal (商机) in a note: amount and currency, stage, expected signing, loss reason, payment plan.

A note speaks of a deal only through a stage word (报价, 预算, 签了, 压价, 丢单, quoted, lost to …);
numbers alone never make one. Amounts are read with their unit (120万, 1.2M, 350k, 三十五万八)
and skipped where they are no deal's value (单价, 营收, 回款到了, 4200元每吨). The latest amount of
the story is the deal's (报价136万 … 谈到了125万 → 125万), and the latest stage word too, except
that a loss or a signing outranks the talk before it. Words are taken from the note as typed
(Traditional stays Traditional); everything is matched on the folded text.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from parsing.dates import find_all_when
from parsing.numerals import cn_to_int

from ._doc import Doc, is_cjk, line_of
from ._fold import fold
from ._model import DealFact, DealStage, Installment
from ._people import People, schedule_owner

__all__ = ["find_deal"]

_CN_NUM = "零〇一二两三四五六七八九十百千"
_AMOUNT = re.compile(
    r"(?P<pre>HK\$|NT\$|S\$|US\$|\$|RM|SGD|USD|HKD|TWD|MYR|RMB|人民币|港币|港元|新台币|台币|新币|马币|"
    r"美元|美金)?\s*"
    rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|[{_CN_NUM}]+)"
    rf"\s*(?P<unit>亿|万元|万|[wWkK](?![A-Za-z])|M(?a:\b)|million(?a:\b))?(?P<tail>\d(?![\d万])|[{_CN_NUM}]+(?!万))?"
    r"\s*(?P<post>元|块|RMB|rmb|人民币|港币|港元|新台币|台币|新币|马币|美元|美金|yuan)?"
)
_CURRENCY = {
    "HK$": "HKD", "HKD": "HKD", "港币": "HKD", "港元": "HKD",
    "NT$": "TWD", "TWD": "TWD", "新台币": "TWD", "台币": "TWD",
    "S$": "SGD", "SGD": "SGD", "新币": "SGD",
    "RM": "MYR", "MYR": "MYR", "马币": "MYR",
    "$": "USD", "US$": "USD", "USD": "USD", "美元": "USD", "美金": "USD",
    "RMB": "CNY", "rmb": "CNY", "人民币": "CNY", "元": "CNY", "块": "CNY", "yuan": "CNY",
}  # fmt: skip
_SCALE = {"亿": 10**8, "万元": 10**4, "万": 10**4, "w": 10**4, "W": 10**4, "k": 10**3,
          "K": 10**3, "M": 10**6, "million": 10**6}  # fmt: skip
# Numbers that are no deal's value: prices per unit, revenue, money already received.
_NOT_VALUE_BEFORE = re.compile(
    r"(?:单价|出厂价|市场价|营收|营业额|员工|总预算|报销|费|回款|尾款|到账|received|paid|"
    r"invoice|给[^\s,]{1,8}报了)[^\s,;。]{0,4}$",
    re.IGNORECASE,
)
_NOT_VALUE_AFTER = re.compile(
    r"\s*(?:每|/|一台|一面|一瓶|一吨|人次|户|人|台(?!币)|吨|units?(?a:\b)|received|到账)"
)

_STAGES: list[tuple[DealStage, re.Pattern[str]]] = [
    (
        "lost",
        re.compile(
            r"丢了|丢单|输给|输了|输咗|lost(?a:\b)|没中标|未中标|黄了|项目取消|预算取消|预算被砍|budget cut|"
            r"不做了|换了供应商|定了用",
            re.IGNORECASE,
        ),
    ),
    (
        "won",
        re.compile(
            r"签了|已签|签好|签的|签约了|已经签约|已签约|签下了|中标|下单了|PO (?:signed|received)|"
            r"signed|(?:^|(?<=\s))签约(?=\s)",
            re.IGNORECASE,
        ),
    ),
    (
        "negotiation",
        re.compile(
            r"压价|砍价|压到|砍到|谈到了|谈定|谈妥|谈拢|谈下来|谈好|商务谈判|合同条款|谈合同|合同走流程|法务|"
            r"negotiat|haggl|价格定在|价格再降|最低|再降|让到|就按|来签|就签|批了|同意了|没问题了|"
            r"price locked|就用你们",
            re.IGNORECASE,
        ),
    ),
    (
        "quote",
        re.compile(r"报价|报了|报的|quote|(?<!send a )(?<!revised )proposal|总价", re.IGNORECASE),
    ),
    (
        "needs",
        re.compile(
            r"(?<!总)(?<!没说)(?<!没有)(?<!还没)预算|budget(?! yet)|需求[^\s,。]{0,2}确认|确认要做|"
            r"need confirmed|能做吗",
            re.IGNORECASE,
        ),
    ),
    (
        "contact",
        re.compile(
            r"初次见面|第一次聊|初聊|初步接触|first call|可能会考虑|可能也有这个需求|有可能要搞|"
            r"no budget yet|没有预算|还没说预算",
            re.IGNORECASE,
        ),
    ),
]
_RANK: dict[DealStage, int] = {"contact": 0, "needs": 1, "quote": 2, "negotiation": 3, "won": 4,
                               "lost": 5}  # fmt: skip
# A quote or a budget is a deal only once it has happened: 跟进报价, 发报价, 再傾報價, send quote
# are follow-ups, 预算明年才下来 no budget yet. Without an amount in the note, a quote needs
# one of these next to it (报价发了, 已报价, 你们的报价收到了, quoted, proposal looks good) …
_QUOTE_DONE_BEFORE = re.compile(
    r"(?:已经?|发了|给了|提交了|收到了?)[^\s,;。!?]{0,8}$|(?a:\b)(?:sent|submitted) (?:\w+ )?$",
    re.IGNORECASE,
)
_QUOTE_DONE_AFTER = re.compile(
    r"^[^,;。!?\n]{0,8}?(?:已|发了|发过去了|发出了|提交了|给了|收到|看过|看了|接受|偏高|太高|高了|"
    r"贵了|差了|没问题|[^\s,;。]{0,2}\s*(?:looks|was|is|received|sent|accepted))",
    re.IGNORECASE,
)
# 确认报价收到没有, 问问报价收到了吗: asking whether it happened says it is not known.
_ASKED_ABOUT = re.compile(r"(?:确认|问一下|问问|问下|看看|查一下)\s*$")
_ASKED_IF = re.compile(r"^[^,;。!?\n]{0,10}?(?:没有|吗|么|与否|没)(?:$|[,;。!?\s])")
_QUOTE_DONE_WORD = re.compile(r"报了|报的|quoted(?a:\b)", re.IGNORECASE)
# … and a to-do said with 把 (把报价出了, 把报价单改好发给他) is still ahead.
_TODO_BA = re.compile(r"把[^,;。!?\s]{0,10}$")
# … and a budget one of these (预算批下来了, 预算已经核准了, budget approved).
_BUDGET_DONE = re.compile(
    r"^[^,;。!?\n]{0,8}?(?:批了|批下来了|已批|核准|到位|确认|给了|approved|confirmed)",
    re.IGNORECASE,
)
_TALK_AHEAD = re.compile(r"再去?$")
# 他同意了 / 批了 alone agrees to anything (约下周三拜访 他同意了): a deal's only when the note
# also speaks of signing, a contract or a price.
_AGREED = re.compile(r"批了|同意了|没问题了")
_DEAL_TALK = re.compile(r"签|合同|价|contract|sign|price", re.IGNORECASE)
# 下周一你们来一趟,把巡检平台的合同签了: a signing asked for, still ahead.
_SIGN_ASKED = re.compile(r"把[^,;。!?\s]{0,12}$")
_LATER = re.compile(r"下周|下礼拜|下星期|明天|后天|年底前|月底前|节后|下个月|年后|\d+月\d+[日号]前")
_SENTENCE_END = re.compile(r"[。!?！？\n]")
# 春节前把合同签了, 合同下周签了: a day still to come said just before the signing, in its clause.
_CLAUSE_GAP = re.compile(r"[,;。!?！？\n]")
_CONTRACT = re.compile(r"合同|合约|签约|contract", re.IGNORECASE)
_BUDGET_WORD = re.compile(r"预算|budget", re.IGNORECASE)
# A signing still ahead (争取月底前签, 下周一签, 来签吧) is a close date, not a deal won.
_SIGN_AHEAD = re.compile(
    r"(?:预计|争取|希望|计划|准备|要|就|来|再|才|能|一定|过来)\s*签|签\s*[吧掉下]"
)
_SIGN = re.compile(r"签|sign|closing", re.IGNORECASE)
_SIGN_BEFORE = re.compile(r"(?:to sign|签约(?:日期|时间)?(?:定在|是|在)?)\s*$", re.IGNORECASE)
_HEARSAY = re.compile(r"听说")
_END_OF_MONTH = re.compile(r"end of (?:the )?month", re.IGNORECASE)
_BEFORE_FESTIVAL = re.compile(r"节前|年前")

_LOST_TO = re.compile(r"(?:输给了?|lost to|输了给)\s*[^\s,;。!.]{1,20}", re.IGNORECASE)
_LOST_CAUSE = re.compile(
    r"预算(?:被砍了?|取消|砍了)|项目取消|budget cut|[^\s,;。]{0,6}换了供应商|[^\s,;。]{0,4}定了用[^\s,;。]{1,8}",
    re.IGNORECASE,
)
_LOST_THEN = re.compile(r"(?:没中标|未中标|黄了|丢了)[,;。\s]*")

_PERCENT = re.compile(r"(?P<n>\d{1,3})\s*%|百分之(?P<cn>[一二三四五六七八九十]+)|(?P<half>一半)")
_PLAN_LABEL_BEFORE = re.compile(r"(?P<label>[\u4e00-\u9fff]{1,6})\s*$")
_PLAN_LABEL_AFTER = re.compile(
    r"\s*(?:on |after |upon )?(?P<label>[A-Za-z]+|[\u4e00-\u9fff]{1,4})(?=[\s,;、/。.]|$)"
)
# 签约付 → 签约, 签订后付 → 签订, 一年后付 → 一年后; 预付 and 首付 keep their 付.
_PAY_TAIL = re.compile(r"(?:后付|时付|付)$")
_LABEL_NOISE = re.compile(r"^(?:然后|就是|付款是|付款|方式|分[二三四两]期|剩下|付|是|:)+")

# A project named after the company or a word boundary: 南瑞集团的配网自动化项目, 发了HIS升级的报价.
_TITLE_AT = re.compile(
    r"\s*(?P<t>[\u4e00-\u9fffA-Za-z0-9](?:[\u4e00-\u9fffA-Za-z0-9]|(?<=[A-Za-z0-9]) ){0,12}"
    r"(?:项目|专案|系统|平台|改造|升级|扩容|方案|工程|自动化|监控|备件|看房|导览屏|管理|结构化|维保|"
    r"测试台|二期|三期))(?!部|组|经理|负责|集成|书|商|的人)"
)
_TITLE_STARTS = frozenset("的个那了 ,:")
_NOT_IN_TITLE = re.compile(r"了|签|报价|谈|丢|输|在|说|给|是|去|跟|和|我|他|对")
_EN_TITLE = re.compile(
    r"(?:(?a:\b)for (?:the |our )?|(?a:\b)about |: |(?a:\b)the )(?P<t>[A-Za-z][A-Za-z ]{2,30}?)"
    r"(?=\s*[,.:;]| budget|$)",
    re.IGNORECASE,
)
_EN_TITLE_BEFORE_COLON = re.compile(r"(?P<t>[A-Za-z][A-Za-z ]{2,30}?)(?=:)")
_TITLE_LEAD = re.compile(
    r"(?:的|那个|就是|就用|他们|我们的|我们|你们的|你们|一个|想换的|他们的|了)+"
)
# 华润置地 办公楼 120w 报价, 工行 UPS 42万 谈妥: in a telegraphic note, the word after the customer.
_NOT_A_TITLE = re.compile(r"(?:PO|分[一二三四两]期|total|金额|合同额?)$", re.IGNORECASE)
# a Chinese word or an acronym (PACS, MES, UPS), never an English word of the sentence
_TITLE_WORD = (
    r"(?P<w>[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z]{1,7}|[A-Z][A-Z0-9]{1,7}[\u4e00-\u9fff]{0,4})"
)
_WORD_AFTER = re.compile(r"[\s,]+" + _TITLE_WORD + r"(?=[\s,])")
_TELEGRAPHIC_WORD = re.compile(r"\S+[\s,]+" + _TITLE_WORD + r"(?=[\s,])")


@dataclass
class _Amount:
    start: int
    value: int
    currency: str | None


def find_deal(doc: Doc, company_span: tuple[int, int] | None, people: People) -> DealFact | None:
    """The deal the note speaks of, or None when no stage word is said."""
    t = doc.t
    amounts = _amounts(t)
    ahead = [w.span for w in doc.all_whens if doc.is_future(w)]
    # (王董本周日程 / 12/10 香港 签约: a day listed under someone's name, his signing, no deal of
    # the rep's — the same owner as his trips and the tasks left out)
    listed = [line_of(t, w.span[0]) for w in doc.all_whens if schedule_owner(t, people, w.span[0])]
    stage = _stage(t, has_amount=bool(amounts), ahead=ahead, listed=listed)
    if stage is None:
        return None
    amount = amounts[-1] if amounts else None
    currency = next((a.currency for a in reversed(amounts) if a.currency), None)
    if currency is None:
        currency = next(
            (_CURRENCY[m] for m in re.findall(r"HK\$|NT\$|S\$|SGD|MYR|HKD|TWD|USD|港币|新台币", t)),
            None,  # no currency word: the team's currency applies on saving
        )
    return DealFact(
        title=_title(doc, company_span),
        amount=amount.value if amount else None,
        currency=currency,
        stage=stage,
        close_date=_close_date(doc, stage),
        lost_reason=_lost_reason(doc) if stage == "lost" else None,
        installments=_installments(doc),
    )


def _happened(t: str, m: re.Match[str], stage: DealStage) -> bool:
    """Whether a quote or a budget the note mentions is a fact (报价发了, 预算批下来了) rather
    than a to-do or a hope (下周五跟进报价, 预算明年才下来)."""
    if stage == "quote":
        if _QUOTE_DONE_WORD.match(t, m.start()):
            return True
        if _TODO_BA.search(t, max(0, m.start() - 11), m.start()):
            return False
        if _ASKED_ABOUT.search(t, max(0, m.start() - 4), m.start()) or _ASKED_IF.match(
            t[m.end() : m.end() + 12]
        ):
            return False  # 确认报价收到没有, 报价收到了吗: a question, nothing known yet
        return bool(
            _QUOTE_DONE_BEFORE.search(t, max(0, m.start() - 12), m.start())
            or _QUOTE_DONE_AFTER.match(t[m.end() : m.end() + 24])
        )
    if stage == "needs" and _BUDGET_WORD.fullmatch(m.group()):
        return bool(_BUDGET_DONE.match(t[m.end() : m.end() + 16]))
    return True


def _signing_asked(t: str, at: int) -> bool:
    """把…签了 with a day still to come in the same sentence: a signing to do, not done."""
    if not _SIGN_ASKED.search(t, max(0, at - 13), at):
        return False
    starts = [m.end() for m in _SENTENCE_END.finditer(t, 0, at)]
    return bool(_LATER.search(t, starts[-1] if starts else 0, at))


_TALK_TO_COME = re.compile(r"谈合同|商务谈判|合同条款")


def _day_before(t: str, at: int, ahead: list[tuple[int, int]]) -> bool:
    """A day still to come said earlier in the same clause (明天下午三点见…谈合同)."""
    return any(b <= at and not _CLAUSE_GAP.search(t, b, at) for _, b in ahead)


def _signed_ahead(t: str, at: int, ahead: list[tuple[int, int]]) -> bool:
    """A day still to come said just before the signing (春节前把合同签了, 合同下周签了)."""
    ends = [b for _, b in ahead] + [m.end() for m in _LATER.finditer(t, max(0, at - 16), at)]
    return any(b <= at <= b + 12 and not _CLAUSE_GAP.search(t, b, at) for b in ends)


def _stage(
    t: str, has_amount: bool, ahead: list[tuple[int, int]], listed: list[tuple[int, int]]
) -> DealStage | None:
    found: list[tuple[int, int, DealStage]] = []
    for stage, pattern in _STAGES:
        for m in pattern.finditer(t):
            if any(a <= m.start() < b for a, b in listed):
                continue
            if _HEARSAY.search(t, max(0, m.start() - 12), m.start()):
                continue  # 听说西门子给华电报了150万: someone else's deal
            if stage == "won" and _SIGN_AHEAD.search(t, max(0, m.start() - 3), m.end() + 1):
                continue
            if not has_amount and not _happened(t, m, stage):
                continue
            if stage == "negotiation" and _TALK_AHEAD.search(t, max(0, m.start() - 2), m.start()):
                continue  # 节后我们再谈合同: a talk to come
            if _TALK_TO_COME.fullmatch(m.group()) and _day_before(t, m.start(), ahead):
                continue  # 明天下午三点见万科张总谈合同: a meeting planned, no deal moved
            if not has_amount and _AGREED.fullmatch(m.group()) and not _DEAL_TALK.search(t):
                continue
            if stage == "won" and _signed_ahead(t, m.start(), ahead):
                # the contract's signing date: a deal in its last talks, never one won
                if _CONTRACT.search(t, max(0, m.start() - 12), m.end() + 6):
                    found.append((_RANK["negotiation"], m.start(), "negotiation"))
                continue
            if stage == "won" and _signing_asked(t, m.start()):
                continue
            found.append((_RANK[stage], m.start(), stage))
    if not found:
        return None
    # A deal moves forward: the furthest stage the note states is where it stands.
    return max(found)[2]


def _number(text: str) -> float | None:
    if text[0].isdigit():
        return float(text.replace(",", ""))
    if "万" in text:
        return None
    value = cn_to_int(text)
    return float(value) if value else None


def _amounts(t: str) -> list[_Amount]:
    out: list[_Amount] = []
    for m in _AMOUNT.finditer(t):
        unit, pre, post = m["unit"], m["pre"], m["post"]
        if not (unit or pre or post):
            continue
        if m["num"].isdigit() and len(m["num"]) >= 7 and not (pre or post):
            continue  # an order or phone number
        if _NOT_VALUE_BEFORE.search(t, max(0, m.start() - 14), m.start()):
            continue
        if _NOT_VALUE_AFTER.match(t, m.end()):
            continue
        number = _number(m["num"])
        if number is None:
            continue
        scale = _SCALE.get(unit or "", 1)
        value = number * scale
        tail = m["tail"]
        if tail and unit in ("万", "万元", "w", "W", "亿"):
            if len(tail) == 1:  # 三十五万八 / 36万8: the next place down
                value += (int(tail) if tail.isdigit() else cn_to_int(tail) or 0) * scale // 10
            else:  # 二百八十六万四千
                value += cn_to_int(tail) or 0
        elif tail:
            continue
        if value < 1000:
            continue  # 3个点, 8号: too small to be a deal in this trade
        currency = _CURRENCY.get(pre or "") or _CURRENCY.get(post or "")
        out.append(_Amount(m.start(), round(value), currency))
    return out


def _close_date(doc: Doc, stage: DealStage) -> date | None:
    t = doc.t
    if stage == "lost":
        return None
    for w in doc.whens:
        a, b = w.span
        said = t[a:b]
        if re.fullmatch(r"[0-9一二三四五六七八九十]+月份?", said.strip()):
            continue  # 推迟到三月: a month alone is vague
        after = t[b : b + 8]
        sign = _SIGN.search(after)
        signed_after = sign is not None and not re.search(r"[,;。\n]", after[: sign.start()])
        if signed_after or _SIGN_BEFORE.search(t, max(0, a - 14), a):
            return w.day
    if stage != "won":
        m = _END_OF_MONTH.search(t)
        if m:
            last = calendar.monthrange(doc.today.year, doc.today.month)[1]
            return doc.today.replace(day=last)
        m = _BEFORE_FESTIVAL.search(t)
        if m and _SIGN.search(t, m.end(), m.end() + 6) and doc.today.month in (1, 2, 12):
            found = find_all_when("春节前", doc.now)
            if found and found[0].day >= doc.today:
                return found[0].day
    elif re.search(r"今天|today", t, re.IGNORECASE) and _SIGN.search(t):
        return doc.today
    return None


def _lost_reason(doc: Doc) -> str | None:
    t, text = doc.t, doc.text
    m = _LOST_TO.search(t)
    if m is None:
        m = _LOST_CAUSE.search(t)
    if m is None:
        after = _LOST_THEN.search(t)
        if after is not None:
            _, end = doc.clause(after.end())
            if end > after.end():
                return text[after.end() : end].strip() or None
        return None
    return text[m.start() : m.end()].strip()


def _percent(m: re.Match[str]) -> int | None:
    if m["n"]:
        return int(m["n"])
    if m["half"]:
        return 50
    return cn_to_int(m["cn"])


def _paid_tail(word: str) -> int:
    """How many characters of 付 to drop from a label (none when the label would be one
    character: 预付, 首付)."""
    m = _PAY_TAIL.search(word)
    return len(m.group()) if m and len(word) - len(m.group()) >= 2 else 0


def _installments(doc: Doc) -> list[Installment]:
    t, text = doc.t, doc.text
    parts: list[Installment] = []
    for m in _PERCENT.finditer(t):
        percent = _percent(m)
        if percent is None:
            continue
        label: str | None = None
        before = _PLAN_LABEL_BEFORE.search(t, max(0, m.start() - 8), m.start())
        if before is not None:
            a, b = before.span("label")
            a += len(t[a:b]) - len(_LABEL_NOISE.sub("", t[a:b]))
            b -= _paid_tail(t[a:b])
            if b > a:
                label = text[a:b]
        if label is None:
            after = _PLAN_LABEL_AFTER.match(t, m.end())
            if after is not None:
                a, b = after.span("label")
                b -= 1 if t[a:b].endswith("付") and b - a > 2 else 0
                label = text[a:b]
        if label:
            parts.append(Installment(label, percent))
    if len(parts) < 2 or sum(p.percent for p in parts) != 100:
        return []
    return parts


# Never a deal's title: a word of the sentence around it, a day, a question mark.
_NO_TITLE = re.compile(
    r"(?:to|the|a|an|of|for|with|and|or|on|at|in|by|from|about|today|tomorrow|yesterday|"
    r"昨天|今天|明天|前天|后天|[?？!！.,，。:：\s]*|"
    # (那个项目预算大概两百万: what of 那个 is left names no project)
    r"[个这那该]?(?:项目|系统|方案|单子|单))",
    re.IGNORECASE,
)


def _title(doc: Doc, company_span: tuple[int, int] | None) -> str | None:
    title = _title_said(doc, company_span)
    if title is None or _NO_TITLE.fullmatch(fold(title)):
        return None
    return title


def _title_said(doc: Doc, company_span: tuple[int, int] | None) -> str | None:
    t, text = doc.t, doc.text
    floor = company_span[1] if company_span else 0
    starts = [floor] + [k for k in range(floor + 1, len(t)) if t[k - 1] in _TITLE_STARTS]
    for k in starts:
        m = _TITLE_AT.match(t, k)
        if m is None:
            continue
        a, b = m.span("t")
        lead = _TITLE_LEAD.match(t, a, b)
        if lead is not None:
            a = lead.end()
        if t[a:b].endswith("期") and b - a < 4:
            continue  # 分三期 is a payment plan, MES二期 a project
        if b - a >= 2 and doc.free(a, b) and not _NOT_IN_TITLE.search(t, a, b):
            return text[a:b].strip()
    for pattern in (_EN_TITLE, _EN_TITLE_BEFORE_COLON):
        for m in pattern.finditer(t):
            a, b = m.span("t")
            if doc.free(a, b) and not any(p.search(t[a:b]) for _, p in _STAGES):
                return text[a:b].strip()
    # a telegraphic note: the word after the customer
    _, first_end = doc.clause(0)
    after_company = _WORD_AFTER.match(t, company_span[1]) if company_span else None
    m = after_company or _TELEGRAPHIC_WORD.match(t, 0, first_end + 1)
    if m is not None and (after_company or (first_end <= 40 and is_cjk(t[0]))):
        a, b = m.span("w")
        word = t[a:b]
        stage_word = any(p.search(word) for _, p in _STAGES)
        if not _NOT_A_TITLE.match(word) and not stage_word and doc.free(a, b):
            return text[a:b]
    return None
