"""One scenario's figures, and where the machine's CPU went while it ran."""

import os
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

TICKS = os.sysconf("SC_CLK_TCK")
# A worker younger than this may still be importing Django: its server is not at full strength.
WORKER_SETTLE_S = 5.0


@dataclass(frozen=True)
class Measurement:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int  # socket errors, timeouts and responses with an unexpected status
    capped: bool = False  # stopped by the request cap: req/s is then understated
    cpu_ms_per_request: float | None = None  # the server's CPU (gunicorn master and workers)
    db_cpu_ms_per_request: float | None = None  # PostgreSQL backends of the bench database
    other_cores: float | None = None  # CPU used by everything else on the machine, in cores
    recycled: bool = False  # a gunicorn worker was replaced (max_requests) during the round

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


class Driver(Protocol):
    """A load generator: wrk (benchmarks.wrk) or locust (benchmarks.locust_driver)."""

    def __call__(
        self,
        port: int,
        path: str,
        hosts: tuple[str, ...],
        headers: dict[str, str],
        *,
        seconds: float,
        connections: int,
        cap: int,
        expect: int,
    ) -> Measurement: ...


@dataclass(frozen=True)
class CpuSnapshot:
    """CPU seconds so far: the machine's busy time, and the shares we can name."""

    machine: float
    server: float
    database: float
    ours: float  # this harness and the load generators it has run and reaped
    workers: frozenset[int]  # the server's worker processes
    youngest_worker_s: float  # age of the newest worker: a young one may still be loading Django

    @classmethod
    def take(cls, server_pid: int, database: str) -> "CpuSnapshot":
        server = database_cpu = 0.0
        workers: set[int] = set()
        newest = 0
        needle = f" {database} ".encode()
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            fields = _stat(int(entry.name))
            if fields is None:
                continue
            utime, stime, cutime, cstime = (int(value) for value in fields[11:15])
            if int(entry.name) == server_pid:
                server += (utime + stime + cutime + cstime) / TICKS
            elif int(fields[1]) == server_pid:
                server += (utime + stime) / TICKS
                workers.add(int(entry.name))
                newest = max(newest, int(fields[19]))  # field 22: start time, ticks after boot
            elif needle in _cmdline(int(entry.name)):  # "postgres: user database host(port) …"
                database_cpu += (utime + stime) / TICKS
        times = os.times()
        ours = times.user + times.system + times.children_user + times.children_system
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        youngest = uptime - newest / TICKS
        return cls(_machine_busy(), server, database_cpu, ours, frozenset(workers), youngest)


def wait_until_quiet(limit: float, *, idle_below: float = 0.15, window: float = 1.0) -> float:
    """Wait, at most `limit` seconds, for a `window` in which the machine is nearly idle.

    Between rounds our servers are idle, so what is busy then is someone else. Returns the wait.
    """
    started = time.monotonic()
    while time.monotonic() - started < limit:
        before = _machine_busy()
        time.sleep(window)
        if (_machine_busy() - before) / window <= idle_below:
            break
    return time.monotonic() - started


def _machine_busy() -> float:
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / TICKS


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()  # fields from the 3rd on; the name may have spaces


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
    except OSError:
        return b""


def attribute(
    measurement: Measurement, before: CpuSnapshot, after: CpuSnapshot, seconds: float
) -> Measurement:
    """The measurement with the server's and database's CPU per request and the others' load."""
    requests = measurement.requests or 1
    server = after.server - before.server
    database = after.database - before.database
    others = (after.machine - before.machine) - server - database - (after.ours - before.ours)
    return replace(
        measurement,
        cpu_ms_per_request=round(server * 1000 / requests, 3),
        db_cpu_ms_per_request=round(database * 1000 / requests, 3),
        other_cores=round(max(0.0, others) / seconds, 2) if seconds else None,
        recycled=before.workers != after.workers or before.youngest_worker_s < WORKER_SETTLE_S,
    )
