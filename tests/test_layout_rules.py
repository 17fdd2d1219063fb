"""Rules of the code base that a reviewer would otherwise have to remember."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_DIRS = ["config", "core", "workflow", "printing", "payments", "results", "oversight", "tenants"]
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


IMPORT = re.compile(r"^\s*(?:from|import)\s+(\w+)", re.MULTILINE)
# Who may import whom: the public schema's code never reaches into the regions' code.
LAYERS = {
    "tenants": set(),
    "core": {"tenants"},
    "workflow": {"tenants", "core"},
    "printing": {"tenants", "core", "workflow"},
    "payments": {"tenants", "core", "workflow", "printing"},
    "oversight": {"tenants", "core", "workflow", "printing"},
    "results": {"tenants", "core", "workflow", "printing"},
}


def test_imports_go_one_way():
    own = set(LAYERS)
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for folder, allowed in LAYERS.items()
        for path in (ROOT / folder).rglob("*.py")
        if "migrations" not in path.parts
        for name in IMPORT.findall(path.read_text(encoding="utf-8"))
        if name in own and name != folder and name not in allowed
    ]
    assert offenders == []


def test_core_keeps_its_subjects_in_subpackages():
    """A handful of cross-cutting modules at the top of core/; everything else lives in the
    subpackage of its subject (identity, files, catalog, notifications...)."""
    top = sorted(p.name for p in (ROOT / "core").glob("*.py"))
    assert top == [
        "__init__.py",
        "access.py",
        "application_index.py",
        "apps.py",
        "audit.py",
        "demo.py",
        "errors.py",
        "request_guard.py",
    ]
