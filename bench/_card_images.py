"""Business card photos the project draws itself, with the facts each one shows.

The cards are drawn with the CJK fonts the charts already ship (mplfonts: Noto Sans, Noto
Serif, SimHei), in several layouts (horizontal, vertical/portrait, bilingual, an English
back, Traditional for Hong Kong and Taiwan, dark backgrounds, logos), then made to look
photographed: laid on a table, rotated up to 10°, in perspective, blurred, unevenly lit,
with sensor noise and JPEG compression. Everything is seeded: card ``n`` is always the same.

Used by bench/cards.py (the figures) and by the flow tests (a few photos through the bot).
"""

from __future__ import annotations

import importlib.util
import io
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import phonenumbers
from PIL import Image, ImageDraw, ImageFilter, ImageFont

__all__ = ["CardSpec", "Truth", "card_photo", "draw_card", "not_a_card_photo", "spec"]


def _fonts_dir() -> Path:
    found = importlib.util.find_spec("mplfonts")
    if found is None or not found.submodule_search_locations:
        raise RuntimeError("mplfonts is not installed: the cards need its CJK fonts")
    return Path(next(iter(found.submodule_search_locations))) / "fonts"


FONTS = ("NotoSansCJKsc-Regular.otf", "NotoSerifCJKsc-Regular.otf", "SimHei.ttf")


@dataclass
class Truth:
    """What a perfect reader would take from the card (Simplified, normalised phones)."""

    company: str | None = None
    name: str | None = None
    title: str | None = None
    mobiles: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    faxes: list[str] = field(default_factory=list)
    email: str | None = None
    wechat: str | None = None
    address: str | None = None
    website: str | None = None

    def pairs(self) -> set[tuple[str, str]]:
        out: set[tuple[str, str]] = set()
        for key in ("company", "name", "title", "email", "wechat", "address", "website"):
            value = getattr(self, key)
            if value:
                out.add((key, value))
        for key in ("mobiles", "phones", "faxes"):
            out.update((key, v) for v in getattr(self, key))
        return out


@dataclass
class CardSpec:
    """One card: the lines to draw (text, size, role) and the facts they carry."""

    layout: str
    lines: list[tuple[str, int]]  # (text, font size); the first big one is the name
    truth: Truth
    dark: bool = False
    portrait: bool = False
    logo: str | None = None
    font: str = FONTS[0]
    centered: bool = False


