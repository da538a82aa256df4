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
from dataclasses import dataclass, field
from typing import IO, Any

WHOLE_PART_BYTES = 32 * 1024 * 1024  # sharedStrings.xml and the like, loaded whole
SCAN_BYTES = 512 * 1024 * 1024  # how much unread sheet XML is scanned to count its rows
_CHUNK = 1024 * 1024
_ROW_TAG = b"<row"
MAX_COLUMNS = 256  # cells further right than this are not customer-list columns


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


def _first_sheet_path(reader: Any) -> str:
    for _sheet, rel in reader.parser.find_sheets():
        if rel.target in reader.valid_files and "chartsheet" not in rel.Type:
            return str(rel.target)
    raise ValueError("no worksheet")


def _values(cells: list[dict[str, Any]]) -> list[str]:
    """A parsed row's cells (each with its 1-based column) as text, gaps filled."""
    row: list[str] = []
    for cell in cells:
        column = int(cell["column"])
        if column > MAX_COLUMNS:
            break
        row.extend([""] * (column - 1 - len(row)))
        row.append(_cell(cell["value"]))
    return row


def read_first_sheet(content: bytes, limit: int) -> Sheet:
    """The header row and up to `limit` rows after it; raises on a damaged workbook.

    Not `load_workbook(read_only=True)`: building its read-only sheet looks for the sheet's
    <dimension> first, and when there is none (a forged file) it parses the whole sheet to
    find out — the million rows the cap is there to avoid. So the workbook's parts are read
    with openpyxl's own ExcelReader (strings, workbook, styles for dates) and the sheet with
    its own WorkSheetParser, which yields row by row.
    """
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet
    from openpyxl.worksheet._reader import WorkSheetParser

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        _check_whole_parts(archive)
    reader = ExcelReader(io.BytesIO(content), read_only=True, data_only=True)
    try:
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        path = _first_sheet_path(reader)
        sheet = Sheet()
        parsed = 0
        with reader.archive.open(path) as source:
            parser = WorkSheetParser(
                source,
                reader.shared_strings,
                data_only=True,
                epoch=reader.wb.epoch,
                date_formats=reader.wb._date_formats,
                timedelta_formats=reader.wb._timedelta_formats,
            )
            for index, cells in parser.parse():
                parsed += 1
                # Rows the file skips are empty rows: line numbers stay the sheet's own.
                while len(sheet.rows) < min(index - 1, limit + 1):
                    sheet.rows.append([])
                if len(sheet.rows) > limit:
                    break
                sheet.rows.append(_values(cells))
                if len(sheet.rows) > limit:  # the header and `limit` rows
                    break
            else:
                return sheet
        # Rows after the cap: their tags counted in the raw XML, minus those parsed.
        with reader.archive.open(path) as raw:
            total, cut = _count_rows(raw, SCAN_BYTES)
        sheet.unread = max(0, total - parsed)
        sheet.unread_at_least = cut
        return sheet
    finally:
        reader.archive.close()
