"""Production settings, tenant routing included, plus the benchmark's routes on every host.

Everything that production serves is served unchanged; `bench/...` paths come first.
"""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "benchmarks.routed_urls"
PUBLIC_SCHEMA_URLCONF = "benchmarks.routed_public_urls"
