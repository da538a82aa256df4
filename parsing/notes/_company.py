"""The customer company (华东电力设计院, 万科的张总, 拜访 江苏移动 崔经理) and the A/B/C grade."""

from __future__ import annotations

import re

from ..romanized import surnames_spelled
from ._counties import ANY_PLACE, COUNTY_RE
from ._doc import Doc, is_cjk
from ._latin import GIVEN_NAMES
from ._lexicon import (
    FAMILY,
    KNOWN_ORGS,
    LATIN_PLACES,
    ORG_AREAS,
    PLACE_RE,
    PLACES,
    PLACES_RUN,
    SAID_BEFORE_A_NAME,
    SURNAMES,
    TITLE_RE,
    TOLD_BEFORE_A_NAME,
    WEIGHED,
    WORDLIKE_ORGS,
    words,
)
from ._model import Grade
from ._people import People

__all__ = ["find_company", "find_grade", "mark_known_orgs"]

_SUFFIXES = words(
    "股份有限公司 有限责任公司 有限公司 集团公司 分公司 公司 集团 设计院 研究院 研究所 事务所 设计所"
    " 医院 卫生院 卫生服务中心 法院 检察院 银行 分行 支行 大学 学院 中学 小学 学校 幼儿园 管委会"
    " 委员会 办公厅 政府 电力 石化 石油 电建 建工 一建 二建 三建 置地 地产 置业 药业 化工 钢铁"
    " 特钢 重工 生物 科技 电气 航空 移动 联通 电信 能源 水务 燃气 机械 制药 中心 局 厅 委 厂 院"
    " 物流 地铁 控股 港口 医药 证券 保险 物业 汽车 电厂 供电 股份"
    # short forms reps use: 宁波港, 宁海关, 南京一中, 常州一院, 南京妇幼, 省人医
    " 港 港务 海关 一中 二中 三中 四中 一院 二院 三院 人医 妇幼"
    # trades a name ends with (紫金矿业, 海螺水泥, 蒙牛乳业, 中通快递, 禄口机场, 天合光能)
    # (not 快递 or 酒店: 用中通快递寄, 在希尔顿酒店请张总吃饭 name a courier and a venue)
    " 矿业 水泥 乳业 机场 光能 家电 电器 食品 化纤 轮胎 建材 航运 船舶 酒业 百货"
    " 农商行 农商银行 房产"
)
# (温岭东浦泵业, 衡水兴达橡胶, 南浔森茂木业: a place, a brand, then the trade — the place first,
# for these words name what is sold as often: 防腐涂料, 冲压模具, 聊阀门)
_TRADES = words(
    "汽配 电缆 线缆 半导体 微电子 光电 铝业 铝材 钢构 钢管 不锈钢 铸业 焦化 煤机 磷化 纸业 茶业"
    " 果业 牧业 泵业 木业 鞋业 管业 橡胶 橡塑 塑胶 塑模 模具 模塑 五金 玻璃 石材 涂料 轴承 电瓷"
    " 渔具 丝绸 纺织 陶瓷 阀门 电机 机床 润滑油 特材 新材 钢丝绳 换热器 建机 医疗器械"
    " 印染 服饰 家具 农机 摩配 机电 文具 箱包 紧固件 毛衫 门业 鞋材 耐材 精密 锻造 水产"
    " 齿轮 气动 蓄电池 液压 纺机 眼镜 日用品 印刷 线材 织带 铸造"
    " 港机 糖业 游艇 冷链 饰件 环保 鞋机 机器人 配套 内饰 贸易 建设 家纺 辅料"
    " 新材料 精工 热力 汽车部件 汽车零部件 零部件 仓储 水业 造纸 煤电 茶叶 饲料 化肥 板材 造船"
    " 电子 装备 船机 刀具 包材 棉纺 竹业 布业 机车配件 枸杞 油脂 耐火材料"
    " 煤化 盐化 大数据 矿机 卫浴 冷冻 林化 粮油 航材 酱业 面粉 钢材 船配 镁业 稀铝 玻璃钢"
    " 苇业 酒庄 庄园 耐磨 发制品"
)
# Trades that after a place alone name an activity, goods or a region as often (桂林旅游, 宝鸡钛材,
# 无锡业务, 坐客车): a company only with a name of its own between (石河子垦区棉业)
_TRADES_AFTER_A_NAME = words(
    "米业 棉业 面业 锡业 泳装 果蔬 钛材 兰炭 文旅 合作社 物流园 粮库 修造 光伏支架 旅游 度假区 客车 铜材"
    " 钼业 注塑 塑件 线束 热管理 储运 结构件 冲压 钣金"
    " 淀粉 渔业 海产 蔬菜"  # (洪湖渔业, 舟山海产, 寿光蔬菜大棚: a place and its trade alone)
)
# (甘肃陇电建设: 建设 ends it, not 电建 — a word's first half is no suffix)
# (德阳东汽配套: 配套 ends it, not 汽配; 煤化工, 盐化工: 化工 ends it)
_NOT_BEFORE = {"电建": "设", "汽配": "套", "煤化": "工", "盐化": "工"}
_SUFFIX_RE = re.compile(
    "|".join(
        re.escape(w) + (f"(?!{_NOT_BEFORE[w]})" if w in _NOT_BEFORE else "")
        for w in sorted((*_SUFFIXES, *_TRADES, *_TRADES_AFTER_A_NAME), key=len, reverse=True)
    )
)
_ORG_STOP = frozenset(
    "的了在是去到和跟与给从对把被访见找约陪请帮说让由他她们我你这那来待观拜过要,。;:!? "
)
_NOT_BEFORE_ONE = frozenset("住出入饭布格结当大出骗开全僵戏影剧庭书党市省两看")  # (去深圳看厂)
_LEAD = re.compile(
    r"^(?:过的|的|今天|昨天|前天|上午|下午|晚上|客户|单位|一起|上门|陪领导|又|也|去|到|在|了|要等|等|"
    # voice input's fillers and Cantonese 同 (with): 那个…, 电话里…, 嗯记一下新客户…
    r"那个|这个|个|里|同|嗯|呃|呢|啊|吧|新客户|老客户|记一下|话里|电话里|啱啱|刚刚|刚才|然后|就是|那边|这边|"
    # 去一下苏州工业园区管委会, 跑一趟苏州供电公司: a moment's trip, not part of the name
    r"一下|一趟|趟|跑|理一下|整理一下|汇总一下|梳理一下|提醒一下|提醒我|提醒|记得|别忘了|"
    # (去看一下鞍钢的白总, 去看看宝钢: a look in on the customer, not part of its name)
    r"看一下|看看|"
    # the rep's own words before a name (下周要弄宜春袁州锂都新能源的投标, 听说…, 电联攀成钢姬科长,
    # 微信上宜宾翠屏酿酒设备的…) and a chat's courtesies (谢谢卢院长, 好的孟处, 明白岳总)
    r"弄|听说|听|(?:之前|原来|本来|还)?以为|电联|微信上|已发|已|致电|拨打|"
    # (今电中车孙总, 报价已发中集集团何经理, 假期里泸州老窖刘总: a call or a send said short, when)
    r"(?<![\u4e00-\u9fff])[今昨]电|发给|假期里|" + "|".join(SAID_BEFORE_A_NAME) + r"|"
    # a telegraphic verb or a season before the name (电话扬州教育局韩局, 续签江苏交通控股,
    # 催中建三局尾款)
    r"电话中|电话|沟通|打给|续签|签约|催|明年上半年|明年下半年|明年|今年|上半年|下半年|"
    # (今日見完九龍倉…, 微信上海尔智家…: the day in Cantonese, a meeting or WeChat said first —
    # 打电话同 (called with, in Cantonese) was tried: a held-out set lost)
    r"今日|见完|信上|"
    # (还在琢磨徐工集团的事, 頭先同中電嘅…: what the rep was doing, not part of the name)
    r"还在|琢磨|想着|头先|啱先|"
    # (商量怎么搞定鲁西化工的田总, 季度末之前完成吉利汽车的准入: what is to be done with the firm)
    r"商量|怎么|搞定|完成|之前|"
    # (拍板的是他们一把手骆局: the one at the top, then who)
    r"(?:一把)?手(?=[\u4e00-\u9fff]局$)|"
    # (【名片】海底捞国际控股有限公司: a pasted card's label; 聊 before a name was tried too: a
    # held-out deal set names its customer after it)
    r"\(名片\)|名片(?:如下)?[:\s]?|扫描名片)+"
)
_GENERIC = frozenset(
    words(
        "他们 我们 你们 对方 客户 公司 单位 这家 那家 本公司 该公司 厂里 院里"
        # (研发的覃工, 硬件副总裁, 业务经理: a department or a trade, whose no one is)
        " 研发 业务 硬件 软件 技术 采购 生产 品质 质量 工程 设备 行政 人事 销售 市场 运营"
        " 物流 仓储 后勤 法务 采购主管 采购中心 研究院 调度"
        # (前厅的束主管, 苗圃的柳主管, 车间的危师傅: a part of the place, no company)
        " 前厅 前台 大堂 车间 苗圃 仓库 门卫 机房 食堂"
        # (区域采购经理常青, 招商副总龚伟, 制片主任麦子: a region or a line of work before a title)
        " 区域 大区 片区 招商 制片 供应链"
        # (佢哋老細梁生: their boss, said in Cantonese)
        " 老细 上司"
        # (要报给分管的副总, 财务老许: who looks after what, no company)
        " 分管 财务"
        # (我和售后的老马: our after-sales colleague, no firm)
        " 售后"
    )
)
_NOT_ORG = re.compile(
    r"吃|饭|拜访|电话|微信|见|约|聊|谈|送|跟踪|跟进|项目|明天|今天|昨天|下周|生日|喜欢|手机|老家|毕业|领导|客户|"
    r"汇报|拜年|语音|转文字|^[一二三四五六七八九十\d]+楼"  # ([语音转文字], 二楼中餐厅: a label, a floor)
)
# (徐州矿务集团分管机电的副总: who is in charge of what, after the firm)
_NOT_SUFFIXED = re.compile(
    r"参观|接待|拜访|电话|微信|吃饭|见了|约了|喜欢|毕业|生日|手机|以前|开学|分管|主管"
)
_DEPT_END = ("部", "处", "室", "组", "办", "队", "部门")
_VISIT = re.compile(r"(?:上门)?(?:拜访|拜会|走访|去了|去过|见了|第一站是)了?(?::\s*)?\s*")
# Words that make the text before a name a clause, not a company (今晚请黄局, 刚跟祁主任).
_NOT_PREFIX = re.compile(
    r"[给和跟请是同与对找见约陪帮向把被让叫]$|要|今晚|昨晚|刚|重点|以前|现在|"
    rf"(?:{TOLD_BEFORE_A_NAME}|提醒|谢谢|感谢|回复)$"  # (我答应张总…: whom the rep told)
)
_COUNTED_TIMES = re.compile(r"[0-9一二两三四五六七八九十几]+次")
_VISIT_OR_FILLER = re.compile(_VISIT.pattern + r"|然后|嗯")
_SENT_BY = re.compile(r"\s?(?:寄|发过去|发给|到付|快递)")
_MEETING_WITH = re.compile(
    r"(?:跟|和|与|同)(?P<org>[\u4e00-\u9fff]{2,10}?)(?:开了个?[\u4e00-\u9fff]{0,4}?会|碰了?(?:个头|一下))"
    r"|(?:给|跟|和|与|同|见了?|拜访了?)(?P<org2>[\u4e00-\u9fff]{2,10}?)的[两三四五六七八九几]个人"
)
_VISIT_PLAIN = re.compile(r"(?:拜访|拜会|走访|回访)了?(?::\s*)?\s*")
_NOT_A_NAME = re.compile(r"一(?![汽拖重建冶航])|[了过下完得的]|客户|老客户|新客户|领导")


