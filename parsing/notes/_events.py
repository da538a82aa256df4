"""What happened and where they will be: the interaction and leaders' itineraries (the rep's
own tasks are read in _follow_ups, with the words on whose a deed is that both use)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from parsing.dates import DAWN_HOUR, When, add_months, day_of
from parsing.numerals import cn_to_int

from ._counties import ANY_PLACE, COUNTY_RE
from ._doc import (
    WITH_THE_REP,
    Doc,
    chunk_start,
    in_schedule,
    is_cjk,
    line_of,
    months_back,
    sentence_end,
)
from ._doc import sentence_start as _sentence_start
from ._fold import fold
from ._lexicon import (
    DONT,
    LATIN_PLACES,
    PLACE_RE,
    PLACES,
    PLACES_RUN,
    TITLE_RE,
    VOICE_FILLERS,
    word_across,
    words,
)
from ._model import InteractionFact, InteractionKind, ItineraryFact
from ._people import People, label_of, schedule_owner

__all__ = ["find_interaction", "find_itineraries"]

# --- the interaction ------------------------------------------------------------------------

# Who at the table or on the line is no customer: the rep's family, friends and own side.
_NOT_A_CUSTOMER = "同事|同学|室友|老婆|老公|媳妇|家人|朋友|领导|老板|部门|孩子|爸妈|父母"
_TRIGGERS: list[tuple[re.Pattern[str], InteractionKind]] = [
    (
        re.compile(
            r"吃了?个?饭|吃了[顿餐]|[喝吃饮]了?(?:个|顿)?(?:早茶|下午茶)|(?<=[总理工任长董生姐哥])吃了碗|吃了[年团]饭|吃了(?:端午|中秋|冬至|元宵|重阳)饭(?![^,。;\n]{0,2}?(?:再|以后|之后|后))|吃了[^,。;\n]{0,6}?最后一[顿餐](?:饭)?|吃完饭|食完?了?[个餐]?饭|饭局|宴请|[喝饮][了完]?酒|[喝饮]了[顿场]酒|[喝饮][了完]?茶|聚餐|午饭|晚饭|晚餐|午餐|"
            # (跟…一起吃的饭, 同…食晏: a meal had, said other ways; 栾经理吃了碗面 with the one
            # named — 和司机一起吃了碗面 is none)
            r"一起吃的饭|食了?晏|(?<=昨)饭|"  # (昨饭 罗总: a telegraphic note's meal yesterday)
            # (上礼拜五跟尤总吃的饭: a meal had, said with whom)
            r"(?<=[总理工任长董生姐哥])吃的[\u4e00-\u9fff]{0,2}?[饭餐]|"
            # (跟蔺工吃过饭了, 吃了个便饭, 同刘生饮咗杯嘢: a meal had, said plainly — see _ATE_APART;
            # 吃过午饭去拜访孙总: a meal before the visit)
            # (和何老板吃宵夜: a late meal together — 吃了宵夜回酒店 alone is none)
            r"(?:吃过[个顿]?[便晚午]?饭(?=了)|吃了个?便饭|饮了杯嘢|吃了?宵夜|食宵夜)(?![^,。;\n]{0,2}(?:去|再|就|赶|回))|"
            # (昨晚晚宴：…, Coffee with Tom: a dinner party had, a coffee together)
            r"(?<=[昨今]晚)晚宴|(?i:(?a:\b)coffee with(?a:\b))|"
            r"请[^\s,]{0,8}?吃|请[^\s,。;]{9,24}?吃(?:了|[饭饺火烤晚午早宵西])|"
            # (和周科长吃烧烤: a meal together, named by what was eaten)
            # (和王总约好下周三晚上吃火锅, 和王总聊到他不能吃海鲜: a plan, a talk — no meal)
            rf"(?:跟|和|与|陪)(?![^,。;\n]{{0,4}}?(?:{_NOT_A_CUSTOMER}))(?!我们|咱们|公司)"
            r"(?:(?!约|聊|说|想|要|打算|准备|不能|爱|喜欢)[^,。;\n]){1,20}?"
            r"吃(?:烧烤|火锅|宵夜|夜宵|海鲜|西餐|日料|串)|(?a:\b)(?:dinner|lunch|breakfast)(?a:\b)|"
            # 跟钟经理喝了点, 同SATS的林先生喝咖啡: a drink together
            # (感冒喝了点药, 在星巴克喝咖啡等张总: no one to drink with)
            # (大同, 合同, 共同: no 同 of "with")
            r"(?:跟|和|(?<![大合共不相协])同|与|请|陪)[^,。;\n]{1,30}?"
            r"(?:喝了点(?!药)|[喝饮]了?杯?咖啡)|"
            # (跟老同学/老婆/同事/我们领导喝了几杯: no customer at the table)
            r"(?:跟|和|(?<![跟和与老大合共不相协])同(?!事|学)|与|请|陪)"
            rf"(?![^,。;\n]{{0,4}}?(?:{_NOT_A_CUSTOMER}))(?!我们|咱们|公司)"
            r"[^,。;\n]{1,30}?(?:喝了[几两]杯|吃了[顿个]?工作餐)",
            re.IGNORECASE,
        ),
        "meal",
    ),
    (
        re.compile(
            # (电联赵经理, 邱工 电聊: a telegraphic note's call — 再电联, 要电聊 are plans)
            r"(?<![等要会再去将])电[联聊](?!系)|\(电话\)|"
            r"打(?!算)了?[^\s,]{0,4}?电话|拨了?[^\s,]{0,4}?电话|(?<=[今昨])电(?=[\u4e00-\u9fff])(?![话费脑池])|"
            # (刚接到欧普照明常总的电话, 中车株洲马经理 call 过来: a call had)
            r"接到[^\s,。;]{0,12}?电话|(?<![A-Za-z])call ?过来|通[了过]?个?电话|通了[半一两三四五六七八九十几多个小时分钟]{2,6}电话|通完电话|电话沟通|电话联系|电话回访|电话跟进|来电话|"
            # (今日電話聯絡咗黃經理, 电话联络了: by phone, said done)
            r"电话联络(?:了|咗)|"
            r"来电|通话|视频会议?|视频沟通|电话里|电话聊|[谈倾](?:完|了)个?电话|回了?个?电话|"
            r"(?<=[总长任理工])电话过来|"  # (卜经理电话过来，说…: his call)
            r"电话(?:跟|和|给|与)[^\s,。]{1,20}?(?:聊|沟通|说|谈|联系)|电话谈|电话说|"
            # (電話跟廠長確認了: the rep confirmed by phone — 他电话跟老板确认了 is his own call)
            r"(?<![他她])(?<!经理)(?<!司机)电话(?:跟|和|与)(?!我|仓库|物流|财务|同事|公司|司机|老板)[^\s,。]{1,20}?确认了|"
            r"(?a:\b)con[ -]?call(?a:\b)|(?i:(?a:\b)called(?a:\b)|(?a:\b)call with(?a:\b)|(?a:\b)call w/|(?<![A-Za-z])call(?= 了| ?我)(?![^,，。]{0,4}再说)|(?a:\b)call(?a:\b)(?=[^,;\n]{0,50}(?a:\b)done(?a:\b)))|"
            r"(?a:\b)spoke(?a:\b)|(?a:\b)on (?:the )?phone(?a:\b)|打了?给|电话打了|"
            r"(?i:(?a:\b)on a call(?= today| 今天| with| just now))|"  # (On a call today …, buyer … asked)
            r"(?i:(?a:\b)(?:zoom|teams|video|phone) call(?a:\b))|"
            # a telegraphic 电话扬州教育局韩局 同意: 电话 as the verb
            r"(?:^|(?<=[\s,;。]))电话(?=[\u4e00-\u9fff])(?![号是里给跟和与])|^电话(?=[ :])|"
            # 开了电话会, 视频了一下, 开了个 call, 电话是王工打来的, 电话未接
            r"电话会|(?<!演示)视频了(?=一下|[,。;\s]|$|[一两二三四五六七八九十半几0-9]+个?(?:小时|分钟))|开了个?\s?call(?a:\b)|电话是[^\s,。]{1,12}?打来|"
            r"电话[未没]接|(?:^|(?<=[\s,，;]))已(?:打了?)?电话(?=[\s,，。;]|$)|"
            # 周五 电话 郑处, 被 IOI 的 Mr Yap call: a call, said short (跟…电话 alone was tried: a
            # call to come as often)
            r"(?<=[\s|｜/])(?<!待办[\s|｜/])(?<!联系人[\s|｜/])(?<!名片[\s|｜/])电话\s+"
            r"(?=[\u4e00-\u9fff]{1,3}(?:总|经理|[处局科院]长?|主任|工)(?![^\n]{0,6}\d{7}))|"
            # (采购邢经理 电话 年前不下单: said after the person — 王总 电话 138… is his number)
            r"(?<=[总理长任工处] )电话(?=\s+(?:[\u4e00-\u9fffA-Za-z]|[0-9]{1,2}(?:月|号|日|点|/)))"
            r"(?!\s+[一二三四五六七八九零幺])|"
            r"被[^,。;]{1,30}?(?<![A-Za-z])call(?![A-Za-z])|"
            # 晚上接到济南二机床的电话, 接了个电话, 林經理頭先打嚟, Mr. Lee刚打来, phone里, call了
            # (等接到张总电话再安排, 等他打来再说: a call awaited)
            r"(?<![等要会])接到[^\s,。;]{0,20}?电话|(?<![等要会再])接了个?[^\s,。;]{0,12}?电话|(?<![要会再去])打来(?![的了过])(?![^,。]{0,2}再说)|"
            r"(?<![A-Za-z])phone[里上]|(?:^|(?<=[\s,;。]))接电话(?=\s)|"
            # (电 三一 唐工 明10点拜: a telegraphic note opening on its call)
            r"(?:^|(?<=\n))\s*(?:今|昨)?电(?=\s+[\u4e00-\u9fffA-Za-z])|"
            r"(?<![A-Za-z])call\s?[了完]|"
            # (开了个 Teams meeting, zoom meeting: a call made on a screen)
            r"(?i:(?a:\b)(?:zoom|teams|video|online)\s?meeting(?a:\b))|"
            # 今天电话催款, 今天 电话 催年前回款, 今天 call 里: a call today, said short
            r"(?<=[今昨]天)\s?电话\s?(?=催|问|约|联系|沟通|回访|跟进)|(?<![A-Za-z])call\s?里|"
            # (今天电话，福耀玻璃的吕总说…, 刚刚电话，…吴协理说: a call, said short before a pause)
            r"(?:(?<=[今昨]天)|(?<=刚刚)|(?<=刚才))\s?电话(?=\s?[,，][^。;\n]{1,30}?(?:说|讲|话))|"
            # Phoned Mr. Liang, 今天電話中…說, 同…傾電話, 今天 call TNB 的 Mr. Yap，他讲…, call me just
            # now: a call said in the words of the south
            r"(?i:(?a:\b)phoned(?a:\b))|电话中(?=[^\n。]{2,30}?(?:说|讲|话))|倾电话|"
            # (同城大的Mandy电话倾完, 首钢已电话, 刚跟中钢的吴先生电话约好…: a call said short)
            r"电话(?:谈|聊|倾)完|(?<=[\u4e00-\u9fff])已电话(?=[\s,，。;]|$)|"
            # (跟美的张总电话约了周四…: the note opening on the call made)
            r"(?:^|(?<=刚)|(?<=[今昨]天))(?:跟|和|同|与)[^\s,，。;]{1,16}?电话(?:约|聊|说|沟通|确认)|"
            r"(?<=[今昨]天)\s?call(?a:\b)(?=[^,。;\n]{1,30}[,，]\s*(?:他|她)(?:讲|说))|"
            r"(?i:(?a:\b)call(?:ed)? me just now(?a:\b)|(?a:\b)today call (?:him|her)(?a:\b))"
        ),
        "call",
    ),
    (
        re.compile(
            r"(?i:(?a:\b)wechat'd(?a:\b))|"  # (WeChat'd Jenny: a chat had)
            # (刚才加了美的集团采购的一个经理的微信 … 她说…: added, and told something there)
            r"(?<=[刚才今天])加了[^\s,，。;]{1,20}?的?微信(?!号)(?=[^。;\n]{0,40}?[他她]说)|"
            r"微信[^\s,]{0,2}?(?:聊|沟通|联系|回复|说|讲)|发了?[^\s,]{0,3}微信|微信上|微信里|"
            # (秘书小吕微信发来…行程, 行程（秘书 Vivian 微信发来）: his days sent over WeChat)
            r"(?:秘书|助理|董办)[^\n:,。;]{0,8}?微信(?:发来|发过来|转过来|发的)|"
            # (微信语音跟蓟总聊了半小时: the call made on WeChat)
            r"微信(?:语音|视频)(?:跟|和|与)[^\s,。;]{1,16}?(?:聊|沟通|说|讲)|"
            # 微信跟申科长确认了节后的订单, 戚经理微信回我了 (not 跟财务/物流/仓库, not 等他微信回我)
            r"微信(?:跟|和|与|同)(?!我们|咱们|我司|公司|厂里|供应商|物流|财务|仓库|同事|老板|领导|快递|司机)"
            r"[^\s,。;]{1,20}?确认了|"
            # (昨天下午微信跟那个宝钢的白工聊了一下: a chat had, said with its filler)
            r"(?<![要会再去将等])微信(?:跟|和|与|同)(?!我们|咱们|我司|公司|同事|老板|领导)"
            r"[^\s,。;]{1,20}?(?:聊|沟通|谈)(?=了|过|完)|"
            # (微信 高工 图纸已收: a telegraphic note's chat)
            r"(?:^|(?<=[\s,;。]))微信\s+(?=[\u4e00-\u9fff]{1,3}(?:总|经理|[处局科院]长?|主任|工)(?![^\n]{0,6}\d{5}))|"
            r"(?<!等他)(?<!等她)(?<!等)微信回(?:复)?我了(?![^,，。;]{0,4}再)|"
            r"(?a:\b)(?:via|on|over) wechat(?a:\b)|微信问候|微信拜年|微信拜了?个?年|回了?[^\s,，]{0,3}微信|"
            # (收到包钢稀土采购部温部长的微信/短信, got a WeChat from Jenny: a message had)
            r"收到(?![^\s,。;]{0,4}(?:银行|系统|平台|验证))[^\s,。;]{0,20}?(?:微信|短信)(?!号)|"
            r"(?i:(?a:\b)got a wechat from(?a:\b)|(?a:\b)wechat (?:w/|with)\s)|"
            # WeChat 了, WhatsApp 回复了, LINE 聊了, whatsapp 话: the other apps reps use
            # (谢小姐LINE确认: settled over the app)
            r"(?<![A-Za-z])(?:wechat|whatsapp|line)(?![A-Za-z])\s*(?:了|回复|聊|说|话|讲|确认)|"
            # WeChat上说, 同機管局嘅何小姐WhatsApp，佢話…
            # (张总的WhatsApp上一直没回: no exchange; 陳生頭先WhatsApp我: one)
            r"(?<![A-Za-z])(?:wechat|whatsapp)(?![A-Za-z])\s*(?:上|里|[,，。]\s*(?:他|她|佢))(?![^,。]{0,6}没(?!问题))|"
            r"(?<![A-Za-z])(?:wechat|whatsapp)(?=我)|"
            # (今朝 WeChat 同太古地產工程部李工傾: a talk had over the app, said in Cantonese)
            r"(?<![A-Za-z])(?:wechat|whatsapp|微信)\s*(?:同|跟|和)[^,，。;\n]{1,16}?(?:倾|谈|聊)(?![^,，。;\n]{0,2}再)",
            re.IGNORECASE,
        ),
        "wechat",
    ),
    (
        re.compile(
            # (华电院王局 昨访, 三一姚工 今访, 昨见: a telegraphic note's visit, said by its day)
            r"(?<![如至]今)(?<=[昨今])[访见](?![面过])|"
            # (今拜 徐工 范经理 样ok, 拜 京东物流 霍经理: a telegraphic note opening on its visit)
            r"(?:^|(?<=\n))\s*(?:今|昨)?拜(?=\s+[\u4e00-\u9fffA-Za-z])(?!\s*[✗×xX](?![A-Za-z]))|(?<!再)碰头(?!会)|(?:^|(?<=[\s,;。]))已(?:见|拜访)(?=[\u4e00-\u9fff])|"
            r"拜访|拜会|上门|见了|见面|见到|面谈|走访|来访|到访|登门|(?<!休假|出差|旅游|度假|开会|学习|培训)(?<!玩|总|董|局)(?<!家人|夫人|爱人|老婆|太太|主任|院长|局长|厂长)去了(?!也|都)|(?<=[陪跟带和同与][\u4e00-\u9fff][总董局])去了|(?<=[陪跟带和同与][\u4e00-\u9fff]{2}[总董局])去了|(?<=[陪跟带和同与][\u4e00-\u9fff]{3}[总董局])去了|(?<=[陪跟带和同与][\u4e00-\u9fff](?:主任|院长|局长|厂长))去了|碰了?面|(?<![要再想])去找了(?!解)|参观|来公司|"
            # (我负责接待, 要接待: hosting to come, no visit had)
            r"来我们公司|认识了|(?<!负责)(?<![要会])(?<!准备)(?<!安排)接待|回访|碰到了|遇到了|送了|见过了|开了个?会|"
            # (今天在无锡供电公司新认识一个…, 刚在国药控股开完会: met there)
            r"(?<=[今昨]天)[^,。;\n]{0,20}?新认识(?=一个|一位|了|的)|(?<=刚)在[^\s,，。;]{2,16}?开完会|"
            # (今天展会上认识的, 今天去码头现场认识的: met in person today, a card in hand)
            r"(?<=[今昨]天)[^,。;\n]{0,16}?(?:现场|展会上|峰会上|大会上)认识的|"
            # (今天在南昌大学第一附属医院碰到胡院长: met by chance, still met)
            r"(?<=[\u4e00-\u9fff])(?:碰到|偶遇)(?![了过问困麻难瓶对竞的])(?=[\u4e00-\u9fff])|"
            # (周五跟比亚迪开的会: held with a customer — 去公司开的会 is our own)
            r"(?:跟|和|与|同)(?!公司|同事|老板|领导|我们)[^\s,，。;]{1,10}?开的会|"
            # (大年初二去给宫书记拜了年: a New Year's call paid in person)
            r"去给[^\s,。;]{1,10}?拜了个?年|"
            # 跟舒场长碰了个头, 今天终于见上了, 今天来我们展厅看了 / 来我们厂做供应商审计
            # 昨天去山海关船舶修造，跟涂部长确认了…: gone there on a day said, and talked with someone
            # (not 去银行办事，跟柜台确认了…, 去机场接人, 去拿快递: errands of the rep's own)
            r"(?<=[今昨前]天)去(?![^\s,。;]{0,10}?(?:银行|财务|仓库|机场|快递|4S|面试|交警|办事|盘点|接人|保养|医院看病|"
            r"税务|工商|社保|我们|咱们|公司|总部))"
            r"[^\s,。;]{2,16}?[,，]\s*(?:跟|和|与|同)(?!我们|同事|老板|领导|家人)[^\s,。;]{1,12}?(?:确认|谈|聊|沟通|商量|讨论)了|"
            # (跟老板/同事碰了个头, 跟我们经理, 他们内部先碰了个头: our own side or theirs alone)
            r"(?:跟|和|与|(?<![跟和与老])同(?!事|学))"
            r"(?![^\s,。;]{0,4}?(?:同事|老板|领导|内部|家人|老婆|老公|媳妇|技术部|销售部|财务部|部门))"
            r"(?!我们|咱们|公司)[^\s,。;]{1,12}?碰了(?:个头|一下)|"
            r"(?<!视频里)(?<!视频上)(?<!视频)见上了|"
            # (本来/原定今天来我们工厂考察，改期到下周了: called off)
            r"(?<=[今昨]天)(?:带[^\s,。;]{1,3})?来我们[^\s,。;]{1,5}?(?:看了|参观|考察|审计|验厂|验货)"
            r"(?![^。;\n]*(?:改期|推迟|取消|改到|延期|往后推|推了|没来))|"
            r"(?a:\b)visited(?a:\b)|(?a:\b)met(?a:\b)|"
            # (their budget meeting is every March: a meeting of theirs, no contact)
            r"(?<!budget )(?<!board )(?<!internal )(?<!their )(?<!zoom )(?<!teams )(?<!video )(?<!online )"
            r"(?<!的)(?<!内部)(?a:\b)meeting(?a:\b)(?! is(?a:\b))|(?a:\b)visit(?a:\b)[^.]{1,40}?(?a:\b)done(?a:\b)|(?<=[今昨]天)[^\s,]{0,4}?见的|找[^\s,]{1,6}?[谈聊]了|(?<=[今昨前]天|上午|下午|晚上|刚才)(?:和|跟|同|与)[^\s,]{1,12}?[谈聊]了|"
            r"(?a:\b)demo done(?a:\b)|做[了过][^,。;\n]{0,30}?(?:(?a:\b)demo(?a:\b)|演示)|"
            # 上周三去过万华化学 (开完会, 送到了, 找了 were tried: our own meetings, couriers)
            r"去过(?![吗么没])|(?<![A-Za-z])meeting\s?完|见完[^,，。;\s]{0,6}?了|"
            # 今天去无锡市人民医院谈手术麻醉系统, 今天在…开会聊, 今日同…开会: a day said, where
            # or with whom, and the talk
            # (上午在咸宁温泉谷酒店跟尚经理谈的布草洗涤外包, 下午在他们牧场聊的是…: where, then the talk)
            r"(?:(?<=[今昨]天)(?:去|在)|(?<=[今昨]天|上午|下午|中午|晚上)[到在])(?!公司|办公室|单位|家|路上|车上)[^\s,。;]{2,20}?(?:谈|聊|开的?会|交流|见(?!面)|做了?(?:[^\s,。;]{0,5}?的)?(?:测试|演示|调试|培训))|"
            r"(?<=上午|下午|晚上)在(?!公司|办公室|单位|家)[^\s,。;]{2,24}?(?:和|跟|同|与)"
            r"(?!老板|领导|同事)[^\s,。;]{1,24}?开(?:了[^\s,。;]{0,4}?)?会|"
            r"(?:^|(?<=[.;:\n]\s)|(?<=[.;:\n])|(?<=(?a:\b)I\s)|(?<=(?a:\b)we\s))went (?:down )?to(?a:\b)"
            r"(?! tender| (?:the )?wrong| [^.;\n]{0,20}(?a:\b)for personal)|"
            # 今天和…开了会, 上午跟碧水源的项目组开会, 今天和昆明市水务局开了协调会; 刚跟何院长聊完
            r"(?<=[今昨]天|上午|下午|晚上)(?:和|跟|同|与)[^\s,。;]{1,20}?开(?:了[^\s,。;]{0,4}?)?会|"
            # (刚刚在省人民医院跟何院长聊完: where, then with whom)
            r"(?<=刚才|刚刚)(?:在(?!车上|公司|会上|群里|线上|网上|家)[^\s,。;会群]{2,12}?)?(?:和|跟|同|与)"
            r"(?!老板|同事|领导|家人|老婆|老公)[^\s,。;]{1,16}?[聊谈]完|"
            # (今天meeting了: English glued to Chinese has no word boundary before it)
            r"(?:(?<=[今昨]天)|\b)meeting\s?了(?!解)|(?<![A-Za-z])demo\s?给了|"
            # 陪华为的曾经理去看了我们的工厂: the rep took the customer there
            r"(?<=[今昨]天|上午|下午|刚才|刚刚)陪(?!老婆|老公|家人|孩子|领导|老板)[^\s,。;]{0,12}?"
            r"(?:总|经理|主任|[处局科院行厂部组]长|工|处|局)(?:去|来)(?:看|参观|考察)了|"
            # 刚从苏州工业园区管委会出来, 10月21号去的兰州石化, 现场看了, 在云南白药集团待了一下午,
            # visit了
            # (a place left, then what someone said there: 从仓库调出来的样机, 从医院出来感觉好多了
            # are no visits)
            r"(?<=刚|才|天|午)从(?!家|公司|机场|车站|高铁|地铁)[^\s,。;]{2,24}?[出回]来(?=[^。;\n]{0,30}(?:说|讲|话|表示|顺利|不错|满意|同意|认可|答应|觉得|看了))|"
            r"(?:(?<=[0-9一二三四五六七八九十][号日])|(?<=[周拜期][一二三四五六日天])|(?<=[昨前]天))"
            r"去的(?!话|时候|人|那|这|地方)|"  # (12号去的那个展会: which one, still ahead)
            # (上礼拜四去的那个金华的武义温泉度假村: last week's, the filler no matter)
            r"(?:(?<=上周[一二三四五六日天])|(?<=上(?:礼拜|星期)[一二三四五六日天]))去的(?!话|时候)|"
            # (上周五去拜访的 忘了录: last week's, said with the visit)
            r"(?:(?<=上周[一二三四五六日天])|(?<=上(?:礼拜|星期)[一二三四五六日天]))\s?去(?:拜访|见|找)[他她]?的|"
            r"现场看了|(?<=[今昨前]天)[^\s,。;]{0,4}?给[^\s,。;]{1,20}?演示了|"  # (跑了一趟 lost on blind11)
            # (今天跑了趟日照岚山的港丰粮油码头，跟设备科的逯科长看了…: gone today, and met there)
            r"(?<=[今昨前]天)[^\s,。;]{0,4}?跑了一?趟(?=[^。;\n]{2,30}?(?:跟|见了|找了|和))|"
            r"(?<![要去再])找了[^,。;\n]{1,20}?(?:聊|谈)(?!了解)|"
            # (刚从海天味业出来, 在合肥跟蔚来的采购经理…碰了一下: there and met)
            r"刚从[^\s,。;]{2,12}?出来|(?<=[跟和与])[^,。;\n]{1,30}?碰了一下|"
            r"(?<=[今昨前]天|上午|下午)在(?!家|公司|路上|车上|高铁|飞机|机场)[^\s,。;]{2,24}?[待呆]了"
            r"(?=[一半整两三四五六七八九十0-9])|"
            # (今天在秦巴中药材种植合作社看了烘干设备, 田经理带我看了新厂房: seen there, shown round)
            r"(?<=[今昨前]天)在(?!家|公司|路上|车上|高铁|飞机|机场|网上|视频|手机)[^\s,。;]{2,24}?(?:看了|转了一圈|转了转)|"
            r"(?<=[总理工任长管])带我们?(?:去)?看了|"
            r"(?<![A-Za-z])visit\s?了|(?<=[今昨]天)\s?visit(?a:\b)|第一次见(?!面)(?=[^\s,，。]{2})|"
            # 刚见完那个山推的采购, 访三棵树黄经理 (a telegraphic visit), Went Marina Bay Sands
            # see Mr. Chia, 上周五在太原重工见的几个人
            r"(?<=刚)见完|(?<=刚)见(?![面过完到了])(?=[\u4e00-\u9fff]{2})|(?<=头先)见完|^访(?=[\u4e00-\u9fff]{2})|^(?i:went)(?a:\b)(?=[^.;\n]{2,40}(?a:\b)see(?a:\b))|"
            r"(?<=[周拜期][一二三四五六日天])在[^\s,。;]{2,12}?见的|"
            # (上午去给景德镇的昌南陶瓷窑炉的阚董拜年: a new-year call paid in person)
            # (今天去给晨光文具的卢总拜了个早年: said done, and early)
            r"去给[^\s,。;]{1,20}?拜(?:了)?(?:个)?早?年|"
            # (3号去看了戴总, 顺路看了下郭总: called on someone named)
            r"(?:去|顺路|顺便|顺道)看了(?:一?下)?(?=[^\s,。;]{0,8}?(?:总|经理|主任|局|长|工|董))",
            re.IGNORECASE,
        ),
        "visit",
    ),
]
# 去拉萨高原水业谈净水设备，采购的王经理…说: an errand at a place, with what was said there
# after it in the sentence (no 了 needed — a plan says nothing back)
_WENT_TO_DO = re.compile(
    r"(?:^|(?<=[\s,，。;\n])|(?<=[今昨]天|上午|下午|中午|晚上))(?P<went>去)(?!年|过|了)"
    r"[^\s,，。;]{2,16}?(?:送|谈|讲|看|推荐|找|见|拜访)"
)
# 自己在路上吃了个便饭, 他们中午已经吃过饭了: a meal without the customer, or theirs alone
# 今天跑了趟铜陵的皖铜电缆材料，笪经理说…, 节后第一次去廊坊的京南物流园，谌主任说…: a trip
# there made, with what was said there after it in the sentence
_WENT_THERE = re.compile(r"(?P<went>跑了一?趟|(?:第一|最后一)次去)(?=[^\s,，。;]{2,20})")
_PLAIN_MEAL = re.compile(r"吃过[个顿]?[便晚午]?饭|吃了个?便饭|吃了?宵夜|食宵夜")
_ATE_APART = re.compile(
    r"自己|一个人|路上|车上|高铁|飞机|服务区|随便|[他她]们(?!的?(?:食堂|饭堂))|已经"
)
_ATE_WITH = re.compile(r"跟|和|同|与|陪|一起|请|[他她]们的?(?:食堂|饭堂)")


def _eaten_apart(doc: Doc, people: People, a: int) -> bool:
    """A plain meal (吃了个便饭) is the customer's only with someone or someone named before it."""
    ca = doc.clause(a)[0]
    if _ATE_APART.search(doc.t, ca, a):
        return True
    named = any(ca <= m.start < a and not m.pronoun for m in people.mentions)
    return not named and _ATE_WITH.search(doc.t, ca, a) is None


