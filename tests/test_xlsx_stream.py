"""The streaming .xlsx writer: what it writes, openpyxl reads back exactly."""

import io
from datetime import date, datetime

from openpyxl import load_workbook

from handlers.transfer.xlsx_stream import XlsxWriter


def test_values_survive_a_round_trip() -> None:
    buffer = io.BytesIO()
    book = XlsxWriter(buffer)
    book.sheet("客户 & 联系人")
    book.row(["名称", "电话", "拜访时间", "生日", "金额", "空"])
    book.row(
        [
            "华东电力设计院 <A类>",
            ["13812345678", "021-1234"],
            datetime(2026, 12, 1, 10, 0),
            date(1975, 3, 8),
            12.5,
            None,
        ]
    )
    book.row(['=HYPERLINK("http://x")', "有\x07控制字符", 3, True, "", "x" * 40000])
    book.sheet("第二张表的名字超过了三十一个字符会被截断" * 2)
    book.row(["只有一行"])
    book.close()
    workbook = load_workbook(io.BytesIO(buffer.getvalue()))
    assert workbook.sheetnames[0] == "客户 & 联系人"
    assert len(workbook.sheetnames[1]) == 31
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    assert rows[0] == ("名称", "电话", "拜访时间", "生日", "金额", "空")
    assert rows[1][:5] == (
        "华东电力设计院 <A类>",
        "13812345678、021-1234",
        datetime(2026, 12, 1, 10, 0),
        datetime(1975, 3, 8),
        12.5,
    )
    assert rows[2][0] == '=HYPERLINK("http://x")'  # text, never a formula
    assert rows[2][1] == "有控制字符" and rows[2][2] == 3 and rows[2][3] is True
    assert len(rows[2][5]) == 32767
    assert workbook.worksheets[0]["A3"].data_type == "s"
    assert list(workbook.worksheets[1].iter_rows(values_only=True)) == [("只有一行",)]