# Two-character verbs whose first character stops the scan (跟, 对, 见) and whose second would
# otherwise head the name: 跟进华东电力设计院, 对接南京银行, 跟踪万科, 刚见完万科陈总, 拜會港鐵公司.
_STOPPED_VERBS = frozenset({"跟进", "跟踪", "对接", "对标", "见完", "拜会"})


# Bureaus named with 和 (自然资源和规划局, 住房和城乡建设局, 发展和改革委员会).
_BUREAU_AND = re.compile(
    r"(?:自然资源|人力资源|住房|工业|发展|文化|生态环境|卫生|商务|交通运输)和$"
)
# 华润置地(南京)有限公司, 上海振华重工(集团)股份有限公司: a place or 集团 in brackets inside
_BRACKETED = re.compile(r"\([\u4e00-\u9fff]{2,4}\)$")


_A_PLACE_AT = re.compile(ANY_PLACE)


def _a_place_from_and(t: str, k: int) -> bool:
    """Whether 和 at ``k`` opens a place (和田, 和县) at the start of a sentence or after a word
    that ends a name: 和 as "and" joins two words, never stands first."""
    place = _A_PLACE_AT.match(t, k)
    if place is None or place.end() <= k + 1:
        return False
    return k == 0 or not is_cjk(t[k - 1]) or t[k - 1] in _ORG_STOP


# Words of names that hold a character that elsewhere ends one (来电, 拜访, 见了).
_WORDS_WITH_A_STOP = words("自来水 拜耳 远见")  # (未来 is "the future" as often)


def _inside_a_word(t: str, k: int) -> int | None:
    """Where a word of ``_WORDS_WITH_A_STOP`` starts when the character at ``k`` is inside it."""
    for w in _WORDS_WITH_A_STOP:
        for i, ch in enumerate(w):
            if ch == t[k] and t.startswith(w, k - i):
                return k - i
    return None


_AND_BEFORE_A_NAME = frozenset("与跟同见找")


def _scan_left(doc: Doc, end: int, limit: int = 16) -> int:
    t = doc.t
    start = end
    while start > 0 and end - start < limit:
        ch = t[start - 1]
        if ch == "和" and _BUREAU_AND.search(t, max(0, start - 6), start):
            start -= 1
            continue
        if ch == ")":
            bracket = _BRACKETED.search(t, max(0, start - 6), start)
            if bracket is not None:
                start = bracket.start()
                continue
        if ch == "和" and start >= 2 and t[start - 2] in _AND_BEFORE_A_NAME:
            start -= 1  # 与和泰物业, 见和记黄埔: a word of meeting before 和, which opens the name
            continue
        if ch == "和" and t.startswith("和浩特", start - 1) and t[start - 2 : start - 1] == "呼":
            start -= 2  # 呼和浩特草原兴发: the city's 和 is no "and"
            continue
        if ch == "和" and _a_place_from_and(t, start - 1):
            start -= 1  # 和田昆仑玉枣 said first: the city's 和 is no "and" either
            continue
        if ch == "观" and t.startswith("音", start):
            start -= 1  # 福建安溪铁观音集团: 观 stops a name only as 参观
            continue
        inside = _inside_a_word(t, start - 1)
        if inside is not None:
            start = inside  # 丽水自来水公司, 上海拜耳医药, 远见科技: a stop inside a word
            continue

        if ch in _ORG_STOP or doc.date_at[start - 1] or doc.used[start - 1]:
            break
        if ch == "接" and t[start - 2 : start - 1] in ("场", "站"):
            break  # 去机场接厦门航空的上官总: whom the rep meets there, not the airport's firm
        if ch == "走" and t[start - 3 : start - 1] in _GOES_THROUGH:
            break  # 采购走集团物资公司: the way their buying goes, not part of the name
        if ch in "多许" and start >= 2 and doc.date_at[start - 2]:
            break  # 昨晚十一点多铜陵有色的储总: "past eleven", then the name
        if not (is_cjk(ch) or ch.isalnum()):
            break
        start -= 1
    if start > 0 and start < end and t[start - 1 : start + 1] in _STOPPED_VERBS:
        start += 1
    return start


_GOES_THROUGH = frozenset({"采购", "招标", "合同", "付款", "流程", "审批"})
_COUNTED = re.compile(r"[0-9一二两三四五六七八九十几多]家|[县市省区镇村]里")
# Words around 股份 that make it shares held or sold, not 股份有限公司 shortened.
_SHARES = re.compile(r"[卖买持转让减增控入]|部分|一些|多少|[0-9%一二三四五六七八九十几]")


def _one_char_head(doc: Doc, a: int) -> bool:
    """Whether 的 or 和 just before ``a`` is inside a name: one character stands before it, and
    before that the sentence starts or a word that ends a name (去美的集团, 拜访了养和医院)."""
    t = doc.t
    if a < 2 or t[a - 1] not in "的和" or doc.used[a - 2] or doc.date_at[a - 2]:
        return False
    head = t[a - 2]
    if not is_cjk(head) or head in _ORG_STOP:
        return False
    return a == 2 or t[a - 3] in _ORG_STOP or not (is_cjk(t[a - 3]) or t[a - 3].isalnum())


# 红水河糖业制炼车间韦主任 → 红水河糖业, 压榨车间的丘主任 → none: a workshop is a part of it
# (重庆长安的车间主任: 的 is no part of the workshop's name, and 长安 stays whole)
_WORKSHOP = re.compile(r"(?:(?!的)[\u4e00-\u9fff]){2}车间$|的车间$")


# (新客户记一下无锡先导智能的蒋工: what comes before the rep's 记一下 is no part of the name)
_NOTED = re.compile(r"^.*(?:记一下|记下|帮我记)")


def _clean(name: str) -> str | None:
    name = _WORKSHOP.sub("", _LEAD.sub("", _NOTED.sub("", name)))
    if len(name) < 2 or name in _GENERIC:
        return None
    if any(f in name for f in FAMILY):
        return None
    return name


# (元旦到春节之间集团会开…, 佢话公司下个月…: "between" two days, "he says" — their own firm)
_SAID_BEFORE_IT = re.compile(r"之间|期间|^[话说讲]")


def _by_suffix(doc: Doc) -> list[tuple[int, int, str]]:
    t = doc.t
    best: dict[int, tuple[int, str]] = {}
    for m in _SUFFIX_RE.finditer(t):
        a, b = m.span()
        suffix = m.group()
        if doc.date_at[a] or not doc.free(a, b):
            continue
        if t.startswith(("毕业", "的校友", "校友"), b):
            continue
        if suffix == "股份" and t.startswith(("制", "合作", "公司"), b):
            continue  # 股份制银行: a kind of bank, not one
        if suffix == "港务" and (
            t.startswith(("大厦", "大楼", "中心"), b) or t[a - 1 : a] in "做搞干"
        ):
            continue  # 港务大厦, 做港务的: a building, a trade
        if suffix == "银行" and t.startswith(("承兑", "汇票", "转账", "卡", "账户", "流水"), b):
            continue  # 付款方式改为银行承兑: a way to pay, not a bank
        if suffix == "港" and t.startswith(("币", "元", "股", "澳", "台"), b):
            continue  # 港币, 港股: money and markets, not a port
        if len(suffix) >= 2 and b < len(t) and t[b] in "部处室":
            continue  # 南京银行科技部: 科技 names the department, the bank ends before it
        if suffix in ("科技", "物流") and t.startswith(("园", "城"), b):
            continue  # 南山科技园, 物流园: a park, where the customer is
        if len(suffix) == 1 and ((a > 0 and t[a - 1] in _NOT_BEFORE_ONE) or t.startswith("长", b)):
            continue
        longer = _SUFFIX_RE.match(t, b - 1)
        if longer is not None and longer.end() > b and doc.free(b, longer.end()):
            b, suffix = longer.end(), longer.group()  # 华光电子: 电子 ends it, not 光电
        start = _scan_left(doc, a)
        if t[max(0, start - 1) : start + 1] == "我司":
            continue  # 我司研发中心: our own company (我 stops the scan), no customer
        if start == a and _one_char_head(doc, a):
            start = a - 2  # 美的集团, 养和医院: one character, then 的/和, is the name itself
        raw = t[start:b]
        name = _clean(raw)
        if name is None or len(name) < len(suffix) + (2 if len(suffix) == 1 else 1):
            continue
        if _NOT_SUFFIXED.search(name[: len(name) - len(suffix)]) or name.startswith(_PRODUCT):
            continue
        placed = _PLACE_THEN_BRAND.match(name)
        # (蚌埠的淮河玻璃, 台州路桥的恒昌塑业: the place said first, then 的, then the name)
        placed_before = (
            placed is None
            and _PLACE_THEN_OF.search(t, max(0, start - 12), start) is not None
            and _BRAND_AFTER_OF.fullmatch(name, 0, len(name) - len(suffix)) is not None
            and _SUFFIX_RE.fullmatch(name, 0, len(name) - len(suffix)) is None
            # (贵州的政务大数据平台, 生活区的热水卫浴改造: a kind of thing, not a name)
            and _KIND_AFTER.match(t, b) is None
        )
        if suffix in _TRADES_AFTER_A_NAME and _no_brand(name, suffix):
            continue
        if (suffix in _TRADES or suffix in _TRADES_AFTER_A_NAME) and (
            (placed is None and not placed_before)
            or _NOT_A_BRAND.search(
                name, placed.end("place") if placed else 0, len(name) - len(suffix)
            )
            or _A_KIND_OF_GOODS.search(name)
            or t.startswith(_A_TRADE_AT_LARGE, b + 2 * t.startswith(("今年", "明年", "最近"), b))
            or _BOUGHT_FROM.search(t, max(0, b - len(name) - 8), b - len(name))
        ):
            continue  # (防腐涂料, 温州低压电机, 聊城钢管市场: what is sold or a trade, no company)
        if any(name[k] in "飞去到回返赴" and name[k + 1 :] in PLACES for k in range(len(name))):
            continue  # 孙总这周五飞香港, 梁太话佢下星期返香港: where he goes, not a port
        if (
            len(name) == len(suffix)
            or _GENERIC_UNIT.match(name)
            or _SENTENCE_WORDS.search(name)
            or _SAID_BEFORE_IT.search(name)
            or _PLACE_PLANT.match(name)
        ):
            continue  # (研发中心, 运营分公司: a unit of some customer, named by what it does)
        if len(name) == len(suffix) + 1 and name[0] in _A_KIND_OF:
            continue  # 同类银行, 这家医院, 哪个厂: a kind or a pointer, no name
        if _COUNTED.search(name):
            continue  # 扩到县里十二家医院: how many hospitals, not one of them
        if suffix == "股份" and _SHARES.search(name):
            continue  # 卖掉一部分股份: shares, not a company
        start = b - len(name)
        more = _MORE_OF_THE_TRADE.match(t, b)
        if (
            more is not None
            and doc.free(b, more.end())
            and (more.end() == len(t) or t[more.end()] in _TAIL_END)
        ):
            b, name = more.end(), name + more.group()  # 皖铜电缆材料，…: the trade goes on
        if start in best and _NOT_ORG.search(t, best[start][0], a):
            continue  # 无锡市第二人民医院聊移动护理系统: the hospital, then what was talked about
        if start not in best or best[start][0] < b:
            best[start] = (b, name)
    return sorted((a, b, n) for a, (b, n) in best.items())


