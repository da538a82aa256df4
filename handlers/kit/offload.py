"""Heavy work off the event loop, with its memory and time bounded.

Reading an uploaded file is the one job whose cost a stranger chooses (a 150 KB workbook can
hold a million rows; a zip can inflate a thousandfold), so it runs in a child process with a
hard memory limit (RLIMIT_AS) and a wall-clock timeout after which the children are killed
and replaced. Whatever the file does, the bot's own process only waits on a future, and every
other user keeps being answered.

The children come from a forkserver that has imported the readers once, and stay for the next
job; none of them inherits the bot's threads or database connections.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import resource
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")
PRELOAD = ["parsing.tables", "openpyxl"]


async def on_drawing_thread(job: Callable[..., T], *args: Any) -> T:
    """`job(*args)` on the one thread that draws charts: off the event loop, and one chart at
    a time, because matplotlib's rc_context sets process-wide parameters (the CJK font)."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_DRAWING, job, *args)


_DRAWING = ThreadPoolExecutor(max_workers=1, thread_name_prefix="charts")


class OffloadFailed(Exception):
    """The job ran out of memory or time (or its process died): tell the user, keep going."""


def _limit(memory_bytes: int) -> None:
    """In the child, before its first job: past this the job gets MemoryError, not the bot."""
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))


@dataclass
class Offload:
    memory_mb: int = 512
    seconds: float = 60.0
    workers: int = 2
    _pool: ProcessPoolExecutor | None = field(default=None, repr=False)

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(PRELOAD)
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=context,
                initializer=_limit,
                initargs=(self.memory_mb * 1024 * 1024,),
            )
        return self._pool

    async def run(self, job: Callable[..., T], *args: Any) -> T:
        """`job(*args)` in a limited child process; OffloadFailed when a limit stopped it."""
        loop = asyncio.get_running_loop()
        try:
            future = loop.run_in_executor(self._executor(), job, *args)
            return await asyncio.wait_for(future, self.seconds)
        except (TimeoutError, BrokenProcessPool, MemoryError) as exc:
            self.close()  # a broken or stuck pool is replaced on the next job
            raise OffloadFailed(type(exc).__name__) from None

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
