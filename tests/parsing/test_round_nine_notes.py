"""Round nine of the note reader (2026-12-02): sentence in, facts out — voice input that parts
its words with spaces, a day said in parts, and 一下 before 下个礼拜."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from parsing.notes import FollowUpFact, parse_note

SH = ZoneInfo("Asia/Shanghai")
SAT = datetime(2026, 9, 26, 10, 30, tzinfo=SH)  # a Saturday


def tasks(text: str, now: datetime = SAT) -> list[FollowUpFact]:
    return parse_note(text, now).follow_ups


def test_a_task_dictated_word_by_word_is_kept_whole_not_cut_at_its_first_word() -> None:
    voice = (
        "嗯 今天去了 郑州宇通客车 的 技术中心 见了 那个 娄 娄工 然后 他说 那个 空调的 噪音 "
        "测试 没通过 就是 要我们 拿回去 整改 然后 下个礼拜一 之前 把 整改报告 给他"
    )
    (task,) = tasks(voice)
    assert task.due.isoformat() == "2026-09-28"
    assert task.action is not None and task.action.startswith("把整改报告给")


def test_a_dictated_task_ends_where_the_next_thing_begins() -> None:
    voice = (
        "那个 提醒我一下 明天上午 给 那个 太钢的 设备处 打电话 问一下 那个 辊道电机 的 "
        "中标结果 然后 礼拜三 去 太原"
    )
    first, second = tasks(voice)
    assert first.action is not None and "打电话" in first.action and "太原" not in first.action
    assert second.due.isoformat() == "2026-09-30" and second.action == "去太原"


def test_a_typed_note_whose_spaces_part_clauses_keeps_its_task_short() -> None:
    # a space between clauses is no run-on: 带上宣传册 is a second thing, not the first task's end
    (task,) = tasks("明天去扬州 见扬州市水利局范局长 带上宣传册")
    assert task.action is not None and "宣传册" not in task.action


def test_a_moment_then_next_weeks_day_is_next_week_not_the_week_after() -> None:
    # 记一下 + 下个礼拜一 (Monday 28th), not 下下个礼拜一 (5 October)
    assert [t.due.isoformat() for t in tasks("记一下下个礼拜一去唐山")] == ["2026-09-28"]
    assert [t.due.isoformat() for t in tasks("问一下下个礼拜一去唐山")] == ["2026-09-28"]
    assert [t.due.isoformat() for t in tasks("下下个礼拜一去唐山")] == ["2026-10-05"]
    voice = (
        "就是 那个 记一下 下个礼拜 一 去 唐山 曹妃甸 的 首钢京唐 找 那个 能源部 的 柏 部长 "
        "然后 礼拜三 回来 写 会谈纪要"
    )
    note = parse_note(voice, SAT)
    assert note.follow_ups[0].due.isoformat() == "2026-09-28"
    assert note.company != "那个记"  # a filler opens no company's name


def test_a_day_said_in_parts_is_one_day() -> None:
    note = "下个礼拜 三 上午 去国电南瑞 送报价单 顺便拜访 孙主任 九 点 半 到"
    (task,) = tasks(note)
    assert task.due.isoformat()[:10] == "2026-09-30"


def test_an_hour_said_alone_and_gone_today_is_tomorrows_when_still_to_do() -> None:
    evening = datetime(2026, 9, 14, 21, 40, tzinfo=SH)
    (task,) = tasks("提醒我8点给中交二航局的物资部郑部长打电话，问钢模板的款。", evening)
    assert task.due == datetime(2026, 9, 15, 8, 0, tzinfo=SH)
    # a day said keeps its hour, late: 今天上午10点 written at three is today's, overdue
    (late,) = tasks("提醒我今天上午10点给赵经理发资料", datetime(2026, 9, 14, 15, 0, tzinfo=SH))
    assert late.due == datetime(2026, 9, 14, 10, 0, tzinfo=SH)


def test_a_colon_after_words_opens_a_time() -> None:
    morning = datetime(2027, 2, 25, 8, 0, tzinfo=SH)
    (task,) = tasks("别忘了：9点半给晶科能源的祝经理发合同。", morning)
    assert task.due == datetime(2027, 2, 25, 9, 30, tzinfo=SH)
    assert task.action == "给祝经理发合同"
    noon = datetime(2027, 2, 25, 12, 0, tzinfo=SH)
    # a speaker's colon opens their line, not the rep's task (张总：3点前给你答复)
    assert tasks("张总：3点前给你答复", noon) == []
    # the minutes of a clock are no hour of their own
    (clock,) = tasks("明天10:30去晶科能源", noon)
    assert clock.due == datetime(2027, 2, 26, 10, 30, tzinfo=SH)


def company(text: str) -> str | None:
    return parse_note(text, SAT).company


def test_well_known_customers_are_found_by_their_short_names() -> None:
    assert company("后天 请客 中铝 谭处") == "中铝"
    assert company("下周二 催款 中粮") == "中粮"
    assert company("跟 那个 宁德时代 的 那个 设备 采购 部 的 那个 潘经理 聊完 微信") == "宁德时代"
    assert company("年底前要把中车株洲所的投标保证金退回手续办完。") == "中车株洲所"


def test_a_known_name_said_as_a_rival_or_a_supplier_is_not_the_customer() -> None:
    assert company("汇川 丢单 给了台达") != "台达"
    assert company("12月份采购了1500吨钢材 供应商是沙钢 价格4200元每吨") != "沙钢"


def test_a_name_then_its_department_or_role_then_the_person_is_the_customer() -> None:
    assert company("今天拜访了沈阳新松机器人的采购总监汪晓峰和研发的宁工") == "沈阳新松机器人"
    assert company("跟 ST Engineering 的 采购 Ken 黄 开了会, 他们今年要换 300 台 UPS.") == (
        "ST Engineering"
    )
    # a place, or a verb before the department, is nobody's customer
    assert company("今天去新竹科學園區的聯華電子拜訪廠務處黃經理") != "新竹科学园区"
    assert company("他们去年采购了五千台 就是给厂房用的 对吧 采购部刘姐人挺好") != "厂房用"


def test_a_venue_or_a_moment_is_no_customer() -> None:
    # (reading where the rep met someone as the customer was tried and dropped: 星巴克, 会上,
    # 价格上 and 广交会 came out as customers)
    assert company("今天在星巴克见了张总，聊了一个小时") is None
    assert company("上次的采购经理王总调走了，新来的是李经理") != "上次"
    assert company("展会上认识的采购经理王总约了下周见") != "展会上认识"


def test_a_visit_said_done_on_a_day_gone_is_that_days_visit() -> None:
    now = datetime(2026, 9, 16, 18, 0, tzinfo=SH)  # a Wednesday
    note = parse_note("上周三去过万华化学烟台工业园，安全环保部的孟部长说他们十月底招标截止。", now)
    assert note.interaction is not None
    assert (note.interaction.kind, note.interaction.when) == ("visit", date(2026, 9, 9))
    # our own meetings and a courier's delivery are no visit (开完会, 送到了 were tried)
    assert parse_note("今天开完会，老板说这个月要冲业绩", now).interaction is None
    assert parse_note("货送到了万华化学，张总签收了", now).interaction is None
    dinner = parse_note("Dinner with 京东物流 的采购总监裴文博 tonight was great.", now)
    assert dinner.interaction is not None and dinner.interaction.kind == "meal"


def test_an_hour_alone_is_read_the_way_the_rep_meant_it() -> None:
    evening = datetime(2026, 9, 16, 18, 0, tzinfo=SH)
    (tonight,) = tasks("提醒我8点给张总打电话", evening)
    assert tonight.due == datetime(2026, 9, 16, 20, 0, tzinfo=SH)  # tonight, not tomorrow 8
    (late,) = tasks("提醒我6点给张总回电话", datetime(2026, 9, 16, 18, 10, tzinfo=SH))
    assert late.due == datetime(2026, 9, 16, 18, 0, tzinfo=SH)  # just late: still today's
    (said,) = tasks("提醒我早上8点给张总打电话", datetime(2026, 9, 16, 8, 30, tzinfo=SH))
    assert said.due == datetime(2026, 9, 16, 8, 0, tzinfo=SH)  # a part of day said: as said
    (by,) = tasks("记得9点前把标书交了", datetime(2026, 9, 16, 9, 15, tzinfo=SH))
    assert by.due == datetime(2026, 9, 16, 9, 0, tzinfo=SH)  # a deadline missed stays missed
    (call,) = tasks("提醒我10点半给龙经理打电话", datetime(2026, 9, 16, 17, 30, tzinfo=SH))
    assert call.due == datetime(2026, 9, 17, 10, 30, tzinfo=SH)  # not 22:30


def test_what_reviewers_found_round_nine_misread() -> None:
    wed = datetime(2026, 9, 16, 18, 0, tzinfo=SH)
    (task,) = tasks("万一下下个礼拜一还没到货就给张总打电话", wed)
    assert task.due.isoformat() == "2026-09-28"  # 万一 + 下下个礼拜一
    (listed,) = tasks("明天 张总 电话 报价单 李工 样品 王经理 合同", wed)
    assert listed.action is not None and "合同" not in listed.action
    (quote,) = tasks("下周一 给 王经理 发 报价 他们 预算 200万 竞争对手 是 西门子", wed)
    assert quote.action is not None and "西门子" not in quote.action and "预算" not in quote.action
    assert company("核对一下下个月的回款计划") is None
    assert company("我们是台达的代理商，明天去拜访万华化学的李总") == "万华化学"
    assert company("宝钢的板材涨价了，今天拜访了三一重工的李总，他们也受影响") == "三一重工"
    assert company("张总说他们食堂用的是伊利的牛奶，我们的方案可以切入") is None
    assert company("今天在太古里见了张总") is None
    note = "今天跟王总吃饭 他说 下个礼拜 天天都在开会 约不上 月底再说"
    assert all(t.due.isoformat() != "2026-09-27" for t in tasks(note, wed))  # no 礼拜天


def test_a_meeting_the_customer_had_is_not_the_reps_visit() -> None:
    now = datetime(2026, 9, 16, 18, 0, tzinfo=SH)
    note = parse_note("周六跟省卫健委的高处长微信聊了几句，他说等他开完会再说。", now)
    assert note.interaction is not None and note.interaction.kind == "wechat"
    chat = "阚科长 17:20\n刚开完会，泵站监控的项目批了\n我 17:25\n好的阚科长 下周一上午九点到"
    told = parse_note(chat, now).interaction
    assert told is not None and told.kind == "wechat"


def test_the_thing_named_before_whoever_judged_it_is_the_headline() -> None:
    now = datetime(2026, 9, 16, 18, 0, tzinfo=SH)
    note = "上午去温州德力西见了采购部的汤经理，断路器外壳的模具费他同意分摊一半。"
    met = parse_note(note, now).interaction
    assert met is not None and met.summary == "断路器外壳的模具费"
    assert met.outcome is not None and "分摊一半" in met.outcome
    keen = parse_note("今天去金风科技见了艾工，主轴承的国产化替代他们很感兴趣。", now).interaction
    assert keen is not None and keen.summary is not None and "国产化替代" in keen.summary
    # a bare word before 他说 may be a name or a place: no headline is made of it
    told = parse_note("今天拜访了万科的张总，上海他说下个月再去。", now).interaction
    assert told is None or told.summary != "上海"


def test_a_weekday_that_goes_on_a_weekly_habit_is_no_task() -> None:
    habit = "华润万家每周一上午开采购例会，周五对账。"
    assert tasks(habit) == []
    # a weekday in a sentence of its own is still the rep's task
    (task,) = tasks("华润万家每周一开例会。周五我去对账。")
    assert task.due.isoformat() == "2026-10-02"


def test_telegraphic_notes_name_their_meeting_and_the_next_try() -> None:
    fri = datetime(2026, 11, 6, 17, 50, tzinfo=SH)
    (meal,) = tasks("宁波银行孔行 下周二饭局", fri)
    assert (meal.due.isoformat(), meal.action) == ("2026-11-10", "饭局")
    (again,) = tasks("刘总电话未接 明再打", fri)
    assert again.due.isoformat() == "2026-11-07"
    # 发标书 is the rep sending the bid; 发标 alone is the buyer's step
    (bid,) = tasks("11号前 发标书 省电投", datetime(2026, 12, 9, 13, 0, tzinfo=SH))
    assert bid.due.isoformat() == "2026-12-11"
    assert tasks("省电投11号发标", datetime(2026, 12, 9, 13, 0, tzinfo=SH)) == []
    # someone's own trip right after their name stays theirs
    assert tasks("张总下周三出差", fri) == []


def test_a_contact_told_after_a_dated_visit_in_the_same_sentence_is_that_days() -> None:
    wed = datetime(2026, 9, 16, 18, 0, tzinfo=SH)
    visit = parse_note("上周三去过万华化学，见了李总", wed).interaction
    assert visit is not None and visit.when == date(2026, 9, 9)  # not today
    again = parse_note("上周三去过万华化学。今天又见了李总", wed).interaction
    assert again is not None and again.when == date(2026, 9, 16)  # a sentence of its own


def test_a_call_at_an_hour_said_alone_without_a_word_of_done_is_still_to_make() -> None:
    late = datetime(2026, 12, 9, 17, 30, tzinfo=SH)
    note = parse_note("10点半给上海电气的采购部龙经理回电话，问电机壳体的付款。", late)
    assert note.interaction is None  # no call invented
    assert [f.due for f in note.follow_ups] == [datetime(2026, 12, 10, 10, 30, tzinfo=SH)]
    done = parse_note("10点半给龙经理回了电话，他说下周付款", late)
    assert done.interaction is not None and done.interaction.kind == "call"
    told = parse_note("10点给龙经理打电话 他说下周付款", late)  # what he said: it took place
    assert told.interaction is not None and told.interaction.kind == "call"


def test_a_pasted_chat_keeps_the_hour_agreed_for_the_day() -> None:
    # the rep's 周六上午十点到 was swallowed as a range running into the next line's stamp
    chat = (
        "1月14日 20:31 杜局：资料收到，周六我在家，你上午过来坐坐吧\n"
        "1月14日 20:33 我：好的杜局，周六上午十点到\n1月14日 20:33 杜局：行"
    )
    (visit,) = tasks(chat, datetime(2027, 1, 14, 20, 40, tzinfo=SH))
    assert visit.due == datetime(2027, 1, 16, 10, 0, tzinfo=SH)
    # 会议室见 is where to meet, not a state of the customer's
    room = "[2026-11-19 19:22] 华电福建 黄工：明天上午10点会议室见，带上图纸\n[2026-11-19 19:30] 我：好的黄工，准时到"
    (meet,) = tasks(room, datetime(2026, 11, 19, 19, 40, tzinfo=SH))
    assert meet.due == datetime(2026, 11, 20, 10, 0, tzinfo=SH)
    # an hour given on its own line answers for the day under discussion, not the stamp's day
    agreed = (
        "昨天 21:12 祁总：下周一你们来一趟，把巡检平台的合同签了\n昨天 21:15 我：好的祁总，几点方便？\n"
        "昨天 21:20 祁总：上午十点\n\n（苏州港口集团）"
    )
    (sign,) = tasks(agreed, datetime(2027, 1, 12, 9, 30, tzinfo=SH))
    assert sign.due == datetime(2027, 1, 18, 10, 0, tzinfo=SH)


def test_whom_a_customer_finds_is_their_own_step() -> None:
    # (找 someone by a day as the rep's errand was tried: 张总月底前找财务把尾款付了 and
    # 客户下周找别家比价 became the rep's tasks)
    wed = datetime(2026, 9, 16, 18, 0, tzinfo=SH)
    assert tasks("张总月底前找财务把尾款付了", wed) == []
    assert tasks("王局下周一找第三方评审", wed) == []
    assert tasks("明天会议室被占了", wed) == []  # 会议室见 is a meeting place; this is a state


def test_what_the_second_review_found() -> None:
    wed = datetime(2026, 9, 16, 18, 0, tzinfo=SH)
    # a contact said 刚/又 after a dated visit is today's own
    again = parse_note("上周三去过万华化学，李总不在，刚才又给他打了电话", wed).interaction
    assert again is not None and (again.kind, again.when) == ("call", date(2026, 9, 16))
    # a morning hour written that morning is today's, late — not 9 in the evening
    (late,) = tasks("提醒我9点给张总发报价", datetime(2026, 9, 16, 10, 0, tzinfo=SH))
    assert late.due == datetime(2026, 9, 16, 9, 0, tzinfo=SH)
    # a call at an hour said alone, with what was said there, took place
    told = parse_note(
        "10点半跟龙经理通电话，他同意下周付款", datetime(2026, 9, 16, 17, 30, tzinfo=SH)
    )
    assert told.interaction is not None and told.interaction.kind == "call"
    # an hour inside a longer chat line is not the answer for a day discussed before
    chat = (
        "今天 08:50 祁总：下周一来签合同\n今天 08:55 我：好的\n"
        "今天 08:56 我：我10点给您打电话确认细节"
    )
    dues = {f.due for f in tasks(chat, datetime(2027, 1, 12, 9, 30, tzinfo=SH))}
    assert datetime(2027, 1, 18, 10, 0, tzinfo=SH) not in dues


def test_a_kind_a_wait_or_a_festival_day_is_no_company() -> None:
    assert company("马行长：把同类银行的案例整理一份发我，今天就要") != "类银行"
    assert company("今日同九龍巴士嘅陳經理飲咗茶，佢話要等董事局批。") != "等董事局"
    assert company("大年初四\n彭总 09:13 新年快乐！年后咱们把二期的事定下来") != "大年初四"
    assert company("下下周一上午去中车青岛四方汇报。") == "中车青岛四方"


def test_a_part_of_today_not_begun_holds_no_visit_done() -> None:
    note = "今天下午拜訪台積電南京廠 林經理,他說明年第一季要擴產,下週一再電話聯繫"
    morning = parse_note(note, datetime(2026, 12, 7, 9, 5, tzinfo=SH))
    assert morning.interaction is None  # the afternoon is still to come: a plan
    assert morning.follow_ups[0].due == datetime(2026, 12, 7, 14, 0, tzinfo=SH)
    evening = parse_note(note, datetime(2026, 12, 7, 17, 5, tzinfo=SH))
    assert evening.interaction is not None and evening.interaction.kind == "visit"
    lunch = parse_note("今天中午和曾总吃了饭 他很满意", datetime(2026, 12, 7, 9, 5, tzinfo=SH))
    assert lunch.interaction is not None  # said done (了), whatever the clock