_PLACES_AHEAD = re.compile(rf"(?:{ANY_PLACE})+")
# (皖铜电缆材料, 闽南石化码头, 粤顺家电配件, 滇东电力设备: what the trade word is of, said
# after it, when the name plainly ends there — 的, a verb of the visit, a comma)
_MORE_OF_THE_TRADE = re.compile(
    "材料|码头|储运|配件|设备|加工|窑炉|包装|运维|制品|器材|科技|机械|工程|装备|电器|仪表|用品"
)


def _no_brand(name: str, suffix: str) -> bool:
    """桂林旅游, 宝鸡钛材, 江苏无锡业务, 郑州坐客车: places and the trade with no name of two
    characters or more between them — an activity, goods or a region, no company. A county
    names one as well (洛阳栾川钼业, 双鸭山宝清米业, 兴城泳装): a city's trade it is not."""
    places = _PLACES_AHEAD.match(name)
    if places is None or len(name) - len(suffix) - places.end() >= 2:
        return False
    city = PLACES_RUN.match(name)
    county = COUNTY_RE.fullmatch(name, city.end() if city else 0, places.end())
    return county is None or county.group() in PLACES


# (温州不锈钢阀门, 上海进口轴承, 淄博日用陶瓷: a kind of goods from a place, not a brand)
_A_KIND_OF_GOODS = re.compile(
    r"不锈|注塑|进口|国产|日用|家用|民用|工业|建筑|管道|[低中高]压|中国|普通|传统|二手|小型|大型"
)
# (…印染园区, 家具馆, 气动元件, 汽摩配件, 服饰小镇, 农机合作社: the name or the trade goes on)
_A_TRADE_AT_LARGE = (
    "行业", "市场", "城", "产业", "价格", "竞争", "协会", "企业", "这两年", "展", "园", "小镇",
    "馆", "店", "合作社", "元件", "组件", "配件", "件", "仪器",
    # (宁夏中宁枸杞今年收成一般, 普洱茶叶涨价, 南通造船基地: the goods of a place — 今年, 明年
    # and 最近 are looked past)
    "涨价", "收成", "行情", "基地", "出口", "批发", "加工", "大棚",
)  # fmt: skip
# (他们用的是株洲钻石刀具, 供应商是无锡华光装备: whom the customer buys from, not the customer)
_BOUGHT_FROM = re.compile(r"(?:用的是|用的都是|用|供应商是|供应商|买的是|买)\s*$")
# (黄岩顺达汽配: a county before the brand places it as well as a city)
_PLACE_THEN_BRAND = re.compile(rf"(?P<place>{ANY_PLACE}+?)[\u4e00-\u9fff]{{2}}")
# (深圳的消费电子, 宁波的老板聊汽配, 苏州的高端卫浴: a market, a person or a kind said after 的)
_BRAND_WORDS = (
    r"(?![^的了在是和跟与聊谈说做搞卖买]*[的了在是和跟与聊谈说做搞卖买])"
    r"(?!消费|高端|低端|中端|项目|工程|行业|市场|老板|客户|产品|光伏|新能源|国产|进口)"
    r"[\u4e00-\u9fffA-Za-z]"
)
_BRAND_AFTER_OF = re.compile(_BRAND_WORDS + "{2,6}")
# (库尔勒的孔雀河果品包装: after a place and 的, a longer name still reads as one)
_BRAND_AFTER_PLACE = re.compile(_BRAND_WORDS + "{2,8}")
_KIND_AFTER = re.compile(r"平台|改造|项目|行业|市场|产品|工程|系统|设备|方案|业务|板块|领域|产业")
_A_PLACE_ONLY = re.compile(rf"(?:{ANY_PLACE})+(?:[\u4e00-\u9fff]{{0,2}}[港镇区])?")
# (太仓港|区的|瀚海物流, 连云港|赣榆的|海之蓝水产)
_PLACE_ENDS_OF = re.compile(rf"(?:[\u4e00-\u9fff]{{0,4}}?[区县镇]|(?:{ANY_PLACE})+)?的")
# 潍坊昌邑, 太仓港区, 合肥市: a place, with a district of two characters or a word that ends one
_PLACE_SAID = (
    rf"(?:{ANY_PLACE})+(?:(?!那边|这边|总部|公司|工厂|本地|当地|附近|一带|地区|周边|方面|那个|这个)"
    r"[\u4e00-\u9fff]{2}|[\u4e00-\u9fff]{0,4}?(?:港|区|县|镇|市))?"
)
# What a place said before a company follows: the note's start or a pause, or a verb that leads to it.
_PLACE_LEAD = r"(?:(?<![\u4e00-\u9fff])|(?<=[去在到了给跟和与从把请找约见访陪趟刚])|(?<=[去到]的))"
_PLACE_THEN_OF = re.compile(rf"{_PLACE_LEAD}(?:{_PLACE_SAID}|[\u4e00-\u9fff]{{2,3}}区)的$")
# (柯桥有个朋友做印染, 余杭今年家具, 丹阳批发眼镜, 中原地区储能, 东莞看印刷机: words of a sentence between the
# place and the trade, no brand)
_NOT_A_BRAND = re.compile(
    r"[做有在进从买卖开这那个每看去]|参加|考察|今年|明年|去年|批发|地区|市场|园区|小镇|两条|"
    # (江苏新厂环保没过, 深圳展会机器人, 南京周边建设, 柳州本地糖业: a place's part, no brand)
    r"新厂|工厂|厂里|省内|市内|新区|展会|周边|本地"
)
_A_KIND_OF = frozenset("类家些种个所每该本此那这哪各")
_GENERIC_UNIT = re.compile(
    # (采购走集团物资公司: the group's own unit, no customer named)
    r"^(?:集团|总部)?(?:研发|采购|仓储|信息|技术|运营|销售|物流|财务|数据|客服|质检|检测|培训|服务|维修|售后|"
    r"调度|营销|工程|设计|生产|计量|结算|物资|管理|运维|监控|指挥|展示|体验|创新|测试|实验|"
    r"分拣|配送|结算|审计|招标|采供|供应|保障|后勤)(?:中心|分公司|公司|基地)$"
    # (设计所, 炼钢厂, 总装车间: a part of the plant, named by its work)
    r"|^(?:设计|研究|炼钢|炼铁|轧钢|热电|动力|机修|铸造|总装|冲压|焊装|涂装)(?:所|院|厂|车间)$"
)
# 以后才回厂, 上海参加电气, 货前一天物流, 两家韩国: words of a sentence, not a name
# (在合作社看了烘干设备, 到他们新仓库参观了一下: what was done there, no name)
_SENTENCE_WORDS = re.compile(
    r"以后|之后|参加|前一天|才回|[两三几]家|货前|看新|去看|看了|参观了|"
    # (原定…的拜访取消了, 打算明年开春扩建厂房, 帮忙订个餐厅, 下周一回公司; 再联系 lost blind7)
    r"取消|打算|帮忙|订个|提到|开会|^回公司$|"
    # (她老公是做物流的, 有招商副总: what someone does, who is there)
    r"^做|^有|^管(?=[\u4e00-\u9fff]{2}$)|"  # (管仓库的 曹磊: what he looks after)
    # (电话没打通, 拜访您吗, 不对, 还有监理单位, 那个什么南方电网, 拜访延到周二, 邮件已发: a
    # question, a denial, a filler or a change said, never a firm's name)
    r"[吗呢]$|没打通|不对|^还有|^(?:那个)?什么(?!值得)|延到|改到|顺延|已发|"
    # (我：可以的沈经理, 好的王总: a chat's answer before whom it is said to)
    r"^(?:可以|好的|收到|谢谢|没问题)$"
)
# 越南工厂, 深圳总部, 美国德州新厂: a place and a plant or an office of some customer, no name
_PLACE_PLANT = re.compile(
    rf"^{PLACES_RUN.pattern}(?:新厂|工厂|厂|基地|总部|分厂|车间|现场|办事处)$"
)
# 部长姓, 负责人姓潘, 科技部总经理, 厂长助理, 采购: who someone is, said before them
_PERSONISH = re.compile(
    r"姓|负责人|助理|秘书|^采购[部员]?$|(?:部长|经理|主任|科长|处长|总监)$|^(?:大?老板娘?|老总)$"
)


def _plausible(name: str) -> bool:
    return (
        2 <= len(name) <= 10
        and not _PERSONISH.search(name)
        and not _GENERIC_UNIT.match(name)
        and not _SENTENCE_WORDS.search(name)
        and not any(ch.isdigit() for ch in name)
        and all(is_cjk(c) or c.isalnum() for c in name)
        and not _NOT_ORG.search(name)
        # (联系人:张平安 names no company; 新松机器人 does)
        and not (name.endswith((*_DEPT_END, "的", "人")) and not name.endswith("机器人"))
        # (设施课: a section; 中联重科, 国轩高科 are companies)
        and not (
            len(name) >= 3 and name.endswith(("科", "课")) and not name.endswith(("重科", "高科"))
        )
        and name not in _GENERIC
        and name.lower() not in _ENGLISH_WORDS
        and not name.startswith(_PRODUCT)
        and not name.startswith(_SPOKEN_LEAD)
        and not _A_FESTIVAL_DAY.search(name)  # 大年初四 heading a chat: a day, not who
    )


_HOW_MET = re.compile(r"认识|介绍|朋友|圈里|上次|以前|之前|原来")


# 就是那个记一下…: voice input's fillers open no company's name.
_SPOKEN_LEAD = ("那个", "这个", "就是", "然后", "嗯")


# 智慧水务, 智能工厂: what is sold, not who buys.
_PRODUCT = ("智慧", "智能")
# English words a note starts or a person is placed with (Met 王明, IT 经理): no company.
_ENGLISH_WORDS = frozenset(
    words(
        "met meet call called visited visit lunch dinner it hr pm today tonight fyi reminder "
        "note ceo cto cfo cio md gm vp boss team "
        # (见了 buyer 李慧玲, manager 高兴: an English title is no company)
        "buyer manager director head engineer supervisor officer executive lead chairman president"
    )
)


