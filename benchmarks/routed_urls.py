"""A region host on the routed server: the benchmark views, then the region site unchanged."""

from config.urls_region import urlpatterns as region_patterns

from .bench_urls import bench_patterns

urlpatterns = [*bench_patterns, *region_patterns]
