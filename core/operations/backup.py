"""One region's backup as one SQL script, and its restore in one transaction.

A region's data is its schema plus the rows of public tables it needs: the people, units,
catalog entries and files its rows point at (followed through foreign keys, transitively),
the region registry (regions and their hosts, matched by code, never by id), and the rows that
belong to the region itself (its application index). The script is plain SQL for `psql`:

1. the public rows, each table loaded into a temporary table and inserted where missing
   (a newer copy already in the database wins), region-owned rows replaced;
2. `DROP SCHEMA … CASCADE` and `pg_dump --schema` of the region;
3. identity sequences moved past the restored ids.

Restoring with `psql --single-transaction` makes it all or nothing: a foreign key that does not
hold (a person missing in the target) aborts the whole restore and leaves the database as it was.
"""

import io
import os
import shutil
import subprocess
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection, models
from django_tenants.utils import get_tenant_model

from core.models import ApplicationIndex
from tenants.crossing import in_region
from tenants.regions import CODE_PATTERN

# Framework tables a restore never carries: their ids differ between databases and the
# platform grants nothing through them (roles live on the user).
SKIPPED_APPS = {"contenttypes", "auth", "sessions", "admin", "axes", "knox", "django_q"}
# Public rows that belong to one region and are replaced by its backup (model, region field).
REGION_OWNED: tuple[tuple[type[models.Model], str], ...] = ((ApplicationIndex, "region"),)


class BackupError(Exception):
    pass


def _shared_only_labels() -> set[str]:
    tenant = {name.rsplit(".", 1)[-1] for name in settings.TENANT_APPS}
    return {
        config.label
        for config in apps.get_app_configs()
        if config.name in settings.SHARED_APPS and config.label not in tenant
    }


def _is_public(model: type[models.Model], public: set[str]) -> bool:
    return model._meta.app_label in public and model._meta.app_label not in SKIPPED_APPS


def _tenant_models() -> list[type[models.Model]]:
    tenant = {name.rsplit(".", 1)[-1] for name in settings.TENANT_APPS}
    return [
        m
        for m in apps.get_models(include_auto_created=True)
        if m._meta.app_label in tenant and not m._meta.proxy and m._meta.managed
    ]


def _foreign_keys(model: type[models.Model]) -> Iterable[models.ForeignKey]:
    return (
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.ForeignKey) and f.related_model
    )


def needed_public_rows(code: str) -> dict[type[models.Model], set]:
    """The public rows region `code` needs, by model: what its schema points at, its own public
    rows, and everything those point at in turn."""
    public = _shared_only_labels()
    region_model = get_tenant_model()
    wanted: dict[type[models.Model], set] = defaultdict(set)
    with in_region(code):
        for model in _tenant_models():
            for field in _foreign_keys(model):
                target = field.related_model
                if _is_public(target, public) and target is not region_model:
                    values = model.objects.exclude(**{f"{field.attname}__isnull": True})
                    wanted[target] |= set(values.values_list(field.attname, flat=True).distinct())
    region = region_model.objects.get(schema_name=code)
    for model, field in REGION_OWNED:
        wanted[model] |= set(model.objects.filter(**{field: region}).values_list("pk", flat=True))
    todo = [(model, set(pks)) for model, pks in wanted.items()]
    while todo:
        model, pks = todo.pop()
        if not pks:
            continue
        followers = list(_foreign_keys(model))
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            if _is_public(through, public) and _is_public(field.related_model, public):
                source = next(f for f in _foreign_keys(through) if f.related_model is model)
                ids = set(
                    through.objects.filter(**{f"{source.attname}__in": pks}).values_list(
                        "pk", flat=True
                    )
                )
                new = ids - wanted[through]
                wanted[through] |= new
                todo.append((through, new))
        for field in followers:
            target = field.related_model
            if not _is_public(target, public) or target is region_model:
                continue
            values = set(
                model.objects.filter(pk__in=pks)
                .exclude(**{f"{field.attname}__isnull": True})
                .values_list(field.attname, flat=True)
            )
            new = values - wanted[target]
            if new:
                wanted[target] |= new
                todo.append((target, new))
    return {model: pks for model, pks in wanted.items() if pks}


def _quote(name: str) -> str:
    return connection.ops.quote_name(name)


def _copy_out(sql: str, params: list) -> str:
    buffer = io.StringIO()
    with connection.cursor() as cursor:
        raw = cursor.cursor
        raw.copy_expert(raw.mogrify(sql, params).decode(), buffer)
    return buffer.getvalue()


def _load_block(model: type[models.Model], where: str, params: list, insert: dict[str, str]) -> str:
    """SQL that loads the source's rows of `model` (as COPY text) into a temporary copy of its
    table, then inserts the ones missing: `insert` maps each target column to its value."""
    table = model._meta.db_table
    temp = _quote(f"_restore_{table}")
    columns = ", ".join(_quote(f.column) for f in model._meta.concrete_fields)
    data = _copy_out(
        f"COPY (SELECT {columns} FROM public.{_quote(table)} {where}) TO STDOUT", params
    )
    return (
        f"CREATE TEMP TABLE {temp} (LIKE public.{_quote(table)}) ON COMMIT DROP;\n"
        f"COPY {temp} ({columns}) FROM stdin;\n{data}\\.\n"
        f"INSERT INTO public.{_quote(table)} ({', '.join(_quote(c) for c in insert)}) "
        f"SELECT {', '.join(insert.values())} FROM {temp} AS s ON CONFLICT DO NOTHING;\n"
    )