_GIVEN = [
    "建国",
    "晓明",
    "丽华",
    "志强",
    "海燕",
    "文博",
    "雪梅",
    "国栋",
    "静",
    "伟",
    "子涵",
    "立新",
]
_SURNAMES = [
    "王",
    "李",
    "张",
    "刘",
    "陈",
    "杨",
    "黄",
    "赵",
    "周",
    "吴",
    "徐",
    "孙",
    "马",
    "朱",
    "胡",
]
_PINYIN = {
    "王": "Wang", "李": "Li", "张": "Zhang", "刘": "Liu", "陈": "Chen", "杨": "Yang",
    "黄": "Huang", "赵": "Zhao", "周": "Zhou", "吴": "Wu", "徐": "Xu", "孙": "Sun", "马": "Ma",
    "朱": "Zhu", "胡": "Hu", "建国": "Jianguo", "晓明": "Xiaoming", "丽华": "Lihua",
    "志强": "Zhiqiang", "海燕": "Haiyan", "文博": "Wenbo", "雪梅": "Xuemei", "国栋": "Guodong",
    "静": "Jing", "伟": "Wei", "子涵": "Zihan", "立新": "Lixin",
}  # fmt: skip
# (Chinese company, English name, domain, city prefix for the office number, address)
_COMPANIES = [
    ("华东电力设计院有限公司", "East China Electric Power Design Institute Co., Ltd.", "ecepdi",
     "021", "上海市黄浦区中山南路100号"),
    ("江苏恒瑞医药股份有限公司", "Jiangsu Hengrui Pharmaceuticals Co., Ltd.", "hengrui",
     "0518", "江苏省连云港市经济技术开发区昆仑山路7号"),
    ("杭州海康威视数字技术股份有限公司", "Hangzhou Hikvision Digital Technology Co., Ltd.",
     "hikvision", "0571", "浙江省杭州市滨江区阡陌路555号"),
    ("南京钢铁集团有限公司", "Nanjing Iron & Steel Group Co., Ltd.", "njsteel", "025",
     "江苏省南京市六合区卸甲甸18号"),
    ("深圳市汇川技术股份有限公司", "Shenzhen Inovance Technology Co., Ltd.", "inovance", "0755",
     "广东省深圳市宝安区宝城70区留仙二路"),
    ("北京四方继保自动化股份有限公司", "Beijing Sifang Automation Co., Ltd.", "sf-auto", "010",
     "北京市海淀区上地信息产业基地四街9号"),
    ("苏州市第一人民医院", "The First People's Hospital of Suzhou", "szdyrmyy", "0512",
     "江苏省苏州市姑苏区十梓街188号"),
    ("武汉光迅科技股份有限公司", "Accelink Technologies Co., Ltd.", "accelink", "027",
     "湖北省武汉市江夏区藏龙岛开发区潭湖路1号"),
    ("成都市自来水有限责任公司", "Chengdu Water Supply Co., Ltd.", "cdwater", "028",
     "四川省成都市青羊区小河街1号"),
    ("宁波港集团有限公司", "Ningbo Port Group Co., Ltd.", "nbport", "0574",
     "浙江省宁波市鄞州区宁东路269号"),
]  # fmt: skip
_TITLES = [
    ("总经理", "General Manager"),
    ("副总经理", "Deputy General Manager"),
    ("销售总监", "Sales Director"),
    ("采购部经理", "Purchasing Manager"),
    ("高级工程师", "Senior Engineer"),
    ("副院长", "Vice President"),
    ("技术部主任", "Head of Engineering"),
    ("董事长", "Chairman"),
]
# Traditional cards: (Traditional text, its Simplified reading)
_TRAD_COMPANIES = [
    ("香港中華煤氣有限公司", "香港中华煤气有限公司", "towngas", "+852", "香港北角渣華道363號"),
    ("臺灣電力股份有限公司", "台湾电力股份有限公司", "taipower", "+886", "臺北市中正區羅斯福路三段242號"),
    ("長江實業集團有限公司", "长江实业集团有限公司", "ckh", "+852", "香港中環皇后大道中2號長江集團中心"),
    ("中華電信股份有限公司", "中华电信股份有限公司", "cht", "+886", "臺北市中正區信義路一段21號"),
]  # fmt: skip
_TRAD_ADDRESS = {
    "香港北角渣華道363號": "香港北角渣华道363号",
    "臺北市中正區羅斯福路三段242號": "台北市中正区罗斯福路三段242号",
    "香港中環皇后大道中2號長江集團中心": "香港中环皇后大道中2号长江集团中心",
    "臺北市中正區信義路一段21號": "台北市中正区信义路一段21号",
}
_TRAD_NAMES = [("陳志明", "陈志明"), ("黃麗華", "黄丽华"), ("劉國棟", "刘国栋"), ("張偉", "张伟")]
_TRAD_TITLES = [
    ("總經理", "总经理"),
    ("業務經理", "业务经理"),
    ("副總裁", "副总裁"),
    ("主任", "主任"),
]
LAYOUTS = (
    "classic",
    "centered",
    "portrait",
    "bilingual",
    "english_back",
    "traditional",
    "dark",
    "logo",
)


def _mobile(rng: random.Random) -> str:
    return rng.choice(["138", "139", "186", "135", "152", "177"]) + f"{rng.randrange(10**8):08d}"


def _spaced_mobile(number: str, rng: random.Random) -> str:
    return rng.choice(
        [
            f"{number[:3]} {number[3:7]} {number[7:]}",
            f"{number[:3]}-{number[3:7]}-{number[7:]}",
            number,
        ]
    )


def _office(area: str, rng: random.Random) -> tuple[str, str]:
    """(as printed, as read): 021-6234 5678 / 02162345678."""
    local = f"{rng.randrange(2, 9)}{rng.randrange(10**7):07d}"
    printed = f"{area}-{local[:4]} {local[4:]}" if rng.random() < 0.5 else f"{area}-{local}"
    return printed, area + local


HARDER = 48  # cards from here on are cluttered and photographed worse (the second set)
_DEPARTMENTS = ["市场营销中心", "华东区销售部", "采购中心", "技术研发部", "总经理办公室"]
_SLOGANS = ["专业 · 诚信 · 共赢", "让能源更清洁", "品质成就未来", "扫码加我微信"]


