"""Load test of the HTTP service: a bounded number of requests against a real server.

The server (`kim_cooperation.serve`, uvicorn, its access log on and written to /dev/null, as
a deployment writes it somewhere) runs in a subprocess on a free loopback port: the parent
binds port 0 and hands the socket to the child, so no other process can take the port in
between. The client sends 20,000 requests (``--requests``) over 32 connections at once
(``--concurrency``), a mix of realistic requests on the built-in Coesfeld agreement: a
settlement, a projection over three years, a notice deadline and an explanation. It reports
requests per second, the latency p50 and p99, the errors (any answer but 200, or a failed
connection) and the server's resident memory (RSS) after the first 1,000 requests and after
all of them. It exits with status 1 if there was an error or if the RSS grew by more than
1.2 times: a service that keeps no state between requests must not grow with them.

The client is threads with the standard library's `http.client`, one persistent HTTP/1.1
connection per thread, as a budget system's connection pool keeps them. No dependency is
needed (httpx would be the asyncio choice, but is not among the project's dependencies), the
client runs in another process than the server, so its interpreter lock does not slow the
server, and a blocking client measures each request's latency as its caller sees it. Before
the run, the answer to each request of the mix is checked against
`kim_cooperation.contract.calculate` of the same request.

Run it with ``python bench/load_serve.py [--requests N] [--concurrency N]``; the RSS is read
from ``/proc`` (Linux).
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import environment, note, print_environment, print_table

from kim_cooperation import contract

FIRST = 1_000
"""The requests after which the first RSS is read."""

MAX_GROWTH = 1.2
"""The largest ratio of the RSS after all requests to the RSS after the first `FIRST`."""

MIX: tuple[dict[str, object], ...] = (
    {"agreement": "coesfeld", "questions": [{"type": "settle", "year": 2023}]},
    {
        "agreement": "coesfeld",
        "lang": "en",
        "questions": [{"type": "project", "years": [2024, 2025, 2026], "growth": "3 %"}],
    },
    {"agreement": "coesfeld", "questions": [{"type": "deadline", "received": "2024-06-28"}]},
    {
        "agreement": "coesfeld",
        "lang": "en",
        "questions": [{"type": "explain", "town": "Havixbeck", "year": 2023}],
    },
)
"""The requests sent, in turn."""

SERVER = """
import socket, sys
import uvicorn
from kim_cooperation.serve import create_app
from kim_cooperation.serve._command import log_config

listening = socket.socket(fileno=int(sys.argv[1]))
config = uvicorn.Config(
    create_app(), access_log=False, log_config=log_config(), log_level="warning", lifespan="off"
)
uvicorn.Server(config).run(sockets=[listening])
"""
"""The server's process: the service as `kim_cooperation.serve.serve` runs it, on a given socket."""


def rss_bytes(pid: int) -> int:
    """The resident memory of process ``pid``, from ``/proc/PID/status``."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS in /proc/{pid}/status")


class Client:
    """Threads that send requests of the mix over persistent connections; they collect latencies."""

    def __init__(self, port: int, bodies: Sequence[bytes]) -> None:
        self.port = port
        self.bodies = bodies
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self._lock = threading.Lock()

    def _worker(self, tickets: itertools.count[int], total: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Content-Type": "application/json"}
        mine: list[float] = []
        failed: list[str] = []
        try:
            for ticket in tickets:
                if ticket >= total:
                    break
                content = self.bodies[ticket % len(self.bodies)]
                start = time.perf_counter()
                try:
                    connection.request("POST", "/calculate", content, headers)
                    response = connection.getresponse()
                    answer = response.read()
                except (OSError, http.client.HTTPException) as error:
                    failed.append(f"{type(error).__name__}: {error}")
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                    continue
                mine.append(time.perf_counter() - start)
                if response.status != 200:
                    failed.append(f"status {response.status}: {answer[:200]!r}")
        finally:
            connection.close()
            with self._lock:
                self.latencies.extend(mine)
                self.errors.extend(failed)

    def run(self, requests: int, concurrency: int) -> float:
        """Send ``requests`` requests over ``concurrency`` connections; return the seconds taken."""
        tickets = itertools.count()  # next() of a count is atomic under the GIL
        threads = [
            threading.Thread(target=self._worker, args=(tickets, requests))
            for _ in range(concurrency)
        ]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return time.perf_counter() - start


def _get(port: int, path: str, content: bytes | None = None) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        if content is None:
            connection.request("GET", path)
        else:
            connection.request("POST", path, content, {"Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _wait_until_up(port: int, server: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with status {server.returncode}")
        try:
            if _get(port, "/health")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise RuntimeError("the server did not answer /health within 30 s")


def _check_answers(port: int, bodies: Sequence[bytes]) -> None:
    for request, content in zip(MIX, bodies, strict=True):
        status, answer = _get(port, "/calculate", content)
        if status != 200 or json.loads(answer) != contract.calculate(request):
            raise AssertionError(f"the service answered {request} wrongly: {status} {answer!r}")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=20_000, help="requests in all")
    parser.add_argument("--concurrency", type=int, default=32, help="connections at once")
    options = parser.parse_args(argv)
    if options.requests <= FIRST or options.concurrency < 1:
        parser.error(f"--requests must be more than {FIRST:,} and --concurrency at least 1")
    print_environment(environment())
    print(f"\n== load_serve: {options.requests:,} requests, {options.concurrency} connections ==")

    bodies = [json.dumps(request).encode("utf-8") for request in MIX]
    listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listening.bind(("127.0.0.1", 0))
    port = listening.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(listening.fileno())],
        pass_fds=[listening.fileno()],
        stdout=subprocess.DEVNULL,
        env={key: value for key, value in os.environ.items() if not key.startswith("COVERAGE_")},
    )
    listening.close()  # the child holds its copy
    try:
        _wait_until_up(port, server)
        _check_answers(port, bodies)
        client = Client(port, bodies)
        seconds = client.run(FIRST, options.concurrency)
        rss_first = rss_bytes(server.pid)
        seconds += client.run(options.requests - FIRST, options.concurrency)
        rss_all = rss_bytes(server.pid)
    finally:
        server.terminate()
        server.wait(30)

    latencies = sorted(client.latencies)
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    growth = rss_all / rss_first
    print_table(
        ["measure", "value"],
        [
            ["requests", f"{options.requests:,}"],
            ["connections at once", options.concurrency],
            ["requests per second", f"{options.requests / seconds:,.0f}"],
            ["latency p50", _ms(cuts[49])],
            ["latency p99", _ms(cuts[98])],
            ["latency max", _ms(latencies[-1])],
            ["errors", len(client.errors)],
            [f"RSS after {FIRST:,}", f"{rss_first / 2**20:.1f} MiB"],
            [f"RSS after {options.requests:,}", f"{rss_all / 2**20:.1f} MiB"],
            ["RSS ratio", f"{growth:.3f} (at most {MAX_GROWTH})"],
        ],
    )
    note("mix: settle 2023, project 2024-2026, deadline, explain (Coesfeld), in turn")
    failed = False
    if client.errors:
        failed = True
        print(f"FAILED: {len(client.errors)} errors; the first: {client.errors[0]}")
    if growth > MAX_GROWTH:
        failed = True
        print(f"FAILED: the RSS grew {growth:.3f} times, more than {MAX_GROWTH}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
