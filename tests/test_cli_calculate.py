"""``kim-cooperation calculate``: a JSON request from a file or standard input, JSON on standard output."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from kim_cooperation.cli import main
from kim_cooperation.contract import calculate

REQUEST = {"agreement": "coesfeld", "questions": [{"type": "settle", "year": 2023}]}


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_a_file_is_answered_with_the_response(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "request.json"
    path.write_text(json.dumps(REQUEST), encoding="utf-8")
    assert main(["calculate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert json.loads(out) == calculate(REQUEST)
    assert out.startswith('{\n  "schema_version": "1.0",\n  "answers": [')
    assert "kreisangehörigen" in out  # UTF-8, not escapes


@pytest.mark.parametrize("argv", [["calculate"], ["calculate", "-"]])
def test_standard_input_is_read_without_a_file_or_with_a_dash(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(json.dumps(REQUEST).encode()))
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out) == calculate(REQUEST)


def test_a_refused_request_is_the_error_object_with_status_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = {"agreement": "coesfeld", "questions": [{"type": "settle", "year": 2023.0}]}
    monkeypatch.setattr(sys, "stdin", _Stdin(json.dumps(bad).encode()))
    assert main(["calculate", "--lang", "en"]) == 1
    out, err = capsys.readouterr()
    assert err == ""
    error = json.loads(out)["error"]
    assert (error["type"], error["message"]) == ("invalid_request", "the request has 1 problem")
    assert error["problems"][0]["path"] == "questions[0].year"


def test_lang_is_the_default_and_the_requests_own_lang_wins(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = {"agreement": "coesfeld", "questions": []}
    monkeypatch.setattr(sys, "stdin", _Stdin(json.dumps(bad).encode()))
    assert main(["calculate"]) == 1
    assert json.loads(capsys.readouterr().out)["error"]["message"] == "die Anfrage hat 1 Problem"
    monkeypatch.setattr(sys, "stdin", _Stdin(json.dumps({**bad, "lang": "en"}).encode()))
    assert main(["calculate", "--lang", "de"]) == 1
    assert "the request has" in json.loads(capsys.readouterr().out)["error"]["message"]


def test_text_that_is_not_json_is_an_error_object(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"{not json"))
    assert main(["calculate"]) == 1
    assert json.loads(capsys.readouterr().out)["error"]["type"] == "invalid_json"


def test_a_file_that_cannot_be_read_is_the_usual_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["calculate", str(tmp_path / "missing.json"), "--lang", "en"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "missing.json" in err


def test_options_of_the_other_commands_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "request.json"
    path.write_text(json.dumps(REQUEST), encoding="utf-8")
    assert main(["--agreement", "example", "--lang", "en", "calculate", str(path)]) == 2
    assert "leave out --agreement" in capsys.readouterr().err