def spec(n: int) -> CardSpec:
    """Card ``n`` (any integer; the layout cycles, the details are seeded). From ``HARDER``
    on, the card also carries what real cards do besides the facts (a department, a slogan,
    QQ, a postcode, a 400 hotline, a second mobile, a letter-spaced name)."""
    rng = random.Random(1000 + n)
    layout = LAYOUTS[n % len(LAYOUTS)]
    font = FONTS[(n // len(LAYOUTS)) % len(FONTS)]
    card = _traditional(rng, font) if layout == "traditional" else _simplified(rng, font, layout)
    if n >= HARDER:
        _clutter(card, random.Random(5000 + n))
    return card


def _clutter(card: CardSpec, rng: random.Random) -> None:
    lines, truth = card.lines, card.truth
    if card.layout not in ("english_back", "traditional") and truth.name:
        if len(truth.name) <= 3 and rng.random() < 0.5:
            lines[:] = [
                (" ".join(truth.name), size) if text == truth.name else (text, size)
                for text, size in lines
            ]
        if rng.random() < 0.6:
            lines.insert(1, (rng.choice(_DEPARTMENTS), 22))
        if rng.random() < 0.4:
            second = _mobile(rng)
            at = next(
                i
                for i, (text, _) in enumerate(lines)
                if truth.mobiles[0] in re.sub(r"[ -]", "", text)
            )
            lines.insert(at + 1, (f"手机:{second[:3]} {second[3:7]} {second[7:]}", 24))
            truth.mobiles.append(second)
        if rng.random() < 0.4:
            lines.append((f"QQ:{rng.randrange(10**8, 10**10)}", 22))
        if rng.random() < 0.4:
            lines.append(("服务热线:400-820-8820", 22))
            truth.phones.append("4008208820")
        if rng.random() < 0.3 and truth.address:
            lines[:] = [
                (f"{t}(邮编:{rng.randrange(100000, 999999)})", z) if truth.address in t else (t, z)
                for t, z in lines
            ]
    if rng.random() < 0.5:
        lines.append((rng.choice(_SLOGANS), 20))


def _simplified(rng: random.Random, font: str, layout: str) -> CardSpec:
    surname, given = rng.choice(_SURNAMES), rng.choice(_GIVEN)
    name = surname + given
    company, english, domain, area, address = rng.choice(_COMPANIES)
    title, english_title = rng.choice(_TITLES)
    mobile = _mobile(rng)
    office_printed, office = _office(area, rng)
    fax_printed, fax = _office(area, rng)
    ext = str(rng.randrange(100, 9999)) if rng.random() < 0.4 else None
    latin = f"{_PINYIN[given]} {_PINYIN[surname]}"
    email = f"{_PINYIN[surname].lower()}{_PINYIN[given][0].lower()}@{domain}.com"
    website = f"www.{domain}.com"
    wechat = f"{_PINYIN[given].lower()}_{rng.randrange(100, 999)}" if rng.random() < 0.5 else None
    truth = Truth(
        company=company,
        name=name,
        title=title,
        mobiles=[mobile],
        phones=[office + (f";ext={ext}" if ext else "")],
        faxes=[fax],
        email=email,
        wechat=wechat,
        address=address,
        website=website,
    )
    office_text = office_printed + (f" 转 {ext}" if ext else "")
    spaced = _spaced_mobile(mobile, rng)
    if layout == "english_back":
        truth.company, truth.name, truth.title, truth.address = english, latin, None, None
        truth.wechat = None
        lines = [
            (english, 24),
            (latin, 48),
            (english_title, 24),
            (f"M: +86 {spaced}", 24),
            (f"T: +86 {office_text[1:].replace(' 转 ', ' ext. ')}", 24),
            (f"F: +86 {fax_printed[1:]}", 24),
            (f"E: {email}", 24),
            (website, 24),
        ]
        truth.mobiles, truth.phones = [mobile], [office + (f";ext={ext}" if ext else "")]
        return CardSpec(layout, lines, truth, font=font)
    lines = [(company, 30), (f"{name}", 56), (title, 28)]
    if layout in ("classic", "dark") and rng.random() < 0.5:
        lines[1:3] = [(f"{name}  {title}", 44)]
    if layout == "bilingual":
        lines = [
            (company, 28),
            (english, 18),
            (name, 52),
            (latin, 24),
            (f"{title} {english_title}", 24),
        ]
    labels = rng.choice(
        [
            ("手机", "电话", "传真", "邮箱", "地址", "网址", "微信"),
            ("M", "T", "F", "E", "A", "W", "WeChat"),
            ("Mobile", "Tel", "Fax", "E-mail", "地址", "Web", "微信"),
        ]
    )
    colon = ":" if labels[0] in ("手机",) else ": "
    contact_lines = [
        (f"{labels[0]}{colon}{spaced}", 24),
        (f"{labels[1]}{colon}{office_text}", 24),
        (f"{labels[2]}{colon}{fax_printed}", 24),
        (f"{labels[3]}{colon}{email}", 24),
    ]
    if wechat:
        contact_lines.append((f"{labels[6]}{colon}{wechat}", 24))
    contact_lines.append((f"{labels[4]}{colon}{address}", 22))
    if rng.random() < 0.7:
        contact_lines.append((website, 22))
    else:
        truth.website = None
    logo = None
    if layout == "logo":
        logo = company[:2] if rng.random() < 0.5 else english.split()[0][:3].upper()
    return CardSpec(
        layout,
        lines + contact_lines,
        truth,
        dark=layout == "dark",
        portrait=layout == "portrait",
        logo=logo,
        font=font,
        centered=layout in ("centered", "portrait"),
    )


def _valid(rng: random.Random, region: str, draw: Callable[[], str]) -> str:
    """A number libphonenumber accepts for ``region`` (a card prints real numbers)."""
    while True:
        digits = draw()
        if phonenumbers.is_valid_number(phonenumbers.parse(digits, region)):
            return digits


def _traditional(rng: random.Random, font: str) -> CardSpec:
    trad_company, company, domain, code, trad_address = rng.choice(_TRAD_COMPANIES)
    trad_name, name = rng.choice(_TRAD_NAMES)
    trad_title, title = rng.choice(_TRAD_TITLES)
    if code == "+852":
        mobile_digits = _valid(rng, "HK", lambda: f"{rng.choice('569')}{rng.randrange(10**7):07d}")
        office_digits = _valid(rng, "HK", lambda: f"{rng.choice('23')}{rng.randrange(10**7):07d}")
        fax_digits = _valid(rng, "HK", lambda: f"{rng.choice('23')}{rng.randrange(10**7):07d}")
        mobile_p = f"+852 {mobile_digits[:4]} {mobile_digits[4:]}"
        office_p = f"+852 {office_digits[:4]} {office_digits[4:]}"
        fax_p = f"+852 {fax_digits[:4]} {fax_digits[4:]}"
    else:
        mobile_digits = _valid(rng, "TW", lambda: f"9{rng.randrange(10**8):08d}")
        office_digits = _valid(
            rng, "TW", lambda: f"2{rng.randrange(2, 9)}{rng.randrange(10**7):07d}"
        )
        fax_digits = _valid(rng, "TW", lambda: f"2{rng.randrange(2, 9)}{rng.randrange(10**7):07d}")
        mobile_p = f"+886 {mobile_digits[:3]} {mobile_digits[3:6]} {mobile_digits[6:]}"
        office_p = f"+886 2 {office_digits[1:5]} {office_digits[5:]}"
        fax_p = f"+886 2 {fax_digits[1:5]} {fax_digits[5:]}"
    mobile, office, fax = code + mobile_digits, code + office_digits, code + fax_digits
    email = f"{rng.choice(['chen', 'wong', 'lau', 'cheung'])}{rng.randrange(10, 99)}@{domain}.com"
    truth = Truth(
        company=company,
        name=name,
        title=title,
        mobiles=[mobile],
        phones=[office],
        faxes=[fax],
        email=email,
        address=_TRAD_ADDRESS[trad_address],
        website=f"www.{domain}.com",
    )
    lines = [
        (trad_company, 30),
        (trad_name, 56),
        (trad_title, 28),
        (f"手機:{mobile_p}", 24),
        (f"電話:{office_p}", 24),
        (f"傳真:{fax_p}", 24),
        (f"電郵:{email}", 24),
        (f"地址:{trad_address}", 22),
        (f"www.{domain}.com", 22),
    ]
    return CardSpec("traditional", lines, truth, font=font)


def draw_card(card: CardSpec) -> Image.Image:
    """The card itself, flat and sharp (what a scanner would give)."""
    width, height = (560, 900) if card.portrait else (900, 540)
    if card.logo:
        height += 84
    needed = 80 + sum(int(size * 1.55) + (10 if size >= 44 else 0) for _, size in card.lines)
    height = max(height, needed + (84 if card.logo else 0))
    paper = (28, 40, 64) if card.dark else (250, 249, 245)
    ink = (236, 236, 236) if card.dark else (24, 24, 30)
    image = Image.new("RGB", (width, height), paper)
    draw = ImageDraw.Draw(image)
    fonts_dir = _fonts_dir()
    margin = 48
    y = 40
    if card.logo:
        draw.ellipse((margin, y, margin + 64, y + 64), fill=(200, 40, 40))
        logo_font = ImageFont.truetype(str(fonts_dir / card.font), 24)
        draw.text((margin + 78, y + 16), card.logo, font=logo_font, fill=(200, 40, 40))
        y += 84
    for text, size in card.lines:
        if card.portrait:
            size = min(size, 22 if size < 30 else size)
        font = ImageFont.truetype(str(fonts_dir / card.font), size)
        # Shrink a line until it fits the card.
        while draw.textlength(text, font=font) > width - 2 * margin and size > 12:
            size -= 1
            font = ImageFont.truetype(str(fonts_dir / card.font), size)
        left = margin
        if card.centered:
            left = int((width - draw.textlength(text, font=font)) / 2)
        draw.text((left, y), text, font=font, fill=ink)
        y += int(size * 1.55)
        if size >= 44:
            y += 10
    return image


def _perspective(image: Image.Image, rng: random.Random, strength: float) -> Image.Image:
    w, h = image.size
    d = strength * min(w, h)
    corners = [
        (rng.uniform(0, d), rng.uniform(0, d)),
        (w - rng.uniform(0, d), rng.uniform(0, d)),
        (w - rng.uniform(0, d), h - rng.uniform(0, d)),
        (rng.uniform(0, d), h - rng.uniform(0, d)),
    ]
    source = [(0, 0), (w, 0), (w, h), (0, h)]
    matrix = []
    for (x, y), (u, v) in zip(corners, source, strict=True):
        matrix.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        matrix.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    coeffs = np.linalg.solve(np.array(matrix), np.array(source).reshape(8))
    return image.transform((w, h), Image.Transform.PERSPECTIVE, tuple(coeffs), Image.Resampling.BICUBIC, fillcolor=(120, 100, 80))  # fmt: skip


def photograph(
    card: Image.Image, seed: int, *, harsh: bool = True, worse: bool = False
) -> Image.Image:
    """The card as a phone would see it on a table."""
    rng = random.Random(seed)
    table = (rng.randrange(90, 150), rng.randrange(70, 120), rng.randrange(50, 90))
    w, h = card.size
    canvas = Image.new("RGB", (int(w * 1.3), int(h * 1.3)), table)
    canvas.paste(card, ((canvas.width - w) // 2, (canvas.height - h) // 2))
    if harsh:
        canvas = canvas.rotate(rng.uniform(-10, 10), Image.Resampling.BICUBIC, fillcolor=table)
        canvas = _perspective(canvas, rng, 0.06)
    pixels = np.asarray(canvas).astype(np.float32)
    # Uneven light: brighter on one side, a shadow on the other.
    gx = np.linspace(-1, 1, canvas.width)[None, :, None]
    gy = np.linspace(-1, 1, canvas.height)[:, None, None]
    a, b = rng.uniform(-0.25, 0.25), rng.uniform(-0.2, 0.2)
    pixels *= 1 + a * gx + b * gy
    if harsh:
        pixels += np.random.default_rng(seed).normal(0, 12 if worse else 6, pixels.shape)
    photo = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    if harsh:
        blur = rng.uniform(0.9, 1.6) if worse else rng.uniform(0.3, 1.1)
        photo = photo.filter(ImageFilter.GaussianBlur(blur))
    return photo


def jpeg(image: Image.Image, quality: int = 70) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


def card_photo(n: int) -> tuple[bytes, Truth]:
    """Card ``n`` photographed: JPEG bytes and the facts it shows."""
    card = spec(n)
    rng = random.Random(n)
    worse = n >= HARDER
    photo = photograph(draw_card(card), seed=n, worse=worse)
    quality = rng.randrange(30, 60) if worse else rng.randrange(45, 85)
    return jpeg(photo, quality=quality), card.truth


def not_a_card_photo(seed: int = 0) -> bytes:
    """A photo with no text at all: a landscape of shapes and noise."""
    rng = random.Random(seed)
    image = Image.new("RGB", (960, 720), (120, 170, 220))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 430, 960, 720), fill=(70, 130, 60))
    for _ in range(12):
        x, y = rng.randrange(960), rng.randrange(420, 700)
        draw.ellipse((x - 30, y - 30, x + 30, y + 30), fill=(40, 90, 40))
    draw.ellipse((760, 60, 860, 160), fill=(250, 220, 90))
    return jpeg(photograph(image, seed, harsh=False), 75)
