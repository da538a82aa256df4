"""Property tests: parse_when never crashes, never answers nonsense, reads back renderings."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from parsing.dates import DAWN_HOUR, find_all_when, parse_when
from parsing.text import normalize

TZ = ZoneInfo("Asia/Shanghai")
WEEKDAYS = "一二三四五六日"

# Text that looks like reps' notes: date words, digits and punctuation mixed with anything.
FRAGMENTS = st.sampled_from(
    [
        *"0123456789一二两三四五六七八九十廿卅〇年月日号点分半刻周星期礼拜天前后今明昨下上这本",
        *("农历", "闰", "正月", "腊月", "初", "春节", "国庆", "十一", "中秋", "月底", "下周"),
        *("早上", "下午", "晚上", "凌晨", ".", "/", "-", ":", "到", "至", "~", " ", "万", "元"),
        *("%", "号楼"),
    ]
)
NOTE_LIKE = st.lists(st.one_of(FRAGMENTS, st.text(max_size=3)), max_size=40).map("".join)
NOW = st.datetimes(
    min_value=datetime(1950, 1, 1), max_value=datetime(2090, 12, 31), timezones=st.just(TZ)
)


def _check(text: str, now: datetime) -> None:
    for w in find_all_when(text, now):
        for value in (w.start, w.end):
            if value is None:
                continue
            assert isinstance(value, date)  # a real date (datetime is a date too)
            if isinstance(value, datetime):
                assert value.tzinfo is not None
        if w.end is not None:
            a = (
                w.start
                if isinstance(w.start, datetime)
                else datetime.combine(w.start, datetime.min.time(), TZ)
            )
            b = (
                w.end
                if isinstance(w.end, datetime)
                else datetime.combine(w.end, datetime.min.time(), TZ)
            )
            assert b >= a, (text, w)
        lo, hi = w.span
        assert 0 <= lo < hi <= len(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=500), NOW)
def test_no_exception_on_any_unicode(text: str, now: datetime) -> None:
    parse_when(text, now)
    _check(text, now)


@settings(max_examples=400, deadline=None)
@given(NOTE_LIKE, NOW)
def test_note_like_text_gives_real_dates_and_sane_ranges(text: str, now: datetime) -> None:
    _check(text, now)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_normalize_keeps_length(text: str) -> None:
    assert len(normalize(text)) == len(text)


@settings(max_examples=300, deadline=None)
@given(NOW, st.integers(min_value=0, max_value=364))
def test_rendered_month_day_reads_back(now: datetime, ahead: int) -> None:
    d = now.date() + timedelta(days=ahead)
    for text in (f"{d.month}月{d.day}日", f"{d.month}月{d.day}号", f"{d.month}.{d.day}号"):
        w = parse_when(text, now)
        assert w is not None and w.start == d, text


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2099, 12, 31)), NOW)
def test_rendered_full_date_reads_back(d: date, now: datetime) -> None:
    for text in (f"{d.year}年{d.month}月{d.day}日", d.isoformat(), f"{d.year}/{d.month}/{d.day}"):
        w = parse_when(f"约在{text}见面", now)
        assert w is not None and w.start == d, text


@settings(max_examples=200, deadline=None)
@given(NOW, st.integers(min_value=0, max_value=6), st.sampled_from(["周", "星期", "礼拜"]))
def test_rendered_weekday_reads_back(now: datetime, x: int, word: str) -> None:
    today = now.date()
    monday = today - timedelta(days=today.weekday())
    this = monday + timedelta(days=x)
    expected = {
        f"{word}{WEEKDAYS[x]}": this if this >= today else this + timedelta(weeks=1),
        f"下{word}{WEEKDAYS[x]}": this + timedelta(weeks=1),
        f"下下{word}{WEEKDAYS[x]}": this + timedelta(weeks=2),
    }
    for text, d in expected.items():
        w = parse_when(text, now)
        assert w is not None and w.start == d, text


@settings(max_examples=200, deadline=None)
@given(NOW, st.integers(min_value=0, max_value=23), st.integers(min_value=0, max_value=59))
def test_rendered_time_reads_back(now: datetime, hour: int, minute: int) -> None:
    # (before dawn 明天 is the coming morning's day, the calendar's today: the rep has not slept)
    tomorrow = now.date() + timedelta(days=0 if now.hour < DAWN_HOUR else 1)
    w = parse_when(f"明天{hour:02d}:{minute:02d}", now)
    assert w is not None
    assert w.start == datetime(tomorrow.year, tomorrow.month, tomorrow.day, hour, minute, tzinfo=TZ)