# 在恒远重工开了个技术交流会, 跟业主开了三方会: a meeting held where or with whom the clause says
# (公司开了个销售会, 他们开了个内部会, 开了个玩笑, 开了个新车间明年会投产: ours, theirs, none)
_MEETING_HELD = re.compile(
    r"开了个?(?!内部|党|董事|股东|职代|班子|玩笑|价|头)"
    r"(?![^\s,。;会]{0,6}?(?:展|订货|复盘|例|总结|动员|誓师|年|周|月)会)[^\s,。;会说年]{0,8}会"
    r"(?!议室|[投签再去用把有在将要加上下])"
)
_HELD_WITH = re.compile(
    r"(?:[在跟和与去]|同(?!事))(?!公司|单位|办公室|部门|家|会上|团队|同事|老板|领导|酒店|我们|大家)"
    r"[^\s,。;]{1,20}$"
)
_MEETING_TODAY = re.compile(
    # (范总今天到周三在合肥开省里的会, 王总今天在北京开会: his own meeting)
    r"(?<![总理长任工董])(?P<today>今天|今日)(?!到|至|起|开始)(?:上午|下午|晚上)?[^\s,。;]{0,20}?"
    r"(?P<met>(?P<together>一起)?开(?!内部|党|董事|股东|职代|班子|周|例|月|年|部门)"
    r"[^\s,。;:会说]{0,6}会)(?=[:,。;\s]|$)"
)
# 在他们办公室聊了一个多小时: a talk that took place, where ever it was — read only when
# nothing else in the note says how (上周三拜访过,聊了幕墙设计软件 is last Wednesday's visit).
_TALKED = re.compile(r"(?:聊|谈|交流|沟通|讨论|倾|商量)了(?!解)")
_TALK_AHEAD = re.compile(r"下个?(?:周|礼拜|星期|月)|明天|后天|明年|回头|改天|以后|之后|下次")
_EVENING = 18
# (希望今天下午能接到王总的电话, 接到采购电话再报价, 接到电话的话就去: a call hoped for or awaited)
_CALL_HOPED = re.compile(r"希望|争取|能不能|能|如果|要是|等")
_CALL_THEN = re.compile(r"(?:的话|再|就|后|以后|之后)")
_STILL_TO_BRING = re.compile(r"记得|准备|带上|带两|要带|提前|订|问下|问问|(?i:(?a:\b)bring(?a:\b))")
_STILL_TO_PREPARE = re.compile(
    r"要|准备|记得|带上|带两|问下|问问|(?i:(?a:\b)bring(?a:\b)|(?a:\b)prepare(?a:\b))"
)
# (今晚跟王总吃饭，他是老板。记得带两瓶酒: the next sentence opens with what to bring — still
# ahead; 他女儿下个月结婚，我得准备个红包 is of something else)
_PREPARE_NEXT = re.compile(r"\s*(?:我|要|得|一定要)?(?:准备|记得|带上|带两|要带|提前|订|拿下)")
_TOLD_OF = re.compile(
    r"(?:他|她)(?:是|很|对)|拍板|说了算|很支持|人很|[总长任理工](?:说|觉得)|"
    # (…吃饭，江董台中人，爱喝红酒，说…他决定; 副局长也来了 他最终决定: who was there, as met)
    r"(?:他|她)(?:最终|最后)?决定|也来了|爱喝|喜欢喝|"
    r"[总长任理工董](?:让|叫)我们|"  # (麹总让我们先送一批做试验: what he asked for there)
    r"(?i:(?a:\b)(?:he|she)(?:'s| is)(?a:\b))"
)
_DONE_AFTER_HOUR = re.compile(
    r"了|过|完|已经|刚|说|讲|表示|同意|反馈|答应|席间|聊得|没人接|关机|不在|对方|[他她]|是\s*\d|是[一二三四五六七八九十]"
)
# Words between a dated contact and a later one that make the later one today's own.
_NOW_AGAIN = re.compile(r"刚|又|之后|今天|今早|现在|啱啱|剛|然后|再")
_EN_WENT_WELL = re.compile(
    r"(?i)(?a:\b)(?:was|went)\s+(?:really\s+|very\s+)?(?:great|good|well|ok|fine|nice|productive|positive)(?a:\b)"
)
_SAID_THERE = re.compile(r"(?:他|她|佢)(?:说|话|表示)|(?i:(?a:\b)(?:he|she) (?:said|says)(?a:\b))")
# (…吃饭，主要聊了明年的选型，戢院长表态…: what was talked of and said there; not 上次主要聊了,
# 等院长表态)
_TALKED_THERE = re.compile(
    r"(?<!上次)(?<!之前|昨天|上回|那次)(?:主要|一起)(?:聊|谈)了(?!解)|(?<=[总长任])表态"
)
_HOPED_FOR = re.compile(r"等|希望|争取|看看?|要")  # (等李总表态, 希望孙总表态: still to come)


def _talked_there(doc: Doc, b: int) -> bool:
    """What was talked of or said at a dinner, in the sentence that names it (…吃饭，主要聊了…,
    戢院长表态…), not what is hoped to be said there."""
    t = doc.t
    m = _TALKED_THERE.search(t, b, _sentence_end(t, b))
    return m is not None and not _HOPED_FOR.search(t, max(b, m.start() - 5), m.start())


# (3号当天就不用过去了; 因出差未能见面, 没能见上)
# (本周无拜访: none at all)
_NEGATED = re.compile(r"(?:没|未|不|没有|不用|不必|无需|无须|未能|没能|不能|(?<=[周天月])无)$")
_REPORTED_NEXT = re.compile(r"\s*(?:来)?(?:说|讲|话|通知)")
_PLAN_CALLED_OFF = re.compile(
    r"(?:本来|原定|原计划|原本)[^。;\n]*?(?:改期|改到|推迟|取消|没来|没去|没见|往后推|延期|先不去|不去了)"
)
_WAITS_ON = re.compile(
    r"等(?!了|到)(?![^\s,]{0,3}[到来]了)[^\s,]{0,4}$"
)  # (等王总到了谈了: he came)
_FUTURE_BEFORE = re.compile(
    # (别那时候打电话, 不要去拜访: a don't, no contact)
    rf"(?:约|准备|计划|(?<!的)打算(?!的)|要|再|想|需要|得|记得|提醒|安排|过几天|改天|有空|下次|回头|年后|过完年|{DONT}|不要|"
    r"等(?!了|到)(?![^\s,]{0,3}[到来]了))"  # (等李工现场看了再报价: awaited; 等王总到了谈了: not)
    r"[^\s,]{0,4}$"
)
# (今天计划：上午打电话给…，下午去拜访…: what follows the heading is planned, not done)
_PLAN_HEADING = re.compile(r"(?:计划|打算|安排|待办|(?i:to ?do|plan))\s*[:：]")
_SAID_DONE_HERE = re.compile(r"[了过完]|已经")  # (今日安排：上午拜访了万科王总: done)
# (Had dinner with …, just had a call with …: done, said in the past tense)
_EN_HAD = re.compile(r"(?i)(?<![a-z])(?:had|just had)\s+(?:a\s+)?$")
# (有事最好上午打电话, 建议下午去拜访: how best to reach them, no contact made)
_ADVISED = re.compile(r"(?:最好|建议|应该|可以)[^\s,。;]{0,6}$")
# A day ahead not pinned down (这几天给张总打个电话, 两三天后, 找时间拜访): no contact today.
_UNPINNED_AHEAD = re.compile(
    r"这几天|这两天|[两三四五]天后|几天后|找时间|找个时间|抽空|哪天|到时候|过段时间|过阵子|近期"
)
# Days ahead the reader does not pin down (初八 alone, 十五号以后, 下个月, 等他回来).
_UNREAD_AHEAD = re.compile(
    r"初[一二三四五六七八九十](?![中步次级期稿])|[上中下]旬|月中|下个?月|明年|"
    r"[0-9一二三四五六七八九十]号?(?:以后|之后)|等[^\s,]{0,8}?(?:回来|以后|之后|完)|"
    # (下周跟尤总吃饭的事定了: next week, no day said)
    r"下下?个?(?:周|礼拜|星期)(?![一二三四五六日天末])"
)


def _ahead_not_pinned(doc: Doc, a: int) -> bool:
    """A contact at ``a`` said after a day ahead that no reminder could be set for (下个月中旬来
    公司看看, 初八来公司聊, 这几天打个电话): meant, not done today."""
    ca = doc.clause(a)[0]
    if _UNPINNED_AHEAD.search(doc.t, ca, a):
        return True
    ka = doc.chunk(a)[0]  # (Year-end: confirmed 明年 order on phone: the year is the order's)
    if _UNREAD_AHEAD.search(doc.t, ka, a):
        return True
    return any(ka <= v.span[0] < a and v.day > doc.today for v in doc.all_whens)


# 打个电话, 吃个饭, 见个面 with no day and no 了: what the rep means to do.
_A_PLAN_FORM = re.compile(r"[打吃见碰回]个")
# Plans said far before the verb (年后约苏州工业园区的杜主任吃饭) and meetings called off.
_PLAN_IN_CLAUSE = re.compile(r"年后|过完年|节后|改天|下次|回头|约(?!了)")
_CALLED_OFF = re.compile(
    r"(?i)cancel|moved to|reschedul|postpone|(?a:\b)no (?:meeting|visit|call)(?a:\b)|取消|改期|推迟|没见成|没见到|"
    # (改为电话沟通, 见面时间改了: the way or the day changed, nothing had yet)
    r"改到|改成|挪到|提前到|改为(?=电话|视频|线上|微信)|(?<=见面|拜访|会面)时间改了"
)
# (拜访了3家, 本周拜访客户3家: a count of customers, no one contact)
_MANY = re.compile(r"\s*(?:了\s*)?(?:客户|新客户|老客户)?\s*(?:\d+|几|多|两|三|四|五)家")
_NO_CONTACT_WORD = re.compile(r"(?:还没|没要|号码|单(?=\s*(?:$|[\n:]))|对象|计划|目的|提纲)")
_HABIT_BEFORE = re.compile(r"每(?:个|两个?|三个?|半个?)?(?:月|周|礼拜|星期|天|季度|年)")
# (何总习惯用微信语音沟通, 他喜欢微信联系: how someone likes to be reached, no contact had)
_WONT_BEFORE = re.compile(r"习惯|喜欢|爱用|偏好")
_DONE_AFTER = re.compile(r"\s*[了过完]")
_TODAY = re.compile(r"今天|今早|昨天|刚")
_SUMMARY_SKIP = re.compile(
    r"^(?:一下|一会|很久|半天|一下午|一上午|很多|挺多|好久|聊|一个|半小时|"
    # (聊了十来分钟, 谈了两个多小时: how long, not what about)
    r"[0-9一二两三四五六七八九十几]+[来多]?(?:分钟|个?[多半]?小时|个?钟头?))"
)
# 聊了半小时手术室净化工程的改造, 聊了差不多20分钟: how long, then (maybe) what about
_LASTED = re.compile(
    r"(?:差不多|将近|大概|快)?(?:[一二两三四五六七八九半几十\d]+个?多?(?:小时|钟头|分钟)|半个?钟头?)(?=[\u4e00-\u9fff])"
)
_ONLY_HOW_LONG = re.compile(r"左右|才|就|不到|多|吧|都|一直|全")
_HOW_LONG = re.compile(
    r"\s*(?:[一两半几]个多?小时|[一两半几]个?钟头?|老?半天|很久|好久|一下午|一上午|好?一会儿?|"
    r"一阵子?|好几段|几段|几句)\s*$"
)
# Where a deal stands (倾向我们的方案, 需求基本明确, 被对手海康抢了, 还在走流程, 还没定, 很支持): an
# outcome, and never by itself a sign that a contact took place.
_WHERE_IT_STANDS = (
    r"倾向|基本明确|被[^\s,。]{1,8}?抢了|丢单|输给|在走流程|还在审|还没定|很支持|比竞品好|"
    # where the price or the choice stands: 价格卡住了, 卡价, 要再比一比 (设备卡住了, 堵车卡住了 are no
    # verdict)
    r"(?:价格?|价钱|预算)上?卡住了?|卡价|比一比"
)
_OUTCOME = re.compile(
    r"同意|答应|认可|不满意|满意|有意向|意向|感兴趣|有兴趣|比价|犹豫|没谈拢|谈拢了|没谈成|谈成了|"
    r"拒绝|不需要|不考虑|考虑考虑|再考虑|研究研究|再研究|签了|签约了|成交|下单了|定了|聊得很好|"
    r"谈得很好|聊得不错|谈得不错|再看|没戏|黄了|再说|符合要求|有(?:[一两几]个)?问题|没问题|通过了|批了|"
    # verdicts said plainly: 反应不错, 他嫌贵, 他点头了, 报价我们接受了, 有戏, 几好, 唔错
    r"不错|嫌贵|太贵|偏贵|点头了|接受了|核准了|有戏|几好|唔错|"
    # plain everyday verdicts: 方案还行, 问题不大, 报价偏高, 效果一般
    r"还行|偏高|问题不大|效果一般|反响一般|反应一般|"
    # a telegraphic note's verdict in English: 拜访ok, 电话 东航物流韦总 ok
    r"(?<![A-Za-z])(?i:ok)(?![A-Za-z])|" + _WHERE_IT_STANDS
)
# Said of things as much as to the rep (采购申请批了, 系统没问题): the outcome of a contact the
# note records, never by itself a sign that one took place.
_NOT_A_CONTACT = re.compile(
    # (吃饭的事定了: a matter settled, said of it)
    r"再说|符合要求|问题|通过了|批了|(?<!得)不错|贵|点头|接受|核准|有戏|几好|唔错|还行|偏高|一般|事定了|"
    # (我定了腊月二十去长沙拜访他: the rep's own plan, no word of theirs)
    r"^我定了|"
    r"(?i:ok)|" + _WHERE_IT_STANDS
)
# The rep asking to be reminded: what follows is a task, not a contact that took place.
_REMINDER_LEAD = re.compile(r"记得|别忘|不要忘|提醒我")
# A note headed as things to do (Reminder: lunch with…, 今天要办的：1. 上午给蔡工回电话): all
# of it still to be done
_LIST_OF_TODOS = re.compile(
    r"\s*(?i:reminders?|to-?dos?|to do)\s*[:：]|\s*(?:提醒|待办|待辦|(?:今|明)天要办的?|今日待办)\s*[:：]"
)
# Anywhere in a note (提醒 alone and English too): an hour gone today is still a task.
_ASKED_TO_REMIND = re.compile(rf"{_REMINDER_LEAD.pattern}|提醒|(?i:remind)")


_SENTENCE_MARK = re.compile(r"[,。;，；]")
# 张总说…: the customer's words in Chinese, with no word for the meeting they were said at.
_HEARD_SAY = re.compile(r"[\u4e00-\u9fff](?:说|讲|表示)[^\s,]{0,2}$")
_TALK_WORD = re.compile(r"谈|聊|见|当面")
_WORDS_REPORTED = re.compile(r"说|(?<!电)话|(?i:(?a:\b)said(?a:\b)|(?a:\b)says(?a:\b))")
_OUTCOME_LEAD = re.compile(
    r"(?:[\s,]|他们|他|她|对方|客户|说|觉得|认为|也|还是|结果|但是|不过|目前|现在|基本上?(?=定)|今天|又|"
    r"然后|嗯|那个|就是|让我)+"
)


# What is left of a remark once its facts are read (他们, 了算, 这事他, 他们一般是, 让风险部的) or
# the rep's own promise (我答应): no outcome.
_NO_OUTCOME = re.compile(
    r"^(?:[他她]们?|了算)$|^我(?:答应|说|跟)|^.{0,2}[他她]$|[是把]$|[部处科室]的$|^.{0,1}$"
)


def _worth_keeping(said: str | None) -> str | None:
    if said is None or _NO_OUTCOME.search(said.strip()):
        return None
    return said


def _reminded_of(doc: Doc, a: int) -> bool:
    """The contact at ``a`` is what 记得/别忘了/提醒我 before it asks for, unless a day gone by is
    said in between (提醒我给葛主任打电话就是昨天饭局上认识的: the meal took place)."""
    leads = list(_REMINDER_LEAD.finditer(doc.t, doc.clause(a)[0], a))
    if not leads:
        leads = [m for m in [_LIST_OF_TODOS.match(doc.t)] if m is not None]
    if not leads:
        return False
    lead = leads[-1]
    return not any(lead.end() <= w.span[0] < a and w.day < doc.today for w in doc.whens)


_A_WEEKDAY = re.compile(r"周|星期|礼拜")


