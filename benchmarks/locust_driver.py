"""Fallback load driver when wrk cannot be had: locust headless (heavier on the CPU, and its
percentiles are whole milliseconds)."""

import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .measure import Measurement

LOCUSTFILE = Path(__file__).resolve().parent / "locustfile.py"


def run(
    port: int,
    path: str,
    hosts: tuple[str, ...],
    headers: dict[str, str],
    *,
    seconds: float,
    connections: int,
    cap: int,
    expect: int,
) -> Measurement:
    with tempfile.TemporaryDirectory(prefix="bench-locust-") as folder:
        prefix = str(Path(folder) / "run")
        env = {
            **os.environ,
            "BENCH_HOSTS": ",".join(hosts),
            "BENCH_PATH": path,
            "BENCH_HEADERS": json.dumps(headers),
            "BENCH_EXPECT": str(expect),
            "BENCH_CAP": str(cap),
        }
        command = [
            sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "--only-summary",
            "-u", str(connections), "-r", str(connections), "-t", f"{max(2, round(seconds))}s",
            "--host", f"http://127.0.0.1:{port}", "--csv", prefix, "--loglevel", "ERROR",
            "--exit-code-on-error", "0",
        ]  # fmt: skip
        finished = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        stats = Path(f"{prefix}_stats.csv")
        if finished.returncode or not stats.exists():
            raise RuntimeError(f"locust failed ({finished.returncode}): {finished.stderr[-2000:]}")
        with stats.open(newline="") as handle:
            total = next(row for row in csv.DictReader(handle) if row["Name"] == "Aggregated")
    requests = int(total["Request Count"])
    rps = _figure(total["Requests/s"])
    return Measurement(
        requests=requests,
        seconds=requests / rps if rps else seconds,
        p50_ms=_figure(total["50%"]),
        p99_ms=_figure(total["99%"]),
        errors=int(total["Failure Count"]),
        capped=bool(cap) and requests >= cap,
    )


def _figure(text: str) -> float:
    """Locust writes N/A where it has nothing to report."""
    try:
        return float(text)
    except ValueError:
        return 0.0
