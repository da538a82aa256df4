"""Run every benchmark in bench/: each module with a ``main()``, in name order."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path


def main() -> None:
    """Import each bench module and call its ``main()`` with no arguments."""
    here = Path(__file__).resolve().parent
    names = sorted(
        info.name for info in pkgutil.iter_modules([str(here)]) if not info.name.startswith("_")
    )
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        run = getattr(module, "main", None)
        if not callable(run):
            continue
        print(f"== bench.{name} ==", flush=True)
        if _takes_argv(run):
            run([])
        else:
            run()
        print(flush=True)


def _takes_argv(fn: object) -> bool:
    import inspect

    try:
        return len(inspect.signature(fn).parameters) > 0  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


if __name__ == "__main__":
    main()