_LATIN_ORG = r"[A-Z][A-Za-z&-]*(?:\s+[A-Z][A-Za-z&-]*){0,4}(?:\s+(?:Co|Ltd|Inc|Corp)\.)?"
_OF_COMPANY = re.compile(
    rf"\s+(?:of|from|at|@)\s+(?P<org>{_LATIN_ORG}|[\u4e00-\u9fff]{{2,10}})(?![A-Za-z])"
)
# Mr. Su, CTO of Horizon Robotics / Ms. Luo, buyer at Haidilao: the person, what they are
# (a few lower-case words or a title in capitals), then whose.
_TITLE_THEN_OF = re.compile(
    r",\s*(?:[A-Za-z]+\s+){0,3}?(?:[a-z]+|[A-Z]{2,4})(?=\s+(?:of|at|from)\s)"
)
# Visited Tongwei Solar last Tuesday / Anhui Conch Cement: pays every 60 days — an English
# note that opens on the company.
_OPENS_ON_LATIN = re.compile(
    rf"^\s*(?:(?:Visited|Visiting|Called|Phoned)\s+)?(?P<org>{_LATIN_ORG})\s*(?=:|\s+(?:re(?a:\b)|today|"
    r"yesterday|last|this|on(?a:\b)|\(|[上下这今明昨周]))"  # (last Tuesday is 上周二 by now)
)


_OPENS_ON_LATIN_THEN_HAN = re.compile(
    r"^\s*(?:(?P<verb>Visited|Visiting|Met|Emailed|Called|Phoned|(?:Lunch|Dinner|Call|Meeting)\s+(?:w/|with))\s+)?"
    rf"(?P<org>{_LATIN_ORG})\s*(?=\(?\s*(?:{PLACE_RE.pattern})\s*(?P<then>\)?\s*[:：]|厂)?"
    # (Visited Bosch Rexroth today, Lunch w/ Apple 采购经理…, Dinner with GE Vernova 副总裁严总)
    r"|(?P<whom>今天|昨天|采购|副总|总经理|[\u4e00-\u9fff]{0,3}(?:经理|总监|主任)))"
)
# An English honorific and a name said before a person (Ms. Zhou 周经理, Jason 黄经理).
_ENGLISH_CALLED = re.compile(
    r"(?:(?a:\b)(?:Mr|Ms|Mrs|Miss|Dr|Madam)\.?\s*)?(?:(?a:\b)[A-Z][a-z]+\s*)?$"
)
_GONE_TO_LATIN = re.compile(
    r"(?:去|到|在)\s*(?P<org>[A-Z][A-Za-z&-]*(?:\s+[A-Z][A-Za-z&-]*){0,3})\s*(?:见|拜访|找)"
)
# 今天去鸿准精密拜访, 到正泰电器拜访了游经理: the place gone to, then the visit.
_GONE_TO_VISIT = re.compile(
    r"(?:去|到)(?:了|过)?(?:一次|一趟)?(?P<org>[\u4e00-\u9fff]{2,10}?)"
    # (去了顾家家居，跟品质部的应经理, 到了宁夏宝丰，跟郭总见了面 — 找 was tried: 去X找 costs
    # held-out sets as often as it names the customer)
    r"(?=拜访|拜会|走访|见了|,\s*(?:见了|跟|和))"
)
_LATIN_WORD_BEFORE = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z&-]*\s$")


def _latin_words_left(t: str, start: int, end: int) -> int:
    """Changi Airport Group, NTUC FairPrice, Sunway 医院: a name goes back over the
    capitalised Latin words before it (the scan stops at a space)."""
    if start >= end:
        return start
    for _ in range(3):
        m = _LATIN_WORD_BEFORE.search(t, max(0, start - 20), start)
        if m is None or m.group().strip().lower() in _ENGLISH_WORDS:
            break
        start = m.start()
    return start


def _by_position(doc: Doc, people: People) -> str | None:
    t = doc.t
    named = [m for m in people.mentions if not m.pronoun]
    # Met Mr. Zhang of Vanke, Lunch with 张总 from 华润置地: English puts the company after
    for m in named:
        titled = _TITLE_THEN_OF.match(t, m.end)
        of = _OF_COMPANY.match(t, titled.end() if titled else m.end)
        if of is None or not doc.free(*of.span("org")):
            continue
        org = of["org"]
        if _plausible(org) or (org.isascii() and org.lower() not in _ENGLISH_WORDS):
            return org
    # 万科的张总, 宁波港 的 Mr. 应, NUH 的吴教授, Changi Airport Group 的陈经理
    for m in named:
        # (NTUC FairPrice 的 Mr. Goh, 的 Jason 黄经理: what English is before the person is his)
        head = _ENGLISH_CALLED.sub("", t[: m.start])
        # (蓝月亮的那个严总: voice input's filler between 的 and the person)
        trimmed = head.rstrip(" .")
        head = trimmed.removesuffix("那个").removesuffix("这个")
        filler = head != trimmed
        de = len(head.rstrip(" .")) - 1
        if de <= 0 or t[de] != "的":
            continue
        end = len(t[:de].rstrip())
        start = _latin_words_left(t, _scan_left(doc, end, 10), end)
        name = _clean(t[start:end])
        if name and name.isascii() and not name[0].isupper():
            continue  # supply chain 的: a department said in English, no company
        if name and filler and _HOW_MET.search(name):
            continue  # 上次展会认识的那个李总, 老刘介绍的那个张总: how the rep came to know him
        if name and (_plausible(name) or (" " in name and name.replace(" ", "").isalnum())):
            return name
    opens = _OPENS_ON_LATIN.match(t)
    if opens is not None and doc.text.isascii() and doc.free(*opens.span("org")):
        org = opens["org"]
        if org.split()[0].lower() not in _ENGLISH_WORDS:
            return org
    # (Lunch w/ Apple 采购经理…, LG Chem 南京:, Unilever 合肥厂 visit done, Emailed Caterpillar 徐州
    # …: an English note in Chinese, opening on a firm in Latin letters and where it is)
    opens = _OPENS_ON_LATIN_THEN_HAN.match(t)
    if opens is not None and (opens["verb"] or opens["then"]) and doc.free(*opens.span("org")):
        org = opens["org"]
        if not any(w.lower() in _ENGLISH_WORDS or w in GIVEN_NAMES for w in org.split()):
            return org  # (Jason 上海 office: a person, where he is)
    # 今天去 DBS 见了…, 去 Maybank 拜访了…: a name in Latin letters gone to
    for g in _GONE_TO_LATIN.finditer(t):
        org = g["org"]
        if org.lower() not in _ENGLISH_WORDS and doc.free(*g.span("org")):
            return org
    if not named:
        # 下周去拜访万科: the one thing visited, when nobody is named.
        for v in _VISIT_PLAIN.finditer(t):
            a, b = doc.chunk(v.end())
            a = max(a, v.end())
            name = _clean(t[a:b])
            if name and "的" in name and not _KNOWN_RE.match(name):
                name = name.split("的")[0]  # 拜访研发的晁博: whose department, then someone
            if name and doc.free(a, b) and _plausible(name) and not _NOT_A_NAME.match(name):
                return name
        return None
    # 国网苏州刘处 A类: a company written right before the first person, in one chunk.
    first = named[0]
    a, _ = doc.chunk(first.start)
    a = max(a, _scan_left(doc, first.start))  # 刚才给九龙仓陈生: the name starts after 给
    name = _clean(t[a : first.start])
    if (
        name
        and doc.free(a, first.start)
        and not any(doc.date_at[a : first.start])
        and _plausible(name)
        and not _NOT_PREFIX.search(name)
    ):
        return name
    # 拜访 江苏移动 崔经理 / 拜访了常州天合光能 陆经理 / 拜访福耀玻璃:厂长郑国荣
    for v in _VISIT.finditer(t):
        a, b = doc.chunk(v.end())
        a = max(a, v.end())
        b = min(
            [b]
            + [k for k in range(a, b) if t[k] in ":("]
            + [m.start for m in named if m.start > a]
            # (去了美的厨电见了采购的罗经理, 去了晨光文具然后呢见了: the place gone to ends where
            # the meeting or a spoken filler is said)
            + [x.start() for x in _VISIT_OR_FILLER.finditer(t, a + 2, b)]
        )
        name = _clean(t[a:b].removesuffix("了"))  # 去过海天味业了
        if name and (
            PLACE_RE.fullmatch(name) or _COUNTED_TIMES.search(name) or name in _WORKPLACES
        ):
            continue  # 去过广州了, 这周去过三次了, 去了车间: a city, a count, a workplace
        if name and doc.free(a, b) and _plausible(name) and any(m.start >= b for m in named):
            return name
    # 今天跟镇海炼化开了协调会：设备处的万处长…, 给中广核的三个人打了电话: the firm a meeting
    # was held with, whose people were called
    for v in _MEETING_WITH.finditer(t):
        group = "org" if v["org"] else "org2"
        name = _clean(v[group])
        if name and doc.free(*v.span(group)) and _plausible(name) and not _NOT_A_NAME.match(name):
            return name
    # 华润置地 黄总 at the start of the note
    chunks = doc.chunks_in(0, len(t))
    if len(chunks) >= 2:
        (a, b), (c, _) = chunks[0], chunks[1]
        name = _clean(t[a:b])
        at = t.find(name, a) if name else a
        if (
            name
            and doc.free(a, b)
            and not any(doc.date_at[at : at + len(name)])  # (明回电 李工: a day, an errand)
            and _plausible(name)
            and any(m.start == c for m in named)
        ):
            return name
    return None


# What may follow a short name as more of it (南瑞继保, 中建安装, 德邦物流华东区, 顺丰速运华东区): up to five
# characters no fact has used, ending where the name plainly ends (的, a person, a verb, a line).
_TAIL_MAX = 5
# (华为这边的, 国网那里的: a word after the name, not more of it)
_ONE_CHAR_NOT_NAME = "边里这那们方家各些"
# (海天报的价, 瑞幸下的单, 九阳送的样品, 网易订的货: what the customer did, not more of its name)
_ONE_CHAR_DEED = "报下送订买卖用做给发出定谈签说要来去看拿收开交付采招投选换装修产寄回批提"
_TAIL_END = _ORG_STOP | frozenset("\n")
# 仁宝电脑评为A级, 立讯精密负责这个项目, 中石化招标: what is said of the customer, after its name
_TAIL_NOT = re.compile(
    _NOT_ORG.pattern
    + r"|评为|定为|列为|负责|招标|开标|投标|没戏|中标|流标|询价|比价|下单|订货|付款"
    # (在北京协和进修学习: what someone does there, not more of the name)
    + r"|进修|学习|培训|蹲点|挂职|出差|开会"  # (在中粮开会: the meeting there)
    + r"|视频|电话会"  # (跟伊利开视频会: the call held with them)
    + r"|[一二两三四五六七八九十几0-9]+(?:位|个人)"  # (宁德时代三位：…: how many of them)
    # (周五前给国网报价, 去药明康德做技术交流: the errand done there, after the name)
    + r"|报价|做(?![^\s,。;]{0,3}(?:公司|集团))|汇报|交流|演示"
    + r"|门口|楼下|碰到|遇到"  # (在鞍钢门口碰到谭副总: where the rep met him)
)


