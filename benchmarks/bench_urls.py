"""The benchmark's own routes, mounted first in both the control and the routed URL confs."""

from django.urls import path

from . import views

bench_patterns = [
    path("bench/hello/", views.hello, name="bench-hello"),
    path("bench/users/<str:username>/", views.OneRowApi.as_view(), name="bench-one-row"),
    path("bench/whoami/", views.whoami, name="bench-whoami"),
]
