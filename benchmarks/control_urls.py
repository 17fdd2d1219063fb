"""The control server's routes: the benchmark views first, then the region site's.

The region site is mounted only so that both servers import the same code and resolve the
benchmark paths alike; the control never requests it (without routing it has no region).
"""

from config.urls_region import urlpatterns as region_patterns

from .bench_urls import bench_patterns

urlpatterns = [*bench_patterns, *region_patterns]
