from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from core.forms import LoginForm
from workflow.models import Notice
from workflow.selectors import committees_directory, flow_views, offerings_for


def region_home(request: HttpRequest) -> HttpResponse:
    """A region's home page: notices, open offerings with deadlines, the committee directory."""
    now = timezone.now()
    notices = Notice.objects.published()[:10]
    offerings = list(offerings_for(open_only=True, moment=now)[:20])
    committees, series_names = committees_directory()
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
            "series_names": series_names,
        },
    )


def committees_page(request: HttpRequest) -> HttpResponse:
    """联系评审委员会目录 (manual, 其他常见问题 (1))."""
    committees, series_names = committees_directory()
    return render(
        request,
        "workflow/committees.html",
        {"committees": committees, "series_names": series_names},
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