def _relevant_when(doc: Doc, pos: int) -> When | None:
    """The date governing an event at ``pos``: the nearest before it in the clause, else after."""
    ca, _ = doc.clause(pos)
    # (完成:万达商管饶总拜访(周三)、长江电力傅处长饭局(周四): the day in brackets right after
    # the event, gone by, is its own)
    _, chunk_end = doc.chunk(pos)
    if doc.t.startswith("(", chunk_end):
        bracketed = next((w for w in doc.whens if w.span[0] == chunk_end + 1), None)
        if bracketed is not None and day_of(bracketed.start) <= doc.today:
            return bracketed
    before = [w for w in doc.whens if ca <= w.span[0] and w.span[1] <= pos + 1]
    if before:
        return before[-1]
    # (这周…：周一、周二在杭州，见了阿里云的孔经理: a day of this week gone by, said earlier in
    # the sentence — unless the contact's own clause says today)
    opening = _sentence_start(doc.t, pos)
    this_week = [
        w
        for w in doc.whens
        if opening <= w.span[0]
        and w.span[1] <= pos
        and doc.today - timedelta(days=7) <= w.day < doc.today
        and not w.deadline
        and _A_WEEKDAY.match(doc.t, w.span[0])  # (昨天到北京出差，和宋处长吃了顿饭: kept today)
    ]
    if this_week and not _SPEAKERS_TODAY.search(doc.t, ca, pos):
        return this_week[-1]
    # (Meeting with Mr. Tan next Wed 3pm: English says the day last)
    b = doc.clause(pos)[1] if doc.t[pos].isascii() else chunk_end
    after = [
        w
        for w in doc.whens
        if pos <= w.span[0] < b
        and not _EN_NOT_ITS_DAY.search(doc.t, max(0, w.span[0] - 9), w.span[0])
    ]
    if after:
        return after[0]
    # (美的 刘经理 饭局 昨晚: a telegraphic note's day gone by, the next word after the event)
    if len(doc.t) <= _TELEGRAPHIC:
        gone = next(
            (
                w
                for w in doc.whens
                if w.span[0] >= b
                and not doc.t[b : w.span[0]].strip()
                and day_of(w.start) < doc.today
            ),
            None,
        )
        if gone is not None:
            return gone
    labelled = _labelled_day(doc)
    if labelled is not None:
        return labelled
    # (昨天周日还跑了一趟泉州，跟洪总打了场球，顺便聊了下…: a day gone by opening the sentence
    # is the day of all it tells, when no other day is said before)
    start = _sentence_start(doc.t, pos)
    said = [w for w in doc.whens if start <= w.span[0] and w.span[1] <= pos]
    if (
        len(said) == 1
        and said[0].span[0] - start <= 2
        and not _NOT_THAT_DAY.search(doc.t, said[0].span[1], pos)  # (…，刚才又给他打了电话)
    ):
        # (its last day: not 五一假期值班, a holiday still on)
        if day_of(said[0].end or said[0].start) < doc.today:
            return said[0]
        # (下午四点，给海尔的周工打电话确认参数: the hour ahead opening it, a plan said so)
        if (
            doc.is_future(said[0])
            and said[0].part_of_day is None  # (晚上…: a part of the day alone may be gone by)
            and not _DONE_MARK.search(doc.t, pos, doc.clause(pos)[1])
        ):
            return said[0]
    return None


# (打了电话, 见过, 谈完: said done — 打电话过去 is still to do)
_DONE_MARK = re.compile(r"了|过(?![去来])|完")


_TELEGRAPHIC = 24  # characters of a note written word by word (美的 刘经理 饭局 昨晚)
# (Called 曹总 — he's out until Oct 20: the day he is back, not the call's)
_EN_NOT_ITS_DAY = re.compile(r"(?i)(?a:\b)(?:until|till|through|by|before|after|from)\s+$")

# 日期：7月2日, 拜访时间：3月1日下午: a pasted record's own line for the day of the contact
# (拜访：12/24 周五, 沟通：周五电话, 本周：周四电话陶副院长: the label of the contact itself)
_DAY_LABEL = re.compile(
    r"(?:^|(?<=\n))\s*(?:(?:拜访|沟通|联系|走访|来访|会谈)?(?:日期|时间)|拜访|走访|沟通|"
    r"本周(?:拜访|走访|沟通|工作|跟进)?)"
    # (本周拜访：\n- 周一 武汉光谷…: the day opens the label's first item)
    r"\s*[:：]\s*(?:(?:[0-9]{1,2}[.、](?![0-9])|[-•·*])\s*)?"
)


def _labelled_day(doc: Doc) -> When | None:
    """The day a record's label gives its contact (a visit written up three days later)."""
    label = _DAY_LABEL.search(doc.t)
    if label is None:
        return None
    w = next((w for w in doc.whens if w.span[0] == label.end()), None)
    this_week = doc.today.isocalendar()[:2]
    if w is not None and "本周" in label.group() and w.day.isocalendar()[:2] != this_week:
        return None  # (上周：… 本周：周三 去三一重工: this week's plan, no day gone)
    if w is None or w.day <= doc.today:
        return w
    back = w.day - timedelta(days=7)
    if _BARE_WEEKDAY.fullmatch(doc.t, *w.span) and back.isocalendar()[:2] == this_week:
        return replace(w, start=back, end=None)  # (沟通：周五电话 written on Sunday: this week's)
    if not w.yearless:
        return w
    day = months_back(w.day, 12)  # (日期：7月2日 written on 3 July: this year's, gone by)
    return None if day is None else replace(w, start=day, end=None)


# Words between a day opening the sentence and a contact that make the contact another day's.
_NOT_THAT_DAY = re.compile(r"刚|又|今天|今早|今晚|现在|出差")  # (昨天到北京出差: days away)


def _when_value(w: When) -> date | datetime:
    if isinstance(w.start, datetime) and w.part_of_day is None:
        return w.start  # 今天上午10点去了: the hour said
    # 今天下午去了国网苏州: that day — the convention's 14:00 would be an hour nobody said
    return w.day


_Contact = tuple[date, int, InteractionKind, date | datetime, When | None]


# 忘了, 没打成, 还没打: a call or visit said not to have happened.
_NOT_DONE_ERRAND = re.compile(
    r"(?<![别要])忘了|没打成|还没打|没去成|没见成|没见到人"
)  # (别忘了: a reminder)


def _planned_earlier(doc: Doc, a: int) -> bool:
    """Whether a day still to come opens the sentence part before ``a`` (下礼拜一早上九点，到…拜访):
    the contact is that day's plan."""
    t = doc.t
    start = _sentence_start(t, a)
    # (下周要去一趟成都，拜访通威股份的田总: a week or month to come, no day in it)
    ahead = _PERIOD_AHEAD.match(t, start, a)
    if ahead is not None and not re.search(r"[了过]|今天|今日|刚", t[start:a]):
        return True
    return any(
        start <= w.span[0] < a
        and doc.is_future(w)
        and w.day > doc.today
        and not re.search(r"[了过]", t[w.span[1] : a])
        and not re.search(r"今天|今日|今早|今晚|刚", t[start : w.span[0]])
        for w in doc.whens
    )


_PERIOD_AHEAD = re.compile(
    r"\s*(?:下周|下礼拜|下星期|下个?月|过两天|过几天|改天|回头|年后|节后)(?:要|准备|打算|计划)"
)


_DAY_OF_IT = re.compile(
    r"\s*(?:的?时间|的?日子)?\s*(?:不是[^,，。;]{1,8}[,，]\s*)?(?:是|定在|定了|改到|改在|改成)\s*"
)


def _day_of_it_ahead(doc: Doc, b: int) -> bool:
    """Whether the contact word is followed by the day it is set for, still to come."""
    said = _DAY_OF_IT.match(doc.t, b)
    return said is not None and any(
        w.span[0] == said.end() and w.day > doc.today for w in doc.whens
    )


def _planned_after(doc: Doc, b: int) -> bool:
    """Whether a day still to come follows the contact word right after a pause and ends the
    sentence (给鼎新化工的芮主任打电话，下周一。): the contact is that day's plan."""
    t = doc.t
    return any(
        # (给张总打电话 明天下午三点: a space does for the comma in a telegraphic note)
        re.fullmatch(r"[ ,]+", t[b : w.span[0]]) is not None
        and doc.is_future(w)
        and w.day > doc.today
        and re.fullmatch(r"[ 。.!]*", t[w.span[1] : _sentence_end(t, w.span[1]) + 1]) is not None
        for w in doc.whens
    )


# Someone else's contact, said before it: 海康的人也去拜访了, 对手上周见了, 听说…
_SOMEONE_ELSES = re.compile(
    r"^[^跟和与同约请陪见给找]*的人[^\s,，。]{0,6}?也|对手|竞品|同行|友商|听说|据说"
)
# 谢总上周去了日本东丽, 他昨天去过现场: someone of theirs going, said right before
_SOMEONE_WENT = re.compile(
    rf"(?:[\u4e00-\u9fff](?:{TITLE_RE.pattern})|[他她])"
    r"(?:上周|上礼拜|上星期|上个?月|昨天|前天|前两天|前几天|刚|也|又|已经)*$"
)
# (陪王总, 跟王总, 约王总: the rep going along with them)
_WENT_ALONG = re.compile(r"陪|跟|和|同|与|带|约|请|我们|我司|咱们")
# 听说他们3号去的北京: whose going it was, said before the day
_THEIR_GOING = re.compile(r"他们|她们|听说|据说")
# (之前以为…定了,其实还没定: what the rep thought, no contact)
_HEARSAY = re.compile(r"\s*(?:听说|据说|听[^\s,，]{1,4}说|(?:之前|原来|本来|还)?以为)")


# 上午去黄岩华仁塑模催款, 今天在南阳瑞丰汽配把检测线验收完了: a part of today, the customer's
# place, and an errand done there.
_ERRAND_THERE = re.compile(
    r"(?P<when>今天|今日|上午|下午)(?:去|到|在)(?P<where>[^\s,。;]{2,20}?)"
    r"(?P<what>对账|催款|把[^\s,。;]{1,16}?(?:签了|验收完了))"
)
_PART_OVER = {"上午": 10, "下午": 15, "今天": 12, "今日": 12}  # not said before this hour
_NOT_ONCE = re.compile(r"每|平时|以前|以后|都是|习惯|要求|经常|一般")


def _day_said_before(doc: Doc, at: int) -> date | None:
    """上周五和鄞经理把合同签了: a past day opening the sentence of what was kept — the day it
    took place (a day to come or a span says nothing of it)."""
    if at < 0:
        return None
    opening = _sentence_start(doc.t, at)
    for w in doc.whens:
        if opening <= w.span[0] < at and not w.is_range and not w.deadline and w.day < doc.today:
            return w.day
    return None


def _errands_done_there(doc: Doc) -> list[tuple[int, int, InteractionKind]]:
    """A visit said as an errand done at the customer's today — only at the company the note
    names, once the part of the day is over, and said of nobody else (小李上午去…催款) nor as
    a habit (每礼拜三下午去…对账). Wider forms were tried and named plans, 4S店 and 例会 visits."""
    t = doc.t
    out: list[tuple[int, int, InteractionKind]] = []
    for m in _ERRAND_THERE.finditer(t):
        span = doc.company_span
        if span is None or not (m.start("where") <= span[0] < m.end("where")):
            continue
        if doc.now.hour < _PART_OVER[m["when"]]:
            continue
        before = t[_sentence_start(t, m.start()) : m.start()]
        if (
            _NOT_ONCE.search(before)
            or before.strip(" 今天我")
            or t[m.start() - 1 : m.start()] == "每"
        ):
            continue
        out.append((m.start(), m.end(), "visit"))
    return out


def _head_before(doc: Doc, a: int, ca: int) -> tuple[range, str]:
    """The six characters before a contact word at ``a`` (from ``ca`` on), what is read there
    blanked and the company's name one character (计划去某拜访): the words a plan is said with
    are looked at past the name, whose own 要 (高要金利五金) says nothing."""
    t = doc.t
    named = doc.company_span or (0, 0)
    inside = max(0, min(a, named[1]) - max(a - 6, named[0]))
    span = range(max(doc.clause(a)[0] if inside else ca, a - 6 - inside), a)
    chars: list[str] = []
    for k in span:
        if doc.used[k]:
            chars.append(" ")
        elif not named[0] <= k < named[1]:
            chars.append(t[k])
        elif k in (named[0], span.start):
            chars.append("某")
    return span, "".join(chars)


def _best_contact(doc: Doc, cands: list[tuple[int, int, InteractionKind]]) -> _Contact | None:
    """The latest contact the note says took place (never one planned, called off or asked
    to be reminded of)."""
    t = doc.t
    best: _Contact | None = None
    # a sentence's day said with a contact before, and how that contact was made
    dated: dict[int, tuple[date | datetime, InteractionKind]] = {}
    for a, b, kind in sorted(cands):
        if doc.used[a] or doc.used[b - 1]:
            continue
        ca, _ = doc.chunk(a)
        # (去高要金利五金见了殷总: a name's own 要 says nothing of a plan — but 等王总微信回复我
        # 了再安排 still waits on him, and 下周计划去高要金利五金拜访殷总 is still a plan)
        span, head = _head_before(doc, a, ca)
        waits = _WAITS_ON.search("".join("某" if doc.used[k] else t[k] for k in span))
        if (
            _NEGATED.search(t[max(0, a - 3) : a].removesuffix("过"))
            or _FUTURE_BEFORE.search(head)
            or (
                _PLAN_HEADING.search(t, _sentence_start(t, a), a)
                and not _SAID_DONE_HERE.search(t, a, doc.clause(a)[1])
            )
            or waits
            or _ADVISED.search(t, doc.clause(a)[0], a)
        ):
            continue
        if doc.chat and doc.said_by_customer(a):
            continue  # 阚科长: 刚开完会… — the customer's own day, told in the chat
        if (
            doc.chat
            and not re.match(r"\s*[了过完]", t[b : b + 2])
            and "了" not in t[a:b]
            and not re.search(r"刚|已经", t[max(ca, a - 4) : a])
        ):
            continue  # 我: 那我明天下午给您打电话 — a call promised; the chat itself is the contact
        if _SOMEONE_ELSES.search(t[ca:a]):
            continue  # 海康的人上礼拜也去拜访了杭州萧山医院: a rival's visit, not the rep's
        if kind == "call" and _WITH_OUR_OWN.search(t, ca, a):
            continue  # 跟同事小孙开了个电话会: a call among ourselves
        if t[a:b] == "去的" and _THEIR_GOING.search(t, _sentence_start(t, a), a):
            continue
        went = _SOMEONE_WENT.search(t, ca, a) if t.startswith("去", a) else None
        if went is not None and not _WENT_ALONG.search(t, ca, went.start()):
            continue  # 谢总上周去了日本东丽: where he went (陪我们区域经理去了: the rep went too)
        if _reminded_of(doc, a):
            continue  # 记得今天10点给王局长打电话: a reminder, even once its hour is gone
        # (姚经理刚打电话说取消了, 万经理刚打电话说提前到周四: the call took place, reporting it)
        reporting = kind in ("call", "wechat") and (
            _REPORTED_NEXT.match(t, b) is not None or t[a:b].endswith(("说", "讲"))
        )
        off_plan = _PLAN_CALLED_OFF.search(t, _sentence_start(t, a), _sentence_end(t, a))
        if (
            off_plan is not None
            and doc.clause(a)[0] <= off_plan.start() < a < off_plan.end()
            and not reporting
            and not (
                t.startswith("了", b) or t[a:b].endswith("了")
            )  # (本来上午拜访了王总之后还要去苏州)
        ):
            continue  # 本来今天来我们公司考察，改期到下周了: a visit that did not take place
        off = _CALLED_OFF.search(t, ca, doc.clause(a)[1])
        # (刚打电话说明天的评审会推迟到…: the call took place, what it said was moved)
        if (
            off
            and not reporting
            and not (off.start() > b and _WORDS_REPORTED.search(t, b, off.start()))
        ):
            continue
        if _MANY.match(t, b) or (t.startswith("了", b) and _MANY.match(t, b + 1)):
            continue
        if _NO_CONTACT_WORD.match(t, b) and not t.startswith("了", b):
            continue  # 电话还没要到, 客户走访单, 拜访对象: a number, a form, a label
        # (老王 喜欢喝酒 中午一起吃了饭: a voice note's habit is its own chunk's)
        wont = _WONT_BEFORE.search(t, chunk_start(t, doc.clause(a)[0], a), a)
        if wont is not None and "的" in t[wont.end() : a]:
            wont = None  # (跟偏好进口品牌的孙主任通了电话: who he is, not how he is reached)
        habit = _HABIT_BEFORE.search(t, doc.clause(a)[0], a) or wont
        done = _DONE_AFTER.match(t, b) or t[a:b].endswith("了")  # (每两周一次的周会上…聊了)
        if habit and not done and not _TODAY.search(t, habit.end(), a):
            continue  # 每个月初给万达的财务打电话催款: what the rep does each month
        opening = _sentence_start(t, a)
        # (小张昨天去了市二院，见了设备科黄科长: the colleague's visit, not the rep's — 带新来的
        # 技术小邓去了… is the rep's, the colleague along)
        if any(
            opening <= x and y <= a and not WITH_THE_REP.search(t, opening, x)
            for x, y in doc.colleague_spans
        ) and not re.search(r"[我咱]", t[opening:a]):
            continue
        w = _last_years_if_done(doc, _relevant_when(doc, a), a, b)
        if w is None and _PLAN_IN_CLAUSE.search(t, doc.clause(a)[0], a):
            continue
        if w is None and _planned_earlier(doc, a) and not reporting:
            continue  # 下禮拜一早上九點，到廣達電腦拜訪陳處長: the day said first, then the visit
        if w is None and _planned_after(doc, b):
            continue  # 给芮主任打电话，下周一。: the day said after it, alone
        if w is None and _day_of_it_ahead(doc, b) and not reporting:
            continue  # 跟王经理见面是周二不是周三: the meeting's day, still to come
        if _NOT_DONE_ERRAND.search(_sentence_of(t, a)):
            continue  # 答应给喻经理回电话，忘了: a call still to make
        value: date | datetime = doc.today
        came = t.startswith(("过来", "过去"), b)  # 刚打电话过来: the call came in
        just_ate = kind == "meal" and t.startswith("了", b)  # (和姚总吃过饭了: just now)
        if w is None and ((t.startswith("过", b) and not came) or "过" in t[a:b]) and not just_ate:
            continue  # 拜访过 without a date: some time ago, not today
        if w is None and not re.match(r"\s*[了过完]", t[b : b + 2]) and _ahead_not_pinned(doc, a):
            continue
        if w is None and _A_PLAN_FORM.search(t, a, b) and not t.startswith("了", b):
            continue  # 给张总打个电话问问进度: a plan
        if w is None and t[a:b] == "回访" and not t.startswith("了", b):
            continue  # 回访兰经理 without a date reads as a plan
        if (
            w is None
            and t[a - 1 : a] == "去"
            and not re.match(r"\s*[了过]", t[b : b + 2])
            and not _SAYS.search(t, b)  # (去拜访台达电的周处长…他说预算已经核准了: told, so done)
        ):
            continue  # 去拜访万科 without a date or a 了 is a plan, not a visit done
        if w is not None:
            # (上午接到王总电话: a call received is done by its word, whatever the hour)
            received = t.startswith("接到", a) and not _CALL_HOPED.search(t, doc.clause(a)[0], a)
            received = received and not _CALL_THEN.match(t, b)
            # (朝早何小姐打嚟 written at 08:50: a call that came in, whatever the hour read)
            received = received or (kind == "call" and t[a:b] == "打来")
            completed = "了" in t[a : b + 2] or "过" in t[b : b + 2] or received
            # (中午一起吃的饭 at 11:50: the 的 of a deed told as done; 晚上和周科长吃烧烤 written at
            # 00:40: the evening just ended)
            rest = t[b : _sentence_end(t, b)]
            told_done = bool(re.search(r"吃的[\u4e00-\u9fff]{0,2}?[饭餐]$", t[a:b])) or (
                kind == "meal"
                and doc.now.hour < DAWN_HOUR
                and t.startswith("晚上", w.span[0])
                and "了" in rest  # (…地方还没定: still a plan)
                and not _NOT_YET.search(rest)
            )
            completed = completed or told_done
            # 今晚跟 Mr. Goh 吃饭, 谈 self-checkout, 他说 CNY 后才 decide: what was said there
            completed = completed or bool(_SAID_THERE.search(t, b))
            # 今晚跟戢院长吃饭，主要聊了…: talked of there, said in the same sentence that evening
            completed = completed or (
                doc.now.hour >= _EVENING
                and w.part_of_day is not None
                and _talked_there(doc, b)
                and not _STILL_TO_BRING.search(t, b, _sentence_end(t, b))
            )
            # Dinner with … tonight was great: said of a meal that is over
            completed = completed or bool(_EN_WENT_WELL.search(t, b))
            # Had dinner with Mr. Ho tonight: said in the past tense, whatever the hour
            completed = completed or bool(_EN_HAD.search(t, max(0, a - 9), a))
            # 今晚跟 Dr. Lim 吃饭,他是 key leader,很支持… written at seven in the evening: what he
            # is and thinks is told of a dinner under way or over, not one to come
            completed = completed or (
                doc.now.hour >= _EVENING
                and w.part_of_day is not None  # (今晚八点跟陈总吃饭: an hour said, still to come)
                and bool(_TOLD_OF.search(t, b))
                and not _STILL_TO_PREPARE.search(t, b, _sentence_end(t, b))
                and not _PREPARE_NEXT.match(t, _sentence_end(t, b) + 1)
            )
            # 過年前最後一次拜訪: the last visit before that day is this one, today
            # (春节前最后一次拜访 要带礼品, 打算…, 。下周二去…: still a plan) told of only with
            # what was said there, in the same sentence
            sentence = _sentence_of(t, b)
            last = (
                bool(_LAST_VISIT.search(t, max(0, a - 4), b))
                and bool(_SAID_THERE.search(sentence))
                and not re.search(r"要带|打算|记得|記得|准备|計劃|计划", sentence)
            )
            said_done = "了" in t[a : b + 2] or "过" in t[b : b + 2] or received or told_done
            if completed and not said_done and _part_not_begun(doc, w):
                completed = False  # 今天下午拜访…他说… written at nine: the afternoon is to come
            if doc.is_future(w) and not last and not (w.day == doc.today and completed):
                continue
            if w.hour_only and not completed and not _DONE_AFTER_HOUR.search(sentence):
                continue  # 10点半给龙经理回电话 (no day, no 了): still to make, whenever written
            if w.end is not None and w.day <= doc.today <= day_of(w.end):
                value = doc.today  # (元旦放假也不消停 刚才…打电话来: a break under way, today)
            elif w.day < doc.today or doc.is_past_or_today(w):
                value = _when_value(w)
        sentence_at = _sentence_start(t, a)
        if w is None and sentence_at in dated and not _NOW_AGAIN.search(t, sentence_at, a):
            # 上周三去过万华化学，见了李总: the same visit, that day (not 刚才又给他打了电话)
            value, kind = dated[sentence_at]
        elif w is not None:
            dated[sentence_at] = (value, kind)
        day = value.date() if isinstance(value, datetime) else value
        if best is None or day > best[0]:
            best = (day, a, kind, value, w)
        elif day == best[0] and kind == "meal" and best[2] == "visit":
            best = (day, best[1], kind, best[3], best[4])  # 去了一趟东莞，跟钟姐吃了个午饭: a meal
    return best


