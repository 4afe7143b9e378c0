"""The HTTP service against a real server: uvicorn on a free loopback port, in a thread.

One server runs for the module (`server`), on a port the system chose (bound to port 0 and
read back), with a small body limit so that bodies over it stay small. Requests are sent with
the standard library's `http.client`, or over a bare socket where a client would refuse to
send what is tested (a false ``Content-Length``, a chunked body over the limit). Every answer is
checked against its JSON Schema; the fuzz checks that nothing but 200 and 4xx ever comes back
and that the server still answers afterwards.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import openapi_spec_validator
import pytest
import referencing
import referencing.jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coesfeld import TOWNS
from kim_cooperation import __version__, contract, schemas, serve
from kim_cooperation.errors import InvalidTypeError, InvalidValueError

LIMIT = 100_000
"""The body limit of the module's server, in bytes."""

Answer = tuple[int, dict[str, str], bytes]


class Running:
    """A uvicorn server with ``app`` in a thread, on a free loopback port."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("127.0.0.1", 0))
        self.port: int = self.socket.getsockname()[1]
        config = uvicorn.Config(app, log_config=None, access_log=False, lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.socket]}, daemon=True
        )

    def __enter__(self) -> Running:
        self.thread.start()
        for _ in range(1000):
            if self.server.started:
                return self
            time.sleep(0.01)
        raise RuntimeError("the server did not start within 10 s")

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.socket.close()

    def request(
        self,
        method: str,
        path: str,
        body: bytes | str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        """Send one request on a new connection; return the status, headers and body."""
        if isinstance(body, str):
            body = body.encode("utf-8")
        sent = {"Content-Type": "application/json"} if body is not None else {}
        sent.update(headers or {})
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def raw(self, head: bytes, body_parts: tuple[bytes, ...] = ()) -> int:
        """Send bytes as they are (head, then each part); return the status answered."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=30) as sock:
            sock.sendall(head)
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                for part in body_parts:
                    sock.sendall(part)
            response = http.client.HTTPResponse(sock)
            response.begin()
            return response.status

    def post(self, document: object, **headers: str) -> Answer:
        return self.request("POST", "/calculate", json.dumps(document), headers)


class Lines(logging.Handler):
    """Keeps the access log's records."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def logged(lines: Lines, count: int) -> list[logging.LogRecord]:
    """The records, once there are ``count``: a line is written after its answer is sent."""
    for _ in range(1000):
        if len(lines.records) >= count:
            return lines.records
        time.sleep(0.01)
    raise AssertionError(f"{count - len(lines.records)} access log lines missing after 10 s")


@pytest.fixture(scope="module")
def access_log() -> Iterator[Lines]:
    logger = logging.getLogger(serve.ACCESS_LOGGER)
    handler = Lines()
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(level)


@pytest.fixture(scope="module")
def server(access_log: Lines) -> Iterator[Running]:
    with Running(serve.create_app(max_body_bytes=LIMIT, timeout_seconds=30)) as running:
        yield running


def validator(name: str) -> jsonschema.protocols.Validator:
    document = schemas.schema(name)
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(
        document, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


ERROR = validator("error")
RESPONSE = validator("response")

QUESTIONS: dict[str, dict[str, Any]] = {
    "settle": {"type": "settle", "year": 2023},
    "project": {"type": "project", "years": [2024, 2025, 2026], "growth": "3 %"},
    "scenario": {
        "type": "scenario",
        "years": [2025, 2026],
        "variants": [
            {"name": "57.000 €", "rates": [{"valid_from": "2025-01-01", "amount": "57000"}]}
        ],
    },
    "deadline": {"type": "deadline", "received": "2024-06-28"},
    "explain": {"type": "explain", "town": "Havixbeck", "year": 2023},
    "billing": {"type": "billing", "year": 2023, "advances": {"Rosendahl": "9000"}},
    "financial_impact": {
        "type": "financial_impact",
        "town": "Billerbeck",
        "year": 2023,
        "layout": "nkf",
    },
}
"""A question of each type on the built-in Coesfeld agreement (wind_down: `ALL_NOTICE`)."""


ALL_NOTICE: dict[str, Any] = {
    "agreement": "coesfeld",
    "notices": [{"party": town, "received": "2024-06-28"} for town in TOWNS],
    "questions": [{"type": "wind_down", "year": 2026}],
}
"""Every town gives notice: the wind-down's question."""


