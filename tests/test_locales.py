"""The catalogs are complete: every user-facing string reads in all three languages."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from locales import LOCALES_DIR, SUPPORTED_LANGUAGES, translator

ROOT = Path(__file__).resolve().parents[1]
KEYWORDS = {"_": None, "N_": None, "their": None, "plural": (1, 2)}
PLACEHOLDER = re.compile(r"\{(\w*)\}")


Message = str | tuple[str, str]  # a plural message is (msgid, msgid_plural)


def source_messages() -> set[Message]:
    found: set[Message] = set()
    for folder in ("bot", "handlers", "scheduler", "storage", "locales"):
        for _filename, _line, message, _comments, _context in extract_from_dir(
            ROOT / folder, keywords=KEYWORDS
        ):
            found.add(message if isinstance(message, str) else (message[0], message[1]))
    return found


@pytest.fixture(scope="module")
def messages() -> set[Message]:
    found = source_messages()
    assert len(found) > 50
    return found


def plural_calls() -> set[str]:
    """The singular of every `….plural("…", "…", n)` in the source, read by Python itself."""
    singulars: set[str] = set()
    for folder in ("bot", "handlers", "scheduler", "storage", "locales"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "plural"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    singulars.add(node.args[0].value)
    return singulars


def test_every_plural_call_is_extracted_as_a_plural(messages: set[Message]) -> None:
    """Babel reads `_` passed as an argument inside a call (day_with_weekday(_, on)) as a call
    of its own and then keeps only the singular: the English catalog would have no plural for it,
    and ngettext would answer in Chinese. Such an argument is computed before the call."""
    extracted = {m[0] for m in messages if isinstance(m, tuple)}
    calls = plural_calls()
    assert len(calls) > 30
    assert calls == extracted, sorted(calls ^ extracted)


def read_catalog(language: str) -> Catalog:
    with (LOCALES_DIR / language / "LC_MESSAGES" / "salesbot.po").open("rb") as po:
        return read_po(po, locale=language)


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def counts_per_form(catalog: Catalog) -> dict[int, set[int]]:
    """Which counts each plural form is used for, by the catalog's own Plural-Forms rule."""
    choose = gettext.c2py(catalog.plural_expr)
    counts: dict[int, set[int]] = {}
    for n in range(1000):
        counts.setdefault(choose(n), set()).add(n)
    return counts


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_message_is_translated(language: str, messages: set[Message]) -> None:
    catalog = read_catalog(language)
    entries = [m for m in catalog if m.id]
    fuzzy = [m.id for m in entries if m.fuzzy]
    assert not fuzzy, f"{language}: fuzzy entries are not used: {fuzzy[:5]}"
    translated: dict[Message, str | tuple[str, ...]] = {}
    for m in entries:
        key = m.id if isinstance(m.id, str) else (m.id[0], m.id[1])
        translated[key] = m.string if isinstance(m.string, str) else tuple(m.string or ())
    missing = sorted(str(m) for m in messages if m not in translated)
    assert not missing, f"{language} lacks: {missing[:5]} (run make i18n, then translate)"
    unused = sorted(str(m) for m in set(translated) - messages)
    assert not unused, f"{language} has unused entries: {unused[:5]}"
    forms = counts_per_form(catalog)
    assert len(forms) == catalog.num_plurals
    for message_id, text in translated.items():
        if isinstance(message_id, str):
            assert isinstance(text, str) and text, f"{language} lacks: {message_id}"
            assert placeholders(text) == placeholders(message_id), message_id
            continue
        singular, plural = message_id
        assert placeholders(singular) == placeholders(plural), message_id
        assert "n" in placeholders(plural), f"the count is {{n}}: {message_id}"
        assert isinstance(text, tuple) and len(text) == catalog.num_plurals, message_id
        for form, words in enumerate(text):
            assert words, f"{language} lacks form {form} of {singular}"
            # Only a form used for one count alone may leave it out: "The follow-up it made".
            allowed = placeholders(plural) - ({"n"} if len(forms[form]) == 1 else set())
            assert allowed <= placeholders(words) <= placeholders(plural), (form, singular)


def test_traditional_and_english_really_differ_from_the_source() -> None:
    assert translator("zh_Hant")("📝 记一笔") == "📝 記一筆"
    assert translator("en")("📝 记一笔") == "📝 Note"
    assert translator("zh_Hans")("📝 记一笔") == "📝 记一笔"


def test_placeholders_are_filled_after_translation() -> None:
    assert translator("en")("{label}现在是:{value}", label="Phone", value="138") == (
        "Phone is now: 138"
    )
    found = "找到 {n} 个客户:"
    assert translator("en").plural(found, found, 3) == "Found 3 customers:"