# 21号, 11 号: a day said by its number
_NUMBERED_DAY = re.compile(r"[0-9一二三四五六七八九十]+\s*[号日]")


def _last_years_if_done(doc: Doc, w: When | None, a: int, b: int) -> When | None:
    """10月21号去的兰州石化 written on 2 November: a month and day said of a contact done (去的,
    拜访了) are the ones just past, not next year's (21号去的…: last month's)."""
    if w is None or w.lunar is not None:
        return w
    said = doc.t[slice(*w.span)]
    month_said = "月" in said
    if (
        not (w.yearless or _NUMBERED_DAY.fullmatch(said))
        or (w.day - doc.today).days <= (_YEARLESS_AHEAD if month_said else 0)
        or not (re.match(r"[了过]", doc.t[b : b + 1]) or re.search(r"(?:[了过]|去的)$", doc.t[a:b]))
    ):
        return w
    day = months_back(w.day, 12 if month_said else 1)
    return w if day is None else replace(w, start=day, end=None)


_PART_BEGINS_BEFORE = timedelta(hours=2)  # 下午 (14:00 by convention) has begun from noon


def _part_not_begun(doc: Doc, w: When) -> bool:
    """Whether a part of today said (下午, 晚上) has not begun yet when the note is written."""
    return (
        w.part_of_day is not None
        and isinstance(w.start, datetime)
        and w.start - _PART_BEGINS_BEFORE > doc.now
    )


def _first_worth_keeping(doc: Doc, outcome: str | None, theirs: list[bool]) -> str | None:
    """The first remark worth keeping: a verdict word that reads to nothing (他们) does not hide
    what was reported after it (他话要等董事局批)."""
    if _worth_keeping(outcome) is not None:
        return outcome
    reported = _reported(doc, theirs)  # each read only when the one before keeps nothing
    if _worth_keeping(reported) is not None:
        return reported
    planned = _their_plan_said(doc)
    if _worth_keeping(planned) is not None:
        return planned
    return _worth_keeping(_chat_statement(doc)) if doc.chat else None


def _overlaps(cands: list[tuple[int, int, InteractionKind]], a: int, b: int) -> bool:
    """Whether ``a``–``b`` overlaps a contact word already found (the first read keeps it)."""
    return any(x < b and a < y for x, y, _ in cands)


# How a record says the contact was made, on a line of its own or after its day
_HOW_MADE = "电话|微信|视频|上门拜访|上门|拜访|面谈|当面"
# 方式：电话, 拜访方式：上门: a pasted record's own line for how the contact was made
_MANNER = re.compile(
    r"(?:^|(?<=\n))\s*(?:拜访|沟通|联系|跟进)?方式\s*[:：]\s*"
    rf"(?P<how>{_HOW_MADE}|请客吃饭|吃饭|饭局)"
)
# 时间：今天上午 电话, 沟通：周五电话: how the contact went, said after the label's day
_LABEL_MANNER = re.compile(rf"\s*(?P<how>{_HOW_MADE}|吃饭)")
_MANNER_KINDS: dict[str, InteractionKind] = {
    "电话": "call",
    "视频": "call",
    "微信": "wechat",
    "请客吃饭": "meal",
    "吃饭": "meal",
    "饭局": "meal",
}


def _labelled_manner(doc: Doc, day: When) -> InteractionKind | None:
    """How the contact went, said after a record label's day (时间：今天上午 电话)."""
    how = _LABEL_MANNER.match(doc.t, day.span[1])
    return None if how is None else _MANNER_KINDS.get(how["how"], "visit")


def find_interaction(doc: Doc, people: People, claimed: set[int]) -> InteractionFact | None:
    """The contact the note says took place; a record's manner line (方式：电话) says how."""
    found = _find_interaction(doc, people, claimed)
    if found is not None:
        found = _the_evening_before(doc, found)
    day = _labelled_day(doc)
    ahead = day is not None and day.day > doc.today  # (日期：下周三: a record of a plan)
    if ahead:
        day = None
    if found is not None and day is not None and day_of(found.when) == doc.today:
        found = replace(found, when=day.day)  # (拜访：昨天下午 on a record pasted today)
    manner = _MANNER.search(doc.t)
    kind = _MANNER_KINDS.get(manner["how"], "visit") if manner is not None else None
    if kind is None and day is not None:
        kind = _labelled_manner(doc, day)
    if kind is None:
        return found
    if found is not None:
        return replace(found, kind=kind)
    return None if ahead else InteractionFact(kind, doc.today if day is None else day.day)


_NOT_YET = re.compile(r"还没|没定|待定|再定|明天")
# (晚上 written after midnight, or 下午 and 傍晚: that part of the day gone by, no calendar today)
_PART_OF_THE_DAY_JUST_GONE = ("晚上", "傍晚", "下午")
# 今天, 今晚, 刚才 said of a contact: the speaker's today
_SPEAKERS_TODAY = re.compile(r"今|刚")


def _the_evening_before(doc: Doc, found: InteractionFact) -> InteractionFact:
    """A contact written up before dawn (刚到家 今天晚上跟赵总吃的饭 at 01:20) took place on the
    day just ended, unless a date names the calendar's today."""
    if doc.now.hour >= DAWN_HOUR or day_of(found.when) != doc.today:
        return found
    if any(
        w.day == doc.today
        and not _SPEAKERS_TODAY.match(doc.t, w.span[0])
        and not doc.t.startswith(_PART_OF_THE_DAY_JUST_GONE, w.span[0])  # (晚上: that evening)
        for w in doc.all_whens
    ):
        return found
    return replace(found, when=found.when - timedelta(days=1))


def _find_interaction(doc: Doc, people: People, claimed: set[int]) -> InteractionFact | None:
    t = doc.t
    cands: list[tuple[int, int, InteractionKind]] = []
    for pattern, kind in _TRIGGERS:
        for m in pattern.finditer(t):
            a, b = m.span()
            if _overlaps(cands, a, b):
                continue
            cands.append((a, b, kind))
    cands = [
        (a, b, kind)
        for a, b, kind in cands
        if not (_PLAIN_MEAL.fullmatch(t, a, b) and _eaten_apart(doc, people, a))
    ]
    # 去拉萨高原水业谈净水设备，王经理说…, 跑了趟…，笪经理说…: gone there, and told
    for m in (*_WENT_TO_DO.finditer(t), *_WENT_THERE.finditer(t)):
        a, b = m.span("went")
        told = _SAYS.search(t, m.end(), _sentence_end(t, m.end()))
        if told is not None and not _overlaps(cands, a, b):
            cands.append((a, b, "visit"))
    for m in _MEETING_HELD.finditer(t):
        a, b = m.span()
        if _HELD_WITH.search(t, doc.clause(a)[0], a) and not _overlaps(cands, a, b):
            cands.append((a, b, "visit"))
    # (今天下午在中国商飞上飞院开项目会, 今天在…医院开论证会, 今天一起开会: a meeting today at
    # theirs, or with them)
    for m in _MEETING_TODAY.finditer(t):
        a, b = m.span("met")
        held = m["together"] or _HELD_WITH.search(t, m.end("today"), a)
        if held and not _overlaps(cands, a, b):
            cands.append((a, b, "visit"))
    best = _best_contact(doc, cands)
    if best is None and not doc.chat:  # (a chat's 上次聊了 is the chat's talk)
        talks = [m.span() for m in _TALKED.finditer(t)]
        # (下周跟张总聊了方案再定: a talk to come, said with 了)
        talks = [(a, b) for a, b in talks if not _TALK_AHEAD.search(t, doc.clause(a)[0], a)]
        best = _best_contact(doc, [(a, b, "visit") for a, b in talks])
    if best is None and not doc.chat:
        best = _best_contact(doc, _errands_done_there(doc))
    summary = _tidy_headline(_summary(doc))
    theirs = _their_dates(doc)  # the customer's own days: once a note, for every remark read
    outcome = _outcome(doc, people, theirs)
    said = _first_worth_keeping(doc, outcome, theirs)
    summary, said = _thing_and_where_it_stands(doc, summary, said, theirs)
    summary = _labelled(doc, _TOPIC_LABEL) or summary
    said = _labelled(doc, _RESULT_LABEL) or said
    if said is not None and _A_DAY_ALONE.fullmatch(said):
        said = None  # (程局长说 下礼拜二 不对不对 下礼拜三…: the day denied is no result)
    if best is None:
        if doc.chat and _our_own_chat(doc):
            return None  # 销售二部群, 王总(我司)：…: the team's own chat, no customer spoken with
        if doc.chat:  # a pasted WeChat chat is itself the contact
            when = doc.today - timedelta(days=1) if doc.chat_yesterday else doc.today
            if doc.chat_day is not None:  # 史总 2026/12/19 21:40: the chat took place that day
                when = doc.chat_day
            return InteractionFact("wechat", when, summary, said)
        if cands and _PLANNED_CONTACT.search(t):
            return None  # 之前说10号去拜访…，现在定了12号: the contact the note names is planned
        kept = _worth_keeping(outcome)  # (我答应张总…: the rep's own word, no contact)
        if kept is None or _NOT_A_CONTACT.search(kept) or _HEARSAY.match(t):
            return None  # (听说潍柴的项目被瓜分了: heard of, no contact)
        meant = _what_they_meant(doc)
        if meant is not None and kept.startswith(meant):
            return None  # 周总的意思是先打样: what he meant says no how (a call? a visit?)
        # A jotting right after a meeting (中石化扬子石化 何总 没谈拢) or the customer's words
        # reported (he said budget approved) are the contact's; a written sentence with only a
        # verdict (张总对方案满意,但价格要再降5%) says no meeting took place today, and a visit
        # the note does not state is never logged (issue #18).
        if _SENTENCE_MARK.search(doc.text) and not _WORDS_REPORTED.search(t):
            return None
        if _OWN_WORD_OR_ORDER.match(t):
            return None  # 答应了杭总2个工作日内回复, ASAP把NDA签了发给…: the rep's to do
        at = t.find(kept)
        if at > 0 and _HEARD_SAY.search(t, max(0, at - 4), at) and not _TALK_WORD.search(t):
            return None  # 万科 张总说这单基本没戏了: what he said, not how (a call? a visit?)
        return InteractionFact("visit", _day_said_before(doc, at) or doc.today, summary, kept)
    if best[4] is None and best[3] == doc.today:
        headed = _record_day(doc)
        if headed is not None:  # 拜访记录 8月5日 …: the record's day, said in its heading
            best = (headed.day, best[1], best[2], headed.day, headed)
    if best[4] is not None:
        claimed.add(next(i for i, x in enumerate(doc.whens) if x.span == best[4].span))
    return InteractionFact(best[2], best[3], summary, said)


# (答应了杭总…, 我答应…, ASAP把…: a note opening on the rep's promise or an order to self)
_OWN_WORD_OR_ORDER = re.compile(r"\s*(?:我?答应了?|(?i:asap)\s*把?)")
# (…去拜访, 约了…见面: a contact said as a plan, with no other word of one had)
_PLANNED_CONTACT = re.compile(r"去(?:拜访|见|找)|约了?[^,，。;]{0,12}?(?:见面|拜访|吃饭)")
# (跟老板娘打了电话, 和部门经理王总通了电话: the customer's own boss — only ours named so)
_WITH_OUR_OWN = re.compile(r"(?:跟|和|与|同)(?:同事|(?:我们|公司)的?(?:同事|老板|领导|经理))")
_OUR_OWN_GROUP = re.compile(
    r"\s*[(\[]?[^\n]{0,8}?(?:销售[一二三四五六七八九十0-9]*部|内部|公司|部门|团队|大区|区域|我司)群"
)
_OURS_MARKED = re.compile(r"\((?:我司|本公司|同事)\)|我司\s*[-—]")


def _our_own_chat(doc: Doc) -> bool:
    """A chat headed as the team's own group, or whose every other speaker is marked ours."""
    if _OUR_OWN_GROUP.match(doc.t):
        return True
    names = [doc.t[line_of(doc.t, p)[0] : p] for p in doc.others_lines]
    return bool(names) and all(_OURS_MARKED.search(n) for n in names)


# 拜访记录 8月5日, 拜访纪要 7月8日, 【客户拜访】\n4/28 下午: a written record's heading
_RECORD_HEADING = re.compile(r"(?:拜访|会谈|沟通)(?:记录|纪要|小结)|客户拜访|补记")
_RECORD_REACH = 31  # (a record is written up within the month)
_HEADING_ALONE = re.compile(r"[\s()\[\]:补记]*")


def _record_day(doc: Doc) -> When | None:
    """The past day a record's heading (its first line, or the line right after a heading
    alone) gives, when the contact itself names none."""
    t = doc.t
    head = _RECORD_HEADING.search(t, 0, line_of(t, 0)[1])
    if head is None:
        return None
    first_end = line_of(t, 0)[1]
    lines_end = line_of(t, first_end + 1)[1] if first_end < len(t) else first_end
    alone = _HEADING_ALONE.fullmatch(t, head.end(), first_end) is not None
    for w in doc.whens:
        if w.span[0] >= lines_end or (w.span[0] >= first_end and not alone):
            break
        if w.end is not None:
            continue  # (12月8日-9日: days of a trip, no record's)
        day = w.day
        if day > doc.today and "年" not in t[w.span[0] : w.span[1]]:
            day = add_months(day, -12)  # (7月8日 written on 7月9日: this year's, just gone)
        if doc.today - timedelta(days=_RECORD_REACH) <= day < doc.today:
            return replace(w, start=day) if day != w.day else w
    return None


# A record written under labels (内容：空压机节能改造，… 结果：进入比价环节，…): what the label
# holds, to its first pause, is the headline or the outcome as the rep wrote it
_LABEL_START = r"(?:^|(?<=[\n|;。 )]))"
_TOPIC_LABEL = re.compile(
    _LABEL_START + r"(?:拜访|沟通|交流|会谈|会议)?(?:内容|事由|主题|议题|事项)[ ]*:[ ]*"
)
_RESULT_LABEL = re.compile(_LABEL_START + r"(?:拜访|沟通|会谈)?(?:结果|结论|成果)[ ]*:[ ]*")
_LABEL_VALUE = re.compile(r"[^\n|;。,!?/(]{2,30}")
_LABEL_PAUSE = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")  # (要再比一比 华为 联想)
# (内容：电话，覃主任说…: the kind of contact, no headline; 结果：龙主任说年前没钱: what he said)
_KIND_ONLY = re.compile(r"(?:电话|拜访|微信|吃饭|一起吃饭|见面|上门)(?:沟通|拜访)?")
_WHO_SAID = re.compile(
    r"[\u4e00-\u9fff]{1,2}(?:总|经理|主任|处长|局长|科长|部长|院长|工|厂长|行长|书记)说"
)


def _labelled(doc: Doc, label: re.Pattern[str]) -> str | None:
    m = label.search(doc.t)
    if m is not None and m.start() == 0 and label is _RESULT_LABEL:
        return None  # (拜访结果：上海隧道工程股份 采购部…: the record's heading)
    value = _LABEL_VALUE.match(doc.t, m.end()) if m is not None else None
    if value is None or _KIND_ONLY.fullmatch(value.group().strip()):
        return None
    text = _LABEL_PAUSE.split(value.group().strip(), maxsplit=1)[0]
    said = _WHO_SAID.match(text)
    return text[said.end() :] if said is not None and len(text) - said.end() >= 2 else text


_TOPIC_VERB = re.compile(
    r"(?:聊了|谈了|讨论了?|沟通了|交流了?(?![会群过])|介绍了|汇报了|商量了|确认了|商谈了|洽谈了|聊到了?|谈到了?|关于|"
    # (过了一下水泥窑脱硝的改造方案, 讲了电控柜的方案, 过了一遍齿轮箱油的用量)
    r"过了一下|过了一遍|讲了|"
    # (演示了在线视觉检测设备, 推荐耐磨衬板)
    r"演示了|推荐了?|"
    # (他抱怨上批坐垫有异味, 做了催化剂再生的技术交流)
    r"抱怨|"
    r"做了(?![一半]?(?:下午|上午|晚上|天))(?=[^\s,。;]{2,14}?(?:交流|试验|测试|演示|培训|调试))|"
    # (打电话…问管网监测项目的进展: what was asked about)
    r"(?:聊|谈|倾)(?=一下|了一下)|(?:聊|谈|讨论)(?!天|话|得|过|完)|(?:(?<=[,，\s])|(?<=部长|处长|科长|局长|院长|厂长|主任|经理|主管|顺便))问(?!题|候|起|到)(?:了问|了|一下)?(?:[他她]们(?=[^\s,，。]{4}))?(?![我你他她]|能不能|是否|有没有|什么|多少|怎么|哪|可不可以)(?=[\u4e00-\u9fff]{4}))"
    r"(?:了?一下|(?<=了)下(?=[^午面周个礼星次一游季月沉单年半旬层属])|几句)?\s*"
)
# 催去年那笔二十六万的尾款, 催了下回款, 催货款没人接: what was chased (催化剂, 催办, 催了三遍, 催款催了
# 一个小时, 催财务 are none; 对接 and 透露 as topic words were tried and lost on held-out sets)
_CHASED = re.compile(
    r"(?<![把去])催(?!化|促|办|收|单|催)(?:了|过)?(?:一下|下)?"
    r"(?P<what>(?![他她我你了过下]|一下|财务|采购|领导|对方|人|[一二两三四五六七八九十几好\d]+[次遍回天个])"
    r"[^\s,，。;；催]{2,14}?)(?=[,，。;；\s]|没人|催|$)"
)
# (就是说那个钢材集采平台的事情: the topic starts after what points at it)
_TOPIC_LEAD = re.compile(
    r"^(?:的是|的|[说讲](?=那个|这个)|[谈聊说讲]的是|那个|这个|就是|他们|我们的|我们|你们|咱们|一些|了|:|\s|"
    # (聊了半天真空包装机的事: how long, then what about)
    r"(?:老?半天|好?一会儿?)(?=[\u4e00-\u9fff]{2}))+"
)
_TOPIC_TAIL = re.compile(
    r"(?:的事情?|的问题|这件事|那件事|的情况|[他她]们(?:说|讲|表示).*|然后.*|对吧.*|吧|了|啊)$"
)
_NOT_TOPIC = re.compile(
    r"^(?:他|她|对方|我|得|很|挺)|同意|满意|感兴趣|有兴趣|认可|延期|下个月|下周|半年|"
    r"^(?:好几段|几段|一阵子?|几句|老?半天|好?一会儿?)$|"  # (聊了好几段: how long, not what)
    r"[他她]们|电话|"  # (电话嗯他们那个配网自动化项目: a voice note's run, not a topic)
    # (对照表交给他们设备科, 电话打给了京东方的设备: a handing over or a call, not a topic)
    r"[交发打寄送递]给"
)
# Talked about container tracking IoT, Interested in AI reading, pilot our MES: said in English.
_EN_TOPIC = re.compile(
    r"(?i)(?:(?a:\b)(?:talked about|talk about|talked(?!\s+(?:to|with|for|shop)(?a:\b))|discussed|interested in|"
    r"keen on|pilot our|regarding)"
    # (re: turbine spare parts, re 配电柜 — never we're, we re too expensive)
    r"|(?<!['’])(?<!(?a:\b)we )(?<!(?a:\b)they )(?<!(?a:\b)you )(?a:\b)re(?a:\b):?)\s+(?:the\s+)?"
    r"(?P<what>[A-Za-z0-9\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff -]{1,40}?)"
    r"(?=\s*[.,;!?。,，—–]|\s+(?:but|and|he|she|they|is|are|was|in|on|for|with)(?a:\b)|\s*$)"
)
_NO_TOPIC_START = "用做有要在说让把给跟和与同签对里边个嗯他她"
# What reps talk about: 变电站设计软件采购, 巡检APP, 智慧园区的招标.
_TOPIC_NOUN = re.compile(
    # (他说智慧工地那套系统…, 對智慧工廠方案很有興趣: the thing right after what was said of it)
    rf"(?:(?<=[的个了那聊谈 ,说话对。;])|^)(?![{_NO_TOPIC_START}])"
    r"[\u4e00-\u9fffA-Za-z0-9](?:[\u4e00-\u9fffA-Za-z0-9]|(?<=[A-Za-z0-9]) ){1,12}?"
    r"(?:项目|系统|方案|软件|平台|招标|(?:APP|app|solution|system|project)(?![A-Za-z])|改造|升级|"
    r"年单|更换|租赁|续约|"  # (集采 was tried: as often their buying as the topic)
    r"试点|维保|报价单|合同|订单|报告|设备|模型|雷达|中台|测试台|机器人|终端|标签|物联网|"
    # (冷链监控下个月就要定, 扶梯监测明年试点, 塔吊监控那单, 录播教室: what is sold, said first)
    r"监控|监测|那单|教室|热像仪|分析仪|检测仪)"
    # 配网自动化项目还在走流程 ends the topic; 项目部, 系统集成商, 方案书 do not
    r"(?!部|组|经理|负责|集成|书|商|的人)"
)
# 就是那个仓储机器人的事, 信号系统维保的事: the matter talked about.
_MATTER = re.compile(
    r"(?:(?<=那个)|(?<=这个)|(?<=就是))(?P<what>[\u4e00-\u9fffA-Za-z0-9]{2,10}?)的事(?:情)?"
)
# 说我们的报价他们领导看过了, 说港口智能理货这块他们今年一定要搞, 对电子处方好有兴趣: what the
# customer's remark is about, said as its subject.
_SAID_SUBJECT = re.compile(
    r"(?:(?<=说)|(?<=讲)|(?<=对)(?![接方于面比象]))\s*(?:那个|这个|我们的|你们的|我们|你们)?\s*"
    r"(?P<what>(?![他她我你今明昨下上这那])[\u4e00-\u9fffA-Za-z0-9][\u4e00-\u9fffA-Za-z0-9 ]{1,9}?)\s*"
    r"(?=这块|这个事|那个事|[他她]们|领导|有(?:问题|兴趣)|好有|很有|挺有|[很挺]感兴趣|感兴趣|OK|ok)"
)
# Our product named in Latin letters: 对我们的 RPA 很有兴趣, very keen on 我们的 WMS (our as a
# word: sourcing director is no "our cing director").
_OUR_PRODUCT = re.compile(
    r"(?:我们的|你们的|(?<![A-Za-z])our(?a:\b))\s*(?P<name>[A-Za-z][A-Za-z0-9]*(?:\s+[A-Za-z0-9\u4e00-\u9fff]+){0,2}?)"
    r"(?=\s*(?:[,.;!?。\n]|很|挺|满意|感兴趣|有兴趣|$))"
)


def _topic(text: str) -> str | None:
    text = _VOICE_FILLER.split(text)[0]  # 聊的是信号灯配时优化嗯他说…: the topic ends at the filler
    text = text.removeprefix("是") if len(text) > 3 else text  # 聊的是…
    text = _TOPIC_TAIL.sub("", _TOPIC_LEAD.sub("", text)).strip()
    if not 2 <= len(text) <= 20 or _SUMMARY_SKIP.match(text) or _NOT_TOPIC.search(text):
        return None
    return text


