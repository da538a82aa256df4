"""Shared by the flow tests: a fixed "now" for tests whose answers name dates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine


@pytest.fixture
def monday_morning() -> Iterator[object]:
    """Monday 23 November 2026, 10:00 in Shanghai (下周五 is 12月4日)."""
    moment = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    with time_machine.travel(moment, tick=False) as traveller:
        yield traveller
