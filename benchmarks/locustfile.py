"""Locust user for the harness's fallback driver (benchmarks/locust_driver.py sets BENCH_*)."""

import json
import os
from itertools import count

import gevent
from locust import FastHttpUser, constant, task

HOSTS = os.environ.get("BENCH_HOSTS", "localhost").split(",")
PATH = os.environ.get("BENCH_PATH", "/")
HEADERS: dict[str, str] = json.loads(os.environ.get("BENCH_HEADERS", "{}"))
EXPECT = int(os.environ.get("BENCH_EXPECT", "200"))
CAP = int(os.environ.get("BENCH_CAP", "0"))
_sent = count(1)


class BenchUser(FastHttpUser):
    wait_time = constant(0)

    @task
    def get(self) -> None:
        n = next(_sent)
        if CAP and n > CAP:
            gevent.spawn(self.environment.runner.quit)
            return
        headers = {**HEADERS, "Host": HOSTS[n % len(HOSTS)]}
        with self.client.get(PATH, headers=headers, name=PATH, catch_response=True) as answer:
            if answer.status_code == EXPECT:
                answer.success()
            else:
                answer.failure(f"status {answer.status_code}")