# Headlines that say nothing of what was talked about (具体时间, 改到, 价格要).
_EMPTY_HEADLINE = re.compile(r"^(?:具体时间|改到|推迟到|价格要)$")


def _tidy_headline(summary: str | None) -> str | None:
    """A headline without a dangling 的 (变频器改造的), and none that says nothing."""
    if summary is None:
        return None
    summary = summary.removesuffix("的").strip()
    return None if not summary or _EMPTY_HEADLINE.match(summary) else summary


# (跟戈班长看了组件清洗机器人的试用情况: what was looked at together)
_LOOKED_AT = re.compile(r"(?<=[总理工任长管])看了(?!看|眼|一眼)(?:一下)?")


def _topic_after(doc: Doc, m: re.Match[str]) -> str | None:
    """The topic said after a verb of talk at ``m`` (聊了…, 谈 TOS upgrade), or None."""
    t = doc.t
    _, b = doc.chunk(m.end())
    if not doc.free(m.start(), m.end()):
        return None
    end = b
    while end > m.end() and not doc.free(m.end(), end):
        end -= 1
    latin = _LATIN_AFTER.match(t, end, doc.clause(end)[1])
    if latin and t[m.end() : end].isascii():  # 谈 TOS upgrade, 聊 crew scheduling system
        end = latin.end()
    lasted = _LASTED.match(t, m.end(), end)
    if lasted and _ONLY_HOW_LONG.match(t, lasted.end(), end):
        return None  # 聊了两个多小时才走, 一个小时左右: how long, and nothing of what about
    topic = _topic(t[lasted.end() if lasted else m.end() : end])
    if topic is None and _HOW_LONG.match(t, m.end(), end):
        # 聊了一个多小时 那个实景三维平台: how long it took, then what about
        nxt = [c for c in doc.chunks_in(end, doc.clause(m.end())[1]) if doc.free(*c)]
        topic = _topic(t[nxt[0][0] : nxt[0][1]]) if nxt else None
    return topic


def _summary(doc: Doc) -> str | None:
    """What was talked about: the object of 聊了/谈了/讨论了, else the first project, system
    or plan the note names (a headline: the note itself keeps every word)."""
    t = doc.t
    # (看了 only when nothing was talked of: 看了新织机车间，谈了配件包年服务 is about the service)
    for verbs in (_TOPIC_VERB, _LOOKED_AT):
        for m in verbs.finditer(t):
            topic = _topic_after(doc, m)
            if topic is not None:
                return topic
    for m in _CHASED.finditer(t):  # 催去年那笔尾款: what was chased, when nothing was talked of
        if doc.free(m.start("what"), m.end("what")) and not TITLE_RE.search(m["what"]):
            topic = _topic(m["what"])  # (催了一下王工: whom, not what)
            if topic is not None:
                return topic
    for m in _EN_TOPIC.finditer(doc.text):
        return m["what"].strip()
    for m in _TOPIC_NOUN.finditer(t):
        # 聊得挺好的就是智慧校园的项目: the topic starts at the last word boundary that reads;
        # 张总说智慧工地那套系统: after a name the match began on (it holds no topic)
        starts = [m.start()] + [
            k
            for k in range(m.start() + 1, m.end() - 2)
            if t[k - 1] in "的个那说话对" and t[k] not in _NO_TOPIC_START
        ]
        for k in starts:
            if not doc.free(k, m.end()) or any(doc.date_at[k : m.end()]):
                continue
            topic = _topic(t[k : m.end()])
            if topic is not None:
                return topic
    for m in _SAID_SUBJECT.finditer(t):
        if doc.free(m.start("what"), m.end("what")) and not any(
            doc.date_at[m.start("what") : m.end("what")]
        ):
            topic = _topic(m["what"])
            if topic is not None:
                return topic
    matter = _MATTER.search(t)
    if matter and doc.free(matter.start(), matter.end()):
        topic = _topic(matter["what"])
        if topic is not None:
            return topic
    product = _OUR_PRODUCT.search(t)
    if product:
        return product["name"].strip()
    if "拜年" in t or "拜早年" in t:
        return "拜早年" if "拜早年" in t else "拜年"
    for m in _WORK_THING.finditer(t):
        if not doc.free(m.start(), m.end()) or any(doc.date_at[m.start() : m.end()]):
            continue
        ca, cb = doc.clause(m.start())
        # 周五前把样机准备好: the rep's reminder's thing, not what was talked about (what the
        # customer asks for in a chat, 春节前把二期的报价给我, is)
        if not doc.said_by_customer(m.start()) and any(
            ca <= w.span[0] < cb and doc.is_future(w) for w in doc.whens
        ):
            continue
        return m.group().strip()
    return None


# The things a sale is worked through, as the last headline (方案我看了, 把二期的报价给我,
# 测试报告 OK, Send quotation): what the contact was about when nothing else says it.
_WORK_THING = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=[把将的了看说发给交送带个那]))"
    # (你们那个冷库温湿度监控的报价: whose quote it is, after the pointing word)
    r"(?:(?![我你他她个])[^\W\d_A-Za-z把将给了在是要说和跟与的]{2,8}?的(?<![我你他她们这那]的))?"
    r"(?:测试报告|接口文档|资质文件|投标资料|投标文件|报价单|报价|方案|合同|订单|标书|样品|样机|发票)"
    r"(?!号|编号|金额|额)"  # 订单号PO2026…, 合同金额88万: a figure, not a matter
    r"|(?i:\b(?:proposal|quotation|quote|demo|POC|trial|tender|PO)\b)"
)


_A_DAY_ALONE = re.compile(
    r"(?:下下?|这|本|上)?(?:个)?(?:周|礼拜|星期)[一二三四五六日天]|[明后今昨前]天"
)


def _outcome(doc: Doc, people: People, theirs: list[bool]) -> str | None:
    t = doc.t
    alone = _verdict_alone(doc)
    if alone is not None:
        return alone
    due = _due_map(doc)
    meant = _what_they_meant(doc)
    for m in _OUTCOME.finditer(t):
        if not doc.free(m.start(), m.end()):
            continue
        if doc.chat and doc.own_lines and not doc.said_by_customer(m.start()):
            continue  # 我: 没问题唐部长 — the rep's own words in a pasted chat judge nothing
        if m.group().lower() == "ok" and (
            doc.chat or not re.match(r"\s*(?:[,.;!。,;!\n]|$)", t[m.end() :])
        ):
            continue  # a chat's "OK" acknowledges; "OK with the demo", 他说 OK 但… are said whole
        a, b = doc.chunk(m.start())
        if any(
            a <= w.span[0] < b and doc.is_future(w) and not theirs[w.span[0]] for w in doc.whens
        ):
            continue
        start = a
        said = t.rfind("说", a, m.start())  # 范工电话里说我们的接口文档有问题
        spoke = t.rfind("话", a, m.start())  # 佢話好有興趣: Cantonese says 话
        if spoke > 0 and t[spoke - 1] in "他她们" and spoke > said:
            said = spoke
        if said >= 0:
            start = said + 1
        # 通了电话嗯他们那个配网自动化项目还在走流程: a voice note's remark starts after its filler
        filler = max((f.end() for f in _VOICE_FILLER.finditer(t, start, m.start())), default=-1)
        if filler >= 0:
            start = filler
        while start < m.start():
            if doc.used[start] or due[start]:  # (下个月中旬再看: a vague period stays in)
                start += 1
                continue
            lead = _OUTCOME_LEAD.match(t, start, m.start())
            if lead is None or lead.end() == start:
                break
            whole = word_across(t, lead.end())
            if whole is not None:  # 张总对方案满意: 对|方案, never 对方|案
                start = max(start, whole)
                break
            start = lead.end()
        # 对我们的柜面系统挺认可 → 柜面系统挺认可: whose system goes without saying
        lead = _ABOUT_OURS.match(t, start, m.start())
        if lead:
            start = lead.end()
        run_on = _RUN_ON.search(t, m.end(), b)  # …很满意就是价格还要再谈: one remark
        # 挺感兴趣的说要拉他们零售部…, 今年没戏了他们每年三月份…: another remark begins
        turn = _NEXT_REMARK.search(t, m.end(), run_on.start() if run_on else b)
        if turn is not None and turn.start() > m.end():
            run_on = turn
        # 那个临床数据中心的方案要改 → 方案要改: the thing judged, without what it belongs to
        of = t.rfind("的", start, m.start())
        if of >= 0 and m.start() - of - 1 >= 2 and is_cjk(t[of + 1]):
            start = of + 1
        end = _with_its_but(doc, due, run_on.start() if run_on else b)
        end = _through_its_day(doc, start, end)
        text = t[start:end].strip().rstrip("吧啊呢哦呀嘛")
        if len(text) >= 2 and (meant is None or _worth_keeping(text) is not None):
            return text  # (他的意思是年前必须到…，我答应他…: the rep's own word is no verdict)
    if meant is not None:
        return meant  # 佴总意思是维修不划算，想直接换新的: where they stand
    return _english_outcome(doc)


# (他的意思是年前必须到，不然…, 对方意思是越快越好: what they meant, up to the rep's own words)
_MEANT = re.compile(
    r"(?:(?<=[总长任理工董他她方])|(?<=[总长任理工董他她方]的))意思是(?!什么|啥|不是|是不是)"
    r"(?P<said>[^。;；\n]{2,40}?)(?=\s|[,，]\s*(?:然后)?(?:我|让我|叫我|至于)|然后|[。;；\n]|$)"
)
_MEANT_UNSURE = re.compile(r"不知道|不明白|没明白|搞不清|不清楚|猜")


def _what_they_meant(doc: Doc) -> str | None:
    """What someone of theirs meant (佴总意思是维修不划算，想直接换新的), or None: not when the
    words are already read as something else (a day said inside stays: 年前必须到), nor when the
    rep is unsure what it was (不知道他的意思是要还是不要)."""
    t = doc.t
    m = _MEANT.search(t)
    if m is None or (
        any(doc.used[k] and not doc.date_at[k] for k in range(*m.span("said")))
        or _MEANT_UNSURE.search(t, doc.clause(m.start())[0], m.start())
        or "还是" in m["said"]
    ):
        return None
    return m["said"].strip()


# A verdict said as a sentence of its own (…估计下半年。有意向。, 整体感觉有意向): the note's
# outcome, whatever remark came before it.
_VERDICT_ALONE = re.compile(
    r"(?:整体|总体|感觉|整体感觉|总的来说|目前)?[,，\s]*"
    r"(?P<v>有意向|很有意向|没戏了?|基本定了|基本上定了|价格卡住了|要再比一比|有戏|没谈拢|谈成了)"
    r"[。.!！]?"
)


def _verdict_alone(doc: Doc) -> str | None:
    for a in sorted(set(doc.clause_starts)):
        _, b = doc.clause(a)
        while a < b and doc.t[a] in " \n":
            a += 1
        m = _VERDICT_ALONE.fullmatch(doc.t, a, b)
        if m is not None and doc.free(m.start("v"), m.end("v")):
            return doc.text[m.start("v") : m.end("v")]
    return None


_VOICE_FILLER = re.compile(r"嗯|然后呢?|就是说")
# 技术上没问题就是要等总部审批, 挺好的,不过预算要明年才有: the verdict and its "but" are one
# remark (一个 filler 就是 before 然后/嗯 is not one).
_BUT = re.compile(r"[\s,，]{0,2}(?:就是|但是|不过|只是|可是|但)(?!然后|嗯|那个|说|\s)")
_BUT_END = re.compile(r"然后|对吧|嗯|那个|所以|[,，。;；!?\n]|\s|就是|但是|不过|说")


def _with_its_but(doc: Doc, due: list[bool], end: int) -> int:
    """Where an outcome ending at ``end`` ends once a "but" right after it is kept; ``end``
    when none follows, or when the but holds a day to act on or runs on too long."""
    t = doc.t
    but = _BUT.match(t, end)
    if but is None:
        return end
    stop = _BUT_END.search(t, but.end())
    last = stop.start() if stop else len(t)
    if not 2 <= last - but.end() <= 14 or any(due[but.start() : last]):
        return end
    if not doc.free(but.start(), last):
        return end
    return last


_NEXT_REMARK = re.compile(r"(?<![他她])说(?!了算)")
_CUT_SHORT = 3  # characters of a verdict cut off by a day (答应, 同意, 节后, 财务)
# (…答应2月4号前付200万 电话0531…, 拒绝周五见 改下周二: a telegraphic note's next word)
_VERDICT_STOP = re.compile(r"\s|/|(?<![让叫给请要])我(?!们)|电话|手机")


def _through_its_day(doc: Doc, start: int, end: int) -> int:
    """Where a verdict cut short by a day right after it ends once the day and the rest of its
    clause are kept (答应|年前走完流程, 同意|下周四下午让我过去, 节后|10月12号发采购计划)."""
    if end - start > _CUT_SHORT:
        return end
    gap = end
    while gap < len(doc.t) and doc.t[gap] == " ":
        gap += 1
    if doc.t.startswith("我", start) or not any(w.span[0] == gap for w in doc.all_whens):
        return end  # (我定了…: the rep's own word, no verdict)
    stop = _VERDICT_STOP.search(doc.t, gap, doc.clause(gap)[1])
    last = stop.start() if stop else doc.clause(gap)[1]
    return max(end, last)


_ABOUT_OURS = re.compile(r"(?:对\s*)?(?:我们|你们|我司)(?:公司)?的?\s*(?=\S)")


# What the customer does by a day, said after it: 明年三月招标, 年底之前会出招标文件, 下个月就要定.
_THEIR_PLAN = re.compile(
    r"\s*(?:之?前|以后|后)?\s*(?:就|会|才|要|再|肯定|可能|先|开始)*\s*"
    r"(?:招标|定|启动|立项|试点|上线|换|到期|续|开会|上班|挂网|出|批|下来|签|截标|开标|审|评审|决定)"
)


def _their_dates(doc: Doc) -> list[bool]:
    """For each character: part of a date the customer's own plan is set by (not the rep's)."""
    theirs = [False] * (len(doc.t) + 1)
    for w in doc.whens:
        a, b = w.span
        ca, _ = doc.clause(a)
        if re.search(r"[我咱]", doc.t[ca:a]):
            continue
        if not _THEIR_PLAN.match(doc.t, b) and not _their_deed(doc, a, b):
            continue
        for i in range(a, b):
            theirs[i] = True
    return theirs


def _due_map(doc: Doc) -> list[bool]:
    """For each character: part of a date a reminder could be set for (vague periods are not)."""
    due = [False] * (len(doc.t) + 1)
    for w in doc.whens:
        for i in range(*w.span):
            due[i] = True
    return due


# Spoken in English: very keen on 我们的 WMS, 梁处 said looks good, 柯总 confirmed 明年 order.
_EN_OUTCOME = re.compile(
    r"(?i)(?a:\b)(?:(?:very|really|quite|not|more)\s+)?(?:interested|keen|satisfied|positive)(?a:\b)"
    r"|(?a:\b)(?:very|really|quite|not)\s+happy(?a:\b)"
    r"|(?a:\b)looks? (?:good|great|ok|fine)(?a:\b)|(?a:\b)confirmed(?a:\b)|(?a:\b)signed off(?a:\b)|(?a:\b)approved(?a:\b)"
)


def _english_outcome(doc: Doc) -> str | None:
    """What the customer said in English: the rest of the sentence after said/says (he said
    budget approved, PO expected next month), else the remark up to its verdict word, from its
    subject or label on (all good, renewal confirmed)."""
    t = doc.t
    for m in _EN_SAID.finditer(t):
        text = _en_sentence(doc, m.end())
        if text and (_EN_OUTCOME.search(text) or _EN_VERDICT.search(text)):
            return text
    for m in _EN_OUTCOME.finditer(t):
        if not doc.free(m.start(), m.end()):
            continue
        lead = max(
            (x.end() for x in _EN_REMARK_START.finditer(t, max(0, m.start() - 40), m.start())),
            default=m.start(),
        )
        text = doc.text[lead : m.end()].strip(" ,")
        return text if text.isascii() and len(text) <= 60 else m.group()
    for m in _EN_STANCE.finditer(t):
        if doc.free(m.start(), m.end()):
            return _en_sentence(doc, m.start())
    return None


_EN_SAID = re.compile(r"(?i)(?a:\b)(?:said|says|told (?:me|us))(?a:\b)(?:\s+that)?\s*")
# Verdicts said after "said" besides those of _EN_OUTCOME (pushed to Q2, likes our demo).
_EN_VERDICT = re.compile(
    r"(?i)(?a:\b)(?:ok|good|fine|likes?|pushed|delayed|postponed|on hold|wants?|no budget|budget)(?a:\b)"
)
# On hold said without "said" (smart ward project on hold till next year): the remark runs
# from it to the sentence's end.
_EN_STANCE = re.compile(r"(?i)(?<!not )(?<!no longer )(?<!put )(?<!put me )(?a:\b)on hold(?a:\b)")
# (Met Mr. Zhang of Vanke: the honorific's dot ends no sentence)
_EN_REMARK_START = re.compile(
    r"(?<!(?a:\b)Mr)(?<!(?a:\b)Ms)(?<!(?a:\b)Mrs)(?<!(?a:\b)Dr)(?<!(?a:\b)Mdm)[:.;!]\s*|(?a:\b)(?:he|she|they)\s+(?=[a-z])",
    re.IGNORECASE,
)
_EN_SENTENCE_END = re.compile(r"[.;!?\n。]|,\s*(?=[\u4e00-\u9fff])|[\u4e00-\u9fff]")


def _en_sentence(doc: Doc, start: int) -> str | None:
    t = doc.text  # as typed: the folded copy says its English dates in Chinese
    end = _EN_SENTENCE_END.search(t, start)
    stop = end.start() if end else len(t)
    text = t[start:stop].strip(" ,")
    return text if 2 <= len(text) <= 80 and text.isascii() else None


# 他说方案还行 / 他說預算明年才會下來 / he feedback 还不错: what the customer said, kept as the
# outcome of a contact the note records (never itself a reason to record one).
_SAYS = re.compile(
    r"(?:(?:他|她)们?|对方|客户|那边|[总局处工长理任师板董])\s*"
    r"(?:说(?!了算)|讲|表示|反馈|回复说?|回复|答复|feedback|觉得|认为)\s*"
    # (佢話要等董事局批: Cantonese says 话 — never 陈总话不多)
    r"|(?:他|她)们?\s*话(?![题费筒术不多少])\s*"
)
_SAID_END = re.compile(
    r"然后|对吧|嗯|就是|所以|那我|我们再|我再|我打算|[让要请叫]我|吧|,|;|。|!|\n|"
    # (a space ends a voice note's remark, not one after an English word: OK 但要等 Q1 budget)
    r"(?<![A-Za-z0-9])\s(?=[\u4e00-\u9fff])|\.(?:\s|$)"
)
_NOT_SAID = re.compile(r"^(?:让|叫|要我|请我|让我|叫我|要我们|请我们|让我们)")


def _reported(doc: Doc, theirs: list[bool]) -> str | None:
    t = doc.t
    due = _due_map(doc)
    for m in _SAYS.finditer(t):
        a = m.end()
        if _NOT_SAID.match(t, a):
            continue
        stop = _SAID_END.search(t, a)
        b = min(stop.start() if stop else len(t), a + 24)
        b = _with_its_but(doc, due, b)  # 他说挺好的,不过预算要明年才有
        # 他说下礼拜二来医院找他: a plan the next follow-up or trip holds, not an outcome
        # (a vague period stays in: 他说元旦以后再说 is what was said, never a reminder)
        # (他说冷轧线的改造明年三月招标: a day of theirs is what was said, kept whole)
        b = next(
            (i for i in range(a, b) if (due[i] and not theirs[i]) or not doc.free(i, i + 1)), b
        )
        lead = _SAID_LEAD.match(t, a, b)
        a = lead.end() if lead else a
        # 那个临床数据中心的方案要改 → 方案要改: the thing judged, without what it belongs to
        of = t.rfind("的", a, b)
        if of >= 0 and of - a <= 10 and b - of - 1 >= 3 and is_cjk(t[of + 1]):
            a = of + 1
        b = _remark_goes_on(doc, due, theirs, b) if b - a <= _REMARK_SHORT else b
        text = t[a:b].strip()
        if len(text) >= 2 and not _WHO_ALONE.fullmatch(text):
            return text
    return None


# (他说我们价格比东泰的贵: cut at a marked word, a pronoun alone says nothing)
_WHO_ALONE = re.compile(r"(?:我|你|他|她|咱)们?")
# (…，让我们先报模具费 / ，我答应了 / ，他说…: the rep's own words or another remark)
_REMARK_STOPS = re.compile(
    r"\s*(?:我|让我|叫我|要我|请我|然后我|所以|另外|顺便|[他她]说|[他她]们|对方|目前|现在|付款)"
)
# (…，给他发了报价 / 咱们尽快出图 / 白跑一趟 / 回头把资料发给他: the rep's side, anywhere in it)
_REMARK_REPS = re.compile(
    r"我|咱|给[他她]|回头|白跑|落在|把[^,，。]{0,12}?发|"
    # (…，留了名片 / 报价单已发 / 感觉希望不大 / 下次带样品过去 / 这个客户先放一放: told by the rep)
    r"了|已|感觉|估计|下次|过去|回去|这个客户|顺路|临走|参观|规定|老规矩"
)
# (办公会每两周开一次, 签字一般要一周: how things go there, a fact of its own)
_REMARK_HABIT = re.compile(r"一般|每|通常|经常|平时|都是")
_REMARK_MAX = 40
# A remark this short goes on after its comma (价格可以 is half of what was said); longer ones
# were tried too (8, 10, 12, any): held-out sets lost with each, not with 6.
_REMARK_SHORT = 6


def _remark_goes_on(doc: Doc, due: list[bool], theirs: list[bool], b: int) -> int:
    """Where a remark ending at a comma ``b`` ends once the clauses right after it that go on
    saying it are kept (价格可以，但交期必须压到45天以内，否则免谈), up to the sentence's end, the
    rep's own words, a day to act on or _REMARK_MAX characters."""
    t = doc.t
    start = b
    while b < len(t) and t[b] in ",，" and b - start < _REMARK_MAX:
        na, nb = doc.clause(b + 1)
        if na != b + 1 or _REMARK_STOPS.match(t, na) or nb - start > _REMARK_MAX:
            break
        if any(due[i] and not theirs[i] for i in range(na, nb)) or not doc.free(na, nb):
            break
        if _REMARK_HABIT.search(t, na, nb) or _REMARK_REPS.search(t, na, nb):
            break
        dated = [w for w in doc.whens if start - 40 < w.span[0] < nb]
        if any(na <= w.span[0] for w in dated) and any(w.span[0] < na for w in dated):
            break  # (12/10公告，1/14截标: another day, another step)
        b = nb
    return b


