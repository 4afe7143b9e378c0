"""Values filled into German texts: days in the German form, everything else as it is."""

from __future__ import annotations

from kim_cooperation.i18n import translate_filled

TEMPLATES = ["Split key: population, counts on or before {day}"]


def test_an_iso_day_is_written_as_a_german_day() -> None:
    text = "Split key: population, counts on or before 2024-02-29"
    assert translate_filled(text, TEMPLATES, "de").endswith("Stand am oder vor 29.02.2024")
    assert translate_filled(text, TEMPLATES, "en") == text


def test_what_only_looks_like_a_day_stays_as_it_is() -> None:
    text = "Split key: population, counts on or before 2025-13-45"
    assert translate_filled(text, TEMPLATES, "de").endswith("Stand am oder vor 2025-13-45")