def body(answer: Answer) -> Any:
    _, headers, content = answer
    assert headers["content-type"].startswith("application/json"), headers
    return json.loads(content)


def check_error(answer: Answer, status: int, kind: str) -> dict[str, Any]:
    assert answer[0] == status, answer
    document: dict[str, Any] = body(answer)
    ERROR.validate(document)
    assert document["error"]["type"] == kind
    return document


@pytest.mark.parametrize("kind", sorted(QUESTIONS))
def test_every_question_type_round_trips(server: Running, kind: str) -> None:
    for lang in ("de", "en"):
        request = {"agreement": "coesfeld", "lang": lang, "questions": [QUESTIONS[kind]]}
        answer = server.post(request)
        assert answer[0] == 200, answer
        document = body(answer)
        RESPONSE.validate(document)
        assert document == contract.calculate(request)
        assert document["answers"][0]["type"] == kind


def test_the_wind_down_round_trips(server: Running) -> None:
    answer = server.post(ALL_NOTICE)
    assert answer[0] == 200, answer
    document = body(answer)
    RESPONSE.validate(document)
    assert document == contract.calculate(ALL_NOTICE)


def test_every_question_at_once(server: Running) -> None:
    request = {"agreement": "coesfeld", "questions": list(QUESTIONS.values())}
    document = body(server.post(request))
    RESPONSE.validate(document)
    assert [answer["type"] for answer in document["answers"]] == list(QUESTIONS)
    assert document == contract.calculate(request)


def test_an_invalid_request_gets_422_with_each_path(server: Running) -> None:
    request = {"agreement": "coesfeld", "questions": [{"type": "settle", "year": 2023.0}]}
    document = check_error(server.post(request), 422, "invalid_request")
    assert [problem["path"] for problem in document["error"]["problems"]] == ["questions[0].year"]
    with pytest.raises(contract.RequestError) as raised:
        contract.calculate_json(json.dumps(request))
    assert document == raised.value.to_dict("de")


@pytest.mark.parametrize("name", schemas.SCHEMA_NAMES)
def test_each_schema_is_served(server: Running, name: str) -> None:
    for path in (f"/schemas/{name}", f"/schemas/{name}.schema.json"):
        status, headers, content = server.request("GET", path)
        assert status == 200
        assert headers["content-type"] == "application/schema+json"
        assert json.loads(content) == schemas.schema(name)


def test_an_unknown_schema_gets_404_naming_the_names(server: Running) -> None:
    document = check_error(server.request("GET", "/schemas/settlment"), 404, "invalid_request")
    assert "settlement" in document["error"]["message"]


def test_openapi_describes_the_endpoints(server: Running) -> None:
    document = body(server.request("GET", "/openapi.json"))
    assert document == serve.openapi()
    assert document["openapi"] == "3.1.0"
    assert set(document["paths"]) == {"/calculate", "/schemas/{name}", "/openapi.json", "/health"}
    for name in schemas.SCHEMA_NAMES:
        jsonschema.Draft202012Validator.check_schema(document["components"]["schemas"][name])
    for item in document["paths"].values():
        for operation in item.values():
            for response in operation["responses"].values():
                for media in response["content"].values():
                    reference = media["schema"].get("$ref", "#/components/schemas/")
                    assert reference.removeprefix("#/components/schemas/") in (
                        {"", "health"} | set(schemas.SCHEMA_NAMES)
                    )


def test_openapi_is_valid_and_its_schemas_check_real_answers(server: Running) -> None:
    document = body(server.request("GET", "/openapi.json"))
    # The OpenAPI 3.1 meta-schema and its rules, as code generators read the description.
    openapi_spec_validator.validate(document)
    # Every reference resolves inside the description: a real response and a real error
    # validate against the components, read from the description's root.
    registry = referencing.Registry().with_resource(
        "urn:kim-cooperation:openapi",
        referencing.jsonschema.DRAFT202012.create_resource(document),
    )

    def component(name: str) -> jsonschema.Draft202012Validator:
        return jsonschema.Draft202012Validator(
            {"$ref": f"urn:kim-cooperation:openapi#/components/schemas/{name}"},
            registry=registry,
            format_checker=jsonschema.FormatChecker(),
        )

    request = {"agreement": "coesfeld", "questions": list(QUESTIONS.values())[:4]}
    component("request").validate(request)
    component("response").validate(contract.calculate(request))
    refused = body(
        server.request("POST", "/calculate", json.dumps({"agreement": 1, "questions": []}))
    )
    component("error").validate(refused)
    assert not component("response").is_valid(refused)