# Where a remark turns from the thing to where it stands: the customer's own time and plan
# (明年三月招标, 年底定, 今年肯定要换, 年前想上) or a word of progress (还没定, 正在编, 已经approve).
_THEIR_TIME = re.compile(
    r"(?:明年|今年|后年|年底|年前|年后|年内|年初|开春|上半年|下半年|月底|月初|下个?月|本月|这个月|"
    r"Q[1-4]|[一二三四五六七八九十\d]{1,2}月份?)(?:中旬|上旬|下旬|初|底|中)?(?:之?前|以后|之后|后)?"
)
_PLAN_AFTER = re.compile(
    r"(?:[一二三四五六七八九十\d]{1,2}月份?(?:中旬|上旬|下旬|初|底|中)?(?:之?前|以后|之后|后)?)?"
    r"\s*(?:[他她]们)?\s*(?:就|会|才|要|再|肯定|可能|先|开始|想|打算|准备|计划|能|得)*\s*"
    # (出, 做 are the rep's as often: 报价明天出, 标书下周五前做好)
    r"(?:招标|定|启动|立项|试点|上线|上(?![班午门来去])|换|改|到期|续|挂网|批|下来|签|截标|开标|审|评审|"
    r"决定|采购|集采|付|下单)"
)
# (主轴承的国产化替代他们很感兴趣: the customer's word on the thing starts at 他们)
_STANDS_FROM = re.compile(
    r"还没|还在|正在|已经|已|都已|(?<=[\u4e00-\u9fff])(?:[他她]们?|对方)(?=很|也|都|说|觉得|同意|表示|认为|挺|比较)"
)
_HEAD_TRIM = re.compile(r"(?:[他她]们|就|都|也|呢|的话|这块|这个|那个|[\s,，])+$")
_HEAD_LEAD = re.compile(r"^(?:那个|这个|就是|我们的|你们的|上次的?|[\s,，])+")
_NOT_A_THING = re.compile(r"[说我你他她咱,，:：]")


def _plan_turns(doc: Doc, a: int, b: int) -> list[int]:
    """Where, between ``a`` and ``b``, the customer's own time and plan begin (not the rep's)."""
    t = doc.t
    starts = {w.span[0]: w.span[1] for w in doc.all_whens if a <= w.span[0] < b}
    starts.update({m.start(): m.end() for m in _THEIR_TIME.finditer(t, a, b)})
    turns: list[int] = []
    for p, q in sorted(starts.items()):
        if _PLAN_AFTER.match(t, q) and not re.search(r"[我咱]", t[doc.clause(p)[0] : p]):
            turns.append(p)
    return turns


def _split_remark(doc: Doc, said: str, theirs: list[bool]) -> tuple[str, str] | None:
    """A remark said as thing, then where it stands (冷轧线的改造|明年三月招标, 叉车租赁他们|明年续,
    Q2的rebate policy|还没定): the thing and the rest, or None when it does not read so."""
    t = doc.t
    at = t.find(said)
    if at < 0:
        return None
    turns = _plan_turns(doc, at + 2, at + len(said))
    turns += [i for i in range(at + 2, at + len(said)) if theirs[i] and not theirs[i - 1]]
    stands = _STANDS_FROM.search(t, at + 2, at + len(said))
    if stands is not None:
        turns.append(stands.start())
    if not turns:
        return None
    turn = min(turns)
    head = _HEAD_TRIM.sub("", _HEAD_LEAD.sub("", t[at:turn]))
    rest = t[turn : at + len(said)].strip()
    if not 2 <= len(head) <= 14 or len(rest) < 2 or _NOT_A_THING.search(head):
        return None
    if _THEIR_TIME.match(head) or any(doc.date_at[at:turn]):
        return None  # 今年|三月份要采购: a time, not the thing
    return head, rest


def _thing_and_where_it_stands(
    doc: Doc, summary: str | None, said: str | None, theirs: list[bool]
) -> tuple[str | None, str | None]:
    """The thing a remark is about is the headline when nothing else is (他说合同月底前盖好章 →
    合同 · 月底前盖好章); when the headline already names it (冷轧线的改造 · 改造明年三月招标), the
    remark keeps only where it stands. Otherwise the remark stays whole: each fact said once."""
    if said is None:
        return summary, said
    split = _split_remark(doc, said, theirs)
    if split is not None and _OUTCOME.fullmatch(split[0].strip().lstrip("还也都就")):
        split = None  # (答应|年前走完流程: the verdict's own verb is no thing talked of)
    if split is None:
        if summary is None:  # 变速箱壳体的二轮报价他觉得还能再降: the thing, then who said so
            summary = _thing_said_of(doc, said)
        return summary, said
    head, rest = split
    if summary is None:
        topic = _topic(head)
        return (topic, rest) if topic is not None else (summary, said)
    if fold(head) in fold(summary):
        return summary, rest
    return summary, said


_THING_THEN_WHO = re.compile(
    r"(?P<thing>[^\s,，。;；:：]{2,16}?)(?:[他她]们?|对方)(?:说|觉得|认为|表示|也|都)?\s*$"
)


def _thing_said_of(doc: Doc, said: str) -> str | None:
    """The thing named right before whoever gave the verdict (断路器外壳的模具费他同意分摊一半 →
    断路器外壳的模具费): the headline a remark is about, when nothing else names one."""
    t = doc.t
    at = t.find(said)
    if at <= 0:
        return None
    ca = doc.clause(at)[0]
    m = _THING_THEN_WHO.search(t, ca, at)
    if m is None or any(doc.date_at[m.start("thing") : m.end("thing")]):
        return None
    head = _HEAD_LEAD.sub("", m["thing"])
    if "的" not in head or _NOT_A_THING.search(head) or _THEIR_TIME.match(head):
        return None  # (a bare word before 他说 is as likely a name or a place as a thing)
    return _topic(head)


# (a voice note's space before the rep's own words ends it too: 技术协议月底定 我们下周去确认)
_COMMA = re.compile(r"[,，;；。\n]|\s+(?=[我咱])")


def _their_plan_said(doc: Doc) -> str | None:
    """The customer's plan by a time of theirs, said with no word of saying (岸电系统他们年底定,
    空调保养合约明年续): where the deal stands, the remark of a contact the note records."""
    t = doc.t
    for p in _plan_turns(doc, 0, len(t)):
        stop = _COMMA.search(t, p)
        end = stop.start() if stop else len(t)
        cut = _COMMA.search(t[:p][::-1])
        begin = p - cut.start() if cut else 0
        head = _HEAD_LEAD.sub("", t[begin:p])
        if len(head) > 16 or _NOT_A_THING.search(head) or not doc.free(p, end):
            continue
        if doc.chat and doc.own_lines and not doc.said_by_customer(p):
            continue  # 我: 今年换了新款 — the rep's own line in a pasted chat
        text = t[p - len(head) : end].strip()
        if len(text) >= 3:
            return text
    return None


_SAID_LEAD = re.compile(r"(?:那个|嗯|就是|然后|呃)+\s*")

# In a pasted chat, the customer's lines that ask, greet or acknowledge say no outcome.
_CHAT_ASKS = re.compile(
    r"[?？]|吗|能不能|能否|可不可以|什么时候|有没有|是不是|多少|几[点号天]|没有$|^\[|"
    # what the customer asks the rep to do (带上你们的案例, 资料整理一份给我, 记得写清楚)
    r"带上|给我|发我|过来|来一趟|记得|麻烦|尽快|快乐|回你|你说|我在"
)
_CHAT_SPEAKER = re.compile(r"[^\s:：,，]{1,8}[:：]")
_CHAT_COURTESY = re.compile(
    r"^(?:(?:新年好|过年好|你好|您好|早上好|晚上好|辛苦了?|谢谢|好的|好|行|嗯|收到|OK|ok|可以)"
    r"[!！,，。~\s]*)+"
)


def _chat_statement(doc: Doc) -> str | None:
    """A pasted chat's outcome when no verdict word says it: the customer's first line that
    states something (院里初审过了, 比预算高了不少), not a question, a courtesy or a request
    with a day for the rep."""
    t = doc.t
    found: list[str] = []
    for start in doc.others_lines:
        a = start
        while a < len(t) and t[a] in " :：\n":
            a += 1
        if _CHAT_SPEAKER.match(t, a):
            continue  # a stamp's line, then the speaker's: the line after the name is read
        line_end = t.find("\n", a)
        text = t[a : len(t) if line_end < 0 else line_end].rstrip()
        lead = _CHAT_COURTESY.match(text)
        if lead:
            a, text = a + lead.end(), text[lead.end() :]
        if len(text) < 4 or _CHAT_ASKS.search(text):
            continue
        if any(a <= w.span[0] < a + len(text) and doc.is_future(w) for w in doc.whens):
            continue
        if not doc.free(a, a + len(text)):
            continue
        # 报价我看了,比去年高了不少啊: the verdict is the line's last remark; 方案我们院里初审过了:
        # the thing judged, without whose it is
        clauses = [c for c in re.split(r"[,，;；]", text) if c.strip()]
        if len(clauses) > 1 and len(clauses[-1].strip()) >= 4:
            text = clauses[-1].strip()
        of = text.rfind("的")
        if of >= 0 and len(text) - of - 1 >= 6 and is_cjk(text[of + 1]):
            text = text[of + 1 :]
        found.append(text.rstrip("。.!！~"))
    # 方案我们看了 / 价格还是高了: the line that judges, else the first that states something
    return next((x for x in found if _CHAT_VERDICT.search(x)), found[0] if found else None)


_CHAT_VERDICT = re.compile(
    r"高|贵|低|便宜|不错|可以|没问题|通过|批|签|定|坏|慢|问题|预算|决定|满意|同意|用你们"
)


# --- itineraries ----------------------------------------------------------------------------

_MOVE = re.compile(
    r"(?:出差去|出差到|出发去|前往|飞往|在|喺|去|到|赴|飞|来|回(?![来复访电答话])|返(?![来回]))\s*"
)
# What may come between the days and the going: 带队去, 休年假去, 请假回, 放假去.
# (带家人去新疆, 陪省里领导去德国考察, 开始休年假，带家人去…: who goes along, one lead or more)
_TRIP_LEAD = re.compile(
    r"(?:(?:开始|起)?(?:带队|带人|带(?:家人|家里人|全家|老婆|太太|孩子)|陪[^\s,。去]{1,6}|"
    r"(?:请了?|休)?(?P<why>年假|休假|请假|放假|探亲|度假)|准备|打算|计划)[,\s]*)+(?=[去回到飞赴返])"
)
# 北京集团总部, 长春中车厂: the city, then where in it (the city is the place of the trip).
_WHERE_IN_IT = re.compile(r"(?:集团|总部|公司|分公司|研究所|研究院|工厂|厂|基地|办公室|园区|部里)")


def _known_place_of(place: str, end: int) -> tuple[str, int]:
    """A known place at the start of ``place`` when the rest names where in it."""
    known = PLACE_RE.match(place)
    if known is not None and known.end() < len(place) and _WHERE_IN_IT.search(place, known.end()):
        return known.group(), end - (len(place) - known.end())
    return place, end


# 在他们上海办公室开会: a meeting at their office, not a trip.
_AT_THEIRS = re.compile(r"他们|我们|你们|公司|单位|办公室|现场")
# (看厂 was tried: 下周去苏州看厂 is the rep's own visit as often)
_PURPOSE = re.compile(
    r"开两会|开年会|开大会|开会|出差|评审(?!会)|评标(?!会)|看展|参展|看仓|看投放|巡店|做(?:年终)?汇报|住院|"
    # (进修学习, 蹲点, 招商, 开年度工作会, 开碳捕集的研讨会, 开董事会: a body they sit in)
    r"进修(?:学习)?|蹲点|招商|开[^\s,。]{0,4}(?:工作会|研讨会|学术会|董事会|股东会|订货会|两会)|"
    # (开自治区的能源会, 开省人大的会: a body's sitting, said with whose it is)
    r"开[^\s,。;的]{1,7}的(?:[^\s,。;的]{1,3}|(?=会(?:$|[\s,。;])))会(?![议员计])|"
    # (考察储能项目, 调研特高压站: what they go to look into, with its object when one follows)
    r"(?:考察|调研)(?:(?![一二两三四五六七八九十\d]{1,2}(?:天(?!然)|周(?![边末年])|个?礼拜|个?星期))[^\s,。;、]{2,7}(?=$|[\s,。;、]|回))?|学习|培训|参观|检查|休假|度假|旅游|旅行|出国|述职|探亲|"
    # (在北京清华上总裁班, 在党校上课: a class they sit in)
    r"上[^\s,。]{0,4}?班|上课|上E?MBA(?:的?课)?|"
    # (带队去云南义诊, 去海南过冬, 去深圳见投资人)
    r"义诊|过冬|避暑|过年|过春节|见投资人|"
    # (去新疆看葵花籽基地, 去深圳看供应商: what they go to see)
    r"看(?!看|一下|了|到|好|情况)[^\s,。;、]{2,7}(?=$|[\s,。;、]|回)|"
    r"疗养|海试|试航|驻场|参加[^\s,]{1,10}?(?=$|[\s,]|了)|参加[^\s,]{1,4}"
)
# (今天在新加坡去 NTUC 见了王经理: where the rep was, then where the rep went)
_NOT_TRIP = re.compile(
    r"拜访|见|找|送|拜年|吃饭|汇报|看看|去(?![^\s,]{0,4}?(?:开会|出差|培训|学习|考察))"
)
_BOSS = re.compile(r"老板|一把手|大领导|领导|董事长|总经理")
# (他们老板下个月初要去德国 哦这个不确定: a trip said not to be settled yet)
_UNSURE = re.compile(r"(?:这个|行程|时间|日子)?(?:还?不确定|说不准|还没定|待定)")
_UNSURE_REACH = 30
# (局长明天去省里汇报，后天回来, 杜科长说院长下周三去南京: a leader named by the title alone,
# right before the day — the one who goes; the titles a note names a leader by with no name)
_LEADER_TITLE = r"(?:^|(?<=[\s,;。:的局院厂团说讲话]))(?:他们)?(?:董事长|总经理|老板|局长|院长|厂长|处长|书记|行长|副总)"
_LEADER_ALONE = re.compile(_LEADER_TITLE + r"\s*$")
_LEADER_SAID = re.compile(_LEADER_TITLE + r"(?![\u4e00-\u9fff]{0,1}(?:的|说|讲))")
# (返嚟 — folded to 返来 —, 先返: the same said in Cantonese)
_RETURN = re.compile(
    r"回来|返回|回到|回(?![复访电答话款扣收头个信我你邮消报微单不])|返来|先返|返(?=[,。;\s]|$)"
    # (禮拜四返香港, 12月10日 返宁: back to a place said by name)
    rf"|返(?=(?:{PLACE_RE.pattern}|[宁沪京穗港深杭汉])(?:[,。;\s]|$))"
)
_PLACE_STOP = frozenset("的了,和 在去到是开出考学培参调检休度旅述探疗拜见找送看谈我忙汇")


# A place in Latin letters (下礼拜一到礼拜四去 Tokyo 开会): for a trip of some days only.
_LATIN_PLACE = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?(?![A-Za-z])")
_REP_BEFORE = re.compile(r"(?<![跟对和给])我(?![说讲])")
# 在京, 赴沪, 去穗开会: a city by its one-character name, as a telegraphic note writes it.
_CITY_SHORT = re.compile(r"[京沪穗津渝蓉杭汉厦](?=$|[\s,。;]|开会|出差|参会|学习|培训|考察|参加)")
_POINTER = re.compile(r"那个|这个")
_NOWHERE = frozenset(words("外面 外边 外头 外地 外出 那边 这边 别处 他那边 她那边 厂里 院里 局里"))


_PLACE_MAX = 8


def _place_after(
    t: str, pos: int, limit: int, latin_too: bool, known_latin: bool
) -> tuple[str, int] | None:
    """The place gone to at ``pos``: in Latin letters only for a trip of some days said of a
    named person (``latin_too``), or one of LATIN_PLACES when someone is said (``known_latin``)."""
    latin = _LATIN_PLACE.match(t, pos, limit)
    if latin is not None and (latin_too or (known_latin and latin.group() in LATIN_PLACES)):
        return latin.group(), latin.end()
    end = pos
    # (德国杜塞尔多夫, 俄罗斯叶卡捷琳堡: up to eight characters, to a purpose or 那个)
    while end < limit and end - pos < _PLACE_MAX and is_cjk(t[end]) and t[end] not in _PLACE_STOP:
        if _PURPOSE.match(t, end) or (end - pos >= 2 and _POINTER.match(t, end)):
            break
        if end - pos >= 2 and _PLACE_THEN.match(t, end):
            break  # 在天津陪老母亲住院, 去上海处理: what is done there begins
        if t[end] == "省" and PLACE_RE.fullmatch(t, pos, end):
            break  # 在济南省国资委开会, 在南京省厅: the city, then the province's office there
        end += 1
    known = PLACES_RUN.match(t, pos, limit)
    end = max(end, known.end()) if known else end  # (哈萨克斯坦阿拉木图: a known run whole)
    if end - pos >= 2:
        if t[pos:end] in _NOWHERE:
            return None  # 在外面开会: away, no place said
        return t[pos:end], end
    m = PLACE_RE.match(t, pos) or _CITY_SHORT.match(t, pos)
    if m:
        return m.group(), m.end()
    return None


_PLACE_THEN = re.compile(r"陪|处理|办事(?!处)")  # (自驾 and 带 were tried: blind19 lost)
_AND = re.compile(r"\s*(?:和|同|跟|与|及|、)\s*")


def _paired_day(doc: Doc, i: int) -> When | None:
    """The next day when it is said right after this one with 和/同/、 and is the day after it."""
    if i + 1 >= len(doc.whens):
        return None
    w, nxt = doc.whens[i], doc.whens[i + 1]
    joined = _AND.match(doc.t, w.span[1])
    if joined is None or joined.end() != nxt.span[0] or w.end is not None:
        return None
    return nxt if (nxt.day - w.day).days == 1 else None


# 卢总五一前后去西双版纳休假，4月29号走，5月6号回昆明: where and why said first, then the day
# he leaves and the day he is back (or stays until)
_GONE_FIRST = re.compile(
    rf"[去回](?P<place>{ANY_PLACE})(?P<purpose>[\u4e00-\u9fff]{{0,8}})(?:[,，]\s*| +)$"
)
# 回湖南老家休假去了，休到20号: away until the day said after how long they stay
_STAY_WORD_TO = "[休待呆住]到"  # (休到20号, 待到礼拜五: stays until the day said next)
_STAYS_UNTIL = re.compile(rf"(?:{_STAY_WORD_TO}|一直到)\s*$")
_LEAVES = re.compile(r"\s*(?:就|才)?走(?=$|[,，。;\s])")
_STAYS_TO = re.compile(r"(?:待到|住到|呆到|一直到)\s*$")


_GOING_WITH = re.compile(r"陪[^\s,，。去]{1,6}")
# (我…去, 王总说他儿子去上海读书, 钟总说他一个朋友去日本: the rep, or someone else said of, goes)
_SOMEONE_ELSE_GOES = re.compile(
    r"[我说他她儿女]|爱人|老婆|太太|家人|朋友|客户|同事|亲戚|同学|一个|有个"
)


def _left_then_back(doc: Doc, people: People, i: int) -> tuple[ItineraryFact, int | None] | None:
    t = doc.t
    w = doc.whens[i]
    a, b = w.span
    # (18號走25號回: the day back said right after 走; 周一走周四回 only with the week said
    # before it — 下礼拜去德国看设备 礼拜一走礼拜六回 — and then in that week)
    week = _week_said_before(doc, a) if _BARE_WEEKDAY.fullmatch(t, a, b) else None
    if week is not None:
        w = replace(w, start=week + timedelta(days=w.day.weekday()))
    then_back = (
        t.startswith("走", b)
        and (_NUMBERED_DAY.search(t, a, b) is not None or week is not None)
        and i + 1 < len(doc.whens)
        and doc.whens[i + 1].span[0] == b + 1
    )
    if w.end is None and then_back:  # (3号走8号回，去…)
        days = _days_then_where(doc, people, i)
        if days is not None:
            return days
    if w.end is not None or not (_LEAVES.match(t, b) or then_back):
        return None
    where = _left_then_where(doc, people, i)
    if where is not None:
        return where
    start = _sentence_start(t, a)
    m = _GONE_FIRST.search(t, start, a)
    if m is None:
        return None
    # (佢去台灣旅行，18號走25號回: he, the one customer person the note names)
    alone = len(people.persons) == 1
    goer = [
        x for x in people.mentions
        if start <= x.start and x.end <= m.start() and m.start() - x.end <= 8
        and x.contact >= 0 and (alone or not x.pronoun)
    ]  # fmt: skip
    # (耿总下礼拜要陪客户去泰国: the one he goes with is no one else going)
    between = _GOING_WITH.sub("", t[goer[-1].end : m.start()]) if goer else ""
    if not goer or _SOMEONE_ELSE_GOES.search(between):
        return None
    end_day, back = w.day, None
    stop = _sentence_end(t, b)
    for j in range(i + 1, len(doc.whens)):
        v = doc.whens[j]
        if v.span[0] >= stop:
            break
        if _RETURN.match(t, v.span[1]) or _STAYS_TO.search(t, max(b, v.span[0] - 3), v.span[0]):
            end_day, back = _on_or_after(doc, v, w.day), j  # (下周二走，周六回: that week's)
            break
    purpose = m["purpose"] or None
    who = label_of(people.persons[goer[-1].contact])
    return ItineraryFact(who, m["place"], w.day, end_day, purpose), back


# 上周六去新加坡考察了，这周四才回来: gone on a day past, back on one ahead
_WENT_ON_THE_DAY = re.compile(
    rf"\s*(?:就|已经)?(?:去|飞|到)(?P<place>{ANY_PLACE})(?P<purpose>[\u4e00-\u9fff]{{0,6}}?)了?"
    r"(?=[,，。;\s]|$)"
)
_BACK_ON_THE_DAY = re.compile(rf"\s*(?:才|就|再)?(?:{_RETURN.pattern})")


def _away_since(doc: Doc, people: People, i: int) -> tuple[ItineraryFact, int] | None:
    """A trip begun on a day gone by and ending on one ahead (the customer's leader away now),
    with the index of the day back."""
    t = doc.t
    w = doc.whens[i]
    a, b = w.span
    went = _WENT_ON_THE_DAY.match(t, b)
    if w.end is not None or w.day >= doc.today or went is None:
        return None
    stop = _sentence_end(t, b)
    back = next(
        (
            j
            for j in range(i + 1, len(doc.whens))
            if doc.whens[j].span[0] < stop and _BACK_ON_THE_DAY.match(t, doc.whens[j].span[1])
        ),
        None,
    )
    start = _sentence_start(t, a)
    goer = [x for x in people.mentions if start <= x.start < a and x.contact >= 0 and not x.pronoun]
    if back is None or doc.whens[back].day < doc.today or not goer:
        return None
    who = label_of(people.persons[goer[-1].contact])
    purpose = went["purpose"] or None
    return ItineraryFact(who, went["place"], w.day, doc.whens[back].day, purpose), back