def _values(model: type[models.Model], *, keep_id: bool = True) -> dict[str, str]:
    """Each column's value from the source row; regions are found again by code."""
    region_model = get_tenant_model()
    values = {}
    for field in model._meta.concrete_fields:
        if field.primary_key and not keep_id:
            continue
        if isinstance(field, models.ForeignKey) and field.related_model is region_model:
            values[field.column] = _region_by_code(field.column)
        else:
            values[field.column] = f"s.{_quote(field.column)}"
    return values


def _region_by_code(column: str) -> str:
    """The target's id of the region the source called `column` (regions match by code)."""
    region_table = _quote(get_tenant_model()._meta.db_table)
    return (
        f"(SELECT t.id FROM public.{region_table} t JOIN _restore_region_codes c "
        f"ON c.code = t.schema_name WHERE c.old_id = s.{_quote(column)})"
    )


def _public_part(code: str) -> tuple[str, list[str]]:
    region_model = get_tenant_model()
    domain_model = apps.get_model(settings.TENANT_DOMAIN_MODEL)
    region_table = _quote(region_model._meta.db_table)
    codes = _copy_out(f"COPY (SELECT id, schema_name FROM public.{region_table}) TO STDOUT", [])
    parts = [
        "CREATE TEMP TABLE _restore_region_codes (old_id bigint, code text) ON COMMIT DROP;\n"
        f"COPY _restore_region_codes (old_id, code) FROM stdin;\n{codes}\\.\n",
        # The registry: a region missing in the target gets a row (the operator's
        # `bootstrap_regions` then gives it an empty schema); ids are the target's own.
        _load_block(region_model, "", [], _values(region_model, keep_id=False)),
        _load_block(domain_model, "", [], _values(domain_model, keep_id=False)),
    ]
    for model, field in REGION_OWNED:
        column = _quote(model._meta.get_field(field).column)
        parts.append(
            f"DELETE FROM public.{_quote(model._meta.db_table)} WHERE {column} = "
            f"(SELECT id FROM public.{region_table} WHERE schema_name = '{code}');\n"
        )
    setvals = []
    needed = needed_public_rows(code)
    for model in sorted(needed, key=lambda m: m._meta.db_table):
        pk = _quote(model._meta.pk.column)
        parts.append(
            _load_block(model, f"WHERE {pk} = ANY(%s)", [sorted(needed[model])], _values(model))
        )
        if isinstance(model._meta.pk, models.AutoField):
            table = _quote(model._meta.db_table)
            sequence = f"pg_get_serial_sequence('public.{table}', '{model._meta.pk.column}')"
            setvals.append(
                f"SELECT setval({sequence}, GREATEST((SELECT max({pk}) FROM public.{table}), 1));\n"
            )
    return "".join(parts), setvals


def pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (folder / name).exists():
            return str(folder / name)
    raise BackupError(f"{name} not found: install the PostgreSQL client (postgresql-client)")


def _libpq_env() -> dict[str, str]:
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    for key, value in (
        ("PGHOST", db.get("HOST")),
        ("PGPORT", db.get("PORT")),
        ("PGUSER", db.get("USER")),
        ("PGPASSWORD", db.get("PASSWORD")),
        ("PGDATABASE", db.get("NAME")),
    ):
        if value:
            env[key] = str(value)
    return env


def region_backup(code: str, path: Path) -> Path:
    """Write region `code`'s backup script to `path`."""
    if not CODE_PATTERN.match(code):
        raise BackupError(f"not a region code: {code!r}")
    if not get_tenant_model().objects.filter(schema_name=code).exists():
        raise BackupError(f"no region {code!r}")
    public, setvals = _public_part(code)
    dump = subprocess.run(
        [
            pg_tool("pg_dump"),
            "--schema",
            code,
            "--no-owner",
            "--no-privileges",
            "--quote-all-identifiers",
        ],
        env=_libpq_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    if dump.returncode != 0:
        raise BackupError(dump.stderr.strip())
    path.write_text(
        f"-- Backup of region {code}: restore with `manage.py region_restore {path.name}`\n"
        f"{public}"
        f'DROP SCHEMA IF EXISTS "{code}" CASCADE;\n'
        f"{dump.stdout}\n" + "".join(setvals),
        encoding="utf-8",
    )
    return path


def region_restore(path: Path, database: str | None = None) -> None:
    """Run a backup script in one transaction against the configured database (or `database`)."""
    env = _libpq_env()
    if database:
        env["PGDATABASE"] = database
    result = subprocess.run(
        [
            pg_tool("psql"),
            "--quiet",
            "--no-psqlrc",
            "-v",
            "ON_ERROR_STOP=1",
            "--single-transaction",
            "-f",
            str(path),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(result.stderr.strip())