def test_health(server: Running) -> None:
    document = body(server.request("GET", "/health"))
    assert document == {
        "status": "ok",
        "version": __version__,
        "schema_version": contract.SCHEMA_VERSION,
    }


def test_wrong_methods_get_405_with_allow(server: Running) -> None:
    for method, path in (("GET", "/calculate"), ("PUT", "/calculate"), ("POST", "/health")):
        answer = server.request(method, path)
        check_error(answer, 405, "invalid_request")
        assert answer[1]["allow"]


def test_an_unknown_path_gets_404(server: Running) -> None:
    check_error(server.request("GET", "/calculate/now"), 404, "invalid_request")


@pytest.mark.parametrize(
    "headers",
    [
        {"Content-Type": "text/plain"},
        {"Content-Type": "application/x-www-form-urlencoded"},
        {"Content-Type": "application/json; charset=latin-1"},
        {"Content-Type": "application/json", "Content-Encoding": "gzip"},
        {"Content-Type": ""},
    ],
)
def test_wrong_content_types_get_415(server: Running, headers: dict[str, str]) -> None:
    answer = server.request("POST", "/calculate", b'{"agreement": "coesfeld"}', headers)
    check_error(answer, 415, "invalid_request")


def test_charset_utf8_is_accepted(server: Running) -> None:
    request = {"agreement": "coesfeld", "questions": [QUESTIONS["settle"]]}
    answer = server.post(request, **{"Content-Type": "application/json; charset=UTF-8"})
    assert answer[0] == 200


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"", "invalid_json"),
        (b"{", "invalid_json"),
        (b'{"agreement": "coesfeld",}', "invalid_json"),
        (b"\xff\xfe\x00", "invalid_json"),
        (b"[" * 10_000 + b"]" * 10_000, "too_deep"),
        (b'{"a":' * 10_000 + b"1" + b"}" * 10_000, "too_deep"),
        (b"null", "invalid_request"),
        (b'"coesfeld"', "invalid_request"),
        (b'{"agreement": 1, "questions": {}}', "invalid_request"),
        (
            b'{"agreement": "coesfeld", "questions": [{"type": "settle", "year": 1e3}]}',
            "invalid_request",
        ),
        (b'{"agreement": "coesfeld", "agreement": "example", "questions": []}', "invalid_request"),
        (
            b'{"agreement": "coesfeld", "questions": [{"type": "settle", "year": NaN}]}',
            "invalid_request",
        ),
    ],
)
def test_malformed_bodies_get_422(server: Running, content: bytes, kind: str) -> None:
    answer = server.request("POST", "/calculate", content, {"Content-Type": "application/json"})
    assert answer[0] == 422, answer
    assert body(answer)["error"]["type"] in {"invalid_json", "invalid_request", "too_deep"}
    check_error(answer, 422, kind)


def test_a_body_over_the_limit_gets_413(server: Running) -> None:
    content = b'{"agreement": "' + b"x" * LIMIT + b'"}'
    check_error(server.request("POST", "/calculate", content), 413, "too_large")


def test_a_declared_length_over_the_limit_is_refused_unread(server: Running) -> None:
    head = (
        b"POST /calculate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        b"Content-Length: 1000000000000\r\n\r\n"
    )
    assert server.raw(head) == 413  # answered without a byte of the body sent