# 下礼拜, 下个星期, 下周 said alone (no weekday of its own): the week a trip's weekdays fall in
_NEXT_WEEK_ALONE = re.compile(r"下(?:个)?(?:礼拜|星期|周)(?![一二三四五六日天末])")


def _week_said_before(doc: Doc, a: int) -> date | None:
    """The Monday of next week when its sentence said 下礼拜 before ``a`` with no day between."""
    t = doc.t
    start = _sentence_start(t, a)
    said = list(_NEXT_WEEK_ALONE.finditer(t, start, a))
    if not said or any(said[-1].end() <= v.span[0] < a for v in doc.whens):
        return None
    return doc.today + timedelta(days=7 - doc.today.weekday())


# 吕厂长3号走8号回，去意大利博洛尼亚看展: the days first, then where and why
_WHERE_AFTER = re.compile(
    rf"[,，]\s*(?:要)?去(?P<place>(?:{PLACES_RUN.pattern})市?)(?P<purpose>[\u4e00-\u9fff]{{0,8}})"
    r"(?=$|[,，。;\s])"
)


def _days_then_where(doc: Doc, people: People, i: int) -> tuple[ItineraryFact, int | None] | None:
    t = doc.t
    w = doc.whens[i]
    goer = _who_right_before(doc, people, w.span[0])
    if i + 1 >= len(doc.whens) or goer is None:
        return None
    back = doc.whens[i + 1]
    returned = _RETURN.match(t, back.span[1])
    if back.end is not None or returned is None:
        return None
    m = _WHERE_AFTER.match(t, returned.end())
    if m is None:
        return None
    end = _on_or_after(doc, back, w.day)
    who = label_of(people.persons[goer])
    return ItineraryFact(who, m["place"], w.day, end, m["purpose"] or None), i + 1


def _left_then_where(doc: Doc, people: People, i: int) -> tuple[ItineraryFact, int | None] | None:
    """仰总这周四走，去云南西双版纳休假，下周二回: the day left, then where and why, then the
    day back, in the same sentence."""
    t = doc.t
    w = doc.whens[i]
    goer = _who_right_before(doc, people, w.span[0])
    left = _LEAVES.match(t, w.span[1])
    if goer is None or left is None:
        return None
    m = _WHERE_AFTER.match(t, left.end())
    if m is None:
        return None
    stop = _sentence_end(t, m.end())
    for j in range(i + 1, len(doc.whens)):
        v = doc.whens[j]
        if v.span[0] >= stop or v.end is not None:
            return None
        if _REP_BEFORE.search(t, max(0, v.span[0] - 3), v.span[0]):
            return None  # (…，我下周一回公司再跟进: the rep's own day back)
        if _RETURN.match(t, v.span[1]):
            end = _on_or_after(doc, v, w.day)
            if end < w.day:
                return None  # (a day back before the day left: not read right)
            who = label_of(people.persons[goer])
            # (下周二回来后我再约他: the day back is the rep's task too)
            again = _THEN_AGAIN.match(t, v.span[1]) is not None
            return ItineraryFact(who, m["place"], w.day, end, m["purpose"] or None), (
                None if again else j
            )
    return None


def find_itineraries(doc: Doc, people: People, claimed: set[int]) -> list[ItineraryFact]:
    t = doc.t
    out: list[ItineraryFact] = []
    for i, w in enumerate(doc.whens):
        if i in claimed:
            continue
        a, b = w.span
        ca, cb = doc.clause(a)
        left = _left_then_back(doc, people, i)
        if left is not None:  # 卢总去西双版纳休假，4月29号走，5月6号回昆明
            out.append(left[0])
            claimed.add(i)
            if left[1] is not None:
                claimed.add(left[1])  # (the day back is the trip's end, no task)
            continue
        stop = _sentence_end(t, b)
        if w.deadline and any(
            b <= v.span[0] < stop and _LEAVES.match(t, v.span[1]) for v in doc.whens[i + 1 :]
        ):
            claimed.add(i)  # 春节前去澳洲看儿子，1月28号走: the day left is said next, the trip's
            continue
        paired = _paired_day(doc, i)
        if paired is not None:  # 下周三、周四去珠海开会: two days running, one trip
            w = replace(w, end=paired.end or paired.start, span=(a, paired.span[1]))
            b = paired.span[1]
        since = _away_since(doc, people, i)
        if since is not None:  # 韩局长上周六去新加坡考察了，这周四才回来: away now
            out.append(since[0])
            claimed.update((i, since[1]))
            continue
        last = w.end if w.end is not None else w.start
        last_day = last.date() if isinstance(last, datetime) else last
        if last_day < doc.today:
            continue
        window = t[b : min(cb, b + 24)]
        # (他跟我说他礼拜五到下礼拜四在德国参展: told to the rep, his trip)
        mine = bool(_REP_BEFORE.search(t, max(ca, a - 3), a)) or window.lstrip().startswith("我")
        # 提醒一下礼拜一上午十点去江苏银行开会: the rep's own errand, asked to be reminded of
        asked = _ASKED_TO_REMIND.search(t, ca, a)
        if asked and not any(asked.end() <= m.start < a and not m.pronoun for m in people.mentions):
            mine = True  # (提醒一下王局长下周二在北京开会: 王局长's trip, kept)
        if mine and not doc.said_by_customer(a):
            continue
        back = _trip_before(doc, people, w, ca) or _away_until(doc, people, w)
        if back is not None:
            if not _THEN_AGAIN.match(t, b):  # (下周一回来再约: the day is the rep's task too)
                claimed.add(i)
            out.append(back)
            if paired is not None:
                claimed.add(i + 1)  # (the second day is the trip's, no task of its own)
            continue
        place: str | None = None
        purpose: str | None = None
        moved = ""
        pos = b
        # Skip a subject between the date and the place (3月16号到20号 苏局长去北京开会).
        # (我 in a customer's chat line was tried too: their trips were read, but also ones the
        # held-out sets leave out, 下周二我在成都办公室 and the like — dropped)
        # (左科长：3月2号到4号我在武汉出差 — days of their own said by the customer in a chat)
        theirs_said = doc.said_by_customer(a) and (w.end is not None or paired is not None)
        speaker_goes = False
        restated = _RESTATED_DAY.match(t, pos)  # 7月27号（下周一）去四川汉源: the day said again
        if restated is not None:
            pos = restated.end()
        while pos < min(cb, b + 12) and (
            doc.used[pos]
            or t[pos] in " 他她也还就要会将"
            or (t[pos] == ":" and in_schedule(t, a))  # (周二到周四：合肥 参加培训)
            or (theirs_said and t[pos] == "我")
            or (w.end is not None and t.startswith("都在", pos))  # (9月28号到10月9号都在欧洲)
        ):
            speaker_goes = speaker_goes or t[pos] == "我"
            pos += 1
        days_first = _DAYS_FIRST.match(t, pos)  # (国庆七天去欧洲旅游, 明天起在井冈山)
        if days_first is not None:
            pos = days_first.end()
        lead = _TRIP_LEAD.match(t, pos)  # (带队去鹿特丹港考察, 休年假去北海, 请假回湖北老家)
        if lead is not None:
            pos = lead.end()
        # (下周二陪王总去上海考察, 明天开始去工地蹲点: with no one named before the day, the rep's)
        if (days_first or (lead and _ALONG.search(lead.group()))) and not any(
            ca <= m.start < a and not m.pronoun and m.contact >= 0 for m in people.mentions
        ):
            continue
        # (蒙总腊月二十五回临沂老家过年: 临沂 is also read as where he is from, and the trip is his)
        home = _HOME_BOUND.match(t, b)
        if home is not None and home["after"] and not _named_right_before(doc, people, a):
            home = None  # (回老家盐城 of someone named right before the day only)
        mv = _MOVE.match(t, pos) if home is None else None
        if home is not None:
            place, purpose, moved, pos = home["place"] or home["after"], "回老家", "回", home.end()
        elif mv:
            moved = mv.group().strip()
            # (a Latin name gone to for a day is a company as often as a city: 去 Maybank 开会)
            named = any(ca <= m.start < a and not m.pronoun for m in people.mentions)
            # (她下个月…去 Bali is hers; 12月8号到10号去 Jakarta 开会, no one said, the rep's own)
            said_of = any(ca <= m.start < a for m in people.mentions)
            # (飞成都周四晚上回来: the place ends where the next day is said)
            # (not inside a place known whole: 十堰, 六盘水)
            ahead = min((v.span[0] for v in doc.whens if v.span[0] >= mv.end()), default=cb)
            known = PLACES_RUN.match(t, mv.end(), cb)
            stop = cb if known is not None and known.end() > ahead else min(cb, ahead)
            got = _place_after(t, mv.end(), stop, w.end is not None and named, said_of)
            if got and moved == "回" and got[0].endswith("老家") and len(got[0]) > 2:
                got, purpose = (got[0][:-2], got[1] - 2), "回老家"  # 回黑河老家
            if got:
                place, pos = _known_place_of(got[0], got[1])
                if moved == "在" and got[0].endswith(("办公室", "公司")):
                    continue  # 下周二我在成都办公室: at their own place
        else:
            m = PLACE_RE.match(t, pos)
            if m:
                place, pos = m.group(), m.end()
            elif in_schedule(t, a) and schedule_owner(t, people, a) is not None:
                in_brackets = _CITY_IN_BRACKETS.match(t, pos, line_of(t, pos)[1])
                latin = _LATIN_WORD.match(t, pos)
                if in_brackets is not None:  # 9月15日 省委党校学习（福州）: the city said last
                    place, purpose = in_brackets["city"], in_brackets["what"]
                    pos = in_brackets.end("city")
                elif latin is not None and latin["word"] in LATIN_PLACES:
                    place, pos = latin["word"], latin.end()  # (何总 travel: / 5/27-5/29 Tokyo)
        if place is None or (home is None and not doc.free(pos - len(place), pos)):
            continue  # (马上飞马总打电话说: a person, no place)
        if _WITH_HIM.search(t, b, cb):
            continue  # 下周四下午两点去太仓跟他开会: the rep goes to meet him there
        rest = t[pos : min(cb, pos + 10)]
        # (徐董周三去米兰看皮革展，下周一回: someone named, then the day back — days away)
        # (曲经理，礼拜二去东营现场，礼拜三回来: the rep's own day away, after a comma; 跟王总周三去
        # 苏州验收，周四回: the rep goes with him)
        just_before = [m for m in people.mentions if m.end <= a and not t[m.end : a].strip()]
        right_before = any(
            not m.pronoun
            and m.contact >= 0
            and not _WITH_THE_REP.search(t, max(ca, m.start - 3), m.start)
            for m in just_before
        )
        leader = _LEADER_ALONE.search(t, max(ca, a - 6), a)
        right_before = right_before or (leader is not None and doc.free(*leader.span()))
        back_day = _day_back(doc, i, cb) if right_before else None
        # 今天在攀枝花的西南钒钛机修厂，和兀厂长谈了…: the rep's visit there, no one's trip
        at_a_firm = moved == "在" and t.startswith("的", pos)
        if at_a_firm and w.end is None and paired is None and not right_before:
            continue
        pm = _PURPOSE.search(rest)
        # (12月7日-8日 北京（部里开会）: a schedule's line gives the purpose in brackets)
        bracketed = _BRACKETED_PURPOSE.match(t, pos) if moved == "" or in_schedule(t, a) else None
        if bracketed is not None and any(doc.date_at[bracketed.start() : bracketed.end()]):
            bracketed = None  # (去北京(下周二): the day said again, no purpose)
        if bracketed is not None:
            purpose = bracketed["what"]
        elif pm and pm.start() <= 2:
            purpose = pm.group()
            # (下周二上午10点去嘉兴中心现场看设备: one day's errand, often the rep's)
            one_day = w.end is None and paired is None and back_day is None
            if one_day and purpose.startswith("看") and purpose not in _SEEN_ON_ANY_TRIP:
                purpose = None
        # (周总下周一到周三在深圳见投资人: days away of someone named right before them — whom
        # he sees there is his purpose, not the rep's visit)
        days_away = w.end is not None or paired is not None or back_day is not None
        # (小王下周一到周三在深圳见客户: 小王 is the rep's colleague as often — his errand)
        called_xiao = any(t[m.start] == "小" for m in just_before)
        a_city = (
            PLACES_RUN.fullmatch(place) is not None
            or _CITY_SHORT.fullmatch(place) is not None
            or place in LATIN_PLACES
        )
        listed = moved == "" and in_schedule(t, a)
        # (王董本周日程 / 6/2 深圳 客户拜访: one day of his, listed under his name with a city —
        # what he does there, 汇报 or 拜访, is his)
        his_listed = listed and a_city and schedule_owner(t, people, a) is not None
        if (
            _NOT_TRIP.match(rest.lstrip())
            and not (days_away and right_before and not called_xiao)
            and not his_listed
        ):
            continue
        # (客户的赵总下周三要去成都: a named person's going to a city, said right before the day)
        goer = (
            moved in ("去", "到")
            and a_city
            and (
                _named_right_before(doc, people, a, pronoun=len(people.persons) == 1)
                or leader is not None
                or in_schedule(t, a)  # (鄢董这周行程：周二去西安（集团年中会）: his, listed)
            )
        )
        # (王总明天到上海，我去机场接他: his trip, and the day is the rep's too)
        shared = goer and _REP_PART.search(t, b, _sentence_end(t, b)) is not None
        if purpose is None and lead is not None and lead["why"]:
            purpose = lead["why"]  # (休年假去北海: the leave is what the trip is for)
        if purpose is None and moved == "回" and rest.startswith("老家"):
            purpose = "回老家"
        # (去广州花都那个工厂一直待到礼拜五: how long he stays says it is his trip)
        stay = _stays_until(doc, i, pos, cb)
        pointer = _POINTER.search(place, 2) if stay is not None else None
        if pointer is not None:  # 去广州花都那个工厂一直待到礼拜五: the place ends at the pointer
            place = place[: pointer.start()]
        lasting = stay or back_day
        # (曲董7月1号到10号在俄罗斯符拉迪沃斯托克谈…: a range of days someone named right before
        # them spends somewhere is a trip, wherever it is)
        ranged = (
            (right_before or listed)
            and (w.end is not None or paired is not None)
            and w.end != w.start
            and _names_somewhere(place)  # (在厂里盘点, 在车间, 在医院: at their own)
        )
        ranged = ranged or his_listed
        if (
            purpose is None
            and moved not in ("在", "飞", "飞往")
            and not goer
            and lasting is None
            and not ranged
        ):
            continue
        if _AT_THEIRS.match(place):
            continue
        if purpose is None and not a_city and lasting is None and not ranged:
            continue
        who = _speaker(doc, people, a) if speaker_goes else _who(doc, people, a, b, pos)
        owner = schedule_owner(t, people, a) if in_schedule(t, a) else None
        line_start = line_of(t, a)[0]
        if owner is not None and not any(line_start <= m.start < a for m in people.mentions):
            # (高总 行程（秘书 Vivian 发来）⏎4/28-4/29 武汉: his, not hers; 巴总 周一到周三在杭州
            # under 巴总和贲总下周行程: the line says whose)
            who = label_of(people.persons[owner.contact])
        if who is None and isinstance(w.start, datetime) and w.end is None:
            continue  # 下個禮拜三朝早十點去數碼港開會, 去北京出差，顺便拜访王总: the rep's, no leader's
        end_day = w.end if w.end is not None else w.start
        end_d = end_day.date() if isinstance(end_day, datetime) else end_day
        if stay is not None:
            end_d = max(end_d, _on_or_after(doc, stay, w.day))
            claimed.add(doc.whens.index(stay))
        days = _FOR_DAYS.match(t, pos, min(len(t), cb + 8)) if w.end is None else None
        after_purpose = pos + pm.end() if pm and pm.start() <= 2 else pos
        lasting_for = _LASTING.match(t, after_purpose) if w.end is None else None
        if days is not None:  # 下周二带队去德国考察储能项目，一共五天
            end_d = w.day + timedelta(days=(cn_to_int(days["n"]) or 1) - 1)
        elif lasting_for is not None:  # 去德国考察三天, 去北京学习两个星期, 出差两周
            said = lasting_for["n"]  # (两三天: the longer of the two)
            n = cn_to_int(said) or cn_to_int(said[-1]) or 1
            unit = lasting_for["unit"]
            if unit == "个月":  # (去党校学习一个月: to the day before the same date a month on)
                end_d = add_months(w.day, n) - timedelta(days=1)
            else:
                span = n * 7 if unit != "天" else n
                end_d = w.day + timedelta(days=span - 1)
        start_d = w.day
        leaving = _day_left(doc, i, cb)
        if leaving is not None and not -7 <= (leaving.day - w.day).days <= 1:
            leaving = None  # (a day far from the trip's is another matter)
        # (端午回老家安徽六安，18号走，22号回: the day they leave starts it)
        if leaving is not None:
            start_d = _on_or_after(doc, leaving, w.day - timedelta(days=3))
            if w.end is not None and w.start != w.end:
                end_d = start_d  # (下周去新加坡，周一走周四回: the week said, then its days)
            claimed.add(doc.whens.index(leaving))
        back_day = back_day or _day_back(doc, i, cb)
        if (
            his_listed
            and back_day is not None
            and (back_day not in doc.whens or doc.whens.index(back_day) != i + 1)
        ):
            back_day = None  # (6/2 深圳 / 6/4 香港 / 6/5 返回: the day back ends the last leg)
        if back_day is not None:
            # (下周二到周三去长沙开会 周四回徐州: a range said is the trip, the day back not)
            back_d = _on_or_after(doc, back_day, start_d)
            if lasting_for is not None or days is not None:
                end_d = back_d  # 去北京学习一周，礼拜五回来: the day said, not the week reckoned
            elif w.end is None or leaving is not None:
                end_d = max(end_d, back_d)
            if back_day in doc.whens:
                claimed.add(doc.whens.index(back_day))
        if not shared:
            claimed.add(i)
            if restated is not None:  # (the day said again in brackets: the trip's too)
                claimed.update(
                    j
                    for j, v in enumerate(doc.whens)
                    if v.span[0] >= b and v.span[1] <= restated.end()
                )
        if _UNSURE.search(t, b, min(_sentence_end(t, b), b + _UNSURE_REACH)):
            continue  # 他们老板下个月初要去德国 哦这个不确定: a trip not yet known to happen
        # (a day back read before the day left is no trip's end: never a trip that ends first)
        out.append(ItineraryFact(who, place, start_d, max(end_d, start_d), purpose))
        if paired is not None:
            claimed.add(i + 1)
        out += _later_legs(doc, people, i, who, claimed)
    return _one_per_trip(out)


# A later leg of the same trip said short after it (…下周一去成都、周三昆明、周五去西安).
_LEG_END = re.compile(r"[、,;。\n]")
_NEXT_LEG = re.compile(
    rf"[ ]*(?:再|又|就|直接)?(?:从[\u4e00-\u9fff]{{2,4}}?)?(?:去|飞|到|在|转)?[ ]*"
    rf"(?P<place>{PLACE_RE.pattern})"
    # (后天转广州见供应商, 周四去雄安开会: what he does there)
    r"(?P<why>(?:开[\u4e00-\u9fff]{0,6}?会|见[\u4e00-\u9fff]{1,6}|参加[\u4e00-\u9fff]{1,8}|出差|"
    r"培训|调研|考察|述职))?"
)


def _later_legs(
    doc: Doc, people: People, i: int, who: str | None, claimed: set[int]
) -> list[ItineraryFact]:
    """The stops someone's trip goes on to in the same sentence, each a day and a city in its
    part of it, maybe what he does there (下周一去成都、周三昆明、后天转广州见供应商): his, not the
    rep's tasks. A part with a person, the rep or other words after it is read on its own."""
    t = doc.t
    end = _sentence_end(t, doc.whens[i].span[1])
    last = day_of(doc.whens[i].end or doc.whens[i].start)
    legs: list[ItineraryFact] = []
    for j in range(i + 1, len(doc.whens)):
        v = doc.whens[j]
        a, b = v.span
        if a >= end or j in claimed:
            break
        _, cb = doc.clause(a)
        start = max(t.rfind(x, 0, a) for x in "、,;。\n") + 1
        part = _LEG_END.search(t, b, end)
        stop = min(part.start() if part else end, cb)
        leg = _NEXT_LEG.match(t, b, stop)
        if (
            leg is None
            or t[leg.end() : stop].strip()
            or re.search(r"[我咱]", t[start:a])
            or any(start <= m.start < stop for m in people.mentions)
        ):
            break
        day, until = day_of(v.start), day_of(v.end or v.start)
        if day < last:
            break  # (下周二去北京，周四去上海: a day read before the trip's — left as said)
        back = next((x for x in doc.whens[j + 1 :] if x.span[0] < end), None)
        if v.end is None and back is not None and _BACK_AFTER_LEG.match(t, back.span[1]):
            home = day_of(back.start)
            if day - timedelta(days=7) < home < day:
                home += timedelta(days=7)  # (下周三去烟台，周五回济南: that week's Friday)
            until = max(until, home)  # (明天去成都，周五回济南: there until then)
        last = until
        legs.append(ItineraryFact(who, leg["place"], day, until, leg["why"]))
        claimed.add(j)
    return legs


_BACK_AFTER_LEG = re.compile(r"[ ]*(?:才|就|再)?(?:从[\u4e00-\u9fff]{2,4}?)?(?:回|返)")


_LATIN_WORD = re.compile(r"\s*(?P<word>[A-Z][a-z]+)\b")
# (a leader's line that says what first and the city in brackets: 省里开年度会议（南昌）)
_CITY_IN_BRACKETS = re.compile(
    rf"\s*(?:上午|下午|全天)?\s*(?P<what>[^()\s][^()\n]{{1,11}}?)\s*\((?P<city>{PLACE_RE.pattern})\)\s*$"
)
_BRACKETED_PURPOSE = re.compile(r"\s*\((?P<what>[^()\n,]{2,10})\)")


_ONE_DAY = timedelta(days=1)


def _one_per_trip(trips: list[ItineraryFact]) -> list[ItineraryFact]:
    """A trip read twice, once from a day and once from its range (国庆去海南度假，一号到七号不在),
    kept once, with the purpose either reading found; single days in one place listed one after
    the other (7月5日 杭州 / 7月6日 杭州) are one trip (a day then a range is left apart: the
    range's place is read less surely — 7号去厦门，8号到10号在晋江总部 gave 厦门 twice)."""
    kept: list[ItineraryFact] = []
    for trip in trips:
        next_day = next(
            (
                k
                for k, other in enumerate(kept)
                if other.who == trip.who
                and other.place == trip.place
                and (other.end + _ONE_DAY == trip.start or trip.end + _ONE_DAY == other.start)
                and other.start == other.end
                and trip.start == trip.end
            ),
            None,
        )
        if next_day is not None:
            other = kept[next_day]
            kept[next_day] = replace(
                other,
                start=min(other.start, trip.start),
                end=max(other.end, trip.end),
                purpose=other.purpose or trip.purpose,
            )
            continue
        same = next(
            (
                k
                for k, other in enumerate(kept)
                if other.who == trip.who
                and other.place.startswith(trip.place[:2])
                and other.start <= trip.end
                and trip.start <= other.end
            ),
            None,
        )
        if same is None:
            kept.append(trip)
            continue
        other = kept[same]
        if trip.place != other.place:  # (云南大理自驾 beside 云南大理: the place read cleanly)
            better = trip if len(trip.place) < len(other.place) else other
        else:
            better = trip if trip.end - trip.start > other.end - other.start else other
        worse = other if better is trip else trip
        kept[same] = replace(better, purpose=better.purpose or worse.purpose)
    return kept


