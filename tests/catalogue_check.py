"""The check shared by the stand-in-catalogue tests (tests/test_*_catalogue.py).

A test swaps the catalogue for a stand-in that brackets every text it is
asked for (``⟦Costs⟧``); what is left outside the brackets, once the data
(names, clause ids) is taken out, are words that bypassed the catalogue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kim_cooperation.agreement import Agreement

MARK = re.compile(r"⟦[^⟦⟧]*⟧")
"""A text as the stand-in catalogue gives it, holding no other such text."""


def data_of(agreement: Agreement) -> set[str]:
    """The names an agreement's texts may hold as data: its own, its regions' and its towns'."""
    return {
        agreement.name,
        *(region.name for region in agreement.regions),
        *(party.name for party in agreement.parties),
        *(party.title for party in agreement.parties),
    }


def outside_the_catalogue(text: str, data: Iterable[str]) -> list[str]:
    """The words of ``text`` outside bracketed texts and data: none if all came from the catalogue."""
    assert "⟦" in text, "the stand-in catalogue was not asked: the check would see nothing"
    while MARK.search(text):
        text = MARK.sub(" ", text)
    for datum in sorted(data, key=len, reverse=True):
        text = text.replace(datum, " ")
    text = re.sub(r"\b[CI][0-9]+\b", " ", text)  # clause ids
    return re.findall(r"[^\W\d_]+", text)


def bracketed(template: str, lang: str) -> str:
    """The stand-in catalogue's German: ``template`` whole, in brackets (``⟦Costs⟧``)."""
    assert lang == "de"
    return f"⟦{template}⟧"


class StandIn:
    """A stand-in for the compiled catalogue (`_catalogue.catalogue`): brackets every text."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def gettext(self, text: str) -> str:
        return bracketed(text, self.lang)
