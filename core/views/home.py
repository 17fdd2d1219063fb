from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from core.identity.login_forms import LoginForm


def public_home(request: HttpRequest) -> HttpResponse:
    """The public site: what the platform is, and the login with the region selector."""
    form = None if request.user.is_authenticated else LoginForm(request)
    return render(request, "core/public_home.html", {"form": form})
