"""Class decorators of the value and result types: how they are built and unpickled.

`result_type` makes an attrs class a result that only the library's
functions build, through `builder`; `reads_older_pickles` lets a class load
pickles written before fields with defaults were added to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, ParamSpec, TypeVar

import attrs

from kim_cooperation.errors import InvalidTypeError

_C = TypeVar("_C", bound=type)
_P = ParamSpec("_P")
_R = TypeVar("_R")


def reads_older_pickles(cls: _C) -> _C:
    """Let ``cls`` load pickles written before fields with defaults were added to it.

    An attrs class pickles its fields by name; a pickle written by an earlier
    version lacks the fields added since, and attrs would leave them unset.
    Wrapped so, the missing fields take their defaults, which are the
    behaviour of the earlier version.
    """
    restore: Any = vars(cls)["__setstate__"]
    defaults: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if isinstance(field.default, attrs.Factory) or field.default is not attrs.NOTHING:  # type: ignore[arg-type]
            defaults[field.name] = field.default

    def __setstate__(self: object, state: Any) -> None:  # noqa: N807
        if isinstance(state, dict):
            missing = {
                name: default.factory() if isinstance(default, attrs.Factory) else default  # type: ignore[arg-type]
                for name, default in defaults.items()
                if name not in state
            }
            state = {**state, **missing}
        restore(self, state)

    type.__setattr__(cls, "__setstate__", __setstate__)
    return cls


_BUILD: Final = "_kim_cooperation_init"
"""The class attribute that keeps a result type's attrs-generated ``__init__`` for `builder`.

Kept on the class itself, not in a table of this module: nothing here changes after import.
"""


def result_type(*, made_by: str) -> Callable[[_C], _C]:
    """Make an attrs class a result type: built by the library's functions only.

    Results (settlements, wind-downs, projections, funding derivations) hold
    figures that follow from an agreement by its rules; their fields could
    be checked one by one, but not whether they add up without computing
    them again. So they cannot be constructed directly: calling the class,
    or `attrs.evolve` on an instance, raises `InvalidTypeError` naming the
    function that makes them. Every result that exists was computed by the
    library (or unpickled from one that was): copying, pickling and loading
    pickles work as before, as they do not call ``__init__``.

    Args:
        made_by: The public functions that make the results, for the message.
    """

    def refuse(cls: _C) -> _C:
        type.__setattr__(cls, _BUILD, vars(cls)["__init__"])

        def __init__(self: object, *args: object, **kwargs: object) -> None:  # noqa: N807
            raise InvalidTypeError(
                f"{cls.__name__} is a result made by {made_by}; it cannot be constructed "
                "directly or changed with attrs.evolve"
            )

        __init__.__qualname__ = f"{cls.__qualname__}.__init__"
        type.__setattr__(cls, "__init__", __init__)
        return cls

    return refuse


def builder(cls: Callable[_P, _R]) -> Callable[_P, _R]:
    """Return the library's own constructor of a `result_type` class, with the class's signature.

    Examples:
        >>> from kim_cooperation.settlement import BillingLine
        >>> BillingLine(year=2023, debtor=None, creditor=None, amount=1.5)
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidTypeError: BillingLine is a result made by settle(); it cannot be constructed directly or changed with attrs.evolve
        >>> callable(builder(BillingLine))
        True
    """
    init: Callable[..., None] = vars(cls)[_BUILD]
    new = object.__new__

    def build(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        made: Any = new(cls)  # type: ignore[arg-type]
        init(made, *args, **kwargs)
        return made  # type: ignore[no-any-return]

    return build
