"""gunicorn settings for production: `gunicorn -c deploy/gunicorn.conf.py config.wsgi`."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# Load Django once in the master: a recycled worker (max_requests) starts in milliseconds
# instead of re-importing everything (≈1 s of CPU each, measured by benchmarks/).
preload_app = True
timeout = 60
graceful_timeout = 30
# Recycling is a guard against slow leaks, not a cure: each recycle leaves the requests queued
# behind the exiting worker waiting (a p99 of ~0.25 s in benchmarks/); at 5,000 that happened
# every few seconds at full load. 50,000 is still hourly at this platform's peak.
max_requests = 50000
max_requests_jitter = 5000
accesslog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
raw_env = ["DJANGO_SETTINGS_MODULE=config.settings.production"]