def test_a_chunked_body_over_the_limit_gets_413(server: Running) -> None:
    head = (
        b"POST /calculate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    half = b"[" + b" " * (LIMIT // 2)
    chunks = (*(b"%x\r\n%s\r\n" % (len(half), half) for _ in range(3)), b"0\r\n\r\n")
    assert server.raw(head, chunks) == 413


def test_a_chunked_body_within_the_limit_is_answered(server: Running) -> None:
    head = (
        b"POST /calculate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    )
    content = json.dumps({"agreement": "coesfeld", "questions": [QUESTIONS["settle"]]}).encode()
    parts = (content[:10], content[10:])
    chunks = (*(b"%x\r\n%s\r\n" % (len(part), part) for part in parts), b"0\r\n\r\n")
    assert server.raw(head, chunks) == 200


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=30,
)
"""Any JSON value, floats (NaN and infinities too) included."""

REQUESTISH = st.fixed_dictionaries(
    {"agreement": st.sampled_from(["coesfeld", "example"]) | JSON},
    optional={
        "questions": st.lists(
            st.fixed_dictionaries(
                {"type": st.sampled_from([*QUESTIONS, "wind_down"]) | JSON},
                optional={"year": st.integers() | JSON, "years": JSON, "town": JSON},
            ),
            max_size=3,
        ),
        "lang": st.sampled_from(["de", "en"]) | JSON,
        "schema_version": st.sampled_from(["1", "1.7", "2.0"]) | JSON,
        "cost_plans": JSON,
        "notices": JSON,
    },
)
"""Objects shaped like requests, their values often wrong."""


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(document=JSON | REQUESTISH)
def test_fuzz_drawn_json_gets_no_5xx(server: Running, document: object) -> None:
    content = json.dumps(document)  # floats, NaN and Infinity included: refused with a path
    status = server.request("POST", "/calculate", content)[0]
    assert status == 200 or 400 <= status < 500


@settings(max_examples=30)
@given(content=st.binary(max_size=300))
def test_fuzz_random_bytes_get_4xx(server: Running, content: bytes) -> None:
    answer = server.request("POST", "/calculate", content)
    assert 400 <= answer[0] < 500
    ERROR.validate(json.loads(answer[2]))


@settings(max_examples=20)
@given(
    method=st.sampled_from(["GET", "PUT", "DELETE", "PATCH", "OPTIONS", "POST", "HEAD"]),
    path=st.sampled_from(["/calculate", "/health", "/openapi.json", "/schemas/x", "/", "/%00"]),
    media=st.sampled_from(["application/json", "text/json", "*/*", "application/jsonx"]),
)
def test_fuzz_methods_paths_and_types_get_no_5xx(
    server: Running, method: str, path: str, media: str
) -> None:
    status = server.request(method, path, b"{}", {"Content-Type": media})[0]
    assert status < 500


def test_the_server_still_answers_after_the_fuzz(server: Running) -> None:
    # Runs after the fuzz above (pytest keeps the order of a file's tests).
    assert server.request("GET", "/health")[0] == 200
    answer = server.post({"agreement": "coesfeld", "questions": [QUESTIONS["settle"]]})
    assert answer[0] == 200


def test_the_access_log(server: Running, access_log: Lines) -> None:
    before = len(access_log.records)
    answer = server.post(
        {"agreement": "coesfeld", "questions": [QUESTIONS["settle"]]},
        **{"X-Request-Id": "budget-system-42"},
    )
    fresh = server.request("GET", "/schemas/nothing")
    # A line of an earlier test's request may still arrive in between (its answer was sent
    # before its line was written): the two lines are found by their request ids.
    wanted = ["budget-system-42", fresh[1]["x-request-id"]]
    by_id: dict[str, dict[str, Any]] = {}
    for count in range(before + 2, before + 100):
        records = logged(access_log, count)[before:]
        by_id = {
            line["request_id"]: line for line in map(json.loads, (r.getMessage() for r in records))
        }
        if all(ident in by_id for ident in wanted):
            break
    assert answer[1]["x-request-id"] == "budget-system-42"
    first, second = (by_id[ident] for ident in wanted)
    assert first["method"] == "POST"
    assert first["path"] == "/calculate"
    assert first["status"] == 200
    assert first["bytes_in"] > 0
    assert first["bytes_out"] == len(answer[2])
    assert first["duration_ms"] >= 0
    assert first["client"] == "127.0.0.1"
    assert second["status"] == 404
    assert second["bytes_in"] == 0
    assert set(first) == {
        "time",
        "request_id",
        "method",
        "path",
        "status",
        "duration_ms",
        "bytes_in",
        "bytes_out",
        "client",
    }
    # Each record carries the same fields as data, for handlers that write another format.
    assert all(
        record.access == json.loads(record.getMessage())  # type: ignore[attr-defined]
        for record in records
    )


def test_the_access_log_holds_no_bodies(server: Running, access_log: Lines) -> None:
    before = len(access_log.records)
    server.post({"agreement": "coesfeld", "questions": [QUESTIONS["settle"]], "lang": "en"})
    (line,) = (record.getMessage() for record in logged(access_log, before + 1)[before:])
    assert "coesfeld" not in line
    assert "settle" not in line


def test_a_malformed_request_id_is_replaced(server: Running) -> None:
    answer = server.request("GET", "/health", headers={"X-Request-Id": "a b\tc"})
    assert answer[1]["x-request-id"] != "a b\tc"
    assert len(answer[1]["x-request-id"]) == 32


def test_the_time_limit_gets_503(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    def slow(text: str | bytes, **options: object) -> str:
        release.wait(30)
        return "{}"

    monkeypatch.setattr(contract, "calculate_json", slow)
    app = serve.create_app(timeout_seconds=0.05, concurrency=1, lang="de")
    with Running(app) as running:
        try:
            first = running.post({"agreement": "coesfeld", "questions": []})
            # The first calculation still holds the only place: the second waits and times out.
            second = running.post({"agreement": "coesfeld", "questions": []})
        finally:
            release.set()
    for answer in (first, second):
        document = check_error(answer, 503, "timeout")
        assert "Zeitgrenze" in document["error"]["message"]
        assert answer[1]["retry-after"]


def test_an_unexpected_error_gets_a_generic_500_and_its_traceback_logged(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(text: str | bytes, **options: object) -> str:
        raise RuntimeError("a bug, not bad input")

    monkeypatch.setattr(contract, "calculate_json", broken)
    with (
        caplog.at_level(logging.ERROR, logger=serve.ERROR_LOGGER),
        Running(serve.create_app()) as running,
    ):
        answer = running.post({"agreement": "coesfeld", "questions": []})
        assert running.request("GET", "/health")[0] == 200
    assert answer[0] == 500
    document = body(answer)
    assert document["error"]["type"] == "internal_error"
    assert "a bug" not in document["error"]["message"]
    assert answer[1]["x-request-id"] in document["error"]["message"]
    (record,) = (r for r in caplog.records if r.name == serve.ERROR_LOGGER)
    assert record.exc_info is not None
    assert answer[1]["x-request-id"] in record.getMessage()


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"max_body_bytes": 0}, InvalidValueError),
        ({"max_body_bytes": 1.5}, InvalidTypeError),
        ({"max_body_bytes": True}, InvalidTypeError),
        ({"timeout_seconds": float("nan")}, InvalidValueError),
        ({"timeout_seconds": -1}, InvalidValueError),
        ({"timeout_seconds": "10"}, InvalidTypeError),
        ({"lang": "fr"}, InvalidValueError),
        ({"concurrency": 0}, InvalidValueError),
    ],
)
def test_create_app_refuses_bad_options(options: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error):
        serve.create_app(**options)


