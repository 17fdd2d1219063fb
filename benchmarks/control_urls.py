"""The control server's routes: the benchmark views only, no region site."""

from .bench_urls import bench_patterns

urlpatterns = list(bench_patterns)
