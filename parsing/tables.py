"""Customer lists as reps have them: .xlsx, .csv (UTF-8 or GBK) and .vcf address books.

Pure: bytes in, rows and per-row problems out. Headers are matched by the words Chinese
spreadsheets use (客户名称, 单位, 联系人, 手机 …) as well as English ones.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from dataclasses import dataclass, field

from parsing.text import normalize, without_nul
from parsing.values import read_phones

MAX_ROWS = 5000

# Column → the header words that name it (folded: Traditional → Simplified, no spaces or
# punctuation, lower case; so 手機號碼, Mobile Phone and 手机号码 are one word).
HEADERS: dict[str, tuple[str, ...]] = {
    "company": (
        "客户名称",
        "客户",
        "客户名",
        "公司",
        "公司名称",
        "公司名",
        "单位",
        "单位名称",
        "企业",
        "企业名称",
        "company",
        "companyname",
        "org",
        "organization",
        "organisation",
        "customer",
        "customername",
    ),
    "name": (
        "联系人",
        "联络人",
        "联系人姓名",
        "姓名",
        "名字",
        "contact",
        "contactname",
        "name",
        "fullname",
    ),
    "title": ("职务", "职位", "头衔", "职称", "title", "jobtitle", "position"),
    "phone": (
        "手机",
        "手机号",
        "手机号码",
        "移动电话",
        "电话",
        "电话号码",
        "联系电话",
        "联系方式",
        "联络电话",
        "mobile",
        "mobilephone",
        "cellphone",
        "cell",
        "phone",
        "phonenumber",
        "tel",
        "telephone",
    ),
    "wechat": ("微信", "微信号", "wechat", "wechatid", "weixin"),
    "email": ("邮箱", "电子邮件", "电子邮箱", "电邮", "email", "e-mail", "mail"),
    "birthday": ("生日", "出生日期", "出生年月", "birthday", "bday", "dateofbirth", "dob"),
    "grade": ("等级", "级别", "客户等级", "客户级别", "grade", "level"),
    "industry": ("行业", "所属行业", "industry", "sector"),
    "address": ("地址", "公司地址", "单位地址", "联系地址", "address", "addr"),
    "note": (
        "备注",
        "说明",
        "备注说明",
        "note",
        "notes",
        "remark",
        "remarks",
        "comment",
        "comments",
    ),
}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class Row:
    line: int
    company: str
    name: str | None = None
    title: str | None = None
    phone: str | None = None
    wechat: str | None = None
    email: str | None = None
    birthday: str | None = None  # as written; the importer reads it with parse_when
    grade: str | None = None
    industry: str | None = None
    address: str | None = None
    # 备注, and every column no field takes ("部门:采购部"): kept as the customer's note.
    note: str | None = None


@dataclass
class Problem:
    line: int
    reason: str  # a msgid for the bot to translate: 缺少客户名称 / 手机号不对 / …
    label: str | None = None  # the column a "too long" reason is about (a msgid too)
    limit: int | None = None  # and how many characters it holds


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unreadable: str | None = None  # why the whole file could not be read
    unread: int = 0  # rows (or cards) after the cap, left out
    unread_at_least: bool = False  # the file was too big to count them all
    unknown: list[str] = field(default_factory=list)  # headers no field takes (kept as notes)


def _fold(text: str) -> str:
    return re.sub(r"[\s_\-::*()()/]+", "", normalize(text)).lower()


def _column_map(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, cell in enumerate(header):
        folded = _fold(cell)
        for column, words in HEADERS.items():
            if column not in found and folded in words:
                found[column] = index
    return found


def _check(row: Row, problems: list[Problem]) -> bool:
    if not row.company:
        problems.append(Problem(row.line, "缺少客户名称"))
        return False
    if row.phone:
        phones = read_phones(row.phone)  # as a note's: 138-1234-5678, +86 138 1234 5678 …
        if not phones:
            problems.append(Problem(row.line, "手机号不对"))
            return False
        row.phone = phones[0]
    if row.email and not EMAIL.match(row.email):
        problems.append(Problem(row.line, "邮箱不对"))
        return False
    if row.grade:
        row.grade = row.grade.strip().upper()[:1]
        if row.grade not in ("A", "B", "C"):
            problems.append(Problem(row.line, "等级只能是 A、B、C"))
            return False
    return True


def _rows_from_grid(grid: list[list[str]], max_rows: int = MAX_ROWS) -> Table:
    table = Table()
    if not grid:
        table.unreadable = "文件是空的"
        return table
    columns = _column_map(grid[0])
    if "company" not in columns:
        table.unreadable = "第一行要有「客户名称」这一列"
        return table
    taken = set(columns.values())
    unknown = [(i, h.strip()) for i, h in enumerate(grid[0]) if i not in taken and h.strip()]
    table.unknown = [h for _i, h in unknown]
    for offset, cells in enumerate(grid[1 : max_rows + 1], start=2):
        if not any(c.strip() for c in cells):
            continue
        values = {
            column: (cells[index].strip() if index < len(cells) and cells[index].strip() else None)
            for column, index in columns.items()
        }
        extras = [
            f"{header}:{cells[i].strip()}"
            for i, header in unknown
            if i < len(cells) and cells[i].strip()
        ]
        note = values.pop("note", None)
        values["note"] = ";".join(([note] if note else []) + extras) or None
        row = Row(line=offset, company=values.pop("company") or "", **values)
        if _check(row, table.problems):
            table.rows.append(row)
    return table


def read_xlsx(content: bytes, max_rows: int = MAX_ROWS) -> Table:
    from parsing.workbook import WorkbookTooBig, read_first_sheet

    try:
        sheet = read_first_sheet(content, max_rows)
    except WorkbookTooBig:
        return Table(unreadable="这个 Excel 文件展开后太大了")
    except Exception:  # openpyxl raises many kinds (zip, XML, KeyError) for a damaged file
        return Table(unreadable="无法读取这个 Excel 文件")
    table = _rows_from_grid(sheet.rows, max_rows)
    table.unread, table.unread_at_least = sheet.unread, sheet.unread_at_least
    return table


def read_csv(content: bytes, max_rows: int = MAX_ROWS) -> Table:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = without_nul(content.decode(encoding))
            break
        except UnicodeDecodeError:
            continue
    else:
        return Table(unreadable="文件编码无法识别,请存为 UTF-8")
    dialect = csv.excel_tab if text.count("\t") > text.count(",") else csv.excel
    # newline="": lines may end in \r alone (Excel for Mac's CSV), not only \n or \r\n.
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        # The header and max_rows rows are kept; the rest are only counted.
        grid = [list(r) for r in itertools.islice(reader, max_rows + 1)]
        unread = sum(1 for cells in reader if any(c.strip() for c in cells))
    except csv.Error:  # e.g. a field over csv's size limit: not a customer list
        return Table(unreadable="无法读取这个 CSV 文件")
    table = _rows_from_grid(grid, max_rows)
    table.unread = unread
    return table


def read_vcf(content: bytes, max_rows: int = MAX_ROWS) -> Table:
    """vCards: FN, ORG, TITLE, TEL, EMAIL, BDAY; a card without ORG is a problem row. At
    most `max_rows` cards are read; the rest are counted."""
    text = without_nul(content.decode("utf-8", errors="replace"))
    text = text.replace("\r\n ", "").replace("\n ", "")
    table = Table()
    cards = re.finditer(r"BEGIN:VCARD(.*?)END:VCARD", text, re.S)
    for number, match in enumerate(itertools.islice(cards, max_rows), start=1):
        block = match.group(1)
        fields: dict[str, str] = {}
        for line in block.strip().splitlines():
            key, _, value = line.partition(":")
            name = key.split(";")[0].upper()
            if name and value and name not in fields:
                fields[name] = value.strip()
        row = Row(
            line=number,
            company=fields.get("ORG", "").split(";")[0],
            name=fields.get("FN"),
            title=fields.get("TITLE"),
            phone=fields.get("TEL"),
            email=fields.get("EMAIL"),
            birthday=fields.get("BDAY"),
        )
        if _check(row, table.problems):
            table.rows.append(row)
    table.unread = sum(1 for _ in cards)
    if not table.rows and not table.problems:
        table.unreadable = "文件里没有名片"
    return table


def read_table(filename: str, content: bytes, max_rows: int = MAX_ROWS) -> Table | None:
    """The rows of a customer list, or None when the file is not one we read."""
    lowered = filename.lower()
    if lowered.endswith(".xlsx"):
        return read_xlsx(content, max_rows)
    if lowered.endswith((".csv", ".txt")):
        return read_csv(content, max_rows)
    if lowered.endswith(".vcf"):
        return read_vcf(content, max_rows)
    return None
