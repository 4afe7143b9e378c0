"""The compiled German catalogue, read with the standard library's `gettext`: the bottom of the texts.

Imports nothing of the package, so that `kim_cooperation.errors` (whose
messages are catalogue texts) and `kim_cooperation.i18n` (the public,
checked functions) can both use it without importing each other.
"""

from __future__ import annotations

import functools
import io
from typing import TYPE_CHECKING, Final, Literal

if TYPE_CHECKING:
    import gettext

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
    import gettext  # noqa: PLC0415 - most processes never look up a text

    if lang == "en":
        return gettext.NullTranslations()
    # pkgutil reads the file wherever the package is (a folder or a zip file), as
    # importlib.resources does, without importing zipfile, tempfile, shutil and more.
    import pkgutil  # noqa: PLC0415 - see above

    data = pkgutil.get_data("kim_cooperation", f"locale/{lang}/LC_MESSAGES/{DOMAIN}.mo")
    if data is None:  # pragma: no cover - only a loader that cannot read files returns None
        raise FileNotFoundError(f"the package's loader cannot read its catalogue for {lang!r}")
    return gettext.GNUTranslations(io.BytesIO(data))
