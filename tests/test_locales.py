"""The catalogs are complete: every user-facing string reads in all three languages."""

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
    assert translator("en")("找到 {n} 个客户:", n=3) == "Found 3 customers:"
