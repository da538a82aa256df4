"""Benchmark: "is this the same customer?" (storage/matching.py), how right and how fast.

    python -m bench.matching [--customers 2000] [--typed 300]

Right: labelled pairs of company names (an archived name, a name as a rep types it) — the same
company written otherwise, a short name or a slip, and different companies that look alike.
Each pair is judged by our rule and by the one it replaces beside it: the exact folded name,
then rapidfuzz's WRatio ≥ 82 as "did you mean" (the old CustomerRepo.match). A colleague's
customer is protected only by "same" (the first-recorded rule), so a different company must
never be "same"; "asked" is a question the rep answers with one button.

Fast: a team of N customers, names typed as reps type them (exact, longer, shorter, new);
the median µs per verdict beside the old rule's fuzzy pass over the same names.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from rapidfuzz import fuzz, process

from bench._figures import Figure, record
from storage.actor import Actor
from storage.matching import LIKELY_MATCH, Named, TeamNames, Verdict
from storage.models import Role
from storage.search import fold

# (archived, typed)
SAME = [
    ("华东电力设计院", "华东电力设计研究院"),
    ("华东电力设计院", "江苏省华东电力设计院有限公司"),
    ("华东电力设计院", "華東電力設計院"),
    ("上海建工集团", "上海建工集团股份有限公司"),
    ("北京四方继保自动化股份有限公司", "北京四方继保自动化"),
    ("北京四方继保自动化股份有限公司", "四方继保自动化有限公司"),
    ("南京银行", "南京银行股份有限公司"),
    ("中国电建集团华东勘测设计研究院有限公司", "中国电建集团华东勘测设计院"),
    ("国网苏州供电公司", "国网苏州供电"),
    ("万科企业股份有限公司", "万科企业"),
    ("江苏省交通控股有限公司", "江苏交通控股"),
    ("苏州水务集团有限公司", "苏州水务"),
    ("广东电网有限责任公司", "广东电网公司"),
    ("浙江省建筑设计研究院", "浙江省建筑设计院"),
    ("深圳市腾讯计算机系统有限公司", "腾讯计算机系统"),
    ("中华电力", "中華電力"),
    ("中華電力有限公司", "中华电力"),
]
MAYBE = [
    ("华东电力设计院", "华电院"),
    ("华东电力设计院", "华东电力设记院"),
    ("国网苏州供电公司", "苏州供电"),
    ("南京市第一医院", "南京一院"),
    ("上海交通大学", "上海交大"),
    ("中国石油化工股份有限公司", "中石化"),
    ("江苏省人民医院", "省人医"),
    ("南京地铁集团有限公司", "南京地贴集团"),
    ("华东电力设计院", "华东院"),
    ("万科", "深圳万科"),
    ("国网苏州供电局", "苏州供电"),
]
DIFFERENT = [
    ("华东电力设计院", "华北电力设计院"),
    ("华东电力设计院", "西南电力设计院"),
    ("江苏移动", "广东移动"),
    ("南京银行", "北京银行"),
    ("上海建工集团", "上海城建集团"),
    ("苏州水务", "无锡水务"),
    ("国网苏州供电公司", "国网无锡供电公司"),
    ("万科企业", "万达集团"),
    ("南京市第一医院", "南京市第二医院"),
    ("中国银行", "中国农业银行"),
    ("江苏华东电力设计院", "广东华东电力设计院"),
    ("华东电力设计院", "华东"),
    # A short core inside a longer name is no match (tryout 10): 华电 in 中华电力.
    ("华电集团", "中華電力"),
    ("华电集团", "中华电力有限公司"),
]

REP = Actor(member_id=1, team_id=1, role=Role.REP)


def _named(cid: int, name: str, owner: int = 1) -> Named:
    return Named(cid, owner, name, fold(name))


def ours(archived: str, typed: str) -> str:
    verdict = TeamNames.of([_named(1, archived)], {}).verdict(typed, REP)
    if verdict.exact is not None:
        return "same"
    # Of a colleague's customer, "same" is what the first-recorded rule stands on.
    colleague = TeamNames.of([_named(1, archived, owner=2)], {}).verdict(typed, REP)
    if colleague.colleague is not None:
        return "same"
    return "asked" if verdict.likely else "none"


def old(archived: str, typed: str) -> str:
    if fold(archived) == fold(typed):
        return "same"
    return "asked" if fuzz.WRatio(fold(typed), fold(archived)) >= LIKELY_MATCH else "none"


def accuracy() -> None:
    print("pairs: archived → typed (ours | old)")
    rows: dict[str, tuple[int, int, int, int]] = {}
    for label, pairs in (("same", SAME), ("maybe", MAYBE), ("different", DIFFERENT)):
        ours_same = ours_asked = old_same = old_asked = 0
        for archived, typed in pairs:
            a, b = ours(archived, typed), old(archived, typed)
            ours_same += a == "same"
            ours_asked += a == "asked"
            old_same += b == "same"
            old_asked += b == "asked"
            print(f"  {label:9} {archived} → {typed}: {a} | {b}")
        rows[label] = (ours_same, ours_asked, old_same, old_asked)
        print(
            f"{label}: {len(pairs)} pairs — ours same {ours_same}, asked {ours_asked}; "
            f"old same {old_same}, asked {old_asked}"
        )
    same_s, same_a, old_s, old_a = rows["same"]
    record(
        Figure(
            "matching",
            f"the same company written otherwise ({len(SAME)} pairs) known as the same",
            f"{same_s}/{len(SAME)} (asked {same_a})",
            f"exact name then WRatio ≥ {LIKELY_MATCH}: {old_s}/{len(SAME)} (asked {old_a})",
            "",
            "",
        )
    )
    maybe_s, maybe_a, mold_s, mold_a = rows["maybe"]
    record(
        Figure(
            "matching",
            f"short names and slips ({len(MAYBE)} pairs) asked about",
            f"{maybe_s + maybe_a}/{len(MAYBE)}",
            f"WRatio ≥ {LIKELY_MATCH}: {mold_s + mold_a}/{len(MAYBE)}",
            "",
            "",
        )
    )
    diff_s, diff_a, dold_s, dold_a = rows["different"]
    record(
        Figure(
            "matching",
            f"different companies ({len(DIFFERENT)} pairs) taken for the same (asked)",
            f"{diff_s}/{len(DIFFERENT)} (asked {diff_a})",
            f"WRatio ≥ {LIKELY_MATCH}: {dold_s}/{len(DIFFERENT)} (asked {dold_a})",
            "",
            "0 taken for the same",
        )
    )


PLACES = ["", "江苏省", "江苏", "上海", "浙江省", "广东", "北京"]
CITIES = ["南京", "苏州", "无锡", "常州", "杭州", "宁波", "合肥", "武汉", "成都", "西安"]
TRADES = ["电力", "水务", "燃气", "交通", "建工", "地铁", "港务", "通信", "石化", "医药"]
KINDS = ["设计院", "设计研究院", "集团", "有限公司", "股份有限公司", "供电公司", "研究所", "医院"]


def team(size: int, rng: random.Random) -> list[str]:
    names: dict[str, None] = {}
    while len(names) < size:
        name = (
            rng.choice(PLACES)
            + rng.choice(CITIES)
            + rng.choice(TRADES)
            + rng.choice(["", "第一", "第二", "华东", "城建"])
            + rng.choice(KINDS)
        )
        names.setdefault(f"{name}{rng.randint(1, 99) if rng.random() < 0.3 else ''}")
    return list(names)


def typed_like_reps(names: list[str], count: int, rng: random.Random) -> list[str]:
    out = []
    for i in range(count):
        name = rng.choice(names)
        kind = i % 4
        if kind == 0:
            out.append(name)  # exact
        elif kind == 1:
            out.append(name + "有限公司")  # longer
        elif kind == 2:
            out.append(name[: max(2, len(name) - 3)])  # shorter
        else:
            out.append(rng.choice(CITIES) + "新" + rng.choice(TRADES) + "科技")  # new
    return out


def speed(customers: int, count: int) -> None:
    rng = random.Random(14)
    names = team(customers, rng)
    rows = [_named(i, name, owner=1 + i % 5) for i, name in enumerate(names, 1)]
    typed = typed_like_reps(names, count, rng)
    started = time.perf_counter()
    table = TeamNames.of(rows, {})
    built = (time.perf_counter() - started) * 1000
    ours_us, old_us, bulk_us = [], [], []
    verdicts: list[Verdict] = []
    folded = [row.normalized for row in rows]
    for text in typed:
        started = time.perf_counter()
        verdicts.append(table.verdict(text, REP))
        ours_us.append((time.perf_counter() - started) * 1e6)
        started = time.perf_counter()
        table.verdict(text, REP, fuzzy=False)  # as an import asks
        bulk_us.append((time.perf_counter() - started) * 1e6)
        started = time.perf_counter()
        process.extract(fold(text), folded, scorer=fuzz.WRatio, limit=3, score_cutoff=82)
        old_us.append((time.perf_counter() - started) * 1e6)
    ours_median, old_median = statistics.median(ours_us), statistics.median(old_us)
    bulk_median = statistics.median(bulk_us)
    print(
        f"a team of {customers:,} customers (5 reps), {count} names typed: "
        f"loading the names {built:.1f} ms (first time; keys are cached), "
        f"a verdict {ours_median:.0f} µs median, the old fuzzy pass {old_median:.0f} µs, "
        f"an import's verdict (no near spellings) {bulk_median:.0f} µs"
    )
    record(
        Figure(
            "matching",
            f"one verdict over a team of {customers:,} customers",
            f"{ours_median:.0f} µs median",
            f"old rule's rapidfuzz pass over the same names: {old_median:.0f} µs",
            f"{ours_median / old_median:.1f}×",
            "",
        )
    )
    record(
        Figure(
            "matching",
            f"an import's verdict (no near spellings), a team of {customers:,}",
            f"{bulk_median:.0f} µs median",
            f"old import: one by_name query per company (not measured here); "
            f"old fuzzy pass {old_median:.0f} µs",
            f"{bulk_median / old_median:.2f}×",
            "",
        )
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.matching", description=__doc__)
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--typed", type=int, default=300)
    args = parser.parse_args(argv)
    accuracy()
    speed(args.customers, args.typed)


if __name__ == "__main__":
    main()