_DAYS_FIRST = re.compile(
    r"(?:[一二两三四五六七八九十\d]{1,2}天|(?<!一)起|开始)(?=[在去到飞赴回返休带陪])"
)
_WITH_THE_REP = re.compile(r"[跟和同与陪请约我]")
_ALONG = re.compile(r"陪|带(?:家人|家里人|全家|老婆|太太|孩子)|开始|起")
_SEEN_ON_ANY_TRIP = frozenset({"看展", "看仓", "看投放"})
_WITH_HIM = re.compile(r"[跟和同与](?:他|她|佢)(?!们|哋)")
# How long the trip lasts, said after its place: …考察储能项目，一共五天.
_FOR_DAYS = re.compile(
    r"[^,。;\n]{0,12}?[,，\s]*(?:(?:一共|总共|共|为期|会开|会期)(?:去|待|呆)?|(?:要|会)?[待呆住])"
    r"(?P<n>[一二两三四五六七八九十\d]{1,2})天(?![后内])"
)
# 考察三天, 学习两个星期, 出差两周: how long a trip lasts, said right after its purpose
# (考察两个天然气项目, 两个周边的产业园: things counted, not days)
_LASTING = re.compile(
    r"\s*(?P<n>[一二两三四五六七八九十\d]{1,2})"
    r"(?P<unit>天(?!然)|周(?![边末年])|个?礼拜|个?星期|个月)(?![后内前])"
)
# Verbs of staying on until a day (待到, 住到, 会要开到下礼拜三, 玩到周五)
_STAY_VERB = "[待呆住开玩]"
# What someone is away for (出差, 看展): said before 到 a day, it lasts until then
AWAY_FOR = "出差|开会|培训|学习|考察|度假|休假|旅游|看展"
# (去日本出差到周六: what the trip is for, lasting until the day)
_STAY_WORD = re.compile(rf"(?:一直)?(?:{_STAY_VERB}|{AWAY_FOR})到\s*$")
_BARE_WEEKDAY = re.compile(r"(?:周|礼拜|禮拜|星期)[一二三四五六日天]")


_RESTATED_DAY = re.compile(r"\s*[(（](?:下下?|这|本)?(?:周|礼拜|星期|禮拜)[一二三四五六日天][)）]")
# (…飞马来西亚槟城，在那边待到14号: the stay said in the next clause, of the place just named)
# (，在那边一直待到8月5号, ，计划待到8月5号, ，要开到下礼拜三: how long the stay lasts, said next)
_STAY_THERE_NEXT = re.compile(
    r"[,，]\s*(?:计划|打算|预计|准备|要|会){0,2}(?:在?(?:那边|那儿|那里|当地)|在[\u4e00-\u9fff]{2,6}?)?(?:一直)?"
    rf"{_STAY_VERB}到"
)


def _stays_until(doc: Doc, i: int, pos: int, cb: int) -> When | None:
    """The day a trip lasts until, said as 一直待到礼拜五 after its place."""
    there = _STAY_THERE_NEXT.match(doc.t, cb)
    if there is not None:
        cb, pos = doc.clause(there.end())[1], there.start()
    for nw in doc.whens[i + 1 :]:
        if nw.span[0] >= cb or nw.span[0] - pos > 16:
            return None
        if _STAY_WORD.search(doc.t, max(pos, nw.span[0] - 5), nw.span[0]):
            return nw
    return None


def _day_back(doc: Doc, i: int, cb: int) -> When | None:
    """The day someone is back, said soon after a trip's first day (…，下周一回)."""
    for nw in doc.whens[i + 1 : i + 3]:  # (the next day said, or the one after a pair)
        if nw.span[0] >= cb + 12 or _REP_BEFORE.search(doc.t, max(0, nw.span[0] - 3), nw.span[0]):
            return None  # (王总下周一去北京，我周三回公司: the rep's day back)
        if nw.end is not None:
            return None  # (…，下周二到周四在天津，周五回: another leg first)
        if _back_said(doc.t, nw.span[1]):
            return nw
        if _NEW_LEG.match(doc.t, nw.span[1]):
            return None  # (今天在北京，明天在天津，后天回公司: the day back ends the last leg)
    # (高总12月20号去海南，元旦后回来: a day too loose for a task still ends the trip)
    after = doc.whens[i].span[1]
    loose = next((v for v in doc.all_whens if v.span[0] >= after), None)
    if (
        loose is not None
        and loose not in doc.whens
        and loose.end is None
        and loose.span[0] < cb + 12
        and not any(after <= v.span[0] < loose.span[0] for v in doc.whens)
        and _back_said(doc.t, loose.span[1])
    ):
        return loose
    return None


def _back_said(t: str, pos: int) -> bool:
    """Whether someone's coming back is said right at ``pos`` (…周五回, …元旦后回来)."""
    return _BACK_THEN.match(t, pos) is not None or t.startswith("回来", pos)


_NEW_LEG = re.compile(rf"\s*(?:又|再)?(?:在|去|到|飞)\s*(?:{PLACE_RE.pattern})")


_ONLY_THEN = "(?:才|就)?"  # (正月十六才回来, 周五才回)
# (下周二飞回深圳, 坐高铁回: back by plane or train)
_BACK_THEN = re.compile(rf"\s*{_ONLY_THEN}(?:飞|坐飞机|坐高铁)?(?:{_RETURN.pattern})")


def _day_left(doc: Doc, i: int, cb: int) -> When | None:
    """The day someone leaves, said right after a trip's first day (…，18号走，22号回)."""
    for nw in doc.whens[i + 1 : i + 3]:
        if nw.span[0] >= cb + 12 or _REP_BEFORE.search(doc.t, max(0, nw.span[0] - 3), nw.span[0]):
            return None
        if nw.end is None and _LEAVES.match(doc.t, nw.span[1]):
            return nw
    return None


def _on_or_after(doc: Doc, w: When, first: date) -> date:
    """A trip's last day said as a bare weekday (周五回) falls on or after its first day: 下周二
    去，周五回 is that week's Friday, not this one's."""
    day = w.day
    if day < first and _BARE_WEEKDAY.fullmatch(doc.t, *w.span):
        day += timedelta(weeks=-(-(first - day).days // 7))  # (whole weeks, rounded up)
    return day


# (蔡总2月3号回老家盐城过年: the same with the city after 老家 — the place as said)
_HOME_BOUND = re.compile(
    rf"\s*(?:要|会|就)?回(?:(?P<place>[\u4e00-\u9fff]{{2,4}}?)老家|老家(?P<after>{PLACES_RUN.pattern}))"
)


# 王总去北京了，下周一回来: a trip under way, said before the day it ends.
_THEN_AGAIN = re.compile(r"\s*回来?\s*(?:以?后|之后)?\s*(?:再|我再|我们再)")
_GONE_THERE = re.compile(
    r"(?:去|飞|到)(?P<place>[\u4e00-\u9fff]{2,6}?)(?P<purpose>出差|开会|学习|培训|考察)?了[,\s]*$"
)


def _names_somewhere(place: str) -> bool:
    """A place that opens with a city, a county or a name in Latin (not 厂里, 车间, 忙招标)."""
    return bool(PLACES_RUN.match(place) or COUNTY_RE.match(place) or "A" <= place[:1] <= "Z")


# 周厂长这周在南京参加培训，周五才回: there this week already, back that day
_AWAY_THIS_WEEK = re.compile(
    rf"(?:这周|本周|这礼拜|这个礼拜|这星期|这几天|这两天)(?:都|一直)?在(?P<place>{PLACE_RE.pattern})"
    r"(?P<purpose>[^,;。\n]{0,12})[,\s]*$"
)


# 张总在上海看展，周五回 / 他在兰州开两会，说3月3号回天水 / 于总去韩国蔚山了，看他们合作的船厂，
# 本周五回来: gone (or there) now, a city said, and the day back after a clause or two
_AWAY_NOW = re.compile(
    r"(?<![要会将想算备])(?:今天|昨天|已经|现在|目前|还|正|这周|本周|这几天|这两天)?(?:(?<![夫家爱亲病客女])人)?"
    r"(?:去了?一?趟?|飞|到|回|在)"
    rf"(?P<place>老家(?:{PLACE_RE.pattern})|(?:{PLACES_RUN.pattern})"
    rf"(?:老家|[\u4e00-\u9fff]{{1,3}}?(?=了|{_PURPOSE.pattern})|))"
    rf"(?P<purpose>{_PURPOSE.pattern})?(?:去)?了?(?:还?没回来)?"
    rf"(?:[,，\s]+(?P<aside>(?![我他她]|{_STAY_WORD_TO}$)[^,;。\n]{{2,12}}?))?[,，\s]*(?:[他她]?说)?"
    r"(?:大概|估计|可能)?"
    rf"(?:{_STAY_WORD_TO})?\s*$"
)


# (估计周五回来, 听说, 秘书说, 具体不清楚: how sure the day back is, not what the trip is for)
_HEDGE = re.compile(
    r"(?:估计|听说|可能|应该|大概|说是|据说|[^\s,，]{0,3}说|具体不清楚|不清楚|等[他她])(?:是)?"
)


# (周五才回, 在北京住院，下周五出院: the day the stay ends)
_STAY_ENDS = re.compile(rf"{_ONLY_THEN}(?:{_RETURN.pattern}|能?出院)")


def _away_until(doc: Doc, people: People, w: When) -> ItineraryFact | None:
    """Someone of the customer's gone somewhere already, back on ``w``'s day: away until then."""
    t = doc.t
    a, b = w.span
    back = _STAY_ENDS.match(t, b)
    if back is None and not _STAYS_UNTIL.search(t, max(0, a - 4), a):  # (休到20号)
        return None
    since = max(_sentence_start(t, a), a - 16)
    m = (
        _GONE_THERE.search(t, since, a)
        or _AWAY_THIS_WEEK.search(t, _sentence_start(t, a), a)
        or _AWAY_NOW.search(t, _sentence_start(t, a), a)
    )
    if m is None or not doc.free(*m.span("place")):
        return None
    if m.re is not _AWAY_NOW and m["place"] not in PLACES:
        return None
    # (the one gone is named right before it: 张总说他们老板去北京了 is their boss's trip;
    # 周厂长说这周在南京参加培训的人: right before 这周 only, and of no one else)
    gap = 0 if m.re is _AWAY_THIS_WEEK else 1
    if m.re is _AWAY_THIS_WEEK and "的人" in (m["purpose"] or ""):
        return None
    goer = [x for x in people.mentions if 0 <= m.start() - x.end <= gap]
    if not goer or goer[-1].contact < 0:
        return None
    if t[goer[-1].start - 1 : goer[-1].start] in ("让", "叫", "派"):
        return None  # 王总让小李去了趟上海: an errand he sent someone on, no leader away
    if m.re is _AWAY_NOW and (
        _WITH_THE_REP.search(t, max(0, goer[-1].start - 3), goer[-1].start)
        or any(_sentence_start(t, a) <= v.span[0] < m.start() for v in doc.whens)
    ):
        return None  # (下周二陪王总去上海考察，周四回: the rep goes along, and not now)
    purpose = (m["purpose"] or "").strip(" ,") or None
    aside = m["aside"] if m.re is _AWAY_NOW else None
    hedged = m["purpose"] and _HEDGE.match(aside or "")  # (住院，听说是放支架，大概…出院)
    if aside and not _PURPOSE.match(aside) and not _HEDGE.fullmatch(aside) and not hedged:
        return None  # (刘总去上海了，样品周五回来 / 小王周五回来: something else is back)
    if purpose is None and aside and _PURPOSE.match(aside):
        purpose = aside  # 于总去韩国蔚山了，看他们合作的船厂，本周五回来
    doc.mark(m.start(), m.end("place"))  # (汤总这周去了云南大理: his trip, no visit of the rep's)
    return ItineraryFact(
        label_of(people.persons[goer[-1].contact]), m["place"], doc.today, w.day, purpose
    )


def _named_right_before(doc: Doc, people: People, a: int, pronoun: bool = False) -> bool:
    """Whether a person of the customer's is named right before ``a`` (赵总下周三…), not one of
    the rep's (我们公司李经理下周三去成都) — or, with ``pronoun``, said as 他 (他9月1号到3号去越南)."""
    return _who_right_before(doc, people, a, pronoun) is not None


def _who_right_before(doc: Doc, people: People, a: int, pronoun: bool = False) -> int | None:
    """The contact named right before ``a`` (see _named_right_before), or None."""
    return next(
        (
            m.contact
            for m in people.mentions
            if (pronoun or not m.pronoun)
            and 0 <= a - m.end <= 1
            and m.contact >= 0
            and not _OURS_BEFORE.search(doc.t, max(0, m.start - 5), m.start)
            and not _WITH_THE_REP.search(doc.t, max(0, m.start - 3), m.start)  # (跟王总周三去苏州)
        ),
        None,
    )


_OURS_BEFORE = re.compile(r"(?:我们公司|我们的|我司|同事|我们)$")


# 下周去深圳出差,2/8 到 2/12 / 下礼拜要出差去上海 就是五月六号到八号: the trip said first.
_TRIP_BEFORE = re.compile(
    r"(?:出差)?(?:去|到|飞|赴|前往|在(?=[^\s,]{2,8}?(?:出差|开会|学习|培训)))\s*"
    r"(?P<place>[\u4e00-\u9fffA-Za-z]{2,8}?)\s*"
    r"(?P<purpose>出差|开会|学习|培训|参加[\u4e00-\u9fff]{1,4}|考察|度假|休假|旅游|探亲|过年|调研)?"
    r"(?:[\s,,。就是那个嗯(（]{0,6})$"
)


_SHORT_PLACES = frozenset({"KL", "HK", "SG", "JB", "US", "UK", "BJ", "SH", "SZ", "GZ"})
# Mr. Tan will be in KL from 8 to 10 Dec, David in Shanghai Dec 12-14: the same in English.
_EN_TRIP_BEFORE = re.compile(
    r"(?i:(?a:\b)(?:be|is|are|in|to|at|trip|flying|travell?ing|going|visiting))\s+"
    r"(?P<place>[A-Z][A-Za-z]{1,15}(?: [A-Z][A-Za-z]{1,15})?)"
    r"(?P<purpose>)\s*(?i:from|on|between)?\s*$"
)


def _trip_before(doc: Doc, people: People, w: When, ca: int) -> ItineraryFact | None:
    """A customer's trip whose place comes before its dates (only a range of days)."""
    if w.end is None or w.end == w.start:
        return None
    t = doc.t
    a = w.span[0]
    # 下周我在成都出差,15号到18号: the place may be in the clause before, never the line before
    line = t.rfind("\n", 0, a) + 1
    since = max(line, a - 24)
    m = _TRIP_BEFORE.search(t[since:a]) or _EN_TRIP_BEFORE.search(t[max(line, a - 40) : a])
    if m is not None and m.re is _EN_TRIP_BEFORE:
        since = max(line, a - 40)
    if m is None or m["place"] in ("公司", "单位", "现场", "那边", "这边"):
        return None
    if not doc.free(since + m.start("place"), since + m.end("place")):
        return None  # (马上飞马总打电话说: a person, no place)
    head = m.string
    place = m["place"]
    purpose = m["purpose"] or ("出差" if "出差" in head else None)
    end = w.end.date() if isinstance(w.end, datetime) else w.end
    idx = people.anchor(a)
    if (
        m.re is _EN_TRIP_BEFORE
        and (
            idx is None
            or people.anchor_pos(a) > since + m.start()  # (…to see Mr Tan: named after the trip)
            or re.search(r"(?i)(?a:\b)(?:I|I'm|I am|we|we're)(?a:\b)", t[line:a])
            or (place.isupper() and place not in _SHORT_PLACES)  # (he is OOO Dec 12-14)
        )
    ):
        return None  # (I will be in KL 8-10 Dec, meeting at Maybank Dec 8-10: nobody's trip)
    who = label_of(people.persons[idx]) if idx is not None else _leader_said(doc, people, line, a)
    return ItineraryFact(who, place, w.day, end, purpose)


def _leader_said(doc: Doc, people: People, since: int, until: int) -> str | None:
    """A leader named by the title alone before a trip (市交通局局长下周在北京学习,周一到周五)."""
    said = [m for m in _LEADER_SAID.finditer(doc.t, since, until) if doc.free(*m.span())]
    return _titled(people, said[-1].group().removeprefix("他们")) if said else None


def _titled(people: People, title: str) -> str:
    """The one contact the note names with ``title``, by their label (处长万建平不在…说处长下周
    在北京: 万处长), else the title itself."""
    holders = [p for p in people.persons if p.title == title]
    return (label_of(holders[0]) if len(holders) == 1 else None) or title


# Whom a trip goes to see, named after it: the trip is the rep's.
_VISITED_AFTER = re.compile(r"拜访|拜會|见|找|约")


def _speaker(doc: Doc, people: People, a: int) -> str | None:
    """Who wrote the chat line holding ``a``: the first one named on it (樊总：小吕，…)."""
    start = line_of(doc.t, a)[0]
    for m in people.mentions:
        if not m.pronoun and start <= m.start < a and m.contact >= 0:
            return label_of(people.persons[m.contact])
    return None


def _who(doc: Doc, people: People, a: int, b: int, place_pos: int) -> str | None:
    t = doc.t
    for m in people.mentions:
        if not m.pronoun and b <= m.start < place_pos and m.contact >= 0:
            return label_of(people.persons[m.contact])
    ca, _ = doc.clause(a)
    since = max(people.anchor_pos(a), ca, 0)
    boss = _BOSS.search(t, since, a) or _LEADER_ALONE.search(t, since, a)
    if boss and doc.free(boss.start(), boss.end()):
        return _titled(people, boss.group().removeprefix("他们").strip())
    idx = people.anchor(a)
    if idx is None:
        return None
    if people.anchor_pos(a) < 0 and _VISITED_AFTER.search(t, b, _sentence_end(t, b)):
        return None  # 下周一到周三去北京出差，顺便拜访王总: the rep's trip, 王总 the one visited
    return label_of(people.persons[idx])


# Voice input runs on: 见面那个就是谈一下… ends the reminder at the first filler.
_RUN_ON = re.compile(VOICE_FILLERS)
# What the customer does by a day (定下来, 挂网, 付款, 盖章, 发标, 下单…): a date of theirs.
_THEIR_DEED = re.compile(
    # (签约 is the rep's appointment too, 月底前要付款 the money the rep collects)
    r"^(?:要|会|就|才|能|想|再)?(?:定下来|定|挂网|付(?!款)|盖好?章|发出来|发标|走完流程|批下来|"
    r"批|下单|上线|上(?!班)|启动|下来|对账|截标|开工|"
    # (涂老板说年前要进一批货, 陈太讲农历新年前要订3000盒: their stock bought in)
    r"进一?批?货|订(?=[0-9一二两三四五六七八九十几百千]|货)|"
    # (新大楼3月18号搬迁, 节后2月18号恢复, 2月3号前到账, 4月20号前全部到库, 7月15号开始执行)
    r"搬迁|搬家|恢复|到账|(?:全部)?到库|调休|(?:开始)?执行|生效|停工|停产|投产|结清|"
    # (订单估计4月30号前下, 新图纸11月18号出: their order placed, their drawing out)
    r"下(?=[,。;\s]|$)|出(?=[,。;\s]|$|来)|"
    # (合同下周发过来: sent to the rep — theirs)
    r"(?:发|寄|送|传)过来|"
    # (采购年底前要完成: their step done, said with nothing after it)
    r"完成(?=[,。;\s]|$))(?![门去])"
)


def _third_party_before(t: str, a: int) -> bool:
    """Whether someone other than the rep is named in the sentence before ``a``."""
    return bool(_THIRD_PARTY.search(t, _sentence_start(t, a), a))


_sentence_end = sentence_end  # (。, ; or a line's end)


def _sentence_of(t: str, a: int) -> str:
    """The sentence holding ``a`` (up to 。, ; or a line's end)."""
    return t[_sentence_start(t, a) : _sentence_end(t, a)]


def _their_deed(doc: Doc, a: int, b: int) -> bool:
    """Whether the date at ``a``–``b`` is the day of the customer's own deed (他说合同月底前盖好章,
    尾款答应本月底付): a deed only they do, with someone other than the rep said before it."""
    t = doc.t
    ca, cb = doc.clause(a)
    if doc.said_by_customer(a):  # (周四我们财务会把尾款付了: 我们 is the customer in their line)
        return bool(_THEIR_DEED.match(t[b:cb].lstrip(" 前之")) or _PAID.match(t[b:cb].lstrip()))
    deed = _THEIR_DEED.match(t[b:cb].lstrip(" 前之")) or _MONEY_SENT.match(t, b, cb)
    if deed and deed.re is _MONEY_SENT and not re.search(r"[款钱]", t[ca:a]):
        deed = None  # (明天再打 is the rep's call; 货款这周五打, 钱下个月十号打 is their money)
    if deed and deed.group().endswith("完成") and _REP_PART.search(t, cb, _sentence_end(t, b)):
        return False  # 样品测试下周五前完成，然后我去拿报告: the rep's errand on that day
    return bool(deed and _third_party_before(t, a) and not re.search(r"[我咱]", t[ca:a]))


_MONEY_SENT = re.compile(r"\s*(?:要|会|就|才)?打(?=[,，。;\s]|$|[嗯啊吧呢])")
_PAID = re.compile(r"^我们[^\s,，。]{0,4}(?:会|要|就)?把[^\s,，。]{1,12}(?:付|打|结)")
_LAST_VISIT = re.compile(
    r"(?:之?前)?(?:最[后後]一(?:次|轮|趟)(?:拜[访訪]|见|去)|最[后後]一(?:轮|趟|个|篇|件事)"
    # 年前最后一周 plan, 年前盘点:, 年前收尾: a heading, the season it is written in
    # (元旦放假前最后一件事：…: the season, then the task)
    r"|最[后後]一周\s*(?:plan|计划|安排)|\s*(?:盘点|收尾|小结|总结)\s*[:：\n])"
)
# Who else may be the doer of a deed by a day: 他们年底定, 周经理说标书下周一发出来.
_THIRD_PARTY = re.compile(r"[他她]们?|对方|客户|说|讲|答应|[总局处工长理任]")
# The rep's own part said after someone else's errand: 我也要跟着去, 我得去现场签收, 我陪同,
# 到了给王总打电话确认, 要提前准备.
_REP_PART = re.compile(
    r"我(?:也|得|要|去|陪|负责|跟着|跟他|跟她)|(?:到了|之后|然后)?给[^\s,。;]{1,6}?打电话|要提前准备|得赶紧"
)
_LATIN_AFTER = re.compile(r"(?: +[A-Za-z][A-Za-z0-9.'-]*)+")
# A date said without a year this many days ahead is read as next year's only by the calendar.
_YEARLESS_AHEAD = 300
