"""Requalification benchmark (issue 14): what moving an application to another region costs.

    deploy/dev/with-db.sh .venv/bin/python -m benchmarks.requalification [--moves 100]

Works on its own database, `<DATABASE_URL's name>_requalify_bench` (created, migrated and
seeded on the first run: about two minutes; kept for the next runs, `--fresh` drops it). The
case is the manual's: a Kashgar teacher who picked 自治区 (xj) moves there and back. The
application has 12 sections, 30 attachments and 20 history entries (the move's own record is
trimmed after each move, outside the timing, so every move carries the same rows). Measured:

1. **one move** through `apply_transition(action="requalify")`, commit included: p50, p99,
   min and max over `--moves` moves (goal: under 100 ms on this machine);
2. **statements per move** with 3, 30 and 300 attachments: the same count (the rows of each
   table are copied by one INSERT … SELECT, whatever their number).

Results: a table on stdout and `benchmarks/results/requalification-latest.json`. Never a
test: figures only.
"""

import argparse
import statistics
import sys
import time
from datetime import timedelta

from .database import NoDatabaseUrlError, base_url, bench_url, drop_database, ensure_database
from .report import write
from .seed import RESULTS, configure_django

SUFFIX = "_requalify_bench"
QUALIFICATION = "school-teacher-chinese-intermediate"
REGIONS = ("xj", "kashgar")
SECTIONS = 12
ATTACHMENTS = 30
HISTORY = 20


def database_url() -> str:
    return bench_url(base_url()).removesuffix("_bench") + SUFFIX


def seed() -> dict:
    """Regions, catalog, an open offering in xj and in Kashgar, a Kashgar unit and applicants
    (idempotent); the offerings' ids by region."""
    from django.utils import timezone

    from core.models import Qualification
    from tenants.crossing import in_region
    from tenants.models import Region
    from workflow.models import Committee, Offering
    from workflow.setup import DEFAULT_FLOW, committee_save, offering_save

    from .seeders import bench_unit, prepare_database

    prepare_database()
    kashgar = Region.objects.get(schema_name="kashgar")
    unit = bench_unit(
        kashgar,
        name="喀什地区第一中学（基准）",
        short_name="喀什一中基准",
        area="653100",
        org_code="RQ000001",
        address="人民东路1号",
        phone="0998-1",
    )
    qualification = Qualification.objects.get(code=QUALIFICATION)
    offerings = {}
    now = timezone.now()
    for code in REGIONS:
        with in_region(code):
            committee = Committee.objects.filter(name__endswith="（更改资格基准）").first()
            if committee is None:
                committee = committee_save(
                    name=f"{code}中小学教师职称评审委员会（更改资格基准）",
                    address="基准路1号",
                    contacts=[],
                    reviews=[{"series": "school-teacher", "levels": ["intermediate"]}],
                )
            offering = Offering.objects.filter(committee=committee).first()
            if offering is None:
                offering = offering_save(
                    committee=committee,
                    qualification=qualification,
                    year=timezone.localdate().year,
                    opens_at=now - timedelta(days=1),
                    closes_at=now + timedelta(days=300),
                    flow_nodes=DEFAULT_FLOW,
                )
            else:
                Offering.objects.filter(pk=offering.pk).update(
                    opens_at=now - timedelta(days=1), closes_at=now + timedelta(days=300)
                )
            offerings[code] = offering.pk
    return {"unit": unit.pk, "offerings": offerings}


def build(world: dict, attachments: int) -> tuple[str, object]:
    """A new applicant's application in xj with the case's rows; its number and applicant."""
    from django.utils import timezone

    from core.models import Role, Unit, User
    from tenants.crossing import in_region
    from workflow.applications import application_create
    from workflow.models import Attachment, Offering, SectionEntry, TransitionRecord

    stamp = f"{time.time_ns()}"
    applicant = User.objects.create(
        username=f"rq-{stamp}", name="喀什教师", role=Role.APPLICANT, is_active=True
    )
    unit = Unit.objects.get(pk=world["unit"])
    with in_region("xj"):
        offering = Offering.objects.select_related("qualification__specialty__series").get(
            pk=world["offerings"]["xj"]
        )
        application = application_create(applicant=applicant, offering=offering, unit=unit)
        keys = [s["key"] for s in application.form.sections][:SECTIONS]
        SectionEntry.objects.bulk_create(
            SectionEntry(application=application, key=key, data={"note": "材料" * 100, "n": i})
            for i, key in enumerate(keys)
        )
        Attachment.objects.bulk_create(
            Attachment(
                application=application,
                section=keys[i % len(keys)],
                blob_sha256=f"{i:064x}",
                name=f"扫描件{i}.png",
                content_type="image/png",
            )
            for i in range(attachments)
        )
        TransitionRecord.objects.bulk_create(
            TransitionRecord(
                application=application,
                action="submit" if i % 2 == 0 else "return",
                actor=applicant,
                org_kind="applicant",
                org_id=applicant.pk,
                from_status="draft",
                to_status="in_review",
                opinion="请补充" if i % 2 else "",
                created_at=timezone.now(),
            )
            for i in range(HISTORY)
        )
    return application.number, applicant