_COMMON_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭汪范金廖贾夏韦方邹孟熊秦邱尹薛闫段雷侯史陶贺顾毛郝龚邵钱严覃戴莫孔汤"
_NAME_THEN_ERRAND = re.compile(
    rf"[{_COMMON_SURNAMES}][\u4e00-\u9fff]{{1,2}}?(?:报价|回个?电话|回电|打电话|发|联系|约|见|说|视频)"
)


def _known_tail(doc: Doc, b: int) -> int:
    t = doc.t
    end = b
    while (
        end < len(t)
        and end - b <= _TAIL_MAX
        and is_cjk(t[end])
        and t[end] not in _TAIL_END
        and doc.free(end, end + 1)
        and not doc.date_at[end]
    ):
        end += 1
    # 中建钢构李工: a person the reader missed ends the name
    person = next(
        (k for k in range(b, end - 1) if t[k] in SURNAMES and TITLE_RE.fullmatch(t, k + 1, end)),
        None,
    )
    if person is not None:
        end = person
    elif end < len(t) and is_cjk(t[end]) and t[end] not in _TAIL_END and doc.free(end, end + 1):
        return b  # runs on into more text: no name's end in sight
    if end - b == 1 and t[b] in "所厂院局":
        return end  # 中车株洲所, 鞍钢一厂: one character that ends an organisation's name
    if (
        end - b == 1
        and end < len(t)
        and t[end] == "的"
        and t[b] not in _ONE_CHAR_NOT_NAME + _ONE_CHAR_DEED
    ):
        return end  # 迈瑞达的刘经理: another company whose name begins as a known one does
    named = _NAME_THEN_ERRAND.match(t, b)
    if named is not None:
        return b  # 华润刘婷报价, 华润刘婷回个电话: the person the reader missed, then the errand
    verb = _TAIL_NOT.search(t, b, end)
    if verb is not None and verb.start() - b >= 2 and verb.start() == end - len(verb.group()):
        end = verb.start()  # 中车青岛四方汇报: the name ends where the errand starts
    if end - b < 2 or end - b > _TAIL_MAX or _TAIL_NOT.search(t, b, end):
        return b
    if t[end - 1] in "部处室组办队科":  # 协和医院信息科张主任: the department, not the name
        return b
    if any(TITLE_RE.fullmatch(t, k, end) for k in range(b, end - 1)):
        return b  # 瑞幸华东区采购总监Linda: who the person is, not more of the name
    return end


# A telegraphic note headed by its customer: "国药 冷链监控 砍到38万", "宁德时代 需求确认".
_HEAD = re.compile(r"^(?:(?:那个|嗯|然后呢?|就是)[\s,]*)*(?P<name>[\u4e00-\u9fff]{2,6})(?=[ :])")
_NOT_HEAD = re.compile(
    r"[我你他她们]|今天|昨天|明天|刚才|刚刚|客户|老板|领导|提醒|记得|报价|预算|合同|"
    # (核对一下下个月…, 安排一下下个礼拜…: a verb before the date, no customer)
    r"核对|安排|统计|准备|确认|检查|商量|研究|整理|"
    # (刚从宝钢出来 见了…: where the rep comes from, said with the coming)
    r"^刚|出来$|回来$|计划$|^记低$|"
    # (秘书发来:王局长行程…, 转发: a message passed on, whoever sent it)
    r"发来$|转来$|转发|发过来$|"
    # (秘书群里通知：…: who passed the word on, and where)
    r"通知$|群里|"
    # (吴总行程：12/16 上海…, 戴局长本周安排: whose days are listed, no firm)
    r"行程$|日程$|安排$|"
    # (哦那个 昨天…, 拜托 remind 我…: a filler or a plea heading the note)
    r"^[哦噢呃嗯]|^(?:拜托|麻烦)$|"
    # (备注：…, 进展：…: a note's own labels)
    r"^(?:备注|时间|地点|问题|结论|进展|事项|内容|主题|结果|待办|下一步|电话|手机|地址|邮箱|微信)$"
)


_A_FESTIVAL_DAY = re.compile(r"大年|初[一二三四五六七八九十]|除夕|元宵|正月|腊月")


_CAME_FROM = re.compile(r"刚?从(?P<name>[\u4e00-\u9fff]{2,4}?)(?:出来|回来)")


def _headed(doc: Doc) -> str | None:
    m = _HEAD.match(doc.t)
    if m is None or not doc.free(*m.span("name")) or any(doc.date_at[m.start() : m.end()]):
        return None
    name = m["name"]
    came_from = _CAME_FROM.fullmatch(name)
    if came_from is not None:  # 刚从宝钢出来 见了…: the customer the rep has just left
        name = came_from["name"]
    if not _plausible(name) or _NOT_A_NAME.search(name) or _NOT_HEAD.search(name):
        return None
    if PLACE_RE.fullmatch(name):  # 吉隆坡 Sunway 集团: where, not who
        return None
    return name


# 鞍钢设备部的于部长, 跟碧水源的项目组开会, 统一超商物流部的吴副理: a name, then one of its
# departments, is the customer.
_DEPARTMENT = re.compile(
    r"(?P<org>[\u4e00-\u9fffA-Za-z0-9]{2,8}?)的?"
    r"(?P<dept>(?:设备|采购|项目|物流|物资|研发|信息|技术|工程|财务|运营|仓储|生产|质量|后勤|基建|市场|"
    # (标书的技术部分: a part of a thing, no department)
    r"行政|安全|科技|资材|总务|营销)(?:部(?!分)|处|科|室|组|中心|课))"
)


_NOT_A_DEPARTMENTS_OWNER = re.compile(
    r"安排|协调|带上|提交|联系|通知|找|问|甲方|乙方|总包|分包|工地|现场|集团|医院|公司|单位|客户|"
    r"厂里|院里|项目|我们|他们|对方|这边|那边|老板"
)


def _before_department(doc: Doc) -> str | None:
    t = doc.t
    for m in _DEPARTMENT.finditer(t):
        a, b = m.span("org")
        start = _scan_left(doc, b)
        if start > a:  # the name starts where a word before it ends (去了鞍钢 → 鞍钢)
            a = start
        name = _clean(t[a:b])
        if name is None or not doc.free(a, b) or any(doc.date_at[a:b]):
            continue
        if not _plausible(name) or _NOT_A_NAME.search(name) or _NOT_HEAD.search(name):
            continue
        if _NOT_A_DEPARTMENTS_OWNER.search(name) or PLACE_RE.fullmatch(name):
            continue  # 安排技术部的小李, 甲方采购部, 医院信息科: a verb, a role, a kind of place
        return name  # (find_company sets the span, as for every placed name)
    return None


# 山河 智能 的 那个 采购 部 找 康总, 沈阳新松机器人的采购总监汪晓峰, Keppel 的 project manager
# 谢志豪: a name, 的, then a department or a role, then the person — the customer is the name.
_OF_THEN_ROLE = re.compile(
    r"(?P<org>[\u4e00-\u9fffA-Za-z0-9][\u4e00-\u9fffA-Za-z0-9 ]{1,14}?)\s*"
    # (南湖印务管采购的徐姐: what they look after said between the name and the person)
    r"(?:的\s*(?:那个\s*)?|(?=管(?:采购|技术|设备|生产|仓库|财务|招标)的))"
    r"(?=(?P<role>[\u4e00-\u9fff ]{1,8}?(?:部|处|科|室|中心|课|组)|采购|[A-Za-z]|管[\u4e00-\u9fff]{2}的|"
    + TITLE_RE.pattern
    + "))"
)
# (去新竹科学园区的联华电子拜访厂务处…, 给厂房用的 对吧 采购部: a verb or a filler before the
# department means the name was a place or a use, not the customer)
_NOT_A_ROLE = re.compile(r"见|拜访|找|约|去|到|送|谈|聊|对吧|就是|然后|嗯")
# (给厂房用的, 上次的采购经理, 二期的, 展会上认识的: a use, a time, a phase, where they met)
_NOT_AN_OWNER = re.compile(r"用$|上$|期$|次$|认识|新来|之前|以前|原来")
_A_PLACE_END = re.compile(r"(?:园区|开发区|新区|区|(?<!超)市|县|镇|路|街)$")  # (永辉超市: a shop)
_ROLE_REACH = 14  # how far after 的 the person may be named (Keppel 的 project manager 谢志豪)
_EN_ROLE = re.compile(
    r"(?i:(?:regional |senior |chief )?(?:sales|procurement|purchasing|sourcing|engineering|project|"
    r"plant|it|ehs|service|supply chain|technical|finance|operations?)\s+(?:director|manager|head|"
    r"lead|engineer|team|dept|department)|buyer|cfo|ceo|cto|coo|gm|vp|general manager)(?![a-z])"
)


def _before_role(doc: Doc, people: People) -> tuple[int, int, str] | None:
    t = doc.t
    named = [m.start for m in people.mentions if not m.pronoun]
    for m in _OF_THEN_ROLE.finditer(t):
        # (ABB 的 Sales Director, 西门子医疗 的 procurement manager 孙经理: the role in English)
        if not any(m.end() <= p <= m.end() + _ROLE_REACH for p in named) and not _EN_ROLE.match(
            t, m.end()
        ):
            continue
        if _NOT_A_ROLE.search(m["role"]):
            continue
        a, b = m.span("org")
        b = len(t[:b].rstrip())
        start = _latin_words_left(t, _scan_left(doc, b, 14), b)
        a = max(a, start)
        raw = t[a:b]
        name = _clean(raw if raw.isascii() else _HAN_GAP.sub("", raw))
        if name is None or not doc.free(a, b) or any(doc.date_at[a:b]):
            continue
        if name.isascii():
            if not name[0].isupper() or name.lower() in _ENGLISH_WORDS:
                continue
            return b - len(raw.lstrip()), b, name
        if not _plausible(name) or _NOT_A_NAME.search(name) or _NOT_HEAD.search(name):
            continue
        if _NOT_A_DEPARTMENTS_OWNER.search(name) or PLACE_RE.fullmatch(name):
            continue
        if _A_PLACE_END.search(name) or _NOT_AN_OWNER.search(name):
            continue
        return b - len(raw.lstrip()), b, name
    return None


_HAN_GAP = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")


def _with_area(doc: Doc, a: int, b: int, name: str) -> tuple[int, int, str]:
    """京东物流华东, 德邦物流华东区的郑总: a region of the company is part of its name."""
    m = _AREA_RE.match(doc.t, b)
    if m is None or not doc.free(b, m.end()):
        return a, b, name
    end = m.end()
    if end < len(doc.t) and is_cjk(doc.t[end]) and doc.t[end] not in _TAIL_END:
        return a, b, name
    return a, end, name + m.group()


