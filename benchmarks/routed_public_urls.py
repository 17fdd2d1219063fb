"""The public host on the routed server: the benchmark views, then the public site unchanged."""

from config.urls_public import urlpatterns as public_patterns

from .bench_urls import bench_patterns

urlpatterns = [*bench_patterns, *public_patterns]
