"""The compiled German catalogue, read with the standard library's `gettext`: the bottom of the texts.

Imports nothing of the package, so that `kim_cooperation.errors` (whose
messages are catalogue texts) and `kim_cooperation.i18n` (the public,
checked functions) can both use it without importing each other.
"""

from __future__ import annotations

import functools
import gettext
import io
from importlib import resources
from typing import Final, Literal

__all__ = ["DOMAIN", "catalogue"]

DOMAIN: Final = "kim_cooperation"
"""The catalogue's domain: ``locale/<lang>/LC_MESSAGES/kim_cooperation.mo``."""


@functools.cache
def catalogue(lang: Literal["de", "en"]) -> gettext.NullTranslations:
    """The translations for ``lang``, read once from the package's own ``.mo`` file.

    Never from the environment's ``LANGUAGE`` or ``LC_MESSAGES``. English,
    the language the texts are written in, returns every text as written.
    The caller checks ``lang``.

    Examples:
        >>> catalogue("de").gettext("usage: "), catalogue("en").gettext("usage: ")
        ('Aufruf: ', 'usage: ')
    """
    if lang == "en":
        return gettext.NullTranslations()
    data = resources.files("kim_cooperation").joinpath(f"locale/{lang}/LC_MESSAGES/{DOMAIN}.mo")
    return gettext.GNUTranslations(io.BytesIO(data.read_bytes()))
