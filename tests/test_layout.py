"""The arrows of DESIGN.md: bot → handlers, scheduler → storage, parsing, locales; and inside
handlers/, the rooms by domain, the arrows between them and the callback prefixes each owns."""

import ast
import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OURS = {"bot", "handlers", "parsing", "storage", "scheduler", "locales"}
FORBIDDEN = {
    "parsing": OURS - {"parsing"},
    "storage": {"bot", "handlers", "scheduler", "telegram"},
    "handlers": {"bot", "scheduler"},
    "scheduler": {"bot", "handlers"},
    "locales": OURS - {"locales"} | {"telegram"},
}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_imports_point_down_only(package: str) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_roots(path) & FORBIDDEN[package])
        for path in (ROOT / package).rglob("*.py")
    }
    assert not {name: bad for name, bad in offenders.items() if bad}


def test_the_date_readers_private_modules_stay_inside_it() -> None:
    """parsing/dates' _calendar, _grammar … are its own; others use what its __init__ exposes
    (festival_day, lunar_to_solar …)."""
    offenders = [
        str(path.relative_to(ROOT))
        for package in sorted(OURS)
        for path in (ROOT / package).rglob("*.py")
        if ROOT / "parsing" / "dates" not in path.parents
        and re.search(r"^\s*from parsing\.dates\._", path.read_text(encoding="utf-8"), re.M)
    ]
    assert not offenders


# Inside handlers/: the domain packages and whom each may import. kit is the floor; a package
# imports only those below it, so the packages form a DAG and no import hides in a function.
HANDLER_PACKAGES = {
    "kit": set(),
    "visits": {"kit"},
    "team": {"kit", "visits", "deals"},
    "account": {"kit", "team"},
    "reminders": {"kit", "account", "visits"},
    "deals": {"kit"},
    "capture": {"kit", "team", "deals", "visits"},
    "customers": {"kit", "team", "deals"},
    "flows": {"kit", "capture", "customers", "deals"},
    "transfer": {"kit", "deals", "visits"},
}
# Modules at handlers/'s root: the registration of all packages, and the catch-alls after them.
HANDLER_ROOT = {
    "__init__.py": set(HANDLER_PACKAGES),
    "fallback.py": {"kit", "capture", "customers", "visits"},
}
# The callback-data prefixes each package answers (README's map of the house lists them too).
CALLBACK_PREFIXES = {
    "flows": {"flow", "visit", "fu", "ct", "nc", "nd"},
    "team": {"team", "tr", "asg", "ho", "own", "ts", "aud"},
    "customers": {"cust", "find", "edit", "chk", "prof", "rec", "mv"},
    "deals": {"deal", "pay", "pipe", "dst"},
    "reminders": {"rem", "rset"},
    "account": {"lang", "settings"},
    "capture": {"cap", "card", "dft"},
    "transfer": {"exp", "imp"},
    "visits": {"arch", "mins", "plan", "wd"},
}


def handler_imports(path: Path) -> set[str]:
    """The handlers packages `path` imports, wherever the import statement stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "handlers":
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("handlers."):
            found.add((node.module or "").split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("handlers."))
    return found


def test_handlers_is_rooms_by_domain() -> None:
    root = ROOT / "handlers"
    assert {p.name for p in root.glob("*.py")} == set(HANDLER_ROOT)
    assert {p.name for p in root.iterdir() if (p / "__init__.py").exists()} == set(HANDLER_PACKAGES)


@pytest.mark.parametrize("package", sorted(HANDLER_PACKAGES))
def test_handler_packages_import_only_those_below(package: str) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(bad)
        for path in (ROOT / "handlers" / package).rglob("*.py")
        if (bad := handler_imports(path) - HANDLER_PACKAGES[package] - {package})
    }
    assert not offenders


def test_handler_root_modules_import_only_what_they_register() -> None:
    for name, allowed in HANDLER_ROOT.items():
        assert handler_imports(ROOT / "handlers" / name) <= allowed | {"fallback"}, name


def _callback_prefixes(handler: object) -> set[str]:
    from telegram.ext import CallbackQueryHandler, ConversationHandler

    if isinstance(handler, ConversationHandler):
        inner = [*handler.entry_points, *handler.fallbacks]
        inner += [h for step in handler.states.values() for h in step]
        return set().union(*(_callback_prefixes(h) for h in inner))
    if isinstance(handler, CallbackQueryHandler) and handler.pattern is not None:
        pattern = getattr(handler.pattern, "pattern", handler.pattern)
        match = re.match(r"\^\(?([a-z|]+)\)?:", str(pattern))
        assert match, pattern
        return set(match.group(1).split("|"))
    return set()


class Recorder:
    """Takes the handlers a package registers, as Application.add_handler would."""

    def __init__(self) -> None:
        self.handlers: dict[int, list[object]] = {}
        self.user_data: dict[int, object] = {}  # the guided flows read it (flows/engine.py)

    def add_handler(self, handler: object, group: int = 0) -> None:
        self.handlers.setdefault(group, []).append(handler)


@pytest.mark.parametrize("package", sorted(CALLBACK_PREFIXES))
def test_each_package_answers_its_own_callback_prefixes(package: str) -> None:
    recorder = Recorder()
    importlib.import_module(f"handlers.{package}").register(recorder)
    answered = set().union(
        *(_callback_prefixes(h) for group in recorder.handlers.values() for h in group)
    )
    assert answered == CALLBACK_PREFIXES[package]
