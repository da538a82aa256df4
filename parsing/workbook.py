"""Reading the first sheet of an .xlsx as rows of text, streaming, with the row cap applied
while reading.

openpyxl's read-only mode parses a sheet as it is iterated, so stopping after `limit` rows
means a million-row sheet costs what `limit` rows cost. How many rows were left unread is
then counted by scanning the rest of the sheet's XML for row tags, without parsing it, and
only up to `SCAN_BYTES` of it (a sheet that inflates further is reported as "at least").
Before any of that the parts openpyxl would load whole (the shared strings) are checked
against `WHOLE_PART_BYTES` by the sizes the zip declares, which are also what it will inflate.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

WHOLE_PART_BYTES = 32 * 1024 * 1024  # sharedStrings.xml and the like, loaded whole
SCAN_BYTES = 512 * 1024 * 1024  # how much unread sheet XML is scanned to count its rows
_CHUNK = 1024 * 1024
_ROW_TAG = b"<row"


class WorkbookTooBig(Exception):
    """A part that would be loaded whole is larger than this reader allows."""


@dataclass
class Sheet:
    rows: list[list[str]] = field(default_factory=list)  # the header and up to `limit` rows
    unread: int = 0  # rows after those
    unread_at_least: bool = False  # the count stopped at SCAN_BYTES


def _cell(value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")  # type: ignore[no-any-return]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _check_whole_parts(archive: zipfile.ZipFile) -> None:
    for info in archive.infolist():
        name = info.filename.lower()
        if "/worksheets/" not in name and info.file_size > WHOLE_PART_BYTES:
            raise WorkbookTooBig(info.filename)


def _count_rows(source: IO[bytes], budget: int) -> tuple[int, bool]:
    """Row tags in what is left of `source`: (count, True when the budget ran out first)."""
    count, tail, seen = 0, b"", 0
    while chunk := source.read(_CHUNK):
        seen += len(chunk)
        window = tail + chunk
        count += window.count(_ROW_TAG) - tail.count(_ROW_TAG)
        tail = window[-(len(_ROW_TAG) - 1) :]
        if seen >= budget:
            return count, bool(source.read(1))
    return count, False


def read_first_sheet(content: bytes, limit: int) -> Sheet:
    """The header row and up to `limit` rows after it; raises on a damaged workbook."""
    from openpyxl import load_workbook

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        _check_whole_parts(archive)
    book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        worksheet = book.worksheets[0]
        sheet = Sheet()
        rows: Iterator[tuple[object, ...]] = worksheet.iter_rows(values_only=True)
        for values in rows:
            sheet.rows.append([_cell(v) for v in values])
            if len(sheet.rows) > limit:  # the header and `limit` rows
                break
        else:
            return sheet
        # Rows after the cap: counted in the raw XML from the start, minus those read.
        path = getattr(worksheet, "_worksheet_path", None)
        if path is None:
            sheet.unread_at_least = True
            return sheet
        with zipfile.ZipFile(io.BytesIO(content)) as archive, archive.open(path) as raw:
            total, cut = _count_rows(raw, SCAN_BYTES)
        sheet.unread = max(0, total - len(sheet.rows))
        sheet.unread_at_least = cut
        return sheet
    finally:
        book.close()