def test_serve_refuses_a_bad_port() -> None:
    with pytest.raises(InvalidValueError, match="65535"):
        serve.serve(port=70000)


def test_serve_says_when_it_cannot_listen() -> None:
    with (
        socket.create_server(("127.0.0.1", 0)) as taken,
        pytest.raises(OSError, match=r"[Aa]ddress"),
    ):
        serve.serve(port=taken.getsockname()[1])


def test_the_command_refuses_what_is_not_a_parser_or_arguments() -> None:
    with pytest.raises(InvalidTypeError):
        serve.add_arguments(None)  # type: ignore[arg-type]
    with pytest.raises(InvalidTypeError):
        serve.run({"port": 8000})  # type: ignore[arg-type]


def test_the_command_options() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    serve.add_arguments(parser, lang="de")
    arguments = parser.parse_args(["--max-body", "2M", "--timeout", "2.5", "--host", "::1"])
    assert (arguments.max_body, arguments.timeout, arguments.host) == (2 * 1024**2, 2.5, "::1")
    assert "Sekunden" in parser.format_help()
    for wrong in (["--port", "70000"], ["--timeout", "0"], ["--max-body", "1G"]):
        with pytest.raises(SystemExit):
            parser.parse_args(wrong)


def _imported_after(code: str) -> set[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            code + "\nimport json, sys; print(json.dumps(sorted(sys.modules)))",
        ],
        check=True,
        capture_output=True,
        text=True,
        env=environment,
    )
    return set(json.loads(completed.stdout.splitlines()[-1]))


def test_importing_serve_imports_no_web_framework() -> None:
    imported = _imported_after("import kim_cooperation.serve")
    assert not {"starlette", "uvicorn", "anyio", "jsonschema"} & imported


def test_without_the_extra_create_app_names_it() -> None:
    code = (
        "import sys; sys.modules['starlette'] = None\n"
        "from kim_cooperation.serve import create_app\n"
        "from kim_cooperation.errors import MissingExtraError\n"
        "try:\n    create_app()\n"
        "except MissingExtraError as error:\n    print(error.extra, error)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    )
    assert completed.stdout.startswith("serve create_app needs starlette")