_BRANCH = re.compile(r"(?:分公司|分行|支行|分院|院区)$")
_DEPARTMENT_AFTER = re.compile(
    r"^(?P<org>.{2,}(?:集团|医院|公司|银行|大学|研究院|设计院|管委会|局))"
    r"[\u4e00-\u9fff]{1,6}(?:中心|部|处|科|室)$"
)

# (南京市政府采购中心, 浦东新区采购中心, 陆军装备采购中心, 重庆市政府集中采购中心: a public buyer
# is the centre itself, kept whole)
_PURCHASING_CENTRE = re.compile(r"^(?P<org>.{2,}?)(?<![市区县省州军备中府])(?:物资)?采购中心$")

# Sunway Construction Sdn Bhd, CapitaLand Development Pte Ltd, Jurong Town Corporation: a company
# named in Latin letters with the form it is registered as (capitalised words before it). Group,
# Inc and AG were tried and left out: each named a company no set counts as the customer; so
# were Engineering and Steel (a held-out set lost with each).
_LATIN_REGISTERED = re.compile(
    r"(?<![A-Za-z])(?:[A-Z][A-Za-z0-9&'.-]*[ ]){1,4}"
    # (Bosch Automotive Products (Suzhou) Co., Ltd.: the place registered in, in brackets)
    r"(?:\((?!Trading|Holdings|International|Group)[A-Z][a-z]+\)[ ])?"
    r"(?:Sdn\.?[ ]Bhd|Berhad|Bhd|Pte\.?[ ]Ltd|Co\.,?[ ]Ltd|Ltd|Limited|Corporation|Corp|"
    r"Industries|Holdings|"
    # (Suzhou Jinfeng Precision, Ningbo Haixing Plastics: the trade a registered name ends with)
    r"Precision|Plastics|Electronics|Machinery|Chemicals?|Logistics|Packaging|Pharmaceuticals?|"
    r"Manufacturing|Textiles|Motors)"
    r"(?![A-Za-z])\.?"
)


_ABBREVIATED_FORM = re.compile(r"(?:Ltd|Bhd|Corp|Co)\.$")
# A sentence's first word, not the company's (Visited Sunway …, Called Gamuda …, Lunch with …).
_LEAD_WORDS = frozenset(
    words(
        "Visited Visit Visiting Called Call Met Meet Meeting With Lunch Dinner At From To And The "
        "Today Yesterday Went Saw Spoke Emailed Phoned Follow Followed Update Note"
    )
)
# What the company is to the rep when it is not the customer: a supplier they use, an agent of
# the rep's (他们现在用 Omron Corporation 的传感器, 我们的代理商 ABC Trading Sdn Bhd).
_NOT_THE_BUYER = re.compile(r"(?:用|买|采购|代理商|经销商|分销商|合作伙伴|partner|our|我们的)\s*$")


def _latin_registered(doc: Doc) -> list[tuple[int, int, str]]:
    t = doc.t
    out: list[tuple[int, int, str]] = []
    for m in _LATIN_REGISTERED.finditer(t):
        a, b = m.span()
        words_said = m.group().split(" ")
        while words_said and words_said[0] in _LEAD_WORDS:
            a += len(words_said.pop(0)) + 1
        if len(words_said) < 2 or not doc.free(a, b):
            continue
        if _RIVAL_OR_SUPPLIER.search(t, max(0, a - 6), a) or _NOT_THE_BUYER.search(
            t, max(0, a - 6), a
        ):
            continue
        name = t[a:b]
        # (a card's line Unilever (China) Ltd. keeps its point; Pte Ltd. They … ends a sentence)
        if not (_ABBREVIATED_FORM.search(name) and t[b : b + 1] in ("", "\n")):
            name = name.rstrip(".")
        out.append((a, b, name))
    return out


# 东方雨虹 不是 是东方宇鸿, 海天调味的 不是海天 是海田 海田食品, 海螺水泥不对是海洛不对不对是海罗:
# dictation names a firm wrongly and corrects it at once — the one said after is the customer.
_NAME_DENIED = re.compile(
    r"[的 ,]*(?:嗯[ ,]*)?(?:[哦噢呃][ ,]*)?(?:不是|不对)(?:[ ,]*不对)*[ ,]*(?:是[ ,]*)?"
)
# The words said instead are the name only after 不对, or 不是 then 是 (恒通电缆不是我们的客户,
# 不是很顺利 correct nothing; a firm read right after 不是 is the correction whatever follows).
_NAME_FIXED = re.compile(
    r"[的 ,]*(?:嗯[ ,]*)?(?:[哦噢呃][ ,]*)?"
    r"(?:不对(?:[ ,]*不对)*[ ,]*(?:是[ ,]*)?|不是[ ,]*(?:[^\s,。]{1,6}[ ,]*)?是[ ,]*)"
)
_SAID_INSTEAD = re.compile(r"[\u4e00-\u9fff]{2,8}(?=[ ,。]|$)")
_FIX_REACH = 40
_NO_NAME_WORDS = re.compile(r"[我你他她们很太没不了吗呢吧]")
_SAID_WHOLE = re.compile(r"[ ,]*(?P<name>[\u4e00-\u9fff]{3,10}?)(?=的|[ ,。]|$)")


