"""The catalogs are complete: every user-facing string reads in all three languages."""

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from locales import LOCALES_DIR, SUPPORTED_LANGUAGES, translator

ROOT = Path(__file__).resolve().parents[1]
KEYWORDS = {"_": None, "N_": None, "their": None, "plural": (1, 2)}
PLACEHOLDER = re.compile(r"\{(\w*)\}")


def source_messages() -> set[str]:
    found: set[str] = set()
    for folder in ("bot", "handlers", "scheduler", "storage", "locales"):
        for _filename, _line, message, _comments, _context in extract_from_dir(
            ROOT / folder, keywords=KEYWORDS
        ):
            found.update([message] if isinstance(message, str) else message)
    return found


@pytest.fixture(scope="module")
def messages() -> set[str]:
    found = source_messages()
    assert len(found) > 50
    return found


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_message_is_translated(language: str, messages: set[str]) -> None:
    with (LOCALES_DIR / language / "LC_MESSAGES" / "salesbot.po").open("rb") as po:
        catalog = read_po(po, locale=language)
    translated = {str(m.id): str(m.string) for m in catalog if m.id}
    missing = sorted(m for m in messages if not translated.get(m))
    assert not missing, f"{language} lacks: {missing[:5]} (run make i18n, then translate)"
    unused = sorted(set(translated) - messages)
    assert not unused, f"{language} has unused entries: {unused[:5]}"
    for message_id, text in translated.items():
        assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(message_id)), message_id


def test_traditional_and_english_really_differ_from_the_source() -> None:
    assert translator("zh_Hant")("📝 记一笔") == "📝 記一筆"
    assert translator("en")("📝 记一笔") == "📝 Note"
    assert translator("zh_Hans")("📝 记一笔") == "📝 记一笔"


def test_placeholders_are_filled_after_translation() -> None:
    assert translator("en")("找到 {n} 个客户:", n=3) == "Found 3 customers:"
