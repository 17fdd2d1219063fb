from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from core.caching.pages import cached_page
from core.files.blobs import blob_response, blob_sizes
from core.identity.login_forms import LoginForm
from core.models import Blob
from workflow.models import Notice
from workflow.selectors import (
    committees_directory,
    flow_views,
    offerings_for,
    region_home_changes,
    series_labels,
)


def region_home(request: HttpRequest) -> HttpResponse:
    """A region's home page: notices, open offerings with deadlines, the committee directory.

    Served from the page cache (core.caching.pages) until its tables change or time alone changes
    it (workflow.selectors.region_home_changes); anonymous visitors share one copy."""
    now = timezone.now()

    def render_page(extra: dict[str, object]) -> HttpResponse:
        notices = Notice.objects.published()[:10]
        offerings = list(offerings_for(open_only=True, moment=now)[:20])
        committees, series = committees_directory()
        form = None if request.user.is_authenticated else LoginForm(request)
        return render(
            request,
            "workflow/region_home.html",
            {
                "notices": notices,
                "form": form,
                "now": now,
                "offerings": [(o, (o.closes_at - now).days) for o in offerings],
                "flows": flow_views(offerings),
                "committees": committees,
                "series_names": series_labels(series),
                **extra,
            },
        )

    return cached_page(request, "region-home", render_page, expressions=region_home_changes(now))


def committees_page(request: HttpRequest) -> HttpResponse:
    """联系评审委员会目录 (manual, 其他常见问题 (1))."""
    committees, series = committees_directory()
    return render(
        request,
        "workflow/committees.html",
        {"committees": committees, "series_names": series_labels(series)},
    )


def offerings_page(request: HttpRequest) -> HttpResponse:
    """This year's offerings of the region with their windows and flows."""
    now = timezone.now()
    year = request.GET.get("year", "")
    offerings = list(offerings_for(year=int(year) if year.isdigit() else now.year))
    return render(
        request,
        "workflow/offerings.html",
        {
            "offerings": [(o, o.window_state(now), (o.closes_at - now).days) for o in offerings],
            "flows": flow_views(offerings),
            "year": int(year) if year.isdigit() else now.year,
        },
    )


def notice_page(request: HttpRequest, pk: int) -> HttpResponse:
    notice = get_object_or_404(Notice.objects.published(), pk=pk)
    # Each file with its size (notices store only name, hash and type).
    sizes = blob_sizes([a["sha256"] for a in notice.attachments])
    files = [{**a, "size": sizes.get(a["sha256"])} for a in notice.attachments]
    return render(
        request,
        "workflow/notice.html",
        {"notice": notice, "files": files, "crumb_title": notice.title},
    )


def notice_file(request: HttpRequest, pk: int, sha256: str) -> HttpResponseBase:
    """A notice's attachment: public, like the notice, and only files the notice lists."""
    notice = get_object_or_404(Notice.objects.published(), pk=pk)
    listed = next((a for a in notice.attachments if a["sha256"] == sha256), None)
    if listed is None:
        raise Http404
    blob = get_object_or_404(Blob, pk=sha256)
    return blob_response(request, blob, filename=listed["name"])
