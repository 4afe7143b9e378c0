"""Coverage-guided fuzzing of the agreement-file loader, `kim_cooperation.files.loads_agreement`.

Every input is read as TOML and as JSON. The only exception allowed out is
`KimCooperationError` (in practice `AgreementFileError`); anything else, a
bare ``ValueError``, ``RecursionError`` or ``KeyError`` from inside the
library, is a crash and stops the run with the input that caused it. The
corpus starts from the built-in Coesfeld agreement in both formats.

Run it from the project's root, in the virtualenv, with a bounded number of
runs (atheris takes libFuzzer's options, e.g. ``-max_total_time=60``)::

    python -m pip install atheris        # optional, see below
    python tools/fuzz_loader.py -atheris_runs=20000

atheris first instruments every function loaded (about 5,000: the library,
tomllib, json, cattrs, attrs), which takes two to three minutes; the 20,000
runs then take about a minute. Its corpus is kept in
``build/fuzz_loader_corpus`` under the working folder.

Without atheris (it needs a clang build on some platforms) the script falls
back to a bounded random fuzzer of its own: it mutates the seed files
(flips, inserts, deletes and splices bytes, swaps in interesting tokens) and
takes the same ``-atheris_runs=N`` option, plus ``-seed=N``::

    python tools/fuzz_loader.py -atheris_runs=20000 -seed=1

A crash prints the input (``repr``) and the traceback, writes the input to
``crash-fuzz_loader-<n>.txt`` in the working folder, and exits with status 1.
"""

from __future__ import annotations

import contextlib
import random
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

from kim_cooperation import KimCooperationError, presets
from kim_cooperation.files import AgreementFile, dump_agreement, loads_agreement

_TOKENS: Final = (
    b"[",
    b"]",
    b"{",
    b"}",
    b'"',
    b"=",
    b",",
    b"\n",
    b"[[regions]]\n",
    b"[[parties]]\n",
    b"[cost_plans.2024.Nord]\n",
    b"nan",
    b"inf",
    b"-0.0",
    b"1e999",
    b"9" * 5000,
    b"[" * 2000,
    b"0000-01-01",
    b"9999-12-31",
    b"2023-02-30",
    b"2024-01-01T00:00:00Z",
    b"00:00:00",
    b'"1/0"',
    b'"0/0"',
    b'"1E+999999999"',
    b"null",
    b"true",
    "\u202e\u200be\u0301\U0001f3db".encode(),
    b"\xff\xfe",
)


def _seeds() -> list[bytes]:
    """The Coesfeld agreement, with notices and a cost plan, as TOML and JSON."""
    agreement = presets.coesfeld().give_notice("Rosendahl", presets.coesfeld().start.replace(2024))
    document = AgreementFile(
        agreement=agreement, cost_plans={2023: presets.coesfeld_cost_plan_2023()}
    )
    return [dump_agreement(document, format=form).encode() for form in ("toml", "json")]


def check(data: bytes) -> None:
    """Read ``data`` as an agreement file in both formats; only documented errors may come out."""
    text = data.decode("utf-8", errors="surrogateescape")
    for form in ("toml", "json"):
        with contextlib.suppress(KimCooperationError):
            loads_agreement(text, format=form)


def _mutate(rng: random.Random, data: bytes, corpus: Sequence[bytes]) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        position = rng.randint(0, len(buffer))
        action = rng.randrange(5)
        if action == 0 and buffer:  # flip a byte
            buffer[min(position, len(buffer) - 1)] = rng.randrange(256)
        elif action == 1:  # insert a token
            buffer[position:position] = rng.choice(_TOKENS)
        elif action == 2 and buffer:  # delete a run
            del buffer[position : position + rng.randint(1, 64)]
        elif action == 3:  # splice in part of another input
            other = rng.choice(corpus)
            start = rng.randint(0, len(other))
            buffer[position:position] = other[start : start + rng.randint(1, 256)]
        else:  # duplicate a run
            buffer[position:position] = buffer[position : position + rng.randint(1, 64)]
    return bytes(buffer)


def _report(data: bytes) -> None:
    number = 0
    while Path(f"crash-fuzz_loader-{number}.txt").exists():
        number += 1
    Path(f"crash-fuzz_loader-{number}.txt").write_bytes(data)
    print(f"crash on input {data[:2000]!r}", file=sys.stderr)
    traceback.print_exc()


def _fallback(runs: int, seed: int) -> int:
    rng = random.Random(seed)
    corpus = _seeds()
    started = time.monotonic()
    for run in range(runs):
        data = _mutate(rng, rng.choice(corpus), corpus)
        try:
            check(data)
        except Exception:  # every undocumented error is the finding
            _report(data)
            return 1
        if run % 50 == 0 and len(corpus) < 200:
            corpus.append(data)  # no coverage signal: keep a sample to splice from
    elapsed = time.monotonic() - started
    print(f"fallback fuzzer: {runs} runs (x2 formats) in {elapsed:.1f} s, seed {seed}, no crash")
    return 0


def _option(argv: Sequence[str], name: str, default: int) -> int:
    prefix = f"-{name}="
    values = [int(arg[len(prefix) :]) for arg in argv if arg.startswith(prefix)]
    return values[-1] if values else default


def main(argv: Sequence[str]) -> int:
    """Fuzz with atheris if it is installed, else with the bounded random fallback."""
    try:
        import atheris  # type: ignore[import-untyped]  # noqa: PLC0415 - optional
    except ImportError:
        print("atheris is not installed; running the random fallback fuzzer", file=sys.stderr)
        return _fallback(_option(argv, "atheris_runs", 20_000), _option(argv, "seed", 0))
    folder = Path("build") / "fuzz_loader_corpus"
    folder.mkdir(parents=True, exist_ok=True)
    for number, seed in enumerate(_seeds()):
        (folder / f"seed-{number}").write_bytes(seed)
    instrumented: Callable[[bytes], None] = check
    atheris.instrument_all()  # the library, tomllib, json and cattrs are loaded by now
    atheris.Setup([argv[0], *argv[1:], str(folder)], instrumented)
    atheris.Fuzz()
    return 0  # pragma: no cover - atheris.Fuzz exits itself


if __name__ == "__main__":
    sys.exit(main(sys.argv))