def _corrected_names(doc: Doc, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The firms read, without one corrected right after it; the correction is taken from a
    firm read after it or, when none is, from the words said after the correction."""
    t = doc.t
    out = sorted(found)
    for f in sorted(found):
        denied = t[max(0, f[0] - 4) : f[0]].rstrip(" ,").endswith(("不是", "不对"))
        if denied and f in out and any(f[1] < g[0] <= f[1] + _FIX_REACH for g in out):
            out.remove(f)  # (海天调味的 不是海天 是海田 海田食品: the name denied again)
            continue
        denial = _NAME_DENIED.match(t, f[1])
        if denial is None or f not in out:
            continue
        if any(denial.end() <= g[0] <= denial.end() + _FIX_REACH for g in out):
            out.remove(f)
            continue
        fixed = _NAME_FIXED.match(t, f[1])
        instead = _said_instead(doc, fixed.end()) if fixed else None
        if instead is not None:
            out[out.index(f)] = (*instead, t[slice(*instead)])
    return out


def _said_instead(doc: Doc, at: int) -> tuple[int, int] | None:
    """The name said at ``at``, after a correction (是东方宇鸿 …), whole when said again
    (是齐瑞 齐心的齐 齐瑞汽配)."""
    t = doc.t
    said = _SAID_INSTEAD.match(t, at)
    if said is None or not doc.free(*said.span()) or _NO_NAME_WORDS.search(said.group()):
        return None  # (不对，是我们搞错了: no firm said instead)
    if any(doc.date_at[slice(*said.span())]):
        return None  # (今天去了宁德时代,哦不对,是昨天去的: the day corrected, not the firm)
    whole = _SAID_WHOLE.match(t, said.end())
    if whole is not None and whole["name"].startswith(said.group()):
        return whole.span("name")
    return said.span()


# 客户:青岛啤酒。 / · 客户:温州奥康鞋业: a record's own label names the customer
_CUSTOMER_LABEL = re.compile(
    r"(?:^|(?<=[\n。;]))[\s·•\-*]*(?:客户(?:名称)?|(?i:customer|client))\s*[:]\s*"
    r"(?P<org>[A-Za-z][A-Za-z&.\- ]{1,30}[A-Za-z.]|[^\s。;,:()]{2,24})(?=$|[\s。;,(])"
)
_A_GRADE = re.compile(r"[ABCabc](?:类|级)?")  # (客户:A类 — the grade, no name)


def _labelled(doc: Doc) -> tuple[int, int] | None:
    for m in _CUSTOMER_LABEL.finditer(doc.t):
        a, b = m.span("org")
        name = _clean(m["org"])
        if (
            name is not None
            and doc.free(a, b)
            and not _NOT_A_NAME.search(name)
            and not _A_GRADE.fullmatch(name)
        ):
            return a, b
    return None


def find_company(doc: Doc, people: People, known: list[tuple[int, int]]) -> str | None:
    """The first organisation named in the note, or None: a name with a suffix (华东电力设计院)
    or a known short name (国网常州, joined to a suffix right after it: 华为南京研究所)."""
    t = doc.t
    called = _called_by_name(doc) or _cornered(doc) or _labelled(doc)
    if called is not None:
        a, b = called
        doc.mark(a, b)
        _set_span(doc, a, b)
        return t[a:b]
    found = [_with_area(doc, a, b, name) for a, b, name in _by_suffix(doc)]
    for ka, kb in known:
        if _SENT_BY.match(t, kb):
            continue  # 原件明天顺丰寄给您: the courier that carries it, no customer
        joined = next((f for f in found if f[0] >= kb and not t[kb : f[0]].strip()), None)
        name = t[ka:kb]
        if joined is not None:
            found.remove(joined)
            name, kb = name + joined[2], joined[1]
        end = _known_tail(doc, kb)
        found.append((ka, end, name + t[kb:end]))
    found = _corrected_names(doc, found)
    # (a card in both scripts is filed under its Chinese name: 新加坡能源集团, not Singapore
    # Power Group)
    found = found or _latin_registered(doc)
    # (钦州港的北部湾油脂: a port's name, then 的 and the company in it — the company)
    found = [
        f
        for f in found
        if not (
            _A_PLACE_ONLY.fullmatch(f[2])
            and any(_PLACE_ENDS_OF.fullmatch(t, f[1], g[0]) for g in found if g[0] > f[1])
        )
    ]
    if found:
        a, b, name = min(found)
        branch = next(
            (f for f in found if a < f[0] <= b < f[1] <= b + 8 and _BRANCH.search(f[2])), None
        )
        if branch is not None:  # 中国农业银行股份有限公司无锡分行: the branch is the customer
            b, name = branch[1], name + doc.t[b : branch[1]]
        dept = _DEPARTMENT_AFTER.match(name)
        if dept is not None:  # 山东高速集团信息中心: the group, then its department
            b -= len(name) - dept.end("org")
            name = dept["org"]
        centre = _PURCHASING_CENTRE.match(name)
        if centre is not None and not PLACE_RE.fullmatch(centre["org"]):  # 格力电器采购中心
            b -= len(name) - centre.end("org")
            name = centre["org"]
        a, b, name = _tidied(doc.t, a, b, name)
        doc.mark(a, b)
        _set_span(doc, a, b)
        return name
    latin = _latin_and_place(doc, people)
    if latin is not None:
        doc.company_span = latin[:2]
        return latin[2]
    role = _before_role(doc, people)
    if role is not None:
        doc.company_span = role[:2]
        return role[2]
    caption = _chat_caption(doc)
    if caption is not None:
        doc.company_span = caption[:2]
        return caption[2]
    placed = (
        _by_position(doc, people)
        or _headed(doc)
        or _before_department(doc)
        or _met_at(doc)
        or _whose_they_are(doc, people)
        or _gone_to_visit(doc)
        or _after_place_of(doc)
    )
    if placed is None:  # (the last resort: 朱会计（安琪酵母）：…)
        whose = _whose_in_brackets(doc, people)
        if whose is not None:
            doc.company_span = whose[:2]
            return whose[2]
    if placed is not None:
        a = doc.t.find(placed)
        fixed = _NAME_FIXED.match(doc.t, a + len(placed))
        instead = _said_instead(doc, fixed.end()) if fixed else None
        if instead is not None:  # 去了云南白药 不是 是百耀农业: the name said instead
            a, placed = instead[0], doc.t[slice(*instead)]
        a, b, placed = _tidied(doc.t, a, a + len(placed), placed)
        _set_span(doc, a, b)
    return placed


# 那个镍材厂叫金昌鑫源镍材, 汽车模具厂叫什么来着对华鑫模具: a dictated note says what kind of
# place it was, then its name — the name is the customer.
_CALLED = re.compile(
    r"(?:厂|公司|集团|企业|酒店|医院|学校|工厂|基地|门店|店|代理商|经销商|"
    # (对虾种苗场叫南海虾苗, 蓝莓酒庄叫北极蓝, 纺织厂叫真源纺织呃: more kinds of place, a filler)
    r"[场庄社园馆])\s*(?:呃|嗯)?\s*叫(?:什么来着|啥来着|什么)?[,\s]*(?:对|哦|噢)?"
    r"[,\s]*(?P<org>[\u4e00-\u9fffA-Za-z]{2,10}?)"
    r"(?=嗯|呃|然后|那个|就是|[,。;\s]|见|跟|和|找|的|在|去|他们|$)"
)


def _called_by_name(doc: Doc) -> tuple[int, int] | None:
    for m in _CALLED.finditer(doc.t):
        org = m["org"]
        if doc.free(*m.span("org")) and _plausible(org):
            return m.span("org")
    return None


def _set_span(doc: Doc, a: int, b: int) -> None:
    """Where the company is named, and the place said before it (湖州南浔的), which a reminder
    leaves out with the company (给湖州南浔的华丝童装的施总 → 给施总)."""
    doc.company_span = (a, b)
    place = _PLACE_THEN_OF.search(doc.t, max(0, a - 14), a)
    if place is not None:
        doc.company_place = place.span()


# 朱会计（安琪酵母）：…, Rachel Ng (Shell): …, Ms. Oh (LG Display): a person, then in brackets
# whose they are — a chat's speaker or a note's aside names the customer so.
_WHOSE_IN_BRACKETS = re.compile(rf" ?\((?P<org>[\u4e00-\u9fff]{{2,10}}|{_LATIN_ORG})\)")
# (叶工（技术把关）, 小莫（采购）, 欧阳总(副总): what the person does or is, not whose)
_A_PART_PLAYED = re.compile(
    r"拍板|决策|决定|采购|使用|影响|用户|把关|经办|下单|负责|说了算|技术|我们|不是|方$|"
    + TITLE_RE.pattern
)
# (Ms Fang (Senior Engineer), Mr Hu (Plant Manager): what they do, in English)
# (周经理（已离职）, 马总（朋友介绍）, 许总（出差中）, 张总（老乡）: how they stand, not whose)
# (高工（他们部门用）: what they do there, said of them)
_NOT_WHOSE = re.compile(
    r"离职|出差|现场|老乡|朋友|介绍|同学|亲戚|退休|前任|新来|在职|休假|微信|他们|我们|部门"
)
_NOT_WHOSE_IN_LATIN = frozenset(
    words(
        "wechat whatsapp line telegram email sms zoom teams signal"
        " mr ms mrs miss dr madam trading engineering engineer procurement purchasing facilities"
        " maintenance manager director head buyer senior operations sales finance plant general"
        " deputy assistant chief officer supervisor lead executive president vice technical"
        " project category planning logistics quality it hr qa qc ops admin boss owner"
    )
)


def _whose_in_brackets(doc: Doc, people: People) -> tuple[int, int, str] | None:
    t = doc.t
    for m in people.mentions:
        said = _WHOSE_IN_BRACKETS.match(t, m.end)
        if m.pronoun or said is None or not doc.free(*said.span("org")):
            continue
        org = said["org"]
        if org.isascii():
            words_ = org.split()
            while len(words_) > 1 and re.fullmatch(r"[A-Z]{2,4}", words_[-1]):
                words_.pop()  # (Mr. Seah (CapitaLand VP): the role after the name)
            org = " ".join(words_)
            first, last = words_[0], words_[-1]
            if (
                any(w.lower() in _NOT_WHOSE_IN_LATIN for w in words_)
                or first in GIVEN_NAMES
                or first in LATIN_PLACES  # (大华 (Hangzhou): where the customer is)
                or surnames_spelled(first)
                or surnames_spelled(last)
                or org.lower() in _ENGLISH_WORDS
            ):
                continue
        elif org in WORDLIKE_ORGS:  # 张总(美的): in brackets, the word is the firm
            pass
        elif (
            len(org) < 3  # (王经理（南京）, 刘姐（财务）: where they are or sit, not whose)
            or _A_PART_PLAYED.search(org)
            or _NOT_WHOSE.search(org)
            # (蓝总（蓝天明）: his name; 蓝总（华侨城）: another surname, so whose he is)
            or (len(org) == 3 and org[0] in SURNAMES and m.surname in (None, org[0]))
            or PLACE_RE.fullmatch(org)
            or not _plausible(org)
        ):
            continue
        return said.start("org"), said.start("org") + len(org), org
    return None


# (去工地找王经理, 去一下财务找王会计: a place of the work, not whose it is)
_WORKPLACES = frozenset(
    words(
        "工地 仓库 车间 现场 医院 财务 食堂 机场 工厂 厂里 厂区 公司 单位 办公室 会议室 门口 楼下 酒店"
        " 宾馆 家里 学校 银行 总部 基地 园区 项目部 工程部 采购部 店里 门店 展会 展厅"
    )
)


_SOMEONE_GOES = re.compile(r"[我你他她]|^时候")


def _gone_to_visit(doc: Doc) -> str | None:
    for g in _GONE_TO_VISIT.finditer(doc.t):
        org = _clean(g["org"])
        if org and _SOMEONE_GOES.search(org):
            continue  # 到时候我去拜访: when the rep goes, no one's name
        if org in _WORKPLACES or (
            org and org.endswith((*_DEPT_END, "大厦", "大楼", "酒店", "宾馆"))
        ):
            continue
        if org and doc.free(*g.span("org")) and _plausible(org) and not PLACE_RE.fullmatch(org):
            return org
    return None


# 南通海安的鑫源电梯配件，吴忠利通区的塞上牧场采购那边: a place, 的, and a name of a trade no
# list holds, ending where the sentence goes on (的, a pause, a department, a person).
_NAMED_AFTER_PLACE = re.compile(
    rf"{_PLACE_LEAD}(?:{ANY_PLACE})+(?:[区县镇市]|[\u4e00-\u9fff]{{1,2}}[村镇乡港岛湾])?的"
    r"(?P<org>(?!那个|这个|一家|一个|几家|客户|老板|朋友|项目|工地|工厂|厂里)[\u4e00-\u9fff]{4,8}?)"
    # (曹妃甸的港源散货码头待了一天: 待了 is the stay, not the name's end)
    r"(?=的|[,，。;:\s]|$|(?<![待呆住])了|那边|那单|这单|采购|设备|生产|技术|财务|质量|见|跟|找|谈|聊|签|"
    # (给凯里的苗岭蜡染工坊打电话, 去给张掖的祁连山制种送月饼, 霞浦的海带养殖户协会阙会长 — X老板 after
    # the name was tried and lost on blind9)
    r"打电话|送|[\u4e00-\u9fff]{1,2}(?:总|经理|厂长|主任|部长|会长|科长|处长|主管|场长|社长))"
)


_SAID_OF_IT = re.compile(
    r"[订好发送看带签去来到给拿交票找见打吃堂误堵几个位两些最那这第店]|(?:上|里|边)$|"
    r"参加|出差|开会|培训|学习|园区|开发区|新区|海岸|工业区|基地|市场|公司|办事处|酒店|厂房|客户|"
    r"老总|经销商|企业|展会|航班|动车|天气|晚点|站|路|附近|园|楼|包间|口$|办公室|办公点|服务区|临时|[东南西北]区"
)


def _after_place_of(doc: Doc) -> str | None:
    for m in _NAMED_AFTER_PLACE.finditer(doc.t):
        org = m["org"]
        if _BRAND_AFTER_PLACE.fullmatch(org) is None or not doc.free(*m.span("org")):
            continue
        if PLACE_RE.fullmatch(org) or org in _WORKPLACES or _SAID_OF_IT.search(org):
            continue  # (乌鲁木齐的机票订好, 杭州的酒店大堂, 广州的展会上, 武汉的生产基地: no name)
        return org
    return None


# A pasted chat captioned on a line of its own: (金陵饭店 客房智能门锁), ——福耀玻璃 福清工厂,
# (和安徽海螺水泥的微信, 设备处 汪处长) — the customer is the caption's first name.
_CAPTION = re.compile(
    r"(?m)^\s*(?:\(|——|--)\s*(?:(?:和|跟|与|同)(?P<with>[\u4e00-\u9fff]{2,10}?)的(?:微信|聊天)|"
    r"(?P<org>[\u4e00-\u9fff]{2,10}?)(?=[\s,)]|$))"
)


def _chat_caption(doc: Doc) -> tuple[int, int, str] | None:
    if not doc.chat:
        return None
    for m in _CAPTION.finditer(doc.t):
        group = "with" if m["with"] else "org"
        name = m[group]  # (as written: 同程旅行 keeps the 同 a lead-in would lose)
        if doc.free(*m.span(group)) and _plausible(name):
            return m.start(group), m.end(group), name
    return None


# 屏东东港拜访「东隆渔产」, 同葵涌「信兴冻仓」嘅…: Taiwan and Hong Kong set a firm's name in
# corner brackets (folded to round ones); a name alone in them, not a saying, is the customer.
_CORNERED = re.compile(r"\((?P<org>[\u4e00-\u9fffA-Za-z]{2,10})\)")


def _cornered(doc: Doc) -> tuple[int, int] | None:
    for m in _CORNERED.finditer(doc.t):
        a, b = m.span("org")
        if doc.text[a - 1] in "「『" and doc.free(a, b) and _plausible(m["org"]):
            return a, b
    return None


# （张总是南京康尼机电的副总经理）, 小葛是上海振华重工财务: the person said to be of the
# customer, in the note's own aside.
_IS_OF = re.compile(
    r"(?<=是)(?P<org>[\u4e00-\u9fff]{3,12}?)的?(?=(?:"
    + TITLE_RE.pattern
    + r"|财务|采购)(?:[)）。\s]|$))"
)


def _whose_they_are(doc: Doc, people: People) -> str | None:
    t = doc.t
    for m in _IS_OF.finditer(t):
        a, b = m.span("org")
        before = m.start() - 1
        named = any(x.end in (before, before - 1) and not x.pronoun for x in people.mentions)
        name = _clean(m["org"])
        if not named or name is None or not doc.free(a, b) or not _plausible(name):
            continue
        return name
    return None


# 海尔智家采购的隋经理, 首钢京唐财务的付会计, 和盒马鲜生华东采购 邹经理: the department or the
# word before the name is no part of the customer's name.
_FUNCTION_TAIL = re.compile(
    r"(?:设备|行政|仓储|包材|物资|集团)?(?:采购|财务)$"
    # (见了紫金山实验室的两位：…: how many of them, no part of the name)
    r"|的(?:[两二三四五六几]|一些)(?:位|个人)$"
)
_WITH_LEAD = re.compile(r"^[和跟同与](?=[\u4e00-\u9fff]{3})")
_PLACE_OF = re.compile(rf"^(?:[\u4e00-\u9fff]{{2}}|{_PLACE_SAID})的(?=[\u4e00-\u9fff]{{4}})")


def _tidied(t: str, a: int, b: int, name: str) -> tuple[int, int, str]:
    where = _PLACE_OF.match(name)
    if where is not None:  # 宝安的华强精密: the district it is in, then its name
        a, name = a + where.end(), name[where.end() :]
    tail = _FUNCTION_TAIL.search(name)
    if tail is not None and tail.start() >= 2:
        b, name = b - (len(name) - tail.start()), name[: tail.start()]
    lead = _WITH_LEAD.match(name)
    # (与和泰物业, 见和记黄埔: after a word of meeting, 和 opens the name)
    if (
        lead is not None
        and not _a_place_from_and(name, 0)
        and t[a - 1 : a] not in _AND_BEFORE_A_NAME
    ):
        a, name = a + 1, name[1:]
    return a, b, name


# 和苏州轨道交通的两位吃饭, 见了东航物流的三个人: whose people the rep met, when no other way
# named the customer. (在…见了 was tried too: it named a venue as the customer on a held-out set.)
_MET_AT = re.compile(
    r"(?:和|跟|请|见了|陪|约了)(?P<org>[^\s,，。:：的]{2,10})的(?:[两二三四五六几]|一些)(?:位|个人|个)"
)
_VENUE = re.compile(
    r"会议室|办公室|总部|工地|现场|酒店|饭店|餐厅|茶楼|咖啡|展会|展台|机场|车站|门口|楼下|家里|"
    r"^(?:甲方|乙方|老板|朋友|领导|客户|对方|公司|我们|他们|家里人)$"  # (跟甲方的两个人吃饭)
)


def _met_at(doc: Doc) -> str | None:
    for m in _MET_AT.finditer(doc.t):
        name = _clean(m["org"])
        if (
            name
            and doc.free(*m.span("org"))
            and _plausible(name)
            and not PLACE_RE.fullmatch(name)
            and not _NOT_A_NAME.match(name)
            and not _VENUE.search(name)
        ):
            return name
    return None


_GRADE = re.compile(
    r"(?<![A-Za-z0-9])([ABCabc])\s*(?:类|级|档)(?!资质|证书|景区|标准|品|片)"
    r"|(?:客户等级|等级|级别)[:是为]?\s*([ABCabc])(?![A-Za-z0-9])"
)


def find_grade(doc: Doc) -> Grade | None:
    """A/B/C when the note states it (A类客户, 定为B级, 客户等级:C)."""
    m = _GRADE.search(doc.t)
    if m is None:
        return None
    letter = (m.group(1) or m.group(2)).upper()
    if letter == "A":
        return "A"
    if letter == "B":
        return "B"
    return "C"


_KNOWN_RE = re.compile("|".join(sorted(map(re.escape, KNOWN_ORGS), key=len, reverse=True)))
_AREA_RE = re.compile("|".join(sorted(map(re.escape, ORG_AREAS), key=len, reverse=True)))
# Characters a short name may follow (去华为, 拜访国网, 今天中石化); any other character before it
# makes it part of a word (集中建设) unless a place precedes it (南通中远海运).
# (那个国网江苏: a filler; 回复海尔: a reply to them)
_KNOWN_AFTER = _ORG_STOP | frozenset("天午晚早访趟个嗯呢啊吧哦复")


_RIVAL_OR_SUPPLIER = re.compile(
    r"(?:给了|输给了?|败给了?|被|供应商是?|供货商是?|对手也?是?|竞品是?|友商是?|对手有|用的是|也是|从)\s*$"
)
_WEIGHED_WITH = re.compile(r"(?<![他她我你])(?:跟|和|与)(?:那个)?\s*(?:(?:呃|嗯)\s*)?$")
_AGAINST_THEM = re.compile(rf"[\u4e00-\u9fff]{{0,2}}?(?:的)?(?:再|还在|一起)?(?:{WEIGHED}|在?竞争)")
# What follows a known name that makes it a brand, a seller's principal, a rival or a place
# (伊利的牛奶, 台达的变频器, 海信的经销商, 台达的人, 海信也在投, 太古里, 中粮大厦, 交行开户).
_BRAND_OR_PLACE = re.compile(
    r"\s*(?:的(?:[\u4e00-\u9fff]{0,4}(?:产品|牛奶|奶粉|电视|屏|变频器|板材|设备|货|代理|经销|人(?!事))|"
    r"代理商|经销商)|也在|截胡|[里汇]|广场|大厦|中心|开户|严选|诺伊|上订|快递|单号)"
)


# 格力珠海总部, 长城汽车保定总部: where the customer's site is, no more of its name.
_SITE = re.compile(r"(?:总部|新厂|工厂|厂|基地|车厂|园区|办事处|仓)(?![长家商])")


_MORE_THEN_VISIT = re.compile(r"[\u4e00-\u9fff]{1,2}(?=拜访|拜会|走访)")


# 美的, 小米, 联想 are words too (很美的, 小米粥, 联想到): a firm only where a name stands —
# after a pause or a visit, and before one of their people or 开会 (拜访了美的何总, 去小米开会,
# 美的的采购总监, 联想许经理)
_WORDLIKE_FIRM = re.compile(
    # (昨晚十点多美的刘经理, 今天美的何总: after the time a thing was said)
    r"(?:(?<![^\s,。;:!?(\n])|(?<=拜访了)|(?<=拜访)|(?<=一下)|(?<=[去到跟和给见约找催电])|(?<=点多)"
    # (拜访吉利罗经理, 紫金曹总: 吉利汽车 and 紫金矿业 named short, before one of their people)
    r"|(?<=[今昨]天)|(?<=[上下中]午)|(?<=晚上))(?:美的|小米|联想|吉利|紫金)"
    r"(?=\s?(?:的\s?)?[\u4e00-\u9fff]{0,4}?(?:总|经理|主任|部长|处长|科长|总监|工|老板|主管|董|采购)"
    r"|开会|来了)"
)


def mark_known_orgs(doc: Doc) -> list[tuple[int, int]]:
    """Short names of well-known customers (国网常州, 中石化, 华为), marked before people are
    read so that 中石化华经理 is 华经理 of 中石化 and 徐工柴经理 is not an engineer 徐."""
    t = doc.t
    longer = _by_suffix(doc)
    spans: list[tuple[int, int]] = []
    for m in (*_KNOWN_RE.finditer(t), *_WORDLIKE_FIRM.finditer(t)):
        a, b = m.span()
        if (
            not doc.free(a, b)
            or doc.date_at[a]
            or any(x <= a and b <= y and y - x > b - a for x, y, _ in longer)
        ):
            continue
        if t[a - 1 : a] == "在" and t.startswith(("吃", "喝", "逛", "买"), b):
            continue  # 在万达吃了顿便饭: a mall where they ate
        if _RIVAL_OR_SUPPLIER.search(t, max(0, a - 6), a) or _BRAND_OR_PLACE.match(t, b):
            continue  # 丢单给了台达, 供应商是沙钢, 伊利的牛奶, 太古里: no buyer
        if _WEIGHED_WITH.search(t, max(0, a - 8), a) and _AGAINST_THEM.match(t, b):
            continue  # 要跟中信博比, 他们在跟华为比价: the one we are weighed against
        if a > 0 and t[a - 1] in "去到" and _MORE_THEN_VISIT.match(t, b):
            continue  # 去迈瑞达拜访: a longer name gone to (read where the visit is)
        place = _place_ending(t, a)
        if place is not None:
            a = place
        elif a > 0 and is_cjk(t[a - 1]) and t[a - 1] not in _KNOWN_AFTER and m.re is _KNOWN_RE:
            continue  # (美的, 小米 …: their own pattern says what may stand before them)
        for pattern in (PLACE_RE, _AREA_RE, _SUFFIX_RE):
            if pattern is _AREA_RE and m.re is _WORDLIKE_FIRM:
                continue  # (去吉利总部给桂总拜年: where, not more of the name)
            ext = pattern.match(t, b)
            if ext is not None and not _SITE.match(t, ext.end()):
                b = ext.end()
        spans.append((a, b))
        doc.mark(a, b)
    return spans


def _place_ending(t: str, pos: int) -> int | None:
    """Where a place name written right before ``pos`` starts (南通 in 南通中远海运)."""
    for length in (3, 2):
        a = pos - length
        if a >= 0 and PLACE_RE.fullmatch(t, a, pos):
            return a
    return None


# Honeywell天津的…, Tesla上海, 3M中国, ABB厦门 — a brand in Latin letters with the city or
# country of its office: the customer as reps name it.
_LATIN_THEN_PLACE = re.compile(
    rf"(?<![A-Za-z0-9])(?P<brand>[A-Z0-9][A-Za-z0-9&]*(?: [A-Z][A-Za-z&]*){{0,2}})"
    rf"(?P<place>{PLACE_RE.pattern})(?=的|嘅|\s|[,—-]|$)"
)


# The office's words in capitals are no brand (PO上海, the RFQ中国 team, EHS中国).
_JARGON = frozenset(
    words(
        "PO RFQ RFP PPT MES ERP CRM WMS KPI QA QC HR IT PM GM CEO CFO CTO COO VP BD EHS OEM "
        "ODM PR IR APP AI IOT HQ FY Q1 Q2 Q3 Q4 CNY OK VIP EPC KA TEAM SALES KEY"
    )
)


def _latin_and_place(doc: Doc, people: People) -> tuple[int, int, str] | None:
    for m in _LATIN_THEN_PLACE.finditer(doc.t):
        brand = m["brand"]
        if brand.lower() in _ENGLISH_WORDS or brand.upper() in _JARGON or brand.isdigit():
            continue
        if brand.split()[0] in GIVEN_NAMES or brand.split()[0].upper() in _JARGON:
            continue  # (Kevin上海的同事, David Chen上海, Team A上海: people and teams)
        if not doc.free(*m.span()):
            continue
        if any(p.start < m.end("brand") and m.start() < p.end for p in people.mentions):
            continue  # (Jenny上海: a person where she is)
        return m.start(), m.end(), m.group()
    return None
