"""The servers under test: gunicorn with deploy/gunicorn.conf.py, on loopback, a free port."""

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .measure import CpuSnapshot

ROOT = Path(__file__).resolve().parent.parent
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"
LOOPBACK = "127.0.0.1"


class ServerError(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def get(port: int, host: str, path: str, timeout: float = 5.0) -> tuple[int, bytes]:
    """One request to 127.0.0.1:port with the given Host header."""
    connection = http.client.HTTPConnection(LOOPBACK, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@dataclass
class Server:
    name: str
    settings: str
    port: int
    process: subprocess.Popen[bytes]
    log: Path
    info: dict[str, object]

    def snapshot(self) -> CpuSnapshot:
        return CpuSnapshot.take(self.process.pid, str(self.info.get("database", "")))

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # gunicorn's graceful shutdown
        try:
            self.process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)  # our own session: master and workers
            self.process.wait(timeout=10)


def start(
    name: str,
    settings: str,
    host: str,
    env: Mapping[str, str],
    *,
    workers: int,
    max_requests: int | None,
    log_dir: Path,
) -> Server:
    """Start gunicorn as production would, wait until it answers, and check what it runs."""
    port = free_port()
    log = log_dir / f"gunicorn-{name}.log"
    command = [
        sys.executable, "-m", "gunicorn",
        "-c", str(GUNICORN_CONF),
        "-e", f"DJANGO_SETTINGS_MODULE={settings}",  # the conf's raw_env names production's
        "--no-control-socket",  # gunicorn 27's is one per user: leave other servers' alone
        "config.wsgi",
    ]  # fmt: skip
    if max_requests is not None:
        command[-1:-1] = ["--max-requests", str(max_requests)]
    server_env = {
        **env,
        "GUNICORN_BIND": f"{LOOPBACK}:{port}",
        "GUNICORN_WORKERS": str(workers),
    }
    with log.open("wb") as output:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=server_env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(name, settings, port, process, log, {})
    try:
        server.info = _wait_until_ready(server, host)
    except BaseException:
        server.stop()
        raise
    if server.info.get("settings") != settings or server.info.get("debug"):
        server.stop()
        raise ServerError(f"{name} server runs {server.info}, expected {settings} without DEBUG")
    return server


def _wait_until_ready(server: Server, host: str, timeout: float = 60.0) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise ServerError(
                f"{server.name} server exited; see {server.log}:\n{_tail(server.log)}"
            )
        try:
            status, body = get(server.port, host, "/bench/whoami/")
        except OSError:
            time.sleep(0.2)
            continue
        if status == 200:
            return dict(json.loads(body))
        raise ServerError(f"{server.name} server answered {status}; see {server.log}")
    raise ServerError(f"{server.name} server did not answer in {timeout:.0f} s; see {server.log}")


def _tail(path: Path, lines: int = 30) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