def move(number: str, applicant: object, world: dict, source: str, target: str) -> float:
    """One requalification, commit included; the seconds it took."""
    from tenants.crossing import in_region
    from workflow.transitions import apply_transition

    payload = {"offering": world["offerings"][target], "region": target}
    with in_region(source):
        started = time.perf_counter()
        apply_transition(number=number, action="requalify", actor=applicant, payload=payload)
        return time.perf_counter() - started


def trim(number: str, region: str) -> None:
    """Drop the move's own record, so that the next move carries the same rows."""
    from tenants.crossing import in_region
    from workflow.models import TransitionRecord

    with in_region(region):
        TransitionRecord.objects.filter(application__number=number, action="requalify").delete()


def statements(world: dict, attachments: int) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    number, applicant = build(world, attachments)
    with CaptureQueriesContext(connection) as captured:
        move(number, applicant, world, "xj", "kashgar")
    return len(captured.captured_queries)


def measure(world: dict, moves: int) -> dict:
    number, applicant = build(world, ATTACHMENTS)
    here, there = REGIONS
    for _ in range(3):  # warm-up
        move(number, applicant, world, here, there)
        trim(number, there)
        here, there = there, here
    samples = []
    for _ in range(moves):
        samples.append(move(number, applicant, world, here, there))
        trim(number, there)
        here, there = there, here
    ms = sorted(s * 1000 for s in samples)
    p99 = ms[min(len(ms) - 1, round(0.99 * (len(ms) - 1)))]
    return {
        "moves": moves,
        "sections": SECTIONS,
        "attachments": ATTACHMENTS,
        "history": HISTORY,
        "p50_ms": round(statistics.median(ms), 1),
        "p99_ms": round(p99, 1),
        "min_ms": round(ms[0], 1),
        "max_ms": round(ms[-1], 1),
        "statements": {n: statements(world, n) for n in (3, 30, 300)},
    }


def report(result: dict) -> str:
    counts = result["statements"]
    lines = [
        "requalification: xj ⇄ kashgar, "
        f"{result['sections']} sections, {result['attachments']} attachments, "
        f"{result['history']} history entries, {result['moves']} moves",
        f"  one move        p50 {result['p50_ms']:7.1f} ms   p99 {result['p99_ms']:7.1f} ms   "
        f"(min {result['min_ms']:.1f}, max {result['max_ms']:.1f}; goal < 100 ms: "
        f"{'ok' if result['p99_ms'] < 100 else 'MISSED'}; p50/goal {result['p50_ms'] / 100:.2f})",
        "  statements      "
        + ", ".join(f"{n} attachments: {c}" for n, c in counts.items())
        + f"   (300 / 3 attachments: {counts[300] / counts[3]:.2f}×)",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.requalification", description=__doc__
    )
    parser.add_argument("--moves", type=int, default=100, help="moves timed")
    parser.add_argument("--fresh", action="store_true", help="drop the benchmark database first")
    args = parser.parse_args(argv)
    try:
        url = database_url()
    except NoDatabaseUrlError as error:
        print(error, file=sys.stderr)
        return 2
    if args.fresh:
        drop_database(url)
    ensure_database(url)
    configure_django(url)
    started = time.monotonic()
    world = seed()
    seeded = round(time.monotonic() - started, 1)
    result = measure(world, args.moves)
    result["seed_seconds"] = seeded
    result["database"] = url.rsplit("/", 1)[-1]
    print(report(result))
    out = RESULTS / "requalification-latest.json"
    write(result, out)
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
