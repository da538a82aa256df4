"""Translations: gettext catalogs for zh_Hans (the source language), zh_Hant and en.

Message ids are the Simplified Chinese texts themselves. Catalogs are read from the .po files
with Babel at first use and turned into ordinary gettext objects in memory, so a fresh clone
needs no compile step and can never run with a stale .mo file.
"""

from __future__ import annotations

import gettext
import io
import re
from functools import lru_cache
from pathlib import Path
from typing import Final

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES_DIR: Final = Path(__file__).resolve().parent
DOMAIN: Final = "salesbot"
SOURCE_LANGUAGE: Final = "zh_Hans"
SUPPORTED_LANGUAGES: Final = ("zh_Hans", "zh_Hant", "en")

# Telegram's language_code is an IETF tag; these map it onto our three catalogs.
_HANT_TAGS: Final = {"zh-hant", "zh-tw", "zh-hk", "zh-mo"}
_HANS_TAGS: Final = {"zh-hans", "zh-cn", "zh-sg", "zh"}
_SUFFIXES: Final = re.compile(r"-(beta|raw)$")


def language_from_telegram(code: str | None) -> str:
    """Choose a catalog for Telegram's `language_code`; anything unknown reads Simplified."""
    if not code:
        return SOURCE_LANGUAGE
    tag = _SUFFIXES.sub("", code.strip().lower().replace("_", "-"))
    if tag in _HANT_TAGS or tag.startswith("zh-hant"):
        return "zh_Hant"
    if tag in _HANS_TAGS or tag.startswith("zh-hans"):
        return "zh_Hans"
    if tag == "en" or tag.startswith("en-"):
        return "en"
    return SOURCE_LANGUAGE


class Translator:
    """gettext for one language, with str.format placeholders filled in after lookup."""

    def __init__(self, language: str, catalog: gettext.NullTranslations) -> None:
        self.language = language
        self._catalog = catalog

    def __call__(self, message: str, /, **values: object) -> str:
        text = self._catalog.gettext(message)
        return text.format(**values) if values else text

    def plural(self, singular: str, plural: str, n: int, /, **values: object) -> str:
        """A message whose words follow the count {n}: Found 1 customer: / Found 3 customers:
        (the Chinese catalogs have one form, so their msgid and msgid_plural are the same)."""
        text = self._catalog.ngettext(singular, plural, n)
        return text.format(n=n, **values)

    def plural_forms(self, singular: str, plural: str) -> list[str]:
        """A plural message's texts before {n} is filled, each once: how a line already sent is
        recognised. A count of 1 and of 2 reach every form of our three languages."""
        return list(dict.fromkeys(self._catalog.ngettext(singular, plural, n) for n in (1, 2)))


def _load_catalog(language: str) -> gettext.NullTranslations:
    po_path = LOCALES_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po_path.exists():
        return gettext.NullTranslations()
    with po_path.open("rb") as po_file:
        catalog = read_po(po_file, locale=language)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@lru_cache(maxsize=len(SUPPORTED_LANGUAGES))
def translator(language: str) -> Translator:
    """The translator for a member's language (unknown languages read Simplified)."""
    if language not in SUPPORTED_LANGUAGES:
        language = SOURCE_LANGUAGE
    return Translator(language, _load_catalog(language))


def N_(message: str) -> str:
    """Mark a string for extraction where it is translated later (keyboards, menus)."""
    return message


def all_translations(message: str) -> set[str]:
    """The message in every language: how a tapped keyboard label is recognised."""
    return {translator(language)(message) for language in SUPPORTED_LANGUAGES}
