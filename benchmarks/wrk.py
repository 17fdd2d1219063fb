"""Load from Debian's wrk: a separate C process, light enough to share two cores fairly."""

import json
import os
import shutil
import subprocess
from pathlib import Path

from .measure import Measurement

SCRIPT = Path(__file__).resolve().parent / "wrk_report.lua"
MARK = "BENCH-JSON "


def available(*, install: bool = True) -> bool:
    """True when wrk is on PATH, installing Debian's package with apt-get when allowed."""
    if shutil.which("wrk"):
        return True
    if not install or not shutil.which("apt-get") or os.geteuid() != 0:
        return False
    print("bench: wrk is not installed; installing Debian's wrk with apt-get (once) ...")
    quiet = {
        "stdout": subprocess.DEVNULL,
        "env": {**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    }
    if subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=False, **quiet).returncode:
        subprocess.run(["apt-get", "update", "-q"], check=False, **quiet)
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=False, **quiet)
    return shutil.which("wrk") is not None


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
    """Drive 127.0.0.1:<port><path> for `seconds` over `connections` connections, one thread."""
    command = [
        "wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", "10s",
        "-s", str(SCRIPT), f"http://127.0.0.1:{port}{path}",
        "--", str(expect), str(cap), ",".join(hosts),
        *(f"{name}: {value}" for name, value in headers.items()),
    ]  # fmt: skip
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    line = next((x for x in finished.stdout.splitlines() if x.startswith(MARK)), None)
    if finished.returncode or line is None:
        raise RuntimeError(
            f"wrk failed ({finished.returncode}): {finished.stderr or finished.stdout}"
        )
    data = json.loads(line.removeprefix(MARK))
    return Measurement(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        p50_ms=data["p50_us"] / 1e3,
        p99_ms=data["p99_us"] / 1e3,
        errors=data["socket_errors"] + data["timeouts"] + data["unexpected"],
        capped=bool(data["capped"]),
    )
