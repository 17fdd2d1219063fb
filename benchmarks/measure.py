"""One scenario's figures, and the CPU a server's process tree used."""

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Measurement:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int  # socket errors, timeouts and responses with an unexpected status
    capped: bool = False  # stopped by the request cap: req/s is then understated
    cpu_ms_per_request: float | None = None  # the server's CPU (gunicorn master and workers)

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


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()  # fields from the 3rd on; the name may have spaces


def tree_cpu_seconds(root: int) -> float:
    """CPU used by `root`, its live children and the children it has reaped (recycled workers)."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        fields = _stat(int(entry.name))
        if fields is None:
            continue
        utime, stime, cutime, cstime = (int(value) for value in fields[11:15])
        if int(entry.name) == root:
            total += utime + stime + cutime + cstime
        elif int(fields[1]) == root:
            total += utime + stime
    return total / TICKS
