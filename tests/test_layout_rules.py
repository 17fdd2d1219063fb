"""Rules of the code base that a reviewer would otherwise have to remember."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_DIRS = ["config", "core", "workflow", "printing", "tenants"]
CROSSING = re.compile(
    r"\b(schema_context|tenant_context|set_schema|set_schema_to_public|set_tenant)\b"
)
ALLOWED = {
    ROOT / "tenants" / "crossing.py",
    ROOT / "tenants" / "queue.py",
    ROOT / "tenants" / "routing.py",
}


def _sources():
    for folder in APP_DIRS:
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def test_only_tenants_switches_schemas():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _sources()
        if path not in ALLOWED
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if CROSSING.search(line)
    ]
    assert offenders == []


def test_the_client_s_layout_is_in_place():
    for name in [
        "config",
        "tenants",
        "core",
        "workflow",
        "printing",
        "locale",
        "tests",
        "deploy",
        "pyproject.toml",
        "Makefile",
        "README.md",
        ".ci/run",
    ]:
        assert (ROOT / name).exists(), name
