"""Printing benchmark (issue 13): what rendering a review form costs, against bare weasyprint.

    deploy/dev/with-db.sh .venv/bin/python -m benchmarks.printing [--forms 200] [--rounds 10]

Works on its own database, `<DATABASE_URL's name>_print_bench` (created, migrated and seeded
on the first run: about two minutes; kept for the next runs, `--fresh` drops it), with
rendered files in a temporary media root, so every run starts cold. It measures, in one run:

1. **render vs bare weasyprint**: the same HTML of one typical official review form (every
   section filled, five to eight rows in the repeated tables) rendered `--rounds` times by bare
   weasyprint (`HTML(string=...).write_pdf()`) and by ours (weasyprint, then the CJK fonts cut
   to the glyphs drawn), alternating; medians and the ratio (goal ≤ 2×). Also the whole
   render of a document from the database (read, hash, template, PDF, store, record).
2. **a cached hit**: the same document asked again through Django's handler (session, access
   check, read and hash, served from storage), median of 50.
3. **file size**: bytes of bare weasyprint's PDF and of ours, and pages (goal ≤ 200 KB for a
   4-page form).
4. **a committee's merged PDF of `--forms` forms**: a print job run in process, cold (every
   form rendered, then merged), its time, pages and size.

Results: a table on stdout and `benchmarks/results/printing-latest.json`. With
`PRINT_BENCH_HTML=<path>` the measured form's HTML is written there (for profiling).
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from .database import NoDatabaseUrlError, base_url, bench_url, drop_database, ensure_database
from .report import write
from .seed import RESULTS, configure_django

SUFFIX = "_print_bench"
REGION = "urumqi"
QUALIFICATION = "school-teacher-chinese-intermediate"
COMMITTEE = "乌鲁木齐市中小学教师职称评审委员会（打印基准）"
PREFIX = "PB"
# Rows of the repeated tables of a typical form, by section.
ROWS = {"education": 2, "appraisals": 5, "continuing_education": 8, "teaching_ability": 4}
PHRASES = [
    "新疆师范大学",
    "乌鲁木齐市第一中学",
    "自治区级骨干教师培训",
    "公开课《背影》获一等奖",
    "国家通用语言文字教学能力提升研修",
    "课题“核心素养下的阅读教学”结题",
    "教育部国培计划",
    "送教下乡活动",
]


def database_url() -> str:
    url = bench_url(base_url())
    return url.removesuffix("_bench") + SUFFIX


def _value(name: str, prop: dict, n: int, i: int) -> object:
    """A realistic value for property `name`, different for each form `n`."""
    if prop.get("readOnly"):
        return None
    if "enum" in prop:
        return prop["enum"][(n + i) % len(prop["enum"])]
    kind = prop.get("type")
    if kind == "boolean":
        return (n + i) % 3 == 0
    if kind in ("integer", "number"):
        low = prop.get("minimum", 0)
        high = prop.get("maximum", low + 40)
        return int(low + (n * 7 + i * 3) % max(int(high - low), 1))
    if kind == "string":
        if prop.get("format") == "date":
            return f"{2005 + (n + i) % 18}-{1 + (n + i) % 12:02d}-{1 + (n * 3 + i) % 28:02d}"
        if "pattern" in prop:
            return f"139{n:04d}{i:04d}"[:11]
        longest = prop.get("maxLength", 50)
        text = PHRASES[(n + i) % len(PHRASES)]
        if longest >= 500:
            text = "；".join(PHRASES[(n + k) % len(PHRASES)] for k in range(12))
        return text[:longest]
    return None


def section_data(schema: dict, key: str, n: int) -> dict:
    data = {}
    for i, (name, prop) in enumerate((schema.get("properties") or {}).items()):
        if prop.get("type") == "array":
            items = prop.get("items") or {}
            count = ROWS.get(key, 0)
            data[name] = [
                {
                    sub: value
                    for j, (sub, sub_prop) in enumerate((items.get("properties") or {}).items())
                    if (value := _value(sub, sub_prop, n + row, j)) is not None
                }
                for row in range(count)
            ]
            continue
        value = _value(name, prop, n, i)
        if value is not None:
            data[name] = value
    if "has_records" in data:
        data["has_records"] = bool(data.get("records"))
    return data


def seed(forms: int) -> list[str]:
    """The offering, a unit and `forms` applicants whose applications passed formal review,
    every section filled (idempotent); their numbers."""
    from django.utils import timezone

    from core.catalog.forms import form_current
    from core.identity.validators import make_id_card_number
    from core.models import Authority, Qualification, Role, User
    from tenants.crossing import in_region
    from tenants.models import Region
    from workflow.models import Application, Attachment, Committee, SectionEntry
    from workflow.setup import DEFAULT_FLOW, committee_save, offering_save
    from workflow.states import Status
    from workflow.transitions import UNIT_SECTION

    from .seeders import bench_unit, prepare_database

    prepare_database()
    region = Region.objects.get(schema_name=REGION)
    authority, _ = Authority.objects.get_or_create(region=region, name="乌鲁木齐市教育局（基准）")
    unit = bench_unit(
        region,
        name="乌鲁木齐市第七十中学（基准）",
        short_name="七十中基准",
        area="650100",
        org_code="PB000001",
        address="新华南路7号",
        phone="0991-7",
    )
    unit.recommending_units.add(authority)
    existing = set(
        User.objects.filter(username__startswith="printbench-").values_list("username", flat=True)
    )
    people = []
    for n in range(forms):
        username = f"printbench-{n:04d}"
        if username in existing:
            continue
        birth = date(1970, 1, 1) + timedelta(days=37 * n)
        people.append(
            User(
                username=username,
                name=("阿依古丽" if n % 3 else "ئالىيە") + f"{n}",
                role=Role.APPLICANT,
                phone=f"139{n:08d}",
                id_card_number=make_id_card_number("650102", birth, 100 + n % 800),
            )
        )
    User.objects.bulk_create(people)
    applicants = list(
        User.objects.filter(username__startswith="printbench-").order_by("username")[:forms]
    )
    now = timezone.now()
    with in_region(REGION):
        committee = Committee.objects.filter(name=COMMITTEE).first() or committee_save(
            name=COMMITTEE,
            address="人民路1号",
            contacts=[{"name": "阿不都", "phone": "0991-3000001"}],
            reviews=[{"series": "school-teacher", "levels": ["intermediate"]}],
        )
        qualification = Qualification.objects.get(code=QUALIFICATION)
        offering = committee.offerings.filter(qualification=qualification).first() or offering_save(
            committee=committee,
            qualification=qualification,
            year=timezone.localdate().year,
            opens_at=now - timedelta(days=30),
            closes_at=now + timedelta(days=30),
            flow_nodes=DEFAULT_FLOW,
            max_submissions=3,
        )
        form = form_current(qualification.specialty.series.form_key)
        have = set(
            Application.objects.filter(offering=offering).values_list("applicant_id", flat=True)
        )
        new = [
            Application(
                number=f"{PREFIX}{n:08d}",
                applicant=applicant,
                unit=unit,
                offering=offering,
                qualification=qualification,
                year=offering.year,
                form=form,
                flow=offering.flow,
                status=Status.FORMAL_REVIEW_PASSED,
                submission_count=1,
                unit_acted=True,
                recommending_unit=authority,
                submitted_at=now,
            )
            for n, applicant in enumerate(applicants)
            if applicant.pk not in have
        ]
        Application.objects.bulk_create(new)
        entries, files = [], []
        for application in new:
            n = int(application.number.removeprefix(PREFIX))
            for section in form.sections:
                key = section["key"]
                if key == UNIT_SECTION:
                    data = {
                        "responsible_person": "如则麦",
                        "responsible_phone": "15999370000",
                        "opinion": "该同志师德高尚，教学成绩突出，所报材料真实，同意推荐。" * 2,
                    }
                else:
                    data = section_data(section["schema"], key, n)
                entries.append(SectionEntry(application=application, key=key, data=data))
                files += [
                    Attachment(
                        application=application,
                        section=key,
                        blob_sha256=f"{n:032x}{k:032x}",
                        name=f"{section['title']}证明{k + 1}.jpg",
                        content_type="image/jpeg",
                    )
                    for k in range(1 + n % 2)
                ]
        SectionEntry.objects.bulk_create(entries)
        Attachment.objects.bulk_create(files)
        numbers = list(
            Application.objects.filter(offering=offering)
            .order_by("number")
            .values_list("number", flat=True)
        )
    return numbers[:forms]


def _median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 1)


def measure(numbers: list[str], rounds: int, forms: int) -> dict:
    from django.conf import settings
    from django.template.loader import render_to_string
    from django.test import Client
    from django.utils import translation
    from pypdf import PdfReader
    from weasyprint import HTML

    from printing import batches, documents, storage
    from printing.models import DocumentKind, PrintBatch
    from printing.pdf import html_to_pdf
    from tenants.crossing import in_region
    from workflow.models import Application

    origin = "http://localhost"
    with in_region(REGION):
        application = Application.objects.select_related(
            "offering__committee",
            "qualification__specialty__series",
            "unit",
            "flow",
            "applicant",
            "form",
        ).get(number=numbers[1])
        prepared = documents.prepare(application, DocumentKind.REVIEW_FORM, origin=origin)
        with translation.override(settings.LANGUAGE_CODE):
            html = render_to_string(documents.TEMPLATES[prepared.kind], prepared.context)
            if os.environ.get("PRINT_BENCH_HTML"):
                Path(os.environ["PRINT_BENCH_HTML"]).write_text(html, encoding="utf-8")

        # 1. bare weasyprint vs ours, same HTML, alternating after one warm-up each.
        bare_pdf = HTML(string=html).write_pdf()
        ours_pdf = html_to_pdf(html).data
        bare, ours = [], []
        for _ in range(rounds):
            started = time.perf_counter()
            HTML(string=html).write_pdf()
            bare.append(time.perf_counter() - started)
            started = time.perf_counter()
            html_to_pdf(html)
            ours.append(time.perf_counter() - started)
        whole = []
        for _ in range(max(rounds // 2, 3)):
            relative = prepared.relative
            storage.absolute_path(relative).unlink(missing_ok=True)
            started = time.perf_counter()
            fresh = documents.prepare(application, DocumentKind.REVIEW_FORM, origin=origin)
            documents.ensure(fresh)
            whole.append(time.perf_counter() - started)

    # 2. a cached hit through Django's handler, as the applicant.
    client = Client(HTTP_HOST=f"{REGION}.localhost")
    client.force_login(application.applicant)
    path = f"/print/{application.number}/review-form.pdf"
    assert client.get(path).status_code == 200
    hits = []
    for _ in range(50):
        started = time.perf_counter()
        response = client.get(path)
        hits.append(time.perf_counter() - started)
        assert response.status_code == 200
    in_process = []
    with in_region(REGION):
        for _ in range(50):
            started = time.perf_counter()
            documents.document_for(application, DocumentKind.REVIEW_FORM, origin=origin)
            in_process.append(time.perf_counter() - started)

    # 4. a committee's merged PDF, cold.
    batches.BATCH_SLICE_SECONDS = float("inf")
    with in_region(REGION):
        job = PrintBatch.objects.create(
            committee=application.offering.committee,
            offering=application.offering,
            title="打印基准",
            numbers=numbers[:forms],
            total=len(numbers[:forms]),
            requested_by=application.applicant,
            origin="http://bench.localhost",  # another origin: every form renders anew
        )
        started = time.perf_counter()
        batches.batch_run(job.pk)
        merged_seconds = time.perf_counter() - started
        job.refresh_from_db()
        started = time.perf_counter()
        batches.merge(job.parts)
        merge_only = time.perf_counter() - started
        job_pages = job.pages
        job_size = job.size
        status = job.status
        sizes = [storage.absolute_path(p).stat().st_size for p in job.parts]
        page_counts = [len(PdfReader(storage.absolute_path(p)).pages) for p in job.parts]

    pages = len(PdfReader(io.BytesIO(ours_pdf)).pages)
    return {
        "form": {"number": application.number, "pages": pages, "html_chars": len(html)},
        "render_ms": {
            "bare_weasyprint": _median_ms(bare),
            "ours": _median_ms(ours),
            "ratio": round(statistics.median(ours) / statistics.median(bare), 2),
            "whole_document": _median_ms(whole),
            "rounds": rounds,
        },
        "cached_hit_ms": {"request": _median_ms(hits), "in_process": _median_ms(in_process)},
        "size_bytes": {"bare_weasyprint": len(bare_pdf), "ours": len(ours_pdf), "pages": pages},
        "merged": {
            "forms": len(job.parts),
            "status": status,
            "seconds": round(merged_seconds, 1),
            "per_form_ms": round(1000 * merged_seconds / max(len(job.parts), 1), 1),
            "merge_only_seconds": round(merge_only, 2),
            "pages": job_pages,
            "bytes": job_size,
            "form_pages": {"min": min(page_counts), "max": max(page_counts)},
            "form_bytes_median": int(statistics.median(sizes)),
            "all_even": all(p % 2 == 0 for p in page_counts),
        },
    }


def report(result: dict) -> str:
    r, c, s, m = (
        result["render_ms"],
        result["cached_hit_ms"],
        result["size_bytes"],
        result["merged"],
    )
    lines = [
        f"form {result['form']['number']}: {result['form']['pages']} pages",
        f"render, same HTML ({r['rounds']} rounds, median): "
        f"bare weasyprint {r['bare_weasyprint']} ms, ours {r['ours']} ms -> {r['ratio']}x "
        "(goal <= 2x)",
        "whole document from the database (read, hash, template, PDF, store, record): "
        f"{r['whole_document']} ms",
        f"cached hit: {c['request']} ms per request through Django, "
        f"{c['in_process']} ms in process",
        f"size: bare weasyprint {s['bare_weasyprint'] // 1024} KB, ours {s['ours'] // 1024} KB "
        f"for {s['pages']} pages (goal <= 200 KB for 4 pages)",
        f"merged PDF of {m['forms']} forms ({m['status']}): {m['seconds']} s cold "
        f"({m['per_form_ms']} ms a form, merge alone {m['merge_only_seconds']} s), "
        f"{m['pages']} pages, {m['bytes'] / 1024 / 1024:.1f} MB; forms {m['form_pages']['min']}-"
        f"{m['form_pages']['max']} pages, median {m['form_bytes_median'] // 1024} KB, "
        f"all even: {m['all_even']}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.printing", description=__doc__)
    parser.add_argument("--forms", type=int, default=200, help="forms in the merged PDF")
    parser.add_argument("--rounds", type=int, default=10, help="renders of each kind timed")
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
    with tempfile.TemporaryDirectory(prefix="printbench-") as media:
        os.environ["MEDIA_ROOT"] = media  # cold: nothing rendered yet
        configure_django(url)
        started = time.monotonic()
        numbers = seed(max(args.forms, 2))
        seeded = round(time.monotonic() - started, 1)
        result = measure(numbers, args.rounds, args.forms)
    result["seed_seconds"] = seeded
    result["database"] = url.rsplit("/", 1)[-1]
    print(report(result))
    out = RESULTS / "printing-latest.json"
    write(result, out)
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
