"""Reading a photo's text offline with rapidocr, off the event loop.

rapidocr's PP-OCR models (detection, orientation, recognition) ship inside its wheel and run
on onnxruntime: nothing is downloaded, ever. The engine is built once, on the first photo
(about 3 s and some 200 MB), and kept. Cards are read one at a time on a thread of their own
with one onnxruntime thread, so the bot's event loop (and the other core) stays free for
every other member while a card is read.

The image is checked before any OCR: the file size and the pixel count against the limits
(refused with the limit, never decoded when too large), then a photo too dark to read.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import enum
import io
import logging
import sys
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from PIL import Image, ImageOps, ImageStat, UnidentifiedImageError

from parsing.cards import CardLine

__all__ = [
    "MAX_BYTES",
    "MAX_PIXELS",
    "OcrReader",
    "Problem",
    "Reading",
    "prepare",
    "reader",
]

MAX_BYTES = 10 * 1024 * 1024  # Telegram's own limit for a photo
MAX_PIXELS = 40_000_000  # 40 megapixels: larger than any phone camera's photo
WORK_SIDE = 1600  # longest side of the photo kept: a card's smallest print stays readable
DET_SIDE = 736  # longest side text detection runs on (its memory grows with the pixels)
DARK = 28  # mean brightness (0-255) under which nothing can be read

log = logging.getLogger(__name__)


class Problem(enum.Enum):
    NOT_IMAGE = "not_image"
    TOO_LARGE = "too_large"
    TOO_DARK = "too_dark"


@dataclass
class Reading:
    """The lines found on a photo, or why it could not be read."""

    lines: list[CardLine] = field(default_factory=list)
    problem: Problem | None = None
    ocr_seconds: float = 0.0  # rapidocr's own time (detection + orientation + recognition)


def prepare(data: bytes) -> Image.Image | Problem:
    """The photo upright, in RGB and at most WORK_SIDE pixels long, or what is wrong with it."""
    if len(data) > MAX_BYTES:
        return Problem.TOO_LARGE
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            opened = Image.open(io.BytesIO(data))
            if opened.width * opened.height > MAX_PIXELS:
                return Problem.TOO_LARGE
            opened.draft("RGB", (WORK_SIDE, WORK_SIDE))  # JPEG: decode at a reduced scale
            image = ImageOps.exif_transpose(opened).convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return Problem.NOT_IMAGE
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return Problem.TOO_LARGE
    if max(image.size) > WORK_SIDE:
        image.thumbnail((WORK_SIDE, WORK_SIDE), Image.Resampling.LANCZOS)
    if ImageStat.Stat(image.convert("L")).mean[0] < DARK:
        return Problem.TOO_DARK
    return image


def _give_big_buffers_back() -> None:
    """Fix glibc's mmap threshold at its default 128 KiB.

    glibc raises the threshold each time a large mmapped block is freed, so after the first
    card onnxruntime's activations (tens of MB an image) come from the heap and stay there:
    the bot's peak was 440 MB after six cards. Fixed, they are mmapped and returned on free:
    350 MB (bench/cards.py). Python's own small objects do not go through this path.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(-3, 128 * 1024)  # M_MMAP_THRESHOLD
    except (OSError, AttributeError):  # not glibc (musl): nothing to fix
        return


class OcrReader:
    """rapidocr, built on first use and kept; one card at a time on its own thread."""

    def __init__(self, threads: int = 1) -> None:
        self._threads = threads
        self._engine: Any = None
        self._lock = threading.Lock()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="card-ocr")

    def engine(self) -> Any:
        with self._lock:
            if self._engine is None:
                from rapidocr import RapidOCR  # heavy: only when the first photo comes

                _give_big_buffers_back()
                self._engine = RapidOCR(
                    params={
                        "Global.log_level": "error",  # its info lines are of no use in ours
                        "EngineConfig.onnxruntime.intra_op_num_threads": self._threads,
                        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
                        # Detection on at most 960 px (a card fills most of the photo), one
                        # line at a time: the least memory for the same fields (bench/cards.py).
                        "Det.limit_type": "max",
                        "Det.limit_side_len": DET_SIDE,
                        "Cls.cls_batch_num": 1,
                        "Rec.rec_batch_num": 1,
                    }
                )
                for name in ("RapidOCR", "rapidocr"):
                    logging.getLogger(name).setLevel(logging.ERROR)
            return self._engine

    def read_image(self, image: Image.Image) -> Reading:
        """OCR in the calling thread (the bench calls it directly)."""
        result = self.engine()(image)
        boxes = getattr(result, "boxes", None)
        texts = getattr(result, "txts", None)
        scores = getattr(result, "scores", None)
        if boxes is None or texts is None:
            return Reading(ocr_seconds=float(getattr(result, "elapse", 0.0) or 0.0))
        lines = []
        for box, text, score in zip(boxes, texts, scores or [1.0] * len(texts), strict=False):
            xs = [float(p[0]) for p in box]
            ys = [float(p[1]) for p in box]
            lines.append(CardLine(str(text), min(xs), min(ys), max(xs), max(ys), float(score)))
        return Reading(lines=lines, ocr_seconds=float(result.elapse))

    def read_bytes(self, data: bytes) -> Reading:
        image = prepare(data)
        if isinstance(image, Problem):
            return Reading(problem=image)
        return self.read_image(image)

    async def read(self, data: bytes) -> Reading:
        """Read a photo without blocking the event loop."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self.read_bytes, data)


_reader: OcrReader | None = None


def reader() -> OcrReader:
    """The process's one reader (its engine still unbuilt until the first photo)."""
    global _reader
    if _reader is None:
        _reader = OcrReader()
    return _reader
