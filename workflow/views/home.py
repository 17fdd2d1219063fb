from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.forms import LoginForm
from workflow.models import Notice


def region_home(request: HttpRequest) -> HttpResponse:
    """A region's home page: its notices, and the login when nobody is logged in."""
    notices = Notice.objects.published()[:10]
    form = None if request.user.is_authenticated else LoginForm(request)
    return render(request, "workflow/region_home.html", {"notices": notices, "form": form})
