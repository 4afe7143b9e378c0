"""Result fields derived when first read: the base of results whose derivations wait (issue 17).

A settlement computes its figures at once, on integers; the objects that
explain them (a region's funding post by post, its spans, its billing
lines) are derived from the same inputs by the same rules when first read,
and then kept. A result that nobody explains in full so builds only what
its figures need, and one kept in memory holds only those.

`DerivedOnRead` is a slotted base with one slot, ``_pending``: what the
waiting fields are derived from. A field of an attrs class deriving from it
may be left unset when the result is made; reading it calls the class's
deriver for that field (``_DERIVERS``), which stores the value in the
field's slot, so every later read is a plain slot read. Equality, hashing,
``repr``, copying and pickling read the fields as any caller does, so they
derive what is still waiting first: a result compares, hashes, prints and
pickles exactly as if every field had been computed at once. ``_pending``
is not a field: it is neither compared nor pickled.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

__all__ = ["DerivedOnRead"]


class DerivedOnRead:
    """A slotted base of attrs results some of whose fields are derived on first read.

    A subclass maps each such field's name to its deriver in
    ``_DERIVERS``: a function of the result and its ``_pending`` value that
    returns the field's value. The library makes such results with the
    derived fields unset and ``_pending`` set; results unpickled or made
    otherwise have every field set and never consult ``_pending``.
    """

    __slots__ = ("_pending",)

    _DERIVERS: ClassVar[Mapping[str, Callable[[Any, Any], object]]] = {}

    if not TYPE_CHECKING:  # To a type checker the fields are plain attributes.

        def __getattr__(self, name: str) -> object:
            # Called only when normal look-up fails: an unset slot, or no such attribute.
            derive = type(self)._DERIVERS.get(name)
            if derive is not None:
                try:
                    pending = object.__getattribute__(self, "_pending")
                except AttributeError:
                    pass  # made otherwise: every field is set, so this one does not exist
                else:
                    value = derive(self, pending)
                    # Kept in the field's slot: the class is frozen, so past its __setattr__.
                    object.__setattr__(self, name, value)
                    return value
            raise AttributeError(
                f"{type(self).__name__!r} object has no attribute {name!r}", name=name, obj=self
            )
