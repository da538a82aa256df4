"""The arrows of DESIGN.md: bot → handlers, scheduler → storage, parsing, locales."""

import ast
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
