"""Round nine of the note reader (2026-12-02): sentence in, facts out — voice input that parts
its words with spaces, a day said in parts, and 一下 before 下个礼拜."""

from __future__ import annotations

from datetime import datetime
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
    noon = datetime(2027, 2, 25, 12, 0, tzinfo=SH)
    (task,) = tasks("别忘了：9点半给晶科能源的祝经理发合同。", noon)
    assert task.due == datetime(2027, 2, 26, 9, 30, tzinfo=SH)
    assert task.action == "给祝经理发合同"
    # the minutes of a clock are no hour of their own
    (clock,) = tasks("明天10:30去晶科能源", noon)
    assert clock.due == datetime(2027, 2, 26, 10, 30, tzinfo=SH)
