"""A year of pushes for one rep, day by day with a moved clock: every birthday greeted once on
its day (solar, lunar, a leap-month one, a day-30 one, Feb 29, a family member's), notices 7
and 3 days ahead, a festival reminder three days before, one digest a day at most."""

import re
from collections import Counter
from datetime import date, timedelta

from lunar_python import Lunar

from storage.models import Grade
from tests.builders import Archive, Pushes, local, member_of
from tests.conftest import BotHarness


def lunar(year: int, month: int, day: int) -> date:
    solar = Lunar.fromYmd(year, month, day).getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


async def test_a_year_of_birthdays_festivals_and_digests(bot: BotHarness) -> None:
    rep = bot.user("王磊")
    await rep.send("/start")
    archive = Archive(bot, await member_of(bot, rep))
    start = date(2027, 1, 1)
    company = await archive.customer("华东电力设计院", Grade.A)
    people = {
        "王局长": dict(birthday=(3, 15), year=1975),
        "李处长": dict(birthday=(2, 29)),
        "赵总": dict(birthday=(3, 8), lunar=True),
        "钱主任": dict(birthday=(5, 10), lunar=True, leap=True),
        "孙科长": dict(birthday=(8, 30), lunar=True),
    }
    contacts = {}
    for salutation, birthday in people.items():
        contacts[salutation] = await archive.contact(
            company, salutation[0] + "某", salutation=salutation, today=start,
            key_leader=True, **birthday,  # type: ignore[arg-type]
        )  # fmt: skip
    await archive.family(contacts["王局长"], "儿子", (6, 1), start)

    pushes = Pushes.of(bot)
    greetings: Counter[tuple[str, date]] = Counter()
    digests: Counter[date] = Counter()
    festival_days: list[date] = []
    notices: dict[str, list[date]] = {}
    day = start
    while day.year == 2027:
        for call in await pushes.at(local(day.year, day.month, day.day, 8, 30)):
            if call.text.startswith("🎂 今天是"):
                who = call.text.split("今天是", 1)[1].split("(", 1)[0]
                if "的儿子" in call.text:
                    who = "王局长的儿子"
                    assert "祝令郎生日快乐" in call.text
                greetings[(who, day)] += 1
            elif call.text.startswith("早上好"):
                digests[day] += 1
                for who in re.findall(r"天后 ([^(（\s]+)[(（]", call.text):
                    notices.setdefault(who, []).append(day)
            elif call.text.startswith("🎉"):
                festival_days.append(day)
                assert "A类客户的关键人" in call.text
        day += timedelta(days=1)

    expected = {
        ("王局长", date(2027, 3, 15)),
        ("李处长", date(2027, 2, 28)),  # Feb 29 in a common year
        ("赵总", lunar(2027, 3, 8)),  # 农历三月初八 = 4月14日
        ("钱主任", lunar(2027, 5, 10)),  # 闰五月初十: no leap month in 2027, the regular one
        ("孙科长", lunar(2027, 8, 29)),  # 八月三十: 2027's eighth month has 29 days
        ("王局长的儿子", date(2027, 6, 1)),
    }
    assert set(greetings) == expected
    assert all(count == 1 for count in greetings.values())
    assert max(digests.values()) == 1
    # Notices a week and three days ahead of each birthday.
    assert notices["王局长"] == [date(2027, 3, 8), date(2027, 3, 12)]
    assert notices["赵总"] == [date(2027, 4, 7), date(2027, 4, 11)]
    # Festival reminders three days before each festival, once.
    assert date(2027, 9, 12) in festival_days  # 中秋 9月15日
    assert date(2027, 9, 28) in festival_days  # 国庆
    assert date(2027, 2, 2) in festival_days  # 除夕 2月5日
    assert len(festival_days) == len(set(festival_days)) == 9 - 1 + 1  # 元旦 2028 is in Dec
