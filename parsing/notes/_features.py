"""The customer's features for the archive: purchase cycle, payment cycle, competitors.

These are facts about how the customer buys, never reminders: "一般年底付款" is the payment
cycle, not a follow-up on 31 December. Each phrase found claims the dates inside it, so the
follow-up reader does not take them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ._counties import ANY_PLACE
from ._doc import Doc
from ._lexicon import KNOWN_ORGS, PLACE_RE, TITLE_RE, VOICE_FILLERS, WEIGHED

__all__ = ["Features", "find_features"]

_END = rf"(?=$|[\s,;。!?\n]|{VOICE_FILLERS})"  # voice input runs on without punctuation
# where a voice note's phrase ends
_RUN_ON = re.compile(VOICE_FILLERS + "|我们|下礼拜|下周|明天|今天")
_PURCHASE = re.compile(
    r"采购周期(?:是|为|:|大概|一般)*\s*(?P<said>[^\s,;。\n]{2,16})"
    r"|(?<!付款)(?<!结款)(?P<short>(?:[一二两三四五\d]年|一季|半年|一月)一[采招次签])" + _END + "|"
    r"(?P<habit>(?<![上下])(?<!付款)(?<!结款)(?:每年|一年|每季度?|每个?季度|每半年|半年|每个?月|每[两二三四五\d]年|两年)"
    # (一个季度下一单, 两个月采购一次 counted were tried: held-out sets lost — 三个月换一次 is
    # how long a part lasts as often)
    r"[^\s,;。\n]{0,8}?(?:采购|招标|集采|订货|下单|下订单|下一单|补一次货|补货|入库|一次|定点|定供应商|"
    r"(?i:order|review))"
    r"[^\s,;。\n]{0,6}?)" + _END + "|"
    # 季度集采, 三月份集中采购, 一年两季订货, 每年9月定下一年的供应商, they order monthly
    # (去年三月份集中采购了一批, 打算十月份集中采购, 季度集采中标了: once, or a plan, no habit)
    r"(?<!去年)(?<!今年)(?<!上次是)(?<!打算)(?<!准备)(?<!计划)"
    r"(?P<when>(?:(?:每?季度|每个?季度)集采|[一二三四五六七八九十\d]{1,2}月份?集中采购)(?![了过的中])|"
    r"一年两[季次](?:订货|招标|采购)|(?:每年|一般)[^\s,;。\n]{0,4}?定(?:下一年|明年|隔年)的?[^\s,;。\n]{0,4}?供应商|"
    r"每年[^\s,;。\n]{0,4}?做(?:下一年|明年)的?[^\s,;。\n]{0,6}?采购计划|"
    r"(?i:(?:order|orders)\s+(?:monthly|quarterly|annually|twice a year|once a year|every (?:month|quarter|year))"
    r"|tender is every \w+))|"
    # English in a Chinese note: 每季度 tender 一次, 每年第四季度 tender, tender 年初 once a year
    r"(?P<en>(?:每年|每季度?|每个?季度|每半年|每个?月|每[两三四五\d]年)[^,;。\n]{0,8}?(?:tender|renew)(?: 一次)?|"
    r"tender[^,;。\n]{0,6}?once a (?:year|quarter|month))"
)
_TENDER = re.compile(
    # (年底之前会出招标文件: a plan of theirs, no habit)
    r"(?P<said>(?:年初|年中|年底(?!之?前)|年末|每年\d{1,2}月)[^\s,;。\n]{0,4}(?:招标|集采|采购)(?![文书]))"
    # 年度招标每年11月: the tender, then when each year
    r"|(?P<yearly>(?:年度)?(?:招标|集采|采购)(?:一般|都是|都)?在?每年\d{1,2}月份?)"
)
_PAYMENT = re.compile(
    r"(?:付款|结算|账期)(?:周期|方式)?(?:是|为|:)\s*(?P<said>[^\s,;。\n]{2,16})"
    # 付款都是验收后60天: terms said after the habit's word (付款都是老板签字 says no terms)
    r"|(?:付款|结款)(?:都是|一般是|通常是)\s*(?P<after>(?:货到|验收后?|到货|开票后?|月结)[^\s,;。\n]{1,8})"
    # 付款一般分三次, 付款一般拖半年: how, said after the word
    # (付款拖了两个月, 回款都拖了, 这笔回款分两次到账: what happened; a habit says 一般/通常)
    r"|(?:付款|结款|回款)(?P<how>(?:一般|通常|基本)\s*(?:分[一二三两四五\d]次|拖[^\s,;。\n]{1,4}))"
    # 一年付两次, 半年付一次, 按季度付款, 月底对账付款
    r"|(?P<freq>(?:一年|半年|每年|每季度?|每个?月|一个月)付[一两二三四\d]次)"
    r"|(?P<by>按(?:季度|月|年|进度|节点|里程碑)(?:付款|结算|结款|付))"
    r"|(?P<settle>(?:月底|月初|季度末|年底)对账(?:付款|结算|结款))"
    r"|(?:payment|付款)\s*(?:是|is|:)?\s*(?P<en>(?:月结\s*)?\d{1,3}\s*(?:天|days(?:\s+(?:after|from)\s+(?:invoice|delivery|acceptance))?)|on acceptance[^,;。\n]{0,12})"
    r"|(?P<cash>款到发货|先款后货|货到付款|现金结(?:算|账)?)"
    # 设备款分三期付, 次月10号付款, 付款日是每月15号, 付款半年一次, 30 days payment
    r"|(?P<parts>(?:设备款|货款|尾款|款)分[一二三两四五\d]期付(?:款|清)?)"
    r"|(?P<next_month>次月\s*\d{1,2}\s*[号日](?:付款|结款|结算|付))"
    r"|付款日(?:是|为)\s*(?P<day>每(?:个)?月\s*\d{1,2}\s*[号日])"
    r"|(?:付款|结款)(?P<every>(?:半年|一个?季度|一个?月|一年)一次)"
    r"|(?P<en_days>\d{1,3}\s*days\s+payment)"
    r"|(?:每年|每月|每季度)\s*(?P<yearly>(?:年底|年末|月底|季度末)[^\s,;。\n]{0,3}?(?:付款|结算|回款|结款))"
    r"|(?P<late>年尾[^\s,;。\n]{0,2}?(?:给钱|付款|结款))"
    r"|(?:一般|都是|通常|基本上?|一向|习惯|向来)\s*(?:是|在)?\s*(?P<habit>"
    r"(?:年底|年末|月底|季度末|每月|每季度|每年|月结|货到|验收后?|到货)?[^\s,;。\n]{0,6}?"
    r"(?:付款|付清|回款|结款|结算|付|结)(?:[^\s,;。\n]{0,4}?天)?)"
    r"|(?P<terms>(?:货到|验收后?|到货|开票后?)[^\s,;。\n]{0,6}?(?:付款|付清|结款|结算|付))"
    # a telegraphic "宁银张行 B类 年底付": how they pay, written alone
    r"|(?<![^\s,;。\n])(?P<tele>(?:年底|年末|月底|季度末)(?:付款?|结款?|结算))" + _END
)
_CN_DAYS = r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})"
_NET_DAYS = re.compile(
    r"(?P<said>月结\s*\d{1,3}\s*天|账期\s*\d{1,3}\s*天|\d{1,3}\s*天账期)"
    # 月结60 (telegraphic), 月结九十天, 挂账六十天, 票到60天, 验收后60天, 付款 30 日 (HK),
    # 3个月承兑 / 承兑六个月, 每月15号统一付款, net 60, 60 days after invoice
    # (月結30日, 票到60日: days said 日, as Hong Kong and Taiwan write them)
    rf"|(?P<more>月结\s*{_CN_DAYS}\s*[天日]?|挂账\s*{_CN_DAYS}\s*天|票到\s*{_CN_DAYS}\s*[天日]"
    rf"|(?:验收|开票|到货|货到)后\s*{_CN_DAYS}\s*[天日]|付款\s*\d{{1,3}}\s*日"
    r"|[\d一二三四五六]\s*个月(?:的)?(?:银行)?承兑|承兑\s*[\d一二三四五六]\s*个月"
    r"|每(?:个)?月\s*\d{1,2}\s*[号日](?:统一)?(?:付款|结款|结算|付)"
    r"|(?i:net\s*\d{1,3}(?!\s*[A-Za-z%])|\d{1,3}\s*days\s+EOM))" + _END
)
_RIVAL_NAME = r"(?:(?-i:[A-Z][A-Za-z]+)(?:\s(?-i:[A-Z][A-Za-z]+))?|[\u4e00-\u9fff]{2,8}?(?:和[\u4e00-\u9fff]{2,6})?)"
_RIVALS = re.compile(
    # (竞争对手有 呃 西门子 还有和利时, 竞争的有巴斯夫和万华, 对手还有一家是中控: said aloud)
    r"(?:(?:竞争对手|竞品|对手(?!术)|competitors?)(?:主要|可能|应该|大概)?|竞争的(?=[是有]))"
    r"\s*(?:还有(?:一家|两家)?是|是|有|为|系|is|are|:)?\s*(?:(?:呃|嗯|那个)\s*)*"
    # (竞争对手是Hap Seng: a Latin name of two words)
    r"(?P<names>(?-i:[A-Z][a-z]+ [A-Z][a-z]+)(?=$|[\s,;。，.])|[^\s,;。\n]{2,40}"
    # (Schneider 和 Vertiv, Honeywell, Siemens: a list in Latin letters goes on past its spaces)
    r"(?:\s*(?:和|&|,)\s*(?-i:[A-Z][A-Za-z]+)(?![A-Za-z]))*"
    r"(?:\s*还有(?:那个)?[\u4e00-\u9fffA-Za-z]{2,8}(?=$|[\s,;。]))*)"
    # 他们现在用的是广联达的, 目前用的是西门子, 一直用的是中信重工的, 博超在跟: who else is in
    r"|(?:现在|目前|一直|原来)用的是(?P<current>[^\s,;。\n的]{2,8})的?"
    # 现在用的刹车片底板是宁波永固的, 以前一直用温州华威的, 也在拿临安永盛的货, 是从东莞利兴拿的,
    # 去年都是慈溪公牛供的, 用武汉楚天齿轮用了好几年: whom they buy from now
    r"|(?:现在|目前|一直|原来|以前|之前)用的[\u4e00-\u9fffA-Za-z]{1,8}?是(?P<in_use>[\u4e00-\u9fffA-Za-z]{2,8}?)的(?=$|[\s,;。])"
    r"|(?:以前|一直|现在|目前|原来|也在|还在)(?:都)?(?:用|拿)(?P<bought>[\u4e00-\u9fffA-Za-z]{2,8}?)的(?:货|产品)?(?=$|[\s,;。])"
    r"|是从?(?P<supplier>[\u4e00-\u9fffA-Za-z]{2,8}?)(?:拿|进|供)的(?:货)?(?=$|[\s,;。])"
    r"|(?<![我你])用(?P<used_long>[\u4e00-\u9fffA-Za-z]{2,8}?)用了"
    # 中标的是三一重工, 签的是壳牌: who won it, whom they signed with
    r"|(?:中标的?是|中标单位是|签的是|选的是)(?P<won_by>[\u4e00-\u9fffA-Za-z]{2,8}?)(?:的)?(?=$|[\s,;。!])"
    # 要再比一比，西门子和汇川都报了价; 要再比一比 华为 联想; 要再比一比（中兴 京信）
    r"|比一比\s*[,，(（]?\s*(?P<pair>[\u4e00-\u9fff]{2,6}?(?:和|、|\s)[\u4e00-\u9fff]{2,6}?)"
    r"(?:都报了价?|都有|都在|[)）])?(?=$|[\s,;。/)）])"
    # 他们在比ABB的offer: whom they weigh us against
    r"|在比(?!较|对)(?P<weighed>[\u4e00-\u9fffA-Za-z]{2,8}?)的"
    r"|(?:^|(?<=[\s,;。说]))(?P<chasing>(?:(?!说)[\u4e00-\u9fffA-Za-z]){2,6}?(?:和[\u4e00-\u9fffA-Za-z]{2,6}?)?)"
    r"(?:也|都|还)?在(?:跟|投|报)(?=$|[\s,;。])"
    # (星云股份也在竞争: one more in the race, said by the rep — 海天说千禾也在竞争 is their market)
    r"|(?:^|(?<=[\s,;。])|(?<=听说))(?P<racing>(?:(?![说讲和])[\u4e00-\u9fffA-Za-z]){2,6}?"
    r"(?:和(?:(?![说讲])[\u4e00-\u9fffA-Za-z]){2,6}?)?)"
    r"(?:也|还|都)在竞争(?=$|[\s,;。])"
    # 另一家是飞宏, 另外两家是中快和千喜鹤, 还有那个精英数智和梅安森两家: the others bidding
    r"|(?:另一家|另外[一两三几]?家|其他[两三几]?家)(?:供应商|供货商|在给他们供的)?是\s*(?P<others>[^\s,;。\n()]{2,20})"
    r"|还有(?:那个)?(?P<also>[^\s,;。\n的]{2,16}?)[两三几]家(?!分|厂|工厂|客户|店)"
    # 主要跟林德比, 我们和延锋还在比, 跟东鹏的对比价格表: whom we are weighed against
    # (要跟SKF还有那个人本一起比价, 要跟那个 呃 沈鼓比一下: said aloud)
    r"|(?<![他她我你])(?:跟|和|与)(?:那个)?\s*(?:(?:呃|嗯|那个)\s*)*"
    r"(?P<against>[\u4e00-\u9fffA-Za-z]{2,8}?(?:还有(?:那个)?[\u4e00-\u9fffA-Za-z]{2,6}?)?)(?:的)?(?:原厂)?"
    rf"(?:再|还在|一起)?{WEIGHED}"
    # 我们跟那个美卓 还有中信重工在竞争: the ones we are up against
    r"|(?<![他她我你])(?:跟|和)(?:那个)?\s*(?P<rivalled>[\u4e00-\u9fffA-Za-z]{2,8}?"
    r"(?:\s*还有(?:那个)?\s*[\u4e00-\u9fffA-Za-z]{2,8}?)?)(?:还在|在|一起)?竞争"
    # 我们比那个延锋贵, 报价比汇川高5%: dearer or cheaper than whom
    r"|(?:我们|报价|价格)比(?:那个)?(?P<dearer>[\u4e00-\u9fffA-Za-z]{2,8}?)(?:的)?(?:贵|高|低|便宜)"
    # compare with Mindray, we're 8% above Interroll
    r"|(?:compared? (?:us |it |them )?(?:with|to|vs\.?|against)|(?<=%) above|(?:cheaper|higher|lower) than)\s+"
    r"(?P<en>(?-i:[A-Z][A-Za-z]{1,20})(?:\s*(?:&|and)\s*(?-i:[A-Z][A-Za-z]{1,20}))*)"
    # 被施耐德拿走了, 输给了南瑞继保: the one who won it
    r"|(?:被|让)(?P<won>[\u4e00-\u9fffA-Za-z]{2,12}?)(?:拿走|抢走|抢了|拿下|截胡|签走|抢去|瓜分)"
    r"|(?:输给了?|丢单\s*给了?|lost to )(?P<beat>[\u4e00-\u9fffA-Za-z]{2,8})(?=$|[\s,;。.])"
    # 要再比一比 with 利乐的 price, 要 compare 我们跟 NCR, 要比较 Ascom: weighed against whom
    rf"|(?:比一比|比较|compare)\s*(?:我们)?\s*(?:with|跟|和|vs\.?)\s*(?P<compared>{_RIVAL_NAME})"
    r"|(?:比较|compare)\s+(?P<compared_en>(?-i:[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?))"
    # 还在看金越和亿达, 海康、华为都在, 东富龙 楚天都在报: the others still in
    rf"|还在看(?P<looking>{_RIVAL_NAME})"
    r"|(?:^|(?<=[\s,;。]))(?P<present>[\u4e00-\u9fff]{2,6}(?:[、,和 ][\u4e00-\u9fff]{2,6}){1,3})都在"
    # 珠海中富报价低, 洛轴 is quoting 10% cheaper, Gotion is our main rival, talking to Avery
    r"|(?P<cheaper>(?-i:[A-Z][A-Za-z]+|[\u4e00-\u9fff]{2,6}))\s*(?:报价低|价格低|is quoting(?a:\b)|"
    r"is our (?:main )?(?:rival|competitor))"
    r"|talking to (?P<talking>(?-i:[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?))"
    # 价格要比阳光电源的低, quotation 比天合 expensive: dearer or cheaper than whom, said longer
    rf"|(?:价格|报价|quotation)\s*(?:要|还)?\s*比\s*(?P<than>{_RIVAL_NAME})(?:的)?\s*"
    r"(?:贵|高|低|便宜|expensive|cheap)"
    # 访长城汽车 雨刮 博世竞争, 而家用紧比亞迪嘅電池: a telegraphic rival, the one in use
    r"|(?<=\s)(?P<tele>[\u4e00-\u9fff]{2,6})竞争(?=$|\s)"
    # 比恒力的高了4%, 比那个栋梁的差一点, 比上一家宏华的稳定: their goods set beside ours
    r"|比(?:那个|上一家|原来的|之前的)?(?P<theirs_than>[\u4e00-\u9fffA-Za-z]{2,6}?)的"
    r"(?:高|低|贵|便宜|稳定|差|好)"
    # 我们第二，第一是兰石; 第一名是杭州云帆传媒: who came first
    r"|第一名?是(?P<first>[\u4e00-\u9fffA-Za-z]{2,10}?)(?=$|[\s,;。，；])"
    # 卡博特给的价比我们低, 百川的人上周来过, 碰到了恒锻科技的销售, 大金和格力都来过了
    r"|(?:^|(?<=[\s,;。，说]))(?P<gave>[\u4e00-\u9fffA-Za-z]{2,6}?)给的价(?:格)?比我们"
    r"|(?:^|(?<=透露)|(?<=[\s,;。，说]))(?P<came>[\u4e00-\u9fffA-Za-z]{2,6}?)的人(?:上周|昨天|前几天|前两天|也)?来过"
    r"|碰到了?(?P<met>[\u4e00-\u9fffA-Za-z]{2,8}?)的(?:销售|人)"
    r"|(?:^|(?<=[\s,;。，]))(?P<both_came>[\u4e00-\u9fff]{2,6}(?:[、和][\u4e00-\u9fff]{2,6}){1,2})都来过"
    rf"|(?:用紧|在用)(?P<using>{_RIVAL_NAME})的",
    re.IGNORECASE,
)
_RIVAL_CUT = re.compile(r"的|给|报|比|在|也|抢|低|高|便宜|那边|这边|拿|做|说")
# (被几个代理商瓜分了, 被国产品牌瓜分了: a kind of seller, no rival's name)
_NOT_A_RIVAL = re.compile(
    r"领导|老板|[我你他她]|客户|别人|同事|人家|对方|总$|经理$|主任$|长$|家$|代理|品牌|厂家|厂商|几个|一些|国产"
    r"|[年月周天]|上次|以前|原来|之前|市场|行业|同行|进口|季度|产品|国[外内]|预算|预期|样[品机]|"
    r"[老新旧]款|版|竞品|底价|标准|第.次|平时|往年|同期|介绍|兴趣|意向|需求|隔壁"
)
# (小王和小李都来过, 王总和李工都来过: people of theirs, no firms)
_PEOPLE_CAME = re.compile(r"(?:^|[、和])[小老]|总|经理|工|主任|长")
# (Hikvision is the competitor here; 5% above Budget: words, no rival's name)
_EN_NO_NAME = frozenset({"here", "there", "too", "also", "now"})
_EN_NOT_RIVALS = frozenset({"Budget", "Market", "Last", "Target", "The", "Our", "Previous"})
# (预算还在报, 方案都在跟: a step of theirs going on, no one bidding)
_NOT_CHASING = re.compile(r"预算|方案|流程|项目|单子|财务|商务|技术|设计院|业主|甲方|总包")
# Whom they buy from, said without a rival's word: a firm only when named as one — after a
# place (宁波永固, 东莞利兴), a county (临安永盛) or a name the lexicon knows (华为, 中兴).
_BOUGHT_FROM = ("in_use", "bought", "supplier", "used_long")
_PLACE_THEN_NAME = re.compile(rf"{ANY_PLACE}[\u4e00-\u9fff]{{2,4}}$")
_PLACE_OF = re.compile(rf"^(?:{PLACE_RE.pattern})的")


_RIVAL_SPLIT = re.compile(
    # (和利时, 还有和利时: a name that begins with 和 stays whole)
    r"(?<=[^、/有和与及跟])和|、|与|及|以及|还有|跟|/|(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])|\s*[,&]\s*"
)
_RIVAL_TAIL = re.compile(r"(?:等|等等|几家|两家|三家|这几家|他们|也在跟|也在投)$")


def _rival_names(said: str) -> list[str]:
    """国药给的价低…, 南瑞的好: the names before what is said of them; 许继、平高: a name of two
    whose second character is such a word (高) stays whole."""
    cut = [n.strip() for n in _RIVAL_SPLIT.split(_RIVAL_TAIL.sub("", _RIVAL_CUT.split(said)[0]))]
    whole = [n.strip() for n in _RIVAL_SPLIT.split(_RIVAL_TAIL.sub("", said))]
    if cut and len(cut[-1]) < 2 and len(whole) >= len(cut) and len(whole[len(cut) - 1]) == 2:
        cut[-1] = whole[len(cut) - 1]
    return cut


@dataclass
class Features:
    purchase_cycle: str | None = None
    payment_cycle: str | None = None
    competitors: list[str] = field(default_factory=list)


def _claim(doc: Doc, a: int, b: int, claimed: set[int]) -> None:
    doc.mark(a, b)
    for i, w in enumerate(doc.whens):
        if a <= w.span[0] < b:
            claimed.add(i)


def _first_phrase(doc: Doc, patterns: tuple[re.Pattern[str], ...], claimed: set[int]) -> str | None:
    """The first phrase any of ``patterns`` finds; every match found claims its span."""
    first: str | None = None
    for pattern in patterns:
        for m in pattern.finditer(doc.t):
            said = next((g for g in m.groups() if g), None)
            if not said:
                continue
            end = m.end()
            if _RUN_ON.search(said):
                if m["said"] is None:
                    continue  # 一般是三月份然后付款: two statements run together, not one phrase
                said = _RUN_ON.split(said)[0]  # 付款是月结六十天嗯…: the phrase ends at the filler
                end = m.start("said") + len(said)
                if len(said) < 2:
                    continue
            if not doc.free(m.start(), end):
                continue
            first = first or said
            _claim(doc, m.start(), end, claimed)
    return first


def find_features(doc: Doc, claimed: set[int]) -> Features:
    t = doc.t
    out = Features()
    for m in _RIVALS.finditer(t):
        said = next((g for g in m.groups() if g), None)
        if said is None:
            continue
        if said.lower().rstrip(",.") in _EN_NO_NAME or (m["en"] and said in _EN_NOT_RIVALS):
            continue  # (Hikvision is the competitor here: no rival called "here")
        if said.startswith(("我们", "咱们", "他们")):
            continue
        firm = said in KNOWN_ORGS or _PLACE_THEN_NAME.match(said) is not None
        if any(m[g] for g in _BOUGHT_FROM) and not firm:
            continue  # 现在用的底板是铸铁的, 是从仓库拿的, 用微信用了好几年: no firm named
        newer = ("compared", "compared_en", "looking", "present", "cheaper", "talking", "than",
                 "tele", "using", "in_use", "bought", "supplier", "used_long", "won_by",
                 "pair", "theirs_than", "first", "gave", "came", "met", "both_came", "rivalled")  # fmt: skip
        # (要再比一比 is the outcome's, 华为 a firm the lexicon knows: the pair is read whole)
        # (大金和格力都来过了: firms the lexicon knows, read already — not people)
        known = m["both_came"] and not _PEOPLE_CAME.search(said)
        if (
            any(m[g] for g in newer)
            and not m["pair"]
            and not known
            and not doc.free(m.start(), m.end())
        ):
            continue  # (部长白雪松和采购员小乌都在: people read already)
        if (
            m["won"]
            or m["beat"]
            or m["against"]
            or m["dearer"]
            or m["others"]
            or m["also"]
            or any(m[g] for g in newer)
        ) and _NOT_A_RIVAL.search(said):
            continue  # 被领导拿走了, 跟去年比: someone of theirs or a time, no rival
        if (m["against"] or m["dearer"]) and not doc.free(m.start(), m.end()):
            continue  # (跟王总比: a person read already)
        if m["racing"] and (
            TITLE_RE.search(said) or (said.startswith(("小", "老")) and said[:2] not in KNOWN_ORGS)
        ):
            continue  # (王总也在竞争: a person, no rival)
        if m["chasing"] and not doc.free(*m.span("chasing")):
            continue  # 王总在跟: a person (read already), not a rival
        if m["chasing"] and _NOT_CHASING.search(said):
            continue  # 预算还在报: a step of theirs, no rival
        if m["en"]:  # Hikvision & Dahua
            names = [n.strip() for n in re.split(r"\s*(?:&|(?a:\b)and(?a:\b))\s*", said)]
            out.competitors += [n for n in names if n and n not in out.competitors]
            _claim(doc, m.start(), m.end(), claimed)
            continue
        said = _RUN_ON.split(said.replace("还有那个", "还有"))[0]  # (SKF还有那个人本: both)
        said = re.sub(r"^(?:老对手|竞争对手|对手)", "", said)  # (碰到了老对手捷迈机械的人)
        said = _PLACE_OF.sub("", said)  # 上海的固力邦: the rival, not its city
        if PLACE_RE.fullmatch(said):
            continue  # 比日本的贵: a country's goods, no rival named
        names = _rival_names(said)
        out.competitors += [n for n in names if len(n) >= 2 and n not in out.competitors]
        if m["theirs_than"] or m["first"] or m["gave"]:
            continue  # (比ABB的稳定, 第一是兰石: what was said stays the outcome's too)
        if m["met"] or m["came"] or m["both_came"]:
            group = next(g for g in ("met", "came", "both_came") if m[g])
            _claim(doc, *m.span(group), claimed)  # (碰到了…的销售 is still a visit)
            continue
        _claim(doc, *(m.span("pair") if m["pair"] else m.span()), claimed)
    out.purchase_cycle = _first_phrase(doc, (_PURCHASE, _TENDER), claimed)
    out.payment_cycle = _first_phrase(doc, (_PAYMENT, _NET_DAYS), claimed)
    return out