@pytest.mark.parametrize(
    ("message", "values", "one", "three"),
    [
        ("找到 {n} 个客户:", {}, "Found 1 customer:", "Found 3 customers:"),
        ("(已逾期 {n} 天)", {}, " (overdue 1 day)", " (overdue 3 days)"),
        (
            "{grade}类 {customer} 已 {n} 天未联系",
            {"grade": "A", "customer": "万科"},
            "Grade A 万科: no contact for 1 day",
            "Grade A 万科: no contact for 3 days",
        ),
        ("{n} 天后", {}, "in 1 day", "in 3 days"),
        ("…还有 {n} 位联系人", {}, "…and 1 more contact", "…and 3 more contacts"),
        ("最近联系:{n} 天前", {}, "Last contact: 1 day ago", "Last contact: 3 days ago"),
        (
            ",还有 {n} 个工作日({date}前)",
            {"date": "12/3"},
            "; 1 working day left (by 12/3)",
            "; 3 working days left (by 12/3)",
        ),
        (
            "👥 团队「{team}」 · {n} 人",
            {"team": "华东"},
            "👥 Team “华东” · 1 member",
            "👥 Team “华东” · 3 members",
        ),
        (
            "⚠️ 有 {n} 行有问题,不会导入:",
            {},
            "⚠️ 1 row has a problem and will not be imported:",
            "⚠️ 3 rows have problems and will not be imported:",
        ),
        (
            "它带出的 {n} 条跟进也一起改过去。",
            {},
            "The follow-up it made moves with it.",
            "The 3 follow-ups it made move with it.",
        ),
    ],
)
def test_english_reads_right_for_one_and_for_more(
    message: str, values: dict[str, str], one: str, three: str
) -> None:
    english = translator("en")
    assert english.plural(message, message, 1, **values) == one
    assert english.plural(message, message, 3, **values) == three
    assert english.plural(message, message, 0, **values) == three.replace("3", "0", 1)


def test_chinese_keeps_one_text_for_every_count() -> None:
    message = "(已逾期 {n} 天)"
    for n in (1, 3):
        assert translator("zh_Hans").plural(message, message, n) == f"(已逾期 {n} 天)"
        assert translator("zh_Hant").plural(message, message, n) == f"(已逾期 {n} 天)"
    assert translator("zh_Hant").plural("最近联系:{n} 天前", "最近联系:{n} 天前", 1) == (
        "最近聯絡:1 天前"
    )


def test_plural_forms_are_each_form_unfilled_once() -> None:
    message = "(已逾期 {n} 天)"
    assert translator("en").plural_forms(message, message) == [
        " (overdue {n} day)",
        " (overdue {n} days)",
    ]
    assert translator("zh_Hans").plural_forms(message, message) == ["(已逾期 {n} 天)"]


# English that names a count's noun in the plural and is no plural message, on purpose: the
# count is a fixed limit or size, never 1 (a field's length, FORECAST_MONTHS, TREND_WEEKS, the
# export's sheets), or the message is used for two or more only (one customer has its own).
FIXED_COUNTS = {
    "{label}太长(最多 {n} 个字)",
    "{label}太长了(最多 {n} 个字),请精简后再发。",
    "{what}太长了(最多 {limit} 个字)。",
    "太长了(最多 {limit} 个字),请精简一下。",
    "这不像会谈纪要:请用至少 {n} 个字写下谈了什么、对方的意见、约定的下一步。(/cancel 放弃)",
    "阶段名称请写 2 到 {n} 个字,不能和别的阶段重名,例如:方案交流(/cancel 放弃修改)",
    "未来 {n} 个月预计签约",
    "近 {n} 周团队联系客户趋势",
    "📊 Excel(全部 {n} 张表)",
    "📌 经理 {manager} 把 {n} 个客户交给你负责了:{names}{more}。请在一周内各联系一次。",
}
ONE_OF_MANY = re.compile(
    r"\b1 (?:more |new |usable |overdue |working )?(?:days|customers|contacts|rows|members|deals"
    r"|follow-ups|digits|summaries|archives|weeks|months|sheets|characters|letters|duplicates)\b"
    r"|\(s\)"
)


COUNTS = {"n", "days", "count", "a", "b", "c", "new", "known", "customers", "contacts", "filled"}
COUNTS |= {"skipped", "minutes", "archives"}  # {limit} and {mb} are fixed limits, never 1


def test_no_english_text_says_one_with_a_plural_noun() -> None:
    """Every count filled with 1 (and a plural message's first form): no "1 days", no "(s)"."""
    catalog = read_catalog("en")
    for message in catalog:
        if not message.id or message.id in FIXED_COUNTS:
            continue
        text = message.string if isinstance(message.string, str) else (message.string or [""])[0]
        filled = text.format(**{p: 1 if p in COUNTS else "X" for p in placeholders(text)})
        assert not ONE_OF_MANY.search(filled), (message.id, filled)
